import CasebookCore
import SQLKit

extension MetricEventStore {
    /// The standing events other than breaches (those are on the tickets' schedules) of tickets whose policy changed
    /// in a re-evaluation, by ticket: what it judges starts, pauses and fulfilments against.
    func phaseEvents(ticketIDs: Set<Int>) async throws -> [Int: [SLARecordedMetricEvent]] {
        guard let low = ticketIDs.min(), let high = ticketIDs.max() else { return [:] }
        var recorded: [Int: [SLARecordedMetricEvent]] = [:]
        for row in try await db.raw("""
            SELECT id, ticket_id, metric, instance_id, type, time FROM ticket_metric_events
            WHERE ticket_id BETWEEN \(bind: low) AND \(bind: high) AND type <> 'breach' AND deleted = FALSE
            """).all() {
            let ticketID = try row.decode(column: "ticket_id", as: Int.self)
            guard ticketIDs.contains(ticketID), let metric = SLAMetric(rawValue: try row.decode(column: "metric", as: String.self)),
                  let kind = SLAMetricEventDraft.Kind(rawValue: try row.decode(column: "type", as: String.self)) else { continue }
            recorded[ticketID, default: []].append(SLARecordedMetricEvent(
                id: try row.decode(column: "id", as: Int.self), metric: metric,
                instance: try row.decode(column: "instance_id", as: Int.self), kind: kind, at: try row.decode(column: "time", as: Int64.self)))
        }
        return recorded
    }

    /// The rows for events a re-evaluation adds to the feed directly (all but breaches).
    static func inserts(_ events: [(draft: SLAMetricEventDraft, instance: Int)], ticketID: Int, policyID: Int?) -> [Insert] {
        events.map { draft, instance in
            Insert(ticketID: Int64(ticketID), metric: draft.metric.rawValue, instance: Int64(instance), type: draft.kind.rawValue,
                   time: draft.at, policyID: draft.kind == .applySLA ? policyID.map(Int64.init) : nil,
                   targetMinutes: draft.targetMinutes.map(Int64.init), businessHours: draft.businessHours)
        }
    }

    struct Insert: Sendable {
        var ticketID: Int64
        var metric: String
        var instance: Int64
        var type: String
        var time: Int64
        var policyID: Int64?
        var targetMinutes: Int64?
        var businessHours: Bool?
    }

    /// Writes events set-wise.
    func insert(_ rows: [Insert], engine: SQLEngine) async throws {
        guard !rows.isEmpty else { return }
        switch engine {
        case .postgres:
            // Each column one array; NULL travels as -1 (ids, minutes and flags are never negative).
            for start in stride(from: 0, to: rows.count, by: 50_000) {
                let batch = rows[start..<min(start + 50_000, rows.count)]
                try await db.raw("""
                    INSERT INTO ticket_metric_events (ticket_id, metric, instance_id, type, time, policy_id, target_minutes, business_hours)
                    SELECT t, m, i, k, at, NULLIF(p, -1), NULLIF(tm, -1), CASE WHEN bh < 0 THEN NULL ELSE bh = 1 END
                    FROM unnest(\(bind: batch.map(\.ticketID)), \(bind: batch.map(\.metric)), \(bind: batch.map(\.instance)),
                                \(bind: batch.map(\.type)), \(bind: batch.map(\.time)), \(bind: batch.map { $0.policyID ?? -1 }),
                                \(bind: batch.map { $0.targetMinutes ?? -1 }),
                                \(bind: batch.map { r -> Int64 in r.businessHours.map { $0 ? 1 : 0 } ?? -1 }))
                         AS v(t, m, i, k, at, p, tm, bh)
                    """).run()
            }
        case .sqlite:
            for start in stride(from: 0, to: rows.count, by: 400) {
                let batch = rows[start..<min(start + 400, rows.count)]
                var values = SQLQueryString("")
                for (i, r) in batch.enumerated() {
                    if i > 0 { values.appendLiteral(", ") }
                    values.appendInterpolation("""
                        (\(bind: r.ticketID), \(bind: r.metric), \(bind: r.instance), \(bind: r.type), \(bind: r.time), \(bind: r.policyID), \
                        \(bind: r.targetMinutes), \(bind: r.businessHours))
                        """ as SQLQueryString)
                }
                try await db.raw("""
                    INSERT INTO ticket_metric_events (ticket_id, metric, instance_id, type, time, policy_id, target_minutes, business_hours)
                    VALUES \(values)
                    """).run()
            }
        }
    }
}
