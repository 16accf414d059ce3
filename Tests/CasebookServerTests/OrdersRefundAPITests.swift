import CasebookCore
import Foundation
import Testing
@testable import CasebookServer

/// The wrong-item story: a fulfilment error with its station and cause, an expedited replacement, refunds within and
/// over the agent's limit with a lead's approval, shipping with tracking, the error report and the order events.
@Suite("Refunds and fulfilment errors API")
struct OrdersRefundAPITests {
    /// A product in two colours with stock, and one order of a pink one (shipping 4.99) linked to a new ticket.
    static func shippedOrder(_ app: TestApp, lead: Caller) async throws -> (order: Int, line: Int, ticket: Int) {
        _ = try await lead.post("/api/v2/products", ["product": [
            "name": "BeamTag", "currency": "EUR",
            "variants": [["sku": "BT-PINK", "name": "BeamTag pink", "options": ["colour": "pink"], "price": 2900],
                         ["sku": "BT-ROSE", "name": "BeamTag rose", "options": ["colour": "rose"], "price": 2900]]]])
        _ = try await lead.post("/api/v2/stock_receipts", ["stock_receipt": [
            "supplier": "Beam Ltd", "lines": [["sku": "BT-PINK", "expected": 5, "received": 5]], "inspection": [["sku": "BT-PINK", "good": 5, "defective": 0]]]])
        let ticket = try await app.endUserA.createTicket(["subject": "You sent me a rose one, I ordered pink", "comment": ["body": "Wrong colour!"]])
        let order = try await app.agent.post("/api/v2/orders", ["order": [
            "customer_id": .int(app.endUserA.id), "lines": [["sku": "BT-PINK", "quantity": 2]], "shipping": 499, "ticket_ids": [.int(ticket)]]])
        #expect(order.status == .created, "\(order.text)")
        let orderID = try #require(order["order"]?["id"]?.intValue)
        let line = try #require(order["order"]?["lines"]?.arrayValue?.first?["id"]?.intValue)
        let shipment = try #require(order["order"]?["shipments"]?.arrayValue?.first?["id"]?.intValue)
        #expect(try await app.agent.post("/api/v2/shipments/\(shipment)/ship", ["shipment": ["carrier": "DHL", "station": "Packing 2"]]).status == .forbidden)
        let shipped = try await lead.post("/api/v2/shipments/\(shipment)/ship", ["shipment": ["carrier": "DHL", "tracking": "JJD0001", "station": "Packing 2"]])
        #expect(shipped.status == .ok, "\(shipped.text)")
        #expect(shipped["order"]?["lines"]?.arrayValue?.first?["status"]?.stringValue == "shipped")
        #expect(try await lead.post("/api/v2/shipments/\(shipment)/ship", ["shipment": ["carrier": "DHL", "station": "Packing 2"]]).status == .unprocessableContent)
        return (orderID, line, ticket)
    }

