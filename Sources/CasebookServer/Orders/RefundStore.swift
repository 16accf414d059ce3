import CasebookCore
import Foundation
import SQLKit

/// SQL for `refunds`. Refunded lines are kept as `line:units` pairs ("12:1 13:2").
struct RefundStore: Sendable {
    let db: any SQLDatabase

    static func encode(_ lines: [Int: Int]) -> String {
        lines.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value)" }.joined(separator: " ")
    }

    static func decodeLines(_ text: String) -> [Int: Int] {
        var lines: [Int: Int] = [:]
        for pair in text.split(separator: " ") {
            let parts = pair.split(separator: ":")
            if parts.count == 2, let line = Int(parts[0]), let units = Int(parts[1]) { lines[line] = units }
        }
        return lines
    }

    func insert(_ r: RefundRecord) async throws -> Int {
        try await db.raw("""
            INSERT INTO refunds (order_id, kind, lines, amount_minor, currency, reason, note, status, approver_role, requested_by_id,
                                 decided_by_id, decided_at, ticket_id, created_at)
            VALUES (\(bind: r.orderID), \(bind: r.kind), \(bind: Self.encode(r.lines)), \(bind: r.amount.minor), \(bind: r.amount.currency),
                    \(bind: r.reason.rawValue), \(bind: r.note), \(bind: r.status), \(bind: r.approverRole?.rawValue), \(bind: r.requestedByID),
                    \(bind: r.decidedByID), \(bind: r.decidedAt), \(bind: r.ticketID), \(bind: r.createdAt))
            RETURNING id
            """).first()!.decode(column: "id", as: Int.self)
    }

    func decide(_ r: RefundRecord) async throws {
        try await db.raw("""
            UPDATE refunds SET status = \(bind: r.status), decided_by_id = \(bind: r.decidedByID), decided_at = \(bind: r.decidedAt),
                decline_reason = \(bind: r.declineReason)
            WHERE id = \(bind: r.id)
            """).run()
    }

    func find(id: Int) async throws -> RefundRecord? {
        try await db.raw("SELECT * FROM refunds WHERE id = \(bind: id)").first().map(Self.decode)
    }

    func list(orderID: Int? = nil, status: String? = nil, limit: Int = 500) async throws -> [RefundRecord] {
        var conditions: [SQLQueryString] = ["1 = 1"]
        if let orderID { conditions.append("order_id = \(bind: orderID)") }
        if let status { conditions.append("status = \(bind: status)") }
        return try await db.raw("SELECT * FROM refunds WHERE \(conditions.joined(separator: " AND ")) ORDER BY id LIMIT \(bind: limit)")
            .all().map(Self.decode)
    }

    static func decode(_ row: any SQLRow) throws -> RefundRecord {
        RefundRecord(
            id: try row.decode(column: "id", as: Int.self), orderID: try row.decode(column: "order_id", as: Int.self),
            kind: try row.decode(column: "kind", as: String.self), lines: decodeLines(try row.decode(column: "lines", as: String.self)),
            amount: Money(minor: try row.decode(column: "amount_minor", as: Int.self), currency: try row.decode(column: "currency", as: String.self)),
            reason: RefundReason(rawValue: try row.decode(column: "reason", as: String.self)) ?? .other,
            note: try row.decode(column: "note", as: String.self), status: try row.decode(column: "status", as: String.self),
            approverRole: try row.decode(column: "approver_role", as: String?.self).flatMap(Role.init(rawValue:)),
            requestedByID: try row.decode(column: "requested_by_id", as: Int.self),
            decidedByID: try row.decode(column: "decided_by_id", as: Int?.self), decidedAt: try row.decode(column: "decided_at", as: Int64?.self),
            declineReason: try row.decode(column: "decline_reason", as: String.self), ticketID: try row.decode(column: "ticket_id", as: Int?.self),
            createdAt: try row.decode(column: "created_at", as: Int64.self))
    }
}
