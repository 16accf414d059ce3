import Testing
@testable import CasebookCore

/// The error a throwing call ends with, or nil when it succeeds.
private func caught<E: Error>(_ body: () throws(E) -> Void) -> E? {
    do throws(E) {
        try body()
        return nil
    } catch {
        return error
    }
}

// MARK: - RMA lifecycle

@Suite("RMALifecycle")
struct RMALifecycleTests {
    struct Move: Hashable, Sendable {
        var kind: RMAKind
        var from: RMAStatus
        var event: RMAEvent
        init(_ kind: RMAKind, _ from: RMAStatus, _ event: RMAEvent) {
            self.kind = kind
            self.from = from
            self.event = event
        }
    }

    /// Where a move leads: the same status whatever the inspection found, or only for the listed outcomes
    /// (`nil` standing for "no outcome recorded").
    enum Leads: Hashable, Sendable {
        case always(RMAStatus)
        case onlyWhen([InspectionOutcome?: RMAStatus])
    }

    /// Every allowed move, written out from the paths in RMALifecycle's documentation. Anything not listed is refused.
    static let table: [Move: Leads] = [
        // Advance replacement: requested → approved → replacement shipped → faulty unit due → received → inspected → closed
        Move(.advanceReplacement, .requested, .approve): .always(.approved),
        Move(.advanceReplacement, .requested, .decline): .always(.declined),
        Move(.advanceReplacement, .requested, .cancel): .always(.cancelled),
        Move(.advanceReplacement, .approved, .cancel): .always(.cancelled),
        Move(.advanceReplacement, .approved, .shipReplacement): .always(.replacementShipped),
        Move(.advanceReplacement, .replacementShipped, .awaitUnit): .always(.unitDue),
        Move(.advanceReplacement, .unitDue, .receive): .always(.received),
        Move(.advanceReplacement, .received, .inspect): .always(.inspected),
        Move(.advanceReplacement, .inspected, .close): .always(.closed),

        // Replacement after return: requested → approved → unit due → received → inspected → replacement shipped → closed,
        // or inspected → closed when no replacement is owed (no confirmed fault).
        Move(.replacement, .requested, .approve): .always(.approved),
        Move(.replacement, .requested, .decline): .always(.declined),
        Move(.replacement, .requested, .cancel): .always(.cancelled),
        Move(.replacement, .approved, .cancel): .always(.cancelled),
        Move(.replacement, .approved, .awaitUnit): .always(.unitDue),
        Move(.replacement, .unitDue, .receive): .always(.received),
        Move(.replacement, .received, .inspect): .always(.inspected),
        Move(.replacement, .inspected, .shipReplacement): .onlyWhen([.faultConfirmed: .replacementShipped]),
        Move(.replacement, .inspected, .close): .onlyWhen([nil: .closed, .noFaultFound: .closed, .customerDamage: .closed]),
        Move(.replacement, .replacementShipped, .close): .always(.closed),

        // Repair: as replacement, the repaired unit going back whatever the inspection found.
        Move(.repair, .requested, .approve): .always(.approved),
        Move(.repair, .requested, .decline): .always(.declined),
        Move(.repair, .requested, .cancel): .always(.cancelled),
        Move(.repair, .approved, .cancel): .always(.cancelled),
        Move(.repair, .approved, .awaitUnit): .always(.unitDue),
        Move(.repair, .unitDue, .receive): .always(.received),
        Move(.repair, .received, .inspect): .always(.inspected),
        Move(.repair, .inspected, .shipReplacement): .always(.replacementShipped),
        Move(.repair, .replacementShipped, .close): .always(.closed),

        // Refund: requested → approved → unit due → received → inspected → closed
        Move(.refund, .requested, .approve): .always(.approved),
        Move(.refund, .requested, .decline): .always(.declined),
        Move(.refund, .requested, .cancel): .always(.cancelled),
        Move(.refund, .approved, .cancel): .always(.cancelled),
        Move(.refund, .approved, .awaitUnit): .always(.unitDue),
        Move(.refund, .unitDue, .receive): .always(.received),
        Move(.refund, .received, .inspect): .always(.inspected),
        Move(.refund, .inspected, .close): .always(.closed),
    ]

    /// No outcome yet, and each outcome an inspection can have.
    static let outcomes: [InspectionOutcome?] = [nil] + InspectionOutcome.allCases.map { Optional($0) }

