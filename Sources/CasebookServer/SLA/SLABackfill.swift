import CasebookCore
import Foundation
import SQLKit

extension SLAService {
    /// Builds the SLA history of tickets that have none (written before SLAs existed, loaded by the demo or an
    /// import) from their audits: status changes, public replies by staff and by customers, internal notes.
    /// Returns how many tickets got one.
    @discardableResult
    func backfill(database: Database) async throws -> Int {
        try await database.write { db in
            let rows = try await db.raw("""
                SELECT t.id, t.created_at FROM tickets t
                WHERE t.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM ticket_slas s WHERE s.ticket_id = t.id)
                ORDER BY t.id
                """).all()
            guard !rows.isEmpty else { return 0 }
            let now = clock.now()
            for row in rows {
                let id = try row.decode(column: "id", as: Int.self)
                let created = try row.decode(column: "created_at", as: Int64.self)
                var events: [SLAEvent] = []
                // Field changes and comments in audit order; the creating audit's comment is the request itself.
                let changes = try await db.raw("""
                    SELECT a.id AS audit_id, a.created_at, e.type, e.field_name, e.value, c.public, u.role
                    FROM audits a JOIN audit_events e ON e.audit_id = a.id
                    LEFT JOIN comments c ON c.id = e.comment_id LEFT JOIN users u ON u.id = c.author_id
                    WHERE a.ticket_id = \(bind: id) ORDER BY a.id, e.id
                    """).all()
                var first: Int?
                for change in changes {
                    let auditID = try change.decode(column: "audit_id", as: Int.self)
                    if first == nil { first = auditID }
                    let at = try change.decode(column: "created_at", as: Int64.self)
                    let type = try change.decode(column: "type", as: String.self)
                    if try change.decode(column: "field_name", as: String?.self) == "status", type == "Change" || type == "Create",
                       let raw = try change.decode(column: "value", as: String?.self),
                       let status = (try? JSONValue.parse(Array(raw.utf8)))?.stringValue.flatMap(TicketStatus.init(rawValue:)) {
                        events.append(SLAEvent(at: at, .status(status)))
                    } else if type == "Comment", auditID != first, let isPublic = try change.decode(column: "public", as: Bool?.self) {
                        let staff = (try change.decode(column: "role", as: String?.self)).flatMap(Role.init(rawValue:))?.isStaff ?? false
                        if isPublic { events.append(SLAEvent(at: at, staff ? .agentPublicReply : .requesterComment)) }
                        else if staff { events.append(SLAEvent(at: at, .agentInternalNote)) }
                    }
                }
                let history = SLAHistory(createdAt: created, events: events)
                try await SLAStore(db: db).save(TicketSLARecord(ticketID: id, policyID: nil, history: history, nextBreachAt: nil,
                                                                checkAt: nil, breached: false, escalated: []), now: now)
            }
            return rows.count
        }
    }
}
