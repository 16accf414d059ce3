import Testing
@testable import CasebookCore

@Test("expected dates: stock on hand first, then deliveries by arrival; beyond what is announced, no date")
func delayForecast() {
    let incoming = [IncomingStock(at: 2_000, units: 5), IncomingStock(at: 1_000, units: 3), IncomingStock(at: 3_000, units: 0)]
    #expect(DelayForecast.expectedDates(quantities: [1, 1, 2, 1, 3, 1], incoming: incoming)
        == [1_000, 1_000, 2_000, 2_000, 2_000, nil], "8 units announced: the sixth customer's unit would be the ninth")
    // Two units on hand cover the first two customers now; the third waits for the delivery.
    let onHand = DelayForecast.expectedDates(quantities: [1, 1, 4], incoming: [IncomingStock(at: 500, units: 4)], available: 2, now: 100)
    #expect(onHand == [100, 100, 500])
    #expect(DelayForecast.expectedDates(quantities: [2], incoming: []).first == .some(nil))
}

@Test("a bundle's expected dates count whole bundles from its components' stock and deliveries")
func bundleForecast() {
    let black: SKU = "BT-BLACK", white: SKU = "BT-WHITE", dock: SKU = "DOCK"
    // A kit: a dock and two tags of either colour.
    let kit = ProductBundle(sku: "KIT", components: [.units(dock, quantity: 1), .anyOf([black, white], quantity: 2)])
    let supply = DelayForecast.bundleSupply(kit, available: [dock: 1, black: 3], incoming: [
        dock: [IncomingStock(at: 2_000, units: 2), IncomingStock(at: 4_000, units: 5)],
        black: [IncomingStock(at: 3_000, units: 1)],
        white: [IncomingStock(at: 3_000, units: 2), IncomingStock(at: 1_000, units: 0)],
    ])
    // Now: one kit (one dock). Day 2000: three docks but three tags, still one kit. Day 3000: six tags, three kits.
    // Day 4000: more docks, but the tags limit it to three.
    #expect(supply.available == 1)
    #expect(supply.incoming == [IncomingStock(at: 3_000, units: 2)])
    #expect(DelayForecast.expectedDates(quantities: [1, 1, 1, 1], incoming: supply.incoming, available: supply.available, now: 10)
        == [10, 3_000, 3_000, nil])
}

@Test("incentives: what the customer reads, what is refused, and codes nobody can guess")
func incentives() throws {
    #expect(Incentive.storeCredit(Money(minor: 1000, currency: "EUR")).text == "store credit of 10.00 EUR")
    #expect(Incentive.discountCode(code: "SORRY15", description: "15 % off").text == "the discount code SORRY15 (15 % off)")
    #expect(throws: FieldErrors.self) { try Incentive.storeCredit(Money(minor: 0, currency: "EUR")).validate() }
    #expect(throws: FieldErrors.self) { try Incentive.storeCredit(Money(minor: 100, currency: "EURO")).validate() }
    #expect(throws: FieldErrors.self) { try Incentive.discountCode(code: "no spaces", description: "").validate() }
    try Incentive.discountCode(code: "SORRY-15_X", description: "").validate()
    var generator = SystemRandomNumberGenerator()
    let codes = (0..<200).map { _ in Incentive.newCode(using: &generator) }
    #expect(Set(codes).count == codes.count)
    for code in codes {
        #expect(code.count == 12 && code.hasPrefix("CB-"))
        #expect(!code.contains("0") && !code.contains("O") && !code.contains("1") && !code.contains("I") && !code.contains("L"))
    }
}
