import Testing
@testable import CasebookCore

private typealias F = RoutingFixtures

/// One condition, a ticket, and whether the condition should match it.
struct ConditionCase: Sendable, CustomTestStringConvertible {
    var field: String, op: String, value: String
    var facts: TicketFacts
    var matches: Bool
    var testDescription: String { "\(field) \(op) \"\(value)\" → \(matches)" }

    init(_ field: String, _ op: String, _ value: String, _ facts: TicketFacts, _ matches: Bool) {
        (self.field, self.op, self.value, self.facts, self.matches) = (field, op, value, facts, matches)
    }
}

private let conditionCases: [ConditionCase] = [
    .init("channel", "is", "voice", F.facts(channel: .voice), true),
    .init("channel", "is", "Voice", F.facts(channel: .email), false),
    .init("channel", "is_not", "voice", F.facts(channel: .email), true),
    .init("channel", "is_not", "voice", F.facts(channel: .voice), false),
    .init("requester_id", "is", "500", F.facts(requester: 500), true),
    .init("requester_id", "is", "500", F.facts(requester: 501), false),
    .init("requester_id", "is_not", "500", F.facts(requester: 501), true),
    .init("requester_id", "is_not", "500", F.facts(requester: 500), false),
    .init("organization_id", "is", "70", F.facts(organization: 70), true),
    .init("organization_id", "is", "70", F.facts(organization: nil), false),
    .init("organization_id", "is_not", "70", F.facts(organization: nil), true),
    .init("organization_id", "is_not", "70", F.facts(organization: 70), false),
    .init("tags", "includes", "vip b2b", F.facts(tags: ["b2b", "trial", "vip"]), true),
    .init("tags", "includes", "vip b2b", F.facts(tags: ["vip"]), false),
    .init("tags", "includes", "VIP", F.facts(tags: ["vip"]), true),
    .init("tags", "not_includes", "vip b2b", F.facts(tags: ["trial"]), true),
    .init("tags", "not_includes", "vip b2b", F.facts(tags: ["b2b"]), false),
    .init("priority", "is", "high", F.facts(priority: .high), true),
    .init("priority", "is", "high", F.facts(priority: .urgent), false),
    .init("priority", "is_not", "high", F.facts(priority: .low), true),
    .init("priority", "is_not", "high", F.facts(priority: .high), false),
    .init("priority", "less_than", "high", F.facts(priority: .normal), true),
    .init("priority", "less_than", "high", F.facts(priority: .high), false),
    .init("priority", "greater_than", "normal", F.facts(priority: .urgent), true),
    .init("priority", "greater_than", "normal", F.facts(priority: .normal), false),
    .init("subject", "contains_words", "refund invoice", F.facts(subject: "Where is my REFUND?"), true),
    .init("subject", "contains_words", "refund", F.facts(subject: "I was refunded twice"), false),
    .init("subject", "contains_words", "Rückerstattung", F.facts(subject: "Ruckerstattung fehlt"), true),
    .init("subject", "contains_words", "ruckerstattung", F.facts(subject: "Keine RÜCKERSTATTUNG erhalten"), true),
    .init("subject", "contains_words", "strasse", F.facts(subject: "Falsche Straße"), true),
    .init("subject", "not_contains_words", "refund invoice", F.facts(subject: "Printer jam"), true),
    .init("subject", "not_contains_words", "refund invoice", F.facts(subject: "invoice-copy please"), false),
]

@Test("each field and operator matches as documented", arguments: conditionCases)
func conditionMatches(c: ConditionCase) {
    let rules = RoutingRuleSet(rules: [F.rule(1, [F.when(c.field, c.op, c.value)], group: 9)])
    #expect(rules.invalidRuleIDs.isEmpty)
    #expect((rules.firstMatch(c.facts)?.id == 1) == c.matches)
}

