import CasebookCore
import Foundation
import Testing
@testable import CasebookServer

/// SLA policies and business hours through the API, each ticket's targets, breach escalation on the test clock,
/// re-evaluation after a calendar change, views sorted by the nearest breach.
@Suite("SLA API")
struct SLAAPITests {
    static func policy(_ app: TestApp, title: String, priority: String, metric: String = "first_reply_time", minutes: Int,
                       business: Bool = false, scheduleID: Int? = nil, escalation: JSONValue = .null) async throws -> Int {
        var body: JSONObject = [
            "title": .string(title), "filter": ["all": [["field": "priority", "operator": "is", "value": .string(priority)]], "any": []],
            "policy_metrics": [["priority": .string(priority), "metric": .string(metric), "target": .int(minutes), "business_hours": .bool(business)]],
            "pause_on": ["pending"], "escalation": escalation,
        ]
        if let scheduleID { body["schedule_id"] = .int(scheduleID) }
        let answer = try await app.admin.post("/api/v2/slas/policies", ["sla_policy": .object(body)])
        #expect(answer.status == .created, "\(answer.text)")
        return answer["sla_policy"]?["id"]?.intValue ?? 0
    }

    static func metrics(_ app: TestApp, _ id: Int) async throws -> [String: JSONValue] {
        let answer = try await app.agent.get("/api/v2/tickets/\(id)/slas")
        var result: [String: JSONValue] = [:]
        for m in answer["policy_metrics"]?.arrayValue ?? [] { result[m["metric"]?.stringValue ?? ""] = m }
        return result
    }

