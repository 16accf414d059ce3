import CasebookCore
import Foundation
import Hummingbird
import SQLKit

/// Imports a Shopify order export: customers by email (new ones become end-users), products for SKUs the catalogue
/// lacks (one product per SKU, priced from the file), and the orders — fulfilled lines as shipped history, open
/// lines reserved or backordered like any new order, cancelled orders as cancelled. All or nothing: a file with a
/// rejected row imports nothing and says which rows and why; a dry run reports without writing. Orders imported
/// before (same Shopify id, else the same order name) are skipped, so an export can be imported again.
struct ShopifyImport: Sendable {
    let orders: OrderService

    struct Report: Sendable {
        var result: ShopifyImportResult
        var dryRun: Bool
        var newOrders = 0
        var alreadyImported = 0
        var newCustomers = 0
        var newProducts = 0
        /// Unfulfilled lines of open orders: reserved from stock or backordered.
        var openLines = 0
        /// Of those, the lines that joined a backorder queue (known after a real import).
        var backordered = 0
    }

    static func externalID(_ draft: ShopifyOrderDraft) -> String { "shopify:" + (draft.shopifyID ?? draft.name) }

    /// `progress` hears (orders processed, orders in the file) once the file is read and after each order; in a real
    /// import nothing is committed until the last order is done.
    func run(_ text: String, dryRun: Bool, actor: Actor,
             progress: @escaping @Sendable (_ processed: Int, _ total: Int) -> Void = { _, _ in }) async throws -> Report {
        let result = ShopifyOrderImport.parse(text)
        let start = Report(result: result, dryRun: dryRun)
        guard result.fileError == nil, result.rejected.isEmpty else { return start }
        progress(0, result.orders.count)
        let work: @Sendable (any SQLDatabase) async throws -> Report = { db in
            var report = start
            let users = UserStore(db: db)
            let catalogue = CatalogueStore(db: db)
            var customers: [String: Int] = [:]
            var known: Set<SKU> = []
            let now = orders.clock.now()
            for (index, draft) in result.orders.enumerated() {
                defer { progress(index + 1, result.orders.count) }
                if try await db.raw("SELECT id FROM orders WHERE external_id = \(bind: Self.externalID(draft))").first() != nil {
                    report.alreadyImported += 1
                    continue
                }
                report.newOrders += 1
                var customerID = customers[draft.email]
                if customerID == nil {
                    customerID = try await users.find(email: draft.email)?.id
                    if customerID == nil {
                        report.newCustomers += 1
                        if !dryRun {
                            customerID = try await users.insert(name: draft.customerName ?? draft.email, email: draft.email, role: .endUser,
                                                                phone: draft.phone, organizationID: nil, timeZone: "UTC", externalID: nil,
                                                                notes: "Imported from Shopify")
                        }
                    }
                    customers[draft.email] = customerID ?? 0
                }
                for line in draft.lines where !known.contains(line.sku) {
                    known.insert(line.sku)
                    guard try await catalogue.variant(sku: line.sku) == nil else { continue }
                    report.newProducts += 1
                    if !dryRun {
                        let product = try await catalogue.insertProduct(name: line.name, description: "Imported from Shopify", now: now)
                        try await catalogue.insert(ProductVariant(sku: line.sku, productID: product, name: line.name, price: line.unitPrice), now: now)
                    }
                }
                report.openLines += draft.cancelledAt == nil ? draft.lines.filter { !$0.fulfilled }.count : 0
                if dryRun { continue }
                report.backordered += try await insert(draft, customerID: customerID!, actor: actor, db: db)
            }
            return report
        }
        // A dry run reads only; a real one writes everything in one transaction.
        return dryRun ? try await orders.database.read { db in try await work(db) } : try await orders.database.write(work)
    }

    /// Returns how many lines joined a backorder queue.
    private func insert(_ draft: ShopifyOrderDraft, customerID: Int, actor: Actor, db: any SQLDatabase) async throws -> Int {
        let address = draft.shippingAddress.map { a in
            [a.name, a.company, a.address1, a.address2, [a.zip, a.city].compactMap { $0 }.joined(separator: " "), a.province, a.country]
                .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: "\n")
        } ?? ""
        let orderID = try await db.raw("""
            INSERT INTO orders (external_id, customer_id, currency, shipping_address, shipping_minor, created_at, updated_at)
            VALUES (\(bind: Self.externalID(draft)), \(bind: customerID), \(bind: draft.currency), \(bind: address), \(bind: draft.shipping.minor),
                    \(bind: draft.createdAt), \(bind: orders.clock.now()))
            RETURNING id
            """).first()!.decode(column: "id", as: Int.self)
        var reserved: [(Int, SKU, Int)] = []
        var backordered = 0
        for line in draft.lines {
            if draft.cancelledAt != nil || line.fulfilled {
                // History: what Shopify already shipped or cancelled moves no stock here.
                try await db.raw("""
                    INSERT INTO order_lines (order_id, sku, quantity, price_minor, status)
                    VALUES (\(bind: orderID), \(bind: line.sku.rawValue), \(bind: line.quantity), \(bind: line.unitPrice.minor),
                            \(bind: draft.cancelledAt != nil ? "cancelled" : "shipped"))
                    """).run()
            } else {
                let taken = try await orders.place(.init(sku: line.sku, quantity: line.quantity, priceMinor: line.unitPrice.minor),
                                                   price: line.unitPrice.minor, orderID: orderID, customerID: customerID,
                                                   actor: actor, now: draft.createdAt, db: db)
                if taken.isEmpty { backordered += 1 }
                reserved += taken
            }
        }
        if !reserved.isEmpty { try await OrderService.shipment(orderID: orderID, lines: reserved, expedited: false, now: orders.clock.now(), db: db) }
        return backordered
    }
}

extension ShopifyImport.Report {
    var json: JSONValue {
        [
            "dry_run": .bool(dryRun), "rows": .int(result.rowCount), "orders_in_file": .int(result.orders.count),
            "file_error": JSONValue(result.fileError),
            "rejected": .array(result.rejected.map { ["row": .int($0.row), "column": .string($0.column), "value": .string($0.value),
                                                      "reason": .string($0.reason)] }),
            "new_orders": .int(newOrders), "already_imported": .int(alreadyImported), "new_customers": .int(newCustomers),
            "new_products": .int(newProducts), "open_lines": .int(openLines), "backordered_lines": .int(backordered),
            "imported": .bool(!dryRun && result.fileError == nil && result.rejected.isEmpty),
        ]
    }
}
