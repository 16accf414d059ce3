import Testing
@testable import CasebookCore

private typealias F = RoutingFixtures

// MARK: - Round robin

@Test("round robin gives the next member after the last recipient, wrapping at the end",
      arguments: [(nil, 1), (1, 2), (2, 3), (3, 1), (99, 1)] as [(Int?, Int)])
func roundRobinTurns(last: Int?, expected: Int) {
    let engine = F.engine(.roundRobin, [F.agent(1), F.agent(2), F.agent(3)])
    let decision = engine.decide(F.facts(), rules: F.noRules, roundRobinLast: last)
    #expect(decision.outcome == .assign(agentID: expected, reason: .roundRobin))
}

@Test("round robin skips members who cannot take the ticket and wraps past them")
func roundRobinSkips() {
    let engine = F.engine(.roundRobin, [F.agent(1), F.agent(2, .away), F.agent(3, open: 5, capacity: 5), F.agent(4)])
    #expect(engine.decide(F.facts(), rules: F.noRules, roundRobinLast: 1).assigneeID == 4)
    #expect(engine.decide(F.facts(), rules: F.noRules, roundRobinLast: 4).assigneeID == 1)
}

@Test("round robin fed its own answers visits every member in turn, the same way every time")
func roundRobinIsDeterministic() {
    let engine = F.engine(.roundRobin, [F.agent(7), F.agent(3), F.agent(5)])
    func rotation() -> [Int] {
        var last: Int?
        return (0..<6).map { _ in
            let id = engine.decide(F.facts(), rules: F.noRules, roundRobinLast: last).assigneeID!
            last = id
            return id
        }
    }
    #expect(rotation() == [7, 3, 5, 7, 3, 5])
    #expect(rotation() == rotation())
}

// MARK: - Least loaded

@Test("least loaded picks the fewest open tickets")
func leastLoadedFewest() {
    let engine = F.engine(.leastLoaded, [F.agent(1, open: 4), F.agent(2, open: 1), F.agent(3, open: 2)])
    #expect(engine.decide(F.facts(), rules: F.noRules).outcome == .assign(agentID: 2, reason: .leastLoaded))
}

@Test("least loaded ties go to the never-assigned, then the longest waiting, then the lowest id")
func leastLoadedTies() {
    let waited = F.engine(.leastLoaded, [F.agent(1, open: 2, lastAssignedAt: 500), F.agent(2, open: 2, lastAssignedAt: 100),
                                         F.agent(3, open: 2, lastAssignedAt: 900)])
    #expect(waited.decide(F.facts(), rules: F.noRules).assigneeID == 2)
    let never = F.engine(.leastLoaded, [F.agent(1, open: 2, lastAssignedAt: 100), F.agent(2, open: 2)])
    #expect(never.decide(F.facts(), rules: F.noRules).assigneeID == 2)
    let same = F.engine(.leastLoaded, [F.agent(9, open: 2, lastAssignedAt: 100), F.agent(4, open: 2, lastAssignedAt: 100)])
    #expect(same.decide(F.facts(), rules: F.noRules).assigneeID == 4)
}

// MARK: - Manual and missing groups

@Test("a manual group never assigns, even to a free sticky owner")
func manualGroup() {
    let engine = F.engine(.manual, [F.agent(1), F.agent(2)])
    #expect(engine.decide(F.facts(), rules: F.noRules, stickyOwnerID: 1).outcome == .manual)
}

@Test("no group, or a group that no longer exists, means nobody to route to")
func noGroup() {
    let engine = F.engine(.roundRobin, [F.agent(1)])
    #expect(engine.decide(F.facts(group: nil), rules: F.noRules).outcome == .noGroup)
    let gone = engine.decide(F.facts(group: 42), rules: F.noRules)
    #expect(gone.outcome == .noGroup)
    #expect(gone.groupID == 42)
}

@Test("a group without members waits, saying so")
func emptyGroup() {
    let engine = RoutingEngine(groups: [RoutingGroup(id: 1, name: "Empty", mode: .roundRobin, memberIDs: [8])],
                               agents: [F.agent(1)], exclusions: ExclusionIndex(rules: []))
    #expect(engine.decide(F.facts(), rules: F.noRules).outcome == .wait(.noMembers))
}

// MARK: - Presence, capacity, skills

@Test("away and offline agents are never chosen", arguments: RoutingMode.allCases.filter { $0 != .manual })
func onlyOnline(mode: RoutingMode) {
    let engine = F.engine(mode, [F.agent(1, .away), F.agent(2, .offline), F.agent(3)])
    #expect(engine.decide(F.facts(), rules: F.noRules).assigneeID == 3)
    let nobody = F.engine(mode, [F.agent(1, .away), F.agent(2, .offline)])
    let decision = nobody.decide(F.facts(), rules: F.noRules)
    #expect(decision.outcome == .wait(.nobodyOnline))
    #expect(WaitReason.nobodyOnline.description == "Nobody in the group is online")
}