    @Test(arguments: TestDatabase.all)
    func wrongItemGetsAnExpeditedReplacementAndRefundsFollowTheLimits(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let lead = try await app.person("Lara Lead", role: .lead)
            let manager = try await app.person("Mona Manager", role: .manager)
            let (order, line, ticket) = try await Self.shippedOrder(app, lead: lead)

            // The agent records the error, sends a replacement now and refunds the shipping (within the 50.00 limit).
            let blank = try await app.agent.post("/api/v2/fulfilment_errors", ["fulfilment_error": [
                "order_id": .int(order), "line_id": .int(line), "kind": "wrong_item", "station": "", "root_cause": ""]])
            #expect(blank.status == .unprocessableContent)
            #expect(blank.text.contains("station") && blank.text.contains("root_cause"), "\(blank.text)")
            let recorded = try await app.agent.post("/api/v2/fulfilment_errors", ["fulfilment_error": [
                "order_id": .int(order), "line_id": .int(line), "kind": "wrong_item", "station": "Packing 2",
                "root_cause": "pink and rose bins swapped", "ticket_id": .int(ticket),
                "replacement": ["quantity": 2], "refund": ["kind": "shipping", "reason": "wrong_item"]]])
            #expect(recorded.status == .created, "\(recorded.text)")
            #expect(recorded["fulfilment_error"]?["refund"]?["status"]?.stringValue == "approved")
            #expect(recorded["fulfilment_error"]?["refund"]?["amount"]?.intValue == 499)
            let shown = try await app.agent.get("/api/v2/orders/\(order)")
            let shipments = shown["order"]?["shipments"]?.arrayValue ?? []
            #expect(shipments.contains { $0["expedited"] == .bool(true) && $0["status"]?.stringValue == "ready" }, "\(shown.text)")
            let notices = try await app.notices(ticket)
            #expect(notices.contains { $0.contains("Fulfilment error on line \(line)") && $0.contains("pink and rose bins swapped") }, "\(notices)")
            #expect(notices.contains { $0.contains("Expedited replacement: 2 × BT-PINK") })
            #expect(notices.contains { $0.contains("4.99 EUR") && $0.contains("given by Morgan Agent") })

            // Over the agent's limit: a request a lead approves in one call; the agent cannot.
            let big = try await app.agent.post("/api/v2/orders/\(order)/refunds", ["refund": ["kind": "amount", "amount": 5200, "reason": "goodwill",
                                                                                             "note": "Christmas present, arrived late"]])
            #expect(big.status == .created, "\(big.text)")
            #expect(big["refund"]?["status"]?.stringValue == "requested")
            #expect(big["refund"]?["approver_role"]?.stringValue == "lead")
            let refundID = try #require(big["refund"]?["id"]?.intValue)
            #expect(try await app.agent.get("/api/v2/refunds").json["refunds"]?.arrayValue?.compactMap { $0["id"]?.intValue } == [refundID])
            #expect(try await app.agent.post("/api/v2/refunds/\(refundID)/approve", [:]).status == .forbidden)
            #expect(try await lead.post("/api/v2/refunds/\(refundID)/decline", [:]).status == .unprocessableContent, "a decline needs a reason")
            let approved = try await lead.post("/api/v2/refunds/\(refundID)/approve", [:])
            #expect(approved.status == .ok, "\(approved.text)")
            #expect(approved["refund"]?["status"]?.stringValue == "approved")
            #expect(try await lead.post("/api/v2/refunds/\(refundID)/approve", [:]).status == .unprocessableContent, "once only")
            #expect(try await app.notices(ticket).contains { $0.contains("Refund #\(refundID) of 52.00 EUR approved by Lara Lead") })
            let aboveLimit = try await app.agent.get("/api/v2/decisions?kind=refund_above_limit")["decisions"]?.arrayValue ?? []
            #expect(aboveLimit.count == 1 && aboveLimit.first?["ticket_id"]?.intValue == ticket
                    && aboveLimit.first?["notified_user_ids"]?.arrayValue?.contains(.int(app.agent.id)) == true, "\(aboveLimit)")

