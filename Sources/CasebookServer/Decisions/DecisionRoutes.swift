import CasebookCore
import Foundation
import Hummingbird
import SQLKit

/// `/api/v2/decisions` (list, show, record an exception, the report), `/api/v2/notifications` and
/// `/api/v2/case_notes/owed` (the lead's list of tickets whose last call has no notes).
struct DecisionRoutes: Sendable {
    let services: CasebookServices
    var database: Database { services.database }

    func register(on api: RouterGroup<CasebookContext>) {
        api.get("decisions", use: list)
        api.post("decisions", use: create)
        api.get("decisions/report", use: report)
        api.get("decisions/:id", use: show)
        api.get("notifications", use: notifications)
        api.post("notifications/read", use: markRead)
        api.get("case_notes/owed", use: owed)
    }

    @Sendable func list(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.useWorkspace)
        let q = request.uri.queryParameters
        var filter = DecisionStore.Filter()
        for (name, path) in [("ticket_id", \DecisionStore.Filter.ticketID), ("customer_id", \.customerID), ("decided_by_id", \.decidedByID)] {
            if let raw = q.get(name) {
                guard let n = Int(raw) else { throw APIError.badRequest("\(name) must be a number") }
                filter[keyPath: path] = n
            }
        }
        if let raw = q.get("kind") {
            guard let kind = DecisionKind(rawValue: raw) else {
                throw APIError.badRequest("kind is one of \(DecisionKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            filter.kind = kind
        }
        return try await PagedList.respond(request, try Pagination(request), key: "decisions", path: "/api/v2/decisions", database: database) { [filter] db, limit, offset, after in
            let store = DecisionStore(db: db)
            return (try await store.list(filter, limit: limit, offset: offset, afterID: after).map { ($0.id, DecisionService.present($0)) },
                    try await store.count(filter))
        }
    }

    @Sendable func show(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.useWorkspace)
        let id = try context.parameters.id()
        guard let d = try await database.read({ db in try await DecisionStore(db: db).find(id: id) }) else { throw APIError.notFound("No decision \(id)") }
        return JSONResponse(["decision": DecisionService.present(d)])
    }

    /// `POST /api/v2/decisions` with `{"decision": {"ticket_id", "rule", "what", "reason"}}`: an exception an agent puts
    /// on the record by hand (the ones Casebook sees itself are recorded where they happen).
    @Sendable func create(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.editTicketFields)
        let body = try await request.envelope("decision", context: context)
        var errors = FieldErrors()
        let rule = (body["rule"]?.stringValue ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let what = (body["what"]?.stringValue ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if rule.isEmpty { errors.add("rule", error: "BlankValue", "Rule: which rule or policy does this depart from?") }
        if what.isEmpty { errors.add("what", error: "BlankValue", "What: say what was decided") }
        guard let ticketID = body["ticket_id"]?.intValue else { throw APIError.invalid("ticket_id", "Ticket: required", error: "BlankValue") }
        do throws(FieldErrors) { try DecisionAudience.validate(reason: body["reason"]?.stringValue ?? "") } catch { errors.merge(error) }
        if !errors.isEmpty { throw APIError.invalid(errors) }
        let decision = try await database.write { db -> DecisionRecord in
            _ = try await services.tickets.visibleTicket(ticketID, to: actor, db: db)
            return try await DecisionService(tickets: services.tickets, clock: services.config.clock).record(
                .init(kind: .exception, rule: rule, what: what, reason: body["reason"]?.stringValue ?? "", ticketID: ticketID), actor: actor, db: db)
        }
        return JSONResponse(["decision": DecisionService.present(decision)], status: .created)
    }

    /// Decisions by person, kind, rule and outcome over `?from=&to=` (ISO dates; the last 90 days by default).
    @Sendable func report(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.viewTeamBoard)
        let (from, to) = try Self.range(request, now: services.config.clock.now())
        let (rows, names) = try await database.read { db -> ([DecisionStore.ReportRow], [Int: String]) in
            let rows = try await DecisionStore(db: db).report(from: from, to: to)
            let people = try await UserStore(db: db).find(ids: Array(Set(rows.map(\.decidedByID))))
            return (rows, Dictionary(people.map { ($0.id, $0.name) }, uniquingKeysWith: { $1 }))
        }
        return JSONResponse(["decision_report": [
            "from": JSONValue(Timestamp.date(from)), "to": JSONValue(Timestamp.date(to)),
            "rows": .array(rows.map { r in
                ["decided_by_id": .int(r.decidedByID), "decided_by": .string(names[r.decidedByID] ?? "#\(r.decidedByID)"),
                 "kind": .string(r.kind.rawValue), "rule": .string(r.rule), "outcome": JSONValue(r.outcome), "count": .int(r.count)]
            }),
            "total": .int(rows.reduce(0) { $0 + $1.count }),
        ]])
    }

