import CasebookCore
import Foundation
import Hummingbird
import SQLKit

/// The customer's orders in the portal: each line's state, where they stand in a backorder queue, and the choice of
/// waiting, taking another variant now, or a refund (given at once), stated by the customer themselves.
struct PortalOrderRoutes: Sendable {
    let services: CasebookServices
    let renderer: PageRenderer
    var orders: OrderService { OrderService(tickets: services.tickets, clock: services.config.clock) }

    struct Page: Sendable {
        struct Order: Sendable { var id: Int; var created: String; var total: String; var lines: [Line]; var shipments: [String] }
        struct Line: Sendable { var sku: String; var quantity: Int; var status: String; var waiting: Waiting? }
        struct Waiting: Sendable {
            var orderID: Int; var entryID: Int; var position: Int; var preference: String
            var wait: Bool; var substitutes: Bool; var partial: Bool
        }
        var chrome: Chrome
        var orders: [Order]
    }

    func register(on web: RouterGroup<CasebookContext>) {
        web.get("portal/orders", use: list)
        web.post("portal/orders/:id/preference", use: preference)
    }

    @Sendable func list(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.usePortal)
        var notices: [String] = []
        if request.uri.queryParameters.get("refunded") != nil { notices.append("Your refund is on its way; that item is cancelled.") }
        if request.uri.queryParameters.get("saved") != nil { notices.append("Thank you: we will follow your choice.") }
        return try await page(actor: actor, context: context, notices: notices)
    }

    func page(actor: Actor, context: CasebookContext, errors: [String] = [], notices: [String] = [],
              status: HTTPResponse.Status = .ok) async throws -> Response {
        let list = try await services.database.read { db in try await OrderReads(db: db).orders(customerID: actor.id, limit: 50) }
        var chrome = Chrome(title: "Your orders", context: context)
        chrome.errors = errors
        chrome.notices = notices
        let orders = list.map { o in
            Page.Order(id: o.id, created: PageTime.text(o.createdAt), total: o.total.text, lines: o.lines.map { l in
                Page.Line(sku: l.sku, quantity: l.quantity, status: Self.words(l.status), waiting: l.waiting.map { w in
                    let effective = w.preference.effectivePreference
                    let substitutes = if case .acceptSubstitutes = effective { true } else { false }
                    return Page.Waiting(orderID: o.id, entryID: w.entryID, position: w.position,
                                        preference: OrderPageRoutes.words(w.preference), wait: !substitutes, substitutes: substitutes,
                                        partial: w.preference.effectivePartialAllowed)
                })
            }, shipments: o.shipments.map { s in
                "\(s.items): \(Self.words(s.status))" + (s.carrier.isEmpty ? "" : " with \(s.carrier)") + (s.tracking.isEmpty ? "" : ", tracking \(s.tracking)")
            })
        }
        return renderer.page("portal-orders", Page(chrome: chrome, orders: orders), status: status)
    }

    static func words(_ status: String) -> String {
        switch status {
        case "backordered": "waiting for stock"
        case "allocated": "reserved for you, being packed"
        case "ready": "ready to ship"
        default: status
        }
    }

    /// The form posts `entry_id`, `kind` (wait, accept_substitutes, cancel_and_refund) and `partial`.
    @Sendable func preference(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.usePortal)
        let form = context.form ?? QueryItems(nil)
        let preference: Preference
        switch form["kind"] {
        case "wait": preference = .wait
        case "accept_substitutes": preference = .acceptSubstitutes(.anyVariantOfProduct)
        case "cancel_and_refund": preference = .cancelAndRefund
        default: return try await page(actor: actor, context: context, errors: ["Choose what you would like us to do."], status: .unprocessableContent)
        }
        // Another customer's entry is "not found" (the service checks it is theirs).
        guard let entryID = Int(form["entry_id"] ?? "") else { throw WebError(.notFound, "That item is no longer waiting.") }
        do {
            try await orders.setPreference(entryID: entryID, preference, partialAllowed: form["partial"] == "on", byCustomer: true, actor: actor)
        } catch let error as APIError where error.status == .notFound {
            throw WebError(.notFound, "That item is no longer waiting.")
        }
        return seeOther(preference == .cancelAndRefund ? "/portal/orders?refunded=\(entryID)" : "/portal/orders?saved=\(entryID)")
    }
}
