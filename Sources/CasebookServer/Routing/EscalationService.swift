import CasebookCore
import Foundation
import SQLKit

/// An agent hands a ticket up: to another group (a specialist team) or to a lead or manager, with a reason.
/// One audit records it; the previous assignee keeps following; the target is told by mail.
struct EscalationService: Sendable {
    let tickets: TicketService
    let jobs: JobScheduler?

    struct Target: Sendable {
        var groupID: Int?
        var userID: Int?
    }

    func escalate(ticketID: Int, to target: Target, reason raw: String, actor: Actor) async throws -> TicketService.Written {
        let reason = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        var errors = FieldErrors()
        if reason.isEmpty { errors.add("reason", error: "BlankValue", "Reason: say why this needs someone else") }
        if reason.count > 2_000 { errors.add("reason", error: "InvalidValue", "Reason: at most 2000 characters") }
        if (target.groupID == nil) == (target.userID == nil) {
            errors.add("group_id", error: "InvalidValue", "Escalate to a group (group_id) or to a lead or manager (user_id), one of them")
        }
        if !errors.isEmpty { throw APIError.invalid(errors) }
        let written = try await tickets.database.write { db -> (TicketService.Written, [UserRecord]) in
            let ticket = try await tickets.visibleTicket(ticketID, to: actor, db: db)
            var object = JSONObject()
            var recipients: [UserRecord] = []
            let targetName: String
            if let groupID = target.groupID {
                guard let group = try await GroupStore(db: db).find(id: groupID) else {
                    throw APIError.invalid("group_id", "Group: no group \(groupID)")
                }
                targetName = "the \(group.name) group"
                object["group_id"] = .int(groupID)
                object["assignee_id"] = .null
                let members = try await GroupStore(db: db).memberships(groupID: groupID).map(\.userID)
                recipients = try await UserStore(db: db).find(ids: members)
            } else {
                let userID = target.userID!
                guard let user = try await UserStore(db: db).find(id: userID), user.active, user.role.rank >= Role.lead.rank else {
                    throw APIError.invalid("user_id", "User: escalate to an active lead, manager or admin")
                }
                targetName = user.name
                object["assignee_id"] = .int(userID)
                recipients = [user]
            }
            if let previous = ticket.fields.assigneeID, previous != target.userID, !ticket.fields.followerIDs.contains(previous) {
                object["follower_ids"] = JSONValue(ticket.fields.followerIDs + [previous])
            }
            let actorName = try await UserStore(db: db).find(id: actor.id)?.name ?? "#\(actor.id)"
            let notice = AuditEvent.notice(kind: "escalation", text: "\(actorName) escalated this to \(targetName): \(reason)")
            let written = try await tickets.update(ticketID, object, actor: actor, via: .web, db: db, loaded: ticket, notices: [notice])
            try await tickets.notifier?.queue(for: written, actor: actor, options: .init(skipAssignment: true), db: db)
            try await tickets.notifier?.queueEscalation(ticket: written.ticket, to: recipients, by: actor, reason: reason, db: db)
            if let groupID = target.groupID, tickets.routing != nil {
                try await RoutingStore(db: db).enqueue(ticketID: ticketID, groupID: groupID, skills: [],
                                                       reason: "escalated to \(targetName)", now: Timestamp.now)
            }
            return (written, recipients)
        }
        await tickets.announce([written.0], by: actor)
        if target.groupID != nil { try? await jobs?.routeNow() }
        return written.0
    }
}
