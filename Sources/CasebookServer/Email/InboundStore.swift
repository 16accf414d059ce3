import Foundation
import SQLKit

/// Every message that came in, kept raw before anything else is done with it, and what became of it.
struct InboundStore: Sendable {
    let db: any SQLDatabase

    enum Status: String, Sendable, CaseIterable {
        /// Stored, not yet processed (or processing was interrupted: it is retried).
        case received
        case processed
        /// Could not be parsed or processed; kept with the error for an admin to retry.
        case quarantined
        /// Held by the per-sender rate limit (a loop or a flood); an admin can release it.
        case held
        /// Casebook's own mail coming back; kept, never answered.
        case ignored
    }

    struct Record: Sendable, Equatable {
        var id: Int
        var messageID: String?
        var sender: String?
        var subject: String
        var size: Int
        var source: String
        var queue: String?
        var action: String
        var status: Status
        var error: String?
        var classification: String?
        var ticketID: Int?
        var commentID: Int?
        var attempts: Int
        var receivedAt: Int64
        var processedAt: Int64?
    }

    static let columns = """
        id, message_id, sender, subject, size, source, queue, action, status, error, classification, ticket_id,
        comment_id, attempts, received_at, processed_at
        """

    /// Stores the raw message. Returns nil when a message with the same Message-ID was stored before.
    func insert(raw: [UInt8], messageID: String?, sender: String?, subject: String, source: String, queue: String?,
                action: String, now: Int64) async throws -> Int? {
        try await db.raw("""
            INSERT INTO inbound_messages (message_id, sender, subject, raw, size, source, queue, action, status, received_at)
            VALUES (\(bind: messageID), \(bind: sender), \(bind: subject), \(bind: Data(raw)), \(bind: raw.count), \(bind: source),
                    \(bind: queue), \(bind: action), 'received', \(bind: now))
            ON CONFLICT DO NOTHING RETURNING id
            """).first().map { try $0.decode(column: "id", as: Int.self) }
    }

    func find(id: Int) async throws -> Record? {
        try await db.raw("SELECT \(unsafeRaw: Self.columns) FROM inbound_messages WHERE id = \(bind: id)").first().map(Self.decode)
    }

    func find(messageID: String) async throws -> Record? {
        try await db.raw("SELECT \(unsafeRaw: Self.columns) FROM inbound_messages WHERE message_id = \(bind: messageID)")
            .first().map(Self.decode)
    }

    func raw(id: Int) async throws -> [UInt8]? {
        try await db.raw("SELECT raw FROM inbound_messages WHERE id = \(bind: id)").first()
            .map { [UInt8](try $0.decode(column: "raw", as: Data.self)) }
    }

    func list(statuses: [Status], limit: Int, offset: Int = 0) async throws -> [Record] {
        try await db.raw("""
            SELECT \(unsafeRaw: Self.columns) FROM inbound_messages WHERE status IN (\(binds: statuses.map(\.rawValue)))
            ORDER BY id DESC LIMIT \(bind: limit) OFFSET \(bind: offset)
            """).all().map(Self.decode)
    }

    func count(statuses: [Status]) async throws -> Int {
        try await db.raw("SELECT COUNT(*) AS n FROM inbound_messages WHERE status IN (\(binds: statuses.map(\.rawValue)))")
            .first()!.decode(column: "n", as: Int.self)
    }

    /// How many messages `sender` sent in the window before message `id` (the rate limit's count).
    func recentCount(sender: String, since: Int64, before id: Int) async throws -> Int {
        try await db.raw("""
            SELECT COUNT(*) AS n FROM inbound_messages
            WHERE sender = \(bind: sender) AND received_at >= \(bind: since) AND id < \(bind: id) AND status <> 'ignored'
            """).first()!.decode(column: "n", as: Int.self)
    }

    func finish(id: Int, status: Status, error: String?, classification: String?, ticketID: Int?, commentID: Int?,
                now: Int64) async throws {
        try await db.raw("""
            UPDATE inbound_messages SET status = \(bind: status.rawValue), error = \(bind: error),
                classification = \(bind: classification), ticket_id = \(bind: ticketID), comment_id = \(bind: commentID),
                attempts = attempts + 1, processed_at = \(bind: now)
            WHERE id = \(bind: id)
            """).run()
    }

    /// Stored but never finished (the process stopped mid-way): processed again at start.
    func unfinished(limit: Int) async throws -> [Int] {
        try await db.raw("SELECT id FROM inbound_messages WHERE status = 'received' ORDER BY id LIMIT \(bind: limit)")
            .all().map { try $0.decode(column: "id", as: Int.self) }
    }

    static func decode(_ row: any SQLRow) throws -> Record {
        Record(id: try row.decode(column: "id", as: Int.self), messageID: try row.decode(column: "message_id", as: String?.self),
               sender: try row.decode(column: "sender", as: String?.self), subject: try row.decode(column: "subject", as: String.self),
               size: try row.decode(column: "size", as: Int.self), source: try row.decode(column: "source", as: String.self),
               queue: try row.decode(column: "queue", as: String?.self), action: try row.decode(column: "action", as: String.self),
               status: Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .received,
               error: try row.decode(column: "error", as: String?.self),
               classification: try row.decode(column: "classification", as: String?.self),
               ticketID: try row.decode(column: "ticket_id", as: Int?.self),
               commentID: try row.decode(column: "comment_id", as: Int?.self),
               attempts: try row.decode(column: "attempts", as: Int.self),
               receivedAt: try row.decode(column: "received_at", as: Int64.self),
               processedAt: try row.decode(column: "processed_at", as: Int64?.self))
    }
}
