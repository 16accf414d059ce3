import CasebookCore
import Foundation
import SQLKit

/// An `<option>` of a select.
struct Option: Sendable {
    var value: String
    var label: String
    var selected: Bool
}

/// Times as pages show them: readable text plus the ISO form for `<time datetime>`.
enum PageTime {
    static func text(_ millis: Int64) -> String {
        var seconds = time_t(millis / 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday)) \(two(parts.tm_hour)):\(two(parts.tm_min)) UTC"
    }

    static func iso(_ millis: Int64) -> String { isoString(Timestamp.date(millis)) }
}

/// A row of a ticket list, with names instead of ids.
struct TicketRow: Sendable {
    var id: Int
    var subject: String
    var status: String
    var priority: String?
    var requester: String
    var assignee: String
    var group: String
    var updated: String
    var updatedISO: String
    /// The nearest running SLA target: "breached" or "due in 40 min", and a class to mark breached rows.
    var sla: String = ""
    var slaClass: String = ""
}

/// Names for the people and groups a page mentions, fetched in one query each.
struct NameBook: Sendable {
    var users: [Int: UserRecord] = [:]
    var groups: [Int: String] = [:]

    static func load(userIDs: some Sequence<Int>, db: any SQLDatabase) async throws -> NameBook {
        var book = NameBook()
        let ids = Array(Set(userIDs))
        if !ids.isEmpty {
            for user in try await UserStore(db: db).find(ids: ids) { book.users[user.id] = user }
        }
        for group in try await GroupStore(db: db).list(limit: 500, offset: 0) { book.groups[group.id] = group.name }
        return book
    }

    func name(_ id: Int?) -> String { id.flatMap { users[$0]?.name } ?? "" }

    func rows(_ tickets: [TicketRecord], breaches: [Int: Int64] = [:], now: Int64 = Timestamp.now) -> [TicketRow] {
        tickets.map { t in
            var row = TicketRow(id: t.id, subject: t.fields.subject, status: t.fields.status.rawValue,
                      priority: t.fields.priority?.rawValue, requester: name(t.fields.requesterID),
                      assignee: name(t.fields.assigneeID), group: t.fields.groupID.flatMap { groups[$0] } ?? "",
                      updated: PageTime.text(t.updatedAt), updatedISO: PageTime.iso(t.updatedAt))
            if let at = breaches[t.id], t.fields.status < .solved {
                row.sla = at <= now ? "Breached" : "Due in \(TicketRoutingPanel.duration(at - now))"
                row.slaClass = at <= now ? "sla-breached" : (at - now < 3_600_000 ? "sla-soon" : "sla-running")
            }
            return row
        }
    }

    static func forTickets(_ tickets: [TicketRecord], db: any SQLDatabase) async throws -> NameBook {
        try await load(userIDs: tickets.flatMap { [$0.fields.requesterID] + ($0.fields.assigneeID.map { [$0] } ?? []) }, db: db)
    }
}

/// Page numbers and links for a list.
struct Paging: Sendable {
    static let perPage = 25
    var page: Int
    var pages: Int
    var prevHref: String?
    var nextHref: String?

    init(page: Int, total: Int, href: (Int) -> String) {
        self.page = page
        pages = max(1, (total + Self.perPage - 1) / Self.perPage)
        prevHref = page > 1 ? href(page - 1) : nil
        nextHref = page < pages ? href(page + 1) : nil
    }

    static func requested(_ raw: String?) -> Int { max(1, min(Int(raw ?? "") ?? 1, 10_000)) }
}

/// Text for a URL's query; `keeping` lists characters to leave as they are (e.g. "/" in a path).
func percentEncoded(_ text: String, keeping: String = "") -> String {
    text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(.init(charactersIn: "-_.~" + keeping))) ?? ""
}
