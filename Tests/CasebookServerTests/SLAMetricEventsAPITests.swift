import CasebookCore
import Foundation
import SQLKit
import Testing
@testable import CasebookServer

/// Zendesk's ticket metric events feed: what happened to each SLA metric, on the test clock.
@Suite("SLA metric events")
struct SLAMetricEventsAPITests {
    /// Every event of the feed from `start`, following `next_page` with `per_page`.
    static func feed(_ app: TestApp, perPage: Int = 1000) async throws -> [JSONValue] {
        var events: [JSONValue] = []
        var path = "/api/v2/incremental/ticket_metric_events.json?start_time=0&per_page=\(perPage)"
        for _ in 0..<100 {
            let answer = try await app.admin.get(path)
            #expect(answer.status == .ok, "\(answer.text)")
            let page = answer["ticket_metric_events"]?.arrayValue ?? []
            #expect(answer["count"]?.intValue == page.count)
            events += page
            if answer["end_of_stream"] == .bool(true) { break }
            let next = try #require(answer["next_page"]?.stringValue)
            path = String(next[try #require(next.range(of: "/api/v2"))!.lowerBound...])
        }
        return events
    }

    static func of(_ events: [JSONValue], ticket: Int) -> [String] {
        events.filter { $0["ticket_id"]?.intValue == ticket }.map { e in
            let type = e["type"]?.stringValue ?? "?"
            return "\(e["metric"]?.stringValue ?? "?")#\(e["instance_id"]?.intValue ?? 0) \(type)" + (type == "breach" && e["deleted"] == .bool(true) ? " deleted" : "")
        }
    }

    @Test(arguments: TestDatabase.all)
    func feedRecordsApplyActivateFulfilAndBreaches(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let policy = try await SLAAPITests.policy(app, title: "Urgent", priority: "urgent", minutes: 30)
            let late = try await app.agent.createTicket(["subject": "Production down", "priority": "urgent",
                                                         "requester_id": .int(app.endUserA.id), "comment": ["body": "All down"]])
            let quick = try await app.agent.createTicket(["subject": "Printer jam", "priority": "urgent",
                                                          "requester_id": .int(app.endUserB.id), "comment": ["body": "Jammed"]])
            var events = try await Self.feed(app)
            // The breach is recorded ahead but shows only once its instant has passed.
            #expect(Self.of(events, ticket: late) == ["reply_time#1 apply_sla", "reply_time#1 activate"], "\(events)")
            let apply = try #require(events.first { $0["ticket_id"]?.intValue == late && $0["type"]?.stringValue == "apply_sla" })
            #expect(apply["sla"]?["target"]?.intValue == 30)
            #expect(apply["sla"]?["business_hours"] == .bool(false))
            #expect(apply["sla"]?["policy"]?["id"]?.intValue == policy)
            #expect(apply["sla"]?["policy"]?["title"]?.stringValue == "Urgent")

            // The quick ticket is answered in time: its breach will not happen.
            app.clock.advance(minutes: 10)
            _ = try await app.agent.put("/api/v2/tickets/\(quick)", ["ticket": ["comment": ["body": "Open the tray", "public": true]]])
            app.clock.advance(minutes: 21)
            events = try await Self.feed(app)
            #expect(Self.of(events, ticket: late) == ["reply_time#1 apply_sla", "reply_time#1 activate", "reply_time#1 breach"], "\(events)")
            #expect(Self.of(events, ticket: quick) == ["reply_time#1 apply_sla", "reply_time#1 activate", "reply_time#1 fulfill",
                                                       "reply_time#1 breach deleted"], "\(events)")

            // The late reply fulfils it; the breach stays on the record.
            _ = try await app.agent.put("/api/v2/tickets/\(late)", ["ticket": ["comment": ["body": "On it", "public": true]]])
            events = try await Self.feed(app)
            #expect(Self.of(events, ticket: late).suffix(2) == ["reply_time#1 breach", "reply_time#1 fulfill"], "\(events)")
            let times = events.compactMap { $0["time"]?.stringValue }
            #expect(times == times.sorted(), "oldest first")

            // Small pages give the same events, none twice.
            let paged = try await Self.feed(app, perPage: 2)
            #expect(paged.compactMap { $0["id"]?.intValue } == events.compactMap { $0["id"]?.intValue })

            // One ticket's events; the feed is for staff, and needs a start.
            let one = try await app.agent.get("/api/v2/tickets/\(late)/metric_events")
            #expect(one["count"]?.intValue == 4, "\(one.text)")
            #expect(try await app.endUserA.get("/api/v2/incremental/ticket_metric_events?start_time=0").status == .forbidden)
            #expect(try await app.admin.get("/api/v2/incremental/ticket_metric_events").status == .badRequest)
            #expect(try await app.admin.get("/api/v2/incremental/ticket_metric_events?cursor=nonsense").status == .badRequest)
        }
    }

    @Test(arguments: TestDatabase.all)
    func pendingPausesAndReopeningActivatesAgain(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            _ = try await SLAAPITests.policy(app, title: "Normal", priority: "normal", metric: "full_resolution_time", minutes: 120)
            let id = try await app.agent.createTicket(["subject": "Question", "priority": "normal",
                                                       "requester_id": .int(app.endUserA.id), "comment": ["body": "?"]])
            app.clock.advance(minutes: 30)
            _ = try await app.agent.put("/api/v2/tickets/\(id)", ["ticket": ["status": "pending", "comment": ["body": "Logs?", "public": true]]])
            app.clock.advance(minutes: 600)
            _ = try await app.endUserA.put("/api/v2/tickets/\(id)", ["ticket": ["comment": ["body": "Here"]]])
            _ = try await app.agent.put("/api/v2/tickets/\(id)", ["ticket": ["status": "solved"]])
            app.clock.advance(minutes: 200)
            let events = Self.of(try await Self.feed(app), ticket: id)
            // The pause cancels the breach scheduled at 120 minutes; the resumed clock schedules one 90 minutes on,
            // which the solve cancels in turn.
            #expect(events == ["resolution_time#1 apply_sla", "resolution_time#1 activate", "resolution_time#1 pause",
                               "resolution_time#1 breach deleted", "resolution_time#1 activate", "resolution_time#1 fulfill",
                               "resolution_time#1 breach deleted"], "\(events)")
        }
    }

    @Test(arguments: TestDatabase.all)
    func policyReachingExistingTicketsAndItsEditAreInTheFeed(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            // A ticket from before any policy: the feed has nothing for it.
            let id = try await app.agent.createTicket(["subject": "Invoice", "priority": "normal",
                                                       "requester_id": .int(app.endUserA.id), "comment": ["body": "Wrong VAT"]])
            #expect(Self.of(try await Self.feed(app), ticket: id).isEmpty)
            // The policy reaches it through the re-evaluation job.
            let policy = try await SLAAPITests.policy(app, title: "Normal", priority: "normal", minutes: 60)
            try await app.runJobs()
            #expect(Self.of(try await Self.feed(app), ticket: id) == ["reply_time#1 apply_sla", "reply_time#1 activate"])
            // Editing the target re-announces it and moves the breach ahead (not seen yet) from 60 to 120 minutes.
            app.clock.advance(minutes: 5)
            let edit = try await app.admin.put("/api/v2/slas/policies/\(policy)", ["sla_policy": ["policy_metrics": [
                ["priority": "normal", "metric": "first_reply_time", "target": 120, "business_hours": false]]]])
            #expect(edit.status == .ok, "\(edit.text)")
            try await app.runJobs()
            app.clock.advance(minutes: 130)
            let events = try await Self.feed(app)
            #expect(Self.of(events, ticket: id) == ["reply_time#1 apply_sla", "reply_time#1 activate", "reply_time#1 apply_sla",
                                                    "reply_time#1 breach"], "\(events)")
            let breach = try #require(events.first { $0["ticket_id"]?.intValue == id && $0["type"]?.stringValue == "breach" })
            let created = try #require(ISO8601DateFormatter().date(from: try await app.ticket(id)["created_at"]?.stringValue ?? ""))
            #expect(breach["time"]?.stringValue == isoString(created.addingTimeInterval(7_200)), "two hours after the request")
            let targets = events.filter { $0["ticket_id"]?.intValue == id && $0["type"]?.stringValue == "apply_sla" }.map { $0["sla"]?["target"]?.intValue }
            #expect(targets == [60, 120])
            // A second run changes nothing and records nothing.
            try await app.runJobs()
            #expect(try await Self.feed(app).count == events.count)
        }
    }

    @Test(arguments: TestDatabase.all)
    func breachesReachTheFeedFromTheJobOnceEvenAfterAStaleWrite(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            _ = try await SLAAPITests.policy(app, title: "Urgent", priority: "urgent", minutes: 30)
            let id = try await app.agent.createTicket(["subject": "Line down", "priority": "urgent",
                                                       "requester_id": .int(app.endUserA.id), "comment": ["body": "Down"]])
            func breachRows() async throws -> Int {
                try await app.database.read { db in
                    try await db.raw("SELECT COUNT(*) AS n FROM ticket_metric_events WHERE ticket_id = \(bind: id) AND type = 'breach'")
                        .first()!.decode(column: "n", as: Int.self)
                }
            }
            func schedule() async throws -> (String?, Int64?) {
                try await app.database.read { db in
                    let row = try await db.raw("SELECT scheduled_breaches, breach_due_at FROM ticket_slas WHERE ticket_id = \(bind: id)").first()!
                    return (try row.decode(column: "scheduled_breaches", as: String?.self), try row.decode(column: "breach_due_at", as: Int64?.self))
                }
            }
            // Ahead, the breach waits on the ticket's SLA row, not in the feed.
            let ahead = try await schedule()
            #expect(try await breachRows() == 0)
            #expect(ahead.0?.hasSuffix(":p") == true && ahead.1 != nil, "\(ahead)")
            // Past its instant, the SLA check writes it to the feed and remembers it as recorded.
            app.clock.advance(minutes: 31)
            _ = try await app.runJobs()
            #expect(try await breachRows() == 1)
            let after = try await schedule()
            #expect(after.0?.hasSuffix(":r") == true && after.1 == nil, "\(after)")
            // A writer that read the row before that saves it back: the breach is not written twice.
            try await app.database.write { db in
                try await db.raw("""
                    UPDATE ticket_slas SET scheduled_breaches = \(bind: ahead.0), breach_due_at = \(bind: ahead.1) WHERE ticket_id = \(bind: id)
                    """).run()
            }
            let events = Self.of(try await Self.feed(app), ticket: id)
            #expect(events == ["reply_time#1 apply_sla", "reply_time#1 activate", "reply_time#1 breach"], "\(events)")
            #expect(try await breachRows() == 1)
            #expect(try await schedule().1 == nil)
        }
    }

    /// Migration 0023 on a database written before it: breaches ahead move from the feed to the ticket's SLA row,
    /// those already past stay in the feed and are remembered as recorded, cancelled ones stay as they are.
    @Test(arguments: TestDatabase.all)
    func migrationMovesBreachesAheadToTheRow(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let id = try await app.agent.createTicket(["subject": "Old ticket", "requester_id": .int(app.endUserA.id), "comment": ["body": "?"]])
            let now = Timestamp.now
            try await app.database.write { db in
                try await db.raw("UPDATE ticket_slas SET scheduled_breaches = NULL, breach_due_at = NULL WHERE ticket_id = \(bind: id)").run()
                for (metric, instance, time, deleted) in [("first_reply_time", 1, now - 60_000, false), ("next_reply_time", 2, now + 3_600_000, false),
                                                          ("full_resolution_time", 1, now + 7_200_000, true)] {
                    try await db.raw("""
                        INSERT INTO ticket_metric_events (ticket_id, metric, instance_id, type, time, deleted)
                        VALUES (\(bind: id), \(bind: metric), \(bind: instance), 'breach', \(bind: time), \(bind: deleted))
                        """).run()
                }
                // The migration's data statements (the columns and indexes exist already).
                for statement in Migration.keepBreachesAheadOnTicketSLAs.statements(app.database.engine)[2...3] {
                    try await db.raw(SQLQueryString(statement)).run()
                }
            }
            let (schedule, due, rows) = try await app.database.read { db in
                let row = try await db.raw("SELECT scheduled_breaches, breach_due_at FROM ticket_slas WHERE ticket_id = \(bind: id)").first()!
                let rows = try await db.raw("SELECT metric, deleted FROM ticket_metric_events WHERE ticket_id = \(bind: id) AND type = 'breach' ORDER BY metric")
                    .all().map { "\(try $0.decode(column: "metric", as: String.self))\(try $0.decode(column: "deleted", as: Bool.self) ? " deleted" : "")" }
                return (SLABreachSchedule(encoded: try row.decode(column: "scheduled_breaches", as: String?.self)),
                        try row.decode(column: "breach_due_at", as: Int64?.self), rows)
            }
            #expect(schedule.entries.map { "\($0.metric.rawValue)#\($0.instance) \($0.state.rawValue)" }.sorted()
                    == ["first_reply_time#1 r", "next_reply_time#2 p"])
            #expect(due == now + 3_600_000)
            #expect(rows == ["first_reply_time", "full_resolution_time deleted"])
        }
    }
}

