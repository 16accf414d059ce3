import Testing
@testable import CasebookCore

private func cond(_ field: String, _ op: String, _ value: String) -> SLACondition {
    SLACondition(field: field, operator: op, value: value)
}

private func policy(_ id: Int, position: Int, all: [SLACondition] = [], any: [SLACondition] = []) -> SLAPolicy {
    SLAPolicy(id: id, title: "Policy \(id)", position: position, filter: SLAFilter(all: all, any: any),
              targets: [SLATarget(metric: .firstReplyTime, priority: .urgent, targetMinutes: 30, businessHours: false)])
}

private let urgentVIP = SLATicketFacts(priority: .urgent, groupID: 7, organizationID: 3, tags: ["vip", "printer"],
                                       status: .open, channel: "email", type: "incident")

// MARK: - Matching

@Test("the first matching policy by position wins, whatever order they are stored in")
func firstMatchByPosition() {
    let set = SLAPolicySet(policies: [
        policy(1, position: 3),
        policy(2, position: 1, all: [cond("priority", "is", "low")]),
        policy(3, position: 2, all: [cond("tags", "includes", "vip")]),
        policy(4, position: 2, all: [cond("tags", "includes", "vip")]),
    ])
    #expect(set.policies.map(\.id) == [2, 3, 4, 1])
    #expect(set.policy(for: urgentVIP)?.id == 3)
    #expect(set.policy(for: SLATicketFacts(priority: .low))?.id == 2)
    #expect(set.policy(for: SLATicketFacts(priority: .normal))?.id == 1)
    #expect(SLAPolicySet(policies: []).policy(for: urgentVIP) == nil)
}

@Test("each field and operator", arguments: [
    (cond("priority", "is", "urgent"), true), (cond("priority", "is_not", "urgent"), false),
    (cond("priority", "greater_than", "high"), true), (cond("priority", "greater_than", "urgent"), false), (cond("priority", "greater_than", "normal"), true),
    (cond("priority", "less_than", "urgent"), false), (cond("priority", "is", ""), false),
    (cond("status", "is", "open"), true), (cond("status", "less_than", "solved"), true), (cond("status", "greater_than", "open"), false),
    (cond("group_id", "is", "7"), true), (cond("group_id", "is_not", "7"), false), (cond("group_id", "is", ""), false),
    (cond("organization_id", "is", "3"), true), (cond("organization_id", "is_not", "4"), true),
    (cond("tags", "includes", "vip gold"), true), (cond("tags", "includes", "gold"), false),
    (cond("tags", "not_includes", "gold silver"), true), (cond("tags", "not_includes", "gold PRINTER"), false),
    (cond("via", "is", "email"), true), (cond("via", "is_not", "email"), false),
    (cond("type", "is", "incident"), true), (cond("type", "is", "question"), false), (cond("type", "is_not", ""), true),
])
func conditionMatching(condition: SLACondition, expected: Bool) {
    #expect(SLAFilter(all: [condition]).matches(urgentVIP) == expected)
}

@Test("a ticket without priority or group matches 'none', and is neither above nor below a priority")
func missingValues() {
    let bare = SLATicketFacts(priority: nil)
    #expect(SLAFilter(all: [cond("priority", "is", ""), cond("group_id", "is", ""), cond("type", "is", "")]).matches(bare))
    #expect(!SLAFilter(all: [cond("priority", "less_than", "urgent")]).matches(bare))
    #expect(!SLAFilter(all: [cond("priority", "greater_than", "low")]).matches(bare))
}

@Test("all must hold, and any needs one when it has conditions")
func allAndAny() {
    let filter = SLAFilter(all: [cond("via", "is", "email")], any: [cond("group_id", "is", "1"), cond("tags", "includes", "vip")])
    #expect(filter.matches(urgentVIP))
    var other = urgentVIP
    other.tags = []
    #expect(!filter.matches(other))
    other.groupID = 1
    #expect(filter.matches(other))
    other.channel = "web"
    #expect(!filter.matches(other))
    #expect(SLAFilter().matches(other))
    #expect(SLAFilter(any: [cond("via", "is", "web")]).matches(other))
}

@Test("a policy with a broken condition covers no ticket")
func brokenPolicyMatchesNothing() {
    let set = SLAPolicySet(policies: [policy(1, position: 1, any: [cond("colour", "is", "red")]), policy(2, position: 2)])
    #expect(set.policy(for: urgentVIP)?.id == 2)
}

@Test("targets for a priority, none without one")
func targetsForPriority() {
    var p = policy(1, position: 1)
    p.targets.append(SLATarget(metric: .firstReplyTime, priority: .low, targetMinutes: 480, businessHours: true))
    #expect(p.targets(for: .low).map(\.targetMinutes) == [480])
    #expect(p.targets(for: .urgent).map(\.targetMinutes) == [30])
    #expect(p.targets(for: .normal).isEmpty)
    #expect(p.targets(for: nil).isEmpty)
}

