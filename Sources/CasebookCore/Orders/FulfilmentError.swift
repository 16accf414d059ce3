import Foundation

/// A mistake the warehouse made on an order line, recorded so the same mistake can be found and stopped.
public struct FulfilmentError: Hashable, Codable, Sendable {
    public enum Kind: String, Hashable, Codable, Sendable, CaseIterable { case wrongItem, damaged, missing }

    public static let rootCauseLimit = 500

    public var kind: Kind
    public var orderLineID: Int
    /// The packing station or process step where it happened.
    public var station: String
    /// Who packed it, when known; for coaching, never shown to the customer.
    public var packerID: Int?
    /// How it happened ("bins for pink and rose swapped"); the report groups by this.
    public var rootCause: String
    public var recordedByID: Int
    public var at: Int64

    public init(kind: Kind, orderLineID: Int, station: String, packerID: Int? = nil, rootCause: String,
                recordedByID: Int, at: Int64) {
        self.kind = kind
        self.orderLineID = orderLineID
        self.station = station
        self.packerID = packerID
        self.rootCause = rootCause
        self.recordedByID = recordedByID
        self.at = at
    }

    public func validate() throws(FieldErrors) {
        var errors = FieldErrors()
        if station.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            errors.add("station", error: "BlankValue", "Station: cannot be blank; say where line \(orderLineID) was packed")
        }
        let cause = rootCause.trimmingCharacters(in: .whitespacesAndNewlines)
        if cause.isEmpty {
            errors.add("root_cause", error: "BlankValue", "Root cause: cannot be blank; say how the \(kind.rawValue) on line \(orderLineID) happened")
        } else if cause.count > Self.rootCauseLimit {
            errors.add("root_cause", error: "TooLong", "Root cause: is too long (at most \(Self.rootCauseLimit) characters)")
        }
        if orderLineID <= 0 { errors.add("order_line_id", error: "InvalidValue", "Order line: \(orderLineID) is not an order line") }
        try errors.throwIfAny()
    }
}

/// Error counts and rates, so a station or a cause that keeps repeating stands out.
public enum FulfilmentErrorReport {
    public struct StationRate: Hashable, Sendable {
        public var station: String
        public var kind: FulfilmentError.Kind
        public var count: Int
        public var shippedLines: Int
        /// Errors per shipped line; `nil` when the station's shipped lines are unknown, rather than a made-up zero.
        public var rate: Double?
    }

    public struct CauseCount: Hashable, Sendable {
        public var rootCause: String
        public var kind: FulfilmentError.Kind
        public var count: Int
        /// Share of all errors of this kind.
        public var share: Double
    }

    /// Per station and kind, in station then kind order.
    public static func rates(errors: [FulfilmentError], shippedLinesByStation: [String: Int]) -> [StationRate] {
        let counts = errors.reduce(into: [String: [FulfilmentError.Kind: Int]]()) { $0[$1.station, default: [:]][$1.kind, default: 0] += 1 }
        return counts.keys.sorted().flatMap { station in
            FulfilmentError.Kind.allCases.compactMap { kind -> StationRate? in
                guard let count = counts[station]?[kind] else { return nil }
                let shipped = shippedLinesByStation[station] ?? 0
                return StationRate(station: station, kind: kind, count: count, shippedLines: shipped,
                                   rate: shipped > 0 ? Double(count) / Double(shipped) : nil)
            }
        }
    }

    /// Per root cause and kind, most frequent first. Causes are compared trimmed and case-insensitively, so
    /// "Swapped bins" and "swapped bins " count as one; the first spelling seen is shown.
    public static func byRootCause(errors: [FulfilmentError]) -> [CauseCount] {
        var counts: [String: (shown: String, byKind: [FulfilmentError.Kind: Int])] = [:]
        for error in errors {
            let shown = error.rootCause.trimmingCharacters(in: .whitespacesAndNewlines)
            counts[shown.lowercased(), default: (shown, [:])].byKind[error.kind, default: 0] += 1
        }
        let totals = errors.reduce(into: [FulfilmentError.Kind: Int]()) { $0[$1.kind, default: 0] += 1 }
        return counts.flatMap { key, value in
            value.byKind.map { kind, count in
                CauseCount(rootCause: value.shown, kind: kind, count: count, share: Double(count) / Double(totals[kind]!))
            }
        }.sorted { ($1.count, $0.rootCause.lowercased(), $0.kind.rawValue) < ($0.count, $1.rootCause.lowercased(), $1.kind.rawValue) }
    }
}

/// Whether an expedited replacement (for a wrong or damaged item) may take stock now.
public enum ReplacementDecision: Hashable, Sendable {
    case reserveNow
    /// The stock is there but backordered customers are waiting for it; a lead must decide to jump them.
    case needsLeadApproval(reason: String)
    case outOfStock

    /// Our mistake should not wait behind the queue, but taking units that queued customers are owed is a
    /// decision someone senior owns: free stock goes at once, contested stock needs a lead or above.
    public static func check(stockAvailable: Int, quantity: Int, queueAhead: Int, approverRole: Role?)
        throws(FieldErrors) -> ReplacementDecision {
        var errors = FieldErrors()
        if quantity <= 0 { errors.add("quantity", error: "InvalidValue", "Replacement: quantity must be positive, not \(quantity)") }
        if stockAvailable < 0 || queueAhead < 0 {
            errors.add("stock", error: "InvalidValue", "Replacement: stock (\(stockAvailable)) and queue (\(queueAhead)) cannot be negative")
        }
        try errors.throwIfAny()
        if quantity > stockAvailable { return .outOfStock }
        if stockAvailable - queueAhead >= quantity { return .reserveNow }
        if let approverRole, approverRole.allows(.approveExceptions) { return .reserveNow }
        let owed = quantity - max(stockAvailable - queueAhead, 0)
        return .needsLeadApproval(reason: "Replacement: \(owed) of the \(quantity) units are owed to backordered customers "
            + "waiting for \(queueAhead); a lead must approve sending them first")
    }
}
