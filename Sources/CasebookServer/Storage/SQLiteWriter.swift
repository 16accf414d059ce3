import Logging
import NIOCore
import NIOPosix
import SQLKit

/// SQLite's single writer, with group commit: write transactions that arrive while one batch runs are queued and
/// run together in the next transaction, each inside its own savepoint. A job that fails rolls back to its
/// savepoint and fails alone; the others commit. Callers are answered only after the commit, so a write they were
/// told succeeded is on disk (in the WAL).
actor SQLiteWriter {
    private let connection: InlineSQLiteConnection
    private let logger: Logger
    private var pending: [Job] = []
    private var draining = false
    static let maxBatch = 64

    private struct Job {
        let body: @Sendable (any SQLDatabase) async throws -> any Sendable
        let continuation: CheckedContinuation<any Sendable, any Error>
    }

    init(connection: InlineSQLiteConnection, logger: Logger) {
        self.connection = connection
        self.logger = logger
    }

    func submit<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        let value = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<any Sendable, any Error>) in
            pending.append(Job(body: { try await body($0) }, continuation: continuation))
            if !draining {
                draining = true
                Task { await self.drain() }
            }
        }
        return value as! R
    }

    private func drain() async {
        let db = InlineSQLiteDatabase(connection: connection, logger: logger,
                                      eventLoop: MultiThreadedEventLoopGroup.singleton.any())
        while !pending.isEmpty {
            let batch = Array(pending.prefix(Self.maxBatch))
            pending.removeFirst(batch.count)
            var outcomes: [Result<any Sendable, any Error>] = []
            do {
                try await db.raw("BEGIN IMMEDIATE").run()
                for job in batch {
                    try await db.raw("SAVEPOINT job").run()
                    do {
                        let value = try await job.body(db)
                        try await db.raw("RELEASE job").run()
                        outcomes.append(.success(value))
                    } catch {
                        try await db.raw("ROLLBACK TO job").run()
                        try await db.raw("RELEASE job").run()
                        outcomes.append(.failure(error))
                    }
                }
                try await db.raw("COMMIT").run()
            } catch {
                // The transaction itself failed (disk full, I/O error): nothing of the batch is kept.
                try? await db.raw("ROLLBACK").run()
                logger.error("write batch failed", metadata: ["error": "\(error)"])
                outcomes = batch.map { _ in .failure(error) }
            }
            for (job, outcome) in zip(batch, outcomes) { job.continuation.resume(with: outcome) }
        }
        draining = false
    }
}
