import CasebookCore
import Foundation
import Hummingbird

/// `/agent/imports/shopify`: upload a Shopify order export (optionally as a dry run); the import runs in the
/// background and `/agent/imports/{id}` follows it, refreshing itself without a script until the report is in.
struct ImportPageRoutes: Sendable {
    let services: CasebookServices
    let renderer: PageRenderer
    /// Built once with the router, so every request of this process sees the same imports.
    var runs = ShopifyImportRuns()
    var orders: OrderService { OrderService(tickets: services.tickets, clock: services.config.clock) }

    func register(on web: RouterGroup<CasebookContext>) {
        web.get("agent/imports/shopify", use: form)
        web.post("agent/imports/shopify", use: start)
        web.get("agent/imports/:id", use: show)
    }

    @Sendable func form(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.manageInventory)
        return formPage(actor: actor, context: context, dryRun: true)
    }

    func formPage(actor: Actor, context: CasebookContext, dryRun: Bool, errors: [String] = [],
                  status: HTTPResponse.Status = .ok) -> Response {
        var chrome = Chrome(title: "Import a Shopify order export", context: context)
        chrome.errors = errors
        return renderer.page("shopify-import", ShopifyImportFormPage(chrome: chrome, dryRun: dryRun, runs: runs.list(for: actor)),
                             status: status)
    }

    /// The form posts `file` (the export) and `dry_run` ("on" when ticked), as `multipart/form-data`.
    @Sendable func start(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.manageInventory)
        let dryRun = context.form?["dry_run"] == "on"
        guard let file = context.files.first(where: { $0.field == "file" }) else {
            return formPage(actor: actor, context: context, dryRun: dryRun, errors: ["Choose the CSV file of a Shopify order export."],
                            status: .unprocessableContent)
        }
        let id = runs.start(fileName: file.fileName, dryRun: dryRun, by: actor, at: services.config.clock.now())
        let text = String(decoding: file.data, as: UTF8.self)
        let runs = runs, importer = ShopifyImport(orders: orders), logger = services.logger
        // Not tied to the request: the browser is sent to the progress page at once and the import outlives the POST.
        Task {
            do {
                let report = try await importer.run(text, dryRun: dryRun, actor: actor) { processed, total in
                    runs.progress(id, processed: processed, total: total)
                }
                runs.finish(id, .finished(report))
            } catch {
                logger.error("Shopify import \(id) by user \(actor.id) failed: \(error)")
                let message = (error as? APIError)?.messages.joined(separator: " ") ?? String(describing: error)
                runs.finish(id, .failed("The import stopped: \(message)"))
            }
        }
        return seeOther("/agent/imports/\(id)")
    }

    @Sendable func show(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.manageInventory)
        let id = try context.parameters.require("id")
        // Someone else's import is as absent as an unknown one: its id tells nothing.
        guard let run = runs.find(id, for: actor) else { throw WebError(.notFound, "We could not find that import.") }
        return renderer.page("shopify-import-run", ShopifyImportRunPage(run, chrome: Chrome(title: "", context: context)))
    }
}
