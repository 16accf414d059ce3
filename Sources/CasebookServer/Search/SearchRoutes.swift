import CasebookCore
import Foundation
import Hummingbird
import SQLKit

/// `GET /api/v2/search?query=…` over tickets, users, organizations and groups, in Zendesk's query language.
struct SearchRoutes {
    let database: Database
    let tickets: TicketService

    func register(on api: RouterGroup<CasebookContext>) {
        api.get("search", use: search)
        api.get("search/count", use: count)
        api.get("search/export", use: export)
    }

    static let maxResults = 1000

    func parse(_ request: Request, actor: Actor) throws -> SearchQuery {
        let raw = String(request.query["query"] ?? "")
        var query: SearchQuery
        do { query = try SearchQuery.parse(raw) } catch {
            throw APIError(.badRequest, "InvalidSearch", error.message)
        }
        if let filter = request.query["filter[type]"] {
            guard let type = SearchQuery.ResultType(rawValue: String(filter)) else {
                throw APIError(.badRequest, "InvalidSearch", "filter[type] must be ticket, user, organization or group")
            }
            query.resultType = type
        }
        // End-users search only their own tickets.
        if !actor.role.isStaff { query.resultType = .ticket }
        return query
    }

    func ticketOrder(_ request: Request) -> SQLQueryString {
        TicketQuery.order(by: request.query["sort_by"], descending: (request.query["sort_order"] ?? "desc") != "asc")
    }

    struct Counts { var tickets = 0, users = 0, organizations = 0, groups = 0 }

    /// Counts and, for a window of the combined result list (tickets, then users, organizations, groups), the rows.
    func run(_ query: SearchQuery, actor: Actor, request: Request, offset: Int, limit: Int) async throws -> (Counts, [JSONValue]) {
        let sql = SearchSQL(query: query, actor: actor)
        let base = request.baseURL
        let wants = { (type: SearchQuery.ResultType) in query.resultType == nil || query.resultType == type }
        let order = ticketOrder(request)
        return try await database.read { db in
            var counts = Counts()
            var results: [JSONValue] = []
            var skip = offset
            var room = limit
            func window(_ total: Int) -> (Int, Int)? {
                defer { skip = max(0, skip - total) }
                guard skip < total, room > 0 else { return nil }
                let take = min(room, total - skip)
                room -= take
                return (skip, take)
            }
            if wants(.ticket), let full = try await TicketQuery.condition(query, actor: actor, tickets: tickets, db: db) {
                counts.tickets = try await TicketQuery.count(full, db: db)
                if let (start, take) = window(counts.tickets) {
                    let page = try await TicketQuery.page(full, order: order, limit: take, offset: start, db: db)
                    results += try await Present.tickets(page, base: base, db: db).map { tagged($0, "ticket") }
                }
            }
            if actor.role.isStaff, wants(.user), let condition = sql.userCondition() {
                counts.users = try await db.raw("SELECT COUNT(*) AS n FROM users u WHERE \(condition)").first()!
                    .decode(column: "n", as: Int.self)
                if let (start, take) = window(counts.users) {
                    let columns = UserStore.qualifiedColumns
                    for user in try await db.raw("""
                        SELECT \(unsafeRaw: columns) FROM users u WHERE \(condition) ORDER BY u.id LIMIT \(bind: take) OFFSET \(bind: start)
                        """).all().map(UserStore.decode) {
                        results.append(tagged(Present.user(user, base: base), "user"))
                    }
                }
            }
            if actor.role.isStaff, wants(.organization), let condition = sql.nameCondition(column: "o.name") {
                counts.organizations = try await db.raw("SELECT COUNT(*) AS n FROM organizations o WHERE \(condition)")
                    .first()!.decode(column: "n", as: Int.self)
                if let (start, take) = window(counts.organizations) {
                    let ids = try await db.raw("""
                        SELECT o.id FROM organizations o WHERE \(condition) ORDER BY o.id LIMIT \(bind: take) OFFSET \(bind: start)
                        """).all().map { try $0.decode(column: "id", as: Int.self) }
                    for org in try await OrganizationStore(db: db).find(ids: ids) {
                        results.append(tagged(Present.organization(org, base: base), "organization"))
                    }
                }
            }
            if actor.role.isStaff, wants(.group), let condition = sql.nameCondition(column: "g.name") {
                counts.groups = try await db.raw("SELECT COUNT(*) AS n FROM groups g WHERE \(condition)").first()!
                    .decode(column: "n", as: Int.self)
                if let (start, take) = window(counts.groups) {
                    for group in try await db.raw("""
                        SELECT g.* FROM groups g WHERE \(condition) ORDER BY g.id LIMIT \(bind: take) OFFSET \(bind: start)
                        """).all().map(GroupStore.decode) {
                        results.append(tagged(Present.group(group, base: base), "group"))
                    }
                }
            }
            return (counts, results)
        }
    }

