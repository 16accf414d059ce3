import CasebookCore
import Foundation
import Hummingbird
import SQLKit

/// `/api/v2/rmas` (with `approve`, `decline`, `ship`, `receive`, `inspect`, `close`, `cancel`,
/// `obligation_acceptance`) and `/api/v2/rma_policy`, in the API's Zendesk-style conventions.
struct RMARoutes: Sendable {
    let services: CasebookServices
    var database: Database { services.database }
    var rmas: RMAService { RMAService(tickets: services.tickets, clock: services.config.clock) }

    func register(on api: RouterGroup<CasebookContext>) {
        api.get("rmas", use: list)
        api.post("rmas", use: create)
        api.get("rmas/:id", use: show)
        api.post("rmas/:id/approve", use: { try await decide($0, $1, approve: true) })
        api.post("rmas/:id/decline", use: { try await decide($0, $1, approve: false) })
        api.post("rmas/:id/ship", use: { request, context in
            try await act(request, context) { rma, body, actor, db in
                try await rmas.ship(rmaID: rma, tracking: body["tracking"]?.stringValue ?? "", actor: actor, db: db)
            }
        })
        api.post("rmas/:id/receive", use: { request, context in
            try await act(request, context) { rma, body, actor, db in
                try await rmas.receive(rmaID: rma, note: body["note"]?.stringValue ?? "", actor: actor, db: db)
            }
        })
        api.post("rmas/:id/inspect", use: { request, context in
            try await act(request, context) { rma, body, actor, db in
                guard let outcome = body["outcome"]?.stringValue.flatMap(InspectionOutcome.init(rawValue:)) else {
                    throw APIError.invalid("outcome", "Outcome: one of \(InspectionOutcome.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                return try await rmas.inspect(rmaID: rma, outcome: outcome, note: body["note"]?.stringValue ?? "", actor: actor, db: db)
            }
        })
        api.post("rmas/:id/close", use: { request, context in
            try await act(request, context) { rma, body, actor, db in
                try await rmas.close(rmaID: rma, note: body["note"]?.stringValue ?? "", actor: actor, db: db)
            }
        })
        api.post("rmas/:id/cancel", use: { request, context in
            try await act(request, context) { rma, body, actor, db in
                try await rmas.cancel(rmaID: rma, reason: body["reason"]?.stringValue ?? "", actor: actor, db: db)
            }
        })
        api.post("rmas/:id/obligation_acceptance", use: acceptObligation)
        api.get("rma_policy", use: policy)
        api.put("rma_policy", use: savePolicy)
    }

    static func present(_ r: RMARecord, events: [RMAEventRecord]? = nil, asset: AssetRecord? = nil) -> JSONValue {
        var object: JSONObject = [
            "id": .int(r.id), "ticket_id": .int(r.ticketID), "asset_id": .int(r.assetID), "kind": .string(r.kind.rawValue),
            "kind_text": .string(r.kind.words), "status": .string(r.status.rawValue), "status_text": .string(r.status.words),
            "value": .int(r.value.minor), "currency": .string(r.value.currency), "value_text": .string(r.value.text),
            "in_warranty": .bool(r.inWarranty), "approver_role": JSONValue(r.approverRole?.rawValue),
            "requested_by_id": .int(r.requestedByID), "owner_id": JSONValue(r.ownerID), "decided_by_id": JSONValue(r.decidedByID),
            "decided_at": JSONValue(r.decidedAt.map(Timestamp.date)), "decision_reason": .string(r.decisionReason),
            "tracking": .string(r.tracking), "shipped_at": JSONValue(r.shippedAt.map(Timestamp.date)),
            "return_due_at": JSONValue(r.returnDueAt.map(Timestamp.date)), "received_at": JSONValue(r.receivedAt.map(Timestamp.date)),
            "outcome": JSONValue(r.outcome?.rawValue), "inspection_note": .string(r.inspectionNote),
            "obligation": [
                "text": .string(r.obligation), "accepted_via": JSONValue(r.obligationAcceptedVia?.rawValue),
                "accepted_at": JSONValue(r.obligationAcceptedAt.map(Timestamp.date)), "note": .string(r.obligationNote),
                "applies": r.obligationApplies.map { .bool($0) } ?? .null,
            ],
            "actions": JSONValue(RMALifecycle.allowed(kind: r.kind, from: r.status, outcome: r.outcome).map(\.rawValue)),
            "reminded_at": JSONValue(r.remindedAt.map(Timestamp.date)), "closed_at": JSONValue(r.closedAt.map(Timestamp.date)),
            "created_at": JSONValue(Timestamp.date(r.createdAt)), "updated_at": JSONValue(Timestamp.date(r.updatedAt)),
        ]
        if let asset { object["serial"] = .string(asset.serial) }
        if let events {
            object["events"] = .array(events.map { e in
                ["event": .string(e.event), "status": .string(e.status.rawValue), "actor_id": JSONValue(e.actorID), "note": .string(e.note),
                 "created_at": JSONValue(Timestamp.date(e.createdAt))]
            })
        }
        return .object(object)
    }

    @Sendable func list(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.useWorkspace)
        let q = request.uri.queryParameters
        var filter = RMAStore.Filter()
        if let raw = q.get("status") {
            guard let status = RMAStatus(rawValue: raw) else {
                throw APIError.badRequest("status is one of \(RMAStatus.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            filter.status = status
        }
        for (name, path) in [("ticket_id", \RMAStore.Filter.ticketID), ("asset_id", \.assetID), ("customer_id", \.customerID)] {
            if let raw = q.get(name) {
                guard let n = Int(raw) else { throw APIError.badRequest("\(name) must be a number") }
                filter[keyPath: path] = n
            }
        }
        // `?awaiting=me`: the approvals queue, what the caller's role may approve.
        if q.get("awaiting") == "me" { filter.approvableBy = actor.role }
        return try await PagedList.respond(request, try Pagination(request), key: "rmas", path: "/api/v2/rmas", database: database) { [filter] db, limit, offset, after in
            let store = RMAStore(db: db)
            return (try await store.list(filter, limit: limit, offset: offset, afterID: after).map { ($0.id, Self.present($0)) }, try await store.count(filter))
        }
    }

    @Sendable func show(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.useWorkspace)
        let id = try context.parameters.id()
        let body = try await database.read { db -> JSONValue in
            guard let rma = try await RMAStore(db: db).find(id: id) else { throw APIError.notFound("No RMA \(id)") }
            _ = try await services.tickets.visibleTicket(rma.ticketID, to: actor, db: db)
            return Self.present(rma, events: try await RMAStore(db: db).events(rmaID: id), asset: try await AssetStore(db: db).find(id: rma.assetID))
        }
        return JSONResponse(["rma": body])
    }

    /// `POST /api/v2/rmas` with `{"rma": {"ticket_id", "asset_id" | "serial", "kind", "value", "currency", "obligation",
    /// "override_reason"}}`.
    @Sendable func create(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.editTicketFields)
        let body = try await request.envelope("rma", context: context)
        var errors = FieldErrors()
        let ticketID = body["ticket_id"]?.intValue
        if ticketID == nil { errors.add("ticket_id", error: "BlankValue", "Ticket: required") }
        let kind = body["kind"]?.stringValue.flatMap(RMAKind.init(rawValue:))
        if kind == nil { errors.add("kind", error: "InvalidValue", "Kind: one of \(RMAKind.allCases.map(\.rawValue).joined(separator: ", "))") }
        if let raw = body["value"], !raw.isNull, raw.intValue == nil {
            errors.add("value", error: "InvalidValue", "Value: a whole number of minor units (25000 is 250.00)")
        }
        if body["asset_id"]?.intValue == nil, body["serial"]?.stringValue == nil {
            errors.add("asset_id", error: "BlankValue", "Asset: give asset_id or serial")
        }
        if !errors.isEmpty { throw APIError.invalid(errors) }
        let rma = try await database.write { db -> RMARecord in
            _ = try await services.tickets.visibleTicket(ticketID!, to: actor, db: db)
            var assetID = body["asset_id"]?.intValue
            if assetID == nil, let serial = body["serial"]?.stringValue {
                guard let asset = try await AssetStore(db: db).find(serial: serial.trimmingCharacters(in: .whitespaces)) else {
                    throw APIError.invalid("serial", "Serial: no asset \(serial)")
                }
                assetID = asset.id
            }
            return try await rmas.create(RMAInput(ticketID: ticketID!, assetID: assetID!, kind: kind!, valueMinor: body["value"]?.intValue ?? 0,
                                                  currency: body["currency"]?.stringValue ?? "USD", obligation: body["obligation"]?.stringValue ?? "",
                                                  overrideReason: body["override_reason"]?.stringValue ?? ""), actor: actor, db: db)
        }
        return JSONResponse(["rma": Self.present(rma)], status: .created)
    }

    func decide(_ request: Request, _ context: CasebookContext, approve: Bool) async throws -> Response {
        let actor = try context.require(.useWorkspace)
        let id = try context.parameters.id()
        let body = try await request.optionalJSON(context: context)
        let reason = body["rma"]?["reason"]?.stringValue ?? body["reason"]?.stringValue ?? ""
        let rma = try await database.write { db in try await rmas.decide(rmaID: id, approve: approve, reason: reason, actor: actor, db: db) }
        return JSONResponse(["rma": Self.present(rma)])
    }

    /// A life-cycle step: the body's `rma` object (or the body itself) carries its fields.
    func act(_ request: Request, _ context: CasebookContext,
             _ body: @escaping @Sendable (Int, JSONObject, Actor, any SQLDatabase) async throws -> RMARecord) async throws -> Response {
        let actor = try context.require(.editTicketFields)
        let id = try context.parameters.id()
        let json = try await request.optionalJSON(context: context)
        let fields = json["rma"]?.objectValue ?? json.objectValue ?? [:]
        let rma = try await database.write { db -> RMARecord in
            guard let current = try await RMAStore(db: db).find(id: id) else { throw APIError.notFound("No RMA \(id)") }
            _ = try await services.tickets.visibleTicket(current.ticketID, to: actor, db: db)
            return try await body(id, fields, actor, db)
        }
        return JSONResponse(["rma": Self.present(rma)])
    }

    /// `{"acceptance": {"via": "verbal", "note": "..."}}` from an agent, or `{"acceptance": {"via": "portal"}}` from the
    /// customer themself.
    @Sendable func acceptObligation(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try context.parameters.id()
        let body = try await request.envelope("acceptance", context: context)
        guard let via = body["via"]?.stringValue.flatMap(RMAObligation.Acceptance.init(rawValue:)) else {
            throw APIError.invalid("via", "Via: portal (the customer) or verbal (an agent's note)")
        }
        let rma = try await database.write { db -> RMARecord in
            guard let current = try await RMAStore(db: db).find(id: id) else { throw APIError.notFound("No RMA \(id)") }
            _ = try await services.tickets.visibleTicket(current.ticketID, to: actor, db: db)
            return try await rmas.acceptObligation(rmaID: id, via: via, note: body["note"]?.stringValue ?? "", actor: actor, db: db)
        }
        return JSONResponse(["rma": Self.present(rma)])
    }

    @Sendable func policy(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.useWorkspace)
        let (rules, role) = try await database.read { db in try await rmas.rules(db: db) }
        return JSONResponse(["rma_policy": RMAService.present(rules: rules, overrideRole: role)])
    }

