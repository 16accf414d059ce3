import CasebookCore
import Foundation
import SQLKit

struct OrganizationRecord: Sendable, Equatable {
    var id: Int
    var name: String
    var externalID: String?
    var details: String
    var notes: String
    var sharedTickets: Bool
    var domains: [String]
    /// The staff member who owns the account: told of every decision on its tickets.
    var accountOwnerID: Int? = nil
    var createdAt: Int64
    var updatedAt: Int64
}

/// SQL for organizations and their email domains.
struct OrganizationStore: Sendable {
    let db: any SQLDatabase

    private func decode(_ rows: [any SQLRow]) async throws -> [OrganizationRecord] {
        var records = try rows.map { row in
            OrganizationRecord(
                id: try row.decode(column: "id", as: Int.self),
                name: try row.decode(column: "name", as: String.self),
                externalID: try row.decode(column: "external_id", as: String?.self),
                details: try row.decode(column: "details", as: String.self),
                notes: try row.decode(column: "notes", as: String.self),
                sharedTickets: try row.decode(column: "shared_tickets", as: Bool.self),
                domains: [],
                accountOwnerID: try row.decode(column: "account_owner_id", as: Int?.self),
                createdAt: try row.decode(column: "created_at", as: Int64.self),
                updatedAt: try row.decode(column: "updated_at", as: Int64.self))
        }
        guard !records.isEmpty else { return [] }
        let domainRows = try await db.raw("""
            SELECT organization_id, domain FROM organization_domains
            WHERE organization_id IN (\(binds: records.map(\.id))) ORDER BY domain
            """).all()
        var byOrg: [Int: [String]] = [:]
        for row in domainRows {
            byOrg[try row.decode(column: "organization_id", as: Int.self), default: []]
                .append(try row.decode(column: "domain", as: String.self))
        }
        for i in records.indices { records[i].domains = byOrg[records[i].id] ?? [] }
        return records
    }

    static let columns = "id, name, external_id, details, notes, shared_tickets, account_owner_id, created_at, updated_at"

    func find(id: Int) async throws -> OrganizationRecord? {
        try await decode(db.raw("SELECT \(unsafeRaw: Self.columns) FROM organizations WHERE id = \(bind: id)").all()).first
    }

    func find(name: String) async throws -> OrganizationRecord? {
        try await decode(db.raw("""
            SELECT \(unsafeRaw: Self.columns) FROM organizations WHERE name_key = \(bind: name.lowercased())
            """).all()).first
    }

    func find(externalID: String) async throws -> OrganizationRecord? {
        try await decode(db.raw("""
            SELECT \(unsafeRaw: Self.columns) FROM organizations WHERE external_id = \(bind: externalID)
            """).all()).first
    }

    func find(ids: [Int]) async throws -> [OrganizationRecord] {
        guard !ids.isEmpty else { return [] }
        return try await decode(db.raw("""
            SELECT \(unsafeRaw: Self.columns) FROM organizations WHERE id IN (\(binds: ids)) ORDER BY id
            """).all())
    }

    func list(limit: Int, offset: Int, afterID: Int? = nil) async throws -> [OrganizationRecord] {
        try await decode(db.raw("""
            SELECT \(unsafeRaw: Self.columns) FROM organizations WHERE id > \(bind: afterID ?? 0)
            ORDER BY id LIMIT \(bind: limit) OFFSET \(bind: offset)
            """).all())
    }

    func count() async throws -> Int {
        try await db.raw("SELECT COUNT(*) AS n FROM organizations").first()!.decode(column: "n", as: Int.self)
    }

    func search(_ text: String, limit: Int) async throws -> [OrganizationRecord] {
        let pattern = "%" + likeEscaped(text.lowercased()) + "%"
        return try await decode(db.raw("""
            SELECT \(unsafeRaw: Self.columns) FROM organizations WHERE name_key LIKE \(bind: pattern) ESCAPE '\\'
               OR id IN (SELECT organization_id FROM organization_domains WHERE domain LIKE \(bind: pattern) ESCAPE '\\')
            ORDER BY id LIMIT \(bind: limit)
            """).all())
    }

    /// The organization whose domain matches the email's domain (or a parent domain of it).
    func matching(email: String) async throws -> Int? {
        guard let domain = EmailAddress.domain(of: email) else { return nil }
        var candidates: [String] = []
        var parts = domain.split(separator: ".").map(String.init)
        while parts.count >= 2 {
            candidates.append(parts.joined(separator: "."))
            parts.removeFirst()
        }
        guard !candidates.isEmpty else { return nil }
        let rows = try await db.raw("""
            SELECT organization_id, domain FROM organization_domains WHERE domain IN (\(binds: candidates))
            """).all()
        // The most specific domain wins.
        let best = try rows.max { try $0.decode(column: "domain", as: String.self).count < $1.decode(column: "domain", as: String.self).count }
        return try best?.decode(column: "organization_id", as: Int.self)
    }

    func insert(name: String, externalID: String?, details: String, notes: String, sharedTickets: Bool,
                domains: [String]) async throws -> Int {
        let now = Timestamp.now
        let id = try await db.raw("""
            INSERT INTO organizations (name, name_key, external_id, details, notes, shared_tickets, created_at, updated_at)
            VALUES (\(bind: name), \(bind: name.lowercased()), \(bind: externalID), \(bind: details), \(bind: notes),
                    \(bind: sharedTickets), \(bind: now), \(bind: now))
            RETURNING id
            """).first()!.decode(column: "id", as: Int.self)
        try await setDomains(id: id, domains: domains)
        return id
    }

    func update(_ org: OrganizationRecord) async throws {
        try await db.raw("""
            UPDATE organizations SET name = \(bind: org.name), name_key = \(bind: org.name.lowercased()),
                external_id = \(bind: org.externalID), details = \(bind: org.details), notes = \(bind: org.notes),
                shared_tickets = \(bind: org.sharedTickets), account_owner_id = \(bind: org.accountOwnerID), updated_at = \(bind: Timestamp.now)
            WHERE id = \(bind: org.id)
            """).run()
        try await setDomains(id: org.id, domains: org.domains)
    }

    func setDomains(id: Int, domains: [String]) async throws {
        try await db.raw("DELETE FROM organization_domains WHERE organization_id = \(bind: id)").run()
        for domain in domains {
            try await db.raw("""
                INSERT INTO organization_domains (organization_id, domain) VALUES (\(bind: id), \(bind: domain))
                """).run()
        }
    }

    func domainOwner(_ domain: String) async throws -> Int? {
        try await db.raw("SELECT organization_id FROM organization_domains WHERE domain = \(bind: domain)")
            .first()?.decode(column: "organization_id", as: Int.self)
    }

    func delete(id: Int) async throws {
        try await db.raw("UPDATE users SET organization_id = NULL WHERE organization_id = \(bind: id)").run()
        try await db.raw("UPDATE tickets SET organization_id = NULL WHERE organization_id = \(bind: id)").run()
        try await db.raw("DELETE FROM organizations WHERE id = \(bind: id)").run()
    }
}
