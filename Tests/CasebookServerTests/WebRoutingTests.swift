import CasebookCore
import Foundation
import Testing
@testable import CasebookServer

/// The routing parts of the workspace in the browser: exclusion from the ticket page, the repeat-contact panel,
/// escalation, presence in the header, the team board, and the admin pages for routing and SLAs.
@Suite("Web routing pages")
struct WebRoutingTests {
    @Test(arguments: TestDatabase.all)
    func leadCreatesAnExclusionFromTheTicketPageAndRoutingKeepsIt(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let ben = try await app.person("Ben Newcomer", role: .agent)
            _ = try await app.person("Lara Lead", role: .lead)
            let group = try await app.group("Hardware", mode: "least_loaded", members: [ben])
            try await app.rule("Switches", word: "switch", groupID: group)
            let ticket = try await app.endUserA.createTicket(["subject": "You idiots, the switch again", "comment": ["body": "!!!"]])

            // A plain agent sees the rules but not the form, and cannot post it.
            let agent = try await app.signedIn(TestApp.agentEmail)
            var page = try await agent.get("/agent/tickets/\(ticket)")
            #expect(page.contains("id=\"exclusions\""))
            #expect(!page.contains("id=\"exclusion-form\""))
            let refused = try await agent.post("/agent/tickets/\(ticket)/exclusions", [("agent_id", String(ben.id)), ("reason", "x")])
            #expect(refused.status == .forbidden)

            let lead = try await app.signedIn("lara.lead@brightbeam.example")
            page = try await lead.get("/agent/tickets/\(ticket)")
            #expect(page.contains("id=\"exclusion-form\""))
            let blank = try await lead.post("/agent/tickets/\(ticket)/exclusions", [("agent_id", String(ben.id)), ("scope", "requester"), ("reason", "")])
            #expect(blank.status == .unprocessableContent)
            #expect(blank.contains("Reason"))
            let done = try await lead.post("/agent/tickets/\(ticket)/exclusions", [
                ("agent_id", String(ben.id)), ("scope", "requester"), ("reason", "Insulted Ben <b>twice</b>")])
            #expect(done.status == .seeOther)
            page = try await lead.get("/agent/tickets/\(ticket)")
            #expect(page.contains("Never Ben Newcomer: Insulted Ben &lt;b&gt;twice&lt;/b&gt; — Lara Lead"))
            #expect(page.contains("added exclusion rule"), "the ticket's timeline records it")
            #expect(page.contains("name=\"override_exclusion\""), "leads get the override box on this customer's tickets")

            // Ben is online and alone in the group, yet the customer's next ticket waits.
            try await app.setPresence(ben, "online")
            let next = try await app.endUserA.createTicket(["subject": "Switch still broken", "comment": ["body": "fix it"]])
            #expect(try await app.ticket(next)["assignee_id"] == .null)
            page = try await lead.get("/agent/tickets/\(next)")
            #expect(page.contains("id=\"routing-waiting\""))
            // The lead's assignment through the form needs the box ticked.
            let was = [("was_status", "new"), ("was_priority", ""), ("was_type", ""), ("was_group_id", String(group)), ("was_assignee_id", ""),
                       ("was_tags", ""), ("was_followers", ""), ("was_ccs", "")]
            let fields = [("status", "open"), ("priority", ""), ("type", ""), ("group_id", String(group)), ("tags", ""), ("followers", ""),
                          ("ccs", ""), ("mode", "note"), ("body", ""), ("seen_audit", page.firstMatch(#"name="seen_audit" value="(\d+)""#) ?? "0")]
            let withoutBox = try await lead.post("/agent/tickets/\(next)", was + fields + [("assignee_id", String(ben.id))])
            #expect(withoutBox.status == .unprocessableContent)
            #expect(withoutBox.contains("Insulted Ben"))
            let withBox = try await lead.post("/agent/tickets/\(next)", was + fields + [
                ("assignee_id", String(ben.id)), ("override_exclusion", "1"), ("override_reason", "Ben volunteered")])
            #expect(withBox.status == .seeOther, "\(withBox.html.prefix(400))")
            #expect(try await app.ticket(next)["assignee_id"]?.intValue == ben.id)
        }
    }

    @Test(arguments: TestDatabase.all)
    func repeatContactPanelEscalationAndSLAOnTheTicketPage(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            _ = try await SLAAPITests.policy(app, title: "Normal", priority: "normal", minutes: 120)
            let one = try await app.endUserA.createTicket(["subject": "Switch port faulty", "comment": ["body": "a"]])
            _ = try await app.agent.put("/api/v2/tickets/\(one)", ["ticket": ["comment": ["body": "Please reseat the <cable>.", "public": true]]])
            _ = try await app.endUserA.createTicket(["subject": "Switch port faulty again", "comment": ["body": "b"]])
            let three = try await app.agent.createTicket(["subject": "Faulty switch port, third call", "priority": "normal",
                                                          "requester_id": .int(app.endUserA.id), "comment": ["body": "c"]])
            let agent = try await app.signedIn(TestApp.agentEmail)
            var page = try await agent.get("/agent/tickets/\(three)")
            #expect(page.contains("id=\"repeat-contact\""))
            #expect(page.contains("This customer has contacted us 3 times"))
            #expect(page.contains("Please reseat the &lt;cable&gt;."), "the earlier reply, escaped")
            #expect(page.contains("id=\"sla-targets\""))
            #expect(page.contains("First reply"))
            let panel = try #require(page.html.range(of: "id=\"repeat-contact\""))
            let composer = try #require(page.html.range(of: "id=\"ticket-form\""))
            #expect(panel.lowerBound < composer.lowerBound, "the history is above the composer")

            let groups = try await app.group("Workflows & Database", mode: "manual", members: [])
            page = try await agent.get("/agent/tickets/\(three)")
            #expect(page.contains("value=\"group:\(groups)\""))
            let empty = try await agent.post("/agent/tickets/\(three)/escalate", [("target", "group:\(groups)"), ("reason", " ")])
            #expect(empty.status == .unprocessableContent)
            let escalated = try await agent.post("/agent/tickets/\(three)/escalate", [("target", "group:\(groups)"), ("reason", "Workflow bug")])
            #expect(escalated.status == .seeOther)
            page = try await agent.get("/agent/tickets/\(three)")
            #expect(page.contains("escalated this to the Workflows &amp; Database group: Workflow bug"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func presenceHeaderTeamBoardAndAdminPages(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            _ = try await app.person("Lara Lead", role: .lead)
            let agent = try await app.signedIn(TestApp.agentEmail)
            var page = try await agent.get("/agent/views/mine")
            #expect(page.status == .ok)
            // Signing in put the agent online.
            #expect(page.contains("<option value=\"online\" selected>"))
            let set = try await agent.post("/agent/presence", [("status", "away"), ("back_at", "2099-01-01 09:00"), ("note", "At the dentist, phone 555")])
            #expect(set.status == .seeOther)
            page = try await agent.get("/agent/presence")
            #expect(page.contains("<option value=\"away\" selected>"))
            #expect(page.contains("At the dentist, phone 555"))
            let badTime = try await agent.post("/agent/presence", [("status", "away"), ("back_at", "tomorrow-ish")])
            #expect(badTime.status == .unprocessableContent)
            #expect(try await agent.get("/agent/team").status == .forbidden)

            let lead = try await app.signedIn("lara.lead@brightbeam.example")
            page = try await lead.get("/agent/team")
            #expect(page.status == .ok)
            #expect(page.contains("Morgan Agent"))
            #expect(page.contains("At the dentist, phone 555"))
            #expect(page.contains("presence-online"), "the lead who just signed in is online")

            // Signing out takes an agent offline.
            _ = try await agent.post("/sign-out")
            let me = try await app.agent.get("/api/v2/presence/me")
            #expect(me["agent_presence"]?["status"]?.stringValue == "offline")

            let admin = try await app.signedIn(TestApp.adminEmail)
            page = try await admin.get("/admin/routing")
            #expect(page.status == .ok)
            let badRule = try await admin.post("/admin/routing/rules", [("title", "No actions"), ("field1", "subject"), ("operator1", "contains_words"), ("value1", "refund")])
            #expect(badRule.status == .unprocessableContent)
            let rule = try await admin.post("/admin/routing/rules", [("title", "Refunds urgent"), ("field1", "subject"), ("operator1", "contains_words"),
                                                                     ("value1", "refund"), ("priority", "high")])
            #expect(rule.status == .seeOther)
            #expect(try await admin.get("/admin/routing").contains("Refunds urgent"))
            #expect(try await lead.get("/admin/routing").status == .forbidden)

            page = try await admin.get("/admin/sla")
            #expect(page.status == .ok)
            let schedule = try await admin.post("/admin/sla/schedules", [("name", "Berlin office"), ("time_zone", "Europe/Berlin"), ("day1", "1"), ("day2", "1"),
                                                                         ("hours", "08:00-12:00, 13:00-17:00")])
            #expect(schedule.status == .seeOther)
            page = try await admin.get("/admin/sla")
            #expect(page.contains("Mon 08:00–12:00, Mon 13:00–17:00, Tue 08:00–12:00"), "\(page.html)")
            let badHours = try await admin.post("/admin/sla/schedules", [("name", "x"), ("time_zone", "UTC"), ("day1", "1"), ("hours", "9 to 5")])
            #expect(badHours.status == .unprocessableContent)
            let policy = try await admin.post("/admin/sla/policies", [("title", "Urgent first"), ("priority", "urgent"), ("first_reply_time_urgent", "30"),
                                                                      ("pause_pending", "1"), ("notify_leads", "1"), ("lead_minutes", "10")])
            #expect(policy.status == .seeOther)
            page = try await admin.get("/admin/sla")
            #expect(page.contains("urgent first reply 30 min"))
            let noTarget = try await admin.post("/admin/sla/policies", [("title", "Empty")])
            #expect(noTarget.status == .unprocessableContent)
        }
    }
}
