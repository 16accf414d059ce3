import CasebookCore
import Foundation
import HTTPTypes
import Testing
@testable import CasebookServer

@Suite("Customer portal")
struct WebPortalTests {
    @Test(arguments: TestDatabase.all)
    func aCustomerSubmitsFollowsAndSolvesARequest(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let rex = try await app.signedIn(TestApp.endUserAEmail)
            #expect(try await rex.get("/").location == "/portal")
            _ = try await rex.get("/portal/requests/new")
            let blank = try await rex.post("/portal/requests", [("subject", ""), ("body", "")])
            #expect(blank.status == .unprocessableContent)
            let created = try await rex.post("/portal/requests", [("subject", "Pink units instead of teal"), ("body", "I ordered <teal>.")])
            #expect(created.status == .seeOther)
            let path = try #require(created.location)
            let id = Int(path.split(separator: "/").last!)!
            let page = try await rex.get(path)
            #expect(page.contains(#"<h1 id="request-subject">Pink units instead of teal</h1>"#))
            #expect(page.contains("I ordered &lt;teal&gt;."))
            let ticket = try await app.agent.get("/api/v2/tickets/\(id)")["ticket"]
            #expect(ticket?["requester_id"]?.intValue == app.endUserA.id)
            #expect(ticket?["via"]?["channel"] == "web")
            let list = try await rex.get("/portal")
            #expect(list.contains(#"data-request-id="\#(id)""#))
            // Unassigned: solving waits for an agent.
            let early = try await rex.post(path + "/comments", [("body", ""), ("solved", "1")])
            #expect(early.status == .unprocessableContent)
            #expect(early.contains("once an agent has picked it up"))
            _ = try await app.agent.put("/api/v2/tickets/\(id)", ["ticket": ["assignee_id": .int(app.agent.id), "comment": ["body": "Sending teal today"]]])
            let reply = try await rex.post(path + "/comments", [("body", "Thanks, that solves it"), ("solved", "1")])
            #expect(reply.status == .seeOther)
            let after = try await rex.get(path + "?sent=1")
            #expect(after.contains("Sending teal today"))
            #expect(after.contains("Thanks, that solves it"))
            #expect(after.contains("Solved"))
            #expect(try await app.agent.get("/api/v2/tickets/\(id)")["ticket"]?["status"] == "solved")
        }
    }

    @Test(arguments: TestDatabase.all)
    func customersSeeOnlyTheirOwnAndTheirSharingOrganizationsRequests(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let mine = try await app.agent.createTicket(["subject": "Rex's", "comment": ["body": "a"], "requester_id": .int(app.endUserA.id)])
            let hers = try await app.agent.createTicket(["subject": "Hana's", "comment": ["body": "b"], "requester_id": .int(app.endUserB.id)])
            let colleague = try await Accounts.create(database: app.database, email: "ivy@northwind.example", name: "Ivy", role: .endUser)
            let theirs = try await app.agent.createTicket(["subject": "Ivy's", "comment": ["body": "c"], "requester_id": .int(colleague.userID)])
            let rex = try await app.signedIn(TestApp.endUserAEmail)
            var list = try await rex.get("/portal")
            #expect(list.contains(#"data-request-id="\#(mine)""#))
            #expect(!list.contains(#"data-request-id="\#(hers)""#))
            #expect(!list.contains(#"data-request-id="\#(theirs)""#))
            #expect(try await rex.get("/portal/requests/\(hers)").status == .notFound)
            #expect(try await rex.post("/portal/requests/\(hers)/comments", [("body", "let me in")]).status == .notFound)
            // Northwind shares tickets: now Rex sees Ivy's, still not Hana's.
            let org = try await app.endUserA.get("/api/v2/users/me")["user"]?["organization_id"]?.intValue ?? 0
            _ = try await app.admin.put("/api/v2/organizations/\(org)", ["organization": ["shared_tickets": true]])
            list = try await rex.get("/portal")
            #expect(list.contains(#"data-request-id="\#(theirs)""#))
            #expect(!list.contains(#"data-request-id="\#(hers)""#))
        }
    }
}

