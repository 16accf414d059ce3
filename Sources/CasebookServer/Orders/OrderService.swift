import CasebookCore
import Foundation
import SQLKit

/// Orders, receipts, the backorder queue and allocation, each public method one transaction. What happens to an
/// order is also written on its linked tickets (a `Notice` in their audit), so the agent sees it in the timeline.
struct OrderService: Sendable {
    let tickets: TicketService
    let clock: AppClock
    var database: Database { tickets.database }

    struct Line: Sendable { var sku: SKU; var quantity: Int; var priceMinor: Int? }

    /// Records a notice on every ticket linked to the order (a closed ticket is final and left as it is).
    func note(orderID: Int, _ text: String, kind: String, actor: Actor, db: any SQLDatabase) async throws {
        for ticketID in try await BackorderStore(db: db).tickets(orderID: orderID, open: true) {
            _ = try await tickets.update(ticketID, [:], actor: actor, via: .api, db: db, notices: [.notice(kind: kind, text: text)])
        }
    }

    /// Records each order's notices on its linked tickets (not closed ones), looking the links up in batches (most
    /// orders of a big allocation have no ticket).
    func noteAll(_ notices: [Int: [String]], kind: String, actor: Actor, db: any SQLDatabase) async throws {
        let orders = notices.keys.sorted()
        for start in stride(from: 0, to: orders.count, by: AllocationBooking.batch) {
            let chunk = Array(orders[start..<min(start + AllocationBooking.batch, orders.count)])
            let rows = try await db.raw("""
                SELECT ot.order_id, ot.ticket_id FROM order_tickets ot JOIN tickets t ON t.id = ot.ticket_id
                WHERE ot.order_id IN (\(binds: chunk)) AND t.status <> 'closed' AND t.deleted_at IS NULL ORDER BY ot.order_id, ot.ticket_id
                """).all()
            for row in rows {
                let order = try row.decode(column: "order_id", as: Int.self), ticket = try row.decode(column: "ticket_id", as: Int.self)
                let events = (notices[order] ?? []).map { AuditEvent.notice(kind: kind, text: $0) }
                _ = try await tickets.update(ticket, [:], actor: actor, via: .api, db: db, notices: events)
            }
        }
    }

    // MARK: Orders

    /// A new order: each line is reserved from available stock when there is enough, else it joins its SKU's
    /// backorder queue at the order's time. Lines that were reserved make a shipment ready to pick.
    func createOrder(customerID: Int, lines: [Line], currency: String, shippingAddress: String, shippingMinor: Int,
                     externalID: String?, ticketIDs: [Int], actor: Actor) async throws -> Int {
        var errors = FieldErrors()
        if lines.isEmpty { errors.add("lines", error: "BlankValue", "Lines: an order needs at least one line") }
        for (i, line) in lines.enumerated() where line.quantity <= 0 {
            errors.add("lines", error: "InvalidValue", "Line \(i + 1): quantity must be at least 1")
        }
        if currency.count != 3 { errors.add("currency", error: "InvalidValue", "Currency: a three-letter code such as EUR") }
        if !errors.isEmpty { throw APIError.invalid(errors) }
        let now = clock.now()
        let orderID = try await database.write { db -> Int in
            guard let customer = try await UserStore(db: db).find(id: customerID) else {
                throw APIError.invalid("customer_id", "Customer: no user \(customerID)")
            }
            let catalogue = CatalogueStore(db: db)
            var priced: [(Line, ProductVariant)] = []
            var missing: [String] = []
            for line in lines {
                if let variant = try await catalogue.variant(sku: line.sku) { priced.append((line, variant)) } else { missing.append(line.sku.rawValue) }
            }
            if !missing.isEmpty { throw APIError.invalid("lines", "Lines: unknown SKU \(missing.joined(separator: ", "))") }
            for ticketID in ticketIDs where try await TicketStore(db: db).load(id: ticketID) == nil {
                throw APIError.invalid("ticket_ids", "Tickets: no ticket \(ticketID)")
            }
            let orderID = try await db.raw("""
                INSERT INTO orders (external_id, customer_id, currency, shipping_address, shipping_minor, created_at, updated_at)
                VALUES (\(bind: externalID), \(bind: customer.id), \(bind: currency.uppercased()), \(bind: shippingAddress), \(bind: shippingMinor),
                        \(bind: now), \(bind: now))
                RETURNING id
                """).first()!.decode(column: "id", as: Int.self)
            var reserved: [(Int, SKU, Int)] = []
            for (line, variant) in priced {
                reserved += try await place(line, price: line.priceMinor ?? variant.price.minor, orderID: orderID, customerID: customer.id,
                                            actor: actor, now: now, db: db)
            }
            if !reserved.isEmpty { try await Self.shipment(orderID: orderID, lines: reserved, expedited: false, now: now, db: db) }
            for ticketID in ticketIDs {
                try await db.raw("INSERT INTO order_tickets (order_id, ticket_id) VALUES (\(bind: orderID), \(bind: ticketID)) ON CONFLICT DO NOTHING").run()
            }
            return orderID
        }
        return orderID
    }

