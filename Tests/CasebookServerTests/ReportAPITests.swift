import CasebookCore
import Foundation
import SQLKit
import Testing
@testable import CasebookServer

/// The ticket reports on a hand-built week: four tickets opened on a Friday afternoon, office hours Monday to Friday
/// 9–17 UTC. One is solved with a single reply on Monday (first-contact resolved; the weekend does not count), one is
/// solved on Friday, reopened and solved again (one-touch, not first-contact), one takes two replies, one waits.
/// Every figure is checked on both engines, through the API, the pages, the SVG and the CSV.
@Suite("Reports API and pages")
struct ReportAPITests {
    static let hour: Int64 = 3_600_000
    static let friday4pm = ReportFilter.parseDay("2026-11-20")! + 16 * hour
    static let range = "from=2026-11-20&to=2026-11-23"

    static func refresh(_ app: TestApp) async throws {
        let upTo = max(app.clock.now, Timestamp.now) + 1
        try await ReportRefresh.run(app.database, upTo: upTo, now: upTo)
    }

    static func figure(_ report: APIResponse, _ label: String) -> JSONValue? {
        report["report"]?["summary"]?.arrayValue?.first { $0["label"]?.stringValue == label }?["value"]
    }

    static func reply(_ caller: Caller, _ ticket: Int, _ body: String, status: String? = nil, isPublic: Bool = true, assignee: Int? = nil) async throws {
        var fields: JSONObject = ["comment": ["body": .string(body), "public": .bool(isPublic)]]
        if let status { fields["status"] = .string(status) }
        if let assignee { fields["assignee_id"] = .int(assignee) }
        let answer = try await caller.put("/api/v2/tickets/\(ticket)", ["ticket": .object(fields)])
        #expect(answer.status == .ok, "\(answer.text)")
    }

    /// Builds the week in SQL (the ticket service stamps changes with the wall clock; these histories need chosen
    /// instants); returns the four ticket ids and the lead.
    static func week(_ app: TestApp) async throws -> (t1: Int, t2: Int, t3: Int, t4: Int, lead: Caller) {
        app.clock.advance(millis: friday4pm + 68 * hour - app.clock.now)   // "now" is Monday noon
        let lead = try await app.person("Lara Lead", role: .lead)
        let (agent, customer) = (app.agent.id, app.endUserA.id)
        let ids = try await app.database.write { db in
            _ = try await SLAStore(db: db).insertSchedule(
                name: "Office", calendar: BusinessCalendar(timeZone: "UTC", intervals: BusinessCalendar.WeeklyInterval.on(1...5, from: 540, to: 1020)),
                now: friday4pm)
            let week = HandBuiltHistory(db: db)
            var ids: [Int] = []
            for subject in ["Label printer jams", "Wrong invoice address", "VPN drops", "Password reset mail missing"] {
                ids.append(try await week.ticket(subject, requester: customer, at: friday4pm))
            }
            let (t1, t2, t3, t4) = (ids[0], ids[1], ids[2], ids[3])
            let minute: Int64 = 60_000
            let monday9am = friday4pm + (2 * 24 + 17) * hour
            try await week.comment(t3, author: agent, isPublic: true, at: friday4pm + 10 * minute)
            try await week.status(t3, "new", "open", at: friday4pm + 10 * minute)
            try await week.comment(t2, author: agent, isPublic: true, at: friday4pm + 30 * minute)
            try await week.status(t2, "new", "solved", at: friday4pm + 30 * minute)
            try await week.comment(t4, author: agent, isPublic: false, at: friday4pm + 30 * minute)
            try await week.comment(t4, author: customer, isPublic: true, at: friday4pm + 40 * minute)
            try await week.comment(t3, author: agent, isPublic: true, at: monday9am + 10 * minute)
            try await week.status(t3, "open", "solved", at: monday9am + 10 * minute)
            try await week.status(t2, "solved", "open", at: monday9am + 30 * minute)
            try await week.comment(t1, author: agent, isPublic: true, at: monday9am + 60 * minute)
            try await week.status(t1, "new", "solved", at: monday9am + 60 * minute)
            try await week.comment(t2, author: agent, isPublic: false, at: monday9am + 60 * minute)
            try await week.status(t2, "open", "solved", at: monday9am + 60 * minute)
            try await db.raw("UPDATE tickets SET assignee_id = \(bind: agent) WHERE id IN (\(binds: [t1, t2, t3]))").run()
            return ids
        }
        try await refresh(app)
        return (ids[0], ids[1], ids[2], ids[3], lead)
    }

