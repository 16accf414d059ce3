import CasebookCore
import Foundation
import SQLKit

/// What an allocation run plans over: the front of the affected queues, read a page at a time in queue order until
/// nothing is left that the entries further back could take, and the available stock of every SKU they could take.
/// A receipt of thousands of units over a queue of a hundred thousand reads the few thousand entries the stock
/// reaches, not the whole queue; the plan is the same either way, as the entries not read could get nothing.
struct AllocationQueue: Sendable {
    var entries: [BackorderEntry]
    var stock: [SKU: Int]
    var variants: [Int: [SKU]]
    var bundles: [ProductBundle]
    /// Waiting entries behind the ones read (left out of the plan: nothing they could take is left).
    var notReached: Int

    /// The first page; each next one is twice as long, up to `maxPage`.
    static let firstPage = 2_000, maxPage = 50_000

    /// The queues of `skus` and of the bundles made from them (every queue when empty).
    static func read(skus: [SKU], db: any SQLDatabase, firstPage: Int = firstPage) async throws -> AllocationQueue {
        let store = BackorderStore(db: db)
        let catalogue = CatalogueStore(db: db)
        let variants = try await catalogue.variantsByProduct()
        let bundles = try await catalogue.bundles()
        // Stock of a SKU also fills the bundles it is a component of: their queues take part too.
        let queues = skus.isEmpty ? nil : skus + bundles.values.filter { $0.components.contains { !$0.choices.isDisjoint(with: skus) } }.map(\.sku)
        let demand = try await store.demand(skus: queues)
        // Every SKU these queues could take: their own, the other variants of their products (any colour), the
        // substitutes customers named, and bundles' components.
        var productOf: [SKU: Int] = [:]
        for (product, skus) in variants { for sku in skus { productOf[sku] = product } }
        var takes = demand.skus.union(demand.substitutes)
        for sku in demand.skus {
            if let product = productOf[sku] { takes.formUnion(variants[product] ?? []) }
            if let bundle = bundles[sku] { takes.formUnion(bundle.components.flatMap(\.choices)) }
        }
        let stock = try await StockStore(db: db).available(Array(takes))

        var entries: [BackorderEntry] = [], remaining = stock
        var after: BackorderStore.QueueKey?, size = firstPage
        while true {
            let page = try await store.waiting(skus: queues, after: after, limit: size)
            entries += page
            guard page.count == size, let last = page.last else { break }
            after = BackorderStore.QueueKey(position: last.position, createdAt: last.createdAt, id: last.id)
            let step = Allocator.plan(stock: remaining, entries: page, variantsByProduct: variants, bundles: Array(bundles.values))
            remaining = step.remainingStock
            if step.exhausted(takes) { break }
            size = min(size * 2, maxPage)
        }
        var notReached = max(demand.waiting - entries.count, 0)
        if notReached > 0, let after {
            // Customers further back who chose a refund (before that meant an immediate refund) are refunded all the same.
            let refunds = try await store.waiting(skus: queues, after: after, refundsOnly: true)
            entries += refunds
            notReached -= refunds.count
        }
        return AllocationQueue(entries: entries, stock: stock, variants: variants, bundles: Array(bundles.values).sorted { $0.sku < $1.sku },
                               notReached: notReached)
    }
}
