import SQLKit

extension Present {
    /// Tickets as the API shows them, each with its satisfaction rating (one query for all of them), as Zendesk
    /// shows it on every ticket: in lists, search results and exports as well as on the ticket itself.
    static func tickets(_ records: [TicketRecord], base: String, db: any SQLDatabase) async throws -> [JSONValue] {
        try await SatisfactionService.attach(to: records.map { ticket($0, base: base) }, base: base, db: db)
    }

    static func tickets(_ records: [TicketRecord], base: String, database: Database) async throws -> [JSONValue] {
        guard !records.isEmpty else { return [] }
        return try await database.read { db in try await tickets(records, base: base, db: db) }
    }
}
