import CasebookCore
import Foundation
import SQLKit
import Testing
@testable import CasebookServer

/// The operational reports (backorders, fulfilment errors, decisions, workload) on a small hand-built week: every
/// number checked against what the rows say, on both engines. Presence goes through `PresenceStore` (so the history
/// it now writes is what the report reads); orders, queue history, errors, decisions and tickets are inserted with
/// their times, as history spread over days cannot be made otherwise.
@Suite("Operational reports")
struct OpsReportTests {
    static let hour: Int64 = 3_600_000
    static let day: Int64 = 86_400_000
    /// Monday 2 March 2026, 00:00 UTC: the range is that week.
    static let d0 = ReportFilter.parseDay("2026-03-02")!
    static var week: ReportFilter { ReportFilter(start: d0, end: d0 + 7 * day) }
    static var now: Int64 { d0 + 10 * day }

    struct Fixture {
        var ada = 0, ben = 0, cy = 0, di = 0, customer = 0, group = 0
    }

    @discardableResult
    static func insert(_ db: any SQLDatabase, _ sql: SQLQueryString) async throws -> Int {
        var query = sql
        query.appendLiteral(" RETURNING id")
        return try await db.raw(query).first()!.decode(column: "id", as: Int.self)
    }

    static func person(_ db: any SQLDatabase, _ name: String, _ role: String) async throws -> Int {
        try await insert(db, """
            INSERT INTO users (name, email, role, created_at, updated_at)
            VALUES (\(bind: name), \(bind: name.lowercased().replacingOccurrences(of: " ", with: ".") + "@example.com"), \(bind: role),
                    \(bind: d0 - 30 * day), \(bind: d0 - 30 * day))
            """)
    }

    static func ticket(_ db: any SQLDatabase, _ f: Fixture, assignee: Int, status: String, group: Int? = nil,
                       solvedAt: Int64? = nil, deleted: Bool = false) async throws -> Int {
        let created = d0 - 5 * day
        return try await insert(db, """
            INSERT INTO tickets (subject, description, status, priority, requester_id, submitter_id, assignee_id, group_id, via_channel,
                                 created_at, updated_at, solved_at, deleted_at)
            VALUES ('Help', 'Help', \(bind: status), 'normal', \(bind: f.customer), \(bind: f.customer), \(bind: assignee), \(bind: group), 'web',
                    \(bind: created), \(bind: created), \(bind: solvedAt), \(bind: deleted ? created : nil))
            """)
    }

    static func comment(_ db: any SQLDatabase, ticket: Int, author: Int, public isPublic: Bool, at: Int64) async throws {
        let audit = try await insert(db, """
            INSERT INTO audits (ticket_id, author_id, via_channel, created_at) VALUES (\(bind: ticket), \(bind: author), 'web', \(bind: at))
            """)
        try await insert(db, """
            INSERT INTO comments (ticket_id, audit_id, author_id, public, body, html_body, via_channel, created_at)
            VALUES (\(bind: ticket), \(bind: audit), \(bind: author), \(bind: isPublic), 'text', '<p>text</p>', 'web', \(bind: at))
            """)
    }

    /// A backorder entry for a line of its own; `allocatedAfter` adds the allocation's shipment that many ms later.
    static func entry(_ db: any SQLDatabase, _ f: Fixture, at: Int64, status: String = "allocated", lineStatus: String = "allocated",
                      allocatedAfter: Int64? = nil) async throws -> Int {
        let order = try await insert(db, """
            INSERT INTO orders (customer_id, currency, created_at, updated_at) VALUES (\(bind: f.customer), 'EUR', \(bind: at), \(bind: at))
            """)
        let line = try await insert(db, """
            INSERT INTO order_lines (order_id, sku, quantity, price_minor, status) VALUES (\(bind: order), 'LAMP-1', 1, 1000, \(bind: lineStatus))
            """)
        let id = try await insert(db, """
            INSERT INTO backorder_entries (order_id, line_id, customer_id, sku, quantity, position, preference, captured_at, status, created_at)
            VALUES (\(bind: order), \(bind: line), \(bind: f.customer), 'LAMP-1', 1, \(bind: Double(at)), 'wait', \(bind: at), \(bind: status), \(bind: at))
            """)
        if let allocatedAfter {
            let shipment = try await insert(db, """
                INSERT INTO shipments (order_id, status, created_at) VALUES (\(bind: order), 'ready', \(bind: at + allocatedAfter))
                """)
            try await db.raw("""
                INSERT INTO shipment_lines (shipment_id, line_id, sku, quantity) VALUES (\(bind: shipment), \(bind: line), 'LAMP-1', 1)
                """).run()
        }
        return id
    }

