import CasebookCore
import SQLKit

/// Keeps `sla_outcomes` true from the metric events feed: each run folds the events after its watermark (by id) into
/// one row per target instance — the first instant it was fulfilled or breached, and whether it breached — with one
/// set-based statement per window of ids. Windows overlap the last `overlap` ids, so an event whose id was taken
/// before a neighbour's but committed after it is still folded in; folding is idempotent (earliest time, any breach).
struct SLAOutcomeRefresher: Sendable {
    let database: Database
    static let watermark = "sla_outcomes"
    static let window = 100_000
    static let overlap = 1_000

    @discardableResult
    func refresh() async throws -> Int {
        let (mark, maxID) = try await database.read { db -> (Int, Int) in
            let mark = try await db.raw("SELECT last_id FROM report_watermarks WHERE name = \(bind: Self.watermark)").first()?
                .decode(column: "last_id", as: Int.self) ?? 0
            let maxID = try await db.raw("SELECT MAX(id) AS id FROM ticket_metric_events").first()?.decode(column: "id", as: Int?.self) ?? 0
            return (mark, maxID ?? 0)
        }
        guard maxID > mark else { return 0 }
        var from = max(0, mark - Self.overlap)
        while from < maxID {
            let (low, to) = (from, min(maxID, from + Self.window))
            let engine = database.engine
            try await database.write { db in
                let earlier: SQLQueryString = engine == .postgres ? "LEAST(sla_outcomes.ended_at, excluded.ended_at)" : "MIN(sla_outcomes.ended_at, excluded.ended_at)"
                let breached: SQLQueryString = engine == .postgres ? "GREATEST(sla_outcomes.breached, excluded.breached)" : "MAX(sla_outcomes.breached, excluded.breached)"
                try await db.raw("""
                    INSERT INTO sla_outcomes (ticket_id, metric, instance_id, ended_at, breached)
                    SELECT ticket_id, metric, instance_id, MIN(time), MAX(CASE WHEN type = 'breach' THEN 1 ELSE 0 END)
                    FROM ticket_metric_events
                    WHERE id > \(bind: low) AND id <= \(bind: to) AND type IN ('fulfill', 'breach') AND deleted = \(bind: false)
                    GROUP BY ticket_id, metric, instance_id
                    ON CONFLICT (ticket_id, metric, instance_id) DO UPDATE SET ended_at = \(earlier), breached = \(breached)
                    """).run()
                try await db.raw("""
                    INSERT INTO report_watermarks (name, updated_at, last_id) VALUES (\(bind: Self.watermark), 0, \(bind: to))
                    ON CONFLICT (name) DO UPDATE SET last_id = excluded.last_id
                    """).run()
            }
            from = to
        }
        return maxID - mark
    }
}
