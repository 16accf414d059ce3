import CasebookCore
import Foundation
import Hummingbird
import SQLKit

/// The units in customers' hands: a list searched by serial and filtered by customer, an asset's page (its warranty,
/// the tickets about it, its RMAs), and the CSV import (all or nothing, with a dry run) for whoever manages stock.
struct AssetPageRoutes: Sendable {
    let services: CasebookServices
    let renderer: PageRenderer
    /// Built once with the router, so every request of this process sees the same imports.
    var runs = ImportRuns<AssetImport.Report>()

    struct ListPage: Sendable {
        struct Row: Sendable {
            var id: Int
            var serial: String
            var sku: String
            var customer: String
            var site: String
            var warranty: String
            var warrantyKey: String
            var status: String
        }
        var chrome: Chrome
        var serial: String
        var customer: String
        var rows: [Row]
        var hasRows: Bool
        var total: Int
        var paging: Paging
        var canImport: Bool
    }

    struct DetailPage: Sendable {
        struct Ticket: Sendable { var id: Int; var subject: String; var status: String }
        struct RMA: Sendable { var id: Int; var kind: String; var status: String; var value: String; var created: String }
        var chrome: Chrome
        var id: Int
        var serial: String
        var sku: String
        var customerID: Int?
        var customer: String?
        var organization: String?
        var site: String
        var purchased: String?
        var firmware: String
        var status: String
        var warranty: String
        var warrantyKey: String
        var coverage: String?
        var caveats: [String]
        var tickets: [Ticket]
        var hasTickets: Bool
        var rmas: [RMA]
        var hasRMAs: Bool
    }

    struct ImportPage: Sendable {
        struct Rejected: Sendable { var row: Int; var column: String; var value: String; var reason: String }
        var chrome: Chrome
        var dryRun: Bool
        var columns: String
        var done: Bool
        var rows: Int
        var imported: Int
        var summary: String?
        var rejected: [Rejected]
        var hasRejected: Bool
        var moreRejected: Int?
        /// While the import runs in the background: the page refreshes itself and shows how far it got.
        var running = false
        var hasTotal = false
        var processed = 0
        var total = 0
        var progressText = ""
    }

    func register(on web: RouterGroup<CasebookContext>) {
        web.get("agent/assets", use: list)
        web.get("agent/assets/import", use: importForm)
        web.post("agent/assets/import", use: importFile)
        web.get("agent/assets/imports/:id", use: importRun)
        web.get("agent/assets/:id", use: show)
    }

    static func warrantyWords(_ status: WarrantyStatus) -> String {
        switch status {
        case .inWarranty(let at): "in warranty until \(RMAService.day(at))"
        case .expired(let at): "expired \(RMAService.day(at))"
        case .unknown: "unknown (no purchase date or no terms for the product)"
        }
    }

    static func statusWords(_ status: AssetStatus) -> String { status.rawValue.replacingOccurrences(of: "_", with: " ") }

    // MARK: The list

