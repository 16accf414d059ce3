import CasebookCore
import Foundation
import PostgresKit
import SQLKit
import SQLiteKit
import Synchronization

extension SLAService {
    /// What a re-evaluation did, with where its time went.
    public struct Reevaluation: Sendable {
        public var read = 0
        public var changed = 0
        public var readSeconds = 0.0
        public var computeSeconds = 0.0
        public var writeSeconds = 0.0
    }

    /// One ticket as the re-evaluation reads it.
    struct Item: Sendable {
        var record: TicketSLARecord
        var facts: SLATicketFacts
        var updatedAt: Int64
    }

    /// Recomputes every unsolved ticket's policy, next breach and check time (after a policy or calendar change).
    /// The tickets are split into one id range per core; each range is read in chunks outside the write lock,
    /// evaluated, and only the rows whose results changed are written, each guarded by the `updated_at` it was read
    /// with so a ticket changed meanwhile keeps its newer state. The ranges overlap one another's reading, computing
    /// and writing.
    @discardableResult
    func reevaluateAll(database: Database, chunk: Int = 10_000) async throws -> Reevaluation {
        cache.invalidate()
        let now = clock.now()
        let snapshot = try await database.read { db in try await cache.snapshot(db: db, now: now) }
        let (low, high) = try await database.read { db -> (Int, Int) in
            let row = try await db.raw("SELECT MIN(ticket_id) AS lo, MAX(ticket_id) AS hi FROM ticket_slas").first()
            return (try row?.decode(column: "lo", as: Int?.self) ?? 0, try row?.decode(column: "hi", as: Int?.self) ?? -1)
        }
        guard high >= low else { return Reevaluation() }
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 4))
        let span = (high - low) / workers + 1
        let engine = database.engine
        return try await withThrowingTaskGroup(of: Reevaluation.self) { group in
            for w in 0..<workers {
                let first = low + w * span, last = min(high, low + (w + 1) * span - 1)
                group.addTask {
                    var result = Reevaluation()
                    var after = first - 1
                    while after < last {
                        var started = ContinuousClock.now
                        let from = after
                        let items: [Item]
                        if let read = try await database.withPostgresConnection({ connection in
                            try await Self.readItems(after: from, through: last, limit: chunk, usesTags: snapshot.usesTags, connection: connection)
                        }) {
                            items = read
                        } else {
                            items = try await database.withSQLiteReader { connection in
                                try await Self.readItems(after: from, through: last, limit: chunk, usesTags: snapshot.usesTags, connection: connection)
                            } ?? []
                        }
                        result.readSeconds += Self.seconds(since: started)
                        guard let final = items.last else { break }
                        result.read += items.count
                        started = ContinuousClock.now
                        var changed: [(TicketSLARecord, Int64)] = []
                        var inserts: [Int: [MetricEventStore.Insert]] = [:]
                        // Tickets that got another policy: their events are judged on the whole feed, read below.
                        var moved: [Int: (index: Int, states: [SLAMetricState])] = [:]
                        for item in items {
                            var record = item.record
                            let before = (record.policyID, record.nextBreachAt, record.checkAt, record.breached)
                            let states = evaluate(&record, facts: item.facts, snapshot: snapshot, now: now)
                            let fieldsChanged = before != (record.policyID, record.nextBreachAt, record.checkAt, record.breached)
                            if record.policyID != before.0 {
                                moved[record.ticketID] = (changed.count, states)
                                changed.append((record, item.updatedAt))
                                continue
                            }
                            // Same policy: only breaches move (in the schedule, written with the row), and the targets
                            // are announced again if the policy was edited after the ticket was last computed.
                            let applied = fieldsChanged && record.policyID.map { (snapshot.policies[$0]?.updatedAt ?? 0) > item.updatedAt } ?? false
                            if !applied {
                                record.breaches.reconcile(with: states, now: now)
                            } else {
                                let events = SLAMetricEvents.reevaluated(recorded: record.breaches.standing, phasesKnown: false,
                                                                         after: states, applied: applied, at: now)
                                let others = record.breaches.apply(events)
                                if !others.isEmpty {
                                    inserts[record.ticketID] = MetricEventStore.inserts(others, ticketID: record.ticketID, policyID: record.policyID)
                                }
                            }
                            if fieldsChanged || record.breaches != item.record.breaches { changed.append((record, item.updatedAt)) }
                        }
                        result.computeSeconds += Self.seconds(since: started)
                        started = ContinuousClock.now
                        if !moved.isEmpty {
                            let ids = Set(moved.keys)
                            let phases = try await database.read { db in try await MetricEventStore(db: db).phaseEvents(ticketIDs: ids) }
                            for (ticketID, (index, states)) in moved {
                                var record = changed[index].0
                                let events = SLAMetricEvents.reevaluated(
                                    recorded: record.breaches.standing + (phases[ticketID] ?? []), phasesKnown: true, after: states,
                                    applied: record.policyID != nil, at: now)
                                let others = record.breaches.apply(events)
                                if !others.isEmpty {
                                    inserts[ticketID] = MetricEventStore.inserts(others, ticketID: ticketID, policyID: record.policyID)
                                }
                                changed[index].0 = record
                            }
                            result.readSeconds += Self.seconds(since: started)
                            started = ContinuousClock.now
                        }
                        if !changed.isEmpty {
                            // Only the rows written (not changed by someone meanwhile) get their events.
                            let rows = changed, found = inserts
                            try await database.write { db in
                                let written = try await SLAStore(db: db).saveComputed(rows, now: now, engine: engine)
                                try await MetricEventStore(db: db).insert(written.flatMap { found[$0] ?? [] }, engine: engine)
                            }
                        }
                        result.writeSeconds += Self.seconds(since: started)
                        result.changed += changed.count
                        if items.count < chunk { break }
                        after = final.record.ticketID
                    }
                    return result
                }
            }
            var total = Reevaluation()
            for try await part in group {
                total.read += part.read
                total.changed += part.changed
                // Phases run side by side in the ranges: report the slowest range's time for each.
                total.readSeconds = max(total.readSeconds, part.readSeconds)
                total.computeSeconds = max(total.computeSeconds, part.computeSeconds)
                total.writeSeconds = max(total.writeSeconds, part.writeSeconds)
            }
            return total
        }
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    /// What both engines read for a range of tickets (SQLite through SQLKit, PostgreSQL decoding by position).
    static let itemsSelect = """
        SELECT s.ticket_id, s.policy_id, s.history, s.next_breach_at, s.check_at, s.breached, s.escalated, s.scheduled_breaches,
               s.updated_at, t.priority, t.group_id, t.organization_id, t.status, t.via_channel, t.type
        FROM ticket_slas s JOIN tickets t ON t.id = s.ticket_id
        """
    static let itemsFilter = "AND t.status IN ('new', 'open', 'pending', 'hold') AND t.deleted_at IS NULL ORDER BY s.ticket_id"

    /// One row of `itemsSelect`, however it was decoded.
    struct ItemRow {
        var ticketID: Int, policyID: Int?, history: String, nextBreachAt: Int64?, checkAt: Int64?, breached: Bool, escalated: String
        var scheduled: String?, updatedAt: Int64, priority: String?, groupID: Int?, organizationID: Int?, status: String
        var channel: String, type: String?

        func item(tags: [String]) -> Item? {
            guard let history = SLAHistory(encoded: history) else { return nil }
            let record = TicketSLARecord(ticketID: ticketID, policyID: policyID, history: history, nextBreachAt: nextBreachAt,
                                         checkAt: checkAt, breached: breached,
                                         escalated: Set(escalated.split(separator: " ").map(String.init)),
                                         breaches: SLABreachSchedule(encoded: scheduled))
            let facts = SLATicketFacts(priority: priority.flatMap(TicketPriority.init(rawValue:)) ?? .normal, groupID: groupID,
                                       organizationID: organizationID, tags: tags, status: TicketStatus(rawValue: status) ?? .open,
                                       channel: channel, type: type)
            return Item(record: record, facts: facts, updatedAt: updatedAt)
        }
    }

    static func readItems(after: Int, through last: Int, limit: Int, usesTags: Bool, connection: SQLiteConnection) async throws -> [Item] {
        let collected = Mutex<[ItemRow]>([])
        try await connection.query("\(itemsSelect) WHERE s.ticket_id > ?1 AND s.ticket_id <= ?2 \(itemsFilter) LIMIT ?3",
                                   [.integer(SQLiteInt64(after)), .integer(SQLiteInt64(last)), .integer(SQLiteInt64(limit))]) { row in
            func int(_ name: String) -> Int? { row.column(name)?.integer.map { Int($0) } }
            func text(_ name: String) -> String? { row.column(name)?.string }
            guard let id = int("ticket_id"), let history = text("history"), let updated = int("updated_at"),
                  let status = text("status"), let channel = text("via_channel") else { return }
            let item = ItemRow(ticketID: id, policyID: int("policy_id"), history: history, nextBreachAt: int("next_breach_at").map(Int64.init),
                               checkAt: int("check_at").map(Int64.init), breached: int("breached") == 1, escalated: text("escalated") ?? "",
                               scheduled: text("scheduled_breaches"), updatedAt: Int64(updated), priority: text("priority"),
                               groupID: int("group_id"), organizationID: int("organization_id"), status: status, channel: channel,
                               type: text("type"))
            collected.withLock { $0.append(item) }
        }
        let rows = collected.withLock { $0 }
        let tags = usesTags ? try await readTags(rows, db: connection.sql()) : [:]
        return rows.compactMap { $0.item(tags: tags[$0.ticketID] ?? []) }
    }

    static func readItems(after: Int, through last: Int, limit: Int, usesTags: Bool, connection: PostgresConnection) async throws -> [Item] {
        var query = PostgresQuery(unsafeSQL: "\(itemsSelect) WHERE s.ticket_id > $1 AND s.ticket_id <= $2 \(itemsFilter) LIMIT $3")
        try query.binds.append(after, context: .default)
        try query.binds.append(last, context: .default)
        try query.binds.append(limit, context: .default)
        var rows: [ItemRow] = []
        rows.reserveCapacity(limit)
        for try await (id, policy, history, next, check, breached, escalated, scheduled, updated, priority, group, organization, status, channel, type)
                in try await connection.query(query, logger: connection.logger)
                    .decode((Int, Int?, String, Int64?, Int64?, Bool, String, String?, Int64, String?, Int?, Int?, String, String, String?).self) {
            rows.append(ItemRow(ticketID: id, policyID: policy, history: history, nextBreachAt: next, checkAt: check, breached: breached,
                                escalated: escalated, scheduled: scheduled, updatedAt: updated, priority: priority, groupID: group,
                                organizationID: organization, status: status, channel: channel, type: type))
        }
        let tags = usesTags ? try await readTags(rows, db: connection.sql()) : [:]
        return rows.compactMap { $0.item(tags: tags[$0.ticketID] ?? []) }
    }

    /// The tags of the tickets read (only when a policy looks at tags).
    static func readTags(_ rows: [ItemRow], db: any SQLDatabase) async throws -> [Int: [String]] {
        guard let low = rows.first?.ticketID, let high = rows.last?.ticketID else { return [:] }
        var tags: [Int: [String]] = [:]
        for row in try await db.raw("""
            SELECT ticket_id, tag FROM ticket_tags WHERE ticket_id BETWEEN \(bind: low) AND \(bind: high) ORDER BY ticket_id, position
            """).all() {
            tags[try row.decode(column: "ticket_id", as: Int.self), default: []].append(try row.decode(column: "tag", as: String.self))
        }
        return tags
    }
}