    @Test(arguments: TestDatabase.all)
    func urgentTicketBreachingFirstReplyIsEscalatedAndTheManagerTold(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let manager = try await app.person("Mona Manager", role: .manager)
            let team = try await app.group("Escalations", mode: "manual", members: [manager])
            _ = try await Self.policy(app, title: "Urgent", priority: "urgent", minutes: 30, escalation: [
                "lead_minutes": 0, "group_id": .int(team), "notify_leads": true, "add_tags": ["sla_breach"]])
            let id = try await app.agent.createTicket(["subject": "Production down", "priority": "urgent",
                                                       "requester_id": .int(app.endUserA.id), "comment": ["body": "All down"]])
            var m = try await Self.metrics(app, id)
            #expect(m["first_reply_time"]?["stage"]?.stringValue == "active")
            #expect(m["first_reply_time"]?["minutes_left"]?.intValue == 29 || m["first_reply_time"]?["minutes_left"]?.intValue == 30)

            // Nothing happens before the breach.
            app.clock.advance(minutes: 20)
            try await app.runJobs()
            #expect(try await app.ticket(id)["group_id"]?.intValue != team)

            app.clock.advance(minutes: 11)
            try await app.runJobs()
            let t = try await app.ticket(id)
            #expect(t["group_id"]?.intValue == team)
            #expect(t["tags"]?.arrayValue?.contains(.string("sla_breach")) == true)
            #expect(try await app.notices(id).contains { $0.contains("SLA “Urgent”") && $0.contains("first reply breached") })
            let mail = try await app.outboxKinds(ticketID: id)
            #expect(mail.filter { $0.kind == "escalation" }.count == 1, "\(mail)")
            #expect(mail.contains { $0.kind == "escalation" && $0.to.contains("mona.manager@") })
            m = try await Self.metrics(app, id)
            #expect(m["first_reply_time"]?["stage"]?.stringValue == "breached")
            // Zendesk's include=slas on the ticket says the same.
            let shown = try await app.agent.get("/api/v2/tickets/\(id)?include=slas")
            #expect(shown["ticket"]?["slas"]?["policy_metrics"]?.arrayValue?.first?["stage"]?.stringValue == "breached", "\(shown.text)")
            #expect(try await app.endUserA.get("/api/v2/tickets/\(id)?include=slas")["ticket"]?["slas"] == nil)

            // Once per missed target: running the jobs again changes nothing.
            app.clock.advance(minutes: 5)
            try await app.runJobs()
            #expect(try await app.outboxKinds(ticketID: id).filter { $0.kind == "escalation" }.count == 1)
            #expect(try await app.notices(id).filter { $0.contains("SLA “Urgent”") }.count == 1)

            // The late reply fulfils it, marked as missed.
            _ = try await app.agent.put("/api/v2/tickets/\(id)", ["ticket": ["comment": ["body": "On it", "public": true]]])
            m = try await Self.metrics(app, id)
            #expect(m["first_reply_time"]?["stage"]?.stringValue == "achieved")
            #expect(m["first_reply_time"]?["breached"] == .bool(true))
        }
    }

    @Test(arguments: TestDatabase.all)
    func pendingPausesAndBusinessHoursCount(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            _ = try await Self.policy(app, title: "Normal", priority: "normal", metric: "full_resolution_time", minutes: 120)
            let id = try await app.agent.createTicket(["subject": "Question", "priority": "normal",
                                                       "requester_id": .int(app.endUserA.id), "comment": ["body": "?"]])
            app.clock.advance(minutes: 30)
            _ = try await app.agent.put("/api/v2/tickets/\(id)", ["ticket": ["status": "pending", "comment": ["body": "Need logs", "public": true]]])
            app.clock.advance(minutes: 600)
            var m = try await Self.metrics(app, id)
            #expect(m["full_resolution_time"]?["stage"]?.stringValue == "paused", "\(m)")
            // 30 of 120 minutes were used before the pause; real time has moved on, so the ticket's own clock is what counts.
            let left = m["full_resolution_time"]?["minutes_left"]?.intValue ?? 0
            #expect((85...91).contains(left), "\(left)")
            _ = try await app.endUserA.put("/api/v2/tickets/\(id)", ["ticket": ["comment": ["body": "Here are the logs"]]])
            m = try await Self.metrics(app, id)
            #expect(m["full_resolution_time"]?["stage"]?.stringValue == "active", "\(m)")

            // Bad schedules are refused with the field named.
            let bad = try await app.admin.post("/api/v2/business_hours/schedules", ["schedule": ["name": "Mars", "time_zone": "Mars/Olympus"]])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("time_zone"), "\(bad.text)")
            let overlap = try await app.admin.post("/api/v2/business_hours/schedules", ["schedule": [
                "name": "Odd", "time_zone": "UTC", "intervals": [["start_time": 1980, "end_time": 2000], ["start_time": 1990, "end_time": 2100]]]])
            #expect(overlap.status == .unprocessableContent)
            #expect(try await app.agent.post("/api/v2/business_hours/schedules", ["schedule": ["name": "x", "time_zone": "UTC"]]).status == .forbidden)
            let ok = try await app.admin.post("/api/v2/business_hours/schedules", ["schedule": ["name": "Berlin", "time_zone": "Europe/Berlin"]])
            #expect(ok.status == .created, "\(ok.text)")
            #expect(ok["schedule"]?["intervals"]?.arrayValue?.count == 5)
            let sid = try #require(ok["schedule"]?["id"]?.intValue)
            let holiday = try await app.admin.post("/api/v2/business_hours/schedules/\(sid)/holidays", ["holiday": [
                "name": "Christmas", "start_date": "2026-12-24", "end_date": "2026-12-26"]])
            #expect(holiday.status == .created, "\(holiday.text)")
            let badPolicy = try await app.admin.post("/api/v2/slas/policies", ["sla_policy": [
                "title": "Bad", "filter": ["all": [["field": "mood", "operator": "is", "value": "angry"]]],
                "policy_metrics": [["priority": "low", "metric": "first_reply_time", "target": 60]]]])
            #expect(badPolicy.status == .unprocessableContent)
        }
    }

    @Test(arguments: TestDatabase.all)
    func calendarChangeReevaluatesOpenTicketsAndViewsSortByBreach(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            // Always-open hours first, so the test does not depend on the weekday it runs on.
            let schedule = try await app.admin.post("/api/v2/business_hours/schedules", ["schedule": [
                "name": "Round the clock", "time_zone": "UTC", "intervals": [["start_time": 0, "end_time": 10080]]]])
            let sid = try #require(schedule["schedule"]?["id"]?.intValue, "\(schedule.text)")
            _ = try await Self.policy(app, title: "High", priority: "high", minutes: 240, business: true, scheduleID: sid)
            _ = try await Self.policy(app, title: "Urgent", priority: "urgent", minutes: 60)
            let high = try await app.agent.createTicket(["subject": "High one", "priority": "high", "requester_id": .int(app.endUserA.id), "comment": ["body": "x"]])
            let urgent = try await app.agent.createTicket(["subject": "Urgent one", "priority": "urgent", "requester_id": .int(app.endUserA.id), "comment": ["body": "x"]])
            let none = try await app.agent.createTicket(["subject": "No SLA", "priority": "low", "requester_id": .int(app.endUserA.id), "comment": ["body": "x"]])
            let before = try await Self.metrics(app, high)["first_reply_time"]?["breach_at"]?.stringValue
            #expect(before != nil)

            // Views: the nearest breach first, tickets without targets last.
            let browser = try await app.signedIn(TestApp.agentEmail)
            let page = try await browser.get("/agent/views/unassigned?sort=sla")
            let order = [urgent, high, none].map { page.html.range(of: "data-ticket-id=\"\($0)\"")?.lowerBound }
            #expect(order.allSatisfy { $0 != nil }, "\(page.html.prefix(300))")
            #expect(order[0]! < order[1]! && order[1]! < order[2]!)
            #expect(page.contains("Due in"))

            // Hours shrink to 1 hour a week: the high ticket's breach moves far out once the job re-evaluates.
            let changed = try await app.admin.put("/api/v2/business_hours/schedules/\(sid)/workweek", ["workweek": [
                "intervals": [["start_time": 1980, "end_time": 2040]]]])
            #expect(changed.status == .ok, "\(changed.text)")
            try await app.runJobs()
            let stored = try await app.database.read { db in try await SLAStore(db: db).ticketSLA(ticketID: high)?.nextBreachAt }
            let after = try #require(stored)
            #expect(after > app.clock.now + 2 * 24 * 3_600_000, "breach should be days away now")
            // Marked in lists once breached.
            app.clock.advance(minutes: 61)
            let later = try await browser.get("/agent/views/unassigned?sort=sla")
            #expect(later.contains("sla-breached"))
        }
    }
}
