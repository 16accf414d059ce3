import CasebookCore
import Foundation
import SQLKit

/// Macros: saved ticket actions an agent applies from the ticket page. Actions are kept as JSON.
struct MacroStore: Sendable {
    let db: any SQLDatabase

    struct Row: Sendable, Equatable {
        var id: Int
        var title: String
        var actions: MacroActions
    }

    private static func decode(_ row: any SQLRow) throws -> Row {
        let json = try row.decode(column: "actions", as: String.self)
        let actions = (try? JSONDecoder().decode(MacroActions.self, from: Data(json.utf8))) ?? MacroActions()
        return Row(id: try row.decode(column: "id", as: Int.self), title: try row.decode(column: "title", as: String.self),
                   actions: actions)
    }

    func list() async throws -> [Row] {
        try await db.raw("SELECT id, title, actions FROM macros WHERE active = \(bind: true) ORDER BY title, id").all()
            .map(Self.decode)
    }

    func find(id: Int) async throws -> Row? {
        try await db.raw("SELECT id, title, actions FROM macros WHERE id = \(bind: id) AND active = \(bind: true)").first()
            .map(Self.decode)
    }

    @discardableResult
    func insert(title: String, actions: MacroActions, now: Int64 = Timestamp.now) async throws -> Int {
        let json = String(decoding: try JSONEncoder().encode(actions), as: UTF8.self)
        return try await db.raw("""
            INSERT INTO macros (title, actions, created_at, updated_at)
            VALUES (\(bind: title), \(bind: json), \(bind: now), \(bind: now)) RETURNING id
            """).first()!.decode(column: "id", as: Int.self)
    }

    func delete(id: Int) async throws {
        try await db.raw("DELETE FROM macros WHERE id = \(bind: id)").run()
    }
}
