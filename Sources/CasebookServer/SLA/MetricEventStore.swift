import CasebookCore
import Foundation
import SQLKit

/// One stored ticket metric event, as the incremental feed reads it.
struct MetricEventRecord: Sendable, Equatable {
    var id: Int
    var ticketID: Int
    var metric: SLAMetric
    var instanceID: Int
    var type: String
    var time: Int64
    var policyID: Int?
    var targetMinutes: Int?
    var businessHours: Bool?
    var deleted: Bool
}

/// SQL for `ticket_metric_events`.
struct MetricEventStore: Sendable {
    let db: any SQLDatabase

    /// Writes one change's events. Breaches go to the ticket's schedule (`breaches`, saved with its SLA row) and
    /// reach the feed when their instant passes; the others are written now. Instances count per metric: first reply
    /// is reply instance 1, every next-reply and periodic-update cycle a new instance.
    func record(_ changes: SLAMetricEventChanges, ticketID: Int, policyID: Int?, breaches: inout SLABreachSchedule) async throws {
        for cancel in changes.cancelledBreaches {
            breaches.cancel(cancel.metric, at: cancel.at)
        }
        var instances: [SLAMetric: Int] = [:]
        for draft in changes.added {
            var instance: Int
            if let known = instances[draft.metric] {
                instance = known
            } else {
                instance = try await db.raw("""
                    SELECT MAX(instance_id) AS n FROM ticket_metric_events
                    WHERE ticket_id = \(bind: ticketID) AND metric = \(bind: draft.metric.rawValue)
                    """).first()?.decode(column: "n", as: Int?.self) ?? 0
            }
            let repeating = draft.metric == .nextReplyTime || draft.metric == .periodicUpdateTime
            if instance == 0 {
                instance = draft.metric == .nextReplyTime ? 2 : 1
            } else if repeating && draft.kind == .activate {
                if try await lastKind(ticketID: ticketID, metric: draft.metric, pending: changes.added, before: draft) == "fulfill" {
                    instance += 1
                }
            }
            instances[draft.metric] = instance
            if draft.kind == .breach {
                breaches.schedule(draft.metric, instance: instance, at: draft.at)
                continue
            }
            try await db.raw("""
                INSERT INTO ticket_metric_events (ticket_id, metric, instance_id, type, time, policy_id, target_minutes, business_hours)
                VALUES (\(bind: ticketID), \(bind: draft.metric.rawValue), \(bind: instance), \(bind: draft.kind.rawValue), \(bind: draft.at),
                        \(bind: draft.kind == .applySLA ? policyID : nil), \(bind: draft.targetMinutes), \(bind: draft.businessHours))
                """).run()
        }
    }

    /// The kind of the event before `draft` for its metric: earlier in this change, else the newest stored one.
    private func lastKind(ticketID: Int, metric: SLAMetric, pending: [SLAMetricEventDraft], before draft: SLAMetricEventDraft) async throws -> String? {
        if let index = pending.firstIndex(of: draft), let previous = pending[..<index].last(where: { $0.metric == metric && $0.kind != .breach }) {
            return previous.kind.rawValue
        }
        return try await db.raw("""
            SELECT type FROM ticket_metric_events
            WHERE ticket_id = \(bind: ticketID) AND metric = \(bind: metric.rawValue) AND type <> 'breach'
            ORDER BY id DESC LIMIT 1
            """).first()?.decode(column: "type", as: String.self)
    }

    /// Events from `after` (time, id) on, up to `until`, oldest first.
    func list(after: (Int64, Int), until: Int64, limit: Int) async throws -> [MetricEventRecord] {
        try await db.raw("""
            SELECT id, ticket_id, metric, instance_id, type, time, policy_id, target_minutes, business_hours, deleted
            FROM ticket_metric_events
            WHERE (time > \(bind: after.0) OR (time = \(bind: after.0) AND id > \(bind: after.1))) AND time <= \(bind: until)
            ORDER BY time, id LIMIT \(bind: limit)
            """).all().map(Self.decode)
    }

    func list(ticketID: Int) async throws -> [MetricEventRecord] {
        try await db.raw("""
            SELECT id, ticket_id, metric, instance_id, type, time, policy_id, target_minutes, business_hours, deleted
            FROM ticket_metric_events WHERE ticket_id = \(bind: ticketID) ORDER BY time, id
            """).all().map(Self.decode)
    }

    static func decode(_ row: any SQLRow) throws -> MetricEventRecord {
        MetricEventRecord(
            id: try row.decode(column: "id", as: Int.self), ticketID: try row.decode(column: "ticket_id", as: Int.self),
            metric: SLAMetric(rawValue: try row.decode(column: "metric", as: String.self)) ?? .firstReplyTime,
            instanceID: try row.decode(column: "instance_id", as: Int.self), type: try row.decode(column: "type", as: String.self),
            time: try row.decode(column: "time", as: Int64.self), policyID: try row.decode(column: "policy_id", as: Int?.self),
            targetMinutes: try row.decode(column: "target_minutes", as: Int?.self),
            businessHours: try row.decode(column: "business_hours", as: Bool?.self),
            deleted: try row.decode(column: "deleted", as: Bool.self))
    }
}
