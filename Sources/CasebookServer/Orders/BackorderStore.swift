import CasebookCore
import Foundation
import SQLKit

/// Backorder entries (with the customer's recorded preference) and the moves leads made in a queue.
struct BackorderStore: Sendable {
    let db: any SQLDatabase

    static func preferenceColumns(_ p: Preference) -> (String, String) {
        switch p {
        case .wait: ("wait", "")
        case .cancelAndRefund: ("cancel_and_refund", "")
        case .acceptSubstitutes(.anyVariantOfProduct): ("accept_substitutes", "*")
        case .acceptSubstitutes(.skus(let skus)): ("accept_substitutes", skus.map(\.rawValue).sorted().joined(separator: " "))
        }
    }

    static func preference(_ kind: String, _ substitutes: String) -> Preference {
        switch kind {
        case "cancel_and_refund": .cancelAndRefund
        case "accept_substitutes": substitutes == "*" ? .acceptSubstitutes(.anyVariantOfProduct)
            : .acceptSubstitutes(.skus(Set(substitutes.split(separator: " ").map { SKU(String($0)) })))
        default: .wait
        }
    }

    static func decode(_ row: any SQLRow) throws -> BackorderEntry {
        BackorderEntry(
            id: try row.decode(column: "id", as: Int.self), orderID: try row.decode(column: "order_id", as: Int.self),
            lineID: try row.decode(column: "line_id", as: Int.self), customerID: try row.decode(column: "customer_id", as: Int.self),
            sku: SKU(try row.decode(column: "sku", as: String.self)), quantity: try row.decode(column: "quantity", as: Int.self),
            position: try row.decode(column: "position", as: Double.self),
            consent: PreferenceRecord(preference: preference(try row.decode(column: "preference", as: String.self),
                                                             try row.decode(column: "substitutes", as: String.self)),
                                      partialAllowed: try row.decode(column: "partial_allowed", as: Bool.self),
                                      capturedByID: try row.decode(column: "captured_by_id", as: Int?.self),
                                      capturedAt: try row.decode(column: "captured_at", as: Int64.self),
                                      byCustomer: try row.decode(column: "by_customer", as: Bool.self)),
            createdAt: try row.decode(column: "created_at", as: Int64.self))
    }

    func insert(orderID: Int, lineID: Int, customerID: Int, sku: SKU, quantity: Int, at: Int64) async throws -> Int {
        try await db.raw("""
            INSERT INTO backorder_entries (order_id, line_id, customer_id, sku, quantity, position, preference, captured_at, status, created_at)
            VALUES (\(bind: orderID), \(bind: lineID), \(bind: customerID), \(bind: sku.rawValue), \(bind: quantity), \(bind: Double(at)),
                    'wait', \(bind: at), 'waiting', \(bind: at))
            RETURNING id
            """).first()!.decode(column: "id", as: Int.self)
    }

    func entry(id: Int) async throws -> (BackorderEntry, String)? {
        guard let row = try await db.raw("SELECT * FROM backorder_entries WHERE id = \(bind: id)").first() else { return nil }
        return (try Self.decode(row), try row.decode(column: "status", as: String.self))
    }

    /// Where a page of the queue ends: the next page starts after this entry.
    struct QueueKey: Sendable { var position: Double; var createdAt: Int64; var id: Int }

    /// Waiting entries of these SKUs (all SKUs when nil), in queue order; with `limit`, the first `limit` of them after
    /// `after`.
    ///
    /// On PostgreSQL each row comes back as one text column (fields joined by the ASCII unit separator): an
    /// allocation reads many waiting entries, and decoding fourteen typed columns through PostgresKit's row decoder
    /// took longer than planning the allocation itself. (SQLite decodes typed columns cheaply, and its text form of a
    /// REAL keeps only 15 digits, which a moved entry's position needs all of.)
    func waiting(skus: [SKU]?, after: QueueKey? = nil, limit: Int? = nil, refundsOnly: Bool = false) async throws -> [BackorderEntry] {
        var filter: SQLQueryString = skus.map { "AND sku IN (\(binds: $0.map(\.rawValue)))" } ?? ""
        if let after {
            filter.appendInterpolation("AND (position, created_at, id) > (\(bind: after.position), \(bind: after.createdAt), \(bind: after.id))" as SQLQueryString)
        }
        if refundsOnly { filter.appendLiteral(" AND preference = 'cancel_and_refund'") }
        let page: SQLQueryString = limit.map { "ORDER BY position, created_at, id LIMIT \(literal: $0)" } ?? ""
        guard db.dialect.name == "postgresql" else {
            return try await db.raw("SELECT * FROM backorder_entries WHERE status = 'waiting' \(filter) \(page)").all().map(Self.decode)
                .sorted(by: BackorderEntry.queueOrder)
        }
        let fields: [SQLQueryString] = [
            "CAST(id AS TEXT)", "CAST(order_id AS TEXT)", "CAST(line_id AS TEXT)", "CAST(customer_id AS TEXT)", "sku",
            "CAST(quantity AS TEXT)", "CAST(position AS TEXT)", "preference", "substitutes",
            "CASE WHEN partial_allowed THEN '1' ELSE '0' END", "COALESCE(CAST(captured_by_id AS TEXT), '')",
            "CAST(captured_at AS TEXT)", "CASE WHEN by_customer THEN '1' ELSE '0' END", "CAST(created_at AS TEXT)",
        ]
        let packed = fields.joined(separator: " || chr(31) || ")
        return try await db.raw("SELECT \(packed) AS packed FROM backorder_entries WHERE status = 'waiting' \(filter) \(page)").all()
            .map { try Self.unpack(try $0.decode(column: "packed", as: String.self)) }
            .sorted(by: BackorderEntry.queueOrder)
    }