    @Test(arguments: TestDatabase.all)
    func ticketReportsOnAHandBuiltWeek(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let (t1, _, _, t4, lead) = try await Self.week(app)

            // first reply: 10, 30 and 120 business minutes (Friday 16–17 plus Monday 9–10 for the first ticket)
            let firstReply = try await lead.get("/api/v2/reports/first-reply-time?\(Self.range)")
            #expect(firstReply.status == .ok, "\(firstReply.text)")
            #expect(Self.figure(firstReply, "Tickets replied to")?.intValue == 3)
            #expect(Self.figure(firstReply, "Median") == .double(0.5), "30 minutes")
            #expect(Self.figure(firstReply, "90th percentile") == .double(2), "120 minutes, not the 18 hours of the weekend")
            #expect(Self.figure(firstReply, "Still waiting for a first reply")?.intValue == 1, "the internal note is not a reply")

            // resolution: 120 (first), 120 (second: creation to its last solve), 70 (third)
            let resolution = try await lead.get("/api/v2/reports/resolution-time?\(Self.range)")
            #expect(Self.figure(resolution, "Tickets solved")?.intValue == 3)
            #expect(Self.figure(resolution, "Median") == .double(2) && Self.figure(resolution, "90th percentile") == .double(2), "\(resolution.text)")
            let bands = resolution["report"]?["table"]?["rows"]?.arrayValue ?? []
            #expect(bands.first { $0.arrayValue?.first?.stringValue == "1–4 h" }?.arrayValue?[1].intValue == 3)

            // first-contact resolution: only the first ticket; one-touch includes the reopened one
            let fcr = try await lead.get("/api/v2/reports/first-contact-resolution?\(Self.range)")
            #expect(Self.figure(fcr, "Tickets solved")?.intValue == 3)
            #expect(Self.figure(fcr, "First-contact resolution") == .double(33.33), "\(fcr.text)")
            #expect(Self.figure(fcr, "One-touch") == .double(66.67))
            #expect(Self.figure(fcr, "Two-touch") == .double(33.33))

            let reopens = try await lead.get("/api/v2/reports/reopens?\(Self.range)")
            #expect(Self.figure(reopens, "Reopened")?.intValue == 1 && Self.figure(reopens, "Reopen rate") == .double(33.33), "\(reopens.text)")

            let volume = try await lead.get("/api/v2/reports/created-vs-solved?\(Self.range)")
            let days = volume["report"]?["table"]?["rows"]?.arrayValue ?? []
            #expect(days.count == 4)
            #expect(days.first?.arrayValue?.map { $0 } == [.string("2026-11-20"), .int(4), .int(0), .int(4)])
            #expect(days.last?.arrayValue?.map { $0 } == [.string("2026-11-23"), .int(0), .int(3), .int(-3)])

            let backlog = try await lead.get("/api/v2/reports/backlog")
            #expect(Self.figure(backlog, "Unsolved tickets")?.intValue == 1)
            let ages = backlog["report"]?["table"]?["rows"]?.arrayValue ?? []
            #expect(ages.first { $0.arrayValue?.first?.stringValue == "1–3 days" }?.arrayValue?.last?.intValue == 1, "\(backlog.text)")

            // filters narrow: tickets of another organization or tag are not counted
            let tagged = try await lead.get("/api/v2/reports/first-reply-time?\(Self.range)&tags=nothing-has-this")
            #expect(Self.figure(tagged, "Tickets replied to")?.intValue == 0)
            let byAgent = try await lead.get("/api/v2/reports/resolution-time?\(Self.range)&agent_id=\(app.agent.id)")
            #expect(Self.figure(byAgent, "Tickets solved")?.intValue == 3)
            let otherAgent = try await lead.get("/api/v2/reports/resolution-time?\(Self.range)&agent_id=\(lead.id)")
            #expect(Self.figure(otherAgent, "Tickets solved")?.intValue == 0)

            // a deleted ticket leaves the reports once the facts catch up
            #expect(try await lead.delete("/api/v2/tickets/\(t4)").status == .noContent)
            try await Self.refresh(app)
            #expect(Self.figure(try await lead.get("/api/v2/reports/backlog"), "Unsolved tickets")?.intValue == 0)
            _ = t1
        }
    }

    @Test(arguments: TestDatabase.all)
    func slaAchievementCountsEachTargetOnce(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let (t1, t2, t3, _, lead) = try await Self.week(app)
            let at = Self.friday4pm + Self.hour / 2
            // hand-built feed: t1 met; t2 breached then fulfilled; t3's breach was cancelled (deleted), then met
            try await app.database.write { db in
                for (ticket, type, deleted) in [(t1, "fulfill", false), (t2, "breach", false), (t2, "fulfill", false), (t3, "breach", true), (t3, "fulfill", false)] {
                    try await db.raw("""
                        INSERT INTO ticket_metric_events (ticket_id, metric, instance_id, type, time, deleted)
                        VALUES (\(bind: ticket), 'first_reply_time', 1, \(bind: type), \(bind: at), \(bind: deleted))
                        """).run()
                }
            }
            try await Self.refresh(app)
            try await Self.refresh(app)   // folding twice changes nothing
            let sla = try await lead.get("/api/v2/reports/sla-achievement?\(Self.range)")
            #expect(Self.figure(sla, "Targets measured")?.intValue == 3, "\(sla.text)")
            #expect(Self.figure(sla, "Breached")?.intValue == 1)
            #expect(Self.figure(sla, "Achievement") == .double(66.67))
        }
    }

    @Test(arguments: TestDatabase.all)
    func everyReportPageDrawsItsChart(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            _ = try await Self.week(app)
            let browser = try await app.signedIn("lara.lead@brightbeam.example")
            let index = try await browser.get("/agent/reports")
            #expect(index.status == .ok)
            for report in ReportCatalog.all {
                #expect(index.contains("href=\"/agent/reports/\(report.id)\""), "\(report.id) listed")
                let page = try await browser.get("/agent/reports/\(report.id)?\(Self.range)")
                #expect(page.status == .ok, "\(report.id): \(page.status)")
                #expect(page.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"report-chart\""), "\(report.id) draws its chart")
                #expect(page.contains("id=\"report-table\"") && page.contains("id=\"report-definitions\""), "\(report.id)")
                let csv = try await browser.get("/agent/reports/\(report.id)/csv?\(Self.range)")
                #expect(csv.status == .ok && csv.headers[.contentType]?.hasPrefix("text/csv") == true, "\(report.id) CSV")
                #expect(csv.html.hasSuffix("\r\n") && !csv.html.isEmpty)
                let svg = try await browser.get("/agent/reports/\(report.id)/chart.svg?\(Self.range)")
                #expect(svg.headers[.contentType]?.hasPrefix("image/svg+xml") == true && svg.html.hasSuffix("</svg>"))
            }
            let resolution = try await browser.get("/agent/reports/resolution-time?\(Self.range)")
            #expect(resolution.contains("<dd>2.0 h</dd>"), "the median on the page")
            let csv = try await browser.get("/agent/reports/first-contact-resolution/csv?\(Self.range)")
            #expect(csv.html.hasPrefix("kind,tickets,share\r\nSolved without a public reply,0,0.00\r\nOne touch, not reopened") == false, "quoted: it has a comma")
            #expect(csv.html.contains("\"One touch, not reopened (first-contact resolved)\",1,33.33\r\n"), "\(csv.html)")

            // a bad filter is named on the page and in the API
            let bad = try await browser.get("/agent/reports/backlog?from=2026-02-30")
            #expect(bad.status == .badRequest && bad.contains("from: 2026-02-30 is not a date"))
            let lead = try await app.person("Lee Lead", role: .lead)
            let api = try await lead.get("/api/v2/reports/reopens?from=2026-11-20&to=2026-11-01&priority=meh")
            #expect(api.status == .badRequest, "\(api.text)")
            #expect(api["details"]?["to"] != nil && api["details"]?["priority"] != nil, "\(api.text)")
            #expect(try await lead.get("/api/v2/reports/no-such-report").status == .notFound)
            let list = try await lead.get("/api/v2/reports")
            #expect(list["count"]?.intValue == ReportCatalog.all.count)
        }
    }

    @Test(arguments: TestDatabase.all)
    func reportsAreForLeadsAndAbove(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            #expect(try await app.agent.get("/api/v2/reports").status == .forbidden)
            #expect(try await app.agent.get("/api/v2/reports/backlog").status == .forbidden)
            #expect(try await app.endUserA.get("/api/v2/reports/backlog/csv").status == .forbidden)
            #expect(try await app.anonymous.get("/api/v2/reports").status == .unauthorized)
            let agentPage = try await app.signedIn(TestApp.agentEmail).get("/agent/reports/backlog")
            #expect(agentPage.status == .forbidden)
            #expect(try await app.admin.get("/api/v2/reports/backlog").status == .ok)
        }
    }

    @Test(arguments: TestDatabase.all)
    func theJobTakesASliceARun(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            try await BenchSeeder.seedTickets(app.database, count: TicketFactsRefresher.batch + 50, requesterID: app.endUserA.id,
                                              assigneeID: app.agent.id)
            let refresher = TicketFactsRefresher(database: app.database)
            let upTo = Timestamp.now + 1
            #expect(try await refresher.refresh(upTo: upTo, now: upTo, maxBatches: 1) == TicketFactsRefresher.batch)
            #expect(try await refresher.refresh(upTo: upTo, now: upTo, maxBatches: 1) == 50, "the next run goes on where the last stopped")
            let facts = try await app.database.read { db in
                try await db.raw("SELECT COUNT(*) AS n FROM ticket_facts").first()!.decode(column: "n", as: Int.self)
            }
            #expect(facts == TicketFactsRefresher.batch + 50)
        }
    }

    @Test(arguments: TestDatabase.all)
    func factsWaitForTheLagAndCatchUpLater(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let ticket = try await app.endUserA.createTicket(["subject": "Scanner offline", "comment": ["body": "Since noon."]])
            let refresher = TicketFactsRefresher(database: app.database)
            let now = app.clock.now
            #expect(try await refresher.refresh(upTo: now - TicketFactsRefresher.lagMillis, now: now) == 0, "too fresh: the next run takes it")
            app.clock.advance(minutes: 1)
            #expect(try await refresher.refresh(upTo: app.clock.now - TicketFactsRefresher.lagMillis, now: app.clock.now) == 1)
            #expect(try await refresher.refresh(upTo: app.clock.now - TicketFactsRefresher.lagMillis, now: app.clock.now) == 0, "not twice")
            try await Self.reply(app.agent, ticket, "On it", status: "pending", assignee: app.agent.id)
            app.clock.advance(minutes: 1)
            #expect(try await refresher.refresh(upTo: app.clock.now - TicketFactsRefresher.lagMillis, now: app.clock.now) == 1)
            let replies = try await app.database.read { db in
                try await db.raw("SELECT replies, status FROM ticket_facts WHERE ticket_id = \(bind: ticket)").first()
            }
            #expect(try replies?.decode(column: "replies", as: Int.self) == 1)
            #expect(try replies?.decode(column: "status", as: String.self) == "pending")
        }
    }
}