    static func expected(_ kind: RMAKind, _ from: RMAStatus, _ event: RMAEvent, _ outcome: InspectionOutcome?) -> RMAStatus? {
        switch table[Move(kind, from, event)] {
        case .always(let to)?: return to
        case .onlyWhen(let byOutcome)?: return byOutcome[outcome]
        case nil: return nil
        }
    }

    static func attempt(_ kind: RMAKind, _ from: RMAStatus, _ event: RMAEvent,
                        _ outcome: InspectionOutcome?) -> Result<RMAStatus, RMALifecycle.Refusal> {
        do throws(RMALifecycle.Refusal) {
            return .success(try RMALifecycle.next(kind: kind, from: from, event: event, outcome: outcome))
        } catch {
            return .failure(error)
        }
    }

    /// Runs the events from `requested`, the inspection's outcome being known once the unit has been inspected.
    static func walk(_ kind: RMAKind, _ events: [RMAEvent], outcome: InspectionOutcome? = nil) throws -> [RMAStatus] {
        var status = RMAStatus.requested
        var found: InspectionOutcome? = nil
        var path = [status]
        for event in events {
            status = try RMALifecycle.next(kind: kind, from: status, event: event, outcome: found)
            if event == .inspect { found = outcome }
            path.append(status)
        }
        return path
    }

    @Test("Every kind, status, event and inspection outcome moves exactly as the table says, or is refused",
          arguments: RMAKind.allCases, RMAStatus.allCases)
    func everyTransition(kind: RMAKind, from: RMAStatus) {
        for event in RMAEvent.allCases {
            for outcome in Self.outcomes {
                let label = "\(kind.rawValue): \(from.rawValue) + \(event.rawValue), outcome \(outcome?.rawValue ?? "none")"
                let result = Self.attempt(kind, from, event, outcome)
                if let expected = Self.expected(kind, from, event, outcome) {
                    #expect(result == .success(expected), "\(label)")
                } else {
                    switch result {
                    case .success(let to):
                        Issue.record("\(label): expected a refusal, got \(to.rawValue)")
                    case .failure(let refusal):
                        #expect(refusal.kind == kind, "\(label)")
                        #expect(refusal.from == from, "\(label)")
                        #expect(refusal.event == event, "\(label)")
                    }
                }
            }
        }
    }

    @Test("allowed lists exactly the events next accepts", arguments: RMAKind.allCases, RMAStatus.allCases)
    func allowedAgreesWithNext(kind: RMAKind, from: RMAStatus) {
        for outcome in Self.outcomes {
            let accepted = RMAEvent.allCases.filter {
                (try? RMALifecycle.next(kind: kind, from: from, event: $0, outcome: outcome)) != nil
            }
            let listed = RMAEvent.allCases.filter { Self.expected(kind, from, $0, outcome) != nil }
            let label = "\(kind.rawValue) from \(from.rawValue), outcome \(outcome?.rawValue ?? "none")"
            #expect(RMALifecycle.allowed(kind: kind, from: from, outcome: outcome) == accepted, "\(label)")
            #expect(accepted == listed, "\(label)")
        }
    }

