/// The promises an SLA policy makes, under Zendesk's `policy_metrics` names so imported policies keep their meaning.
public enum SLAMetric: String, Sendable, CaseIterable, Codable {
    case firstReplyTime = "first_reply_time"
    case nextReplyTime = "next_reply_time"
    case periodicUpdateTime = "periodic_update_time"
    case requesterWaitTime = "requester_wait_time"
    case fullResolutionTime = "full_resolution_time"
}

/// One `policy_metrics` entry: how long `metric` may take for tickets of `priority`.
public struct SLATarget: Sendable, Hashable {
    public var metric: SLAMetric
    public var priority: TicketPriority
    public var targetMinutes: Int
    /// Count only the business calendar's open hours, rather than every minute.
    public var businessHours: Bool

    public init(metric: SLAMetric, priority: TicketPriority, targetMinutes: Int, businessHours: Bool) {
        self.metric = metric
        self.priority = priority
        self.targetMinutes = targetMinutes
        self.businessHours = businessHours
    }
}

/// One line of a policy's filter, as Zendesk stores it: `{"field": "priority", "operator": "is", "value": "urgent"}`.
///
/// Fields and operators:
/// - `priority`, `status`: `is`, `is_not`, `less_than`, `greater_than` (in the field's natural order; "" means no priority)
/// - `group_id`, `organization_id`: `is`, `is_not`; an integer id, or "" for none
/// - `via`: `is`, `is_not`; a channel (`api`, `web`, `email`, `voice`)
/// - `type`: `is`, `is_not`; a ticket type, or "" for none
/// - `tags`: `includes` (has at least one of), `not_includes` (has none of); space-separated tags
public struct SLACondition: Sendable, Hashable {
    public var field: String
    public var `operator`: String
    public var value: String

    public init(field: String, operator: String, value: String) {
        self.field = field
        self.operator = `operator`
        self.value = value
    }
}

/// Zendesk's filter semantics: every `all` condition must hold, and when `any` is non-empty at least one of those.
public struct SLAFilter: Sendable, Hashable {
    public var all: [SLACondition]
    public var any: [SLACondition]

    public init(all: [SLACondition] = [], any: [SLACondition] = []) {
        self.all = all
        self.any = any
    }

    /// Refusals keyed "filter", each message naming the list and position, e.g.
    /// "Filter: all[2] has unknown field 'colour'".
    public func validate() throws(FieldErrors) {
        var errors = FieldErrors()
        for (list, conditions) in [("all", all), ("any", any)] {
            for (i, condition) in conditions.enumerated() {
                if case .failure(let problem) = CompiledCondition.compile(condition) {
                    errors.add("filter", error: "InvalidValue", "Filter: \(list)[\(i)] \(problem.message)")
                }
            }
        }
        try errors.throwIfAny()
    }

    /// Whether a ticket falls under this filter. Compile once with `SLAPolicySet` when matching many tickets.
    public func matches(_ facts: SLATicketFacts) -> Bool { CompiledFilter(self).matches(facts) }
}

/// An SLA policy: which tickets it covers, what it promises for each priority, and which statuses stop the clock.
public struct SLAPolicy: Sendable, Hashable {
    public var id: Int
    public var title: String
    /// Lower comes first; the first policy whose filter matches a ticket is the one that applies.
    public var position: Int
    public var filter: SLAFilter
    public var targets: [SLATarget]
    /// Statuses (a subset of pending and hold) during which first reply, next reply, periodic update and full
    /// resolution stand still: waiting on the customer, or on a third party, is not the team's time.
    public var pauseOn: Set<TicketStatus>
    /// The business calendar for targets in business hours; nil means the account's default calendar.
    public var calendarID: Int?

    public init(id: Int, title: String, position: Int, filter: SLAFilter, targets: [SLATarget],
                pauseOn: Set<TicketStatus> = [.pending], calendarID: Int? = nil) {
        self.id = id
        self.title = title
        self.position = position
        self.filter = filter
        self.targets = targets
        self.pauseOn = pauseOn
        self.calendarID = calendarID
    }