    /// Adds a line to an order: reserved from available stock when there is enough (a bundle from its components'
    /// stock, every unit whole), returning the reserved units for the shipment; else queued in its SKU's backorder
    /// queue at `now` (and nothing is returned).
    func place(_ line: Line, price: Int, orderID: Int, customerID: Int, actor: Actor, now: Int64, db: any SQLDatabase) async throws -> [(Int, SKU, Int)] {
        let stock = StockStore(db: db)
        let bundle = try await CatalogueStore(db: db).bundle(sku: line.sku)
        let skus = bundle.map { Array($0.components.flatMap(\.choices)) } ?? [line.sku]
        let picked = Allocator.whole(line.sku, units: line.quantity, bundle: bundle, stock: try await stock.available(skus))
        let lineID = try await db.raw("""
            INSERT INTO order_lines (order_id, sku, quantity, price_minor, status)
            VALUES (\(bind: orderID), \(bind: line.sku.rawValue), \(bind: line.quantity), \(bind: price), \(bind: picked == nil ? "backordered" : "allocated"))
            RETURNING id
            """).first()!.decode(column: "id", as: Int.self)
        guard let picked else {
            _ = try await BackorderStore(db: db).insert(orderID: orderID, lineID: lineID, customerID: customerID, sku: line.sku,
                                                        quantity: line.quantity, at: now)
            return []
        }
        try await stock.apply(picked.map {
            StockMovement(sku: $0.sku, quantity: $0.quantity, from: .available, to: .reserved, reason: .allocation, actorID: actor.id, at: now,
                          reference: "order line \(lineID)")
        })
        return picked.map { (lineID, $0.sku, $0.quantity) }
    }

    static func shipment(orderID: Int, lines: [(Int, SKU, Int)], expedited: Bool, now: Int64, db: any SQLDatabase) async throws {
        try await AllocationBooking.shipments([orderID: lines], expedited: expedited, now: now, db: db)
    }

    // MARK: Receipts

    /// Records a delivery. With `inspections` it is inspected on arrival (good units available, defective ones
    /// quarantined and claimed); without, every received unit waits in quarantine for `inspect`. A short delivery is
    /// claimed either way. One transaction.
    func receive(supplier: String, reference: String, lines: [ReceiptLine], inspections: [Inspection]?, actor: Actor) async throws -> (Int, [SupplierClaim]) {
        let now = clock.now()
        guard !supplier.trimmingCharacters(in: .whitespaces).isEmpty else { throw APIError.invalid("supplier", "Supplier: cannot be blank") }
        return try await database.write { db in
            try await Self.checkSKUs(lines.map(\.sku), db: db)
            let receiptID = try await db.raw("""
                INSERT INTO stock_receipts (supplier, reference, status, created_by_id, created_at, inspected_at)
                VALUES (\(bind: supplier), \(bind: reference), \(bind: inspections == nil ? "received" : "inspected"), \(bind: actor.id),
                        \(bind: now), \(bind: inspections == nil ? nil : now)) RETURNING id
                """).first()!.decode(column: "id", as: Int.self)
            let claims = try await Self.bookArrival(receiptID: receiptID, lines: lines, inspections: inspections, actor: actor, now: now, db: db)
            return (receiptID, claims)
        }
    }

    /// Receipt lines name variants that hold stock: known SKUs, not bundles (a bundle's stock is its components').
    static func checkSKUs(_ skus: [SKU], db: any SQLDatabase) async throws {
        let catalogue = CatalogueStore(db: db)
        for sku in skus where try await catalogue.variant(sku: sku) == nil {
            throw APIError.invalid("lines", "Lines: unknown SKU \(sku)")
        }
        if let bundle = try await catalogue.bundles(skus: skus).values.min(by: { $0.sku < $1.sku }) {
            throw APIError.invalid("lines", "Lines: \(bundle.sku) is a bundle; receive its components (\(bundle.components.flatMap(\.choices).map(\.rawValue).sorted().joined(separator: ", ")))")
        }
    }

