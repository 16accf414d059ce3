import CasebookCore
import SQLKit

/// The bench year's orders, refunds and satisfaction ratings (for the satisfaction-and-loyalty report), and its
/// backorders, queue moves, fulfilment errors, decisions and presence history (for the operational reports), in the
/// proportions of a busy hardware desk.
extension ReportsBenchSeed {
    static let orders = 400_000

    /// Runs the statements for `0..<count` in chunks, one write transaction each.
    func rows(_ count: Int, _ what: String, _ statements: (Int, Int) -> [String]) async throws {
        var from = 0
        while from < count {
            let to = min(count, from + Self.chunk)
            let sql = statements(from, to)
            try await database.write { db in
                for statement in sql { try await db.raw(SQLQueryString(statement)).run() }
            }
            from = to
        }
        say("  \(what)")
    }

    var yes: String { database.engine == .postgres ? "TRUE" : "1" }
    var no: String { database.engine == .postgres ? "FALSE" : "0" }

    /// The loyalty rows the facts job would have written for the solved tickets, in the proportions of the rows
    /// seeded below (a rating on a third of solved tickets, one in fifteen bad; an NPS answer on one in seventeen; the
    /// customer's next order, refund, cancellation and ticket at spread-out days after the solve, or never), due for
    /// the job to classify.
    func seedLoyaltyFacts(firstAgent: Int, firstGroup: Int, created: String, solved: String, resolution: String,
                          customer: String) async throws {
        let solvedAt = "\(created) + \(resolution) * 120000"
        let day = "86400000"
        try await inChunks("loyalty facts for the solved tickets") { from, to in
            [series(from, to, """
                INSERT INTO loyalty_facts (\(LoyaltyFacts.rowColumns), rating, nps_score, next_order_at, next_refund_at, next_cancel_at,
                    next_ticket_at, due_at)
                """, """
                i + 1, \(customer), \(solvedAt), \(firstGroup) + i % \(ReportsBench.groups), \(firstAgent) + i % \(ReportsBench.agents),
                1 + i % 5000, CASE i % 4 WHEN 0 THEN 'email' WHEN 1 THEN 'web' WHEN 2 THEN 'api' ELSE 'voice' END,
                CASE i % 5 WHEN 0 THEN 'low' WHEN 4 THEN 'urgent' WHEN 3 THEN 'high' ELSE 'normal' END, 'question',
                CASE i % 4 WHEN 0 THEN 'reason_defect' WHEN 1 THEN 'reason_delivery' WHEN 2 THEN 'reason_billing' ELSE NULL END,
                CASE WHEN i % 3 = 0 THEN (CASE WHEN i % 15 = 0 THEN 'bad' ELSE 'good' END) ELSE NULL END,
                CASE WHEN i % 17 = 0 THEN (i / 17) % 11 ELSE NULL END,
                CASE WHEN i % 4 <> 3 THEN \(solvedAt) + (1 + i % 240) * \(day) ELSE NULL END,
                CASE WHEN i % 20 = 1 THEN \(solvedAt) + (1 + i % 120) * \(day) ELSE NULL END,
                CASE WHEN i % 50 = 2 THEN \(solvedAt) + (1 + i % 90) * \(day) ELSE NULL END,
                CASE WHEN i % 3 = 1 THEN \(solvedAt) + (1 + i % 300) * \(day) ELSE NULL END,
                0
                """, where: solved)]
        }
    }

