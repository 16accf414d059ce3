import SQLKit

/// The presence history (`presence_intervals`): each change of an agent's status closes their open interval and
/// opens one with the new status; setting the status they already have changes nothing. The workload report sums
/// these intervals.
extension PresenceStore {
    func recordStatus(userID: Int, _ status: String, at now: Int64) async throws {
        let open = try await db.raw("""
            SELECT id, status FROM presence_intervals WHERE user_id = \(bind: userID) AND ended_at IS NULL
            """).all()
        if open.count == 1, try open[0].decode(column: "status", as: String.self) == status { return }
        if !open.isEmpty {
            try await db.raw("""
                UPDATE presence_intervals SET ended_at = \(bind: now) WHERE user_id = \(bind: userID) AND ended_at IS NULL
                """).run()
        }
        try await db.raw("""
            INSERT INTO presence_intervals (user_id, status, started_at) VALUES (\(bind: userID), \(bind: status), \(bind: now))
            """).run()
    }
}
