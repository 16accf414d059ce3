import CasebookCore
import Foundation
import Hummingbird
import SQLKit

/// `/api/v2/conduct_outcomes` (the admins' conduct policy) and `/api/v2/conduct_records` (flag, list, show, hand the
/// ticket over). Staff only: a customer never learns what is on their record.
struct ConductRoutes: Sendable {
    let services: CasebookServices
    var database: Database { services.database }
    var conduct: ConductService { ConductService(services: services) }

    func register(on api: RouterGroup<CasebookContext>) {
        api.get("conduct_outcomes", use: outcomes)
        api.post("conduct_outcomes", use: createOutcome)
        api.put("conduct_outcomes/:id", use: updateOutcome)
        api.get("conduct_records", use: list)
        api.post("conduct_records", use: flag)
        api.get("conduct_records/:id", use: show)
        api.post("conduct_records/:id/handover", use: handover)
    }

    // MARK: Outcomes

    /// `?active=true` lists only what agents may choose now.
    @Sendable func outcomes(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.useWorkspace)
        let activeOnly = request.uri.queryParameters.get("active") == "true"
        let list = try await database.read { db in try await ConductStore(db: db).outcomes(activeOnly: activeOnly) }
        return JSONResponse(["conduct_outcomes": .array(list.map(ConductService.present)), "count": .int(list.count)])
    }

    /// `{"conduct_outcome": {"label", "action", "description", "active"}}`.
    @Sendable func createOutcome(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.managePolicies)
        let change = try Self.outcomeChange(try await request.envelope("conduct_outcome", context: context))
        let outcome = try await conduct.saveOutcome(id: nil, change, actor: actor)
        return JSONResponse(["conduct_outcome": ConductService.present(outcome)], status: .created)
    }

    @Sendable func updateOutcome(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.managePolicies)
        let id = try context.parameters.id()
        let change = try Self.outcomeChange(try await request.envelope("conduct_outcome", context: context))
        let outcome = try await conduct.saveOutcome(id: id, change, actor: actor)
        return JSONResponse(["conduct_outcome": ConductService.present(outcome)])
    }

    static func outcomeChange(_ body: JSONObject) throws -> ConductService.OutcomeChange {
        var errors = FieldErrors()
        func text(_ name: String) -> String? {
            guard let value = body[name], !value.isNull else { return nil }
            guard let s = value.stringValue else {
                errors.add(name, error: "InvalidValue", "\(name.capitalized): must be text")
                return nil
            }
            return s
        }
        let change = ConductService.OutcomeChange(label: text("label"), action: text("action"), description: text("description"),
                                                  active: body["active"]?.boolValue)
        if let active = body["active"], !active.isNull, active.boolValue == nil {
            errors.add("active", error: "InvalidValue", "Active: true or false")
        }
        if !errors.isEmpty { throw APIError.invalid(errors) }
        return change
    }

    // MARK: Records

    @Sendable func list(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try Self.requireReader(context)
        let q = request.uri.queryParameters
        var filter = ConductStore.Filter()
        for (name, path) in [("customer_id", \ConductStore.Filter.customerID), ("ticket_id", \.ticketID)] {
            if let raw = q.get(name) {
                guard let n = Int(raw) else { throw APIError.badRequest("\(name) must be a number") }
                filter[keyPath: path] = n
            }
        }
        return try await PagedList.respond(request, try Pagination(request), key: "conduct_records", path: "/api/v2/conduct_records",
                                           database: database) { [filter] db, limit, offset, after in
            let store = ConductStore(db: db)
            let outcomes = Dictionary(try await store.outcomes(activeOnly: false).map { ($0.id, $0) }, uniquingKeysWith: { $1 })
            return (try await store.list(filter, limit: limit, offset: offset, afterID: after)
                        .map { ($0.id, ConductService.present($0, outcome: outcomes[$0.outcomeID])) },
                    try await store.count(filter))
        }
    }

    @Sendable func show(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try Self.requireReader(context)
        let id = try context.parameters.id()
        let body = try await database.read { db -> JSONValue in
            let store = ConductStore(db: db)
            guard let record = try await store.find(id: id) else { throw APIError.notFound("No conduct record \(id)") }
            return ConductService.present(record, outcome: try await store.outcome(id: record.outcomeID))
        }
        return JSONResponse(["conduct_record": body])
    }

    /// Conduct records are about people: reading them takes both the workspace and the people directory.
    static func requireReader(_ context: CasebookContext) throws -> Actor {
        _ = try context.require(.viewPeople)
        return try context.require(.useWorkspace)
    }

    /// `{"conduct_record": {"ticket_id", "kind", "comment_id", "outcome_id", "note", "affected_agent_id"}}`.
    @Sendable func flag(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.editTicketFields)
        let body = try await request.envelope("conduct_record", context: context)
        var errors = FieldErrors()
        func id(_ name: String, _ words: String) -> Int? {
            guard let value = body[name], !value.isNull else { return nil }
            guard let n = value.intValue else {
                errors.add(name, error: "InvalidValue", "\(words): must be a number")
                return nil
            }
            return n
        }
        let ticketID = id("ticket_id", "Ticket")
        if body["ticket_id"] == nil || body["ticket_id"]?.isNull == true { errors.add("ticket_id", error: "BlankValue", "Ticket: required") }
        let input = ConductService.Flag(ticketID: ticketID ?? 0, kind: body["kind"]?.stringValue.flatMap(ConductKind.init(rawValue:)),
                                        commentID: id("comment_id", "Evidence"), outcomeID: id("outcome_id", "Outcome"),
                                        note: body["note"]?.stringValue ?? "", affectedAgentID: id("affected_agent_id", "Affected agent"))
        if !errors.isEmpty { throw APIError.invalid(errors) }
        let record = try await conduct.flag(input, actor: actor)
        let outcome = try await database.read { db in try await ConductStore(db: db).outcome(id: record.outcomeID) }
        return JSONResponse(["conduct_record": ConductService.present(record, outcome: outcome)], status: .created)
    }

    /// `{"handover": {"note": "..."}}`, the body optional: the ticket leaves the agent who flagged it.
    @Sendable func handover(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.editTicketFields)
        let id = try context.parameters.id()
        let body = try await request.optionalJSON(context: context)
        let note = body["handover"]?["note"]?.stringValue ?? body["note"]?.stringValue ?? ""
        let (record, written) = try await conduct.handover(recordID: id, note: note, actor: actor)
        let outcome = try await database.read { db in try await ConductStore(db: db).outcome(id: record.outcomeID) }
        return JSONResponse(["conduct_record": ConductService.present(record, outcome: outcome),
                             "ticket": Present.ticket(written.ticket, base: request.baseURL)])
    }
}
