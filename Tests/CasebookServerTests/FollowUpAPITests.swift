import CasebookCore
import Foundation
import SQLKit
import Testing
@testable import CasebookServer

/// Follow-up tasks and remote sessions through the API: a lead gives an agent "call the customer back", the test
/// clock moves, the reminders and the escalation go out once each, and completing needs a note.
@Suite("Follow-ups and remote sessions API")
struct FollowUpAPITests {
    static func iso(_ app: TestApp, minutesFromNow minutes: Int64) -> JSONValue {
        .string(PageTime.iso(app.clock.now + minutes * 60_000))
    }

    static func remind(_ app: TestApp) async throws -> Int {
        try await FollowUpService(services: app.services).remindDue(database: app.database)
    }

    static func notifications(_ caller: Caller, kind: String) async throws -> [String] {
        let list = try await caller.get("/api/v2/notifications")["notifications"]?.arrayValue ?? []
        return list.filter { $0["kind"]?.stringValue == kind }.compactMap { $0["text"]?.stringValue }
    }

    static func mails(_ app: TestApp, to address: String) async throws -> [OutboxStore.Message] {
        try await app.database.read { db in try await OutboxStore(db: db).messages(to: address) }.filter { $0.kind == "follow_up" }
    }

    @Test(arguments: TestDatabase.all)
    func aFollowUpReminderOnATestClock(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            // setup: a lead assigns "call the customer back" to Morgan, due in an hour
            let lead = try await app.person("Lara Lead", role: .lead)
            let other = try await app.person("Owen Pryce", role: .agent)
            let ticket = try await app.endUserA.createTicket(["subject": "Router reboots at night", "comment": ["body": "Every night at 2."]])
            let created = try await lead.post("/api/v2/tickets/\(ticket)/follow_ups", ["follow_up": [
                "title": "call the customer back", "due_at": Self.iso(app, minutesFromNow: 60), "owner_id": .int(app.agent.id),
                "note": "ask whether the firmware update helped"]])
            #expect(created.status == .created, "\(created.text)")
            let id = try #require(created["follow_up"]?["id"]?.intValue)
            #expect(created["follow_up"]?["status"]?.stringValue == "open")
            #expect(created["follow_up"]?["assigned_by_id"]?.intValue == lead.id)
            #expect(try await app.notices(ticket).contains { $0.hasPrefix("Follow-up #\(id) for Morgan Agent") && $0.contains("call the customer back") })
            #expect(try await Self.remind(app) == 0, "nothing before the reminder time")

            // 31 minutes on: the owner is reminded, by notification and email
            app.clock.advance(minutes: 31)
            #expect(try await Self.remind(app) == 1)
            #expect(try await Self.notifications(app.agent, kind: "follow_up").filter { $0.hasPrefix("Follow-up due at") }.count == 1)
            let reminderMails = try await Self.mails(app, to: TestApp.agentEmail)
            #expect(reminderMails.count == 1 && reminderMails.first?.subject.contains("Follow-up on #\(ticket)") == true, "\(reminderMails.map(\.subject))")
            #expect(try await Self.remind(app) == 0, "not twice")

            // at the due time: a second notice
            app.clock.advance(minutes: 29)
            #expect(try await Self.remind(app) == 1)
            #expect(try await Self.notifications(app.agent, kind: "follow_up").contains { $0.hasPrefix("Follow-up due now") })
            #expect(try await Self.mails(app, to: TestApp.agentEmail).count == 2)
            #expect(try await Self.notifications(lead, kind: "follow_up_missed").isEmpty, "inside the grace period")

            // 16 minutes past due: the assigner hears it was missed, once
            app.clock.advance(minutes: 16)
            #expect(try await Self.remind(app) == 1)
            let missed = try await Self.notifications(lead, kind: "follow_up_missed")
            #expect(missed.count == 1 && missed.first?.contains("Morgan Agent has not completed") == true, "\(missed)")
            #expect(try await Self.mails(app, to: "lara.lead@brightbeam.example").count == 1)
            app.clock.advance(minutes: 60)
            #expect(try await Self.remind(app) == 0, "running again sends nothing new")
            #expect(try await Self.notifications(lead, kind: "follow_up_missed").count == 1)
            let shown = try await app.agent.get("/api/v2/follow_ups/\(id)")
            #expect(shown["follow_up"]?["overdue"] == .bool(true) && shown["follow_up"]?["escalated_at"] != .null, "\(shown.text)")
            #expect(shown["follow_up"]?["next_notice_at"] == .null)

            // the owner's list
            let mine = try await app.agent.get("/api/v2/follow_ups?owner_id=\(app.agent.id)&status=open")
            #expect(mine["follow_ups"]?.arrayValue?.compactMap { $0["id"]?.intValue } == [id], "\(mine.text)")
            #expect(mine["count"]?.intValue == 1)
            #expect(try await app.agent.get("/api/v2/follow_ups?owner_id=me")["follow_ups"]?.arrayValue?.count == 1)
            #expect(try await other.get("/api/v2/follow_ups?owner_id=me")["follow_ups"]?.arrayValue?.isEmpty == true)
            #expect(try await app.agent.get("/api/v2/follow_ups?ticket_id=\(ticket)")["follow_ups"]?.arrayValue?.count == 1)
            #expect(try await app.agent.get("/api/v2/follow_ups?status=later").status == .badRequest)

            // completing asks for a note, and only the owner, the assigner or a lead may
            let bare = try await app.agent.post("/api/v2/follow_ups/\(id)/complete", [:])
            #expect(bare.status == .unprocessableContent && bare.text.contains("note"), "\(bare.text)")
            #expect(try await other.post("/api/v2/follow_ups/\(id)/complete", ["note": "not mine"]).status == .forbidden)
            let done = try await app.agent.post("/api/v2/follow_ups/\(id)/complete", ["note": "Called at 15:10; the update fixed it"])
            #expect(done.status == .ok, "\(done.text)")
            #expect(done["follow_up"]?["status"]?.stringValue == "done" && done["follow_up"]?["overdue"] == .bool(false))
            #expect(done["follow_up"]?["completion_note"]?.stringValue == "Called at 15:10; the update fixed it")
            let comments = try await app.agent.get("/api/v2/tickets/\(ticket)/comments")["comments"]?.arrayValue ?? []
            #expect(comments.contains {
                $0["public"] == .bool(false) && $0["body"]?.stringValue?.contains("Called at 15:10; the update fixed it") == true
            }, "an internal note on the ticket")
            #expect(try await app.endUserA.get("/api/v2/tickets/\(ticket)/comments").text.contains("15:10") == false)
            #expect(try await app.notices(ticket).contains { $0.hasPrefix("Follow-up #\(id) completed by Morgan Agent") })
            #expect(try await app.agent.post("/api/v2/follow_ups/\(id)/complete", ["note": "again"]).status == .unprocessableContent)
            #expect(try await app.agent.get("/api/v2/follow_ups?owner_id=\(app.agent.id)&status=open")["follow_ups"]?.arrayValue?.isEmpty == true)
            #expect(try await Self.remind(app) == 0, "a done follow-up is quiet")
        }
    }

    @Test(arguments: TestDatabase.all)
    func theJobRunnerSendsRemindersEveryMinute(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let ticket = try await app.endUserA.createTicket(["subject": "Parcel stuck", "comment": ["body": "Day 5."]])
            let created = try await app.agent.post("/api/v2/tickets/\(ticket)/follow_ups", ["follow_up": [
                "title": "check the shipment", "due_at": Self.iso(app, minutesFromNow: 20), "owner_id": .int(app.agent.id)]])
            #expect(created.status == .created, "\(created.text)")
            try await app.runJobs()
            #expect(try await Self.notifications(app.agent, kind: "follow_up").contains { $0.hasPrefix("Follow-up due at") },
                    "due within 30 minutes: reminded at once")
            app.clock.advance(minutes: 21)
            try await app.runJobs()
            #expect(try await Self.notifications(app.agent, kind: "follow_up").contains { $0.hasPrefix("Follow-up due now") })
        }
    }

    @Test(arguments: TestDatabase.all)
    func refusalsCancelAndReassign(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let lead = try await app.person("Lara Lead", role: .lead)
            let other = try await app.person("Owen Pryce", role: .agent)
            let ticket = try await app.endUserA.createTicket(["subject": "Invoice wrong", "comment": ["body": "Twice charged."]])
            func create(_ fields: JSONValue, as caller: Caller? = nil) async throws -> APIResponse {
                try await (caller ?? app.agent).post("/api/v2/tickets/\(ticket)/follow_ups", ["follow_up": fields])
            }
            let past = try await create(["title": "call back", "due_at": Self.iso(app, minutesFromNow: -5), "owner_id": .int(app.agent.id)])
            #expect(past.status == .unprocessableContent && past.text.contains("due_at"), "\(past.text)")
            #expect(try await create(["title": "", "due_at": Self.iso(app, minutesFromNow: 5), "owner_id": .int(app.agent.id)]).status == .unprocessableContent)
            #expect(try await create(["title": .string(String(repeating: "x", count: 201)), "due_at": Self.iso(app, minutesFromNow: 5),
                                      "owner_id": .int(app.agent.id)]).status == .unprocessableContent)
            let customer = try await create(["title": "call back", "due_at": Self.iso(app, minutesFromNow: 5), "owner_id": .int(app.endUserA.id)])
            #expect(customer.status == .unprocessableContent && customer.text.contains("owner_id"), "\(customer.text)")
            #expect(try await create(["title": "call back", "due_at": "tomorrowish", "owner_id": .int(app.agent.id)]).status == .unprocessableContent)
            #expect(try await app.agent.post("/api/v2/tickets/999999/follow_ups", ["follow_up": [
                "title": "x", "due_at": Self.iso(app, minutesFromNow: 5), "owner_id": .int(app.agent.id)]]).status == .notFound)

            // end-users may not see or make follow-ups
            #expect(try await app.endUserA.get("/api/v2/follow_ups").status == .forbidden)
            #expect(try await create(["title": "x", "due_at": Self.iso(app, minutesFromNow: 5), "owner_id": .int(app.agent.id)], as: app.endUserA).status
                    == .forbidden)

            // reassigning starts the reminders over for the new owner; cancelling needs a reason
            let made = try await create(["title": "check the refund", "due_at": Self.iso(app, minutesFromNow: 10), "owner_id": .int(app.agent.id)])
            let id = try #require(made["follow_up"]?["id"]?.intValue, "\(made.text)")
            #expect(try await Self.remind(app) == 1)
            let passed = try await lead.post("/api/v2/follow_ups/\(id)/reassign", ["owner_id": .int(other.id)])
            #expect(passed.status == .ok && passed["follow_up"]?["owner_id"]?.intValue == other.id && passed["follow_up"]?["reminded_at"] == .null,
                    "\(passed.text)")
            #expect(try await Self.remind(app) == 1)
            #expect(try await Self.notifications(other, kind: "follow_up").contains { $0.hasPrefix("Follow-up due at") })
            #expect(try await app.agent.post("/api/v2/follow_ups/\(id)/reassign", ["owner_id": .int(app.endUserA.id)]).status == .unprocessableContent)
            #expect(try await other.post("/api/v2/follow_ups/\(id)/cancel", [:]).status == .unprocessableContent)
            let cancelled = try await other.post("/api/v2/follow_ups/\(id)/cancel", ["reason": "refund went through on its own"])
            #expect(cancelled["follow_up"]?["status"]?.stringValue == "cancelled", "\(cancelled.text)")
            #expect(try await app.notices(ticket).contains { $0.contains("cancelled by Owen Pryce") && $0.contains("refund went through") })
            #expect(try await app.agent.get("/api/v2/follow_ups/999999").status == .notFound)
            #expect(try await app.agent.post("/api/v2/follow_ups/999999/complete", ["note": "x"]).status == .notFound)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aRemoteSessionIsRecordedWithTheConfiguredLink(db: TestDatabase) async throws {
        try await TestApp.run(db, mail: ["CASEBOOK_REMOTE_SUPPORT_URL": "https://remote.example/join/{code}"]) { app in
            let ticket = try await app.endUserA.createTicket(["subject": "Printer offline", "comment": ["body": "Since Monday."]])
            let start = Self.iso(app, minutesFromNow: -40), end = Self.iso(app, minutesFromNow: -10)
            let recorded = try await app.agent.post("/api/v2/tickets/\(ticket)/remote_sessions", ["remote_session": [
                "session_code": "482-113", "started_at": start, "ended_at": end, "outcome": "Reinstalled the driver; test page printed"]])
            #expect(recorded.status == .created, "\(recorded.text)")
            #expect(recorded["remote_session"]?["tool_url"]?.stringValue == "https://remote.example/join/482-113")
            #expect(recorded["remote_session"]?["agent_id"]?.intValue == app.agent.id)
            let notice = try #require(try await app.notices(ticket).first { $0.hasPrefix("Remote session 482-113 by Morgan Agent") })
            #expect(notice.contains("Reinstalled the driver") && notice.contains("https://remote.example/join/482-113"), "\(notice)")
            let list = try await app.agent.get("/api/v2/tickets/\(ticket)/remote_sessions")
            #expect(list["remote_sessions"]?.arrayValue?.count == 1 && list["count"]?.intValue == 1, "\(list.text)")

            // bad times and a missing code are refused
            let backwards = try await app.agent.post("/api/v2/tickets/\(ticket)/remote_sessions", ["remote_session": [
                "session_code": "1", "started_at": end, "ended_at": start]])
            #expect(backwards.status == .unprocessableContent && backwards.text.contains("ended_at"), "\(backwards.text)")
            #expect(try await app.agent.post("/api/v2/tickets/\(ticket)/remote_sessions", ["remote_session": [
                "session_code": "1", "started_at": "yesterday-ish"]]).status == .unprocessableContent)
            #expect(try await app.agent.post("/api/v2/tickets/\(ticket)/remote_sessions", ["remote_session": [
                "session_code": " ", "started_at": start]]).status == .unprocessableContent)
            #expect(try await app.agent.post("/api/v2/tickets/\(ticket)/remote_sessions", ["remote_session": ["session_code": "1"]]).status
                    == .unprocessableContent, "the start is required")
            #expect(try await app.endUserA.get("/api/v2/tickets/\(ticket)/remote_sessions").status == .forbidden)
            #expect(try await app.endUserA.post("/api/v2/tickets/\(ticket)/remote_sessions", ["remote_session": [
                "session_code": "9", "started_at": start]]).status == .forbidden)
        }
    }

    @Test(arguments: TestDatabase.all)
    func withoutAToolTheSessionHasNoLink(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let ticket = try await app.endUserA.createTicket(["subject": "Scanner", "comment": ["body": "Jams."]])
            let recorded = try await app.agent.post("/api/v2/tickets/\(ticket)/remote_sessions", ["remote_session": [
                "session_code": "77", "started_at": Self.iso(app, minutesFromNow: -5)]])
            #expect(recorded.status == .created && recorded["remote_session"]?["tool_url"] == .null, "\(recorded.text)")
        }
    }
}
