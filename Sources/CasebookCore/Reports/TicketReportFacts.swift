/// The per-ticket numbers the ticket reports are built from, derived from the ticket's history. One definition for
/// every report and test:
/// - **first reply**: the first public comment by staff after the ticket was opened (the opening comment never counts);
/// - **replies**: how many such public staff comments the ticket has;
/// - **reopens**: how many times it left `solved` for an open state (new, open, pending, hold);
/// - **solved at**: when it was last solved, if it is solved or closed now; resolution time runs from creation to there;
/// - **first-contact resolved**: solved with exactly one public reply and never reopened;
///   **one-touch** / **two-touch**: solved with one / two public replies.
/// Durations are business minutes on the ticket's calendar (its group's schedule, or around the clock).
public struct TicketReportFacts: Sendable, Equatable {
    public struct StatusChange: Sendable, Equatable {
        public var at: Int64
        public var from: String?
        public var to: String
        public init(at: Int64, from: String?, to: String) {
            self.at = at
            self.from = from
            self.to = to
        }
    }

    public var firstReplyAt: Int64?
    public var firstReplyMinutes: Int?
    public var solvedAt: Int64?
    public var resolutionMinutes: Int?
    public var replies: Int
    public var reopens: Int

    public var isSolved: Bool { solvedAt != nil }
    public var firstContactResolved: Bool { isSolved && replies == 1 && reopens == 0 }
    public var oneTouch: Bool { isSolved && replies == 1 }
    public var twoTouch: Bool { isSolved && replies == 2 }

    public init(firstReplyAt: Int64?, firstReplyMinutes: Int?, solvedAt: Int64?, resolutionMinutes: Int?, replies: Int, reopens: Int) {
        self.firstReplyAt = firstReplyAt
        self.firstReplyMinutes = firstReplyMinutes
        self.solvedAt = solvedAt
        self.resolutionMinutes = resolutionMinutes
        self.replies = replies
        self.reopens = reopens
    }

    static let openStates: Set<String> = ["new", "open", "pending", "hold"]

    /// - Parameters:
    ///   - status: the ticket's status now.
    ///   - changes: its status changes in order (from the audit).
    ///   - staffPublicReplies: times of public comments by staff, the opening comment left out.
    ///   - fallbackSolvedAt: the ticket's own `solved_at`, used when a solved ticket has no recorded change (imports).
    public static func derive(createdAt: Int64, status: String, changes: [StatusChange], staffPublicReplies: [Int64],
                              fallbackSolvedAt: Int64? = nil, calendar: BusinessCalendar) -> TicketReportFacts {
        let replies = staffPublicReplies.sorted()
        let firstReply = replies.first
        var reopens = 0
        var lastSolved: Int64?
        for change in changes {
            if change.to == "solved" { lastSolved = change.at }
            if change.from == "solved", openStates.contains(change.to) { reopens += 1 }
        }
        let solved = (status == "solved" || status == "closed") ? (lastSolved ?? fallbackSolvedAt ?? createdAt) : nil
        func minutes(_ to: Int64?) -> Int? {
            guard let to else { return nil }
            return Int(calendar.businessMillis(from: createdAt, to: max(createdAt, to)) / 60_000)
        }
        return TicketReportFacts(firstReplyAt: firstReply, firstReplyMinutes: minutes(firstReply), solvedAt: solved,
                           resolutionMinutes: minutes(solved), replies: replies.count, reopens: reopens)
    }
}
