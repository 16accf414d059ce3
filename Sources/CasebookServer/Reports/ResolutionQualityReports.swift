import CasebookCore
import SQLKit

/// First-contact resolution and the touch counts of solved tickets (definitions in `TicketReportFacts`).
struct FirstContactResolutionReport: ReportDefinition {
    let id = "first-contact-resolution"
    let title = "First-contact resolution"
    let blurb = "Share of solved tickets solved with a single public reply and never reopened; one-touch and two-touch."

    func run(_ filter: ReportFilter, _ context: ReportContext) async throws -> ReportOutput {
        let row = try await context.db.raw("""
            SELECT COUNT(*) AS solved,
                SUM(CASE WHEN f.replies = 0 THEN 1 ELSE 0 END) AS none,
                SUM(CASE WHEN f.replies = 1 AND f.reopens = 0 THEN 1 ELSE 0 END) AS fcr,
                SUM(CASE WHEN f.replies = 1 AND f.reopens > 0 THEN 1 ELSE 0 END) AS one_reopened,
                SUM(CASE WHEN f.replies = 2 THEN 1 ELSE 0 END) AS two,
                SUM(CASE WHEN f.replies > 2 THEN 1 ELSE 0 END) AS more
            FROM ticket_facts f
            WHERE f.solved_at >= \(bind: filter.start) AND f.solved_at < \(bind: filter.end)\(filter.factsConditions())
            """).first()
        func n(_ column: String) throws -> Int { try row?.decode(column: column, as: Int?.self) ?? 0 }
        let solved = try n("solved"), none = try n("none"), fcr = try n("fcr"), oneReopened = try n("one_reopened")
        let two = try n("two"), more = try n("more")
        let kinds: [(String, Int)] = [("Solved without a public reply", none), ("One touch, not reopened (first-contact resolved)", fcr),
                                      ("One touch, reopened", oneReopened), ("Two touches", two), ("Three touches or more", more)]
        return ReportOutput(
            id: id, title: title,
            summary: [.init("Tickets solved", .count(solved)),
                      .init("First-contact resolution", ReportCell.share(fcr, of: solved)),
                      .init("One-touch", ReportCell.share(fcr + oneReopened, of: solved)),
                      .init("Two-touch", ReportCell.share(two, of: solved))],
            chart: ReportChart(kind: .bars, title: "Solved tickets by public replies", unit: "tickets",
                               categories: kinds.map(\.0), series: [.init("Tickets", kinds.map { Double($0.1) })]),
            table: ReportTable(columns: [.init("kind", "Solved tickets"), .init("tickets", "Tickets"), .init("share", "Share")],
                               rows: kinds.map { [.text($0.0), .count($0.1), ReportCell.share($0.1, of: solved)] }),
            definitions: [
                "Tickets whose last solve falls in the range.",
                "A touch is a public comment by staff after the request; internal notes and the request itself do not count.",
                "First-contact resolved: solved with exactly one touch and never reopened (moved from solved back to new, open, pending or on-hold).",
                "One-touch: solved with exactly one touch, reopened or not. Two-touch: exactly two.",
            ])
    }
}

/// Reopened tickets among those solved, per day.
struct ReopenReport: ReportDefinition {
    let id = "reopens"
    let title = "Reopen rate"
    let blurb = "Share of solved tickets that were reopened at least once, per day."

    func run(_ filter: ReportFilter, _ context: ReportContext) async throws -> ReportOutput {
        let rows = try await context.db.raw("""
            SELECT \(context.day("f.solved_at")) AS day, COUNT(*) AS solved, SUM(CASE WHEN f.reopens > 0 THEN 1 ELSE 0 END) AS reopened,
                SUM(f.reopens) AS reopens
            FROM ticket_facts f
            WHERE f.solved_at >= \(bind: filter.start) AND f.solved_at < \(bind: filter.end)\(filter.factsConditions())
            GROUP BY \(context.day("f.solved_at"))
            """).all()
        var byDay: [Int64: (solved: Int, reopened: Int, reopens: Int)] = [:]
        for row in rows {
            byDay[try row.decode(column: "day", as: Int64.self)] = (try row.decode(column: "solved", as: Int.self),
                                                                  try row.decode(column: "reopened", as: Int?.self) ?? 0,
                                                                  try row.decode(column: "reopens", as: Int?.self) ?? 0)
        }
        let days = filter.days
        let series = days.map { byDay[$0 / ReportFilter.dayMillis] ?? (0, 0, 0) }
        let solved = series.reduce(0) { $0 + $1.solved }, reopened = series.reduce(0) { $0 + $1.reopened }
        return ReportOutput(
            id: id, title: title,
            summary: [.init("Tickets solved", .count(solved)), .init("Reopened", .count(reopened)),
                      .init("Reopen rate", ReportCell.share(reopened, of: solved)),
                      .init("Reopens in all", .count(series.reduce(0) { $0 + $1.reopens }))],
            chart: ReportChart(kind: .lines, title: "Reopen rate per day", unit: "%", categories: days.map(ReportFilter.dayText),
                               series: [.init("Reopen rate", series.map { $0.solved == 0 ? nil : Double($0.reopened) * 100 / Double($0.solved) })]),
            table: ReportTable(columns: [.init("day", "Day"), .init("solved", "Solved"), .init("reopened", "Reopened"),
                                         .init("rate", "Reopen rate")],
                               rows: zip(days, series).map { [.text(ReportFilter.dayText($0)), .count($1.solved), .count($1.reopened),
                                                              ReportCell.share($1.reopened, of: $1.solved)] }),
            definitions: [
                "Tickets whose last solve falls on the day (UTC).",
                "Reopened: moved from solved back to new, open, pending or on-hold at least once before that solve.",
            ])
    }
}
