import CasebookCore
import Foundation
import Testing
@testable import CasebookServer

/// The RMA, decision, notification, case-note and asset pages in the browser, and the customer's returns in the portal.
@Suite("Web RMA pages")
struct WebRMAPagesTests {
    static let sku = "MS-24"

    /// A switch with a 36-month warranty (faulty units due back in 10 days), Rex's unit bought a month ago, and his
    /// ticket about it.
    static func switchOnRecord(_ app: TestApp, lead: Caller, serial: String = "MS24-00417") async throws -> (asset: Int, ticket: Int) {
        let product = try await lead.post("/api/v2/products", ["product": [
            "name": "Meridian 24-port switch", "currency": "EUR", "variants": [["sku": .string(sku), "price": 89000]]]])
        #expect(product.status == .created, "\(product.text)")
        let productID = try #require(product["product"]?["id"]?.intValue)
        let warranty = try await lead.put("/api/v2/warranties/\(productID)", ["warranty": [
            "months": 36, "coverage": "Parts and labour", "return_days": 10, "caveats": ["Replacement requires completed troubleshooting"]]])
        #expect(warranty.status == .ok, "\(warranty.text)")
        let bought = String(PageTime.text(app.clock.now - 30 * 86_400_000).prefix(10))
        let asset = try await app.agent.post("/api/v2/assets", ["asset": [
            "serial": .string(serial), "sku": .string(sku), "customer_id": .int(app.endUserA.id), "site": "Leeds depot",
            "purchased_at": .string(bought)]])
        #expect(asset.status == .created, "\(asset.text)")
        let ticket = try await app.endUserA.createTicket(["subject": "Switch dropping every port", "comment": ["body": "All 24 ports went dark."]])
        return (try #require(asset["asset"]?["id"]?.intValue), ticket)
    }

    static func openRMA(_ caller: Caller, ticket: Int, asset: Int, kind: String, value: Int, obligation: String = "") async throws -> (id: Int, status: String) {
        let created = try await caller.post("/api/v2/rmas", ["rma": [
            "ticket_id": .int(ticket), "asset_id": .int(asset), "kind": .string(kind), "value": .int(value), "currency": "EUR",
            "obligation": .string(obligation)]])
        #expect(created.status == .created, "\(created.text)")
        return (try #require(created["rma"]?["id"]?.intValue), created["rma"]?["status"]?.stringValue ?? "")
    }

    @Test(arguments: TestDatabase.all)
    func leadApprovesAnAdvanceReplacementOverTheAgentsLimitOnTheRecord(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            // setup
            let lead = try await app.person("Lara Lead", role: .lead)
            _ = try await app.person("Owen Pryce", role: .agent)
            let (asset, ticket) = try await Self.switchOnRecord(app, lead: lead)
            let rma = try await Self.openRMA(app.agent, ticket: ticket, asset: asset, kind: "advance_replacement", value: 89000)
            #expect(rma.status == "requested", "above an agent's 250.00")

            // act and check: the queue is the lead's, not the agents'
            let morgan = try await app.signedIn(TestApp.agentEmail)
            let agentQueue = try await morgan.get("/agent/rmas?awaiting=me")
            #expect(agentQueue.status == .ok)
            #expect(!agentQueue.contains("data-rma-id=\"\(rma.id)\""), "an agent cannot approve it")
            let all = try await morgan.get("/agent/rmas")
            #expect(all.contains("data-rma-id=\"\(rma.id)\"") && all.contains("MS24-00417") && all.contains("advance replacement"), "\(all.html)")
            #expect(all.contains("Morgan Agent") && all.contains("href=\"/agent/tickets/\(ticket)\""))
            #expect(try await morgan.get("/agent/rmas?status=closed").contains("No RMAs."))
            let mine = try await morgan.post("/agent/rmas/\(rma.id)/approve", [("reason", "I know him")])
            #expect(mine.status == .forbidden && mine.contains("requested by you"), "\(mine.html)")
            let owen = try await app.signedIn("owen.pryce@brightbeam.example")
            _ = try await owen.get("/agent/rmas")
            let other = try await owen.post("/agent/rmas/\(rma.id)/approve", [("reason", "Looks fine")])
            #expect(other.status == .forbidden && other.contains("needs a lead"), "\(other.html)")

            let lara = try await app.signedIn("lara.lead@brightbeam.example")
            let queue = try await lara.get("/agent/rmas?awaiting=me")
            #expect(queue.contains("data-rma-id=\"\(rma.id)\"") && queue.contains("needs a lead"), "\(queue.html)")
            #expect(queue.contains("formaction=\"/agent/rmas/\(rma.id)/decline\""))
            let blank = try await lara.post("/agent/rmas/\(rma.id)/decline", [("reason", "  ")])
            #expect(blank.status == .unprocessableContent)
            #expect(blank.contains("flash-error") && blank.contains("Reason: say why the RMA is declined"), "\(blank.html)")
            #expect(try await lara.post("/agent/rmas/\(rma.id)/approve", [("reason", "x")], csrf: "forged").status == .forbidden)
            let approved = try await lara.post("/agent/rmas/\(rma.id)/approve", [("reason", "Customer is 2.5 hours away <b>now</b>")])
            #expect(approved.status == .seeOther && approved.location == "/agent/rmas?awaiting=me&approved=\(rma.id)")
            let after = try await lara.get(approved.location ?? "")
            #expect(after.contains("RMA #\(rma.id) approved") && !after.contains("data-rma-id=\"\(rma.id)\""), "it left the queue")

            let detail = try await lara.get("/agent/rmas/\(rma.id)")
            #expect(detail.contains("id=\"rma-status\">approved<"), "\(detail.html)")
            #expect(detail.contains("class=\"repeat decision-banner\"") && detail.contains("approval above limit"))
            #expect(detail.contains("Customer is 2.5 hours away &lt;b&gt;now&lt;/b&gt;") && !detail.contains("<b>now</b>"))

            let decisions = try await morgan.get("/agent/decisions")
            #expect(decisions.status == .ok)
            #expect(decisions.contains("approval above limit") && decisions.contains("Lara Lead") && decisions.contains("href=\"/agent/rmas/\(rma.id)\""))
            #expect(decisions.contains("&lt;b&gt;now&lt;/b&gt;"))
            #expect(!decisions.contains("id=\"decision-report-link\""), "the report is for leads")
            #expect(try await morgan.get("/agent/decisions?kind=queue_move").contains("No decisions."))
            #expect(try await morgan.get("/agent/decisions?kind=approval_above_limit&person=\(lead.id)").contains("data-decision-id"))

            let report = try await lara.get("/agent/decisions/report")
            #expect(report.status == .ok)
            #expect(report.contains("<td>Lara Lead</td><td>approval above limit</td>") && report.contains("<td>1</td>"), "\(report.html)")
            #expect(report.contains("href=\"/agent/decisions/report.csv?from="))
            #expect(try await lara.get("/agent/decisions/report?from=2020-01-01&to=2020-02-01").contains("No decisions in this period."))
            #expect(try await lara.get("/agent/decisions/report?from=yesterday").status == .badRequest)

            // The requester hears of it.
            let inbox = try await morgan.get("/agent/notifications")
            #expect(inbox.contains("Notifications (1 unread)") && inbox.contains("class=\"notification-unread\""), "\(inbox.html)")
            #expect(inbox.contains("Decision #") && inbox.contains("href=\"/agent/tickets/\(ticket)\""))
            #expect(try await morgan.get("/agent/views/mine").contains("Notifications (1 unread)"), "every page's header says so")
            let read = try await morgan.post("/agent/notifications/read")
            #expect(read.status == .seeOther)
            let cleared = try await morgan.get("/agent/notifications")
            #expect(cleared.contains("Notifications (0 unread)") && !cleared.contains("class=\"notification-unread\"") && cleared.contains("Decision #"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func leadsSeeTheReportAndItsCSVAgentsDoNot(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let lead = try await app.person("Lara Lead", role: .lead)
            let (asset, ticket) = try await Self.switchOnRecord(app, lead: lead)
            let rma = try await Self.openRMA(app.agent, ticket: ticket, asset: asset, kind: "advance_replacement", value: 89000)
            _ = try await lead.post("/api/v2/rmas/\(rma.id)/approve", ["reason": "Far, \"no spare\""])
            _ = try await app.agent.post("/api/v2/decisions", ["decision": [
                "ticket_id": .int(ticket), "rule": "=HYPERLINK(\"http://evil\")", "what": "Goodwill voucher", "reason": "Waited a week"]])

            let morgan = try await app.signedIn(TestApp.agentEmail)
            #expect(try await morgan.get("/agent/decisions/report").status == .forbidden)
            #expect(try await morgan.get("/agent/decisions/report.csv").status == .forbidden)
            #expect(try await morgan.get("/agent/case-notes").status == .forbidden)
            let customer = try await app.signedIn(TestApp.endUserAEmail)
            #expect(try await customer.get("/agent/decisions").status == .forbidden)
            #expect(try await customer.get("/agent/notifications").status == .forbidden)

            let lara = try await app.signedIn("lara.lead@brightbeam.example")
            let csv = try await lara.get("/agent/decisions/report.csv")
            #expect(csv.status == .ok)
            #expect(csv.headers[.contentType]?.hasPrefix("text/csv") == true)
            #expect(csv.headers[.contentDisposition]?.contains("attachment; filename=\"decisions-") == true)
            let lines = csv.html.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(lines.first == "person,kind,rule,outcome,count")
            #expect(lines.contains { $0.hasPrefix("Lara Lead,approval above limit,") && $0.hasSuffix(",not known yet,1") }, "\(lines)")
            #expect(lines.contains("Morgan Agent,exception,\"'=HYPERLINK(\"\"http://evil\"\")\",not known yet,1"), "formulas are defused: \(lines)")
            let ranged = try await lara.get("/agent/decisions/report.csv?from=2020-01-01&to=2020-02-01")
            #expect(ranged.html == "person,kind,rule,outcome,count\r\n")
        }
    }

    @Test(arguments: TestDatabase.all)
    func lifecycleButtonsOnTheDetailPage(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            // setup: within a lead's limit, approved at once
            let lead = try await app.person("Lara Lead", role: .lead)
            let (asset, ticket) = try await Self.switchOnRecord(app, lead: lead)
            let rma = try await Self.openRMA(lead, ticket: ticket, asset: asset, kind: "advance_replacement", value: 89000)
            #expect(rma.status == "approved")
            let morgan = try await app.signedIn(TestApp.agentEmail)
            var page = try await morgan.get("/agent/rmas/\(rma.id)")
            #expect(page.contains("id=\"rma-ship\"") && page.contains("id=\"rma-cancel\"") && page.contains("id=\"rma-agreement\""))
            #expect(!page.contains("id=\"rma-receive\"") && !page.contains("id=\"rma-inspect\"") && !page.contains("id=\"rma-close\""))
            #expect(page.contains("href=\"/agent/assets/\(asset)\">MS24-00417<") && page.contains("Not accepted yet."))

            // ship: the tracking is required, then the unit is due back in the warranty's 10 days
            let blank = try await morgan.post("/agent/rmas/\(rma.id)/ship", [("tracking", "")])
            #expect(blank.status == .unprocessableContent && blank.contains("Tracking: the carrier"), "\(blank.html)")
            let shipped = try await morgan.post("/agent/rmas/\(rma.id)/ship", [("tracking", "1Z<script>9")])
            #expect(shipped.status == .seeOther && shipped.location == "/agent/rmas/\(rma.id)?done=ship")
            page = try await morgan.get("/agent/rmas/\(rma.id)")
            #expect(page.contains("id=\"rma-status\">faulty unit due<"), "\(page.html)")
            #expect(page.contains("<dd id=\"rma-due\">\(RMAService.day(app.clock.now + 10 * 86_400_000))</dd>"), "\(page.html)")
            #expect(page.contains("1Z&lt;script&gt;9") && !page.contains("1Z<script>"))
            #expect(page.contains("id=\"rma-receive\"") && !page.contains("id=\"rma-ship\"") && !page.contains("id=\"rma-cancel\""))
            #expect(try await morgan.post("/agent/rmas/\(rma.id)/close", [("close_note", "")]).status == .unprocessableContent,
                    "the life cycle refuses a step out of turn")

            // receive, inspect (no fault: the obligation applies), close
            #expect(try await morgan.post("/agent/rmas/\(rma.id)/receive", [("receive_note", "box dented")]).status == .seeOther)
            page = try await morgan.get("/agent/rmas/\(rma.id)")
            #expect(page.contains("id=\"rma-status\">received<") && page.contains("id=\"rma-inspect\""))
            let noOutcome = try await morgan.post("/agent/rmas/\(rma.id)/inspect", [("outcome", "broken"), ("inspect_note", "kept")])
            #expect(noOutcome.status == .unprocessableContent && noOutcome.contains("value=\"kept\""))
            #expect(try await morgan.post("/agent/rmas/\(rma.id)/inspect", [("outcome", "no_fault_found"), ("inspect_note", "PSU fine")]).status
                    == .seeOther)
            page = try await morgan.get("/agent/rmas/\(rma.id)")
            #expect(page.contains("id=\"rma-outcome\">no fault found<"))
            #expect(page.contains("The customer&#39;s obligation applies (inspection: no fault found)."), "\(page.html)")
            #expect(page.contains("id=\"rma-close\""))
            #expect(try await morgan.post("/agent/rmas/\(rma.id)/close", [("close_note", "invoiced")]).status == .seeOther)
            page = try await morgan.get("/agent/rmas/\(rma.id)")
            #expect(page.contains("id=\"rma-status\">closed<"))
            for form in ["rma-ship", "rma-receive", "rma-inspect", "rma-close", "rma-cancel", "rma-agreement", "rma-decide"] {
                #expect(!page.contains("id=\"\(form)\""), "a closed RMA offers no \(form)")
            }
            let history = try #require(page.html.firstRange(of: "id=\"rma-history\"").map { String(page.html[$0.upperBound...]) })
            #expect(history.contains("ship replacement") && history.contains("Morgan Agent") && history.contains("Lara Lead"))
            #expect(history.contains("inspect") && history.contains("PSU fine"))
            #expect(try await morgan.get("/agent/rmas/999999").status == .notFound)

