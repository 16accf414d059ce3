import Testing
@testable import CasebookCore

private typealias F = RoutingFixtures

@Test("an exclusion names exactly one of a requester or an organization, and says why")
func exclusionValidation() {
    func problems(_ rule: ExclusionRule) -> [String] {
        do {
            try rule.validate()
            return []
        } catch {
            return error.details.keys.sorted().flatMap { error.details[$0]!.map(\.description) }
        }
    }
    #expect(problems(F.exclusion(1, agent: 2, requester: 500)) == [])
    #expect(problems(F.exclusion(1, agent: 2, organization: 70)) == [])
    #expect(problems(F.exclusion(1, agent: 2)) == ["Exclusion: choose the requester or the organization the agent must not handle"])
    #expect(problems(F.exclusion(1, agent: 2, requester: 500, organization: 70))
        == ["Exclusion: choose a requester or an organization, not both (make two rules if both apply)"])
    #expect(problems(F.exclusion(1, agent: 2, requester: 500, reason: "  "))
        == ["Reason: cannot be blank; say why agent 2 must not handle this customer"])
    #expect(problems(F.exclusion(1, agent: 2, requester: 2)) == ["Requester: an agent cannot be excluded from themselves"])
}

@Test("the index finds requester and organization rules for the agent, and only for them")
func indexLookups() {
    let index = ExclusionIndex(rules: [
        F.exclusion(3, agent: 1, organization: 70),
        F.exclusion(2, agent: 1, requester: 500),
        F.exclusion(1, agent: 1, requester: 500, reason: "Neighbour"),
        F.exclusion(4, agent: 2, requester: 501),
    ])
    #expect(index.violations(agentID: 1, requesterID: 500, organizationID: 70).map(\.id) == [1, 2, 3])
    #expect(index.violations(agentID: 1, requesterID: 500, organizationID: nil).map(\.id) == [1, 2])
    #expect(index.violations(agentID: 1, requesterID: 9, organizationID: 70).map(\.id) == [3])
    #expect(index.violations(agentID: 2, requesterID: 500, organizationID: 70).isEmpty)
    #expect(index.excludes(agentID: 1, requesterID: 9, organizationID: 70))
    #expect(!index.excludes(agentID: 1, requesterID: 9, organizationID: 71))
    #expect(index.excludedAgentIDs(requesterID: 501, organizationID: 70) == [1, 2])
}

@Test("assigning by hand warns with the rules that forbid it")
func manualWarning() {
    let index = ExclusionIndex(rules: [F.exclusion(1, agent: 4, organization: 70, reason: "Sister works there")])
    let warning = ManualAssignmentCheck.check(agentID: 4, requesterID: 500, organizationID: 70, exclusions: index)
    #expect(warning.map(\.reason) == ["Sister works there"])
    #expect(ManualAssignmentCheck.check(agentID: 5, requesterID: 500, organizationID: 70, exclusions: index).isEmpty)
}

@Test("only a lead or above may override an exclusion", arguments: Role.allCases)
func overrideNeedsLead(role: Role) {
    #expect(ManualAssignmentCheck.canOverride(role: role) == [.lead, .manager, .admin].contains(role))
}

@Test("for random teams and exclusions the engine never assigns an excluded, unavailable, full or unskilled agent")
func neverAssignsForbidden() {
    var rng = SeededGenerator(state: 2026)
    let skillPool = ["german", "printers", "vip"]
    var assigned = 0
    for round in 0..<200 {
        let agents = (1...12).map { id in
            F.agent(id, PresenceStatus.allCases.randomElement(using: &rng)!, open: Int.random(in: 0...6, using: &rng),
                    capacity: Bool.random(using: &rng) ? Int.random(in: 0...6, using: &rng) : nil,
                    skills: Set(skillPool.filter { _ in Bool.random(using: &rng) }))
        }
        let exclusions = (0..<Int.random(in: 0...15, using: &rng)).map { id in
            Bool.random(using: &rng)
                ? F.exclusion(id, agent: Int.random(in: 1...12, using: &rng), requester: Int.random(in: 1...3, using: &rng))
                : F.exclusion(id, agent: Int.random(in: 1...12, using: &rng), organization: Int.random(in: 1...2, using: &rng))
        }
        let mode = [RoutingMode.roundRobin, .leastLoaded][round % 2]
        let members = agents.shuffled(using: &rng).prefix(Int.random(in: 1...12, using: &rng)).map(\.id)
        let engine = RoutingEngine(groups: [RoutingGroup(id: 1, name: "G", mode: mode, memberIDs: members)],
                                   agents: agents, exclusions: ExclusionIndex(rules: exclusions))
        let index = ExclusionIndex(rules: exclusions)
        let skills = skillPool.filter { _ in Int.random(in: 0..<3, using: &rng) == 0 }
        let rules = RoutingRuleSet(rules: [F.rule(1, [], group: 1, skills: skills)])
        for _ in 0..<20 {
            let facts = F.facts(requester: Int.random(in: 1...3, using: &rng),
                                organization: Bool.random(using: &rng) ? Int.random(in: 1...2, using: &rng) : nil)
            let decision = engine.decide(facts, rules: rules, stickyOwnerID: Int.random(in: 0...13, using: &rng),
                                         roundRobinLast: Int.random(in: 0...13, using: &rng))
            func allowed(_ agent: RoutingAgent) -> Bool {
                agent.presence == .online && agent.capacity.map { agent.openTickets < $0 } ?? true
                    && skills.allSatisfy(agent.skills.contains)
                    && !index.excludes(agentID: agent.id, requesterID: facts.requesterID, organizationID: facts.organizationID)
            }
            if let id = decision.assigneeID {
                assigned += 1
                let agent = agents.first { $0.id == id }!
                #expect(allowed(agent), "round \(round): assigned agent \(id) who may not take the ticket")
                #expect(members.contains(id))
            } else {
                // Waiting is only right when no member could have taken it.
                #expect(!agents.contains { members.contains($0.id) && allowed($0) }, "round \(round): waited needlessly")
            }
        }
    }
    #expect(assigned > 500, "the property must have been exercised on real assignments")
}
