import CasebookCore
import Foundation
import Logging
import SQLKit

/// `casebook bench routing`: routing decisions per second over a realistic configuration (200 agents, 50 groups,
/// 500 rules, 1,000 exclusions) and the re-evaluation of 100,000 open tickets' SLAs after a calendar change.
public enum RoutingBench {
    public struct Figures: Sendable {
        public var decisions: Int
        public var decisionsPerSecond: Double
        public var decisionsWithStatePerSecond: Double
        public var routedTickets: Int
        public var routedTicketsPerSecond: Double
        public var slaTickets: Int
        public var slaChanged: Int
        public var slaSeconds: Double
        /// Where the re-evaluation's time went.
        public var slaPhases: String
        public var assignedShare: Double
    }

    public static func run(database: Database, agents agentCount: Int = 200, groups groupCount: Int = 50, rules ruleCount: Int = 500,
                           exclusions exclusionCount: Int = 1_000, decisions: Int = 200_000, slaTickets: Int = 100_000,
                           routedTickets: Int = 2_000, logger: Logger, say: (String) -> Void) async throws -> Figures {
        var random = SplitMix64(seed: 0xB0B)
        let now = Timestamp.now
        say("seeding \(agentCount) agents, \(groupCount) groups, \(ruleCount) rules, \(exclusionCount) exclusions…")
        let skills = ["hardware", "database", "billing", "workflows", "network", "language:de", "language:fr", "returns"]
        let (agentIDs, customerIDs, groupIDs) = try await database.write { db -> ([Int], [Int], [Int]) in
            var agents: [Int] = []
            for i in 0..<agentCount {
                let id = try await db.raw("""
                    INSERT INTO users (name, email, role, capacity, active, created_at, updated_at)
                    VALUES (\(bind: "Agent \(i)"), \(bind: "agent\(i)@bench.example"), 'agent', \(bind: 20 + i % 30), \(bind: true), \(bind: now), \(bind: now))
                    RETURNING id
                    """).first()!.decode(column: "id", as: Int.self)
                agents.append(id)
                for s in skills.indices where (i + s) % 3 == 0 {
                    try await db.raw("INSERT INTO agent_skills (user_id, skill) VALUES (\(bind: id), \(bind: skills[s]))").run()
                }
                let status = i % 10 < 7 ? "online" : i % 10 < 9 ? "away" : "offline"
                try await db.raw("""
                    INSERT INTO agent_presence (user_id, status, changed_at, last_active_at) VALUES (\(bind: id), \(bind: status), \(bind: now), \(bind: now))
                    """).run()
            }
            var customers: [Int] = []
            for i in 0..<2_000 {
                customers.append(try await db.raw("""
                    INSERT INTO users (name, email, role, active, created_at, updated_at)
                    VALUES (\(bind: "Customer \(i)"), \(bind: "customer\(i)@shop\(i % 40).example"), 'end-user', \(bind: true), \(bind: now), \(bind: now))
                    RETURNING id
                    """).first()!.decode(column: "id", as: Int.self))
            }
            var groups: [Int] = []
            let modes = ["least_loaded", "round_robin", "least_loaded", "manual"]
            for g in 0..<groupCount {
                let id = try await db.raw("""
                    INSERT INTO groups (name, name_key, routing_mode, created_at, updated_at)
                    VALUES (\(bind: "Team \(g)"), \(bind: "team \(g)"), \(bind: modes[g % modes.count]), \(bind: now), \(bind: now)) RETURNING id
                    """).first()!.decode(column: "id", as: Int.self)
                groups.append(id)
                let size = 10 + g % 31
                for k in 0..<size {
                    try await db.raw("""
                        INSERT INTO group_memberships (user_id, group_id, created_at)
                        VALUES (\(bind: agents[(g * 7 + k * 13) % agents.count]), \(bind: id), \(bind: now)) ON CONFLICT DO NOTHING
                        """).run()
                }
            }
            return (agents, customers, groups)
        }
        let words = ["switch", "router", "invoice", "refund", "firmware", "backorder", "colour", "database", "workflow", "login",
                     "password", "shipping", "damaged", "replacement", "warranty", "license", "export", "import", "report", "sync"]
        try await database.write { db in
            let store = RoutingStore(db: db)
            for r in 0..<ruleCount {
                let conditions: [RoutingCondition]
                switch r % 5 {
                case 0: conditions = [.init(field: "subject", operator: "contains_words", value: "\(words[r % words.count]) \(words[(r * 7) % words.count])x\(r)")]
                case 1: conditions = [.init(field: "tags", operator: "includes", value: "tag\(r)")]
                case 2: conditions = [.init(field: "organization_id", operator: "is", value: String(100_000 + r))]
                case 3: conditions = [.init(field: "priority", operator: "is", value: "urgent"), .init(field: "channel", operator: "is", value: "voice"),
                                      .init(field: "tags", operator: "includes", value: "vip\(r)")]
                default: conditions = [.init(field: "requester_id", operator: "is", value: String(customerIDs[r % customerIDs.count]))]
                }
                _ = try await store.insert(RoutingRule(id: 0, position: r + 1, title: "Rule \(r)", conditions: conditions,
                                                       actions: RoutingActions(groupID: groupIDs[r % groupIDs.count], skills: r % 4 == 0 ? [skills[r % skills.count]] : [],
                                                                               priority: nil, addTags: []), active: true), now: now)
            }
            // A catch-all last: every ticket reaches some group.
            _ = try await store.insert(RoutingRule(id: 0, position: ruleCount + 1, title: "Everything else", conditions: [],
                                                   actions: RoutingActions(groupID: groupIDs[0]), active: true), now: now)
            for e in 0..<exclusionCount {
                let byOrg = false
                _ = try await store.insert(ExclusionRule(id: 0, agentID: agentIDs[(e * 31) % agentIDs.count],
                                                         requesterID: byOrg ? nil : customerIDs[(e * 17) % customerIDs.count],
                                                         organizationID: nil, reason: "bench", createdByID: agentIDs[0], createdAt: now), ticketID: nil)
            }
        }
        let routing = RoutingService()
        // The facts of many different new tickets.
        let facts: [TicketFacts] = (0..<10_000).map { _ in
            let w1 = words[Int(random.next(UInt64(words.count)))], w2 = words[Int(random.next(UInt64(words.count)))]
            return TicketFacts(channel: [.email, .web, .api, .voice][Int(random.next(4))],
                               requesterID: customerIDs[Int(random.next(UInt64(customerIDs.count)))], organizationID: nil,
                               tags: random.next(10) < 3 ? ["tag\(random.next(UInt64(ruleCount)))"] : [],
                               priority: TicketPriority.allCases[Int(random.next(4))], subject: "My \(w1) has a problem with the \(w2)",
                               groupID: nil)
        }

        say("deciding \(decisions) times with one engine…")
        let (engine, snapshot, lastRouted) = try await database.read { db in try await routing.engine(db: db, now: Timestamp.now) }
        var assigned = 0
        let started = ContinuousClock.now
        for i in 0..<decisions {
            let f = facts[i % facts.count]
            let decision = engine.decide(f, rules: snapshot.rules, stickyOwnerID: i % 3 == 0 ? agentIDs[i % agentIDs.count] : nil,
                                         roundRobinLast: nil)
            if decision.assigneeID != nil { assigned += 1 }
        }
        let decideSeconds = seconds(ContinuousClock.now - started)
        _ = lastRouted

        say("deciding with state read from the database each time…")
        let stateful = min(decisions / 20, 5_000)
        let statefulStart = ContinuousClock.now
        for i in 0..<stateful {
            let f = facts[i % facts.count]
            _ = try await database.read { db in
                let (engine, snapshot, last) = try await routing.engine(db: db, now: Timestamp.now)
                return engine.decide(f, rules: snapshot.rules, stickyOwnerID: nil, roundRobinLast: last[groupIDs[0]])
            }
        }
        let statefulSeconds = seconds(ContinuousClock.now - statefulStart)

        say("creating and routing \(routedTickets) tickets through the ticket service…")
        var tickets = TicketService(database: database)
        tickets.routing = routing
        let routedStart = ContinuousClock.now
        for i in 0..<routedTickets {
            let f = facts[i % facts.count]
            _ = try await tickets.create(["subject": .string(f.subject), "comment": ["body": "Bench"], "requester_id": .int(f.requesterID),
                                          "priority": .string(f.priority.rawValue)],
                                         actor: Actor(id: agentIDs[0], role: .admin), via: .api)
        }
        let routedSeconds = seconds(ContinuousClock.now - routedStart)

        say("seeding \(slaTickets) open tickets with SLA histories…")
        let schedule = try await database.write { db -> Int in
            let store = SLAStore(db: db)
            let id = try await store.insertSchedule(name: "Berlin office", calendar: BusinessCalendar(
                timeZone: "Europe/Berlin", intervals: (1...5).map { .init(startMinute: $0 * 1440 + 480, endMinute: $0 * 1440 + 1080) },
                holidays: [.init(name: "Christmas", startDate: "2026-12-24", endDate: "2026-12-26")]), now: now)
            for (i, priority) in TicketPriority.allCases.enumerated() {
                let metrics = [(SLAMetric.firstReplyTime, 60 * (4 - i)), (.nextReplyTime, 120 * (4 - i)), (.periodicUpdateTime, 480),
                               (.requesterWaitTime, 1440 * (4 - i)), (.fullResolutionTime, 2880 * (4 - i))]
                _ = try await store.insertPolicy(PolicyRecord(
                    policy: SLAPolicy(id: 0, title: "\(priority.rawValue) tickets", position: i + 1,
                                      filter: SLAFilter(all: [.init(field: "priority", operator: "is", value: priority.rawValue)], any: []),
                                      targets: metrics.map { SLATarget(metric: $0.0, priority: priority, targetMinutes: $0.1, businessHours: true) },
                                      pauseOn: [.pending], calendarID: id),
                    description: "", escalation: SLAEscalationActions(), createdAt: now, updatedAt: now), now: now)
            }
            return id
        }
        try await seedSLATickets(database, count: slaTickets, requesterID: customerIDs[0], now: now, random: &random)

        let sla = SLAService()
        say("first evaluation (applies the policies)…")
        _ = try await sla.reevaluateAll(database: database)
        // A bulk load's statistics, as autovacuum (PostgreSQL) or `PRAGMA optimize` would have them by the next change.
        try await database.refreshStatistics()
        say("changing the calendar and re-evaluating…")
        try await database.write { db in
            guard let s = try await SLAStore(db: db).schedule(id: schedule) else { return }
            let changed = ScheduleRecord(id: s.id, name: s.name, calendar: BusinessCalendar(
                timeZone: s.calendar.timeZone, intervals: (1...5).map { .init(startMinute: $0 * 1440 + 420, endMinute: $0 * 1440 + 1140) },
                holidays: s.calendar.holidays), createdAt: s.createdAt, updatedAt: s.updatedAt)
            try await SLAStore(db: db).updateSchedule(changed, now: Timestamp.now)
        }
        let slaStart = ContinuousClock.now
        let reevaluation = try await sla.reevaluateAll(database: database)
        let slaSeconds = seconds(ContinuousClock.now - slaStart)

        return Figures(decisions: decisions, decisionsPerSecond: Double(decisions) / decideSeconds,
                       decisionsWithStatePerSecond: Double(stateful) / statefulSeconds,
                       routedTickets: routedTickets, routedTicketsPerSecond: Double(routedTickets) / routedSeconds,
                       slaTickets: reevaluation.read, slaChanged: reevaluation.changed, slaSeconds: slaSeconds,
                       slaPhases: String(format: "read %.2f, compute %.2f, write %.2f", reevaluation.readSeconds,
                                         reevaluation.computeSeconds, reevaluation.writeSeconds),
                       assignedShare: Double(assigned) / Double(decisions))
    }

