import CasebookMail
import Foundation
import SQLKit

/// The durable outbox: a message is written in the same transaction as the change that caused it, then the
/// `OutboxWorker` sends it, retrying with back-off. The composed message is stored whole, so what is sent is
/// exactly what was decided when the change committed.
struct OutboxStore: Sendable {
    let db: any SQLDatabase

    enum Status: String, Sendable, CaseIterable {
        /// Waiting for its first or next attempt (or for SMTP to be configured).
        case queued
        case sent
        /// Refused for good (5xx) or out of attempts; an admin can send it again.
        case failed
    }

    struct Message: Sendable, Equatable {
        var id: Int
        var kind: String
        var to: String
        var subject: String
        var body: String
        var messageID: String?
        var ticketID: Int?
        var status: String
        var attempts: Int
        var lastError: String?
        var createdAt: Int64
        var sentAt: Int64?
        var nextAttemptAt: Int64
    }

    /// A message ready to go: envelope and the composed RFC 5322 bytes.
    struct Envelope: Sendable {
        var id: Int
        var from: String
        var recipients: [String]
        var raw: [UInt8]
        var attempts: Int
    }

    /// Composes `mail` and queues it; records its Message-ID on the ticket's thread so replies find the ticket.
    @discardableResult
    func enqueue(kind: String, mail: OutgoingMail, ticketID: Int?, direction: MailThreadStore.Direction = .outgoing,
                 now: Int64 = Timestamp.now) async throws -> Int {
        let raw = MailComposer.render(mail)
        let recipients = (mail.to + mail.cc).map(\.address)
        let id = try await db.raw("""
            INSERT INTO outbox (kind, to_address, subject, body, created_at, message_id, ticket_id, envelope_from,
                                recipients, raw, status, attempts, next_attempt_at, claimed_until)
            VALUES (\(bind: kind), \(bind: recipients.joined(separator: ", ")), \(bind: mail.subject), \(bind: mail.text),
                    \(bind: now), \(bind: mail.messageID), \(bind: ticketID), \(bind: mail.from.address),
                    \(bind: recipients.joined(separator: "\n")), \(bind: Data(raw)), 'queued', 0, \(bind: now), 0)
            RETURNING id
            """).first()!.decode(column: "id", as: Int.self)
        if let ticketID {
            try await MailThreadStore(db: db).record(mail.messageID, ticketID: ticketID, direction: direction, now: now)
        }
        return id
    }

    /// Takes up to `limit` due messages for sending, leasing them for `lease` so a second worker (or this one after
    /// a crash) leaves them alone until then. A crash after sending but before `markSent` sends again after the
    /// lease: at most one duplicate, never a loss.
    func claimDue(limit: Int, now: Int64, lease: Int64 = 5 * 60 * 1000) async throws -> [Envelope] {
        // Several nodes may send: on PostgreSQL each skips the rows another is claiming instead of waiting for them.
        let skipLocked: SQLQueryString = db.dialect.name == "postgresql" ? " FOR UPDATE SKIP LOCKED" : ""
        let rows = try await db.raw("""
            UPDATE outbox SET claimed_until = \(bind: now + lease)
            WHERE id IN (SELECT id FROM outbox WHERE status = 'queued' AND next_attempt_at <= \(bind: now)
                         AND claimed_until <= \(bind: now) ORDER BY id LIMIT \(bind: limit)\(skipLocked))
              AND claimed_until <= \(bind: now)
            RETURNING id, envelope_from, recipients, raw, attempts
            """).all()
        return try rows.map { row in
            Envelope(id: try row.decode(column: "id", as: Int.self),
                     from: try row.decode(column: "envelope_from", as: String?.self) ?? "",
                     recipients: (try row.decode(column: "recipients", as: String?.self) ?? "").split(separator: "\n").map(String.init),
                     raw: [UInt8](try row.decode(column: "raw", as: Data?.self) ?? Data()),
                     attempts: try row.decode(column: "attempts", as: Int.self))
        }.sorted { $0.id < $1.id }
    }