    /// The targets that apply to a ticket of this priority (none for a ticket without one, as in Zendesk).
    public func targets(for priority: TicketPriority?) -> [SLATarget] {
        guard let priority else { return [] }
        return targets.filter { $0.priority == priority }
    }

    public func validate() throws(FieldErrors) {
        var errors = FieldErrors()
        if title.allSatisfy(\.isWhitespace) {
            errors.add("title", error: "BlankValue", "Title: cannot be blank")
        }
        do { try filter.validate() } catch { errors.merge(error) }
        var seen = Set<String>()
        for target in targets {
            let name = "\(target.metric.rawValue) for \(target.priority.rawValue) priority"
            if target.targetMinutes <= 0 {
                errors.add("policy_metrics", error: "InvalidValue", "Policy metrics: \(name) must be a positive number of minutes")
            }
            if !seen.insert(name).inserted {
                errors.add("policy_metrics", error: "InvalidValue", "Policy metrics: \(name) is given more than once")
            }
        }
        for status in pauseOn.subtracting([.pending, .hold]).sorted() {
            errors.add("pause_on", error: "InvalidValue", "Pause on: only pending and hold can pause SLA timers, not \(status.rawValue)")
        }
        try errors.throwIfAny()
    }
}

/// What policy matching reads from a ticket.
public struct SLATicketFacts: Sendable, Hashable {
    public var priority: TicketPriority?
    public var groupID: Int?
    public var organizationID: Int?
    public var tags: [String]
    public var status: TicketStatus
    public var channel: String
    public var type: String?

    public init(priority: TicketPriority?, groupID: Int? = nil, organizationID: Int? = nil, tags: [String] = [],
                status: TicketStatus = .open, channel: String = "web", type: String? = nil) {
        self.priority = priority
        self.groupID = groupID
        self.organizationID = organizationID
        self.tags = tags
        self.status = status
        self.channel = channel
        self.type = type
    }
}

/// All of an account's policies, compiled once, answering "which policy covers this ticket" quickly enough to
/// re-evaluate every ticket in a batch.
public struct SLAPolicySet: Sendable {
    public let policies: [SLAPolicy]
    private let filters: [CompiledFilter]

    /// Policies are tried in `position` order (ties by id, so the order never depends on storage order).
    /// A condition that does not compile makes its policy match nothing: an unvalidated policy must not
    /// silently cover every ticket.
    public init(policies: [SLAPolicy]) {
        self.policies = policies.sorted { ($0.position, $0.id) < ($1.position, $1.id) }
        filters = self.policies.map { CompiledFilter($0.filter) }
    }

    public func policy(for facts: SLATicketFacts) -> SLAPolicy? {
        filters.firstIndex { $0.matches(facts) }.map { policies[$0] }
    }
}

// MARK: - Compiled conditions

/// A condition parsed once, so matching a ticket compares values instead of strings of field names.
enum CompiledCondition: Sendable {
    case priority(Comparison, TicketPriority?)
    case status(Comparison, TicketStatus)
    case group(equal: Bool, Int?)
    case organization(equal: Bool, Int?)
    case via(equal: Bool, String)
    case type(equal: Bool, String?)
    case tags(includes: Bool, [String])

    enum Comparison: Sendable { case equal, notEqual, less, greater }

    struct Problem: Error { var message: String }

    static let fields = ["priority", "status", "group_id", "organization_id", "via", "type", "tags"]

