import CasebookCore
import Foundation
import SQLKit

/// A follow-up task as stored: what is to be done on a ticket, by whom, by when, and which notices went out.
struct FollowUpRecord: Sendable, Equatable {
    var id: Int
    var ticketID: Int
    var title: String
    var note: String
    var ownerID: Int
    var assignedByID: Int
    var dueAt: Int64
    var status: FollowUpStatus
    var remindedAt: Int64?
    var dueNotifiedAt: Int64?
    var escalatedAt: Int64?
    /// What came of it (done) or why it was dropped (cancelled).
    var completionNote: String
    var closedByID: Int?
    var closedAt: Int64?
    var createdAt: Int64
    var updatedAt: Int64

    var sent: FollowUpSchedule.Sent { .init(remindedAt: remindedAt, dueNotifiedAt: dueNotifiedAt, escalatedAt: escalatedAt) }
}

/// A remote-assistance session an agent recorded against a ticket.
struct RemoteSessionRecord: Sendable, Equatable {
    var id: Int
    var ticketID: Int
    var agentID: Int
    /// The configured tool's link for this session's code, when a tool is configured.
    var toolURL: String?
    var sessionCode: String
    var startedAt: Int64
    var endedAt: Int64?
    var outcome: String
    var createdAt: Int64
}

/// SQL for follow-ups and remote sessions.
struct FollowUpStore: Sendable {
    let db: any SQLDatabase

    func insert(_ f: FollowUpRecord) async throws -> Int {
        let row = try await db.raw("""
            INSERT INTO follow_ups (ticket_id, title, note, owner_id, assigned_by_id, due_at, status, created_at, updated_at)
            VALUES (\(bind: f.ticketID), \(bind: f.title), \(bind: f.note), \(bind: f.ownerID), \(bind: f.assignedByID), \(bind: f.dueAt),
                \(bind: f.status.rawValue), \(bind: f.createdAt), \(bind: f.updatedAt))
            RETURNING id
            """).first()
        return try row!.decode(column: "id", as: Int.self)
    }

    func find(id: Int) async throws -> FollowUpRecord? {
        try await db.raw("SELECT * FROM follow_ups WHERE id = \(bind: id)").first().map(Self.decode)
    }

    func save(_ f: FollowUpRecord) async throws {
        try await db.raw("""
            UPDATE follow_ups SET title = \(bind: f.title), note = \(bind: f.note), owner_id = \(bind: f.ownerID), due_at = \(bind: f.dueAt),
                status = \(bind: f.status.rawValue), reminded_at = \(bind: f.remindedAt), due_notified_at = \(bind: f.dueNotifiedAt),
                escalated_at = \(bind: f.escalatedAt), completion_note = \(bind: f.completionNote), closed_by_id = \(bind: f.closedByID),
                closed_at = \(bind: f.closedAt), updated_at = \(bind: f.updatedAt)
            WHERE id = \(bind: f.id)
            """).run()
    }

    struct Filter: Sendable {
        var ownerID: Int?
        var ticketID: Int?
        var status: FollowUpStatus?

        var sql: SQLFilter {
            var sql = SQLFilter()
            sql.equal("owner_id", ownerID)
            sql.equal("ticket_id", ticketID)
            sql.equal("status", status?.rawValue)
            return sql
        }
    }

    static let paged = FilteredList(from: "follow_ups", decode: decode)

    /// In the order they were made; `afterID` pages by cursor.
    func list(_ filter: Filter, limit: Int, offset: Int, afterID: Int?) async throws -> [FollowUpRecord] {
        try await Self.paged.page(db, filter.sql, limit: limit, offset: offset, afterID: afterID)
    }

    func count(_ filter: Filter) async throws -> Int { try await Self.paged.count(db, filter.sql) }

    /// For a person's or a ticket's list: open ones first, soonest due first; then the closed ones, latest first.
    func worklist(_ filter: Filter, limit: Int) async throws -> [FollowUpRecord] {
        try await db.raw("""
            SELECT * FROM follow_ups WHERE \(filter.sql.sql)
            ORDER BY CASE WHEN status = 'open' THEN 0 ELSE 1 END,
                CASE WHEN status = 'open' THEN due_at ELSE -COALESCE(closed_at, updated_at) END, id
            LIMIT \(bind: limit)
            """).all().map(Self.decode)
    }

