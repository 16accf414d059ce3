import CasebookCore
import Foundation
import Hummingbird
import SQLKit

/// `/api/v2/backorders/delay_notices` (send or preview a delay notice to everyone waiting on a SKU; list those sent)
/// and `/api/v2/users/{id}/incentives`, in the API's Zendesk-style conventions.
struct DelayNoticeRoutes: Sendable {
    let services: CasebookServices
    var database: Database { services.database }
    var orders: OrderService { OrderService(tickets: services.tickets, clock: services.config.clock) }

    func register(on api: RouterGroup<CasebookContext>) {
        api.post("backorders/delay_notices", use: send)
        api.get("backorders/delay_notices", use: list)
        api.get("users/:id/incentives", use: incentives)
    }

    /// `{"delay_notice": {"sku", "body" (a Mustache template; Casebook's own when left out), "incentive":
    /// {"type": "store_credit", "amount": "10.00", "currency": "EUR"} or {"type": "discount_code", "code"?, "description"?},
    /// "dry_run"}}`. A dry run answers 200 with the texts; a send answers 201.
    @Sendable func send(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.manageInventory)
        let body = try await request.envelope("delay_notice", context: context)
        guard let sku = body["sku"]?.stringValue, !sku.isEmpty else { throw APIError.invalid("sku", "SKU: required", error: "BlankValue") }
        let offer = try Self.offer(body["incentive"])
        let outcome = try await orders.sendDelayNotice(DelayNoticeRequest(
            sku: SKU(sku), template: body["body"]?.stringValue ?? DelayNoticeText.defaultTemplate, offer: offer,
            dryRun: body["dry_run"]?.boolValue ?? false), actor: actor)
        return JSONResponse(["delay_notice": Self.present(outcome)], status: outcome.noticeID == nil ? .ok : .created)
    }

    static func offer(_ value: JSONValue?) throws -> DelayNoticeRequest.Offer? {
        guard let value, !value.isNull else { return nil }
        switch value["type"]?.stringValue {
        case "store_credit":
            let currency = (value["currency"]?.stringValue ?? "").uppercased()
            let amount = value["amount"]?.stringValue ?? value["amount"]?.intValue.map(String.init) ?? ""
            guard let minor = OrderDetailRoutes.minorUnits(amount, currency: currency) else {
                throw APIError.invalid("incentive.amount", "Incentive: amount as a decimal such as \"10.00\"")
            }
            return .storeCredit(Money(minor: minor, currency: currency))
        case "discount_code":
            let code = value["code"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
            return .discountCode(code: code, description: value["description"]?.stringValue ?? "")
        default:
            throw APIError.invalid("incentive.type", "Incentive: type store_credit or discount_code")
        }
    }

    static func present(_ incentive: Incentive) -> JSONValue {
        switch incentive {
        case .storeCredit(let money):
            ["type": "store_credit", "amount_minor": .int(money.minor), "currency": .string(money.currency), "text": .string(incentive.text)]
        case .discountCode(let code, let description):
            ["type": "discount_code", "code": .string(code), "description": .string(description), "text": .string(incentive.text)]
        }
    }

    static func present(_ outcome: DelayNoticeOutcome) -> JSONValue {
        ["id": JSONValue(outcome.noticeID), "sku": .string(outcome.sku.rawValue), "dry_run": .bool(outcome.noticeID == nil),
         "recipients_count": .int(outcome.recipients.count),
         "recipients": .array(outcome.recipients.map { r in
             ["backorder_id": .int(r.entryID), "order_id": .int(r.orderID), "customer_id": .int(r.customerID),
              "customer_name": .string(r.customerName), "position": .int(r.position), "quantity": .int(r.quantity),
              "expected_at": JSONValue(r.expectedAt.map(Timestamp.date)), "incentive": r.incentive.map(present) ?? .null,
              "body": .string(r.body), "ticket_id": JSONValue(r.ticketID)]
         })]
    }

    /// The notices sent for a SKU (or all), newest first.
    @Sendable func list(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.useWorkspace)
        let sku = request.uri.queryParameters.get("sku")
        let rows = try await database.read { db in
            let filter: SQLQueryString = sku.map { "WHERE sku = \(bind: $0)" } ?? ""
            return try await db.raw("SELECT * FROM delay_notices \(filter) ORDER BY id DESC LIMIT 100").all()
        }
        let notices: [JSONValue] = try rows.map { row in
            ["id": .int(try row.decode(column: "id", as: Int.self)), "sku": .string(try row.decode(column: "sku", as: String.self)),
             "body": .string(try row.decode(column: "body", as: String.self)),
             "incentive_type": JSONValue(try row.decode(column: "incentive_kind", as: String?.self)),
             "recipients_count": .int(try row.decode(column: "recipients", as: Int.self)),
             "sent_by_id": .int(try row.decode(column: "sent_by_id", as: Int.self)),
             "sent_at": JSONValue(Timestamp.date(try row.decode(column: "sent_at", as: Int64.self)))]
        }
        return JSONResponse(["delay_notices": .array(notices), "count": .int(notices.count)])
    }

    /// The incentives a customer was given (staff only).
    @Sendable func incentives(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.viewAllTickets)
        let id = try context.parameters.id()
        let list = try await database.read { db -> [IncentiveRecord] in
            guard try await UserStore(db: db).find(id: id) != nil else { throw APIError.notFound() }
            return try await IncentiveStore(db: db).list(userID: id)
        }
        return JSONResponse(["incentives": .array(list.map { r in
            guard case .object(var object) = Self.present(r.incentive) else { return .null }
            object["id"] = .int(r.id)
            object["user_id"] = .int(r.userID)
            object["order_id"] = JSONValue(r.orderID)
            object["delay_notice_id"] = JSONValue(r.noticeID)
            object["created_by_id"] = .int(r.createdByID)
            object["created_at"] = JSONValue(Timestamp.date(r.createdAt))
            return .object(object)
        }), "count": .int(list.count)])
    }
}