    @Test("Declined, cancelled and closed RMAs allow nothing", arguments: RMAKind.allCases)
    func finalStatusesAllowNothing(kind: RMAKind) {
        #expect(RMAStatus.allCases.filter(\.isFinal) == [.declined, .cancelled, .closed])
        for from in RMAStatus.allCases where from.isFinal {
            for outcome in Self.outcomes {
                #expect(RMALifecycle.allowed(kind: kind, from: from, outcome: outcome).isEmpty,
                        "\(kind.rawValue) from \(from.rawValue)")
                for event in RMAEvent.allCases {
                    #expect(throws: RMALifecycle.Refusal.self, "\(kind.rawValue): \(from.rawValue) + \(event.rawValue)") {
                        _ = try RMALifecycle.next(kind: kind, from: from, event: event, outcome: outcome)
                    }
                }
            }
        }
    }

    @Test("A refusal says which kind of RMA, in which status, could not do what")
    func refusalDescription() throws {
        let refusal = try #require(caught { () throws(RMALifecycle.Refusal) in
            _ = try RMALifecycle.next(kind: .advanceReplacement, from: .unitDue, event: .shipReplacement)
        })
        #expect(refusal.description == "An RMA (advance replacement) that is faulty unit due cannot ship replacement")

        for kind in RMAKind.allCases {
            for from in RMAStatus.allCases {
                for event in RMAEvent.allCases where Self.expected(kind, from, event, nil) == nil {
                    guard case .failure(let other) = Self.attempt(kind, from, event, nil) else {
                        Issue.record("\(kind.rawValue): \(from.rawValue) + \(event.rawValue) was not refused")
                        continue
                    }
                    #expect(other.description.contains(kind.words), "\(other.description)")
                    #expect(other.description.contains(from.words), "\(other.description)")
                }
            }
        }
    }

    @Test("Advance replacement: the replacement ships before the faulty unit comes back")
    func advanceReplacementPath() throws {
        let path = try Self.walk(.advanceReplacement,
                                 [.approve, .shipReplacement, .awaitUnit, .receive, .inspect, .close],
                                 outcome: .faultConfirmed)
        #expect(path == [.requested, .approved, .replacementShipped, .unitDue, .received, .inspected, .closed])
    }

    @Test("Replacement after return with a confirmed fault: the replacement ships after inspection, then it closes")
    func replacementWithFaultPath() throws {
        let path = try Self.walk(.replacement,
                                 [.approve, .awaitUnit, .receive, .inspect, .shipReplacement, .close],
                                 outcome: .faultConfirmed)
        #expect(path == [.requested, .approved, .unitDue, .received, .inspected, .replacementShipped, .closed])
        #expect(RMALifecycle.allowed(kind: .replacement, from: .inspected, outcome: .faultConfirmed) == [.shipReplacement])
    }

    @Test("Replacement after return with no fault found closes straight from inspected")
    func replacementWithoutFaultPath() throws {
        let path = try Self.walk(.replacement, [.approve, .awaitUnit, .receive, .inspect, .close], outcome: .noFaultFound)
        #expect(path == [.requested, .approved, .unitDue, .received, .inspected, .closed])
        #expect(RMALifecycle.allowed(kind: .replacement, from: .inspected, outcome: .noFaultFound) == [.close])
        #expect(throws: RMALifecycle.Refusal.self) {
            _ = try RMALifecycle.next(kind: .replacement, from: .inspected, event: .shipReplacement, outcome: .noFaultFound)
        }
    }

    @Test("Repair: the repaired unit goes back whatever the inspection found", arguments: InspectionOutcome.allCases)
    func repairPath(outcome: InspectionOutcome) throws {
        let path = try Self.walk(.repair, [.approve, .awaitUnit, .receive, .inspect, .shipReplacement, .close],
                                 outcome: outcome)
        #expect(path == [.requested, .approved, .unitDue, .received, .inspected, .replacementShipped, .closed])
    }

    @Test("Refund: closes after the returned unit is inspected")
    func refundPath() throws {
        let path = try Self.walk(.refund, [.approve, .awaitUnit, .receive, .inspect, .close], outcome: .customerDamage)
        #expect(path == [.requested, .approved, .unitDue, .received, .inspected, .closed])
    }
}

// MARK: - RMA obligation

@Suite("RMAObligation")
struct RMAObligationTests {
    @Test("The customer's obligation applies unless the fault was confirmed", arguments: [
        (InspectionOutcome.faultConfirmed, false), (.noFaultFound, true), (.customerDamage, true),
    ])
    func applies(outcome: InspectionOutcome, expected: Bool) {
        #expect(RMAObligation.applies(after: outcome) == expected)
    }
}

// MARK: - Troubleshooting checklist

@Suite("ChecklistPolicy")
struct ChecklistPolicyTests {
    static let powerCycle = ChecklistStep(key: "power_cycle", title: "Power-cycle the unit", requiredFor: [.advanceReplacement])
    static let firmware = ChecklistStep(key: "firmware", title: "Update the firmware", requiredFor: [.advanceReplacement])
    static let recovery = ChecklistStep(key: "recovery", title: "Boot into recovery", requiredFor: [.advanceReplacement])
    static let photos = ChecklistStep(key: "photos", title: "Photograph the serial label")
    static let steps = [powerCycle, firmware, photos, recovery]

