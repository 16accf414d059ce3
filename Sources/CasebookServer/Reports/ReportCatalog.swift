/// Every built-in report, in the order of the reports index.
enum ReportCatalog {
    static let all: [any ReportDefinition] = [
        DurationReport.firstReply, DurationReport.resolution, FirstContactResolutionReport(), ReopenReport(), BacklogReport(),
        CreatedSolvedReport(), SLAAchievementReport(), SatisfactionReport(),
        BackorderReport(), FulfilmentErrorsReport(), DecisionReport(), WorkloadReport(),
    ]

    static func find(_ id: String) -> (any ReportDefinition)? { all.first { $0.id == id } }
}