    /// Books what arrived of a receipt's lines (written or rewritten), inspected now when `inspections` are given.
    static func bookArrival(receiptID: Int, lines: [ReceiptLine], inspections: [Inspection]?, actor: Actor, now: Int64,
                            db: any SQLDatabase) async throws -> [SupplierClaim] {
        let booking: StockReceipt.Booking
        do throws(FieldErrors) {
            let receipt = StockReceipt(id: receiptID, lines: lines)
            if let inspections {
                booking = try receipt.book(inspections, by: actor.id, at: now)
            } else {
                booking = try receipt.arrive(by: actor.id, at: now)
            }
        } catch {
            throw APIError.invalid(error)
        }
        for line in lines {
            let inspection = inspections?.first { $0.sku == line.sku }
            let inspected = inspections != nil && line.received == 0 ? 0 : nil
            try await db.raw("""
                INSERT INTO stock_receipt_lines (receipt_id, sku, expected, received, good, defective, defect_reason)
                VALUES (\(bind: receiptID), \(bind: line.sku.rawValue), \(bind: line.expected), \(bind: line.received),
                        \(bind: inspection?.good ?? inspected), \(bind: inspection?.defective ?? inspected), \(bind: inspection?.reason ?? ""))
                ON CONFLICT (receipt_id, sku) DO UPDATE SET received = excluded.received, good = excluded.good,
                    defective = excluded.defective, defect_reason = excluded.defect_reason
                """).run()
        }
        try await StockStore(db: db).apply(booking.movements)
        try await ReceiptStore(db: db).insertClaims(booking.claims, receiptID: receiptID, now: now)
        return booking.claims
    }

    /// Inspects a delivery that arrived uninspected: good units become available, defective ones stay quarantined
    /// and are claimed. One transaction; a receipt is inspected once.
    func inspect(receiptID: Int, inspections: [Inspection], actor: Actor) async throws -> (lines: [ReceiptLine], claims: [SupplierClaim]) {
        let now = clock.now()
        return try await database.write { db in
            let store = ReceiptStore(db: db)
            guard let receipt = try await store.find(id: receiptID) else { throw APIError.notFound("No stock receipt \(receiptID)") }
            guard receipt.status == "received" else {
                let why = receipt.status == "expected" ? "has not arrived yet" : "was inspected already"
                throw APIError.invalid("status", "Receipt #\(receiptID) \(why)", error: "InvalidValue")
            }
            let lines = receipt.lines.map { ReceiptLine(sku: SKU($0.sku), expected: $0.expected, received: $0.received) }
            let booking: StockReceipt.Booking
            do throws(FieldErrors) {
                booking = try StockReceipt(id: receiptID, lines: lines).inspect(inspections, by: actor.id, at: now)
            } catch {
                throw APIError.invalid(error)
            }
            try await StockStore(db: db).apply(booking.movements)
            try await store.insertClaims(booking.claims, receiptID: receiptID, now: now)
            for line in lines {
                let inspection = inspections.first { $0.sku == line.sku }
                try await db.raw("""
                    UPDATE stock_receipt_lines SET good = \(bind: inspection?.good ?? 0), defective = \(bind: inspection?.defective ?? 0),
                        defect_reason = \(bind: inspection?.reason ?? "")
                    WHERE receipt_id = \(bind: receiptID) AND sku = \(bind: line.sku.rawValue)
                    """).run()
            }
            try await db.raw("UPDATE stock_receipts SET status = 'inspected', inspected_at = \(bind: now) WHERE id = \(bind: receiptID)").run()
            return (lines, booking.claims)
        }
    }

    // MARK: The queue

