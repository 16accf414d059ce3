import CasebookCore
import Foundation
import SQLKit

/// Fulfilment errors (wrong item, damaged, missing) with an expedited replacement and, if agreed, a refund — one
/// transaction, on the order's tickets — and shipments leaving the warehouse.
struct FulfilmentService: Sendable {
    let orders: OrderService
    let refunds: RefundService

    struct Input: Sendable {
        var orderID: Int
        var lineID: Int
        var kind: FulfilmentError.Kind
        var station: String
        var packerID: Int?
        var rootCause: String
        var ticketID: Int?
        /// Units to send again; nil sends no replacement.
        var replacementUnits: Int?
        var refund: RefundInput?
    }

    struct Outcome: Sendable {
        var errorID: Int
        var shipmentID: Int?
        var refund: RefundRecord?
    }

    func record(_ input: Input, actor: Actor) async throws -> Outcome {
        let now = orders.clock.now()
        return try await orders.database.write { db in
            guard let line = try await db.raw("SELECT sku, quantity FROM order_lines WHERE id = \(bind: input.lineID) AND order_id = \(bind: input.orderID)").first() else {
                throw APIError.invalid("line_id", "Line: order \(input.orderID) has no line \(input.lineID)")
            }
            let error = FulfilmentError(kind: input.kind, orderLineID: input.lineID, station: input.station.trimmingCharacters(in: .whitespaces),
                                        packerID: input.packerID, rootCause: input.rootCause.trimmingCharacters(in: .whitespacesAndNewlines),
                                        recordedByID: actor.id, at: now)
            do throws(FieldErrors) { try error.validate() } catch { throw APIError.invalid(error) }
            if let packer = input.packerID, try await UserStore(db: db).find(id: packer) == nil {
                throw APIError.invalid("packer_id", "Packer: no user \(packer)")
            }
            if let ticketID = input.ticketID, try await TicketStore(db: db).load(id: ticketID) == nil {
                throw APIError.invalid("ticket_id", "Ticket: no ticket \(ticketID)")
            }
            let sku = SKU(try line.decode(column: "sku", as: String.self))
            var texts = ["Fulfilment error on line \(input.lineID) (\(sku)): \(input.kind.words) at \(error.station) — \(error.rootCause)"]

            var shipmentID: Int?
            if let units = input.replacementUnits {
                shipmentID = try await replace(sku: sku, units: units, line: input.lineID, order: input.orderID, actor: actor, now: now, db: db)
                texts.append("Expedited replacement: \(units) × \(sku), shipment #\(shipmentID!) ready to pick ahead of the queue")
            }
            var refund: RefundRecord?
            if var wanted = input.refund {
                wanted.ticketID = wanted.ticketID ?? input.ticketID
                refund = try await refunds.create(wanted, orderID: input.orderID, actor: actor, db: db)
            }
            let id = try await db.raw("""
                INSERT INTO fulfilment_errors (order_id, line_id, kind, station, packer_id, root_cause, recorded_by_id, ticket_id,
                                               replacement_shipment_id, refund_id, created_at)
                VALUES (\(bind: input.orderID), \(bind: input.lineID), \(bind: error.kind.rawValue), \(bind: error.station), \(bind: error.packerID),
                        \(bind: error.rootCause), \(bind: actor.id), \(bind: input.ticketID), \(bind: shipmentID), \(bind: refund?.id), \(bind: now))
                RETURNING id
                """).first()!.decode(column: "id", as: Int.self)
            if let ticketID = input.ticketID {
                try await db.raw("INSERT INTO order_tickets (order_id, ticket_id) VALUES (\(bind: input.orderID), \(bind: ticketID)) ON CONFLICT DO NOTHING").run()
            }
            try await OrderEvents.emit("fulfilment_error.recorded", orderID: input.orderID, payload: [
                "id": .int(id), "order_id": .int(input.orderID), "line_id": .int(input.lineID), "kind": .string(input.kind.apiName),
                "station": .string(error.station), "root_cause": .string(error.rootCause), "replacement_shipment_id": JSONValue(shipmentID),
                "refund_id": JSONValue(refund?.id),
            ], at: now, db: db)
            try await orders.noteAll([input.orderID: texts], kind: "fulfilment_error", actor: actor, db: db)
            return Outcome(errorID: id, shipmentID: shipmentID, refund: refund)
        }
    }

    /// Reserves the units (a bundle's from its components) and makes an expedited shipment. Free stock goes at once;
    /// units backordered customers are waiting for need a lead or above (`ReplacementDecision`, per SKU taken); without
    /// stock there is nothing to send yet.
    private func replace(sku: SKU, units: Int, line: Int, order: Int, actor: Actor, now: Int64, db: any SQLDatabase) async throws -> Int {
        let stock = StockStore(db: db)
        let bundle = try await CatalogueStore(db: db).bundle(sku: sku)
        let skus = bundle.map { Array($0.components.flatMap(\.choices)) } ?? [sku]
        let available = try await stock.available(skus)
        if units <= 0 { throw APIError.invalid("replacement", "Replacement: quantity must be positive, not \(units)") }
        guard let picked = Allocator.whole(sku, units: units, bundle: bundle, stock: available) else {
            let have = skus.sorted().map { "\(available[$0] ?? 0) × \($0)" }.joined(separator: ", ")
            throw APIError.invalid("replacement", "Replacement: \(units) × \(sku) needed, only \(have) available; record the error without a replacement and backorder it")
        }
        for take in picked {
            let waiting = try await db.raw("""
                SELECT COALESCE(SUM(quantity), 0) AS n FROM backorder_entries WHERE sku = \(bind: take.sku.rawValue) AND status = 'waiting'
                """).first()?.decode(column: "n", as: Int.self) ?? 0
            let decision: ReplacementDecision
            do throws(FieldErrors) {
                decision = try ReplacementDecision.check(stockAvailable: available[take.sku] ?? 0, quantity: take.quantity, queueAhead: waiting,
                                                         approverRole: actor.role)
            } catch { throw APIError.invalid(error) }
            if case .needsLeadApproval(let reason) = decision { throw APIError.invalid("replacement", reason, error: "PermissionDenied") }
        }
        try await stock.apply(picked.map {
            StockMovement(sku: $0.sku, quantity: $0.quantity, from: .available, to: .reserved, reason: .allocation, actorID: actor.id, at: now,
                          reference: "replacement for order line \(line)")
        })
        return try await AllocationBooking.shipments([order: picked.map { (line, $0.sku, $0.quantity) }], expedited: true, now: now, db: db)[order]!
    }

