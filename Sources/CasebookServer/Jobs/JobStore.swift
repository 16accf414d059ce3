import Foundation
import SQLKit

/// A job as the runner claimed it.
struct Job: Sendable, Equatable {
    var id: Int
    var kind: String
    var uniqueKey: String?
    var payload: String
    var attempts: Int
}

/// The `jobs` table. A claim sets a lease; finishing deletes the job (or moves a recurring one to its next run);
/// a process that dies mid-run leaves the lease to expire, and the job is claimed again.
struct JobStore: Sendable {
    let db: any SQLDatabase

    /// Adds a job; with a `uniqueKey` that is already pending, keeps the pending one but brings it forward to
    /// `runAt` when that is sooner (so "route waiting tickets now" never waits for the next period).
    func schedule(kind: String, uniqueKey: String? = nil, payload: String = "", runAt: Int64, now: Int64) async throws {
        if let uniqueKey {
            try await db.raw("""
                INSERT INTO jobs (kind, unique_key, payload, run_at, created_at)
                VALUES (\(bind: kind), \(bind: uniqueKey), \(bind: payload), \(bind: runAt), \(bind: now))
                ON CONFLICT (unique_key) DO UPDATE SET run_at = excluded.run_at
                WHERE jobs.run_at > excluded.run_at AND jobs.locked_until IS NULL
                """).run()
        } else {
            try await db.raw("""
                INSERT INTO jobs (kind, payload, run_at, created_at)
                VALUES (\(bind: kind), \(bind: payload), \(bind: runAt), \(bind: now))
                """).run()
        }
    }

    /// Claims up to `limit` due jobs for `lease` milliseconds. On PostgreSQL, `SKIP LOCKED` lets several nodes claim
    /// side by side without waiting on each other; SQLite has one writer, so the plain subquery is already exclusive.
    func claimDue(now: Int64, lease: Int64, limit: Int, engine: SQLEngine) async throws -> [Job] {
        let skipLocked: SQLQueryString = engine == .postgres ? " FOR UPDATE SKIP LOCKED" : ""
        let rows = try await db.raw("""
            UPDATE jobs SET locked_until = \(bind: now + lease), attempts = attempts + 1
            WHERE id IN (SELECT id FROM jobs WHERE run_at <= \(bind: now)
                           AND (locked_until IS NULL OR locked_until <= \(bind: now))
                         ORDER BY run_at, id LIMIT \(bind: limit)\(skipLocked))
            RETURNING id, kind, unique_key, payload, attempts
            """).all()
        return try rows.map { row in
            Job(id: try row.decode(column: "id", as: Int.self), kind: try row.decode(column: "kind", as: String.self),
                uniqueKey: try row.decode(column: "unique_key", as: String?.self),
                payload: try row.decode(column: "payload", as: String.self),
                attempts: try row.decode(column: "attempts", as: Int.self))
        }.sorted { $0.id < $1.id }
    }

    func finish(_ job: Job) async throws {
        try await db.raw("DELETE FROM jobs WHERE id = \(bind: job.id)").run()
    }

    /// A recurring job done for now: next run at `runAt`, lease and attempts cleared.
    func reschedule(_ job: Job, runAt: Int64) async throws {
        try await db.raw("""
            UPDATE jobs SET run_at = \(bind: runAt), locked_until = NULL, attempts = 0, last_error = NULL
            WHERE id = \(bind: job.id)
            """).run()
    }

    func fail(_ job: Job, error: String, retryAt: Int64) async throws {
        try await db.raw("""
            UPDATE jobs SET run_at = \(bind: retryAt), locked_until = NULL, last_error = \(bind: error)
            WHERE id = \(bind: job.id)
            """).run()
    }

    struct Row: Sendable {
        var kind: String
        var uniqueKey: String?
        var runAt: Int64
        var attempts: Int
        var lastError: String?
    }

    func list() async throws -> [Row] {
        try await db.raw("SELECT kind, unique_key, run_at, attempts, last_error FROM jobs ORDER BY run_at, id").all().map { row in
            Row(kind: try row.decode(column: "kind", as: String.self), uniqueKey: try row.decode(column: "unique_key", as: String?.self),
                runAt: try row.decode(column: "run_at", as: Int64.self), attempts: try row.decode(column: "attempts", as: Int.self),
                lastError: try row.decode(column: "last_error", as: String?.self))
        }
    }
}
