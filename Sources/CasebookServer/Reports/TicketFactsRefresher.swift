import CasebookCore
import Foundation
import SQLKit

/// Keeps `ticket_facts` true: each run takes the tickets changed since its watermark (by `updated_at`, then id), in
/// batches, derives their `TicketReportFacts` from the audit (status changes, public staff comments) and writes them with
/// the ticket's current dimensions. Tickets changed in the last `lagMillis` wait for the next run, so a transaction
/// that read the clock before a later one committed is never skipped. Each batch and its watermark commit together.
struct TicketFactsRefresher: Sendable {
    let database: Database
    static let watermark = "ticket_facts"
    static let lagMillis: Int64 = 30_000
    static let batch = 400

    /// Refreshes the tickets changed up to `upTo` (epoch ms), at most `maxBatches` batches (the job takes a slice a
    /// run, so a desk upgraded with a million tickets fills its facts over a few minutes without holding up the other
    /// jobs). Returns how many ticket rows it looked at.
    @discardableResult
    func refresh(upTo: Int64, now: Int64, maxBatches: Int = .max) async throws -> Int {
        var total = 0
        for _ in 0..<maxBatches {
            let n = try await database.write { db in try await Self.refreshBatch(db, upTo: upTo, now: now) }
            total += n
            if n < Self.batch { break }
        }
        return total
    }

    static func refreshBatch(_ db: any SQLDatabase, upTo: Int64, now: Int64) async throws -> Int {
        let mark = try await db.raw("SELECT updated_at, last_id FROM report_watermarks WHERE name = \(bind: watermark)").first()
        let markAt = try mark?.decode(column: "updated_at", as: Int64.self) ?? Int64.min
        let markID = try mark?.decode(column: "last_id", as: Int.self) ?? 0
        let tickets = try await db.raw("""
            SELECT id, created_at, updated_at, status, group_id, assignee_id, organization_id, via_channel, priority, type,
                solved_at, deleted_at, requester_id
            FROM tickets
            WHERE (updated_at > \(bind: markAt) OR (updated_at = \(bind: markAt) AND id > \(bind: markID)))
                AND updated_at <= \(bind: upTo)
            ORDER BY updated_at, id LIMIT \(bind: batch)
            """).all()
        guard let last = tickets.last else { return 0 }
        let ids = try tickets.map { try $0.decode(column: "id", as: Int.self) }
        let history = try await Self.history(db, ticketIDs: ids)
        let calendars = try await ReportCalendars.load(db, groupIDs: Set(try tickets.compactMap { try $0.decode(column: "group_id", as: Int?.self) }))
        let reasons = try await LoyaltyFacts.contactReasons(db, ticketIDs: ids)
        // The customers whose loyalty facts the batch can change: the requesters now and before (a ticket may change hands).
        var requesters = try await LoyaltyFacts.requesters(db, ticketIDs: ids)
        var solvedRows: [SQLQueryString] = []
        var notSolved: [Int] = []

        var deleted: [Int] = []
        var rows: [SQLQueryString] = []
        for row in tickets {
            let id = try row.decode(column: "id", as: Int.self)
            let requesterID = try row.decode(column: "requester_id", as: Int.self)
            requesters.insert(requesterID)
            if try row.decode(column: "deleted_at", as: Int64?.self) != nil { deleted.append(id); notSolved.append(id); continue }
            let created = try row.decode(column: "created_at", as: Int64.self)
            let status = try row.decode(column: "status", as: String.self)
            let groupID = try row.decode(column: "group_id", as: Int?.self)
            let h = history[id] ?? History()
            let facts = TicketReportFacts.derive(createdAt: created, status: status, changes: h.changes, staffPublicReplies: h.replies,
                                           fallbackSolvedAt: try row.decode(column: "solved_at", as: Int64?.self),
                                           calendar: calendars.calendar(forGroup: groupID))
            rows.append("""
                (\(bind: id), \(bind: created), \(bind: status), \(bind: groupID), \(bind: try row.decode(column: "assignee_id", as: Int?.self)),
                 \(bind: try row.decode(column: "organization_id", as: Int?.self)), \(bind: try row.decode(column: "via_channel", as: String.self)),
                 \(bind: try row.decode(column: "priority", as: String?.self)), \(bind: try row.decode(column: "type", as: String?.self)),
                 \(bind: facts.firstReplyAt), \(bind: facts.firstReplyMinutes), \(bind: facts.firstReplyMinutes.map(DurationBuckets.bucket)),
                 \(bind: facts.solvedAt), \(bind: facts.resolutionMinutes), \(bind: facts.resolutionMinutes.map(DurationBuckets.bucket)),
                 \(bind: facts.replies), \(bind: facts.reopens), \(bind: now))
                """)
            if let solvedAt = facts.solvedAt {
                solvedRows.append("""
                    (\(bind: id), \(bind: requesterID), \(bind: solvedAt), \(bind: groupID), \(bind: try row.decode(column: "assignee_id", as: Int?.self)),
                     \(bind: try row.decode(column: "organization_id", as: Int?.self)), \(bind: try row.decode(column: "via_channel", as: String.self)),
                     \(bind: try row.decode(column: "priority", as: String?.self)), \(bind: try row.decode(column: "type", as: String?.self)),
                     \(bind: reasons[id]))
                    """)
            } else {
                notSolved.append(id)
            }
        }
        if !deleted.isEmpty {
            try await db.raw("DELETE FROM ticket_facts WHERE ticket_id IN (\(binds: deleted))").run()
        }
        if !rows.isEmpty {
            try await TicketFactsWriter.upsert(db, rows: rows)
        }
        // Solved tickets have a loyalty row; a new ticket ends an earlier one's silence, so the batch's customers
        // have theirs recomputed.
        try await LoyaltyFacts.write(db, solved: solvedRows, notSolved: notSolved)
        try await LoyaltyFacts.recompute(db, customerIDs: requesters)
        let lastAt = try last.decode(column: "updated_at", as: Int64.self)
        try await db.raw("""
            INSERT INTO report_watermarks (name, updated_at, last_id) VALUES (\(bind: watermark), \(bind: lastAt), \(bind: ids.last!))
            ON CONFLICT (name) DO UPDATE SET updated_at = excluded.updated_at, last_id = excluded.last_id
            """).run()
        return tickets.count
    }

