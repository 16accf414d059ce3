import CasebookCore
import Foundation
import Hummingbird
import SQLKit

/// Admin pages for shared views (a title and a search query) and macros.
struct AdminSetupRoutes: Sendable {
    let database: Database
    let renderer: PageRenderer

    struct ViewsPage: Sendable {
        struct Draft: Sendable { var title: String; var query: String }
        var chrome: Chrome
        var views: [ViewStore.Row]
        var sorts: [String]
        var draft: Draft
    }
    struct MacrosPage: Sendable {
        struct Row: Sendable { var id: Int; var title: String; var summary: String }
        struct Group: Sendable { var id: Int; var name: String }
        var chrome: Chrome
        var macros: [Row]
        var placeholders: [String]
        var statuses: [String]
        var priorities: [String]
        var groups: [Group]
    }

    func register(on web: RouterGroup<CasebookContext>) {
        web.get("admin/views", use: views)
        web.post("admin/views", use: createView)
        web.post("admin/views/:id/delete", use: deleteView)
        web.get("admin/macros", use: macros)
        web.post("admin/macros", use: createMacro)
        web.post("admin/macros/:id/delete", use: deleteMacro)
    }

    func viewsPage(_ context: CasebookContext, draft: ViewsPage.Draft = .init(title: "", query: ""), errors: [String] = []) async throws -> ViewsPage {
        var chrome = Chrome(title: "Views", context: context)
        chrome.errors = errors
        let rows = try await database.read { db in try await ViewStore(db: db).list() }
        return ViewsPage(chrome: chrome, views: rows, sorts: ViewSort.allCases.map(\.rawValue), draft: draft)
    }

    @Sendable func views(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.manageViews)
        return renderer.page("admin-views", try await viewsPage(context))
    }

    @Sendable func createView(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.manageViews)
        let form = context.form ?? QueryItems(nil)
        let title = (form["title"] ?? "").trimmingCharacters(in: .whitespaces)
        let query = (form["query"] ?? "").trimmingCharacters(in: .whitespaces)
        let sort = ViewSort(rawValue: form["sort"] ?? "") ?? .updated
        var errors: [String] = []
        if title.isEmpty { errors.append("Title: cannot be blank") }
        if query.isEmpty { errors.append("Query: cannot be blank") } else {
            do { _ = try SearchQuery.parse(query) } catch { errors.append("Query: \(error.message)") }
        }
        guard errors.isEmpty else {
            return renderer.page("admin-views", try await viewsPage(context, draft: .init(title: title, query: query), errors: errors),
                                 status: .unprocessableContent)
        }
        try await database.write { db in _ = try await ViewStore(db: db).insert(title: title, query: query, sort: sort) }
        return seeOther("/admin/views")
    }

    @Sendable func deleteView(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.manageViews)
        let id = try context.parameters.id()
        try await database.write { db in try await ViewStore(db: db).delete(id: id) }
        return seeOther("/admin/views")
    }

    static func summary(_ a: MacroActions, groups: [Int: String]) -> String {
        var parts: [String] = []
        if let comment = a.comment { parts.append((a.commentPublic ? "Reply: " : "Note: ") + String(comment.prefix(60))) }
        if let status = a.status { parts.append("status → \(status)") }
        if let priority = a.priority { parts.append("priority → \(priority)") }
        if let type = a.type { parts.append("type → \(type)") }
        if let group = a.groupID { parts.append("group → \(groups[group] ?? "#\(group)")") }
        if !a.addTags.isEmpty { parts.append("add tags " + a.addTags.joined(separator: " ")) }
        if !a.removeTags.isEmpty { parts.append("remove tags " + a.removeTags.joined(separator: " ")) }
        return parts.joined(separator: "; ")
    }

    func macrosPage(_ context: CasebookContext, errors: [String] = []) async throws -> MacrosPage {
        var chrome = Chrome(title: "Macros", context: context)
        chrome.errors = errors
        return try await database.read { db in
            let groups = try await GroupStore(db: db).list(limit: 500, offset: 0)
            let names = Dictionary(uniqueKeysWithValues: groups.map { ($0.id, $0.name) })
            return MacrosPage(
                chrome: chrome,
                macros: try await MacroStore(db: db).list().map { .init(id: $0.id, title: $0.title, summary: Self.summary($0.actions, groups: names)) },
                placeholders: Placeholders.supported.map { "{{\($0)}}" },
                statuses: TicketStatus.allCases.filter { $0 != .closed }.map(\.rawValue),
                priorities: TicketPriority.allCases.map(\.rawValue),
                groups: groups.map { .init(id: $0.id, name: $0.name) })
        }
    }

    @Sendable func macros(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.manageMacros)
        return renderer.page("admin-macros", try await macrosPage(context))
    }

    @Sendable func createMacro(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.manageMacros)
        let form = context.form ?? QueryItems(nil)
        let title = (form["title"] ?? "").trimmingCharacters(in: .whitespaces)
        func value(_ key: String) -> String? {
            let v = (form[key] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            return v.isEmpty ? nil : v
        }
        let actions = MacroActions(
            comment: value("body"), commentPublic: form["internal"] != "1", status: value("status"), priority: value("priority"),
            type: value("type"), groupID: value("group_id").flatMap { Int($0) },
            addTags: (value("add_tags") ?? "").split(separator: " ").map(String.init),
            removeTags: (value("remove_tags") ?? "").split(separator: " ").map(String.init))
        var errors = actions.problems()
        if title.isEmpty { errors.insert("Title: cannot be blank", at: 0) }
        if let group = actions.groupID, try await database.read({ db in try await GroupStore(db: db).find(id: group) }) == nil {
            errors.append("Group: \(group) does not exist")
        }
        guard errors.isEmpty else {
            return renderer.page("admin-macros", try await macrosPage(context, errors: errors), status: .unprocessableContent)
        }
        try await database.write { db in _ = try await MacroStore(db: db).insert(title: title, actions: actions) }
        return seeOther("/admin/macros")
    }

    @Sendable func deleteMacro(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.manageMacros)
        let id = try context.parameters.id()
        try await database.write { db in try await MacroStore(db: db).delete(id: id) }
        return seeOther("/admin/macros")
    }
}
