import CasebookCore
import Foundation
import SQLKit

/// One agent's presence as stored: what they set, when they were last active, when they will be back.
struct PresenceRecord: Sendable, Equatable {
    var userID: Int
    var presence: AgentPresence
    var autoAway: Bool
    var lastAssignedAt: Int64?
}

/// The `agent_presence` table. An agent without a row is offline.
struct PresenceStore: Sendable {
    let db: any SQLDatabase

    static func decode(_ row: any SQLRow) throws -> PresenceRecord {
        PresenceRecord(
            userID: try row.decode(column: "user_id", as: Int.self),
            presence: AgentPresence(
                status: PresenceStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .offline,
                changedAt: try row.decode(column: "changed_at", as: Int64.self),
                lastActiveAt: try row.decode(column: "last_active_at", as: Int64.self),
                backAt: try row.decode(column: "back_at", as: Int64?.self),
                note: try row.decode(column: "note", as: String.self)),
            autoAway: try row.decode(column: "auto_away", as: Bool.self),
            lastAssignedAt: try row.decode(column: "last_assigned_at", as: Int64?.self))
    }

    func find(userID: Int) async throws -> PresenceRecord? {
        try await db.raw("SELECT * FROM agent_presence WHERE user_id = \(bind: userID)").first().map(Self.decode)
    }

    func all() async throws -> [Int: PresenceRecord] {
        var result: [Int: PresenceRecord] = [:]
        for row in try await db.raw("SELECT * FROM agent_presence").all() {
            let record = try Self.decode(row)
            result[record.userID] = record
        }
        return result
    }

    /// Sets what the agent chose (status, back-at time, where to reach them).
    func set(userID: Int, status: PresenceStatus, backAt: Int64?, note: String, now: Int64) async throws {
        try await db.raw("""
            INSERT INTO agent_presence (user_id, status, changed_at, last_active_at, back_at, note, auto_away)
            VALUES (\(bind: userID), \(bind: status.rawValue), \(bind: now), \(bind: now), \(bind: backAt), \(bind: note), \(bind: false))
            ON CONFLICT (user_id) DO UPDATE SET status = excluded.status, changed_at = excluded.changed_at,
                last_active_at = excluded.last_active_at, back_at = excluded.back_at, note = excluded.note, auto_away = excluded.auto_away
            """).run()
        try await recordStatus(userID: userID, status.rawValue, at: now)
    }

    /// The agent did something: remember when, and bring them back online if only idleness had made them away.
    /// Returns true when that brought them back.
    @discardableResult
    func touch(userID: Int, now: Int64) async throws -> Bool {
        let back = try await db.raw("""
            UPDATE agent_presence SET status = 'online', changed_at = \(bind: now), auto_away = \(bind: false),
                last_active_at = \(bind: now)
            WHERE user_id = \(bind: userID) AND status = 'away' AND auto_away = \(bind: true)
            RETURNING user_id
            """).all()
        if back.isEmpty {
            try await db.raw("UPDATE agent_presence SET last_active_at = \(bind: now) WHERE user_id = \(bind: userID)").run()
        } else {
            try await recordStatus(userID: userID, "online", at: now)
        }
        return !back.isEmpty
    }

    /// Online agents idle longer than the limit become away (marked as automatic, so activity undoes it).
    /// Returns who changed.
    func markIdleAway(idleBefore: Int64, now: Int64) async throws -> [Int] {
        let away = try await db.raw("""
            UPDATE agent_presence SET status = 'away', auto_away = \(bind: true), changed_at = \(bind: now)
            WHERE status = 'online' AND last_active_at < \(bind: idleBefore)
            RETURNING user_id
            """).all().map { try $0.decode(column: "user_id", as: Int.self) }
        for userID in away { try await recordStatus(userID: userID, "away", at: now) }
        return away
    }

    func recordAssignment(userID: Int, at now: Int64) async throws {
        try await db.raw("UPDATE agent_presence SET last_assigned_at = \(bind: now) WHERE user_id = \(bind: userID)").run()
    }
}
