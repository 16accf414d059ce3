import CasebookCore
import Foundation
import Logging
import SQLKit

/// `casebook bench reports`: a year of history at 1,000,000 tickets, generated in the database with set-based SQL
/// (tickets, their report facts, tags, SLA metric events, a public reply each, and the tables other reports read),
/// then every report of `ReportCatalog` run repeatedly with the filters a lead uses: the whole year, the last 30
/// days, one group, one agent, a tag.
public enum ReportsBench {
    public struct Timing: Sendable {
        public var report: String
        public var runs: Int
        public var p50: Double
        public var p95: Double
        public var max: Double
    }

    public struct Figures: Sendable {
        public var tickets: Int
        public var seedSeconds: Double
        public var timings: [Timing]
    }

    static let yearMillis: Int64 = 365 * 86_400_000
    static let agents = 200
    static let customers = 50_000
    static let groups = 20

    public static func run(database: Database, tickets: Int, rounds: Int, except: Set<String> = [], logger: Logger, say: @escaping (String) -> Void) async throws -> Figures {
        let clock = ContinuousClock()
        let seedStart = clock.now
        let now = ReportFilter.floorDay(Timestamp.now)
        let start = now - yearMillis
        say("seeding \(tickets) tickets over one year…")
        do {
            try await ReportsBenchSeed(database: database, tickets: tickets, start: start, end: now, say: say).seed()
        } catch {
            say("seeding failed: \(String(reflecting: error))")
            throw error
        }
        say("folding the SLA outcomes…")
        try await SLAOutcomeRefresher(database: database).refresh()
        let classifyStart = clock.now
        try await LoyaltyFacts.classifyAllDue(database, now: now)
        say("classified every solved ticket's loyalty outcome (as the reports job does) in \(Int((clock.now - classifyStart) / .milliseconds(1))) ms")
        // The statistics a live desk has: on SQLite what the hourly `storage.optimize` job leaves (a sampled
        // ANALYZE of the tables that need it), on PostgreSQL what autovacuum's ANALYZE does.
        say("analyzing as the live desk does…")
        let analyseStart = clock.now
        if database.engine == .sqlite {
            let tables = try await database.optimize().count
            say("PRAGMA optimize analysed \(tables) tables in \(Int((clock.now - analyseStart) / .milliseconds(1))) ms")
        } else {
            try await database.refreshStatistics()
        }
        let seedSeconds = (clock.now - seedStart) / .seconds(1)
        say("seeded in \(Int(seedSeconds)) s")

        let groupID = try await database.read { db in
            try await db.raw("SELECT MIN(id) AS id FROM groups").first()?.decode(column: "id", as: Int?.self) ?? 1
        }
        let agentID = try await database.read { db in
            try await db.raw("SELECT MIN(assignee_id) AS id FROM ticket_facts").first()?.decode(column: "id", as: Int?.self) ?? 1
        }
        let year = ReportFilter(start: start + ReportFilter.dayMillis, end: now + ReportFilter.dayMillis)
        var month = ReportFilter.lastDays(30, now: now)
        month.end = now + ReportFilter.dayMillis
        var group = year
        group.groupIDs = [groupID]
        var agent = year
        agent.agentIDs = [agentID]
        var tagged = year
        tagged.tags = ["vip"]
        let filters = [year, month, group, agent, tagged]
        var timings: [Timing] = []
        let engine = database.engine
        let verbose = ProcessInfo.processInfo.environment["CASEBOOK_BENCH_VERBOSE"] != nil
        let names = ["year", "30 days", "group", "agent", "tag"]
        for report in ReportCatalog.all where !except.contains(report.id) {
            var samples: [Double] = []
            for round in 0..<(rounds + 1) {
                for (f, filter) in filters.enumerated() {
                    let t0 = clock.now
                    _ = try await database.read { db in try await report.run(filter, ReportContext(db: db, engine: engine, now: now)) }
                    let ms = (clock.now - t0) / .milliseconds(1)
                    if round > 0 { samples.append(ms) }   // the first round warms the caches
                    if verbose, round > 0 { say("  \(report.id) \(names[f]): \(Int(ms)) ms") }
                }
            }
            samples.sort()
            func pct(_ p: Double) -> Double { samples[min(samples.count - 1, Int((Double(samples.count) * p).rounded(.up)) - 1)] }
            let timing = Timing(report: report.id, runs: samples.count, p50: pct(0.5), p95: pct(0.95), max: samples.last ?? 0)
            say("\(report.id): p50 \(Int(timing.p50)) ms, p95 \(Int(timing.p95)) ms, max \(Int(timing.max)) ms")
            timings.append(timing)
        }
        return Figures(tickets: tickets, seedSeconds: seedSeconds, timings: timings)
    }
}