    struct History {
        var changes: [TicketReportFacts.StatusChange] = []
        var replies: [Int64] = []
    }

    /// Status changes and public staff comments of the tickets, in audit order; the creating audit's comment is the
    /// request itself and never a reply.
    static func history(_ db: any SQLDatabase, ticketIDs: [Int]) async throws -> [Int: History] {
        let rows = try await db.raw("""
            SELECT a.ticket_id, a.id AS audit_id, a.created_at, e.type, e.field_name, e.value, e.previous_value, c.public, u.role
            FROM audits a JOIN audit_events e ON e.audit_id = a.id
            LEFT JOIN comments c ON c.id = e.comment_id LEFT JOIN users u ON u.id = c.author_id
            WHERE a.ticket_id IN (\(binds: ticketIDs)) AND (e.field_name = 'status' OR e.type = 'Comment')
            ORDER BY a.ticket_id, a.id, e.id
            """).all()
        var result: [Int: History] = [:]
        var firstAudit: [Int: Int] = [:]
        for row in rows {
            let ticketID = try row.decode(column: "ticket_id", as: Int.self)
            let auditID = try row.decode(column: "audit_id", as: Int.self)
            if firstAudit[ticketID] == nil { firstAudit[ticketID] = auditID }
            let at = try row.decode(column: "created_at", as: Int64.self)
            let type = try row.decode(column: "type", as: String.self)
            if try row.decode(column: "field_name", as: String?.self) == "status", type == "Change" || type == "Create" {
                guard let to = status(try row.decode(column: "value", as: String?.self)) else { continue }
                let from = status(try row.decode(column: "previous_value", as: String?.self))
                result[ticketID, default: History()].changes.append(.init(at: at, from: type == "Create" ? nil : from, to: to))
            } else if type == "Comment", auditID != firstAudit[ticketID], try row.decode(column: "public", as: Bool?.self) == true,
                      (try row.decode(column: "role", as: String?.self)).flatMap(Role.init(rawValue:))?.isStaff == true {
                result[ticketID, default: History()].replies.append(at)
            }
        }
        return result
    }

    /// Audit values are JSON (`"solved"`).
    static func status(_ raw: String?) -> String? {
        guard let raw else { return nil }
        return (try? JSONValue.parse(Array(raw.utf8)))?.stringValue
    }
}

/// Writes fact rows (the column order of `ticket_facts`), replacing any there.
enum TicketFactsWriter {
    static let columns = """
        ticket_id, created_at, status, group_id, assignee_id, organization_id, via_channel, priority, type,
        first_reply_at, first_reply_minutes, first_reply_bucket, solved_at, resolution_minutes, resolution_bucket,
        replies, reopens, refreshed_at
        """

    static func upsert(_ db: any SQLDatabase, rows: [SQLQueryString]) async throws {
        try await upsert(db, into: "ticket_facts", columns: columns, rows: rows)
    }

    /// `INSERT INTO table (columns) VALUES rows`, a row with the same `ticket_id` getting every other listed column.
    static func upsert(_ db: any SQLDatabase, into table: String, columns: String, rows: [SQLQueryString]) async throws {
        var query = SQLQueryString("INSERT INTO \(unsafeRaw: table) (\(unsafeRaw: columns)) VALUES ")
        for (i, row) in rows.enumerated() {
            if i > 0 { query.appendLiteral(", ") }
            query.appendInterpolation(row)
        }
        let names = columns.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { $0 != "ticket_id" }
        query.appendLiteral(" ON CONFLICT (ticket_id) DO UPDATE SET " + names.map { "\($0) = excluded.\($0)" }.joined(separator: ", "))
        try await db.raw(query).run()
    }
}

/// Each group's business hours for report durations: the group's schedule, else the desk's first schedule, else
/// around the clock.
struct ReportCalendars: Sendable {
    var byGroup: [Int: BusinessCalendar]
    var fallback: BusinessCalendar

    func calendar(forGroup id: Int?) -> BusinessCalendar { id.flatMap { byGroup[$0] } ?? fallback }

    static func load(_ db: any SQLDatabase, groupIDs: Set<Int>) async throws -> ReportCalendars {
        let schedules = try await SLAStore(db: db).schedules()
        let byID = Dictionary(schedules.map { ($0.id, $0.calendar) }, uniquingKeysWith: { a, _ in a })
        var byGroup: [Int: BusinessCalendar] = [:]
        if !groupIDs.isEmpty {
            for row in try await db.raw("SELECT id, schedule_id FROM groups WHERE id IN (\(binds: Array(groupIDs)))").all() {
                if let s = try row.decode(column: "schedule_id", as: Int?.self), let calendar = byID[s] {
                    byGroup[try row.decode(column: "id", as: Int.self)] = calendar
                }
            }
        }
        return ReportCalendars(byGroup: byGroup, fallback: schedules.first?.calendar ?? .always)
    }
}
