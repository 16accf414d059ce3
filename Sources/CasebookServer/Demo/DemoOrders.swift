import CasebookCore
import Foundation
import SQLKit

/// The demo's shop, matching the Christmas backorder story: BeamTags in four colours and the EdgeSwitch; a short,
/// partly defective delivery of black tags; a queue of waiting customers where Helen's school order was bumped to
/// the top and Rex, after abusing staff, moved to the bottom — he accepted any colour and got pink; June chose a
/// refund; a delivery of black tags waits for inspection. Everything goes through the order service, so the linked
/// tickets and the ledger tell the same story. Loading twice adds nothing.
enum DemoOrders {
    static func load(into database: Database) async throws {
        let ready = try await database.read { db -> Bool in
            let products = try await db.raw("SELECT COUNT(*) AS n FROM products").first()?.decode(column: "n", as: Int.self) ?? 0
            let lead = try await UserStore(db: db).find(email: "morgan.avery@brightbeam.example")
            return products == 0 && lead != nil
        }
        guard ready else { return }
        let clock = ManualClock(Timestamp.now - 12 * 86_400_000)
        let orders = OrderService(tickets: TicketService(database: database), clock: clock.clock)
        let (lead, customers, tickets) = try await database.read { db -> (Actor, [String: Int], [String: Int]) in
            let users = UserStore(db: db)
            let morgan = try await users.find(email: "morgan.avery@brightbeam.example")!
            var customers: [String: Int] = [:]
            for email in ["rex@calloway.example", "june.park@parkfamily.example", "helen.ortiz@lakeside-elementary.example",
                          "carla.mendes@mendesstudio.example"] {
                if let user = try await users.find(email: email) { customers[email] = user.id }
            }
            var tickets: [String: Int] = [:]
            for row in try await db.raw("SELECT id, external_id FROM tickets WHERE external_id LIKE 'demo-backorder-%'").all() {
                tickets[try row.decode(column: "external_id", as: String.self)] = try row.decode(column: "id", as: Int.self)
            }
            return (Actor(id: morgan.id, role: morgan.role), customers, tickets)
        }
        let now = clock.now
        try await database.write { db in
            let store = CatalogueStore(db: db)
            let tag = try await store.insertProduct(name: "BeamTag", description: "Bluetooth tracker tag in bright colours.", now: now)
            for colour in ["black", "blue", "coral", "pink"] {
                try await store.insert(ProductVariant(sku: SKU("BT-\(colour.uppercased())"), productID: tag, name: "BeamTag \(colour)",
                                                      options: ["colour": colour], price: Money(minor: 2900, currency: "USD")), now: now)
            }
            let edge = try await store.insertProduct(name: "EdgeSwitch 24P", description: "24-port PoE network switch.", now: now)
            try await store.insert(ProductVariant(sku: SKU("ES-24P"), productID: edge, name: "EdgeSwitch 24P", options: [:],
                                                  price: Money(minor: 34900, currency: "USD")), now: now)
            // Buyers of the Christmas rush, without tickets of their own.
            for i in 1...24 {
                _ = try await UserStore(db: db).insert(name: "BeamTag buyer \(i)", email: "buyer\(i)@beamtag-buyers.example", role: .endUser,
                                                       phone: nil, organizationID: nil, timeZone: "America/Chicago", externalID: nil, notes: "",
                                                       passwordHash: nil)
            }
        }
        func order(_ customer: Int?, _ sku: String, _ quantity: Int, external: String? = nil, ticket: String? = nil) async throws -> Int? {
            guard let customer else { return nil }
            clock.advance(minutes: 37)
            return try await orders.createOrder(customerID: customer, lines: [.init(sku: SKU(sku), quantity: quantity, priceMinor: nil)],
                                                currency: "USD", shippingAddress: "", shippingMinor: 0, externalID: external,
                                                ticketIDs: ticket.flatMap { tickets[$0] }.map { [$0] } ?? [], actor: lead)
        }
        let buyers = try await database.read { db in
            try await db.raw("SELECT id FROM users WHERE email LIKE 'buyer%@beamtag-buyers.example' ORDER BY id").all()
                .map { try $0.decode(column: "id", as: Int.self) }
        }
        // The rush: everyone orders black tags before any are in stock.
        let rex = try await order(customers["rex@calloway.example"], "BT-BLACK", 12, external: "BB-48213", ticket: "demo-backorder-rex")
        for (i, buyer) in buyers.prefix(12).enumerated() { _ = try await order(buyer, "BT-BLACK", 1 + i % 3) }
        let june = try await order(customers["june.park@parkfamily.example"], "BT-CORAL", 4, external: "BB-47902", ticket: "demo-backorder-refund")
        let helen = try await order(customers["helen.ortiz@lakeside-elementary.example"], "BT-BLACK", 16, external: "BB-48377",
                                    ticket: "demo-backorder-wait")
        _ = try await order(customers["carla.mendes@mendesstudio.example"], "BT-BLUE", 2, external: "BB-48410", ticket: "demo-backorder-where")
        for (i, buyer) in buyers.dropFirst(12).enumerated() { _ = try await order(buyer, "BT-BLACK", 1 + i % 2) }

        func entry(_ orderID: Int?) async throws -> Int? {
            guard let orderID else { return nil }
            return try await database.read { db in
                try await db.raw("SELECT id FROM backorder_entries WHERE order_id = \(bind: orderID) AND status = 'waiting'").first()?
                    .decode(column: "id", as: Int.self)
            }
        }
        // Choices and moves, as the story tells them.
        clock.advance(minutes: 600)
        if let e = try await entry(rex) {
            try await orders.setPreference(entryID: e, .acceptSubstitutes(.anyVariantOfProduct), partialAllowed: false, byCustomer: true, actor: lead)
            _ = try await orders.move(entryID: e, to: "bottom", reason: "Repeated abuse of staff (see the conduct note on his ticket)", actor: lead)
        }
        if let e = try await entry(june) {
            try await orders.setPreference(entryID: e, .cancelAndRefund, partialAllowed: false, byCustomer: true, actor: lead)
        }
        if let e = try await entry(helen) {
            _ = try await orders.move(entryID: e, to: "top", reason: "School project before the holidays; priority promised by Morgan", actor: lead)
        }
        // A short delivery, a third of it defective; the good units go out in queue order.
        clock.advance(minutes: 1_440)
        _ = try await orders.receive(supplier: "Shenzhen Beam Electronics", reference: "PO-2026-118",
                                     lines: [ReceiptLine(sku: SKU("BT-BLACK"), expected: 120, received: 36)],
                                     inspections: [Inspection(sku: SKU("BT-BLACK"), good: 24, defective: 12, reason: "cracked casing")], actor: lead)
        _ = try await orders.allocate(skus: [SKU("BT-BLACK")], commit: true, actor: lead)
        // Pink tags nobody ordered: the one customer who accepted any colour gets them.
        clock.advance(minutes: 1_440)
        _ = try await orders.receive(supplier: "Shenzhen Beam Electronics", reference: "PO-2026-121",
                                     lines: [ReceiptLine(sku: SKU("BT-PINK"), expected: 12, received: 12)],
                                     inspections: [Inspection(sku: SKU("BT-PINK"), good: 12, defective: 0)], actor: lead)
        _ = try await orders.allocate(skus: [SKU("BT-BLACK")], commit: true, actor: lead)
        // More black tags arrived this morning and wait for inspection.
        clock.advance(minutes: 2_000)
        _ = try await orders.receive(supplier: "Shenzhen Beam Electronics", reference: "PO-2026-124",
                                     lines: [ReceiptLine(sku: SKU("BT-BLACK"), expected: 84, received: 60)], inspections: nil, actor: lead)
    }
}
