import CasebookCore
import Foundation
import Testing
@testable import CasebookServer

/// Multipacks and bundles: defined in the catalogue from other variants, sold from their components' stock, queued
/// when it is short, allocated only whole when components arrive, and replaced whole after a fulfilment error.
@Suite("Bundles and multipacks API")
struct BundleAPITests {
    @Test(arguments: TestDatabase.all)
    func multipacksAreDefinedSoldAllocatedAndReplacedWhole(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let lead = try await app.person("Lara Lead", role: .lead)
            let singles = try await lead.post("/api/v2/products", ["product": [
                "name": "BeamTag", "currency": "EUR",
                "variants": [["sku": "BT-BLACK", "price": 2900], ["sku": "BT-WHITE", "price": 2900], ["sku": "BT-PINK", "price": 2900]]]])
            #expect(singles.status == .created, "\(singles.text)")

            // Bad definitions are refused with the reason, and nothing of the product is written.
            let bad: [(JSONValue, String)] = [
                (["sku": "BT-3-X", "price": 1, "bundle": ["components": [["sku": "NOPE", "quantity": 3]]]], "no variant NOPE"),
                (["sku": "BT-3-X", "price": 1, "bundle": ["components": [["sku": "BT-BLACK", "quantity": 0]]]], "positive quantity"),
                (["sku": "BT-3-X", "price": 1, "bundle": ["components": []]], "at least one component"),
                (["sku": "BT-3-X", "price": 1, "bundle": ["components": [["sku": "BT-3-X", "quantity": 1]]]], "cannot contain itself"),
                (["sku": "BT-3-X", "price": 1, "bundle": ["components": [["sku": "BT-BLACK", "quantity": 1], ["any_of": ["BT-BLACK", "BT-WHITE"], "quantity": 1]]]],
                 "shares BT-BLACK"),
                (["sku": "BT-3-X", "price": 1, "bundle": ["components": [["quantity": 1]]]], "needs a sku or an any_of list"),
            ]
            for (variant, reason) in bad {
                let refused = try await lead.post("/api/v2/products", ["product": ["name": "BeamTag multipacks", "variants": [variant]]])
                #expect(refused.status == .unprocessableContent, "\(reason): \(refused.text)")
                #expect(refused.text.contains(reason), "\(refused.text)")
            }
            #expect(try await app.agent.get("/api/v2/variants?sku=BT-3-X")["count"]?.intValue == 0, "a refused product leaves nothing behind")

            let packs = try await lead.post("/api/v2/products", ["product": [
                "name": "BeamTag multipacks", "currency": "EUR",
                "variants": [["sku": "BT-3-BLACK", "name": "Three black BeamTags", "price": 7900,
                              "bundle": ["components": [["sku": "BT-BLACK", "quantity": 3]]]],
                             ["sku": "BT-3-MIX", "name": "Three BeamTags, black or white", "price": 7500,
                              "bundle": ["components": [["any_of": ["BT-WHITE", "BT-BLACK"], "quantity": 3]]]]]]])
            #expect(packs.status == .created, "\(packs.text)")
            let packID = packs["product"]?["id"]?.intValue ?? 0
            #expect(packs["product"]?["variants"]?.arrayValue?.first { $0["sku"]?.stringValue == "BT-3-MIX" }?["bundle"]?["components"]?.arrayValue?.first?["any_of"]
                    == .array(["BT-BLACK", "BT-WHITE"]), "\(packs.text)")
            // A variant added later; a bundle of bundles is refused; an agent may not add to the catalogue.
            let pinkPair: JSONValue = ["variant": ["sku": "BT-2-PINK", "price": 5500, "bundle": ["components": [["sku": "BT-PINK", "quantity": 2]]]]]
            #expect(try await app.agent.post("/api/v2/products/\(packID)/variants", pinkPair).status == .forbidden)
            let added = try await lead.post("/api/v2/products/\(packID)/variants", pinkPair)
            #expect(added.status == .created, "\(added.text)")
            #expect(added["variant"]?["bundle"]?["components"]?.arrayValue?.first?["sku"]?.stringValue == "BT-PINK")
            let nested = try await lead.post("/api/v2/products/\(packID)/variants", ["variant": [
                "sku": "BT-6-BLACK", "price": 1, "bundle": ["components": [["sku": "BT-3-BLACK", "quantity": 2]]]]])
            #expect(nested.status == .unprocessableContent && nested.text.contains("is a bundle itself"), "\(nested.text)")
            #expect(try await lead.post("/api/v2/products/999999/variants", ["variant": ["sku": "Z", "price": 1]]).status == .notFound)

