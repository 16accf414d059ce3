import CasebookCore
import Foundation
import Testing
@testable import CasebookServer

/// "My follow-ups" and the ticket page's follow-up and remote-session forms in the browser.
@Suite("Web follow-up pages")
struct WebFollowUpPagesTests {
    /// The browser's date-time field: `2026-03-01T14:30`, UTC.
    static func local(_ app: TestApp, minutesFromNow minutes: Int64) -> String {
        String(PageTime.iso(app.clock.now + minutes * 60_000).prefix(16))
    }

    @Test(arguments: TestDatabase.all)
    func assignOnTheTicketPageAndCompleteFromMyFollowUps(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            // setup
            let lead = try await app.person("Lara Lead", role: .lead)
            _ = lead
            let ticket = try await app.endUserA.createTicket(["subject": "Router reboots", "comment": ["body": "Every night."]])
            let lara = try await app.signedIn("lara.lead@brightbeam.example")
            let page = try await lara.get("/agent/tickets/\(ticket)")
            #expect(page.contains("id=\"follow-ups\"") && page.contains("No follow-ups on this ticket.") && page.contains("id=\"follow-up-form\""), "\(page.html)")
            #expect(page.contains("<option value=\"\(app.agent.id)\">Morgan Agent</option>"), "staff to choose from")

            // refused: no title, due in the past; what was typed stays
            let refused = try await lara.post("/agent/tickets/\(ticket)/follow-ups", [
                ("title", ""), ("due_at", Self.local(app, minutesFromNow: -10)), ("owner_id", String(app.agent.id)), ("note", "keep me")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.contains("Title: say what is to be done") && refused.contains("Due: the due time must be in the future"), "\(refused.html)")
            #expect(refused.contains(">keep me</textarea>"))

            // assigned, with a title that must be escaped
            let added = try await lara.post("/agent/tickets/\(ticket)/follow-ups", [
                ("title", "call <b>back</b> & check"), ("due_at", Self.local(app, minutesFromNow: 60)), ("owner_id", String(app.agent.id))])
            #expect(added.status == .seeOther, "\(added.html)")
            let after = try await lara.get(added.location ?? "")
            #expect(after.contains("call &lt;b&gt;back&lt;/b&gt; &amp; check") && !after.contains("<b>back</b>"), "escaped")
            #expect(after.contains("Follow-up #1 added."))
            #expect(after.contains("class=\"follow-up follow-up-open\""))

            // Morgan's list: open, then overdue once the due time passed
            let morgan = try await app.signedIn(TestApp.agentEmail)
            let mine = try await morgan.get("/agent/follow-ups")
            #expect(mine.status == .ok && mine.contains("My follow-ups") && mine.contains("data-follow-up-id=\"1\""), "\(mine.html)")
            #expect(mine.contains("href=\"/agent/follow-ups\">Follow-ups</a>"), "in the agent nav")
            #expect(!mine.contains("overdue-flag"))
            app.clock.advance(minutes: 61)
            let overdue = try await morgan.get("/agent/follow-ups")
            #expect(overdue.contains("class=\"follow-up overdue\"") && overdue.contains("1 overdue."), "\(overdue.html)")

            // completing needs a note; without the CSRF token nothing happens
            #expect(try await morgan.post("/agent/follow-ups/1/complete", [("note", "done")], csrf: "wrong").status == .forbidden)
            let blank = try await morgan.post("/agent/follow-ups/1/complete", [("note", "  ")])
            #expect(blank.status == .unprocessableContent && blank.contains("Note: what came of the follow-up"), "\(blank.html)")
            let done = try await morgan.post("/agent/follow-ups/1/complete", [("note", "Called; <script>alert(1)</script> fixed")])
            #expect(done.status == .seeOther && done.location == "/agent/follow-ups?done=1", "\(done.html)")
            let list = try await morgan.get("/agent/follow-ups")
            #expect(list.contains("No open follow-ups.") && list.contains("Recently closed"), "\(list.html)")
            #expect(list.contains("&lt;script&gt;") && !list.contains("<script>alert(1)"), "escaped")
            let comments = try await app.agent.get("/api/v2/tickets/\(ticket)/comments")["comments"]?.arrayValue ?? []
            #expect(comments.contains { $0["public"] == .bool(false) && $0["body"]?.stringValue?.contains("fixed") == true })
            #expect(try await app.signedIn(TestApp.endUserAEmail).get("/agent/follow-ups").status == .forbidden)
        }
    }

