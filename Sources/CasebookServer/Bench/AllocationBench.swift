import CasebookCore
import Foundation
import Logging
import SQLKit

/// `casebook bench allocation`: a receipt of 10,000 units allocated over a queue of 100,000 backorders with mixed
/// preferences (wait, any colour, partial shipments), previewed and committed through `OrderService`.
public enum AllocationBench {
    public struct Figures: Sendable {
        public var entries: Int
        public var units: Int
        public var previewSeconds: Double
        public var commitSeconds: Double
        public var allocated: Int
        public var allocatedUnits: Int
        public var substitutes: Int
        public var partial: Int
        public var refunds: Int
        public var skipped: Int
        /// Waiting entries behind the stock's reach, not read.
        public var notReached: Int
    }

    public static func run(database: Database, backorders: Int = 100_000, units: Int = 10_000, products: Int = 10,
                           logger: Logger, say: (String) -> Void) async throws -> Figures {
        let services = CasebookServices(config: AppConfig(environment: [:]), database: database, logger: logger)
        let orders = OrderService(tickets: services.tickets, clock: services.config.clock)
        let colours = ["black", "white", "pink", "blue"]
        let skus = (0..<products).flatMap { p in colours.map { SKU("BT-\(p)-\($0.uppercased())") } }
        say("seeding \(products) products × \(colours.count) colours, \(backorders) backordered order lines…")
        let lead = try await Accounts.create(database: database, email: "bench-lead@casebook.local", name: "Bench Lead", role: .lead,
                                             password: "correct horse battery", bcryptCost: 4)
        try await database.write { db in
            let catalogue = CatalogueStore(db: db)
            let now = Timestamp.now
            for p in 0..<products {
                let id = try await catalogue.insertProduct(name: "BeamTag \(p)", description: "", now: now)
                for colour in colours {
                    try await catalogue.insert(ProductVariant(sku: SKU("BT-\(p)-\(colour.uppercased())"), productID: id, name: "BeamTag \(p) \(colour)",
                                                              options: ["colour": colour], price: Money(minor: 2_999, currency: "EUR")), now: now)
                }
            }
        }
        try await seedQueue(database, backorders: backorders, skus: skus)
        // The receipt: good units spread over every SKU, booked as the inspection would.
        let perSKU = units / skus.count
        try await database.write { db in
            try await StockStore(db: db).apply(skus.map {
                StockMovement(sku: $0, quantity: perSKU, from: nil, to: .available, reason: .receipt, actorID: lead.userID,
                              at: Timestamp.now, reference: "bench receipt")
            })
        }
        try await database.refreshStatistics()
        let actor = Actor(id: lead.userID, role: .lead)
        let (everyone, variants) = try await database.read { db in
            (try await BackorderStore(db: db).waiting(skus: nil), try await CatalogueStore(db: db).variantsByProduct())
        }
        say("previewing…")
        let clock = ContinuousClock()
        var start = clock.now
        let preview = try await orders.allocate(skus: [], commit: false, actor: actor)
        let previewSeconds = (clock.now - start).seconds
        say("committing…")
        start = clock.now
        let plan = try await orders.allocate(skus: [], commit: true, actor: actor)
        let commitSeconds = (clock.now - start).seconds
        guard plan.allocations == preview.allocations else { throw BenchFailure("the commit differs from its preview") }
        // The run read only the front of the queues; a plan over every entry must send exactly the same.
        let full = Allocator.plan(stock: Dictionary(uniqueKeysWithValues: skus.map { ($0, perSKU) }), entries: everyone, variantsByProduct: variants)
        guard everyone.count == backorders, full.allocations == preview.allocations,
              full.skipped.count == preview.skipped.count + preview.notReached else {
            throw BenchFailure("the plan over the front of the queues differs from the plan over every entry")
        }
        let left = try await database.read { db in try await StockStore(db: db).available(skus) }
        let allocatedUnits = plan.allocations.reduce(0) { $0 + $1.lines.reduce(0) { $0 + $1.quantity } }
        guard left.values.reduce(0, +) + allocatedUnits == perSKU * skus.count else { throw BenchFailure("stock does not add up after the commit") }
        return Figures(entries: backorders, units: perSKU * skus.count, previewSeconds: previewSeconds, commitSeconds: commitSeconds,
                       allocated: plan.allocations.count, allocatedUnits: allocatedUnits,
                       substitutes: plan.allocations.filter(\.usedSubstitute).count, partial: plan.allocations.filter(\.isPartial).count,
                       refunds: plan.refunds.count, skipped: plan.skipped.count, notReached: plan.notReached)
    }