    func seedOrdersAndSatisfaction(firstAgent: Int, firstGroup: Int, firstCustomer: Int, created: String, solved: String,
                                   resolution: String, customer: String) async throws {
        let span = end - start
        let orderAt = "(\(start) + (i * \(span)) / \(Self.orders))"
        try await rows(Self.orders, "orders and order lines") { from, to in
            [series(from, to, "INSERT INTO orders (id, customer_id, currency, created_at, updated_at)",
                    "i + 1, \(firstCustomer) + (i * 13) % \(ReportsBench.customers), 'EUR', \(orderAt), \(orderAt)"),
             series(from, to, "INSERT INTO order_lines (id, order_id, sku, quantity, price_minor, status)",
                    "i + 1, i + 1, 'SKU-' || (i % 40), 1 + i % 3, 2999, CASE WHEN i % 8 = 0 THEN 'backordered' ELSE 'shipped' END")]
        }
        try await rows(Self.orders / 20, "refunds") { from, to in
            [series(from, to, "INSERT INTO refunds (order_id, kind, amount_minor, currency, reason, status, requested_by_id, created_at)",
                    "i * 20 + 1, 'full', 2999, 'EUR', 'changed mind', 'completed', \(firstAgent), \(orderAt.replacingOccurrences(of: "(i *", with: "(i * 20 *")) + 86400000")]
        }
        try await inChunks("satisfaction ratings (a third of solved tickets, one in five bad)") { from, to in
            [series(from, to, """
                INSERT INTO satisfaction_ratings (ticket_id, requester_id, assignee_id, group_id, score, offered_at, first_rated_at, created_at, updated_at)
                """, """
                i + 1, \(customer), \(firstAgent) + i % \(ReportsBench.agents), \(firstGroup) + i % \(ReportsBench.groups),
                CASE WHEN i % 15 = 0 THEN 'bad' ELSE 'good' END, \(created) + \(resolution) * 120000, \(created) + \(resolution) * 120000 + 3600000,
                \(created) + \(resolution) * 120000, \(created) + \(resolution) * 120000 + 3600000
                """, where: "\(solved) AND i % 3 = 0")]
        }
    }

    func seedOperations(firstAgent: Int) async throws {
        let span = end - start
        let entries = 50_000
        let entryAt = "(\(start) + (i * \(span)) / \(entries))"
        try await rows(entries, "backorder entries, shipments for four in five, queue moves") { from, to in
            [series(from, to, """
                INSERT INTO backorder_entries (id, order_id, line_id, customer_id, sku, quantity, position, preference, captured_at, status, created_at)
                """, """
                i + 1, i * 8 + 1, i * 8 + 1, (SELECT customer_id FROM orders WHERE id = i * 8 + 1), 'SKU-' || (i % 40), 1, i,
                CASE WHEN i % 7 = 0 THEN 'any_colour' ELSE 'wait' END, \(entryAt), CASE WHEN i % 5 = 0 THEN 'waiting' ELSE 'allocated' END, \(entryAt)
                """),
             series(from, to, "INSERT INTO shipments (id, order_id, status, created_at)",
                    "i + 1, i * 8 + 1, 'shipped', \(entryAt) + (1 + i % 21) * 86400000", where: "i % 5 <> 0"),
             series(from, to, "INSERT INTO shipment_lines (shipment_id, line_id, sku, quantity)",
                    "i + 1, i * 8 + 1, 'SKU-' || (i % 40), 1", where: "i % 5 <> 0"),
             series(from, to, "INSERT INTO backorder_moves (entry_id, from_index, to_index, reason, actor_id, created_at)",
                    "i + 1, 10 + i % 30, CASE WHEN i % 2 = 0 THEN i % 10 ELSE 40 + i % 10 END, 'customer waited longest', \(firstAgent) + i % 5, \(entryAt) + 3600000",
                    where: "i % 10 = 0")]
        }
        let errors = 10_000
        let errorAt = "(\(start) + (i * \(span)) / \(errors))"
        try await rows(errors, "fulfilment errors") { from, to in
            [series(from, to, "INSERT INTO fulfilment_errors (order_id, line_id, kind, station, root_cause, recorded_by_id, created_at)", """
                i * 37 % \(Self.orders) + 1, i * 37 % \(Self.orders) + 1,
                CASE i % 3 WHEN 0 THEN 'wrong_item' WHEN 1 THEN 'damaged' ELSE 'missing_item' END, 'station-' || (i % 6),
                CASE i % 4 WHEN 0 THEN 'picking' WHEN 1 THEN 'packing' WHEN 2 THEN 'labelling' ELSE 'carrier' END, \(firstAgent) + i % 50, \(errorAt)
                """)]
        }
        let decisions = 5_000
        let decisionAt = "(\(start) + (i * \(span)) / \(decisions))"
        try await rows(decisions, "decisions") { from, to in
            [series(from, to, "INSERT INTO decisions (kind, rule, what, reason, outcome, ticket_id, decided_by_id, created_at)", """
                CASE i % 3 WHEN 0 THEN 'policy_override' WHEN 1 THEN 'approval' ELSE 'exception' END,
                CASE i % 4 WHEN 0 THEN 'checklist' WHEN 1 THEN 'rma_limit' WHEN 2 THEN 'refund_limit' ELSE 'queue_order' END,
                'Advance replacement', 'Customer two hours from site', CASE WHEN i % 5 = 0 THEN 'no_fault_found' ELSE NULL END,
                (i * 97) % \(tickets) + 1, \(firstAgent) + i % 20, \(decisionAt)
                """)]
        }
        // Presence: each agent online 8 hours, away 1 hour, offline the rest of each day.
        let days = Int(span / ReportFilter.dayMillis)
        let intervals = ReportsBench.agents * days
        try await rows(intervals, "presence history") { from, to in
            let day = "(\(start) + (i / \(ReportsBench.agents)) * 86400000)"
            let agent = "\(firstAgent) + i % \(ReportsBench.agents)"
            return [
                series(from, to, "INSERT INTO presence_intervals (user_id, status, started_at, ended_at)",
                       "\(agent), 'online', \(day) + 28800000, \(day) + 57600000"),
                series(from, to, "INSERT INTO presence_intervals (user_id, status, started_at, ended_at)",
                       "\(agent), 'away', \(day) + 57600000, \(day) + 61200000"),
                series(from, to, "INSERT INTO presence_intervals (user_id, status, started_at, ended_at)",
                       "\(agent), 'offline', \(day) + 61200000, \(day) + 115200000"),
            ]
        }
        if database.engine == .postgres {
            try await database.write { db in
                for table in ["orders", "order_lines", "backorder_entries", "shipments"] {
                    try await db.raw(SQLQueryString("SELECT setval(pg_get_serial_sequence('\(table)', 'id'), (SELECT MAX(id) FROM \(table)))")).run()
                }
            }
        }
    }
}
