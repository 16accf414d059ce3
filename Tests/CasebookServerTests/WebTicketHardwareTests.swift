import CasebookCore
import Foundation
import Testing
@testable import CasebookServer

/// The agent ticket page's part of issue 7: the hardware panel (units, warranty, history), the troubleshooting
/// checklist, RMAs and their checklist policy, the decision banner and the case-notes warning.
@Suite("Ticket page: hardware, RMAs, decisions and case notes")
struct WebTicketHardwareTests {
    static let serial = "MS24-00417"

    /// A switch with a 36-month warranty, its caveat and checklist; the customer's unit bought a year ago and an old
    /// one long out of warranty.
    static func switchOnRecord(_ app: TestApp, lead: Caller) async throws -> (asset: Int, oldAsset: Int, purchased: Date) {
        let product = try await lead.post("/api/v2/products", ["product": [
            "name": "Meridian 24-port switch", "currency": "EUR",
            "variants": [["sku": "MS-24", "name": "Meridian 24", "price": 89000]]]])
        #expect(product.status == .created, "\(product.text)")
        let productID = try #require(product["product"]?["id"]?.intValue)
        let warranty = try await lead.put("/api/v2/warranties/\(productID)", ["warranty": [
            "months": 36, "coverage": "Parts and labour", "return_days": 10,
            "caveats": ["Replacement requires completed troubleshooting"],
            "checklist": [
                ["key": "power_cycle", "title": "Power-cycle the switch", "required_for": ["advance_replacement", "replacement"]],
                ["key": "console_log", "title": "Collect the console log", "required_for": ["advance_replacement"]],
            ]]])
        #expect(warranty.status == .ok, "\(warranty.text)")
        let purchased = Timestamp.date(app.clock.now - 365 * 86_400_000)
        let asset = try await app.agent.post("/api/v2/assets", ["asset": [
            "serial": .string(serial), "sku": "MS-24", "customer_id": .int(app.endUserA.id), "site": "Leeds depot, rack 3",
            "purchased_at": .string(Self.isoDay(purchased)), "firmware": "4.2.1"]])
        #expect(asset.status == .created, "\(asset.text)")
        let old = try await app.agent.post("/api/v2/assets", ["asset": [
            "serial": "MS24-00001", "sku": "MS-24", "customer_id": .int(app.endUserA.id), "purchased_at": "2019-01-01"]])
        #expect(old.status == .created, "\(old.text)")
        return (try #require(asset["asset"]?["id"]?.intValue), try #require(old["asset"]?["id"]?.intValue), purchased)
    }

    static func isoDay(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: date)
    }

