/// Where a counted unit is. Stock only ever moves between these by a `StockMovement`, so the ledger explains every count.
public enum StockState: String, Hashable, Codable, Sendable, CaseIterable {
    /// Good units on the shelf that nobody has claimed yet.
    case available
    /// Held for an order line; no longer offered to the backorder queue.
    case reserved
    /// Defective or suspect; never allocated until a person releases it.
    case quarantined
    /// Gone to a customer.
    case shipped
}

/// Why stock moved. Each reason allows only the transitions the warehouse really makes, so a typo in a job cannot
/// turn a defect into available stock.
public enum MovementReason: String, Hashable, Codable, Sendable, CaseIterable {
    case receipt, allocation, shipment, defectFound, returnRestock, allocationCancelled
    /// Defective units sent back to the supplier on a claim.
    case returnedToSupplier
    /// Units that waited in quarantine for a receipt's inspection and passed it.
    case inspectionPassed

    /// The (from, to) pairs this reason may record; `nil` is outside the warehouse.
    public var allowedTransitions: [(from: StockState?, to: StockState?)] {
        switch self {
        case .receipt: [(nil, .available), (nil, .quarantined)]
        case .allocation: [(.available, .reserved)]
        case .shipment: [(.reserved, .shipped)]
        case .defectFound: [(.available, .quarantined)]
        case .returnRestock: [(nil, .available)]
        case .allocationCancelled: [(.reserved, .available)]
        case .returnedToSupplier: [(.quarantined, nil)]
        case .inspectionPassed: [(.quarantined, .available)]
        }
    }

    public func allows(from: StockState?, to: StockState?) -> Bool {
        allowedTransitions.contains { $0.from == from && $0.to == to }
    }
}

/// One line of the stock ledger. Movements are only ever appended; counts are derived from them.
public struct StockMovement: Hashable, Codable, Sendable {
    public var sku: SKU
    public var quantity: Int
    public var from: StockState?
    public var to: StockState?
    public var reason: MovementReason
    public var actorID: Int
    public var at: Int64
    /// The receipt, order line or claim this movement belongs to, so a count can be traced to paperwork.
    public var reference: String

    public init(sku: SKU, quantity: Int, from: StockState?, to: StockState?, reason: MovementReason, actorID: Int,
                at: Int64, reference: String) {
        self.sku = sku
        self.quantity = quantity
        self.from = from
        self.to = to
        self.reason = reason
        self.actorID = actorID
        self.at = at
        self.reference = reference
    }
}

/// Units per SKU and state: the sum of the ledger. Never negative, because `StockLedger.apply` refuses such moves.
public struct StockLevels: Hashable, Sendable {
    private var counts: [SKU: [StockState: Int]] = [:]

    public init() {}

    public subscript(sku: SKU, state: StockState) -> Int { counts[sku]?[state] ?? 0 }

    /// The SKUs holding units in any state, in code order.
    public var skus: [SKU] { counts.keys.sorted() }

    /// Good units per SKU, the input the allocator plans with.
    public var available: [SKU: Int] { counts.compactMapValues { $0[.available] } }

    /// Zero counts are dropped, so two ledgers that end with the same stock compare equal.
    fileprivate mutating func add(_ quantity: Int, _ sku: SKU, _ state: StockState) {
        let count = self[sku, state] + quantity
        counts[sku, default: [:]][state] = count == 0 ? nil : count
        if counts[sku]?.isEmpty == true { counts[sku] = nil }
    }

    /// Levels replayed from a whole ledger, refusing it at the first movement `apply` would refuse, so a report
    /// built from history and the live counts built move by move can never disagree.
    public static func rebuild(from movements: [StockMovement]) throws(StockLedger.Refusal) -> StockLevels {
        var levels = StockLevels()
        for movement in movements { try StockLedger.apply(movement, to: &levels) }
        return levels
    }
}

/// The single place that decides whether a stock movement may be booked.
public enum StockLedger {
    public enum Refusal: Error, Hashable, Sendable, CustomStringConvertible {
        case nonPositiveQuantity(sku: SKU, quantity: Int)
        case transitionNotAllowed(sku: SKU, reason: MovementReason, from: StockState?, to: StockState?)
        case wouldGoNegative(sku: SKU, state: StockState, has: Int, moving: Int)

        public var description: String {
            switch self {
            case .nonPositiveQuantity(let sku, let quantity):
                "Stock movement for \(sku): quantity must be positive, not \(quantity)"
            case .transitionNotAllowed(let sku, let reason, let from, let to):
                "Stock movement for \(sku): \(reason.rawValue) cannot move stock from \(from?.rawValue ?? "outside") to \(to?.rawValue ?? "outside")"
            case .wouldGoNegative(let sku, let state, let has, let moving):
                "Stock movement for \(sku): cannot take \(moving) from \(state.rawValue), which holds only \(has)"
            }
        }
    }

    /// Books one movement, or leaves `levels` untouched and says why not.
    public static func apply(_ movement: StockMovement, to levels: inout StockLevels) throws(Refusal) {
        let sku = movement.sku
        guard movement.quantity > 0 else { throw .nonPositiveQuantity(sku: sku, quantity: movement.quantity) }
        guard movement.reason.allows(from: movement.from, to: movement.to) else {
            throw .transitionNotAllowed(sku: sku, reason: movement.reason, from: movement.from, to: movement.to)
        }
        if let from = movement.from {
            let has = levels[sku, from]
            guard has >= movement.quantity else {
                throw .wouldGoNegative(sku: sku, state: from, has: has, moving: movement.quantity)
            }
            levels.add(-movement.quantity, sku, from)
        }
        if let to = movement.to { levels.add(movement.quantity, sku, to) }
    }
}