@Test("an agent at capacity is skipped; no capacity means no limit", arguments: RoutingMode.allCases.filter { $0 != .manual })
func capacity(mode: RoutingMode) {
    let engine = F.engine(mode, [F.agent(1, open: 3, capacity: 3), F.agent(2, open: 50)])
    #expect(engine.decide(F.facts(), rules: F.noRules).assigneeID == 2)
}

@Test("when everyone online is full the ticket waits and says how many are full")
func everyoneFull() {
    let engine = F.engine(.leastLoaded, [F.agent(1, open: 3, capacity: 3), F.agent(2, open: 9, capacity: 2),
                                         F.agent(3, .offline)])
    let reason = WaitReason.everyoneAtCapacity(online: 2)
    #expect(engine.decide(F.facts(), rules: F.noRules).outcome == .wait(reason))
    #expect(reason.description == "All 2 agents online are at capacity")
    #expect(F.engine(.roundRobin, [F.agent(1, capacity: 0)]).decide(F.facts(), rules: F.noRules).outcome
        == .wait(.everyoneAtCapacity(online: 1)))
}

@Test("a rule's skills are all required of the agent")
func skillsRequired() {
    let rules = RoutingRuleSet(rules: [F.rule(1, [F.when("channel", "is", "voice")], skills: ["German", "printers"])])
    let engine = F.engine(.roundRobin, [F.agent(1, skills: ["german"]), F.agent(2, skills: ["printers"]),
                                        F.agent(3, skills: ["german", "printers", "vip"])])
    let decision = engine.decide(F.facts(channel: .voice), rules: rules)
    #expect(decision.assigneeID == 3)
    #expect(decision.skills == ["german", "printers"])
    // Without the rule, skills do not matter.
    #expect(engine.decide(F.facts(channel: .web), rules: rules).assigneeID == 1)
}

@Test("nobody with the skills: the ticket waits and names them")
func nobodySkilled() {
    let rules = RoutingRuleSet(rules: [F.rule(1, [], skills: ["french", "billing"])])
    let engine = F.engine(.leastLoaded, [F.agent(1, skills: ["french"]), F.agent(2, .offline, skills: ["french", "billing"])])
    let decision = engine.decide(F.facts(), rules: rules)
    #expect(decision.outcome == .wait(.nobodyWithSkills(["french", "billing"])))
    #expect(WaitReason.nobodyWithSkills(["french", "billing"]).description
        == "Nobody online with room has the skills french, billing")
}

// MARK: - Exclusions

@Test("an agent excluded for the requester or their organization is passed over",
      arguments: [(500, nil), (nil, 70)] as [(Int?, Int?)])
func exclusionPassesOver(requester: Int?, organization: Int?) {
    let exclusions = [F.exclusion(1, agent: 1, requester: requester, organization: organization)]
    for mode in [RoutingMode.roundRobin, .leastLoaded] {
        let engine = F.engine(mode, [F.agent(1), F.agent(2, open: 5)], exclusions: exclusions)
        #expect(engine.decide(F.facts(), rules: F.noRules).assigneeID == 2)
        // Another customer still reaches agent 1.
        #expect(engine.decide(F.facts(requester: 501, organization: 71), rules: F.noRules).assigneeID == 1)
    }
}

@Test("when the only agent online is excluded the ticket waits and says why",
      arguments: [(500, nil), (nil, 70)] as [(Int?, Int?)])
func onlyCandidateExcluded(requester: Int?, organization: Int?) {
    let engine = F.engine(.roundRobin, [F.agent(1), F.agent(2, .offline)],
                          exclusions: [F.exclusion(1, agent: 1, requester: requester, organization: organization)])
    let decision = engine.decide(F.facts(), rules: F.noRules, stickyOwnerID: 1)
    #expect(decision.outcome == .wait(.onlyCandidatesExcluded(count: 1)))
    #expect(WaitReason.onlyCandidatesExcluded(count: 1).description
        == "The only available agent is excluded for this requester or organization")
    #expect(WaitReason.onlyCandidatesExcluded(count: 3).description
        == "All 3 available agents are excluded for this requester or organization")
}

// MARK: - Sticky owner