    /// `?serial=` finds one unit by its exact serial; `?customer=` is the customer's email or id.
    @Sendable func list(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.useWorkspace)
        let query = request.query
        let serial = (query["serial"] ?? "").trimmingCharacters(in: .whitespaces)
        let customer = (query["customer"] ?? "").trimmingCharacters(in: .whitespaces)
        let pageNumber = Paging.requested(query["page"])
        let now = services.config.clock.now()
        let (assets, total, warranties, names, unknownCustomer) = try await services.database.read { db in
            var filter = AssetStore.Filter(serial: serial.isEmpty ? nil : serial)
            if !customer.isEmpty {
                let people = UserStore(db: db)
                let found = if let id = Int(customer) { try await people.find(id: id) } else { try await people.find(email: customer) }
                // An unknown customer matches nothing rather than everything.
                filter.customerID = found?.id ?? -1
            }
            let store = AssetStore(db: db)
            let assets = try await store.list(filter, limit: Paging.perPage, offset: (pageNumber - 1) * Paging.perPage, afterID: nil)
            let warranties = Dictionary(try await store.warranties().map { ($0.productID, $0) }, uniquingKeysWith: { $1 })
            let people = try await UserStore(db: db).find(ids: Array(Set(assets.compactMap(\.customerID))))
            return (assets, try await store.count(filter), warranties, Dictionary(people.map { ($0.id, $0.name) }, uniquingKeysWith: { $1 }),
                    filter.customerID == -1)
        }
        var chrome = Chrome(title: "Assets", context: context)
        if unknownCustomer { chrome.errors = ["No customer with the email or id “\(customer)”."] }
        let rows = assets.map { a in
            let warranty = WarrantyStatus.of(purchasedAt: a.purchasedAt, terms: a.productID.flatMap { warranties[$0]?.terms }, now: now)
            return ListPage.Row(id: a.id, serial: a.serial, sku: a.sku, customer: a.customerID.map { names[$0] ?? "#\($0)" } ?? "",
                                site: a.site, warranty: Self.warrantyWords(warranty), warrantyKey: warranty.key, status: Self.statusWords(a.status))
        }
        let base = "/agent/assets?serial=\(percentEncoded(serial))&customer=\(percentEncoded(customer))"
        let page = ListPage(chrome: chrome, serial: serial, customer: customer, rows: rows, hasRows: !rows.isEmpty, total: total,
                            paging: Paging(page: pageNumber, total: total) { "\(base)&page=\($0)" },
                            canImport: actor.role.allows(.manageInventory))
        return renderer.page("asset-list", page)
    }

    // MARK: One asset

    @Sendable func show(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.useWorkspace)
        let id = try context.parameters.id()
        let now = services.config.clock.now()
        let loaded = try await services.database.read { db -> (AssetRecord, WarrantyRecord?, [TicketRecord], [RMARecord], UserRecord?, String?)? in
            let store = AssetStore(db: db)
            guard let asset = try await store.find(id: id) else { return nil }
            let warranty = try await asset.productID.asyncMap { try await store.warranty(productID: $0) } ?? nil
            let tickets = try await TicketStore(db: db).load(ids: try await store.tickets(assetID: id))
            let rmas = try await RMAStore(db: db).list(.init(assetID: id), limit: 100, offset: 0, afterID: nil)
            let customer = try await asset.customerID.asyncMap { try await UserStore(db: db).find(id: $0) } ?? nil
            let organization = try await asset.organizationID.asyncMap { try await OrganizationStore(db: db).find(id: $0)?.name } ?? nil
            return (asset, warranty, tickets, rmas, customer, organization)
        }
        guard let loaded else { throw WebError(.notFound, "No asset \(id).") }
        let (asset, warranty, tickets, rmas, customer, organization) = loaded
        let status = WarrantyStatus.of(purchasedAt: asset.purchasedAt, terms: warranty?.terms, now: now)
        let page = DetailPage(
            chrome: Chrome(title: "Asset \(asset.serial)", context: context), id: asset.id, serial: asset.serial, sku: asset.sku,
            customerID: customer?.id, customer: customer?.name, organization: organization, site: asset.site,
            purchased: asset.purchasedAt.map(RMAService.day), firmware: asset.firmware, status: Self.statusWords(asset.status),
            warranty: Self.warrantyWords(status), warrantyKey: status.key,
            coverage: warranty.map { "\($0.terms.months) months" + ($0.terms.coverage.isEmpty ? "" : ": \($0.terms.coverage)") },
            caveats: warranty?.terms.caveats ?? [],
            tickets: tickets.map { .init(id: $0.id, subject: $0.fields.subject, status: $0.fields.status.rawValue) }, hasTickets: !tickets.isEmpty,
            rmas: rmas.map { .init(id: $0.id, kind: $0.kind.words, status: $0.status.words, value: $0.value.text, created: PageTime.text($0.createdAt)) },
            hasRMAs: !rmas.isEmpty)
        return renderer.page("asset-detail", page)
    }

    // MARK: The import

    /// A page of thousands of rejected rows helps nobody; the first ones show what to fix.
    static let rejectedShown = 500

    @Sendable func importForm(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.manageInventory)
        return importPage(context: context, dryRun: true)
    }

    func importPage(context: CasebookContext, dryRun: Bool, report: AssetImport.Report? = nil, errors: [String] = [],
                    status: HTTPResponse.Status = .ok) -> Response {
        var chrome = Chrome(title: "Import assets", context: context)
        chrome.errors = errors
        var page = ImportPage(chrome: chrome, dryRun: dryRun, columns: AssetImport.columns.joined(separator: ", "), done: report != nil,
                              rows: report?.rows ?? 0, imported: report?.imported ?? 0, summary: nil, rejected: [], hasRejected: false, moreRejected: nil)
        if let report {
            if let problem = report.fileError {
                page.chrome.errors.append(problem)
                page.summary = "Nothing was imported: fix the file and import it again."
            } else if !report.rejected.isEmpty {
                page.rejected = report.rejected.prefix(Self.rejectedShown).map { .init(row: $0.row, column: $0.column, value: $0.value, reason: $0.reason) }
                page.hasRejected = true
                let more = report.rejected.count - page.rejected.count
                page.moreRejected = more > 0 ? more : nil
                page.summary = "\(report.rejected.count) \(report.rejected.count == 1 ? "problem" : "problems") in the file. "
                    + "Nothing was imported: fix the rows below and import the file again."
            } else if report.dryRun {
                page.summary = "Dry run: all \(report.rows) rows can be imported. Nothing was written; import the file without the dry run to add them."
            } else {
                page.summary = "Imported \(report.imported) \(report.imported == 1 ? "asset" : "assets")."
            }
        }
        return renderer.page("asset-import", page, status: status)
    }

    /// The form posts `file` (the CSV) and `dry_run` ("on" when ticked), as `multipart/form-data`. The import runs in
    /// the background (all or nothing, in one transaction); the browser follows it at `/agent/assets/imports/{id}`.
    @Sendable func importFile(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.manageInventory)
        let dryRun = context.form?["dry_run"] == "on"
        guard let file = context.files.first(where: { $0.field == "file" }) else {
            return importPage(context: context, dryRun: dryRun, errors: ["Choose the CSV file of assets."], status: .unprocessableContent)
        }
        let id = runs.start(fileName: file.fileName, dryRun: dryRun, by: actor, at: services.config.clock.now())
        let text = String(decoding: file.data, as: UTF8.self)
        let runs = runs, importer = AssetImport(database: services.database, clock: services.config.clock), logger = services.logger
        Task {
            do {
                let report = try await importer.run(text, dryRun: dryRun) { processed, total in runs.progress(id, processed: processed, total: total) }
                runs.finish(id, .finished(report))
            } catch {
                logger.error("Asset import \(id) by user \(actor.id) failed: \(error)")
                runs.finish(id, .failed("The import stopped: \((error as? APIError)?.messages.joined(separator: " ") ?? String(describing: error))"))
            }
        }
        return seeOther("/agent/assets/imports/\(id)")
    }

    /// One import: its progress while it runs (the page refreshes itself), then its report.
    @Sendable func importRun(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.manageInventory)
        let id = try context.parameters.require("id")
        guard let run = runs.find(id, for: actor) else { throw WebError(.notFound, "We could not find that import.") }
        switch run.outcome {
        case .running:
            var page = ImportPage(chrome: Chrome(title: "Importing assets", context: context), dryRun: run.dryRun,
                                  columns: AssetImport.columns.joined(separator: ", "), done: false, rows: 0, imported: 0, summary: nil,
                                  rejected: [], hasRejected: false, moreRejected: nil)
            page.running = true
            page.hasTotal = run.total != nil
            page.processed = run.processed
            page.total = run.total ?? 0
            page.progressText = run.total.map { "\(run.processed) of \($0) rows" } ?? "Reading the file…"
            return renderer.page("asset-import", page)
        case .failed(let message):
            return importPage(context: context, dryRun: run.dryRun, errors: [message, "Nothing was imported."], status: .ok)
        case .finished(let report):
            return importPage(context: context, dryRun: run.dryRun, report: report)
        }
    }
}

extension AssetStore {
    /// The assets with these ids, by id (one query for a page's rows).
    func records(ids: [Int]) async throws -> [Int: AssetRecord] {
        let unique = Array(Set(ids))
        guard !unique.isEmpty else { return [:] }
        let rows = try await db.raw("SELECT * FROM assets WHERE id IN (\(binds: unique)) ORDER BY id").all().map(Self.decode)
        return Dictionary(rows.map { ($0.id, $0) }, uniquingKeysWith: { $1 })
    }
}
