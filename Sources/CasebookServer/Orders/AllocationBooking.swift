import CasebookCore
import Foundation
import SQLKit

/// Books an allocation plan in the caller's transaction, in bulk: a receipt of thousands of units over a queue of a
/// hundred thousand entries is one pass of set-wise statements (the stock levels per SKU, ledger rows and entry
/// updates in batches, one shipment per order), not a handful of statements per entry.
struct AllocationBooking {
    let db: any SQLDatabase
    let actor: Actor
    let now: Int64

    /// Rows per multi-row statement: well under SQLite's and PostgreSQL's limits on bound values.
    static let batch = 500

    /// Returns, per order, the notices its linked tickets should get (the caller writes them).
    func book(_ plan: AllocationPlan, entries: [BackorderEntry]) async throws -> [Int: [String]] {
        let byID = Dictionary(entries.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        try await StockStore(db: db).reserve(plan.reservations(entries: entries, actorID: actor.id, at: now))

        var done: [Int] = [], doneLines: [Int] = []
        var perOrder: [Int: [(Int, SKU, Int)]] = [:]
        var notices: [Int: [String]] = [:]
        for allocation in plan.allocations {
            guard let entry = byID[allocation.entryID] else { continue }
            let remaining = entry.quantity - allocation.units
            if remaining > 0 {
                try await BackorderStore(db: db).setStatus(id: entry.id, "waiting", quantity: remaining)
            } else {
                done.append(entry.id)
                doneLines.append(entry.lineID)
            }
            perOrder[entry.orderID, default: []] += allocation.lines.map { (entry.lineID, $0.sku, $0.quantity) }
            var what = allocation.lines.map { "\($0.quantity) × \($0.sku)" }.joined(separator: ", ")
            if !allocation.usedSubstitute, allocation.lines.contains(where: { $0.sku != entry.sku }) {
                what = "\(allocation.units) × \(entry.sku) (\(what))"  // a bundle, sent as its components
            }
            notices[entry.orderID, default: []].append("Allocated \(what)" + (allocation.usedSubstitute ? " (substitute, as agreed)" : "")
                + (allocation.isPartial ? " (partial, as agreed; \(remaining) still on backorder)" : "") + ": ready to pick")
        }
        try await setStatus("backorder_entries", ids: done, "allocated", zeroQuantity: true)
        try await setStatus("order_lines", ids: doneLines, "allocated")
        try await Self.shipments(perOrder, expedited: false, now: now, db: db)

        // Entries whose customer chose a refund (set before the choice was acted on at once, e.g. by an import).
        let refunds = try await BackorderCancellation(db: db, actor: actor, now: now).refund(plan.refunds.compactMap { byID[$0] })
        notices.merge(refunds) { $0 + $1 }
        return notices
    }

    private func setStatus(_ table: String, ids: [Int], _ status: String, zeroQuantity: Bool = false) async throws {
        let quantity: SQLQueryString = zeroQuantity ? ", quantity = 0" : ""
        if Self.isPostgres(db) {
            guard !ids.isEmpty else { return }
            try await db.raw("""
                UPDATE \(ident: table) SET status = \(bind: status)\(quantity) WHERE id = ANY(\(bind: ids.map(Int64.init)))
                """).run()
            return
        }
        for start in stride(from: 0, to: ids.count, by: Self.batch) {
            let chunk = ids[start..<min(start + Self.batch, ids.count)]
            try await db.raw("""
                UPDATE \(ident: table) SET status = \(bind: status)\(quantity) WHERE id IN (\(binds: Array(chunk)))
                """).run()
        }
    }

    /// PostgreSQL takes a column of many rows as one array bind (`unnest`, `= ANY`): a statement per table instead of
    /// one per few hundred rows. SQLite, which runs statements in-process, takes multi-row VALUES lists.
    static func isPostgres(_ db: any SQLDatabase) -> Bool { db.dialect.name == "postgresql" }

    /// One shipment per order, ready to pick, with its lines; returns each order's new shipment id.
    @discardableResult
    static func shipments(_ perOrder: [Int: [(Int, SKU, Int)]], expedited: Bool, now: Int64, db: any SQLDatabase) async throws -> [Int: Int] {
        let orders = perOrder.keys.sorted()
        var shipmentOf: [Int: Int] = [:]
        if isPostgres(db), !orders.isEmpty {
            for row in try await db.raw("""
                INSERT INTO shipments (order_id, status, expedited, created_at)
                SELECT o, 'ready', \(bind: expedited), \(bind: now) FROM unnest(\(bind: orders.map(Int64.init))) AS o RETURNING id, order_id
                """).all() {
                shipmentOf[try row.decode(column: "order_id", as: Int.self)] = try row.decode(column: "id", as: Int.self)
            }
            let lines = orders.flatMap { order in perOrder[order, default: []].map { (Int64(shipmentOf[order]!), Int64($0.0), $0.1.rawValue, Int64($0.2)) } }
            try await db.raw("""
                INSERT INTO shipment_lines (shipment_id, line_id, sku, quantity)
                SELECT * FROM unnest(\(bind: lines.map(\.0)), \(bind: lines.map(\.1)), \(bind: lines.map(\.2)), \(bind: lines.map(\.3)))
                """).run()
            return shipmentOf
        }
        for start in stride(from: 0, to: orders.count, by: batch) {
            let chunk = orders[start..<min(start + batch, orders.count)]
            let values = chunk.map { "(\(bind: $0), 'ready', \(bind: expedited), \(bind: now))" as SQLQueryString }
            for row in try await db.raw("""
                INSERT INTO shipments (order_id, status, expedited, created_at) VALUES \(values.joined(separator: ", "))
                RETURNING id, order_id
                """).all() {
                shipmentOf[try row.decode(column: "order_id", as: Int.self)] = try row.decode(column: "id", as: Int.self)
            }
        }
        let lines = orders.flatMap { order in perOrder[order, default: []].map { (shipmentOf[order]!, $0.0, $0.1, $0.2) } }
        for start in stride(from: 0, to: lines.count, by: batch) {
            let values = lines[start..<min(start + batch, lines.count)].map {
                "(\(bind: $0.0), \(bind: $0.1), \(bind: $0.2.rawValue), \(bind: $0.3))" as SQLQueryString
            }
            try await db.raw("INSERT INTO shipment_lines (shipment_id, line_id, sku, quantity) VALUES \(values.joined(separator: ", "))").run()
        }
        return shipmentOf
    }
}

extension StockStore {
    /// Books available → reserved movements in bulk: one check and one pair of level updates per SKU, the ledger rows
    /// in batches. Refuses (422) when a SKU has less available than the movements take together.
    func reserve(_ movements: [StockMovement]) async throws {
        guard !movements.isEmpty else { return }
        var totals: [SKU: Int] = [:]
        for m in movements {
            guard m.from == .available, m.to == .reserved, m.quantity > 0 else { return try await apply(movements) }
            totals[m.sku, default: 0] += m.quantity
        }
        let available = try await self.available(Array(totals.keys))
        for (sku, quantity) in totals.sorted(by: { $0.key < $1.key }) {
            let has = available[sku] ?? 0
            guard has >= quantity else {
                throw APIError.invalid("stock", "Stock: \(StockLedger.Refusal.wouldGoNegative(sku: sku, state: .available, has: has, moving: quantity))")
            }
            try await db.raw("""
                UPDATE stock_levels SET quantity = quantity - \(bind: quantity) WHERE sku = \(bind: sku.rawValue) AND state = 'available'
                """).run()
            try await db.raw("""
                INSERT INTO stock_levels (sku, state, quantity) VALUES (\(bind: sku.rawValue), 'reserved', \(bind: quantity))
                ON CONFLICT (sku, state) DO UPDATE SET quantity = stock_levels.quantity + excluded.quantity
                """).run()
        }
        if AllocationBooking.isPostgres(db) {
            // Every movement here is available → reserved with a reference.
            try await db.raw("""
                INSERT INTO stock_movements (sku, quantity, from_state, to_state, reason, actor_id, reference, created_at)
                SELECT v.sku, v.quantity, 'available', 'reserved', v.reason, v.actor, v.reference, v.at
                FROM unnest(\(bind: movements.map(\.sku.rawValue)), \(bind: movements.map { Int64($0.quantity) }), \(bind: movements.map(\.reason.rawValue)),
                            \(bind: movements.map { Int64($0.actorID) }), \(bind: movements.map(\.reference)), \(bind: movements.map(\.at)))
                    AS v(sku, quantity, reason, actor, reference, at)
                """).run()
            return
        }
        for start in stride(from: 0, to: movements.count, by: AllocationBooking.batch) {
            let values = movements[start..<min(start + AllocationBooking.batch, movements.count)].map { m in
                """
                (\(bind: m.sku.rawValue), \(bind: m.quantity), \(bind: m.from?.rawValue), \(bind: m.to?.rawValue), \(bind: m.reason.rawValue),
                 \(bind: m.actorID), \(bind: m.reference), \(bind: m.at))
                """ as SQLQueryString
            }
            try await db.raw("""
                INSERT INTO stock_movements (sku, quantity, from_state, to_state, reason, actor_id, reference, created_at)
                VALUES \(values.joined(separator: ", "))
                """).run()
        }
    }
}