    static func range(_ request: Request, now: Int64) throws -> (Int64, Int64) {
        let q = request.uri.queryParameters
        func parse(_ name: String) throws -> Int64? {
            guard let raw = q.get(name) else { return nil }
            guard let date = parseISODate(raw) ?? HardwareAssetRoutes.day(raw) else { throw APIError.badRequest("\(name) must be a date such as 2026-01-31") }
            return Int64(date.timeIntervalSince1970 * 1000)
        }
        let to = try parse("to").map { $0 + (q.get("to")?.count == 10 ? 86_400_000 : 0) } ?? now + 1
        let from = try parse("from") ?? to - 90 * 86_400_000
        guard from < to else { throw APIError.badRequest("from must be before to") }
        return (from, to)
    }

    // MARK: Notifications

    @Sendable func notifications(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.useWorkspace)
        let unreadOnly = request.uri.queryParameters.get("unread") == "true"
        let (list, unread) = try await database.read { db in
            (try await DecisionStore(db: db).notifications(userID: actor.id, unreadOnly: unreadOnly, limit: 100),
             try await DecisionStore(db: db).unreadCount(userID: actor.id))
        }
        return JSONResponse(["notifications": .array(list.map(Self.present)), "unread_count": .int(unread)])
    }

    static func present(_ n: DecisionStore.Notification) -> JSONValue {
        ["id": .int(n.id), "kind": .string(n.kind), "text": .string(n.text), "ticket_id": JSONValue(n.ticketID), "link": .string(n.link),
         "created_at": JSONValue(Timestamp.date(n.createdAt)), "read_at": JSONValue(n.readAt.map(Timestamp.date))]
    }

    /// `{"ids": [1, 2]}` marks those read; no body marks all.
    @Sendable func markRead(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.useWorkspace)
        let body = try await request.optionalJSON(context: context)
        let ids = body["ids"]?.arrayValue?.compactMap(\.intValue)
        let now = services.config.clock.now()
        try await database.write { db in try await DecisionStore(db: db).markRead(userID: actor.id, ids: ids, at: now) }
        return Response(status: .noContent)
    }

    // MARK: Case notes

    @Sendable func owed(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.viewTeamBoard)
        let list = try await database.read { db in try await TicketStore(db: db).owingNotes(limit: 500) }
        let tickets = try await database.read { db in try await TicketStore(db: db).load(ids: list.map(\.ticketID)) }
        let byID = Dictionary(tickets.map { ($0.id, $0) }, uniquingKeysWith: { $1 })
        return JSONResponse(["tickets": .array(list.compactMap { item -> JSONValue? in
            guard let t = byID[item.ticketID] else { return nil }
            return ["id": .int(t.id), "subject": .string(t.fields.subject), "status": .string(t.fields.status.rawValue),
                    "assignee_id": JSONValue(t.fields.assigneeID), "notes_owed_since": JSONValue(Timestamp.date(item.since))]
        }), "count": .int(list.count)])
    }
}