    @Test("The steps are required for an advance replacement and nothing else")
    func requiredForAdvanceReplacementOnly() {
        #expect(ChecklistPolicy.check(kind: .advanceReplacement, steps: Self.steps, results: [:])
            == .incomplete(missing: [Self.powerCycle, Self.firmware, Self.recovery]))
        for kind in RMAKind.allCases where kind != .advanceReplacement {
            #expect(ChecklistPolicy.check(kind: kind, steps: Self.steps, results: [:]) == .allowed, "\(kind.rawValue)")
        }
    }

    @Test("Done and failed complete a step; not possible does not")
    func whatCompletesAStep() {
        #expect(StepResult.done.completes)
        #expect(StepResult.failed.completes)
        #expect(!StepResult.notPossible.completes)

        let carriedOut: [String: StepResult] = ["power_cycle": .done, "firmware": .failed, "recovery": .done]
        #expect(ChecklistPolicy.check(kind: .advanceReplacement, steps: Self.steps, results: carriedOut) == .allowed)

        let notPossible: [String: StepResult] = ["power_cycle": .done, "firmware": .notPossible, "recovery": .failed]
        #expect(ChecklistPolicy.check(kind: .advanceReplacement, steps: Self.steps, results: notPossible)
            == .incomplete(missing: [Self.firmware]))
    }

    @Test("Missing steps come back in checklist order")
    func missingInChecklistOrder() {
        let results: [String: StepResult] = ["firmware": .done, "recovery": .notPossible, "photos": .done]
        #expect(ChecklistPolicy.check(kind: .advanceReplacement, steps: Self.steps, results: results)
            == .incomplete(missing: [Self.powerCycle, Self.recovery]))
    }

    @Test("A kind with no required steps is allowed with no results")
    func noRequiredSteps() {
        for kind in [RMAKind.repair, .refund, .replacement] {
            #expect(ChecklistPolicy.check(kind: kind, steps: Self.steps, results: [:]) == .allowed, "\(kind.rawValue)")
        }
        #expect(ChecklistPolicy.check(kind: .advanceReplacement, steps: [], results: [:]) == .allowed)
        #expect(ChecklistPolicy.check(kind: .advanceReplacement, steps: [Self.photos], results: [:]) == .allowed)
    }

    @Test("Leads, managers and admins may override an incomplete checklist; agents and end-users may not", arguments: [
        (Role.endUser, false), (.agent, false), (.lead, true), (.manager, true), (.admin, true),
    ])
    func canOverride(role: Role, expected: Bool) {
        #expect(ChecklistPolicy.canOverride(role: role) == expected)
    }

    @Test("A well-formed checklist validates")
    func validChecklist() {
        let full = caught { () throws(FieldErrors) in try ChecklistPolicy.validate(Self.steps) }
        let empty = caught { () throws(FieldErrors) in try ChecklistPolicy.validate([]) }
        #expect(full == nil)
        #expect(empty == nil)
    }

    @Test("A checklist with a key used twice is refused")
    func duplicateKeys() throws {
        let steps = [Self.powerCycle, Self.firmware, ChecklistStep(key: "power_cycle", title: "Power-cycle again")]
        let errors = try #require(caught { () throws(FieldErrors) in try ChecklistPolicy.validate(steps) })
        #expect(errors.details == ["checklist": [
            .init(error: "InvalidValue", description: "Checklist: key \"power_cycle\" is used twice"),
        ]])
    }

    @Test("A checklist with a blank key is refused", arguments: ["", "   "])
    func blankKey(key: String) throws {
        let steps = [Self.powerCycle, ChecklistStep(key: key, title: "Reset to factory settings")]
        let errors = try #require(caught { () throws(FieldErrors) in try ChecklistPolicy.validate(steps) })
        #expect(errors.details == ["checklist": [
            .init(error: "InvalidValue", description: "Checklist: step 2 needs a key of 1 to 64 characters"),
        ]])
    }

    @Test("A checklist with a blank title is refused", arguments: ["", "  "])
    func blankTitle(title: String) throws {
        let steps = [ChecklistStep(key: "reset", title: title), Self.firmware]
        let errors = try #require(caught { () throws(FieldErrors) in try ChecklistPolicy.validate(steps) })
        #expect(errors.details == ["checklist": [
            .init(error: "BlankValue", description: "Checklist: step 1 needs a title"),
        ]])
    }
}

