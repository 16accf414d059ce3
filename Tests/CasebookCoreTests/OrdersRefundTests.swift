import Testing
import CasebookCore

@Suite("Refunds, approvals and fulfilment errors")
struct OrdersRefundTests {
    let order = RefundableOrder(orderID: 1, currency: "EUR",
                                lines: [10: .init(unitPriceMinor: 2_000, quantity: 3, refundedQuantity: 1),
                                        11: .init(unitPriceMinor: 500, quantity: 1)],
                                shippingMinor: 495, refundedMinor: 2_000)

    func request(_ kind: RefundRequest.Kind, _ minor: Int, currency: String = "EUR") -> RefundRequest {
        RefundRequest(orderID: 1, kind: kind, reason: .backorderCancelled, amount: Money(minor: minor, currency: currency))
    }

    @Test("refundable: what is left after earlier refunds, positive, in the order's currency")
    func amountLimits() throws {
        #expect(order.remainingMinor == 4_995)
        try request(.full, 4_995).validate(against: order)
        try request(.amount(100), 100).validate(against: order)
        try request(.shipping, 495).validate(against: order)
        try request(.lines([10: 2]), 4_000).validate(against: order)
        #expect(throws: FieldErrors(field: "amount", error: "TooLarge", "Refund: 5000 is more than the 4995 still refundable on order 1")) {
            try request(.amount(5_000), 5_000).validate(against: order)
        }
        #expect(throws: FieldErrors.self) { try request(.amount(0), 0).validate(against: order) }
        #expect(throws: FieldErrors.self) { try request(.full, 100).validate(against: order) }
        #expect(throws: FieldErrors.self) { try request(.amount(100), 100, currency: "USD").validate(against: order) }
        #expect(throws: FieldErrors.self) { try request(.lines([10: 3]), 100).validate(against: order) }
        #expect(throws: FieldErrors.self) { try request(.lines([99: 1]), 100).validate(against: order) }
        #expect(throws: FieldErrors.self) { try request(.shipping, 496).validate(against: order) }
    }

    @Test("default limits: agent 50.00, lead 500.00, manager unlimited", arguments: [
        (5_000, Role.agent, ApprovalPolicy.Decision.allowed),
        (5_001, .agent, .needsApproval(by: .lead)),
        (50_001, .agent, .needsApproval(by: .manager)),
        (50_000, .lead, .allowed),
        (50_001, .lead, .needsApproval(by: .manager)),
        (10_000_000, .manager, .allowed),
        (1, .endUser, .needsApproval(by: .agent)),
        (10_000_000, .admin, .allowed),
    ])
    func defaultLimits(amount: Int, role: Role, expected: ApprovalPolicy.Decision) {
        #expect(ApprovalPolicy.decide(amountMinor: amount, role: role) == expected)
    }

    @Test("limits are configurable; above a capped manager only an admin approves")
    func configuredLimits() {
        let limits = ApprovalLimits(agent: 0, lead: 1_000, manager: 20_000)
        #expect(ApprovalPolicy.decide(amountMinor: 1, role: .agent, limits: limits) == .needsApproval(by: .lead))
        #expect(ApprovalPolicy.decide(amountMinor: 20_001, role: .lead, limits: limits) == .needsApproval(by: .admin))
    }

    @Test("a fulfilment error needs a station and a root cause")
    func fulfilmentErrorValidation() {
        let blank = FulfilmentError(kind: .damaged, orderLineID: 3, station: " ", rootCause: "", recordedByID: 1, at: 0)
        #expect {
            try blank.validate()
        } throws: { error in
            (error as? FieldErrors)?.details.keys.sorted() == ["root_cause", "station"]
        }
    }

    @Test("rates per station and kind, counts per root cause")
    func reports() {
        func error(_ kind: FulfilmentError.Kind, _ station: String, _ cause: String) -> FulfilmentError {
            FulfilmentError(kind: kind, orderLineID: 1, station: station, rootCause: cause, recordedByID: 1, at: 0)
        }
        let errors = [error(.wrongItem, "Pack-2", "Bins swapped"), error(.wrongItem, "Pack-2", " bins swapped"),
                      error(.damaged, "Pack-1", "No bubble wrap"), error(.wrongItem, "Pack-9", "Label misprinted")]
        let rates = FulfilmentErrorReport.rates(errors: errors, shippedLinesByStation: ["Pack-1": 100, "Pack-2": 50])
        #expect(rates.map { "\($0.station) \($0.kind) \($0.count) \($0.rate.map { "\($0)" } ?? "unknown")" }
            == ["Pack-1 damaged 1 0.01", "Pack-2 wrongItem 2 0.04", "Pack-9 wrongItem 1 unknown"])
        let causes = FulfilmentErrorReport.byRootCause(errors: errors)
        #expect(causes.map { "\($0.rootCause) \($0.kind) \($0.count)" }
            == ["Bins swapped wrongItem 2", "Label misprinted wrongItem 1", "No bubble wrap damaged 1"])
        #expect(causes.first.map { abs($0.share - 2.0 / 3) < 1e-9 } == true)
    }

    @Test("replacement: free stock at once, stock owed to the queue with a lead, none when there is none")
    func replacementDecision() throws {
        #expect(try ReplacementDecision.check(stockAvailable: 10, quantity: 2, queueAhead: 8, approverRole: nil) == .reserveNow)
        #expect(try ReplacementDecision.check(stockAvailable: 10, quantity: 2, queueAhead: 9, approverRole: .agent)
            == .needsLeadApproval(reason: "Replacement: 1 of the 2 units are owed to backordered customers waiting for 9; a lead must approve sending them first"))
        #expect(try ReplacementDecision.check(stockAvailable: 10, quantity: 2, queueAhead: 9, approverRole: .manager) == .reserveNow)
        #expect(try ReplacementDecision.check(stockAvailable: 1, quantity: 2, queueAhead: 0, approverRole: .admin) == .outOfStock)
        #expect(throws: FieldErrors.self) { try ReplacementDecision.check(stockAvailable: 1, quantity: 0, queueAhead: 0, approverRole: nil) }
    }
}
