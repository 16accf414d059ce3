import CasebookCore
import Foundation
import Hummingbird

/// `/api/v2/tickets…`: the Zendesk Tickets, Ticket Comments, Ticket Audits and Tags endpoints.
struct TicketRoutes {
    let tickets: TicketService
    let idempotency: IdempotencyStore
    let jobs: JobStatuses

    func register(on api: RouterGroup<CasebookContext>) {
        api.get("tickets", use: list)
        api.post("tickets", use: create)
        api.post("tickets/create_many", use: createMany)
        api.get("tickets/show_many", use: showMany)
        api.put("tickets/update_many", use: updateMany)
        api.get("tickets/:id", use: show)
        api.put("tickets/:id", use: update)
        api.delete("tickets/:id", use: delete)
        api.get("tickets/:id/comments", use: comments)
        api.get("tickets/:id/audits", use: audits)
        api.get("tickets/:id/tags", use: tags)
        api.post("tickets/:id/tags", use: { try await changeTags($0, $1, key: "additional_tags") })
        api.put("tickets/:id/tags", use: { try await changeTags($0, $1, key: "additional_tags") })
        api.delete("tickets/:id/tags", use: { try await changeTags($0, $1, key: "remove_tags") })
        api.get("incremental/tickets/cursor", use: incremental)
        api.get("job_statuses/:id", use: jobStatus)
    }

    @Sendable func list(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.requireActor()
        let pagination = try Pagination(request)
        let page = try await tickets.list(pagination, actor: actor)
        return try await respond(page, pagination: pagination, request: request, path: "/api/v2/tickets.json")
    }

    func respond(_ page: TicketService.Page, pagination: Pagination, request: Request, path: String) async throws -> Response {
        var body: JSONObject = ["tickets": .array(try await Present.tickets(page.tickets, base: request.baseURL, database: tickets.database))]
        let links = PageLinks(request: request, path: path)
        switch pagination {
        case .offset(let p, let perPage):
            links.offset(into: &body, page: p, perPage: perPage, count: page.count ?? 0)
        case .cursor(let size, _, _):
            links.cursor(into: &body, size: size, firstID: page.tickets.first?.id, lastID: page.tickets.last?.id,
                         hasMore: page.hasMore, hasPrevious: page.hasPrevious)
        }
        return JSONResponse(.object(body))
    }

    @Sendable func show(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.requireActor()
        let ticket = try await tickets.get(try context.parameters.id(), actor: actor)
        var presented = try await Present.tickets([ticket], base: request.baseURL, database: tickets.database)[0]
        // Zendesk's `include=slas`: the running targets, for staff.
        if actor.role.isStaff, let sla = tickets.sla,
           (request.uri.queryParameters.get("include") ?? "").split(separator: ",").contains("slas"),
           case .object(var object) = presented {
            let (_, states) = try await tickets.database.read { db in try await sla.states(ticket: ticket, db: db) }
            let now = sla.clock.now()
            object["slas"] = ["policy_metrics": .array(states.map { SLARoutes.present($0, now: now) })]
            presented = .object(object)
        }
        return JSONResponse(["ticket": presented])
    }

    @Sendable func showMany(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.requireActor()
        let ids = try idList(request)
        let found = try await tickets.showMany(ids, actor: actor)
        return JSONResponse(["tickets": .array(try await Present.tickets(found, base: request.baseURL, database: tickets.database))])
    }

    @Sendable func create(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.requireActor()
        let object = try await request.envelope("ticket", context: context)
        let key = request.headers[.init("Idempotency-Key")!]
        if let key, let stored = try await idempotency.replay(key: key, userID: actor.id, body: object) { return stored }
        let written = try await tickets.create(object, actor: actor, via: .api)
        let body = written.json(base: request.baseURL)
        if let key { try await idempotency.remember(key: key, userID: actor.id, body: object, status: 201, response: body) }
        return JSONResponse(body, status: .created)
    }

    @Sendable func update(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try context.parameters.id()
        let object = try await request.envelope("ticket", context: context)
        let written = try await tickets.update(id, object, actor: actor, via: .api)
        // The rating a requester gave stays on the ticket the update answers with, as on GET.
        let presented = try await Present.tickets([written.ticket], base: request.baseURL, database: tickets.database)[0]
        return JSONResponse(written.json(base: request.baseURL, ticket: presented))
    }