            // Never more than was paid: 2 × 29.00 + 4.99 − 4.99 − 52.00 leaves 6.00.
            let refundable = try await app.agent.get("/api/v2/orders/\(order)/refunds")
            #expect(refundable["refundable"]?.intValue == 600, "\(refundable.text)")
            #expect(try await app.agent.post("/api/v2/orders/\(order)/refunds", ["refund": ["kind": "amount", "amount": 601, "reason": "goodwill"]]).status
                == .unprocessableContent)
            #expect(try await app.agent.post("/api/v2/orders/\(order)/refunds", ["refund": ["kind": "shipping", "reason": "late"]]).status
                == .unprocessableContent, "shipping was refunded already")
            #expect(try await app.agent.post("/api/v2/orders/\(order)/refunds", ["refund": ["kind": "amount", "amount": 100, "reason": "sorry"]]).status
                == .unprocessableContent, "reasons are a closed list")
            #expect(try await app.endUserA.post("/api/v2/orders/\(order)/refunds", ["refund": ["kind": "amount", "amount": 100, "reason": "goodwill"]]).status
                == .forbidden)

            // A lead's own request over the lead limit goes to a manager; nobody approves their own.
            let second = try await app.person("Other Customer", role: .endUser)
            let other = try await app.agent.post("/api/v2/orders", ["order": ["customer_id": .int(second.id), "lines": [["sku": "BT-ROSE", "quantity": 1, "price": 90000]]]])
            let otherID = try #require(other["order"]?["id"]?.intValue)
            let huge = try await lead.post("/api/v2/orders/\(otherID)/refunds", ["refund": ["kind": "full", "reason": "backorder_cancelled"]])
            #expect(huge["refund"]?["status"]?.stringValue == "requested", "\(huge.text)")
            #expect(huge["refund"]?["approver_role"]?.stringValue == "manager")
            let hugeID = try #require(huge["refund"]?["id"]?.intValue)
            #expect(try await lead.post("/api/v2/refunds/\(hugeID)/approve", [:]).status == .forbidden)
            let declined = try await manager.post("/api/v2/refunds/\(hugeID)/decline", ["refund": ["reason": "Stock arrives Friday"]])
            #expect(declined["refund"]?["status"]?.stringValue == "declined", "\(declined.text)")
            #expect(declined["refund"]?["decline_reason"]?.stringValue == "Stock arrives Friday")

            // The report by station and cause, and the webhook-ready events in order.
            let report = try await lead.get("/api/v2/fulfilment_errors/report")
            let station = report["fulfilment_error_report"]?["by_station"]?.arrayValue?.first
            #expect(station?["station"]?.stringValue == "Packing 2")
            #expect(station?["count"]?.intValue == 1)
            #expect(station?["shipped_lines"]?.intValue == 1)
            #expect(station?["rate"] == .double(1) || station?["rate"] == .int(1), "\(report.text)")
            #expect(report["fulfilment_error_report"]?["by_root_cause"]?.arrayValue?.first?["root_cause"]?.stringValue == "pink and rose bins swapped")
            #expect(try await app.agent.get("/api/v2/fulfilment_errors/report").status == .forbidden)
            let events = try await app.admin.get("/api/v2/order_events").json["order_events"]?.arrayValue?.compactMap { $0["event"]?.stringValue }
            #expect(events == ["shipment.shipped", "refund.approved", "fulfilment_error.recorded", "refund.requested", "refund.approved",
                               "refund.requested", "refund.declined"], "\(events ?? [])")
            let errors = try await app.agent.get("/api/v2/fulfilment_errors?order_id=\(order)")
            #expect(errors["count"]?.intValue == 1)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aReplacementTakingQueuedStockNeedsALead(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let lead = try await app.person("Lara Lead", role: .lead)
            let (order, line, _) = try await Self.shippedOrder(app, lead: lead)
            // Three pink are left; a customer waits for five.
            let waiting = try await app.person("Waiting Customer", role: .endUser)
            let queued = try await app.agent.post("/api/v2/orders", ["order": ["customer_id": .int(waiting.id), "lines": [["sku": "BT-PINK", "quantity": 5]]]])
            #expect(queued["order"]?["lines"]?.arrayValue?.first?["status"]?.stringValue == "backordered")
            let body: JSONValue = ["fulfilment_error": ["order_id": .int(order), "line_id": .int(line), "kind": "damaged", "station": "Packing 1",
                                                         "root_cause": "box crushed", "replacement": ["quantity": 1]]]
            let refused = try await app.agent.post("/api/v2/fulfilment_errors", body)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("a lead must approve"), "\(refused.text)")
            #expect(try await app.agent.get("/api/v2/fulfilment_errors").json["count"]?.intValue == 0, "nothing half-written")
            let approved = try await lead.post("/api/v2/fulfilment_errors", body)
            #expect(approved.status == .created, "\(approved.text)")
            let tooMany = try await lead.post("/api/v2/fulfilment_errors", ["fulfilment_error": [
                "order_id": .int(order), "line_id": .int(line), "kind": "missing", "station": "Packing 1", "root_cause": "x", "replacement": ["quantity": 9]]])
            #expect(tooMany.status == .unprocessableContent)
            #expect(tooMany.text.contains("available"), "\(tooMany.text)")
            #expect(try await app.agent.post("/api/v2/fulfilment_errors", ["fulfilment_error": [
                "order_id": .int(order), "line_id": 999_999, "kind": "missing", "station": "P", "root_cause": "x"]]).status == .unprocessableContent)
        }
    }
}
