import CasebookCore
import Foundation
import Logging
import SQLKit

extension RoutingService {
    /// Offers each waiting ticket (oldest first) to whoever can take it now; a ticket someone took meanwhile, or
    /// that was solved, leaves the queue. Each assignment is its own transaction, authored by Casebook.
    /// Returns how many were assigned.
    @discardableResult
    func routeWaiting(tickets: TicketService, limit: Int = 500) async throws -> Int {
        let waiting = try await tickets.database.read { db in try await RoutingStore(db: db).waiting(limit: limit) }
        var assigned = 0
        var changed: [TicketService.Written] = []
        guard !waiting.isEmpty else { return 0 }
        let automation = try await tickets.database.write { db in try await Automation.actor(db: db) }
        for entry in waiting {
            let result = try await tickets.database.write { db -> TicketService.Written? in
                let store = RoutingStore(db: db)
                guard let ticket = try await TicketStore(db: db).load(id: entry.ticketID),
                      ticket.fields.assigneeID == nil, ticket.fields.status < .solved else {
                    try await store.dequeue(ticketID: entry.ticketID)
                    return nil
                }
                let now = clock.now()
                let (engine, snapshot, lastRouted) = try await engine(db: db, now: now)
                let groupID = entry.groupID ?? ticket.fields.groupID
                // The rules chose the group and skills when the ticket came in; only those count now.
                let standing = RoutingRuleSet(rules: [RoutingRule(
                    id: 0, position: 0, title: "queued", conditions: [],
                    actions: RoutingActions(groupID: groupID, skills: entry.skills, priority: nil, addTags: []), active: true)])
                let facts = TicketFacts(channel: ticket.via, requesterID: ticket.fields.requesterID,
                                        organizationID: ticket.fields.organizationID, tags: ticket.fields.tags,
                                        priority: ticket.fields.priority ?? .normal, subject: ticket.fields.subject, groupID: groupID)
                let sticky = try await stickyOwner(requesterID: ticket.fields.requesterID, now: now, db: db)
                let decision = engine.decide(facts, rules: standing, stickyOwnerID: sticky == nil ? nil : sticky,
                                             roundRobinLast: groupID.flatMap { lastRouted[$0] })
                switch decision.outcome {
                case .assign(let agentID, let reason):
                    let actor = automation
                    let waited = max(0, (now - entry.queuedAt) / 60_000)
                    let notice = AuditEvent.notice(kind: "routing", text: "Assigned to \(snapshot.staff[agentID] ?? "#\(agentID)") " +
                                                   "(\(reason.words)) after waiting \(waited) min")
                    let written = try await tickets.update(ticket.id, ["assignee_id": .int(agentID)], actor: actor, via: .api,
                                                           db: db, loaded: ticket, notices: [notice])
                    try await tickets.notify(written, actor: actor, db: db)
                    try await store.dequeue(ticketID: ticket.id)
                    try await PresenceStore(db: db).recordAssignment(userID: agentID, at: now)
                    if let groupID { try await store.recordRoundRobin(groupID: groupID, agentID: agentID) }
                    return written
                case .wait(let reason):
                    if reason.description != entry.reason {
                        try await store.enqueue(ticketID: ticket.id, groupID: groupID, skills: entry.skills,
                                                reason: reason.description, now: now)
                    }
                    return nil
                case .manual, .noGroup:
                    // The group went manual (or was removed): a person assigns it from the group's view.
                    try await store.dequeue(ticketID: ticket.id)
                    return nil
                }
            }
            if let result {
                assigned += 1
                changed.append(result)
            }
        }
        if !changed.isEmpty { await tickets.announce(changed, by: automation) }
        return assigned
    }
}
