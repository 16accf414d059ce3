import CasebookCore
import SQLKit

/// Backorder waiting time and allocation fairness. The entries that joined a queue in the range: how many were
/// allocated and how long they waited (median and 90th percentile, nearest rank, calendar hours), how many still wait,
/// how many were cancelled or refunded while waiting; and the manual queue moves made in the range, per person and
/// direction.
///
/// Allocations out of queue order are not reported: an entry's position is overwritten when a lead moves it, and
/// substitutes, partial consent and bundles let an allocation pass an entry legitimately, so the queue as it stood at
/// each allocation cannot be rebuilt from the stored data.
struct BackorderReport: ReportDefinition {
    let id = "backorders"
    let title = "Backorder waiting time and fairness"
    let blurb = "How long customers waited for backordered stock, who is still waiting, and who moved whom in the queues."

    static let hourMillis: Int64 = 3_600_000

    func run(_ filter: ReportFilter, _ context: ReportContext) async throws -> ReportOutput {
        let db = context.db
        // The cohort: entries that joined a queue in the range, by what became of them.
        var joined = 0, waiting = 0, allocated = 0, cancelled = 0, refunded = 0
        for row in try await db.raw("""
            SELECT e.status AS status, l.status AS line_status, COUNT(*) AS n
            FROM backorder_entries e JOIN order_lines l ON l.id = e.line_id
            WHERE e.created_at >= \(bind: filter.start) AND e.created_at < \(bind: filter.end)
            GROUP BY e.status, l.status
            """).all() {
            let n = try row.decode(column: "n", as: Int.self)
            joined += n
            switch try row.decode(column: "status", as: String.self) {
            case "waiting": waiting += n
            case "allocated": allocated += n
            case "cancelled":
                if try row.decode(column: "line_status", as: String.self) == "refunded" { refunded += n } else { cancelled += n }
            default: break
            }
        }

        let waits = try await Self.waits(filter, context)

        // Manual moves in the range, per person and direction (a smaller index is nearer the front: "up").
        var agentCondition = SQLQueryString("")
        if !filter.agentIDs.isEmpty { agentCondition = " AND actor_id IN (\(binds: filter.agentIDs))" }
        struct Moves { var up = 0, upPlaces = 0, down = 0, downPlaces = 0 }
        var byActor: [Int: Moves] = [:]
        for row in try await db.raw("""
            SELECT actor_id, CASE WHEN to_index < from_index THEN 'up' ELSE 'down' END AS direction, COUNT(*) AS n,
                SUM(CASE WHEN to_index < from_index THEN from_index - to_index ELSE to_index - from_index END) AS places
            FROM backorder_moves
            WHERE created_at >= \(bind: filter.start) AND created_at < \(bind: filter.end) AND to_index <> from_index\(agentCondition)
            GROUP BY actor_id, CASE WHEN to_index < from_index THEN 'up' ELSE 'down' END
            """).all() {
            let actor = try row.decode(column: "actor_id", as: Int.self)
            let n = try row.decode(column: "n", as: Int.self)
            let places = try row.decode(column: "places", as: Int.self)
            if try row.decode(column: "direction", as: String.self) == "up" {
                byActor[actor, default: Moves()].up += n
                byActor[actor, default: Moves()].upPlaces += places
            } else {
                byActor[actor, default: Moves()].down += n
                byActor[actor, default: Moves()].downPlaces += places
            }
        }
        let names = try await context.userNames(Array(byActor.keys))
        let actors = byActor.keys.sorted { (names[$0] ?? "", $0) < (names[$1] ?? "", $1) }
        let rows: [[ReportCell]] = actors.map { id in
            let m = byActor[id]!
            return [.text(names[id] ?? "User \(id)"), .count(m.up), .count(m.upPlaces), .count(m.down), .count(m.downPlaces)]
        }
        let totalUp = byActor.values.reduce(0) { $0 + $1.up }
        let totalDown = byActor.values.reduce(0) { $0 + $1.down }
        func hours(_ millis: Int64?) -> ReportCell { .hours(millis.map { Double($0) / Double(Self.hourMillis) }) }

        return ReportOutput(
            id: id, title: title,
            summary: [
                .init("Joined a queue", .count(joined)),
                .init("Allocated", .count(waits.count)),
                .init("Median wait", hours(waits.median)),
                .init("90th percentile wait", hours(waits.p90)),
                .init("Still waiting", .count(waiting)),
                .init("Cancelled while waiting", .count(cancelled)),
                .init("Refunded while waiting", .count(refunded)),
                .init("Moves up", .count(totalUp)),
                .init("Moves down", .count(totalDown)),
            ],
            chart: ReportChart(kind: .bars, title: "Manual queue moves by person", unit: "moves",
                               categories: actors.map { names[$0] ?? "User \($0)" },
                               series: [.init("Up", actors.map { Double(byActor[$0]!.up) }),
                                        .init("Down", actors.map { Double(byActor[$0]!.down) })]),
            table: ReportTable(columns: [.init("person", "Person"), .init("moves_up", "Moves up"), .init("places_up", "Places up"),
                                         .init("moves_down", "Moves down"), .init("places_down", "Places down")],
                               rows: rows),
            definitions: [
                "Joined a queue: backorder entries created in the range (one per order line waiting for stock), whatever became of them.",
                "Allocated: of those, the entries that have received stock, whole or in part (a shipment of their order line).",
                "Median and 90th percentile wait: calendar time from joining the queue to the first allocation, nearest rank, over the allocated entries.",
                "Still waiting: of those that joined in the range, the entries waiting now (a partly allocated entry still waits for the rest).",
                "Cancelled while waiting: entries taken out of the queue by a cancellation whose order line was not refunded.",
                "Refunded while waiting: entries taken out of the queue and refunded (the customer's choice to cancel and refund, or a refund of the line).",
                "Moves up and down: manual queue moves made in the range, per person; up is towards the front; places is how many positions the entry moved. The agent filter narrows this to moves by those people.",
                "Ticket filters (group, channel, priority, tags, organization) do not apply: backorder entries belong to order lines, not tickets.",
                "Allocations out of queue order are not counted: positions change when leads move entries, so the queue at each allocation cannot be rebuilt.",
            ])
    }

