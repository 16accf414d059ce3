import CasebookCore
import Foundation
import Hummingbird
import Logging

/// Builds the whole Casebook application from its config and an open database.
public func buildApplication(config: AppConfig, database: Database, logger: Logger,
                             services: CasebookServices? = nil) -> some ApplicationProtocol {
    let router = buildRouter(config: config, database: database, logger: logger, services: services)
    return Application(
        responder: JSONSuffixResponder(inner: router.buildResponder()),
        configuration: .init(address: .hostname(config.host, port: config.port), serverName: "Casebook"),
        logger: logger)
}

public func buildRouter(config: AppConfig, database: Database, logger: Logger,
                        services: CasebookServices? = nil) -> Router<CasebookContext> {
    let services = services ?? CasebookServices(config: config, database: database, logger: logger)
    let router = Router(context: CasebookContext.self)
    router.add(middleware: HTTPMetricsMiddleware(metrics: services.metrics.http))
    router.add(middleware: LogRequestsMiddleware(.debug))
    router.add(middleware: ErrorMiddleware())
    router.get("healthz") { _, _ in
        let ok = (try? await database.read { db in try await db.raw("SELECT 1 AS ok").first() }) != nil
        return JSONResponse(["status": .string(ok ? "ok" : "database unavailable")],
                            status: ok ? .ok : .serviceUnavailable)
    }
    MetricsRoutes(services: services).register(on: router)
    let live = services.live
    let tickets = services.tickets
    var signIn = SignInService(database: database, bcryptCost: config.bcryptCost, logger: logger)
    signIn.mail = config.mail
    let inbound = InboundMailService(database: database, tickets: tickets, settings: config.mail, logger: logger)

    let api = router.group("api/v2")
        .add(middleware: TokenAuthMiddleware(database: database,
                                             limiter: config.rateLimitPerMinute > 0 ? RateLimiter(perMinute: config.rateLimitPerMinute) : nil))
    api.get("openapi.json") { _, _ in
        Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: .init(string: OpenAPIDocument.json)))
    }
    TicketRoutes(tickets: tickets, idempotency: IdempotencyStore(database: database), jobs: JobStatuses())
        .register(on: api)
    PeopleRoutes(database: database, people: PeopleService(database: database), signIn: signIn).register(on: api)
    SearchRoutes(database: database, tickets: tickets).register(on: api)
    InboundRoutes(database: database, service: inbound).register(on: api)
    RoutingRoutes(services: services).register(on: api)
    if let testClock = config.testClock {
        // End-to-end tests move time (SLA breaches, idle agents) without waiting for it.
        api.post("test_clock") { request, context in
            _ = try context.require(.manageStaff)
            let body = try await request.json(context: context)
            guard let minutes = body["advance_minutes"]?.intValue, minutes >= 0 else {
                throw APIError.invalid("advance_minutes", "Advance minutes: a whole number of minutes")
            }
            testClock.advance(minutes: Int64(minutes))
            return JSONResponse(["now": JSONValue(Timestamp.date(testClock.now))])
        }
    }
    SLARoutes(services: services).register(on: api)
    OrderRoutes(services: services).register(on: api)
    CatalogueRoutes(services: services).register(on: api)
    OrderLineRoutes(services: services).register(on: api)
    RefundRoutes(services: services).register(on: api)
    DelayNoticeRoutes(services: services).register(on: api)
    HardwareAssetRoutes(services: services).register(on: api)
    RMARoutes(services: services).register(on: api)
    DecisionRoutes(services: services).register(on: api)
    FollowUpRoutes(services: services).register(on: api)
    ReportRoutes(services: services).register(on: api)
    SatisfactionRoutes(services: services).register(on: api)
    HelpCenterRoutes(services: services).register(on: api)
    ConductRoutes(services: services).register(on: api)

    AssetRoutes.register(on: router)
    let renderer = PageRenderer()
    let web = router.group()
        .add(middleware: WebErrorMiddleware(renderer: renderer))
        .add(middleware: SessionMiddleware(database: database, clock: config.clock))
    web.add(middleware: UnreadNotificationsMiddleware(database: database))
    SignInRoutes(service: signIn, renderer: renderer, services: services).register(on: web)
    WorkspaceRoutes(database: database, tickets: tickets, renderer: renderer, live: live).register(on: web)
    TicketPageRoutes(database: database, tickets: tickets, renderer: renderer, live: live).register(on: web)
    LiveRoutes(database: database, tickets: tickets, live: live).register(on: web)
    PortalRoutes(database: database, tickets: tickets, renderer: renderer).register(on: web)
    PortalOrderRoutes(services: services, renderer: renderer).register(on: web)
    AdminUserRoutes(database: database, signIn: signIn, renderer: renderer).register(on: web)
    AdminSetupRoutes(database: database, renderer: renderer).register(on: web)
    AdminMailRoutes(database: database, inbound: inbound, renderer: renderer).register(on: web)
    AttachmentRoutes(database: database, settings: config.mail).register(api: api, web: web)
    TeamRoutes(services: services, renderer: renderer).register(on: web)
    UserPageRoutes(services: services, renderer: renderer).register(on: web)
    OrderPageRoutes(services: services, renderer: renderer).register(on: web)
    OrderDetailRoutes(services: services, renderer: renderer).register(on: web)
    InventoryPageRoutes(services: services, renderer: renderer).register(on: web)
    ImportPageRoutes(services: services, renderer: renderer).register(on: web)
    AdminRoutingRoutes(services: services, renderer: renderer).register(on: web)
    ConductPageRoutes(services: services, renderer: renderer).register(on: web)
    RMAPageRoutes(services: services, renderer: renderer).register(on: web)
    DecisionPageRoutes(services: services, renderer: renderer).register(on: web)
    FollowUpPageRoutes(services: services, renderer: renderer).register(on: web)
    HelpCenterPages(services: services, renderer: renderer).register(on: web)
    KnowledgeBasePages(services: services, renderer: renderer).register(on: web)
    ReportPageRoutes(services: services, renderer: renderer).register(on: web)
    SatisfactionPageRoutes(services: services, renderer: renderer).register(on: web)
    AdminSatisfactionRoutes(services: services, renderer: renderer).register(on: web)
    AssetPageRoutes(services: services, renderer: renderer).register(on: web)
    WarrantyPageRoutes(services: services, renderer: renderer).register(on: web)
    AdminRMAPolicyRoutes(services: services, renderer: renderer).register(on: web)
    PortalRMARoutes(services: services, renderer: renderer).register(on: web)
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
