import CasebookCore
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import SQLKit

/// The reports as pages for leads and above: the index, each report with its filter form, SVG chart, table and
/// definitions, its CSV and the chart alone as an SVG file. The same filter query works on the page, the CSV and the API.
struct ReportPageRoutes: Sendable {
    let services: CasebookServices
    let renderer: PageRenderer

    struct IndexPage: Sendable {
        struct Item: Sendable { var id: String; var title: String; var blurb: String }
        var chrome: Chrome
        var reports: [Item]
    }

    struct ReportPage: Sendable {
        struct Figure: Sendable { var label: String; var value: String }
        struct Cell: Sendable { var text: String; var numeric: Bool }
        struct Row: Sendable { var cells: [Cell] }
        var chrome: Chrome
        var id: String
        var title: String
        var usesDateRange: Bool
        var from: String
        var to: String
        var groups: [Option]
        var agents: [Option]
        var channels: [Option]
        var priorities: [Option]
        var organizations: [Option]
        var tags: String
        var breakdowns: [Option]
        var hasBreakdowns: Bool
        var summary: [Figure]
        var svg: String
        var columns: [String]
        var rows: [Row]
        var hasRows: Bool
        var definitions: [String]
        var csvHref: String
        var svgHref: String
        var apiHref: String
    }

    func register(on web: RouterGroup<CasebookContext>) {
        web.get("agent/reports", use: index)
        web.get("agent/reports/:id", use: show)
        web.get("agent/reports/:id/csv", use: csv)
        web.get("agent/reports/:id/chart.svg", use: svg)
    }

    @Sendable func index(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.viewTeamBoard)
        return renderer.page("report-index", IndexPage(chrome: Chrome(title: "Reports", context: context),
                                                        reports: ReportCatalog.all.map { .init(id: $0.id, title: $0.title, blurb: $0.blurb) }))
    }

    @Sendable func show(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.viewTeamBoard)
        let report = try ReportRunner.find(context)
        let runner = ReportRunner(services: services)
        var chrome = Chrome(title: report.title, context: context)
        var status = HTTPResponse.Status.ok
        let filter: ReportFilter
        do { filter = try runner.filter(request) } catch let error as APIError {
            chrome.errors = error.messages
            status = .badRequest
            filter = ReportFilter.lastDays(30, now: services.config.clock.now())
        }
        let output = try await runner.run(report, filter)
        let choices = try await services.database.read { db in try await Self.choices(db) }
        func options(_ all: [(String, String)], _ selected: [String], any: String) -> [Option] {
            [Option(value: "", label: any, selected: selected.isEmpty)] + all.map { Option(value: $0.0, label: $0.1, selected: selected.contains($0.0)) }
        }
        let query = filter.queryString
        let page = ReportPage(
            chrome: chrome, id: report.id, title: report.title, usesDateRange: report.usesDateRange,
            from: ReportFilter.dayText(filter.start), to: ReportFilter.dayText(filter.end - 1),
            groups: options(choices.groups, filter.groupIDs.map(String.init), any: "Any group"),
            agents: options(choices.agents, filter.agentIDs.map(String.init), any: "Any agent"),
            channels: options(choices.channels.map { ($0, $0) }, filter.channels, any: "Any channel"),
            priorities: options(["low", "normal", "high", "urgent"].map { ($0, $0) }, filter.priorities, any: "Any priority"),
            organizations: options(choices.organizations, filter.organizationIDs.map(String.init), any: "Any organization"),
            tags: filter.tags.joined(separator: ", "),
            breakdowns: report.breakdowns.map { Option(value: $0.0, label: $0.1, selected: $0.0 == (filter.breakdown ?? report.breakdowns.first?.0)) },
            hasBreakdowns: !report.breakdowns.isEmpty,
            summary: output.summary.map { .init(label: $0.label, value: $0.value.display) },
            svg: SVGChart.render(output.chart, id: "chart-\(report.id)"),
            columns: output.table.columns.map(\.title),
            rows: output.table.rows.map { .init(cells: $0.map { .init(text: $0.display, numeric: $0.isNumeric) }) },
            hasRows: !output.table.rows.isEmpty, definitions: output.definitions,
            csvHref: "/agent/reports/\(report.id)/csv?\(query)", svgHref: "/agent/reports/\(report.id)/chart.svg?\(query)",
            apiHref: "/api/v2/reports/\(report.id)?\(query)")
        return renderer.page("report", page, status: status)
    }

    @Sendable func csv(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.viewTeamBoard)
        return try await ReportRunner(services: services).csv(request, context: context)
    }

    @Sendable func svg(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.viewTeamBoard)
        let report = try ReportRunner.find(context)
        let runner = ReportRunner(services: services)
        let output = try await runner.run(report, try runner.filter(request))
        return Response(status: .ok,
                        headers: [.contentType: "image/svg+xml; charset=utf-8", .cacheControl: "no-store",
                                  HTTPField.Name("X-Content-Type-Options")!: "nosniff",
                                  HTTPField.Name("Content-Security-Policy")!: "default-src 'none'; style-src 'unsafe-inline'"],
                        body: .init(byteBuffer: ByteBuffer(string: SVGChart.render(output.chart, id: "chart-\(report.id)"))))
    }

    struct Choices: Sendable {
        var groups: [(String, String)]
        var agents: [(String, String)]
        var channels: [String]
        var organizations: [(String, String)]
    }

    static func choices(_ db: any SQLDatabase) async throws -> Choices {
        func pairs(_ sql: SQLQueryString) async throws -> [(String, String)] {
            try await db.raw(sql).all().map { (String(try $0.decode(column: "id", as: Int.self)), try $0.decode(column: "name", as: String.self)) }
        }
        return Choices(
            groups: try await pairs("SELECT id, name FROM groups ORDER BY name, id"),
            agents: try await pairs("SELECT id, name FROM users WHERE role IN ('agent', 'lead', 'manager', 'admin') AND active = \(bind: true) ORDER BY name, id"),
            channels: ViaChannel.allCases.map(\.rawValue),
            organizations: try await pairs("SELECT id, name FROM organizations ORDER BY name, id LIMIT 300"))
    }
}
