import CasebookCore
import Foundation
import Hummingbird
import SQLKit

/// `/api/v2/orders/{id}/refunds`, `/refunds` (the approvals queue), `/fulfilment_errors`, `/shipments/{id}/ship` and
/// `/order_events`, in the API's Zendesk-style conventions.
struct RefundRoutes: Sendable {
    let services: CasebookServices
    var database: Database { services.database }
    var orders: OrderService { OrderService(tickets: services.tickets, clock: services.config.clock) }
    var refunds: RefundService { RefundService(orders: orders, limits: services.config.refundLimits) }
    var fulfilment: FulfilmentService { FulfilmentService(orders: orders, refunds: refunds) }

    func register(on api: RouterGroup<CasebookContext>) {
        api.get("orders/:id/refunds", use: listOrderRefunds)
        api.post("orders/:id/refunds", use: createRefund)
        api.get("refunds", use: listRefunds)
        api.get("refunds/:id", use: showRefund)
        api.post("refunds/:id/approve", use: { try await decide($0, $1, approve: true) })
        api.post("refunds/:id/decline", use: { try await decide($0, $1, approve: false) })
        api.get("fulfilment_errors", use: listErrors)
        api.post("fulfilment_errors", use: recordError)
        api.get("fulfilment_errors/report", use: report)
        api.post("shipments/:id/ship", use: ship)
        api.get("order_events", use: events)
        api.post("imports/shopify_orders", use: importShopify)
    }

