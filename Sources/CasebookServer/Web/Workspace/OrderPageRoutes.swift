import CasebookCore
import Foundation
import Hummingbird
import SQLKit

/// The backorder queue board per SKU (leads move customers with a reason: a form per row, drag and keyboard with
/// the script) and the refund approvals queue.
struct OrderPageRoutes: Sendable {
    let services: CasebookServices
    let renderer: PageRenderer
    var orders: OrderService { OrderService(tickets: services.tickets, clock: services.config.clock) }

    struct QueuesPage: Sendable {
        struct Queue: Sendable { var sku: String; var entries: Int; var units: Int }
        var chrome: Chrome
        var queues: [Queue]
        var hasQueues: Bool
    }

    struct BoardPage: Sendable {
        struct Row: Sendable {
            var id: Int
            var position: Int
            var customer: String
            var orderID: Int
            var quantity: Int
            var waiting: String
            var preference: String
            var moves: [String]
            var hasMoves: Bool
        }
        var chrome: Chrome
        var sku: String
        var rows: [Row]
        var hasRows: Bool
        var canReorder: Bool
        var count: Int
        /// The delay notice form (leads): the text as typed, and a preview of what each customer would get.
        var notice: DelayNoticeForm
    }

    struct ApprovalsPage: Sendable {
        struct Row: Sendable {
            var id: Int
            var orderID: Int
            var amount: String
            var reason: String
            var note: String
            var requestedBy: String
            var approver: String
            var requestedAt: String
        }
        var chrome: Chrome
        var rows: [Row]
        var hasRows: Bool
    }

    func register(on web: RouterGroup<CasebookContext>) {
        web.get("agent/backorders", use: queues)
        web.get("agent/backorders/:sku", use: board)
        web.post("agent/backorders/:sku/move", use: move)
        web.post("agent/backorders/:sku/delay_notice", use: delayNotice)
        web.get("agent/refunds", use: approvals)
        web.post("agent/refunds/:id/approve", use: { try await decide($0, $1, approve: true) })
        web.post("agent/refunds/:id/decline", use: { try await decide($0, $1, approve: false) })
    }