    static func compile(_ c: SLACondition) -> Result<CompiledCondition, Problem> {
        func refuse(_ message: String) -> Result<CompiledCondition, Problem> { .failure(Problem(message: message)) }
        let op = c.operator, value = c.value
        let badOperator = refuse("has operator '\(op)', which field '\(c.field)' does not support")
        let equality: Bool? = op == "is" ? true : op == "is_not" ? false : nil
        let comparison: Comparison? = switch op {
        case "is": .equal
        case "is_not": .notEqual
        case "less_than": .less
        case "greater_than": .greater
        default: nil
        }
        switch c.field {
        case "priority":
            guard let comparison else { return badOperator }
            if value.isEmpty, comparison == .equal || comparison == .notEqual { return .success(.priority(comparison, nil)) }
            guard let p = TicketPriority(rawValue: value) else {
                return refuse("has priority '\(value)', expected one of low, normal, high, urgent")
            }
            return .success(.priority(comparison, p))
        case "status":
            guard let comparison else { return badOperator }
            guard let s = TicketStatus(rawValue: value) else {
                return refuse("has status '\(value)', expected one of \(TicketStatus.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return .success(.status(comparison, s))
        case "group_id", "organization_id":
            guard let equality else { return badOperator }
            let id: Int?
            if value.isEmpty { id = nil } else if let n = Int(value), n > 0 { id = n } else {
                return refuse("has \(c.field) '\(value)', expected a positive id or \"\" for none")
            }
            return .success(c.field == "group_id" ? .group(equal: equality, id) : .organization(equal: equality, id))
        case "via":
            guard let equality else { return badOperator }
            guard ViaChannel(rawValue: value) != nil else {
                return refuse("has channel '\(value)', expected one of \(ViaChannel.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return .success(.via(equal: equality, value))
        case "type":
            guard let equality else { return badOperator }
            guard value.isEmpty || TicketType(rawValue: value) != nil else {
                return refuse("has type '\(value)', expected one of \(TicketType.allCases.map(\.rawValue).joined(separator: ", ")) or \"\"")
            }
            return .success(.type(equal: equality, value.isEmpty ? nil : value))
        case "tags":
            guard op == "includes" || op == "not_includes" else { return badOperator }
            let tags = Tags.normalize(value)
            guard !tags.isEmpty else { return refuse("has no tags to compare") }
            return .success(.tags(includes: op == "includes", tags))
        default:
            return refuse("has unknown field '\(c.field)', expected one of \(fields.joined(separator: ", "))")
        }
    }

    func matches(_ f: SLATicketFacts) -> Bool {
        switch self {
        case .priority(let cmp, let value):
            switch cmp {
            case .equal: return f.priority == value
            case .notEqual: return f.priority != value
            // A ticket without priority is neither above nor below anything.
            case .less, .greater:
                guard let priority = f.priority, let value else { return false }
                return cmp == .less ? priority.rank < value.rank : priority.rank > value.rank
            }
        case .status(let cmp, let value):
            switch cmp {
            case .equal: return f.status == value
            case .notEqual: return f.status != value
            case .less: return f.status.rank < value.rank
            case .greater: return f.status.rank > value.rank
            }
        case .group(let equal, let id): return (f.groupID == id) == equal
        case .organization(let equal, let id): return (f.organizationID == id) == equal
        case .via(let equal, let channel): return (f.channel == channel) == equal
        case .type(let equal, let type): return (f.type == type) == equal
        case .tags(let includes, let tags):
            return tags.contains { f.tags.contains($0) } == includes
        }
    }
}

// Order by switch: the types' own `<` looks the case up in `allCases`, too slow for every ticket in a batch.
extension TicketPriority {
    var rank: Int {
        switch self {
        case .low: 0
        case .normal: 1
        case .high: 2
        case .urgent: 3
        }
    }
}

extension TicketStatus {
    var rank: Int {
        switch self {
        case .new: 0
        case .open: 1
        case .pending: 2
        case .hold: 3
        case .solved: 4
        case .closed: 5
        }
    }
}

struct CompiledFilter: Sendable {
    let all: [CompiledCondition]
    let any: [CompiledCondition]
    let valid: Bool

    init(_ filter: SLAFilter) {
        var valid = true
        func compile(_ list: [SLACondition]) -> [CompiledCondition] {
            list.compactMap {
                guard case .success(let c) = CompiledCondition.compile($0) else { valid = false; return nil }
                return c
            }
        }
        all = compile(filter.all)
        any = compile(filter.any)
        self.valid = valid
    }

    func matches(_ facts: SLATicketFacts) -> Bool {
        valid && all.allSatisfy { $0.matches(facts) } && (any.isEmpty || any.contains { $0.matches(facts) })
    }
}
