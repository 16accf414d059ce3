import CasebookCore
import Foundation
import Hummingbird
import NIOCore

/// Runs a report in one read transaction, with the filter parsed from the request's query.
struct ReportRunner: Sendable {
    let services: CasebookServices

    func filter(_ request: Request) throws -> ReportFilter {
        let query = request.uri.queryParameters.map { (String($0.key), String($0.value)) }
        do { return try ReportFilter.parse(query, now: services.config.clock.now()) } catch {
            throw APIError(.badRequest, "InvalidJSON", "Invalid report filter", details: error)
        }
    }

    func run(_ report: any ReportDefinition, _ filter: ReportFilter) async throws -> ReportOutput {
        let engine = services.database.engine, now = services.config.clock.now()
        return try await services.database.read { db in
            try await report.run(filter, ReportContext(db: db, engine: engine, now: now))
        }
    }

    static func find(_ context: CasebookContext) throws -> any ReportDefinition {
        let id = try context.parameters.require("id")
        guard let report = ReportCatalog.find(id) else { throw APIError.notFound("No report named \(id)") }
        return report
    }

    /// The report the path names, run with the request's filter, as a CSV download (the API's and the page's).
    func csv(_ request: Request, context: CasebookContext) async throws -> Response {
        let report = try Self.find(context)
        let filter = try filter(request)
        return Self.csv(try await run(report, filter), filter: filter)
    }

    static func csv(_ output: ReportOutput, filter: ReportFilter) -> Response {
        let name = "\(output.id)-\(ReportFilter.dayText(filter.start))-to-\(ReportFilter.dayText(filter.end - 1)).csv"
        return Response(status: .ok,
                        headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"\(name)\"",
                                  .cacheControl: "no-store"],
                        body: .init(byteBuffer: ByteBuffer(string: output.table.csv)))
    }
}

/// `/api/v2/reports` (the list), `/api/v2/reports/{id}` (the report as JSON) and `/api/v2/reports/{id}/csv`, for
/// leads and above. Filters: `from`, `to` (YYYY-MM-DD), `group_id`, `agent_id`, `channel`, `priority`, `tags`,
/// `organization_id`.
struct ReportRoutes: Sendable {
    let services: CasebookServices

    func register(on api: RouterGroup<CasebookContext>) {
        api.get("reports", use: list)
        api.get("reports/:id", use: show)
        api.get("reports/:id/csv", use: csv)
    }

    @Sendable func list(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.viewTeamBoard)
        return JSONResponse(["reports": .array(ReportCatalog.all.map { r in
            ["id": .string(r.id), "title": .string(r.title), "description": .string(r.blurb),
             "uses_date_range": .bool(r.usesDateRange), "url": .string("/api/v2/reports/\(r.id)"), "html_url": .string("/agent/reports/\(r.id)")]
        }), "count": .int(ReportCatalog.all.count)])
    }

    @Sendable func show(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.viewTeamBoard)
        let report = try ReportRunner.find(context)
        let runner = ReportRunner(services: services)
        let filter = try runner.filter(request)
        return JSONResponse(ReportJSON.report(try await runner.run(report, filter), filter: filter, usesDateRange: report.usesDateRange))
    }

    @Sendable func csv(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.viewTeamBoard)
        return try await ReportRunner(services: services).csv(request, context: context)
    }
}
