/// A stock-keeping unit: the code on the shelf label, the thing stock is counted in.
/// A wrapper rather than a bare `String`, so a SKU can't be passed where an order number or a name is expected.
public struct SKU: RawRepresentable, Hashable, Comparable, Codable, Sendable, ExpressibleByStringLiteral,
    CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    /// Ordered by code, so every tie among SKUs is broken the same way on every machine.
    public static func < (lhs: SKU, rhs: SKU) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { rawValue }
}

/// An amount of money in integer minor units (cents), never a floating-point number, so sums and refunds are exact.
public struct Money: Hashable, Codable, Sendable, CustomStringConvertible {
    public var minor: Int
    /// ISO 4217 code such as "EUR"; amounts in different currencies are never added up.
    public var currency: String
    public init(minor: Int, currency: String) {
        self.minor = minor
        self.currency = currency
    }
    public var description: String { "\(minor) \(currency) minor units" }

    /// Digits after the decimal point in `currency` (ISO 4217): most have 2, a few none or 3.
    public static func decimals(for currency: String) -> Int {
        switch currency.uppercased() {
        case "JPY", "KRW", "ISK", "CLP", "VND", "UGX", "XAF", "XOF", "PYG": 0
        case "BHD", "KWD", "OMR", "JOD", "TND", "LYD", "IQD": 3
        default: 2
        }
    }

    /// "12.50 EUR", "1200 JPY", "-3.000 KWD": for people, in the timeline and on pages.
    public var text: String {
        let places = Self.decimals(for: currency)
        let magnitude = minor.magnitude
        guard places > 0 else { return "\(minor) \(currency)" }
        var unit: UInt = 1
        for _ in 0..<places { unit *= 10 }
        let fraction = String(magnitude % unit)
        return (minor < 0 ? "-" : "") + "\(magnitude / unit)." + String(repeating: "0", count: places - fraction.count) + fraction + " \(currency)"
    }
}

/// One sellable variant of a product, such as the pink BeamTag. Variants of one product are the natural
/// substitutes for each other when a customer says "any colour".
public struct ProductVariant: Hashable, Codable, Sendable, Identifiable {
    public var sku: SKU
    public var productID: Int
    public var name: String
    /// What sets this variant apart, e.g. `["colour": "pink"]`.
    public var options: [String: String]
    public var price: Money
    public var id: SKU { sku }

    public init(sku: SKU, productID: Int, name: String, options: [String: String] = [:], price: Money) {
        self.sku = sku
        self.productID = productID
        self.name = name
        self.options = options
        self.price = price
    }
}

/// One part of a bundle: a fixed variant, or units the warehouse may pick from a set ("3 BeamTags, any colour").
public enum BundleComponent: Hashable, Codable, Sendable {
    case units(SKU, quantity: Int)
    case anyOf(Set<SKU>, quantity: Int)

    public var quantity: Int {
        switch self {
        case .units(_, let quantity), .anyOf(_, let quantity): quantity
        }
    }

    /// The SKUs whose stock may fill this component.
    public var choices: Set<SKU> {
        switch self {
        case .units(let sku, _): [sku]
        case .anyOf(let skus, _): skus
        }
    }
}

/// A SKU sold as a set of other SKUs. Named `ProductBundle`, not `Bundle`, so code that also imports Foundation
/// (whose `Bundle` is the app bundle) needs no module prefix.
public struct ProductBundle: Hashable, Codable, Sendable, Identifiable {
    public var sku: SKU
    public var components: [BundleComponent]
    public var id: SKU { sku }

    public init(sku: SKU, components: [BundleComponent]) {
        self.sku = sku
        self.components = components
    }

    /// How many whole bundles the stock makes (components never share SKUs, so each counts on its own).
    public func buildable(from stock: [SKU: Int]) -> Int {
        components.map { c in c.quantity > 0 ? c.choices.reduce(0) { $0 + max(stock[$1] ?? 0, 0) } / c.quantity : 0 }.min() ?? 0
    }

    /// "3 × BT-BLACK + 1 of BT-PINK or BT-BLUE", for people.
    public var summary: String {
        components.map { c in
            switch c {
            case .units(let sku, let quantity): "\(quantity) × \(sku)"
            case .anyOf(let skus, let quantity): "\(quantity) of \(skus.sorted().map(\.rawValue).joined(separator: " or "))"
            }
        }.joined(separator: " + ")
    }

    /// Components must not share SKUs: then each component can be filled on its own, and "can this bundle be
    /// filled" is a simple count rather than a matching problem the warehouse would get wrong by hand too.
    public func validate() throws(FieldErrors) {
        var errors = FieldErrors()
        if components.isEmpty {
            errors.add("components", error: "BlankValue", "Bundle \(sku): needs at least one component")
        }
        var seen: Set<SKU> = []
        for (index, component) in components.enumerated() {
            if component.quantity <= 0 {
                errors.add("components", error: "InvalidValue",
                           "Bundle \(sku): component \(index + 1) must have a positive quantity, not \(component.quantity)")
            }
            if component.choices.isEmpty {
                errors.add("components", error: "BlankValue", "Bundle \(sku): component \(index + 1) names no SKU")
            }
            if component.choices.contains(sku) {
                errors.add("components", error: "InvalidValue", "Bundle \(sku): cannot contain itself")
            }
            let shared = seen.intersection(component.choices)
            if !shared.isEmpty {
                errors.add("components", error: "InvalidValue",
                           "Bundle \(sku): component \(index + 1) shares \(shared.sorted().map(\.rawValue).joined(separator: ", ")) with an earlier component")
            }
            seen.formUnion(component.choices)
        }
        try errors.throwIfAny()
    }
}