    /// A day as the page writes it ("1 June 2028"), `months` after `date`.
    static func shownDay(_ date: Date, plusMonths months: Int) throws -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let start = calendar.startOfDay(for: date)
        let end = try #require(calendar.date(byAdding: .month, value: months, to: start))
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "d MMMM yyyy"
        return formatter.string(from: end)
    }

    static func ticket(_ app: TestApp, _ subject: String, assignee: Int? = nil) async throws -> Int {
        var fields: JSONObject = ["subject": .string(subject), "comment": ["body": "It stopped working"], "requester_id": .int(app.endUserA.id)]
        if let assignee { fields["assignee_id"] = .int(assignee) }
        return try await app.agent.createTicket(fields)
    }

    @Test(arguments: TestDatabase.all)
    func panelShowsTheUnitItsWarrantyAndItsHistory(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            // setup: a unit with an earlier ticket and a repair RMA on it; a new ticket about it
            let lead = try await app.person("Lara Lead", role: .lead)
            let (assetID, oldAssetID, purchased) = try await Self.switchOnRecord(app, lead: lead)
            let earlier = try await Self.ticket(app, "Port 7 flaps")
            #expect(try await app.agent.post("/api/v2/tickets/\(earlier)/assets", ["asset": ["asset_id": .int(assetID)]]).status == .created)
            let repair = try await app.agent.post("/api/v2/rmas", ["rma": ["ticket_id": .int(earlier), "asset_id": .int(assetID),
                                                                           "kind": "repair", "value": 15000, "currency": "EUR"]])
            let repairID = try #require(repair["rma"]?["id"]?.intValue, "\(repair.text)")
            let ticket = try await Self.ticket(app, "Switch dropping every port")
            let agent = try await app.signedIn(TestApp.agentEmail)
            var page = try await agent.get("/agent/tickets/\(ticket)")
            #expect(page.contains("class=\"hardware-panel\"") && page.contains("No units linked to this ticket"), "\(page.html)")
            #expect(page.contains("class=\"conduct-link\" href=\"/agent/tickets/\(ticket)/conduct\""))

            // act: an unknown serial is refused on the page, keeping what was typed; then the real one is linked
            let unknown = try await agent.post("/agent/tickets/\(ticket)/assets", [("serial", "NOPE-<1>")])
            #expect(unknown.status == .unprocessableContent)
            #expect(unknown.contains("flash-error") && unknown.contains("no asset with serial NOPE-&lt;1&gt;"), "\(unknown.html)")
            #expect(unknown.contains("name=\"serial\" value=\"NOPE-&lt;1&gt;\""))
            #expect(try await agent.post("/agent/tickets/\(ticket)/assets", [("serial", Self.serial)], csrf: "forged").status == .forbidden)
            let linked = try await agent.post("/agent/tickets/\(ticket)/assets", [("serial", " \(Self.serial) ")])
            #expect(linked.status == .seeOther && linked.location == "/agent/tickets/\(ticket)?linked=1")
            _ = try await agent.post("/agent/tickets/\(ticket)/assets", [("serial", "MS24-00001")])

            // check: serial, SKU, site, firmware, status, warranty with its expiry and caveat, the unit's history
            page = try await agent.get("/agent/tickets/\(ticket)?linked=1")
            #expect(page.contains("Asset linked to this ticket."))
            #expect(page.contains("data-asset-id=\"\(assetID)\"") && page.contains("data-asset-id=\"\(oldAssetID)\""))
            #expect(page.contains("<span class=\"serial\">\(Self.serial)</span> <small>MS-24</small>"), "\(page.html)")
            #expect(page.contains("Leeds depot, rack 3") && page.contains("4.2.1") && page.contains("in service"))
            let expiry = try Self.shownDay(purchased, plusMonths: 36)
            #expect(page.contains("warranty-in_warranty\"><strong>In warranty</strong>"), "\(page.html)")
            #expect(page.contains("until \(expiry)"), "expires \(expiry): \(page.html)")
            #expect(page.contains("36 months, Parts and labour"))
            #expect(page.contains("<li class=\"caveat\">Replacement requires completed troubleshooting</li>"))
            #expect(page.contains("warranty-expired\"><strong>Out of warranty</strong>") && page.contains("since 1 January 2022"))
            #expect(page.contains("<a href=\"/agent/tickets/\(earlier)\">#\(earlier) Port 7 flaps</a>"), "the unit's other ticket")
            #expect(page.contains("<a href=\"/agent/rmas/\(repairID)\">RMA #\(repairID) return for repair</a> · faulty unit due"))
            #expect(try await app.notices(ticket).contains("Asset \(Self.serial) linked to this ticket"))

            // The earlier ticket lists its RMA, with the day the customer's unit is due.
            let earlierPage = try await agent.get("/agent/tickets/\(earlier)")
            #expect(earlierPage.contains("data-rma-id=\"\(repairID)\"") && earlierPage.contains("href=\"/agent/rmas/\(repairID)\""))
            #expect(earlierPage.contains("Return for repair") && earlierPage.contains("150.00 EUR"), "\(earlierPage.html)")
            #expect(earlierPage.contains("faulty unit due by "), "\(earlierPage.html)")
        }
    }

    @Test(arguments: TestDatabase.all)
    func agentRecordsTroubleshootingOnThePage(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            // setup
            let lead = try await app.person("Lara Lead", role: .lead)
            let (assetID, _, _) = try await Self.switchOnRecord(app, lead: lead)
            let ticket = try await Self.ticket(app, "Dead switch")
            _ = try await app.agent.post("/api/v2/tickets/\(ticket)/assets", ["asset": ["asset_id": .int(assetID)]])
            let agent = try await app.signedIn(TestApp.agentEmail)
            var page = try await agent.get("/agent/tickets/\(ticket)")
            #expect(page.contains("id=\"checklist-form\"") && page.contains("Power-cycle the switch"), "\(page.html)")
            #expect(page.contains("Advance replacement: needs Power-cycle the switch, Collect the console log"))
            #expect(page.contains("Return for repair: allowed"))

            // act: "not possible" without a why is refused, and what was chosen stays
            let rows: [(String, String)] = [("step", "power_cycle"), ("result", "done"), ("note", ""),
                                            ("step", "console_log"), ("result", "not_possible"), ("note", " ")]
            let refused = try await agent.post("/agent/tickets/\(ticket)/checklist", rows)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.contains("Results: say why console_log was not possible"), "\(refused.html)")
            #expect(refused.contains("<option value=\"not_possible\" selected>Not possible</option>"))
            #expect(try await app.agent.get("/api/v2/tickets/\(ticket)/checklist")["checklist"]?["steps"]?.arrayValue?
                .allSatisfy { $0["result"] == .null } == true, "nothing recorded")

            let recorded = try await agent.post("/agent/tickets/\(ticket)/checklist", [
                ("step", "power_cycle"), ("result", "done"), ("note", ""),
                ("step", "console_log"), ("result", "not_possible"), ("note", "no remote access <ssh>")])
            #expect(recorded.status == .seeOther && recorded.location == "/agent/tickets/\(ticket)?checklist=1")

            // check: the results, who recorded them, and what the checklist now allows
            page = try await agent.get("/agent/tickets/\(ticket)?checklist=1")
            #expect(page.contains("Troubleshooting results recorded."))
            #expect(page.contains("<span class=\"step-result\">done</span> <small>(Morgan Agent, "), "\(page.html)")
            #expect(page.contains("<span class=\"step-result\">not possible: no remote access &lt;ssh&gt;</span>"))
            #expect(page.contains("Replacement after return: allowed"))
            #expect(page.contains("Advance replacement: needs Collect the console log"))
            let api = try await app.agent.get("/api/v2/tickets/\(ticket)/checklist")
            #expect(api["checklist"]?["rma_kinds"]?["replacement"]?["complete"] == .bool(true), "\(api.text)")
        }
    }

    @Test(arguments: TestDatabase.all)
    func anIncompleteChecklistStopsAnAgentAndALeadOverridesItOnTheRecord(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            // setup: the unit is linked and only the power cycle was done
            let lead = try await app.person("Lara Lead", role: .lead)
            let (assetID, _, _) = try await Self.switchOnRecord(app, lead: lead)
            let ticket = try await Self.ticket(app, "Switch dead, customer far away")
            _ = try await app.agent.post("/api/v2/tickets/\(ticket)/assets", ["asset": ["asset_id": .int(assetID)]])
            _ = try await app.agent.put("/api/v2/tickets/\(ticket)/checklist", ["checklist": ["results": [["key": "power_cycle", "result": "done"]]]])
            let agent = try await app.signedIn(TestApp.agentEmail)
            var page = try await agent.get("/agent/tickets/\(ticket)")
            #expect(page.contains("id=\"rma-form\"") && page.contains("<option value=\"advance_replacement\">Advance replacement</option>"))
            #expect(page.contains("<option value=\"\(assetID)\">\(Self.serial) (MS-24)</option>"), "\(page.html)")
            #expect(page.contains("Leads and above: override an incomplete checklist, with a reason; it goes on the record"))
            #expect(!page.contains("class=\"decision-banner\""))
            let form: [(String, String)] = [("kind", "advance_replacement"), ("asset", String(assetID)), ("value", "890.00"),
                                            ("obligation", "Return the faulty unit within 10 days")]

            // act: the agent is stopped by the checklist; nothing is created and the form keeps what was typed
            let stopped = try await agent.post("/agent/tickets/\(ticket)/rmas", form + [("override_reason", "")])
            #expect(stopped.status == .unprocessableContent)
            #expect(stopped.contains("needs these troubleshooting steps first: “Collect the console log”"),
                    "\(stopped.html)")
            #expect(stopped.contains("name=\"value\" inputmode=\"decimal\" placeholder=\"249.00\" value=\"890.00\""))
            #expect(stopped.contains(">Return the faulty unit within 10 days</textarea>"))
            #expect(stopped.contains("<option value=\"advance_replacement\" selected>"))
            let notALead = try await agent.post("/agent/tickets/\(ticket)/rmas", form + [("override_reason", "he is far away")])
            #expect(notALead.status == .forbidden && notALead.contains("Only a lead or above can override"), "\(notALead.html)")
            let badValue = try await agent.post("/agent/tickets/\(ticket)/rmas", [("kind", "repair"), ("asset", String(assetID)), ("value", "lots")])
            #expect(badValue.status == .unprocessableContent && badValue.contains("Value: the unit&#39;s value in EUR"), "\(badValue.html)")
            #expect(try await app.agent.get("/api/v2/rmas?ticket_id=\(ticket)")["count"]?.intValue == 0, "nothing created")

            // The lead overrides with a reason (text with markup stays text).
            let browser = try await app.signedIn("lara.lead@brightbeam.example")
            _ = try await browser.get("/agent/tickets/\(ticket)")
            let reason = "Customer is 2.5 hours from the site <script>alert(1)</script>"
            let created = try await browser.post("/agent/tickets/\(ticket)/rmas", form + [("override_reason", reason)])
            #expect(created.status == .seeOther, "\(created.html)")
            let rmas = try await app.agent.get("/api/v2/rmas?ticket_id=\(ticket)")["rmas"]?.arrayValue ?? []
            let rma = try #require(rmas.first)
            let rmaID = try #require(rma["id"]?.intValue)
            #expect(created.location == "/agent/tickets/\(ticket)?rma=\(rmaID)")
            #expect(rma["value"]?.intValue == 89000 && rma["currency"]?.stringValue == "EUR" && rma["status"]?.stringValue == "approved")

            // check: the decision banner names the rule, the reason, who and when; the RMA is listed
            page = try await browser.get("/agent/tickets/\(ticket)?rma=\(rmaID)")
            #expect(page.contains("RMA #\(rmaID) opened."))
            let decision = try #require(try await app.agent.get("/api/v2/decisions?ticket_id=\(ticket)")["decisions"]?.arrayValue?.first)
            let decisionID = try #require(decision["id"]?.intValue)
            #expect(page.contains("class=\"decision-banner\"") && page.contains("data-decision-id=\"\(decisionID)\""), "\(page.html)")
            #expect(page.contains("<strong class=\"decision-kind\">Policy override:</strong> Advance replacement RMA #\(rmaID) for \(Self.serial)"))
            #expect(page.contains("Departs from: Replacement requires completed troubleshooting"))
            #expect(page.contains("Why: Customer is 2.5 hours from the site &lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!page.contains("<script>alert(1)</script>"), "user text is escaped")
            #expect(page.contains("<small>Lara Lead, <time datetime="))
            #expect(page.contains("data-rma-id=\"\(rmaID)\"") && page.contains("890.00 EUR") && page.contains("<span class=\"rma-status\">approved</span>"))
            // The agent sees the banner too, and the outcome once the unit is inspected.
            _ = try await app.agent.post("/api/v2/rmas/\(rmaID)/ship", ["rma": ["tracking": "1Z999"]])
            page = try await agent.get("/agent/tickets/\(ticket)")
            #expect(page.contains("<strong class=\"rma-due\">faulty unit due by "), "\(page.html)")
            _ = try await app.agent.post("/api/v2/rmas/\(rmaID)/receive", ["note": "box intact"])
            _ = try await app.agent.post("/api/v2/rmas/\(rmaID)/inspect", ["outcome": "no_fault_found"])
            page = try await agent.get("/agent/tickets/\(ticket)")
            #expect(page.contains("Outcome: <strong class=\"decision-outcome\">no fault found</strong>"), "\(page.html)")
        }
    }

    @Test(arguments: TestDatabase.all)
    func owedCaseNotesAreShownAndAHandoverNeedsASummary(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            // setup: the phone system logs a call with no summary yet
            let second = try await app.person("Owen Pryce", role: .agent)
            let ticket = try await Self.ticket(app, "Switch dead", assignee: app.agent.id)
            let agent = try await app.signedIn(TestApp.agentEmail)
            #expect(!(try await agent.get("/agent/tickets/\(ticket)")).contains("class=\"case-notes-owed\""))
            let call = try await app.agent.put("/api/v2/tickets/\(ticket)", ["ticket": ["comment": [
                "body": "", "public": false,
                "call": ["direction": "inbound", "from": "+44 113 555 0100", "to": "support", "duration": 540, "summary_pending": true]]]])
            #expect(call.status == .ok, "\(call.text)")
            let page = try await agent.get("/agent/tickets/\(ticket)")
            #expect(page.contains("class=\"case-notes-owed\""), "\(page.html)")
            #expect(page.contains("The last call on this ticket has no summary — add an internal note before solving or handing over"))
            #expect(page.contains("<textarea id=\"handover_note\" name=\"handover_note\""))

            func submit(_ fields: [(String, String)]) async throws -> Page {
                let page = try await agent.get("/agent/tickets/\(ticket)")
                var all: [(String, String)] = [("seen_audit", page.firstMatch(#"name="seen_audit" value="(\d+)""#) ?? "0")]
                for name in TicketForm.Fields.names {
                    let was = page.firstMatch(#"name="was_\#(name)" value="([^"]*)""#) ?? ""
                    all.append(("was_" + name, was))
                    if !fields.contains(where: { $0.0 == name }) { all.append((name, was)) }
                }
                return try await agent.post("/agent/tickets/\(ticket)", all + fields)
            }

            // act: a handover without notes is refused with the API's reason
            let bare = try await submit([("assignee_id", String(second.id)), ("mode", "note"), ("body", "")])
            #expect(bare.status == .unprocessableContent)
            #expect(bare.contains("Case notes: the last call on this ticket has no summary. Hand it over with an internal note"), "\(bare.html)")
            #expect(try await app.ticket(ticket)["assignee_id"]?.intValue == app.agent.id)
            // A handover summary cannot ride on a public reply; what was typed stays.
            let withReply = try await submit([("assignee_id", String(second.id)), ("mode", "reply"), ("body", "We are on it"),
                                              ("handover_note", "Tried <b>power</b>")])
            #expect(withReply.status == .unprocessableContent && withReply.contains("Handover summary: send it with an internal note"))
            #expect(withReply.contains(">Tried &lt;b&gt;power&lt;/b&gt;</textarea>"), "\(withReply.html)")

            let handed = try await submit([("assignee_id", String(second.id)), ("mode", "note"), ("body", ""),
                                           ("handover_note", "Tried a power cycle; no console access. Promised a call back.")])
            #expect(handed.status == .seeOther, "\(handed.html)")

            // check: handed over with the summary as an internal note; nothing owed any more
            #expect(try await app.ticket(ticket)["assignee_id"]?.intValue == second.id)
            let comments = try await app.agent.get("/api/v2/tickets/\(ticket)/comments")["comments"]?.arrayValue ?? []
            #expect(comments.last?["body"]?.stringValue == "Tried a power cycle; no console access. Promised a call back.")
            #expect(comments.last?["public"] == .bool(false))
            #expect(!(try await agent.get("/agent/tickets/\(ticket)")).contains("class=\"case-notes-owed\""))
        }
    }
}
