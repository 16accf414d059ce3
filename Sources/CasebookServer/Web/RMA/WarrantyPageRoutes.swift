import CasebookCore
import Foundation
import Hummingbird
import SQLKit

/// Every product's warranty terms and troubleshooting checklist, for agents to read; whoever manages stock edits them
/// here through the same checks as `PUT /api/v2/warranties/{product_id}`.
struct WarrantyPageRoutes: Sendable {
    let services: CasebookServices
    let renderer: PageRenderer

    struct WarrantiesPage: Sendable {
        struct Step: Sendable { var key: String; var title: String; var kinds: String }
        /// The edit form's values: the saved terms, or what was typed when they were refused.
        struct Form: Sendable { var months: String; var coverage: String; var caveats: String; var returnDays: String; var checklist: String }
        struct Product: Sendable {
            var id: Int
            var name: String
            var hasTerms: Bool
            var months: Int
            var coverage: String
            var caveats: [String]
            var returnDays: Int
            var steps: [Step]
            var hasSteps: Bool
            var updated: String?
            var form: Form
            /// The product whose form was refused: its errors are the page's, and the form stays open.
            var refused: Bool
        }
        var chrome: Chrome
        var products: [Product]
        var hasProducts: Bool
        var canEdit: Bool
        var kinds: String
    }

    func register(on web: RouterGroup<CasebookContext>) {
        web.get("agent/warranties", use: list)
        web.post("agent/warranties/:id", use: save)
    }

    @Sendable func list(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.useWorkspace)
        var notices: [String] = []
        if let id = request.uri.queryParameters.get("saved").flatMap({ Int($0) }) {
            notices.append("Warranty terms and checklist of product #\(id) saved.")
        }
        return try await page(actor: actor, context: context, notices: notices)
    }

    /// The form posts `months`, `coverage`, `caveats` (one per line), `return_days` and `checklist`, one step per line
    /// as `key | title | kind, kind`.
    @Sendable func save(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.manageInventory)
        let id = try context.parameters.id()
        let form = context.form ?? QueryItems(nil)
        let typed = WarrantiesPage.Form(months: form["months"] ?? "", coverage: form["coverage"] ?? "", caveats: form["caveats"] ?? "",
                                        returnDays: form["return_days"] ?? "", checklist: form["checklist"] ?? "")
        let returnText = typed.returnDays.trimmingCharacters(in: .whitespaces)
        guard returnText.isEmpty || Int(returnText) != nil else {
            return try await page(actor: actor, context: context, errors: ["Return days: a whole number of days"], typed: (id, typed),
                                  status: .unprocessableContent)
        }
        let (steps, unknownKinds) = Self.checklist(typed.checklist)
        do {
            _ = try await HardwareAssetRoutes.saveWarranty(
                productID: id, months: Int(typed.months.trimmingCharacters(in: .whitespaces)), coverage: typed.coverage,
                caveats: Self.lines(typed.caveats), returnDays: Int(returnText) ?? 14, checklist: steps, unknownKinds: unknownKinds,
                services: services)
            return seeOther("/agent/warranties?saved=\(id)")
        } catch let error as APIError where error.status == .unprocessableContent {
            return try await page(actor: actor, context: context, errors: error.messages, typed: (id, typed), status: .unprocessableContent)
        } catch let error as APIError where error.status == .notFound {
            throw WebError(.notFound, "No such product.")
        }
    }

    func page(actor: Actor, context: CasebookContext, errors: [String] = [], notices: [String] = [],
              typed: (productID: Int, form: WarrantiesPage.Form)? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let (products, warranties) = try await services.database.read { db in
            (try await CatalogueStore(db: db).products(),
             Dictionary(try await AssetStore(db: db).warranties().map { ($0.productID, $0) }, uniquingKeysWith: { $1 }))
        }
        var chrome = Chrome(title: "Warranties", context: context)
        chrome.errors = errors
        chrome.notices = notices
        let page = WarrantiesPage(chrome: chrome, products: products.map { p in
            let w = warranties[p.id]
            let saved = WarrantiesPage.Form(months: w.map { String($0.terms.months) } ?? "", coverage: w?.terms.coverage ?? "",
                                            caveats: (w?.terms.caveats ?? []).joined(separator: "\n"),
                                            returnDays: String(w?.terms.returnDays ?? 14), checklist: Self.text(w?.checklist ?? []))
            let steps = (w?.checklist ?? []).map { s in
                let kinds = RMAKind.allCases.filter(s.requiredFor.contains).map(\.words)
                return WarrantiesPage.Step(key: s.key, title: s.title,
                                           kinds: kinds.isEmpty ? "not required for any RMA" : "required before: " + kinds.joined(separator: ", "))
            }
            let refused = typed?.productID == p.id
            return WarrantiesPage.Product(id: p.id, name: p.name, hasTerms: w != nil, months: w?.terms.months ?? 0, coverage: w?.terms.coverage ?? "",
                         caveats: w?.terms.caveats ?? [], returnDays: w?.terms.returnDays ?? 14, steps: steps, hasSteps: !steps.isEmpty,
                         updated: w.map { PageTime.text($0.updatedAt) }, form: refused ? typed!.form : saved, refused: refused)
        }, hasProducts: !products.isEmpty, canEdit: actor.role.allows(.manageInventory),
        kinds: RMAKind.allCases.map(\.rawValue).joined(separator: ", "))
        return renderer.page("warranties", page, status: status)
    }

    /// The non-blank lines of a textarea, trimmed.
    static func lines(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Reads `key | title | kind, kind` lines. A title may itself hold `|`: the first part is the key and, with three
    /// parts or more, the last is the kinds. Kinds that are not RMA kinds come back as JSON text for the API's message.
    static func checklist(_ text: String) -> (steps: [ChecklistStep], unknownKinds: [String]) {
        var steps: [ChecklistStep] = [], unknown: [String] = []
        for line in lines(text) {
            var parts = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            let key = parts.removeFirst()
            let kinds = parts.count >= 2 ? parts.removeLast() : ""
            var required = Set<RMAKind>()
            for raw in kinds.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !raw.isEmpty {
                if let kind = RMAKind(rawValue: raw) { required.insert(kind) } else { unknown.append(JSONValue.string(raw).text) }
            }
            steps.append(ChecklistStep(key: key, title: parts.joined(separator: " | "), requiredFor: required))
        }
        return (steps, unknown)
    }

    /// A checklist as the form's textarea shows it.
    static func text(_ steps: [ChecklistStep]) -> String {
        steps.map { s in
            "\(s.key) | \(s.title) | " + RMAKind.allCases.filter(s.requiredFor.contains).map(\.rawValue).joined(separator: ", ")
        }.joined(separator: "\n")
    }
}