    /// Moves an entry to the top, the bottom or an index of its SKU's queue, with a reason, by a lead or above; the
    /// move is kept and written on the order's tickets.
    func move(entryID: Int, to destination: String, reason: String, actor: Actor) async throws -> QueueMoveRecord {
        let now = clock.now()
        return try await database.write { db in
            let store = BackorderStore(db: db)
            guard let (entry, status) = try await store.entry(id: entryID), status == "waiting" else { throw APIError.notFound() }
            var queue = BackorderQueue(sku: entry.sku, entries: try await store.waiting(skus: [entry.sku]))
            let result: QueueMoveResult
            do {
                switch destination {
                case "top": result = try queue.moveToTop(entryID, reason: reason, by: actor, at: now)
                case "bottom": result = try queue.moveToBottom(entryID, reason: reason, by: actor, at: now)
                default:
                    guard let index = Int(destination) else {
                        throw APIError.invalid("to", "To: top, bottom or a position counted from 0")
                    }
                    result = try queue.move(entryID, to: index, reason: reason, by: actor, at: now)
                }
            } catch let refusal as QueueMove.Refusal {
                if case .roleNotAllowed = refusal { throw APIError.forbidden(refusal.description) }
                throw APIError.invalid(refusal == .reasonRequired ? "reason" : "to", refusal.description)
            }
            try await store.setPosition(id: entryID, result.position)
            for (id, position) in result.repositioned { try await store.setPosition(id: id, position) }
            try await store.recordMove(result.record)
            let name = try await UserStore(db: db).find(id: actor.id)?.name ?? "#\(actor.id)"
            let whereTo = destination == "top" ? "to the top" : destination == "bottom" ? "to the bottom" : "to position \(result.record.toIndex + 1)"
            try await note(orderID: entry.orderID, "Backorder for \(entry.quantity) × \(entry.sku) moved \(whereTo) of the queue " +
                           "(from \(result.record.fromIndex + 1)) by \(name): \(reason.trimmingCharacters(in: .whitespacesAndNewlines))",
                           kind: "backorder", actor: actor, db: db)
            // Queue order is the fairness rule; every move out of it is a decision on the record.
            let ticketIDs = try await BackorderStore(db: db).tickets(orderID: entry.orderID)
            try await DecisionService(tickets: tickets, clock: clock).record(.init(
                kind: .queueMove, rule: "Backorders go out in queue order",
                what: "Backorder #\(entryID) (\(entry.quantity) × \(entry.sku)) moved \(whereTo) of the queue from position \(result.record.fromIndex + 1)",
                reason: reason, ticketID: ticketIDs.last, customerID: entry.customerID, subjectType: "backorder", subjectID: entryID,
                noticeOnTicket: false), actor: actor, db: db)
            return result.record
        }
    }

    /// Records what the customer wants while waiting, with who captured it and when.
    func setPreference(entryID: Int, _ preference: Preference, partialAllowed: Bool, byCustomer: Bool, actor: Actor) async throws {
        let now = clock.now()
        try await database.write { db in
            let store = BackorderStore(db: db)
            guard let (entry, status) = try await store.entry(id: entryID), status == "waiting" else { throw APIError.notFound() }
            if !actor.role.isStaff, entry.customerID != actor.id { throw APIError.notFound() }
            try await store.setConsent(id: entryID, PreferenceRecord(preference: preference, partialAllowed: partialAllowed,
                                                                     capturedByID: actor.id, capturedAt: now, byCustomer: byCustomer))
            let words: String = switch preference {
            case .wait: "wait for \(entry.sku)"
            case .cancelAndRefund: "cancel and refund"
            case .acceptSubstitutes(.anyVariantOfProduct): "accept any variant of the product"
            case .acceptSubstitutes(.skus(let skus)): "accept \(skus.map(\.rawValue).sorted().joined(separator: ", "))"
            }
            try await note(orderID: entry.orderID, "Backorder preference for \(entry.quantity) × \(entry.sku): \(words)" +
                           (partialAllowed ? ", partial shipment accepted" : "") + (byCustomer ? " (stated by the customer)" : ""),
                           kind: "backorder", actor: actor, db: db)
            // A refund is given now: the customer does not wait for the next allocation run to get their money back.
            if case .cancelAndRefund = preference {
                let refunds = try await BackorderCancellation(db: db, actor: actor, now: now).refund([entry])
                try await noteAll(refunds, kind: "refund", actor: actor, db: db)
            }
        }
    }

    // MARK: Allocation

    /// The allocation plan for the waiting entries of these SKUs and of the bundles made from them (every SKU with
    /// waiting entries when empty), over the front of the queues the stock can reach (`AllocationQueue`); with
    /// `commit`, books it in the same transaction: reservations in the ledger, entries allocated (a partial one keeps
    /// waiting for the rest), order lines updated, a shipment ready to pick per order, refunds listed, tickets told.
    func allocate(skus: [SKU], commit: Bool, actor: Actor) async throws -> AllocationPlan {
        let now = clock.now()
        let work: @Sendable (any SQLDatabase) async throws -> AllocationPlan = { db in
            let queue = try await AllocationQueue.read(skus: skus, db: db)
            let entries = queue.entries
            var plan = Allocator.plan(stock: queue.stock, entries: entries, variantsByProduct: queue.variants, bundles: queue.bundles)
            plan.markNotReached(queue.notReached)
            guard commit else { return plan }
            let notices = try await AllocationBooking(db: db, actor: actor, now: now).book(plan, entries: entries)
            try await noteAll(notices, kind: "allocation", actor: actor, db: db)
            return plan
        }
        return commit ? try await database.write(work) : try await database.read { db in try await work(db) }
    }
}
