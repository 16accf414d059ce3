import Foundation
import SQLKit

/// The Message-IDs of a ticket's mail, both ways: a reply whose In-Reply-To or References names one of them
/// belongs to that ticket, and outgoing mail carries them as References so the customer's mail program threads it.
struct MailThreadStore: Sendable {
    let db: any SQLDatabase

    enum Direction: String, Sendable {
        case incoming = "in", outgoing = "out"
        /// An internal note sent to followers: an agent's reply to it is an internal note too.
        case note
    }

    func record(_ messageID: String, ticketID: Int, direction: Direction, now: Int64) async throws {
        try await db.raw("""
            INSERT INTO mail_message_ids (message_id, ticket_id, direction, created_at)
            VALUES (\(bind: messageID), \(bind: ticketID), \(bind: direction.rawValue), \(bind: now))
            ON CONFLICT (message_id) DO NOTHING
            """).run()
    }

    /// The ticket of the first of `ids` Casebook knows (callers pass In-Reply-To first, then References newest first).
    func ticket(forAnyOf ids: [String]) async throws -> (ticketID: Int, direction: Direction)? {
        guard !ids.isEmpty else { return nil }
        let rows = try await db.raw("""
            SELECT message_id, ticket_id, direction FROM mail_message_ids
            WHERE message_id IN (\(binds: ids))
            """).all()
        var found: [String: (Int, Direction)] = [:]
        for row in rows {
            found[try row.decode(column: "message_id", as: String.self)] =
                (try row.decode(column: "ticket_id", as: Int.self),
                 Direction(rawValue: try row.decode(column: "direction", as: String.self)) ?? .incoming)
        }
        for id in ids { if let hit = found[id] { return (hit.0, hit.1) } }
        return nil
    }

    /// The direction of a Message-ID Casebook already knows (to spot its own mail coming back).
    func direction(of messageID: String) async throws -> Direction? {
        try await db.raw("SELECT direction FROM mail_message_ids WHERE message_id = \(bind: messageID)").first()
            .flatMap { Direction(rawValue: try $0.decode(column: "direction", as: String.self)) }
    }

    /// The thread for a new outgoing message: the first Message-ID (the conversation's root) and the latest ones,
    /// oldest first, at most `limit` in all (RFC 5322 suggests keeping References short but rooted).
    func thread(ticketID: Int, limit: Int = 10) async throws -> [String] {
        let first = try await db.raw("""
            SELECT message_id FROM mail_message_ids WHERE ticket_id = \(bind: ticketID) ORDER BY created_at, message_id LIMIT 1
            """).first().map { try $0.decode(column: "message_id", as: String.self) }
        let latest = try await db.raw("""
            SELECT message_id FROM mail_message_ids WHERE ticket_id = \(bind: ticketID)
            ORDER BY created_at DESC, message_id DESC LIMIT \(bind: limit - 1)
            """).all().map { try $0.decode(column: "message_id", as: String.self) }.reversed()
        var ids: [String] = first.map { [$0] } ?? []
        for id in latest where !ids.contains(id) { ids.append(id) }
        return ids
    }
}
