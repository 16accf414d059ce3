import CasebookCore
import Foundation
import Testing
@testable import CasebookServer

/// The mail pages: quarantine with retry and the original, the outbox, template editing; files sent from the
/// composer and the portal; the original of a mailed comment for agents.
@Suite("Web mail pages")
struct WebMailTests {
    @Test(arguments: TestDatabase.all)
    func adminSeesQuarantineAndOutboxAndRetries(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let broken = try await app.admin.postMail("To: support@casebook.localhost\r\nSubject: <b>no sender</b>\r\nMessage-ID: <q1@x>\r\n\r\nbody\r\n")
            let id = try #require(broken["inbound_email"]?["id"]?.intValue)
            _ = try await app.admin.postMail(TestMail.message(from: "rex@northwind.example", subject: "Fine", body: "ok"))
            let admin = try await app.signedIn(TestApp.adminEmail)
            let page = try await admin.get("/admin/mail")
            #expect(page.status == .ok)
            #expect(page.contains(#"data-inbound-id="\#(id)""#))
            #expect(page.contains("&lt;b&gt;no sender&lt;/b&gt;"), "subjects are escaped")
            #expect(!page.contains("<b>no sender</b>"))
            #expect(page.contains("SMTP_URL is not set"))
            #expect(page.contains("request_received"), "the acknowledgement waits in the outbox")
            let original = try await admin.get("/admin/mail/inbound/\(id)/raw")
            #expect(original.headers[.contentType]?.hasPrefix("text/plain") == true)
            #expect(original.html.contains("Subject: <b>no sender</b>"))
            let retried = try await admin.post("/admin/mail/inbound/\(id)/retry")
            #expect(retried.status == .seeOther)
            #expect(retried.location?.contains("still%20quarantined") == true)
            // Without the CSRF token nothing happens.
            #expect(try await admin.post("/admin/mail/inbound/\(id)/retry", csrf: "").status == .forbidden)
            // Agents and customers have no access.
            let agent = try await app.signedIn(TestApp.agentEmail)
            #expect(try await agent.get("/admin/mail").status == .forbidden)
            let rex = try await app.signedIn(TestApp.endUserAEmail)
            #expect(try await rex.get("/admin/mail/inbound/\(id)/raw").status == .forbidden)
        }
    }

    @Test(arguments: TestDatabase.all)
    func adminEditsATemplateWithAPreviewAndCanReset(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let admin = try await app.signedIn(TestApp.adminEmail)
            let form = try await admin.get("/admin/mail/templates/request_received")
            #expect(form.status == .ok)
            #expect(form.contains("We received your request"))
            let broken = try await admin.post("/admin/mail/templates/request_received",
                                              [("subject", "{{#ticket}}unclosed"), ("text", "x"), ("html", "y")])
            #expect(broken.status == .unprocessableContent)
            #expect(broken.contains("does not parse"))
            let saved = try await admin.post("/admin/mail/templates/request_received",
                                             [("subject", "Got it: {{ticket.subject}}"), ("text", "Hi {{recipient.first_name}}"),
                                              ("html", "<p>Hi {{recipient.first_name}}</p>")])
            #expect(saved.status == .seeOther)
            let opened = try await app.admin.postMail(TestMail.message(from: "Rex <rex@northwind.example>", subject: "Help", body: "please"))
            let ticketID = try #require(opened["inbound_email"]?["ticket_id"]?.intValue)
            let ack = try #require(try await app.outbox(ticket: ticketID).first)
            #expect(ack.subject == "[#\(ticketID)] Got it: Help")
            #expect(ack.body.trimmingCharacters(in: .whitespacesAndNewlines) == "Hi Rex")
            _ = try await admin.get("/admin/mail/templates/request_received")
            #expect(try await admin.post("/admin/mail/templates/request_received/reset").status == .seeOther)
            #expect(try await admin.get("/admin/mail/templates/request_received").contains("We received your request"))
            #expect(try await admin.get("/admin/mail/templates/nonsense").status == .notFound)
        }
    }

    @Test(arguments: TestDatabase.all)
    func filesFromTheComposerAndThePortalAttachToTheComment(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let rex = try await app.signedIn(TestApp.endUserAEmail)
            _ = try await rex.get("/portal/requests/new")
            let created = try await rex.postMultipart("/portal/requests", [("subject", "Broken LED"), ("body", "See the photo")],
                                                      files: [("files", "led.txt", "text/plain", "amber blinking")])
            #expect(created.status == .seeOther, "\(created.html.prefix(300))")
            let ticketID = try #require(created.location.flatMap { Int($0.split(separator: "/").last ?? "") })
            let request = try await rex.get("/portal/requests/\(ticketID)")
            let link = try #require(request.firstMatch(#"href="(/attachments/\d+/led\.txt)""#))
            let file = try await rex.get(link)
            #expect(file.status == .ok && file.html == "amber blinking")
            // Another customer cannot fetch it.
            let hana = try await app.signedIn(TestApp.endUserBEmail)
            #expect(try await hana.get(link).status == .notFound)

            let agent = try await app.signedIn(TestApp.agentEmail)
            let page = try await agent.get("/agent/tickets/\(ticketID)")
            #expect(page.contains(link))
            let seen = page.firstMatch(#"name="seen_audit" value="(\d+)""#) ?? "0"
            let note = try await agent.postMultipart("/agent/tickets/\(ticketID)", [("seen_audit", seen), ("mode", "note"), ("body", "")],
                                                     files: [("files", "internal.txt", "text/plain", "supplier claim 7")])
            #expect(note.status == .seeOther, "\(note.html.prefix(400))")
            let after = try await agent.get("/agent/tickets/\(ticketID)")
            let noteLink = try #require(after.firstMatch(#"href="(/attachments/\d+/internal\.txt)""#))
            #expect(after.contains("Attached: internal.txt"))
            // The customer never gets the internal note's file.
            #expect(try await rex.get(noteLink).status == .notFound)
            #expect(try await rex.get("/portal/requests/\(ticketID)").contains("internal.txt") == false)
        }
    }

    @Test(arguments: TestDatabase.all)
    func agentsOpenTheOriginalOfAMailedComment(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let opened = try await app.admin.postMail(TestMail.message(from: "rex@northwind.example", subject: "Quote",
                                                                       body: "New text\r\n\r\nOn Monday, Support wrote:\r\n> old text"))
            let ticketID = try #require(opened["inbound_email"]?["ticket_id"]?.intValue)
            let inboundID = try #require(opened["inbound_email"]?["id"]?.intValue)
            let agent = try await app.signedIn(TestApp.agentEmail)
            let page = try await agent.get("/agent/tickets/\(ticketID)")
            #expect(page.contains("/agent/mail/\(inboundID)/original"))
            let original = try await agent.get("/agent/mail/\(inboundID)/original")
            #expect(original.status == .ok && original.html.contains("> old text"))
            let rex = try await app.signedIn(TestApp.endUserAEmail)
            #expect(try await rex.get("/agent/mail/\(inboundID)/original").status == .forbidden)
        }
    }
}
