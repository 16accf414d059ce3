import CasebookCore
import Foundation
import SQLKit

/// Creating and removing exclusion rules; each is recorded on the ticket it came from, if any.
enum Exclusions {
    static func create(services: CasebookServices, agentID: Int?, requesterID: Int?, organizationID: Int?, reason raw: String,
                       ticketID: Int?, actor: Actor) async throws -> ExclusionRule {
        let now = services.config.clock.now()
        let rule = try await services.database.write { db -> ExclusionRule in
            try await create(in: db, tickets: services.tickets, now: now, agentID: agentID, requesterID: requesterID,
                             organizationID: organizationID, reason: raw, ticketID: ticketID, actor: actor)
        }
        services.routing.cache.invalidate()
        return rule
    }

    /// The same, inside the caller's transaction (a conduct record's outcome creates its rule with the record). The
    /// caller invalidates `services.routing.cache` once the transaction has committed.
    static func create(in db: any SQLDatabase, tickets: TicketService, now: Int64, agentID: Int?, requesterID: Int?,
                       organizationID: Int?, reason raw: String, ticketID: Int?, actor: Actor) async throws -> ExclusionRule {
        let reason = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        var errors = FieldErrors()
        let users = UserStore(db: db)
        let agent = try await agentID.asyncMap { try await users.find(id: $0) } ?? nil
        if agentID == nil { errors.add("agent_id", error: "BlankValue", "Agent: choose the agent to keep away") }
        else if agent == nil || agent?.role.isStaff != true { errors.add("agent_id", error: "InvalidValue", "Agent: no agent \(agentID!)") }
        if let requesterID, try await users.find(id: requesterID) == nil {
            errors.add("requester_id", error: "InvalidValue", "Requester: no user \(requesterID)")
        }
        if let organizationID, try await OrganizationStore(db: db).find(id: organizationID) == nil {
            errors.add("organization_id", error: "InvalidValue", "Organization: no organization \(organizationID)")
        }
        if let ticketID, try await TicketStore(db: db).load(id: ticketID) == nil {
            errors.add("ticket_id", error: "InvalidValue", "Ticket: no ticket \(ticketID)")
        }
        var rule = ExclusionRule(id: 0, agentID: agentID ?? 0, requesterID: requesterID, organizationID: organizationID,
                                 reason: reason, createdByID: actor.id, createdAt: now)
        if errors.isEmpty {
            do throws(FieldErrors) { try rule.validate() } catch { errors.merge(error) }
        }
        if !errors.isEmpty { throw APIError.invalid(errors) }
        rule.id = try await RoutingStore(db: db).insert(rule, ticketID: ticketID)
        if let ticketID {
            let who = try await users.find(id: actor.id)?.name ?? "#\(actor.id)"
            let whom = requesterID != nil ? (try await users.find(id: requesterID!)?.name ?? "this requester") + "'s tickets"
                : (try await OrganizationStore(db: db).find(id: organizationID!)?.name ?? "this organization") + "'s tickets"
            let notice = AuditEvent.notice(kind: "exclusion",
                                           text: "\(who) added exclusion rule #\(rule.id): never assign \(whom) to \(agent?.name ?? "#\(rule.agentID)") (\(reason))")
            _ = try await tickets.update(ticketID, [:], actor: actor, via: .web, db: db, notices: [notice])
        }
        return rule
    }

    static func delete(services: CasebookServices, id: Int, actor: Actor) async throws {
        try await services.database.write { db in
            guard try await RoutingStore(db: db).exclusion(id: id) != nil else { throw APIError.notFound() }
            try await RoutingStore(db: db).deleteExclusion(id: id)
        }
        services.routing.cache.invalidate()
        try await services.jobs.routeNow()
    }
}
