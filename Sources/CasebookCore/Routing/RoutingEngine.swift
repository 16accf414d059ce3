/// Why routing assigned the agent it did, for the audit line under the ticket.
public enum AssignReason: String, Sendable, Equatable, CaseIterable {
    /// The agent who handled this customer before is free, and continuity beats fairness.
    case stickyOwner = "sticky_owner"
    case roundRobin = "round_robin"
    case leastLoaded = "least_loaded"
}

/// Why a ticket waits in its group's queue instead of going to someone. The first reason that emptied the list
/// of candidates is the one given, so the lead knows what to change.
public enum WaitReason: Sendable, Equatable, CustomStringConvertible {
    case noMembers
    case nobodyOnline
    /// Everyone online is at capacity; `online` counts them.
    case everyoneAtCapacity(online: Int)
    /// Nobody online with room has every one of `skills`.
    case nobodyWithSkills([String])
    /// Agents were free, but every one of them (`count`) is excluded for this requester or organization.
    case onlyCandidatesExcluded(count: Int)

    public var description: String {
        switch self {
        case .noMembers: "The group has no members"
        case .nobodyOnline: "Nobody in the group is online"
        case .everyoneAtCapacity(let online):
            online == 1 ? "The only agent online is at capacity" : "All \(online) agents online are at capacity"
        case .nobodyWithSkills(let skills):
            "Nobody online with room has the \(skills.count == 1 ? "skill" : "skills") \(skills.joined(separator: ", "))"
        case .onlyCandidatesExcluded(let count):
            count == 1
                ? "The only available agent is excluded for this requester or organization"
                : "All \(count) available agents are excluded for this requester or organization"
        }
    }
}

/// What routing decided for a new ticket: the fields the matched rule sets, and who (if anyone) gets it.
public struct RoutingDecision: Sendable, Equatable {
    public enum Outcome: Sendable, Equatable {
        case assign(agentID: Int, reason: AssignReason)
        case wait(WaitReason)
        /// The group is worked by hand: the ticket waits in its queue for someone to take it.
        case manual
        /// Neither a rule nor the ticket names a group that exists, so there is nobody to route to.
        case noGroup
    }

    /// The rule that matched, nil when none did.
    public var ruleID: Int?
    public var groupID: Int?
    public var skills: [String]
    public var priority: TicketPriority?
    public var addTags: [String]
    public var outcome: Outcome

    public init(ruleID: Int? = nil, groupID: Int?, skills: [String] = [], priority: TicketPriority? = nil,
                addTags: [String] = [], outcome: Outcome) {
        self.ruleID = ruleID
        self.groupID = groupID
        self.skills = skills
        self.priority = priority
        self.addTags = addTags
        self.outcome = outcome
    }

    public var assigneeID: Int? {
        if case .assign(let agentID, _) = outcome { agentID } else { nil }
    }
}

/// Decides who gets a new ticket. Built once from groups, agents and exclusions (the server rebuilds it when they
/// change), so a decision walks arrays of plain values instead of looking people up (about 0.5 µs, plus the rules).
///
/// An agent qualifies when they are online, have room under their capacity, have every skill the rule asks for,
/// and are not excluded for the ticket's requester or organization. The sticky owner (the agent who handled this
/// customer's earlier ticket) gets the ticket if they qualify and, when the ticket has a group, belong to it: an
/// assignee outside the ticket's group would vanish from that group's queue. Manual groups are never assigned.
public struct RoutingEngine: Sendable {
    private struct Group: Sendable {
        var mode: RoutingMode
        /// Indexes into `agents`, in member order, each agent once.
        var members: [Int]
        var skills: [String]
    }

    private let agents: [RoutingAgent]
    private let agentIndex: [Int: Int]
    private let groups: [Int: Group]
    /// Per agent, the ids of their skills in `skillIDs`, so a skill check is an integer scan.
    private let agentSkills: [[Int32]]
    private let skillIDs: [String: Int32]
    private let exclusions: ExclusionIndex

    public init(groups: [RoutingGroup], agents: [RoutingAgent], exclusions: ExclusionIndex) {
        var agentIndex: [Int: Int] = [:]
        var unique: [RoutingAgent] = []
        for agent in agents {
            if let index = agentIndex[agent.id] { unique[index] = agent } else {
                agentIndex[agent.id] = unique.count
                unique.append(agent)
            }
        }
        var skillIDs: [String: Int32] = [:]
        self.agentSkills = unique.map { agent in
            Tags.normalize(agent.skills.sorted()).map { skill in
                if let id = skillIDs[skill] { return id }
                let id = Int32(skillIDs.count)
                skillIDs[skill] = id
                return id
            }
        }
        var compiled: [Int: Group] = [:]
        for group in groups {
            var seen = Set<Int>()
            // Members who are not agents (demoted, deleted) are skipped rather than failing every decision.
            let members = group.memberIDs.compactMap { id in seen.insert(id).inserted ? agentIndex[id] : nil }
            compiled[group.id] = Group(mode: group.mode, members: members, skills: group.skills)
        }
        self.agents = unique
        self.agentIndex = agentIndex
        self.groups = compiled
        self.skillIDs = skillIDs
        self.exclusions = exclusions
    }

