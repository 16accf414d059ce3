/// The conduct policy's rules, without I/O: what an outcome the admins write must say, what a flag must carry, who
/// hears of a conduct record, and who may hand the ticket over afterwards.
extension ConductKind {
    public var words: String { rawValue }
}

extension ConductAction {
    public var words: String {
        switch self {
        case .warningSent: "warning sent"
        case .interactionEnded: "interaction ended"
        case .emailOnly: "future contacts only by email"
        case .exclusion: "exclusion rule for the affected agent"
        }
    }
}

/// An outcome of the conduct policy as an admin writes it ("Call ended after a warning" → interaction ended).
public struct ConductOutcomeDraft: Sendable, Equatable {
    public static let labelLimit = 100
    public static let descriptionLimit = 1_000

    public var label: String
    public var action: ConductAction?
    public var description: String

    public init(label: String, action: ConductAction?, description: String) {
        self.label = label.trimmedWhitespace
        self.action = action
        self.description = description.trimmedWhitespace
    }

    public func validate() throws(FieldErrors) {
        var errors = FieldErrors()
        if label.isEmpty { errors.add("label", error: "BlankValue", "Label: name the outcome as agents will choose it") }
        else if label.count > Self.labelLimit { errors.add("label", error: "TooLong", "Label: at most \(Self.labelLimit) characters") }
        if action == nil {
            errors.add("action", error: "InvalidValue",
                       "Action: one of \(ConductAction.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if description.count > Self.descriptionLimit {
            errors.add("description", error: "TooLong", "Description: at most \(Self.descriptionLimit) characters")
        }
        try errors.throwIfAny()
    }
}

/// What an agent's flag must carry before anything is written.
public enum ConductFlag {
    public static let noteLimit = 2_000

    /// The evidence is a comment or call log on the ticket; without one, the note has to say what happened.
    public static func validate(kind: ConductKind?, hasEvidence: Bool, note: String, hasOutcome: Bool) throws(FieldErrors) {
        var errors = FieldErrors()
        if kind == nil {
            errors.add("kind", error: "InvalidValue", "Kind: one of \(ConductKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if !hasOutcome { errors.add("outcome_id", error: "BlankValue", "Outcome: choose what the conduct policy says to do") }
        let note = note.trimmedWhitespace
        if !hasEvidence, note.isEmpty {
            errors.add("comment_id", error: "BlankValue", "Evidence: choose the comment or call log, or say what happened in the note")
        }
        if note.count > noteLimit { errors.add("note", error: "TooLong", "Note: at most \(noteLimit) characters") }
        try errors.throwIfAny()
    }
}

/// The leads a conduct record reaches: the leads and managers of the ticket's group; when the group has none (or the
/// ticket has no group), every lead. Never the person who flagged it, each once.
public enum ConductAudience {
    public static func leads(groupLeads: [Int], allLeads: [Int], flaggedBy: Int) -> [Int] {
        var seen = Set([flaggedBy])
        let inGroup = groupLeads.filter { seen.insert($0).inserted }
        if !inGroup.isEmpty { return inGroup }
        return allLeads.filter { seen.insert($0).inserted }
    }
}

/// Handing the ticket over after abuse is the flagging agent's right (and the assignee's); a lead or above may do it
/// for them.
public enum ConductHandover {
    public static func allowed(actor: Actor, flaggedByID: Int, assigneeID: Int?) -> Bool {
        guard actor.role.isStaff else { return false }
        return actor.id == flaggedByID || actor.id == assigneeID || actor.role.rank >= Role.lead.rank
    }
}
