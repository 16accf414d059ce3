import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// Opens the database, brings the schema up to date, and runs the HTTP server until SIGTERM or SIGINT.
public enum Server {
    public static func open(_ config: AppConfig, logger: Logger) async throws -> Database {
        let database = try await Database.open(config.database, logger: logger)
        do {
            let applied = try await Migrator(database: database).migrate()
            for name in applied { logger.info("applied migration", metadata: ["migration": "\(name)"]) }
        } catch {
            await database.shutdown()
            throw error
        }
        return database
    }

    public static func run(_ config: AppConfig, database: Database, logger: Logger) async throws {
        let services = CasebookServices(config: config, database: database, logger: logger)
        services.metrics.bootstrapProcessWide()
        let app = buildApplication(config: config, database: database, logger: logger, services: services)
        let jobs = try services.jobRunner()
        // Mail stored but not processed when the server last stopped is processed now.
        await InboundMailService(database: database, tickets: services.tickets, settings: config.mail, logger: logger).resumeUnfinished()
        let serviceGroup = ServiceGroup(configuration: .init(
            services: [app, SessionHousekeeping(database: database, logger: logger), jobs],
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await serviceGroup.run()
    }
}