    /// - Parameters:
    ///   - stickyOwnerID: the agent who handled this requester's recent ticket, if any.
    ///   - roundRobinLast: the agent who last received a ticket in the decided group; round-robin starts after them.
    public func decide(_ facts: TicketFacts, rules: RoutingRuleSet, stickyOwnerID: Int? = nil,
                       roundRobinLast: Int? = nil) -> RoutingDecision {
        let rule = rules.firstMatch(facts)
        let actions = rule?.actions ?? RoutingActions()
        let groupID = actions.groupID ?? facts.groupID
        // The group's own skills join the rule's: a ticket filed in the German team needs German, whichever rule.
        var skills = actions.skills
        for skill in groupID.flatMap({ groups[$0] })?.skills ?? [] where !skills.contains(skill) { skills.append(skill) }
        var decision = RoutingDecision(ruleID: rule?.id, groupID: groupID, skills: skills, priority: actions.priority,
                                       addTags: actions.addTags, outcome: .noGroup)
        // A skill no agent has cannot be satisfied; -1 keeps it in the list so nobody qualifies.
        let required = skills.map { skillIDs[$0] ?? -1 }
        let excluded = exclusions.excludedAgents(requesterID: facts.requesterID, organizationID: facts.organizationID)
        func isExcluded(_ agentID: Int) -> Bool {
            excluded.byRequester.contains(agentID) || excluded.byOrganization.contains(agentID)
        }
        func qualifies(_ index: Int) -> Bool {
            let agent = agents[index]
            return agent.presence == .online && agent.hasRoom
                && required.allSatisfy(agentSkills[index].contains) && !isExcluded(agent.id)
        }
        let sticky = stickyOwnerID.flatMap { agentIndex[$0] }.flatMap { qualifies($0) ? $0 : nil }

        guard let group = groupID.flatMap({ groups[$0] }) else {
            if let sticky { decision.outcome = .assign(agentID: agents[sticky].id, reason: .stickyOwner) }
            return decision
        }
        if group.mode == .manual {
            decision.outcome = .manual
            return decision
        }
        if let sticky, group.members.contains(sticky) {
            decision.outcome = .assign(agentID: agents[sticky].id, reason: .stickyOwner)
            return decision
        }
        let chosen: Int? = switch group.mode {
        case .roundRobin:
            // Member order from the one after the last recipient, wrapping; from the top when they left the group.
            {
                let start = roundRobinLast.flatMap { last in group.members.firstIndex { agents[$0].id == last } }
                    .map { $0 + 1 } ?? 0
                let count = group.members.count
                return (0..<count).lazy.map { group.members[(start + $0) % count] }.first(where: qualifies)
            }()
        case .leastLoaded:
            // Fewest open tickets; then whoever waited longest for a ticket (never assigned first); then lowest id.
            group.members.lazy.filter(qualifies).min { a, b in
                let x = agents[a], y = agents[b]
                return (x.openTickets, x.lastAssignedAt ?? .min, x.id) < (y.openTickets, y.lastAssignedAt ?? .min, y.id)
            }
        case .manual: nil
        }
        if let chosen {
            decision.outcome = .assign(agentID: agents[chosen].id, reason: group.mode == .roundRobin ? .roundRobin : .leastLoaded)
        } else {
            decision.outcome = .wait(waitReason(group.members, required: required, skills: skills,
                                                isExcluded: isExcluded))
        }
        return decision
    }

    /// Walks the same filters as `qualifies`, one at a time, and names the first that left nobody.
    private func waitReason(_ members: [Int], required: [Int32], skills: [String],
                            isExcluded: (Int) -> Bool) -> WaitReason {
        if members.isEmpty { return .noMembers }
        let online = members.filter { agents[$0].presence == .online }
        if online.isEmpty { return .nobodyOnline }
        let withRoom = online.filter { agents[$0].hasRoom }
        if withRoom.isEmpty { return .everyoneAtCapacity(online: online.count) }
        let skilled = withRoom.filter { required.allSatisfy(agentSkills[$0].contains) }
        if skilled.isEmpty { return .nobodyWithSkills(skills) }
        return .onlyCandidatesExcluded(count: skilled.filter { isExcluded(agents[$0].id) }.count)
    }
}
