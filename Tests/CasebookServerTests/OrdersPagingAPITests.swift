import CasebookCore
import Foundation
import Testing
@testable import CasebookServer

/// Orders and a backorder queue page like Zendesk's lists: offset pages with `next_page`, cursor pages with
/// `meta.after_cursor`, every order seen once.
@Suite("Orders and queue paging API")
struct OrdersPagingAPITests {
    @Test(arguments: TestDatabase.all)
    func ordersAndTheQueuePageInOffsetAndCursorPages(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            _ = try await app.admin.post("/api/v2/products", ["product": ["name": "BeamTag", "variants": [["sku": "BT-PINK", "price": 2900]]]])
            var placed: [Int] = []
            for customer in [app.endUserA, app.endUserB, app.endUserA, app.endUserB, app.endUserA] {
                app.clock.advance(minutes: 1)
                let order = try await app.agent.post("/api/v2/orders", ["order": ["customer_id": .int(customer.id), "lines": [["sku": "BT-PINK", "quantity": 1]]]])
                placed.append(order["order"]?["id"]?.intValue ?? 0)
            }
            let first = try await app.agent.get("/api/v2/orders?per_page=2")
            #expect(first["orders"]?.arrayValue?.compactMap { $0["id"]?.intValue } == Array(placed[0..<2]))
            #expect(first["count"]?.intValue == 5 && first["next_page"]?.stringValue?.contains("page=2") == true, "\(first.text)")
            let last = try await app.agent.get("/api/v2/orders?per_page=2&page=3")
            #expect(last["orders"]?.arrayValue?.count == 1 && last["next_page"] == .null)
            #expect(last["orders"]?.arrayValue?.first?["lines"]?.arrayValue?.first?["status"]?.stringValue == "backordered")
            #expect(try await app.agent.get("/api/v2/orders?customer_id=\(app.endUserA.id)")["count"]?.intValue == 3)
            #expect(try await app.agent.get("/api/v2/orders?customer_id=abc").status == .badRequest)
            #expect(try await app.endUserA.get("/api/v2/orders").status == .forbidden)

            var seen: [Int] = [], path = "/api/v2/orders?page[size]=2"
            for _ in 0..<5 {
                let page = try await app.agent.get(path)
                seen += page["orders"]?.arrayValue?.compactMap { $0["id"]?.intValue } ?? []
                guard page["meta"]?["has_more"]?.boolValue == true, let cursor = page["meta"]?["after_cursor"]?.stringValue else { break }
                path = "/api/v2/orders?page[size]=2&page[after]=\(cursor)"
            }
            #expect(seen == placed)

            let queue = try await app.agent.get("/api/v2/backorders?sku=BT-PINK&per_page=2&page=2")
            #expect(queue["backorders"]?.arrayValue?.compactMap { $0["position"]?.intValue } == [3, 4], "\(queue.text)")
            #expect(queue["count"]?.intValue == 5 && queue["next_page"]?.stringValue != nil && queue["previous_page"]?.stringValue != nil)
            #expect(try await app.agent.get("/api/v2/backorders?sku=BT-PINK")["backorders"]?.arrayValue?.count == 5, "the whole queue without paging")
        }
    }
}