// MARK: - Approval rules

@Suite("RMAApprovalPolicy")
struct RMAApprovalPolicyTests {
    @Test("An agent approves a repair of any value in warranty", arguments: [0, 1, 25_001, 1_000_000])
    func repairInWarranty(value: Int) {
        #expect(RMAApprovalPolicy.decide(kind: .repair, valueMinor: value, inWarranty: true, role: .agent) == .allowed)
    }

    @Test("An advance replacement up to 250.00 is an agent's; above that it needs a lead")
    func advanceReplacementLimit() {
        #expect(RMAApprovalPolicy.decide(kind: .advanceReplacement, valueMinor: 25_000, inWarranty: true, role: .agent)
            == .allowed)
        #expect(RMAApprovalPolicy.decide(kind: .advanceReplacement, valueMinor: 25_001, inWarranty: true, role: .agent)
            == .needsApproval(by: .lead))
        #expect(RMAApprovalPolicy.decide(kind: .advanceReplacement, valueMinor: 25_001, inWarranty: true, role: .lead)
            == .allowed)
    }

    @Test("A refund above 500.00 needs a lead")
    func refundLimit() {
        #expect(RMAApprovalPolicy.decide(kind: .refund, valueMinor: 50_000, inWarranty: true, role: .agent) == .allowed)
        #expect(RMAApprovalPolicy.decide(kind: .refund, valueMinor: 60_000, inWarranty: true, role: .agent)
            == .needsApproval(by: .lead))
        #expect(RMAApprovalPolicy.decide(kind: .refund, valueMinor: 60_000, inWarranty: true, role: .lead) == .allowed)
    }

    @Test("Out of warranty, anything needs a manager", arguments: RMAKind.allCases)
    func outOfWarranty(kind: RMAKind) {
        for value in [0, 100, 1_000_000] {
            #expect(RMAApprovalRules.standard.approver(kind: kind, valueMinor: value, inWarranty: false) == .manager)
            for role in [Role.endUser, .agent, .lead] {
                #expect(RMAApprovalPolicy.decide(kind: kind, valueMinor: value, inWarranty: false, role: role)
                    == .needsApproval(by: .manager), "\(kind.rawValue), \(value), \(role.rawValue)")
            }
            for role in [Role.manager, .admin] {
                #expect(RMAApprovalPolicy.decide(kind: kind, valueMinor: value, inWarranty: false, role: role) == .allowed,
                        "\(kind.rawValue), \(value), \(role.rawValue)")
            }
        }
    }

    @Test("A kind with no tiers, or a value above every tier, needs an admin")
    func noTierNeedsAdmin() {
        let rules = RMAApprovalRules(
            tiers: [
                .repair: [.init(upToMinor: nil, role: .agent)],
                .replacement: [.init(upToMinor: 10_000, role: .agent)],
            ],
            outOfWarranty: .manager)
        for inWarranty in [true, false] {
            #expect(rules.approver(kind: .refund, valueMinor: 1, inWarranty: inWarranty) == .admin)
            #expect(rules.approver(kind: .advanceReplacement, valueMinor: 1, inWarranty: inWarranty) == .admin)
            #expect(rules.approver(kind: .replacement, valueMinor: 10_001, inWarranty: inWarranty) == .admin)
            #expect(RMAApprovalPolicy.decide(kind: .refund, valueMinor: 1, inWarranty: inWarranty, role: .manager,
                                             rules: rules) == .needsApproval(by: .admin))
            #expect(RMAApprovalPolicy.decide(kind: .refund, valueMinor: 1, inWarranty: inWarranty, role: .admin,
                                             rules: rules) == .allowed)
        }
        #expect(RMAApprovalPolicy.decide(kind: .replacement, valueMinor: 10_000, inWarranty: true, role: .agent,
                                         rules: rules) == .allowed)
    }

    @Test("The standard rules validate")
    func standardValidates() {
        #expect(caught(RMAApprovalRules.standard.validate) == nil)
    }

    @Test("Rules letting an end-user approve are refused")
    func endUserTierRefused() throws {
        let rules = RMAApprovalRules(tiers: [.refund: [.init(upToMinor: nil, role: .endUser)]], outOfWarranty: .manager)
        let errors = try #require(caught(rules.validate))
        #expect(errors.details == ["tiers": [
            .init(error: "InvalidValue", description: "Tiers: refund cannot be approved by an end-user"),
        ]])
    }

    @Test("Rules with a negative limit are refused")
    func negativeLimitRefused() throws {
        let rules = RMAApprovalRules(tiers: [.repair: [.init(upToMinor: -1, role: .agent)]], outOfWarranty: .manager)
        let errors = try #require(caught(rules.validate))
        #expect(errors.details == ["tiers": [
            .init(error: "InvalidValue", description: "Tiers: repair has a negative limit -1"),
        ]])
    }
}

