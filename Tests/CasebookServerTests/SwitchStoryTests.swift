import CasebookCore
import Foundation
import SQLKit
import Testing
@testable import CasebookServer

/// The network switch story end to end: a customer 2.5 hours from a failing switch; two agents are stopped by the
/// troubleshooting policy; the third, a lead, overrides it with a reason and the decision reaches everyone involved;
/// the replacement ships ahead of the return; the unit comes back with no fault found and the recorded obligation
/// applies; nobody hands the case over without notes.
@Suite("The switch story: advance replacement, decisions and case notes")
struct SwitchStoryTests {
    static let switchSKU = "MS-24"

    /// A switch product with a 36-month warranty, its caveat and checklist, and the customer's unit bought in June 2025.
    static func switchOnRecord(_ app: TestApp, lead: Caller) async throws -> (product: Int, asset: Int) {
        let product = try await lead.post("/api/v2/products", ["product": [
            "name": "Meridian 24-port switch", "currency": "EUR",
            "variants": [["sku": .string(switchSKU), "name": "Meridian 24", "options": ["ports": "24"], "price": 89000]]]])
        #expect(product.status == .created, "\(product.text)")
        let productID = try #require(product["product"]?["id"]?.intValue)
        let warranty = try await lead.put("/api/v2/warranties/\(productID)", ["warranty": [
            "months": 36, "coverage": "Parts and labour", "return_days": 10,
            "caveats": ["Replacement requires completed troubleshooting"],
            "checklist": [
                ["key": "power_cycle", "title": "Power-cycle the switch", "required_for": ["advance_replacement", "replacement"]],
                ["key": "console_log", "title": "Collect the console log", "required_for": ["advance_replacement"]],
                ["key": "factory_reset", "title": "Factory reset with saved config", "required_for": ["advance_replacement"]],
            ]]])
        #expect(warranty.status == .ok, "\(warranty.text)")
        let asset = try await app.agent.post("/api/v2/assets", ["asset": [
            "serial": "MS24-00417", "sku": .string(switchSKU), "customer_id": .int(app.endUserA.id), "site": "Leeds depot, rack 3",
            "purchased_at": "2025-06-01", "firmware": "4.2.1"]])
        #expect(asset.status == .created, "\(asset.text)")
        #expect(asset["asset"]?["warranty"]?["status"]?.stringValue == "in_warranty", "\(asset.text)")
        #expect(asset["asset"]?["warranty"]?["expires_at"]?.stringValue?.hasPrefix("2028-06-01") == true, "\(asset.text)")
        return (productID, try #require(asset["asset"]?["id"]?.intValue))
    }

    @Test(arguments: TestDatabase.all)
    func advanceReplacementOverriddenByALeadOnTheRecord(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let lead = try await app.person("Rickey Dalton", role: .lead)
            let second = try await app.person("Owen Pryce", role: .agent)
            let manager = try await app.person("Mona Manager", role: .manager)
            let owner = try await app.person("Abe Accounts", role: .agent)
            let (_, assetID) = try await Self.switchOnRecord(app, lead: lead)
            let org = try #require(try await app.admin.get("/api/v2/users/\(app.endUserA.id)")["user"]?["organization_id"]?.intValue)
            #expect(try await app.admin.put("/api/v2/organizations/\(org)", ["organization": ["account_owner_id": .int(app.endUserB.id)]]).status
                    == .unprocessableContent, "an account owner is staff")
            let owned = try await app.admin.put("/api/v2/organizations/\(org)", ["organization": ["account_owner_id": .int(owner.id)]])
            #expect(owned["organization"]?["account_owner_id"]?.intValue == owner.id, "\(owned.text)")

            // The customer writes about the serial: the ticket is linked to his switch.
            let ticket = try await app.endUserA.createTicket(["subject": "Switch MS24-00417 dropping every port",
                                                             "comment": ["body": "All 24 ports went dark at 7am."]])
            let linked = try await app.agent.get("/api/v2/tickets/\(ticket)/assets")
            #expect(linked["assets"]?.arrayValue?.first?["id"]?.intValue == assetID, "\(linked.text)")
            #expect(try await app.agent.put("/api/v2/tickets/\(ticket)", ["ticket": [
                "assignee_id": .int(app.agent.id), "follower_ids": [.int(manager.id)]]]).status == .ok)

            // First agent: a call logged by the phone system with no summary yet; the checklist can't be finished.
            let call = try await app.agent.put("/api/v2/tickets/\(ticket)", ["ticket": ["comment": [
                "body": "", "public": false,
                "call": ["direction": "inbound", "from": "+44 113 555 0100", "to": "support", "duration": 540, "summary_pending": true]]]])
            #expect(call.status == .ok, "\(call.text)")
            let checklist = try await app.agent.put("/api/v2/tickets/\(ticket)/checklist", ["checklist": ["results": [
                ["key": "power_cycle", "result": "done"],
                ["key": "console_log", "result": "not_possible", "note": "no remote access; the customer is 2.5 hours from the site"]]]])
            #expect(checklist.status == .ok, "\(checklist.text)")
            #expect(checklist["checklist"]?["rma_kinds"]?["advance_replacement"]?["complete"] == .bool(false))
            #expect(try await app.agent.put("/api/v2/tickets/\(ticket)/checklist", ["checklist": ["results": [
                ["key": "factory_reset", "result": "not_possible"]]]]).status == .unprocessableContent, "not possible needs a why")

            let rma: JSONValue = ["rma": ["ticket_id": .int(ticket), "serial": "MS24-00417", "kind": "advance_replacement", "value": 89000,
                                          "currency": "EUR"]]
            let refused = try await app.agent.post("/api/v2/rmas", rma)
            #expect(refused.status == .unprocessableContent, "\(refused.text)")
            #expect(refused.text.contains("ChecklistIncomplete") && refused.text.contains("Collect the console log")
                    && refused.text.contains("Factory reset with saved config"), "\(refused.text)")
            #expect(try await app.agent.post("/api/v2/rmas", ["rma": ["ticket_id": .int(ticket), "serial": "MS24-00417",
                                                                    "kind": "advance_replacement", "value": 89000,
                                                                    "override_reason": "he is far away"]]).status == .forbidden,
                    "an agent cannot override")

            // Handing over without notes is refused; with a summary it goes through.
            let bare = try await app.agent.put("/api/v2/tickets/\(ticket)", ["ticket": ["assignee_id": .int(second.id)]])
            #expect(bare.status == .unprocessableContent && bare.text.contains("CaseNotes"), "\(bare.text)")
            #expect(try await app.agent.put("/api/v2/tickets/\(ticket)", ["ticket": ["status": "solved"]]).status == .unprocessableContent)
            #expect(try await app.agent.get("/api/v2/case_notes/owed").status == .forbidden, "the lead's view")
            #expect(try await lead.get("/api/v2/case_notes/owed")["tickets"]?.arrayValue?.compactMap { $0["id"]?.intValue } == [ticket])
            let handed = try await app.agent.put("/api/v2/tickets/\(ticket)", ["ticket": [
                "assignee_id": .int(second.id),
                "comment": ["body": "Tried power cycle; no console access. Promised a call back within the hour.", "public": false]]])
            #expect(handed.status == .ok, "\(handed.text)")
            #expect(try await lead.get("/api/v2/case_notes/owed")["tickets"]?.arrayValue?.isEmpty == true)

            // Second agent: also stopped.
            #expect(try await second.post("/api/v2/rmas", rma).status == .unprocessableContent)
            _ = try await second.put("/api/v2/tickets/\(ticket)", ["ticket": ["comment": [
                "body": "Customer called again; told him we need the console log first.", "public": false]]])

            // The lead overrides with a reason: created and, within a lead's limit, approved at once.
            let overridden = try await lead.post("/api/v2/rmas", ["rma": [
                "ticket_id": .int(ticket), "serial": "MS24-00417", "kind": "advance_replacement", "value": 89000, "currency": "EUR",
                "override_reason": "Customer is 2.5 hours from the site with no spare and no remote access; the fault pattern is the known PSU failure"]])
            #expect(overridden.status == .created, "\(overridden.text)")
            let rmaID = try #require(overridden["rma"]?["id"]?.intValue)
            #expect(overridden["rma"]?["status"]?.stringValue == "approved")
            #expect(overridden["rma"]?["obligation"]?["text"]?.stringValue?.contains("invoiced") == true)

            let decisions = try await app.agent.get("/api/v2/decisions?ticket_id=\(ticket)")
            let decision = try #require(decisions["decisions"]?.arrayValue?.first)
            #expect(decision["kind"]?.stringValue == "policy_override")
            #expect(decision["rule"]?.stringValue == "Replacement requires completed troubleshooting")
            #expect(decision["reason"]?.stringValue?.contains("2.5 hours") == true)
            #expect(decision["decided_by_id"]?.intValue == lead.id)
            let notified = Set(decision["notified_user_ids"]?.arrayValue?.compactMap(\.intValue) ?? [])
            #expect(notified == [app.agent.id, second.id, manager.id, owner.id], "earlier assignees, follower, account owner: \(notified)")
            #expect(try await app.notices(ticket).contains { $0.hasPrefix("Decision #") && $0.contains("Departs from: Replacement requires") })
            for person in [app.agent, second, manager, owner] {
                let mine = try await person.get("/api/v2/notifications")
                #expect(mine["notifications"]?.arrayValue?.contains { $0["kind"]?.stringValue == "decision" && $0["ticket_id"]?.intValue == ticket } == true,
                        "\(mine.text)")
            }
            #expect(try await lead.get("/api/v2/notifications")["unread_count"]?.intValue == 0, "not the decider")
            let mails = try await app.database.read { db in try await OutboxStore(db: db).messages(to: "owen.pryce@brightbeam.example") }
            #expect(mails.contains { $0.kind == "decision" && $0.subject.contains("Decision on #\(ticket)") }, "\(mails.map(\.subject))")
            #expect(try await app.endUserA.get("/api/v2/decisions").status == .forbidden)
            let customerPage = try await app.signedIn(TestApp.agentEmail).get("/agent/users/\(app.endUserA.id)")
            #expect(customerPage.contains("id=\"customer-decisions\"") && customerPage.contains("data-decision-id=\"\(decision["id"]?.intValue ?? 0)\"")
                    && customerPage.contains("Replacement requires completed troubleshooting"), "the customer's page shows the decision to staff")

            // The customer's agreement, then the replacement ships ahead of the return.
            #expect(try await app.agent.post("/api/v2/rmas/\(rmaID)/obligation_acceptance", ["acceptance": ["via": "verbal"]]).status
                    == .unprocessableContent, "a verbal agreement needs the agent's note")
            let accepted = try await app.agent.post("/api/v2/rmas/\(rmaID)/obligation_acceptance", ["acceptance": [
                "via": "verbal", "note": "Agreed on the phone at 14:10, read back to him"]])
            #expect(accepted["rma"]?["obligation"]?["accepted_via"]?.stringValue == "verbal", "\(accepted.text)")
            #expect(try await app.agent.post("/api/v2/rmas/\(rmaID)/receive", [:]).status == .unprocessableContent, "nothing was sent yet")
            #expect(try await app.agent.post("/api/v2/rmas/\(rmaID)/ship", ["tracking": ""]).status == .unprocessableContent)
            let shipped = try await app.agent.post("/api/v2/rmas/\(rmaID)/ship", ["rma": ["tracking": "1Z999AA10123456784"]])
            #expect(shipped["rma"]?["status"]?.stringValue == "unit_due", "\(shipped.text)")
            #expect(shipped["rma"]?["return_due_at"] != .null)

            // Overdue: the customer is reminded on the ticket and the owner gets a task.
            app.clock.advance(minutes: 11 * 24 * 60)
            let reminded = try await RMAService(tickets: app.services.tickets, clock: app.services.config.clock).remindOverdue(database: app.database)
            #expect(reminded == 1)
            let comments = try await app.agent.get("/api/v2/tickets/\(ticket)/comments")
            #expect(comments["comments"]?.arrayValue?.contains {
                $0["public"] == .bool(true) && $0["body"]?.stringValue?.contains("A reminder about RMA #\(rmaID)") == true
            } == true, "\(comments.text)")
            #expect(try await lead.get("/api/v2/notifications")["notifications"]?.arrayValue?.contains { $0["kind"]?.stringValue == "rma_overdue" } == true)
            let tasks = try await lead.get("/api/v2/follow_ups?owner_id=\(lead.id)&status=open")
            #expect(tasks["follow_ups"]?.arrayValue?.contains {
                $0["ticket_id"]?.intValue == ticket && $0["title"]?.stringValue?.contains("RMA #\(rmaID)") == true
            } == true, "a follow-up task for the owner: \(tasks.text)")
            #expect(try await RMAService(tickets: app.services.tickets, clock: app.services.config.clock).remindOverdue(database: app.database) == 0,
                    "not again the same day")

            // Back with no fault found: the obligation applies and the decision learns its outcome.
            #expect(try await app.agent.post("/api/v2/rmas/\(rmaID)/receive", ["note": "UPS, box intact"]).status == .ok)
            let inspected = try await app.agent.post("/api/v2/rmas/\(rmaID)/inspect", ["outcome": "no_fault_found", "note": "passes 48h burn-in"])
            #expect(inspected["rma"]?["obligation"]?["applies"] == .bool(true), "\(inspected.text)")
            #expect(try await app.notices(ticket).contains { $0.contains("no fault found") && $0.contains("obligation applies") })
            let report = try await lead.get("/api/v2/decisions/report")
            #expect(report["decision_report"]?["rows"]?.arrayValue?.contains {
                $0["kind"]?.stringValue == "policy_override" && $0["outcome"]?.stringValue == "no_fault_found" && $0["decided_by_id"]?.intValue == lead.id
            } == true, "\(report.text)")
            #expect(try await app.agent.get("/api/v2/decisions/report").status == .forbidden)
            let closed = try await app.agent.post("/api/v2/rmas/\(rmaID)/close", ["note": "replacement kept; invoice raised"])
            #expect(closed["rma"]?["status"]?.stringValue == "closed", "\(closed.text)")
            #expect(try await app.agent.post("/api/v2/rmas/\(rmaID)/close", [:]).status == .unprocessableContent)
            let asset = try await app.agent.get("/api/v2/assets/\(assetID)")
            #expect(asset["asset"]?["status"]?.stringValue == "in_service")
            #expect(asset["asset"]?["rmas"]?.arrayValue?.count == 1 && asset["asset"]?["ticket_ids"] == [.int(ticket)], "\(asset.text)")
            let history = try await app.agent.get("/api/v2/rmas/\(rmaID)")
            #expect(history["rma"]?["events"]?.arrayValue?.compactMap { $0["event"]?.stringValue }
                    == ["requested", "approve", "obligation_accepted", "ship_replacement", "await_unit", "reminded", "receive", "inspect", "close"],
                    "\(history.text)")
        }
    }

    @Test(arguments: TestDatabase.all)
    func approvalsFollowLimitsByRoleValueAndWarranty(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let lead = try await app.person("Lara Lead", role: .lead)
            let manager = try await app.person("Mona Manager", role: .manager)
            let (_, assetID) = try await Self.switchOnRecord(app, lead: lead)
            let ticket = try await app.endUserA.createTicket(["subject": "Port 7 flaps", "comment": ["body": "Since Tuesday."]])
            _ = try await app.agent.post("/api/v2/tickets/\(ticket)/assets", ["asset": ["asset_id": .int(assetID)]])
            _ = try await app.agent.put("/api/v2/tickets/\(ticket)/checklist", ["checklist": ["results": [["key": "power_cycle", "result": "failed",
                                                                                                          "note": "would not come back up"]]]])
            // A replacement after return (no console log needed) by an agent: approved at once, the unit is due.
            let standard = try await app.agent.post("/api/v2/rmas", ["rma": ["ticket_id": .int(ticket), "asset_id": .int(assetID),
                                                                             "kind": "replacement", "value": 89000]])
            #expect(standard["rma"]?["status"]?.stringValue == "unit_due", "\(standard.text)")

            // Out of warranty: waits for a manager; the lead may not approve it, the requester neither.
            try await app.database.write { db in
                try await db.raw("UPDATE assets SET purchased_at = \(bind: Int64(1_400_000_000_000)) WHERE id = \(bind: assetID)").run()
            }
            let old = try await app.agent.post("/api/v2/rmas", ["rma": ["ticket_id": .int(ticket), "asset_id": .int(assetID), "kind": "repair", "value": 15000]])
            #expect(old["rma"]?["status"]?.stringValue == "requested" && old["rma"]?["approver_role"]?.stringValue == "manager", "\(old.text)")
            #expect(old["rma"]?["in_warranty"] == .bool(false))
            let id = try #require(old["rma"]?["id"]?.intValue)
            // The ticket is closed (solved, then closed by the desk's automation) while the request waits: the
            // approval still goes on the record.
            try await app.database.write { db in try await db.raw("UPDATE tickets SET status = 'closed' WHERE id = \(bind: ticket)").run() }
            #expect(try await lead.get("/api/v2/rmas?awaiting=me")["rmas"]?.arrayValue?.isEmpty == true)
            #expect(try await manager.get("/api/v2/rmas?awaiting=me")["rmas"]?.arrayValue?.compactMap { $0["id"]?.intValue } == [id])
            #expect(try await lead.post("/api/v2/rmas/\(id)/approve", ["reason": "good customer"]).status == .forbidden)
            #expect(try await manager.post("/api/v2/rmas/\(id)/approve", [:]).status == .unprocessableContent, "a reason is required")
            let approved = try await manager.post("/api/v2/rmas/\(id)/approve", ["reason": "Two months out; goodwill for a ten-year customer"])
            #expect(approved["rma"]?["status"]?.stringValue == "unit_due", "\(approved.text)")
            let decisions = try await app.agent.get("/api/v2/decisions?kind=approval_above_limit")
            let decision = try #require(decisions["decisions"]?.arrayValue?.first)
            #expect(decision["notified_user_ids"]?.arrayValue?.contains(.int(app.agent.id)) == true, "the requester hears of it")
            #expect(decision["rule"]?.stringValue?.contains("out of warranty needs a manager") == true, "\(decision)")

            // The policy is the admins' to change; a bad one is refused whole.
            #expect(try await lead.put("/api/v2/rma_policy", ["rma_policy": ["out_of_warranty": "lead", "tiers": [:]]]).status == .forbidden)
            let bad = try await app.admin.put("/api/v2/rma_policy", ["rma_policy": ["out_of_warranty": "customer",
                                                                                    "tiers": ["teleport": [["role": "agent"]]]]])
            #expect(bad.status == .unprocessableContent && bad.text.contains("teleport") && bad.text.contains("out_of_warranty"), "\(bad.text)")
            let saved = try await app.admin.put("/api/v2/rma_policy", ["rma_policy": [
                "out_of_warranty": "lead", "checklist_override_role": "manager",
                "tiers": ["repair": [["up_to": .null, "role": "agent"]], "refund": [["up_to": 1000, "role": "agent"], ["up_to": .null, "role": "manager"]],
                          "replacement": [["up_to": .null, "role": "agent"]], "advance_replacement": [["up_to": .null, "role": "lead"]]]]])
            #expect(saved.status == .ok, "\(saved.text)")
            let repair = try await app.agent.post("/api/v2/rmas", ["rma": ["ticket_id": .int(ticket), "asset_id": .int(assetID), "kind": "repair", "value": 100]])
            #expect(repair["rma"]?["approver_role"]?.stringValue == "lead", "\(repair.text)")
            let overrideByLead = try await lead.post("/api/v2/rmas", ["rma": ["ticket_id": .int(ticket), "asset_id": .int(assetID),
                                                                              "kind": "advance_replacement", "override_reason": "urgent"]])
            #expect(overrideByLead.status == .forbidden, "overriding now needs a manager: \(overrideByLead.text)")
        }
    }

    @Test(arguments: TestDatabase.all)
    func anExceptionRecordedByHandReachesTheCaseAndIsReadOnce(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let lead = try await app.person("Lara Lead", role: .lead)
            let ticket = try await app.endUserA.createTicket(["subject": "Late parcel", "comment": ["body": "Arrived after Christmas."]])
            _ = try await lead.put("/api/v2/tickets/\(ticket)", ["ticket": ["assignee_id": .int(lead.id)]])
            let blank = try await app.agent.post("/api/v2/decisions", ["decision": ["ticket_id": .int(ticket), "rule": "", "what": "", "reason": "  "]])
            #expect(blank.status == .unprocessableContent)
            #expect(blank.text.contains("\"rule\"") && blank.text.contains("\"what\"") && blank.text.contains("\"reason\""), "\(blank.text)")
            #expect(try await app.agent.get("/api/v2/decisions")["count"]?.intValue == 0, "nothing written")
            let made = try await app.agent.post("/api/v2/decisions", ["decision": [
                "ticket_id": .int(ticket), "rule": "Goodwill credit only for orders over 50.00", "what": "10.00 credit on a 29.00 order",
                "reason": "Third late parcel this year"]])
            #expect(made.status == .created, "\(made.text)")
            #expect(made["decision"]?["kind"]?.stringValue == "exception")
            #expect(made["decision"]?["notified_user_ids"] == [.int(lead.id)], "\(made.text)")
            let mine = try await lead.get("/api/v2/notifications")
            #expect(mine["unread_count"]?.intValue == 1)
            let id = try #require(mine["notifications"]?.arrayValue?.first?["id"]?.intValue)
            #expect(try await app.agent.post("/api/v2/notifications/read", ["ids": [.int(id)]]).status == .noContent, "someone else's: no effect")
            #expect(try await lead.get("/api/v2/notifications")["unread_count"]?.intValue == 1)
            #expect(try await lead.post("/api/v2/notifications/read", ["ids": [.int(id)]]).status == .noContent)
            #expect(try await lead.get("/api/v2/notifications?unread=true")["notifications"]?.arrayValue?.isEmpty == true)
            #expect(try await app.endUserA.get("/api/v2/tickets/\(ticket)/audits").text.contains("Decision #") == false,
                    "a decision is for staff, not the customer's audit view")
        }
    }
}
