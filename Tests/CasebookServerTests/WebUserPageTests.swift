import CasebookCore
import Foundation
import Testing
@testable import CasebookServer

/// A person's page in the workspace, and exclusion rules made there.
@Suite("Web user page")
struct WebUserPageTests {
    @Test(arguments: TestDatabase.all)
    func leadExcludesAnAgentFromTheCustomersPage(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let ben = try await app.person("Ben Newcomer", role: .agent)
            _ = try await app.person("Lara Lead", role: .lead)
            let group = try await app.group("Hardware", mode: "least_loaded", members: [ben])
            try await app.rule("Switches", word: "switch", groupID: group)
            let first = try await app.endUserA.createTicket(["subject": "My <switch>", "comment": ["body": "broken"]])

            // The ticket page links the requester to their page.
            let agent = try await app.signedIn(TestApp.agentEmail)
            #expect(try await agent.get("/agent/tickets/\(first)").contains("href=\"/agent/users/\(app.endUserA.id)\""))
            var page = try await agent.get("/agent/users/\(app.endUserA.id)")
            #expect(page.status == .ok)
            #expect(page.contains("My &lt;switch&gt;"), "their tickets, escaped")
            #expect(page.contains("No exclusion rules"))
            #expect(!page.contains("id=\"user-exclusion-form\""), "agents see rules, not the form")
            #expect(try await agent.post("/agent/users/\(app.endUserA.id)/exclusions", [("agent_id", String(ben.id)), ("reason", "x")]).status == .forbidden)

            let lead = try await app.signedIn("lara.lead@brightbeam.example")
            page = try await lead.get("/agent/users/\(app.endUserA.id)")
            #expect(page.contains("id=\"user-exclusion-form\""))
            let blank = try await lead.post("/agent/users/\(app.endUserA.id)/exclusions", [("agent_id", String(ben.id)), ("reason", " ")])
            #expect(blank.status == .unprocessableContent)
            #expect(blank.contains("Reason"))
            let noCSRF = try await lead.post("/agent/users/\(app.endUserA.id)/exclusions", [("agent_id", String(ben.id)), ("reason", "x")], csrf: "forged")
            #expect(noCSRF.status == .forbidden)
            let done = try await lead.post("/agent/users/\(app.endUserA.id)/exclusions", [
                ("agent_id", String(ben.id)), ("scope", "requester"), ("reason", "Insulted <Ben>")])
            #expect(done.status == .seeOther, "\(done.html.prefix(300))")
            page = try await lead.get("/agent/users/\(app.endUserA.id)")
            #expect(page.contains("to Ben Newcomer: Insulted &lt;Ben&gt; — Lara Lead"), "\(page.html)")
            // Ben's own page lists the customer he never gets.
            #expect(try await agent.get("/agent/users/\(ben.id)").contains("Insulted &lt;Ben&gt;"))
            // A rule is about customers; staff pages have no form and refuse one.
            #expect(try await lead.post("/agent/users/\(ben.id)/exclusions", [("agent_id", String(ben.id)), ("reason", "x")]).status == .unprocessableContent)

            // Routing honours it: Ben is online and alone in the group, the next ticket waits.
            try await app.setPresence(ben, "online")
            let next = try await app.endUserA.createTicket(["subject": "Switch still broken", "comment": ["body": "fix it"]])
            #expect(try await app.ticket(next)["assignee_id"] == .null)

            // Removing it (leads only) lets routing give Ben the waiting ticket.
            let rule = try #require(page.firstMatch(#"data-rule-id="(\d+)""#))
            #expect(try await agent.post("/agent/users/\(app.endUserA.id)/exclusions/\(rule)/delete").status == .forbidden)
            #expect(try await lead.post("/agent/users/\(app.endUserA.id)/exclusions/\(rule)/delete").status == .seeOther)
            #expect(try await lead.post("/agent/users/\(app.endUserA.id)/exclusions/\(rule)/delete").status == .notFound)
            #expect(try await lead.get("/agent/users/\(app.endUserA.id)").contains("No exclusion rules"))
            try await app.runJobs()
            #expect(try await app.ticket(next)["assignee_id"]?.intValue == ben.id)

            // Unknown people and customers are kept out.
            #expect(try await agent.get("/agent/users/999999").status == .notFound)
            let customer = try await app.signedIn(TestApp.endUserAEmail)
            #expect(try await customer.get("/agent/users/\(app.endUserA.id)").status == .forbidden)
        }
    }

    @Test(arguments: TestDatabase.all)
    func groupSkillsAreRequiredOfWhoeverGetsTheGroupsTickets(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let ben = try await app.person("Ben Plain", role: .agent)
            let greta = try await app.person("Greta Deutsch", role: .agent)
            let group = try await app.group("German team", mode: "least_loaded", members: [ben, greta])
            try await app.rule("Drucker", word: "drucker", groupID: group)
            let skills = try await app.admin.put("/api/v2/users/\(greta.id)/routing", ["routing": ["skills": ["language:de"]]])
            #expect(skills.status == .ok, "\(skills.text)")
            let set = try await app.admin.put("/api/v2/groups/\(group)/routing", ["routing": ["skills": ["Language:DE"]]])
            #expect(set.status == .ok, "\(set.text)")
            let listed = set["group_routings"]?.arrayValue?.first { $0["group_id"]?.intValue == group }
            #expect(listed?["skills"] == ["language:de"], "normalized like tags: \(set.text)")
            #expect(try await app.admin.put("/api/v2/groups/\(group)/routing", ["routing": ["skills": "german"]]).status == .unprocessableContent)
            #expect(try await app.agent.put("/api/v2/groups/\(group)/routing", ["routing": ["skills": []]]).status == .forbidden)

            // Ben has fewer tickets, but only Greta has the group's skill.
            try await app.setPresence(ben, "online")
            try await app.setPresence(greta, "online")
            for n in 1...2 {
                let id = try await app.endUserA.createTicket(["subject": .string("Drucker \(n) druckt nicht"), "comment": ["body": "?"]])
                #expect(try await app.ticket(id)["assignee_id"]?.intValue == greta.id)
            }
            // Without Greta it waits, saying which skill is missing.
            try await app.setPresence(greta, "offline")
            let waiting = try await app.endUserB.createTicket(["subject": "Drucker kaputt", "comment": ["body": "?"]])
            #expect(try await app.ticket(waiting)["assignee_id"] == .null)
            let notices = try await app.notices(waiting)
            #expect(notices.contains { $0.contains("language:de") }, "\(notices)")

            // The admin page sets them too.
            let admin = try await app.signedIn(TestApp.adminEmail)
            #expect(try await admin.get("/admin/routing").contains("id=\"group-skills-\(group)\""))
            let saved = try await admin.post("/admin/routing/groups/\(group)", [("mode", "least_loaded"), ("schedule_id", ""), ("skills", "language:de hardware")])
            #expect(saved.status == .seeOther)
            let after = try await app.admin.get("/api/v2/routing/groups")
            #expect(after["group_routings"]?.arrayValue?.first { $0["group_id"]?.intValue == group }?["skills"] == ["language:de", "hardware"], "\(after.text)")
        }
    }
}
