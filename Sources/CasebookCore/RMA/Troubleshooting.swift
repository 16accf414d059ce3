import Foundation

/// One step of a product's troubleshooting checklist, and the RMA kinds it must be complete before.
public struct ChecklistStep: Sendable, Equatable, Codable {
    public var key: String
    public var title: String
    public var requiredFor: Set<RMAKind>

    public init(key: String, title: String, requiredFor: Set<RMAKind> = []) {
        self.key = key
        self.title = title
        self.requiredFor = requiredFor
    }
}

/// What happened when an agent went through a step with the customer.
public enum StepResult: String, Codable, Sendable, CaseIterable {
    /// Done, and the fault remains.
    case done
    /// Could not be done (no remote access, the customer is 2.5 hours from the device); the note says why.
    case notPossible = "not_possible"
    /// Tried, and the step itself failed (the unit would not boot into recovery, say), which points at the hardware.
    case failed

    /// Only a step actually carried out counts as troubleshooting done; "not possible" is exactly the case a policy
    /// caveat is about, so it needs someone with authority to override.
    public var completes: Bool { self != .notPossible }
}

/// The single place that decides whether the checklist allows an RMA kind.
public enum ChecklistPolicy {
    public enum Verdict: Sendable, Equatable {
        case allowed
        /// The steps still missing for this kind, in checklist order.
        case incomplete(missing: [ChecklistStep])
    }

    public static func check(kind: RMAKind, steps: [ChecklistStep], results: [String: StepResult]) -> Verdict {
        let missing = steps.filter { $0.requiredFor.contains(kind) && !(results[$0.key]?.completes ?? false) }
        return missing.isEmpty ? .allowed : .incomplete(missing: missing)
    }

    /// Who may override an incomplete checklist (with a reason, recorded as a decision).
    public static func canOverride(role: Role, minimum: Role = .lead) -> Bool { role.rank >= minimum.rank }

    /// A checklist as admins write it: keys unique and non-blank, titles non-blank.
    public static func validate(_ steps: [ChecklistStep]) throws(FieldErrors) {
        var errors = FieldErrors()
        var seen = Set<String>()
        for (index, step) in steps.enumerated() {
            let key = step.key.trimmingCharacters(in: .whitespaces)
            if key.isEmpty || key.count > 64 {
                errors.add("checklist", error: "InvalidValue", "Checklist: step \(index + 1) needs a key of 1 to 64 characters")
            } else if !seen.insert(key).inserted {
                errors.add("checklist", error: "InvalidValue", "Checklist: key \"\(key)\" is used twice")
            }
            if step.title.trimmingCharacters(in: .whitespaces).isEmpty {
                errors.add("checklist", error: "BlankValue", "Checklist: step \(index + 1) needs a title")
            }
        }
        try errors.throwIfAny()
    }
}
