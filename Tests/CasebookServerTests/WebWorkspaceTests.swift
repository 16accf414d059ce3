import CasebookCore
import Foundation
import HTTPTypes
import Testing
@testable import CasebookServer

@Suite("Agent workspace pages")
struct WebWorkspaceTests {
    static func ticket(_ app: TestApp, _ subject: String, _ extra: JSONObject = [:]) async throws -> Int {
        var fields: JSONObject = ["subject": .string(subject), "comment": ["body": .string("About \(subject)")],
                                  "requester_id": .int(app.endUserA.id)]
        for (key, value) in extra.pairs { fields[key] = value }
        return try await app.agent.createTicket(fields)
    }

    @Test(arguments: TestDatabase.all)
    func viewsListTheirTicketsWithCounts(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let mine = try await Self.ticket(app, "Pink units", ["assignee_id": .int(app.agent.id), "priority": "urgent"])
            let loose = try await Self.ticket(app, "Switch drops packets")
            let group = try await app.admin.post("/api/v2/groups", ["group": ["name": "Workflows"]])["group"]?["id"]?.intValue ?? 0
            _ = try await app.agent.put("/api/v2/tickets/\(loose)", ["ticket": ["group_id": .int(group)]])
            let browser = try await app.signedIn(TestApp.agentEmail)
            #expect(try await browser.get("/agent").location == "/agent/views/mine")
            let page = try await browser.get("/agent/views/mine")
            #expect(page.contains(#"data-count-for="mine">1<"#))
            #expect(page.contains(#"data-count-for="unassigned">1<"#))
            #expect(page.contains(#"data-count-for="urgent">1<"#))
            #expect(page.contains(#"data-count-for="group-\#(group)">1<"#))
            #expect(page.contains(#"data-ticket-id="\#(mine)""#))
            #expect(!page.contains(#"data-ticket-id="\#(loose)""#))
            let unassigned = try await browser.get("/agent/views/unassigned?sort=priority")
            #expect(unassigned.contains(#"data-ticket-id="\#(loose)""#))
            #expect(unassigned.contains(#"<option value="priority" selected>"#))
            let queue = try await browser.get("/agent/views/group-\(group)")
            #expect(queue.contains("<h1 id=\"view-title\">Workflows</h1>"))
            #expect(try await browser.get("/agent/views/nope").status == .notFound)
            let counts = try await browser.get("/agent/counts")
            #expect(counts.html.contains(#""mine":1"#))
        }
    }

    @Test(arguments: TestDatabase.all)
    func viewsPageThroughTickets(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            var objects: [JSONValue] = []
            for i in 0..<30 { objects.append(["subject": .string("Bulk \(i)"), "comment": ["body": "x"], "requester_id": .int(app.endUserA.id)]) }
            _ = try await app.agent.post("/api/v2/tickets/create_many", ["tickets": .array(objects)])
            let browser = try await app.signedIn(TestApp.agentEmail)
            let first = try await browser.get("/agent/views/unassigned")
            #expect(first.count("data-ticket-id=") == Paging.perPage)
            #expect(first.contains(#"rel="next" href="/agent/views/unassigned?sort=created&amp;page=2""#))
            let second = try await browser.get("/agent/views/unassigned?sort=created&page=2")
            #expect(second.count("data-ticket-id=") == 30 - Paging.perPage)
            #expect(second.contains(#"rel="prev""#))
        }
    }

    @Test(arguments: TestDatabase.all)
    func searchPageUsesTheQueryLanguage(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let hit = try await Self.ticket(app, "Printer on fire", ["priority": "high"])
            _ = try await Self.ticket(app, "Printer jammed", ["priority": "low"])
            let browser = try await app.signedIn(TestApp.agentEmail)
            let page = try await browser.get("/agent/search?q=printer+priority%3Ahigh")
            #expect(page.status == .ok)
            #expect(page.contains(#"<p id="result-count">1 results</p>"#))
            #expect(page.contains(#"data-ticket-id="\#(hit)""#))
            #expect(page.contains(#"value="printer priority:high""#))
            let bad = try await browser.get("/agent/search?q=created%3Ayesterdayish")
            #expect(bad.status == .badRequest)
            #expect(bad.contains("flash-error"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func ticketPageShowsTheWholeCase(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let earlier = try await Self.ticket(app, "Earlier order question")
            _ = try await app.agent.put("/api/v2/tickets/\(earlier)", ["ticket": ["status": "solved", "comment": ["body": "Done"]]])
            let id = try await Self.ticket(app, "Wrong item shipped", ["priority": "high"])
            _ = try await app.agent.put("/api/v2/tickets/\(id)", ["ticket": ["comment": ["body": "Fulfilment error, refund <b>plus</b> replacement", "public": false]]])
            _ = try await app.agent.put("/api/v2/tickets/\(id)", ["ticket": ["comment": [
                "body": "Customer called about the refund", "public": false,
                "call": ["direction": "inbound", "from": "+1 555 0100", "to": "support", "duration": 150]]]])
            _ = try await app.agent.put("/api/v2/tickets/\(id)", ["ticket": ["assignee_id": .int(app.agent.id)]])
            let browser = try await app.signedIn(TestApp.agentEmail)
            let page = try await browser.get("/agent/tickets/\(id)")
            #expect(page.status == .ok)
            #expect(page.contains(#"<h1 id="ticket-subject">Wrong item shipped</h1>"#))
            #expect(page.contains("Northwind"))
            #expect(page.contains(#"href="/agent/tickets/\#(earlier)">#\#(earlier) Earlier order question</a> <span class="status status-solved">solved</span> · Morgan Agent"#))
            #expect(page.count(#"class="timeline-entry "#) == 4)
            #expect(page.contains(#"timeline-entry comment-internal"#))
            #expect(page.contains("Internal note"))
            #expect(page.contains("Fulfilment error, refund &lt;b&gt;plus&lt;/b&gt; replacement"))
            #expect(page.contains(#"timeline-entry call"#))
            #expect(page.contains("Inbound call · +1 555 0100 → support · 2 min 30 s"))
            #expect(page.contains("Assignee changed from – to Morgan Agent"))
            #expect(page.contains("Ticket created via api"))
            #expect(page.contains(#"<option value="\#(app.agent.id)" selected>Morgan Agent</option>"#))
            #expect(try await browser.get("/agent/tickets/99999").status == .notFound)
        }
    }

    @Test(arguments: TestDatabase.all)
    func composerRepliesNotesCallsAndFieldChangesInOneAudit(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let id = try await Self.ticket(app, "Switch may be faulty")
            let browser = try await app.signedIn(TestApp.agentEmail)
            func submit(_ fields: [(String, String)]) async throws -> Page {
                let page = try await browser.get("/agent/tickets/\(id)")
                let seen = page.firstMatch(#"name="seen_audit" value="(\d+)""#) ?? "0"
                var all: [(String, String)] = [("seen_audit", seen)]
                for name in TicketForm.Fields.names {
                    let was = page.firstMatch(#"name="was_\#(name)" value="([^"]*)""#) ?? ""
                    all.append(("was_" + name, was))
                    if !fields.contains(where: { $0.0 == name }) { all.append((name, was)) }
                }
                return try await browser.post("/agent/tickets/\(id)", all + fields)
            }
            let reply = try await submit([("mode", "reply"), ("body", "Please try a different cable"), ("status", "pending"),
                                          ("assignee_id", String(app.agent.id)), ("tags", "hardware switch")])
            #expect(reply.status == .seeOther)
            #expect(reply.location == "/agent/tickets/\(id)?updated=1")
            let audits = try await app.agent.get("/api/v2/tickets/\(id)/audits")["audits"]?.arrayValue ?? []
            #expect(audits.count == 2)
            let events = audits.last?["events"]?.arrayValue ?? []
            #expect(events.contains { $0["type"] == "Comment" && $0["public"] == .bool(true) })
            #expect(events.contains { $0["field_name"] == "status" && $0["value"] == "pending" })
            #expect(events.contains { $0["field_name"] == "assignee_id" })
            #expect(audits.last?["via"]?["channel"] == "web")

            let note = try await submit([("mode", "note"), ("body", "Two agents refused; approving advance replacement")])
            #expect(note.status == .seeOther)
            let call = try await submit([("mode", "call"), ("body", "Caller turned abusive; ended under the conduct policy"),
                                         ("call_direction", "outbound"), ("call_from", "support"), ("call_to", "+1 555 0199"),
                                         ("call_duration", "2.5")])
            #expect(call.status == .seeOther)
            let comments = try await app.agent.get("/api/v2/tickets/\(id)/comments")["comments"]?.arrayValue ?? []
            #expect(comments.count == 4)
            #expect(comments[2]["public"] == .bool(false))
            #expect(comments[3]["via"]?["channel"] == "voice")
            #expect(comments[3]["public"] == .bool(false))
            let ticket = try await app.agent.get("/api/v2/tickets/\(id)")["ticket"]
            #expect(ticket?["tags"] == ["hardware", "switch"])
            let page = try await browser.get("/agent/tickets/\(id)?updated=1")
            #expect(page.contains("Ticket updated."))
            #expect(page.contains("Outbound call · support → +1 555 0199 · 2 min 30 s"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func composerRefusesWhatIsNotACaseNote(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let id = try await Self.ticket(app, "Follow-up call")
            let browser = try await app.signedIn(TestApp.agentEmail)
            let page = try await browser.get("/agent/tickets/\(id)")
            let seen = page.firstMatch(#"name="seen_audit" value="(\d+)""#) ?? "0"
            let call = try await browser.post("/agent/tickets/\(id)", [("seen_audit", seen), ("mode", "call"), ("body", "  "),
                                                                      ("call_direction", "inbound"), ("call_duration", "5")])
            #expect(call.status == .unprocessableContent)
            #expect(call.contains("A call summary is required"))
            let duration = try await browser.post("/agent/tickets/\(id)", [("seen_audit", seen), ("mode", "call"), ("body", "Talked"),
                                                                          ("call_duration", "soon")])
            #expect(duration.status == .unprocessableContent)
            #expect(duration.contains("Call duration"))
            #expect(duration.contains(">Talked</textarea>"))
            let nothing = try await browser.post("/agent/tickets/\(id)", [("seen_audit", seen), ("mode", "reply"), ("body", "")])
            #expect(nothing.status == .unprocessableContent)
            #expect(nothing.contains("Nothing to submit"))
            let badFollower = try await browser.post("/agent/tickets/\(id)", [("seen_audit", seen), ("mode", "reply"),
                                                                             ("followers", TestApp.endUserAEmail)])
            #expect(badFollower.contains("is not an agent"))
            let audits = try await app.agent.get("/api/v2/tickets/\(id)/audits")["audits"]?.arrayValue ?? []
            #expect(audits.count == 1)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aStaleFormShowsWhatChangedBeforeSending(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let id = try await Self.ticket(app, "Collision")
            let browser = try await app.signedIn(TestApp.agentEmail)
            let page = try await browser.get("/agent/tickets/\(id)")
            let seen = page.firstMatch(#"name="seen_audit" value="(\d+)""#) ?? "0"
            // Meanwhile the admin raises the priority and replies.
            _ = try await app.admin.put("/api/v2/tickets/\(id)", ["ticket": ["priority": "urgent", "comment": ["body": "On it"]]])
            let form: [(String, String)] = [("seen_audit", seen), ("was_status", "new"), ("was_priority", ""), ("status", "new"),
                                            ("priority", ""), ("was_tags", ""), ("tags", "refund"), ("mode", "reply"),
                                            ("body", "My stale reply")]
            let conflict = try await browser.post("/agent/tickets/\(id)", form)
            #expect(conflict.status == .conflict)
            #expect(conflict.contains(#"id="changed-meanwhile""#))
            #expect(conflict.contains("Ada Admin sent a public reply"))
            #expect(conflict.contains("Ada Admin: Priority changed from – to urgent"))
            #expect(conflict.contains(">My stale reply</textarea>"))
            #expect(conflict.contains(#"id="send-anyway""#))
            // The admin's priority stays (the agent did not touch it); the agent's tag is kept.
            #expect(conflict.contains(#"<option value="urgent" selected>"#))
            #expect(conflict.contains(#"name="tags" value="refund""#))
            let newSeen = conflict.firstMatch(#"name="seen_audit" value="(\d+)""#) ?? "0"
            var resend: [(String, String)] = [("seen_audit", newSeen), ("confirm", "1"), ("mode", "reply"), ("body", "My stale reply")]
            for name in TicketForm.Fields.names {
                resend.append(("was_" + name, conflict.firstMatch(#"name="was_\#(name)" value="([^"]*)""#) ?? ""))
            }
            resend += [("status", "open"), ("priority", "urgent"), ("tags", "refund")]
            let sent = try await browser.post("/agent/tickets/\(id)", resend)
            #expect(sent.status == .seeOther)
            let ticket = try await app.agent.get("/api/v2/tickets/\(id)")["ticket"]
            #expect(ticket?["priority"] == "urgent")
            #expect(ticket?["tags"] == ["refund"])
        }
    }

    @Test(arguments: TestDatabase.all)
    func macrosPrefillTheFormWithPlaceholdersFilledIn(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let id = try await Self.ticket(app, "Backorder", ["tags": ["christmas"]])
            let admin = try await app.signedIn(TestApp.adminEmail)
            _ = try await admin.get("/admin/macros")
            let created = try await admin.post("/admin/macros", [
                ("title", "Backorder: refund or wait"), ("body", "Hi {{ticket.requester.first_name}}, {{current_user.first_name}} here."),
                ("status", "pending"), ("add_tags", "backorder"), ("remove_tags", "christmas"),
            ])
            #expect(created.status == .seeOther)
            let bad = try await admin.post("/admin/macros", [("title", ""), ("status", "closed")])
            #expect(bad.status == .unprocessableContent)
            let agent = try await app.signedIn(TestApp.agentEmail)
            let page = try await agent.get("/agent/tickets/\(id)")
            let macroID = try #require(page.firstMatch(#"<select id="macro_id" name="macro_id"><option value="(\d+)">"#))
            let applied = try await agent.post("/agent/tickets/\(id)/macro", [("macro_id", macroID)])
            #expect(applied.status == .ok)
            #expect(applied.contains(">Hi Rex, Morgan here.</textarea>"))
            #expect(applied.contains(#"<option value="pending" selected>"#))
            #expect(applied.contains(#"name="tags" value="backorder""#))
            #expect(applied.contains("applied. Review the changes"))
            // Nothing is saved until the agent submits.
            let audits = try await app.agent.get("/api/v2/tickets/\(id)/audits")["audits"]?.arrayValue ?? []
            #expect(audits.count == 1)
        }
    }
}
