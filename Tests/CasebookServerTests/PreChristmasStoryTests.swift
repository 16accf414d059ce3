import CasebookCore
import Foundation
import Testing
@testable import CasebookServer

/// The pre-Christmas story end to end, through the API: 300 customers order a BeamTag nobody has in stock; the
/// manufacturer delivers a third, and 40 % of that is defective; customers choose a refund, to wait, or any colour;
/// a lead moves one abusive customer to the bottom and bumps three deserving ones to the top; the next delivery goes
/// out in exactly that order. The refunds are recorded, the stock is the sum of its ledger, and every step is on the
/// customer's ticket.
@Suite("Pre-Christmas backorder story")
struct PreChristmasStoryTests {
    static let customers = 300

    @Test(arguments: TestDatabase.all)
    func threeHundredOrdersAShortDefectiveDeliveryAndTheQueue(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let lead = try await app.person("Lara Lead", role: .lead)
            let product = try await lead.post("/api/v2/products", ["product": [
                "name": "BeamTag", "currency": "EUR",
                "variants": [["sku": "BT-PINK", "options": ["colour": "pink"], "price": 2900],
                             ["sku": "BT-BLUE", "options": ["colour": "blue"], "price": 2900]]]])
            #expect(product.status == .created, "\(product.text)")

            // 300 orders, each with the customer's ticket; nothing in stock, so every line waits in order.
            var people: [Caller] = [], tickets: [Int] = [], orders: [Int] = []
            for i in 1...Self.customers {
                let customer = try await app.person("Customer \(i)", role: .endUser)
                people.append(customer)
                app.clock.advance(minutes: 1)
                let ticket = try await customer.createTicket(["subject": .string("BeamTag order \(i)"), "comment": ["body": "When does it ship?"]])
                tickets.append(ticket)
                let order = try await app.agent.post("/api/v2/orders", ["order": [
                    "customer_id": .int(customer.id), "lines": [["sku": "BT-PINK", "quantity": 1]], "ticket_ids": [.int(ticket)]]])
                #expect(order.status == .created, "\(order.text)")
                orders.append(order["order"]?["id"]?.intValue ?? 0)
            }
            var queue = try await app.agent.get("/api/v2/backorders?sku=BT-PINK")
            #expect(queue["count"]?.intValue == Self.customers)
            let entryOf = Dictionary(uniqueKeysWithValues: (queue["backorders"]?.arrayValue ?? []).compactMap { e -> (Int, Int)? in
                guard let id = e["id"]?.intValue, let order = e["order_id"]?.intValue, let index = orders.firstIndex(of: order) else { return nil }
                return (index + 1, id)
            })
            #expect(entryOf.count == Self.customers)

            // A short delivery, 40 % defective: 60 good units go to the first 60 in the queue; the rest is claimed.
            let first = try await lead.post("/api/v2/stock_receipts", ["stock_receipt": [
                "supplier": "Shenzhen Beam Ltd", "lines": [["sku": "BT-PINK", "expected": 300, "received": 100]],
                "inspection": [["sku": "BT-PINK", "good": 60, "defective": 40, "reason": "battery does not charge"]], "allocate": true]])
            #expect(first.status == .created, "\(first.text)")
            let claims = first["stock_receipt"]?["supplier_claims"]?.arrayValue ?? []
            #expect(claims.map { "\($0["kind"]?.stringValue ?? "") \($0["quantity"]?.intValue ?? 0)" }.sorted() == ["defective 40", "shortDelivery 200"])
            let firstRun = first["stock_receipt"]?["allocation"]?["allocations"]?.arrayValue ?? []
            #expect(firstRun.compactMap { $0["entry_id"]?.intValue } == (1...60).map { entryOf[$0]! })

            // Customers choose: every tenth from 65 on wants a refund (they say so themselves), every tenth from 67 on
            // takes any colour (an agent records it for them); the others wait.
            let refunders = Array(stride(from: 65, through: Self.customers, by: 10))
            let anyColour = Array(stride(from: 67, through: Self.customers, by: 10))
            for i in refunders {
                let set = try await people[i - 1].put("/api/v2/backorders/\(entryOf[i]!)/preference",
                                                      ["preference": ["kind": "cancel_and_refund", "by_customer": true]])
                #expect(set.status == .noContent, "\(set.text)")
            }
            for i in anyColour {
                let set = try await app.agent.put("/api/v2/backorders/\(entryOf[i]!)/preference",
                                                  ["preference": ["kind": "accept_substitutes", "by_customer": true]])
                #expect(set.status == .noContent, "\(set.text)")
            }
            // A customer cannot touch someone else's place in the queue.
            #expect(try await people[0].put("/api/v2/backorders/\(entryOf[70]!)/preference", ["preference": ["kind": "wait"]]).status == .notFound)

            // The lead moves customer 61 to the bottom and bumps 298, 299 and 300 to the top.
            let down = try await lead.post("/api/v2/backorders/\(entryOf[61]!)/move", ["move": ["to": "bottom", "reason": "repeated abuse of staff"]])
            #expect(down.status == .ok, "\(down.text)")
            for i in [300, 299, 298] {
                let up = try await lead.post("/api/v2/backorders/\(entryOf[i]!)/move", ["move": ["to": "top", "reason": "order lost by the carrier in November"]])
                #expect(up.status == .ok, "\(up.text)")
            }
            var expected = [298, 299, 300] + (62...297).filter { !refunders.contains($0) } + [61]
            queue = try await app.agent.get("/api/v2/backorders?sku=BT-PINK")
            #expect(queue["backorders"]?.arrayValue?.compactMap { $0["id"]?.intValue } == expected.map { entryOf[$0]! })

            // The next delivery: 60 good pink, 30 good blue (5 more blue defective). Pink goes down the queue; blue only
            // to those who said any colour, once the pink is gone.
            let second = try await lead.post("/api/v2/stock_receipts", ["stock_receipt": [
                "supplier": "Shenzhen Beam Ltd",
                "lines": [["sku": "BT-PINK", "expected": 60, "received": 60], ["sku": "BT-BLUE", "expected": 35, "received": 35]],
                "inspection": [["sku": "BT-PINK", "good": 60, "defective": 0], ["sku": "BT-BLUE", "good": 30, "defective": 5, "reason": "scratched"]],
                "allocate": true]])
            #expect(second.status == .created, "\(second.text)")
            var pink = 60, blue = 30
            var model: [String] = []
            for i in expected {
                if pink > 0 { pink -= 1; model.append("\(i) BT-PINK") } else if anyColour.contains(i) && blue > 0 { blue -= 1; model.append("\(i) BT-BLUE") }
            }
            let customerOf = Dictionary(uniqueKeysWithValues: entryOf.map { ($1, $0) })
            let secondRun = second["stock_receipt"]?["allocation"]?["allocations"]?.arrayValue ?? []
            #expect(secondRun.map { a in "\(customerOf[a["entry_id"]?.intValue ?? 0] ?? 0) \(a["lines"]?.arrayValue?.first?["sku"]?.stringValue ?? "?")" } == model,
                    "\(second.text)")
            #expect(model.first == "298 BT-PINK" && model.contains("67 BT-BLUE") == false, "67 is early enough for pink")
            let served = Set(model.map { Int($0.split(separator: " ")[0])! })
            expected.removeAll { served.contains($0) }
            queue = try await app.agent.get("/api/v2/backorders?sku=BT-PINK")
            #expect(queue["backorders"]?.arrayValue?.compactMap { $0["id"]?.intValue } == expected.map { entryOf[$0]! })
            #expect(expected.last == 61, "the customer moved to the bottom still waits")

