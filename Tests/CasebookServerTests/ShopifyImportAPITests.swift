import CasebookCore
import Foundation
import Testing
@testable import CasebookServer

/// Importing a Shopify order export: dry run, all-or-nothing with the rejected rows named, customers and products
/// created, open lines reserved or backordered, a second import skipping what is there.
@Suite("Shopify import API")
struct ShopifyImportAPITests {
    static let header = "Name,Email,Financial Status,Fulfillment Status,Currency,Subtotal,Shipping,Taxes,Total,Created at,"
        + "Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Lineitem fulfillment status,Billing Name,Shipping City,Shipping Country,Cancelled at,Id"
    static let good = [
        header,
        "#1001,Ana@Example.com,paid,fulfilled,EUR,58.00,4.99,0,62.99,2026-11-20 10:15:00 +0100,2,BeamTag pink,29.00,BT-PINK,fulfilled,Ana Alves,Lisbon,PT,,9001",
        "#1002,ben@example.com,paid,,EUR,87.00,0,0,87.00,2026-11-21 09:00:00 +0100,3,BeamTag blue,29.00,BT-BLUE,pending,Ben Berg,Bergen,NO,,9002",
        "#1002,ben@example.com,,,,,,,,,1,\"Charger, USB-C\",19.00,CH-USBC,pending,,,,,9002",
        "#1003,ana@example.com,voided,,EUR,29.00,0,0,29.00,2026-11-22 08:00:00 +0100,1,BeamTag pink,29.00,BT-PINK,,Ana Alves,Lisbon,PT,2026-11-22 09:00:00 +0100,9003",
    ].joined(separator: "\r\n") + "\r\n"

    @Test(arguments: TestDatabase.all)
    func dryRunThenImportThenSkipOnReimport(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let lead = try await app.person("Lara Lead", role: .lead)
            _ = try await lead.post("/api/v2/products", ["product": ["name": "BeamTag", "currency": "EUR",
                "variants": [["sku": "BT-PINK", "price": 2900], ["sku": "BT-BLUE", "price": 2900]]]])
            _ = try await lead.post("/api/v2/stock_receipts", ["stock_receipt": ["supplier": "S", "lines": [["sku": "BT-BLUE", "expected": 1, "received": 1]],
                                                                                  "inspection": [["sku": "BT-BLUE", "good": 1, "defective": 0]]]])
            #expect(try await app.agent.call(.post, "/api/v2/imports/shopify_orders", rawBody: Self.good).status == .forbidden)

            let dry = try await lead.call(.post, "/api/v2/imports/shopify_orders?dry_run=true", rawBody: Self.good)
            #expect(dry.status == .ok, "\(dry.text)")
            #expect(dry["import"]?["new_orders"]?.intValue == 3)
            #expect(dry["import"]?["new_customers"]?.intValue == 2, "emails compared case-insensitively")
            #expect(dry["import"]?["new_products"]?.intValue == 1)
            #expect(dry["import"]?["open_lines"]?.intValue == 2)
            #expect(dry["import"]?["imported"] == .bool(false))
            #expect(try await app.admin.get("/api/v2/users/search?query=ana@example.com").json["users"]?.arrayValue?.isEmpty == true, "a dry run writes nothing")

            let done = try await lead.call(.post, "/api/v2/imports/shopify_orders", rawBody: Self.good)
            #expect(done.status == .created, "\(done.text)")
            #expect(done["import"]?["backordered_lines"]?.intValue == 2, "3 blue wanted, 1 in stock; the charger has none")
            let queue = try await app.agent.get("/api/v2/backorders?sku=BT-BLUE")
            #expect(queue["backorders"]?.arrayValue?.first?["customer"]?.stringValue == "Ben Berg")
            #expect(try await app.agent.get("/api/v2/products").json["count"]?.intValue == 2)

            let again = try await lead.call(.post, "/api/v2/imports/shopify_orders", rawBody: Self.good)
            #expect(again["import"]?["new_orders"]?.intValue == 0, "\(again.text)")
            #expect(again["import"]?["already_imported"]?.intValue == 3)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aRejectedRowImportsNothingAndSaysWhere(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let lead = try await app.person("Lara Lead", role: .lead)
            let bad = Self.good.replacingOccurrences(of: ",3,BeamTag blue,", with: ",three,BeamTag blue,")
            let answer = try await lead.call(.post, "/api/v2/imports/shopify_orders", rawBody: bad)
            #expect(answer.status == .unprocessableContent, "\(answer.text)")
            let rejected = answer["import"]?["rejected"]?.arrayValue ?? []
            #expect(rejected.contains { $0["row"]?.intValue == 3 && $0["column"]?.stringValue == "Lineitem quantity" }, "\(answer.text)")
            #expect(try await app.admin.get("/api/v2/users/search?query=ana@example.com").json["users"]?.arrayValue?.isEmpty == true,
                    "the good orders were not imported either")
            let missing = try await lead.call(.post, "/api/v2/imports/shopify_orders", rawBody: "Name,Email\n#1,a@b.example\n")
            #expect(missing.status == .unprocessableContent)
            #expect(missing.text.contains("Lineitem sku"), "\(missing.text)")
        }
    }
}
