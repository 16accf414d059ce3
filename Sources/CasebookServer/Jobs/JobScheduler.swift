import Foundation

/// Asks the job runner to do something soon (route waiting tickets now that someone is online, re-evaluate SLAs
/// after a calendar changed) by bringing the recurring job's next run forward.
struct JobScheduler: Sendable {
    let database: Database
    let clock: AppClock

    static let routeWaiting = "routing.retry"
    static let slaCheck = "sla.check"
    static let slaReevaluate = "sla.reevaluate"
    static let presenceIdle = "presence.idle"
    static let outbox = "outbox.deliver"
    static let rmaReminders = "rma.reminders"
    static let followUpReminders = "followUps.remind"
    static let reportFacts = "reports.facts"
    static let storageOptimize = "storage.optimize"

    func routeNow() async throws { try await soon(Self.routeWaiting) }
    func reevaluateSLAs() async throws { try await soon(Self.slaReevaluate) }

    func soon(_ kind: String) async throws {
        let now = clock.now()
        try await database.write { db in try await JobStore(db: db).schedule(kind: kind, uniqueKey: kind, runAt: now, now: now) }
    }
}
