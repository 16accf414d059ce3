import ArgumentParser
import CasebookServer
import Foundation
import Logging

extension Bench {
    struct Allocation: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "allocation",
            abstract: "Allocating a receipt of 10,000 units over a queue of 100,000 backorders with mixed preferences, previewed and committed.")

        @Option(help: "Backordered order lines waiting in the queues.") var backorders = 100_000
        @Option(help: "Good units received and allocated.") var units = 10_000
        @Option(help: "sqlite, postgres or both (postgres needs CASEBOOK_BENCH_POSTGRES_URL or DATABASE_URL).")
        var engine = "both"
        @Option(help: "File the figures are appended to.") var output = "BENCHMARKS.md"

        func run() async throws {
            let rows = try await BenchEngines.each(engine) { name, location, logger in
                let f = try await BenchEngines.withDatabase(location, logger: logger) { database in
                    try await AllocationBench.run(database: database, backorders: backorders, units: units, logger: logger, say: say)
                }
                say("preview \(String(format: "%.3f", f.previewSeconds)) s, commit \(String(format: "%.3f", f.commitSeconds)) s: \(f.allocated) entries got \(f.allocatedUnits) units")
                return "| \(name) | \(f.entries) | \(f.units) | " + String(format: "%.3f", f.previewSeconds) + " | " + String(format: "%.3f", f.commitSeconds)
                    + " | \(f.allocated) (\(f.allocatedUnits) units; \(f.substitutes) substitutes, \(f.partial) partial) | \(f.refunds) | \(f.skipped) (+\(f.notReached) not reached) | "
                    + (f.commitSeconds <= 1 ? "met" : "NOT met") + " |"
            }
            try BenchReport.append(
                title: "Allocation", subcommand: "allocation",
                about: ["\(backorders) backordered lines (1–3 units; 75 % wait, 15 % any colour, 10 % partial shipment allowed; a customer choosing a refund is refunded at once and leaves the queue) in the queues of 40 SKUs (10 products × 4 colours), from 5,000 customers; a receipt of \(units) good units spread over every SKU.",
                        "Preview: read the front of the queues a page at a time in queue order until no stock the entries behind could take is left (the rest are counted as not reached), plan in queue order; checked against a plan over every waiting entry. Commit: the same plan booked in one transaction — ledger reservations, entries and order lines updated, one shipment per order ready to pick.",
                        "Target: ≤ 1 s including the commit, on SQLite and PostgreSQL."],
                columns: ["engine", "waiting entries", "units", "preview s", "commit s", "allocated", "refunds", "skipped", "target"],
                rows: rows, to: output)
        }
    }
}
