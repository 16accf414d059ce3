import CasebookCore
import Foundation

/// The upload form, with the imports the signed-in person may look at again.
struct ShopifyImportFormPage: Sendable {
    struct Recent: Sendable { var id: String; var fileName: String; var started: String; var status: String }
    var chrome: Chrome
    var dryRun: Bool
    var recent: [Recent]
    var hasRecent: Bool

    init(chrome: Chrome, dryRun: Bool, runs: [ShopifyImportRuns.Run]) {
        self.chrome = chrome
        self.dryRun = dryRun
        recent = runs.map { .init(id: $0.id, fileName: $0.fileName, started: PageTime.text($0.startedAt), status: Self.status($0)) }
        hasRecent = !recent.isEmpty
    }

    static func status(_ run: ShopifyImportRuns.Run) -> String {
        switch run.outcome {
        case .running: run.dryRun ? "checking" : "importing"
        case .failed: "failed"
        case .finished(let report) where !report.result.isClean: "rejected"
        case .finished: run.dryRun ? "dry run done" : "imported"
        }
    }
}

/// One import: a progress bar while it runs, then what it did or why the file was refused.
struct ShopifyImportRunPage: Sendable {
    struct Count: Sendable { var key: String; var label: String; var value: Int }
    /// A rejected spreadsheet row with every problem found in it.
    struct RejectedRow: Sendable { var row: Int; var order: String; var reasons: [String] }

    /// A page of thousands of rejected rows helps nobody; the first ones show what to fix.
    static let rejectedShown = 500

    var chrome: Chrome
    var heading: String
    var fileName: String
    var started: String
    var dryRun: Bool
    var running: Bool
    var hasTotal: Bool
    var processed: Int
    var total: Int
    var progressText: String
    var counts: [Count] = []
    var hasCounts = false
    var summary: String?
    var failure: String?
    var rejected: [RejectedRow] = []
    var hasRejected = false
    var moreRejected: Int?

    /// `chrome` is the frame of the signed-in person; the page gives it its title.
    init(_ run: ShopifyImportRuns.Run, chrome: Chrome) {
        fileName = run.fileName
        started = PageTime.text(run.startedAt)
        dryRun = run.dryRun
        running = run.isRunning
        hasTotal = run.total != nil
        processed = run.processed
        total = run.total ?? 0
        progressText = run.total.map { "\(run.processed) of \($0) orders" } ?? "Reading the file…"
        switch run.outcome {
        case .running:
            heading = run.dryRun ? "Checking the file (dry run)" : "Importing orders"
        case .failed(let message):
            heading = "The import failed"
            failure = message
            summary = "Nothing was imported."
        case .finished(let report) where report.result.fileError != nil:
            heading = "The file was refused"
            failure = report.result.fileError
            summary = "Nothing was imported: fix the file and import it again."
        case .finished(let report) where !report.result.rejected.isEmpty:
            heading = "The file was refused"
            rejected = Self.rows(report.result)
            hasRejected = true
            let problems = report.result.rejected.count
            moreRejected = rejected.reduce(problems) { $0 - $1.reasons.count }
            if moreRejected == 0 { moreRejected = nil }
            summary = "\(problems) \(problems == 1 ? "problem" : "problems") in the file. Nothing was imported: fix the rows below and import the file again."
        case .finished(let report):
            heading = run.dryRun ? "Dry run: the file can be imported" : "Import done"
            counts = Self.counts(report)
            hasCounts = true
            summary = run.dryRun ? "This was a dry run: nothing was written. Import the file without the dry run to add these."
                : "Imported \(report.newOrders) new \(report.newOrders == 1 ? "order" : "orders")."
        }
        self.chrome = chrome
        self.chrome.title = heading
    }

    static func counts(_ report: ShopifyImport.Report) -> [Count] {
        var counts = [
            Count(key: "new-orders", label: "New orders", value: report.newOrders),
            Count(key: "already-imported", label: "Already imported (skipped)", value: report.alreadyImported),
            Count(key: "new-customers", label: "New customers", value: report.newCustomers),
            Count(key: "new-products", label: "New products", value: report.newProducts),
            Count(key: "open-lines", label: "Open lines (reserved or backordered)", value: report.openLines),
        ]
        // Which open lines wait for stock is decided as they are placed, so only a real import knows.
        if !report.dryRun { counts.append(Count(key: "backordered", label: "Backordered lines", value: report.backordered)) }
        return counts
    }

    /// The rejected rows in file order, a row's problems together, the first `rejectedShown` problems only.
    static func rows(_ result: ShopifyImportResult) -> [RejectedRow] {
        var rows: [RejectedRow] = []
        for problem in result.rejected.prefix(rejectedShown) {
            if rows.last?.row == problem.row {
                rows[rows.count - 1].reasons.append(problem.reason)
            } else {
                rows.append(RejectedRow(row: problem.row, order: result.rejectedOrderNames[problem.row] ?? "", reasons: [problem.reason]))
            }
        }
        return rows
    }
}