/// Tickets with a history at chosen instants, written as the ticket service writes them (audits, their events, comments).
struct HandBuiltHistory {
    let db: any SQLDatabase

    func ticket(_ subject: String, requester: Int, at: Int64) async throws -> Int {
        let id = try await db.raw("""
            INSERT INTO tickets (type, subject, description, status, priority, requester_id, submitter_id, via_channel, created_at, updated_at)
            VALUES ('question', \(bind: subject), 'Please help.', 'new', 'normal', \(bind: requester), \(bind: requester), 'web', \(bind: at), \(bind: at))
            RETURNING id
            """).first()!.decode(column: "id", as: Int.self)
        let audit = try await self.audit(id, author: requester, at: at)
        try await event(audit, type: "Create", field: "status", value: "new", previous: nil)
        try await commentRow(id, audit: audit, author: requester, isPublic: true, at: at)
        return id
    }

    func comment(_ ticket: Int, author: Int, isPublic: Bool, at: Int64) async throws {
        let audit = try await self.audit(ticket, author: author, at: at)
        try await commentRow(ticket, audit: audit, author: author, isPublic: isPublic, at: at)
        try await db.raw("UPDATE tickets SET updated_at = \(bind: at) WHERE id = \(bind: ticket)").run()
    }

    func status(_ ticket: Int, _ from: String, _ to: String, at: Int64) async throws {
        let audit = try await self.audit(ticket, author: 0, at: at)
        try await event(audit, type: "Change", field: "status", value: to, previous: from)
        let solved: Int64? = to == "solved" ? at : nil
        try await db.raw("""
            UPDATE tickets SET status = \(bind: to), updated_at = \(bind: at), solved_at = \(bind: solved) WHERE id = \(bind: ticket)
            """).run()
    }

