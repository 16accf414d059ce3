import Foundation
import Logging
import ServiceLifecycle
import SQLKit

/// Clears what sign-in leaves behind: ended sessions, old one-time links and stale failure counters.
struct SessionHousekeeping: Service {
    let database: Database
    let logger: Logger
    var interval: Duration = .seconds(600)

    func run() async throws {
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            do { try await sweep() } catch {
                logger.warning("session housekeeping failed: \(error)")
            }
            let pause = interval
            _ = try? await cancelWhenGracefulShutdown { try await Task.sleep(for: pause) }
        }
    }

    func sweep(now: Int64 = Timestamp.now) async throws {
        let day: Int64 = 24 * 3_600_000
        try await database.write { db in
            try await SessionStore(db: db).deleteExpired(now: now)
            try await db.raw("DELETE FROM sign_in_links WHERE expires_at <= \(bind: now - day)").run()
            try await db.raw("""
                DELETE FROM sign_in_failures WHERE updated_at <= \(bind: now - day)
                  AND (locked_until IS NULL OR locked_until <= \(bind: now))
                """).run()
            // Uploads never attached to a comment within three days (a draft abandoned) go, with unused contents.
            try await AttachmentStore(db: db).deleteStaleUploads(olderThan: now - 3 * day)
        }
    }
}
