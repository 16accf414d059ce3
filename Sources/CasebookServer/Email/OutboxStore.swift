import Foundation
import SQLKit

/// Mail waiting to be sent. The SMTP channel (issue 4) delivers it; until then it stays here and in the log.
struct OutboxStore: Sendable {
    let db: any SQLDatabase

    struct Message: Sendable, Equatable {
        var id: Int
        var kind: String
        var to: String
        var subject: String
        var body: String
    }

    @discardableResult
    func enqueue(kind: String, to: String, subject: String, body: String, now: Int64 = Timestamp.now) async throws -> Int {
        try await db.raw("""
            INSERT INTO outbox (kind, to_address, subject, body, created_at)
            VALUES (\(bind: kind), \(bind: to), \(bind: subject), \(bind: body), \(bind: now)) RETURNING id
            """).first()!.decode(column: "id", as: Int.self)
    }

    func messages(to address: String) async throws -> [Message] {
        try await db.raw("""
            SELECT id, kind, to_address, subject, body FROM outbox WHERE to_address = \(bind: address) ORDER BY id
            """).all().map {
            Message(id: try $0.decode(column: "id", as: Int.self), kind: try $0.decode(column: "kind", as: String.self),
                    to: try $0.decode(column: "to_address", as: String.self),
                    subject: try $0.decode(column: "subject", as: String.self),
                    body: try $0.decode(column: "body", as: String.self))
        }
    }
}
