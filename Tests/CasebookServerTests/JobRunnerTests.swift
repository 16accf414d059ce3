import Foundation
import Logging
import Synchronization
import Testing
@testable import CasebookServer

/// The durable job runner: one pending instance per recurring job, leases that survive a crash, back-off on
/// failure, and claims that never overlap between workers.
@Suite("Job runner")
struct JobRunnerTests {
    final class Counter: Sendable {
        let value = Mutex(0)
        func bump() { value.withLock { $0 += 1 } }
        var count: Int { value.withLock { $0 } }
    }

    struct Boom: Error, CustomStringConvertible { var description: String { "boom" } }

    static func runner(_ database: Database, _ clock: ManualClock) -> JobRunner {
        JobRunner(database: database, clock: clock.clock, logger: Logger(label: "test"))
    }

    @Test(arguments: TestDatabase.all)
    func recurringJobsAreScheduledOnceAndRunAgainAfterTheirPeriod(db: TestDatabase) async throws {
        try await db.withFreshDatabase { database in
            let clock = ManualClock()
            let ran = Counter()
            var runner = Self.runner(database, clock)
            runner.every(60_000, "tick") { _ in ran.bump() }
            try await runner.scheduleRecurring()
            try await runner.scheduleRecurring()
            #expect(try await database.read { db in try await JobStore(db: db).list() }.count == 1)
            #expect(try await runner.runDue() == 1)
            #expect(try await runner.runDue() == 0, "not due again until its period has passed")
            clock.advance(minutes: 1)
            #expect(try await runner.runDue() == 1)
            #expect(ran.count == 2)
            // Asking for it sooner brings the pending instance forward instead of adding another.
            try await JobScheduler(database: database, clock: clock.clock).soon("tick")
            #expect(try await database.read { db in try await JobStore(db: db).list() }.count == 1)
            #expect(try await runner.runDue() == 1)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aJobClaimedByAProcessThatDiedRunsAfterItsLease(db: TestDatabase) async throws {
        try await db.withFreshDatabase { database in
            let clock = ManualClock()
            let ran = Counter()
            var runner = Self.runner(database, clock)
            runner.handlers["once"] = { _, _ in ran.bump(); return .done }
            try await database.write { db in try await JobStore(db: db).schedule(kind: "once", runAt: clock.now, now: clock.now) }
            // Another process claims it and dies before finishing.
            let lease = runner.leaseMillis
            let claimed = try await database.write { db in
                try await JobStore(db: db).claimDue(now: clock.now, lease: lease, limit: 10, engine: database.engine)
            }
            #expect(claimed.count == 1)
            #expect(try await runner.runDue() == 0, "still leased")
            clock.advance(millis: runner.leaseMillis + 1)
            #expect(try await runner.runDue() == 1)
            #expect(ran.count == 1)
            #expect(try await database.read { db in try await JobStore(db: db).list() }.isEmpty, "done jobs are removed")
        }
    }

    @Test(arguments: TestDatabase.all)
    func aFailingJobIsRetriedLaterWithTheError(db: TestDatabase) async throws {
        try await db.withFreshDatabase { database in
            let clock = ManualClock()
            let tries = Counter()
            var runner = Self.runner(database, clock)
            runner.handlers["flaky"] = { _, _ in
                tries.bump()
                if tries.count < 3 { throw Boom() }
                return .done
            }
            try await database.write { db in try await JobStore(db: db).schedule(kind: "flaky", runAt: clock.now, now: clock.now) }
            #expect(try await runner.runDue() == 1)
            let row = try #require(try await database.read { db in try await JobStore(db: db).list() }.first)
            #expect(row.lastError == "boom")
            #expect(row.runAt == clock.now + runner.retryMillis)
            #expect(try await runner.runDue() == 0)
            clock.advance(millis: runner.retryMillis)
            #expect(try await runner.runDue() == 1)
            clock.advance(millis: runner.retryMillis * 2)
            #expect(try await runner.runDue() == 1)
            #expect(tries.count == 3)
            #expect(try await database.read { db in try await JobStore(db: db).list() }.isEmpty)
            // A kind nobody handles is kept with the reason, not lost.
            try await database.write { db in try await JobStore(db: db).schedule(kind: "unknown", runAt: clock.now, now: clock.now) }
            _ = try await runner.runDue()
            #expect(try await database.read { db in try await JobStore(db: db).list() }.first?.lastError?.contains("No handler") == true)
        }
    }

    @Test(arguments: TestDatabase.all)
    func concurrentWorkersNeverClaimTheSameJob(db: TestDatabase) async throws {
        try await db.withFreshDatabase { database in
            let now = Timestamp.now
            try await database.write { db in
                for i in 0..<60 { try await JobStore(db: db).schedule(kind: "k\(i)", runAt: now, now: now) }
            }
            let claims = try await withThrowingTaskGroup(of: [Int].self) { group in
                for _ in 0..<4 {
                    group.addTask {
                        var mine: [Int] = []
                        for _ in 0..<5 {
                            mine += try await database.write { db in
                                try await JobStore(db: db).claimDue(now: now, lease: 60_000, limit: 4, engine: database.engine)
                            }.map(\.id)
                        }
                        return mine
                    }
                }
                var all: [Int] = []
                for try await ids in group { all += ids }
                return all
            }
            #expect(claims.count == 60)
            #expect(Set(claims).count == 60)
        }
    }
}