    /// Open tickets (new, open, pending, hold) with a few SLA events each: agent replies, customer answers, notes.
    static func seedSLATickets(_ database: Database, count: Int, requesterID: Int, now: Int64, random: inout SplitMix64) async throws {
        let statuses: [TicketStatus] = [.new, .open, .open, .pending, .hold]
        var done = 0
        while done < count {
            let n = min(1_000, count - done)
            var draft: [(TicketStatus, TicketPriority, Int64, String)] = []
            for k in 0..<n {
                let status = statuses[(done + k) % statuses.count]
                let created = now - Int64(random.next(14 * 24 * 60)) * 60_000
                var history = SLAHistory(createdAt: created, events: [SLAEvent(at: created, .status(.new))])
                var t = created
                for _ in 0..<Int(random.next(4)) {
                    t += Int64(random.next(600) + 1) * 60_000
                    history = history.appending(SLAEvent(at: t, [.agentPublicReply, .requesterComment, .agentInternalNote][Int(random.next(3))]))
                }
                if status != .new { history = history.appending(SLAEvent(at: t + 60_000, .status(status))) }
                draft.append((status, TicketPriority.allCases[Int(random.next(4))], created, history.encoded))
            }
            let rows = draft
            try await database.write { db in
                var query = SQLQueryString("""
                    INSERT INTO tickets (type, subject, description, status, priority, requester_id, submitter_id, via_channel, created_at, updated_at) VALUES
                    """)
                for (i, r) in rows.enumerated() {
                    if i > 0 { query.appendLiteral(", ") }
                    query.appendInterpolation("""
                        ('incident', 'SLA bench', 'Seeded', \(bind: r.0.rawValue), \(bind: r.1.rawValue), \(bind: requesterID), \(bind: requesterID),
                         'email', \(bind: r.2), \(bind: r.2))
                        """ as SQLQueryString)
                }
                query.appendLiteral(" RETURNING id")
                let ids = try await db.raw(query).all().map { try $0.decode(column: "id", as: Int.self) }.sorted()
                var insert = SQLQueryString("INSERT INTO ticket_slas (ticket_id, history, updated_at) VALUES ")
                for (i, id) in ids.enumerated() {
                    if i > 0 { insert.appendLiteral(", ") }
                    insert.appendInterpolation("(\(bind: id), \(bind: rows[i].3), \(bind: now))" as SQLQueryString)
                }
                try await db.raw(insert).run()
            }
            done += n
        }
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}
