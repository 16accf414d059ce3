import CasebookCore
import Foundation
import SQLKit

/// Satisfaction and loyalty side by side, one row per group, agent, ticket type or contact reason, for tickets
/// solved in a range: what customers said (CSAT, NPS) next to what they did afterwards (bought again, cancelled or
/// refunded, went silent). Computed in one SQL aggregate: each solved ticket's next order, refund, cancellation and
/// ticket come from index lookups (`orders (customer_id, created_at)`, `refunds (order_id, created_at)`,
/// `order_events (order_id, event, created_at)`, `tickets (requester_id, created_at)`), the outcome from a `CASE`
/// that mirrors `LoyaltyRule.classify`, and the rows from `GROUP BY`. Nothing is loaded per ticket into memory.
struct SatisfactionLoyaltyReport: Sendable {
    enum Dimension: String, Sendable, CaseIterable {
        case group, agent
        case ticketType = "ticket_type"
        case contactReason = "contact_reason"
    }

    struct Filters: Sendable, Equatable {
        var groupIDs: [Int] = []
        var assigneeIDs: [Int] = []
        var channels: [String] = []
        var priorities: [String] = []
        var tags: [String] = []
        var organizationIDs: [Int] = []
    }

    struct Row: Sendable, Equatable {
        /// The dimension's value: a group or agent id, a ticket type, a `reason_` tag; "(none)" when the ticket has none.
        var key: String
        /// The group's or agent's id (nil for types, reasons, and "(none)").
        var id: Int?
        var name: String
        var ticketsSolved: Int
        var ratingsOffered: Int
        var good: Int
        var bad: Int
        var customers: Int
        var boughtAgain: Int
        var cancelledOrRefunded: Int
        var silent: Int
        var active: Int
        var pending: Int
        /// Rated good, yet cancelled, refunded or went silent afterwards: "satisfied but leaving".
        var satisfiedButLeaving: Int
        var npsResponses: Int
        var promoters: Int
        var detractors: Int

        var csatPercent: Double? { SatisfactionRules.csatPercent(good: good, bad: bad) }
        var npsScore: Double? { NPSRules.score(promoters: promoters, detractors: detractors, responses: npsResponses) }
    }

    static let none = "(none)"

    let db: any SQLDatabase

