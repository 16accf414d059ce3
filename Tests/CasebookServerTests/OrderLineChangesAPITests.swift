import CasebookCore
import Foundation
import Testing
@testable import CasebookServer

/// Order lines after they are placed: cancelled before they ship (stock back, queue place given up), delivered,
/// returned with some units restocked; and, when the desk is configured so, stock freed that way (or received) goes
/// to the backorder queue at once.
@Suite("Order cancellations, deliveries and returns API")
struct OrderLineChangesAPITests {
    @Test(arguments: TestDatabase.all)
    func cancelDeliverAndReturnMoveStockAndTellTheTicket(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let lead = try await app.person("Lara Lead", role: .lead)
            _ = try await lead.post("/api/v2/products", ["product": ["name": "BeamTag", "variants": [["sku": "BT-PINK", "price": 2900]]]])
            try await receive(lead, 3)
            let ticket = try await app.endUserA.createTicket(["subject": "Cancel my order", "comment": ["body": "Please."]])
            let first = try await order(app, app.endUserA, 2, ticket: ticket)
            let second = try await order(app, app.endUserB, 2)
            #expect(first.status == "allocated" && second.status == "backordered")

            // A reason is required; an unknown line is refused; a customer may not cancel through the API.
            #expect(try await app.agent.post("/api/v2/orders/\(first.id)/cancellation", ["cancellation": ["reason": " "]]).status == .unprocessableContent)
            #expect(try await app.agent.post("/api/v2/orders/\(first.id)/cancellation", ["cancellation": ["reason": "x", "line_ids": [999999]]]).status
                    == .unprocessableContent)
            #expect(try await app.endUserA.post("/api/v2/orders/\(first.id)/cancellation", ["cancellation": ["reason": "x"]]).status == .forbidden)
            let cancelled = try await app.agent.post("/api/v2/orders/\(first.id)/cancellation", ["cancellation": ["reason": "Ordered twice by mistake"]])
            #expect(cancelled.status == .ok, "\(cancelled.text)")
            #expect(cancelled["order"]?["lines"]?.arrayValue?.first?["status"]?.stringValue == "cancelled")
            #expect(cancelled["order"]?["lines"]?.arrayValue?.first?["cancel_reason"]?.stringValue == "Ordered twice by mistake")
            #expect(cancelled["order"]?["shipments"]?.arrayValue?.first?["status"]?.stringValue == "cancelled", "\(cancelled.text)")
            #expect(cancelled["allocation"] == .null, "without the setting a lead runs the allocation")
            #expect(try await level(app) == ["available": 3, "reserved": 0], "the two reserved units are back")
            let notices = try await app.notices(ticket)
            #expect(notices.contains { $0.contains("cancelled by Morgan Agent: Ordered twice by mistake") } && notices.contains { $0.contains("Back in stock: 2 × BT-PINK") },
                    "\(notices)")
            #expect(try await app.agent.post("/api/v2/orders/\(first.id)/cancellation", ["cancellation": ["reason": "again"]]).status == .unprocessableContent)

            // The lead allocates; the second order ships and is delivered.
            #expect(try await lead.post("/api/v2/allocations", ["allocation": ["skus": ["BT-PINK"], "commit": true]]).status == .ok)
            var shown = try await app.agent.get("/api/v2/orders/\(second.id)")
            #expect(shown["order"]?["lines"]?.arrayValue?.first?["status"]?.stringValue == "allocated")
            let shipment = shown["order"]?["shipments"]?.arrayValue?.first?["id"]?.intValue ?? 0
            #expect(try await lead.post("/api/v2/shipments/\(shipment)/delivery", [:]).status == .unprocessableContent, "not left yet")
            #expect(try await lead.post("/api/v2/shipments/\(shipment)/ship", ["shipment": ["carrier": "DHL", "tracking": "1Z", "station": "Packing 1"]]).status == .ok)
            #expect(try await app.agent.post("/api/v2/orders/\(second.id)/cancellation", ["cancellation": ["reason": "too late"]]).text
                        .contains("record a return instead"))
            #expect(try await app.agent.post("/api/v2/shipments/\(shipment)/delivery", [:]).status == .forbidden)
            shown = try await lead.post("/api/v2/shipments/\(shipment)/delivery", [:])
            #expect(shown["order"]?["lines"]?.arrayValue?.first?["status"]?.stringValue == "delivered", "\(shown.text)")
            #expect(shown["order"]?["shipments"]?.arrayValue?.first?["status"]?.stringValue == "delivered")

            // One unit comes back fine and is restocked, the other broken; then the line is returned.
            let line = shown["order"]?["lines"]?.arrayValue?.first?["id"]?.intValue ?? 0
            let bad = try await lead.post("/api/v2/orders/\(second.id)/returns", ["return": ["line_id": .int(line), "quantity": 1, "restock": 2, "reason": ""]])
            #expect(bad.status == .unprocessableContent && bad.text.contains("restock") && bad.text.contains("reason"), "\(bad.text)")
            let good = try await lead.post("/api/v2/orders/\(second.id)/returns", ["return": ["line_id": .int(line), "quantity": 1, "restock": 1, "reason": "Unwanted gift"]])
            #expect(good.status == .created, "\(good.text)")
            #expect(good["order"]?["lines"]?.arrayValue?.first?["status"]?.stringValue == "delivered")
            #expect(good["order"]?["lines"]?.arrayValue?.first?["returned_quantity"]?.intValue == 1)
            let broken = try await lead.post("/api/v2/orders/\(second.id)/returns", ["return": ["line_id": .int(line), "quantity": 1, "reason": "Cracked in transit"]])
            #expect(broken["order"]?["lines"]?.arrayValue?.first?["status"]?.stringValue == "returned")
            #expect(broken["order"]?["returns"]?.arrayValue?.map { $0["restocked"]?.intValue ?? -1 } == [1, 0])
            #expect(try await lead.post("/api/v2/orders/\(second.id)/returns", ["return": ["line_id": .int(line), "quantity": 1, "reason": "more"]]).status
                    == .unprocessableContent, "nothing is still out")
            #expect(try await level(app) == ["available": 2, "reserved": 0], "3 received, 2 shipped, 1 restocked")
            let events = try await app.admin.get("/api/v2/order_events").json["order_events"]?.arrayValue?.compactMap { $0["event"]?.stringValue } ?? []
            #expect(events.filter { ["order_line.cancelled", "shipment.delivered", "return.recorded"].contains($0) }
                    == ["order_line.cancelled", "shipment.delivered", "return.recorded", "return.recorded"], "\(events)")
        }
    }

    @Test(arguments: TestDatabase.all)
    func withTheSettingFreedAndReceivedStockGoesToTheQueueAtOnce(db: TestDatabase) async throws {
        try await TestApp.run(db, mail: ["CASEBOOK_ALLOCATE_ON_STOCK": "1"]) { app in
            let lead = try await app.person("Lara Lead", role: .lead)
            _ = try await lead.post("/api/v2/products", ["product": ["name": "BeamTag", "variants": [["sku": "BT-PINK", "price": 2900]]]])
            try await receive(lead, 1)
            let first = try await order(app, app.endUserA, 1)
            let second = try await order(app, app.endUserB, 1)
            #expect(first.status == "allocated" && second.status == "backordered")
            // The first customer cancels: the unit goes to the second at once, even when an agent cancels.
            let cancelled = try await app.agent.post("/api/v2/orders/\(first.id)/cancellation", ["cancellation": ["reason": "Changed their mind"]])
            #expect(cancelled["allocation"]?["allocations"]?.arrayValue?.count == 1, "\(cancelled.text)")
            #expect(try await status(app, second.id) == "allocated")
            // A third waits; a delivery inspected without asking for it allocates all the same.
            let third = try await order(app, app.endUserA, 1)
            #expect(third.status == "backordered")
            try await receive(lead, 1)
            #expect(try await status(app, third.id) == "allocated")
        }
    }

    struct Placed { var id: Int; var status: String }

    private func order(_ app: TestApp, _ customer: Caller, _ quantity: Int, ticket: Int? = nil) async throws -> Placed {
        let placed = try await app.agent.post("/api/v2/orders", ["order": [
            "customer_id": .int(customer.id), "lines": [["sku": "BT-PINK", "quantity": .int(quantity)]], "ticket_ids": JSONValue(ticket.map { [$0] } ?? [])]])
        #expect(placed.status == .created, "\(placed.text)")
        return Placed(id: placed["order"]?["id"]?.intValue ?? 0, status: placed["order"]?["lines"]?.arrayValue?.first?["status"]?.stringValue ?? "")
    }

    private func status(_ app: TestApp, _ order: Int) async throws -> String? {
        try await app.agent.get("/api/v2/orders/\(order)").json["order"]?["lines"]?.arrayValue?.first?["status"]?.stringValue
    }

    private func level(_ app: TestApp) async throws -> [String: Int] {
        let stock = try await app.agent.get("/api/v2/stock")
        let pink = stock["stock"]?.arrayValue?.first { $0["sku"]?.stringValue == "BT-PINK" }
        return ["available": pink?["available"]?.intValue ?? -1, "reserved": pink?["reserved"]?.intValue ?? -1]
    }

    private func receive(_ lead: Caller, _ units: Int) async throws {
        let receipt = try await lead.post("/api/v2/stock_receipts", ["stock_receipt": [
            "supplier": "Shenzhen Beam Ltd", "lines": [["sku": "BT-PINK", "expected": .int(units), "received": .int(units)]],
            "inspection": [["sku": "BT-PINK", "good": .int(units), "defective": 0]]]])
        #expect(receipt.status == .created, "\(receipt.text)")
    }
}
