import ArgumentParser
import AsyncHTTPClient
import CasebookCore
import CasebookServer
import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOHTTP1
import ServiceLifecycle

struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Measure Casebook and append the figures to BENCHMARKS.md.",
                                                    subcommands: [Foundation.self, Workspace.self, Email.self, Routing.self, Allocation.self, Reports.self])

    struct Foundation: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "foundation",
            abstract: "Ticket creates/s over HTTP (8 clients) and p50/p99 of a ticket list and a search at volume.")

        @Option(help: "Tickets in the database when reads are measured.") var tickets = 100_000
        @Option(help: "Tickets created over HTTP for the create rate.") var creates = 10_000
        @Option(help: "Concurrent HTTP clients creating tickets.") var clients = 8
        @Option(help: "Requests timed for each read.") var samples = 500
        @Option(help: "sqlite, postgres or both (postgres needs CASEBOOK_BENCH_POSTGRES_URL or DATABASE_URL).")
        var engine = "both"
        @Option(help: "File the figures are appended to.") var output = "BENCHMARKS.md"

        func run() async throws {
            let rows = try await BenchEngines.each(engine) { name, location, logger in
                try await measure(location, logger: logger).row(engine: name)
            }
            try BenchReport.append(
                title: "Foundation", subcommand: "foundation",
                about: ["Creates: \(creates) tickets over HTTP by \(clients) concurrent clients. Reads: \(samples) sequential requests each, at \(tickets) tickets; the `assignee:me` agent holds a tenth of them.",
                        "Targets: ≥ 2,000 creates/s on SQLite; p99 ≤ 20 ms for both reads."],
                columns: ["engine", "creates/s", "list p50 ms", "list p99 ms", "search p50 ms", "search p99 ms", "targets"],
                rows: rows, to: output)
        }

        struct Figures {
            var createsPerSecond: Double
            var list: Percentiles
            var search: Percentiles

            func row(engine: String) -> String {
                let met = (engine != "SQLite" || createsPerSecond >= 2000) && list.p99 <= 20 && search.p99 <= 20
                return "| \(engine) | \(Int(createsPerSecond)) | \(list.cells) | \(search.cells) | \(met ? "met" : "NOT met") |"
            }
        }

        func measure(_ location: DatabaseLocation, logger: Logger) async throws -> Figures {
            try await BenchServer.with(location, connections: clients, logger: logger) { server in
                // Creates over HTTP.
                let body = #"{"ticket":{"subject":"My switch drops packets","priority":"high","tags":["hardware","bench"],"comment":{"body":"Port 3 flaps every few minutes since the firmware update."},"requester_id":\#(server.requester.userID)}}"#
                let perClient = creates / clients
                let clock = ContinuousClock()
                let started = clock.now
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for _ in 0..<clients {
                        group.addTask {
                            for _ in 0..<perClient {
                                _ = try await server.send(.POST, "/api/v2/tickets", headers: server.apiHeaders, body: body,
                                                          expect: .created)
                            }
                        }
                    }
                    try await group.waitForAll()
                }
                let elapsed = clock.now - started
                let rate = Double(perClient * clients) / seconds(elapsed)
                say("creates: \(perClient * clients) in \(String(format: "%.2f", seconds(elapsed))) s = \(Int(rate))/s")

                // Volume for the reads.
                try await server.seed(upTo: tickets, existing: perClient * clients)
                let list = try await server.latencies("/api/v2/tickets?per_page=50", headers: server.apiHeaders, samples: samples)
                say("list p50 \(list.p50) ms, p99 \(list.p99) ms")
                let search = try await server.latencies("/api/v2/search?query=status%3Aopen%20assignee%3Ame",
                                                        headers: server.apiHeaders, samples: samples)
                say("search p50 \(search.p50) ms, p99 \(search.p99) ms")
                return Figures(createsPerSecond: rate, list: list, search: search)
            }
        }
    }

    struct Workspace: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "workspace",
            abstract: "p50/p99 of the agent's ticket page (a long timeline) and view pages at volume, signed in through the web.")

        @Option(help: "Tickets in the database when pages are measured.") var tickets = 100_000
        @Option(help: "Timeline entries of the measured ticket (its creation and updates over the REST API).")
        var entries = 200
        @Option(help: "Requests timed for each page.") var samples = 500
        @Option(help: "sqlite, postgres or both (postgres needs CASEBOOK_BENCH_POSTGRES_URL or DATABASE_URL).")
        var engine = "both"
        @Option(help: "File the figures are appended to.") var output = "BENCHMARKS.md"

        /// Other tickets of the measured ticket's requester, for the page's "their other tickets" list.
        static let callerTickets = 5

        func run() async throws {
            guard entries >= 1, tickets >= 1 + Self.callerTickets else {
                throw ValidationError("--entries must be at least 1 and --tickets at least \(1 + Self.callerTickets)")
            }
            var timelines: Set<Int> = []
            let rows = try await BenchEngines.each(engine) { name, location, logger in
                let figures = try await measure(location, logger: logger)
                timelines.insert(figures.timelineEntries)
                return figures.row(engine: name)
            }
            let shown = timelines.sorted().map(String.init).joined(separator: "/")
            try BenchReport.append(
                title: "Workspace", subcommand: "workspace",
                about: ["Pages: \(samples) sequential GETs each (after \(BenchServer.warmUp) warm-up requests) by an agent signed in through the web (session cookie), at \(tickets) tickets; the agent is assignee of a tenth of them.",
                        "Ticket page: `/agent/tickets/ID` of a ticket with \(entries) timeline entries (\(shown) rendered), created and updated over the REST API: public replies, internal notes, call logs, status/priority/assignee changes. View pages: `/agent/views/mine` and `/agent/views/unassigned` (first page, with the counts of every view in the navigation).",
                        "Target: p99 ≤ 30 ms on SQLite for the ticket page and the view pages."],
                columns: ["engine", "ticket p50 ms", "ticket p99 ms", "mine p50 ms", "mine p99 ms",
                          "unassigned p50 ms", "unassigned p99 ms", "target"],
                rows: rows, to: output)
        }

        struct Figures {
            var timelineEntries: Int
            var ticket: Percentiles
            var mine: Percentiles
            var unassigned: Percentiles

            func row(engine: String) -> String {
                let within = [ticket, mine, unassigned].allSatisfy { $0.p99 <= 30 }
                let verdict = engine == "SQLite" ? (within ? "met" : "NOT met") : (within ? "— (within 30 ms)" : "— (over 30 ms)")
                return "| \(engine) | \(ticket.cells) | \(mine.cells) | \(unassigned.cells) | \(verdict) |"
            }
        }

        func measure(_ location: DatabaseLocation, logger: Logger) async throws -> Figures {
            try await BenchServer.with(location, connections: 1, logger: logger) { server in
                let database = server.database
                let colleague = try await Accounts.create(database: database, email: "bench-colleague@casebook.local",
                                                          name: "Bench Colleague", role: .agent, bcryptCost: 4)
                let caller = try await Accounts.create(database: database, email: "bench-caller@example.com",
                                                       name: "Bench Caller", role: .endUser)
                try await BenchSeeder.seedTickets(database, count: Self.callerTickets, requesterID: caller.userID,
                                                  assigneeID: colleague.userID)
                try await server.seed(upTo: tickets - 1, existing: Self.callerTickets)

                say("creating a ticket with \(entries) timeline entries over the REST API…")
                let created = try await server.send(.POST, "/api/v2/tickets", headers: server.apiHeaders,
                                                    body: BenchSeeder.timelineTicket(requesterID: caller.userID), expect: .created)
                guard let json = try JSONSerialization.jsonObject(with: Data(created.body.readableBytesView)) as? [String: Any],
                      let ticketID = (json["ticket"] as? [String: Any])?["id"] as? Int else {
                    throw ValidationError("the created ticket has no id: \(String(buffer: created.body).prefix(200))")
                }
                for update in BenchSeeder.timelineUpdates(count: entries - 1, agentIDs: [server.agent.userID, colleague.userID]) {
                    _ = try await server.send(.PUT, "/api/v2/tickets/\(ticketID)", headers: server.apiHeaders, body: update, expect: .ok)
                }
                try await database.refreshStatistics()

                let cookie = try await server.signIn(email: server.agent.email, password: BenchServer.agentPassword)
                let page = "/agent/tickets/\(ticketID)"
                let shown = try await server.send(.GET, page, headers: cookie, expect: .ok)
                let rendered = String(buffer: shown.body).components(separatedBy: #"class="timeline-entry"#).count - 1
                say("ticket #\(ticketID): \(rendered) timeline entries rendered (\(shown.body.readableBytes / 1024) KiB page)")
                if rendered != entries { say("warning: expected \(entries) timeline entries on the page") }

                let ticket = try await server.latencies(page, headers: cookie, samples: samples)
                say("ticket page p50 \(ticket.p50) ms, p99 \(ticket.p99) ms")
                let mine = try await server.latencies("/agent/views/mine", headers: cookie, samples: samples)
                say("mine view p50 \(mine.p50) ms, p99 \(mine.p99) ms")
                let unassigned = try await server.latencies("/agent/views/unassigned", headers: cookie, samples: samples)
                say("unassigned view p50 \(unassigned.p50) ms, p99 \(unassigned.p99) ms")
                return Figures(timelineEntries: rendered, ticket: ticket, mine: mine, unassigned: unassigned)
            }
        }
    }
}

