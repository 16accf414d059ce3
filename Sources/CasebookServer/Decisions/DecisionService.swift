import CasebookCore
import Foundation
import SQLKit

/// Puts an exception on the record and tells everyone involved in the case, in the transaction of the change it
/// belongs to: a decisions row, a notice on the ticket's audit (unless the caller's own update already says it), a
/// workspace notification and an email to each person `DecisionAudience` names.
struct DecisionService: Sendable {
    let tickets: TicketService
    let clock: AppClock

    struct Input: Sendable {
        var kind: DecisionKind
        var rule: String
        var what: String
        var reason: String
        var ticketID: Int?
        var customerID: Int? = nil
        var subjectType: String = ""
        var subjectID: Int? = nil
        /// Requesters and approvers of what was approved (an RMA, a refund).
        var approvalChain: [Int] = []
        /// False when the caller's ticket update already carries the notice (an exclusion override).
        var noticeOnTicket: Bool = true
    }

    @discardableResult
    func record(_ input: Input, actor: Actor, db: any SQLDatabase) async throws -> DecisionRecord {
        let reason = input.reason.trimmingCharacters(in: .whitespacesAndNewlines)
        do throws(FieldErrors) { try DecisionAudience.validate(reason: reason) } catch { throw APIError.invalid(error) }
        let ticket = try await input.ticketID.asyncMap { try await TicketStore(db: db).load(id: $0) } ?? nil
        if let id = input.ticketID, ticket == nil { throw APIError.invalid("ticket_id", "Ticket: no ticket \(id)") }
        let customerID = input.customerID ?? ticket?.fields.requesterID
        let organizationID = ticket?.fields.organizationID
        var audience: [Int] = []
        if let ticket {
            audience = DecisionAudience.recipients(
                earlierAssignees: try await Self.involvedStaff(ticketID: ticket.id, db: db), followers: ticket.fields.followerIDs,
                approvalChain: input.approvalChain, accountOwner: try await Self.accountOwner(organizationID: organizationID, db: db),
                currentAssignee: ticket.fields.assigneeID, decidedBy: actor.id)
        } else {
            audience = DecisionAudience.recipients(earlierAssignees: [], followers: [], approvalChain: input.approvalChain,
                                                   accountOwner: nil, currentAssignee: nil, decidedBy: actor.id)
        }
        let people = try await UserStore(db: db).find(ids: audience + [actor.id])
        let staff = audience.compactMap { id in people.first { $0.id == id && $0.role.isStaff && $0.active } }
        let now = clock.now()
        var record = DecisionRecord(id: 0, kind: input.kind, rule: input.rule, what: input.what, reason: reason, outcome: nil,
                                    ticketID: input.ticketID, customerID: customerID, organizationID: organizationID,
                                    subjectType: input.subjectType, subjectID: input.subjectID, decidedByID: actor.id,
                                    notified: staff.map(\.id), createdAt: now)
        let store = DecisionStore(db: db)
        record.id = try await store.insert(record)
        let who = people.first { $0.id == actor.id }?.name ?? "#\(actor.id)"
        let text = "Decision #\(record.id) by \(who): \(input.what). Departs from: \(input.rule). Why: \(reason)"
        try await store.notify(userIDs: staff.map(\.id), kind: "decision", text: text, ticketID: input.ticketID,
                               link: input.ticketID.map { "/agent/tickets/\($0)" } ?? "/agent/decisions", at: now)
        if let ticket {
            // A closed ticket takes no more changes; the decision is still on the record and still told.
            if input.noticeOnTicket, ticket.fields.status < .closed {
                _ = try await tickets.update(ticket.id, [:], actor: actor, via: .web, db: db,
                                             notices: [.notice(kind: "decision", text: text)])
            }
            try await tickets.notifier?.queueEscalation(ticket: ticket, to: staff, by: actor, reason: text, event: .decision, db: db)
        }
        return record
    }

    /// Staff who held the ticket (every assignee in its audit) or wrote on it, in the order they first did.
    static func involvedStaff(ticketID: Int, db: any SQLDatabase) async throws -> [Int] {
        var ids: [Int] = []
        let assignments = try await db.raw("""
            SELECT e.value, e.previous_value FROM audit_events e JOIN audits a ON a.id = e.audit_id
            WHERE a.ticket_id = \(bind: ticketID) AND e.field_name = 'assignee_id' ORDER BY e.id
            """).all()
        for row in assignments {
            for column in ["previous_value", "value"] {
                if let text = try row.decode(column: column, as: String?.self), let id = Int(text) { ids.append(id) }
            }
        }
        let writers = try await db.raw("""
            SELECT c.author_id, MIN(c.id) AS first FROM comments c JOIN users u ON u.id = c.author_id
            WHERE c.ticket_id = \(bind: ticketID) AND u.role <> 'end-user' GROUP BY c.author_id ORDER BY MIN(c.id)
            """).all()
        ids += try writers.map { try $0.decode(column: "author_id", as: Int.self) }
        var seen = Set<Int>()
        return ids.filter { seen.insert($0).inserted }
    }

    static func accountOwner(organizationID: Int?, db: any SQLDatabase) async throws -> Int? {
        guard let organizationID else { return nil }
        return try await db.raw("SELECT account_owner_id FROM organizations WHERE id = \(bind: organizationID)").first()?
            .decode(column: "account_owner_id", as: Int?.self)
    }

    static func present(_ d: DecisionRecord) -> JSONValue {
        [
            "id": .int(d.id), "kind": .string(d.kind.rawValue), "kind_text": .string(d.kind.words), "rule": .string(d.rule),
            "what": .string(d.what), "reason": .string(d.reason), "outcome": JSONValue(d.outcome), "ticket_id": JSONValue(d.ticketID),
            "customer_id": JSONValue(d.customerID), "organization_id": JSONValue(d.organizationID),
            "subject_type": d.subjectType.isEmpty ? .null : .string(d.subjectType), "subject_id": JSONValue(d.subjectID),
            "decided_by_id": .int(d.decidedByID), "notified_user_ids": JSONValue(d.notified),
            "created_at": JSONValue(Timestamp.date(d.createdAt)),
        ]
    }
}
