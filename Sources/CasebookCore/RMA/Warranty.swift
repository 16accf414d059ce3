import Foundation

/// A product's warranty: how long it lasts, what it covers, and the caveats agents weigh (e.g. "replacement requires
/// completed troubleshooting").
public struct WarrantyTerms: Sendable, Equatable, Codable {
    public var months: Int
    public var coverage: String
    public var caveats: [String]
    /// Days a customer has to send a faulty unit back after an advance replacement ships.
    public var returnDays: Int

    public init(months: Int, coverage: String = "", caveats: [String] = [], returnDays: Int = 14) {
        self.months = months
        self.coverage = coverage
        self.caveats = caveats
        self.returnDays = returnDays
    }

    public func validate() throws(FieldErrors) {
        var errors = FieldErrors()
        if months < 0 || months > 1200 { errors.add("months", error: "InvalidValue", "Months: between 0 and 1200, not \(months)") }
        if returnDays < 1 || returnDays > 365 {
            errors.add("return_days", error: "InvalidValue", "Return days: between 1 and 365, not \(returnDays)")
        }
        try errors.throwIfAny()
    }
}

/// Whether an asset is covered on a given day.
public enum WarrantyStatus: Sendable, Equatable {
    case inWarranty(expiresAt: Int64)
    case expired(at: Int64)
    /// No purchase date or no terms for the product: an agent has to find out.
    case unknown

    /// The warranty runs `months` calendar months (UTC) from the purchase instant (epoch milliseconds).
    public static func of(purchasedAt: Int64?, terms: WarrantyTerms?, now: Int64) -> WarrantyStatus {
        guard let purchasedAt, let terms else { return .unknown }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let start = Date(timeIntervalSince1970: Double(purchasedAt) / 1000)
        guard let end = calendar.date(byAdding: .month, value: terms.months, to: start) else { return .unknown }
        let expires = Int64((end.timeIntervalSince1970 * 1000).rounded())
        return now < expires ? .inWarranty(expiresAt: expires) : .expired(at: expires)
    }

    public var isCovered: Bool { if case .inWarranty = self { true } else { false } }

    public var key: String {
        switch self {
        case .inWarranty: "in_warranty"
        case .expired: "expired"
        case .unknown: "unknown"
        }
    }

    public var expiresAt: Int64? {
        switch self {
        case .inWarranty(let at), .expired(let at): at
        case .unknown: nil
        }
    }
}

/// What an asset is doing now.
public enum AssetStatus: String, Codable, Sendable, CaseIterable {
    case inService = "in_service"
    case replaced, returned, scrapped
}
