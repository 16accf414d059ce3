import Foundation
import Metrics
import Prometheus

/// The Prometheus metrics of one Casebook process: HTTP traffic counted as it happens, the desk's queues and the
/// process itself read at scrape time. One registry per `CasebookServices`, so every app a test builds counts alone.
public struct DeskMetrics: Sendable {
    public let registry: PrometheusCollectorRegistry
    let http: HTTPMetrics
    let process: ProcessMetrics

    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        http = HTTPMetrics(registry: registry)
        process = ProcessMetrics(registry: registry)
    }

    /// Reads the desk's queues from the database and the process from /proc, then renders every metric in the
    /// Prometheus text format. The database values are the whole desk's (every node reports the same); HTTP and
    /// process values are this node's.
    func scrape(database: Database, now: Int64) async throws -> [UInt8] {
        let snapshot = try await database.read { db in try await DeskQueueStore(db: db).snapshot(now: now) }
        DeskQueueGauges(registry: registry).set(snapshot)
        process.refresh()
        var buffer: [UInt8] = []
        buffer.reserveCapacity(8 * 1024)
        registry.emit(into: &buffer)
        return buffer
    }
}

extension DeskMetrics {
    /// Sends everything recorded through swift-metrics in this process (libraries included) to this registry too.
    /// The global system can be bootstrapped once per process, so only `casebook serve` calls this; tests build many
    /// apps in one process and each keeps its own registry.
    public func bootstrapProcessWide() {
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
    }
}

extension MetricNameDescriptor {
    /// A `casebook_` metric.
    static func casebook(_ name: String, unit: String = "", _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: "casebook", metricName: name, unitName: unit, helpText: help)
    }
}