    /// `from`/`to`: solved between, in milliseconds since 1970 (both included). `now`: the time outcomes are judged at.
    func rows(from: Int64, to: Int64, by dimension: Dimension, filters: Filters = Filters(), windows: LoyaltyWindows,
              now: Int64) async throws -> [Row] {
        let key: SQLQueryString
        switch dimension {
        case .group: key = "CAST(t.group_id AS TEXT)"
        case .agent: key = "CAST(t.assignee_id AS TEXT)"
        case .ticketType: key = "t.type"
        // A "Contact reason" dropdown writes one `reason_…` tag; '`' sorts right after '_', so the range is the prefix.
        case .contactReason: key = "(SELECT MIN(g.tag) FROM ticket_tags g WHERE g.ticket_id = t.id AND g.tag >= 'reason_' AND g.tag < 'reason`')"
        }
        var condition: SQLQueryString = "t.solved_at >= \(bind: from) AND t.solved_at <= \(bind: to) AND t.deleted_at IS NULL"
        if !filters.groupIDs.isEmpty { condition.appendInterpolation(" AND t.group_id IN (\(binds: filters.groupIDs))" as SQLQueryString) }
        if !filters.assigneeIDs.isEmpty { condition.appendInterpolation(" AND t.assignee_id IN (\(binds: filters.assigneeIDs))" as SQLQueryString) }
        if !filters.channels.isEmpty { condition.appendInterpolation(" AND t.via_channel IN (\(binds: filters.channels))" as SQLQueryString) }
        if !filters.priorities.isEmpty { condition.appendInterpolation(" AND t.priority IN (\(binds: filters.priorities))" as SQLQueryString) }
        if !filters.organizationIDs.isEmpty {
            condition.appendInterpolation(" AND t.organization_id IN (\(binds: filters.organizationIDs))" as SQLQueryString)
        }
        if !filters.tags.isEmpty {
            condition.appendInterpolation(" AND EXISTS (SELECT 1 FROM ticket_tags ft WHERE ft.ticket_id = t.id AND ft.tag IN (\(binds: filters.tags)))" as SQLQueryString)
        }
        let buy = windows.boughtAgainMillis, silence = windows.silenceMillis
        let rows = try await db.raw("""
            SELECT k, COUNT(*) AS solved, COUNT(rating_score) AS offered,
                SUM(CASE WHEN rating_score = 'good' THEN 1 ELSE 0 END) AS good,
                SUM(CASE WHEN rating_score = 'bad' THEN 1 ELSE 0 END) AS bad,
                COUNT(DISTINCT requester_id) AS customers,
                SUM(CASE WHEN outcome = 'bought_again' THEN 1 ELSE 0 END) AS bought_again,
                SUM(CASE WHEN outcome = 'cancelled_or_refunded' THEN 1 ELSE 0 END) AS cancelled_or_refunded,
                SUM(CASE WHEN outcome = 'silent' THEN 1 ELSE 0 END) AS silent,
                SUM(CASE WHEN outcome = 'active' THEN 1 ELSE 0 END) AS active,
                SUM(CASE WHEN outcome = 'pending' THEN 1 ELSE 0 END) AS pending,
                SUM(CASE WHEN rating_score = 'good' AND outcome IN ('cancelled_or_refunded', 'silent') THEN 1 ELSE 0 END) AS satisfied_leaving,
                COUNT(nps_score) AS nps_responses,
                SUM(CASE WHEN nps_score >= 9 THEN 1 ELSE 0 END) AS promoters,
                SUM(CASE WHEN nps_score <= 6 THEN 1 ELSE 0 END) AS detractors
            FROM (
                SELECT b.k, b.requester_id, r.score AS rating_score, n.score AS nps_score,
                    CASE
                        WHEN (b.next_refund <= b.solved_at + \(bind: buy) AND b.next_refund <= \(bind: now))
                          OR (b.next_cancel <= b.solved_at + \(bind: buy) AND b.next_cancel <= \(bind: now)) THEN 'cancelled_or_refunded'
                        WHEN b.next_order <= b.solved_at + \(bind: buy) AND b.next_order <= \(bind: now) THEN 'bought_again'
                        WHEN \(bind: now) <= b.solved_at + \(bind: buy) THEN 'pending'
                        WHEN (b.next_ticket <= b.solved_at + \(bind: silence) AND b.next_ticket <= \(bind: now))
                          OR (b.next_order <= b.solved_at + \(bind: silence) AND b.next_order <= \(bind: now)) THEN 'active'
                        WHEN \(bind: now) <= b.solved_at + \(bind: silence) THEN 'pending'
                        ELSE 'silent'
                    END AS outcome
                FROM (
                    SELECT t.id, t.requester_id, t.solved_at, \(key) AS k,
                        (SELECT MIN(o.created_at) FROM orders o
                            WHERE o.customer_id = t.requester_id AND o.created_at > t.solved_at) AS next_order,
                        (SELECT MIN(f.created_at) FROM orders o JOIN refunds f ON f.order_id = o.id
                            WHERE o.customer_id = t.requester_id AND f.created_at > t.solved_at AND f.status <> 'declined') AS next_refund,
                        (SELECT MIN(e.created_at) FROM orders o JOIN order_events e ON e.order_id = o.id
                            WHERE o.customer_id = t.requester_id AND e.event = 'order_line.cancelled' AND e.created_at > t.solved_at) AS next_cancel,
                        (SELECT MIN(t2.created_at) FROM tickets t2
                            WHERE t2.requester_id = t.requester_id AND t2.created_at > t.solved_at AND t2.deleted_at IS NULL) AS next_ticket
                    FROM tickets t WHERE \(condition)
                ) b
                LEFT JOIN satisfaction_ratings r ON r.ticket_id = b.id
                LEFT JOIN nps_surveys n ON n.ticket_id = b.id AND n.answered_at IS NOT NULL
            ) x
            GROUP BY k
            ORDER BY k
            """).all()
        var result = try rows.map { row -> Row in
            func int(_ column: String) throws -> Int { try row.decode(column: column, as: Int?.self) ?? 0 }
            let k = try row.decode(column: "k", as: String?.self)
            return Row(key: k ?? Self.none, id: nil, name: k ?? Self.none, ticketsSolved: try int("solved"), ratingsOffered: try int("offered"),
                       good: try int("good"), bad: try int("bad"), customers: try int("customers"), boughtAgain: try int("bought_again"),
                       cancelledOrRefunded: try int("cancelled_or_refunded"), silent: try int("silent"), active: try int("active"),
                       pending: try int("pending"), satisfiedButLeaving: try int("satisfied_leaving"), npsResponses: try int("nps_responses"),
                       promoters: try int("promoters"), detractors: try int("detractors"))
        }
        // Names for the (few) groups and agents in the result.
        if dimension == .group || dimension == .agent {
            let ids = result.compactMap { Int($0.key) }
            var names: [Int: String] = [:]
            if !ids.isEmpty {
                let table: SQLQueryString = dimension == .group ? "groups" : "users"
                for row in try await db.raw("SELECT id, name FROM \(table) WHERE id IN (\(binds: ids))").all() {
                    names[try row.decode(column: "id", as: Int.self)] = try row.decode(column: "name", as: String.self)
                }
            }
            for i in result.indices {
                guard let id = Int(result[i].key) else { continue }
                result[i].id = id
                result[i].name = names[id] ?? "#\(id)"
            }
        }
        // The engines place NULL differently in ORDER BY; "(none)" sorts first either way here.
        return result.sorted { $0.key < $1.key }
    }

    static func present(_ row: Row) -> JSONValue {
        func percent(_ value: Double?) -> JSONValue { value.map { .double(($0 * 10).rounded() / 10) } ?? .null }
        return [
            "key": .string(row.key), "id": JSONValue(row.id), "name": .string(row.name),
            "tickets_solved": .int(row.ticketsSolved), "ratings_offered": .int(row.ratingsOffered), "good": .int(row.good), "bad": .int(row.bad),
            "csat_percent": percent(row.csatPercent), "customers": .int(row.customers), "bought_again": .int(row.boughtAgain),
            "cancelled_or_refunded": .int(row.cancelledOrRefunded), "silent": .int(row.silent), "active": .int(row.active),
            "pending": .int(row.pending), "satisfied_but_leaving": .int(row.satisfiedButLeaving),
            "nps_responses": .int(row.npsResponses), "nps_score": percent(row.npsScore),
        ]
    }
}
