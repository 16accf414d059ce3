import CasebookCore
import Foundation
import Hummingbird
import NIOCore
import SQLKit

/// Decisions on the record as pages: the list (newest first, by kind and person), the leads' report by person, kind,
/// rule and outcome with its CSV, the signed-in person's notifications, and the leads' list of tickets whose last
/// call still owes its notes.
struct DecisionPageRoutes: Sendable {
    let services: CasebookServices
    let renderer: PageRenderer

    struct ListPage: Sendable {
        struct Row: Sendable {
            var id: Int
            var when: String
            var whenISO: String
            var kind: String
            var rule: String
            var what: String
            var reason: String
            var outcome: String?
            var by: String
            var ticketID: Int?
            var rmaID: Int?
        }
        var chrome: Chrome
        var kinds: [Option]
        var people: [Option]
        var rows: [Row]
        var hasRows: Bool
        var total: Int
        var paging: Paging
        var canSeeReport: Bool
    }

    struct ReportPage: Sendable {
        struct Row: Sendable { var person: String; var kind: String; var rule: String; var outcome: String; var count: Int }
        var chrome: Chrome
        var from: String
        var to: String
        var rows: [Row]
        var hasRows: Bool
        var total: Int
        var csvHref: String
    }

    struct NotificationsPage: Sendable {
        struct Row: Sendable { var id: Int; var text: String; var when: String; var whenISO: String; var link: String?; var unread: Bool }
        var chrome: Chrome
        var rows: [Row]
        var hasRows: Bool
        var unread: Int
        var hasUnread: Bool
    }

    struct CaseNotesPage: Sendable {
        struct Row: Sendable { var ticketID: Int; var subject: String; var status: String; var assignee: String; var since: String; var sinceISO: String; var waiting: String }
        var chrome: Chrome
        var rows: [Row]
        var hasRows: Bool
    }

    func register(on web: RouterGroup<CasebookContext>) {
        web.get("agent/decisions", use: list)
        web.get("agent/decisions/report", use: report)
        web.get("agent/decisions/report.csv", use: reportCSV)
        web.get("agent/notifications", use: notifications)
        web.post("agent/notifications/read", use: markRead)
        web.get("agent/case-notes", use: caseNotes)
    }

    // MARK: Decisions

