import CasebookCore
import Foundation
import SQLKit
import Testing
@testable import CasebookServer

/// An allocation reads the front of the queues a page at a time and stops once nothing the entries behind could take
/// is left: the plan is the one a read of every entry gives, and customers further back who chose a refund are
/// still refunded.
@Suite("Allocation reads the front of the queue")
struct AllocationQueueTests {
    @Test(arguments: TestDatabase.all)
    func pagesStopWhereTheStockRunsOutAndThePlanIsUnchanged(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let lead = try await app.person("Lara Lead", role: .lead)
            #expect(try await lead.post("/api/v2/products", ["product": ["name": "BeamTag", "variants": [
                ["sku": "BT-BLACK", "price": 2900], ["sku": "BT-WHITE", "price": 2900]]]]).status == .created)
            #expect(try await lead.post("/api/v2/products", ["product": ["name": "Dock", "variants": [["sku": "DK", "price": 4900]]]]).status == .created)
            for _ in 0..<24 {
                app.clock.advance(minutes: 1)
                let order = try await app.agent.post("/api/v2/orders", ["order": ["customer_id": .int(app.endUserA.id), "lines": [["sku": "BT-BLACK", "quantity": 1]]]])
                #expect(order["order"]?["lines"]?.arrayValue?.first?["status"]?.stringValue == "backordered", "\(order.text)")
            }
            let entries = try await app.agent.get("/api/v2/backorders?sku=BT-BLACK")["backorders"]?.arrayValue?.compactMap { $0["id"]?.intValue } ?? []
            #expect(entries.count == 24)
            // The third takes any colour; the twenty-third chose a refund before choosing one refunded at once.
            #expect(try await app.agent.put("/api/v2/backorders/\(entries[2])/preference", ["preference": ["kind": "accept_substitutes"]]).status == .noContent)
            try await app.database.write { db in
                try await db.raw("UPDATE backorder_entries SET preference = 'cancel_and_refund', captured_by_id = customer_id, by_customer = TRUE WHERE id = \(bind: entries[22])").run()
            }
            let receipt = try await lead.post("/api/v2/stock_receipts", ["stock_receipt": [
                "supplier": "S", "lines": [["sku": "BT-BLACK", "expected": 5, "received": 5], ["sku": "DK", "expected": 3, "received": 3]],
                "inspection": [["sku": "BT-BLACK", "good": 5, "defective": 0], ["sku": "DK", "good": 3, "defective": 0]]]])
            #expect(receipt.status == .created, "\(receipt.text)")

            for skus: [SKU] in [["BT-BLACK"], []] {
                let (queue, everyone) = try await app.database.read { db in
                    (try await AllocationQueue.read(skus: skus, db: db, firstPage: 4), try await BackorderStore(db: db).waiting(skus: nil))
                }
                // Pages of 4 and 8: the second uses the last unit (the dock's stock is nobody's to take), so 12 entries
                // are read, plus the refund further back; 11 are not reached.
                #expect(queue.entries.count == 13, "\(skus)")
                #expect(queue.notReached == 11, "\(skus)")
                #expect(queue.stock == ["BT-BLACK": 5], "only the SKUs the queue could take: \(queue.stock)")
                let paged = Allocator.plan(stock: queue.stock, entries: queue.entries, variantsByProduct: queue.variants, bundles: queue.bundles)
                let full = Allocator.plan(stock: queue.stock, entries: everyone, variantsByProduct: queue.variants, bundles: queue.bundles)
                #expect(paged.allocations == full.allocations)
                #expect(paged.refunds == [entries[22]] && full.refunds == paged.refunds)
                #expect(paged.allocations.map(\.entryID) == Array(entries[0..<5]))
            }
            let committed = try await lead.post("/api/v2/allocations", ["allocation": ["skus": ["BT-BLACK"], "commit": true]])
            // Through the API (pages of 2,000) the whole short queue is one page.
            #expect(committed["allocation"]?["not_reached"]?.intValue == 0, "\(committed.text)")
            #expect(committed["allocation"]?["allocations"]?.arrayValue?.count == 5, "\(committed.text)")
            let refunded = try await orderOf(app, entries[22])
            #expect(try await app.agent.get("/api/v2/orders/\(refunded)").json["order"]?["lines"]?.arrayValue?.first?["status"]?.stringValue
                    == "refunded", "the refund far back in the queue is given")
        }
    }

    private func orderOf(_ app: TestApp, _ entry: Int) async throws -> Int {
        try await app.database.read { db in
            try await db.raw("SELECT order_id FROM backorder_entries WHERE id = \(bind: entry)").first()!.decode(column: "order_id", as: Int.self)
        }
    }
}
