import CasebookCore
import Foundation
import HTTPTypes
import Testing
@testable import CasebookServer

/// Every role (and two customers of different organizations) against every page and form: nothing leaks.
@Suite("Web permission matrix")
struct WebPermissionMatrixTests {
    enum Who: String, CaseIterable, Sendable {
        case anonymous, endUserA, endUserB, agent, lead, manager, admin
        var role: Role? {
            switch self {
            case .anonymous: nil
            case .endUserA, .endUserB: .endUser
            case .agent: .agent
            case .lead: .lead
            case .manager: .manager
            case .admin: .admin
            }
        }
    }

    /// Who may use a route: by permission, or "the customer who owns the request".
    enum Rule: Sendable {
        case permission(Permission)
        case requester
    }

    struct Route: Sendable {
        var method: HTTPRequest.Method
        var path: String
        var rule: Rule
        var form: [(String, String)] = []
    }

    static func routes(ticket: Int, userID: Int, macro: Int, order: Int, receipt: Int) -> [Route] {
        [
            Route(method: .get, path: "/agent/views/mine", rule: .permission(.useWorkspace)),
            Route(method: .get, path: "/agent/views/unassigned?sort=priority", rule: .permission(.useWorkspace)),
            Route(method: .get, path: "/agent/search?q=secret", rule: .permission(.useWorkspace)),
            Route(method: .get, path: "/agent/counts", rule: .permission(.useWorkspace)),
            Route(method: .get, path: "/agent/tickets/\(ticket)", rule: .permission(.useWorkspace)),
            Route(method: .get, path: "/agent/tickets/\(ticket)/articles/search?q=matrix", rule: .permission(.useWorkspace)),
            // The matrix's ticket is open: its requester gets the page (and a 422 for rating too early), nobody else.
            Route(method: .get, path: "/portal/requests/\(ticket)/satisfaction", rule: .requester),
            Route(method: .post, path: "/portal/requests/\(ticket)/satisfaction", rule: .requester, form: [("score", "good")]),
            Route(method: .get, path: "/admin/satisfaction", rule: .permission(.managePolicies)),
            // A blank window is refused (422) for admins, and nothing is saved.
            Route(method: .post, path: "/admin/satisfaction", rule: .permission(.managePolicies), form: [("bought_again_days", "")]),
            Route(method: .post, path: "/agent/tickets/\(ticket)", rule: .permission(.editTicketFields),
                  form: [("mode", "note"), ("body", "matrix note"), ("confirm", "1")]),
            Route(method: .post, path: "/agent/tickets/\(ticket)/macro", rule: .permission(.applyMacros), form: [("macro_id", String(macro))]),
            Route(method: .post, path: "/agent/tickets/\(ticket)/typing", rule: .permission(.useWorkspace)),
            Route(method: .post, path: "/agent/tickets/\(ticket)/follow-ups", rule: .permission(.editTicketFields), form: [("title", "")]),
            Route(method: .post, path: "/agent/tickets/\(ticket)/remote-sessions", rule: .permission(.editTicketFields), form: [("session_code", "")]),
            Route(method: .get, path: "/admin/users", rule: .permission(.manageStaff)),
            Route(method: .post, path: "/admin/users", rule: .permission(.manageStaff),
                  form: [("name", "New Person"), ("email", "new.person@brightbeam.example"), ("role", "end-user")]),
            Route(method: .get, path: "/admin/users/\(userID)", rule: .permission(.manageStaff)),
            Route(method: .post, path: "/admin/users/\(userID)/password", rule: .permission(.manageCredentials),
                  form: [("password", "short")]),
            Route(method: .post, path: "/admin/users/\(userID)/tokens", rule: .permission(.manageCredentials),
                  form: [("description", "")]),
            Route(method: .get, path: "/admin/views", rule: .permission(.manageViews)),
            Route(method: .post, path: "/admin/views", rule: .permission(.manageViews), form: [("title", ""), ("query", "")]),
            Route(method: .get, path: "/admin/macros", rule: .permission(.manageMacros)),
            Route(method: .post, path: "/admin/macros", rule: .permission(.manageMacros), form: [("title", "")]),
            Route(method: .get, path: "/agent/orders/\(order)?ticket=\(ticket)", rule: .permission(.useWorkspace)),
            Route(method: .post, path: "/agent/orders/\(order)/refunds", rule: .permission(.editTicketFields),
                  form: [("kind", "amount"), ("amount", "lots"), ("reason", "goodwill")]),
            Route(method: .post, path: "/agent/orders/\(order)/preference", rule: .permission(.editTicketFields), form: [("kind", "")]),
            Route(method: .get, path: "/agent/backorders", rule: .permission(.useWorkspace)),
            Route(method: .get, path: "/agent/backorders/SW-8", rule: .permission(.useWorkspace)),
            Route(method: .post, path: "/agent/backorders/SW-8/delay_notice", rule: .permission(.manageInventory),
                  form: [("body", ""), ("action", "preview")]),
            Route(method: .get, path: "/agent/catalogue", rule: .permission(.useWorkspace)),
            Route(method: .get, path: "/agent/receipts", rule: .permission(.useWorkspace)),
            Route(method: .post, path: "/agent/receipts", rule: .permission(.manageInventory), form: [("supplier", ""), ("expected", "x")]),
            Route(method: .post, path: "/agent/receipts/\(receipt)/inspection", rule: .permission(.manageInventory), form: []),
            Route(method: .post, path: "/agent/receipts/announce", rule: .permission(.manageInventory), form: [("supplier", ""), ("expected", "x")]),
            Route(method: .post, path: "/agent/receipts/\(receipt)/arrival", rule: .permission(.manageInventory), form: []),
            Route(method: .get, path: "/agent/refunds", rule: .permission(.approveExceptions)),
            Route(method: .get, path: "/agent/imports/shopify", rule: .permission(.manageInventory)),
            Route(method: .post, path: "/agent/imports/shopify", rule: .permission(.manageInventory), form: [("dry_run", "on")]),
            Route(method: .get, path: "/agent/tickets/\(ticket)/conduct", rule: .permission(.editTicketFields)),
            Route(method: .post, path: "/agent/tickets/\(ticket)/conduct", rule: .permission(.editTicketFields), form: [("kind", ""), ("note", "")]),
            Route(method: .get, path: "/admin/conduct", rule: .permission(.managePolicies)),
            Route(method: .post, path: "/admin/conduct/outcomes", rule: .permission(.managePolicies), form: [("label", ""), ("action", "")]),
            Route(method: .get, path: "/portal", rule: .permission(.usePortal)),
            Route(method: .get, path: "/portal/orders", rule: .permission(.usePortal)),
            Route(method: .post, path: "/portal/orders/\(order)/preference", rule: .permission(.usePortal), form: [("kind", "")]),
            Route(method: .get, path: "/portal/requests/new", rule: .permission(.usePortal)),
            Route(method: .post, path: "/portal/requests", rule: .permission(.usePortal), form: [("subject", ""), ("body", "")]),
            Route(method: .get, path: "/portal/requests/\(ticket)", rule: .requester),
            Route(method: .post, path: "/portal/requests/\(ticket)/comments", rule: .requester, form: [("body", "")]),
        ]
    }

