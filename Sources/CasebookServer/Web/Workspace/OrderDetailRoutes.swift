import CasebookCore
import Foundation
import Hummingbird
import SQLKit

/// An order's page, opened from the ticket's customer card (`?ticket=` keeps the ticket in the loop): its lines and
/// their place in the queue, shipments, refunds; an agent gives a refund (over their limit it becomes a request) or
/// records the customer's backorder preference there.
struct OrderDetailRoutes: Sendable {
    let services: CasebookServices
    let renderer: PageRenderer
    var orders: OrderService { OrderService(tickets: services.tickets, clock: services.config.clock) }

    struct Page: Sendable {
        struct Line: Sendable {
            var id: Int
            var sku: String
            var quantity: Int
            var price: String
            var status: String
            var refunded: String?
            var waiting: Waiting?
        }
        struct Waiting: Sendable { var orderID: Int; var entryID: Int; var position: Int; var preference: String; var sku: String }
        struct Shipment: Sendable { var id: Int; var status: String; var expedited: Bool; var carrier: String; var tracking: String; var items: String }
        struct Refund: Sendable { var id: Int; var amount: String; var reason: String; var status: String; var note: String; var at: String }
        struct Choice: Sendable { var value: String; var label: String }
        var chrome: Chrome
        var id: Int
        var externalID: String?
        var customerID: Int
        var customer: String
        var created: String
        var address: String
        var shipping: String
        var total: String
        var lines: [Line]
        var shipments: [Shipment]
        var hasShipments: Bool
        var refunds: [Refund]
        var hasRefunds: Bool
        var tickets: [Int]
        var ticketID: Int?
        var canAct: Bool
        var reasons: [Choice]
        var form: [String: String]
    }

    func register(on web: RouterGroup<CasebookContext>) {
        web.get("agent/orders/:id", use: show)
        web.post("agent/orders/:id/refunds", use: refund)
        web.post("agent/orders/:id/preference", use: preference)
    }