/// The engines a bench runs on, from its `--engine` option: SQLite in a temporary directory, PostgreSQL at the URL
/// of the environment.
enum BenchEngines {
    /// Runs `body` on each engine in turn, with a quiet logger, and returns what it returned.
    static func each<T>(_ engine: String, _ body: (String, DatabaseLocation, Logger) async throws -> T) async throws -> [T] {
        var logger = Logger(label: "bench")
        logger.logLevel = .warning
        let env = ProcessInfo.processInfo.environment
        var engines: [(String, DatabaseLocation)] = []
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("casebook-bench-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        if engine == "sqlite" || engine == "both" {
            engines.append(("SQLite", .sqlite(path: dir.appendingPathComponent("casebook.sqlite").path)))
        }
        if engine == "postgres" || engine == "both" {
            guard let url = env["CASEBOOK_BENCH_POSTGRES_URL"] ?? env["DATABASE_URL"] else {
                throw ValidationError("PostgreSQL needs CASEBOOK_BENCH_POSTGRES_URL=postgres://… (an empty database)")
            }
            engines.append(("PostgreSQL", .postgres(url: url)))
        }
        guard !engines.isEmpty else { throw ValidationError("--engine is sqlite, postgres or both") }
        var results: [T] = []
        for (name, location) in engines {
            say("== \(name)")
            results.append(try await body(name, location, logger))
        }
        return results
    }
}

