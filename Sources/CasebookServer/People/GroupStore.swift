import CasebookCore
import Foundation
import SQLKit

struct GroupRecord: Sendable, Equatable {
    var id: Int
    var name: String
    var description: String
    var createdAt: Int64
    var updatedAt: Int64
}

struct MembershipRecord: Sendable, Equatable {
    var id: Int
    var userID: Int
    var groupID: Int
    var isDefault: Bool
    var createdAt: Int64
}

/// SQL for groups of agents and their memberships.
struct GroupStore: Sendable {
    let db: any SQLDatabase

    static func decode(_ row: any SQLRow) throws -> GroupRecord {
        GroupRecord(id: try row.decode(column: "id", as: Int.self),
                    name: try row.decode(column: "name", as: String.self),
                    description: try row.decode(column: "description", as: String.self),
                    createdAt: try row.decode(column: "created_at", as: Int64.self),
                    updatedAt: try row.decode(column: "updated_at", as: Int64.self))
    }

    static func decodeMembership(_ row: any SQLRow) throws -> MembershipRecord {
        MembershipRecord(id: try row.decode(column: "id", as: Int.self),
                         userID: try row.decode(column: "user_id", as: Int.self),
                         groupID: try row.decode(column: "group_id", as: Int.self),
                         isDefault: try row.decode(column: "is_default", as: Bool.self),
                         createdAt: try row.decode(column: "created_at", as: Int64.self))
    }

    func find(id: Int) async throws -> GroupRecord? {
        try await db.raw("SELECT * FROM groups WHERE id = \(bind: id)").first().map(Self.decode)
    }

    func find(name: String) async throws -> GroupRecord? {
        try await db.raw("SELECT * FROM groups WHERE name_key = \(bind: name.lowercased())").first().map(Self.decode)
    }

    func list(limit: Int, offset: Int, afterID: Int? = nil) async throws -> [GroupRecord] {
        try await db.raw("""
            SELECT * FROM groups WHERE id > \(bind: afterID ?? 0) ORDER BY id LIMIT \(bind: limit) OFFSET \(bind: offset)
            """).all().map(Self.decode)
    }

    func count() async throws -> Int {
        try await db.raw("SELECT COUNT(*) AS n FROM groups").first()!.decode(column: "n", as: Int.self)
    }

    func search(_ text: String, limit: Int) async throws -> [GroupRecord] {
        let pattern = "%" + likeEscaped(text.lowercased()) + "%"
        return try await db.raw("""
            SELECT * FROM groups WHERE name_key LIKE \(bind: pattern) ESCAPE '\\' ORDER BY id LIMIT \(bind: limit)
            """).all().map(Self.decode)
    }

    func insert(name: String, description: String) async throws -> Int {
        let now = Timestamp.now
        return try await db.raw("""
            INSERT INTO groups (name, name_key, description, created_at, updated_at)
            VALUES (\(bind: name), \(bind: name.lowercased()), \(bind: description), \(bind: now), \(bind: now))
            RETURNING id
            """).first()!.decode(column: "id", as: Int.self)
    }

    func update(_ group: GroupRecord) async throws {
        try await db.raw("""
            UPDATE groups SET name = \(bind: group.name), name_key = \(bind: group.name.lowercased()),
                description = \(bind: group.description), updated_at = \(bind: Timestamp.now)
            WHERE id = \(bind: group.id)
            """).run()
    }

    func delete(id: Int) async throws {
        try await db.raw("UPDATE tickets SET group_id = NULL WHERE group_id = \(bind: id)").run()
        try await db.raw("DELETE FROM groups WHERE id = \(bind: id)").run()
    }

    func memberships(groupID: Int? = nil, userID: Int? = nil) async throws -> [MembershipRecord] {
        var query: SQLQueryString = "SELECT * FROM group_memberships WHERE 1 = 1"
        if let groupID { query.appendInterpolation(" AND group_id = \(bind: groupID)" as SQLQueryString) }
        if let userID { query.appendInterpolation(" AND user_id = \(bind: userID)" as SQLQueryString) }
        query.appendLiteral(" ORDER BY id")
        return try await db.raw(query).all().map(Self.decodeMembership)
    }

    func membership(id: Int) async throws -> MembershipRecord? {
        try await db.raw("SELECT * FROM group_memberships WHERE id = \(bind: id)").first().map(Self.decodeMembership)
    }

    func addMember(userID: Int, groupID: Int, isDefault: Bool = false) async throws -> Int {
        if let existing = try await db.raw("""
            SELECT id FROM group_memberships WHERE user_id = \(bind: userID) AND group_id = \(bind: groupID)
            """).first() {
            return try existing.decode(column: "id", as: Int.self)
        }
        return try await db.raw("""
            INSERT INTO group_memberships (user_id, group_id, is_default, created_at)
            VALUES (\(bind: userID), \(bind: groupID), \(bind: isDefault), \(bind: Timestamp.now)) RETURNING id
            """).first()!.decode(column: "id", as: Int.self)
    }

    func removeMembership(id: Int) async throws {
        try await db.raw("DELETE FROM group_memberships WHERE id = \(bind: id)").run()
    }
}