    /// `?kind=` and `?person=` (the decider's id) filter; `?page=` pages from the newest.
    @Sendable func list(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.useWorkspace)
        let query = request.query
        var filter = DecisionStore.Filter()
        filter.kind = query["kind"].flatMap(DecisionKind.init(rawValue:))
        filter.decidedByID = query["person"].flatMap(Int.init)
        let pageNumber = Paging.requested(query["page"])
        let (records, total, staff, names) = try await services.database.read { [filter] db in
            let store = DecisionStore(db: db)
            let total = try await store.count(filter)
            // The store lists oldest first; the page counts its window back from the end to show the newest first.
            let end = max(0, total - (pageNumber - 1) * Paging.perPage)
            let start = max(0, end - Paging.perPage)
            var records: [DecisionRecord] = []
            if end > start { records = try await store.list(filter, limit: end - start, offset: start, afterID: nil).reversed() }
            let staff = try await UserStore(db: db).activeStaff()
            let people = try await UserStore(db: db).find(ids: Array(Set(records.map(\.decidedByID))))
            return (records, total, staff, Dictionary(people.map { ($0.id, $0.name) }, uniquingKeysWith: { $1 }))
        }
        let rows = records.map { d in
            ListPage.Row(id: d.id, when: PageTime.text(d.createdAt), whenISO: PageTime.iso(d.createdAt), kind: d.kind.words, rule: d.rule,
                         what: d.what, reason: d.reason, outcome: d.outcome.map(Self.outcomeWords), by: names[d.decidedByID] ?? "#\(d.decidedByID)",
                         ticketID: d.ticketID, rmaID: d.subjectType == "rma" ? d.subjectID : nil)
        }
        let base = "/agent/decisions?kind=\(filter.kind?.rawValue ?? "")&person=\(filter.decidedByID.map(String.init) ?? "")"
        let page = ListPage(
            chrome: Chrome(title: "Decisions", context: context),
            kinds: [Option(value: "", label: "Any kind", selected: filter.kind == nil)]
                + DecisionKind.allCases.map { Option(value: $0.rawValue, label: $0.words, selected: $0 == filter.kind) },
            people: [Option(value: "", label: "Anyone", selected: filter.decidedByID == nil)]
                + staff.map { Option(value: String($0.id), label: $0.name, selected: $0.id == filter.decidedByID) },
            rows: rows, hasRows: !rows.isEmpty, total: total,
            paging: Paging(page: pageNumber, total: total) { "\(base)&page=\($0)" },
            canSeeReport: actor.role.allows(.viewTeamBoard))
        return renderer.page("decision-list", page)
    }

    /// An inspection outcome is stored by its key; the pages say it in words.
    static func outcomeWords(_ outcome: String) -> String { InspectionOutcome(rawValue: outcome)?.words ?? outcome }

    // MARK: The report

    /// `?from=&to=` as dates (the last 90 days by default), the same range the API's report takes.
    @Sendable func report(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.viewTeamBoard)
        let now = services.config.clock.now()
        do {
            let (from, to) = try DecisionRoutes.range(request, now: now)
            return try await reportPage(from: from, to: to, context: context)
        } catch let error as APIError where error.status == .badRequest {
            return try await reportPage(from: now + 1 - 90 * 86_400_000, to: now + 1, context: context, errors: error.messages, status: .badRequest)
        }
    }

    func reportPage(from: Int64, to: Int64, context: CasebookContext, errors: [String] = [],
                    status: HTTPResponse.Status = .ok) async throws -> Response {
        let rows = try await reportRows(from: from, to: to)
        var chrome = Chrome(title: "Decisions report", context: context)
        chrome.errors = errors
        let (fromDay, toDay) = (Self.day(from), Self.day(to - 1))
        let page = ReportPage(chrome: chrome, from: fromDay, to: toDay, rows: rows, hasRows: !rows.isEmpty, total: rows.reduce(0) { $0 + $1.count },
                              csvHref: "/agent/decisions/report.csv?from=\(fromDay)&to=\(toDay)")
        return renderer.page("decision-report", page, status: status)
    }

    func reportRows(from: Int64, to: Int64) async throws -> [ReportPage.Row] {
        let (rows, names) = try await services.database.read { db -> ([DecisionStore.ReportRow], [Int: String]) in
            let rows = try await DecisionStore(db: db).report(from: from, to: to)
            let people = try await UserStore(db: db).find(ids: Array(Set(rows.map(\.decidedByID))))
            return (rows, Dictionary(people.map { ($0.id, $0.name) }, uniquingKeysWith: { $1 }))
        }
        return rows.map { r in
            ReportPage.Row(person: names[r.decidedByID] ?? "#\(r.decidedByID)", kind: r.kind.words, rule: r.rule,
                           outcome: r.outcome.map(Self.outcomeWords) ?? "not known yet", count: r.count)
        }
    }

    @Sendable func reportCSV(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.viewTeamBoard)
        let (from, to) = try DecisionRoutes.range(request, now: services.config.clock.now())
        let rows = try await reportRows(from: from, to: to)
        var text = ReportCSV.line(["person", "kind", "rule", "outcome", "count"])
        for row in rows { text += ReportCSV.line([row.person, row.kind, row.rule, row.outcome, String(row.count)]) }
        let name = "decisions-\(Self.day(from))-to-\(Self.day(to - 1)).csv"
        return Response(status: .ok,
                        headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"\(name)\"",
                                  .cacheControl: "no-store"],
                        body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func day(_ millis: Int64) -> String { String(PageTime.text(millis).prefix(10)) }

    // MARK: Notifications

    @Sendable func notifications(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.useWorkspace)
        let (list, unread) = try await services.database.read { db in
            (try await DecisionStore(db: db).notifications(userID: actor.id, unreadOnly: false, limit: 100),
             try await DecisionStore(db: db).unreadCount(userID: actor.id))
        }
        var chrome = Chrome(title: "Notifications", context: context)
        chrome.unreadNotifications = unread
        if request.query["read"] != nil { chrome.notices = ["All notifications are marked read."] }
        let rows = list.map { n in
            NotificationsPage.Row(id: n.id, text: n.text, when: PageTime.text(n.createdAt), whenISO: PageTime.iso(n.createdAt),
                                  link: Self.isLocalPath(n.link) ? n.link : nil, unread: n.readAt == nil)
        }
        return renderer.page("notifications", NotificationsPage(chrome: chrome, rows: rows, hasRows: !rows.isEmpty, unread: unread,
                                                                 hasUnread: unread > 0))
    }

    /// Only links within Casebook become links: a notification's text comes from the desk, but its link is followed.
    static func isLocalPath(_ link: String) -> Bool { link.hasPrefix("/") && !link.hasPrefix("//") && !link.hasPrefix("/\\") }

    @Sendable func markRead(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.useWorkspace)
        let now = services.config.clock.now()
        try await services.database.write { db in try await DecisionStore(db: db).markRead(userID: actor.id, ids: nil, at: now) }
        return seeOther("/agent/notifications?read=all")
    }

    // MARK: Case notes

    @Sendable func caseNotes(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.viewTeamBoard)
        let (owed, tickets, names) = try await services.database.read { db in
            let owed = try await TicketStore(db: db).owingNotes(limit: 500)
            let tickets = try await TicketStore(db: db).load(ids: owed.map(\.ticketID))
            let people = try await UserStore(db: db).find(ids: Array(Set(tickets.compactMap(\.fields.assigneeID))))
            return (owed, tickets, Dictionary(people.map { ($0.id, $0.name) }, uniquingKeysWith: { $1 }))
        }
        let byID = Dictionary(tickets.map { ($0.id, $0) }, uniquingKeysWith: { $1 })
        let now = services.config.clock.now()
        let rows = owed.compactMap { item -> CaseNotesPage.Row? in
            guard let t = byID[item.ticketID] else { return nil }
            return .init(ticketID: t.id, subject: t.fields.subject, status: t.fields.status.rawValue,
                         assignee: t.fields.assigneeID.map { names[$0] ?? "#\($0)" } ?? "nobody",
                         since: PageTime.text(item.since), sinceISO: PageTime.iso(item.since), waiting: OrderPageRoutes.duration(max(0, now - item.since)))
        }
        return renderer.page("case-notes", CaseNotesPage(chrome: Chrome(title: "Case notes owed", context: context), rows: rows, hasRows: !rows.isEmpty))
    }
}
