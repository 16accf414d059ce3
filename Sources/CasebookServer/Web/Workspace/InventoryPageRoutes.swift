import CasebookCore
import Foundation
import Hummingbird
import SQLKit

/// The catalogue with stock per state and who waits for it, and the stock receipts: deliveries recorded on arrival
/// (units wait in quarantine) and inspected here (good units released, defective ones claimed from the supplier).
struct InventoryPageRoutes: Sendable {
    let services: CasebookServices
    let renderer: PageRenderer
    var orders: OrderService { OrderService(tickets: services.tickets, clock: services.config.clock) }

    struct CataloguePage: Sendable {
        struct Product: Sendable { var id: Int; var name: String; var description: String; var variants: [Variant] }
        struct Variant: Sendable {
            var sku: String; var name: String; var options: String; var price: String
            var available: Int; var reserved: Int; var quarantined: Int; var shipped: Int; var waiting: Int; var hasWaiting: Bool
            /// A bundle's components; its "available" counts the whole bundles the components' stock makes.
            var bundle: String?
        }
        var chrome: Chrome
        var products: [Product]
    }

    struct ReceiptsPage: Sendable {
        struct Receipt: Sendable {
            var id: Int; var supplier: String; var reference: String; var status: String; var created: String
            var awaiting: Bool; var lines: [Line]; var claims: [String]; var canInspect: Bool
            /// An announced delivery that has not arrived: the form records what came.
            var canArrive: Bool
        }
        struct Line: Sendable { var index: Int; var sku: String; var expected: Int; var received: Int; var inspected: String? }
        var chrome: Chrome
        var receipts: [Receipt]
        var canReceive: Bool
        var canAllocate: Bool
        var skus: [String]
    }

    func register(on web: RouterGroup<CasebookContext>) {
        web.get("agent/catalogue", use: catalogue)
        web.get("agent/receipts", use: receipts)
        web.post("agent/receipts", use: receive)
        web.post("agent/receipts/:id/inspection", use: inspect)
        web.post("agent/receipts/announce", use: announce)
        web.post("agent/receipts/:id/arrival", use: arrive)
    }

