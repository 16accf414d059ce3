import CasebookCore
import Foundation
import SQLKit

struct UserRecord: Sendable, Equatable {
    var id: Int
    var name: String
    var email: String?
    var role: Role
    var phone: String?
    var organizationID: Int?
    var timeZone: String
    var externalID: String?
    var notes: String
    var active: Bool
    var createdAt: Int64
    var updatedAt: Int64
}

/// SQL for people: users, their API tokens, and the organization their email domain puts them in.
struct UserStore: Sendable {
    let db: any SQLDatabase

    static let columns = "id, name, email, role, phone, organization_id, time_zone, external_id, notes, active, created_at, updated_at"
    static let qualifiedColumns = qualified(columns, "u")

    static func decode(_ row: any SQLRow) throws -> UserRecord {
        UserRecord(
            id: try row.decode(column: "id", as: Int.self),
            name: try row.decode(column: "name", as: String.self),
            email: try row.decode(column: "email", as: String?.self),
            role: Role(rawValue: try row.decode(column: "role", as: String.self)) ?? .endUser,
            phone: try row.decode(column: "phone", as: String?.self),
            organizationID: try row.decode(column: "organization_id", as: Int?.self),
            timeZone: try row.decode(column: "time_zone", as: String.self),
            externalID: try row.decode(column: "external_id", as: String?.self),
            notes: try row.decode(column: "notes", as: String.self),
            active: try row.decode(column: "active", as: Bool.self),
            createdAt: try row.decode(column: "created_at", as: Int64.self),
            updatedAt: try row.decode(column: "updated_at", as: Int64.self))
    }

    func find(id: Int) async throws -> UserRecord? {
        try await db.raw("SELECT \(unsafeRaw: Self.columns) FROM users WHERE id = \(bind: id)").first().map(Self.decode)
    }

    func find(email: String) async throws -> UserRecord? {
        try await db.raw("SELECT \(unsafeRaw: Self.columns) FROM users WHERE email = \(bind: email.lowercased())")
            .first().map(Self.decode)
    }

    func find(externalID: String) async throws -> UserRecord? {
        try await db.raw("SELECT \(unsafeRaw: Self.columns) FROM users WHERE external_id = \(bind: externalID)")
            .first().map(Self.decode)
    }

    func find(ids: [Int]) async throws -> [UserRecord] {
        guard !ids.isEmpty else { return [] }
        return try await db.raw("SELECT \(unsafeRaw: Self.columns) FROM users WHERE id IN (\(binds: ids)) ORDER BY id")
            .all().map(Self.decode)
    }

    func count(role: Role? = nil) async throws -> Int {
        let row = try await (role.map { db.raw("SELECT COUNT(*) AS n FROM users WHERE role = \(bind: $0.rawValue)") }
            ?? db.raw("SELECT COUNT(*) AS n FROM users")).first()
        return try row?.decode(column: "n", as: Int.self) ?? 0
    }

    func list(limit: Int, offset: Int, afterID: Int? = nil) async throws -> [UserRecord] {
        try await db.raw("""
            SELECT \(unsafeRaw: Self.columns) FROM users WHERE id > \(bind: afterID ?? 0)
            ORDER BY id LIMIT \(bind: limit) OFFSET \(bind: offset)
            """).all().map(Self.decode)
    }

    func insert(name: String, email: String?, role: Role, phone: String?, organizationID: Int?, timeZone: String,
                externalID: String?, notes: String, passwordHash: String? = nil) async throws -> Int {
        let now = Timestamp.now
        let row = try await db.raw("""
            INSERT INTO users (name, email, role, phone, organization_id, time_zone, external_id, notes, active,
                               password_hash, created_at, updated_at)
            VALUES (\(bind: name), \(bind: email?.lowercased()), \(bind: role.rawValue), \(bind: phone),
                    \(bind: organizationID), \(bind: timeZone), \(bind: externalID), \(bind: notes), \(bind: true),
                    \(bind: passwordHash), \(bind: now), \(bind: now))
            RETURNING id
            """).first()
        return try row!.decode(column: "id", as: Int.self)
    }

    func update(_ user: UserRecord) async throws {
        try await db.raw("""
            UPDATE users SET name = \(bind: user.name), email = \(bind: user.email?.lowercased()),
                role = \(bind: user.role.rawValue), phone = \(bind: user.phone),
                organization_id = \(bind: user.organizationID), time_zone = \(bind: user.timeZone),
                external_id = \(bind: user.externalID), notes = \(bind: user.notes), active = \(bind: user.active),
                updated_at = \(bind: Timestamp.now)
            WHERE id = \(bind: user.id)
            """).run()
    }

    /// Active staff, by name (assignee choices).
    func activeStaff() async throws -> [UserRecord] {
        try await db.raw("""
            SELECT \(unsafeRaw: Self.columns) FROM users
            WHERE role IN ('agent', 'lead', 'manager', 'admin') AND active = \(bind: true) ORDER BY name, id
            """).all().map(Self.decode)
    }

    func setPassword(userID: Int, hash: String) async throws {
        try await db.raw("UPDATE users SET password_hash = \(bind: hash) WHERE id = \(bind: userID)").run()
    }

    /// Users whose name or email contains the text (case-insensitive).
    func search(_ text: String, limit: Int) async throws -> [UserRecord] {
        let pattern = "%" + likeEscaped(text.lowercased()) + "%"
        return try await db.raw("""
            SELECT \(unsafeRaw: Self.columns) FROM users
            WHERE LOWER(name) LIKE \(bind: pattern) ESCAPE '\\' OR email LIKE \(bind: pattern) ESCAPE '\\'
               OR external_id = \(bind: text)
            ORDER BY id LIMIT \(bind: limit)
            """).all().map(Self.decode)
    }

    // MARK: API tokens

    func insertToken(userID: Int, hash: String, description: String) async throws {
        try await db.raw("""
            INSERT INTO api_tokens (user_id, token_hash, description, created_at)
            VALUES (\(bind: userID), \(bind: hash), \(bind: description), \(bind: Timestamp.now))
            """).run()
    }

    func user(forTokenHash hash: String) async throws -> UserRecord? {
        try await db.raw("""
            SELECT \(unsafeRaw: Self.qualifiedColumns) FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = \(bind: hash)
            """).first().map(Self.decode)
    }
}

/// Escapes LIKE wildcards so user text matches literally (used with `ESCAPE '\'`).
func likeEscaped(_ text: String) -> String {
    text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
        .replacingOccurrences(of: "_", with: "\\_")
}