    private func audit(_ ticket: Int, author: Int, at: Int64) async throws -> Int {
        let authorID = author == 0
            ? try await db.raw("SELECT assignee_id, requester_id FROM tickets WHERE id = \(bind: ticket)").first()!.decode(column: "requester_id", as: Int.self)
            : author
        return try await db.raw("""
            INSERT INTO audits (ticket_id, author_id, via_channel, created_at) VALUES (\(bind: ticket), \(bind: authorID), 'web', \(bind: at)) RETURNING id
            """).first()!.decode(column: "id", as: Int.self)
    }

    private func event(_ audit: Int, type: String, field: String?, value: String?, previous: String?, comment: Int? = nil) async throws {
        try await db.raw("""
            INSERT INTO audit_events (audit_id, type, field_name, value, previous_value, comment_id)
            VALUES (\(bind: audit), \(bind: type), \(bind: field), \(bind: value.map { "\"\($0)\"" }), \(bind: previous.map { "\"\($0)\"" }), \(bind: comment))
            """).run()
    }

    private func commentRow(_ ticket: Int, audit: Int, author: Int, isPublic: Bool, at: Int64) async throws {
        let id = try await db.raw("""
            INSERT INTO comments (ticket_id, audit_id, author_id, public, body, html_body, via_channel, created_at)
            VALUES (\(bind: ticket), \(bind: audit), \(bind: author), \(bind: isPublic), 'text', '<p>text</p>', 'web', \(bind: at)) RETURNING id
            """).first()!.decode(column: "id", as: Int.self)
        try await event(audit, type: "Comment", field: nil, value: nil, previous: nil, comment: id)
    }
}
