import Testing
import CasebookCore

@Suite("Allocator")
struct OrdersAllocatorTests {
    @Test("stock goes to the oldest orders first, whatever order the entries arrive in")
    func firstComeFirstServed() {
        let entries = [entry(4, Tags.pink), entry(2, Tags.pink), entry(1, Tags.pink), entry(3, Tags.pink)]
        let plan = Allocator.plan(stock: [Tags.pink: 3], entries: entries)
        #expect(plan.allocations.map(\.entryID) == [1, 2, 3])
        #expect(plan.skippedIDs == [4])
        #expect(plan.skipped.first?.reason == .insufficientStock(needed: 1, fillable: 0))
        #expect(plan.remainingStock[Tags.pink] == 0)
    }

    @Test("a customer waiting for pink never gets blue")
    func noSubstituteWithoutConsent() {
        let plan = Allocator.plan(stock: [Tags.blue: 5], entries: [entry(1, Tags.pink)], variantsByProduct: Tags.variants)
        #expect(plan.allocations.isEmpty)
        #expect(plan.skippedIDs == [1])
    }

    @Test("consent names the substitutes: only those are sent, exact SKU first")
    func substitutesFromConsent() {
        let entries = [entry(1, Tags.pink, 3, .acceptSubstitutes(.skus([Tags.blue])))]
        let plan = Allocator.plan(stock: [Tags.pink: 1, Tags.blue: 1, Tags.green: 9], entries: entries,
                                  variantsByProduct: Tags.variants)
        #expect(plan.allocations.isEmpty, "green was not agreed, so 2 of 3 is all that could go")
        let more = Allocator.plan(stock: [Tags.pink: 1, Tags.blue: 2, Tags.green: 9], entries: entries,
                                  variantsByProduct: Tags.variants)
        #expect(more.allocations.first?.lines == [AllocationLine(sku: Tags.pink, quantity: 1), AllocationLine(sku: Tags.blue, quantity: 2)])
        #expect(more.allocations.first?.usedSubstitute == true)
    }

    @Test("any colour takes the colour with the most stock; equal stock goes to the first SKU by code")
    func anyVariantChoosesDeterministically() {
        let any = entry(1, Tags.pink, 2, .acceptSubstitutes(.anyVariantOfProduct))
        let most = Allocator.plan(stock: [Tags.blue: 2, Tags.green: 4, Tags.dock: 9], entries: [any],
                                  variantsByProduct: Tags.variants)
        #expect(most.shipped[1] == [Tags.green: 2])
        let tie = Allocator.plan(stock: [Tags.white: 3, Tags.green: 3, Tags.blue: 3], entries: [any],
                                 variantsByProduct: Tags.variants)
        #expect(tie.shipped[1] == [Tags.blue: 2])
    }

    @Test("a consent nobody captured counts as waiting")
    func unrecordedConsentIsIgnored() {
        var unrecorded = entry(1, Tags.pink, 2, .acceptSubstitutes(.anyVariantOfProduct), partial: true)
        unrecorded.consent.capturedByID = nil
        var refund = entry(2, Tags.pink, 1, .cancelAndRefund)
        refund.consent.capturedByID = nil
        let plan = Allocator.plan(stock: [Tags.pink: 1, Tags.blue: 9], entries: [unrecorded, refund],
                                  variantsByProduct: Tags.variants)
        #expect(plan.skippedIDs == [1])
        #expect(plan.shipped == [2: [Tags.pink: 1]])
        #expect(plan.refunds.isEmpty)
    }

