import CasebookCore
import Foundation
import Testing
@testable import CasebookServer

/// The conduct pages: flagging from a ticket, the one-click handover, the customer's page, the admins' policy page.
@Suite("Web conduct pages")
struct WebConductPagesTests {
    @Test(arguments: TestDatabase.all)
    func anAgentFlagsAbuseFromTheTicketAndHandsItOver(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let ben = try await app.person("Ben Newcomer", role: .agent)
            let lara = try await app.person("Lara Lead", role: .lead)
            let group = try await app.group("Hardware", mode: "manual", members: [ben, lara])
            let keepAway = try await ConductAPITests.outcome(app, "Keep <away>", action: "exclusion")
            let ticket = try await app.agent.createTicket(["subject": "Switch <dead>", "comment": ["body": "Please help"],
                                                           "requester_id": .int(app.endUserA.id), "group_id": .int(group),
                                                           "assignee_id": .int(ben.id)])
            let long = "<script>alert(1)</script> You will regret this, Ben. " + String(repeating: "blah ", count: 20) + "TAIL-BEYOND-80"
            _ = try await app.endUserA.put("/api/v2/tickets/\(ticket)", ["ticket": ["comment": ["body": .string(long)]]])
            let threat = try #require(try await ConductAPITests.comments(app, ticket).last?["id"]?.intValue)

            let browser = try await app.signedIn("ben.newcomer@brightbeam.example")
            #expect(try await browser.get("/agent/tickets/\(ticket)").contains("href=\"/agent/tickets/\(ticket)/conduct\""))
            var page = try await browser.get("/agent/tickets/\(ticket)/conduct")
            #expect(page.status == .ok)
            #expect(page.contains("id=\"conduct-form\""))
            #expect(page.contains("Switch &lt;dead&gt;"))
            #expect(page.contains("Keep &lt;away&gt;") && !page.contains("Keep <away>"), "labels are escaped")
            #expect(page.contains("by Rex: &lt;script&gt;alert(1)&lt;/script&gt; You will regret"), "evidence with author, escaped")
            #expect(!page.contains("<script>alert"))
            #expect(!page.contains("TAIL-BEYOND-80"), "at most 80 characters of a comment")
            #expect(page.contains("<option value=\"\(ben.id)\" selected>Ben Newcomer</option>"), "the assignee is the affected agent by default")

            let forged = try await browser.post("/agent/tickets/\(ticket)/conduct", [("kind", "threat"), ("comment_id", String(threat)),
                                                                                      ("outcome_id", String(keepAway))], csrf: "forged")
            #expect(forged.status == .forbidden)
            let blank = try await browser.post("/agent/tickets/\(ticket)/conduct", [("kind", "threat"), ("comment_id", ""),
                                                                                     ("outcome_id", String(keepAway)), ("note", " ")])
            #expect(blank.status == .unprocessableContent)
            #expect(blank.contains("Evidence: choose the comment or call log"))
            #expect(try await ConductAPITests.count(app, "conduct_records") == 0)

            let done = try await browser.post("/agent/tickets/\(ticket)/conduct", [
                ("kind", "threat"), ("comment_id", String(threat)), ("outcome_id", String(keepAway)),
                ("affected_agent_id", String(ben.id)), ("note", "He <meant> it")])
            #expect(done.status == .seeOther, "\(done.html.prefix(400))")
            let location = try #require(done.location)
            let recordID = try #require(Int(location.components(separatedBy: "recorded=").last ?? ""), "\(location)")
            #expect(location == "/agent/tickets/\(ticket)/conduct?recorded=\(recordID)")
            page = try await browser.get(location)
            #expect(page.contains("Conduct record #\(recordID) is on the record"))
            #expect(page.contains("Note: He &lt;meant&gt; it"))
            #expect(page.contains("action=\"/agent/conduct_records/\(recordID)/handover\""))
            #expect(page.contains("Hand this ticket over"))
            let laraNotes = try await lara.get("/api/v2/notifications")["notifications"]?.arrayValue ?? []
            #expect(laraNotes.contains { $0["kind"]?.stringValue == "conduct" })

            // One click: the ticket leaves Ben with his summary as an internal note.
            #expect(try await browser.post("/agent/conduct_records/\(recordID)/handover", [("summary", "x")], csrf: "forged").status == .forbidden)
            let handed = try await browser.post("/agent/conduct_records/\(recordID)/handover", [("summary", "Reset done; replacement promised")])
            #expect(handed.status == .seeOther)
            #expect(handed.location == "/agent/tickets/\(ticket)/conduct?handed_over=\(recordID)")
            #expect(try await browser.get(handed.location!).contains("You handed ticket #\(ticket) over"))
            #expect(try await app.ticket(ticket)["assignee_id"] == .null)
            let note = try await ConductAPITests.comments(app, ticket).last
            #expect(note?["body"]?.stringValue == "Reset done; replacement promised" && note?["public"] == .bool(false))

            // Agents see it on the customer's page; the customer sees it nowhere.
            let agent = try await app.signedIn(TestApp.agentEmail)
            let customerPage = try await agent.get("/agent/users/\(app.endUserA.id)")
            #expect(customerPage.contains("class=\"conduct-records\""))
            #expect(customerPage.contains("data-conduct-id=\"\(recordID)\""))
            #expect(customerPage.contains("Keep &lt;away&gt; (exclusion rule for the affected agent)"))
            #expect(customerPage.contains("Note: He &lt;meant&gt; it"))
            #expect(!customerPage.contains("Contact only by email"), "not that outcome")
            let rex = try await app.signedIn(TestApp.endUserAEmail)
            #expect(try await rex.get("/agent/tickets/\(ticket)/conduct").status == .forbidden)
            #expect(try await rex.get("/agent/users/\(app.endUserA.id)").status == .forbidden)
            for path in ["/portal", "/portal/requests/\(ticket)"] {
                let portal = try await rex.get(path)
                #expect(portal.status == .ok, "\(path)")
                #expect(!portal.contains("onduct"), "\(path) mentions conduct")
                #expect(!portal.contains("meant"), "\(path) shows the note")
                #expect(!portal.contains("replacement promised"), "\(path) shows the handover summary")
            }
            #expect(try await rex.post("/agent/conduct_records/\(recordID)/handover", [("summary", "x")]).status == .forbidden)
        }
    }

    @Test(arguments: TestDatabase.all)
    func emailOnlyPutsABadgeOnTheCustomersPage(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let emailOnly = try await ConductAPITests.outcome(app, "Email only", action: "email_only")
            let ticket = try await app.agent.createTicket(["subject": "Calls", "comment": ["body": "x"], "requester_id": .int(app.endUserA.id)])
            let agent = try await app.signedIn(TestApp.agentEmail)
            var page = try await agent.get("/agent/users/\(app.endUserA.id)")
            #expect(!page.contains("id=\"contact-only-by\""))
            #expect(page.contains("No conduct records"))
            let flagged = try await app.agent.post("/api/v2/conduct_records", ["conduct_record": [
                "ticket_id": .int(ticket), "kind": "harassment", "note": "Ninth call today", "outcome_id": .int(emailOnly)]])
            #expect(flagged.status == .created, "\(flagged.text)")
            page = try await agent.get("/agent/users/\(app.endUserA.id)")
            #expect(page.contains("<p class=\"badge contact-only-email\" id=\"contact-only-by\">Contact only by email</p>"))
            #expect(page.contains("Harassment"))
            // Staff pages have no conduct section.
            #expect(!(try await agent.get("/agent/users/\(app.agent.id)").contains("conduct-records")))
        }
    }

    @Test(arguments: TestDatabase.all)
    func adminsKeepThePolicyOnItsPage(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let agent = try await app.signedIn(TestApp.agentEmail)
            #expect(try await agent.get("/admin/conduct").status == .forbidden)
            #expect(try await agent.post("/admin/conduct/outcomes", [("label", "Mine"), ("action", "warning_sent")]).status == .forbidden)

            let admin = try await app.signedIn(TestApp.adminEmail)
            var page = try await admin.get("/admin/conduct")
            #expect(page.status == .ok)
            #expect(page.contains("agents cannot flag conduct until there is one"))
            #expect(try await admin.post("/admin/conduct/outcomes", [("label", "Warned"), ("action", "warning_sent")], csrf: "forged").status == .forbidden)
            let blank = try await admin.post("/admin/conduct/outcomes", [("label", " "), ("action", "warning_sent"), ("description", "kept <here>")])
            #expect(blank.status == .unprocessableContent)
            #expect(blank.contains("Label: name the outcome"))
            #expect(blank.contains("kept &lt;here&gt;"), "what was typed stays, escaped")
            let added = try await admin.post("/admin/conduct/outcomes", [("label", "<i>Warned</i>"), ("action", "warning_sent"),
                                                                           ("description", "One warning, then end the call")])
            #expect(added.status == .seeOther)
            page = try await admin.get("/admin/conduct")
            #expect(page.contains("value=\"&lt;i&gt;Warned&lt;/i&gt;\"") && !page.contains("<i>Warned"))
            let id = try #require(page.firstMatch(#"data-outcome-id="(\d+)""#))

            // Edit: an unticked "Offered" withdraws it; one click offers it again.
            let edited = try await admin.post("/admin/conduct/outcomes/\(id)", [("label", "Warned once"), ("action", "interaction_ended"),
                                                                                  ("description", "")])
            #expect(edited.status == .seeOther)
            var listed = try await app.agent.get("/api/v2/conduct_outcomes")["conduct_outcomes"]?.arrayValue?.first
            #expect(listed?["label"]?.stringValue == "Warned once" && listed?["action"]?.stringValue == "interaction_ended")
            #expect(listed?["active"] == .bool(false))
            #expect(try await admin.get("/admin/conduct").contains("Withdrawn"))
            #expect(try await admin.post("/admin/conduct/outcomes/\(id)/active", [("active", "1")]).status == .seeOther)
            listed = try await app.agent.get("/api/v2/conduct_outcomes")["conduct_outcomes"]?.arrayValue?.first
            #expect(listed?["active"] == .bool(true))
            #expect(try await admin.post("/admin/conduct/outcomes/999999/active", [("active", "1")]).status == .notFound)
            let duplicate = try await admin.post("/admin/conduct/outcomes", [("label", "WARNED ONCE"), ("action", "warning_sent")])
            #expect(duplicate.status == .unprocessableContent)

            // The ticket form offers what is active, with its description.
            let ticket = try await app.agent.createTicket(["subject": "x", "comment": ["body": "y"], "requester_id": .int(app.endUserA.id)])
            let form = try await agent.get("/agent/tickets/\(ticket)/conduct")
            #expect(form.contains("Warned once (interaction ended)"))
            #expect(!form.contains("id=\"conduct-no-outcomes\""))
        }
    }
}