// MARK: - Warranty

@Suite("Warranty")
struct WarrantyTests {
    static let purchased: Int64 = 1_706_659_200_000  // 2024-01-31T00:00:00Z
    static let dec31_2025: Int64 = 1_767_139_200_000  // 2025-12-31T00:00:00Z
    static let jan31_2026: Int64 = 1_769_817_600_000  // 2026-01-31T00:00:00Z: 24 calendar months on
    static let feb1_2026: Int64 = 1_769_904_000_000  // 2026-02-01T00:00:00Z
    static let terms = WarrantyTerms(months: 24)

    @Test("Covered before 24 calendar months have passed")
    func covered() {
        let status = WarrantyStatus.of(purchasedAt: Self.purchased, terms: Self.terms, now: Self.dec31_2025)
        #expect(status == .inWarranty(expiresAt: Self.jan31_2026))
        #expect(status.isCovered)
        #expect(status.key == "in_warranty")
        #expect(status.expiresAt == Self.jan31_2026)
    }

    @Test("Expired once 24 calendar months have passed")
    func expired() {
        let status = WarrantyStatus.of(purchasedAt: Self.purchased, terms: Self.terms, now: Self.feb1_2026)
        #expect(status == .expired(at: Self.jan31_2026))
        #expect(!status.isCovered)
        #expect(status.key == "expired")
        #expect(status.expiresAt == Self.jan31_2026)
    }

    @Test("The warranty ends exactly at the expiry instant")
    func boundary() {
        #expect(WarrantyStatus.of(purchasedAt: Self.purchased, terms: Self.terms, now: Self.jan31_2026 - 1)
            == .inWarranty(expiresAt: Self.jan31_2026))
        #expect(WarrantyStatus.of(purchasedAt: Self.purchased, terms: Self.terms, now: Self.jan31_2026)
            == .expired(at: Self.jan31_2026))
    }

    @Test("Without a purchase date or terms the status is unknown")
    func unknown() {
        let statuses = [
            WarrantyStatus.of(purchasedAt: nil, terms: Self.terms, now: Self.dec31_2025),
            WarrantyStatus.of(purchasedAt: Self.purchased, terms: nil, now: Self.dec31_2025),
            WarrantyStatus.of(purchasedAt: nil, terms: nil, now: Self.dec31_2025),
        ]
        for status in statuses {
            #expect(status == .unknown)
            #expect(!status.isCovered)
            #expect(status.key == "unknown")
            #expect(status.expiresAt == nil)
        }
    }

    @Test("Terms validate: 0 months and 1 return day are fine")
    func validTerms() {
        #expect(caught(WarrantyTerms(months: 24).validate) == nil)
        #expect(caught(WarrantyTerms(months: 0, returnDays: 1).validate) == nil)
    }

    @Test("Terms with negative months are refused")
    func negativeMonths() throws {
        let errors = try #require(caught(WarrantyTerms(months: -1).validate))
        #expect(Set(errors.details.keys) == ["months"])
        #expect(errors.details["months"]?.map(\.error) == ["InvalidValue"])
    }

    @Test("Terms with zero return days are refused")
    func zeroReturnDays() throws {
        let errors = try #require(caught(WarrantyTerms(months: 24, returnDays: 0).validate))
        #expect(Set(errors.details.keys) == ["return_days"])
        #expect(errors.details["return_days"]?.map(\.error) == ["InvalidValue"])
    }
}

// MARK: - Case notes

@Suite("CaseNotes")
struct CaseNotesTests {
    static let owedSince: Int64 = 1_767_139_200_000

