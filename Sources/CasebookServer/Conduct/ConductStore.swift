import CasebookCore
import Foundation
import SQLKit

/// An outcome the admins' conduct policy offers ("Call ended after one warning" → interaction ended).
struct ConductOutcome: Sendable, Equatable {
    var id: Int
    var label: String
    var action: ConductAction
    var description: String
    var active: Bool
    var createdAt: Int64
}

/// Abusive conduct on the record: who was abusive to whom, the evidence, and what the policy's outcome did.
struct ConductRecord: Sendable, Equatable {
    var id: Int
    var ticketID: Int
    var customerID: Int
    var affectedAgentID: Int?
    var flaggedByID: Int
    var kind: ConductKind
    /// The comment or call log that shows it; nil when the note says what happened.
    var commentID: Int?
    var outcomeID: Int
    var note: String
    /// The rule the outcome created (or found already in place), when its action is an exclusion.
    var exclusionRuleID: Int?
    var createdAt: Int64
}

/// SQL for conduct outcomes and records, and the customer's "contact only by email" mark.
struct ConductStore: Sendable {
    let db: any SQLDatabase

    // MARK: Outcomes

    func outcomes(activeOnly: Bool) async throws -> [ConductOutcome] {
        let condition: SQLQueryString = activeOnly ? "WHERE active = \(bind: true)" : ""
        return try await db.raw("SELECT * FROM conduct_outcomes \(condition) ORDER BY id").all().map(Self.decodeOutcome)
    }

    func outcome(id: Int) async throws -> ConductOutcome? {
        try await db.raw("SELECT * FROM conduct_outcomes WHERE id = \(bind: id)").first().map(Self.decodeOutcome)
    }

    /// Labels are unique whatever their case, so two outcomes never read the same in the agents' list.
    func outcome(label: String) async throws -> ConductOutcome? {
        try await db.raw("SELECT * FROM conduct_outcomes WHERE LOWER(label) = \(bind: label.lowercased())").first().map(Self.decodeOutcome)
    }

    func insert(_ o: ConductOutcome) async throws -> Int {
        try await db.raw("""
            INSERT INTO conduct_outcomes (label, action, description, active, created_at)
            VALUES (\(bind: o.label), \(bind: o.action.rawValue), \(bind: o.description), \(bind: o.active), \(bind: o.createdAt))
            RETURNING id
            """).first()!.decode(column: "id", as: Int.self)
    }

    func update(_ o: ConductOutcome) async throws {
        try await db.raw("""
            UPDATE conduct_outcomes SET label = \(bind: o.label), action = \(bind: o.action.rawValue),
                description = \(bind: o.description), active = \(bind: o.active)
            WHERE id = \(bind: o.id)
            """).run()
    }

    static func decodeOutcome(_ row: any SQLRow) throws -> ConductOutcome {
        ConductOutcome(id: try row.decode(column: "id", as: Int.self), label: try row.decode(column: "label", as: String.self),
                       action: ConductAction(rawValue: try row.decode(column: "action", as: String.self)) ?? .warningSent,
                       description: try row.decode(column: "description", as: String.self),
                       active: try row.decode(column: "active", as: Bool.self), createdAt: try row.decode(column: "created_at", as: Int64.self))
    }

    // MARK: Records

    func insert(_ r: ConductRecord) async throws -> Int {
        try await db.raw("""
            INSERT INTO conduct_records (ticket_id, customer_id, affected_agent_id, flagged_by_id, kind, comment_id, outcome_id, note,
                exclusion_rule_id, created_at)
            VALUES (\(bind: r.ticketID), \(bind: r.customerID), \(bind: r.affectedAgentID), \(bind: r.flaggedByID), \(bind: r.kind.rawValue),
                \(bind: r.commentID), \(bind: r.outcomeID), \(bind: r.note), \(bind: r.exclusionRuleID), \(bind: r.createdAt))
            RETURNING id
            """).first()!.decode(column: "id", as: Int.self)
    }

