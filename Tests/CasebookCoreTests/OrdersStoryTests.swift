import Testing
import CasebookCore

/// The stories the order features were built for, end to end in miniature.
@Suite("Order stories")
struct OrdersStoryTests {
    @Test("before Christmas: a short, half-defective delivery goes out in queue order, as each customer chose")
    func preChristmasBackorders() throws {
        // setup: the supplier sends 20 of 40 pink and 8 of 20 blue, and half of what came is defective
        let receipt = StockReceipt(id: 77, lines: [
            ReceiptLine(sku: Tags.pink, expected: 40, received: 20),
            ReceiptLine(sku: Tags.blue, expected: 20, received: 8),
        ])
        let booking = try receipt.book([
            Inspection(sku: Tags.pink, good: 10, defective: 10, reason: "LED does not light"),
            Inspection(sku: Tags.blue, good: 4, defective: 4, reason: "cracked case"),
        ], by: agentID, at: 10)
        #expect(booking.claims == [
            SupplierClaim(kind: .shortDelivery, sku: Tags.pink, quantity: 20, reason: "expected 40, received 20"),
            SupplierClaim(kind: .defective, sku: Tags.pink, quantity: 10, reason: "LED does not light"),
            SupplierClaim(kind: .shortDelivery, sku: Tags.blue, quantity: 12, reason: "expected 20, received 8"),
            SupplierClaim(kind: .defective, sku: Tags.blue, quantity: 4, reason: "cracked case"),
        ])
        var levels = try StockLevels.rebuild(from: booking.movements)
        #expect(levels.available == [Tags.pink: 10, Tags.blue: 4])
        #expect(levels[Tags.pink, .quarantined] == 10)

        // 30 backorders: 24 pink, 6 blue, with the answers customers gave
        var entries = (1...24).map { id -> BackorderEntry in
            switch id {
            case 3, 9, 15: entry(id, Tags.pink, 1, .cancelAndRefund)
            case 7: entry(id, Tags.pink, 4, partial: true)
            case 12: entry(id, Tags.pink, 2)
            case 22: entry(id, Tags.pink, 2, .acceptSubstitutes(.anyVariantOfProduct))   // "any colour, send them now"
            default: entry(id, Tags.pink)
            }
        }
        entries += (25...30).map { entry($0, Tags.blue, $0 == 26 ? 2 : 1) }
        let unmoved = Allocator.plan(stock: levels.available, entries: entries, variantsByProduct: Tags.variants)
        #expect(unmoved.shipped[2] != nil, "customer 2 would have been served without the lead's move")

        // act: the lead moves the abusive customer (entry 2) to the bottom and bumps 20, 21 and 23 to the top
        var pink = BackorderQueue(sku: Tags.pink, entries: entries)
        _ = try pink.moveToBottom(2, reason: "Abusive to staff on three calls; serve after everyone else", by: lead, at: 20)
        _ = try pink.moveToTop(20, reason: "Birthday gift, order placed in November", by: lead, at: 21)
        _ = try pink.move(21, to: 1, reason: "Second order after a lost parcel", by: lead, at: 22)
        let last = try pink.move(23, to: 2, reason: "Charity raffle prize", by: lead, at: 23)
        #expect(last.record == QueueMoveRecord(entryID: 23, fromIndex: 21, toIndex: 2, reason: "Charity raffle prize", actorID: 7, at: 23))
        #expect(pink.entries.prefix(4).map(\.id) == [20, 21, 23, 1])
        #expect(pink.entries.last?.id == 2)
        entries = pink.entries + entries.filter { $0.sku == Tags.blue }
        let plan = Allocator.plan(stock: levels.available, entries: entries, variantsByProduct: Tags.variants)

        // check: exactly who gets what
        #expect(plan.allocations.map(\.entryID) == [20, 21, 23, 1, 4, 5, 6, 7, 22, 25, 27])
        #expect(plan.shipped[7] == [Tags.pink: 3] && plan.allocations[7].isPartial)
        #expect(plan.shipped[22] == [Tags.blue: 2] && plan.allocations[8].usedSubstitute)
        #expect(plan.shipped[26] == nil, "two blue wanted, one left, no partial agreed: 27 behind takes the last one")
        #expect(plan.refunds == [3, 9, 15])
        #expect(plan.skippedIDs == [8, 10, 11, 12, 13, 14, 16, 17, 18, 19, 24, 2, 26, 28, 29, 30])
        #expect(plan.remainingStock == [Tags.pink: 0, Tags.blue: 0])

        for movement in plan.reservations(entries: entries, actorID: lead.id, at: 30) { try StockLedger.apply(movement, to: &levels) }
        #expect(levels[Tags.pink, .reserved] == 10 && levels[Tags.blue, .reserved] == 4)
    }

    @Test("a wrong item: refund, expedited replacement, and how it happened recorded")
    func wrongItem() throws {
        // setup: order 5001 paid 2 pink tags at 2,500 and 495 shipping; the packer sent blue
        let order = RefundableOrder(orderID: 5_001, currency: "EUR",
                                    lines: [50_001: .init(unitPriceMinor: 2_500, quantity: 2)], shippingMinor: 495)
        let mistake = FulfilmentError(kind: .wrongItem, orderLineID: 50_001, station: "Pack-2", packerID: 31,
                                      rootCause: "Pink and blue bins swapped after restock", recordedByID: agentID, at: 100)
        try mistake.validate()

        // act
        let refund = RefundRequest(orderID: 5_001, kind: .lines([50_001: 2]), reason: .wrongItem,
                                   amount: Money(minor: 5_000, currency: "EUR"))
        try refund.validate(against: order)
        let approval = ApprovalPolicy.decide(amountMinor: refund.amount.minor, role: .agent)
        let byAgent = try ReplacementDecision.check(stockAvailable: 3, quantity: 2, queueAhead: 5, approverRole: .agent)
        let byLead = try ReplacementDecision.check(stockAvailable: 3, quantity: 2, queueAhead: 5, approverRole: .lead)

        // check
        #expect(approval == .allowed)
        #expect(byAgent == .needsLeadApproval(reason: "Replacement: 2 of the 2 units are owed to backordered customers waiting for 5; a lead must approve sending them first"))
        #expect(byLead == .reserveNow)
        #expect(FulfilmentErrorReport.rates(errors: [mistake], shippedLinesByStation: ["Pack-2": 400]).first?.rate == 0.0025)
    }
}
