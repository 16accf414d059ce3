import CasebookCore
import Foundation
import SQLKit

/// The stock ledger in SQL: every movement is a row; `stock_levels` holds their sum per SKU and state, kept in the
/// same transaction (and refusing to go negative), so levels can always be rebuilt from the ledger.
struct StockStore: Sendable {
    let db: any SQLDatabase

    func level(_ sku: SKU, _ state: StockState) async throws -> Int {
        try await db.raw("SELECT quantity FROM stock_levels WHERE sku = \(bind: sku.rawValue) AND state = \(bind: state.rawValue)")
            .first()?.decode(column: "quantity", as: Int.self) ?? 0
    }

    /// Good units per SKU (all SKUs, or these).
    func available(_ skus: [SKU]? = nil) async throws -> [SKU: Int] {
        var result: [SKU: Int] = [:]
        if let skus, skus.isEmpty { return result }
        let filter: SQLQueryString = skus.map { "AND sku IN (\(binds: $0.map(\.rawValue)))" } ?? ""
        for row in try await db.raw("SELECT sku, quantity FROM stock_levels WHERE state = 'available' AND quantity > 0 \(filter)").all() {
            result[SKU(try row.decode(column: "sku", as: String.self))] = try row.decode(column: "quantity", as: Int.self)
        }
        return result
    }

    /// Every SKU's levels by state.
    func levels() async throws -> [SKU: [StockState: Int]] {
        var result: [SKU: [StockState: Int]] = [:]
        for row in try await db.raw("SELECT sku, state, quantity FROM stock_levels ORDER BY sku").all() {
            guard let state = StockState(rawValue: try row.decode(column: "state", as: String.self)) else { continue }
            result[SKU(try row.decode(column: "sku", as: String.self)), default: [:]][state] = try row.decode(column: "quantity", as: Int.self)
        }
        return result
    }

    /// Books movements in order; refuses (422, nothing written by the caller's transaction) a move the ledger
    /// does not allow or one that would take a state below zero.
    func apply(_ movements: [StockMovement]) async throws {
        for m in movements {
            guard m.quantity > 0, m.reason.allows(from: m.from, to: m.to) else {
                throw APIError.invalid("stock", "Stock: \(StockLedger.Refusal.transitionNotAllowed(sku: m.sku, reason: m.reason, from: m.from, to: m.to))")
            }
            if let from = m.from {
                let has = try await level(m.sku, from)
                guard has >= m.quantity else {
                    throw APIError.invalid("stock", "Stock: \(StockLedger.Refusal.wouldGoNegative(sku: m.sku, state: from, has: has, moving: m.quantity))")
                }
                try await db.raw("""
                    UPDATE stock_levels SET quantity = quantity - \(bind: m.quantity) WHERE sku = \(bind: m.sku.rawValue) AND state = \(bind: from.rawValue)
                    """).run()
            }
            if let to = m.to {
                try await db.raw("""
                    INSERT INTO stock_levels (sku, state, quantity) VALUES (\(bind: m.sku.rawValue), \(bind: to.rawValue), \(bind: m.quantity))
                    ON CONFLICT (sku, state) DO UPDATE SET quantity = stock_levels.quantity + excluded.quantity
                    """).run()
            }
            try await db.raw("""
                INSERT INTO stock_movements (sku, quantity, from_state, to_state, reason, actor_id, reference, created_at)
                VALUES (\(bind: m.sku.rawValue), \(bind: m.quantity), \(bind: m.from?.rawValue), \(bind: m.to?.rawValue),
                        \(bind: m.reason.rawValue), \(bind: m.actorID), \(bind: m.reference), \(bind: m.at))
                """).run()
        }
    }

    /// The ledger of one SKU, oldest first.
    func movements(sku: SKU) async throws -> [StockMovement] {
        try await db.raw("SELECT * FROM stock_movements WHERE sku = \(bind: sku.rawValue) ORDER BY id").all().map { row in
            StockMovement(sku: sku, quantity: try row.decode(column: "quantity", as: Int.self),
                          from: try row.decode(column: "from_state", as: String?.self).flatMap(StockState.init(rawValue:)),
                          to: try row.decode(column: "to_state", as: String?.self).flatMap(StockState.init(rawValue:)),
                          reason: MovementReason(rawValue: try row.decode(column: "reason", as: String.self)) ?? .receipt,
                          actorID: try row.decode(column: "actor_id", as: Int.self), at: try row.decode(column: "created_at", as: Int64.self),
                          reference: try row.decode(column: "reference", as: String.self))
        }
    }
}
