/// Case-note discipline: a phone contact logged without a summary leaves the case notes owed. While they are owed, a
/// ticket may not be solved or handed to another agent unless the same change carries an internal note (the
/// summary of what was tried and promised).
public enum CaseNotes {
    public enum Change: Sendable, Equatable {
        case solve
        case handover(fromAgentID: Int, toAgentID: Int)
    }

    public struct Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        public var change: Change
        public var description: String {
            switch change {
            case .solve:
                "Case notes: the last call on this ticket has no summary. Add an internal note saying what was tried and promised before solving it."
            case .handover:
                "Case notes: the last call on this ticket has no summary. Hand it over with an internal note saying what was tried and promised."
            }
        }
    }

    /// `notesOwedSince`: when the unsummarised contact happened (nil when the notes are up to date).
    public static func check(_ change: Change?, notesOwedSince: Int64?, addsInternalNote: Bool) throws(Refusal) {
        guard let change, notesOwedSince != nil, !addsInternalNote else { return }
        throw Refusal(change: change)
    }

    /// The change an update makes, if it is one the discipline applies to: solving (or closing), or moving the
    /// ticket from one agent to another.
    public static func change(fromStatus: TicketStatus, toStatus: TicketStatus, fromAssignee: Int?, toAssignee: Int?) -> Change? {
        if toStatus != fromStatus, toStatus == .solved || toStatus == .closed { return .solve }
        if let from = fromAssignee, let to = toAssignee, from != to { return .handover(fromAgentID: from, toAgentID: to) }
        return nil
    }
}