    /// A shipment leaves: reserved units become shipped in the ledger, with carrier, tracking and packing station.
    func ship(shipmentID: Int, carrier: String, tracking: String, station: String, actor: Actor) async throws -> Int {
        let now = orders.clock.now()
        return try await orders.database.write { db in
            guard let shipment = try await db.raw("SELECT order_id, status FROM shipments WHERE id = \(bind: shipmentID)").first() else {
                throw APIError.notFound("No shipment \(shipmentID)")
            }
            let orderID = try shipment.decode(column: "order_id", as: Int.self)
            guard try shipment.decode(column: "status", as: String.self) == "ready" else {
                throw APIError.invalid("status", "Shipment #\(shipmentID) has already left")
            }
            var errors = FieldErrors()
            if carrier.trimmingCharacters(in: .whitespaces).isEmpty { errors.add("carrier", error: "BlankValue", "Carrier: cannot be blank") }
            if station.trimmingCharacters(in: .whitespaces).isEmpty { errors.add("station", error: "BlankValue", "Station: say where it was packed") }
            if !errors.isEmpty { throw APIError.invalid(errors) }
            let lines = try await db.raw("SELECT line_id, sku, quantity FROM shipment_lines WHERE shipment_id = \(bind: shipmentID)").all()
            var movements: [StockMovement] = []
            for row in lines {
                movements.append(StockMovement(sku: SKU(try row.decode(column: "sku", as: String.self)), quantity: try row.decode(column: "quantity", as: Int.self),
                                               from: .reserved, to: .shipped, reason: .shipment, actorID: actor.id, at: now,
                                               reference: "shipment \(shipmentID)"))
                try await db.raw("UPDATE order_lines SET status = 'shipped' WHERE id = \(bind: try row.decode(column: "line_id", as: Int.self)) AND status = 'allocated'").run()
            }
            try await StockStore(db: db).apply(movements)
            try await db.raw("""
                UPDATE shipments SET status = 'shipped', carrier = \(bind: carrier), tracking = \(bind: tracking), station = \(bind: station),
                    shipped_at = \(bind: now)
                WHERE id = \(bind: shipmentID)
                """).run()
            try await OrderEvents.emit("shipment.shipped", orderID: orderID, payload: [
                "id": .int(shipmentID), "order_id": .int(orderID), "carrier": .string(carrier), "tracking": .string(tracking), "station": .string(station),
            ], at: now, db: db)
            try await orders.noteAll([orderID: ["Shipment #\(shipmentID) left \(station) with \(carrier)" + (tracking.isEmpty ? "" : ", tracking \(tracking)")]],
                                     kind: "shipment", actor: actor, db: db)
            return orderID
        }
    }

    /// Errors by station (with the station's shipped lines, for a rate) and by root cause.
    func report() async throws -> (stations: [FulfilmentErrorReport.StationRate], causes: [FulfilmentErrorReport.CauseCount]) {
        try await orders.database.read { db in
            let errors = try await db.raw("SELECT * FROM fulfilment_errors ORDER BY id").all().map { row in
                FulfilmentError(kind: FulfilmentError.Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .wrongItem,
                                orderLineID: try row.decode(column: "line_id", as: Int.self), station: try row.decode(column: "station", as: String.self),
                                packerID: try row.decode(column: "packer_id", as: Int?.self), rootCause: try row.decode(column: "root_cause", as: String.self),
                                recordedByID: try row.decode(column: "recorded_by_id", as: Int.self), at: try row.decode(column: "created_at", as: Int64.self))
            }
            var shipped: [String: Int] = [:]
            for row in try await db.raw("""
                SELECT s.station, COUNT(*) AS n FROM shipments s JOIN shipment_lines l ON l.shipment_id = s.id
                WHERE s.status = 'shipped' GROUP BY s.station
                """).all() {
                shipped[try row.decode(column: "station", as: String.self)] = try row.decode(column: "n", as: Int.self)
            }
            return (FulfilmentErrorReport.rates(errors: errors, shippedLinesByStation: shipped), FulfilmentErrorReport.byRootCause(errors: errors))
        }
    }
}

extension FulfilmentError.Kind {
    var apiName: String { self == .wrongItem ? "wrong_item" : rawValue }
    init?(apiName: String) { self.init(rawValue: apiName == "wrong_item" ? "wrongItem" : apiName) }
    var words: String { self == .wrongItem ? "wrong item" : rawValue }
}