    static func move(_ db: any SQLDatabase, entry: Int, from: Int, to: Int, by actor: Int, at: Int64) async throws {
        try await insert(db, """
            INSERT INTO backorder_moves (entry_id, from_index, to_index, reason, actor_id, created_at)
            VALUES (\(bind: entry), \(bind: from), \(bind: to), 'goodwill', \(bind: actor), \(bind: at))
            """)
    }

    static func seed(_ database: Database) async throws -> (Fixture, ticket1: Int) {
        try await database.write { db in
            var f = Fixture()
            f.ada = try await person(db, "Ada Lead", "lead")
            f.ben = try await person(db, "Ben Lead", "lead")
            f.cy = try await person(db, "Cy Agent", "agent")
            f.di = try await person(db, "Di Agent", "agent")
            f.customer = try await person(db, "Eve Customer", "end-user")
            f.group = try await insert(db, """
                INSERT INTO groups (name, name_key, created_at, updated_at) VALUES ('Hardware', 'hardware', \(bind: d0), \(bind: d0))
                """)
            try await db.raw("""
                INSERT INTO group_memberships (user_id, group_id, created_at) VALUES (\(bind: f.cy), \(bind: f.group), \(bind: d0))
                """).run()

            // Tickets: Cy holds one open (in Hardware) and one pending, solved one in the week; Di holds one on hold,
            // solved one before the week, and a deleted one does not count.
            let t1 = try await ticket(db, f, assignee: f.cy, status: "open", group: f.group)
            let t2 = try await ticket(db, f, assignee: f.cy, status: "pending")
            _ = try await ticket(db, f, assignee: f.cy, status: "solved", group: f.group, solvedAt: d0 + day)
            let t4 = try await ticket(db, f, assignee: f.di, status: "hold")
            _ = try await ticket(db, f, assignee: f.di, status: "solved", solvedAt: d0 - 2 * day)
            _ = try await ticket(db, f, assignee: f.di, status: "open", deleted: true)
            try await comment(db, ticket: t1, author: f.cy, public: true, at: d0 + hour)
            try await comment(db, ticket: t1, author: f.cy, public: false, at: d0 + 2 * hour)
            try await comment(db, ticket: t2, author: f.cy, public: true, at: d0 + 3 * hour)
            try await comment(db, ticket: t4, author: f.di, public: false, at: d0 + day)
            try await comment(db, ticket: t4, author: f.di, public: true, at: d0 + 8 * day)  // after the week
            try await comment(db, ticket: t1, author: f.customer, public: true, at: d0 + 4 * hour)  // not staff

            // Backorders: five allocated in the week after 10, 30, 50 and 50.5 hours and (partly) 2 hours; one waiting,
            // one cancelled, one refunded; one that joined before the week does not count.
            _ = try await entry(db, f, at: d0 + hour, allocatedAfter: 10 * hour)
            _ = try await entry(db, f, at: d0 + 2 * hour, allocatedAfter: 30 * hour)
            _ = try await entry(db, f, at: d0 + 3 * hour, allocatedAfter: 50 * hour)
            _ = try await entry(db, f, at: d0 + 4 * hour, allocatedAfter: 50 * hour + hour / 2)
            let waiting = try await entry(db, f, at: d0 + 5 * hour, status: "waiting", lineStatus: "backordered")
            _ = try await entry(db, f, at: d0 + 6 * hour, status: "cancelled", lineStatus: "cancelled")
            _ = try await entry(db, f, at: d0 + 7 * hour, status: "cancelled", lineStatus: "refunded")
            _ = try await entry(db, f, at: d0 - day, allocatedAfter: 26 * hour)
            let partly = try await entry(db, f, at: d0 + 8 * hour, status: "waiting", lineStatus: "backordered", allocatedAfter: 2 * hour)
            // Ada moves two entries up two places each, Ben one down three places; Ben's later move is after the week
            // and a move to the same place is no move.
            try await move(db, entry: waiting, from: 3, to: 1, by: f.ada, at: d0 + day)
            try await move(db, entry: partly, from: 2, to: 0, by: f.ada, at: d0 + 2 * day)
            try await move(db, entry: waiting, from: 1, to: 4, by: f.ben, at: d0 + 3 * day)
            try await move(db, entry: waiting, from: 4, to: 0, by: f.ben, at: d0 + 8 * day)
            try await move(db, entry: waiting, from: 4, to: 4, by: f.ada, at: d0 + 4 * day)

            // Fulfilment errors: "Bins swapped" twice as a wrong item (spelt two ways) and once as damage, one damage
            // in transit; one on the first day after the week does not count.
            let order = try await insert(db, """
                INSERT INTO orders (customer_id, currency, created_at, updated_at) VALUES (\(bind: f.customer), 'EUR', \(bind: d0), \(bind: d0))
                """)
            let line = try await insert(db, """
                INSERT INTO order_lines (order_id, sku, quantity, price_minor, status) VALUES (\(bind: order), 'LAMP-1', 2, 1000, 'shipped')
                """)
            let replacement = try await insert(db, """
                INSERT INTO shipments (order_id, status, expedited, created_at) VALUES (\(bind: order), 'ready', \(bind: true), \(bind: d0 + hour))
                """)
            let refund = try await insert(db, """
                INSERT INTO refunds (order_id, kind, amount_minor, currency, reason, status, requested_by_id, created_at)
                VALUES (\(bind: order), 'partial', 1000, 'EUR', 'damaged', 'given', \(bind: f.cy), \(bind: d0 + 2 * day))
                """)
            func error(_ kind: String, _ cause: String, by: Int, at: Int64, ticket: Int? = nil, shipment: Int? = nil, refund: Int? = nil) async throws {
                try await insert(db, """
                    INSERT INTO fulfilment_errors (order_id, line_id, kind, station, root_cause, recorded_by_id, ticket_id,
                                                   replacement_shipment_id, refund_id, created_at)
                    VALUES (\(bind: order), \(bind: line), \(bind: kind), 'Station 1', \(bind: cause), \(bind: by), \(bind: ticket),
                            \(bind: shipment), \(bind: refund), \(bind: at))
                    """)
            }
            try await error("wrongItem", "Bins swapped", by: f.cy, at: d0 + hour, ticket: t1, shipment: replacement)
            try await error("wrongItem", " bins SWAPPED ", by: f.di, at: d0 + day + 2 * hour)
            try await error("damaged", "Bins swapped", by: f.cy, at: d0 + day + 3 * hour)
            try await error("damaged", "Crushed in transit", by: f.cy, at: d0 + 2 * day, refund: refund)
            try await error("missing", "Short pick", by: f.cy, at: d0 + 7 * day)

            // Decisions: three checklist overrides (two found no fault later), an approval above a limit, an exclusion
            // override; one exception before the week does not count.
            func decision(_ kind: String, _ rule: String, outcome: String?, by: Int, at: Int64, ticket: Int? = nil) async throws {
                try await insert(db, """
                    INSERT INTO decisions (kind, rule, what, reason, outcome, ticket_id, decided_by_id, created_at)
                    VALUES (\(bind: kind), \(bind: rule), 'what', 'why', \(bind: outcome), \(bind: ticket), \(bind: by), \(bind: at))
                    """)
            }
            try await decision("policy_override", "rma.checklist", outcome: "no_fault_found", by: f.ada, at: d0 + hour, ticket: t1)
            try await decision("policy_override", "rma.checklist", outcome: nil, by: f.ada, at: d0 + 2 * hour)
            try await decision("policy_override", "rma.checklist", outcome: "no_fault_found", by: f.ben, at: d0 + 3 * hour)
            try await decision("approval_above_limit", "rma.approval", outcome: "fault_confirmed", by: f.ben, at: d0 + day)
            try await decision("exclusion_override", "routing.exclusion", outcome: nil, by: f.ben, at: d0 + 2 * day)
            try await decision("exception", "rma.checklist", outcome: nil, by: f.ada, at: d0 - hour)

            // Presence, through the store: Cy online from two hours before the week, idle-away at 03:00, back by
            // activity at 04:00 (setting online again at 05:00 changes nothing), offline at 10:00; online again two
            // hours before the week ends until five hours after. Di sets away on the second day and stays away.
            let presence = PresenceStore(db: db)
            try await presence.set(userID: f.cy, status: .online, backAt: nil, note: "", now: d0 - 2 * hour)
            #expect(try await presence.markIdleAway(idleBefore: d0 + 2 * hour, now: d0 + 3 * hour) == [f.cy])
            #expect(try await presence.touch(userID: f.cy, now: d0 + 4 * hour))
            try await presence.set(userID: f.cy, status: .online, backAt: nil, note: "", now: d0 + 5 * hour)
            try await presence.set(userID: f.cy, status: .offline, backAt: nil, note: "", now: d0 + 10 * hour)
            try await presence.set(userID: f.cy, status: .online, backAt: nil, note: "", now: d0 + 7 * day - 2 * hour)
            try await presence.set(userID: f.cy, status: .offline, backAt: nil, note: "", now: d0 + 7 * day + 5 * hour)
            try await presence.set(userID: f.di, status: .away, backAt: nil, note: "", now: d0 + day)
            return (f, t1)
        }
    }

