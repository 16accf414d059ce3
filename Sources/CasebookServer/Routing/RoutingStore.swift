import CasebookCore
import Foundation
import SQLKit

/// SQL for routing: rules (conditions and actions kept as JSON text), exclusion rules, agents' skills and capacity,
/// groups' routing modes, the queue of tickets waiting for someone, and links between tickets.
struct RoutingStore: Sendable {
    let db: any SQLDatabase

    // MARK: Rules

    static func conditionsJSON(_ conditions: [RoutingCondition]) -> String {
        JSONValue.array(conditions.map { .object(["field": .string($0.field), "operator": .string($0.operator), "value": .string($0.value)]) }).text
    }

    static func actionsJSON(_ a: RoutingActions) -> String {
        JSONValue.object(["group_id": JSONValue(a.groupID), "skills": JSONValue(a.skills),
                          "priority": JSONValue(a.priority?.rawValue), "add_tags": JSONValue(a.addTags)]).text
    }

    static func decodeRule(_ row: any SQLRow) throws -> RoutingRule {
        let conditions = (try? JSONValue.parse(Array(try row.decode(column: "conditions", as: String.self).utf8)))?.arrayValue ?? []
        let actions = (try? JSONValue.parse(Array(try row.decode(column: "actions", as: String.self).utf8))) ?? .null
        return RoutingRule(
            id: try row.decode(column: "id", as: Int.self),
            position: try row.decode(column: "position", as: Int.self),
            title: try row.decode(column: "title", as: String.self),
            conditions: conditions.map {
                RoutingCondition(field: $0["field"]?.stringValue ?? "", operator: $0["operator"]?.stringValue ?? "",
                                 value: $0["value"]?.stringValue ?? "")
            },
            actions: RoutingActions(groupID: actions["group_id"]?.intValue,
                                    skills: actions["skills"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                                    priority: actions["priority"]?.stringValue.flatMap(TicketPriority.init(rawValue:)),
                                    addTags: actions["add_tags"]?.arrayValue?.compactMap(\.stringValue) ?? []),
            active: try row.decode(column: "active", as: Bool.self))
    }

    func rules() async throws -> [RoutingRule] {
        try await db.raw("SELECT * FROM routing_rules ORDER BY position, id").all().map(Self.decodeRule)
    }

    func rule(id: Int) async throws -> RoutingRule? {
        try await db.raw("SELECT * FROM routing_rules WHERE id = \(bind: id)").first().map(Self.decodeRule)
    }

    func insert(_ rule: RoutingRule, now: Int64) async throws -> Int {
        try await db.raw("""
            INSERT INTO routing_rules (position, title, active, conditions, actions, created_at, updated_at)
            VALUES (\(bind: rule.position), \(bind: rule.title), \(bind: rule.active), \(bind: Self.conditionsJSON(rule.conditions)),
                    \(bind: Self.actionsJSON(rule.actions)), \(bind: now), \(bind: now))
            RETURNING id
            """).first()!.decode(column: "id", as: Int.self)
    }

    func update(_ rule: RoutingRule, now: Int64) async throws {
        try await db.raw("""
            UPDATE routing_rules SET position = \(bind: rule.position), title = \(bind: rule.title), active = \(bind: rule.active),
                conditions = \(bind: Self.conditionsJSON(rule.conditions)), actions = \(bind: Self.actionsJSON(rule.actions)),
                updated_at = \(bind: now)
            WHERE id = \(bind: rule.id)
            """).run()
    }

    func deleteRule(id: Int) async throws {
        try await db.raw("DELETE FROM routing_rules WHERE id = \(bind: id)").run()
    }

    func nextRulePosition() async throws -> Int {
        try await db.raw("SELECT COALESCE(MAX(position), 0) + 1 AS n FROM routing_rules").first()!.decode(column: "n", as: Int.self)
    }

    // MARK: Exclusions

    static func decodeExclusion(_ row: any SQLRow) throws -> ExclusionRule {
        ExclusionRule(id: try row.decode(column: "id", as: Int.self), agentID: try row.decode(column: "agent_id", as: Int.self),
                      requesterID: try row.decode(column: "requester_id", as: Int?.self),
                      organizationID: try row.decode(column: "organization_id", as: Int?.self),
                      reason: try row.decode(column: "reason", as: String.self),
                      createdByID: try row.decode(column: "created_by_id", as: Int.self),
                      createdAt: try row.decode(column: "created_at", as: Int64.self))
    }

    func exclusions() async throws -> [ExclusionRule] {
        try await db.raw("SELECT * FROM exclusion_rules ORDER BY id").all().map(Self.decodeExclusion)
    }

    /// The rules that concern a requester or their organization (what the ticket page and a manual assignment check).
    func exclusions(requesterID: Int, organizationID: Int?) async throws -> [ExclusionRule] {
        try await db.raw("""
            SELECT * FROM exclusion_rules
            WHERE requester_id = \(bind: requesterID) OR (organization_id IS NOT NULL AND organization_id = \(bind: organizationID ?? -1))
            ORDER BY id
            """).all().map(Self.decodeExclusion)
    }

    func exclusion(id: Int) async throws -> ExclusionRule? {
        try await db.raw("SELECT * FROM exclusion_rules WHERE id = \(bind: id)").first().map(Self.decodeExclusion)
    }

    func insert(_ rule: ExclusionRule, ticketID: Int?) async throws -> Int {
        try await db.raw("""
            INSERT INTO exclusion_rules (agent_id, requester_id, organization_id, reason, ticket_id, created_by_id, created_at)
            VALUES (\(bind: rule.agentID), \(bind: rule.requesterID), \(bind: rule.organizationID), \(bind: rule.reason),
                    \(bind: ticketID), \(bind: rule.createdByID), \(bind: rule.createdAt))
            RETURNING id
            """).first()!.decode(column: "id", as: Int.self)
    }

    func deleteExclusion(id: Int) async throws {
        try await db.raw("DELETE FROM exclusion_rules WHERE id = \(bind: id)").run()
    }

    // MARK: Agents and groups

    /// Skills per agent.
    func skills() async throws -> [Int: Set<String>] {
        var result: [Int: Set<String>] = [:]
        for row in try await db.raw("SELECT user_id, skill FROM agent_skills").all() {
            result[try row.decode(column: "user_id", as: Int.self), default: []].insert(try row.decode(column: "skill", as: String.self))
        }
        return result
    }

    func skills(userID: Int) async throws -> [String] {
        try await db.raw("SELECT skill FROM agent_skills WHERE user_id = \(bind: userID) ORDER BY skill").all()
            .map { try $0.decode(column: "skill", as: String.self) }
    }

    func setSkills(userID: Int, _ skills: [String]) async throws {
        try await db.raw("DELETE FROM agent_skills WHERE user_id = \(bind: userID)").run()
        for skill in Set(skills) {
            try await db.raw("INSERT INTO agent_skills (user_id, skill) VALUES (\(bind: userID), \(bind: skill))").run()
        }
    }

    func capacities() async throws -> [Int: Int] {
        var result: [Int: Int] = [:]
        for row in try await db.raw("SELECT id, capacity FROM users WHERE capacity IS NOT NULL").all() {
            result[try row.decode(column: "id", as: Int.self)] = try row.decode(column: "capacity", as: Int.self)
        }
        return result
    }

    func capacity(userID: Int) async throws -> Int? {
        try await db.raw("SELECT capacity FROM users WHERE id = \(bind: userID)").first()?.decode(column: "capacity", as: Int?.self)
    }

    func setCapacity(userID: Int, _ capacity: Int?) async throws {
        try await db.raw("UPDATE users SET capacity = \(bind: capacity) WHERE id = \(bind: userID)").run()
    }

    struct GroupRouting: Sendable {
        var id: Int
        var name: String
        var mode: RoutingMode
        var lastRoutedTo: Int?
        var scheduleID: Int?
        var skills: [String]
    }

    func groupRouting() async throws -> [GroupRouting] {
        try await db.raw("SELECT id, name, routing_mode, last_routed_to, schedule_id, skills FROM groups ORDER BY id").all().map { row in
            GroupRouting(id: try row.decode(column: "id", as: Int.self), name: try row.decode(column: "name", as: String.self),
                         mode: RoutingMode(rawValue: try row.decode(column: "routing_mode", as: String.self)) ?? .manual,
                         lastRoutedTo: try row.decode(column: "last_routed_to", as: Int?.self),
                         scheduleID: try row.decode(column: "schedule_id", as: Int?.self),
                         skills: try row.decode(column: "skills", as: String.self).split(separator: " ").map(String.init))
        }
    }

    func setGroupRouting(groupID: Int, mode: RoutingMode?, scheduleID: Int??, skills: [String]? = nil) async throws {
        if let skills {
            try await db.raw("UPDATE groups SET skills = \(bind: Tags.normalize(skills).joined(separator: " ")) WHERE id = \(bind: groupID)").run()
        }
        if let mode { try await db.raw("UPDATE groups SET routing_mode = \(bind: mode.rawValue) WHERE id = \(bind: groupID)").run() }
        if let scheduleID { try await db.raw("UPDATE groups SET schedule_id = \(bind: scheduleID) WHERE id = \(bind: groupID)").run() }
    }

    /// The agent each round-robin group gave its last ticket to.
    func lastRouted() async throws -> [Int: Int] {
        var result: [Int: Int] = [:]
        for row in try await db.raw("SELECT id, last_routed_to FROM groups WHERE last_routed_to IS NOT NULL").all() {
            result[try row.decode(column: "id", as: Int.self)] = try row.decode(column: "last_routed_to", as: Int.self)
        }
        return result
    }

    func recordRoundRobin(groupID: Int, agentID: Int) async throws {
        try await db.raw("UPDATE groups SET last_routed_to = \(bind: agentID) WHERE id = \(bind: groupID)").run()
    }

    /// Members of every group, in the order they joined (round-robin order).
    func members() async throws -> [Int: [Int]] {
        var result: [Int: [Int]] = [:]
        for row in try await db.raw("""
            SELECT m.group_id, m.user_id FROM group_memberships m JOIN users u ON u.id = m.user_id
            WHERE u.active = \(bind: true) ORDER BY m.group_id, m.id
            """).all() {
            result[try row.decode(column: "group_id", as: Int.self), default: []].append(try row.decode(column: "user_id", as: Int.self))
        }
        return result
    }

    /// Tickets each agent holds that still need work from them (new or open), for capacity and least-loaded.
    func openCounts(agentIDs: [Int]) async throws -> [Int: Int] {
        guard !agentIDs.isEmpty else { return [:] }
        var result: [Int: Int] = [:]
        for row in try await db.raw("""
            SELECT assignee_id, COUNT(*) AS n FROM tickets
            WHERE assignee_id IN (\(binds: agentIDs)) AND status IN ('new', 'open') AND deleted_at IS NULL
            GROUP BY assignee_id
            """).all() {
            result[try row.decode(column: "assignee_id", as: Int.self)] = try row.decode(column: "n", as: Int.self)
        }
        return result
    }

    // MARK: The waiting queue

    struct Waiting: Sendable {
        var ticketID: Int
        var groupID: Int?
        var skills: [String]
        var reason: String
        var queuedAt: Int64
    }

    func enqueue(ticketID: Int, groupID: Int?, skills: [String], reason: String, now: Int64) async throws {
        try await db.raw("""
            INSERT INTO routing_queue (ticket_id, group_id, skills, reason, queued_at)
            VALUES (\(bind: ticketID), \(bind: groupID), \(bind: skills.joined(separator: " ")), \(bind: reason), \(bind: now))
            ON CONFLICT (ticket_id) DO UPDATE SET group_id = excluded.group_id, skills = excluded.skills, reason = excluded.reason
            """).run()
    }

    func dequeue(ticketID: Int) async throws {
        try await db.raw("DELETE FROM routing_queue WHERE ticket_id = \(bind: ticketID)").run()
    }

    func waiting(limit: Int) async throws -> [Waiting] {
        try await db.raw("SELECT * FROM routing_queue ORDER BY queued_at, ticket_id LIMIT \(bind: limit)").all().map(Self.decodeWaiting)
    }

    func waiting(ticketID: Int) async throws -> Waiting? {
        try await db.raw("SELECT * FROM routing_queue WHERE ticket_id = \(bind: ticketID)").first().map(Self.decodeWaiting)
    }

    static func decodeWaiting(_ row: any SQLRow) throws -> Waiting {
        Waiting(ticketID: try row.decode(column: "ticket_id", as: Int.self), groupID: try row.decode(column: "group_id", as: Int?.self),
                skills: try row.decode(column: "skills", as: String.self).split(separator: " ").map(String.init),
                reason: try row.decode(column: "reason", as: String.self), queuedAt: try row.decode(column: "queued_at", as: Int64.self))
    }

    func waitingCounts() async throws -> [Int: Int] {
        var result: [Int: Int] = [:]
        for row in try await db.raw("SELECT COALESCE(group_id, 0) AS g, COUNT(*) AS n FROM routing_queue GROUP BY COALESCE(group_id, 0)").all() {
            result[try row.decode(column: "g", as: Int.self)] = try row.decode(column: "n", as: Int.self)
        }
        return result
    }

    // MARK: Links

    func link(ticketID: Int, to linked: [Int], kind: String, now: Int64) async throws {
        for other in linked {
            try await db.raw("""
                INSERT INTO ticket_links (ticket_id, linked_ticket_id, kind, created_at)
                VALUES (\(bind: ticketID), \(bind: other), \(bind: kind), \(bind: now)) ON CONFLICT DO NOTHING
                """).run()
        }
    }

    func links(ticketID: Int, kind: String) async throws -> [Int] {
        try await db.raw("""
            SELECT linked_ticket_id FROM ticket_links WHERE ticket_id = \(bind: ticketID) AND kind = \(bind: kind)
            ORDER BY linked_ticket_id
            """).all().map { try $0.decode(column: "linked_ticket_id", as: Int.self) }
    }
}
