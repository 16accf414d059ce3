import CasebookCore
import Foundation
import Synchronization

/// Imports started from the browser (Shopify orders, assets), while they run and for a while after: what the progress
/// page reads. In-process only (an import runs in the process that took the file); running imports are always kept,
/// finished ones only the latest `keepFinished`.
final class ImportRuns<Report: Sendable>: Sendable {
    struct Run: Sendable {
        enum Outcome: Sendable {
            case running
            case finished(Report)
            /// The import threw (a database failure, say): nothing was committed.
            case failed(String)
        }

        let id: String
        let startedByID: Int
        let fileName: String
        let dryRun: Bool
        let startedAt: Int64
        var processed = 0
        /// Orders in the file; nil until the file has been read.
        var total: Int?
        var outcome = Outcome.running

        var isRunning: Bool { if case .running = outcome { true } else { false } }

        func visible(to actor: Actor) -> Bool { actor.id == startedByID || actor.role == .admin }
    }

    let keepFinished: Int
    private let runs = Mutex<[Run]>([])

    init(keepFinished: Int = 50) { self.keepFinished = keepFinished }

    /// Registers a new running import and returns its id (random, so ids say nothing about other people's imports).
    func start(fileName: String, dryRun: Bool, by actor: Actor, at now: Int64) -> String {
        let id = UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        runs.withLock { $0.append(Run(id: id, startedByID: actor.id, fileName: fileName, dryRun: dryRun, startedAt: now)) }
        return id
    }

    func progress(_ id: String, processed: Int, total: Int) {
        runs.withLock { runs in
            guard let index = runs.firstIndex(where: { $0.id == id }) else { return }
            runs[index].processed = processed
            runs[index].total = total
        }
    }

    func finish(_ id: String, _ outcome: Run.Outcome) {
        runs.withLock { runs in
            guard let index = runs.firstIndex(where: { $0.id == id }) else { return }
            runs[index].outcome = outcome
            let finished = runs.indices.filter { !runs[$0].isRunning }
            guard finished.count > keepFinished else { return }
            let oldest = Set(finished.prefix(finished.count - keepFinished))
            runs = runs.indices.filter { !oldest.contains($0) }.map { runs[$0] }
        }
    }

    /// The run if `actor` may see it: the person who started it, or an admin.
    func find(_ id: String, for actor: Actor) -> Run? {
        runs.withLock { runs in runs.first { $0.id == id && $0.visible(to: actor) } }
    }

    /// The runs `actor` may see, newest first.
    func list(for actor: Actor) -> [Run] {
        runs.withLock { runs in runs.filter { $0.visible(to: actor) }.reversed() }
    }
}

typealias ShopifyImportRuns = ImportRuns<ShopifyImport.Report>
