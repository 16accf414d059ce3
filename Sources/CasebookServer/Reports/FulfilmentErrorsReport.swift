import CasebookCore
import SQLKit

/// Fulfilment errors recorded in the range by root cause (compared trimmed and case-insensitively, as the order
/// screens do) and kind, with their share of all errors, how many got a replacement or a refund, and a per-day series
/// per kind.
struct FulfilmentErrorsReport: ReportDefinition {
    let id = "fulfilment-errors"
    let title = "Fulfilment errors by cause"
    let blurb = "Wrong, damaged and missing items by root cause, and how many a day."

    static let kinds = FulfilmentError.Kind.allCases.map(\.rawValue)

    func run(_ filter: ReportFilter, _ context: ReportContext) async throws -> ReportOutput {
        // Ticket filters apply through the error's ticket; the agent filter narrows to errors recorded by those people.
        var join = SQLQueryString("")
        var conditions = SQLQueryString("")
        if !filter.agentIDs.isEmpty { conditions = " AND fe.recorded_by_id IN (\(binds: filter.agentIDs))" }
        var dimensions = filter
        dimensions.agentIDs = []
        if dimensions.touchesTickets {
            join = " JOIN ticket_facts f ON f.ticket_id = fe.ticket_id"
            conditions.appendInterpolation(dimensions.factsConditions("f"))
        }
        let range: SQLQueryString = "fe.created_at >= \(bind: filter.start) AND fe.created_at < \(bind: filter.end)"

        struct Cause { var shown: String; var kind: String; var count: Int; var replaced: Int; var refunded: Int }
        var causes: [Cause] = []
        for row in try await context.db.raw("""
            SELECT LOWER(TRIM(fe.root_cause)) AS cause_key, MIN(TRIM(fe.root_cause)) AS cause, fe.kind, COUNT(*) AS n,
                COUNT(fe.replacement_shipment_id) AS replaced, COUNT(fe.refund_id) AS refunded
            FROM fulfilment_errors fe\(join)
            WHERE \(range)\(conditions)
            GROUP BY LOWER(TRIM(fe.root_cause)), fe.kind
            """).all() {
            causes.append(Cause(shown: try row.decode(column: "cause", as: String.self), kind: try row.decode(column: "kind", as: String.self),
                                count: try row.decode(column: "n", as: Int.self), replaced: try row.decode(column: "replaced", as: Int.self),
                                refunded: try row.decode(column: "refunded", as: Int.self)))
        }
        causes.sort { ($1.count, $0.shown.lowercased(), $0.kind) < ($0.count, $1.shown.lowercased(), $1.kind) }
        let total = causes.reduce(0) { $0 + $1.count }
        let distinctCauses = Set(causes.map { $0.shown.lowercased() }).count

        // Per day and kind, for the chart.
        let days = filter.days
        let firstDay = filter.start / ReportFilter.dayMillis
        var perDay: [String: [Double?]] = Dictionary(uniqueKeysWithValues: Self.kinds.map { ($0, Array(repeating: 0, count: days.count)) })
        for row in try await context.db.raw("""
            SELECT \(context.day("fe.created_at")) AS day, fe.kind, COUNT(*) AS n
            FROM fulfilment_errors fe\(join)
            WHERE \(range)\(conditions)
            GROUP BY \(context.day("fe.created_at")), fe.kind
            """).all() {
            let index = Int(try row.decode(column: "day", as: Int64.self) - firstDay)
            let kind = try row.decode(column: "kind", as: String.self)
            guard days.indices.contains(index), perDay[kind] != nil else { continue }
            perDay[kind]![index] = (perDay[kind]![index] ?? 0) + Double(try row.decode(column: "n", as: Int.self))
        }
        func kindCount(_ kind: String) -> Int { causes.filter { $0.kind == kind }.reduce(0) { $0 + $1.count } }

        return ReportOutput(
            id: id, title: title,
            summary: [
                .init("Errors", .count(total)),
                .init("Wrong item", .count(kindCount("wrongItem"))),
                .init("Damaged", .count(kindCount("damaged"))),
                .init("Missing", .count(kindCount("missing"))),
                .init("Causes", .count(distinctCauses)),
                .init("With a replacement", .count(causes.reduce(0) { $0 + $1.replaced })),
                .init("With a refund", .count(causes.reduce(0) { $0 + $1.refunded })),
            ],
            chart: ReportChart(kind: .lines, title: "Fulfilment errors per day by kind", unit: "errors",
                               categories: days.map(ReportFilter.dayText),
                               series: Self.kinds.map { .init(Self.label($0), perDay[$0]!) }),
            table: ReportTable(
                columns: [.init("root_cause", "Root cause"), .init("kind", "Kind"), .init("errors", "Errors"), .init("share", "Share"),
                          .init("replaced", "With a replacement"), .init("refunded", "With a refund")],
                rows: causes.map { [.text($0.shown), .text(Self.label($0.kind)), .count($0.count), ReportCell.share($0.count, of: total),
                                    .count($0.replaced), .count($0.refunded)] }),
            definitions: [
                "Errors: fulfilment errors recorded in the range (a wrong, damaged or missing item on an order line), counted once each.",
                "Wrong item, damaged, missing: the errors of each kind.",
                "Causes: distinct root causes, compared without surrounding spaces and regardless of case (the first spelling is shown).",
                "Share: a row's errors as a percentage of all errors in the range.",
                "With a replacement / with a refund: errors for which a replacement shipment or a refund was recorded.",
                "Units and value are not shown: an error records the order line, not how many of its units or how much of its value were affected.",
                "Ticket filters apply through the ticket the error was recorded on (errors without a ticket then drop out); the agent filter narrows to errors recorded by those people.",
                "The chart counts errors per UTC day and kind.",
            ])
    }

    static func label(_ kind: String) -> String {
        switch kind {
        case "wrongItem": "Wrong item"
        case "damaged": "Damaged"
        case "missing": "Missing"
        default: kind
        }
    }
}
