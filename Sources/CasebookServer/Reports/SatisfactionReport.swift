import CasebookCore
import SQLKit

/// Satisfaction and loyalty side by side (`SatisfactionLoyaltyReport`): what customers said about tickets solved in
/// the range, next to what they did afterwards, per group, agent, ticket type or contact reason.
struct SatisfactionReport: ReportDefinition {
    let id = "satisfaction-loyalty"
    let title = "Satisfaction and loyalty"
    let blurb = "CSAT and NPS next to what customers did after their ticket: bought again, cancelled or refunded, went silent."
    var breakdowns: [(String, String)] {
        [("group", "Group"), ("agent", "Agent"), ("ticket_type", "Ticket type"), ("contact_reason", "Contact reason")]
    }

    func run(_ filter: ReportFilter, _ context: ReportContext) async throws -> ReportOutput {
        guard let dimension = SatisfactionLoyaltyReport.Dimension(rawValue: filter.breakdown ?? "group") else {
            throw APIError(.badRequest, "InvalidJSON", "Invalid report filter",
                           details: FieldErrors(field: "by", error: "InvalidValue", "by: one of group, agent, ticket_type, contact_reason"))
        }
        var filters = SatisfactionLoyaltyReport.Filters()
        filters.groupIDs = filter.groupIDs
        filters.assigneeIDs = filter.agentIDs
        filters.channels = filter.channels
        filters.priorities = filter.priorities
        filters.tags = filter.tags
        filters.organizationIDs = filter.organizationIDs
        let windows = try await SatisfactionSettings.load(db: context.db).windows
        let rows = try await SatisfactionLoyaltyReport(db: context.db)
            .rows(from: filter.start, to: filter.end - 1, by: dimension, filters: filters)
        func share(_ part: Int, _ whole: Int) -> Double? { whole == 0 ? nil : Double(part) * 100 / Double(whole) }
        let total = rows.reduce(into: (solved: 0, good: 0, bad: 0, customers: 0, bought: 0, leaving: 0, satisfiedLeaving: 0)) { t, r in
            t.solved += r.ticketsSolved; t.good += r.good; t.bad += r.bad; t.customers += r.customers
            t.bought += r.boughtAgain; t.leaving += r.cancelledOrRefunded + r.silent; t.satisfiedLeaving += r.satisfiedButLeaving
        }
        let label = breakdowns.first { $0.0 == dimension.rawValue }?.1 ?? "Group"
        return ReportOutput(
            id: id, title: title,
            summary: [.init("Tickets solved", .count(total.solved)),
                      .init("CSAT", .percent(SatisfactionRules.csatPercent(good: total.good, bad: total.bad))),
                      .init("Bought again", ReportCell.share(total.bought, of: total.solved)),
                      .init("Cancelled, refunded or silent", ReportCell.share(total.leaving, of: total.solved)),
                      .init("Satisfied but leaving", .count(total.satisfiedLeaving))],
            chart: ReportChart(kind: .bars, title: "Satisfaction and loyalty by \(label.lowercased())", unit: "%",
                               categories: rows.map(\.name),
                               series: [.init("CSAT", rows.map(\.csatPercent)),
                                        .init("Bought again", rows.map { share($0.boughtAgain, $0.ticketsSolved) }),
                                        .init("Cancelled or refunded", rows.map { share($0.cancelledOrRefunded, $0.ticketsSolved) }),
                                        .init("Silent", rows.map { share($0.silent, $0.ticketsSolved) })]),
            table: ReportTable(
                columns: [.init(dimension.rawValue, label), .init("solved", "Solved"), .init("offered", "Surveys"), .init("good", "Good"),
                          .init("bad", "Bad"), .init("csat", "CSAT"), .init("customers", "Customers"), .init("bought_again", "Bought again"),
                          .init("cancelled_or_refunded", "Cancelled or refunded"), .init("silent", "Silent"), .init("active", "Active"),
                          .init("pending", "Too early"), .init("satisfied_but_leaving", "Satisfied but leaving"),
                          .init("nps_responses", "NPS answers"), .init("nps", "NPS")],
                rows: rows.map { r in
                    [.text(r.name), .count(r.ticketsSolved), .count(r.ratingsOffered), .count(r.good), .count(r.bad), .percent(r.csatPercent),
                     .count(r.customers), .count(r.boughtAgain), .count(r.cancelledOrRefunded), .count(r.silent), .count(r.active),
                     .count(r.pending), .count(r.satisfiedButLeaving), .count(r.npsResponses), .number(r.npsScore)]
                }),
            definitions: [
                "Tickets solved in the range, grouped by \(label.lowercased()); a contact reason is the ticket's reason_… tag.",
                "CSAT: good ÷ (good + bad) of the ratings given. NPS: promoters (9–10) minus detractors (0–6), in points.",
                "What the customer did after the solve: bought again (an order within \(windows.boughtAgainDays) days), cancelled or refunded (within that window; wins over a purchase), active (a new ticket), silent (nothing for \(windows.silenceDays) days), too early (the window has not passed).",
                "Satisfied but leaving: rated good, then cancelled, refunded or went silent.",
            ])
    }
}
