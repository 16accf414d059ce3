import CasebookCore
import Foundation
import SQLKit

/// Satisfaction and loyalty side by side, one row per group, agent, ticket type or contact reason, for tickets
/// solved in a range: what customers said (CSAT, NPS) next to what they did afterwards (bought again, cancelled or
/// refunded, went silent). Computed in one SQL aggregate over `loyalty_facts` (tickets solved now, by their last
/// solve, like every ticket report): each row already holds the rating, the NPS answer and the outcome
/// `LoyaltyRule.classify` gave what the customer did next (`LoyaltyFacts`), read through a covering index; the rows come
/// from `GROUP BY`. Nothing is loaded per ticket into memory.
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

        /// The same conditions as every other ticket report's (`ReportFilter.factsConditions`).
        var factsConditions: SQLQueryString {
            var filter = ReportFilter(start: 0, end: 0)
            filter.groupIDs = groupIDs
            filter.agentIDs = assigneeIDs
            filter.channels = channels
            filter.priorities = priorities
            filter.tags = tags
            filter.organizationIDs = organizationIDs
            return filter.factsConditions()
        }
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

    /// `from`/`to`: solved between, in milliseconds since 1970 (both included). Outcomes are as the reports job last
    /// classified them (`LoyaltyFacts`); a row it has not classified yet counts as too early to tell.
    func rows(from: Int64, to: Int64, by dimension: Dimension, filters: Filters = Filters()) async throws -> [Row] {
        let key: SQLQueryString
        switch dimension {
        case .group: key = "f.group_id"
        case .agent: key = "f.assignee_id"
        case .ticketType: key = "f.type"
        case .contactReason: key = "f.contact_reason"
        }
        let textKey = dimension == .ticketType || dimension == .contactReason
        // Too early to tell (5, or not classified yet) is what is left: the solved tickets not counted otherwise.
        let rows = try await db.raw("""
            SELECT \(key) AS k, COUNT(*) AS solved, COUNT(f.rating) AS offered,
                SUM(CASE WHEN f.rating = 'good' THEN 1 ELSE 0 END) AS good,
                SUM(CASE WHEN f.rating = 'bad' THEN 1 ELSE 0 END) AS bad,
                COUNT(DISTINCT f.requester_id) AS customers,
                SUM(CASE WHEN f.outcome = 1 THEN 1 ELSE 0 END) AS bought_again,
                SUM(CASE WHEN f.outcome = 2 THEN 1 ELSE 0 END) AS cancelled_or_refunded,
                SUM(CASE WHEN f.outcome = 3 THEN 1 ELSE 0 END) AS silent,
                SUM(CASE WHEN f.outcome = 4 THEN 1 ELSE 0 END) AS active,
                SUM(CASE WHEN f.rating = 'good' AND f.outcome IN (2, 3) THEN 1 ELSE 0 END) AS satisfied_leaving,
                COUNT(f.nps_score) AS nps_responses,
                SUM(CASE WHEN f.nps_score >= 9 THEN 1 ELSE 0 END) AS promoters,
                SUM(CASE WHEN f.nps_score <= 6 THEN 1 ELSE 0 END) AS detractors
            FROM loyalty_facts f
            WHERE f.solved_at >= \(bind: from) AND f.solved_at <= \(bind: to)\(filters.factsConditions)
            GROUP BY \(key)
            """).all()
        var result = try rows.map { row -> Row in
            func int(_ column: String) throws -> Int { try row.decode(column: column, as: Int?.self) ?? 0 }
            let k = textKey ? try row.decode(column: "k", as: String?.self) : try row.decode(column: "k", as: Int?.self).map(String.init)
            let solved = try int("solved"), bought = try int("bought_again"), leaving = try int("cancelled_or_refunded")
            let silent = try int("silent"), active = try int("active")
            return Row(key: k ?? Self.none, id: nil, name: k ?? Self.none, ticketsSolved: solved, ratingsOffered: try int("offered"),
                       good: try int("good"), bad: try int("bad"), customers: try int("customers"), boughtAgain: bought,
                       cancelledOrRefunded: leaving, silent: silent, active: active, pending: solved - bought - leaving - silent - active,
                       satisfiedButLeaving: try int("satisfied_leaving"), npsResponses: try int("nps_responses"),
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
