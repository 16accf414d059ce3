import Foundation
import Logging
import ServiceLifecycle

/// What a job handler decides when it is done.
enum JobOutcome: Sendable, Equatable {
    /// Remove the job.
    case done
    /// A recurring job: run again at this time.
    case again(at: Int64)
}

/// Runs what the `jobs` table holds: timers (SLA checks, presence idle, routing retries) and the mail outbox.
/// Handlers are keyed by kind; every recurring job is (re)scheduled at start under a unique key, so one instance
/// exists however many nodes run. Time comes from the injected clock.
struct JobRunner: Service {
    typealias Handler = @Sendable (Job, Int64) async throws -> JobOutcome

    struct Recurring: Sendable {
        var kind: String
        var everyMillis: Int64
    }

    let database: Database
    let clock: AppClock
    let logger: Logger
    var handlers: [String: Handler] = [:]
    var recurring: [Recurring] = []
    /// How long a claimed job belongs to this process; a crash frees it after this.
    var leaseMillis: Int64 = 5 * 60 * 1000
    var pollMillis: Int64 = 500
    var retryMillis: Int64 = 60 * 1000

    init(database: Database, clock: AppClock, logger: Logger) {
        self.database = database
        self.clock = clock
        self.logger = logger
    }

    mutating func every(_ millis: Int64, _ kind: String, _ handler: @escaping @Sendable (Int64) async throws -> Void) {
        recurring.append(Recurring(kind: kind, everyMillis: millis))
        handlers[kind] = { _, now in
            try await handler(now)
            return .again(at: now + millis)
        }
    }

    /// Puts each recurring job in the table if it is not there (a restart keeps the pending ones).
    func scheduleRecurring() async throws {
        let now = clock.now()
        try await database.write { db in
            let store = JobStore(db: db)
            for job in recurring {
                try await store.schedule(kind: job.kind, uniqueKey: job.kind, runAt: now, now: now)
            }
        }
    }

    func run() async throws {
        try await scheduleRecurring()
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                let ran = (try? await self.runDue()) ?? 0
                if ran == 0 { try? await Task.sleep(for: .milliseconds(self.pollMillis)) }
            }
        }
    }

    /// Claims and runs every due job once; returns how many ran.
    @discardableResult
    func runDue(limit: Int = 20) async throws -> Int {
        let now = clock.now()
        let engine = database.engine
        let batch = try await database.write { db in
            try await JobStore(db: db).claimDue(now: now, lease: leaseMillis, limit: limit, engine: engine)
        }
        for job in batch {
            guard let handler = handlers[job.kind] else {
                try await database.write { db in
                    try await JobStore(db: db).fail(job, error: "No handler for job kind \(job.kind)", retryAt: now + retryMillis)
                }
                continue
            }
            do {
                let outcome = try await handler(job, now)
                try await database.write { db in
                    switch outcome {
                    case .done: try await JobStore(db: db).finish(job)
                    case .again(let at): try await JobStore(db: db).reschedule(job, runAt: at)
                    }
                }
            } catch {
                logger.warning("job failed", metadata: ["job": "\(job.kind)", "error": "\(error)", "attempt": "\(job.attempts)"])
                let delay = min(retryMillis << min(job.attempts - 1, 6), 60 * 60 * 1000)
                try await database.write { db in
                    try await JobStore(db: db).fail(job, error: "\(error)", retryAt: now + delay)
                }
            }
        }
        return batch.count
    }
}
