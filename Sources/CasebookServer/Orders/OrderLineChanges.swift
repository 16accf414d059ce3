import CasebookCore
import Foundation
import SQLKit

/// What happens to order lines after they are placed: a line cancelled before it ships (its reserved units go back
/// to available stock, its place in a backorder queue is given up), a shipment delivered, units returned (some put
/// back into stock). Each public method is one transaction, emits a webhook-ready event and is written on the
/// order's tickets. The SKUs whose stock became available are returned, for an allocation run.
struct OrderLineChanges: Sendable {
    let orders: OrderService

    /// Cancels lines (every open one when `lineIDs` is nil) that have not shipped, with a reason.
    func cancel(orderID: Int, lineIDs: [Int]?, reason: String, actor: Actor) async throws -> Set<SKU> {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw APIError.invalid("reason", "Reason: say why the line is cancelled", error: "BlankValue") }
        let now = orders.clock.now()
        return try await orders.database.write { db in
            guard try await db.raw("SELECT id FROM orders WHERE id = \(bind: orderID)").first() != nil else { throw APIError.notFound("No order \(orderID)") }
            let rows = try await db.raw("SELECT id, sku, quantity, status FROM order_lines WHERE order_id = \(bind: orderID) ORDER BY id").all()
            var lines: [(id: Int, sku: SKU, quantity: Int, status: String)] = try rows.map {
                (try $0.decode(column: "id", as: Int.self), SKU(try $0.decode(column: "sku", as: String.self)),
                 try $0.decode(column: "quantity", as: Int.self), try $0.decode(column: "status", as: String.self))
            }
            if let lineIDs {
                if let unknown = lineIDs.first(where: { id in !lines.contains { $0.id == id } }) {
                    throw APIError.invalid("line_ids", "Lines: order \(orderID) has no line \(unknown)")
                }
                lines = lines.filter { lineIDs.contains($0.id) }
                if let done = lines.first(where: { !["allocated", "backordered"].contains($0.status) }) {
                    let why = ["shipped", "delivered", "returned"].contains(done.status) ? "has shipped; record a return instead" : "is \(done.status) already"
                    throw APIError.invalid("line_ids", "Line \(done.id) (\(done.quantity) × \(done.sku)) \(why)")
                }
            } else {
                lines = lines.filter { ["allocated", "backordered"].contains($0.status) }
                if lines.isEmpty { throw APIError.invalid("line_ids", "Order \(orderID) has no line left to cancel: every line has shipped (record a return instead) or was cancelled") }
            }
            let ids = lines.map(\.id)
            // Units reserved for shipments that have not left go back to available stock.
            let picks = try await db.raw("""
                SELECT sl.shipment_id, sl.line_id, sl.sku, sl.quantity FROM shipment_lines sl JOIN shipments s ON s.id = sl.shipment_id
                WHERE s.status = 'ready' AND sl.line_id IN (\(binds: ids))
                """).all()
            var freed: [SKU: Int] = [:], shipments: Set<Int> = []
            for pick in picks {
                freed[SKU(try pick.decode(column: "sku", as: String.self)), default: 0] += try pick.decode(column: "quantity", as: Int.self)
                shipments.insert(try pick.decode(column: "shipment_id", as: Int.self))
            }
            try await StockStore(db: db).apply(freed.sorted { $0.key < $1.key }.map {
                StockMovement(sku: $0.key, quantity: $0.value, from: .reserved, to: .available, reason: .allocationCancelled, actorID: actor.id,
                              at: now, reference: "order \(orderID) cancelled")
            })
            if !shipments.isEmpty {
                try await db.raw("DELETE FROM shipment_lines WHERE line_id IN (\(binds: ids)) AND shipment_id IN (\(binds: Array(shipments)))").run()
                try await db.raw("""
                    UPDATE shipments SET status = 'cancelled'
                    WHERE id IN (\(binds: Array(shipments))) AND NOT EXISTS (SELECT 1 FROM shipment_lines sl WHERE sl.shipment_id = shipments.id)
                    """).run()
            }
            // A place in a backorder queue is given up.
            try await db.raw("UPDATE backorder_entries SET status = 'cancelled' WHERE status = 'waiting' AND line_id IN (\(binds: ids))").run()
            try await db.raw("UPDATE order_lines SET status = 'cancelled', cancel_reason = \(bind: reason) WHERE id IN (\(binds: ids))").run()
            try await db.raw("UPDATE orders SET updated_at = \(bind: now) WHERE id = \(bind: orderID)").run()
            let name = try await UserStore(db: db).find(id: actor.id)?.name ?? "#\(actor.id)"
            var notes: [String] = []
            for line in lines {
                try await OrderEvents.emit("order_line.cancelled", orderID: orderID, payload: [
                    "order_id": .int(orderID), "line_id": .int(line.id), "sku": .string(line.sku.rawValue), "quantity": .int(line.quantity),
                    "reason": .string(reason),
                ], at: now, db: db)
                notes.append("Line \(line.id) (\(line.quantity) × \(line.sku)) cancelled by \(name): \(reason)")
            }
            if !freed.isEmpty {
                notes.append("Back in stock: " + freed.sorted { $0.key < $1.key }.map { "\($0.value) × \($0.key)" }.joined(separator: ", "))
            }
            try await orders.noteAll([orderID: notes], kind: "order", actor: actor, db: db)
            return Set(freed.keys)
        }
    }

    /// A shipment reached the customer: it and its shipped lines are delivered.
    func deliver(shipmentID: Int, actor: Actor) async throws -> Int {
        let now = orders.clock.now()
        return try await orders.database.write { db in
            guard let shipment = try await db.raw("SELECT order_id, status FROM shipments WHERE id = \(bind: shipmentID)").first() else {
                throw APIError.notFound("No shipment \(shipmentID)")
            }
            let orderID = try shipment.decode(column: "order_id", as: Int.self)
            let status = try shipment.decode(column: "status", as: String.self)
            guard status == "shipped" else {
                throw APIError.invalid("status", status == "ready" ? "Shipment #\(shipmentID) has not left yet" : "Shipment #\(shipmentID) is \(status)")
            }
            try await db.raw("UPDATE shipments SET status = 'delivered', delivered_at = \(bind: now) WHERE id = \(bind: shipmentID)").run()
            try await db.raw("""
                UPDATE order_lines SET status = 'delivered'
                WHERE status = 'shipped' AND id IN (SELECT line_id FROM shipment_lines WHERE shipment_id = \(bind: shipmentID))
                """).run()
            try await OrderEvents.emit("shipment.delivered", orderID: orderID, payload: ["id": .int(shipmentID), "order_id": .int(orderID)], at: now, db: db)
            try await orders.noteAll([orderID: ["Shipment #\(shipmentID) delivered"]], kind: "shipment", actor: actor, db: db)
            return orderID
        }
    }

    struct Return: Sendable { var id: Int; var orderID: Int; var lineID: Int; var quantity: Int; var restocked: Int; var reason: String }

    /// Units of a shipped line came back: `restock` of them (good ones) return to available stock — a bundle's as its
    /// components — and the line is returned once every unit is.
    func recordReturn(orderID: Int, lineID: Int, quantity: Int, restock: Int, reason: String, actor: Actor) async throws -> (Return, Set<SKU>) {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        var errors = FieldErrors()
        if quantity <= 0 { errors.add("quantity", error: "InvalidValue", "Quantity: at least 1 unit comes back") }
        if restock < 0 || restock > quantity { errors.add("restock", error: "InvalidValue", "Restock: between 0 and the \(quantity) returned") }
        if reason.isEmpty { errors.add("reason", error: "BlankValue", "Reason: say why it came back") }
        if !errors.isEmpty { throw APIError.invalid(errors) }
        let now = orders.clock.now()
        return try await orders.database.write { db in
            guard let line = try await db.raw("""
                SELECT sku, quantity, returned_quantity, status FROM order_lines WHERE id = \(bind: lineID) AND order_id = \(bind: orderID)
                """).first() else { throw APIError.invalid("line_id", "Line: order \(orderID) has no line \(lineID)") }
            let sku = SKU(try line.decode(column: "sku", as: String.self))
            let ordered = try line.decode(column: "quantity", as: Int.self), returned = try line.decode(column: "returned_quantity", as: Int.self)
            let status = try line.decode(column: "status", as: String.self)
            guard ["shipped", "delivered", "returned"].contains(status) else {
                throw APIError.invalid("line_id", "Line \(lineID) is \(status): only shipped units can come back")
            }
            guard quantity <= ordered - returned else {
                throw APIError.invalid("quantity", "Quantity: \(ordered - returned) of line \(lineID)'s \(ordered) units are still out, not \(quantity)")
            }
            // What goes back on the shelf: the line's SKU, or per bundle unit what was picked for it.
            var restocked: [SKU: Int] = [:]
            if restock > 0 {
                if try await CatalogueStore(db: db).bundle(sku: sku) != nil {
                    var picked: [SKU: Int] = [:]
                    for row in try await db.raw("""
                        SELECT sl.sku, sl.quantity FROM shipment_lines sl JOIN shipments s ON s.id = sl.shipment_id
                        WHERE sl.line_id = \(bind: lineID) AND s.status IN ('shipped', 'delivered') AND s.expedited = \(bind: false)
                        """).all() {
                        picked[SKU(try row.decode(column: "sku", as: String.self)), default: 0] += try row.decode(column: "quantity", as: Int.self)
                    }
                    for (component, units) in picked where units >= ordered { restocked[component] = units / ordered * restock }
                } else {
                    restocked[sku] = restock
                }
            }
            try await StockStore(db: db).apply(restocked.sorted { $0.key < $1.key }.map {
                StockMovement(sku: $0.key, quantity: $0.value, from: nil, to: .available, reason: .returnRestock, actorID: actor.id, at: now,
                              reference: "return of order line \(lineID)")
            })
            let id = try await db.raw("""
                INSERT INTO order_returns (order_id, line_id, quantity, restocked, reason, created_by_id, created_at)
                VALUES (\(bind: orderID), \(bind: lineID), \(bind: quantity), \(bind: restock), \(bind: reason), \(bind: actor.id), \(bind: now))
                RETURNING id
                """).first()!.decode(column: "id", as: Int.self)
            try await db.raw("""
                UPDATE order_lines SET returned_quantity = returned_quantity + \(bind: quantity),
                    status = CASE WHEN returned_quantity + \(bind: quantity) >= quantity THEN 'returned' ELSE status END
                WHERE id = \(bind: lineID)
                """).run()
            try await db.raw("UPDATE orders SET updated_at = \(bind: now) WHERE id = \(bind: orderID)").run()
            let record = Return(id: id, orderID: orderID, lineID: lineID, quantity: quantity, restocked: restock, reason: reason)
            try await OrderEvents.emit("return.recorded", orderID: orderID, payload: Self.present(record), at: now, db: db)
            try await orders.noteAll([orderID: ["Return of \(quantity) × \(sku) (line \(lineID)): \(reason); "
                + (restock == 0 ? "nothing restocked" : "\(restock) back in stock")]], kind: "order", actor: actor, db: db)
            return (record, Set(restocked.keys))
        }
    }

    static func present(_ r: Return) -> JSONValue {
        ["id": .int(r.id), "order_id": .int(r.orderID), "line_id": .int(r.lineID), "quantity": .int(r.quantity), "restocked": .int(r.restocked),
         "reason": .string(r.reason)]
    }
}