    /// `PUT /api/v2/rma_policy` with `{"rma_policy": {"tiers": {"advance_replacement": [{"up_to": 25000, "role": "agent"},
    /// {"up_to": null, "role": "lead"}], ...}, "out_of_warranty": "manager", "checklist_override_role": "lead"}}`.
    @Sendable func savePolicy(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.managePolicies)
        let body = try await request.envelope("rma_policy", context: context)
        let (rules, role) = try await Self.savePolicy(body, services: services)
        return JSONResponse(["rma_policy": RMAService.present(rules: rules, overrideRole: role)])
    }

    /// The one place the RMA approval rules are checked and saved, for the API and the admin page alike: `body` is the
    /// `rma_policy` object. Throws 422 naming every bad field; saves nothing then.
    static func savePolicy(_ body: JSONObject, services: CasebookServices) async throws -> (rules: RMAApprovalRules, overrideRole: Role) {
        let rules = try RMAService.parseRules(.object(body))
        let raw = body["checklist_override_role"]?.stringValue ?? RMAService.defaultOverrideRole.rawValue
        guard let role = Role(rawValue: raw), role.isStaff else {
            throw APIError.invalid("checklist_override_role", "Checklist override role: agent, lead, manager or admin")
        }
        let now = services.config.clock.now()
        try await services.database.write { db in
            let settings = PolicySettingsStore(db: db)
            try await settings.save(PolicySettingsStore.rmaApprovalRules, RMAService.present(rules: rules, overrideRole: role), at: now)
            try await settings.save(PolicySettingsStore.overrideRole, .string(role.rawValue), at: now)
        }
        return (rules, role)
    }
}