    @Sendable func catalogue(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.useWorkspace)
        let (products, levels, waiting) = try await services.database.read { db in
            var waiting: [String: Int] = [:]
            for row in try await db.raw("SELECT sku, COUNT(*) AS n FROM backorder_entries WHERE status = 'waiting' GROUP BY sku").all() {
                waiting[try row.decode(column: "sku", as: String.self)] = try row.decode(column: "n", as: Int.self)
            }
            return (try await CatalogueStore(db: db).products(), try await StockStore(db: db).levels(), waiting)
        }
        let page = CataloguePage(chrome: Chrome(title: "Catalogue", context: context), products: products.map { p in
            .init(id: p.id, name: p.name, description: p.description, variants: p.variants.map { v in
                let level = levels[v.sku] ?? [:], bundle = p.bundles[v.sku]
                return .init(sku: v.sku.rawValue, name: v.name, options: v.options.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", "),
                             price: v.price.text, available: bundle?.buildable(from: levels.mapValues { $0[.available] ?? 0 }) ?? level[.available] ?? 0, reserved: level[.reserved] ?? 0,
                             quarantined: level[.quarantined] ?? 0, shipped: level[.shipped] ?? 0,
                             waiting: waiting[v.sku.rawValue] ?? 0, hasWaiting: (waiting[v.sku.rawValue] ?? 0) > 0, bundle: bundle?.summary)
            })
        })
        return renderer.page("catalogue", page)
    }

    @Sendable func receipts(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.useWorkspace)
        var notices: [String] = []
        if let id = request.uri.queryParameters.get("received") { notices.append("Delivery #\(id) recorded: its units wait in quarantine for inspection.") }
        if let id = request.uri.queryParameters.get("inspected") { notices.append("Delivery #\(id) inspected: good units are available, defects claimed.") }
        if let id = request.uri.queryParameters.get("announced") {
            notices.append("Delivery #\(id) announced: delay notices count it for the customers' expected dates until it arrives.")
        }
        return try await receiptsPage(actor: actor, context: context, notices: notices)
    }

    func receiptsPage(actor: Actor, context: CasebookContext, errors: [String] = [], notices: [String] = [],
                      status: HTTPResponse.Status = .ok) async throws -> Response {
        let (list, skus) = try await services.database.read { db in
            (try await ReceiptStore(db: db).list(limit: 100),
             try await db.raw("SELECT sku FROM variants ORDER BY sku").all().map { try $0.decode(column: "sku", as: String.self) })
        }
        var chrome = Chrome(title: "Stock receipts", context: context)
        chrome.errors = errors
        chrome.notices = notices
        let canReceive = actor.role.allows(.manageInventory)
        let page = ReceiptsPage(chrome: chrome, receipts: list.map { r in
            .init(id: r.id, supplier: r.supplier, reference: r.reference,
                  status: r.status == "received" ? "awaiting inspection"
                      : r.status == "expected" ? "expected \(r.expectedAt.map { OrderService.dateText($0, timeZone: nil) } ?? "")" : r.status,
                  created: PageTime.text(r.createdAt), awaiting: r.status == "received",
                  lines: r.lines.enumerated().map { i, l in
                      .init(index: i, sku: l.sku, expected: l.expected, received: l.received,
                            inspected: r.status == "expected" ? "not arrived yet"
                                : l.good.map { "\($0) good, \(l.defective ?? 0) defective" + (l.defectReason.isEmpty ? "" : " (\(l.defectReason))") })
                  },
                  claims: r.claims.map { "\($0.kind == "shortDelivery" ? "Short delivery" : "Defective"): \($0.quantity) × \($0.sku) — \($0.reason)" },
                  canInspect: canReceive && r.status == "received", canArrive: canReceive && r.status == "expected")
        }, canReceive: canReceive, canAllocate: actor.role.allows(.reorderQueues), skus: skus)
        return renderer.page("receipts", page, status: status)
    }

    /// The form posts `supplier`, `reference`, `sku`, `expected`, `received` (one line; the API takes many).
    @Sendable func receive(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.manageInventory)
        let form = context.form ?? QueryItems(nil)
        guard let expected = Int(form["expected"] ?? ""), let received = Int(form["received"] ?? "") else {
            return try await receiptsPage(actor: actor, context: context, errors: ["Expected and received: whole numbers of units"],
                                          status: .unprocessableContent)
        }
        do {
            let (id, _) = try await orders.receive(supplier: form["supplier"] ?? "", reference: form["reference"] ?? "",
                                                   lines: [ReceiptLine(sku: SKU(form["sku"] ?? ""), expected: expected, received: received)],
                                                   inspections: nil, actor: actor)
            return seeOther("/agent/receipts?received=\(id)")
        } catch let error as APIError where error.status == .unprocessableContent {
            return try await receiptsPage(actor: actor, context: context, errors: error.messages, status: .unprocessableContent)
        }
    }

    /// The form posts, per line `i`, `sku_i`, `good_i`, `defective_i`, `reason_i`; and `allocate` (a lead).
    @Sendable func inspect(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.manageInventory)
        let id = try context.parameters.id()
        let form = context.form ?? QueryItems(nil)
        var inspections: [Inspection] = []
        for i in 0..<100 {
            guard let sku = form["sku_\(i)"] else { break }
            guard let good = Int(form["good_\(i)"] ?? ""), let defective = Int(form["defective_\(i)"] ?? "0") else {
                return try await receiptsPage(actor: actor, context: context, errors: ["\(sku): good and defective are whole numbers of units"],
                                              status: .unprocessableContent)
            }
            inspections.append(Inspection(sku: SKU(sku), good: good, defective: defective, reason: form["reason_\(i)"] ?? ""))
        }
        do {
            let (lines, _) = try await orders.inspect(receiptID: id, inspections: inspections, actor: actor)
            if (form["allocate"] == "on" && actor.role.allows(.reorderQueues)) || services.config.allocateOnStock {
                _ = try await orders.allocate(skus: lines.map(\.sku), commit: true, actor: actor)
            }
            return seeOther("/agent/receipts?inspected=\(id)")
        } catch let error as APIError where error.status == .unprocessableContent {
            return try await receiptsPage(actor: actor, context: context, errors: error.messages, status: .unprocessableContent)
        } catch let error as APIError where error.status == .notFound {
            throw WebError(.notFound, "No such delivery.")
        }
    }

    /// The form posts `supplier`, `reference`, `sku`, `expected` and `expected_on` (a date).
    @Sendable func announce(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.manageInventory)
        let form = context.form ?? QueryItems(nil)
        guard let expected = Int(form["expected"] ?? ""), let date = parseISODate(form["expected_on"] ?? "") else {
            return try await receiptsPage(actor: actor, context: context, errors: ["Expected: a whole number of units and the date it is due"],
                                          status: .unprocessableContent)
        }
        do {
            let id = try await orders.announce(supplier: form["supplier"] ?? "", reference: form["reference"] ?? "",
                                               expectedAt: Timestamp.millis(date), lines: [(SKU(form["sku"] ?? ""), expected)], actor: actor)
            return seeOther("/agent/receipts?announced=\(id)")
        } catch let error as APIError where error.status == .unprocessableContent {
            return try await receiptsPage(actor: actor, context: context, errors: error.messages, status: .unprocessableContent)
        }
    }

    /// The form posts, per line `i`, `sku_i` and `received_i`: the units go to quarantine for the inspection.
    @Sendable func arrive(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.manageInventory)
        let id = try context.parameters.id()
        let form = context.form ?? QueryItems(nil)
        var received: [SKU: Int] = [:]
        for i in 0..<100 {
            guard let sku = form["sku_\(i)"] else { break }
            guard let count = Int(form["received_\(i)"] ?? ""), count >= 0 else {
                return try await receiptsPage(actor: actor, context: context, errors: ["\(sku): received is a whole number of units"],
                                              status: .unprocessableContent)
            }
            received[SKU(sku)] = count
        }
        do {
            _ = try await orders.arrive(receiptID: id, received: received, inspections: nil, actor: actor)
            return seeOther("/agent/receipts?received=\(id)")
        } catch let error as APIError where error.status == .unprocessableContent {
            return try await receiptsPage(actor: actor, context: context, errors: error.messages, status: .unprocessableContent)
        } catch let error as APIError where error.status == .notFound {
            throw WebError(.notFound, "No such delivery.")
        }
    }
}