    func tagged(_ value: JSONValue, _ type: String) -> JSONValue {
        guard case .object(var o) = value else { return value }
        o["result_type"] = .string(type)
        return .object(o)
    }

    @Sendable func search(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.requireActor()
        let query = try parse(request, actor: actor)
        guard case .offset(let page, let perPage) = try Pagination(request) else {
            throw APIError.badRequest("Search pages with page and per_page; use /api/v2/search/export for cursors")
        }
        guard page * perPage <= Self.maxResults + perPage - 1, (page - 1) * perPage < Self.maxResults else {
            throw APIError(.unprocessableContent, "InvalidSearch", "Search returns at most \(Self.maxResults) results")
        }
        let (counts, results) = try await run(query, actor: actor, request: request, offset: (page - 1) * perPage,
                                              limit: min(perPage, Self.maxResults - (page - 1) * perPage))
        let total = counts.tickets + counts.users + counts.organizations + counts.groups
        var body: JSONObject = ["results": .array(results), "facets": nil]
        PageLinks(request: request, path: "/api/v2/search.json")
            .offset(into: &body, page: page, perPage: perPage, count: min(total, Self.maxResults))
        body["count"] = .int(total)
        return JSONResponse(.object(body))
    }

    @Sendable func count(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.requireActor()
        let (counts, _) = try await run(try parse(request, actor: actor), actor: actor, request: request, offset: 0, limit: 0)
        return JSONResponse(["count": .int(counts.tickets + counts.users + counts.organizations + counts.groups)])
    }

    /// Cursor-paged ticket search without the 1,000-result cap.
    @Sendable func export(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.requireActor()
        let query = try parse(request, actor: actor)
        guard query.resultType == .ticket else {
            throw APIError(.badRequest, "InvalidSearch", "Export needs filter[type]=ticket")
        }
        guard let condition = SearchSQL(query: query, actor: actor).ticketCondition() else {
            return JSONResponse(["results": [], "meta": ["has_more": false, "after_cursor": nil, "before_cursor": nil],
                                 "links": ["next": nil, "prev": nil]])
        }
        let pagination = try Pagination(request)
        guard case .cursor = pagination else {
            return try await exportPage(.cursor(size: 100, after: nil, before: nil), condition, actor, request)
        }
        return try await exportPage(pagination, condition, actor, request)
    }

    private func exportPage(_ pagination: Pagination, _ condition: SQLQueryString, _ actor: Actor, _ request: Request) async throws -> Response {
        let page = try await tickets.list(pagination, actor: actor, extra: condition)
        let presented = try await Present.tickets(page.tickets, base: request.baseURL, database: database)
        var body: JSONObject = ["results": .array(presented.map { tagged($0, "ticket") })]
        if case .cursor(let size, _, _) = pagination {
            PageLinks(request: request, path: "/api/v2/search/export.json")
                .cursor(into: &body, size: size, firstID: page.tickets.first?.id, lastID: page.tickets.last?.id,
                        hasMore: page.hasMore, hasPrevious: page.hasPrevious)
        }
        return JSONResponse(.object(body))
    }
}
