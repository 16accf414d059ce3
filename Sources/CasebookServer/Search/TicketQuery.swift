import CasebookCore
import Foundation
import SQLKit

/// Counting and paging tickets that match a condition, in one of the orders views and search offer.
/// Shared by the search API, the workspace's views and its search page.
enum TicketQuery {
    /// An ORDER BY clause (`t` is the tickets table); ties broken by id so pages never overlap.
    static func order(by column: String?, descending: Bool) -> SQLQueryString {
        let expression: String = switch column {
        case "created_at", "created": "t.created_at"
        case "priority": priorityRank(column: "t.priority")
        case "status": "CASE t.status WHEN 'new' THEN 0 WHEN 'open' THEN 1 WHEN 'pending' THEN 2 WHEN 'hold' THEN 3 WHEN 'solved' THEN 4 ELSE 5 END"
        case "ticket_type": "t.type"
        default: "t.updated_at"
        }
        let direction = descending ? "DESC" : "ASC"
        return "\(unsafeRaw: expression) \(unsafeRaw: direction), t.id \(unsafeRaw: direction)"
    }

    /// Priorities as numbers, highest first when sorted descending. Migration 0011 indexes this exact expression.
    static func priorityRank(column: String) -> String {
        "CASE \(column) WHEN 'urgent' THEN 4 WHEN 'high' THEN 3 WHEN 'normal' THEN 2 WHEN 'low' THEN 1 ELSE 0 END"
    }

    static func order(_ sort: ViewSort) -> SQLQueryString {
        switch sort {
        case .priority: order(by: "priority", descending: true)
        case .updated: order(by: "updated_at", descending: true)
        case .created: order(by: "created_at", descending: false)
        case .sla:
            "COALESCE((SELECT s.next_breach_at FROM ticket_slas s WHERE s.ticket_id = t.id), 9223372036854775807) ASC, t.id ASC"
        }
    }

    /// The condition `query` means for `actor`, limited to what they may see; nil when nothing can match.
    static func condition(_ query: SearchQuery, actor: Actor, tickets: TicketService, db: any SQLDatabase)
        async throws -> SQLQueryString? {
        guard let condition = SearchSQL(query: query, actor: actor).ticketCondition() else { return nil }
        var full = try await tickets.visibility(for: actor, db: db)
        full.appendLiteral(" AND ")
        full.appendInterpolation(condition)
        return full
    }

    static func count(_ condition: SQLQueryString, db: any SQLDatabase) async throws -> Int {
        try await db.raw("SELECT COUNT(*) AS n FROM tickets t WHERE \(condition)").first()!.decode(column: "n", as: Int.self)
    }

    static func page(_ condition: SQLQueryString, order: SQLQueryString, limit: Int, offset: Int, db: any SQLDatabase)
        async throws -> [TicketRecord] {
        let rows = try await db.raw("""
            SELECT \(unsafeRaw: TicketStore.qualifiedColumns) FROM tickets t WHERE \(condition)
            ORDER BY \(order) LIMIT \(bind: limit) OFFSET \(bind: offset)
            """).all()
        return try await TicketStore(db: db).records(from: rows)
    }
}
