@testable import CasebookCore

/// Shared setup for the routing tests: group 1 holds the given agents in the given order; requester 500 of
/// organization 70 writes by email unless a test says otherwise.
enum RoutingFixtures {
    static let noRules = RoutingRuleSet(rules: [])

    static func agent(_ id: Int, _ presence: PresenceStatus = .online, open: Int = 0, capacity: Int? = nil,
                      skills: Set<String> = [], lastAssignedAt: Int64? = nil) -> RoutingAgent {
        RoutingAgent(id: id, name: "Agent \(id)", presence: presence, openTickets: open, capacity: capacity,
                     skills: skills, lastAssignedAt: lastAssignedAt)
    }

    static func facts(requester: Int = 500, organization: Int? = 70, group: Int? = 1, channel: ViaChannel = .email,
                      tags: [String] = [], priority: TicketPriority = .normal,
                      subject: String = "Printer on fire") -> TicketFacts {
        TicketFacts(channel: channel, requesterID: requester, organizationID: organization, tags: tags,
                    priority: priority, subject: subject, groupID: group)
    }

    static func engine(_ mode: RoutingMode, _ agents: [RoutingAgent], exclusions: [ExclusionRule] = [],
                       otherGroups: [RoutingGroup] = []) -> RoutingEngine {
        let group = RoutingGroup(id: 1, name: "Support", mode: mode, memberIDs: agents.map(\.id))
        return RoutingEngine(groups: [group] + otherGroups, agents: agents, exclusions: ExclusionIndex(rules: exclusions))
    }

    static func exclusion(_ id: Int, agent: Int, requester: Int? = nil, organization: Int? = nil,
                          reason: String = "Former colleague") -> ExclusionRule {
        ExclusionRule(id: id, agentID: agent, requesterID: requester, organizationID: organization, reason: reason,
                      createdByID: 1, createdAt: 0)
    }

    static func rule(_ id: Int, position: Int? = nil, _ conditions: [RoutingCondition], group: Int? = nil,
                     skills: [String] = [], priority: TicketPriority? = nil, addTags: [String] = [],
                     active: Bool = true) -> RoutingRule {
        RoutingRule(id: id, position: position ?? id, title: "Rule \(id)", conditions: conditions,
                    actions: RoutingActions(groupID: group, skills: skills, priority: priority, addTags: addTags),
                    active: active)
    }

    static func when(_ field: String, _ op: String, _ value: String) -> RoutingCondition {
        RoutingCondition(field: field, operator: op, value: value)
    }
}

/// Deterministic random numbers, so a failing property test fails the same way again.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