@Test("all conditions of a rule must match")
func allConditions() {
    let rules = RoutingRuleSet(rules: [F.rule(1, [F.when("channel", "is", "email"), F.when("tags", "includes", "vip")], group: 9)])
    #expect(rules.firstMatch(F.facts(channel: .email, tags: ["vip"]))?.id == 1)
    #expect(rules.firstMatch(F.facts(channel: .email, tags: [])) == nil)
    #expect(rules.firstMatch(F.facts(channel: .web, tags: ["vip"])) == nil)
}

@Test("rules run by position, not id or list order; the first match wins")
func firstByPosition() {
    let rules = RoutingRuleSet(rules: [
        F.rule(1, position: 30, [], group: 1),
        F.rule(2, position: 20, [F.when("tags", "includes", "vip")], group: 2),
        F.rule(3, position: 10, [F.when("requester_id", "is", "500")], group: 3),
        F.rule(4, position: 10, [F.when("channel", "is", "email")], group: 4),
    ])
    #expect(rules.rules.map(\.id) == [3, 4, 2, 1])
    #expect(rules.firstMatch(F.facts(requester: 500, tags: ["vip"]))?.id == 3)
    #expect(rules.firstMatch(F.facts(requester: 9, channel: .email, tags: ["vip"]))?.id == 4)
    #expect(rules.firstMatch(F.facts(requester: 9, channel: .web, tags: ["vip"]))?.id == 2)
    #expect(rules.firstMatch(F.facts(requester: 9, channel: .web))?.id == 1)
}

@Test("an inactive rule is skipped and the next one decides")
func inactiveSkipped() {
    let rules = RoutingRuleSet(rules: [
        F.rule(1, [F.when("channel", "is", "email")], group: 1, active: false),
        F.rule(2, [F.when("channel", "is", "email")], group: 2),
    ])
    #expect(rules.firstMatch(F.facts())?.id == 2)
    #expect(rules.rules.map(\.id) == [2])
}

@Test("a stored rule that no longer validates is left out and listed, and the others still run")
func invalidStoredRule() {
    let rules = RoutingRuleSet(rules: [
        F.rule(1, [F.when("colour", "is", "red")], group: 1),
        F.rule(2, [], group: 2),
    ])
    #expect(rules.invalidRuleIDs == [1])
    #expect(rules.firstMatch(F.facts())?.id == 2)
}

@Test("validation names each problem in words, numbered as the editor lists conditions")
func validationMessages() {
    let rule = RoutingRule(id: 1, position: 1, title: "  ", conditions: [
        F.when("channel", "is", "email"),
        F.when("colour", "is", "red"),
        F.when("channel", "contains", "web"),
        F.when("channel", "is", "fax"),
        F.when("requester_id", "is", "abc"),
        F.when("tags", "includes", " , "),
        F.when("priority", "is", "critical"),
        F.when("priority", "less_than", "low"),
        F.when("subject", "contains_words", "?!"),
    ], actions: RoutingActions())
    do {
        try rule.validate()
        Issue.record("expected a refusal")
    } catch {
        #expect(error.details["title"]?.map(\.description) == ["Title: cannot be blank"])
        #expect(error.details["actions"]?.map(\.description) == ["Actions: set a group, skills, a priority or tags to add"])
        #expect(error.details["conditions"]?.map(\.description) == [
            "Condition 2: unknown field \"colour\"; use channel, requester_id, organization_id, tags, priority or subject",
            "Condition 3: channel cannot use \"contains\"; use is or is_not",
            "Condition 4: \"fax\" is not a channel; use api, web, email or voice",
            "Condition 5: requester_id needs a positive number, not \"abc\"",
            "Condition 6: tags needs at least one tag",
            "Condition 7: \"critical\" is not a priority; use low, normal, high or urgent",
            "Condition 8: no priority is less than low",
            "Condition 9: subject needs at least one word",
        ])
    }
}

@Test("a valid rule passes validation")
func validRule() {
    let rule = F.rule(1, [F.when("subject", "not_contains_words", "spam"), F.when("organization_id", "is_not", "4")],
                      skills: ["german"])
    #expect(throws: Never.self) { try rule.validate() }
}

