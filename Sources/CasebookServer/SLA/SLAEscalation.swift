import CasebookCore
import Foundation
import SQLKit

extension SLAService {
    /// Escalates the tickets whose check time has come: for each target breached or within the policy's lead time,
    /// once per target, raise the priority, move to a group, add tags and tell the leads — in one audit authored by
    /// Casebook. Returns how many tickets were escalated.
    @discardableResult
    func escalateDue(tickets: TicketService, limit: Int = 200) async throws -> Int {
        let now = clock.now()
        let due = try await tickets.database.read { db in try await SLAStore(db: db).due(now: now, limit: limit) }
        var escalated: [TicketService.Written] = []
        guard !due.isEmpty else { return 0 }
        let automation = try await tickets.database.write { db in try await Automation.actor(db: db) }
        for ticketID in due {
            let written = try await tickets.database.write { db -> TicketService.Written? in
                let store = SLAStore(db: db)
                guard var record = try await store.ticketSLA(ticketID: ticketID),
                      let ticket = try await TicketStore(db: db).load(id: ticketID), ticket.fields.status < .solved else {
                    try await db.raw("UPDATE ticket_slas SET check_at = NULL WHERE ticket_id = \(bind: ticketID)").run()
                    return nil
                }
                let snapshot = try await cache.snapshot(db: db, now: now)
                let states = evaluate(&record, facts: Self.facts(ticket.fields, via: ticket.via), snapshot: snapshot, now: now)
                guard let policyID = record.policyID, let policy = snapshot.policies[policyID] else {
                    try await store.save(record, now: now)
                    return nil
                }
                let lead = Int64(policy.escalation.leadMinutes) * 60_000
                let hits = states.filter { state in
                    guard let at = state.runningBreachAt else { return false }
                    return now >= at - lead && !record.escalated.contains(Self.key(state.metric, at))
                }
                guard !hits.isEmpty else {
                    try await store.save(record, now: now)
                    return nil
                }
                let actions = policy.escalation
                var object = JSONObject()
                if let raise = actions.raisePriorityTo, (ticket.fields.priority ?? .low) < raise { object["priority"] = .string(raise.rawValue) }
                if let group = actions.groupID, group != ticket.fields.groupID { object["group_id"] = .int(group) }
                if !actions.addTags.isEmpty { object["additional_tags"] = JSONValue(actions.addTags) }
                let what = hits.map { state -> String in
                    let at = state.runningBreachAt!
                    let verb = now >= at ? "breached at" : "breaches at"
                    return "\(state.metric.words) \(verb) \(PageTime.text(at)) (target \(state.targetMinutes) min\(state.businessHours ? " in business hours" : ""))"
                }.joined(separator: "; ")
                let actor = automation
                let notice = AuditEvent.notice(kind: "sla_escalation", text: "SLA “\(policy.policy.title)”: \(what)")
                let written = try await tickets.update(ticketID, object, actor: actor, via: .api, db: db, loaded: ticket, notices: [notice])
                try await tickets.notify(written, actor: actor, db: db)
                if actions.notifyLeads {
                    let leads = try await Self.leads(for: written.ticket, db: db)
                    try await tickets.notifier?.queueEscalation(ticket: written.ticket, to: leads, by: actor,
                                                                reason: "SLA “\(policy.policy.title)”: \(what)", db: db)
                }
                // The update above re-read and re-saved the row; mark the targets done on the fresh one.
                var fresh = try await store.ticketSLA(ticketID: ticketID) ?? record
                for state in hits { fresh.escalated.insert(Self.key(state.metric, state.runningBreachAt!)) }
                evaluate(&fresh, facts: Self.facts(written.ticket.fields, via: ticket.via), snapshot: snapshot, now: now)
                try await store.save(fresh, now: now)
                return written
            }
            if let written { escalated.append(written) }
        }
        if !escalated.isEmpty { await tickets.announce(escalated, by: automation) }
        return escalated.count
    }

    /// Who hears about a breach: the leads and managers of the ticket's group, else every manager.
    static func leads(for ticket: TicketRecord, db: any SQLDatabase) async throws -> [UserRecord] {
        if let group = ticket.fields.groupID {
            let members = try await GroupStore(db: db).memberships(groupID: group).map(\.userID)
            let leads = try await UserStore(db: db).find(ids: members).filter { $0.active && ($0.role == .lead || $0.role == .manager) }
            if !leads.isEmpty { return leads }
        }
        return try await UserStore(db: db).activeStaff().filter { $0.role == .manager }
    }
}

extension SLAMetric {
    var words: String {
        switch self {
        case .firstReplyTime: "first reply"
        case .nextReplyTime: "next reply"
        case .periodicUpdateTime: "periodic update"
        case .requesterWaitTime: "requester wait time"
        case .fullResolutionTime: "full resolution"
        }
    }
}