    /// The RMA, decision, notification and asset pages (issue 7); `rma` is a replacement on the requester's ticket.
    static func rmaRoutes(rma: Int, asset: Int) -> [Route] {
        [
            Route(method: .get, path: "/agent/rmas", rule: .permission(.useWorkspace)),
            Route(method: .get, path: "/agent/rmas?awaiting=me", rule: .permission(.useWorkspace)),
            Route(method: .get, path: "/agent/rmas/\(rma)", rule: .permission(.useWorkspace)),
            Route(method: .post, path: "/agent/rmas/\(rma)/approve", rule: .permission(.useWorkspace), form: [("reason", "")]),
            Route(method: .post, path: "/agent/rmas/\(rma)/decline", rule: .permission(.useWorkspace), form: [("reason", "")]),
            Route(method: .post, path: "/agent/rmas/\(rma)/ship", rule: .permission(.editTicketFields), form: [("tracking", "")]),
            Route(method: .post, path: "/agent/rmas/\(rma)/inspect", rule: .permission(.editTicketFields), form: [("outcome", "")]),
            Route(method: .post, path: "/agent/rmas/\(rma)/cancel", rule: .permission(.editTicketFields), form: [("cancel_reason", "")]),
            Route(method: .post, path: "/agent/rmas/\(rma)/agreement", rule: .permission(.editTicketFields), form: [("agreement_note", "")]),
            Route(method: .get, path: "/agent/decisions", rule: .permission(.useWorkspace)),
            Route(method: .get, path: "/agent/decisions/report", rule: .permission(.viewTeamBoard)),
            Route(method: .get, path: "/agent/decisions/report.csv", rule: .permission(.viewTeamBoard)),
            Route(method: .get, path: "/agent/reports", rule: .permission(.viewTeamBoard)),
            Route(method: .get, path: "/agent/reports/created-vs-solved", rule: .permission(.viewTeamBoard)),
            Route(method: .get, path: "/agent/reports/created-vs-solved/csv", rule: .permission(.viewTeamBoard)),
            Route(method: .get, path: "/agent/reports/created-vs-solved/chart.svg", rule: .permission(.viewTeamBoard)),
            Route(method: .get, path: "/agent/notifications", rule: .permission(.useWorkspace)),
            Route(method: .post, path: "/agent/notifications/read", rule: .permission(.useWorkspace)),
            Route(method: .get, path: "/agent/case-notes", rule: .permission(.viewTeamBoard)),
            Route(method: .get, path: "/agent/follow-ups", rule: .permission(.useWorkspace)),
            Route(method: .get, path: "/agent/kb", rule: .permission(.useWorkspace)),
            Route(method: .get, path: "/agent/kb/new", rule: .permission(.useWorkspace)),
            // No section yet: refused (422) for every member of staff, nothing saved.
            Route(method: .post, path: "/agent/kb", rule: .permission(.useWorkspace), form: [("title", "Matrix")]),
            // Arranging the help center is for leads and above, as the team board is.
            Route(method: .post, path: "/agent/kb/categories", rule: .permission(.viewTeamBoard), form: [("name", "")]),
            // Follow-up #1 is Morgan's, made in the setup; a blank note is refused (422) for every member of staff.
            Route(method: .post, path: "/agent/follow-ups/1/complete", rule: .permission(.editTicketFields), form: [("note", "")]),
            Route(method: .get, path: "/agent/assets?serial=MX-1", rule: .permission(.useWorkspace)),
            Route(method: .get, path: "/agent/assets/\(asset)", rule: .permission(.useWorkspace)),
            Route(method: .get, path: "/agent/assets/import", rule: .permission(.manageInventory)),
            Route(method: .post, path: "/agent/assets/import", rule: .permission(.manageInventory), form: [("dry_run", "on")]),
            Route(method: .get, path: "/portal/rmas", rule: .permission(.usePortal)),
            Route(method: .get, path: "/portal/rmas/\(rma)", rule: .requester),
            Route(method: .post, path: "/portal/rmas/\(rma)/accept", rule: .requester),
        ]
    }

