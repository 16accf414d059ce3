import CasebookCore
import Foundation
import Testing
@testable import CasebookServer

/// The warranties page (terms and troubleshooting checklists per product) and the admins' RMA policy page, both saved
/// through the API's own checks.
@Suite("Web warranty pages")
struct WebWarrantyPagesTests {
    static func product(_ app: TestApp, name: String = "Meridian 24-port switch", sku: String = "MS-24") async throws -> Int {
        let created = try await app.admin.post("/api/v2/products", ["product": [
            "name": .string(name), "currency": "EUR", "variants": [["sku": .string(sku), "price": 89000]]]])
        #expect(created.status == .created, "\(created.text)")
        return try #require(created["product"]?["id"]?.intValue)
    }

    static let checklist = """
        console_log | Collect the console log | advance_replacement
        factory_reset | Factory reset | replacement, advance_replacement

        power_cycle | Power-cycle the unit |
        """

    @Test(arguments: TestDatabase.all)
    func leadSetsTermsAndChecklistThroughThePage(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            // setup
            let id = try await Self.product(app)
            _ = try await app.person("Lara Lead", role: .lead)
            let lara = try await app.signedIn("lara.lead@brightbeam.example")
            let before = try await lara.get("/agent/warranties")
            #expect(before.status == .ok && before.contains("Meridian 24-port switch") && before.contains("No warranty terms yet."), "\(before.html)")
            #expect(before.contains("action=\"/agent/warranties/\(id)\""))

            // act
            let saved = try await lara.post("/agent/warranties/\(id)", [
                ("months", "36"), ("coverage", "Parts and labour"), ("caveats", "Replacement requires completed troubleshooting\n\nNot for water damage"),
                ("return_days", "10"), ("checklist", Self.checklist)])

            // check
            #expect(saved.status == .seeOther && saved.location == "/agent/warranties?saved=\(id)", "\(saved.html)")
            let after = try await lara.get(saved.location ?? "")
            #expect(after.contains("flash-notice") && after.contains("product #\(id) saved"), "\(after.html)")
            #expect(after.contains("36 months") && after.contains("Collect the console log") && after.contains("required before: advance replacement"))
            #expect(after.contains("console_log | Collect the console log | advance_replacement"), "the form shows the saved checklist")
            let api = try await app.agent.get("/api/v2/warranties/\(id)")
            #expect(api.status == .ok, "\(api.text)")
            let w = try #require(api["warranty"])
            #expect(w["months"]?.intValue == 36 && w["return_days"]?.intValue == 10 && w["coverage"]?.stringValue == "Parts and labour")
            #expect(w["caveats"]?.arrayValue?.compactMap(\.stringValue) == ["Replacement requires completed troubleshooting", "Not for water damage"])
            let steps = w["checklist"]?.arrayValue ?? []
            #expect(steps.compactMap { $0["key"]?.stringValue } == ["console_log", "factory_reset", "power_cycle"])
            #expect(steps.first?["required_for"]?.arrayValue?.compactMap(\.stringValue) == ["advance_replacement"])
            #expect(steps[1]["required_for"]?.arrayValue?.compactMap(\.stringValue) == ["replacement", "advance_replacement"])
            #expect(steps[2]["required_for"]?.arrayValue?.isEmpty == true)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aBadChecklistIsRefusedWithWhatWasTypedAndSavesNothing(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            // setup
            let id = try await Self.product(app)
            _ = try await app.person("Lara Lead", role: .lead)
            let lara = try await app.signedIn("lara.lead@brightbeam.example")
            _ = try await lara.get("/agent/warranties")

            // act
            let typed = "console_log | Collect the console log | swap\nconsole_log | Again | repair"
            let refused = try await lara.post("/agent/warranties/\(id)", [
                ("months", "24"), ("coverage", "Parts only"), ("caveats", ""), ("return_days", "14"), ("checklist", typed)])

            // check
            #expect(refused.status == .unprocessableContent)
            #expect(refused.contains("flash-error") && refused.contains("required_for lists RMA kinds") && refused.contains("is used twice"), "\(refused.html)")
            #expect(refused.contains("console_log | Collect the console log | swap") && refused.contains("value=\"Parts only\""), "what was typed stays")
            #expect(try await app.agent.get("/api/v2/warranties/\(id)").status == .notFound, "nothing was saved")
            let noMonths = try await lara.post("/agent/warranties/\(id)", [("months", "three"), ("return_days", "14"), ("checklist", "")])
            #expect(noMonths.status == .unprocessableContent && noMonths.contains("Months: a whole number"), "\(noMonths.html)")
            let badDays = try await lara.post("/agent/warranties/\(id)", [("months", "12"), ("return_days", "400"), ("checklist", "")])
            #expect(badDays.status == .unprocessableContent && badDays.contains("Return days: between 1 and 365"), "\(badDays.html)")
            #expect(try await lara.post("/agent/warranties/999999", [("months", "12")]).status == .notFound)
            #expect(try await app.agent.get("/api/v2/warranties/\(id)").status == .notFound)
        }
    }

    @Test(arguments: TestDatabase.all)
    func anAgentReadsTheTermsButCannotEditThem(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            // setup
            let id = try await Self.product(app)
            _ = try await app.admin.put("/api/v2/warranties/\(id)", ["warranty": [
                "months": 12, "coverage": "Parts", "caveats": ["<script>alert('x')</script> voids it"]]])

            // act
            let morgan = try await app.signedIn(TestApp.agentEmail)
            let page = try await morgan.get("/agent/warranties")
            let post = try await morgan.post("/agent/warranties/\(id)", [("months", "99"), ("return_days", "14"), ("checklist", "")])

            // check
            #expect(page.status == .ok && page.contains("12 months") && !page.contains("action=\"/agent/warranties/\(id)\""), "\(page.html)")
            #expect(page.contains("&lt;script&gt;") && !page.contains("<script>alert"), "a caveat is escaped")
            #expect(post.status == .forbidden)
            #expect(try await app.agent.get("/api/v2/warranties/\(id)")["warranty"]?["months"]?.intValue == 12)
        }
    }

    @Test(arguments: TestDatabase.all)
    func theAdminSavesTheRMAPolicyOnItsPage(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            // setup
            let admin = try await app.signedIn(TestApp.adminEmail)
            let page = try await admin.get("/admin/rma-policy")
            #expect(page.status == .ok && page.contains("Up to 250.00: an agent or above approves.") && page.contains("Any value: a lead or above approves."),
                    "\(page.html)")
            #expect(page.contains("needs a manager or above"))

            // act
            let saved = try await admin.post("/admin/rma-policy", [
                ("tiers_repair", "any agent"), ("tiers_refund", "10000 agent\nany manager"), ("tiers_replacement", "any agent"),
                ("tiers_advance_replacement", "50000 lead\n\nany manager"), ("out_of_warranty", "admin"), ("checklist_override_role", "manager")])

            // check
            #expect(saved.status == .seeOther && saved.location == "/admin/rma-policy?saved=1", "\(saved.html)")
            let after = try await admin.get(saved.location ?? "")
            #expect(after.contains("RMA approval rules saved.") && after.contains("Up to 500.00: a lead or above approves."), "\(after.html)")
            #expect(after.contains("needs an admin or above") && after.contains("A manager or above may override"))
            let api = try await app.agent.get("/api/v2/rma_policy")
            let policy = try #require(api["rma_policy"])
            #expect(policy["out_of_warranty"]?.stringValue == "admin" && policy["checklist_override_role"]?.stringValue == "manager")
            let advance = policy["tiers"]?["advance_replacement"]?.arrayValue ?? []
            #expect(advance.count == 2 && advance.first?["up_to"]?.intValue == 50000 && advance.first?["role"]?.stringValue == "lead")
            #expect(advance.last?["up_to"]?.isNull == true && advance.last?["role"]?.stringValue == "manager")
        }
    }

    @Test(arguments: TestDatabase.all)
    func aBadTierIsRefusedAndALeadMayNotTouchThePolicy(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            // setup
            let admin = try await app.signedIn(TestApp.adminEmail)
            _ = try await admin.get("/admin/rma-policy")
            _ = try await app.person("Lara Lead", role: .lead)
            let lara = try await app.signedIn("lara.lead@brightbeam.example")

            // act
            let refused = try await admin.post("/admin/rma-policy", [
                ("tiers_repair", "lots agent"), ("tiers_refund", "any wizard"), ("tiers_replacement", "any agent"),
                ("tiers_advance_replacement", "25000 agent\nany lead"), ("out_of_warranty", "manager"), ("checklist_override_role", "lead")])

            // check
            #expect(refused.status == .unprocessableContent, "\(refused.html)")
            #expect(refused.contains("up_to is a whole number") && refused.contains("each tier of refund needs a role"), "\(refused.html)")
            #expect(refused.contains(">lots agent</textarea>"), "what was typed stays")
            let policy = try await app.agent.get("/api/v2/rma_policy")
            #expect(policy["rma_policy"]?["tiers"]?["refund"]?.arrayValue?.last?["role"]?.stringValue == "lead", "nothing was saved")
            #expect(try await lara.get("/admin/rma-policy").status == .forbidden)
            #expect(try await lara.post("/admin/rma-policy", [("out_of_warranty", "agent")]).status == .forbidden)
        }
    }
}
