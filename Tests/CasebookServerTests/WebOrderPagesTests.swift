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
}
