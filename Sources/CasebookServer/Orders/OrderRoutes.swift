import CasebookCore
import Foundation
import Hummingbird
import SQLKit

/// `/api/v2/stock`, `/stock_receipts`, `/orders`, `/backorders`, `/allocations`: Casebook's own
/// resources in the API's Zendesk-style conventions (envelopes, errors).
struct OrderRoutes: Sendable {
    let services: CasebookServices
    var database: Database { services.database }
    var orders: OrderService { OrderService(tickets: services.tickets, clock: services.config.clock) }

    func register(on api: RouterGroup<CasebookContext>) {
        api.get("stock", use: stock)
        api.post("stock_receipts", use: receive)
        api.get("stock_receipts", use: listReceipts)
        api.get("stock_receipts/:id", use: showReceipt)
        api.post("stock_receipts/:id/inspection", use: inspect)
        api.post("stock_receipts/:id/arrival", use: arrival)
        api.post("orders", use: createOrder)
        api.get("orders", use: listOrders)
        api.get("orders/:id", use: showOrder)
        api.get("backorders", use: queue)
        api.post("backorders/:id/move", use: move)
        api.put("backorders/:id/preference", use: preference)
        api.post("allocations", use: allocate)
    }

    @Sendable func stock(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.useWorkspace)
        let levels = try await database.read { db in try await StockStore(db: db).levels() }
        return JSONResponse(["stock": .array(levels.keys.sorted().map { sku in
            var object: JSONObject = ["sku": .string(sku.rawValue)]
            for state in StockState.allCases { object[state.rawValue] = .int(levels[sku]?[state] ?? 0) }
            return .object(object)
        })])
    }

    static func inspections(_ value: JSONValue?) -> [Inspection]? {
        guard let list = value?.arrayValue else { return nil }
        return list.map {
            Inspection(sku: SKU($0["sku"]?.stringValue ?? ""), good: $0["good"]?.intValue ?? 0, defective: $0["defective"]?.intValue ?? 0,
                       reason: $0["reason"]?.stringValue ?? "")
        }
    }

    static func present(_ r: ReceiptRecord) -> JSONValue {
        ["id": .int(r.id), "supplier": .string(r.supplier), "reference": .string(r.reference), "status": .string(r.status),
         "created_by_id": .int(r.createdByID), "created_at": JSONValue(Timestamp.date(r.createdAt)),
         "inspected_at": JSONValue(r.inspectedAt.map(Timestamp.date)), "expected_at": JSONValue(r.expectedAt.map(Timestamp.date)),
         "lines": .array(r.lines.map { l in
             ["sku": .string(l.sku), "expected": .int(l.expected), "received": .int(l.received), "good": JSONValue(l.good),
              "defective": JSONValue(l.defective), "defect_reason": .string(l.defectReason)]
         }),
         "supplier_claims": .array(r.claims.map { ["kind": .string($0.kind), "sku": .string($0.sku), "quantity": .int($0.quantity), "reason": .string($0.reason)] })]
    }

    /// A delivery: `lines` [{sku, expected, received}], and `inspection` [{sku, good, defective, reason}] when it was
    /// inspected on arrival (without, the units wait in quarantine for `POST /stock_receipts/{id}/inspection`);
    /// `allocate: true` (a lead) runs the allocation for its SKUs once good units are in.
    @Sendable func receive(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.manageInventory)
        let body = try await request.envelope("stock_receipt", context: context)
        if let expected = body["expected_at"], !expected.isNull {
            // A delivery announced by the supplier: {sku, expected} per line, arriving later.
            guard let date = expected.stringValue.flatMap(parseISODate) else {
                throw APIError.invalid("expected_at", "Expected at: an ISO 8601 date such as 2026-12-15")
            }
            let lines = (body["lines"]?.arrayValue ?? []).map { (sku: SKU($0["sku"]?.stringValue ?? ""), expected: $0["expected"]?.intValue ?? 0) }
            let id = try await orders.announce(supplier: body["supplier"]?.stringValue ?? "", reference: body["reference"]?.stringValue ?? "",
                                               expectedAt: Timestamp.millis(date), lines: lines, actor: actor)
            return JSONResponse(["stock_receipt": try await receiptJSON(id, allocation: .null)], status: .created)
        }
        let lines = (body["lines"]?.arrayValue ?? []).map {
            ReceiptLine(sku: SKU($0["sku"]?.stringValue ?? ""), expected: $0["expected"]?.intValue ?? 0, received: $0["received"]?.intValue ?? 0)
        }
        if lines.isEmpty { throw APIError.invalid("lines", "Lines: a receipt needs at least one line {sku, expected, received}") }
        let inspections = Self.inspections(body["inspection"])
        let (id, _) = try await orders.receive(supplier: body["supplier"]?.stringValue ?? "", reference: body["reference"]?.stringValue ?? "",
                                               lines: lines, inspections: inspections, actor: actor)
        var allocated: JSONValue = .null
        if inspections != nil, (body["allocate"]?.boolValue == true && actor.role.allows(.reorderQueues)) || services.config.allocateOnStock {
            allocated = Self.present(try await orders.allocate(skus: lines.map(\.sku), commit: true, actor: actor))
        }
        return JSONResponse(["stock_receipt": try await receiptJSON(id, allocation: allocated)], status: .created)
    }

    func receiptJSON(_ id: Int, allocation: JSONValue) async throws -> JSONValue {
        guard let record = try await database.read({ db in try await ReceiptStore(db: db).find(id: id) }) else { throw APIError.notFound() }
        guard case .object(var object) = Self.present(record) else { return .null }
        object["allocation"] = allocation
        return .object(object)
    }

    @Sendable func inspect(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.manageInventory)
        let id = try context.parameters.id()
        let body = try await request.envelope("stock_receipt", context: context)
        guard let inspections = Self.inspections(body["inspection"]) else {
            throw APIError.invalid("inspection", "Inspection: a list of {sku, good, defective, reason}", error: "BlankValue")
        }
        let (lines, _) = try await orders.inspect(receiptID: id, inspections: inspections, actor: actor)
        var allocated: JSONValue = .null
        if (body["allocate"]?.boolValue == true && actor.role.allows(.reorderQueues)) || services.config.allocateOnStock {
            allocated = Self.present(try await orders.allocate(skus: lines.map(\.sku), commit: true, actor: actor))
        }
        return JSONResponse(["stock_receipt": try await receiptJSON(id, allocation: allocated)])
    }

    /// An announced delivery arrives: `lines` [{sku, received}], `inspection` as for a receipt when inspected on
    /// arrival, `allocate: true` as for a receipt.
    @Sendable func arrival(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.manageInventory)
        let id = try context.parameters.id()
        let body = try await request.envelope("stock_receipt", context: context)
        var received: [SKU: Int] = [:]
        for line in body["lines"]?.arrayValue ?? [] {
            guard let sku = line["sku"]?.stringValue, let count = line["received"]?.intValue, count >= 0 else {
                throw APIError.invalid("lines", "Lines: a list of {sku, received} with received 0 or more")
            }
            received[SKU(sku)] = count
        }
        if received.isEmpty { throw APIError.invalid("lines", "Lines: a list of {sku, received}", error: "BlankValue") }
        let inspections = Self.inspections(body["inspection"])
        _ = try await orders.arrive(receiptID: id, received: received, inspections: inspections, actor: actor)
        var allocated: JSONValue = .null
        if inspections != nil, (body["allocate"]?.boolValue == true && actor.role.allows(.reorderQueues)) || services.config.allocateOnStock {
            allocated = Self.present(try await orders.allocate(skus: Array(received.keys), commit: true, actor: actor))
        }
        return JSONResponse(["stock_receipt": try await receiptJSON(id, allocation: allocated)])
    }

    @Sendable func listReceipts(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.useWorkspace)
        let status = request.uri.queryParameters.get("status")
        if let status, !["expected", "received", "inspected"].contains(status) {
            throw APIError.badRequest("status: expected (announced), received (awaiting inspection) or inspected")
        }
        let list = try await database.read { db in try await ReceiptStore(db: db).list(status: status) }
        return JSONResponse(["stock_receipts": .array(list.map(Self.present)), "count": .int(list.count)])
    }

    @Sendable func showReceipt(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.useWorkspace)
        return JSONResponse(["stock_receipt": try await receiptJSON(try context.parameters.id(), allocation: .null)])
    }

    // MARK: Orders

    @Sendable func createOrder(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.editTicketFields)
        let body = try await request.envelope("order", context: context)
        guard let customer = body["customer_id"]?.intValue else { throw APIError.invalid("customer_id", "Customer: required") }
        let lines = (body["lines"]?.arrayValue ?? []).map {
            OrderService.Line(sku: SKU($0["sku"]?.stringValue ?? ""), quantity: $0["quantity"]?.intValue ?? 0, priceMinor: $0["price"]?.intValue)
        }
        let id = try await orders.createOrder(customerID: customer, lines: lines, currency: body["currency"]?.stringValue ?? "EUR",
                                              shippingAddress: body["shipping_address"]?.stringValue ?? "",
                                              shippingMinor: body["shipping"]?.intValue ?? 0, externalID: body["external_id"]?.stringValue,
                                              ticketIDs: body["ticket_ids"]?.arrayValue?.compactMap(\.intValue) ?? [], actor: actor)
        return JSONResponse(["order": try await order(id)], status: .created)
    }

    func order(_ id: Int) async throws -> JSONValue {
        try await database.read { db in
            guard let row = try await db.raw("SELECT * FROM orders WHERE id = \(bind: id)").first() else { throw APIError.notFound() }
            let lines = try await db.raw("SELECT * FROM order_lines WHERE order_id = \(bind: id) ORDER BY id").all().map { l -> JSONValue in
                ["id": .int(try l.decode(column: "id", as: Int.self)), "sku": .string(try l.decode(column: "sku", as: String.self)),
                 "quantity": .int(try l.decode(column: "quantity", as: Int.self)), "price": .int(try l.decode(column: "price_minor", as: Int.self)),
                 "status": .string(try l.decode(column: "status", as: String.self)),
                 "returned_quantity": .int(try l.decode(column: "returned_quantity", as: Int.self)),
                 "cancel_reason": .string(try l.decode(column: "cancel_reason", as: String.self))]
            }
            let returns = try await db.raw("SELECT * FROM order_returns WHERE order_id = \(bind: id) ORDER BY id").all().map { r -> JSONValue in
                OrderLineChanges.present(.init(id: try r.decode(column: "id", as: Int.self), orderID: id, lineID: try r.decode(column: "line_id", as: Int.self),
                                               quantity: try r.decode(column: "quantity", as: Int.self), restocked: try r.decode(column: "restocked", as: Int.self),
                                               reason: try r.decode(column: "reason", as: String.self)))
            }
            // What to pick per shipment: a bundle's line is picked as its components.
            var picks: [Int: [JSONValue]] = [:]
            for l in try await db.raw("""
                SELECT sl.* FROM shipment_lines sl JOIN shipments s ON s.id = sl.shipment_id WHERE s.order_id = \(bind: id) ORDER BY sl.line_id, sl.sku
                """).all() {
                picks[try l.decode(column: "shipment_id", as: Int.self), default: []].append([
                    "line_id": .int(try l.decode(column: "line_id", as: Int.self)), "sku": .string(try l.decode(column: "sku", as: String.self)),
                    "quantity": .int(try l.decode(column: "quantity", as: Int.self))])
            }
            let shipments = try await db.raw("SELECT * FROM shipments WHERE order_id = \(bind: id) ORDER BY id").all().map { s -> JSONValue in
                let shipment = try s.decode(column: "id", as: Int.self)
                return ["id": .int(shipment), "status": .string(try s.decode(column: "status", as: String.self)),
                        "expedited": .bool(try s.decode(column: "expedited", as: Bool.self)), "lines": .array(picks[shipment] ?? [])]
            }
            return [
                "id": .int(id), "external_id": JSONValue(try row.decode(column: "external_id", as: String?.self)),
                "customer_id": .int(try row.decode(column: "customer_id", as: Int.self)),
                "currency": .string(try row.decode(column: "currency", as: String.self)), "lines": .array(lines), "shipments": .array(shipments), "returns": .array(returns),
                "ticket_ids": JSONValue(try await BackorderStore(db: db).tickets(orderID: id)),
                "created_at": JSONValue(Timestamp.date(try row.decode(column: "created_at", as: Int64.self))),
            ]
        }
    }

    @Sendable func showOrder(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.useWorkspace)
        return JSONResponse(["order": try await order(try context.parameters.id())])
    }

    // MARK: The backorder queue

    @Sendable func queue(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.useWorkspace)
        guard let sku = request.uri.queryParameters.get("sku"), !sku.isEmpty else {
            throw APIError.badRequest("Name the queue: /api/v2/backorders?sku=SKU")
        }
        let now = services.config.clock.now()
        let (entries, moves, names) = try await database.read { db in
            let store = BackorderStore(db: db)
            let entries = try await store.waiting(skus: [SKU(sku)])
            let names = Dictionary(uniqueKeysWithValues: try await UserStore(db: db).find(ids: entries.map(\.customerID)).map { ($0.id, $0.name) })
            return (entries, try await store.moves(entryIDs: entries.map(\.id)), names)
        }
        // The whole queue, or with `page`/`per_page` one page of it (positions count from the front either way).
        let query = request.uri.queryParameters
        var window = entries.indices
        var paging: (page: Int, perPage: Int)?
        if query.get("page") != nil || query.get("per_page") != nil, case .offset(let page, let perPage) = try Pagination(request) {
            let start = min((page - 1) * perPage, entries.count)
            window = start..<min(start + perPage, entries.count)
            paging = (page, perPage)
        }
        var body: JSONObject = ["backorders": .array(entries[window].enumerated().map { offset, e in
            let index = window.lowerBound + offset
            let (kind, substitutes) = BackorderStore.preferenceColumns(e.consent.preference)
            return [
                "id": .int(e.id), "position": .int(index + 1), "order_id": .int(e.orderID), "line_id": .int(e.lineID),
                "customer_id": .int(e.customerID), "customer": .string(names[e.customerID] ?? ""), "sku": .string(e.sku.rawValue),
                "quantity": .int(e.quantity), "waiting_minutes": .int(Int(max(0, now - e.createdAt) / 60_000)),
                "preference": ["kind": .string(kind), "substitutes": .string(substitutes), "partial_allowed": .bool(e.consent.partialAllowed),
                               "captured_by_id": JSONValue(e.consent.capturedByID), "by_customer": .bool(e.consent.byCustomer),
                               "captured_at": JSONValue(Timestamp.date(e.consent.capturedAt))],
                "moves": .array((moves[e.id] ?? []).map { m in
                    ["from": .int(m.from + 1), "to": .int(m.to + 1), "reason": .string(m.reason), "by": .string(m.actor),
                     "at": JSONValue(Timestamp.date(m.at))]
                }),
                "created_at": JSONValue(Timestamp.date(e.createdAt)),
            ]
        }), "count": .int(entries.count)]
        if let paging {
            PageLinks(request: request, path: "/api/v2/backorders").offset(into: &body, page: paging.page, perPage: paging.perPage, count: entries.count)
        }
        return JSONResponse(.object(body))
    }

    private func presentOrders(_ ids: [Int]) async throws -> [JSONValue] {
        var list: [JSONValue] = []
        for id in ids { list.append(try await order(id)) }
        return list
    }

    /// `GET /api/v2/orders[?customer_id=]`, newest last, in Zendesk's offset (`page`, `per_page`) or cursor
    /// (`page[size]`, `page[after]`) pages. Staff.
    @Sendable func listOrders(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.useWorkspace)
        let pagination = try Pagination(request)
        var filter: SQLQueryString = "WHERE 1 = 1"
        if let raw = request.uri.queryParameters.get("customer_id") {
            guard let customer = Int(raw) else { throw APIError.badRequest("customer_id must be a user id") }
            filter.appendInterpolation(" AND customer_id = \(bind: customer)" as SQLQueryString)
        }
        let links = PageLinks(request: request, path: "/api/v2/orders")
        var body: JSONObject = [:]
        switch pagination {
        case .offset(let page, let perPage):
            let (ids, count) = try await database.read { db in
                (try await db.raw("SELECT id FROM orders \(filter) ORDER BY id LIMIT \(literal: perPage) OFFSET \(literal: (page - 1) * perPage)").all()
                    .map { try $0.decode(column: "id", as: Int.self) },
                 try await db.raw("SELECT COUNT(*) AS n FROM orders \(filter)").first()!.decode(column: "n", as: Int.self))
            }
            body["orders"] = .array(try await presentOrders(ids))
            links.offset(into: &body, page: page, perPage: perPage, count: count)
        case .cursor(let size, let after, _):
            let ids = try await database.read { db in
                try await db.raw("SELECT id FROM orders \(filter) AND id > \(bind: after ?? 0) ORDER BY id LIMIT \(literal: size + 1)").all()
                    .map { try $0.decode(column: "id", as: Int.self) }
            }
            body["orders"] = .array(try await presentOrders(Array(ids.prefix(size))))
            links.cursor(into: &body, size: size, firstID: ids.first, lastID: ids.prefix(size).last, hasMore: ids.count > size, hasPrevious: after != nil)
        }
        return JSONResponse(.object(body))
    }

    @Sendable func move(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.useWorkspace)
        let id = try context.parameters.id()
        let body = try await request.envelope("move", context: context)
        let to = body["to"]?.stringValue ?? body["to"]?.intValue.map { String($0 - 1) } ?? ""
        let record = try await orders.move(entryID: id, to: to, reason: body["reason"]?.stringValue ?? "", actor: actor)
        return JSONResponse(["move": ["entry_id": .int(record.entryID), "from": .int(record.fromIndex + 1), "to": .int(record.toIndex + 1),
                                      "reason": .string(record.reason)]])
    }

    /// Staff record a preference on the customer's behalf; a customer states their own (other entries are not found).
    @Sendable func preference(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.requireActor()
        if actor.role.isStaff { _ = try context.require(.editTicketFields) }
        let id = try context.parameters.id()
        let body = try await request.envelope("preference", context: context)
        let preference: Preference
        switch body["kind"]?.stringValue {
        case "wait": preference = .wait
        case "cancel_and_refund": preference = .cancelAndRefund
        case "accept_substitutes":
            if let list = body["substitutes"]?.arrayValue?.compactMap(\.stringValue), !list.isEmpty {
                preference = .acceptSubstitutes(.skus(Set(list.map { SKU($0) })))
            } else {
                preference = .acceptSubstitutes(.anyVariantOfProduct)
            }
        default: throw APIError.invalid("kind", "Kind: wait, cancel_and_refund or accept_substitutes")
        }
        try await orders.setPreference(entryID: id, preference, partialAllowed: body["partial_allowed"]?.boolValue ?? false,
                                       byCustomer: !actor.role.isStaff || body["by_customer"]?.boolValue == true, actor: actor)
        return Response(status: .noContent)
    }

    // MARK: Allocation

    static func present(_ plan: AllocationPlan) -> JSONValue {
        [
            "allocations": .array(plan.allocations.map { a in
                ["entry_id": .int(a.entryID), "lines": .array(a.lines.map { ["sku": .string($0.sku.rawValue), "quantity": .int($0.quantity)] }),
                 "partial": .bool(a.isPartial), "substitute": .bool(a.usedSubstitute)]
            }),
            "skipped": .array(plan.skipped.map { ["entry_id": .int($0.entryID), "reason": .string($0.reason.description)] }),
            "refunds": JSONValue(plan.refunds),
            "not_reached": .int(plan.notReached),
            "remaining_stock": .object(JSONObject(Dictionary(uniqueKeysWithValues: plan.remainingStock.map { ($0.key.rawValue, JSONValue.int($0.value)) }))),
            "preview": .string(plan.preview),
        ]
    }

    @Sendable func allocate(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.useWorkspace)
        let body = try await request.envelope("allocation", context: context)
        let commit = body["commit"]?.boolValue ?? false
        if commit, !actor.role.allows(.reorderQueues) {
            throw APIError.forbidden("Committing an allocation takes a lead or above; anyone on staff may preview it")
        }
        let skus = body["skus"]?.arrayValue?.compactMap(\.stringValue).map { SKU($0) } ?? []
        let plan = try await orders.allocate(skus: skus, commit: commit, actor: actor)
        return JSONResponse(["allocation": Self.present(plan), "committed": .bool(commit)])
    }
}
