import CasebookCore
import SQLKit

/// `loyalty_facts`: one row per solved ticket (written with its `ticket_facts` row by `TicketFactsRefresher`, with the
/// same dimensions) holding what its customer said and did afterwards, so the satisfaction-and-loyalty report only
/// counts rows of a covering index: the rating, the NPS answer, the first order, refund (not declined), cancelled line
/// and new ticket after the solve, and the outcome `LoyaltyRule.classify` gives them. The instants are recomputed for
/// a customer's rows whenever anything about that customer changes: a ticket of theirs, an order, a refund, an order
/// event, a rating or an NPS answer (`LoyaltyFactsRefresher`). That marks the rows due (`due_at`), and `classifyDue`
/// classifies them again; it also stores when each outcome can next change with time alone (a window ends, a dated
/// event arrives), so an outcome moves from "too early to tell" to silent within a run of the job after its window
/// ends. A table of its own keeps these frequent updates off `ticket_facts`, which the other reports scan.
enum LoyaltyFacts {
    /// The stored outcome codes.
    static func code(_ outcome: LoyaltyOutcome) -> Int {
        switch outcome {
        case .boughtAgain: 1
        case .cancelledOrRefunded: 2
        case .silent: 3
        case .active: 4
        case .pending: 5
        }
    }

    /// When `classify`'s answer for this ticket can next change with time alone: the first of the windows' ends and
    /// the activity instants still ahead of `now`; nil when none is (the outcome is final until the activity changes).
    static func nextChange(solvedAt: Int64, activity: ActivityAfterSolve, windows: LoyaltyWindows, now: Int64) -> Int64? {
        let candidates = [solvedAt + windows.boughtAgainMillis + 1, solvedAt + windows.silenceMillis + 1,
                          activity.firstOrderAt, activity.firstCancellationOrRefundAt, activity.firstNewTicketAt]
        return candidates.compactMap { $0 }.filter { $0 > now }.min()
    }

    static let classifyBatch = 5_000

    /// Classifies up to `classifyBatch` due rows at `now` with the admins' windows; returns how many.
    static func classifyDue(_ db: any SQLDatabase, now: Int64) async throws -> Int {
        let windows = try await SatisfactionSettings.load(db: db).windows
        let rows = try await db.raw("""
            SELECT ticket_id, solved_at, next_order_at, next_refund_at, next_cancel_at, next_ticket_at FROM loyalty_facts
            WHERE due_at <= \(bind: now) ORDER BY due_at LIMIT \(bind: classifyBatch)
            """).all()
        guard !rows.isEmpty else { return 0 }
        var values = SQLQueryString("WITH v (id, outcome, due) AS (VALUES ")
        for (i, row) in rows.enumerated() {
            let id = try row.decode(column: "ticket_id", as: Int.self)
            let solvedAt = try row.decode(column: "solved_at", as: Int64.self)
            let refund = try row.decode(column: "next_refund_at", as: Int64?.self), cancel = try row.decode(column: "next_cancel_at", as: Int64?.self)
            let activity = ActivityAfterSolve(firstOrderAt: try row.decode(column: "next_order_at", as: Int64?.self),
                                              firstCancellationOrRefundAt: [refund, cancel].compactMap { $0 }.min(),
                                              firstNewTicketAt: try row.decode(column: "next_ticket_at", as: Int64?.self))
            let outcome = code(LoyaltyRule.classify(solvedAt: solvedAt, activity: activity, windows: windows, now: now))
            let due = nextChange(solvedAt: solvedAt, activity: activity, windows: windows, now: now)
            if i > 0 { values.appendLiteral(", ") }
            values.appendInterpolation("(CAST(\(bind: id) AS BIGINT), CAST(\(bind: outcome) AS INTEGER), CAST(\(bind: due) AS BIGINT))" as SQLQueryString)
        }
        values.appendLiteral("""
            ) UPDATE loyalty_facts SET outcome = v.outcome, due_at = v.due FROM v WHERE loyalty_facts.ticket_id = v.id
            """)
        try await db.raw(values).run()
        return rows.count
    }

    /// Classifies every due row, a batch per transaction, at most `maxBatches`.
    static func classifyAllDue(_ database: Database, now: Int64, maxBatches: Int = .max) async throws {
        for _ in 0..<maxBatches {
            let n = try await database.write { db in try await classifyDue(db, now: now) }
            if n < classifyBatch { break }
        }
    }