    func markSent(id: Int, note: String?, now: Int64) async throws {
        try await db.raw("""
            UPDATE outbox SET status = 'sent', sent_at = \(bind: now), attempts = attempts + 1, last_error = \(bind: note),
                claimed_until = 0 WHERE id = \(bind: id)
            """).run()
    }

    /// A failed attempt: tried again at `retryAt`, or failed for good when `retryAt` is nil.
    func markFailed(id: Int, error: String, retryAt: Int64?) async throws {
        if let retryAt {
            try await db.raw("""
                UPDATE outbox SET attempts = attempts + 1, last_error = \(bind: error), next_attempt_at = \(bind: retryAt),
                    claimed_until = 0 WHERE id = \(bind: id)
                """).run()
        } else {
            try await db.raw("""
                UPDATE outbox SET status = 'failed', attempts = attempts + 1, last_error = \(bind: error), claimed_until = 0
                WHERE id = \(bind: id)
                """).run()
        }
    }

    /// An admin sends a failed (or waiting) message again now.
    func requeue(id: Int, now: Int64) async throws -> Bool {
        try await db.raw("""
            UPDATE outbox SET status = 'queued', next_attempt_at = \(bind: now), claimed_until = 0
            WHERE id = \(bind: id) AND status <> 'sent' RETURNING id
            """).first() != nil
    }

    static let listColumns = """
        id, kind, to_address, subject, body, message_id, ticket_id, status, attempts, last_error, created_at, sent_at,
        next_attempt_at
        """

    func list(status: Status?, limit: Int, offset: Int = 0) async throws -> [Message] {
        let condition: SQLQueryString = status.map { "WHERE status = \(bind: $0.rawValue)" } ?? ""
        return try await db.raw("""
            SELECT \(unsafeRaw: Self.listColumns) FROM outbox \(condition) ORDER BY id DESC
            LIMIT \(bind: limit) OFFSET \(bind: offset)
            """).all().map(Self.decode)
    }

    func count(status: Status) async throws -> Int {
        try await db.raw("SELECT COUNT(*) AS n FROM outbox WHERE status = \(bind: status.rawValue)").first()!
            .decode(column: "n", as: Int.self)
    }

    func messages(to address: String) async throws -> [Message] {
        try await db.raw("""
            SELECT \(unsafeRaw: Self.listColumns) FROM outbox WHERE to_address = \(bind: address) ORDER BY id
            """).all().map(Self.decode)
    }

    func messages(ticketID: Int) async throws -> [Message] {
        try await db.raw("""
            SELECT \(unsafeRaw: Self.listColumns) FROM outbox WHERE ticket_id = \(bind: ticketID) ORDER BY id
            """).all().map(Self.decode)
    }

    func raw(id: Int) async throws -> [UInt8]? {
        guard let row = try await db.raw("SELECT raw FROM outbox WHERE id = \(bind: id)").first() else { return nil }
        return (try row.decode(column: "raw", as: Data?.self)).map { [UInt8]($0) }
    }

    static func decode(_ row: any SQLRow) throws -> Message {
        Message(id: try row.decode(column: "id", as: Int.self), kind: try row.decode(column: "kind", as: String.self),
                to: try row.decode(column: "to_address", as: String.self),
                subject: try row.decode(column: "subject", as: String.self),
                body: try row.decode(column: "body", as: String.self),
                messageID: try row.decode(column: "message_id", as: String?.self),
                ticketID: try row.decode(column: "ticket_id", as: Int?.self),
                status: try row.decode(column: "status", as: String.self),
                attempts: try row.decode(column: "attempts", as: Int.self),
                lastError: try row.decode(column: "last_error", as: String?.self),
                createdAt: try row.decode(column: "created_at", as: Int64.self),
                sentAt: try row.decode(column: "sent_at", as: Int64?.self),
                nextAttemptAt: try row.decode(column: "next_attempt_at", as: Int64.self))
    }
}
