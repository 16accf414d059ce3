/// How a group hands out its tickets.
public enum RoutingMode: String, Codable, Sendable, CaseIterable {
    /// People pick tickets from the group's queue; routing only files the ticket.
    case manual
    /// Turn by turn in member order, so everyone gets the same share of new work.
    case roundRobin = "round_robin"
    /// To whoever has the fewest open tickets, so a slow ticket does not pile more onto the same person.
    case leastLoaded = "least_loaded"
}

/// A team tickets are routed to. `memberIDs` is in the order round-robin takes turns. `skills` are what every
/// ticket in the group needs of the agent who gets it (a German-language team: `language:de`), on top of whatever
/// the routing rule asked for.
public struct RoutingGroup: Sendable, Equatable, Identifiable {
    public var id: Int
    public var name: String
    public var mode: RoutingMode
    public var memberIDs: [Int]
    public var skills: [String]

    public init(id: Int, name: String, mode: RoutingMode, memberIDs: [Int], skills: [String] = []) {
        self.id = id
        self.name = name
        self.mode = mode
        self.memberIDs = memberIDs
        self.skills = Tags.normalize(skills)
    }
}

/// What routing needs to know about an agent at the moment of a decision.
public struct RoutingAgent: Sendable, Equatable, Identifiable {
    public var id: Int
    public var name: String
    /// Already effective (`AgentPresence.effectiveStatus`): the engine has no clock.
    public var presence: PresenceStatus
    public var openTickets: Int
    /// Most open tickets the agent takes from routing; nil means no limit.
    public var capacity: Int?
    /// Lowercase words, like tags ("german", "printers").
    public var skills: Set<String>
    /// ms since epoch the agent last received a ticket; breaks ties in least-loaded routing.
    public var lastAssignedAt: Int64?

    public init(id: Int, name: String, presence: PresenceStatus, openTickets: Int = 0, capacity: Int? = nil,
                skills: Set<String> = [], lastAssignedAt: Int64? = nil) {
        self.id = id
        self.name = name
        self.presence = presence
        self.openTickets = openTickets
        self.capacity = capacity
        self.skills = skills
        self.lastAssignedAt = lastAssignedAt
    }

    /// Whether the agent can take one more ticket.
    public var hasRoom: Bool { capacity.map { openTickets < $0 } ?? true }
}