    /// Sets what the customer said and did next on the rows that match `condition` (SQL over `loyalty_facts`), and
    /// marks them due for classification.
    static func recomputeSQL(where condition: String) -> String {
        """
        UPDATE loyalty_facts SET
            rating = (SELECT r.score FROM satisfaction_ratings r WHERE r.ticket_id = loyalty_facts.ticket_id),
            nps_score = (SELECT MAX(n.score) FROM nps_surveys n WHERE n.ticket_id = loyalty_facts.ticket_id AND n.answered_at IS NOT NULL),
            next_order_at = (SELECT MIN(o.created_at) FROM orders o
                WHERE o.customer_id = loyalty_facts.requester_id AND o.created_at > loyalty_facts.solved_at),
            next_refund_at = (SELECT MIN(f.created_at) FROM orders o JOIN refunds f ON f.order_id = o.id
                WHERE o.customer_id = loyalty_facts.requester_id AND f.created_at > loyalty_facts.solved_at AND f.status <> 'declined'),
            next_cancel_at = (SELECT MIN(e.created_at) FROM orders o JOIN order_events e ON e.order_id = o.id
                WHERE o.customer_id = loyalty_facts.requester_id AND e.event = 'order_line.cancelled' AND e.created_at > loyalty_facts.solved_at),
            next_ticket_at = (SELECT MIN(t2.created_at) FROM tickets t2
                WHERE t2.requester_id = loyalty_facts.requester_id AND t2.created_at > loyalty_facts.solved_at AND t2.deleted_at IS NULL),
            due_at = 0
        WHERE \(condition)
        """
    }

    static let chunk = 500

    /// The columns `write` takes, in order: what `TicketFactsRefresher` knows of a solved ticket.
    static let rowColumns = "ticket_id, requester_id, solved_at, group_id, assignee_id, organization_id, via_channel, priority, type, contact_reason"

    /// Writes the loyalty rows of solved tickets (keeping what the customer did, which `recompute` sets next) and
    /// removes those of tickets no longer solved or deleted.
    static func write(_ db: any SQLDatabase, solved rows: [SQLQueryString], notSolved: [Int]) async throws {
        if !notSolved.isEmpty {
            try await db.raw("DELETE FROM loyalty_facts WHERE ticket_id IN (\(binds: notSolved))").run()
        }
        guard !rows.isEmpty else { return }
        try await TicketFactsWriter.upsert(db, into: "loyalty_facts", columns: rowColumns, rows: rows)
    }

    /// The requesters the loyalty rows of these tickets have now (before a batch changes them).
    static func requesters(_ db: any SQLDatabase, ticketIDs: [Int]) async throws -> Set<Int> {
        Set(try await db.raw("SELECT requester_id FROM loyalty_facts WHERE ticket_id IN (\(binds: ticketIDs))").all()
            .map { try $0.decode(column: "requester_id", as: Int.self) })
    }

    /// Each ticket's contact reason: its `reason_…` tag (a "Contact reason" dropdown writes one); '`' sorts right
    /// after '_', so the range is the prefix.
    static func contactReasons(_ db: any SQLDatabase, ticketIDs: [Int]) async throws -> [Int: String] {
        let rows = try await db.raw("""
            SELECT ticket_id, MIN(tag) AS tag FROM ticket_tags
            WHERE ticket_id IN (\(binds: ticketIDs)) AND tag >= 'reason_' AND tag < 'reason`'
            GROUP BY ticket_id
            """).all()
        return Dictionary(try rows.map { (try $0.decode(column: "ticket_id", as: Int.self), try $0.decode(column: "tag", as: String.self)) },
                          uniquingKeysWith: { a, _ in a })
    }

    /// Recomputes the loyalty columns of these customers' solved tickets.
    static func recompute(_ db: any SQLDatabase, customerIDs: Set<Int>) async throws {
        let ids = customerIDs.sorted()
        var start = 0
        while start < ids.count {
            let slice = ids[start..<min(ids.count, start + chunk)]
            try await db.raw(SQLQueryString(recomputeSQL(where: "requester_id IN (\(slice.map(String.init).joined(separator: ", ")))"))).run()
            start += chunk
        }
    }
}
