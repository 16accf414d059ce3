import CasebookCore
import Foundation
import SQLKit

/// A customer waiting on a backorder chose to cancel and be refunded: the entry and its waiting units are cancelled
/// and the refund of those units is given at once (reason `backorder_cancelled`, no approval: nothing was delivered),
/// with its webhook-ready `refund.approved` event. In the caller's transaction.
struct BackorderCancellation {
    let db: any SQLDatabase
    let actor: Actor
    let now: Int64

    /// Returns, per order, the notices its linked tickets should get (the caller writes them).
    func refund(_ entries: [BackorderEntry]) async throws -> [Int: [String]] {
        var notices: [Int: [String]] = [:]
        for entry in entries {
            guard let line = try await db.raw("""
                SELECT l.price_minor, o.currency FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE l.id = \(bind: entry.lineID)
                """).first() else { continue }
            let amount = Money(minor: try line.decode(column: "price_minor", as: Int.self) * entry.quantity,
                               currency: try line.decode(column: "currency", as: String.self))
            var record = RefundRecord(id: 0, orderID: entry.orderID, kind: "lines", lines: [entry.lineID: entry.quantity], amount: amount,
                                      reason: .backorderCancelled, note: "The customer chose a refund instead of waiting",
                                      status: "approved", approverRole: nil, requestedByID: actor.id, decidedByID: actor.id,
                                      decidedAt: now, declineReason: "", ticketID: nil, createdAt: now)
            record.id = try await RefundStore(db: db).insert(record)
            try await db.raw("UPDATE backorder_entries SET status = 'cancelled' WHERE id = \(bind: entry.id)").run()
            // The line is refunded once every unit is (units already allocated or shipped keep it as it was).
            try await db.raw("""
                UPDATE order_lines SET refunded_quantity = refunded_quantity + \(bind: entry.quantity),
                    status = CASE WHEN refunded_quantity + \(bind: entry.quantity) >= quantity THEN 'refunded' ELSE status END
                WHERE id = \(bind: entry.lineID)
                """).run()
            try await db.raw("UPDATE orders SET updated_at = \(bind: now) WHERE id = \(bind: entry.orderID)").run()
            try await OrderEvents.emit("refund.approved", orderID: entry.orderID, payload: RefundRoutes.present(record), at: now, db: db)
            notices[entry.orderID, default: []].append(
                "Backorder for \(entry.quantity) × \(entry.sku) cancelled: the customer chose a refund. Refund #\(record.id) of \(amount.text) given")
        }
        return notices
    }
}