            // The refunds: one per customer who chose it, given at once, for the waiting unit.
            for i in refunders {
                let refunds = try await app.agent.get("/api/v2/orders/\(orders[i - 1])/refunds")
                #expect(refunds["refunds"]?.arrayValue?.map { "\($0["status"]?.stringValue ?? "") \($0["reason"]?.stringValue ?? "") \($0["amount"]?.intValue ?? 0)" }
                        == ["approved backorder_cancelled 2900"], "customer \(i)")
            }
            #expect(try await app.agent.get("/api/v2/refunds?status=approved")["count"]?.intValue == refunders.count)

            // Every step is on the customer's ticket.
            func notices(_ i: Int) async throws -> String { try await app.notices(tickets[i - 1]).joined(separator: "\n") }
            #expect(try await notices(1).contains("Allocated 1 × BT-PINK"))
            let moved = try await notices(61)
            #expect(moved.contains("moved to the bottom of the queue") && moved.contains("by Lara Lead: repeated abuse of staff"), "\(moved)")
            let bumped = try await notices(299)
            #expect(bumped.contains("moved to the top of the queue (from ") && bumped.contains("by Lara Lead: order lost by the carrier in November"), "\(bumped)")
            // Each move out of queue order is a decision on the record, for the customer's ticket.
            let moves = try await app.agent.get("/api/v2/decisions?kind=queue_move")
            #expect(moves["count"]?.intValue == 4, "\(moves.text.prefix(400))")
            #expect(moves["decisions"]?.arrayValue?.first?["reason"]?.stringValue == "repeated abuse of staff")
            #expect(moves["decisions"]?.arrayValue?.first?["ticket_id"]?.intValue == tickets[60])
            #expect(bumped.contains("Allocated 1 × BT-PINK"))
            let refunded = try await notices(65)
            #expect(refunded.contains("cancel and refund (stated by the customer)") && refunded.contains("cancelled: the customer chose a refund"), "\(refunded)")
            if let blueOne = model.first(where: { $0.hasSuffix("BT-BLUE") }).map({ Int($0.split(separator: " ")[0])! }) {
                let text = try await notices(blueOne)
                #expect(text.contains("accept any variant of the product") && text.contains("Allocated 1 × BT-BLUE (substitute, as agreed)"), "\(text)")
            } else {
                Issue.record("some any-colour customer should have received blue")
            }

            // Stock: the levels, and the levels rebuilt from the ledger move by move.
            let stock = try await app.agent.get("/api/v2/stock")
            let blueGiven = model.filter { $0.hasSuffix("BT-BLUE") }.count
            let levels = Dictionary(uniqueKeysWithValues: (stock["stock"]?.arrayValue ?? []).map { ($0["sku"]?.stringValue ?? "", $0) })
            #expect(levels["BT-PINK"]?["reserved"]?.intValue == 120 && levels["BT-PINK"]?["available"]?.intValue == 0)
            #expect(levels["BT-PINK"]?["quarantined"]?.intValue == 40)
            #expect(levels["BT-BLUE"]?["reserved"]?.intValue == blueGiven && levels["BT-BLUE"]?["available"]?.intValue == 30 - blueGiven)
            #expect(levels["BT-BLUE"]?["quarantined"]?.intValue == 5)
            for sku in ["BT-PINK", "BT-BLUE"] {
                let ledger = try await app.database.read { db in try await StockStore(db: db).movements(sku: SKU(sku)) }
                let rebuilt = try StockLevels.rebuild(from: ledger)
                for state in StockState.allCases { #expect(rebuilt[SKU(sku), state] == levels[sku]?[state.rawValue]?.intValue, "\(sku) \(state)") }
            }
        }
    }
}
