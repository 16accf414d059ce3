import CasebookCore
import Foundation
import SQLKit

/// The author of what Casebook does by itself (routing a waiting ticket, escalating on an SLA breach): an inactive
/// account that cannot sign in, created the first time it is needed, so every audit still names who acted.
enum Automation {
    static let externalID = "casebook:automation"

    static func actor(db: any SQLDatabase) async throws -> Actor {
        if let user = try await UserStore(db: db).find(externalID: externalID) { return Actor(id: user.id, role: .admin) }
        let id = try await db.raw("""
            INSERT INTO users (name, email, role, external_id, notes, active, created_at, updated_at)
            VALUES ('Casebook', NULL, 'agent', \(bind: externalID), 'Authors what Casebook does by itself: routing and SLA escalation.',
                    \(bind: false), \(bind: Timestamp.now), \(bind: Timestamp.now))
            ON CONFLICT (external_id) DO NOTHING
            RETURNING id
            """).first()?.decode(column: "id", as: Int.self)
        if let id { return Actor(id: id, role: .admin) }
        guard let user = try await UserStore(db: db).find(externalID: externalID) else { throw APIError.notFound("automation user") }
        return Actor(id: user.id, role: .admin)
    }
}