extension BenchEngines {
    /// Opens a fresh database at `location`, runs `body` on it and shuts it down, also when `body` throws.
    static func withDatabase<T>(_ location: DatabaseLocation, logger: Logger, _ body: (Database) async throws -> T) async throws -> T {
        var config = AppConfig(environment: [:])
        config.database = location
        let database = try await Server.open(config, logger: logger)
        do {
            let result = try await body(database)
            await database.shutdown()
            return result
        } catch {
            await database.shutdown()
            throw error
        }
    }
}

/// A section of BENCHMARKS.md: heading, command, machine, what was measured, and a table of one row per engine.
enum BenchReport {
    static func append(title: String, subcommand: String, about: [String], columns: [String], rows: [String],
                       to output: String) throws {
        let command = "swift run -c release casebook bench \(subcommand) " + CommandLine.arguments.dropFirst(3).joined(separator: " ")
        let text = """

            ## \(title) — \(isoString(Date()))
            Command: `\(command.trimmingCharacters(in: .whitespaces))`
            Machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.physicalMemory / 1_073_741_824) GiB; release build; server and clients in one process on loopback.
            \(about.joined(separator: "\n"))

            | \(columns.joined(separator: " | ")) |
            |\(String(repeating: "---|", count: columns.count))
            \(rows.joined(separator: "\n"))

            """
        say(text)
        let url = URL(fileURLWithPath: output)
        if !FileManager.default.fileExists(atPath: url.path) {
            try "# Casebook benchmarks\n\nFigures appended by `casebook bench …` (release build).\n".write(to: url, atomically: true, encoding: .utf8)
        }
        let handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
    }
}

