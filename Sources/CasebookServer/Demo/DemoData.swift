/// The shape of the demo data set: the five support stories told as organizations, people, groups and tickets.
/// Keys (`key`) tie records together inside the data set; the loader looks records up by their natural keys
/// (organization name, user email, group name, ticket external_id) so loading twice changes nothing.
struct DemoData: Sendable {
    var organizations: [DemoOrganization]
    var users: [DemoUser]
    var groups: [DemoGroup]
    var tickets: [DemoTicket]
}

struct DemoOrganization: Sendable {
    var name: String
    var domains: [String]
    var sharedTickets: Bool = false
    var notes: String = ""
}

struct DemoUser: Sendable {
    var email: String
    var name: String
    /// "end-user", "agent" or "admin"
    var role: String
    var organization: String? = nil   // organization name
    var phone: String? = nil
    var timeZone: String = "UTC"
    var notes: String = ""
}

struct DemoGroup: Sendable {
    var name: String
    var description: String
    var members: [String]   // agent emails
}

struct DemoTicket: Sendable {
    /// Stable natural key, e.g. "demo-backorder-1"; the loader skips a ticket whose external_id exists.
    var externalID: String
    var subject: String
    /// "question", "incident", "problem" or "task"
    var type: String
    /// "low", "normal", "high", "urgent"
    var priority: String
    /// final status after all events: "new", "open", "pending", "hold", "solved", "closed"
    var status: String
    var requester: String          // email
    var assignee: String? = nil    // agent email
    var group: String? = nil       // group name
    var tags: [String] = []
    var ccs: [String] = []         // emails (users listed in `users`)
    var followers: [String] = []   // agent emails
    var via: String = "email"      // "api", "web", "email", "voice"
    /// Days before "now" the ticket was opened; comments are spaced after it by their `minutesAfterStart`.
    var daysAgo: Double
    /// The first comment is the description (public, by the requester).
    var comments: [DemoComment]
}

struct DemoComment: Sendable {
    enum Kind: Sendable {
        case publicReply
        case internalNote
        /// A call log: a comment whose via channel is voice.
        case call(direction: String, from: String, to: String, participants: [String], durationSeconds: Int)
    }
    var author: String           // email
    var kind: Kind
    var body: String             // plain text; for a call, the summary
    var minutesAfterStart: Int
    /// Field changes made in the same update as this comment (one audit): e.g. ["status": "pending", "assignee": "email", "group": "name", "priority": "urgent"]
    var changes: [String: String] = [:]
}