extension SLACache.Snapshot {
    /// Whether any policy looks at tags (only then are tickets' tags read for a re-evaluation).
    var usesTags: Bool {
        policies.values.contains { p in (p.policy.filter.all + p.policy.filter.any).contains { $0.field == "tags" } }
    }
}

extension SLAStore {
    /// Writes the computed columns of many rows, unless a row changed since it was read (`updated_at`). PostgreSQL
    /// takes each column as one array (`unnest`), so 100,000 rows are a handful of statements; SQLite, which runs
    /// statements in-process, takes them a few hundred rows at a time from a named VALUES list.
    /// Returns the ids of the tickets written.
    func saveComputed(_ records: [(TicketSLARecord, Int64)], now: Int64, engine: SQLEngine) async throws -> [Int] {
        var written: [Int] = []
        written.reserveCapacity(records.count)
        switch engine {
        case .postgres:
            for start in stride(from: 0, to: records.count, by: 50_000) {
                let batch = records[start..<min(start + 50_000, records.count)]
                // NULL travels as -1 (ids and times are never negative).
                written += try await db.raw("""
                    UPDATE ticket_slas SET policy_id = NULLIF(v.p, -1), next_breach_at = NULLIF(v.n, -1), check_at = NULLIF(v.c, -1),
                        breached = v.b, scheduled_breaches = NULLIF(v.s, ''), breach_due_at = NULLIF(v.d, -1), updated_at = \(bind: now)
                    FROM unnest(\(bind: batch.map { Int64($0.0.ticketID) }), \(bind: batch.map { Int64($0.0.policyID ?? -1) }),
                                \(bind: batch.map { $0.0.nextBreachAt ?? -1 }), \(bind: batch.map { $0.0.checkAt ?? -1 }),
                                \(bind: batch.map { $0.0.breached }), \(bind: batch.map { $0.0.breaches.encoded ?? "" }),
                                \(bind: batch.map { $0.0.breaches.dueAt ?? -1 }), \(bind: batch.map(\.1))) AS v(id, p, n, c, b, s, d, u)
                    WHERE ticket_slas.ticket_id = v.id AND ticket_slas.updated_at = v.u
                    RETURNING ticket_slas.ticket_id
                    """).all().map { try $0.decode(column: "ticket_id", as: Int.self) }
            }
        case .sqlite:
            for start in stride(from: 0, to: records.count, by: 400) {
                let batch = records[start..<min(start + 400, records.count)]
                var values = SQLQueryString("")
                for (i, (r, seen)) in batch.enumerated() {
                    if i > 0 { values.appendLiteral(", ") }
                    values.appendInterpolation("""
                        (\(bind: r.ticketID), \(bind: r.policyID), \(bind: r.nextBreachAt), \(bind: r.checkAt), \(bind: r.breached ? 1 : 0), \
                        \(bind: r.breaches.encoded), \(bind: r.breaches.dueAt), \(bind: seen))
                        """ as SQLQueryString)
                }
                // A named VALUES list (SQLite has no `AS v(columns)` on a subquery).
                written += try await db.raw("""
                    WITH v(id, p, n, c, b, s, d, u) AS (VALUES \(values))
                    UPDATE ticket_slas SET policy_id = v.p, next_breach_at = v.n, check_at = v.c, breached = (v.b = 1),
                        scheduled_breaches = v.s, breach_due_at = v.d, updated_at = \(bind: now)
                    FROM v WHERE ticket_slas.ticket_id = v.id AND ticket_slas.updated_at = v.u
                    RETURNING ticket_id
                    """).all().map { try $0.decode(column: "ticket_id", as: Int.self) }
            }
        }
        return written
    }
}
