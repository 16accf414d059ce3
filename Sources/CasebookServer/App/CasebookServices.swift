import CasebookCore
import Foundation
import Logging

/// The services one Casebook process shares between its HTTP routes and its background jobs (so both see the same
/// caches and live events). Built once from the config.
public struct CasebookServices: Sendable {
    let config: AppConfig
    let database: Database
    let logger: Logger
    let live: LiveEvents
    let tickets: TicketService
    let routing: RoutingService
    let sla: SLAService
    let jobs: JobScheduler
    public let metrics: DeskMetrics

    public init(config: AppConfig, database: Database, logger: Logger) {
        self.config = config
        self.database = database
        self.logger = logger
        live = LiveEvents()
        routing = RoutingService(settings: config.routing, clock: config.clock)
        sla = SLAService(clock: config.clock)
        jobs = JobScheduler(database: database, clock: config.clock)
        metrics = DeskMetrics()
        var tickets = TicketService(database: database, live: live, notifier: MailNotifier(settings: config.mail))
        tickets.routing = routing
        tickets.sla = sla
        tickets.satisfaction = SatisfactionService(clock: config.clock, mail: config.mail)
        self.tickets = tickets
    }

    /// A policy, schedule or group's hours changed: forget the cached ones and re-evaluate open tickets soon.
    func slaChanged() async throws {
        sla.cache.invalidate()
        try await jobs.reevaluateSLAs()
    }

    /// The job runner with every handler: SLA checks and re-evaluation, presence idle, routing retries, the outbox.
    func jobRunner(mailSender: (any MailSending)? = nil) throws -> JobRunner {
        var runner = JobRunner(database: database, clock: config.clock, logger: logger)
        runner.pollMillis = config.jobPollMillis
        let tickets = tickets, sla = sla, routing = routing, database = database, idle = config.routing.idleAfterMillis
        let jobs = jobs
        runner.every(30_000, JobScheduler.slaCheck) { _ in
            try await sla.materialiseDueBreaches(database: tickets.database)
            try await sla.escalateDue(tickets: tickets)
        }
        runner.every(30_000, JobScheduler.routeWaiting) { _ in try await routing.routeWaiting(tickets: tickets) }
        runner.every(60_000, JobScheduler.presenceIdle) { now in
            _ = try await database.write { db in try await PresenceStore(db: db).markIdleAway(idleBefore: now - idle, now: now) }
        }
        let rmas = RMAService(tickets: tickets, clock: config.clock)
        runner.every(60 * 60_000, JobScheduler.rmaReminders) { _ in _ = try await rmas.remindOverdue(database: database) }
        let followUps = FollowUpService(services: self)
        runner.every(60_000, JobScheduler.followUpReminders) { _ in try await followUps.remindDue(database: database) }
        runner.every(60_000, JobScheduler.reportFacts) { now in
            try await ReportRefresh.run(database, upTo: now - TicketFactsRefresher.lagMillis, now: now, maxBatches: 50)
        }
        let logger = logger
        runner.every(60 * 60_000, JobScheduler.storageOptimize) { _ in
            let analysed = try await database.optimize()
            if !analysed.isEmpty { logger.info("Planner statistics refreshed", metadata: ["statements": "\(analysed)"]) }
        }
        runner.handlers[JobScheduler.slaReevaluate] = { _, _ in
            try await sla.reevaluateAll(database: database)
            try await jobs.soon(JobScheduler.slaCheck)
            return .done
        }
        let outbox = try OutboxWorker(database: database, settings: config.mail, logger: logger, sender: mailSender)
        if let sender = outbox.sender {
            runner.every(config.mail.pollMillis, JobScheduler.outbox) { _ in
                while try await outbox.deliverDue(using: sender) > 0 {}
            }
        } else {
            logger.notice("SMTP_URL is not set: outgoing mail stays in the outbox (see /admin/mail)")
        }
        return runner
    }
}