    @Test("all or nothing unless the customer allowed part of the line")
    func partialOnlyWithConsent() {
        let whole = Allocator.plan(stock: [Tags.pink: 2], entries: [entry(1, Tags.pink, 3), entry(2, Tags.pink, 2)])
        #expect(whole.skipped == [SkippedEntry(entryID: 1, reason: .insufficientStock(needed: 3, fillable: 2))])
        #expect(whole.shipped == [2: [Tags.pink: 2]], "the entry that cannot be filled blocks nobody")

        let part = Allocator.plan(stock: [Tags.pink: 2], entries: [entry(1, Tags.pink, 3, partial: true), entry(2, Tags.pink, 2)])
        #expect(part.shipped == [1: [Tags.pink: 2]])
        #expect(part.allocations.first?.isPartial == true && part.allocations.first?.units == 2)
        #expect(part.skippedIDs == [2])
    }

    @Test("a multipack goes out whole, any mix of colours")
    func multipackNeedsAllUnits() {
        let short = Allocator.plan(stock: [Tags.pink: 1, Tags.blue: 1], entries: [entry(1, Tags.pack3.sku)],
                                   bundles: Tags.bundles)
        #expect(short.skipped == [SkippedEntry(entryID: 1, reason: .insufficientStock(needed: 1, fillable: 0))])
        let plan = Allocator.plan(stock: [Tags.pink: 1, Tags.blue: 1, Tags.green: 1], entries: [entry(1, Tags.pack3.sku)],
                                  bundles: Tags.bundles)
        #expect(plan.shipped == [1: [Tags.pink: 1, Tags.blue: 1, Tags.green: 1]])
        #expect(plan.allocations.first?.usedSubstitute == false)
    }

    @Test("two multipacks with stock for one: one pack if partial was agreed, none otherwise")
    func partialMultipack() {
        let stock: [SKU: Int] = [Tags.pink: 4, Tags.dock: 1]
        #expect(Allocator.plan(stock: stock, entries: [entry(1, Tags.pack3.sku, 2)], bundles: Tags.bundles).allocations.isEmpty)
        let plan = Allocator.plan(stock: stock, entries: [entry(1, Tags.pack3.sku, 2, partial: true)], bundles: Tags.bundles)
        #expect(plan.shipped == [1: [Tags.pink: 3]])
        #expect(plan.allocations.first?.units == 1)
        let kit = Allocator.plan(stock: stock, entries: [entry(2, Tags.kit.sku)], bundles: Tags.bundles)
        #expect(kit.shipped == [2: [Tags.dock: 1, Tags.pink: 1]])
    }