/// Generates the bench's year with INSERT … SELECT over a number series (a recursive CTE on SQLite,
/// `generate_series` on PostgreSQL), in chunks, so a million tickets take seconds rather than a million statements.
struct ReportsBenchSeed {
    let database: Database
    let tickets: Int
    let start: Int64
    let end: Int64
    let say: (String) -> Void

    static let chunk = 100_000

    /// `INSERT … SELECT` over `i` in `from..<to`.
    func series(_ from: Int, _ to: Int, _ insert: String, _ select: String, where condition: String = "1 = 1") -> String {
        if database.engine == .postgres {
            return "\(insert) SELECT \(select) FROM generate_series(CAST(\(from) AS BIGINT), CAST(\(to - 1) AS BIGINT)) AS seq(i) WHERE \(condition)"
        }
        return "WITH RECURSIVE seq(i) AS (SELECT \(from) UNION ALL SELECT i + 1 FROM seq WHERE i < \(to - 1)) \(insert) SELECT \(select) FROM seq WHERE \(condition)"
    }

    func inChunks(_ what: String, _ statements: (Int, Int) -> [String]) async throws {
        try await rows(tickets, what, statements)
    }

    func seed() async throws {
        let now = end
        // People and groups: a customer, 200 agents in 20 groups.
        var agentIDs: [Int] = []
        for a in 0..<ReportsBench.agents {
            agentIDs.append(try await Accounts.create(database: database, email: "bench-agent-\(a)@casebook.local", name: "Bench Agent \(a)",
                                                      role: .agent, password: nil, bcryptCost: 4).userID)
        }
        let firstAgent = agentIDs.min()!
        let customers = series(0, ReportsBench.customers, "INSERT INTO users (name, email, role, created_at, updated_at)",
                               "'Customer ' || i, 'customer' || i || '@bench.example', 'end-user', \(start), \(start)")
        try await database.write { db in try await db.raw(SQLQueryString(customers)).run() }
        let firstCustomer = try await database.read { db in
            try await db.raw("SELECT MIN(id) AS id FROM users WHERE role = 'end-user' AND email LIKE 'customer%'").first()!.decode(column: "id", as: Int.self)
        }
        let customer = "(\(firstCustomer) + (i * 7) % \(ReportsBench.customers))"
        try await database.write { db in
            for g in 0..<ReportsBench.groups {
                try await db.raw("""
                    INSERT INTO groups (name, name_key, description, created_at, updated_at)
                    VALUES (\(bind: "Bench group \(g)"), \(bind: "bench group \(g)"), '', \(bind: now), \(bind: now))
                    """).run()
            }
        }
        let firstGroup = try await database.read { db in
            try await db.raw("SELECT MIN(id) AS id FROM groups").first()!.decode(column: "id", as: Int.self)
        }
        // Business minutes → bucket, as a table the inserts join.
        try await database.write { db in
            try await db.raw("CREATE TABLE bench_buckets (minutes INTEGER PRIMARY KEY, bucket INTEGER NOT NULL)").run()
            var m = 0
            while m < 30_000 {
                var q = SQLQueryString("INSERT INTO bench_buckets (minutes, bucket) VALUES ")
                for k in m..<min(30_000, m + 1000) {
                    if k > m { q.appendLiteral(", ") }
                    q.appendInterpolation("(\(bind: k), \(bind: DurationBuckets.bucket(minutes: k)))" as SQLQueryString)
                }
                try await db.raw(q).run()
                m += 1000
            }
        }
        let span = end - start
        let n = Int64(tickets)
        let created = "(\(start) + (i * \(span)) / \(n))"
        let status = "CASE WHEN i % 50 = 9 THEN 'new' WHEN i % 10 = 8 THEN 'open' WHEN i % 10 = 9 THEN 'pending' ELSE 'solved' END"
        let solved = "(i % 10 < 8 AND i % 50 <> 9)"
        let firstReply = "((i * 7919) % 2000 + 1)"
        let resolution = "((i * 7919) % 2000 + 1 + (i * 104729) % 20000)"
        let bool = { (b: Bool) in database.engine == .postgres ? (b ? "TRUE" : "FALSE") : (b ? "1" : "0") }
        try await inChunks("tickets") { from, to in
            [series(from, to, """
                INSERT INTO tickets (id, type, subject, description, status, priority, requester_id, submitter_id, assignee_id,
                    via_channel, created_at, updated_at, solved_at)
                """, """
                i + 1, 'question', 'Bench ticket', 'Seeded for the reports benchmark', \(status),
                CASE i % 5 WHEN 0 THEN 'low' WHEN 4 THEN 'urgent' WHEN 3 THEN 'high' ELSE 'normal' END,
                \(customer), \(customer), \(firstAgent) + i % \(ReportsBench.agents),
                CASE i % 4 WHEN 0 THEN 'email' WHEN 1 THEN 'web' WHEN 2 THEN 'api' ELSE 'voice' END,
                \(created), \(created), CASE WHEN \(solved) THEN \(created) + \(resolution) * 120000 ELSE NULL END
                """)]
        }
        try await inChunks("report facts") { from, to in
            [series(from, to, "INSERT INTO ticket_facts (\(TicketFactsWriter.columns))", """
                i + 1, \(created), \(status), \(firstGroup) + i % \(ReportsBench.groups), \(firstAgent) + i % \(ReportsBench.agents),
                1 + i % 5000, CASE i % 4 WHEN 0 THEN 'email' WHEN 1 THEN 'web' WHEN 2 THEN 'api' ELSE 'voice' END,
                CASE i % 5 WHEN 0 THEN 'low' WHEN 4 THEN 'urgent' WHEN 3 THEN 'high' ELSE 'normal' END, 'question',
                CASE WHEN i % 20 = 19 THEN NULL ELSE \(created) + \(firstReply) * 90000 END,
                CASE WHEN i % 20 = 19 THEN NULL ELSE \(firstReply) END,
                CASE WHEN i % 20 = 19 THEN NULL ELSE (SELECT bucket FROM bench_buckets WHERE minutes = \(firstReply)) END,
                CASE WHEN \(solved) THEN \(created) + \(resolution) * 120000 ELSE NULL END,
                CASE WHEN \(solved) THEN \(resolution) ELSE NULL END,
                CASE WHEN \(solved) THEN (SELECT bucket FROM bench_buckets WHERE minutes = \(resolution)) ELSE NULL END,
                CASE WHEN i % 20 = 19 THEN 0 ELSE 1 + (i * 31) % 4 END, CASE WHEN i % 13 = 0 THEN 1 ELSE 0 END, \(now)
                """)]
        }
        try await seedLoyaltyFacts(firstAgent: firstAgent, firstGroup: firstGroup, created: created, solved: solved,
                                   resolution: resolution, customer: customer)
        try await inChunks("tags") { from, to in
            [series(from, to, "INSERT INTO ticket_tags (ticket_id, tag, position)", "i + 1, 'billing', 0", where: "i % 3 = 0"),
             series(from, to, "INSERT INTO ticket_tags (ticket_id, tag, position)", "i + 1, 'vip', 1", where: "i % 30 = 0")]
        }
        try await inChunks("SLA metric events") { from, to in
            [series(from, to, "INSERT INTO ticket_metric_events (ticket_id, metric, instance_id, type, time, deleted)",
                    "i + 1, 'first_reply_time', 1, 'fulfill', \(created) + \(firstReply) * 90000, \(bool(false))", where: "i % 20 <> 19"),
             series(from, to, "INSERT INTO ticket_metric_events (ticket_id, metric, instance_id, type, time, deleted)",
                    "i + 1, 'first_reply_time', 1, 'breach', \(created) + 3600000, \(bool(false))", where: "i % 10 = 3"),
             series(from, to, "INSERT INTO ticket_metric_events (ticket_id, metric, instance_id, type, time, deleted)",
                    "i + 1, 'full_resolution_time', 1, 'fulfill', \(created) + \(resolution) * 120000, \(bool(false))", where: solved)]
        }
        try await inChunks("a public reply per ticket (audits, events, comments)") { from, to in
            [series(from, to, "INSERT INTO audits (id, ticket_id, author_id, via_channel, created_at)",
                    "i + 1, i + 1, \(firstAgent) + i % \(ReportsBench.agents), 'web', \(created) + \(firstReply) * 90000", where: "i % 20 <> 19"),
             series(from, to, "INSERT INTO comments (id, ticket_id, audit_id, author_id, public, body, html_body, via_channel, created_at)",
                    "i + 1, i + 1, i + 1, \(firstAgent) + i % \(ReportsBench.agents), \(bool(true)), 'Reply', '<p>Reply</p>', 'web', \(created) + \(firstReply) * 90000",
                    where: "i % 20 <> 19"),
             series(from, to, "INSERT INTO audit_events (audit_id, type, comment_id)", "i + 1, 'Comment', i + 1", where: "i % 20 <> 19")]
        }
        if database.engine == .postgres {
            try await database.write { db in
                for table in ["tickets", "audits", "comments"] {
                    try await db.raw(SQLQueryString("SELECT setval(pg_get_serial_sequence('\(table)', 'id'), (SELECT MAX(id) FROM \(table)))")).run()
                }
            }
        }
        try await seedOrdersAndSatisfaction(firstAgent: firstAgent, firstGroup: firstGroup, firstCustomer: firstCustomer,
                                            created: created, solved: solved, resolution: resolution, customer: customer)
        try await seedOperations(firstAgent: firstAgent)
        try await database.write { db in try await db.raw("DROP TABLE bench_buckets").run() }
    }
}
