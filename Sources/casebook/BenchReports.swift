import ArgumentParser
import CasebookServer
import Foundation
import Logging

extension Bench {
    struct Reports: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reports",
            abstract: "Every built-in report over one year of data at 1,000,000 tickets, with the filters leads use.")

        @Option(help: "Tickets in the year.") var tickets = 1_000_000
        @Option(help: "Timed rounds; each round runs every report with five filters (year, last 30 days, a group, an agent, a tag).")
        var rounds = 4
        @Option(help: "sqlite, postgres or both (postgres needs CASEBOOK_BENCH_POSTGRES_URL or DATABASE_URL).")
        var engine = "both"
        @Option(help: "Report ids to leave out, comma-separated.") var except = ""
        @Option(help: "File the figures are appended to.") var output = "BENCHMARKS.md"

        func run() async throws {
            var rows: [String] = []
            _ = try await BenchEngines.each(engine) { name, location, logger in
                let f = try await BenchEngines.withDatabase(location, logger: logger) { database in
                    try await ReportsBench.run(database: database, tickets: tickets, rounds: rounds,
                                               except: Set(except.split(separator: ",").map(String.init)), logger: logger, say: say)
                }
                for t in f.timings {
                    rows.append("| \(name) | \(t.report) | \(t.runs) | " + String(format: "%.1f | %.1f | %.1f", t.p50, t.p95, t.max)
                                + " | " + (t.p95 <= 500 ? "met" : "NOT met") + " |")
                }
                return f
            }
            try BenchReport.append(
                title: "Reports", subcommand: "reports",
                about: ["\(tickets) tickets created evenly over one year (80 % solved, a tenth reopened, 20 groups, 200 agents, 50,000 customers), with their report facts, tags, SLA metric events and a public reply each; 400,000 orders, 20,000 refunds, satisfaction ratings on a third of solved tickets, 50,000 backorder entries with shipments and queue moves, 10,000 fulfilment errors, 5,000 decisions and a year of presence history for every agent — all generated in the database.",
                        "Each report runs \(rounds) timed rounds (after one warm-up round) with five filters: the whole year, the last 30 days, one group, one agent, one tag; times are for the whole report (every query it makes) in one read transaction.",
                        "Target: p95 ≤ 500 ms per report on SQLite and PostgreSQL."],
                columns: ["engine", "report", "runs", "p50 ms", "p95 ms", "max ms", "target"],
                rows: rows, to: output)
        }
    }
}
