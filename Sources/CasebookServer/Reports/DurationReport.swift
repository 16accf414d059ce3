import CasebookCore
import SQLKit

/// First-reply time and full resolution time: the same report over different columns of `ticket_facts`. Median and
/// 90th percentile (nearest rank) in business hours, and how the tickets spread over time bands.
struct DurationReport: ReportDefinition {
    let id: String
    let title: String
    let blurb: String
    /// The instant that puts a ticket in the range (created for first reply, solved for resolution).
    let timeColumn: String
    let minutesColumn: String
    let bucketColumn: String
    let countedLabel: String
    let definitions: [String]

    static let firstReply = DurationReport(
        id: "first-reply-time", title: "First reply time",
        blurb: "How long requesters wait for the first public reply, in business hours: median, 90th percentile and spread.",
        timeColumn: "created_at", minutesColumn: "first_reply_minutes", bucketColumn: "first_reply_bucket",
        countedLabel: "Tickets replied to",
        definitions: [
            "Tickets created in the range that have had a public reply from staff; the request itself never counts as a reply.",
            "First reply time runs from creation to that reply, counting only the business hours of the ticket's group (or the desk's first schedule; around the clock without one).",
            "Median and 90th percentile are nearest-rank: the value at rank ⌈p·n⌉ of the sorted times.",
        ])

    static let resolution = DurationReport(
        id: "resolution-time", title: "Full resolution time",
        blurb: "From creation to the last solve, in business hours: median, 90th percentile and spread.",
        timeColumn: "solved_at", minutesColumn: "resolution_minutes", bucketColumn: "resolution_bucket",
        countedLabel: "Tickets solved",
        definitions: [
            "Tickets solved (or closed) whose last solve falls in the range.",
            "Full resolution time runs from creation to the last solve, counting only business hours of the ticket's group (or the desk's first schedule; around the clock without one). A reopened ticket counts its latest solve.",
            "Median and 90th percentile are nearest-rank: the value at rank ⌈p·n⌉ of the sorted times.",
        ])

    /// Upper bounds (business minutes, exclusive) of the bands; the last band is open.
    static let bands: [(label: String, below: Int?)] = [
        ("under 1 h", 60), ("1–4 h", 240), ("4–8 h", 480), ("8–24 h", 1440), ("1–3 days", 4320), ("3–7 days", 10080), ("over 7 days", nil),
    ]

    func run(_ filter: ReportFilter, _ context: ReportContext) async throws -> ReportOutput {
        let summary = try await DurationPercentiles(timeColumn: timeColumn, minutesColumn: minutesColumn, bucketColumn: bucketColumn)
            .summary(filter, context)
        var sums = SQLQueryString("SELECT COUNT(*) AS total")
        var lower = 0
        for (i, band) in Self.bands.enumerated() {
            if let below = band.below {
                sums.appendInterpolation(", SUM(CASE WHEN f.\(unsafeRaw: minutesColumn) >= \(unsafeRaw: String(lower)) AND f.\(unsafeRaw: minutesColumn) < \(unsafeRaw: String(below)) THEN 1 ELSE 0 END) AS band\(unsafeRaw: String(i))" as SQLQueryString)
                lower = below
            } else {
                sums.appendInterpolation(", SUM(CASE WHEN f.\(unsafeRaw: minutesColumn) >= \(unsafeRaw: String(lower)) THEN 1 ELSE 0 END) AS band\(unsafeRaw: String(i))" as SQLQueryString)
            }
        }
        sums.appendInterpolation("""
             FROM ticket_facts f WHERE f.\(unsafeRaw: timeColumn) >= \(bind: filter.start) AND f.\(unsafeRaw: timeColumn) < \(bind: filter.end)
                AND f.\(unsafeRaw: minutesColumn) IS NOT NULL\(filter.factsConditions())
            """ as SQLQueryString)
        let row = try await context.db.raw(sums).first()
        let counts = try Self.bands.indices.map { i in try row?.decode(column: "band\(i)", as: Int?.self) ?? 0 }
        let total = counts.reduce(0, +)
        var cumulative = 0
        let rows: [[ReportCell]] = Self.bands.enumerated().map { i, band in
            cumulative += counts[i]
            return [.text(band.label), .count(counts[i]), ReportCell.share(counts[i], of: total), ReportCell.share(cumulative, of: total)]
        }
        var figures = [ReportOutput.Figure(countedLabel, .count(summary.count)),
                       ReportOutput.Figure("Median", .hours(summary.medianMinutes.map { Double($0) / 60 })),
                       ReportOutput.Figure("90th percentile", .hours(summary.p90Minutes.map { Double($0) / 60 }))]
        if id == Self.firstReply.id {
            let waiting = try await context.db.raw("""
                SELECT COUNT(*) AS n FROM ticket_facts f WHERE f.created_at >= \(bind: filter.start) AND f.created_at < \(bind: filter.end)
                    AND f.first_reply_minutes IS NULL AND f.solved_at IS NULL\(filter.factsConditions())
                """).first()?.decode(column: "n", as: Int.self) ?? 0
            figures.append(.init("Still waiting for a first reply", .count(waiting)))
        }
        return ReportOutput(
            id: id, title: title, summary: figures,
            chart: ReportChart(kind: .bars, title: "\(title): tickets by business time", unit: "tickets",
                               categories: Self.bands.map(\.label), series: [.init(countedLabel, counts.map(Double.init))]),
            table: ReportTable(columns: [.init("band", "Business time"), .init("tickets", "Tickets"), .init("share", "Share"),
                                         .init("cumulative", "Cumulative share")], rows: rows),
            definitions: definitions)
    }
}

/// Exact nearest-rank percentiles through the bucket histogram: one grouped count, then one short ordered read inside
/// the bucket that holds each wanted rank.
struct DurationPercentiles: Sendable {
    let timeColumn: String
    let minutesColumn: String
    let bucketColumn: String

    func summary(_ filter: ReportFilter, _ context: ReportContext, extra: SQLQueryString = "") async throws -> DurationSummary {
        let range: SQLQueryString = """
            f.\(unsafeRaw: timeColumn) >= \(bind: filter.start) AND f.\(unsafeRaw: timeColumn) < \(bind: filter.end)\(filter.factsConditions())\(extra)
            """
        let histogram = try await context.db.raw("""
            SELECT f.\(unsafeRaw: bucketColumn) AS bucket, COUNT(*) AS n FROM ticket_facts f
            WHERE f.\(unsafeRaw: bucketColumn) IS NOT NULL AND \(range) GROUP BY f.\(unsafeRaw: bucketColumn)
            """).all().map { (bucket: try $0.decode(column: "bucket", as: Int.self), count: try $0.decode(column: "n", as: Int.self)) }
        let count = histogram.reduce(0) { $0 + $1.count }
        func value(_ p: Double) async throws -> Int? {
            let rank = DurationBuckets.rank(percentile: p, count: count)
            guard let (bucket, below) = DurationBuckets.locate(rank: rank, in: histogram) else { return nil }
            return try await context.db.raw("""
                SELECT f.\(unsafeRaw: minutesColumn) AS m FROM ticket_facts f WHERE f.\(unsafeRaw: bucketColumn) = \(bind: bucket) AND \(range)
                ORDER BY f.\(unsafeRaw: minutesColumn) LIMIT 1 OFFSET \(bind: rank - below - 1)
                """).first()?.decode(column: "m", as: Int.self)
        }
        return DurationSummary(count: count, medianMinutes: try await value(0.5), p90Minutes: try await value(0.9))
    }
}
