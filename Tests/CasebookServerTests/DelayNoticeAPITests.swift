import CasebookCore
import Foundation
import SQLKit
import Testing
@testable import CasebookServer

/// Delay notices: everyone waiting on a SKU told their place and the date the announced deliveries cover them, by
/// mail through a public reply on their order's ticket (a new one when the order has none), with an incentive each.
@Suite("Delay notices and expected deliveries")
struct DelayNoticeAPITests {
    @Test(arguments: TestDatabase.all)
    func leadSendsDelayNoticesWithDatesFromAnnouncedDeliveries(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let lead = try await app.person("Lara Lead", role: .lead)
            #expect(try await lead.post("/api/v2/products", ["product": [
                "name": "BeamTag", "currency": "EUR", "variants": [["sku": "BT-BLACK", "name": "BeamTag black", "price": 2900]]]]).status == .created)
            var customers: [Caller] = []
            var orders: [Int] = []
            var existingTicket = 0
            for (i, quantity) in [1, 1, 2, 1].enumerated() {
                let customer = try await app.person("Buyer \(i + 1)", role: .endUser)
                customers.append(customer)
                app.clock.advance(minutes: 1)
                let tickets = i == 1 ? [try await customer.createTicket(["subject": "Where is my tag?", "comment": ["body": "?"]])] : []
                if i == 1 { existingTicket = tickets[0] }
                let order = try await app.agent.post("/api/v2/orders", ["order": [
                    "customer_id": .int(customer.id), "lines": [["sku": "BT-BLACK", "quantity": .int(quantity)]], "ticket_ids": JSONValue(tickets)]])
                #expect(order["order"]?["lines"]?.arrayValue?.first?["status"]?.stringValue == "backordered", "\(order.text)")
                orders.append(order["order"]?["id"]?.intValue ?? 0)
            }
            // Buyer 1's order is linked to a ticket closed long ago: a closed ticket takes no reply, so a new one is opened.
            let closed = try await customers[0].createTicket(["subject": "Old question", "comment": ["body": "?"]])
            _ = try await app.agent.put("/api/v2/tickets/\(closed)", ["ticket": ["status": "solved", "assignee_id": .int(app.agent.id)]])
            let closing = try await app.agent.put("/api/v2/tickets/\(closed)", ["ticket": ["status": "closed"]])
            #expect(try await app.ticket(closed)["status"]?.stringValue == "closed", "\(closing.text)")
            let firstOrder = orders[0]
            try await app.database.write { db in
                try await db.raw("INSERT INTO order_tickets (order_id, ticket_id) VALUES (\(bind: firstOrder), \(bind: closed))").run()
            }
            // The supplier announces two deliveries: 3 units in ten days, 5 more in twenty.
            let day: Int64 = 86_400_000
            let soon = isoString(Timestamp.date(app.clock.now + 10 * day)), later = isoString(Timestamp.date(app.clock.now + 20 * day))
            let first = try await lead.post("/api/v2/stock_receipts", ["stock_receipt": [
                "supplier": "Shenzhen Beam Ltd", "expected_at": .string(soon), "lines": [["sku": "BT-BLACK", "expected": 3]]]])
            #expect(first.status == .created && first["stock_receipt"]?["status"]?.stringValue == "expected", "\(first.text)")
            _ = try await lead.post("/api/v2/stock_receipts", ["stock_receipt": [
                "supplier": "Shenzhen Beam Ltd", "expected_at": .string(later), "lines": [["sku": "BT-BLACK", "expected": 5]]]])
            let announced = try #require(first["stock_receipt"]?["id"]?.intValue)
            #expect(try await lead.post("/api/v2/stock_receipts", ["stock_receipt": [
                "supplier": "S", "expected_at": "next week", "lines": [["sku": "BT-BLACK", "expected": 3]]]]).status == .unprocessableContent)
            #expect(try await lead.post("/api/v2/stock_receipts/\(announced)/inspection", ["stock_receipt": [
                "inspection": [["sku": "BT-BLACK", "good": 3, "defective": 0]]]]).status == .unprocessableContent, "not arrived yet")
            #expect(try await app.agent.get("/api/v2/stock_receipts?status=expected")["count"]?.intValue == 2)

            // A dry run shows every text and writes nothing.
            let preview = try await lead.post("/api/v2/backorders/delay_notices", ["delay_notice": [
                "sku": "BT-BLACK", "dry_run": true, "incentive": ["type": "store_credit", "amount": "5.00", "currency": "eur"]]])
            #expect(preview.status == .ok, "\(preview.text)")
            let previewed = preview["delay_notice"]?["recipients"]?.arrayValue ?? []
            #expect(previewed.compactMap { $0["position"]?.intValue } == [1, 2, 3, 4])
            #expect(previewed.map { $0["expected_at"]?.stringValue ?? "" } == [soon, soon, later, later], "1 + 1 units in the first delivery, 2 + 1 in the second")
            let text = previewed[2]["body"]?.stringValue ?? ""
            #expect(text.hasPrefix("Hello Buyer,") && text.contains("number 3 of 4"), "\(text)")
            #expect(text.contains("store credit of 5.00 EUR") && text.contains("BeamTag black (BT-BLACK)"), "\(text)")
            #expect(previewed.allSatisfy { $0["ticket_id"] == .null })
            #expect(try await app.agent.get("/api/v2/backorders/delay_notices?sku=BT-BLACK")["count"]?.intValue == 0)
            #expect(try await app.agent.get("/api/v2/users/\(customers[0].id)/incentives")["count"]?.intValue == 0)

            // Sent with a discount code made up per customer.
            let sent = try await lead.post("/api/v2/backorders/delay_notices", ["delay_notice": [
                "sku": "BT-BLACK", "incentive": ["type": "discount_code", "description": "15 % off your next order"]]])
            #expect(sent.status == .created, "\(sent.text)")
            let recipients = sent["delay_notice"]?["recipients"]?.arrayValue ?? []
            let tickets = recipients.compactMap { $0["ticket_id"]?.intValue }
            #expect(tickets.count == 4 && tickets[1] == existingTicket, "the order's own ticket; new ones for the others")
            var codes: Set<String> = []
            for (i, customer) in customers.enumerated() {
                let given = try await app.agent.get("/api/v2/users/\(customer.id)/incentives")["incentives"]?.arrayValue ?? []
                #expect(given.count == 1 && given[0]["order_id"]?.intValue == orders[i], "\(given)")
                let code = given.first?["code"]?.stringValue ?? ""
                #expect(code.hasPrefix("CB-") && code.count == 12, "\(code)")
                codes.insert(code)
                // The customer sees the notice on their ticket and gets it by mail.
                let comments = try await customer.get("/api/v2/tickets/\(tickets[i])/comments")["comments"]?.arrayValue ?? []
                let last = comments.last?["body"]?.stringValue ?? ""
                #expect(last.contains("number \(i + 1) of 4") && last.contains(code), "\(last)")
                let mail = try await app.outbox(ticket: tickets[i]).filter { $0.to.contains("buyer.\(i + 1)@customer.example") }
                #expect(mail.contains { $0.body.contains("number \(i + 1) of 4") }, "\(mail)")
            }
            #expect(codes.count == 4, "a code of their own for each customer")
            #expect(try await app.notices(tickets[1]).contains { $0.contains("Delay notice: position 2") })
            let created = try await app.ticket(tickets[0])
            #expect(created["status"]?.stringValue == "pending" && created["requester_id"]?.intValue == customers[0].id)
            #expect(tickets[0] != closed)
            let order = try await app.agent.get("/api/v2/orders/\(orders[0])")
            #expect(order["order"]?["ticket_ids"]?.arrayValue?.compactMap(\.intValue) == [closed, tickets[0]], "\(order.text)")
            let list = try await app.agent.get("/api/v2/backorders/delay_notices?sku=BT-BLACK")
            #expect(list["count"]?.intValue == 1 && list["delay_notices"]?.arrayValue?.first?["recipients_count"]?.intValue == 4)

            // Refusals: agents may not send; bad input is explained; nobody waiting is said so.
            #expect(try await app.agent.post("/api/v2/backorders/delay_notices", ["delay_notice": ["sku": "BT-BLACK"]]).status == .forbidden)
            #expect(try await customers[0].post("/api/v2/backorders/delay_notices", ["delay_notice": ["sku": "BT-BLACK"]]).status == .forbidden)
            for body: JSONObject in [["sku": "NOPE"], ["sku": "BT-BLACK", "body": "{{#open}}never closed"],
                                     ["sku": "BT-BLACK", "incentive": ["type": "store_credit", "amount": "lots", "currency": "EUR"]],
                                     ["sku": "BT-BLACK", "incentive": ["type": "discount_code", "code": "has spaces"]],
                                     ["sku": "BT-BLACK", "incentive": ["type": "voucher"]]] {
                let answer = try await lead.post("/api/v2/backorders/delay_notices", ["delay_notice": .object(body)])
                #expect(answer.status == .unprocessableContent, "\(body): \(answer.text)")
            }
            #expect(try await app.agent.get("/api/v2/backorders/delay_notices")["count"]?.intValue == 1, "nothing half-sent")

            // The announced delivery arrives and is inspected: its units are available and go to the queue.
            let arrival = try await lead.post("/api/v2/stock_receipts/\(announced)/arrival", ["stock_receipt": [
                "lines": [["sku": "BT-BLACK", "received": 3]], "inspection": [["sku": "BT-BLACK", "good": 3, "defective": 0]], "allocate": true]])
            #expect(arrival.status == .ok && arrival["stock_receipt"]?["status"]?.stringValue == "inspected", "\(arrival.text)")
            #expect(try await lead.post("/api/v2/stock_receipts/\(announced)/arrival", ["stock_receipt": [
                "lines": [["sku": "BT-BLACK", "received": 3]]]]).status == .unprocessableContent, "a delivery arrives once")
            let queue = try await app.agent.get("/api/v2/backorders?sku=BT-BLACK")
            // Buyers 1 and 2 get one each; Buyer 3 needs two and takes no partial shipment, so the last unit goes to Buyer 4.
            #expect(queue["backorders"]?.arrayValue?.map { $0["customer"]?.stringValue ?? "" } == ["Buyer 3"], "\(queue.text)")
        }
    }
}