            // A bundle holds no stock of its own: a delivery names its components.
            let packReceipt = try await lead.post("/api/v2/stock_receipts", ["stock_receipt": [
                "supplier": "S", "lines": [["sku": "BT-3-BLACK", "expected": 1, "received": 1]]]])
            #expect(packReceipt.status == .unprocessableContent && packReceipt.text.contains("is a bundle; receive its components"), "\(packReceipt.text)")
            try await receive(lead, ["BT-BLACK": 4, "BT-WHITE": 2])
            let mix = try await app.agent.get("/api/v2/variants/BT-3-MIX")
            #expect(mix["variant"]?["buildable"]?.intValue == 2, "six black or white units make two packs: \(mix.text)")
            #expect(try await app.agent.get("/api/v2/variants/BT-BLACK")["variant"]?["stock"]?["available"]?.intValue == 4)
            #expect(try await app.agent.get("/api/v2/variants/NOPE").status == .notFound)

            // Orders: a pack is reserved whole from its components, or waits whole.
            var customers: [Caller] = []
            for name in ["Ann", "Bob", "Cy", "Di"] { customers.append(try await app.person(name, role: .endUser)) }
            let ann = try await order(app, customers[0], "BT-3-BLACK", 1)
            #expect(ann.lines == ["allocated"])
            #expect(ann.picks == ["3 × BT-BLACK"], "the warehouse picks the components")
            let bob = try await order(app, customers[1], "BT-3-MIX", 1)
            #expect(bob.lines == ["allocated"])
            #expect(bob.picks == ["1 × BT-BLACK", "2 × BT-WHITE"])
            app.clock.advance(minutes: 1)
            let cyTicket = try await customers[2].createTicket(["subject": "My three-pack?", "comment": ["body": "When?"]])
            let cy = try await order(app, customers[2], "BT-3-BLACK", 1, ticket: cyTicket)
            #expect(cy.lines == ["backordered"])
            app.clock.advance(minutes: 1)
            let di = try await order(app, customers[3], "BT-3-MIX", 2)
            #expect(di.lines == ["backordered"])
            let level = try await app.agent.get("/api/v2/variants?sku=BT-BLACK,BT-3-BLACK")
            #expect(level["variants"]?.arrayValue?.map { $0["sku"]?.stringValue ?? "" } == ["BT-3-BLACK", "BT-BLACK"])

            // A delay notice for the mixed packs dates them by their components' deliveries, counted in whole packs:
            // Di's two packs need six units; three white in ten days and three black in twenty make them.
            let day: Int64 = 86_400_000
            let soon = isoString(Timestamp.date(app.clock.now + 10 * day)), later = isoString(Timestamp.date(app.clock.now + 20 * day))
            for (date, sku) in [(soon, "BT-WHITE"), (later, "BT-BLACK")] {
                let announced = try await lead.post("/api/v2/stock_receipts", ["stock_receipt": [
                    "supplier": "Shenzhen Beam Ltd", "expected_at": .string(date), "lines": [["sku": .string(sku), "expected": 3]]]])
                #expect(announced.status == .created, "\(announced.text)")
            }
            let notice = try await lead.post("/api/v2/backorders/delay_notices", ["delay_notice": ["sku": "BT-3-MIX", "dry_run": true]])
            #expect(notice["delay_notice"]?["recipients"]?.arrayValue?.map { $0["expected_at"]?.stringValue ?? "" } == [later], "\(notice.text)")

            // Two black units arrive: no pack can be made whole, so nothing is sent and the units stay available.
            try await receive(lead, ["BT-BLACK": 2], allocate: true)
            #expect(try await app.agent.get("/api/v2/orders/\(cy.id)").json["order"]?["lines"]?.arrayValue?.first?["status"]?.stringValue == "backordered")
            // Four more: Cy (first in the queue of black packs) gets a pack; Di's two mixed packs need six, three remain.
            try await receive(lead, ["BT-BLACK": 4], allocate: true)
            let cyNow = try await app.agent.get("/api/v2/orders/\(cy.id)")
            #expect(cyNow["order"]?["lines"]?.arrayValue?.first?["status"]?.stringValue == "allocated", "\(cyNow.text)")
            #expect(Self.picks(cyNow) == ["3 × BT-BLACK"])
            let cyNotices = try await app.notices(cyTicket)
            #expect(cyNotices.contains { $0.contains("Allocated 1 × BT-3-BLACK (3 × BT-BLACK)") }, "\(cyNotices)")
            #expect(try await app.agent.get("/api/v2/orders/\(di.id)").json["order"]?["lines"]?.arrayValue?.first?["status"]?.stringValue == "backordered")
            // Three white units make Di's two packs whole, from both colours.
            try await receive(lead, ["BT-WHITE": 3], allocate: true)
            let diNow = try await app.agent.get("/api/v2/orders/\(di.id)")
            #expect(diNow["order"]?["lines"]?.arrayValue?.first?["status"]?.stringValue == "allocated", "\(diNow.text)")
            #expect(Self.picks(diNow) == ["3 × BT-BLACK", "3 × BT-WHITE"])