    /// Customers, one order per backorder with one line of 1–3 units, and the queue entries with their preferences:
    /// 75 % wait, 15 % any colour, 10 % wait but take part of the line now — each stated by the customer (no one waits with a
    /// refund: choosing one cancels and refunds the entry at once).
    static func seedQueue(_ database: Database, backorders: Int, skus: [SKU]) async throws {
        var random = SplitMix64(seed: 0xA110C)
        let start = Timestamp.now - Int64(backorders) * 1_000
        let customers = try await database.write { db -> [Int] in
            var ids: [Int] = []
            for chunk in stride(from: 0, to: 5_000, by: 500) {
                let values = (chunk..<chunk + 500).map { i in
                    "(\(bind: "Customer \(i)"), \(bind: "customer\(i)@alloc.example"), 'end-user', \(bind: true), \(bind: start), \(bind: start))" as SQLQueryString
                }
                ids += try await db.raw("INSERT INTO users (name, email, role, active, created_at, updated_at) VALUES \(values.joined(separator: ", ")) RETURNING id")
                    .all().map { try $0.decode(column: "id", as: Int.self) }
            }
            return ids
        }
        for chunk in stride(from: 0, to: backorders, by: 500) {
            let rows = (chunk..<min(chunk + 500, backorders)).map { i -> (customer: Int, sku: SKU, quantity: Int, at: Int64, preference: String, substitutes: String, partial: Bool) in
                let roll = random.next(100), size = random.next(10)
                return (customers[Int(random.next(UInt64(customers.count)))], skus[Int(random.next(UInt64(skus.count)))],
                        size < 7 ? 1 : size < 9 ? 2 : 3, start + Int64(i) * 1_000,
                        // No one waits with a refund: choosing it cancels and refunds the entry at once.
                        roll < 75 || roll >= 90 ? "wait" : "accept_substitutes",
                        roll >= 75 && roll < 90 ? "*" : "", roll >= 90)
            }
            try await database.write { db in
                let orderIDs = try await db.raw("""
                    INSERT INTO orders (customer_id, currency, created_at, updated_at)
                    VALUES \(rows.map { "(\(bind: $0.customer), 'EUR', \(bind: $0.at), \(bind: $0.at))" as SQLQueryString }.joined(separator: ", "))
                    RETURNING id
                    """).all().map { try $0.decode(column: "id", as: Int.self) }.sorted()
                let lineIDs = try await db.raw("""
                    INSERT INTO order_lines (order_id, sku, quantity, price_minor, status)
                    VALUES \(zip(orderIDs, rows).map { "(\(bind: $0.0), \(bind: $0.1.sku.rawValue), \(bind: $0.1.quantity), 2999, 'backordered')" as SQLQueryString }.joined(separator: ", "))
                    RETURNING id
                    """).all().map { try $0.decode(column: "id", as: Int.self) }.sorted()
                try await db.raw("""
                    INSERT INTO backorder_entries (order_id, line_id, customer_id, sku, quantity, position, preference, substitutes, partial_allowed,
                                                   captured_by_id, by_customer, captured_at, status, created_at)
                    VALUES \(zip(zip(orderIDs, lineIDs), rows).map { ids, r in
                        "(\(bind: ids.0), \(bind: ids.1), \(bind: r.customer), \(bind: r.sku.rawValue), \(bind: r.quantity), \(bind: Double(r.at)), \(bind: r.preference), \(bind: r.substitutes), \(bind: r.partial), \(bind: r.preference == "wait" && !r.partial ? nil : r.customer), \(bind: r.preference != "wait" || r.partial), \(bind: r.at), 'waiting', \(bind: r.at))" as SQLQueryString
                    }.joined(separator: ", "))
                    """).run()
            }
        }
    }
}

struct BenchFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