/// The plain reading of a condition, written independently of the compiled rule set, so the indexes that skip
/// rules can be checked against testing every rule in order.
private func naiveMatches(_ c: RoutingCondition, _ f: TicketFacts) -> Bool {
    let positive = ["is", "includes", "contains_words"].contains(c.operator)
    switch c.field {
    case "channel": return (f.channel.rawValue == c.value) == positive
    case "requester_id": return (f.requesterID == Int(c.value)) == positive
    case "organization_id": return (f.organizationID == Int(c.value)) == positive
    case "tags":
        let listed = c.value.split(separator: " ").map(String.init)
        return positive ? listed.allSatisfy(f.tags.contains) : !listed.contains(where: f.tags.contains)
    case "priority":
        let p = TicketPriority(rawValue: c.value)!
        switch c.operator {
        case "is": return f.priority == p
        case "is_not": return f.priority != p
        case "less_than": return f.priority < p
        default: return f.priority > p
        }
    default:
        let words = f.subject.lowercased().split(separator: " ").map(String.init)
        return c.value.split(separator: " ").contains { words.contains(String($0)) } == positive
    }
}

@Test("indexed matching finds the same first rule as testing every rule in order")
func indexedEqualsNaive() {
    var rng = SeededGenerator(state: 7)
    let tags = ["vip", "b2b", "trial", "dach"], words = ["refund", "invoice", "login", "screen", "akku"]
    func condition() -> RoutingCondition {
        switch Int.random(in: 0..<6, using: &rng) {
        case 0: F.when("channel", ["is", "is_not"].randomElement(using: &rng)!, ViaChannel.allCases.randomElement(using: &rng)!.rawValue)
        case 1: F.when("requester_id", ["is", "is", "is_not"].randomElement(using: &rng)!, "\(Int.random(in: 1...4, using: &rng))")
        case 2: F.when("organization_id", ["is", "is", "is_not"].randomElement(using: &rng)!, "\(Int.random(in: 1...3, using: &rng))")
        case 3: F.when("tags", ["includes", "includes", "not_includes"].randomElement(using: &rng)!,
                       tags.shuffled(using: &rng).prefix(Int.random(in: 1...2, using: &rng)).joined(separator: " "))
        case 4: F.when("priority", ["is", "is_not"].randomElement(using: &rng)!, TicketPriority.allCases.randomElement(using: &rng)!.rawValue)
        default: F.when("subject", ["contains_words", "contains_words", "not_contains_words"].randomElement(using: &rng)!,
                        words.shuffled(using: &rng).prefix(Int.random(in: 1...2, using: &rng)).joined(separator: " "))
        }
    }
    for _ in 0..<40 {
        let list = (1...60).map { id in
            F.rule(id, position: Int.random(in: 1...30, using: &rng),
                   (0..<Int.random(in: 0...3, using: &rng)).map { _ in condition() }, group: 1,
                   active: Int.random(in: 0..<8, using: &rng) != 0)
        }
        let compiled = RoutingRuleSet(rules: list)
        let ordered = list.filter(\.active).sorted { ($0.position, $0.id) < ($1.position, $1.id) }
        for _ in 0..<50 {
            let facts = F.facts(requester: Int.random(in: 1...4, using: &rng),
                                organization: Bool.random(using: &rng) ? Int.random(in: 1...3, using: &rng) : nil,
                                channel: ViaChannel.allCases.randomElement(using: &rng)!,
                                tags: tags.filter { _ in Bool.random(using: &rng) },
                                priority: TicketPriority.allCases.randomElement(using: &rng)!,
                                subject: words.filter { _ in Int.random(in: 0..<3, using: &rng) == 0 }.joined(separator: " "))
            let expected = ordered.first { $0.conditions.allSatisfy { naiveMatches($0, facts) } }?.id
            #expect(compiled.firstMatch(facts)?.id == expected)
        }
    }
}
