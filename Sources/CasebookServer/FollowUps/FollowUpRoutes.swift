import CasebookCore
import Foundation
import Hummingbird
import SQLKit

/// `/api/v2/follow_ups` (list, show, complete, cancel, reassign), `/api/v2/tickets/{id}/follow_ups` (assign one) and
/// `/api/v2/tickets/{id}/remote_sessions` (record and list remote-assistance sessions). Staff only.
struct FollowUpRoutes: Sendable {
    let services: CasebookServices
    var database: Database { services.database }
    var followUps: FollowUpService { FollowUpService(services: services) }

    func register(on api: RouterGroup<CasebookContext>) {
        api.get("follow_ups", use: list)
        api.get("follow_ups/:id", use: show)
        api.post("follow_ups/:id/complete", use: complete)
        api.post("follow_ups/:id/cancel", use: cancel)
        api.post("follow_ups/:id/reassign", use: reassign)
        api.post("tickets/:id/follow_ups", use: create)
        api.get("tickets/:id/remote_sessions", use: sessions)
        api.post("tickets/:id/remote_sessions", use: recordSession)
    }

    /// `?owner_id=` (a number or `me`), `?ticket_id=`, `?status=open|done|cancelled`; offset or cursor pages.
    @Sendable func list(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.useWorkspace)
        let q = request.uri.queryParameters
        var filter = FollowUpStore.Filter()
        if let raw = q.get("owner_id") {
            guard let n = raw == "me" ? actor.id : Int(raw) else { throw APIError.badRequest("owner_id must be a number or me") }
            filter.ownerID = n
        }
        if let raw = q.get("ticket_id") {
            guard let n = Int(raw) else { throw APIError.badRequest("ticket_id must be a number") }
            filter.ticketID = n
        }
        if let raw = q.get("status") {
            guard let status = FollowUpStatus(rawValue: raw) else {
                throw APIError.badRequest("status is one of \(FollowUpStatus.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            filter.status = status
        }
        let service = followUps, now = services.config.clock.now()
        return try await PagedList.respond(request, try Pagination(request), key: "follow_ups", path: "/api/v2/follow_ups", database: database) { [filter] db, limit, offset, after in
            let store = FollowUpStore(db: db)
            return (try await store.list(filter, limit: limit, offset: offset, afterID: after).map { ($0.id, service.present($0, now: now)) },
                    try await store.count(filter))
        }
    }

    @Sendable func show(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.useWorkspace)
        let id = try context.parameters.id()
        let record = try await database.read { db -> FollowUpRecord in
            let record = try await followUps.load(id, db: db)
            _ = try await services.tickets.visibleTicket(record.ticketID, to: actor, db: db)
            return record
        }
        return JSONResponse(["follow_up": followUps.present(record, now: services.config.clock.now())])
    }

