import CasebookCore
import Foundation
import SQLKit

/// A decision as stored: an exception someone made on the record.
struct DecisionRecord: Sendable, Equatable {
    var id: Int
    var kind: DecisionKind
    /// The rule it departs from, in words ("Advance replacement requires completed troubleshooting").
    var rule: String
    /// What was decided ("Advance replacement RMA #4 for switch SW-1 created with the checklist incomplete").
    var what: String
    var reason: String
    /// What came of it, once known (an RMA's inspection outcome, say).
    var outcome: String?
    var ticketID: Int?
    var customerID: Int?
    var organizationID: Int?
    var subjectType: String
    var subjectID: Int?
    var decidedByID: Int
    var notified: [Int]
    var createdAt: Int64
}

/// SQL for decisions and the workspace notifications they send.
struct DecisionStore: Sendable {
    let db: any SQLDatabase

    func insert(_ d: DecisionRecord) async throws -> Int {
        let row = try await db.raw("""
            INSERT INTO decisions (kind, rule, what, reason, outcome, ticket_id, customer_id, organization_id, subject_type, subject_id,
                decided_by_id, notified, created_at)
            VALUES (\(bind: d.kind.rawValue), \(bind: d.rule), \(bind: d.what), \(bind: d.reason), \(bind: d.outcome), \(bind: d.ticketID),
                \(bind: d.customerID), \(bind: d.organizationID), \(bind: d.subjectType), \(bind: d.subjectID), \(bind: d.decidedByID),
                \(bind: JSONValue(d.notified).text), \(bind: d.createdAt))
            RETURNING id
            """).first()
        return try row!.decode(column: "id", as: Int.self)
    }

    func find(id: Int) async throws -> DecisionRecord? {
        try await db.raw("SELECT * FROM decisions WHERE id = \(bind: id)").first().map(Self.decode)
    }

    struct Filter: Sendable {
        var ticketID: Int?
        var customerID: Int?
        var decidedByID: Int?
        var kind: DecisionKind?

        var sql: SQLFilter {
            var sql = SQLFilter()
            sql.equal("ticket_id", ticketID)
            sql.equal("customer_id", customerID)
            sql.equal("decided_by_id", decidedByID)
            sql.equal("kind", kind?.rawValue)
            return sql
        }
    }

    static let paged = FilteredList(from: "decisions", decode: decode)

    /// In the order they were made; `afterID` pages by cursor.
    func list(_ filter: Filter, limit: Int, offset: Int, afterID: Int?) async throws -> [DecisionRecord] {
        try await Self.paged.page(db, filter.sql, limit: limit, offset: offset, afterID: afterID)
    }

    func count(_ filter: Filter) async throws -> Int { try await Self.paged.count(db, filter.sql) }

    /// What came of the decisions about one subject (an RMA's inspection), so the report can show it.
    func setOutcome(subjectType: String, subjectID: Int, outcome: String) async throws {
        try await db.raw("""
            UPDATE decisions SET outcome = \(bind: outcome) WHERE subject_type = \(bind: subjectType) AND subject_id = \(bind: subjectID)
            """).run()
    }

    struct ReportRow: Sendable, Equatable {
        var decidedByID: Int
        var kind: DecisionKind
        var rule: String
        var outcome: String?
        var count: Int
    }

    /// Decisions counted by person, rule and outcome, within `[from, to)`.
    func report(from: Int64, to: Int64) async throws -> [ReportRow] {
        try await db.raw("""
            SELECT decided_by_id, kind, rule, outcome, COUNT(*) AS n FROM decisions
            WHERE created_at >= \(bind: from) AND created_at < \(bind: to)
            GROUP BY decided_by_id, kind, rule, outcome
            ORDER BY COUNT(*) DESC, decided_by_id, kind, rule
            """).all().map { row in
            ReportRow(decidedByID: try row.decode(column: "decided_by_id", as: Int.self),
                      kind: DecisionKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .exception,
                      rule: try row.decode(column: "rule", as: String.self), outcome: try row.decode(column: "outcome", as: String?.self),
                      count: try row.decode(column: "n", as: Int.self))
        }
    }

    static func decode(_ row: any SQLRow) throws -> DecisionRecord {
        let notified = (try? JSONValue.parse(Array(try row.decode(column: "notified", as: String.self).utf8)))?.arrayValue?.compactMap(\.intValue) ?? []
        return DecisionRecord(
            id: try row.decode(column: "id", as: Int.self),
            kind: DecisionKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .exception,
            rule: try row.decode(column: "rule", as: String.self), what: try row.decode(column: "what", as: String.self),
            reason: try row.decode(column: "reason", as: String.self), outcome: try row.decode(column: "outcome", as: String?.self),
            ticketID: try row.decode(column: "ticket_id", as: Int?.self), customerID: try row.decode(column: "customer_id", as: Int?.self),
            organizationID: try row.decode(column: "organization_id", as: Int?.self),
            subjectType: try row.decode(column: "subject_type", as: String.self), subjectID: try row.decode(column: "subject_id", as: Int?.self),
            decidedByID: try row.decode(column: "decided_by_id", as: Int.self), notified: notified,
            createdAt: try row.decode(column: "created_at", as: Int64.self))
    }

    // MARK: Notifications

    struct Notification: Sendable, Equatable {
        var id: Int
        var userID: Int
        var kind: String
        var text: String
        var ticketID: Int?
        var link: String
        var createdAt: Int64
        var readAt: Int64?
    }

    func notify(userIDs: [Int], kind: String, text: String, ticketID: Int?, link: String, at: Int64) async throws {
        for id in userIDs {
            try await db.raw("""
                INSERT INTO notifications (user_id, kind, text, ticket_id, link, created_at)
                VALUES (\(bind: id), \(bind: kind), \(bind: text), \(bind: ticketID), \(bind: link), \(bind: at))
                """).run()
        }
    }

    func notifications(userID: Int, unreadOnly: Bool, limit: Int) async throws -> [Notification] {
        let unread: SQLQueryString = unreadOnly ? " AND read_at IS NULL" : ""
        return try await db.raw("""
            SELECT * FROM notifications WHERE user_id = \(bind: userID)\(unread) ORDER BY id DESC LIMIT \(bind: limit)
            """).all().map { row in
            Notification(id: try row.decode(column: "id", as: Int.self), userID: try row.decode(column: "user_id", as: Int.self),
                         kind: try row.decode(column: "kind", as: String.self), text: try row.decode(column: "text", as: String.self),
                         ticketID: try row.decode(column: "ticket_id", as: Int?.self), link: try row.decode(column: "link", as: String.self),
                         createdAt: try row.decode(column: "created_at", as: Int64.self), readAt: try row.decode(column: "read_at", as: Int64?.self))
        }
    }

    func unreadCount(userID: Int) async throws -> Int {
        try await db.raw("SELECT COUNT(*) AS n FROM notifications WHERE user_id = \(bind: userID) AND read_at IS NULL")
            .first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// Marks one person's notifications read: the ids given, or all of them.
    func markRead(userID: Int, ids: [Int]?, at: Int64) async throws {
        if let ids {
            guard !ids.isEmpty else { return }
            try await db.raw("""
                UPDATE notifications SET read_at = \(bind: at) WHERE user_id = \(bind: userID) AND read_at IS NULL
                AND id IN (\(binds: ids))
                """).run()
        } else {
            try await db.raw("UPDATE notifications SET read_at = \(bind: at) WHERE user_id = \(bind: userID) AND read_at IS NULL").run()
        }
    }
}
