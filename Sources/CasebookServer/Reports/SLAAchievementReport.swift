import Foundation
import CasebookCore
import SQLKit

/// SLA targets met and breached, per metric, from the ticket metric events feed.
struct SLAAchievementReport: ReportDefinition {
    let id = "sla-achievement"
    let title = "SLA achievement"
    let blurb = "For each SLA target (first reply, next reply, periodic update, requester wait, resolution): met, breached and the achievement rate."

    func run(_ filter: ReportFilter, _ context: ReportContext) async throws -> ReportOutput {
        var byMetric: [String: (instances: Int, breached: Int)] = [:]
        if filter.touchesTickets {
            // The filtered tickets first (few), then their targets by key. (SQLite keeps a CROSS JOIN's order.)
            let rows = try await context.db.raw("""
                SELECT o.metric, COUNT(*) AS instances, SUM(o.breached) AS breached
                FROM ticket_facts f CROSS JOIN sla_outcomes o
                WHERE o.ticket_id = f.ticket_id AND o.ended_at >= \(bind: filter.start) AND o.ended_at < \(bind: filter.end)\(filter.factsConditions())
                GROUP BY o.metric
                """).all()
            for row in rows {
                byMetric[try row.decode(column: "metric", as: String.self)] = (try row.decode(column: "instances", as: Int.self),
                                                                              try row.decode(column: "breached", as: Int?.self) ?? 0)
            }
        } else {
            // Every target of the range: one index range per metric, counted without sorting.
            for metric in SLAMetric.allCases.map(\.rawValue) {
                let row = try await context.db.raw("""
                    SELECT COUNT(*) AS instances, SUM(breached) AS breached FROM sla_outcomes
                    WHERE metric = \(bind: metric) AND ended_at >= \(bind: filter.start) AND ended_at < \(bind: filter.end)
                    """).first()
                let instances = try row?.decode(column: "instances", as: Int.self) ?? 0
                if instances > 0 { byMetric[metric] = (instances, try row?.decode(column: "breached", as: Int?.self) ?? 0) }
            }
        }
        let metrics = SLAMetric.allCases.map(\.rawValue) + byMetric.keys.filter { SLAMetric(rawValue: $0) == nil }.sorted()
        let values = metrics.map { byMetric[$0] ?? (0, 0) }
        let (instances, breached) = values.reduce((0, 0)) { ($0.0 + $1.instances, $0.1 + $1.breached) }
        return ReportOutput(
            id: id, title: title,
            summary: [.init("Targets measured", .count(instances)), .init("Met", .count(instances - breached)),
                      .init("Breached", .count(breached)), .init("Achievement", ReportCell.share(instances - breached, of: instances))],
            chart: ReportChart(kind: .stacked, title: "SLA targets met and breached", unit: "targets",
                               categories: metrics.map(Self.words),
                               series: [.init("Met", values.map { Double($0.instances - $0.breached) }),
                                        .init("Breached", values.map { Double($0.breached) })]),
            table: ReportTable(columns: [.init("target", "Target"), .init("measured", "Measured"), .init("met", "Met"),
                                         .init("breached", "Breached"), .init("achievement", "Achievement")],
                               rows: zip(metrics, values).map { metric, v in
                                   [.text(Self.words(metric)), .count(v.instances), .count(v.instances - v.breached), .count(v.breached),
                                    ReportCell.share(v.instances - v.breached, of: v.instances)]
                               }),
            definitions: [
                "A target is measured once per metric instance (a ticket's first reply, each next reply, …), on the day it was first fulfilled or breached, whichever came first.",
                "Breached: its breach instant passed before it was fulfilled (breaches later cancelled do not count). Met: fulfilled without a breach.",
                "Achievement: met ÷ measured.",
            ])
    }

    static func words(_ metric: String) -> String {
        switch metric {
        case "first_reply_time": "First reply"
        case "next_reply_time": "Next reply"
        case "periodic_update_time": "Periodic update"
        case "requester_wait_time": "Requester wait"
        case "full_resolution_time": "Full resolution"
        case "agent_work_time": "Agent work"
        default: metric.replacingOccurrences(of: "_", with: " ")
        }
    }
}