            // Ann's pack was packed wrong: its replacement is a whole pack, from the components' stock.
            let wrong: JSONValue = ["fulfilment_error": [
                "order_id": .int(ann.id), "line_id": .int(ann.lineID), "kind": "wrong_item", "station": "Packing 1",
                "root_cause": "pink pack picked", "replacement": ["quantity": 1]]]
            let short = try await app.agent.post("/api/v2/fulfilment_errors", wrong)
            #expect(short.status == .unprocessableContent && short.text.contains("only 0 × BT-BLACK available"), "\(short.text)")
            try await receive(lead, ["BT-BLACK": 3])
            let replaced = try await app.agent.post("/api/v2/fulfilment_errors", wrong)
            #expect(replaced.status == .created, "\(replaced.text)")
            let annNow = try await app.agent.get("/api/v2/orders/\(ann.id)")
            let expedited = annNow["order"]?["shipments"]?.arrayValue?.first { $0["expedited"]?.boolValue == true }
            #expect(expedited?["lines"]?.arrayValue?.map { "\($0["quantity"]?.intValue ?? 0) × \($0["sku"]?.stringValue ?? "")" } == ["3 × BT-BLACK"],
                    "\(annNow.text)")
            let stock = try await app.agent.get("/api/v2/stock")
            let black = stock["stock"]?.arrayValue?.first { $0["sku"]?.stringValue == "BT-BLACK" }
            #expect(black?["available"]?.intValue == 0 && black?["reserved"]?.intValue == 13, "\(stock.text)")
            #expect(stock["stock"]?.arrayValue?.contains { $0["sku"]?.stringValue?.hasPrefix("BT-3") == true } == false, "packs hold no stock")
        }
    }

    struct Placed { var id: Int; var lineID: Int; var lines: [String]; var picks: [String] }

    private func order(_ app: TestApp, _ customer: Caller, _ sku: String, _ quantity: Int, ticket: Int? = nil) async throws -> Placed {
        let placed = try await app.agent.post("/api/v2/orders", ["order": [
            "customer_id": .int(customer.id), "lines": [["sku": .string(sku), "quantity": .int(quantity)]], "ticket_ids": JSONValue(ticket.map { [$0] } ?? [])]])
        #expect(placed.status == .created, "\(placed.text)")
        let lines = placed["order"]?["lines"]?.arrayValue ?? []
        return Placed(id: placed["order"]?["id"]?.intValue ?? 0, lineID: lines.first?["id"]?.intValue ?? 0,
                      lines: lines.compactMap { $0["status"]?.stringValue }, picks: Self.picks(placed))
    }

    static func picks(_ order: APIResponse) -> [String] {
        (order["order"]?["shipments"]?.arrayValue ?? []).flatMap { $0["lines"]?.arrayValue ?? [] }
            .map { "\($0["quantity"]?.intValue ?? 0) × \($0["sku"]?.stringValue ?? "")" }
    }

    /// A delivery inspected on arrival, all good; with `allocate`, the lead runs the allocation for its SKUs.
    private func receive(_ lead: Caller, _ units: [String: Int], allocate: Bool = false) async throws {
        let skus = units.keys.sorted()
        let receipt = try await lead.post("/api/v2/stock_receipts", ["stock_receipt": [
            "supplier": "Shenzhen Beam Ltd", "allocate": .bool(allocate),
            "lines": .array(skus.map { ["sku": .string($0), "expected": .int(units[$0]!), "received": .int(units[$0]!)] }),
            "inspection": .array(skus.map { ["sku": .string($0), "good": .int(units[$0]!), "defective": 0] })]])
        #expect(receipt.status == .created, "\(receipt.text)")
    }
}