/// The median and 99th percentile of a series of request times, in milliseconds rounded to hundredths.
struct Percentiles {
    var p50: Double
    var p99: Double

    init(_ milliseconds: [Double]) {
        let times = milliseconds.sorted()
        func pct(_ p: Double) -> Double { times[min(times.count - 1, Int(Double(times.count) * p))] }
        p50 = (pct(0.50) * 100).rounded() / 100
        p99 = (pct(0.99) * 100).rounded() / 100
    }

    /// The two table cells `p50 | p99`.
    var cells: String { String(format: "%.2f | %.2f", p50, p99) }
}

/// A migrated database with the bench's agent and customer, served in-process on a loopback port, and an HTTP client.
struct BenchServer: Sendable {
    static let agentPassword = "Blue-Lantern-Orbit-42"
    /// Requests before the timed ones, to warm caches.
    static let warmUp = 20

    let database: Database
    let agent: Accounts.Credentials
    let requester: Accounts.Credentials
    let base: String
    let http: HTTPClient

    var apiHeaders: [(String, String)] { [("Authorization", "Bearer \(agent.token)"), ("Content-Type", "application/json")] }

    /// Opens and migrates the database, starts the server, runs `body`, and stops both again (also when it throws).
    static func with<T>(_ location: DatabaseLocation, connections: Int, logger: Logger,
                        _ body: (BenchServer) async throws -> T) async throws -> T {
        let database = try await Database.open(location, logger: logger)
        return try await ensuring {
            try await serve(database, connections: connections, logger: logger, body)
        } cleanup: {
            await database.shutdown()
        }
    }

    private static func serve<T>(_ database: Database, connections: Int, logger: Logger,
                                 _ body: (BenchServer) async throws -> T) async throws -> T {
        try await Migrator(database: database).migrate()
        let agent = try await Accounts.create(database: database, email: "bench-agent@casebook.local", name: "Bench Agent",
                                              role: .agent, password: agentPassword, bcryptCost: 4)
        let requester = try await Accounts.create(database: database, email: "bench-customer@example.com",
                                                  name: "Bench Customer", role: .endUser)
        var config = AppConfig(environment: [:])
        config.rateLimitPerMinute = 0
        config.bcryptCost = 4
        let portBox = PortBox()
        let app = Application(
            router: buildRouter(config: config, database: database, logger: logger),
            configuration: .init(address: .hostname("127.0.0.1", port: 0), serverName: "Casebook"),
            onServerRunning: { channel in await portBox.set(channel.localAddress?.port ?? 0) },
            logger: logger)
        let services = ServiceGroup(configuration: .init(services: [app], logger: logger))
        let server = Task { try await services.run() }
        let http = HTTPClient(eventLoopGroupProvider: .singleton,
                              configuration: .init(redirectConfiguration: .disallow,
                                                   connectionPool: .init(idleTimeout: .seconds(60),
                                                                         concurrentHTTP1ConnectionsPerHostSoftLimit: connections)))
        return try await ensuring {
            let port = try await portBox.wait()
            return try await body(BenchServer(database: database, agent: agent, requester: requester,
                                              base: "http://127.0.0.1:\(port)", http: http))
        } cleanup: {
            try? await http.shutdown()
            await services.triggerGracefulShutdown()
            _ = try? await server.value
        }
    }

