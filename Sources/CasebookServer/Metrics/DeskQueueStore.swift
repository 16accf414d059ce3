import Foundation
import Prometheus
import SQLKit

/// How much work is waiting, as the database tells it at one moment. Every count is an indexed one.
struct DeskQueueSnapshot: Sendable, Equatable {
    /// Unsolved tickets by status (`new`, `open`, `pending`, `hold`), every status present even at zero.
    var ticketsByStatus: [String: Int]
    var routingQueue: Int
    /// Outgoing mail not yet delivered, by outbox status (`queued`, `failed`); sent mail is history, not backlog.
    var outboxByStatus: [String: Int]
    /// Inbound mail by status (`received`: not yet processed; `quarantined`; `held`).
    var inboundByStatus: [String: Int]
    var jobsDue: Int
    /// How late the oldest due, unclaimed job is, in milliseconds (0 when nothing is due).
    var jobsLagMillis: Int64
    var slaBreachesLastDay: Int
    var backordersWaiting: Int
    var rmasAwaitingApproval: Int
    var notesOwed: Int
}

/// The counts behind the queue gauges.
struct DeskQueueStore: Sendable {
    let db: any SQLDatabase

    static let ticketStatuses = ["new", "open", "pending", "hold"]
    static let outboxStatuses = [OutboxStore.Status.queued, .failed].map(\.rawValue)
    static let inboundStatuses = [InboundStore.Status.received, .quarantined, .held].map(\.rawValue)

    func snapshot(now: Int64) async throws -> DeskQueueSnapshot {
        let jobs = try await db.raw("""
            SELECT COUNT(*) AS n, MIN(run_at) AS oldest FROM jobs
            WHERE run_at <= \(bind: now) AND (locked_until IS NULL OR locked_until <= \(bind: now))
            """).first()
        let oldestDue = try jobs?.decode(column: "oldest", as: Int64?.self)
        return DeskQueueSnapshot(
            ticketsByStatus: try await countByStatus("tickets", Self.ticketStatuses),
            routingQueue: try await count("SELECT COUNT(*) AS n FROM routing_queue"),
            outboxByStatus: try await countByStatus("outbox", Self.outboxStatuses),
            inboundByStatus: try await countByStatus("inbound_messages", Self.inboundStatuses),
            jobsDue: try jobs?.decode(column: "n", as: Int.self) ?? 0,
            jobsLagMillis: oldestDue.map { max(now - $0, 0) } ?? 0,
            slaBreachesLastDay: try await count("""
                SELECT COUNT(*) AS n FROM ticket_metric_events
                WHERE time > \(bind: now - 24 * 60 * 60_000) AND time <= \(bind: now) AND type = 'breach' AND deleted = FALSE
                """),
            backordersWaiting: try await count("SELECT COUNT(*) AS n FROM backorder_entries WHERE status = 'waiting'"),
            rmasAwaitingApproval: try await count("SELECT COUNT(*) AS n FROM rmas WHERE status = 'requested'"),
            notesOwed: try await count("SELECT COUNT(*) AS n FROM tickets WHERE notes_owed_since IS NOT NULL"))
    }

    private func count(_ query: SQLQueryString) async throws -> Int {
        try await db.raw(query).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// Counts by `status`, with a zero for every status asked about that has no rows.
    private func countByStatus(_ table: String, _ statuses: [String]) async throws -> [String: Int] {
        let rows = try await db.raw("""
            SELECT status, COUNT(*) AS n FROM \(unsafeRaw: table) WHERE status IN (\(binds: statuses)) GROUP BY status
            """).all()
        var counts = Dictionary(uniqueKeysWithValues: statuses.map { ($0, 0) })
        for row in rows {
            counts[try row.decode(column: "status", as: String.self)] = try row.decode(column: "n", as: Int.self)
        }
        return counts
    }
}

/// The gauges a snapshot sets. Registering is idempotent in the registry, so each scrape looks them up again.
struct DeskQueueGauges {
    let registry: PrometheusCollectorRegistry

    func set(_ snapshot: DeskQueueSnapshot) {
        labelled(.casebook("tickets", "Unsolved tickets by status."), "status", snapshot.ticketsByStatus)
        gauge(.casebook("routing_queue", unit: "tickets", "Tickets waiting in the routing queue for an agent."))
            .set(Int64(snapshot.routingQueue))
        labelled(.casebook("outbox", unit: "messages", "Outgoing mail not yet delivered, by outbox status."),
                 "status", snapshot.outboxByStatus)
        labelled(.casebook("inbound", unit: "messages",
                           "Inbound mail by status: received (not yet processed), quarantined, held."),
                 "status", snapshot.inboundByStatus)
        gauge(.casebook("jobs_due", "Background jobs due and not claimed by a runner.")).set(Int64(snapshot.jobsDue))
        gauge(.casebook("jobs_lag", unit: "seconds", "How late the oldest due, unclaimed background job is."))
            .set(Double(snapshot.jobsLagMillis) / 1000)
        gauge(.casebook("sla_breaches_last_day", "SLA targets breached in the last 24 hours."))
            .set(Int64(snapshot.slaBreachesLastDay))
        gauge(.casebook("backorders_waiting", "Backorder entries waiting for stock.")).set(Int64(snapshot.backordersWaiting))
        gauge(.casebook("rmas_awaiting_approval", "RMAs requested and not yet approved or declined."))
            .set(Int64(snapshot.rmasAwaitingApproval))
        gauge(.casebook("notes_owed", unit: "tickets", "Tickets whose agent still owes notes."))
            .set(Int64(snapshot.notesOwed))
    }

    private func gauge(_ descriptor: MetricNameDescriptor) -> Gauge {
        registry.makeGauge(descriptor: descriptor)
    }

    private func labelled(_ descriptor: MetricNameDescriptor, _ label: String, _ values: [String: Int]) {
        for (value, count) in values {
            registry.makeGauge(descriptor: descriptor, labels: [(label, value)]).set(Int64(count))
        }
    }
}
