import CasebookCore
import CasebookMail
import Foundation
import SQLKit
import Testing
@testable import CasebookServer

/// Mail in: the HTTP door the mailgate uses, threading, sender handling, loop protection, quarantine, attachments;
/// and the mail each change queues. Every test on SQLite and PostgreSQL.
@Suite("Inbound mail")
struct MailInboundTests {
    @Test(arguments: TestDatabase.all)
    func newRequestOpensATicketAndIsAcknowledged(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let raw = TestMail.message(from: "Lena Park <lena@northwind.example>", cc: "Ops <ops@northwind.example>",
                                       subject: "Switch on floor 3 is dead", body: "It has no lights at all.",
                                       messageID: "first@northwind.example")
            let response = try await app.admin.postMail(raw, query: "?queue=Support")
            #expect(response.status == .created, "\(response.text)")
            let ticketID = try #require(response["inbound_email"]?["ticket_id"]?.intValue)
            #expect(response["inbound_email"]?["status"]?.stringValue == "processed")

            let ticket = try await app.admin.get("/api/v2/tickets/\(ticketID)")
            #expect(ticket["ticket"]?["subject"]?.stringValue == "Switch on floor 3 is dead")
            #expect(ticket["ticket"]?["via"]?["channel"]?.stringValue == "email")
            let lena = try #require(try await app.user(email: "lena@northwind.example"))
            #expect(lena.name == "Lena Park")
            #expect(lena.role == .endUser)
            #expect(lena.organizationID != nil, "placed in the organization that owns northwind.example")
            #expect(ticket["ticket"]?["requester_id"]?.intValue == lena.id)
            let ops = try #require(try await app.user(email: "ops@northwind.example"))
            #expect(ticket["ticket"]?["collaborator_ids"]?.arrayValue?.compactMap(\.intValue) == [ops.id])
            // A queue that is not a group still opens the ticket, and says so.
            #expect(response["inbound_email"]?["error"]?.stringValue?.contains("Support") == true)

            // One acknowledgement, to the requester only (the CC already has the mail), threaded to her message.
            let sent = try await app.outbox(ticket: ticketID)
            try #require(sent.map(\.kind) == ["request_received"])
            let ack = try await app.parsedOutbox(sent[0].id)
            #expect(ack.to.map(\.address) == ["lena@northwind.example"])
            #expect(ack.subject.hasPrefix("[#\(ticketID)] "))
            #expect(ack.inReplyTo == ["first@northwind.example"])
            #expect(ack.headers["Auto-Submitted"] == "auto-replied")
            #expect(ack.replyTo.map(\.address) == ["support+\(ticketID)@casebook.localhost"])
            #expect(ack.messageID == sent[0].messageID)
            #expect(ack.textBody?.contains(ReplyStripper.marker) == true)
        }
    }

    @Test(arguments: TestDatabase.all)
    func theSameMessageTwiceIsAcceptedOnce(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let raw = TestMail.message(from: "rex@northwind.example", subject: "Pink units", body: "Wrong colour.",
                                       messageID: "twice@northwind.example")
            let first = try await app.admin.postMail(raw)
            let second = try await app.admin.postMail(raw)
            #expect(first.status == .created)
            #expect(second.status == .ok)
            #expect(second["inbound_email"]?["duplicate"]?.boolValue == true)
            #expect(second["inbound_email"]?["ticket_id"] == first["inbound_email"]?["ticket_id"])
            let tickets = try await app.admin.get("/api/v2/tickets")
            #expect(tickets["tickets"]?.arrayValue?.count == 1)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aReplyToCasebooksMailJoinsTheTicketWithoutTheQuote(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let opened = try await app.admin.postMail(TestMail.message(
                from: "rex@northwind.example", subject: "Backorder 4711", body: "Where is my order?", messageID: "q1@northwind.example"))
            let ticketID = try #require(opened["inbound_email"]?["ticket_id"]?.intValue)
            let reply = try await app.agent.put("/api/v2/tickets/\(ticketID)", ["ticket": ["comment": ["body": "It ships Friday."]]])
            #expect(reply.status == .ok)
            let sent = try await app.outbox(ticket: ticketID)
            try #require(sent.map(\.kind) == ["request_received", "public_reply"])
            let answer = try await app.parsedOutbox(sent[1].id)
            #expect(answer.to.map(\.address) == ["rex@northwind.example"])
            #expect(answer.textBody?.contains("It ships Friday.") == true)
            #expect(answer.headers["Auto-Submitted"] == nil, "a person wrote it")
            #expect(answer.references.contains("q1@northwind.example"))
            let answerID = try #require(answer.messageID)

            // The customer answers from his mail program: new text on top, our message quoted below.
            let customerReply = TestMail.message(
                from: "rex@northwind.example", subject: "Re: \(answer.subject)",
                body: "Thanks, Friday works.\r\n\r\nOn Mon, 23 Nov 2026, Support wrote:\r\n> It ships Friday.\r\n",
                inReplyTo: answerID, references: ["q1@northwind.example", answerID])
            let joined = try await app.admin.postMail(customerReply)
            #expect(joined["inbound_email"]?["ticket_id"]?.intValue == ticketID)
            let comments = try await app.agent.get("/api/v2/tickets/\(ticketID)/comments")
            let last = try #require(comments["comments"]?.arrayValue?.last)
            #expect(last["body"]?.stringValue == "Thanks, Friday works.")
            #expect(last["via"]?["channel"]?.stringValue == "email")
            // The full original stays available to admins.
            let inboundID = try #require(joined["inbound_email"]?["id"]?.intValue)
            let original = try await app.admin.get("/api/v2/inbound/emails/\(inboundID)/raw")
            #expect(original.text.contains("> It ships Friday."))
        }
    }

    /// The comment is built before the transaction for the likelier case (a reply when the message names a thread);
    /// a message that names a thread Casebook does not know is a new request and keeps its quoted text, like one that
    /// names none; an internal note from an agent by mail stays internal.
    @Test(arguments: TestDatabase.all)
    func aMessageNamingAnUnknownThreadIsANewRequestWithItsWholeText(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let body = "My router reboots.\r\n\r\nOn Mon, 23 Nov 2026, Other Shop wrote:\r\n> Please contact the maker.\r\n"
            let stray = try await app.admin.postMail(TestMail.message(
                from: "rex@northwind.example", subject: "Re: Router", body: body, inReplyTo: "elsewhere-1@othershop.example"))
            let strayID = try #require(stray["inbound_email"]?["ticket_id"]?.intValue, "\(stray.text)")
            let plain = try await app.admin.postMail(TestMail.message(from: "rex@northwind.example", subject: "Router again", body: body))
            let plainID = try #require(plain["inbound_email"]?["ticket_id"]?.intValue)
            #expect(strayID != plainID)
            for id in [strayID, plainID] {
                let comments = try await app.agent.get("/api/v2/tickets/\(id)/comments")["comments"]?.arrayValue ?? []
                #expect(comments.count == 1 && comments[0]["body"]?.stringValue?.contains("> Please contact the maker.") == true,
                        "a new request keeps everything: \(comments)")
                #expect(comments.first?["public"]?.boolValue == true && comments.first?["author_id"]?.intValue != nil)
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func subjectTokenAndPlusAddressThreadOnlyForTheTicketsPeople(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let ticketID = try await app.agent.createTicket(["subject": "Firmware", "comment": ["body": "Opened by phone"],
                                                             "requester_id": .int(app.endUserA.id)])
            let byToken = try await app.admin.postMail(TestMail.message(
                from: "rex@northwind.example", subject: "Re: [#\(ticketID)] Firmware", body: "Version 2.1"))
            #expect(byToken["inbound_email"]?["ticket_id"]?.intValue == ticketID)
            let byPlus = try await app.admin.postMail(TestMail.message(
                from: "rex@northwind.example", to: "support+\(ticketID)@casebook.localhost", subject: "more", body: "Also 2.2"))
            #expect(byPlus["inbound_email"]?["ticket_id"]?.intValue == ticketID)
            // A stranger naming the ticket does not get into it: a new ticket opens instead.
            let forged = try await app.admin.postMail(TestMail.message(
                from: "mallory@elsewhere.example", subject: "[#\(ticketID)] let me in", body: "hello"))
            let forgedTicket = try #require(forged["inbound_email"]?["ticket_id"]?.intValue)
            #expect(forgedTicket != ticketID)
            #expect(forged["inbound_email"]?["error"]?.stringValue?.contains("not on that ticket") == true)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aReplyToAClosedTicketOpensAFollowUp(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let ticketID = try await app.agent.createTicket(["subject": "Old case", "comment": ["body": "Done"],
                                                             "requester_id": .int(app.endUserA.id)])
            // Closed by the nightly close-out of solved tickets (not an API action).
            try await app.database.write { db in
                try await db.raw("UPDATE tickets SET status = 'closed' WHERE id = \(bind: ticketID)").run()
            }
            let response = try await app.admin.postMail(TestMail.message(
                from: "rex@northwind.example", subject: "Re: [#\(ticketID)] Old case", body: "It broke again"))
            let followUp = try #require(response["inbound_email"]?["ticket_id"]?.intValue)
            #expect(followUp != ticketID)
            let ticket = try await app.agent.get("/api/v2/tickets/\(followUp)")
            #expect(ticket["ticket"]?["via"]?["source"]?["rel"]?.stringValue == "follow_up")
            #expect(ticket["ticket"]?["via"]?["source"]?["from"]?["ticket_id"]?.intValue == ticketID)
            #expect(ticket["ticket"]?["subject"]?.stringValue == "Old case")
        }
    }

    @Test(arguments: TestDatabase.all)
    func autoRepliesBouncesAndOwnMailNeverCauseMail(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let auto = try await app.admin.postMail(TestMail.message(
                from: "lena@northwind.example", subject: "Out of Office", body: "Back Monday.",
                headers: ["Auto-Submitted: auto-replied"]))
            let autoTicket = try #require(auto["inbound_email"]?["ticket_id"]?.intValue)
            #expect(try await app.outbox(ticket: autoTicket).isEmpty)
            #expect(auto["inbound_email"]?["classification"]?.stringValue?.isEmpty == false)

            let bulk = try await app.admin.postMail(TestMail.message(
                from: "news@vendor.example", subject: "Newsletter", body: "Offers", headers: ["Precedence: bulk"]))
            #expect(try await app.outbox(ticket: try #require(bulk["inbound_email"]?["ticket_id"]?.intValue)).isEmpty)

            let own = try await app.admin.postMail(TestMail.message(
                from: "support@casebook.localhost", subject: "Loop", body: "Echo"))
            #expect(own.status == .accepted)
            #expect(own["inbound_email"]?["status"]?.stringValue == "ignored")
            #expect(own["inbound_email"]?["ticket_id"] == .null)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aFloodFromOneSenderIsHeldAndCanBeReleased(db: TestDatabase) async throws {
        try await TestApp.run(db, mail: ["CASEBOOK_MAIL_SENDER_LIMIT": "3"]) { app in
            var statuses: [String] = []
            for i in 1...5 {
                let r = try await app.admin.postMail(TestMail.message(from: "loop@robot.example", subject: "Ping \(i)", body: "ping"))
                statuses.append(r["inbound_email"]?["status"]?.stringValue ?? "?")
            }
            #expect(statuses == ["processed", "processed", "processed", "held", "held"])
            let held = try await app.admin.get("/api/v2/inbound/emails?status=held")
            #expect(held["count"]?.intValue == 2)
            let id = try #require(held["inbound_emails"]?.arrayValue?.last?["id"]?.intValue)
            let released = try await app.admin.call(.post, "/api/v2/inbound/emails/\(id)/retry")
            #expect(released["inbound_email"]?["status"]?.stringValue == "processed")
        }
    }

    @Test(arguments: TestDatabase.all)
    func malformedMailIsQuarantinedAndCanBeRetried(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let noSender = "To: support@casebook.localhost\r\nSubject: who am I\r\nMessage-ID: <anon@x>\r\n\r\nbody\r\n"
            let response = try await app.admin.postMail(noSender)
            #expect(response.status == .accepted)
            #expect(response["inbound_email"]?["status"]?.stringValue == "quarantined")
            #expect(response["inbound_email"]?["error"]?.stringValue?.contains("From") == true)
            let list = try await app.admin.get("/api/v2/inbound/emails?status=quarantined")
            #expect(list["count"]?.intValue == 1)
            // Still quarantined after a retry (nothing changed), never dropped.
            let id = try #require(response["inbound_email"]?["id"]?.intValue)
            let again = try await app.admin.call(.post, "/api/v2/inbound/emails/\(id)/retry")
            #expect(again["inbound_email"]?["status"]?.stringValue == "quarantined")
            #expect(again["inbound_email"]?["attempts"]?.intValue == 2)
            // Nested multiparts beyond the depth limit: quarantined with the reason.
            var bomb = "From: a@b.example\r\nTo: support@casebook.localhost\r\nSubject: deep\r\nMessage-ID: <deep@x>\r\n"
            for i in 0..<60 { bomb += "Content-Type: multipart/mixed; boundary=\"b\(i)\"\r\n\r\n--b\(i)\r\n" }
            bomb += "Content-Type: text/plain\r\n\r\nhi\r\n"
            let deep = try await app.admin.postMail(bomb)
            #expect(deep["inbound_email"]?["status"]?.stringValue == "quarantined")
            #expect(deep["inbound_email"]?["error"]?.stringValue?.isEmpty == false)
        }
    }

    @Test(arguments: TestDatabase.all)
    func onlyAdminsTokensPostMail(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let raw = TestMail.message(from: "rex@northwind.example", subject: "x", body: "y")
            let byAgent = try await app.agent.postMail(raw)
            let byCustomer = try await app.endUserA.postMail(raw)
            let anonymous = try await app.anonymous.postMail(raw)
            let listByAgent = try await app.agent.get("/api/v2/inbound/emails")
            let empty = try await app.admin.postMail("", query: "")
            let badAction = try await app.admin.postMail(raw, query: "?action=delete")
            #expect(byAgent.status == .forbidden)
            #expect(byCustomer.status == .forbidden)
            #expect(anonymous.status == .unauthorized)
            #expect(listByAgent.status == .forbidden)
            #expect(empty.status == .badRequest)
            #expect(badAction.status == .unprocessableContent)
        }
    }

    @Test(arguments: TestDatabase.all)
    func agentMailIsAReplyOrANote(db: TestDatabase) async throws {
        try await TestApp.run(db, mail: ["CASEBOOK_NOTES_EMAIL": "notes@casebook.localhost"]) { app in
            let ticketID = try await app.agent.createTicket(["subject": "Switch", "comment": ["body": "From the phone"],
                                                             "requester_id": .int(app.endUserA.id),
                                                             "follower_ids": [.int(app.admin.id)]])
            let before = try await app.outbox(ticket: ticketID).count
            let reply = try await app.admin.postMail(TestMail.message(
                from: TestApp.agentEmail, subject: "[#\(ticketID)] Switch", body: "Please send a photo."))
            #expect(reply["inbound_email"]?["ticket_id"]?.intValue == ticketID)
            let note = try await app.admin.postMail(TestMail.message(
                from: TestApp.agentEmail, to: "notes@casebook.localhost", subject: "[#\(ticketID)] Switch",
                body: "He called twice; approve advance replacement?"))
            #expect(note["inbound_email"]?["ticket_id"]?.intValue == ticketID)
            let viaAction = try await app.admin.postMail(TestMail.message(
                from: TestApp.agentEmail, subject: "[#\(ticketID)] Switch", body: "Second note"), query: "?action=comment")
            #expect(viaAction["inbound_email"]?["ticket_id"]?.intValue == ticketID)

            let comments = try await app.agent.get("/api/v2/tickets/\(ticketID)/comments")
            let list = try #require(comments["comments"]?.arrayValue)
            #expect(list.suffix(3).map { $0["public"]?.boolValue } == [true, false, false])
            #expect(list.suffix(3).allSatisfy { $0["author_id"]?.intValue == app.agent.id })
            // The customer got the reply, never the notes; the follower got the notes.
            let sent = Array(try await app.outbox(ticket: ticketID).dropFirst(before))
            try #require(sent.map(\.kind) == ["public_reply", "internal_note", "internal_note"])
            #expect(sent[0].to == TestApp.endUserAEmail)
            #expect(sent[1].to == TestApp.adminEmail && sent[2].to == TestApp.adminEmail)
            for message in sent {
                let parsed = try await app.parsedOutbox(message.id)
                if message.kind == "public_reply" { continue }
                #expect(!parsed.to.map(\.address).contains(TestApp.endUserAEmail))
                #expect(parsed.replyTo.map(\.address) == ["notes@casebook.localhost"])
            }
            // The portal and the customer's API never show the notes.
            let customer = try await app.endUserA.get("/api/v2/tickets/\(ticketID)/comments")
            #expect(!customer.text.contains("advance replacement"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func attachmentsAreStoredOnceAndServedOnlyToThoseWhoMaySeeThem(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let first = try await app.admin.postMail(TestMail.withFiles(from: "rex@northwind.example", subject: "LED"))
            let ticketID = try #require(first["inbound_email"]?["ticket_id"]?.intValue)
            let comments = try await app.agent.get("/api/v2/tickets/\(ticketID)/comments")
            let comment = try #require(comments["comments"]?.arrayValue?.first)
            let files = try #require(comment["attachments"]?.arrayValue)
            #expect(Set(files.compactMap { $0["file_name"]?.stringValue }) == ["led.png", "invoice.pdf"])
            let led = try #require(files.first { $0["file_name"]?.stringValue == "led.png" })
            #expect(led["inline"]?.boolValue == true)
            let ledID = try #require(led["id"]?.intValue)
            // The inline image shows where the HTML put it.
            #expect(comment["html_body"]?.stringValue?.contains("/attachments/\(ledID)/led.png") == true)

            let pdf = try #require(files.first { $0["file_name"]?.stringValue == "invoice.pdf" })
            let pdfID = try #require(pdf["id"]?.intValue)
            let download = try await app.endUserA.get("/api/v2/attachments/\(pdfID)/content")
            #expect(download.status == .ok)
            #expect(download.text == "%PDF-1.4 invoice 4711")
            #expect(download.headers[.contentDisposition]?.hasPrefix("inline; filename=\"invoice.pdf\"") == true)
            #expect(download.headers[.init("X-Content-Type-Options")!] == "nosniff")
            #expect(try await app.endUserB.get("/api/v2/attachments/\(pdfID)/content").status == .notFound)

            // The same files again cost no new storage.
            _ = try await app.admin.postMail(TestMail.withFiles(from: "rex@northwind.example", subject: "LED again"))
            let blobs = try await app.database.read { db in
                try await db.raw("SELECT COUNT(*) AS n FROM blobs").first()!.decode(column: "n", as: Int.self)
            }
            #expect(blobs == 2)
        }
    }

    @Test(arguments: TestDatabase.all)
    func uploadsBecomeAttachmentsOfAReplyAndTravelWithTheMail(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let ticketID = try await app.agent.createTicket(["subject": "Label", "comment": ["body": "Need a label"],
                                                             "requester_id": .int(app.endUserA.id)])
            let upload = try await app.agent.call(.post, "/api/v2/uploads?filename=label.txt", rawBody: "RMA-0042")
            #expect(upload.status == .created, "\(upload.text)")
            let token = try #require(upload["upload"]?["token"]?.stringValue)
            // Somebody else cannot use the token.
            let stolen = try await app.endUserB.post("/api/v2/tickets", ["ticket": ["subject": "x", "comment": ["body": "y", "uploads": [.string(token)]]]])
            #expect(stolen.status == .unprocessableContent)
            let reply = try await app.agent.put("/api/v2/tickets/\(ticketID)",
                                                ["ticket": ["comment": ["body": "Label attached", "uploads": [.string(token)]]]])
            #expect(reply.status == .ok, "\(reply.text)")
            let comments = try await app.endUserA.get("/api/v2/tickets/\(ticketID)/comments")
            #expect(comments["comments"]?.arrayValue?.last?["attachments"]?.arrayValue?.first?["file_name"]?.stringValue == "label.txt")
            let mail = try #require(try await app.outbox(ticket: ticketID).last)
            #expect(mail.kind == "public_reply")
            let parsed = try await app.parsedOutbox(mail.id)
            #expect(parsed.attachments.map(\.filename) == ["label.txt"])
            #expect(parsed.attachments.first?.data == Array("RMA-0042".utf8))
            // A used token is gone.
            let reuse = try await app.agent.put("/api/v2/tickets/\(ticketID)",
                                                ["ticket": ["comment": ["body": "again", "uploads": [.string(token)]]]])
            #expect(reuse.status == .unprocessableContent)
        }
    }

    @Test(arguments: TestDatabase.all)
    func assignmentAndTemplatesAnAdminEdited(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            try await app.database.write { db in
                try await MailTemplateStore(db: db).save(MailTemplate(
                    event: .assignment, subject: "Yours now: {{ticket.subject}} <{{requester.name}}>",
                    text: "{{actor.name}} gave you {{ticket.id}}", html: "<p>{{requester.name}}</p>"), by: app.admin.id)
            }
            let ticketID = try await app.admin.createTicket(["subject": "Fix & ship", "comment": ["body": "x"],
                                                             "requester_id": .int(app.endUserA.id)])
            _ = try await app.admin.put("/api/v2/tickets/\(ticketID)", ["ticket": ["assignee_id": .int(app.agent.id)]])
            let mail = try #require(try await app.outbox(ticket: ticketID).last)
            #expect(mail.kind == "assignment")
            let parsed = try await app.parsedOutbox(mail.id)
            #expect(parsed.to.map(\.address) == [TestApp.agentEmail])
            #expect(parsed.subject == "[#\(ticketID)] Yours now: Fix & ship <Rex>", "subject and text are not HTML-escaped")
            #expect(parsed.textBody?.contains("Ada Admin gave you \(ticketID)") == true)
            // Assigning oneself sends nothing.
            let count = try await app.outbox(ticket: ticketID).count
            _ = try await app.agent.put("/api/v2/tickets/\(ticketID)", ["ticket": ["assignee_id": .null]])
            _ = try await app.agent.put("/api/v2/tickets/\(ticketID)", ["ticket": ["assignee_id": .int(app.agent.id)]])
            #expect(try await app.outbox(ticket: ticketID).count == count)
        }
    }
}