    /// Per waiting SKU (of these SKUs, or all), the named substitutes its customers accepted and how many entries wait:
    /// every SKU the queues could take stock of, without reading the entries.
    func demand(skus: [SKU]?) async throws -> (skus: Set<SKU>, substitutes: Set<SKU>, waiting: Int) {
        let filter: SQLQueryString = skus.map { "AND sku IN (\(binds: $0.map(\.rawValue)))" } ?? ""
        var result: (skus: Set<SKU>, substitutes: Set<SKU>, waiting: Int) = ([], [], 0)
        for row in try await db.raw("""
            SELECT sku, CASE WHEN preference = 'accept_substitutes' THEN substitutes ELSE '' END AS named, COUNT(*) AS n
            FROM backorder_entries WHERE status = 'waiting' \(filter) GROUP BY 1, 2
            """).all() {
            result.skus.insert(SKU(try row.decode(column: "sku", as: String.self)))
            for sku in try row.decode(column: "named", as: String.self).split(separator: " ") where sku != "*" { result.substitutes.insert(SKU(String(sku))) }
            result.waiting += try row.decode(column: "n", as: Int.self)
        }
        return result
    }

    static func unpack(_ packed: String) throws -> BackorderEntry {
        let f = packed.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
        guard f.count == 14, let id = Int(f[0]), let order = Int(f[1]), let line = Int(f[2]), let customer = Int(f[3]),
              let quantity = Int(f[5]), let position = Double(f[6]), let capturedAt = Int64(f[11]), let createdAt = Int64(f[13]) else {
            throw APIError(.internalServerError, "InternalError", "A backorder entry could not be read")
        }
        return BackorderEntry(
            id: id, orderID: order, lineID: line, customerID: customer, sku: SKU(f[4]), quantity: quantity, position: position,
            consent: PreferenceRecord(preference: preference(f[7], f[8]), partialAllowed: f[9] == "1", capturedByID: Int(f[10]),
                                      capturedAt: capturedAt, byCustomer: f[12] == "1"),
            createdAt: createdAt)
    }

    func setPosition(id: Int, _ position: Double) async throws {
        try await db.raw("UPDATE backorder_entries SET position = \(bind: position) WHERE id = \(bind: id)").run()
    }

    func setConsent(id: Int, _ consent: PreferenceRecord) async throws {
        let (kind, substitutes) = Self.preferenceColumns(consent.preference)
        try await db.raw("""
            UPDATE backorder_entries SET preference = \(bind: kind), substitutes = \(bind: substitutes), partial_allowed = \(bind: consent.partialAllowed),
                captured_by_id = \(bind: consent.capturedByID), captured_at = \(bind: consent.capturedAt), by_customer = \(bind: consent.byCustomer)
            WHERE id = \(bind: id)
            """).run()
    }

    func setStatus(id: Int, _ status: String, quantity: Int? = nil) async throws {
        if let quantity {
            try await db.raw("UPDATE backorder_entries SET status = \(bind: status), quantity = \(bind: quantity) WHERE id = \(bind: id)").run()
        } else {
            try await db.raw("UPDATE backorder_entries SET status = \(bind: status) WHERE id = \(bind: id)").run()
        }
    }

    func recordMove(_ move: QueueMoveRecord) async throws {
        try await db.raw("""
            INSERT INTO backorder_moves (entry_id, from_index, to_index, reason, actor_id, created_at)
            VALUES (\(bind: move.entryID), \(bind: move.fromIndex), \(bind: move.toIndex), \(bind: move.reason), \(bind: move.actorID), \(bind: move.at))
            """).run()
    }

    struct Move: Sendable { var from: Int; var to: Int; var reason: String; var actor: String; var at: Int64 }

    func moves(entryIDs: [Int]) async throws -> [Int: [Move]] {
        guard !entryIDs.isEmpty else { return [:] }
        var result: [Int: [Move]] = [:]
        for row in try await db.raw("""
            SELECT m.*, u.name FROM backorder_moves m JOIN users u ON u.id = m.actor_id WHERE m.entry_id IN (\(binds: entryIDs)) ORDER BY m.id
            """).all() {
            result[try row.decode(column: "entry_id", as: Int.self), default: []].append(Move(
                from: try row.decode(column: "from_index", as: Int.self), to: try row.decode(column: "to_index", as: Int.self),
                reason: try row.decode(column: "reason", as: String.self), actor: try row.decode(column: "name", as: String.self),
                at: try row.decode(column: "created_at", as: Int64.self)))
        }
        return result
    }

    /// Tickets linked to an order (where queue moves and allocations are recorded).
    /// The tickets linked to an order, oldest first; with `open`, only those still taking updates (not closed or deleted).
    func tickets(orderID: Int, open: Bool = false) async throws -> [Int] {
        let filter: SQLQueryString = open ? "AND t.status <> 'closed' AND t.deleted_at IS NULL" : ""
        return try await db.raw("""
            SELECT ot.ticket_id FROM order_tickets ot JOIN tickets t ON t.id = ot.ticket_id
            WHERE ot.order_id = \(bind: orderID) \(filter) ORDER BY ot.ticket_id
            """).all().map { try $0.decode(column: "ticket_id", as: Int.self) }
    }
}