    @Sendable func delete(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.deleteTickets)
        try await tickets.delete(try context.parameters.id(), actor: actor)
        return Response(status: .noContent)
    }

    /// Zendesk runs bulk changes as jobs; Casebook finishes them before answering and reports a completed job.
    @Sendable func createMany(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.editTicketFields)
        let body = try await request.json(context: context)
        guard let items = body["tickets"]?.arrayValue, items.allSatisfy({ $0.objectValue != nil }) else {
            throw APIError.badRequest("The request body needs a \"tickets\" array of ticket objects")
        }
        guard items.count <= 100 else { throw APIError.invalid("tickets", "Tickets: at most 100 at a time") }
        let written = try await tickets.database.write { db in
            var results: [TicketService.Written] = []
            for item in items {
                let written = try await tickets.create(item.objectValue!, actor: actor, via: .api, db: db)
                try await tickets.notify(written, actor: actor, db: db)
                results.append(written)
            }
            return results
        }
        await tickets.announce(written, by: actor)
        let results: [JSONValue] = written.enumerated().map { index, w in
            ["index": .int(index), "id": .int(w.ticket.id), "status": "Created", "success": true]
        }
        let job = await jobs.completed(results, base: request.baseURL)
        return JSONResponse(["job_status": job])
    }

    @Sendable func updateMany(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.editTicketFields)
        let body = try await request.json(context: context)
        var changes: [(Int, JSONObject)] = []
        if let object = body["ticket"]?.objectValue {
            changes = try idList(request).map { ($0, object) }
        } else if let items = body["tickets"]?.arrayValue {
            for item in items {
                guard let object = item.objectValue, let id = object["id"]?.intValue else {
                    throw APIError.badRequest("Each ticket in \"tickets\" needs an \"id\"")
                }
                changes.append((id, object))
            }
        } else {
            throw APIError.badRequest("Send {\"ticket\": {...}} with ?ids=1,2,3 or {\"tickets\": [{\"id\": 1, ...}]}")
        }
        guard changes.count <= 100 else { throw APIError.invalid("ids", "Ids: at most 100 tickets at a time") }
        let work = changes
        let written = try await tickets.database.write { db in
            var results: [TicketService.Written] = []
            for (id, object) in work {
                let written = try await tickets.update(id, object, actor: actor, via: .api, db: db)
                try await tickets.notify(written, actor: actor, db: db)
                results.append(written)
            }
            return results
        }
        await tickets.announce(written, by: actor)
        let results: [JSONValue] = written.enumerated().map { index, w in
            ["index": .int(index), "id": .int(w.ticket.id), "action": "update", "status": "Updated", "success": true]
        }
        return JSONResponse(["job_status": await jobs.completed(results, base: request.baseURL)])
    }

    @Sendable func jobStatus(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.requireActor()
        guard let raw = context.parameters.get("id"),
              let job = await jobs.find(raw.hasSuffix(".json") ? String(raw.dropLast(5)) : raw) else {
            throw APIError.notFound()
        }
        return JSONResponse(["job_status": job])
    }

    @Sendable func comments(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try context.parameters.id()
        let pagination = try Pagination(request)
        let newestFirst = request.query["sort_order"] == "desc" || request.query["sort"] == "-created_at"
        let (list, count, hasMore) = try await tickets.comments(ticketID: id, actor: actor, pagination: pagination,
                                                                newestFirst: newestFirst)
        var body: JSONObject = ["comments": .array(list.map { Present.comment($0, base: request.baseURL) })]
        let links = PageLinks(request: request, path: "/api/v2/tickets/\(id)/comments.json")
        switch pagination {
        case .offset(let page, let perPage): links.offset(into: &body, page: page, perPage: perPage, count: count)
        case .cursor(let size, let after, _):
            links.cursor(into: &body, size: size, firstID: list.first?.id, lastID: list.last?.id, hasMore: hasMore,
                         hasPrevious: after != nil)
        }
        return JSONResponse(.object(body))
    }

    @Sendable func audits(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try context.parameters.id()
        let (list, comments) = try await tickets.audits(ticketID: id, actor: actor)
        return JSONResponse([
            "audits": .array(list.map { Present.audit($0, comments: comments, base: request.baseURL) }),
            "next_page": nil, "previous_page": nil, "count": .int(list.count),
        ])
    }

    @Sendable func tags(_ request: Request, context: CasebookContext) async throws -> Response {
        let ticket = try await tickets.get(try context.parameters.id(), actor: try context.requireActor())
        return JSONResponse(["tags": JSONValue(ticket.fields.tags)])
    }

    /// POST/PUT add tags, DELETE removes them; each is an audited update of the ticket.
    func changeTags(_ request: Request, _ context: CasebookContext, key: String) async throws -> Response {
        let actor = try context.require(.editTicketFields)
        let id = try context.parameters.id()
        let body = try await request.json(context: context)
        guard let list = body["tags"]?.arrayValue?.compactMap(\.stringValue) else {
            throw APIError.badRequest("The request body needs {\"tags\": [\"tag\", ...]}")
        }
        var object: JSONObject = [key: JSONValue(list)]
        if let stamp = body["updated_stamp"] { object["updated_stamp"] = stamp; object["safe_update"] = body["safe_update"] }
        let written = try await tickets.update(id, object, actor: actor, via: .api)
        return JSONResponse(["tags": JSONValue(written.ticket.fields.tags)])
    }

    /// Tickets changed since a time, oldest change first, for exports and sync.
    @Sendable func incremental(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.viewAllTickets)
        let query = request.query
        var after: (Int64, Int)
        if let cursor = query["cursor"] {
            after = try IncrementalCursor.decode(String(cursor))
        } else if let start = query["start_time"], let seconds = Int64(String(start)) {
            after = (seconds * 1000 - 1, Int.max)
        } else {
            throw APIError.badRequest("Give start_time (a Unix time in seconds) or cursor")
        }
        let size = min(Int(query["per_page"] ?? "1000") ?? 1000, 1000)
        let page = try await tickets.list(.offset(page: 1, perPage: size), actor: actor, extra: """
            (t.updated_at > \(bind: after.0) OR (t.updated_at = \(bind: after.0) AND t.id > \(bind: after.1 == Int.max ? 0 : after.1)))
            """, orderByUpdated: true)
        let last = page.tickets.last
        let cursor = last.map { IncrementalCursor.encode(($0.updatedAt, $0.id)) } ?? IncrementalCursor.encode(after)
        let end = page.tickets.count < size
        return JSONResponse([
            "tickets": .array(try await Present.tickets(page.tickets, base: request.baseURL, database: tickets.database)),
            "after_cursor": .string(cursor), "before_cursor": nil, "end_of_stream": .bool(end),
            "after_url": .string(PageLinks(request: request, path: "/api/v2/incremental/tickets/cursor.json")
                .url(replacing: ["cursor": cursor, "start_time": nil])),
            "end_time": .int(Int((last?.updatedAt ?? after.0) / 1000)),
        ])
    }

    func idList(_ request: Request) throws -> [Int] {
        guard let raw = request.query["ids"] else { throw APIError.badRequest("Give ids=1,2,3") }
        let ids = raw.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !ids.isEmpty, ids.count <= 100 else { throw APIError.badRequest("ids takes 1 to 100 ticket ids") }
        return ids
    }
}

enum IncrementalCursor {
    static func encode(_ value: (Int64, Int)) -> String {
        Data("\(value.0):\(value.1)".utf8).base64EncodedString()
    }
    static func decode(_ text: String) throws -> (Int64, Int) {
        guard let data = Data(base64Encoded: text), let s = String(data: data, encoding: .utf8) else {
            throw APIError.badRequest("The cursor '\(text)' is not valid")
        }
        let parts = s.split(separator: ":")
        guard parts.count == 2, let t = Int64(parts[0]), let id = Int(parts[1]) else {
            throw APIError.badRequest("The cursor '\(text)' is not valid")
        }
        return (t, id)
    }
}

extension TicketService.Written {
    /// `{"ticket": …, "audit": …}`; `presented` is the ticket when the caller has already presented it.
    func json(base: String, ticket presented: JSONValue? = nil) -> JSONValue {
        var body: JSONObject = ["ticket": presented ?? Present.ticket(ticket, base: base)]
        if let audit { body["audit"] = Present.audit(audit, comments: comments) }
        return .object(body)
    }
}
