import ArgumentParser
import AsyncHTTPClient
import CasebookCore
import CasebookServer
import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Measure Casebook and append the figures to BENCHMARKS.md.",
                                                    subcommands: [Foundation.self])

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
            var report: [String] = []
            for (name, location) in engines {
                say("== \(name)")
                let figures = try await measure(location, logger: logger)
                report.append(figures.row(engine: name))
            }
            let command = "swift run -c release casebook bench foundation " + CommandLine.arguments.dropFirst(3).joined(separator: " ")
            let text = """

                ## Foundation — \(isoString(Date()))
                Command: `\(command.trimmingCharacters(in: .whitespaces))`
                Machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.physicalMemory / 1_073_741_824) GiB; release build; server and clients in one process on loopback.
                Creates: \(creates) tickets over HTTP by \(clients) concurrent clients. Reads: \(samples) sequential requests each, at \(tickets) tickets; the `assignee:me` agent holds a tenth of them.
                Targets: ≥ 2,000 creates/s on SQLite; p99 ≤ 20 ms for both reads.

                | engine | creates/s | list p50 ms | list p99 ms | search p50 ms | search p99 ms | targets |
                |---|---|---|---|---|---|---|
                \(report.joined(separator: "\n"))

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

        struct Figures {
            var createsPerSecond: Double
            var list: (p50: Double, p99: Double)
            var search: (p50: Double, p99: Double)

            func row(engine: String) -> String {
                let met = (engine != "SQLite" || createsPerSecond >= 2000) && list.p99 <= 20 && search.p99 <= 20
                return "| \(engine) | \(Int(createsPerSecond)) | \(fmt(list.p50)) | \(fmt(list.p99)) | \(fmt(search.p50)) | \(fmt(search.p99)) | \(met ? "met" : "NOT met") |"
            }
            func fmt(_ v: Double) -> String { String(format: "%.2f", v) }
        }

        func measure(_ location: DatabaseLocation, logger: Logger) async throws -> Figures {
            let database = try await Database.open(location, logger: logger)
            try await Migrator(database: database).migrate()
            let agent = try await Accounts.create(database: database, email: "bench-agent@casebook.local", name: "Bench Agent",
                                                  role: .agent, password: "bench password", bcryptCost: 4)
            let requester = try await Accounts.create(database: database, email: "bench-customer@example.com",
                                                      name: "Bench Customer", role: .endUser)
            let portBox = PortBox()
            let app = Application(
                router: buildRouter(database: database, rateLimitPerMinute: 0),
                configuration: .init(address: .hostname("127.0.0.1", port: 0), serverName: "Casebook"),
                onServerRunning: { channel in await portBox.set(channel.localAddress?.port ?? 0) },
                logger: logger)
            let server = Task { try await app.runService(gracefulShutdownSignals: []) }
            defer { server.cancel() }
            let port = try await portBox.wait()
            let base = "http://127.0.0.1:\(port)"
            let auth = "Bearer \(agent.token)"
            let http = HTTPClient(eventLoopGroupProvider: .singleton,
                                  configuration: .init(connectionPool: .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: clients)))

            // Creates over HTTP.
            let body = #"{"ticket":{"subject":"My switch drops packets","priority":"high","tags":["hardware","bench"],"comment":{"body":"Port 3 flaps every few minutes since the firmware update."},"requester_id":\#(requester.userID)}}"#
            let perClient = creates / clients
            let clock = ContinuousClock()
            let started = clock.now
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<clients {
                    group.addTask {
                        for _ in 0..<perClient {
                            var request = HTTPClientRequest(url: "\(base)/api/v2/tickets")
                            request.method = .POST
                            request.headers.add(name: "Authorization", value: auth)
                            request.headers.add(name: "Content-Type", value: "application/json")
                            request.body = .bytes(ByteBuffer(string: body))
                            let response = try await http.execute(request, timeout: .seconds(30))
                            _ = try await response.body.collect(upTo: 1 << 20)
                            guard response.status == .created else { throw ValidationError("create answered \(response.status)") }
                        }
                    }
                }
                try await group.waitForAll()
            }
            let elapsed = clock.now - started
            let rate = Double(perClient * clients) / seconds(elapsed)
            say("creates: \(perClient * clients) in \(String(format: "%.2f", seconds(elapsed))) s = \(Int(rate))/s")

            // Volume for the reads.
            let existing = perClient * clients
            if tickets > existing {
                say("seeding \(tickets - existing) more tickets…")
                try await BenchSeeder.seedTickets(database, count: tickets - existing, requesterID: requester.userID,
                                                  assigneeID: agent.userID)
            }
            // Fresh statistics after the bulk load, as autovacuum (PostgreSQL) or a periodic ANALYZE would leave them.
            try await database.refreshStatistics()
            let list = try await latencies(http, "\(base)/api/v2/tickets?per_page=50", auth: auth)
            say("list p50 \(list.p50) ms, p99 \(list.p99) ms")
            let search = try await latencies(http, "\(base)/api/v2/search?query=status%3Aopen%20assignee%3Ame", auth: auth)
            say("search p50 \(search.p50) ms, p99 \(search.p99) ms")
            try await http.shutdown()
            server.cancel()
            _ = try? await server.value
            await database.shutdown()
            return Figures(createsPerSecond: rate, list: list, search: search)
        }

        func latencies(_ http: HTTPClient, _ url: String, auth: String) async throws -> (p50: Double, p99: Double) {
            var times: [Double] = []
            let clock = ContinuousClock()
            for i in 0..<(samples + 20) {
                var request = HTTPClientRequest(url: url)
                request.headers.add(name: "Authorization", value: auth)
                let start = clock.now
                let response = try await http.execute(request, timeout: .seconds(30))
                _ = try await response.body.collect(upTo: 16 << 20)
                guard response.status == .ok else { throw ValidationError("\(url) answered \(response.status)") }
                if i >= 20 { times.append(seconds(clock.now - start) * 1000) }   // the first 20 warm caches
            }
            times.sort()
            func pct(_ p: Double) -> Double { times[min(times.count - 1, Int(Double(times.count) * p))] }
            return ((pct(0.50) * 100).rounded() / 100, (pct(0.99) * 100).rounded() / 100)
        }

        func seconds(_ d: Duration) -> Double {
            Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
        }
    }
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
