import Foundation

/// Ticket status, in the order Zendesk uses for `status<solved` style comparisons.
public enum TicketStatus: String, Codable, Sendable, CaseIterable, Comparable {
    case new, open, pending, hold, solved, closed

    public static func < (lhs: TicketStatus, rhs: TicketStatus) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

public enum TicketPriority: String, Codable, Sendable, CaseIterable, Comparable {
    case low, normal, high, urgent

    public static func < (lhs: TicketPriority, rhs: TicketPriority) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

public enum TicketType: String, Codable, Sendable, CaseIterable {
    case question, incident, problem, task
}

/// How a ticket or a comment reached Casebook. A call log is a comment whose channel is `voice`.
public enum ViaChannel: String, Codable, Sendable, CaseIterable {
    case api, web, email, voice
}
