import CasebookCore
import Foundation
import HummingbirdBcrypt
import Logging
import NIOPosix
import SQLKit

/// Password and one-time-link sign-in, with the back-off against guessing.
struct SignInService: Sendable {
    let database: Database
    let bcryptCost: UInt8
    let logger: Logger
    /// Where sign-in links are sent from.
    var mail = MailSettings(environment: [:])

    enum Outcome: Sendable {
        case signedIn(cookie: String, session: WebSession, user: UserRecord)
        case refused(String)
        case throttled(seconds: Int)
    }

    static let refusal = "Email or password is incorrect."
    /// One-time links are short-lived: they travel by email.
    static let linkLifetime: Int64 = 15 * 60_000

    /// Compared against when the email is unknown, so the answer takes as long as for a real account.
    private static let decoyHash = Bcrypt.hash("decoy password for unknown accounts", cost: 10)

    /// bcrypt is slow on purpose; run it on NIO's blocking pool, not on the cooperative threads serving requests.
    static func offload<T: Sendable>(_ work: @escaping @Sendable () -> T) async throws -> T {
        try await NIOThreadPool.singleton.runIfActive(work)
    }

    func signIn(email rawEmail: String, password: String, address: String, userAgent: String) async throws -> Outcome {
        let email = rawEmail.trimmingCharacters(in: .whitespaces).lowercased()
        let keys = [SignInThrottleStore.accountKey(email), SignInThrottleStore.addressKey(address)]
        let now = Timestamp.now
        let wait = try await database.read { db in try await SignInThrottleStore(db: db).secondsToWait(keys: keys, now: now) }
        if wait > 0 { return .throttled(seconds: wait) }
        let found = try await database.read { db -> (UserRecord, String?)? in
            guard let row = try await db.raw("""
                SELECT \(unsafeRaw: UserStore.columns), password_hash FROM users WHERE email = \(bind: email)
                """).first() else { return nil }
            return (try UserStore.decode(row), try row.decode(column: "password_hash", as: String?.self))
        }
        let hash = found?.1 ?? Self.decoyHash
        let matches = try await Self.offload { Bcrypt.verify(password, hash: hash) }
        guard let (user, stored) = found, stored != nil, matches, user.active else {
            try await database.write { db in
                let store = SignInThrottleStore(db: db)
                for key in keys { try await store.recordFailure(key: key, now: now) }
            }
            logger.info("sign-in refused", metadata: ["email": .string(email), "address": .string(address)])
            return .refused(Self.refusal)
        }
        let (cookie, session) = try await database.write { db in
            try await SignInThrottleStore(db: db).clear(keys: keys)
            return try await SessionStore(db: db).create(userID: user.id, userAgent: userAgent, now: now)
        }
        return .signedIn(cookie: cookie, session: session, user: user)
    }

    /// Writes a one-time sign-in link to the outbox when the address belongs to an active customer. The caller
    /// answers the same either way, so the form does not reveal who has an account.
    func sendLink(email rawEmail: String, baseURL: String) async throws {
        let email = rawEmail.trimmingCharacters(in: .whitespaces).lowercased()
        let token = WebTokens.generate()
        let now = Timestamp.now
        let sent = try await database.write { db -> Bool in
            guard let user = try await UserStore(db: db).find(email: email), user.active, user.role == .endUser else {
                return false
            }
            try await db.raw("""
                INSERT INTO sign_in_links (token_hash, user_id, created_at, expires_at)
                VALUES (\(bind: APITokens.hash(token)), \(bind: user.id), \(bind: now), \(bind: now + Self.linkLifetime))
                """).run()
            try await MailNotifier(settings: mail).queueSignInLink(to: user, link: "\(baseURL)/sign-in/link/\(token)", db: db)
            return true
        }
        if sent, mail.smtpURL == nil {
            // Without SMTP the link waits in the outbox; the log lets an operator hand it over meanwhile.
            logger.notice("sign-in link for \(email) (no SMTP_URL, kept in the outbox): \(baseURL)/sign-in/link/\(token)")
        }
    }

    /// Whether a link token is still usable (for the confirmation page).
    func linkIsValid(_ token: String) async throws -> Bool {
        let now = Timestamp.now
        return try await database.read { db in
            try await db.raw("""
                SELECT 1 AS ok FROM sign_in_links l JOIN users u ON u.id = l.user_id
                WHERE l.token_hash = \(bind: APITokens.hash(token)) AND l.used_at IS NULL
                  AND l.expires_at > \(bind: now) AND u.active = \(bind: true)
                """).first() != nil
        }
    }

    /// Uses a one-time link: marks it used and starts a session, or nil when it is unknown, used or expired.
    func redeemLink(_ token: String, userAgent: String) async throws -> (cookie: String, session: WebSession, user: UserRecord)? {
        let now = Timestamp.now
        return try await database.write { db in
            guard let row = try await db.raw("""
                SELECT user_id FROM sign_in_links
                WHERE token_hash = \(bind: APITokens.hash(token)) AND used_at IS NULL AND expires_at > \(bind: now)
                """).first() else { return nil }
            let userID = try row.decode(column: "user_id", as: Int.self)
            guard let user = try await UserStore(db: db).find(id: userID), user.active else { return nil }
            try await db.raw("UPDATE sign_in_links SET used_at = \(bind: now) WHERE token_hash = \(bind: APITokens.hash(token))").run()
            let (cookie, session) = try await SessionStore(db: db).create(userID: userID, userAgent: userAgent, now: now)
            return (cookie, session, user)
        }
    }

    /// Sets a password after checking its strength; signs the person out everywhere else. Returns the problems
    /// (empty when it was set).
    func setPassword(userID: Int, password: String) async throws -> [String] {
        guard let user = try await database.read({ db in try await UserStore(db: db).find(id: userID) }) else {
            throw APIError.notFound()
        }
        let problems = PasswordPolicy.problems(password, email: user.email, name: user.name)
        guard problems.isEmpty else { return problems }
        let cost = bcryptCost
        let hash = try await Self.offload { Bcrypt.hash(password, cost: cost) }
        try await database.write { db in
            try await UserStore(db: db).setPassword(userID: userID, hash: hash)
            try await SessionStore(db: db).deleteAll(userID: userID)
            if let email = user.email { try await SignInThrottleStore(db: db).clear(keys: [SignInThrottleStore.accountKey(email)]) }
        }
        return []
    }
}
