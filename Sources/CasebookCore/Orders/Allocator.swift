/// Units of one SKU in an allocation.
public struct AllocationLine: Hashable, Codable, Sendable {
    public var sku: SKU
    public var quantity: Int
    public init(sku: SKU, quantity: Int) {
        self.sku = sku
        self.quantity = quantity
    }
}

/// Stock promised to one backorder entry.
public struct Allocation: Hashable, Sendable {
    public var entryID: Int
    public var lines: [AllocationLine]
    /// How many of the entry's units (bundles count as one unit each) are sent.
    public var units: Int
    public var isPartial: Bool
    public var usedSubstitute: Bool
}

/// Why an entry gets nothing this round.
public enum SkipReason: Hashable, Sendable, CustomStringConvertible {
    /// Only `fillable` of the `needed` units could be sent, and the customer did not agree to a partial shipment
    /// (or `fillable` is zero).
    case insufficientStock(needed: Int, fillable: Int)
    case invalidQuantity(Int)

    public var description: String {
        switch self {
        case .insufficientStock(let needed, 0): "needs \(needed), none can be sent"
        case .insufficientStock(let needed, let fillable): "needs \(needed), only \(fillable) can be sent and a partial shipment was not agreed"
        case .invalidQuantity(let quantity): "quantity \(quantity) is not positive"
        }
    }
}

public struct SkippedEntry: Hashable, Sendable {
    public var entryID: Int
    public var reason: SkipReason
    public init(entryID: Int, reason: SkipReason) {
        self.entryID = entryID
        self.reason = reason
    }
}

/// What a round of allocation would do; nothing is reserved until the plan is booked as ledger movements.
public struct AllocationPlan: Hashable, Sendable {
    /// In queue order.
    public var allocations: [Allocation]
    public var skipped: [SkippedEntry]
    /// Entries whose customer chose a refund: refund them, never ship to them.
    public var refunds: [Int]
    public var remainingStock: [SKU: Int]
    /// A summary for the person who presses "allocate", in the same order the stock goes out.
    public var preview: String
    /// Entries further back in the queue that were not looked at: the stock they could take was gone before them.
    public var notReached = 0

    /// Records that `count` entries behind the planned ones were not looked at (nothing was left for them).
    public mutating func markNotReached(_ count: Int) {
        guard count > 0 else { return }
        notReached += count
        preview += "\n\(count) more waiting behind them get nothing this time: no stock they could take is left"
    }

    /// True when none of `skus` has stock left: no later entry that can only take these SKUs can get anything.
    public func exhausted(_ skus: Set<SKU>) -> Bool {
        skus.allSatisfy { (remainingStock[$0] ?? 0) <= 0 }
    }

    /// Units of each SKU the plan takes.
    public var allocatedStock: [SKU: Int] {
        allocations.flatMap(\.lines).reduce(into: [:]) { $0[$1.sku, default: 0] += $1.quantity }
    }

