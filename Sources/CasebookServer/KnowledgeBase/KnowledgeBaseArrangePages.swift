import CasebookCore
import Foundation
import Hummingbird

/// Arranging the help center on `/agent/kb` (leads and above): add, rename and reorder categories and sections, move
/// a section to another category, and delete an empty one. A category or section that still holds articles is not
/// deleted from the page: its articles would go with it (the API, like Zendesk's, deletes them).
extension KnowledgeBasePages {
    func registerArranging(on web: RouterGroup<CasebookContext>) {
        web.post("agent/kb/categories", use: createCategory)
        web.post("agent/kb/categories/:id", use: saveCategory)
        web.post("agent/kb/categories/:id/delete", use: deleteCategory)
        web.post("agent/kb/sections", use: createSection)
        web.post("agent/kb/sections/:id", use: saveSection)
        web.post("agent/kb/sections/:id/delete", use: deleteSection)
    }

    static let arranged = "/agent/kb?arranged=1#kb-arrange"

    /// The categories in order, each with its sections, for the arrange forms.
    static func places(categories: [CategoryRecord], sections: [SectionRecord], articles: [Int: Int]) -> [[String: Any]] {
        categories.map { c in
            let own = sections.filter { $0.categoryID == c.id }.sorted { ($0.position, $0.id) < ($1.position, $1.id) }
            let held = own.reduce(0) { $0 + (articles[$1.id] ?? 0) }
            return [
                "id": c.id, "name": c.name, "position": c.position, "articles": held, "hasArticles": held > 0,
                "sections": own.map { s in
                    ["id": s.id, "name": s.name, "position": s.position, "articles": articles[s.id] ?? 0, "hasArticles": (articles[s.id] ?? 0) > 0,
                     "categories": categories.map { Option(value: String($0.id), label: $0.name, selected: $0.id == s.categoryID) }] as [String: Any]
                },
            ] as [String: Any]
        }
    }

    /// A position from a form: blank keeps the current one; otherwise a whole number from 0 to 9999.
    static func position(_ raw: String?) throws -> Int? {
        let text = (raw ?? "").trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return nil }
        guard let value = Int(text), (0...9999).contains(value) else {
            throw WebError(.unprocessableContent, "Position: a whole number from 0 to 9999 (smaller comes first).")
        }
        return value
    }

    private func requireArranger(_ context: CasebookContext) throws -> Actor {
        let actor = try context.require(.useWorkspace)
        guard KnowledgeAccess.mayPublish(actor.role) else {
            throw WebError(.forbidden, "Only leads, managers and admins arrange the help center.")
        }
        return actor
    }

    @Sendable func createCategory(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.useWorkspace)
        let form = context.form ?? QueryItems(nil)
        _ = try await database.write { db in try await kb.createCategory(.init(name: form["name"], description: form["description"]), actor: actor, db: db) }
        return seeOther("/agent/kb")
    }

    @Sendable func createSection(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.useWorkspace)
        let form = context.form ?? QueryItems(nil)
        guard let categoryID = Int(form["category_id"] ?? "") else { throw WebError(.unprocessableContent, "Choose a category.") }
        _ = try await database.write { db in
            try await kb.createSection(categoryID: categoryID, .init(name: form["name"], description: form["description"]), actor: actor, db: db)
        }
        return seeOther("/agent/kb")
    }

    /// `name`, `position`: rename or reorder a category.
    @Sendable func saveCategory(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try requireArranger(context)
        let id = try context.parameters.id()
        let form = context.form ?? QueryItems(nil)
        let input = KnowledgeBaseService.PlaceInput(name: form["name"], position: try Self.position(form["position"]))
        _ = try await database.write { db in try await kb.updateCategory(id, input, actor: actor, db: db) }
        return seeOther(Self.arranged)
    }

    /// `name`, `position`, `category_id`: rename, reorder or move a section.
    @Sendable func saveSection(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try requireArranger(context)
        let id = try context.parameters.id()
        let form = context.form ?? QueryItems(nil)
        var input = KnowledgeBaseService.PlaceInput(name: form["name"], position: try Self.position(form["position"]))
        if let raw = form["category_id"], !raw.isEmpty {
            guard let categoryID = Int(raw) else { throw WebError(.unprocessableContent, "Choose a category.") }
            input.categoryID = categoryID
        }
        let change = input
        _ = try await database.write { db in try await kb.updateSection(id, change, actor: actor, db: db) }
        return seeOther(Self.arranged)
    }

    @Sendable func deleteCategory(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try requireArranger(context)
        let id = try context.parameters.id()
        try await database.write { db in
            let store = KnowledgeBaseStore(db: db)
            let category = try await kb.category(id, db: db)
            let counts = try await store.articleCountsBySection()
            let held = try await store.sections(categoryID: id).reduce(0) { $0 + (counts[$1.id] ?? 0) }
            guard held == 0 else {
                throw WebError(.unprocessableContent, "“\(category.name)” still holds \(Self.articles(held)): move or delete them first.")
            }
            try await kb.deleteCategory(id, actor: actor, db: db)
        }
        return seeOther(Self.arranged)
    }

    @Sendable func deleteSection(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try requireArranger(context)
        let id = try context.parameters.id()
        try await database.write { db in
            let section = try await kb.section(id, db: db)
            let held = try await KnowledgeBaseStore(db: db).articleCountsBySection()[id] ?? 0
            guard held == 0 else {
                throw WebError(.unprocessableContent, "“\(section.name)” still holds \(Self.articles(held)): move or delete them first.")
            }
            try await kb.deleteSection(id, actor: actor, db: db)
        }
        return seeOther(Self.arranged)
    }

    static func articles(_ n: Int) -> String { n == 1 ? "1 article" : "\(n) articles" }
}