    @Test("Solving or closing an open ticket is a solve")
    func solve() {
        #expect(CaseNotes.change(fromStatus: .open, toStatus: .solved, fromAssignee: 1, toAssignee: 1) == .solve)
        #expect(CaseNotes.change(fromStatus: .open, toStatus: .closed, fromAssignee: 1, toAssignee: 1) == .solve)
    }

    @Test("Keeping a solved ticket solved is no change")
    func solvedStaysSolved() {
        #expect(CaseNotes.change(fromStatus: .solved, toStatus: .solved, fromAssignee: 1, toAssignee: 1) == nil)
    }

    @Test("Moving a ticket from one agent to another is a handover; a first assignment or the same agent is not")
    func handover() {
        #expect(CaseNotes.change(fromStatus: .open, toStatus: .open, fromAssignee: 1, toAssignee: 2)
            == .handover(fromAgentID: 1, toAgentID: 2))
        #expect(CaseNotes.change(fromStatus: .open, toStatus: .open, fromAssignee: nil, toAssignee: 2) == nil)
        #expect(CaseNotes.change(fromStatus: .open, toStatus: .open, fromAssignee: 2, toAssignee: 2) == nil)
    }

    @Test("While notes are owed, a solve or handover without an internal note is refused",
          arguments: [CaseNotes.Change.solve, .handover(fromAgentID: 1, toAgentID: 2)])
    func refusedWithoutNote(change: CaseNotes.Change) throws {
        let refusal = try #require(caught { () throws(CaseNotes.Refusal) in
            try CaseNotes.check(change, notesOwedSince: Self.owedSince, addsInternalNote: false)
        })
        #expect(refusal.change == change)
        #expect(refusal.description.hasPrefix("Case notes: the last call on this ticket has no summary."))
    }

    @Test("A solve or handover is fine when it brings an internal note or no notes are owed",
          arguments: [CaseNotes.Change.solve, .handover(fromAgentID: 1, toAgentID: 2)])
    func allowed(change: CaseNotes.Change) {
        #expect(throws: Never.self) {
            try CaseNotes.check(change, notesOwedSince: Self.owedSince, addsInternalNote: true)
        }
        #expect(throws: Never.self) {
            try CaseNotes.check(change, notesOwedSince: nil, addsInternalNote: false)
        }
    }

    @Test("An update that neither solves nor hands over is fine while notes are owed")
    func noChange() {
        #expect(throws: Never.self) {
            try CaseNotes.check(nil, notesOwedSince: Self.owedSince, addsInternalNote: false)
        }
    }
}

// MARK: - Decision audience

@Suite("DecisionAudience")
struct DecisionAudienceTests {
    @Test("Earlier assignees, current assignee, followers, approval chain and account owner, in that order")
    func order() {
        let recipients = DecisionAudience.recipients(earlierAssignees: [1, 2], followers: [4, 5], approvalChain: [6, 7],
                                                     accountOwner: 8, currentAssignee: 3, decidedBy: 9)
        #expect(recipients == [1, 2, 3, 4, 5, 6, 7, 8])
    }

    @Test("Each person once, and never the person who decided")
    func onceWithoutDecider() {
        let recipients = DecisionAudience.recipients(earlierAssignees: [1, 9, 2, 1], followers: [3, 2, 9],
                                                     approvalChain: [9, 4, 3], accountOwner: 1, currentAssignee: 2,
                                                     decidedBy: 9)
        #expect(recipients == [1, 2, 3, 4])
    }

    @Test("No current assignee and no account owner leaves the rest")
    func missingAssigneeAndOwner() {
        #expect(DecisionAudience.recipients(earlierAssignees: [], followers: [5], approvalChain: [6], accountOwner: nil,
                                            currentAssignee: nil, decidedBy: 6) == [5])
        #expect(DecisionAudience.recipients(earlierAssignees: [], followers: [], approvalChain: [], accountOwner: nil,
                                            currentAssignee: 7, decidedBy: 7) == [])
    }

    @Test("A decision needs a reason")
    func reason() throws {
        let errors = try #require(caught { () throws(FieldErrors) in try DecisionAudience.validate(reason: "   ") })
        #expect(errors.details == ["reason": [.init(error: "BlankValue", description: "Reason: a decision needs a reason")]])
        let withReason = caught { () throws(FieldErrors) in try DecisionAudience.validate(reason: "No spare on site") }
        #expect(withReason == nil)
    }
}