    @Sendable func queues(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.useWorkspace)
        let rows = try await services.database.read { db in
            try await db.raw("""
                SELECT sku, COUNT(*) AS entries, CAST(SUM(quantity) AS BIGINT) AS units FROM backorder_entries
                WHERE status = 'waiting' GROUP BY sku ORDER BY sku
                """).all()
        }
        let queues = try rows.map {
            QueuesPage.Queue(sku: try $0.decode(column: "sku", as: String.self), entries: try $0.decode(column: "entries", as: Int.self),
                             units: try $0.decode(column: "units", as: Int.self))
        }
        return renderer.page("backorder-queues", QueuesPage(chrome: Chrome(title: "Backorders", context: context), queues: queues,
                                                           hasQueues: !queues.isEmpty))
    }

    @Sendable func board(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.useWorkspace)
        let notified = request.uri.queryParameters.get("notified").flatMap(Int.init)
        return try await boardPage(sku: try sku(context), actor: actor, context: context,
                                   notices: notified.map { ["Delay notice sent to \($0) customers, each on their order's ticket."] } ?? [])
    }

    func sku(_ context: CasebookContext) throws -> String {
        guard let sku = context.parameters.get("sku"), !sku.isEmpty else { throw WebError(.notFound, "No such queue.") }
        return sku
    }

    func boardPage(sku: String, actor: Actor, context: CasebookContext, errors: [String] = [],
                   status: HTTPResponse.Status = .ok, notice: DelayNoticeForm? = nil, notices: [String] = []) async throws -> Response {
        let now = services.config.clock.now()
        let (entries, moves, names, sent) = try await services.database.read { db in
            let store = BackorderStore(db: db)
            let entries = try await store.waiting(skus: [SKU(sku)])
            let names = Dictionary(uniqueKeysWithValues: try await UserStore(db: db).find(ids: entries.map(\.customerID)).map { ($0.id, $0.name) })
            return (entries, try await store.moves(entryIDs: entries.map(\.id)), names, try await DelayNoticeForm.sent(sku: sku, db: db))
        }
        var chrome = Chrome(title: "Backorders \(sku)", context: context)
        chrome.errors = errors
        chrome.notices = notices
        let rows = entries.enumerated().map { index, e in
            BoardPage.Row(id: e.id, position: index + 1, customer: names[e.customerID] ?? "#\(e.customerID)", orderID: e.orderID,
                          quantity: e.quantity, waiting: Self.duration(max(0, now - e.createdAt)), preference: Self.words(e.consent),
                          moves: (moves[e.id] ?? []).map { "\($0.from + 1) → \($0.to + 1) by \($0.actor), \(PageTime.text($0.at)): \($0.reason)" },
                          hasMoves: !(moves[e.id] ?? []).isEmpty)
        }
        var form = notice ?? DelayNoticeForm()
        form.allowed = actor.role.allows(.manageInventory) && !rows.isEmpty
        form.sent = sent
        form.hasSent = !sent.isEmpty
        let page = BoardPage(chrome: chrome, sku: sku, rows: rows, hasRows: !rows.isEmpty, canReorder: actor.role.allows(.reorderQueues),
                             count: rows.count, notice: form)
        return renderer.page("backorder-board", page, status: status)
    }

    /// The form posts `entry_id`, `to` (top, bottom or a position counted from 1) and `reason`.
    @Sendable func move(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.reorderQueues)
        let sku = try sku(context)
        let form = context.form ?? QueryItems(nil)
        let to = (form["to"] ?? "").trimmingCharacters(in: .whitespaces)
        let destination = Int(to).map { String($0 - 1) } ?? to
        guard let entryID = Int(form["entry_id"] ?? "") else { throw WebError(.notFound, "No such entry.") }
        do {
            _ = try await orders.move(entryID: entryID, to: destination, reason: form["reason"] ?? "", actor: actor)
        } catch let error as APIError where error.status == .unprocessableContent {
            return try await boardPage(sku: sku, actor: actor, context: context, errors: error.messages, status: .unprocessableContent)
        } catch let error as APIError where error.status == .notFound {
            throw WebError(.notFound, "That customer is no longer waiting in this queue.")
        }
        return seeOther("/agent/backorders/\(sku.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? sku)?moved=\(entryID)")
    }

    @Sendable func approvals(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.approveExceptions)
        return try await approvalsPage(actor: actor, context: context)
    }

    func approvalsPage(actor: Actor, context: CasebookContext, errors: [String] = [], status: HTTPResponse.Status = .ok) async throws -> Response {
        let (refunds, names) = try await services.database.read { db in
            let list = try await RefundStore(db: db).list(status: "requested")
            let names = Dictionary(uniqueKeysWithValues: try await UserStore(db: db).find(ids: list.map(\.requestedByID)).map { ($0.id, $0.name) })
            return (list, names)
        }
        var chrome = Chrome(title: "Refund approvals", context: context)
        chrome.errors = errors
        let rows = refunds.map { r in
            ApprovalsPage.Row(id: r.id, orderID: r.orderID, amount: r.amount.text, reason: r.reason.words, note: r.note,
                              requestedBy: names[r.requestedByID] ?? "#\(r.requestedByID)", approver: r.approverRole?.rawValue ?? "manager",
                              requestedAt: PageTime.text(r.createdAt))
        }
        return renderer.page("refund-approvals", ApprovalsPage(chrome: chrome, rows: rows, hasRows: !rows.isEmpty), status: status)
    }

    func decide(_ request: Request, _ context: CasebookContext, approve: Bool) async throws -> Response {
        let actor = try context.require(.approveExceptions)
        let id = try context.parameters.id()
        let form = context.form ?? QueryItems(nil)
        do {
            _ = try await RefundService(orders: orders, limits: services.config.refundLimits)
                .decide(refundID: id, approve: approve, reason: form["reason"] ?? "", actor: actor)
        } catch let error as APIError where error.status == .unprocessableContent || error.status == .forbidden {
            return try await approvalsPage(actor: actor, context: context, errors: error.messages,
                                           status: error.status == .forbidden ? .forbidden : .unprocessableContent)
        } catch let error as APIError where error.status == .notFound {
            throw WebError(.notFound, "That refund does not exist.")
        }
        return seeOther("/agent/refunds?decided=\(id)")
    }

    static func words(_ consent: PreferenceRecord) -> String {
        let what: String = switch consent.effectivePreference {
        case .wait: "waits for this item"
        case .cancelAndRefund: "wants a refund"
        case .acceptSubstitutes(.anyVariantOfProduct): "takes any variant"
        case .acceptSubstitutes(.skus(let skus)): "takes " + skus.map(\.rawValue).sorted().joined(separator: ", ")
        }
        return what + (consent.effectivePartialAllowed ? "; part now is fine" : "") + (consent.byCustomer ? " (said by the customer)" : "")
    }

    static func duration(_ millis: Int64) -> String {
        let minutes = millis / 60_000
        if minutes < 60 { return "\(minutes) min" }
        if minutes < 48 * 60 { return "\(minutes / 60) h" }
        return "\(minutes / 1_440) days"
    }
}
