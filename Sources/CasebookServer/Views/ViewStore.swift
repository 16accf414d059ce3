import CasebookCore
import Foundation
import SQLKit

/// Shared views an admin defined, next to the built-in ones every workspace has.
struct ViewStore: Sendable {
    let db: any SQLDatabase

    struct Row: Sendable, Equatable {
        var id: Int
        var title: String
        var query: String
        var sort: ViewSort
    }

    func list() async throws -> [Row] {
        try await db.raw("SELECT id, title, query, sort FROM views WHERE active = \(bind: true) ORDER BY position, id").all().map {
            Row(id: try $0.decode(column: "id", as: Int.self), title: try $0.decode(column: "title", as: String.self),
                query: try $0.decode(column: "query", as: String.self),
                sort: ViewSort(rawValue: try $0.decode(column: "sort", as: String.self)) ?? .updated)
        }
    }

    @discardableResult
    func insert(title: String, query: String, sort: ViewSort, now: Int64 = Timestamp.now) async throws -> Int {
        try await db.raw("""
            INSERT INTO views (title, query, sort, position, created_at, updated_at)
            VALUES (\(bind: title), \(bind: query), \(bind: sort.rawValue),
                    (SELECT COALESCE(MAX(position), 0) + 1 FROM views), \(bind: now), \(bind: now)) RETURNING id
            """).first()!.decode(column: "id", as: Int.self)
    }

    func delete(id: Int) async throws {
        try await db.raw("DELETE FROM views WHERE id = \(bind: id)").run()
    }

    /// Built-in views (with one queue per group), then the shared ones, in navigation order.
    func definitions() async throws -> [ViewDefinition] {
        let groups = try await GroupStore(db: db).list(limit: 500, offset: 0).map { (id: $0.id, name: $0.name) }
        return ViewDefinition.builtIns(groups: groups)
            + (try await list()).map { ViewDefinition(key: "custom-\($0.id)", title: $0.title, query: $0.query, sort: $0.sort) }
    }
}