    static func run(_ report: some ReportDefinition, _ filter: ReportFilter, _ database: Database, now: Int64 = now) async throws -> ReportOutput {
        try await database.read { db in try await report.run(filter, ReportContext(db: db, engine: database.engine, now: now)) }
    }

    static func figure(_ output: ReportOutput, _ label: String) -> ReportCell? {
        output.summary.first { $0.label == label }?.value
    }

    static func seeded(_ db: TestDatabase, _ body: (Database, Fixture) async throws -> Void) async throws {
        try await db.withFreshDatabase { database in
            let (f, _) = try await seed(database)
            try await TicketFactsRefresher(database: database).refresh(upTo: now, now: now)
            try await body(database, f)
        }
    }

    @Test(arguments: TestDatabase.all)
    func backorderWaitingAndMoves(db: TestDatabase) async throws {
        try await Self.seeded(db) { database, f in
            let out = try await Self.run(BackorderReport(), Self.week, database)
            #expect(Self.figure(out, "Joined a queue") == .count(8))
            #expect(Self.figure(out, "Allocated") == .count(5))
            // Waits 2, 10, 30, 50, 50.5 h: the median is rank 3, the 90th percentile rank 5 (the second of the 50-hour bucket).
            #expect(Self.figure(out, "Median wait") == .hours(30))
            #expect(Self.figure(out, "90th percentile wait") == .hours(50.5))
            #expect(Self.figure(out, "Still waiting") == .count(2))
            #expect(Self.figure(out, "Cancelled while waiting") == .count(1))
            #expect(Self.figure(out, "Refunded while waiting") == .count(1))
            #expect(Self.figure(out, "Moves up") == .count(2))
            #expect(Self.figure(out, "Moves down") == .count(1))
            #expect(out.table.rows == [
                [.text("Ada Lead"), .count(2), .count(4), .count(0), .count(0)],
                [.text("Ben Lead"), .count(0), .count(0), .count(1), .count(3)],
            ])
            #expect(out.chart.categories == ["Ada Lead", "Ben Lead"])
            #expect(out.chart.series == [.init("Up", [2, 0]), .init("Down", [0, 1])])
            #expect(out.table.csv.hasPrefix("person,moves_up,places_up,moves_down,places_down\r\nAda Lead,2,4,0,0\r\n"))
            #expect(out.definitions.count >= out.summary.count)