    @Test("an order placed now takes whole units or nothing: a plain SKU without substitutes, a pack from its components")
    func wholeUnitsForAnOrderBeingPlaced() {
        let stock: [SKU: Int] = [Tags.pink: 2, Tags.blue: 2, Tags.dock: 1]
        #expect(Allocator.whole(Tags.pink, units: 2, bundle: nil, stock: stock) == [AllocationLine(sku: Tags.pink, quantity: 2)])
        #expect(Allocator.whole(Tags.pink, units: 3, bundle: nil, stock: stock) == nil, "never a blue one in place of pink")
        #expect(Allocator.whole(Tags.pack3.sku, units: 1, bundle: Tags.pack3, stock: stock)?.reduce(0) { $0 + $1.quantity } == 3)
        #expect(Allocator.whole(Tags.pack3.sku, units: 2, bundle: Tags.pack3, stock: stock) == nil, "four tags make one pack, not two")
        #expect(Allocator.whole(Tags.kit.sku, units: 1, bundle: Tags.kit, stock: stock)
                == [AllocationLine(sku: Tags.dock, quantity: 1), AllocationLine(sku: Tags.blue, quantity: 1)])
        #expect(Allocator.whole(Tags.pink, units: 0, bundle: nil, stock: stock) == nil)
    }

    @Test("even a bundle whose components share SKUs (which validation refuses) is never sent short")
    func overlappingBundleStaysSafe() {
        let bad = ProductBundle(sku: "BAD", components: [.units(Tags.pink, quantity: 1), .anyOf([Tags.pink, Tags.blue], quantity: 2)])
        let plan = Allocator.plan(stock: [Tags.pink: 2], entries: [entry(1, "BAD")], bundles: [bad])
        #expect(plan.skippedIDs == [1])
        #expect(Allocator.plan(stock: [Tags.pink: 3], entries: [entry(1, "BAD")], bundles: [bad]).shipped == [1: [Tags.pink: 3]])
    }

    @Test("queues of several SKUs interleave by position: an earlier any-colour order takes blue before a later blue order")
    func interleavedSKUs() {
        let entries = [
            entry(1, Tags.blue, 1, at: 1_000),
            entry(2, Tags.pink, 2, at: 2_000, .acceptSubstitutes(.anyVariantOfProduct)),
            entry(3, Tags.blue, 1, at: 3_000),
            entry(4, Tags.pack3.sku, 1, at: 4_000),
            entry(5, Tags.green, 1, at: 5_000),
        ]
        let plan = Allocator.plan(stock: [Tags.pink: 1, Tags.blue: 2, Tags.green: 1], entries: entries,
                                  variantsByProduct: Tags.variants, bundles: Tags.bundles)
        // Entry 2: its one pink, then blue and green tie at 1 each, and blue comes first by code.
        #expect(plan.shipped == [1: [Tags.blue: 1], 2: [Tags.pink: 1, Tags.blue: 1], 5: [Tags.green: 1]])
        // The pack cannot be made from one green tag, so it does not hold back the green order behind it.
        #expect(plan.skippedIDs == [3, 4])
    }

    @Test("equal positions fall back to creation time, then id")
    func ties() {
        let entries = [
            entry(9, Tags.pink, at: 500, position: 100),
            entry(3, Tags.pink, at: 700, position: 100),
            entry(4, Tags.pink, at: 500, position: 100),
            entry(1, Tags.pink, at: 100, position: 200),
        ]
        let plan = Allocator.plan(stock: [Tags.pink: 2], entries: entries)
        #expect(plan.allocations.map(\.entryID) == [4, 9])
        #expect(plan.skippedIDs == [3, 1])
        #expect(Allocator.plan(stock: [Tags.pink: 2], entries: entries.reversed()) == plan)
    }

    @Test("customers who chose a refund are listed to refund and never get stock")
    func cancelAndRefund() {
        let entries = [entry(1, Tags.pink, 1, .cancelAndRefund), entry(2, Tags.pink), entry(3, Tags.blue, 1, .cancelAndRefund)]
        let plan = Allocator.plan(stock: [Tags.pink: 5, Tags.blue: 5], entries: entries)
        #expect(plan.refunds == [1, 3])
        #expect(plan.shipped == [2: [Tags.pink: 1]])
        #expect(plan.remainingStock == [Tags.pink: 4, Tags.blue: 5])
    }

    @Test("the preview lists every entry in queue order, and the reservations book cleanly")
    func previewAndReservations() throws {
        let entries = [entry(1, Tags.pink, 2, partial: true), entry(2, Tags.pink), entry(3, Tags.pink, 1, .cancelAndRefund)]
        let plan = Allocator.plan(stock: [Tags.pink: 1], entries: entries)
        #expect(plan.preview == """
            Allocation: 1 to ship (1 partial, 0 with substitutes), 1 waiting, 1 to refund
            1. entry 1 order 5001 customer 101, 2 × TAG-PINK: ship 1 × TAG-PINK (partial)
            2. entry 2 order 5002 customer 102, 1 × TAG-PINK: waits, needs 1, none can be sent
            3. entry 3 order 5003 customer 103, 1 × TAG-PINK: refund, the customer cancelled
            Left in stock: nothing
            """)
        var levels = try StockLevels.rebuild(from: [
            StockMovement(sku: Tags.pink, quantity: 1, from: nil, to: .available, reason: .receipt, actorID: 1, at: 0, reference: "receipt 1"),
        ])
        for movement in plan.reservations(entries: entries, actorID: 1, at: 10) { try StockLedger.apply(movement, to: &levels) }
        #expect(levels[Tags.pink, .available] == 0 && levels[Tags.pink, .reserved] == 1)
    }
}
