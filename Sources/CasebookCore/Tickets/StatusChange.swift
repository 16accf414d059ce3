/// The single place that decides whether a ticket may move from one status to another.
public enum StatusChange {
    public enum Refusal: Error, Equatable, Sendable, CustomStringConvertible {
        case closedIsFinal
        case cannotReturnToNew
        case closedOnlyFromSolved(from: TicketStatus)

        public var description: String {
            switch self {
            case .closedIsFinal: "Status: closed prevents ticket update"
            case .cannotReturnToNew: "Status: cannot be set to new once the ticket has an assignee or has been opened"
            case .closedOnlyFromSolved(let from): "Status: a \(from.rawValue) ticket must be solved before it is closed"
            }
        }
    }

    public static func check(from: TicketStatus, to: TicketStatus, hasAssignee: Bool) throws(Refusal) {
        if from == .closed { throw .closedIsFinal }
        if to == .new, from != .new { throw .cannotReturnToNew }
        if to == .new, hasAssignee { throw .cannotReturnToNew }
        if to == .closed, from != .solved, from != .closed { throw .closedOnlyFromSolved(from: from) }
    }
}
