import Foundation

/// What the supplier's delivery note promised and what was counted off the pallet.
public struct ReceiptLine: Hashable, Codable, Sendable {
    public var sku: SKU
    public var expected: Int
    public var received: Int
    public init(sku: SKU, expected: Int, received: Int) {
        self.sku = sku
        self.expected = expected
        self.received = received
    }
}

/// The result of checking the received units of one SKU. Only good units become available to the queue.
public struct Inspection: Hashable, Codable, Sendable {
    public var sku: SKU
    public var good: Int
    public var defective: Int
    /// What was wrong with the defective units; it goes on the supplier claim.
    public var reason: String
    public init(sku: SKU, good: Int, defective: Int, reason: String = "") {
        self.sku = sku
        self.good = good
        self.defective = defective
        self.reason = reason
    }
}

/// What the supplier owes us: units that were defective, or promised and not delivered.
public struct SupplierClaim: Hashable, Codable, Sendable {
    public enum Kind: String, Hashable, Codable, Sendable { case defective, shortDelivery }
    public var kind: Kind
    public var sku: SKU
    public var quantity: Int
    public var reason: String
    public init(kind: Kind, sku: SKU, quantity: Int, reason: String) {
        self.kind = kind
        self.sku = sku
        self.quantity = quantity
        self.reason = reason
    }
}

/// A delivery from a supplier, booked once every line has been inspected.
public struct StockReceipt: Hashable, Codable, Sendable, Identifiable {
    public var id: Int
    public var lines: [ReceiptLine]
    public init(id: Int, lines: [ReceiptLine]) {
        self.id = id
        self.lines = lines
    }

    /// What booking a receipt produces: ledger movements (good → available, defective → quarantined) and claims.
    public struct Booking: Hashable, Sendable {
        public var movements: [StockMovement]
        public var claims: [SupplierClaim]
    }

    /// Checks the counts and turns them into movements and claims. Every received unit must be inspected, so no
    /// untested unit reaches a customer, and every defect needs a reason the supplier can act on.
    public func book(_ inspections: [Inspection], by actorID: Int, at: Int64) throws(FieldErrors) -> Booking {
        var errors = FieldErrors()
        let bySKU = Dictionary(inspections.map { ($0.sku, $0) }, uniquingKeysWith: { first, _ in first })
        if bySKU.count != inspections.count {
            errors.add("inspections", error: "InvalidValue", "Receipt \(id): each SKU may be inspected only once")
        }
        let lineSKUs = Set(lines.map(\.sku))
        if lineSKUs.count != lines.count {
            errors.add("lines", error: "InvalidValue", "Receipt \(id): each SKU may appear on only one line")
        }
        for stray in bySKU.keys.sorted() where !lineSKUs.contains(stray) {
            errors.add("inspections", error: "InvalidValue", "Receipt \(id): \(stray) was inspected but is not on the receipt")
        }
        var booking = Booking(movements: [], claims: [])
        for line in lines {
            guard counted(line, errors: &errors, claims: &booking.claims), line.received > 0 else { continue }
            guard let inspection = bySKU[line.sku] else {
                errors.add("inspections", error: "BlankValue", "Receipt \(id): \(line.sku) received \(line.received) but was not inspected")
                continue
            }
            if inspection.good < 0 || inspection.defective < 0 {
                errors.add("inspections", error: "InvalidValue",
                           "Receipt \(id): \(line.sku) good (\(inspection.good)) and defective (\(inspection.defective)) cannot be negative")
                continue
            }
            if inspection.good + inspection.defective != line.received {
                errors.add("inspections", error: "InvalidValue",
                           "Receipt \(id): \(line.sku) good \(inspection.good) + defective \(inspection.defective) must equal received \(line.received)")
                continue
            }
            let reason = inspection.reason.trimmingCharacters(in: .whitespacesAndNewlines)
            if inspection.defective > 0, reason.isEmpty {
                errors.add("inspections", error: "BlankValue", "Receipt \(id): say what is wrong with the \(inspection.defective) defective \(line.sku)")
                continue
            }
            let reference = "receipt \(id)"
            for (quantity, state) in [(inspection.good, StockState.available), (inspection.defective, .quarantined)]
            where quantity > 0 {
                booking.movements.append(StockMovement(sku: line.sku, quantity: quantity, from: nil, to: state,
                                                       reason: .receipt, actorID: actorID, at: at, reference: reference))
            }
            if inspection.defective > 0 {
                booking.claims.append(SupplierClaim(kind: .defective, sku: line.sku, quantity: inspection.defective, reason: reason))
            }
        }
        try errors.throwIfAny()
        return booking
    }

    // MARK: In two steps: the delivery arrives, then it is inspected

    /// Step one: the delivery arrives. Every received unit waits in quarantine until it is inspected; a short
    /// delivery is claimed at once.
    public func arrive(by actorID: Int, at: Int64) throws(FieldErrors) -> Booking {
        var errors = FieldErrors()
        if Set(lines.map(\.sku)).count != lines.count {
            errors.add("lines", error: "InvalidValue", "Receipt \(id): each SKU may appear on only one line")
        }
        var booking = Booking(movements: [], claims: [])
        for line in lines {
            guard counted(line, errors: &errors, claims: &booking.claims) else { continue }
            if line.received > 0 {
                booking.movements.append(StockMovement(sku: line.sku, quantity: line.received, from: nil, to: .quarantined,
                                                       reason: .receipt, actorID: actorID, at: at, reference: "receipt \(id) (awaiting inspection)"))
            }
        }
        try errors.throwIfAny()
        return booking
    }

    /// Step two: the inspection of an arrived delivery releases the good units to available stock; the defective
    /// ones stay in quarantine with a claim. The same checks as a receipt inspected on arrival.
    public func inspect(_ inspections: [Inspection], by actorID: Int, at: Int64) throws(FieldErrors) -> Booking {
        let checked = try book(inspections, by: actorID, at: at)
        let good = checked.movements.filter { $0.to == .available }.map {
            StockMovement(sku: $0.sku, quantity: $0.quantity, from: .quarantined, to: .available, reason: .inspectionPassed,
                          actorID: actorID, at: at, reference: "receipt \(id)")
        }
        return Booking(movements: good, claims: checked.claims.filter { $0.kind == .defective })
    }

    /// Checks a line's counts (false when they are negative) and claims a short delivery.
    private func counted(_ line: ReceiptLine, errors: inout FieldErrors, claims: inout [SupplierClaim]) -> Bool {
        if line.expected < 0 || line.received < 0 {
            errors.add("lines", error: "InvalidValue",
                       "Receipt \(id): \(line.sku) counts cannot be negative (expected \(line.expected), received \(line.received))")
            return false
        }
        if line.expected > line.received {
            claims.append(SupplierClaim(kind: .shortDelivery, sku: line.sku, quantity: line.expected - line.received,
                                        reason: "expected \(line.expected), received \(line.received)"))
        }
        return true
    }
}