    /// Bulk-inserts tickets of the bench customer (a tenth assigned to the bench agent) until there are `total`,
    /// then refreshes the planner's statistics, as autovacuum (PostgreSQL) or a periodic ANALYZE would.
    func seed(upTo total: Int, existing: Int) async throws {
        if total > existing {
            say("seeding \(total - existing) more tickets…")
            try await BenchSeeder.seedTickets(database, count: total - existing, requesterID: requester.userID,
                                              assigneeID: agent.userID)
        }
        try await database.refreshStatistics()
    }

    /// One request; throws unless it is answered with `expect`.
    func send(_ method: HTTPMethod, _ path: String, headers: [(String, String)] = [], body: String? = nil,
              expect: HTTPResponseStatus) async throws -> (headers: HTTPHeaders, body: ByteBuffer) {
        var request = HTTPClientRequest(url: base + path)
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(string: body)) }
        let response = try await http.execute(request, timeout: .seconds(30))
        let received = try await response.body.collect(upTo: 16 << 20)
        guard response.status == expect else {
            throw ValidationError("\(method) \(path) answered \(response.status): \(String(buffer: received).prefix(300))")
        }
        return (response.headers, received)
    }

    /// p50/p99 of `samples` sequential GETs of `path`, after the warm-up requests.
    func latencies(_ path: String, headers: [(String, String)], samples: Int) async throws -> Percentiles {
        var times: [Double] = []
        let clock = ContinuousClock()
        for i in 0..<(samples + Self.warmUp) {
            let start = clock.now
            _ = try await send(.GET, path, headers: headers, expect: .ok)
            if i >= Self.warmUp { times.append(seconds(clock.now - start) * 1000) }
        }
        return Percentiles(times)
    }

    /// Signs in through the web form as a browser does and returns the `Cookie` header of the session.
    func signIn(email: String, password: String) async throws -> [(String, String)] {
        let form = try await send(.GET, "/sign-in", expect: .ok)
        let html = String(buffer: form.body)
        guard let csrfCookie = Self.cookie("casebook_csrf", in: form.headers),
              let field = html.range(of: #"name="csrf" value=""#),
              let end = html[field.upperBound...].firstIndex(of: "\"") else {
            throw ValidationError("the sign-in page has no CSRF cookie or field")
        }
        let token = String(html[field.upperBound..<end])
        let values = [("csrf", token), ("email", email), ("password", password)]
        let answer = try await send(.POST, "/sign-in",
                                    headers: [("Content-Type", "application/x-www-form-urlencoded"),
                                              ("Cookie", "casebook_csrf=\(csrfCookie)")],
                                    body: values.map { "\($0)=\(Self.formEncoded($1))" }.joined(separator: "&"),
                                    expect: .seeOther)
        guard let session = Self.cookie("casebook_session", in: answer.headers) else {
            throw ValidationError("signing in set no session cookie")
        }
        return [("Cookie", "casebook_session=\(session)")]
    }

    static func cookie(_ name: String, in headers: HTTPHeaders) -> String? {
        for line in headers["Set-Cookie"] {
            let pair = line.prefix { $0 != ";" }
            if pair.hasPrefix(name + "=") { return String(pair.dropFirst(name.count + 1)) }
        }
        return nil
    }

    static func formEncoded(_ value: String) -> String {
        value.addingPercentEncoding(withAllowedCharacters: CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")) ?? value
    }
}

/// Runs `body`, then `cleanup` whether or not it threw: an asynchronous `defer`.
private func ensuring<T>(_ body: () async throws -> T, cleanup: () async -> Void) async throws -> T {
    do {
        let value = try await body()
        await cleanup()
        return value
    } catch {
        await cleanup()
        throw error
    }
}

private func seconds(_ d: Duration) -> Double {
    Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
}

/// The port the server bound, handed from its start callback to the benchmark.
actor PortBox {
    private var port: Int?
    private var waiting: [CheckedContinuation<Int, Never>] = []
    func set(_ value: Int) { port = value; for w in waiting { w.resume(returning: value) }; waiting = [] }
    func wait() async throws -> Int {
        if let port { return port }
        return await withCheckedContinuation { waiting.append($0) }
    }
}