    /// `{"follow_up": {"title", "due_at" (ISO), "owner_id", "note"}}`.
    @Sendable func create(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.editTicketFields)
        let ticketID = try context.parameters.id()
        let body = try await request.envelope("follow_up", context: context)
        let input = FollowUpService.Input(title: body["title"]?.stringValue ?? "", dueAt: Self.time(body["due_at"]),
                                          ownerID: body["owner_id"]?.intValue, note: body["note"]?.stringValue ?? "")
        let record = try await database.write { db in try await followUps.create(ticketID: ticketID, input, actor: actor, db: db) }
        return JSONResponse(["follow_up": followUps.present(record, now: services.config.clock.now())], status: .created)
    }

    /// `{"note": "..."}` (or `{"follow_up": {"note"}}`): what came of it, required.
    @Sendable func complete(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.editTicketFields)
        let id = try context.parameters.id()
        let note = Self.field("note", in: try await request.optionalJSON(context: context))
        let record = try await database.write { db in try await followUps.complete(id, note: note, actor: actor, db: db) }
        return JSONResponse(["follow_up": followUps.present(record, now: services.config.clock.now())])
    }

    /// `{"reason": "..."}`, required.
    @Sendable func cancel(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.editTicketFields)
        let id = try context.parameters.id()
        let reason = Self.field("reason", in: try await request.optionalJSON(context: context))
        let record = try await database.write { db in try await followUps.cancel(id, reason: reason, actor: actor, db: db) }
        return JSONResponse(["follow_up": followUps.present(record, now: services.config.clock.now())])
    }

    /// `{"owner_id": 5, "due_at": "..."}` (due time optional): the reminders start over for the new owner.
    @Sendable func reassign(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.editTicketFields)
        let id = try context.parameters.id()
        var body = try await request.optionalJSON(context: context)
        if let inner = body["follow_up"], inner.objectValue != nil { body = inner }
        let dueAt = Self.time(body["due_at"])
        if body["due_at"] != nil, body["due_at"] != .null, dueAt == nil {
            throw APIError.invalid("due_at", "Due: give a date and time such as 2026-03-01T14:30:00Z")
        }
        let ownerID = body["owner_id"]?.intValue
        let record = try await database.write { db in
            try await followUps.reassign(id, ownerID: ownerID, dueAt: dueAt, actor: actor, db: db)
        }
        return JSONResponse(["follow_up": followUps.present(record, now: services.config.clock.now())])
    }

    // MARK: Remote sessions

    @Sendable func sessions(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.useWorkspace)
        let ticketID = try context.parameters.id()
        let list = try await database.read { db in
            _ = try await services.tickets.visibleTicket(ticketID, to: actor, db: db)
            return try await FollowUpStore(db: db).remoteSessions(ticketID: ticketID)
        }
        return JSONResponse(["remote_sessions": .array(list.map(FollowUpService.present)), "count": .int(list.count)])
    }

    /// `{"remote_session": {"session_code", "started_at", "ended_at", "outcome"}}`.
    @Sendable func recordSession(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.editTicketFields)
        let ticketID = try context.parameters.id()
        let body = try await request.envelope("remote_session", context: context)
        var errors = FieldErrors()
        let startedAt = Self.time(body["started_at"]), endedAt = Self.time(body["ended_at"])
        if let raw = body["started_at"], raw != .null, startedAt == nil {
            errors.add("started_at", error: "InvalidValue", "Start: give a date and time such as 2026-03-01T14:30:00Z")
        }
        if let raw = body["ended_at"], raw != .null, endedAt == nil {
            errors.add("ended_at", error: "InvalidValue", "End: give a date and time such as 2026-03-01T15:00:00Z")
        }
        if !errors.isEmpty { throw APIError.invalid(errors) }
        let input = FollowUpService.SessionInput(code: body["session_code"]?.stringValue ?? "", startedAt: startedAt, endedAt: endedAt,
                                                 outcome: body["outcome"]?.stringValue ?? "")
        let record = try await database.write { db in try await followUps.recordSession(ticketID: ticketID, input, actor: actor, db: db) }
        return JSONResponse(["remote_session": FollowUpService.present(record)], status: .created)
    }

    // MARK: Helpers

    /// An ISO 8601 time (`2026-03-01T14:30:00Z`), or the `2026-03-01T14:30` a browser's date-time field sends (UTC).
    static func time(_ value: JSONValue?) -> Int64? {
        guard let text = value?.stringValue?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        return time(text)
    }

    static func time(_ text: String) -> Int64? {
        let text = text.trimmingCharacters(in: .whitespaces)
        // Before the general parser, which would read "2026-03-01T14:30" as the date alone (midnight).
        if text.count == 16, text.dropFirst(10).first == "T", let date = parseISODate(text + ":00Z") { return Timestamp.millis(date) }
        if text.count == 19, text.dropFirst(10).first == "T", let date = parseISODate(text + "Z") { return Timestamp.millis(date) }
        return parseISODate(text).map(Timestamp.millis)
    }

    /// `{"note": …}` at the top or under `follow_up`.
    static func field(_ name: String, in body: JSONValue) -> String {
        body[name]?.stringValue ?? body["follow_up"]?[name]?.stringValue ?? ""
    }
}