    /// `POST /api/v2/imports/shopify_orders[?dry_run=true]` with a Shopify order export (CSV) as the body.
    @Sendable func importShopify(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.manageInventory)
        let dryRun = ["true", "1"].contains(request.uri.queryParameters.get("dry_run") ?? "")
        let buffer = try await request.collectedBody(upTo: 64 << 20, tooLarge: "An export of at most 64 MB")
        let report = try await ShopifyImport(orders: orders).run(String(decoding: buffer.readableBytesView, as: UTF8.self), dryRun: dryRun, actor: actor)
        if report.result.fileError != nil || !report.result.rejected.isEmpty {
            let why = report.result.fileError ?? "\(report.result.rejected.count) problems in the file; nothing was imported"
            return JSONResponse(["error": "RecordInvalid", "description": .string(why), "import": report.json], status: .unprocessableContent)
        }
        return JSONResponse(["import": report.json], status: dryRun ? .ok : .created)
    }

    static func present(_ r: RefundRecord) -> JSONValue {
        [
            "id": .int(r.id), "order_id": .int(r.orderID), "kind": .string(r.kind),
            "lines": .array(r.lines.sorted { $0.key < $1.key }.map { ["line_id": .int($0.key), "quantity": .int($0.value)] }),
            "amount": .int(r.amount.minor), "currency": .string(r.amount.currency), "amount_text": .string(r.amount.text),
            "reason": .string(r.reason.apiName), "note": .string(r.note), "status": .string(r.status),
            "approver_role": JSONValue(r.approverRole?.rawValue), "requested_by_id": .int(r.requestedByID),
            "decided_by_id": JSONValue(r.decidedByID), "decided_at": JSONValue(r.decidedAt.map(Timestamp.date)),
            "decline_reason": .string(r.declineReason), "ticket_id": JSONValue(r.ticketID), "created_at": JSONValue(Timestamp.date(r.createdAt)),
        ]
    }

    /// Reads a `refund` object: kind, lines, amount (minor units), reason, note, ticket_id.
    static func refundInput(_ body: JSONObject) throws -> RefundInput {
        let reasonName = body["reason"]?.stringValue ?? ""
        guard let reason = RefundReason(apiName: reasonName) else {
            throw APIError.invalid("reason", "Reason: one of \(RefundReason.allCases.map(\.apiName).joined(separator: ", "))")
        }
        var lines: [Int: Int] = [:]
        for line in body["lines"]?.arrayValue ?? [] {
            guard let id = line["line_id"]?.intValue, let quantity = line["quantity"]?.intValue else {
                throw APIError.invalid("lines", "Lines: a list of {line_id, quantity}")
            }
            lines[id, default: 0] += quantity
        }
        if let raw = body["amount"], !raw.isNull, raw.intValue == nil {
            throw APIError.invalid("amount", "Amount: a whole number of minor units (1250 is 12.50)")
        }
        return RefundInput(kind: body["kind"]?.stringValue ?? (lines.isEmpty ? "amount" : "lines"), lines: lines,
                           amountMinor: body["amount"]?.intValue, reason: reason, note: body["note"]?.stringValue ?? "",
                           ticketID: body["ticket_id"]?.intValue)
    }

    // MARK: Refunds

    @Sendable func createRefund(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.editTicketFields)
        let orderID = try context.parameters.id()
        let input = try Self.refundInput(try await request.envelope("refund", context: context))
        let record = try await database.write { db in try await refunds.create(input, orderID: orderID, actor: actor, db: db) }
        return JSONResponse(["refund": Self.present(record)], status: .created)
    }

    @Sendable func listOrderRefunds(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.useWorkspace)
        let orderID = try context.parameters.id()
        let (list, order) = try await database.read { db in
            (try await RefundStore(db: db).list(orderID: orderID), try await refunds.refundable(orderID: orderID, db: db))
        }
        return JSONResponse(["refunds": .array(list.map(Self.present)), "count": .int(list.count),
                             "refundable": .int(order.remainingMinor), "currency": .string(order.currency)])
    }

    /// The approvals queue: `?status=requested` (the default) lists what waits for a decision.
    @Sendable func listRefunds(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.useWorkspace)
        let status = request.uri.queryParameters.get("status") ?? "requested"
        guard ["requested", "approved", "declined"].contains(status) else {
            throw APIError.badRequest("status is requested, approved or declined")
        }
        let list = try await database.read { db in try await RefundStore(db: db).list(status: status) }
        return JSONResponse(["refunds": .array(list.map(Self.present)), "count": .int(list.count)])
    }

    @Sendable func showRefund(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.useWorkspace)
        let id = try context.parameters.id()
        guard let record = try await database.read({ db in try await RefundStore(db: db).find(id: id) }) else { throw APIError.notFound() }
        return JSONResponse(["refund": Self.present(record)])
    }

    func decide(_ request: Request, _ context: CasebookContext, approve: Bool) async throws -> Response {
        let actor = try context.require(.approveExceptions)
        let id = try context.parameters.id()
        let body = try await request.optionalJSON(context: context)
        let reason = body["refund"]?["reason"]?.stringValue ?? body["reason"]?.stringValue ?? ""
        let record = try await refunds.decide(refundID: id, approve: approve, reason: reason, actor: actor)
        return JSONResponse(["refund": Self.present(record)])
    }

    // MARK: Fulfilment errors

    @Sendable func recordError(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.editTicketFields)
        let body = try await request.envelope("fulfilment_error", context: context)
        guard let orderID = body["order_id"]?.intValue else { throw APIError.invalid("order_id", "Order: required", error: "BlankValue") }
        guard let lineID = body["line_id"]?.intValue else { throw APIError.invalid("line_id", "Line: required", error: "BlankValue") }
        guard let kind = (body["kind"]?.stringValue).flatMap(FulfilmentError.Kind.init(apiName:)) else {
            throw APIError.invalid("kind", "Kind: one of wrong_item, damaged, missing")
        }
        var units: Int?
        if let replacement = body["replacement"]?.objectValue {
            units = replacement["quantity"]?.intValue ?? 1
        }
        let refund = try body["refund"]?.objectValue.map(Self.refundInput)
        let outcome = try await fulfilment.record(.init(orderID: orderID, lineID: lineID, kind: kind, station: body["station"]?.stringValue ?? "",
                                                        packerID: body["packer_id"]?.intValue, rootCause: body["root_cause"]?.stringValue ?? "",
                                                        ticketID: body["ticket_id"]?.intValue, replacementUnits: units, refund: refund), actor: actor)
        return JSONResponse(["fulfilment_error": [
            "id": .int(outcome.errorID), "order_id": .int(orderID), "line_id": .int(lineID), "kind": .string(kind.apiName),
            "replacement_shipment_id": JSONValue(outcome.shipmentID), "refund": outcome.refund.map(Self.present) ?? .null,
        ]], status: .created)
    }

    @Sendable func listErrors(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.useWorkspace)
        let orderID = request.uri.queryParameters.get("order_id").flatMap { Int($0) }
        let filter: SQLQueryString = orderID.map { "WHERE order_id = \(bind: $0)" } ?? ""
        let rows = try await database.read { db in try await db.raw("SELECT * FROM fulfilment_errors \(filter) ORDER BY id LIMIT 1000").all() }
        return JSONResponse(["fulfilment_errors": .array(try rows.map { row -> JSONValue in
            [
                "id": .int(try row.decode(column: "id", as: Int.self)), "order_id": .int(try row.decode(column: "order_id", as: Int.self)),
                "line_id": .int(try row.decode(column: "line_id", as: Int.self)),
                "kind": .string(FulfilmentError.Kind(rawValue: try row.decode(column: "kind", as: String.self))?.apiName ?? ""),
                "station": .string(try row.decode(column: "station", as: String.self)), "packer_id": JSONValue(try row.decode(column: "packer_id", as: Int?.self)),
                "root_cause": .string(try row.decode(column: "root_cause", as: String.self)),
                "recorded_by_id": .int(try row.decode(column: "recorded_by_id", as: Int.self)),
                "ticket_id": JSONValue(try row.decode(column: "ticket_id", as: Int?.self)),
                "replacement_shipment_id": JSONValue(try row.decode(column: "replacement_shipment_id", as: Int?.self)),
                "refund_id": JSONValue(try row.decode(column: "refund_id", as: Int?.self)),
                "created_at": JSONValue(Timestamp.date(try row.decode(column: "created_at", as: Int64.self))),
            ]
        }), "count": .int(rows.count)])
    }

    @Sendable func report(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.viewTeamBoard)
        let (stations, causes) = try await fulfilment.report()
        return JSONResponse(["fulfilment_error_report": [
            "by_station": .array(stations.map { s in
                ["station": .string(s.station), "kind": .string(s.kind.apiName), "count": .int(s.count), "shipped_lines": .int(s.shippedLines),
                 "rate": s.rate.map { .double($0) } ?? .null]
            }),
            "by_root_cause": .array(causes.map { c in
                ["root_cause": .string(c.rootCause), "kind": .string(c.kind.apiName), "count": .int(c.count), "share": .double(c.share)]
            }),
        ]])
    }

    // MARK: Shipments and events

    @Sendable func ship(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.manageInventory)
        let id = try context.parameters.id()
        let body = try await request.envelope("shipment", context: context)
        let orderID = try await fulfilment.ship(shipmentID: id, carrier: body["carrier"]?.stringValue ?? "", tracking: body["tracking"]?.stringValue ?? "",
                                                station: body["station"]?.stringValue ?? "", actor: actor)
        return JSONResponse(["order": try await OrderRoutes(services: services).order(orderID)])
    }

    /// Webhook-ready events in order: `?since_id=` the last one a consumer saw.
    @Sendable func events(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.viewAllTickets)
        let since = request.uri.queryParameters.get("since_id").flatMap { Int($0) } ?? 0
        let rows = try await database.read { db in
            try await db.raw("SELECT * FROM order_events WHERE id > \(bind: since) ORDER BY id LIMIT 1000").all()
        }
        let list = try rows.map { row -> JSONValue in
            [
                "id": .int(try row.decode(column: "id", as: Int.self)), "event": .string(try row.decode(column: "event", as: String.self)),
                "order_id": .int(try row.decode(column: "order_id", as: Int.self)),
                "payload": (try? JSONValue.parse(Array(try row.decode(column: "payload", as: String.self).utf8))) ?? .null,
                "created_at": JSONValue(Timestamp.date(try row.decode(column: "created_at", as: Int64.self))),
            ]
        }
        return JSONResponse(["order_events": .array(list), "count": .int(list.count), "end_of_stream": .bool(list.count < 1000)])
    }
}
