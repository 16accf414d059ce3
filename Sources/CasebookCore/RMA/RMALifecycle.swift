/// The four kinds of return merchandise authorisation a support desk issues.
public enum RMAKind: String, Codable, Sendable, CaseIterable {
    /// The customer sends the unit in; it is repaired and sent back.
    case repair
    /// The customer sends the unit back and is refunded.
    case refund
    /// The customer sends the unit back; a replacement goes out once it has been inspected.
    case replacement
    /// The replacement ships first; the customer returns the faulty unit within the agreed days.
    case advanceReplacement = "advance_replacement"

    public var words: String {
        switch self {
        case .repair: "return for repair"
        case .refund: "return for refund"
        case .replacement: "replacement after return"
        case .advanceReplacement: "advance replacement"
        }
    }
}

/// Where an RMA stands.
public enum RMAStatus: String, Codable, Sendable, CaseIterable {
    case requested, approved, declined, cancelled
    case replacementShipped = "replacement_shipped"
    /// The customer's unit is expected back (by `return_due_at`).
    case unitDue = "unit_due"
    case received, inspected, closed

    public var isFinal: Bool { self == .declined || self == .cancelled || self == .closed }

    public var words: String {
        switch self {
        case .replacementShipped: "replacement shipped"
        case .unitDue: "faulty unit due"
        default: rawValue
        }
    }
}

/// What the inspection of a returned unit found.
public enum InspectionOutcome: String, Codable, Sendable, CaseIterable {
    case faultConfirmed = "fault_confirmed"
    case noFaultFound = "no_fault_found"
    case customerDamage = "customer_damage"

    public var words: String {
        switch self {
        case .faultConfirmed: "fault confirmed"
        case .noFaultFound: "no fault found"
        case .customerDamage: "customer damage"
        }
    }
}

/// What happens to an RMA, one step at a time.
public enum RMAEvent: String, Codable, Sendable, CaseIterable {
    case approve, decline, cancel
    case shipReplacement = "ship_replacement"
    /// The unit is now expected back from the customer (return label issued, return window running).
    case awaitUnit = "await_unit"
    case receive, inspect, close
}

/// The single place that decides how an RMA may move. Each kind has its own path:
/// - advance replacement: requested → approved → replacement shipped → faulty unit due → received → inspected → closed
/// - replacement after return: requested → approved → unit due → received → inspected → replacement shipped → closed
///   (or inspected → closed when no replacement is owed)
/// - repair: as replacement, "replacement shipped" being the repaired unit going back
/// - refund: requested → approved → unit due → received → inspected → closed
/// A request can be declined; anything before the customer's unit or a replacement has moved can be cancelled.
public enum RMALifecycle {
    public struct Refusal: Error, Equatable, Sendable, CustomStringConvertible {
        public var kind: RMAKind
        public var from: RMAStatus
        public var event: RMAEvent
        public var description: String {
            "An RMA (\(kind.words)) that is \(from.words) cannot \(event.rawValue.replacingOccurrences(of: "_", with: " "))"
        }
    }

    public static func next(kind: RMAKind, from: RMAStatus, event: RMAEvent,
                            outcome: InspectionOutcome? = nil) throws(Refusal) -> RMAStatus {
        guard let to = table(kind: kind, from: from, event: event, outcome: outcome) else {
            throw Refusal(kind: kind, from: from, event: event)
        }
        return to
    }

    /// The events allowed from a status (for the buttons a page shows). `outcome` is the inspection's, once known.
    public static func allowed(kind: RMAKind, from: RMAStatus, outcome: InspectionOutcome? = nil) -> [RMAEvent] {
        RMAEvent.allCases.filter { table(kind: kind, from: from, event: $0, outcome: outcome) != nil }
    }

    private static func table(kind: RMAKind, from: RMAStatus, event: RMAEvent, outcome: InspectionOutcome?) -> RMAStatus? {
        switch (from, event) {
        case (.requested, .approve): return .approved
        case (.requested, .decline): return .declined
        case (.requested, .cancel), (.approved, .cancel): return .cancelled
        case (.approved, .shipReplacement): return kind == .advanceReplacement ? .replacementShipped : nil
        case (.approved, .awaitUnit): return kind == .advanceReplacement ? nil : .unitDue
        case (.replacementShipped, .awaitUnit): return kind == .advanceReplacement ? .unitDue : nil
        case (.unitDue, .receive): return .received
        case (.received, .inspect): return .inspected
        case (.inspected, .shipReplacement):
            // A repaired unit goes back whatever was found; a replacement after return only for a confirmed fault.
            switch kind {
            case .repair: return .replacementShipped
            case .replacement: return outcome == .faultConfirmed ? .replacementShipped : nil
            case .refund, .advanceReplacement: return nil
            }
        case (.inspected, .close):
            switch kind {
            case .refund, .advanceReplacement: return .closed
            case .replacement: return outcome == .faultConfirmed ? nil : .closed
            case .repair: return nil
            }
        case (.replacementShipped, .close):
            return kind == .repair || kind == .replacement ? .closed : nil
        default: return nil
        }
    }
}

/// What the customer agreed to when an RMA was issued (e.g. "return the unit if the fault is elsewhere; otherwise
/// invoiced"), and whether the inspection makes it apply.
public struct RMAObligation: Sendable, Equatable {
    public enum Acceptance: String, Codable, Sendable, CaseIterable {
        /// The customer clicked "I agree" in the portal.
        case portal
        /// The agent records that the customer agreed on the phone; the note says when and how.
        case verbal
    }

    public var text: String
    public init(text: String) { self.text = text }

    /// An obligation is the customer's side of the bargain when the fault was not the product's.
    public static func applies(after outcome: InspectionOutcome) -> Bool { outcome != .faultConfirmed }
}
