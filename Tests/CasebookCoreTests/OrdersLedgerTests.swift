import Testing
import CasebookCore

@Suite("Stock ledger and receipts")
struct OrdersLedgerTests {
    func move(_ quantity: Int, _ from: StockState?, _ to: StockState?, _ reason: MovementReason, sku: SKU = Tags.pink)
        -> StockMovement {
        StockMovement(sku: sku, quantity: quantity, from: from, to: to, reason: reason, actorID: 1, at: 0, reference: "test")
    }

    @Test("a unit's life: received, reserved, shipped, returned")
    func lifecycle() throws {
        let levels = try StockLevels.rebuild(from: [
            move(5, nil, .available, .receipt), move(2, nil, .quarantined, .receipt),
            move(3, .available, .reserved, .allocation), move(1, .reserved, .available, .allocationCancelled),
            move(2, .reserved, .shipped, .shipment), move(1, .available, .quarantined, .defectFound),
            move(1, nil, .available, .returnRestock), move(3, .quarantined, nil, .returnedToSupplier),
        ])
        #expect(StockState.allCases.map { levels[Tags.pink, $0] } == [3, 0, 0, 2])
    }

    @Test("a move that would make a state negative is refused, naming SKU, state and counts")
    func neverNegative() throws {
        var levels = try StockLevels.rebuild(from: [move(2, nil, .available, .receipt)])
        let before = levels
        #expect(throws: StockLedger.Refusal.wouldGoNegative(sku: Tags.pink, state: .available, has: 2, moving: 3)) {
            try StockLedger.apply(move(3, .available, .reserved, .allocation), to: &levels)
        }
        #expect(levels == before)
        #expect(StockLedger.Refusal.wouldGoNegative(sku: Tags.pink, state: .available, has: 2, moving: 3).description
            == "Stock movement for TAG-PINK: cannot take 3 from available, which holds only 2")
    }

    @Test("each reason allows only its own transitions, and quantities are positive")
    func reasonsAndQuantities() {
        var levels = StockLevels()
        #expect(throws: StockLedger.Refusal.transitionNotAllowed(sku: Tags.pink, reason: .receipt, from: nil, to: .reserved)) {
            try StockLedger.apply(move(1, nil, .reserved, .receipt), to: &levels)
        }
        #expect(throws: StockLedger.Refusal.transitionNotAllowed(sku: Tags.pink, reason: .returnRestock, from: .quarantined, to: .available)) {
            try StockLedger.apply(move(1, .quarantined, .available, .returnRestock), to: &levels)
        }
        #expect(throws: StockLedger.Refusal.nonPositiveQuantity(sku: Tags.pink, quantity: 0)) {
            try StockLedger.apply(move(0, nil, .available, .receipt), to: &levels)
        }
    }

    @Test("inspections must account for every received unit")
    func inspectionValidation() {
        let receipt = StockReceipt(id: 5, lines: [ReceiptLine(sku: Tags.pink, expected: 10, received: 10),
                                                  ReceiptLine(sku: Tags.blue, expected: 4, received: 4)])
        #expect {
            try receipt.book([Inspection(sku: Tags.pink, good: 6, defective: 3, reason: "dead")], by: 1, at: 0)
        } throws: { error in
            let text = (error as? FieldErrors)?.description ?? ""
            return text.contains("TAG-PINK good 6 + defective 3 must equal received 10")
                && text.contains("TAG-BLUE received 4 but was not inspected")
        }
        #expect(throws: FieldErrors.self) {
            try receipt.book([Inspection(sku: Tags.pink, good: 7, defective: 3), Inspection(sku: Tags.blue, good: 4, defective: 0)],
                             by: 1, at: 0)
        }
        #expect(throws: FieldErrors.self) {
            try receipt.book([Inspection(sku: Tags.pink, good: 12, defective: -2, reason: "x"),
                              Inspection(sku: Tags.blue, good: 4, defective: 0)], by: 1, at: 0)
        }
    }

    @Test("good units become available, defective ones quarantined and claimed")
    func bookingProducesMovementsAndClaims() throws {
        let receipt = StockReceipt(id: 5, lines: [ReceiptLine(sku: Tags.pink, expected: 10, received: 10)])
        let booking = try receipt.book([Inspection(sku: Tags.pink, good: 7, defective: 3, reason: "dead LED")], by: 4, at: 9)
        #expect(booking.movements == [
            StockMovement(sku: Tags.pink, quantity: 7, from: nil, to: .available, reason: .receipt, actorID: 4, at: 9, reference: "receipt 5"),
            StockMovement(sku: Tags.pink, quantity: 3, from: nil, to: .quarantined, reason: .receipt, actorID: 4, at: 9, reference: "receipt 5"),
        ])
        #expect(booking.claims == [SupplierClaim(kind: .defective, sku: Tags.pink, quantity: 3, reason: "dead LED")])
    }

    @Test("a bundle's components may not share SKUs")
    func bundleValidation() throws {
        try Tags.pack3.validate()
        try Tags.kit.validate()
        let overlapping = ProductBundle(sku: "BAD", components: [.units(Tags.pink, quantity: 1), .anyOf([Tags.pink, Tags.blue], quantity: 2)])
        #expect(throws: FieldErrors(field: "components", error: "InvalidValue", "Bundle BAD: component 2 shares TAG-PINK with an earlier component")) {
            try overlapping.validate()
        }
    }

    @Test("a delivery in two steps: arrived units wait in quarantine; the inspection releases the good ones and claims the rest")
    func arriveThenInspect() throws {
        let receipt = StockReceipt(id: 7, lines: [ReceiptLine(sku: Tags.pink, expected: 10, received: 6),
                                                  ReceiptLine(sku: Tags.blue, expected: 2, received: 2)])
        let arrived = try receipt.arrive(by: 1, at: 0)
        #expect(arrived.claims == [SupplierClaim(kind: .shortDelivery, sku: Tags.pink, quantity: 4, reason: "expected 10, received 6")])
        var levels = try StockLevels.rebuild(from: arrived.movements)
        #expect(levels[Tags.pink, .quarantined] == 6 && levels[Tags.pink, .available] == 0 && levels[Tags.blue, .quarantined] == 2)
        // The inspection's counts are checked as on arrival.
        #expect(throws: FieldErrors.self) {
            try receipt.inspect([Inspection(sku: Tags.pink, good: 5, defective: 0), Inspection(sku: Tags.blue, good: 2, defective: 0)], by: 1, at: 1)
        }
        let inspected = try receipt.inspect([Inspection(sku: Tags.pink, good: 3, defective: 3, reason: "cracked"),
                                             Inspection(sku: Tags.blue, good: 2, defective: 0)], by: 1, at: 1)
        #expect(inspected.claims == [SupplierClaim(kind: .defective, sku: Tags.pink, quantity: 3, reason: "cracked")])
        for movement in inspected.movements { try StockLedger.apply(movement, to: &levels) }
        #expect(levels[Tags.pink, .available] == 3 && levels[Tags.pink, .quarantined] == 3)
        #expect(levels[Tags.blue, .available] == 2 && levels[Tags.blue, .quarantined] == 0)
        #expect(inspected.movements.allSatisfy { $0.reason == .inspectionPassed && $0.from == .quarantined })
        #expect(throws: FieldErrors.self) { try StockReceipt(id: 8, lines: [ReceiptLine(sku: Tags.pink, expected: -1, received: 0)]).arrive(by: 1, at: 0) }
    }
}