    /// The ledger movements (available → reserved) that book this plan.
    public func reservations(entries: [BackorderEntry], actorID: Int, at: Int64) -> [StockMovement] {
        let byID = Dictionary(entries.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return allocations.flatMap { allocation in
            allocation.lines.map { line in
                StockMovement(sku: line.sku, quantity: line.quantity, from: .available, to: .reserved, reason: .allocation,
                              actorID: actorID, at: at, reference: byID[allocation.entryID].map { "order line \($0.lineID)" } ?? "backorder entry \(allocation.entryID)")
            }
        }
    }
}

/// Shares good stock among backorders. The rules, in order of importance:
/// - the queue decides: entries are served in global queue order (position, then creation time, then id), and an
///   entry that can be filled is never passed over for one behind it;
/// - an entry that cannot be filled blocks nobody: it is skipped, and later entries may take the stock it could not use;
/// - customers get only what they agreed to: the exact SKU when waiting, substitutes only with recorded consent,
///   part of a line only when they allowed it, nothing at all when they asked for a refund;
/// - a bundle goes out whole: every component unit or none of that bundle. A bundle line is filled by its own
///   definition (its "any colour" components); consent to substitutes applies to single-variant lines.
/// Deterministic: the same input always gives the same plan, so a preview and the booking agree.
public enum Allocator {
    public static func plan(stock: [SKU: Int], entries: [BackorderEntry], variantsByProduct: [Int: [SKU]] = [:],
                            bundles: [ProductBundle] = []) -> AllocationPlan {
        var remaining = stock.mapValues { max($0, 0) }
        let bundleBySKU = Dictionary(bundles.map { ($0.sku, $0) }, uniquingKeysWith: { first, _ in first })
        var productOf: [SKU: Int] = [:]
        for (product, skus) in variantsByProduct.sorted(by: { $0.key < $1.key }) {
            for sku in skus where productOf[sku] == nil { productOf[sku] = product }
        }
        let ordered = entries.sorted(by: BackorderEntry.queueOrder)
        var allocations: [Allocation] = [], skipped: [SkippedEntry] = [], refunds: [Int] = []

        for entry in ordered {
            if entry.preference == .cancelAndRefund {
                refunds.append(entry.id)
                continue
            }
            guard entry.quantity > 0 else {
                skipped.append(SkippedEntry(entryID: entry.id, reason: .invalidQuantity(entry.quantity)))
                continue
            }
            let fill: Fill
            if let bundle = bundleBySKU[entry.sku] {
                fill = fillBundle(bundle, units: entry.quantity, from: remaining)
            } else {
                let candidates = substitutes(for: entry, productOf: productOf, variantsByProduct: variantsByProduct,
                                             bundles: bundleBySKU)
                fill = fillVariant(entry.sku, substitutes: candidates, units: entry.quantity, from: remaining)
            }
            guard fill.units > 0, fill.units == entry.quantity || entry.partialAllowed else {
                skipped.append(SkippedEntry(entryID: entry.id,
                                            reason: .insufficientStock(needed: entry.quantity, fillable: fill.units)))
                continue
            }
            for line in fill.lines { remaining[line.sku, default: 0] -= line.quantity }
            allocations.append(Allocation(entryID: entry.id, lines: fill.lines, units: fill.units,
                                          isPartial: fill.units < entry.quantity,
                                          usedSubstitute: bundleBySKU[entry.sku] == nil && fill.lines.contains { $0.sku != entry.sku }))
        }
        let preview = previewText(ordered: ordered, allocations: allocations, skipped: skipped, refunds: refunds,
                                  remaining: remaining)
        return AllocationPlan(allocations: allocations, skipped: skipped, refunds: refunds, remainingStock: remaining,
                              preview: preview)
    }

    /// The stock lines that send `units` of `sku` whole right now, or nil when stock cannot: the SKU itself, or for a
    /// bundle its components (each unit complete). No substitutes: this is an order being placed or a replacement,
    /// where the customer gets what they ordered.
    public static func whole(_ sku: SKU, units: Int, bundle: ProductBundle?, stock: [SKU: Int]) -> [AllocationLine]? {
        guard units > 0 else { return nil }
        let fill = bundle.map { fillBundle($0, units: units, from: stock) } ?? fillVariant(sku, substitutes: [], units: units, from: stock)
        return fill.units == units ? fill.lines : nil
    }

    private struct Fill {
        var units: Int
        var lines: [AllocationLine]
    }

    /// The SKUs the customer agreed to receive instead, never a bundle (a customer who accepted another colour
    /// did not agree to a multipack).
    private static func substitutes(for entry: BackorderEntry, productOf: [SKU: Int], variantsByProduct: [Int: [SKU]],
                                    bundles: [SKU: ProductBundle]) -> Set<SKU> {
        guard case .acceptSubstitutes(let substitutes) = entry.preference else { return [] }
        var skus: Set<SKU>
        switch substitutes {
        case .skus(let chosen): skus = chosen
        case .anyVariantOfProduct: skus = productOf[entry.sku].map { Set(variantsByProduct[$0] ?? []) } ?? []
        }
        skus.remove(entry.sku)
        return skus.filter { bundles[$0] == nil }
    }

