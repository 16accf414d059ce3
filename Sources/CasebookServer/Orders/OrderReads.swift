import CasebookCore
import Foundation
import SQLKit

/// An order as pages show it: lines with their place in the backorder queue, shipments, refunds, linked tickets.
struct OrderDetail: Sendable {
    struct Line: Sendable {
        var id: Int
        var sku: String
        var quantity: Int
        var price: Money
        var status: String
        var refundedQuantity: Int
        /// The line's waiting backorder entry: its id, place in its SKU's queue (from 1) and the customer's preference.
        var waiting: (entryID: Int, position: Int, preference: PreferenceRecord)?
    }
    struct Shipment: Sendable {
        var id: Int
        var status: String
        var expedited: Bool
        var carrier: String
        var tracking: String
        var items: String
    }

    var id: Int
    var externalID: String?
    var customerID: Int
    var currency: String
    var shippingAddress: String
    var shipping: Money
    var createdAt: Int64
    var lines: [Line]
    var shipments: [Shipment]
    var refunds: [RefundRecord]
    var ticketIDs: [Int]

    var total: Money { Money(minor: lines.reduce(shipping.minor) { $0 + $1.price.minor * $1.quantity }, currency: currency) }

    /// "2 × BT-PINK backordered (3rd in queue), 1 × BT-BLUE shipped"
    var state: String {
        lines.map { line in
            var text = "\(line.quantity) × \(line.sku) \(line.status)"
            if let waiting = line.waiting { text += " (place \(waiting.position) in queue)" }
            return text
        }.joined(separator: ", ")
    }
}

/// The reads behind the order pages and the ticket page's customer card.
struct OrderReads: Sendable {
    let db: any SQLDatabase

    func detail(id: Int) async throws -> OrderDetail? {
        guard let row = try await db.raw("SELECT * FROM orders WHERE id = \(bind: id)").first() else { return nil }
        let currency = try row.decode(column: "currency", as: String.self)
        var waiting: [Int: (Int, Int, PreferenceRecord)] = [:]
        for entry in try await db.raw("SELECT * FROM backorder_entries WHERE order_id = \(bind: id) AND status = 'waiting'").all()
            .map(BackorderStore.decode) {
            let ahead = try await db.raw("""
                SELECT COUNT(*) AS n FROM backorder_entries WHERE status = 'waiting' AND sku = \(bind: entry.sku.rawValue)
                AND (position < \(bind: entry.position) OR (position = \(bind: entry.position) AND id < \(bind: entry.id)))
                """).first()?.decode(column: "n", as: Int.self) ?? 0
            waiting[entry.lineID] = (entry.id, ahead + 1, entry.consent)
        }
        let lines = try await db.raw("SELECT * FROM order_lines WHERE order_id = \(bind: id) ORDER BY id").all().map { l in
            let lineID = try l.decode(column: "id", as: Int.self)
            return OrderDetail.Line(id: lineID, sku: try l.decode(column: "sku", as: String.self), quantity: try l.decode(column: "quantity", as: Int.self),
                                    price: Money(minor: try l.decode(column: "price_minor", as: Int.self), currency: currency),
                                    status: try l.decode(column: "status", as: String.self),
                                    refundedQuantity: try l.decode(column: "refunded_quantity", as: Int.self),
                                    waiting: waiting[lineID].map { (entryID: $0.0, position: $0.1, preference: $0.2) })
        }
        var items: [Int: [String]] = [:]
        for item in try await db.raw("""
            SELECT sl.shipment_id, sl.sku, sl.quantity FROM shipment_lines sl JOIN shipments s ON s.id = sl.shipment_id
            WHERE s.order_id = \(bind: id) ORDER BY sl.shipment_id
            """).all() {
            items[try item.decode(column: "shipment_id", as: Int.self), default: []]
                .append("\(try item.decode(column: "quantity", as: Int.self)) × \(try item.decode(column: "sku", as: String.self))")
        }
        let shipments = try await db.raw("SELECT * FROM shipments WHERE order_id = \(bind: id) ORDER BY id").all().map { s in
            let shipmentID = try s.decode(column: "id", as: Int.self)
            return OrderDetail.Shipment(id: shipmentID, status: try s.decode(column: "status", as: String.self),
                                        expedited: try s.decode(column: "expedited", as: Bool.self),
                                        carrier: try s.decode(column: "carrier", as: String.self),
                                        tracking: try s.decode(column: "tracking", as: String.self),
                                        items: (items[shipmentID] ?? []).joined(separator: ", "))
        }
        return OrderDetail(id: id, externalID: try row.decode(column: "external_id", as: String?.self),
                           customerID: try row.decode(column: "customer_id", as: Int.self), currency: currency,
                           shippingAddress: try row.decode(column: "shipping_address", as: String.self),
                           shipping: Money(minor: try row.decode(column: "shipping_minor", as: Int.self), currency: currency),
                           createdAt: try row.decode(column: "created_at", as: Int64.self), lines: lines, shipments: shipments,
                           refunds: try await RefundStore(db: db).list(orderID: id),
                           ticketIDs: try await BackorderStore(db: db).tickets(orderID: id))
    }

    /// A customer's newest orders, in full (the customer card shows a handful).
    func orders(customerID: Int, limit: Int) async throws -> [OrderDetail] {
        var result: [OrderDetail] = []
        for row in try await db.raw("""
            SELECT id FROM orders WHERE customer_id = \(bind: customerID) ORDER BY id DESC LIMIT \(bind: limit)
            """).all() {
            if let order = try await detail(id: try row.decode(column: "id", as: Int.self)) { result.append(order) }
        }
        return result
    }
}
