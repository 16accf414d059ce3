import CasebookCore
import Foundation
import SQLKit

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
        /// The breaches the metric events feed holds ahead for the ticket (read with it, packed in one column).
        var pendingBreaches: [SLARecordedMetricEvent]
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
                        let items = try await database.read { db in
                            try await Self.readItems(after: from, through: last, limit: chunk, usesTags: snapshot.usesTags, db: db)
                        }
                        result.readSeconds += Self.seconds(since: started)
                        guard let final = items.last else { break }
                        result.read += items.count
                        started = ContinuousClock.now
                        var changed: [(TicketSLARecord, Int64)] = []
                        var outcomes: [Int: MetricEventStore.Reevaluated] = [:]
                        var pending: [Int: [SLARecordedMetricEvent]] = [:]
                        for item in items {
                            var record = item.record
                            let before = (record.policyID, record.nextBreachAt, record.checkAt, record.breached)
                            let states = evaluate(&record, facts: item.facts, snapshot: snapshot, now: now)
                            if before != (record.policyID, record.nextBreachAt, record.checkAt, record.breached) {
                                changed.append((record, item.updatedAt))
                                // Re-announced when the policy is new to the ticket or was edited since it was computed.
                                let applied = record.policyID.map { id in
                                    id != before.0 || (snapshot.policies[id]?.updatedAt ?? 0) >= item.updatedAt
                                } ?? false
                                outcomes[record.ticketID] = .init(states: states, policyID: record.policyID,
                                                                  policyChanged: record.policyID != before.0, applied: applied)
                                if !item.pendingBreaches.isEmpty { pending[record.ticketID] = item.pendingBreaches }
                            }
                        }
                        result.computeSeconds += Self.seconds(since: started)
                        started = ContinuousClock.now
                        if !changed.isEmpty {
                            // The metric events are worked out from what the feed holds, read outside the write lock;
                            // only the rows written (not changed by someone meanwhile) get theirs.
                            let found = outcomes, breaches = pending
                            let events = try await database.read { db in
                                try await MetricEventStore(db: db).reevaluationEvents(found, pendingBreaches: breaches, now: now)
                            }
                            result.readSeconds += Self.seconds(since: started)
                            started = ContinuousClock.now
                            let rows = changed
                            try await database.write { db in
                                let written = try await SLAStore(db: db).saveComputed(rows, now: now, engine: engine)
                                try await MetricEventStore(db: db).write(written.compactMap { events[$0] }, engine: engine)
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

    static func readItems(after: Int, through last: Int, limit: Int, usesTags: Bool, db: any SQLDatabase) async throws -> [Item] {
        // "id:metric:instance:time" joined by commas: one text column instead of a row per breach.
        let fields = "e.id || ':' || e.metric || ':' || e.instance_id || ':' || e.time"
        let packed = db.dialect.name == "postgresql" ? "string_agg(\(fields), ',')" : "group_concat(\(fields), ',')"
        let rows = try await db.raw("""
            SELECT s.ticket_id, s.policy_id, s.history, s.next_breach_at, s.check_at, s.breached, s.escalated, s.updated_at,
                   t.priority, t.group_id, t.organization_id, t.status, t.via_channel, t.type,
                   (SELECT \(unsafeRaw: packed) FROM ticket_metric_events e
                    WHERE e.ticket_id = s.ticket_id AND e.type = 'breach' AND e.deleted = FALSE) AS breaches
            FROM ticket_slas s JOIN tickets t ON t.id = s.ticket_id
            WHERE s.ticket_id > \(bind: after) AND s.ticket_id <= \(bind: last) AND t.status IN ('new', 'open', 'pending', 'hold') AND t.deleted_at IS NULL
            ORDER BY s.ticket_id LIMIT \(bind: limit)
            """).all()
        guard let first = rows.first, let last = rows.last else { return [] }
        var tags: [Int: [String]] = [:]
        if usesTags {
            let low = try first.decode(column: "ticket_id", as: Int.self), high = try last.decode(column: "ticket_id", as: Int.self)
            for row in try await db.raw("""
                SELECT ticket_id, tag FROM ticket_tags WHERE ticket_id BETWEEN \(bind: low) AND \(bind: high) ORDER BY ticket_id, position
                """).all() {
                tags[try row.decode(column: "ticket_id", as: Int.self), default: []].append(try row.decode(column: "tag", as: String.self))
            }
        }
        var items: [Item] = []
        items.reserveCapacity(rows.count)
        for row in rows {
            guard let record = try SLAStore.decodeTicketSLA(row) else { continue }
            let facts = SLATicketFacts(
                priority: try row.decode(column: "priority", as: String?.self).flatMap(TicketPriority.init(rawValue:)) ?? .normal,
                groupID: try row.decode(column: "group_id", as: Int?.self),
                organizationID: try row.decode(column: "organization_id", as: Int?.self),
                tags: tags[record.ticketID] ?? [],
                status: TicketStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .open,
                channel: try row.decode(column: "via_channel", as: String.self),
                type: try row.decode(column: "type", as: String?.self))
            items.append(Item(record: record, facts: facts, updatedAt: try row.decode(column: "updated_at", as: Int64.self),
                              pendingBreaches: MetricEventStore.unpack(try row.decode(column: "breaches", as: String?.self))))
        }
        return items
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
                        breached = v.b, updated_at = \(bind: now)
                    FROM unnest(\(bind: batch.map { Int64($0.0.ticketID) }), \(bind: batch.map { Int64($0.0.policyID ?? -1) }),
                                \(bind: batch.map { $0.0.nextBreachAt ?? -1 }), \(bind: batch.map { $0.0.checkAt ?? -1 }),
                                \(bind: batch.map { $0.0.breached }), \(bind: batch.map(\.1))) AS v(id, p, n, c, b, u)
                    WHERE ticket_slas.ticket_id = v.id AND ticket_slas.updated_at = v.u
                    RETURNING ticket_slas.ticket_id
                    """).all().map { try $0.decode(column: "ticket_id", as: Int.self) }
            }
        case .sqlite:
            for start in stride(from: 0, to: records.count, by: 500) {
                let batch = records[start..<min(start + 500, records.count)]
                var values = SQLQueryString("")
                for (i, (r, seen)) in batch.enumerated() {
                    if i > 0 { values.appendLiteral(", ") }
                    values.appendInterpolation("""
                        (\(bind: r.ticketID), \(bind: r.policyID), \(bind: r.nextBreachAt), \(bind: r.checkAt), \(bind: r.breached ? 1 : 0), \(bind: seen))
                        """ as SQLQueryString)
                }
                // A named VALUES list (SQLite has no `AS v(columns)` on a subquery).
                written += try await db.raw("""
                    WITH v(id, p, n, c, b, u) AS (VALUES \(values))
                    UPDATE ticket_slas SET policy_id = v.p, next_breach_at = v.n, check_at = v.c, breached = (v.b = 1), updated_at = \(bind: now)
                    FROM v WHERE ticket_slas.ticket_id = v.id AND ticket_slas.updated_at = v.u
                    RETURNING ticket_id
                    """).all().map { try $0.decode(column: "ticket_id", as: Int.self) }
            }
        }
        return written
    }
}