    struct Waits { var count = 0; var median: Int64?; var p90: Int64? }

    /// The allocated entries' waits: a histogram by whole hour in SQL, then only the bucket that holds each rank is read.
    static func waits(_ filter: ReportFilter, _ context: ReportContext) async throws -> Waits {
        let waited: SQLQueryString = """
            SELECT e.id, MIN(s.created_at) - e.created_at AS waited
            FROM backorder_entries e
            JOIN shipment_lines sl ON sl.line_id = e.line_id
            JOIN shipments s ON s.id = sl.shipment_id AND s.created_at >= e.created_at
            WHERE e.created_at >= \(bind: filter.start) AND e.created_at < \(bind: filter.end)
            GROUP BY e.id, e.created_at
            """
        let histogram = try await context.db.raw("""
            SELECT w.waited / \(literal: Int(hourMillis)) AS bucket, COUNT(*) AS n FROM (\(waited)) w GROUP BY w.waited / \(literal: Int(hourMillis))
            """).all().map { (bucket: Int(try $0.decode(column: "bucket", as: Int64.self)), count: try $0.decode(column: "n", as: Int.self)) }
        var result = Waits(count: histogram.reduce(0) { $0 + $1.count })
        func value(_ p: Double) async throws -> Int64? {
            let rank = DurationBuckets.rank(percentile: p, count: result.count)
            guard let hit = DurationBuckets.locate(rank: rank, in: histogram) else { return nil }
            return try await context.db.raw("""
                SELECT w.waited FROM (\(waited)) w WHERE w.waited / \(literal: Int(hourMillis)) = \(bind: hit.bucket)
                ORDER BY w.waited LIMIT 1 OFFSET \(literal: rank - hit.below - 1)
                """).first()?.decode(column: "waited", as: Int64.self)
        }
        result.median = try await value(0.5)
        result.p90 = try await value(0.9)
        return result
    }
}
