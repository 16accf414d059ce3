import ArgumentParser
import CasebookServer
import Foundation
import Logging

extension Bench {
    struct Routing: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "routing",
            abstract: "Routing decisions/s (200 agents, 50 groups, 500 rules, 1,000 exclusions) and SLA re-evaluation of 100,000 open tickets.")

        @Option(help: "Routing decisions timed.") var decisions = 200_000
        @Option(help: "Open tickets whose SLAs are re-evaluated after a calendar change.") var tickets = 100_000
        @Option(help: "sqlite, postgres or both (postgres needs CASEBOOK_BENCH_POSTGRES_URL or DATABASE_URL).")
        var engine = "both"
        @Option(help: "File the figures are appended to.") var output = "BENCHMARKS.md"

        func run() async throws {
            let rows = try await BenchEngines.each(engine) { name, location, logger in
                let f = try await BenchEngines.withDatabase(location, logger: logger) { database in
                    try await RoutingBench.run(database: database, decisions: decisions, slaTickets: tickets, logger: logger, say: say)
                }
                let met = f.decisionsPerSecond >= 20_000 && f.slaSeconds <= 2 ? "met" : "NOT met"
                return "| \(name) | \(Int(f.decisionsPerSecond)) | \(Int(f.assignedShare * 100)) % | \(Int(f.decisionsWithStatePerSecond)) | "
                    + "\(Int(f.routedTicketsPerSecond)) | \(f.slaTickets) | \(f.slaChanged) | " + String(format: "%.2f", f.slaSeconds) + " (\(f.slaPhases)) | \(met) |"
            }
            try BenchReport.append(
                title: "Routing and SLA", subcommand: "routing",
                about: ["\(decisions) routing decisions by `RoutingEngine` built once from the database (200 agents, 70 % online, capacities 20–49, 8 skills; 50 groups of 10–40 members in least-loaded, round-robin and manual mode; 500 rules on subject words, tags, organization, priority+channel, requester, plus a catch-all; 1,000 exclusions), for 10,000 different new tickets, a third with a sticky owner.",
                        "“with state” reads presence, loads and the (cached) configuration from the database for every decision; “tickets routed” creates tickets through the ticket service, routing and auditing them in the same transaction.",
                        "SLA: \(tickets) open tickets (new/open/pending/hold) with 1–5 SLA events each under 4 policies in business hours (Europe/Berlin, holidays); the timed part is the re-evaluation of every ticket after the schedule's hours change (read, compute, write the changed rows — each ticket's breaches ahead move with its row — and the ticket metric events the change adds).",
                        "Targets: ≥ 20,000 routing decisions/s; SLA re-evaluation of 100,000 tickets ≤ 2 s."],
                columns: ["engine", "decisions/s", "assigned", "decisions/s with state", "tickets routed/s", "SLA tickets", "SLA rows changed", "SLA re-evaluation s", "targets"],
                rows: rows, to: output)
        }
    }
}