@Test("metric names are Zendesk's")
func metricRawValues() {
    #expect(SLAMetric.allCases.map(\.rawValue) == ["first_reply_time", "next_reply_time", "periodic_update_time",
                                                   "requester_wait_time", "full_resolution_time"])
}

// MARK: - Validation

private func problems(_ body: () throws(FieldErrors) -> Void) -> FieldErrors? {
    do { try body(); return nil } catch { return error }
}

@Test("filter validation names the list, position, field and value", arguments: [
    (cond("colour", "is", "red"), "Filter: all[0] has unknown field 'colour', expected one of priority, status, group_id, organization_id, via, type, tags"),
    (cond("priority", "includes", "high"), "Filter: all[0] has operator 'includes', which field 'priority' does not support"),
    (cond("tags", "is", "vip"), "Filter: all[0] has operator 'is', which field 'tags' does not support"),
    (cond("priority", "is", "critical"), "Filter: all[0] has priority 'critical', expected one of low, normal, high, urgent"),
    (cond("priority", "less_than", ""), "Filter: all[0] has priority '', expected one of low, normal, high, urgent"),
    (cond("group_id", "is", "seven"), "Filter: all[0] has group_id 'seven', expected a positive id or \"\" for none"),
    (cond("organization_id", "greater_than", "3"), "Filter: all[0] has operator 'greater_than', which field 'organization_id' does not support"),
    (cond("via", "is", "fax"), "Filter: all[0] has channel 'fax', expected one of api, web, email, voice"),
    (cond("type", "is", "bug"), "Filter: all[0] has type 'bug', expected one of question, incident, problem, task or \"\""),
    (cond("status", "is", "closedish"), "Filter: all[0] has status 'closedish', expected one of new, open, pending, hold, solved, closed"),
    (cond("tags", "includes", "  "), "Filter: all[0] has no tags to compare"),
])
func filterValidation(condition: SLACondition, message: String) {
    let errors = problems { () throws(FieldErrors) in try SLAFilter(all: [condition]).validate() }
    #expect(errors?.details["filter"]?.map(\.description) == [message])
}

@Test("the position in the any list is named too")
func anyPositionNamed() {
    let filter = SLAFilter(all: [cond("via", "is", "web")], any: [cond("tags", "includes", "a"), cond("via", "is", "pigeon")])
    let errors = problems { () throws(FieldErrors) in try filter.validate() }
    #expect(errors?.description == "Filter: any[1] has channel 'pigeon', expected one of api, web, email, voice")
}

@Test("a sound policy validates")
func validPolicy() {
    var p = policy(1, position: 1, all: [cond("priority", "greater_than", "normal")], any: [cond("tags", "includes", "vip")])
    p.pauseOn = [.pending, .hold]
    #expect(problems { () throws(FieldErrors) in try p.validate() } == nil)
}

@Test("policy validation covers title, targets, pause statuses and filter")
func policyValidation() throws {
    var p = policy(1, position: 1, all: [cond("via", "is", "fax")])
    p.title = "  "
    p.targets += [SLATarget(metric: .firstReplyTime, priority: .urgent, targetMinutes: 45, businessHours: true),
                  SLATarget(metric: .nextReplyTime, priority: .low, targetMinutes: 0, businessHours: false)]
    p.pauseOn = [.pending, .open, .solved]
    let errors = try #require(problems { () throws(FieldErrors) in try p.validate() })
    #expect(errors.details["title"]?.map(\.description) == ["Title: cannot be blank"])
    #expect(errors.details["filter"]?.count == 1)
    #expect(errors.details["policy_metrics"]?.map(\.description) == [
        "Policy metrics: first_reply_time for urgent priority is given more than once",
        "Policy metrics: next_reply_time for low priority must be a positive number of minutes",
    ])
    #expect(errors.details["pause_on"]?.map(\.description) == [
        "Pause on: only pending and hold can pause SLA timers, not open",
        "Pause on: only pending and hold can pause SLA timers, not solved",
    ])
}

@Test("the fast ranks keep the order of the types' own comparison")
func ranksMatchComparable() {
    #expect(TicketStatus.allCases.map(\.rank) == Array(0..<TicketStatus.allCases.count))
    #expect(TicketPriority.allCases.map(\.rank) == Array(0..<TicketPriority.allCases.count))
    #expect(TicketStatus.allCases.sorted() == TicketStatus.allCases && TicketPriority.allCases.sorted() == TicketPriority.allCases)
}
