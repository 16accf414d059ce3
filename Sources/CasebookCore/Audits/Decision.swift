/// An exception made on the record: who departed from which rule, why, and who has to hear about it.
public enum DecisionKind: String, Codable, Sendable, CaseIterable {
    /// An incomplete troubleshooting checklist overridden to create an RMA.
    case policyOverride = "policy_override"
    /// An RMA or refund approved although it was above the requester's own limit.
    case approvalAboveLimit = "approval_above_limit"
    /// A ticket assigned by hand to an agent an exclusion rule keeps it from.
    case exclusionOverride = "exclusion_override"
    /// A refund beyond the giver's limit, approved by someone else.
    case refundAboveLimit = "refund_above_limit"
    /// A customer moved up or down a backorder queue by hand.
    case queueMove = "queue_move"
    /// Any other exception an agent puts on the record (a goodwill gesture outside policy, say).
    case exception

    public var words: String {
        switch self {
        case .policyOverride: "policy override"
        case .approvalAboveLimit: "approval above limit"
        case .exclusionOverride: "exclusion rule overridden"
        case .refundAboveLimit: "refund above limit"
        case .queueMove: "queue move"
        case .exception: "exception"
        }
    }
}

/// The people a decision must reach, so nobody learns of it second-hand: everyone who held the ticket before, its
/// followers, the approval chain (requester and approver), and the organization's account owner. Never the person who
/// made the decision, never an end-user, each once.
public enum DecisionAudience {
    public static func recipients(earlierAssignees: [Int], followers: [Int], approvalChain: [Int], accountOwner: Int?,
                                  currentAssignee: Int?, decidedBy: Int) -> [Int] {
        var seen = Set<Int>([decidedBy])
        var out: [Int] = []
        for id in earlierAssignees + [currentAssignee].compactMap { $0 } + followers + approvalChain + [accountOwner].compactMap { $0 }
        where seen.insert(id).inserted {
            out.append(id)
        }
        return out
    }

    /// A decision without a reason is not on the record.
    public static func validate(reason: String) throws(FieldErrors) {
        if reason.trimmedWhitespace.isEmpty {
            throw FieldErrors(field: "reason", error: "BlankValue", "Reason: a decision needs a reason")
        }
    }
}

/// Abusive conduct on a contact, as an agent flags it.
public enum ConductKind: String, Codable, Sendable, CaseIterable {
    case threat, insult, harassment
}

/// What a conduct outcome does besides being recorded, as the admins' policy defines it.
public enum ConductAction: String, Codable, Sendable, CaseIterable {
    /// A warning goes to the customer (a public reply the agent writes).
    case warningSent = "warning_sent"
    /// The call or chat was ended; nothing else changes.
    case interactionEnded = "interaction_ended"
    /// The customer is marked "contact only by email" for every agent to see.
    case emailOnly = "email_only"
    /// An exclusion rule keeps the customer's tickets from the affected agent.
    case exclusion
}
