import CasebookCore
import Foundation
import SQLKit

/// Decisions put on the record in the range, by rule and kind: how many, how many were overrides, and the outcomes
/// learnt since (an RMA's inspection finding no fault, say).
struct DecisionReport: ReportDefinition {
    let id = "decisions"
    let title = "Decisions and overrides by rule"
    let blurb = "Exceptions, approvals above a limit and overrides per rule, and what came of them."

    /// The kinds that set a rule aside (the other kinds are approvals and exceptions the rules allow for).
    static let overrideKinds: Set<String> = [DecisionKind.policyOverride.rawValue, DecisionKind.exclusionOverride.rawValue]

    func run(_ filter: ReportFilter, _ context: ReportContext) async throws -> ReportOutput {
        var join = SQLQueryString("")
        var conditions = SQLQueryString("")
        if !filter.agentIDs.isEmpty { conditions = " AND d.decided_by_id IN (\(binds: filter.agentIDs))" }
        var dimensions = filter
        dimensions.agentIDs = []
        if dimensions.touchesTickets {
            join = " JOIN ticket_facts f ON f.ticket_id = d.ticket_id"
            conditions.appendInterpolation(dimensions.factsConditions("f"))
        }
        let range: SQLQueryString = "d.created_at >= \(bind: filter.start) AND d.created_at < \(bind: filter.end)"

        struct Key: Hashable { var rule: String; var kind: String }
        var counts: [Key: (n: Int, known: Int)] = [:]
        var outcomes: [Key: [(String, Int)]] = [:]
        for row in try await context.db.raw("""
            SELECT d.rule, d.kind, d.outcome, COUNT(*) AS n FROM decisions d\(join)
            WHERE \(range)\(conditions)
            GROUP BY d.rule, d.kind, d.outcome
            """).all() {
            let key = Key(rule: try row.decode(column: "rule", as: String.self), kind: try row.decode(column: "kind", as: String.self))
            let n = try row.decode(column: "n", as: Int.self)
            counts[key, default: (0, 0)].n += n
            if let outcome = try row.decode(column: "outcome", as: String?.self) {
                counts[key, default: (0, 0)].known += n
                outcomes[key, default: []].append((outcome, n))
            }
        }
        let keys = counts.keys.sorted { (counts[$1]!.n, $0.rule, $0.kind) < (counts[$0]!.n, $1.rule, $1.kind) }
        let total = counts.values.reduce(0) { $0 + $1.n }
        let overrides = counts.filter { Self.overrideKinds.contains($0.key.kind) }.values.reduce(0) { $0 + $1.n }
        let known = counts.values.reduce(0) { $0 + $1.known }
        var byOutcome: [String: Int] = [:]
        for list in outcomes.values { for (o, n) in list { byOutcome[Self.label(o), default: 0] += n } }

        let rules = Array(Set(keys.map(\.rule))).sorted()
        let kinds = DecisionKind.allCases.map(\.rawValue).filter { kind in keys.contains { $0.kind == kind } }
        func outcomeText(_ key: Key) -> String {
            (outcomes[key] ?? []).sorted { ($1.1, $0.0) < ($0.1, $1.0) }.map { "\(Self.label($0.0)): \($0.1)" }.joined(separator: "; ")
        }

        return ReportOutput(
            id: id, title: title,
            summary: [
                .init("Decisions", .count(total)),
                .init("Overrides", .count(overrides)),
                .init("Override share", ReportCell.share(overrides, of: total)),
                .init("Outcome known", .count(known)),
            ] + byOutcome.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { .init("Outcome: \($0.key)", .count($0.value)) },
            chart: ReportChart(kind: .stacked, title: "Decisions per rule by kind", unit: "decisions", categories: rules,
                               series: kinds.map { kind in
                                   .init(Self.kindLabel(kind), rules.map { Double(counts[Key(rule: $0, kind: kind)]?.n ?? 0) })
                               }),
            table: ReportTable(
                columns: [.init("rule", "Rule"), .init("kind", "Kind"), .init("decisions", "Decisions"), .init("overrides", "Overrides"),
                          .init("outcome_known", "Outcome known"), .init("outcomes", "Outcomes")],
                rows: keys.map { key in
                    let c = counts[key]!
                    return [.text(key.rule), .text(Self.kindLabel(key.kind)), .count(c.n), .count(Self.overrideKinds.contains(key.kind) ? c.n : 0),
                            .count(c.known), .text(outcomeText(key))]
                }),
            definitions: [
                "Decisions: decisions put on the record in the range (each names the rule it concerns and its kind), counted once each.",
                "Overrides: decisions that set a rule aside — a policy override (an incomplete checklist overridden) or an exclusion override (a ticket given to an agent an exclusion rule keeps from it).",
                "Override share: overrides as a percentage of all decisions.",
                "Outcome known: decisions whose outcome has been recorded since (an RMA inspection's finding, say); the outcomes are counted by name.",
                "Ticket filters apply through the decision's ticket (decisions without a ticket then drop out); the agent filter narrows to decisions made by those people.",
            ])
    }

    static func label(_ outcome: String) -> String { outcome.replacingOccurrences(of: "_", with: " ") }

    static func kindLabel(_ kind: String) -> String {
        switch DecisionKind(rawValue: kind) {
        case .policyOverride: "Policy override"
        case .approvalAboveLimit: "Approval above limit"
        case .exclusionOverride: "Exclusion override"
        case .refundAboveLimit: "Refund above limit"
        case .queueMove: "Queue move"
        case .exception: "Exception"
        case nil: kind
        }
    }
}
