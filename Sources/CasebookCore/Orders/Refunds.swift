/// Why money goes back; reported on, so it is a closed list.
public enum RefundReason: String, Hashable, Codable, Sendable, CaseIterable {
    case wrongItem, damaged, missing, late, backorderCancelled, goodwill, other
}

/// What an order can still give back: what was paid and what has been refunded already.
public struct RefundableOrder: Hashable, Sendable {
    public struct Line: Hashable, Sendable {
        public var unitPriceMinor: Int
        public var quantity: Int
        public var refundedQuantity: Int
        public init(unitPriceMinor: Int, quantity: Int, refundedQuantity: Int = 0) {
            self.unitPriceMinor = unitPriceMinor
            self.quantity = quantity
            self.refundedQuantity = refundedQuantity
        }
    }

    public var orderID: Int
    public var currency: String
    public var lines: [Int: Line]
    public var shippingMinor: Int
    public var shippingRefunded: Bool
    /// Every refund so far, of any kind, in minor units.
    public var refundedMinor: Int

    public init(orderID: Int, currency: String, lines: [Int: Line], shippingMinor: Int, shippingRefunded: Bool = false,
                refundedMinor: Int = 0) {
        self.orderID = orderID
        self.currency = currency
        self.lines = lines
        self.shippingMinor = shippingMinor
        self.shippingRefunded = shippingRefunded
        self.refundedMinor = refundedMinor
    }

    public var paidMinor: Int { lines.values.reduce(shippingMinor) { $0 + $1.unitPriceMinor * $1.quantity } }
    /// The ceiling for any further refund: a customer is never refunded more than they paid.
    public var remainingMinor: Int { max(paidMinor - refundedMinor, 0) }
}

/// A refund someone wants to give.
public struct RefundRequest: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// Everything still refundable.
        case full
        /// Units of order lines, by line id.
        case lines([Int: Int])
        /// A sum not tied to units, e.g. a goodwill credit for a late parcel.
        case amount(Int)
        case shipping
    }

    public var orderID: Int
    public var kind: Kind
    public var reason: RefundReason
    public var amount: Money

    public init(orderID: Int, kind: Kind, reason: RefundReason, amount: Money) {
        self.orderID = orderID
        self.kind = kind
        self.reason = reason
        self.amount = amount
    }

    /// Checks the request against what the order can still give back.
    public func validate(against order: RefundableOrder) throws(FieldErrors) {
        var errors = FieldErrors()
        let minor = amount.minor
        if orderID != order.orderID {
            errors.add("order_id", error: "InvalidValue", "Refund: is for order \(orderID), not order \(order.orderID)")
        }
        if amount.currency != order.currency {
            errors.add("amount", error: "InvalidValue", "Refund: order \(order.orderID) was paid in \(order.currency), not \(amount.currency)")
        }
        if minor <= 0 {
            errors.add("amount", error: "InvalidValue", "Refund: amount must be positive, not \(minor)")
        } else if minor > order.remainingMinor {
            errors.add("amount", error: "TooLarge",
                       "Refund: \(minor) is more than the \(order.remainingMinor) still refundable on order \(order.orderID)")
        }
        switch kind {
        case .full:
            if minor != order.remainingMinor {
                errors.add("amount", error: "InvalidValue", "Refund: a full refund of order \(order.orderID) is \(order.remainingMinor), not \(minor)")
            }
        case .amount(let stated):
            if stated != minor {
                errors.add("amount", error: "InvalidValue", "Refund: stated amount \(stated) differs from \(minor)")
            }
        case .shipping:
            if order.shippingRefunded {
                errors.add("kind", error: "InvalidValue", "Refund: shipping on order \(order.orderID) was already refunded")
            } else if minor > order.shippingMinor {
                errors.add("amount", error: "TooLarge", "Refund: shipping on order \(order.orderID) was \(order.shippingMinor), not \(minor)")
            }
        case .lines(let units):
            if units.isEmpty { errors.add("lines", error: "BlankValue", "Refund: choose at least one line") }
            var value = 0
            for (lineID, quantity) in units.sorted(by: { $0.key < $1.key }) {
                guard let line = order.lines[lineID] else {
                    errors.add("lines", error: "InvalidValue", "Refund: line \(lineID) is not on order \(order.orderID)")
                    continue
                }
                let left = line.quantity - line.refundedQuantity
                if quantity <= 0 || quantity > left {
                    errors.add("lines", error: "InvalidValue", "Refund: line \(lineID) has \(left) refundable units, cannot refund \(quantity)")
                }
                value += line.unitPriceMinor * max(quantity, 0)
            }
            if minor > value {
                errors.add("amount", error: "TooLarge", "Refund: \(minor) is more than the \(value) those units cost")
            }
        }
        try errors.throwIfAny()
    }
}

/// How much each role may refund on their own, in minor units of the shop's currency; `nil` is unlimited.
/// End-users may approve nothing and admins are always unlimited, so every amount has someone who can approve it.
public struct ApprovalLimits: Hashable, Codable, Sendable {
    public var agent: Int?
    public var lead: Int?
    public var manager: Int?

    public init(agent: Int? = 5_000, lead: Int? = 50_000, manager: Int? = nil) {
        self.agent = agent
        self.lead = lead
        self.manager = manager
    }

    public static let standard = ApprovalLimits()

    public func limit(for role: Role) -> Int? {
        switch role {
        case .endUser: 0
        case .agent: agent
        case .lead: lead
        case .manager: manager
        case .admin: nil
        }
    }
}

/// The single place that decides who may give money back.
public enum ApprovalPolicy {
    public enum Decision: Hashable, Sendable {
        case allowed
        /// The least senior role whose limit covers the amount.
        case needsApproval(by: Role)
    }

    public static func decide(amountMinor: Int, role: Role, limits: ApprovalLimits = .standard) -> Decision {
        if covers(limits.limit(for: role), amountMinor) { return .allowed }
        let approver = Role.allCases.filter { $0.rank > role.rank }.sorted { $0.rank < $1.rank }
            .first { covers(limits.limit(for: $0), amountMinor) }
        return .needsApproval(by: approver ?? .admin)
    }

    private static func covers(_ limit: Int?, _ amount: Int) -> Bool { limit.map { amount <= $0 } ?? true }
}