    @Test(arguments: TestDatabase.all)
    func completeOnTheTicketPage(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let ticket = try await app.endUserA.createTicket(["subject": "Parcel stuck", "comment": ["body": "Day 5."]])
            let made = try await app.agent.post("/api/v2/tickets/\(ticket)/follow_ups", ["follow_up": [
                "title": "check the shipment", "due_at": .string(PageTime.iso(app.clock.now + 3_600_000)), "owner_id": .int(app.agent.id)]])
            let id = try #require(made["follow_up"]?["id"]?.intValue, "\(made.text)")
            let morgan = try await app.signedIn(TestApp.agentEmail)
            let page = try await morgan.get("/agent/tickets/\(ticket)")
            #expect(page.contains("action=\"/agent/follow-ups/\(id)/complete\"") && page.contains("name=\"back\" value=\"ticket\""), "\(page.html)")
            let blank = try await morgan.post("/agent/follow-ups/\(id)/complete", [("back", "ticket"), ("note", "")])
            #expect(blank.status == .unprocessableContent && blank.contains("id=\"ticket-subject\"") && blank.contains("Note: what came of the follow-up"))
            let done = try await morgan.post("/agent/follow-ups/\(id)/complete", [("back", "ticket"), ("note", "DHL says Thursday")])
            #expect(done.status == .seeOther && done.location?.hasPrefix("/agent/tickets/\(ticket)?follow_up_done=\(id)") == true, "\(done.html)")
            let after = try await morgan.get(done.location!)
            #expect(after.contains("class=\"follow-up follow-up-done\"") && after.contains("DHL says Thursday"))
            #expect(after.contains("Follow-up #\(id) completed by Morgan Agent"), "on the timeline")
        }
    }

    @Test(arguments: TestDatabase.all)
    func recordARemoteSessionOnTheTicketPage(db: TestDatabase) async throws {
        try await TestApp.run(db, mail: ["CASEBOOK_REMOTE_SUPPORT_URL": "https://remote.example/join/{code}"]) { app in
            let ticket = try await app.endUserA.createTicket(["subject": "Printer offline", "comment": ["body": "Since Monday."]])
            let morgan = try await app.signedIn(TestApp.agentEmail)
            _ = try await morgan.get("/agent/tickets/\(ticket)")
            let backwards = try await morgan.post("/agent/tickets/\(ticket)/remote-sessions", [
                ("session_code", "482-113"), ("started_at", Self.local(app, minutesFromNow: -10)), ("ended_at", Self.local(app, minutesFromNow: -40)),
                ("outcome", "kept")])
            #expect(backwards.status == .unprocessableContent && backwards.contains("End: a session cannot end before it started"), "\(backwards.html)")
            #expect(backwards.contains("value=\"482-113\"") && backwards.contains(">kept</textarea>"))
            #expect(try await morgan.post("/agent/tickets/\(ticket)/remote-sessions", [("session_code", "1"), ("started_at", Self.local(app, minutesFromNow: -1))],
                                          csrf: "").status == .forbidden)
            let done = try await morgan.post("/agent/tickets/\(ticket)/remote-sessions", [
                ("session_code", "482-113"), ("started_at", Self.local(app, minutesFromNow: -40)), ("ended_at", Self.local(app, minutesFromNow: -10)),
                ("outcome", "Driver <reinstalled>")])
            #expect(done.status == .seeOther, "\(done.html)")
            let page = try await morgan.get(done.location ?? "")
            #expect(page.contains("Remote session recorded."))
            #expect(page.contains("href=\"https://remote.example/join/482-113\""), "\(page.html)")
            #expect(page.contains("Driver &lt;reinstalled&gt;") && !page.contains("Driver <reinstalled>"))
            #expect(page.contains("Remote session 482-113 by Morgan Agent"), "on the timeline")
        }
    }
}