            // The asset's page shows its warranty and this RMA.
            let assetPage = try await morgan.get("/agent/assets/\(asset)")
            #expect(assetPage.contains("in warranty until") && assetPage.contains("Replacement requires completed troubleshooting"))
            #expect(assetPage.contains("href=\"/agent/rmas/\(rma.id)\"") && assetPage.contains("href=\"/agent/tickets/\(ticket)\""))
        }
    }

    @Test(arguments: TestDatabase.all)
    func customerAgreesInThePortalAndNobodyElseSeesTheirReturn(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            // setup: a replacement after return (approved at once, the unit is due) with an obligation, and an
            // advance replacement a lead approved with a reason only staff read
            let lead = try await app.person("Lara Lead", role: .lead)
            let (asset, ticket) = try await Self.switchOnRecord(app, lead: lead)
            let rma = try await Self.openRMA(app.agent, ticket: ticket, asset: asset, kind: "replacement", value: 5000,
                                             obligation: "If no fault is found, you pay 40 EUR <inspection>")
            #expect(rma.status == "unit_due")
            let advance = try await Self.openRMA(app.agent, ticket: ticket, asset: asset, kind: "advance_replacement", value: 89000)
            _ = try await lead.post("/api/v2/rmas/\(advance.id)/approve", ["reason": "LEAD-ONLY-REASON"])
            _ = try await app.agent.put("/api/v2/tickets/\(ticket)", ["ticket": ["comment": ["body": "SECRET-NOTE-9", "public": false]]])

            // act and check
            let rex = try await app.signedIn(TestApp.endUserAEmail)
            #expect(try await rex.get("/portal").contains("href=\"/portal/rmas\""))
            var mine = try await rex.get("/portal/rmas")
            #expect(mine.status == .ok)
            #expect(mine.contains("data-rma-id=\"\(rma.id)\"") && mine.contains("data-rma-id=\"\(advance.id)\""))
            #expect(mine.contains("Please send the unit to us by") && mine.contains("MS24-00417"), "\(mine.html)")
            #expect(mine.contains("If no fault is found, you pay 40 EUR &lt;inspection&gt;"))
            #expect(mine.contains("action=\"/portal/rmas/\(rma.id)/accept\""))
            for secret in ["LEAD-ONLY-REASON", "SECRET-NOTE-9", "Decision #", "approval above limit", "Morgan Agent"] {
                #expect(!mine.contains(secret), "the customer saw \(secret)")
            }

            let hana = try await app.signedIn(TestApp.endUserBEmail)
            #expect(!(try await hana.get("/portal/rmas")).contains("data-rma-id"))
            #expect(try await hana.get("/portal/rmas/\(rma.id)").status == .notFound)
            #expect(try await hana.post("/portal/rmas/\(rma.id)/accept").status == .notFound)
            #expect(try await app.agent.get("/api/v2/rmas/\(rma.id)")["rma"]?["obligation"]?["accepted_via"] == .null)
            let morgan = try await app.signedIn(TestApp.agentEmail)
            #expect(try await morgan.get("/portal/rmas").status == .forbidden)
            #expect(try await morgan.post("/portal/rmas/\(rma.id)/accept").status == .forbidden)

            let agreed = try await rex.post("/portal/rmas/\(rma.id)/accept")
            #expect(agreed.status == .seeOther && agreed.location == "/portal/rmas/\(rma.id)?accepted=1")
            mine = try await rex.get(agreed.location ?? "")
            #expect(mine.contains("Thank you: your agreement is recorded.") && mine.contains("You agreed on"))
            #expect(!mine.contains("action=\"/portal/rmas/\(rma.id)/accept\""))
            #expect(try await app.agent.get("/api/v2/rmas/\(rma.id)")["rma"]?["obligation"]?["accepted_via"]?.stringValue == "portal")
            #expect(try await rex.post("/portal/rmas/\(rma.id)/accept").status == .unprocessableContent, "once is enough")
            let staffView = try await morgan.get("/agent/rmas/\(rma.id)")
            #expect(staffView.contains("Accepted by the customer in the portal") && !staffView.contains("id=\"rma-agreement\""))

            // An agent records a verbal agreement on the other one, with the note that says how.
            #expect(try await morgan.post("/agent/rmas/\(advance.id)/agreement", [("agreement_note", "")]).status == .unprocessableContent)
            #expect(try await morgan.post("/agent/rmas/\(advance.id)/agreement", [("agreement_note", "On the phone at 14:10")]).status == .seeOther)
            #expect(try await morgan.get("/agent/rmas/\(advance.id)").contains("Agreed verbally, recorded"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func leadsSeeWhoOwesCaseNotes(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let lead = try await app.person("Lara Lead", role: .lead)
            let ticket = try await app.endUserA.createTicket(["subject": "Ports <dark>", "comment": ["body": "Help"]])
            _ = try await app.agent.put("/api/v2/tickets/\(ticket)", ["ticket": ["assignee_id": .int(app.agent.id)]])
            let call = try await app.agent.put("/api/v2/tickets/\(ticket)", ["ticket": ["comment": [
                "body": "", "public": false, "call": ["direction": "inbound", "from": "+44 113 555 0100", "to": "support", "duration": 300,
                                                      "summary_pending": true]]]])
            #expect(call.status == .ok, "\(call.text)")
            _ = lead
            let lara = try await app.signedIn("lara.lead@brightbeam.example")
            let page = try await lara.get("/agent/case-notes")
            #expect(page.status == .ok)
            #expect(page.contains("data-ticket-id=\"\(ticket)\"") && page.contains("Ports &lt;dark&gt;") && page.contains("Morgan Agent"), "\(page.html)")
        }
    }

    @Test(arguments: TestDatabase.all)
    func assetImportRejectsABadFileWholeThenImportsAGoodOne(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let lead = try await app.person("Lara Lead", role: .lead)
            _ = try await lead.post("/api/v2/products", ["product": ["name": "Switch", "variants": [["sku": .string(Self.sku), "price": 89000]]]])
            let morgan = try await app.signedIn(TestApp.agentEmail)
            #expect(try await morgan.get("/agent/assets/import").status == .forbidden)
            #expect(!(try await morgan.get("/agent/assets")).contains("id=\"asset-import-link\""))

            let lara = try await app.signedIn("lara.lead@brightbeam.example")
            let form = try await lara.get("/agent/assets/import")
            #expect(form.status == .ok && form.contains("enctype=\"multipart/form-data\"") && form.contains("name=\"csrf\""))
            let bad = """
                serial,sku,customer_email,site,purchased_at
                SN-100,MS-24,rex@northwind.example,Leeds,2025-06-01
                SN-101,MS-24,nobody@nowhere.example,Bristol <b>,2025-07-01
                """
            /// Uploads through the form, then follows the progress page (it refreshes itself) until the report is in.
            func imported(_ csv: String, dryRun: Bool = false) async throws -> Page {
                let posted = try await lara.postMultipart("/agent/assets/import", dryRun ? [("dry_run", "on")] : [],
                                                          files: [(field: "file", name: "assets.csv", type: "text/csv", data: csv)])
                #expect(posted.status == .seeOther, "\(posted.html)")
                let path = try #require(posted.location)
                #expect(path.hasPrefix("/agent/assets/imports/"))
                var page = try await lara.get(path)
                let deadline = ContinuousClock.now + .seconds(60)
                while page.contains("http-equiv=\"refresh\""), ContinuousClock.now < deadline {
                    #expect(page.contains("<progress"))
                    try await Task.sleep(for: .milliseconds(25))
                    page = try await lara.get(path)
                }
                #expect(!page.contains("http-equiv=\"refresh\""), "the import did not finish")
                #expect(try await morgan.get(path).status == .forbidden, "an agent cannot follow imports")
                return page
            }
            let refused = try await imported(bad)
            #expect(refused.status == .ok)
            #expect(refused.contains("<tr data-row=\"3\"><td>3</td><td>customer_email</td><td>nobody@nowhere.example</td>"), "\(refused.html)")
            #expect(refused.contains("Nothing was imported"))
            #expect(try await app.agent.get("/api/v2/assets")["count"]?.intValue == 0, "all or nothing")
            #expect(try await lara.postMultipart("/agent/assets/import", [], files: []).status == .unprocessableContent)

            let good = """
                serial,sku,customer_email,site,purchased_at
                SN-100,MS-24,rex@northwind.example,Leeds <depot> & co,2025-06-01
                SN-101,MS-24,,Bristol,2025-07-01
                """
            let dry = try await imported(good, dryRun: true)
            #expect(dry.status == .ok && dry.contains("Dry run: all 2 rows can be imported"), "\(dry.html)")
            #expect(try await app.agent.get("/api/v2/assets")["count"]?.intValue == 0, "a dry run writes nothing")
            let done = try await imported(good)
            #expect(done.status == .ok && done.contains("Imported 2 assets.") && done.contains("<dd data-count=\"imported\">2</dd>"), "\(done.html)")

            let list = try await morgan.get("/agent/assets")
            #expect(list.contains(">SN-100<") && list.contains(">SN-101<") && list.contains("Leeds &lt;depot&gt; &amp; co"), "\(list.html)")
            let found = try await morgan.get("/agent/assets?serial=SN-101")
            #expect(found.contains(">SN-101<") && !found.contains(">SN-100<"))
            let rexs = try await morgan.get("/agent/assets?customer=rex%40northwind.example")
            #expect(rexs.contains(">SN-100<") && !rexs.contains(">SN-101<") && rexs.contains("Rex"))
            #expect(try await morgan.get("/agent/assets?customer=ghost%40example.com").contains("No assets found."))
            let id = try #require(list.firstMatch(#"<a href="/agent/assets/(\d+)">SN-100<"#))
            let detail = try await morgan.get("/agent/assets/\(id)")
            #expect(detail.contains("Asset SN-100") && detail.contains("unknown (no purchase date or no terms"), "no warranty terms yet")
        }
    }
}