    /// Refused forms (a blank months, no out-of-warranty role) answer 422 to whoever may use them, and save nothing.
    static func warrantyRoutes(product: Int) -> [Route] {
        [
            Route(method: .get, path: "/agent/warranties", rule: .permission(.useWorkspace)),
            Route(method: .post, path: "/agent/warranties/\(product)", rule: .permission(.manageInventory), form: [("months", "")]),
            Route(method: .get, path: "/admin/rma-policy", rule: .permission(.managePolicies)),
            Route(method: .post, path: "/admin/rma-policy", rule: .permission(.managePolicies), form: [("tiers_repair", "any agent")]),
        ]
    }

    static func allowed(_ who: Who, _ rule: Rule) -> Bool {
        guard let role = who.role else { return false }
        switch rule {
        case .permission(let permission): return role.allows(permission)
        case .requester: return who == .endUserA
        }
    }

    @Test(arguments: TestDatabase.all)
    func everyRoleAgainstEveryRoute(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            _ = try await Accounts.create(database: app.database, email: "lee@brightbeam.example", name: "Lee Lead", role: .lead,
                                          password: "correct horse battery", bcryptCost: 4)
            _ = try await Accounts.create(database: app.database, email: "max@brightbeam.example", name: "Max Manager",
                                          role: .manager, password: "correct horse battery", bcryptCost: 4)
            let ticket = try await app.agent.createTicket(["subject": "Matrix", "comment": ["body": "public words"],
                                                           "requester_id": .int(app.endUserA.id)])
            _ = try await app.agent.put("/api/v2/tickets/\(ticket)", ["ticket": ["comment": ["body": "SECRET-NOTE-7", "public": false]]])
            let macro = try await app.database.write { db in
                try await MacroStore(db: db).insert(title: "Matrix", actions: MacroActions(status: "pending"))
            }
            let product = try await app.admin.post("/api/v2/products", ["product": ["name": "Switch", "variants": [["sku": "SW-8", "price": 19900]]]])
            let productID = try #require(product["product"]?["id"]?.intValue, "\(product.text)")
            let order = try await app.agent.post("/api/v2/orders", ["order": ["customer_id": .int(app.endUserA.id), "lines": [["sku": "SW-8", "quantity": 1]]]])
            let orderID = try #require(order["order"]?["id"]?.intValue, "\(order.text)")
            let receipt = try await app.admin.post("/api/v2/stock_receipts", ["stock_receipt": ["supplier": "S", "lines": [["sku": "SW-8", "expected": 1, "received": 1]]]])
            let receiptID = try #require(receipt["stock_receipt"]?["id"]?.intValue, "\(receipt.text)")
            let asset = try await app.agent.post("/api/v2/assets", ["asset": ["serial": "MX-1", "sku": "SW-8", "customer_id": .int(app.endUserA.id)]])
            let assetID = try #require(asset["asset"]?["id"]?.intValue, "\(asset.text)")
            let rma = try await app.agent.post("/api/v2/rmas", ["rma": ["ticket_id": .int(ticket), "asset_id": .int(assetID), "kind": "replacement",
                                                                        "value": 100, "obligation": "Pay if no fault is found"]])
            let rmaID = try #require(rma["rma"]?["id"]?.intValue, "\(rma.text)")
            #expect(try await app.agent.post("/api/v2/tickets/\(ticket)/follow_ups", ["follow_up": [
                "title": "matrix", "due_at": "2099-01-01T00:00:00Z", "owner_id": .int(app.agent.id)]])["follow_up"]?["id"]?.intValue == 1)
            let emails: [Who: String] = [.endUserA: TestApp.endUserAEmail, .endUserB: TestApp.endUserBEmail,
                                         .agent: TestApp.agentEmail, .lead: "lee@brightbeam.example",
                                         .manager: "max@brightbeam.example", .admin: TestApp.adminEmail]
            for who in Who.allCases {
                let browser = app.browser()
                if let email = emails[who] {
                    #expect(try await browser.signIn(email).status == .seeOther, "\(who)")
                } else {
                    _ = try await browser.get("/sign-in")
                }
                for route in Self.routes(ticket: ticket, userID: app.endUserB.id, macro: macro, order: orderID, receipt: receiptID)
                    + Self.rmaRoutes(rma: rmaID, asset: assetID) + Self.warrantyRoutes(product: productID) {
                    let page = route.method == .get ? try await browser.get(route.path) : try await browser.post(route.path, route.form)
                    let allowed = Self.allowed(who, route.rule)
                    let denied: Bool
                    switch who {
                    case .anonymous:
                        denied = route.method == .get ? (page.status == .seeOther && page.location?.hasPrefix("/sign-in") == true)
                            : [.forbidden, .unauthorized].contains(page.status)
                    default:
                        denied = [.forbidden, .notFound].contains(page.status)
                    }
                    if allowed {
                        #expect(!denied && page.status.code < 500, "\(who) \(route.method) \(route.path) → \(page.status)")
                    } else {
                        #expect(denied, "\(who) \(route.method) \(route.path) → \(page.status)")
                    }
                    if who.role == .endUser || who == .anonymous {
                        #expect(!page.contains("SECRET-NOTE-7"), "\(who) saw the internal note on \(route.path)")
                    }
                }
            }
            // The matrix's allowed POSTs really acted: the staff's notes landed, customers' did not.
            let comments = try await app.agent.get("/api/v2/tickets/\(ticket)/comments")["comments"]?.arrayValue ?? []
            #expect(comments.filter { $0["body"] == "matrix note" }.count == 4)
        }
    }

    @Test(arguments: TestDatabase.all)
    func customersNeverSeeInternalNotesOrCallLogs(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let ticket = try await app.agent.createTicket(["subject": "Abusive caller", "comment": ["body": "Hello Rex"],
                                                           "requester_id": .int(app.endUserA.id), "assignee_id": .int(app.agent.id)])
            _ = try await app.agent.put("/api/v2/tickets/\(ticket)", ["ticket": ["comment": ["body": "NOTE-he-shopped-for-an-agent", "public": false]]])
            _ = try await app.agent.put("/api/v2/tickets/\(ticket)", ["ticket": ["comment": [
                "body": "CALL-ended-under-conduct-policy", "public": false,
                "call": ["direction": "inbound", "from": "+1 555 0100", "to": "support", "duration": 60]]]])
            let rex = try await app.signedIn(TestApp.endUserAEmail)
            for path in ["/portal", "/portal/requests/\(ticket)"] {
                let page = try await rex.get(path)
                #expect(page.status == .ok)
                #expect(!page.contains("NOTE-he-shopped"))
                #expect(!page.contains("CALL-ended"))
            }
            #expect(try await rex.get("/portal/requests/\(ticket)").contains("Hello Rex"))
            for path in ["/api/v2/tickets/\(ticket)/comments", "/api/v2/tickets/\(ticket)/audits", "/api/v2/search?query=shopped",
                         "/api/v2/search/export?query=conduct&filter[type]=ticket", "/api/v2/tickets/\(ticket)"] {
                let answer = try await app.endUserA.get(path)
                #expect(!answer.text.contains("NOTE-he-shopped"), "\(path)")
                #expect(!answer.text.contains("CALL-ended"), "\(path)")
            }
            // The live stream is for staff only.
            #expect(try await rex.get("/agent/live?ticket=\(ticket)").status == .forbidden)
        }
    }
}