@Suite("Admin pages")
struct WebAdminTests {
    @Test(arguments: TestDatabase.all)
    func adminsAddPeopleWithStrongPasswords(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let admin = try await app.signedIn(TestApp.adminEmail)
            _ = try await admin.get("/admin/users")
            let weak = try await admin.post("/admin/users", [("name", "Nia Newcomer"), ("email", "nia@brightbeam.example"),
                                                             ("role", "agent"), ("password", "password123")])
            #expect(weak.status == .unprocessableContent)
            #expect(weak.contains("too common") || weak.contains("at least"))
            let added = try await admin.post("/admin/users", [("name", "Nia Newcomer"), ("email", "nia@brightbeam.example"),
                                                              ("role", "agent"), ("password", "Blue-Lantern-Orbit-42")])
            #expect(added.status == .seeOther)
            let taken = try await admin.post("/admin/users", [("name", "Nia Again"), ("email", "nia@brightbeam.example"),
                                                              ("role", "agent"), ("password", "Blue-Lantern-Orbit-42")])
            #expect(taken.contains("already taken"))
            let nia = app.browser()
            #expect(try await nia.signIn("nia@brightbeam.example", "Blue-Lantern-Orbit-42").status == .seeOther)
        }
    }

    @Test(arguments: TestDatabase.all)
    func passwordResetAndDisablingEndSessions(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let agent = try await app.signedIn(TestApp.agentEmail)
            let admin = try await app.signedIn(TestApp.adminEmail)
            _ = try await admin.get("/admin/users/\(app.agent.id)")
            let weak = try await admin.post("/admin/users/\(app.agent.id)/password", [("password", "morgan-agent-1")])
            #expect(weak.status == .unprocessableContent)
            let reset = try await admin.post("/admin/users/\(app.agent.id)/password", [("password", "Quiet-Harbor-Lamp-77")])
            #expect(reset.contains("Password set"))
            #expect(try await agent.get("/agent/views/mine").status == .seeOther)   // signed out everywhere
            #expect(try await app.browser().signIn(TestApp.agentEmail).status == .unauthorized)
            let again = try await app.browser().signIn(TestApp.agentEmail, "Quiet-Harbor-Lamp-77")
            #expect(again.status == .seeOther)
            let morgan = try await app.signedIn(TestApp.endUserAEmail)
            _ = try await admin.get("/admin/users/\(app.endUserA.id)")
            let disabled = try await admin.post("/admin/users/\(app.endUserA.id)/disable")
            #expect(disabled.status == .seeOther)
            #expect(try await morgan.get("/portal").status == .seeOther)
            #expect(try await app.browser().signIn(TestApp.endUserAEmail).status == .unauthorized)
            _ = try await admin.get("/admin/users/\(app.endUserA.id)")
            _ = try await admin.post("/admin/users/\(app.endUserA.id)/enable")
            #expect(try await app.browser().signIn(TestApp.endUserAEmail).status == .seeOther)
            _ = try await admin.get("/admin/users/\(app.admin.id)")
            #expect(try await admin.post("/admin/users/\(app.admin.id)/disable").status == .unprocessableContent)
        }
    }

    @Test(arguments: TestDatabase.all)
    func tokensAreShownOnceAndCanBeRevoked(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let admin = try await app.signedIn(TestApp.adminEmail)
            _ = try await admin.get("/admin/users/\(app.agent.id)")
            let issued = try await admin.post("/admin/users/\(app.agent.id)/tokens", [("description", "zenpy import")])
            let token = try #require(issued.firstMatch(#"<code id="new-token">([^<]+)</code>"#))
            let caller = Caller(client: app.client, token: token)
            #expect(try await caller.get("/api/v2/users/me")["user"]?["id"]?.intValue == app.agent.id)
            let shown = try await admin.get("/admin/users/\(app.agent.id)")
            #expect(!shown.contains(token))
            #expect(shown.contains("zenpy import"))
            let tokenID = try #require(shown.firstMatch(#"<tr data-token-id="(\d+)"><td>zenpy import"#))
            let revoked = try await admin.post("/admin/users/\(app.agent.id)/tokens/\(tokenID)/revoke")
            #expect(revoked.status == .seeOther)
            #expect(try await caller.get("/api/v2/users/me").status == .unauthorized)
        }
    }

    @Test(arguments: TestDatabase.all)
    func theAPICanSetPasswordsForAdminsOnly(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let weak = try await app.admin.post("/api/v2/users/\(app.endUserB.id)/password", ["password": "abc"])
            #expect(weak.status == .unprocessableContent)
            #expect(weak["details"]?["password"] != nil)
            let ok = try await app.admin.post("/api/v2/users/\(app.endUserB.id)/password", ["password": "Silver-Kettle-Moon-9"])
            #expect(ok.status == .ok)
            #expect(try await app.agent.post("/api/v2/users/\(app.endUserB.id)/password", ["password": "Silver-Kettle-Moon-9"]).status == .forbidden)
            #expect(try await app.browser().signIn(TestApp.endUserBEmail, "Silver-Kettle-Moon-9").status == .seeOther)
        }
    }

    @Test(arguments: TestDatabase.all)
    func sharedViewsComeFromTheQueryLanguage(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let tagged = try await app.agent.createTicket(["subject": "Backordered", "comment": ["body": "x"], "tags": ["backorder"],
                                                           "requester_id": .int(app.endUserA.id)])
            _ = try await app.agent.createTicket(["subject": "Other", "comment": ["body": "y"], "requester_id": .int(app.endUserA.id)])
            let admin = try await app.signedIn(TestApp.adminEmail)
            _ = try await admin.get("/admin/views")
            let bad = try await admin.post("/admin/views", [("title", "Broken"), ("query", "created>yesterdayish"), ("sort", "created")])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.contains("Query:"))
            let made = try await admin.post("/admin/views", [("title", "Backorder queue"), ("query", "tags:backorder status<solved"),
                                                             ("sort", "created")])
            #expect(made.status == .seeOther)
            let list = try await admin.get("/admin/views")
            let viewID = try #require(list.firstMatch(#"<tr data-view-id="(\d+)">"#))
            let agent = try await app.signedIn(TestApp.agentEmail)
            let page = try await agent.get("/agent/views/custom-\(viewID)")
            #expect(page.contains("<h1 id=\"view-title\">Backorder queue</h1>"))
            #expect(page.contains(#"data-count-for="custom-\#(viewID)">1<"#))
            #expect(page.count("data-ticket-id=") == 1)
            #expect(page.contains(#"data-ticket-id="\#(tagged)""#))
            _ = try await admin.get("/admin/views")
            _ = try await admin.post("/admin/views/\(viewID)/delete")
            #expect(try await agent.get("/agent/views/custom-\(viewID)").status == .notFound)
        }
    }
}