    /// Open follow-ups with a notice that may be due by `now` (the schedule decides which).
    func awaitingNotice(remindFrom now: Int64, remindBeforeMillis: Int64, limit: Int) async throws -> [Int] {
        try await db.raw("""
            SELECT id FROM follow_ups WHERE status = 'open' AND escalated_at IS NULL AND due_at <= \(bind: now + remindBeforeMillis)
            ORDER BY due_at LIMIT \(bind: limit)
            """).all().map { try $0.decode(column: "id", as: Int.self) }
    }

    /// Marks one notice sent, only if it was not yet and the follow-up is still open: true when this caller won (so two
    /// job runners never send the same notice twice).
    func claim(_ notice: FollowUpNotice, id: Int, at now: Int64) async throws -> Bool {
        let sql: SQLQueryString
        switch notice {
        case .reminder:
            sql = "UPDATE follow_ups SET reminded_at = \(bind: now) WHERE id = \(bind: id) AND status = 'open' AND reminded_at IS NULL RETURNING id"
        case .due:
            // A reminder never sent is dropped once the due notice goes out.
            sql = """
                UPDATE follow_ups SET due_notified_at = \(bind: now), reminded_at = COALESCE(reminded_at, \(bind: now))
                WHERE id = \(bind: id) AND status = 'open' AND due_notified_at IS NULL RETURNING id
                """
        case .escalation:
            sql = "UPDATE follow_ups SET escalated_at = \(bind: now) WHERE id = \(bind: id) AND status = 'open' AND escalated_at IS NULL RETURNING id"
        }
        return try await db.raw(sql).first() != nil
    }

    static func decode(_ row: any SQLRow) throws -> FollowUpRecord {
        FollowUpRecord(
            id: try row.decode(column: "id", as: Int.self), ticketID: try row.decode(column: "ticket_id", as: Int.self),
            title: try row.decode(column: "title", as: String.self), note: try row.decode(column: "note", as: String.self),
            ownerID: try row.decode(column: "owner_id", as: Int.self), assignedByID: try row.decode(column: "assigned_by_id", as: Int.self),
            dueAt: try row.decode(column: "due_at", as: Int64.self),
            status: FollowUpStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .open,
            remindedAt: try row.decode(column: "reminded_at", as: Int64?.self),
            dueNotifiedAt: try row.decode(column: "due_notified_at", as: Int64?.self),
            escalatedAt: try row.decode(column: "escalated_at", as: Int64?.self),
            completionNote: try row.decode(column: "completion_note", as: String.self),
            closedByID: try row.decode(column: "closed_by_id", as: Int?.self), closedAt: try row.decode(column: "closed_at", as: Int64?.self),
            createdAt: try row.decode(column: "created_at", as: Int64.self), updatedAt: try row.decode(column: "updated_at", as: Int64.self))
    }

    // MARK: Remote sessions

    func insert(_ s: RemoteSessionRecord) async throws -> Int {
        let row = try await db.raw("""
            INSERT INTO remote_sessions (ticket_id, agent_id, tool_url, session_code, started_at, ended_at, outcome, created_at)
            VALUES (\(bind: s.ticketID), \(bind: s.agentID), \(bind: s.toolURL), \(bind: s.sessionCode), \(bind: s.startedAt), \(bind: s.endedAt),
                \(bind: s.outcome), \(bind: s.createdAt))
            RETURNING id
            """).first()
        return try row!.decode(column: "id", as: Int.self)
    }

    func remoteSessions(ticketID: Int) async throws -> [RemoteSessionRecord] {
        try await db.raw("SELECT * FROM remote_sessions WHERE ticket_id = \(bind: ticketID) ORDER BY started_at DESC, id DESC").all().map { row in
            RemoteSessionRecord(
                id: try row.decode(column: "id", as: Int.self), ticketID: try row.decode(column: "ticket_id", as: Int.self),
                agentID: try row.decode(column: "agent_id", as: Int.self), toolURL: try row.decode(column: "tool_url", as: String?.self),
                sessionCode: try row.decode(column: "session_code", as: String.self), startedAt: try row.decode(column: "started_at", as: Int64.self),
                endedAt: try row.decode(column: "ended_at", as: Int64?.self), outcome: try row.decode(column: "outcome", as: String.self),
                createdAt: try row.decode(column: "created_at", as: Int64.self))
        }
    }
}
