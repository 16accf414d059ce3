import CasebookCore
import Foundation
import SQLKit

/// Consecutive sign-in failures per account and per address, with the back-off `SignInThrottle` decides.
struct SignInThrottleStore: Sendable {
    let db: any SQLDatabase

    /// An office behind one address shares it, so an address gets more free failures than an account.
    static let addressAllowance = 7

    static func accountKey(_ email: String) -> String { "account:" + email.lowercased() }
    static func addressKey(_ address: String) -> String { "address:" + address }

    /// Seconds to wait before another attempt on any of the keys (0 = go ahead).
    func secondsToWait(keys: [String], now: Int64) async throws -> Int {
        let rows = try await db.raw("""
            SELECT locked_until FROM sign_in_failures WHERE throttle_key IN (\(binds: keys))
            """).all()
        return try rows.map { SignInThrottle.secondsToWait(lockedUntil: try $0.decode(column: "locked_until", as: Int64?.self), now: now) }
            .max() ?? 0
    }

    func recordFailure(key: String, now: Int64) async throws {
        let failures = (try await db.raw("SELECT failures FROM sign_in_failures WHERE throttle_key = \(bind: key)")
            .first()?.decode(column: "failures", as: Int.self) ?? 0) + 1
        let counted = key.hasPrefix("address:") ? max(0, failures - Self.addressAllowance) : failures
        let lockout = SignInThrottle.lockout(afterFailures: counted)
        let lockedUntil: Int64? = lockout > 0 ? now + lockout : nil
        try await db.raw("""
            INSERT INTO sign_in_failures (throttle_key, failures, locked_until, updated_at)
            VALUES (\(bind: key), \(bind: failures), \(bind: lockedUntil), \(bind: now))
            ON CONFLICT (throttle_key) DO UPDATE SET failures = \(bind: failures), locked_until = \(bind: lockedUntil),
                updated_at = \(bind: now)
            """).run()
    }

    func clear(keys: [String]) async throws {
        try await db.raw("DELETE FROM sign_in_failures WHERE throttle_key IN (\(binds: keys))").run()
    }
}