@Test("the sticky owner gets the ticket when they qualify, ahead of the group's turn order")
func stickyChosen() {
    let engine = F.engine(.roundRobin, [F.agent(1), F.agent(2, open: 8)])
    #expect(engine.decide(F.facts(), rules: F.noRules, stickyOwnerID: 2, roundRobinLast: 2).outcome
        == .assign(agentID: 2, reason: .stickyOwner))
}

@Test("the sticky owner is refused when excluded, away, offline, full, unskilled, unknown or outside the group",
      arguments: ["excluded", "away", "offline", "full", "unskilled", "unknown", "outside"])
func stickyRefused(why: String) {
    var owner = F.agent(2, skills: ["vip"])
    var exclusions: [ExclusionRule] = []
    var members = [F.agent(1, skills: ["vip"])]
    switch why {
    case "excluded": exclusions = [F.exclusion(1, agent: 2, organization: 70)]
    case "away": owner.presence = .away
    case "offline": owner.presence = .offline
    case "full": (owner.openTickets, owner.capacity) = (4, 4)
    case "unskilled": owner.skills = []
    default: break
    }
    if why != "outside" && why != "unknown" { members.append(owner) }
    let others = why == "outside" ? [RoutingGroup(id: 2, name: "Other", mode: .roundRobin, memberIDs: [2])] : []
    let engine = RoutingEngine(
        groups: [RoutingGroup(id: 1, name: "Support", mode: .leastLoaded, memberIDs: members.map(\.id))] + others,
        agents: members + (why == "outside" ? [owner] : []), exclusions: ExclusionIndex(rules: exclusions))
    let rules = RoutingRuleSet(rules: [F.rule(1, [], skills: ["vip"])])
    #expect(engine.decide(F.facts(), rules: rules, stickyOwnerID: 2).outcome == .assign(agentID: 1, reason: .leastLoaded))
}

@Test("without a group the sticky owner may still take the ticket")
func stickyWithoutGroup() {
    let engine = F.engine(.roundRobin, [F.agent(1), F.agent(2)])
    #expect(engine.decide(F.facts(group: nil), rules: F.noRules, stickyOwnerID: 2).outcome
        == .assign(agentID: 2, reason: .stickyOwner))
}

// MARK: - Rules in the decision

@Test("the matching rule's group, priority and tags go into the decision; otherwise the ticket's group")
func ruleActionsApply() {
    let billing = RoutingGroup(id: 2, name: "Billing", mode: .roundRobin, memberIDs: [5])
    let engine = F.engine(.roundRobin, [F.agent(1), F.agent(5)], otherGroups: [billing])
    let rules = RoutingRuleSet(rules: [
        F.rule(3, [F.when("subject", "contains_words", "invoice refund")], group: 2, priority: .high,
               addTags: ["Billing", "auto routed"]),
    ])
    let routed = engine.decide(F.facts(subject: "Wrong invoice"), rules: rules)
    #expect(routed == RoutingDecision(ruleID: 3, groupID: 2, skills: [], priority: .high,
                                      addTags: ["billing", "auto", "routed"],
                                      outcome: .assign(agentID: 5, reason: .roundRobin)))
    let unrouted = engine.decide(F.facts(subject: "Printer"), rules: rules)
    #expect(unrouted == RoutingDecision(groupID: 1, outcome: .assign(agentID: 1, reason: .roundRobin)))
}

// MARK: - Group skills

@Test("a group's skills are required on top of the rule's, and a missing one is named in the wait reason")
func groupSkills() {
    let agents = [F.agent(1, open: 0), F.agent(2, open: 3, skills: ["language:de"]), F.agent(3, open: 5, skills: ["language:de", "printers"])]
    let german = RoutingGroup(id: 1, name: "German", mode: .leastLoaded, memberIDs: [1, 2, 3], skills: ["Language:DE"])
    let engine = RoutingEngine(groups: [german], agents: agents, exclusions: ExclusionIndex(rules: []))
    let plain = engine.decide(F.facts(), rules: F.noRules)
    #expect(plain.assigneeID == 2, "agent 1 has fewer tickets but not the group's skill")
    #expect(plain.skills == ["language:de"])
    let rules = RoutingRuleSet(rules: [RoutingRule(id: 9, position: 1, title: "Printers", conditions: [],
                                                   actions: RoutingActions(groupID: 1, skills: ["printers"]))])
    let both = engine.decide(F.facts(), rules: rules)
    #expect(both.assigneeID == 3)
    #expect(both.skills == ["printers", "language:de"])
    let nobody = RoutingEngine(groups: [german], agents: [F.agent(1)], exclusions: ExclusionIndex(rules: []))
        .decide(F.facts(), rules: F.noRules)
    #expect(nobody.outcome == .wait(.nobodyWithSkills(["language:de"])))
}
