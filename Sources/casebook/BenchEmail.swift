import ArgumentParser
import CasebookServer
import Foundation
import Logging

extension Bench {
    struct Email: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "email",
            abstract: "Messages/s through the inbound mail path: store raw, parse, thread, store tickets, comments, files.")

        @Option(help: "Generated messages (60 % replies, 30 % with attachments).") var messages = 10_000
        @Option(help: "Deliveries in flight at once (an MTA runs several pipes in parallel).") var concurrency = 8
        @Option(help: "sqlite, postgres or both (postgres needs CASEBOOK_BENCH_POSTGRES_URL or DATABASE_URL).")
        var engine = "sqlite"
        @Option(help: "File the figures are appended to.") var output = "BENCHMARKS.md"

        func run() async throws {
            say("generating \(messages) messages…")
            let corpus = EmailBench.corpus(count: messages)
            let megabytes = Double(corpus.reduce(0) { $0 + $1.count }) / 1_048_576
            say(String(format: "%.1f MB of mail", megabytes))
            let rows = try await BenchEngines.each(engine) { name, location, logger in
                let figures = try await BenchEngines.withDatabase(location, logger: logger) { database in
                    try await EmailBench.run(database: database, messages: corpus, concurrency: concurrency, logger: logger)
                }
                let target = name != "SQLite" ? "— (no target)" : figures.perSecond >= 1000 ? "met" : "NOT met"
                return "| \(name) | \(figures.messages) | \(Int(figures.perSecond)) | "
                    + String(format: "%.1f", Double(figures.bytes) / 1_048_576 / figures.seconds)
                    + " | \(figures.tickets) | \(figures.threadedReplies) | \(figures.attachments) | \(figures.quarantined) | \(target) |"
            }
            try BenchReport.append(
                title: "Email", subcommand: "email",
                about: ["\(messages) generated messages (\(String(format: "%.1f", megabytes)) MB: 60 % replies with quoted history, 30 % with 1–2 attachments of 2–200 KB (log-uniform, median ~20 KB), plain/alternative/Latin-1 quoted-printable), \(concurrency) deliveries in flight, each through the same path as `POST /api/v2/inbound/email` (raw stored first, parsed, threaded, ticket or comment, attachments, acknowledgement queued).",
                        "Target: ≥ 1,000 messages/s on SQLite."],
                columns: ["engine", "messages", "messages/s", "MB/s", "tickets", "replies threaded", "attachments", "not processed", "target"],
                rows: rows, to: output)
        }
    }
}