            // The agent filter narrows the moves to Ben's; the waits do not depend on it.
            var ben = Self.week
            ben.agentIDs = [f.ben]
            let narrowed = try await Self.run(BackorderReport(), ben, database)
            #expect(narrowed.table.rows == [[.text("Ben Lead"), .count(0), .count(0), .count(1), .count(3)]])
            #expect(Self.figure(narrowed, "Median wait") == .hours(30))

            // A week with nothing in it.
            let empty = try await Self.run(BackorderReport(), ReportFilter(start: Self.d0 + 20 * Self.day, end: Self.d0 + 21 * Self.day), database)
            #expect(Self.figure(empty, "Allocated") == .count(0))
            #expect(Self.figure(empty, "Median wait") == .hours(nil))
            #expect(empty.table.rows.isEmpty)
        }
    }

    @Test(arguments: TestDatabase.all)
    func fulfilmentErrorsByCause(db: TestDatabase) async throws {
        try await Self.seeded(db) { database, f in
            let out = try await Self.run(FulfilmentErrorsReport(), Self.week, database)
            #expect(Self.figure(out, "Errors") == .count(4))
            #expect(Self.figure(out, "Wrong item") == .count(2))
            #expect(Self.figure(out, "Damaged") == .count(2))
            #expect(Self.figure(out, "Missing") == .count(0))
            #expect(Self.figure(out, "Causes") == .count(2))
            #expect(Self.figure(out, "With a replacement") == .count(1))
            #expect(Self.figure(out, "With a refund") == .count(1))
            #expect(out.table.rows.count == 3)
            // The two spellings of "bins swapped" are one cause (the engine's collation picks which spelling is shown).
            if out.table.rows.count == 3 {
                if case .text(let shown) = out.table.rows[0][0] { #expect(shown.lowercased() == "bins swapped") }
                #expect(Array(out.table.rows[0][1...]) == [.text("Wrong item"), .count(2), .percent(50), .count(1), .count(0)])
                #expect(out.table.rows[1] == [.text("Bins swapped"), .text("Damaged"), .count(1), .percent(25), .count(0), .count(0)])
                #expect(out.table.rows[2] == [.text("Crushed in transit"), .text("Damaged"), .count(1), .percent(25), .count(0), .count(1)])
            }
            #expect(out.chart.kind == .lines)
            #expect(out.chart.categories.count == 7 && out.chart.categories.first == "2026-03-02")
            #expect(out.chart.series == [
                .init("Wrong item", [1, 1, 0, 0, 0, 0, 0]), .init("Damaged", [0, 1, 1, 0, 0, 0, 0]), .init("Missing", [0, 0, 0, 0, 0, 0, 0]),
            ])

            // The agent filter keeps the errors Di recorded; the group filter those on Hardware tickets.
            var di = Self.week
            di.agentIDs = [f.di]
            #expect(Self.figure(try await Self.run(FulfilmentErrorsReport(), di, database), "Errors") == .count(1))
            var hardware = Self.week
            hardware.groupIDs = [f.group]
            let grouped = try await Self.run(FulfilmentErrorsReport(), hardware, database)
            #expect(Self.figure(grouped, "Errors") == .count(1))
            #expect(Self.figure(grouped, "With a replacement") == .count(1))
        }
    }

    @Test(arguments: TestDatabase.all)
    func decisionsByRule(db: TestDatabase) async throws {
        try await Self.seeded(db) { database, f in
            let out = try await Self.run(DecisionReport(), Self.week, database)
            #expect(Self.figure(out, "Decisions") == .count(5))
            #expect(Self.figure(out, "Overrides") == .count(4))
            #expect(Self.figure(out, "Override share") == .percent(80))
            #expect(Self.figure(out, "Outcome known") == .count(3))
            #expect(Self.figure(out, "Outcome: no fault found") == .count(2))
            #expect(Self.figure(out, "Outcome: fault confirmed") == .count(1))
            #expect(out.table.rows == [
                [.text("rma.checklist"), .text("Policy override"), .count(3), .count(3), .count(2), .text("no fault found: 2")],
                [.text("rma.approval"), .text("Approval above limit"), .count(1), .count(0), .count(1), .text("fault confirmed: 1")],
                [.text("routing.exclusion"), .text("Exclusion override"), .count(1), .count(1), .count(0), .text("")],
            ])
            #expect(out.chart.kind == .stacked)
            #expect(out.chart.categories == ["rma.approval", "rma.checklist", "routing.exclusion"])
            #expect(out.chart.series == [
                .init("Policy override", [0, 3, 0]), .init("Approval above limit", [1, 0, 0]), .init("Exclusion override", [0, 0, 1]),
            ])

            var ben = Self.week
            ben.agentIDs = [f.ben]
            let byBen = try await Self.run(DecisionReport(), ben, database)
            #expect(Self.figure(byBen, "Decisions") == .count(3))
            #expect(Self.figure(byBen, "Overrides") == .count(2))
            var hardware = Self.week
            hardware.groupIDs = [f.group]
            let grouped = try await Self.run(DecisionReport(), hardware, database)
            #expect(grouped.table.rows == [[.text("rma.checklist"), .text("Policy override"), .count(1), .count(1), .count(1), .text("no fault found: 1")]])
        }
    }

    @Test(arguments: TestDatabase.all)
    func workloadAndPresenceHours(db: TestDatabase) async throws {
        try await Self.seeded(db) { database, f in
            // The presence history: Cy's six changes (online again while online is no change), Di's one.
            let intervals = try await database.read { db in
                try await db.raw("SELECT user_id, status, started_at, ended_at FROM presence_intervals ORDER BY user_id, started_at").all()
                    .map { (try $0.decode(column: "user_id", as: Int.self), try $0.decode(column: "status", as: String.self),
                            try $0.decode(column: "started_at", as: Int64.self), try $0.decode(column: "ended_at", as: Int64?.self)) }
            }
            let cy = intervals.filter { $0.0 == f.cy }
            #expect(cy.map(\.1) == ["online", "away", "online", "offline", "online", "offline"])
            #expect(cy.map(\.3) == [Self.d0 + 3 * Self.hour, Self.d0 + 4 * Self.hour, Self.d0 + 10 * Self.hour,
                                    Self.d0 + 7 * Self.day - 2 * Self.hour, Self.d0 + 7 * Self.day + 5 * Self.hour, nil])
            #expect(intervals.filter { $0.0 == f.di }.map(\.1) == ["away"])

            let out = try await Self.run(WorkloadReport(), Self.week, database)
            // Cy online 3 h (clipped at the start) + 6 h + 2 h (clipped at the end), away 1 h; Di away from day 2 to the end.
            #expect(out.table.rows == [
                [.text("Ada Lead"), .count(0), .count(0), .count(0), .count(0), .count(0), .hours(0), .hours(0)],
                [.text("Ben Lead"), .count(0), .count(0), .count(0), .count(0), .count(0), .hours(0), .hours(0)],
                [.text("Cy Agent"), .count(1), .count(1), .count(1), .count(2), .count(1), .hours(11), .hours(1)],
                [.text("Di Agent"), .count(1), .count(0), .count(0), .count(0), .count(1), .hours(0), .hours(144)],
            ])
            #expect(Self.figure(out, "Agents") == .count(4))
            #expect(Self.figure(out, "Solved") == .count(1))
            #expect(Self.figure(out, "Hours online") == .hours(11))
            #expect(Self.figure(out, "Hours away") == .hours(145))
            #expect(out.chart.series == [.init("Online", [0, 0, 11, 0]), .init("Away", [0, 0, 1, 144])])

            // Run on the week's third day: open intervals and the range end at now.
            let early = try await Self.run(WorkloadReport(), Self.week, database, now: Self.d0 + 2 * Self.day)
            #expect(early.table.rows[2][6] == .hours(9) && early.table.rows[2][7] == .hours(1), "\(early.table.rows[2])")
            #expect(early.table.rows[3][7] == .hours(24), "\(early.table.rows[3])")

            // The agent filter narrows to Di.
            var di = Self.week
            di.agentIDs = [f.di]
            #expect(try await Self.run(WorkloadReport(), di, database).table.rows == [
                [.text("Di Agent"), .count(1), .count(0), .count(0), .count(0), .count(1), .hours(0), .hours(144)],
            ])
            // The group filter keeps Hardware's members and counts Hardware's tickets only.
            var hardware = Self.week
            hardware.groupIDs = [f.group]
            #expect(try await Self.run(WorkloadReport(), hardware, database).table.rows == [
                [.text("Cy Agent"), .count(1), .count(0), .count(1), .count(1), .count(1), .hours(11), .hours(1)],
            ])
        }
    }
}
