import CasebookCore
import Foundation
import Testing
@testable import CasebookServer

/// The backorder story through the API: a short, partly defective receipt, orders that wait, customers choosing
/// a refund, any colour or a partial shipment, a lead moving one customer to the bottom, and later receipts
/// allocated in queue order — the ledger and the linked tickets record every step.
@Suite("Orders and backorders API")
struct OrdersAPITests {
    @Test(arguments: TestDatabase.all)
    func shortDefectiveDeliveryBackordersAndAllocationInQueueOrder(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let lead = try await app.person("Lara Lead", role: .lead)
            let product = try await lead.post("/api/v2/products", ["product": [
                "name": "BeamTag", "currency": "EUR",
                "variants": [["sku": "BT-PINK", "name": "BeamTag pink", "options": ["colour": "pink"], "price": 2900],
                             ["sku": "BT-BLUE", "name": "BeamTag blue", "options": ["colour": "blue"], "price": 2900]]]])
            #expect(product.status == .created, "\(product.text)")
            #expect(try await app.agent.post("/api/v2/products", ["product": ["name": "x", "variants": [["sku": "X", "price": 1]]]]).status == .forbidden)
            let duplicate = try await lead.post("/api/v2/products", ["product": ["name": "Again", "variants": [["sku": "BT-PINK", "price": 1]]]])
            #expect(duplicate.status == .unprocessableContent)

            // Half of a short delivery is defective: good units available, the rest quarantined and claimed.
            let receipt = try await lead.post("/api/v2/stock_receipts", ["stock_receipt": [
                "supplier": "Shenzhen Beam Ltd", "lines": [["sku": "BT-PINK", "expected": 10, "received": 6]],
                "inspection": [["sku": "BT-PINK", "good": 3, "defective": 3, "reason": "cracked casing"]]]])
            #expect(receipt.status == .created, "\(receipt.text)")
            let claims = receipt["stock_receipt"]?["supplier_claims"]?.arrayValue ?? []
            #expect(Set(claims.compactMap { $0["kind"]?.stringValue }) == ["defective", "shortDelivery"], "\(receipt.text)")
            let mismatch = try await lead.post("/api/v2/stock_receipts", ["stock_receipt": [
                "supplier": "S", "lines": [["sku": "BT-PINK", "expected": 2, "received": 2]], "inspection": [["sku": "BT-PINK", "good": 1, "defective": 0]]]])
            #expect(mismatch.status == .unprocessableContent, "good + defective must add up to what was received")

            // Seven customers order; the first three get stock, the rest wait in order.
            var customers: [Caller] = []
            var orders: [Int] = []
            for i in 1...7 {
                let customer = try await app.person("Customer \(i)", role: .endUser)
                customers.append(customer)
                app.clock.advance(minutes: 1)
                let ticket = i == 4 ? [try await customer.createTicket(["subject": "Where is my BeamTag?", "comment": ["body": "!"]])] : []
                let order = try await app.agent.post("/api/v2/orders", ["order": [
                    "customer_id": .int(customer.id), "lines": [["sku": "BT-PINK", "quantity": .int(i == 7 ? 2 : 1)]],
                    "ticket_ids": JSONValue(ticket)]])
                #expect(order.status == .created, "\(order.text)")
                orders.append(order["order"]?["id"]?.intValue ?? 0)
                let status = order["order"]?["lines"]?.arrayValue?.first?["status"]?.stringValue
                #expect(status == (i <= 3 ? "allocated" : "backordered"), "customer \(i)")
            }
            #expect(try await app.agent.post("/api/v2/orders", ["order": ["customer_id": .int(customers[0].id),
                                                                          "lines": [["sku": "NOPE", "quantity": 1]]]]).status == .unprocessableContent)
            var queue = try await app.agent.get("/api/v2/backorders?sku=BT-PINK")
            let entries = (queue["backorders"]?.arrayValue ?? []).compactMap { $0["id"]?.intValue }
            #expect(entries.count == 4)
            #expect(queue["backorders"]?.arrayValue?.map { $0["customer"]?.stringValue ?? "" } == ["Customer 4", "Customer 5", "Customer 6", "Customer 7"])

            // Customers choose: 5 wants a refund, 6 any colour, 7 accepts a partial shipment.
            let choices: [(Int, JSONObject)] = [(entries[1], ["kind": "cancel_and_refund"]),
                                                (entries[2], ["kind": "accept_substitutes", "by_customer": true]),
                                                (entries[3], ["kind": "wait", "partial_allowed": true])]
            for (entry, body) in choices {
                let set = try await app.agent.put("/api/v2/backorders/\(entry)/preference", ["preference": .object(body)])
                #expect(set.status == .noContent, "\(set.text)")
            }
            // The refund is given at once: the entry leaves the queue, the line is refunded, the event is emitted.
            let refunds = try await app.agent.get("/api/v2/orders/\(orders[4])/refunds")
            #expect(refunds["refunds"]?.arrayValue?.map { "\($0["status"]?.stringValue ?? "") \($0["reason"]?.stringValue ?? "") \($0["amount"]?.intValue ?? 0)" }
                    == ["approved backorder_cancelled 2900"], "\(refunds.text)")
            #expect(try await app.agent.get("/api/v2/orders/\(orders[4])")["order"]?["lines"]?.arrayValue?.first?["status"]?.stringValue == "refunded")
            let emitted = try await app.admin.get("/api/v2/order_events?since_id=0")
            #expect(emitted["order_events"]?.arrayValue?.contains { $0["event"]?.stringValue == "refund.approved" && $0["order_id"]?.intValue == orders[4] } == true,
                    "\(emitted.text)")
            #expect(try await app.agent.put("/api/v2/backorders/\(entries[1])/preference", ["preference": ["kind": "wait"]]).status == .notFound,
                    "a cancelled entry takes no more preferences")
            // A lead moves customer 4 to the bottom, with the reason; an agent may not, and a reason is required.
            #expect(try await app.agent.post("/api/v2/backorders/\(entries[0])/move", ["move": ["to": "bottom", "reason": "x"]]).status == .forbidden)
            #expect(try await lead.post("/api/v2/backorders/\(entries[0])/move", ["move": ["to": "bottom", "reason": " "]]).status == .unprocessableContent)
            let moved = try await lead.post("/api/v2/backorders/\(entries[0])/move", ["move": ["to": "bottom", "reason": "repeated abuse of staff"]])
            #expect(moved.status == .ok, "\(moved.text)")
            queue = try await app.agent.get("/api/v2/backorders?sku=BT-PINK")
            #expect(queue["backorders"]?.arrayValue?.compactMap { $0["id"]?.intValue } == [entries[2], entries[3], entries[0]])
            #expect(queue["backorders"]?.arrayValue?.last?["moves"]?.arrayValue?.first?["reason"]?.stringValue == "repeated abuse of staff")
            let ticket4 = try #require(try await app.agent.get("/api/v2/orders/\(orders[3])")["order"]?["ticket_ids"]?.arrayValue?.first?.intValue)
            #expect(try await app.notices(ticket4).contains { $0.contains("moved to the bottom of the queue") && $0.contains("by Lara Lead: repeated abuse of staff") })

            // Blue units arrive: only the customer who accepted any colour gets one.
            _ = try await lead.post("/api/v2/stock_receipts", ["stock_receipt": [
                "supplier": "Shenzhen Beam Ltd", "lines": [["sku": "BT-BLUE", "expected": 2, "received": 2]],
                "inspection": [["sku": "BT-BLUE", "good": 2, "defective": 0]]]])
            let preview = try await app.agent.post("/api/v2/allocations", ["allocation": ["skus": ["BT-PINK"]]])
            #expect(preview["committed"] == .bool(false))
            #expect(preview["allocation"]?["allocations"]?.arrayValue?.map { $0["entry_id"]?.intValue } == [entries[2]], "\(preview.text)")
            #expect(try await app.agent.post("/api/v2/allocations", ["allocation": ["skus": ["BT-PINK"], "commit": true]]).status == .forbidden)
            let committed = try await lead.post("/api/v2/allocations", ["allocation": ["skus": ["BT-PINK"], "commit": true]])
            #expect(committed["allocation"]?["allocations"]?.arrayValue?.first?["substitute"] == .bool(true), "\(committed.text)")
            #expect(committed["allocation"]?["refunds"]?.arrayValue?.isEmpty == true)
            let order6 = try await app.agent.get("/api/v2/orders/\(orders[5])")
            #expect(order6["order"]?["lines"]?.arrayValue?.first?["status"]?.stringValue == "allocated")
            #expect(order6["order"]?["shipments"]?.arrayValue?.count == 1)

            // Three good pink units: customer 7 gets two, customer 4 (moved to the bottom) the last one.
            let third = try await lead.post("/api/v2/stock_receipts", ["stock_receipt": [
                "supplier": "Shenzhen Beam Ltd", "lines": [["sku": "BT-PINK", "expected": 3, "received": 3]],
                "inspection": [["sku": "BT-PINK", "good": 3, "defective": 0]], "allocate": true]])
            let allocations = third["stock_receipt"]?["allocation"]?["allocations"]?.arrayValue ?? []
            #expect(allocations.map { $0["entry_id"]?.intValue } == [entries[3], entries[0]], "\(third.text)")
            #expect(try await app.agent.get("/api/v2/backorders?sku=BT-PINK")["count"]?.intValue == 0)
            #expect(try await app.notices(ticket4).contains { $0.contains("Allocated 1 × BT-PINK") })

            // The levels are the sum of the ledger.
            let stock = try await app.agent.get("/api/v2/stock")
            let pink = try #require(stock["stock"]?.arrayValue?.first { $0["sku"]?.stringValue == "BT-PINK" })
            #expect(pink["available"]?.intValue == 0)
            #expect(pink["reserved"]?.intValue == 6)
            #expect(pink["quarantined"]?.intValue == 3)
            for sku in ["BT-PINK", "BT-BLUE"] {
                let ledger = try await app.database.read { db in try await StockStore(db: db).movements(sku: SKU(sku)) }
                let rebuilt = try StockLevels.rebuild(from: ledger)
                let row = try #require(stock["stock"]?.arrayValue?.first { $0["sku"]?.stringValue == sku })
                for state in StockState.allCases { #expect(rebuilt[SKU(sku), state] == row[state.rawValue]?.intValue, "\(sku) \(state)") }
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func aDeliveryArrivesThenIsInspected(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let lead = try await app.person("Lara Lead", role: .lead)
            _ = try await lead.post("/api/v2/products", ["product": ["name": "Switch", "variants": [["sku": "SW-8", "price": 19900]]]])
            let order = try await app.agent.post("/api/v2/orders", ["order": ["customer_id": .int(app.endUserA.id), "lines": [["sku": "SW-8", "quantity": 1]]]])
            let orderID = try #require(order["order"]?["id"]?.intValue)
            // Arrived, not inspected: nothing is available yet, the short delivery is claimed already.
            let arrived = try await lead.post("/api/v2/stock_receipts", ["stock_receipt": [
                "supplier": "Netgear-ish", "reference": "PO-77", "lines": [["sku": "SW-8", "expected": 5, "received": 4]]]])
            #expect(arrived.status == .created, "\(arrived.text)")
            let receipt = try #require(arrived["stock_receipt"]?["id"]?.intValue)
            #expect(arrived["stock_receipt"]?["status"]?.stringValue == "received")
            #expect(arrived["stock_receipt"]?["lines"]?.arrayValue?.first?["good"] == .null)
            var stock = try await app.agent.get("/api/v2/stock")
            #expect(stock["stock"]?.arrayValue?.first?["quarantined"]?.intValue == 4 && stock["stock"]?.arrayValue?.first?["available"]?.intValue == 0)
            #expect(try await app.agent.get("/api/v2/stock_receipts?status=received")["count"]?.intValue == 1)
            #expect(try await app.agent.get("/api/v2/stock_receipts?status=lost").status == .badRequest)

            // The inspection must add up and needs a lead (inventory); then good units are released and allocated.
            #expect(try await app.agent.post("/api/v2/stock_receipts/\(receipt)/inspection", ["stock_receipt": [
                "inspection": [["sku": "SW-8", "good": 4, "defective": 0]]]]).status == .forbidden)
            let wrong = try await lead.post("/api/v2/stock_receipts/\(receipt)/inspection", ["stock_receipt": [
                "inspection": [["sku": "SW-8", "good": 4, "defective": 1, "reason": "dead port"]]]])
            #expect(wrong.status == .unprocessableContent, "\(wrong.text)")
            let inspected = try await lead.post("/api/v2/stock_receipts/\(receipt)/inspection", ["stock_receipt": [
                "inspection": [["sku": "SW-8", "good": 3, "defective": 1, "reason": "dead port"]], "allocate": true]])
            #expect(inspected.status == .ok, "\(inspected.text)")
            #expect(inspected["stock_receipt"]?["status"]?.stringValue == "inspected")
            #expect(inspected["stock_receipt"]?["supplier_claims"]?.arrayValue?.map { $0["kind"]?.stringValue ?? "" } == ["shortDelivery", "defective"])
            #expect(inspected["stock_receipt"]?["allocation"]?["allocations"]?.arrayValue?.count == 1)
            #expect(try await app.agent.get("/api/v2/orders/\(orderID)")["order"]?["lines"]?.arrayValue?.first?["status"]?.stringValue == "allocated")
            stock = try await app.agent.get("/api/v2/stock")
            let row = try #require(stock["stock"]?.arrayValue?.first)
            #expect(row["available"]?.intValue == 2 && row["reserved"]?.intValue == 1 && row["quarantined"]?.intValue == 1)
            let again = try await lead.post("/api/v2/stock_receipts/\(receipt)/inspection", ["stock_receipt": [
                "inspection": [["sku": "SW-8", "good": 4, "defective": 0]]]])
            #expect(again.status == .unprocessableContent, "inspected once")
            #expect(try await lead.post("/api/v2/stock_receipts/999/inspection", ["stock_receipt": ["inspection": []]]).status == .notFound)
            let ledger = try await app.database.read { db in try await StockStore(db: db).movements(sku: SKU("SW-8")) }
            let rebuilt = try StockLevels.rebuild(from: ledger)
            #expect(rebuilt[SKU("SW-8"), .available] == 2 && rebuilt[SKU("SW-8"), .quarantined] == 1)
        }
    }
}