    /// The exact SKU first; then substitutes, the one with the most stock first (ties by SKU), so one colour is
    /// preferred over a mix whenever one colour can cover the rest.
    private static func fillVariant(_ sku: SKU, substitutes: Set<SKU>, units: Int,
                                    from stock: [SKU: Int]) -> Fill {
        let exact = min(units, stock[sku] ?? 0)
        var lines = exact > 0 ? [AllocationLine(sku: sku, quantity: exact)] : []
        var missing = units - exact
        for substitute in byMostStock(substitutes, stock) where missing > 0 {
            let take = min(missing, stock[substitute] ?? 0)
            if take > 0 { lines.append(AllocationLine(sku: substitute, quantity: take)) }
            missing -= take
        }
        return Fill(units: units - missing, lines: lines)
    }

    /// Whole bundles only: the most that every component can cover, capped at what was ordered.
    private static func fillBundle(_ bundle: ProductBundle, units: Int,
                                   from stock: [SKU: Int]) -> Fill {
        let coverable = bundle.components.map { component in
            component.quantity > 0 ? component.choices.reduce(0) { $0 + (stock[$1] ?? 0) } / component.quantity : Int.max
        }.min() ?? 0
        // Counting down keeps the plan safe even for a bundle whose components share SKUs (which `validate` refuses).
        for count in stride(from: min(units, coverable), through: 1, by: -1) {
            if let lines = take(bundle, count: count, from: stock) { return Fill(units: count, lines: lines) }
        }
        return Fill(units: 0, lines: [])
    }

    private static func take(_ bundle: ProductBundle, count: Int, from stock: [SKU: Int]) -> [AllocationLine]? {
        var stock = stock
        var taken: [SKU: Int] = [:], order: [SKU] = []
        for component in bundle.components {
            var missing = component.quantity * count
            for sku in byMostStock(component.choices, stock) where missing > 0 {
                let take = min(missing, stock[sku] ?? 0)
                guard take > 0 else { continue }
                if taken[sku] == nil { order.append(sku) }
                taken[sku, default: 0] += take
                stock[sku, default: 0] -= take
                missing -= take
            }
            if missing > 0 { return nil }
        }
        return order.map { AllocationLine(sku: $0, quantity: taken[$0]!) }
    }

    private static func byMostStock(_ skus: Set<SKU>, _ stock: [SKU: Int]) -> [SKU] {
        skus.sorted { (stock[$0] ?? 0, $1) > (stock[$1] ?? 0, $0) }
    }

    private static func previewText(ordered: [BackorderEntry], allocations: [Allocation], skipped: [SkippedEntry],
                                    refunds: [Int], remaining: [SKU: Int]) -> String {
        let allocated = Dictionary(allocations.map { ($0.entryID, $0) }, uniquingKeysWith: { first, _ in first })
        let skips = Dictionary(skipped.map { ($0.entryID, $0.reason) }, uniquingKeysWith: { first, _ in first })
        let refundSet = Set(refunds)
        var text = ["Allocation: \(allocations.count) to ship (\(allocations.filter(\.isPartial).count) partial, "
            + "\(allocations.filter(\.usedSubstitute).count) with substitutes), \(skipped.count) waiting, \(refunds.count) to refund"]
        for (index, entry) in ordered.enumerated() {
            let who = "\(index + 1). entry \(entry.id) order \(entry.orderID) customer \(entry.customerID), \(entry.quantity) × \(entry.sku):"
            if let allocation = allocated[entry.id] {
                let lines = allocation.lines.map { "\($0.quantity) × \($0.sku)" }.joined(separator: ", ")
                let notes = [allocation.isPartial ? "partial" : nil, allocation.usedSubstitute ? "substitute" : nil]
                    .compactMap { $0 }.joined(separator: ", ")
                text.append("\(who) ship \(lines)\(notes.isEmpty ? "" : " (\(notes))")")
            } else if refundSet.contains(entry.id) {
                text.append("\(who) refund, the customer cancelled")
            } else if let reason = skips[entry.id] {
                text.append("\(who) waits, \(reason)")
            }
        }
        let left = remaining.filter { $0.value > 0 }.sorted { $0.key < $1.key }.map { "\($0.value) × \($0.key)" }
        text.append("Left in stock: \(left.isEmpty ? "nothing" : left.joined(separator: ", "))")
        return text.joined(separator: "\n")
    }
}
