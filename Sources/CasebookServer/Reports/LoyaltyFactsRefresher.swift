import CasebookCore
import SQLKit

/// Follows what happens to customers after their tickets: new orders, refunds and order events (by id, windows
/// overlapping the last `overlap` ids so a row whose id was taken before a neighbour's but committed after it is still
/// seen), and ratings and NPS answers (by time, up to the caller's lagged `upTo`). Each source's customers get their
/// loyalty facts recomputed, which is idempotent, so seeing a row twice is harmless. Every window commits with its
/// watermark.
struct LoyaltyFactsRefresher: Sendable {
    let database: Database
    static let window = 2_000
    static let overlap = 200
    /// After an id source last moved, its overlap is looked at again for this long (a late commit lands in it).
    static let settleMillis: Int64 = 120_000

    struct Source: Sendable {
        var watermark: String
        /// `SELECT MAX(…)` of the source's id or time.
        var newest: String
        /// The customers of the source rows in `(low, high]`, as column `c`.
        var customers: @Sendable (_ low: Int64, _ high: Int64) -> SQLQueryString
        var byTime: Bool
    }

    static let sources: [Source] = [
        Source(watermark: "loyalty.orders", newest: "SELECT MAX(id) AS m FROM orders",
               customers: { "SELECT DISTINCT customer_id AS c FROM orders WHERE id > \(bind: $0) AND id <= \(bind: $1)" }, byTime: false),
        Source(watermark: "loyalty.refunds", newest: "SELECT MAX(id) AS m FROM refunds",
               customers: { "SELECT DISTINCT o.customer_id AS c FROM refunds f JOIN orders o ON o.id = f.order_id WHERE f.id > \(bind: $0) AND f.id <= \(bind: $1)" },
               byTime: false),
        Source(watermark: "loyalty.order_events", newest: "SELECT MAX(id) AS m FROM order_events",
               customers: { "SELECT DISTINCT o.customer_id AS c FROM order_events e JOIN orders o ON o.id = e.order_id WHERE e.id > \(bind: $0) AND e.id <= \(bind: $1)" },
               byTime: false),
        Source(watermark: "loyalty.ratings", newest: "SELECT MAX(updated_at) AS m FROM satisfaction_ratings",
               customers: { """
                   SELECT DISTINCT t.requester_id AS c FROM satisfaction_ratings r JOIN tickets t ON t.id = r.ticket_id
                   WHERE r.updated_at > \(bind: $0) AND r.updated_at <= \(bind: $1)
                   """ }, byTime: true),
        Source(watermark: "loyalty.nps", newest: "SELECT MAX(answered_at) AS m FROM nps_surveys",
               customers: { """
                   SELECT DISTINCT t.requester_id AS c FROM nps_surveys n JOIN tickets t ON t.id = n.ticket_id
                   WHERE n.answered_at > \(bind: $0) AND n.answered_at <= \(bind: $1)
                   """ }, byTime: true),
    ]

    /// The watermark rows that say "everything up to now is done", for the migration that fills the columns at once.
    static var markEverythingSQL: [String] {
        sources.map { s in
            "INSERT INTO report_watermarks (name, updated_at, last_id) SELECT '\(s.watermark)', COALESCE((\(s.newest)), 0), COALESCE((\(s.newest)), 0)"
        }
    }

    /// Looks at every source; `upTo` bounds the time sources (the caller's clock minus the commit lag). Returns how
    /// many customers were recomputed (a customer seen by two sources counts twice).
    @discardableResult
    func refresh(upTo: Int64, now: Int64) async throws -> Int {
        var total = 0
        for source in Self.sources {
            total += try await refresh(source, upTo: upTo, now: now)
        }
        return total
    }

    private func refresh(_ source: Source, upTo: Int64, now: Int64) async throws -> Int {
        let (mark, movedAt, newest) = try await database.read { db -> (Int64, Int64, Int64) in
            let row = try await db.raw("SELECT updated_at, last_id FROM report_watermarks WHERE name = \(bind: source.watermark)").first()
            let newest = try await db.raw(SQLQueryString(source.newest)).first()?.decode(column: "m", as: Int64?.self) ?? 0
            return (try row?.decode(column: "last_id", as: Int64.self) ?? 0, try row?.decode(column: "updated_at", as: Int64.self) ?? 0, newest ?? 0)
        }
        let start: Int64, high: Int64
        if source.byTime {
            (start, high) = (mark, upTo)
            if high <= start { return 0 }
        } else {
            if newest <= mark && now - movedAt > Self.settleMillis { return 0 }
            (start, high) = (max(0, mark - Int64(Self.overlap)), max(newest, mark))
        }
        var total = 0
        var from = start
        repeat {
            let (low, to) = (from, source.byTime ? high : min(high, from + Int64(Self.window)))
            let advanced = to > mark
            total += try await database.write { db in
                let customers = Set(try await db.raw(source.customers(low, to)).all().map { try $0.decode(column: "c", as: Int.self) })
                try await LoyaltyFacts.recompute(db, customerIDs: customers)
                if advanced {
                    try await db.raw("""
                        INSERT INTO report_watermarks (name, updated_at, last_id) VALUES (\(bind: source.watermark), \(bind: source.byTime ? to : now), \(bind: to))
                        ON CONFLICT (name) DO UPDATE SET updated_at = excluded.updated_at, last_id = excluded.last_id
                        """).run()
                }
                return customers.count
            }
            from = to
        } while from < high
        return total
    }
}

/// Everything the reports read that a job keeps up to date, brought up to `upTo`: ticket facts, SLA outcomes and the
/// loyalty facts with their outcomes at `now`. The job calls it every minute with its clock minus the commit lag; the demo and tests with now.
enum ReportRefresh {
    static func run(_ database: Database, upTo: Int64, now: Int64, maxBatches: Int = .max) async throws {
        try await TicketFactsRefresher(database: database).refresh(upTo: upTo, now: now, maxBatches: maxBatches)
        try await SLAOutcomeRefresher(database: database).refresh()
        try await LoyaltyFactsRefresher(database: database).refresh(upTo: upTo, now: now)
        try await LoyaltyFacts.classifyAllDue(database, now: now, maxBatches: maxBatches)
    }
}