    func setExclusionRule(recordID: Int, ruleID: Int) async throws {
        try await db.raw("UPDATE conduct_records SET exclusion_rule_id = \(bind: ruleID) WHERE id = \(bind: recordID)").run()
    }

    func find(id: Int) async throws -> ConductRecord? {
        try await db.raw("SELECT * FROM conduct_records WHERE id = \(bind: id)").first().map(Self.decodeRecord)
    }

    struct Filter: Sendable {
        var customerID: Int?
        var ticketID: Int?

        var sql: SQLFilter {
            var sql = SQLFilter()
            sql.equal("customer_id", customerID)
            sql.equal("ticket_id", ticketID)
            return sql
        }
    }

    static let paged = FilteredList(from: "conduct_records", decode: decodeRecord)

    /// In the order they were flagged; `afterID` pages by cursor.
    func list(_ filter: Filter, limit: Int, offset: Int, afterID: Int?) async throws -> [ConductRecord] {
        try await Self.paged.page(db, filter.sql, limit: limit, offset: offset, afterID: afterID)
    }

    func count(_ filter: Filter) async throws -> Int { try await Self.paged.count(db, filter.sql) }

    /// A customer's records, newest first, as their page shows them.
    func recent(customerID: Int, limit: Int) async throws -> [ConductRecord] {
        try await db.raw("""
            SELECT * FROM conduct_records WHERE customer_id = \(bind: customerID) ORDER BY id DESC LIMIT \(bind: limit)
            """).all().map(Self.decodeRecord)
    }

    static func decodeRecord(_ row: any SQLRow) throws -> ConductRecord {
        ConductRecord(
            id: try row.decode(column: "id", as: Int.self), ticketID: try row.decode(column: "ticket_id", as: Int.self),
            customerID: try row.decode(column: "customer_id", as: Int.self),
            affectedAgentID: try row.decode(column: "affected_agent_id", as: Int?.self),
            flaggedByID: try row.decode(column: "flagged_by_id", as: Int.self),
            kind: ConductKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .harassment,
            commentID: try row.decode(column: "comment_id", as: Int?.self), outcomeID: try row.decode(column: "outcome_id", as: Int.self),
            note: try row.decode(column: "note", as: String.self), exclusionRuleID: try row.decode(column: "exclusion_rule_id", as: Int?.self),
            createdAt: try row.decode(column: "created_at", as: Int64.self))
    }

    // MARK: Evidence

    /// A comment or call log by id, whichever ticket it is on (the caller checks it is the flagged ticket's).
    func comment(id: Int) async throws -> CommentRecord? {
        try await db.raw("SELECT * FROM comments WHERE id = \(bind: id)").first().map(TicketStore.decodeComment)
    }

    // MARK: The customer and the leads

    /// `""` (any channel) or `"email"`.
    func contactOnlyBy(userID: Int) async throws -> String {
        try await db.raw("SELECT contact_only_by FROM users WHERE id = \(bind: userID)").first()?
            .decode(column: "contact_only_by", as: String.self) ?? ""
    }

    func setContactOnlyBy(userID: Int, _ channel: String, at now: Int64) async throws {
        try await db.raw("""
            UPDATE users SET contact_only_by = \(bind: channel), updated_at = \(bind: now) WHERE id = \(bind: userID)
            """).run()
    }

    /// Active leads and managers who are members of the group.
    func leads(groupID: Int) async throws -> [Int] {
        try await db.raw("""
            SELECT u.id FROM users u JOIN group_memberships m ON m.user_id = u.id
            WHERE m.group_id = \(bind: groupID) AND u.active = \(bind: true) AND u.role IN ('lead', 'manager')
            ORDER BY u.id
            """).all().map { try $0.decode(column: "id", as: Int.self) }
    }

    func activeLeads() async throws -> [Int] {
        try await db.raw("SELECT id FROM users WHERE role = 'lead' AND active = \(bind: true) ORDER BY id").all()
            .map { try $0.decode(column: "id", as: Int.self) }
    }
}
