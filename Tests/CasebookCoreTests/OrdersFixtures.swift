import CasebookCore

/// A small BeamTag catalogue shared by the order tests.
enum Tags {
    static let pink: SKU = "TAG-PINK", blue: SKU = "TAG-BLUE", green: SKU = "TAG-GREEN", white: SKU = "TAG-WHITE"
    static let dock: SKU = "DOCK"
    /// "3 BeamTags, any colour".
    static let pack3 = ProductBundle(sku: "PACK-3", components: [.anyOf([pink, blue, green, white], quantity: 3)])
    /// A dock with one pink or blue tag.
    static let kit = ProductBundle(sku: "KIT", components: [.units(dock, quantity: 1), .anyOf([pink, blue], quantity: 1)])
    static let variants: [Int: [SKU]] = [1: [pink, blue, green, white], 2: [dock]]
    static let bundles = [pack3, kit]
}

let agentID = 900
let lead = Actor(id: 7, role: .lead)

/// A backorder entry ordered at `at` (ms); any preference other than plain waiting is captured by an agent.
func entry(_ id: Int, _ sku: SKU, _ quantity: Int = 1, at: Int64? = nil, _ preference: Preference = .wait,
           partial: Bool = false, position: Double? = nil) -> BackorderEntry {
    let at = at ?? Int64(id) * 1_000
    let consent = preference == .wait && !partial
        ? PreferenceRecord.waiting(since: at)
        : PreferenceRecord(preference: preference, partialAllowed: partial, capturedByID: agentID, capturedAt: at + 1,
                           byCustomer: true)
    return BackorderEntry(id: id, orderID: 5_000 + id, lineID: 50_000 + id, customerID: 100 + id, sku: sku,
                          quantity: quantity, position: position, consent: consent, createdAt: at)
}

extension AllocationPlan {
    /// Entry id → units per SKU, the shape the tests compare against.
    var shipped: [Int: [SKU: Int]] {
        Dictionary(uniqueKeysWithValues: allocations.map { allocation in
            (allocation.entryID, Dictionary(allocation.lines.map { ($0.sku, $0.quantity) }, uniquingKeysWith: +))
        })
    }
    var skippedIDs: [Int] { skipped.map(\.entryID) }
}
