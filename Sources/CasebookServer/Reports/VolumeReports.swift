import Foundation
import CasebookCore
import SQLKit

/// Tickets created and solved per day.
struct CreatedSolvedReport: ReportDefinition {
    let id = "created-vs-solved"
    let title = "Created vs solved"
    let blurb = "New tickets against solved tickets per day, and how the backlog moved."

    func run(_ filter: ReportFilter, _ context: ReportContext) async throws -> ReportOutput {
        let created = try await perDay("created_at", filter, context)
        let solved = try await perDay("solved_at", filter, context)
        let days = filter.days
        let c = days.map { created[$0 / ReportFilter.dayMillis] ?? 0 }
        let s = days.map { solved[$0 / ReportFilter.dayMillis] ?? 0 }
        let (totalCreated, totalSolved) = (c.reduce(0, +), s.reduce(0, +))
        return ReportOutput(
            id: id, title: title,
            summary: [.init("Created", .count(totalCreated)), .init("Solved", .count(totalSolved)),
                      .init("Net change of the backlog", .count(totalCreated - totalSolved))],
            chart: ReportChart(kind: .lines, title: "Tickets created and solved per day", unit: "tickets",
                               categories: days.map(ReportFilter.dayText),
                               series: [.init("Created", c.map(Double.init)), .init("Solved", s.map(Double.init))]),
            table: ReportTable(columns: [.init("day", "Day"), .init("created", "Created"), .init("solved", "Solved"), .init("net", "Net")],
                               rows: days.indices.map { [.text(ReportFilter.dayText(days[$0])), .count(c[$0]), .count(s[$0]), .count(c[$0] - s[$0])] }),
            definitions: [
                "Created: tickets created on the day (UTC). Solved: tickets whose last solve was on the day and that are solved or closed now.",
                "Net: created minus solved; a positive number grows the backlog.",
            ])
    }

    func perDay(_ column: String, _ filter: ReportFilter, _ context: ReportContext) async throws -> [Int64: Int] {
        let rows = try await context.db.raw("""
            SELECT \(context.day("f.\(column)")) AS day, COUNT(*) AS n FROM ticket_facts f
            WHERE f.\(unsafeRaw: column) >= \(bind: filter.start) AND f.\(unsafeRaw: column) < \(bind: filter.end)\(filter.factsConditions())
            GROUP BY \(context.day("f.\(column)"))
            """).all()
        return Dictionary(try rows.map { (try $0.decode(column: "day", as: Int64.self), try $0.decode(column: "n", as: Int.self)) },
                          uniquingKeysWith: +)
    }
}

/// Unsolved tickets now, by age and status.
struct BacklogReport: ReportDefinition {
    let id = "backlog"
    let title = "Backlog by age"
    let blurb = "Unsolved tickets now, by how long ago they were created and by status."
    var usesDateRange: Bool { false }

    static let bands: [(label: String, days: Int?)] = [
        ("under 1 day", 1), ("1–3 days", 3), ("3–7 days", 7), ("7–14 days", 14), ("14–30 days", 30), ("over 30 days", nil),
    ]
    static let statuses = ["new", "open", "pending", "hold"]

    func run(_ filter: ReportFilter, _ context: ReportContext) async throws -> ReportOutput {
        var select = SQLQueryString("SELECT f.status")
        var lowerDays = 0
        for (i, band) in Self.bands.enumerated() {
            let newest = context.now - Int64(lowerDays) * ReportFilter.dayMillis
            if let days = band.days {
                let oldest = context.now - Int64(days) * ReportFilter.dayMillis
                select.appendInterpolation(", SUM(CASE WHEN f.created_at > \(bind: oldest) AND f.created_at <= \(bind: newest) THEN 1 ELSE 0 END) AS band\(unsafeRaw: String(i))" as SQLQueryString)
                lowerDays = days
            } else {
                select.appendInterpolation(", SUM(CASE WHEN f.created_at <= \(bind: newest) THEN 1 ELSE 0 END) AS band\(unsafeRaw: String(i))" as SQLQueryString)
            }
        }
        select.appendInterpolation("""
             FROM ticket_facts f WHERE f.solved_at IS NULL AND f.status IN ('new', 'open', 'pending', 'hold')\(filter.factsConditions())
            GROUP BY f.status
            """ as SQLQueryString)
        var counts: [String: [Int]] = [:]
        for row in try await context.db.raw(select).all() {
            counts[try row.decode(column: "status", as: String.self)] = try Self.bands.indices.map { try row.decode(column: "band\($0)", as: Int?.self) ?? 0 }
        }
        let perStatus = Self.statuses.map { counts[$0] ?? Array(repeating: 0, count: Self.bands.count) }
        let perBand = Self.bands.indices.map { i in perStatus.reduce(0) { $0 + $1[i] } }
        let total = perBand.reduce(0, +)
        let oldest = perBand.lastIndex { $0 > 0 }.map { Self.bands[$0].label } ?? "—"
        return ReportOutput(
            id: id, title: title,
            summary: [.init("Unsolved tickets", .count(total)),
                      .init("Older than 7 days", .count(perBand.suffix(3).reduce(0, +))),
                      .init("Oldest band", .text(oldest))],
            chart: ReportChart(kind: .stacked, title: "Unsolved tickets by age and status", unit: "tickets",
                               categories: Self.bands.map(\.label),
                               series: zip(Self.statuses, perStatus).map { .init($0.0, $0.1.map(Double.init)) }),
            table: ReportTable(columns: [.init("age", "Age")] + Self.statuses.map { .init($0, $0.capitalized) } + [.init("total", "Total")],
                               rows: Self.bands.indices.map { i in
                                   [.text(Self.bands[i].label)] + perStatus.map { .count($0[i]) } + [.count(perBand[i])]
                               }),
            definitions: [
                "Tickets that are new, open, pending or on hold now (the date range does not apply), by the time since they were created.",
            ])
    }
}
