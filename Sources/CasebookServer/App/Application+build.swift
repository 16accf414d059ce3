import CasebookCore
import Foundation
import Hummingbird
import Logging

/// Builds the whole Casebook application from its config and an open database.
public func buildApplication(config: AppConfig, database: Database, logger: Logger) -> some ApplicationProtocol {
    let router = buildRouter(database: database, rateLimitPerMinute: config.rateLimitPerMinute)
    return Application(
        responder: JSONSuffixResponder(inner: router.buildResponder()),
        configuration: .init(address: .hostname(config.host, port: config.port), serverName: "Casebook"),
        logger: logger)
}

public func buildRouter(database: Database, rateLimitPerMinute: Int) -> Router<CasebookContext> {
    let router = Router(context: CasebookContext.self)
    router.add(middleware: LogRequestsMiddleware(.debug))
    router.add(middleware: ErrorMiddleware())
    router.get("healthz") { _, _ in
        let ok = (try? await database.read { db in try await db.raw("SELECT 1 AS ok").first() }) != nil
        return JSONResponse(["status": .string(ok ? "ok" : "database unavailable")],
                            status: ok ? .ok : .serviceUnavailable)
    }
    let api = router.group("api/v2")
        .add(middleware: TokenAuthMiddleware(database: database,
                                             limiter: rateLimitPerMinute > 0 ? RateLimiter(perMinute: rateLimitPerMinute) : nil))
    api.get("openapi.json") { _, _ in
        Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: .init(string: OpenAPIDocument.json)))
    }
    let tickets = TicketService(database: database)
    TicketRoutes(tickets: tickets, idempotency: IdempotencyStore(database: database), jobs: JobStatuses())
        .register(on: api)
    PeopleRoutes(database: database, people: PeopleService(database: database)).register(on: api)
    SearchRoutes(database: database, tickets: tickets).register(on: api)
    return router
}

/// Zendesk clients may add `.json` to any path; the router sees the path without it.
public struct JSONSuffixResponder<Inner: HTTPResponder>: HTTPResponder where Inner.Context == CasebookContext {
    public typealias Context = CasebookContext
    let inner: Inner

    public func respond(to request: Request, context: Context) async throws -> Response {
        guard let path = request.head.path else { return try await inner.respond(to: request, context: context) }
        let end = path.firstIndex(of: "?") ?? path.endIndex
        let pathPart = path[..<end]
        guard pathPart.hasSuffix(".json"), pathPart != "/api/v2/openapi.json" else {
            return try await inner.respond(to: request, context: context)
        }
        var head = request.head
        head.path = String(pathPart.dropLast(5)) + path[end...]
        return try await inner.respond(to: Request(head: head, body: request.body), context: context)
    }
}
