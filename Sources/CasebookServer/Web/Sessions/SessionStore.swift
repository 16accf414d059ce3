import CasebookCore
import Foundation
import SQLKit

/// A signed-in browser: who, and the token every form of theirs must carry.
struct WebSession: Sendable, Equatable {
    var idHash: String
    var userID: Int
    var csrfToken: String
    var lastSeenAt: Int64
    var expiresAt: Int64
    /// The signed-in agent's presence as stored (for the header's status control); nil for customers and unset.
    var presence: String? = nil
}

/// Browser sessions in the database, so they survive a restart and work on any node. The cookie holds a random
/// value; only its SHA-256 is stored, so a copy of the database signs no one in.
struct SessionStore: Sendable {
    let db: any SQLDatabase

    /// Sessions last two weeks from sign-in, and end after a day without use.
    static let lifetime: Int64 = 14 * 24 * 3_600_000
    static let idleLimit: Int64 = 24 * 3_600_000
    /// `last_seen_at` is refreshed at most this often, so reading pages does not write on every request.
    static let touchInterval: Int64 = 60_000

    /// Starts a session and returns the cookie value (shown to the browser only).
    func create(userID: Int, userAgent: String, now: Int64 = Timestamp.now) async throws -> (cookie: String, session: WebSession) {
        let cookie = WebTokens.generate()
        let session = WebSession(idHash: APITokens.hash(cookie), userID: userID, csrfToken: WebTokens.generate(),
                                 lastSeenAt: now, expiresAt: now + Self.lifetime)
        try await db.raw("""
            INSERT INTO web_sessions (id_hash, user_id, csrf_token, user_agent, created_at, last_seen_at, expires_at)
            VALUES (\(bind: session.idHash), \(bind: userID), \(bind: session.csrfToken), \(bind: String(userAgent.prefix(300))),
                    \(bind: now), \(bind: now), \(bind: session.expiresAt))
            """).run()
        return (cookie, session)
    }

    /// The live session and its active user for a cookie value, or nil (unknown, expired, idle too long, user disabled).
    func find(cookie: String, now: Int64 = Timestamp.now) async throws -> (WebSession, UserRecord)? {
        guard let row = try await db.raw("""
            SELECT s.id_hash, s.user_id, s.csrf_token, s.last_seen_at, s.expires_at, p.status AS presence_status,
                   \(unsafeRaw: UserStore.qualifiedColumns)
            FROM web_sessions s JOIN users u ON u.id = s.user_id LEFT JOIN agent_presence p ON p.user_id = s.user_id
            WHERE s.id_hash = \(bind: APITokens.hash(cookie))
            """).first() else { return nil }
        let session = WebSession(
            idHash: try row.decode(column: "id_hash", as: String.self),
            userID: try row.decode(column: "user_id", as: Int.self),
            csrfToken: try row.decode(column: "csrf_token", as: String.self),
            lastSeenAt: try row.decode(column: "last_seen_at", as: Int64.self),
            expiresAt: try row.decode(column: "expires_at", as: Int64.self),
            presence: try row.decode(column: "presence_status", as: String?.self))
        let user = try UserStore.decode(row)
        guard user.active, session.expiresAt > now, now - session.lastSeenAt < Self.idleLimit else { return nil }
        return (session, user)
    }

    func touch(idHash: String, now: Int64 = Timestamp.now) async throws {
        try await db.raw("UPDATE web_sessions SET last_seen_at = \(bind: now) WHERE id_hash = \(bind: idHash)").run()
    }

    func delete(idHash: String) async throws {
        try await db.raw("DELETE FROM web_sessions WHERE id_hash = \(bind: idHash)").run()
    }

    /// Signs a person out everywhere (password reset, account disabled).
    func deleteAll(userID: Int) async throws {
        try await db.raw("DELETE FROM web_sessions WHERE user_id = \(bind: userID)").run()
    }

    func deleteExpired(now: Int64 = Timestamp.now) async throws {
        try await db.raw("""
            DELETE FROM web_sessions WHERE expires_at <= \(bind: now) OR last_seen_at <= \(bind: now - Self.idleLimit)
            """).run()
    }
}

/// Random URL-safe tokens for cookies, CSRF and sign-in links (256 bits).
enum WebTokens {
    static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Compares secrets in time independent of where they differ.
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for i in 0..<x.count { difference |= x[i] ^ y[i] }
        return difference == 0
    }
}
