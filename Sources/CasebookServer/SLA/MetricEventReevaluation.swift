import CasebookCore
import SQLKit

extension MetricEventStore {
    /// One re-evaluated ticket's outcome, for its metric events.
    struct Reevaluated: Sendable {
        var states: [SLAMetricState]
        var policyID: Int?
        var policyChanged: Bool
        var applied: Bool
    }

    /// One ticket's share of a re-evaluation's events: breaches to cancel, events to add.
    struct TicketEvents: Sendable {
        var cancelled: [Int64] = []
        var moved: [SLAMovedBreach] = []
        var inserts: [Insert] = []
    }

    /// Works out the metric events of a bulk re-evaluation (Core `SLAMetricEvents.reevaluated`). A ticket that kept
    /// its policy is judged on its pending breaches, read with it; for one whose policy changed every standing event
    /// is read back here.
    func reevaluationEvents(_ tickets: [Int: Reevaluated], pendingBreaches: [Int: [SLARecordedMetricEvent]],
                            now: Int64) async throws -> [Int: TicketEvents] {
        var recorded = pendingBreaches
        let changed = tickets.filter { $0.value.policyChanged }.keys
        if let low = changed.min(), let high = changed.max() {
            for ticketID in changed { recorded[ticketID] = [] }
            for row in try await db.raw("""
                SELECT id, ticket_id, metric, instance_id, type, time FROM ticket_metric_events
                WHERE ticket_id BETWEEN \(bind: low) AND \(bind: high) AND deleted = FALSE
                """).all() {
                let ticketID = try row.decode(column: "ticket_id", as: Int.self)
                guard tickets[ticketID]?.policyChanged == true, let metric = SLAMetric(rawValue: try row.decode(column: "metric", as: String.self)),
                      let kind = SLAMetricEventDraft.Kind(rawValue: try row.decode(column: "type", as: String.self)) else { continue }
                recorded[ticketID, default: []].append(SLARecordedMetricEvent(
                    id: try row.decode(column: "id", as: Int.self), metric: metric,
                    instance: try row.decode(column: "instance_id", as: Int.self), kind: kind, at: try row.decode(column: "time", as: Int64.self)))
            }
        }
        var result: [Int: TicketEvents] = [:]
        for (ticketID, outcome) in tickets {
            // A ticket that kept its policy is judged on its breaches only: its metrics did not start or stop.
            let events = SLAMetricEvents.reevaluated(
                recorded: recorded[ticketID] ?? [], phasesKnown: outcome.policyChanged, after: outcome.states, applied: outcome.applied, at: now)
            guard !events.isEmpty else { continue }
            result[ticketID] = TicketEvents(cancelled: events.cancelled.map(Int64.init), moved: events.moved, inserts: events.added.map { draft, instance in
                Insert(ticketID: Int64(ticketID), metric: draft.metric.rawValue, instance: Int64(instance), type: draft.kind.rawValue,
                       time: draft.at, policyID: draft.kind == .applySLA ? outcome.policyID.map(Int64.init) : nil,
                       targetMinutes: draft.targetMinutes.map(Int64.init), businessHours: draft.businessHours)
            })
        }
        return result
    }

    /// Reads back the breaches packed as "id:metric:instance:time" joined by commas.
    static func unpack(_ packed: String?) -> [SLARecordedMetricEvent] {
        guard let packed, !packed.isEmpty else { return [] }
        return packed.split(separator: ",").compactMap { item in
            let parts = item.split(separator: ":")
            guard parts.count == 4, let id = Int(parts[0]), let metric = SLAMetric(rawValue: String(parts[1])),
                  let instance = Int(parts[2]), let at = Int64(parts[3]) else { return nil }
            return SLARecordedMetricEvent(id: id, metric: metric, instance: instance, kind: .breach, at: at)
        }
    }

    /// Writes the events worked out by `reevaluationEvents`, set-wise.
    func write(_ events: [TicketEvents], engine: SQLEngine) async throws {
        try await cancel(events.flatMap(\.cancelled), engine: engine)
        try await move(events.flatMap(\.moved), engine: engine)
        try await insert(events.flatMap(\.inserts), engine: engine)
    }

    private func move(_ moves: [SLAMovedBreach], engine: SQLEngine) async throws {
        guard !moves.isEmpty else { return }
        switch engine {
        case .postgres:
            try await db.raw("""
                UPDATE ticket_metric_events SET time = v.t
                FROM unnest(\(bind: moves.map { Int64($0.id) }), \(bind: moves.map(\.at))) AS v(id, t)
                WHERE ticket_metric_events.id = v.id
                """).run()
        case .sqlite:
            for start in stride(from: 0, to: moves.count, by: 400) {
                let values = moves[start..<min(start + 400, moves.count)].map { "(\($0.id), \($0.at))" }.joined(separator: ", ")
                try await db.raw("""
                    WITH v(id, t) AS (VALUES \(unsafeRaw: values))
                    UPDATE ticket_metric_events SET time = v.t FROM v WHERE ticket_metric_events.id = v.id
                    """).run()
            }
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

    private func cancel(_ ids: [Int64], engine: SQLEngine) async throws {
        guard !ids.isEmpty else { return }
        switch engine {
        case .postgres:
            try await db.raw("UPDATE ticket_metric_events SET deleted = TRUE WHERE id = ANY(\(bind: ids))").run()
        case .sqlite:
            for start in stride(from: 0, to: ids.count, by: 900) {
                let batch = ids[start..<min(start + 900, ids.count)]
                try await db.raw("""
                    UPDATE ticket_metric_events SET deleted = 1 WHERE id IN (\(unsafeRaw: batch.map(String.init).joined(separator: ",")))
                    """).run()
            }
        }
    }

    private func insert(_ rows: [Insert], engine: SQLEngine) async throws {
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