    @Sendable func show(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.useWorkspace)
        let query = request.uri.queryParameters
        let ticketID = query.get("ticket").flatMap { Int($0) }
        var notices: [String] = []
        if let id = query.get("refunded").flatMap({ Int($0) }) { notices.append("Refund #\(id) given and recorded on the order's tickets.") }
        if let id = query.get("requested").flatMap({ Int($0) }) {
            notices.append("Refund #\(id) is over your limit: it waits on the approvals page for someone whose limit covers it.")
        }
        if query.get("preference") != nil { notices.append("Preference recorded on the order's tickets.") }
        return try await page(id: try context.parameters.id(), ticketID: ticketID, actor: actor, context: context, notices: notices)
    }

    func page(id: Int, ticketID: Int?, actor: Actor, context: CasebookContext, errors: [String] = [], notices: [String] = [],
              form: [String: String] = [:], status: HTTPResponse.Status = .ok) async throws -> Response {
        let (order, customer) = try await services.database.read { db -> (OrderDetail?, String) in
            guard let order = try await OrderReads(db: db).detail(id: id) else { return (nil, "") }
            return (order, try await UserStore(db: db).find(id: order.customerID)?.name ?? "#\(order.customerID)")
        }
        guard let order else { throw WebError(.notFound, "No order \(id).") }
        var chrome = Chrome(title: "Order #\(id)", context: context)
        chrome.errors = errors
        chrome.notices = notices
        let lines = order.lines.map { l in
            Page.Line(id: l.id, sku: l.sku, quantity: l.quantity, price: l.price.text, status: l.status, refunded: l.refundedQuantity > 0 ? "\(l.refundedQuantity) refunded" : nil,
                      waiting: l.waiting.map { .init(orderID: id, entryID: $0.entryID, position: $0.position, preference: OrderPageRoutes.words($0.preference), sku: l.sku) })
        }
        let page = Page(
            chrome: chrome, id: id, externalID: order.externalID, customerID: order.customerID, customer: customer,
            created: PageTime.text(order.createdAt), address: order.shippingAddress, shipping: order.shipping.text, total: order.total.text,
            lines: lines,
            shipments: order.shipments.map { .init(id: $0.id, status: $0.status, expedited: $0.expedited, carrier: $0.carrier, tracking: $0.tracking, items: $0.items) },
            hasShipments: !order.shipments.isEmpty,
            refunds: order.refunds.map { .init(id: $0.id, amount: $0.amount.text, reason: $0.reason.words, status: $0.status, note: $0.note, at: PageTime.text($0.createdAt)) },
            hasRefunds: !order.refunds.isEmpty, tickets: order.ticketIDs, ticketID: ticketID,
            canAct: actor.role.allows(.editTicketFields),
            reasons: RefundReason.allCases.map { .init(value: $0.apiName, label: $0.words) }, form: form)
        return renderer.page("order", page, status: status)
    }

    private func back(_ id: Int, ticketID: Int?, _ flag: String) -> Response {
        seeOther("/agent/orders/\(id)?\(flag)" + (ticketID.map { "&ticket=\($0)" } ?? ""))
    }

    /// The form posts `kind` (full, lines, shipping, amount), `line_id` + `quantity` for a line, `amount` as money
    /// ("12.50"), `reason`, `note`, and `ticket` (the ticket the agent came from, which the refund is recorded on).
    @Sendable func refund(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.editTicketFields)
        let id = try context.parameters.id()
        let form = context.form ?? QueryItems(nil)
        let ticketID = Int(form["ticket"] ?? "")
        let fields = ["kind", "line_id", "quantity", "amount", "reason", "note"].reduce(into: [String: String]()) { $0[$1] = form[$1] ?? "" }
        do {
            let record = try await services.database.write { db -> RefundRecord in
                let service = RefundService(orders: orders, limits: services.config.refundLimits)
                guard let reason = RefundReason(apiName: fields["reason"]!) else {
                    throw APIError.invalid("reason", "Reason: choose why the money goes back")
                }
                var lines: [Int: Int] = [:]
                if fields["kind"] == "lines" {
                    guard let line = Int(fields["line_id"]!), let quantity = Int(fields["quantity"]!), quantity > 0 else {
                        throw APIError.invalid("lines", "Line: choose the line and how many units (1 or more)")
                    }
                    lines[line] = quantity
                }
                var amount: Int?
                if fields["kind"] == "amount" {
                    let order = try await service.refundable(orderID: id, db: db)
                    guard let minor = Self.minorUnits(fields["amount"]!, currency: order.currency) else {
                        throw APIError.invalid("amount", "Amount: a sum such as 12.50")
                    }
                    amount = minor
                }
                return try await service.create(RefundInput(kind: fields["kind"]!, lines: lines, amountMinor: amount, reason: reason,
                                                            note: fields["note"]!, ticketID: ticketID), orderID: id, actor: actor, db: db)
            }
            return back(id, ticketID: ticketID, record.status == "approved" ? "refunded=\(record.id)" : "requested=\(record.id)")
        } catch let error as APIError where error.status == .unprocessableContent {
            return try await page(id: id, ticketID: ticketID, actor: actor, context: context, errors: error.messages, form: fields,
                                  status: .unprocessableContent)
        } catch let error as APIError where error.status == .notFound {
            throw WebError(.notFound, error.messages.first ?? "No order \(id).")
        }
    }

    /// The form posts `entry_id`, `kind` (wait, cancel_and_refund, accept_substitutes), `partial` and `by_customer`.
    @Sendable func preference(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.editTicketFields)
        let id = try context.parameters.id()
        let form = context.form ?? QueryItems(nil)
        let ticketID = Int(form["ticket"] ?? "")
        let preference: Preference
        switch form["kind"] {
        case "wait": preference = .wait
        case "cancel_and_refund": preference = .cancelAndRefund
        case "accept_substitutes": preference = .acceptSubstitutes(.anyVariantOfProduct)
        default:
            return try await page(id: id, ticketID: ticketID, actor: actor, context: context,
                                  errors: ["Preference: wait, a refund, or any variant"], status: .unprocessableContent)
        }
        guard let entryID = Int(form["entry_id"] ?? "") else { throw WebError(.notFound, "No such backorder.") }
        do {
            try await orders.setPreference(entryID: entryID, preference, partialAllowed: form["partial"] == "on",
                                           byCustomer: form["by_customer"] == "on", actor: actor)
        } catch let error as APIError where error.status == .notFound {
            throw WebError(.notFound, "That line is no longer waiting.")
        }
        return back(id, ticketID: ticketID, "preference=\(entryID)")
    }

    /// "12.50", "12,5" or "12" in the currency's minor units; nil when it is not a sum of money.
    static func minorUnits(_ text: String, currency: String) -> Int? {
        let places = Money.decimals(for: currency)
        let parts = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".").split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int(parts[0]), whole >= 0 else { return nil }
        var fraction = parts.count == 2 ? String(parts[1]) : ""
        guard fraction.count <= places, fraction.allSatisfy(\.isASCII), fraction.allSatisfy(\.isNumber) else { return nil }
        fraction += String(repeating: "0", count: places - fraction.count)
        var scale = 1
        for _ in 0..<places { scale *= 10 }
        return whole * scale + (Int(fraction) ?? 0)
    }
}
