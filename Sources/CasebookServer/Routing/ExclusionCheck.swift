import CasebookCore
import Foundation
import SQLKit

/// Keeps exclusion rules on manual assignment: an agent below lead is refused; a lead or above must say so
/// (`override_exclusion: true`, optionally `override_reason`), and the override goes into the audit.
enum ExclusionCheck {
    static func manualAssignment(of ticket: TicketSnapshot, to agentID: Int, actor: Actor, object: JSONObject,
                                 db: any SQLDatabase) async throws -> [AuditEvent] {
        let rules = try await RoutingStore(db: db).exclusions(requesterID: ticket.requesterID, organizationID: ticket.organizationID)
        let violated = ManualAssignmentCheck.check(agentID: agentID, requesterID: ticket.requesterID,
                                                   organizationID: ticket.organizationID, exclusions: ExclusionIndex(rules: rules))
        guard !violated.isEmpty else { return [] }
        let people = Dictionary(uniqueKeysWithValues: try await UserStore(db: db)
            .find(ids: Array(Set(violated.flatMap { [$0.agentID, $0.createdByID] } + [actor.id, ticket.requesterID]))).map { ($0.id, $0) })
        func name(_ id: Int) -> String { people[id]?.name ?? "#\(id)" }
        let described = violated.map { rule in
            "exclusion rule #\(rule.id) by \(name(rule.createdByID)): never assign " +
                (rule.requesterID != nil ? "\(name(rule.requesterID!))'s tickets" : "this organization's tickets") +
                " to \(name(rule.agentID)) (\(rule.reason))"
        }.joined(separator: "; ")
        guard ManualAssignmentCheck.canOverride(role: actor.role) else {
            throw APIError.invalid("assignee_id", "Assignee: \(described). Only a lead or above can override it.", error: "ExclusionRule")
        }
        guard object["override_exclusion"]?.boolValue == true else {
            throw APIError.invalid("assignee_id", "Assignee: \(described). To assign anyway, confirm the override (override_exclusion); it is recorded in the audit.",
                                   error: "ExclusionRule")
        }
        let why = object["override_reason"]?.stringValue?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return [.notice(kind: "exclusion_override",
                        text: "\(name(actor.id)) overrode \(described)" + (why.isEmpty ? "" : ": \(why)"))]
    }
}
