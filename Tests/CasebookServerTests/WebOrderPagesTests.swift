import CasebookCore
import Foundation
import Testing
@testable import CasebookServer

/// The backorder queue board and the refund approvals page in the browser, without the script.
@Suite("Web order pages")
struct WebOrderPagesTests {
    @Test(arguments: TestDatabase.all)
    func leadMovesACustomerOnTheBoardWithAReason(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let lead = try await app.person("Lara Lead", role: .lead)
            _ = try await lead.post("/api/v2/products", ["product": ["name": "BeamTag", "currency": "EUR", "variants": [["sku": "BT-PINK", "price": 2900]]]])
            for (i, name) in ["Ann <b>One</b>", "Bob Two", "Cy Three"].enumerated() {
                let user = try await app.admin.post("/api/v2/users", ["user": ["name": .string(name), "email": .string("customer\(i)@customer.example")]])
                let customer = try #require(user["user"]?["id"]?.intValue, "\(user.text)")
                app.clock.advance(minutes: 1)
                let order = try await app.agent.post("/api/v2/orders", ["order": ["customer_id": .int(customer), "lines": [["sku": "BT-PINK", "quantity": 1]]]])
                #expect(order.status == .created)
            }
            let agent = try await app.signedIn(TestApp.agentEmail)
            let queues = try await agent.get("/agent/backorders")
            #expect(queues.contains("href=\"/agent/backorders/BT-PINK\""), "\(queues.html)")
            var board = try await agent.get("/agent/backorders/BT-PINK")
            #expect(board.contains("Ann &lt;b&gt;One&lt;/b&gt;"), "names are escaped")
            #expect(!board.contains("class=\"queue-move\""), "agents see the queue, leads move it")
            let ids = board.html.matches(of: #/data-entry-id="(\d+)"/#).map { String($0.1) }
            #expect(ids.count == 3)
            #expect(try await agent.post("/agent/backorders/BT-PINK/move", [("entry_id", ids[2]), ("to", "top"), ("reason", "x")]).status == .forbidden)

            let browser = try await app.signedIn("lara.lead@brightbeam.example")
            board = try await browser.get("/agent/backorders/BT-PINK")
            #expect(board.contains("class=\"queue-move\""))
            #expect(board.contains("draggable=\"true\""))
            let blank = try await browser.post("/agent/backorders/BT-PINK/move", [("entry_id", ids[2]), ("to", "top"), ("reason", " ")])
            #expect(blank.status == .unprocessableContent)
            #expect(blank.contains("flash-error"))
            #expect(try await browser.post("/agent/backorders/BT-PINK/move", [("entry_id", ids[2]), ("to", "top"), ("reason", "x")], csrf: "forged").status
                == .forbidden)
            let moved = try await browser.post("/agent/backorders/BT-PINK/move", [("entry_id", ids[2]), ("to", "top"), ("reason", "Promised at the fair")])
            #expect(moved.status == .seeOther)
            let second = try await browser.post("/agent/backorders/BT-PINK/move", [("entry_id", ids[0]), ("to", "3"), ("reason", "Abused staff twice")])
            #expect(second.status == .seeOther)
            board = try await browser.get("/agent/backorders/BT-PINK")
            #expect(board.html.matches(of: #/data-entry-id="(\d+)"/#).map { String($0.1) } == [ids[2], ids[1], ids[0]])
            #expect(board.contains("3 → 1 by Lara Lead"))
            #expect(board.contains("Abused staff twice"))
            #expect(try await browser.get("/agent/backorders/NOPE").contains("Nobody is waiting for NOPE"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func leadPreviewsAndSendsADelayNoticeFromTheBoard(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let lead = try await app.person("Lara Lead", role: .lead)
            _ = try await lead.post("/api/v2/products", ["product": ["name": "BeamTag", "currency": "EUR", "variants": [["sku": "BT-PINK", "price": 2900]]]])
            for (i, name) in ["Ann <b>One</b>", "Bob Two"].enumerated() {
                let user = try await app.admin.post("/api/v2/users", ["user": ["name": .string(name), "email": .string("customer\(i)@customer.example")]])
                app.clock.advance(minutes: 1)
                _ = try await app.agent.post("/api/v2/orders", ["order": ["customer_id": .int(user["user"]?["id"]?.intValue ?? 0),
                                                                          "lines": [["sku": "BT-PINK", "quantity": 1]]]])
            }
            _ = try await lead.post("/api/v2/stock_receipts", ["stock_receipt": [
                "supplier": "Beam", "expected_at": .string(isoString(Timestamp.date(app.clock.now + 7 * 86_400_000))),
                "lines": [["sku": "BT-PINK", "expected": 1]]]])
            let agent = try await app.signedIn(TestApp.agentEmail)
            #expect(!(try await agent.get("/agent/backorders/BT-PINK")).contains("id=\"delay-notice\""), "leads send notices")
            #expect(try await agent.post("/agent/backorders/BT-PINK/delay_notice", [("body", "Hi"), ("action", "send")]).status == .forbidden)

            let browser = try await app.signedIn("lara.lead@brightbeam.example")
            let board = try await browser.get("/agent/backorders/BT-PINK")
            #expect(board.contains("id=\"delay-notice\"") && board.contains("Send to 2 customers"), "\(board.html)")
            let text = "Dear {{customer.first_name}}, you are number {{position}}; expected {{#expected_date}}{{expected_date}}{{/expected_date}}{{^expected_date}}later{{/expected_date}}.{{#incentive}} {{incentive}}{{/incentive}}"
            let preview = try await browser.post("/agent/backorders/BT-PINK/delay_notice", [
                ("body", text), ("incentive", "store_credit"), ("amount", "7.5"), ("currency", "eur"), ("action", "preview")])
            #expect(preview.status == .ok)
            #expect(preview.contains("Dear Ann, you are number 1; expected ") && preview.contains("store credit of 7.50 EUR"), "\(preview.html)")
            #expect(preview.contains("Dear Bob, you are number 2; expected later."), "one unit announced: the second customer has no date")
            #expect(preview.contains("Ann &lt;b&gt;One&lt;/b&gt;"), "names are escaped")
            #expect(try await app.agent.get("/api/v2/backorders/delay_notices")["count"]?.intValue == 0, "a preview sends nothing")
            let bad = try await browser.post("/agent/backorders/BT-PINK/delay_notice", [
                ("body", text), ("incentive", "store_credit"), ("amount", "lots"), ("action", "send")])
            #expect(bad.status == .unprocessableContent && bad.contains("flash-error") && bad.contains("lots"), "the form keeps what was typed")
            #expect(try await browser.post("/agent/backorders/BT-PINK/delay_notice", [("body", text), ("action", "send")], csrf: "forged").status == .forbidden)
            let sent = try await browser.post("/agent/backorders/BT-PINK/delay_notice", [("body", text), ("incentive", "none"), ("action", "send")])
            #expect(sent.status == .seeOther)
            let after = try await browser.get("/agent/backorders/BT-PINK?notified=2")
            #expect(after.contains("Delay notice sent to 2 customers") && after.contains("Lara Lead told 2 customers"), "\(after.html)")
            #expect(try await app.agent.get("/api/v2/backorders/delay_notices")["count"]?.intValue == 1)
        }
    }

    @Test(arguments: TestDatabase.all)
    func leadApprovesAndDeclinesRefundsOnThePage(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            _ = try await app.person("Lara Lead", role: .lead)
            let product = try await app.admin.post("/api/v2/products", ["product": ["name": "Switch", "currency": "EUR", "variants": [["sku": "SW-8", "price": 19900]]]])
            #expect(product.status == .created, "\(product.text)")
            let order = try await app.agent.post("/api/v2/orders", ["order": ["customer_id": .int(app.endUserA.id), "lines": [["sku": "SW-8", "quantity": 1]]]])
            let orderID = try #require(order["order"]?["id"]?.intValue)
            var refunds: [Int] = []
            for amount in [9000, 8000] {
                let r = try await app.agent.post("/api/v2/orders/\(orderID)/refunds", ["refund": ["kind": "amount", "amount": .int(amount), "reason": "goodwill", "note": "Loyal <customer>"]])
                refunds.append(try #require(r["refund"]?["id"]?.intValue))
            }
            let agent = try await app.signedIn(TestApp.agentEmail)
            #expect(try await agent.get("/agent/refunds").status == .forbidden)
            let lead = try await app.signedIn("lara.lead@brightbeam.example")
            var page = try await lead.get("/agent/refunds")
            #expect(page.contains("90.00 EUR") && page.contains("80.00 EUR"))
            #expect(page.contains("Loyal &lt;customer&gt;"))
            #expect(try await lead.post("/agent/refunds/\(refunds[1])/decline", [("reason", "")]).status == .unprocessableContent)
            #expect(try await lead.post("/agent/refunds/\(refunds[0])/approve").status == .seeOther)
            #expect(try await lead.post("/agent/refunds/\(refunds[1])/decline", [("reason", "Already refunded enough")]).status == .seeOther)
            page = try await lead.get("/agent/refunds")
            #expect(page.contains("Nothing waits for approval"))
            #expect(try await app.agent.get("/api/v2/refunds/\(refunds[0])").json["refund"]?["status"]?.stringValue == "approved")
            #expect(try await app.agent.get("/api/v2/refunds/\(refunds[1])").json["refund"]?["status"]?.stringValue == "declined")
        }
    }

    @Test(arguments: TestDatabase.all)
    func agentActsOnTheCustomersOrderFromTheTicket(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            _ = try await app.admin.post("/api/v2/products", ["product": ["name": "BeamTag", "currency": "EUR",
                                                                        "variants": [["sku": "BT-PINK", "price": 2900], ["sku": "SW-8", "price": 19900]]]])
            let ticket = try await app.endUserA.createTicket(["subject": "Where is my <order>?", "comment": ["body": "Two weeks now"]])
            let order = try await app.agent.post("/api/v2/orders", ["order": [
                "customer_id": .int(app.endUserA.id), "lines": [["sku": "BT-PINK", "quantity": 2], ["sku": "SW-8", "quantity": 1]],
                "shipping_address": "Rex <Road> 1", "ticket_ids": [.int(ticket)]]])
            let orderID = try #require(order["order"]?["id"]?.intValue, "\(order.text)")
            let lines = order["order"]?["lines"]?.arrayValue?.compactMap { $0["id"]?.intValue } ?? []

            // The customer card lists the order with its state and place in the queue, linking to it with the ticket.
            let agent = try await app.signedIn(TestApp.agentEmail)
            let page = try await agent.get("/agent/tickets/\(ticket)")
            #expect(page.contains("href=\"/agent/orders/\(orderID)?ticket=\(ticket)\""), "\(page.html)")
            #expect(page.contains("2 × BT-PINK backordered (place 1 in queue), 1 × SW-8 backordered (place 1 in queue)"), "\(page.html)")

            var orderPage = try await agent.get("/agent/orders/\(orderID)?ticket=\(ticket)")
            #expect(orderPage.status == .ok)
            #expect(orderPage.contains("Rex &lt;Road&gt; 1"), "escaped")
            #expect(orderPage.contains("href=\"/agent/tickets/\(ticket)\""))
            #expect(orderPage.contains("place <strong class=\"queue-place\">1</strong>"))
            #expect(orderPage.contains("257.00 EUR"), "total: 2 × 29 + 199")

            // One unit of the pink line back, within the agent's limit: given, on the ticket.
            let given = try await agent.post("/agent/orders/\(orderID)/refunds", [("kind", "lines"), ("line_id", String(lines[0])), ("quantity", "1"),
                                                                                 ("reason", "late"), ("note", "Sorry <3"), ("ticket", String(ticket))])
            #expect(given.status == .seeOther)
            #expect(given.location?.contains("refunded=") == true && given.location?.contains("ticket=\(ticket)") == true, "\(given.location ?? "")")
            // An amount over the agent's limit becomes a request; nonsense amounts are refused with the reason.
            let requested = try await agent.post("/agent/orders/\(orderID)/refunds", [("kind", "amount"), ("amount", "120,50"), ("reason", "goodwill"),
                                                                                     ("ticket", String(ticket))])
            #expect(requested.location?.contains("requested=") == true, "\(requested.location ?? "")")
            let nonsense = try await agent.post("/agent/orders/\(orderID)/refunds", [("kind", "amount"), ("amount", "12.505"), ("reason", "goodwill")])
            #expect(nonsense.status == .unprocessableContent)
            #expect(nonsense.contains("Amount: a sum such as 12.50"))
            #expect(try await agent.post("/agent/orders/\(orderID)/refunds", [("kind", "full"), ("reason", "late")], csrf: "forged").status == .forbidden)

            orderPage = try await agent.get("/agent/orders/\(orderID)?refunded=1&ticket=\(ticket)")
            #expect(orderPage.contains("29.00 EUR · late · <span class=\"status\">approved</span>"), "\(orderPage.html)")
            #expect(orderPage.contains("120.50 EUR · goodwill · <span class=\"status\">requested</span>"))
            #expect(orderPage.contains("Sorry &lt;3"))
            #expect(orderPage.contains("(1 refunded)"))
            let notices = try await app.notices(ticket).joined(separator: "\n")
            #expect(notices.contains("of 29.00 EUR (late) given by Morgan Agent"), "\(notices)")
            #expect(notices.contains("of 120.50 EUR (goodwill) requested by Morgan Agent"))

            // The customer says any colour will do: recorded from the order page.
            let entry = try #require(orderPage.firstMatch(#"name="entry_id" value="(\d+)""#))
            let recorded = try await agent.post("/agent/orders/\(orderID)/preference", [("entry_id", entry), ("kind", "accept_substitutes"),
                                                                                       ("by_customer", "on"), ("ticket", String(ticket))])
            #expect(recorded.status == .seeOther)
            #expect(try await agent.get("/agent/orders/\(orderID)").contains("takes any variant (said by the customer)"))
            #expect(try await app.notices(ticket).contains { $0.contains("accept any variant of the product (stated by the customer)") })

            // Customers do not get the workspace's order page.
            let rex = try await app.signedIn(TestApp.endUserAEmail)
            #expect(try await rex.get("/agent/orders/\(orderID)").status == .forbidden)
            #expect(try await agent.get("/agent/orders/999999").status == .notFound)
        }
    }

    @Test(arguments: TestDatabase.all)
    func customerSeesTheirPlaceAndChoosesInThePortal(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            _ = try await app.admin.post("/api/v2/products", ["product": ["name": "BeamTag", "currency": "EUR",
                                                                        "variants": [["sku": "BT-PINK", "price": 2900], ["sku": "BT-BLUE", "price": 2900]]]])
            var orders: [Int] = []
            for customer in [app.endUserB, app.endUserA, app.endUserA] {
                app.clock.advance(minutes: 1)
                let order = try await app.agent.post("/api/v2/orders", ["order": ["customer_id": .int(customer.id), "lines": [["sku": "BT-PINK", "quantity": 1]]]])
                orders.append(try #require(order["order"]?["id"]?.intValue))
            }
            let rex = try await app.signedIn(TestApp.endUserAEmail)
            var page = try await rex.get("/portal/orders")
            #expect(page.status == .ok)
            #expect(page.contains("Order #\(orders[1])") && page.contains("Order #\(orders[2])") && !page.contains("Order #\(orders[0])"),
                    "only their own orders")
            #expect(page.contains("You are number <strong class=\"queue-place\">2</strong>"), "\(page.html)")
            // Newest order first: the entry of orders[2], then of orders[1].
            let entries = Array(page.html.matches(of: #/name="entry_id" value="(\d+)"/#).map { String($0.1) }.reversed())
            #expect(entries.count == 2)
            // Any colour for the first; a refund for the second, given at once.
            #expect(try await rex.post("/portal/orders/\(orders[1])/preference", [("entry_id", entries[0]), ("kind", "accept_substitutes")]).status == .seeOther)
            let refunded = try await rex.post("/portal/orders/\(orders[2])/preference", [("entry_id", entries[1]), ("kind", "cancel_and_refund")])
            #expect(refunded.location?.hasPrefix("/portal/orders?refunded=") == true)
            page = try await rex.get("/portal/orders")
            #expect(page.contains("takes any variant (said by the customer)"), "\(page.html)")
            #expect(page.contains("refunded"))
            #expect(try await app.agent.get("/api/v2/orders/\(orders[2])/refunds")["refunds"]?.arrayValue?.first?["status"]?.stringValue == "approved")
            // Another customer's place is not theirs to change; forged forms are refused.
            let hana = try await app.signedIn(TestApp.endUserBEmail)
            #expect(try await hana.get("/portal/orders").contains("Order #\(orders[0])"))
            let other = try await hana.post("/portal/orders/\(orders[1])/preference", [("entry_id", entries[0]), ("kind", "wait")])
            #expect(other.status == .notFound, "\(other.status) \(other.html)")
            #expect(try await rex.post("/portal/orders/\(orders[1])/preference", [("entry_id", entries[0]), ("kind", "wait")], csrf: "forged").status == .forbidden)
            #expect(try await rex.post("/portal/orders/\(orders[1])/preference", [("entry_id", entries[0]), ("kind", "")]).status == .unprocessableContent)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aDeliveryIsRecordedAndInspectedOnTheReceiptsPage(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            _ = try await app.person("Lara Lead", role: .lead)
            _ = try await app.admin.post("/api/v2/products", ["product": ["name": "Beam<Tag>", "currency": "EUR",
                                                                        "variants": [["sku": "BT-PINK", "options": ["colour": "pink"], "price": 2900]]]])
            _ = try await app.agent.post("/api/v2/orders", ["order": ["customer_id": .int(app.endUserA.id), "lines": [["sku": "BT-PINK", "quantity": 1]]]])
            let agent = try await app.signedIn(TestApp.agentEmail)
            var catalogue = try await agent.get("/agent/catalogue")
            #expect(catalogue.contains("Beam&lt;Tag&gt;") && catalogue.contains("29.00 EUR") && catalogue.contains("colour: pink"))
            #expect(catalogue.contains("href=\"/agent/backorders/BT-PINK\">1 in the queue"), "\(catalogue.html)")
            #expect(!(try await agent.get("/agent/receipts")).contains("id=\"receive-form\""), "agents see receipts, leads record them")
            #expect(try await agent.post("/agent/receipts", [("supplier", "S"), ("sku", "BT-PINK"), ("expected", "1"), ("received", "1")]).status == .forbidden)

            let lead = try await app.signedIn("lara.lead@brightbeam.example")
            #expect(try await lead.get("/agent/receipts").contains("id=\"receive-form\""))
            #expect(try await lead.post("/agent/receipts", [("supplier", ""), ("sku", "BT-PINK"), ("expected", "5"), ("received", "4")]).status
                    == .unprocessableContent)
            let recorded = try await lead.post("/agent/receipts", [("supplier", "Shenzhen <Beam>"), ("reference", "PO-1"), ("sku", "BT-PINK"),
                                                                  ("expected", "5"), ("received", "4")])
            #expect(recorded.status == .seeOther)
            var page = try await lead.get(recorded.location ?? "/agent/receipts")
            #expect(page.contains("Shenzhen &lt;Beam&gt;") && page.contains("awaiting inspection"))
            #expect(page.contains("Short delivery: 1 × BT-PINK"))
            let receipt = try #require(page.firstMatch(#"data-receipt-id="(\d+)""#))
            let bad = try await lead.post("/agent/receipts/\(receipt)/inspection", [("sku_0", "BT-PINK"), ("good_0", "4"), ("defective_0", "1")])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.contains("must equal received 4"))
            let inspected = try await lead.post("/agent/receipts/\(receipt)/inspection", [("sku_0", "BT-PINK"), ("good_0", "3"), ("defective_0", "1"),
                                                                                          ("reason_0", "no charge"), ("allocate", "on")])
            #expect(inspected.status == .seeOther)
            page = try await lead.get("/agent/receipts")
            #expect(page.contains("3 good, 1 defective (no charge)") && page.contains("Defective: 1 × BT-PINK — no charge"))
            catalogue = try await agent.get("/agent/catalogue")
            #expect(catalogue.contains("<td class=\"available\">2</td><td>1</td><td>1</td>"), "2 available, 1 reserved for the waiting order, 1 quarantined")
            // A pink pair is a bundle: the page says what it is made of and how many whole pairs the stock makes.
            _ = try await app.admin.post("/api/v2/products", ["product": ["name": "Pairs", "currency": "EUR", "variants": [
                ["sku": "BT-2-PINK", "price": 5500, "bundle": ["components": [["sku": "BT-PINK", "quantity": 2]]]]]]])
            catalogue = try await agent.get("/agent/catalogue")
            #expect(catalogue.contains("Bundle of 2 × BT-PINK") && catalogue.contains("<td class=\"available\">1 <small>whole, from its components</small>"),
                    "\(catalogue.html)")
            #expect(try await lead.post("/agent/receipts/\(receipt)/inspection", [("sku_0", "BT-PINK"), ("good_0", "4"), ("defective_0", "0")]).status
                    == .unprocessableContent, "inspected once")
        }
    }

    @Test(arguments: TestDatabase.all)
    func aDeliveryIsAnnouncedThenArrivesOnTheReceiptsPage(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            _ = try await app.person("Lara Lead", role: .lead)
            _ = try await app.admin.post("/api/v2/products", ["product": ["name": "BeamTag", "currency": "EUR", "variants": [["sku": "BT-PINK", "price": 2900]]]])
            let agent = try await app.signedIn(TestApp.agentEmail)
            _ = try await agent.get("/agent/receipts")
            #expect(try await agent.post("/agent/receipts/announce", [("supplier", "S"), ("sku", "BT-PINK"), ("expected", "5"),
                                                                     ("expected_on", "2030-01-15")]).status == .forbidden)
            let lead = try await app.signedIn("lara.lead@brightbeam.example")
            #expect(try await lead.get("/agent/receipts").contains("id=\"announce-form\""))
            #expect(try await lead.post("/agent/receipts/announce", [("supplier", "S"), ("sku", "BT-PINK"), ("expected", "5"),
                                                                    ("expected_on", "soon")]).status == .unprocessableContent)
            let announced = try await lead.post("/agent/receipts/announce", [("supplier", "Shenzhen Beam"), ("sku", "BT-PINK"), ("expected", "5"),
                                                                            ("expected_on", "2030-01-15")])
            #expect(announced.status == .seeOther)
            var page = try await lead.get(announced.location ?? "/agent/receipts")
            #expect(page.contains("expected 15 January 2030") && page.contains("not arrived yet") && page.contains("class=\"arrival\""), "\(page.html)")
            let receipt = try #require(page.firstMatch(#"data-receipt-id="(\d+)""#))
            #expect(try await lead.post("/agent/receipts/\(receipt)/arrival", [("sku_0", "BT-PINK"), ("received_0", "many")]).status == .unprocessableContent)
            let arrived = try await lead.post("/agent/receipts/\(receipt)/arrival", [("sku_0", "BT-PINK"), ("received_0", "4")])
            #expect(arrived.status == .seeOther)
            page = try await lead.get("/agent/receipts")
            #expect(page.contains("awaiting inspection") && page.contains("Short delivery: 1 × BT-PINK") && !page.contains("class=\"arrival\""))
            #expect(try await lead.post("/agent/receipts/\(receipt)/arrival", [("sku_0", "BT-PINK"), ("received_0", "4")]).status == .unprocessableContent)
        }
    }
}

