import CasebookCore
import Foundation
import SQLKit

/// What the agent on a repeat contact needs before answering: the earlier tickets about the same thing, who handled
/// them, what they last told the customer, and what was decided (escalations, overrides, recorded decisions).
struct RepeatHistory: Sendable {
    struct Earlier: Sendable {
        var ticketID: Int
        var subject: String
        var status: String
        var createdAt: Int64
        var assignee: String?
        var handledBy: [String]
        var lastReply: (author: String, body: String, at: Int64)?
        var decisions: [String]
    }
    var earlier: [Earlier]
    var summary: String?

    static let decisionKinds = ["decision", "escalation", "exclusion_override", "exclusion", "sla_escalation"]

    static func load(ticketID: Int, actor: Actor, services: CasebookServices) async throws -> RepeatHistory {
        try await services.database.read { db in
            let ticket = try await services.tickets.visibleTicket(ticketID, to: actor, db: db)
            return try await load(ticket: ticket, db: db)
        }
    }

    static func load(ticket: TicketRecord, db: any SQLDatabase) async throws -> RepeatHistory {
        let linked = try await RoutingStore(db: db).links(ticketID: ticket.id, kind: "repeat_contact")
        guard !linked.isEmpty else { return RepeatHistory(earlier: [], summary: nil) }
        let tickets = try await TicketStore(db: db).load(ids: linked).sorted { $0.createdAt < $1.createdAt }
        var earlier: [Earlier] = []
        var names: [Int: String] = [:]
        func name(_ id: Int) async throws -> String {
            if let known = names[id] { return known }
            let found = try await UserStore(db: db).find(id: id)?.name ?? "#\(id)"
            names[id] = found
            return found
        }
        for t in tickets {
            let replies = try await db.raw("""
                SELECT c.author_id, c.body, c.created_at FROM comments c JOIN users u ON u.id = c.author_id
                WHERE c.ticket_id = \(bind: t.id) AND c.public = \(bind: true) AND u.role <> 'end-user'
                ORDER BY c.id
                """).all()
            var handled: [String] = []
            var last: (String, String, Int64)?
            for row in replies {
                let author = try await name(try row.decode(column: "author_id", as: Int.self))
                if !handled.contains(author) { handled.append(author) }
                last = (author, try row.decode(column: "body", as: String.self), try row.decode(column: "created_at", as: Int64.self))
            }
            let decisions = try await db.raw("""
                SELECT e.value FROM audit_events e JOIN audits a ON a.id = e.audit_id
                WHERE a.ticket_id = \(bind: t.id) AND e.type = 'Notice' AND e.field_name IN (\(binds: decisionKinds))
                ORDER BY e.id
                """).all().compactMap { row in
                    try row.decode(column: "value", as: String?.self).flatMap { try? JSONValue.parse(Array($0.utf8)).stringValue }
                }
            var assignee: String?
            if let id = t.fields.assigneeID { assignee = try await name(id) }
            earlier.append(Earlier(ticketID: t.id, subject: t.fields.subject, status: t.fields.status.rawValue, createdAt: t.createdAt,
                                   assignee: assignee, handledBy: handled, lastReply: last.map { (author: $0.0, body: $0.1, at: $0.2) },
                                   decisions: decisions))
        }
        let first = earlier.first?.createdAt ?? ticket.createdAt
        let days = max(1, Int((ticket.createdAt - first + 86_399_999) / 86_400_000))
        return RepeatHistory(earlier: earlier,
                             summary: "This customer has contacted us \(earlier.count + 1) times in \(days) day\(days == 1 ? "" : "s") about this")
    }
}
