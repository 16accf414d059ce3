import Foundation

/// One test on a new ticket, as an admin writes it: `subject contains_words "refund money back"`.
/// Kept as strings so a stored rule always loads; `validate` and `RoutingRuleSet` say what they mean.
public struct RoutingCondition: Sendable, Equatable, Codable {
    public var field: String
    public var `operator`: String
    public var value: String

    public init(field: String, operator: String, value: String) {
        self.field = field
        self.operator = `operator`
        self.value = value
    }

    /// Fields and the operators each accepts, in the order the rule editor offers them.
    public static let operators: [(field: String, operators: [String])] = [
        ("channel", ["is", "is_not"]),
        ("requester_id", ["is", "is_not"]),
        ("organization_id", ["is", "is_not"]),
        ("tags", ["includes", "not_includes"]),
        ("priority", ["is", "is_not", "less_than", "greater_than"]),
        ("subject", ["contains_words", "not_contains_words"]),
    ]

    /// Why a condition cannot be used, in words for the person who wrote it.
    public struct Invalid: Error, Sendable, Equatable, CustomStringConvertible {
        public var description: String
    }

    /// The condition understood. Parsing and validation are one function so the editor can never accept a
    /// condition the router reads differently.
    func parsed() throws(Invalid) -> ConditionTest {
        guard let allowed = Self.operators.first(where: { $0.field == field })?.operators else {
            let fields = Self.operators.map(\.field)
            throw Invalid(description: "unknown field \"\(field)\"; use \(fields.dropLast().joined(separator: ", ")) or \(fields.last!)")
        }
        guard allowed.contains(`operator`) else {
            throw Invalid(description: "\(field) cannot use \"\(`operator`)\"; use \(allowed.dropLast().joined(separator: ", ")) or \(allowed.last!)")
        }
        let value = value.trimmingCharacters(in: .whitespacesAndNewlines)
        let positive = ["is", "includes", "contains_words"].contains(`operator`)
        switch field {
        case "channel":
            guard let channel = ViaChannel(rawValue: value.lowercased()) else {
                throw Invalid(description: "\"\(value)\" is not a channel; use api, web, email or voice")
            }
            return .channel(positive ? [channel] : Set(ViaChannel.allCases).subtracting([channel]))
        case "requester_id", "organization_id":
            guard let id = Int(value), id > 0 else {
                throw Invalid(description: "\(field) needs a positive number, not \"\(value)\"")
            }
            return field == "requester_id" ? .requester(id, matches: positive) : .organization(id, matches: positive)
        case "tags":
            let tags = Tags.normalize(value)
            if tags.isEmpty { throw Invalid(description: "tags needs at least one tag") }
            return .tags(tags, includes: positive)
        case "priority":
            guard let priority = TicketPriority(rawValue: value.lowercased()) else {
                throw Invalid(description: "\"\(value)\" is not a priority; use low, normal, high or urgent")
            }
            let all = TicketPriority.allCases
            let allowed: [TicketPriority] = switch `operator` {
            case "is": [priority]
            case "is_not": all.filter { $0 != priority }
            case "less_than": all.filter { $0 < priority }
            default: all.filter { $0 > priority }
            }
            // A rule that can never match is a mistake its author wants to hear about now, not after a quiet week.
            if allowed.isEmpty { throw Invalid(description: "no priority is \(`operator`.replacingOccurrences(of: "_", with: " ")) \(priority.rawValue)") }
            return .priority(Set(allowed))
        default:
            var seen = Set<String>()
            let words = FoldedWords.words(in: value).filter { seen.insert($0).inserted }
            if words.isEmpty { throw Invalid(description: "subject needs at least one word") }
            return .subject(words, contains: positive)
        }
    }
}

/// A condition with its value parsed, before `RoutingRuleSet` turns it into numbers.
enum ConditionTest: Sendable, Equatable {
    /// Matches when the ticket's channel is one of these.
    case channel(Set<ViaChannel>)
    case requester(Int, matches: Bool)
    /// A ticket without an organization matches every `is_not` and no `is`.
    case organization(Int, matches: Bool)
    /// `includes`: every listed tag is on the ticket. `not_includes`: none of them is (Zendesk's "contains none").
    case tags([String], includes: Bool)
    /// Matches when the ticket's priority is one of these.
    case priority(Set<TicketPriority>)
    /// `contains_words`: any of the words appears as a whole word. `not_contains_words`: none does.
    case subject([String], contains: Bool)
}

/// What a matching rule does to the ticket.
public struct RoutingActions: Sendable, Equatable, Codable {
    public var groupID: Int?
    /// Every one is required of the agent who gets the ticket.
    public var skills: [String]
    public var priority: TicketPriority?
    public var addTags: [String]

    public init(groupID: Int? = nil, skills: [String] = [], priority: TicketPriority? = nil, addTags: [String] = []) {
        self.groupID = groupID
        self.skills = skills
        self.priority = priority
        self.addTags = addTags
    }

    var isEmpty: Bool { groupID == nil && skills.isEmpty && priority == nil && addTags.isEmpty }
}

/// "When a new ticket looks like this, send it there." Rules run by position; the first that matches decides.
public struct RoutingRule: Sendable, Equatable, Identifiable {
    public var id: Int
    public var position: Int
    public var title: String
    /// All must match; a rule without conditions matches every ticket (a catch-all at the end of the list).
    public var conditions: [RoutingCondition]
    public var actions: RoutingActions
    public var active: Bool

    public init(id: Int, position: Int, title: String, conditions: [RoutingCondition], actions: RoutingActions,
                active: Bool = true) {
        self.id = id
        self.position = position
        self.title = title
        self.conditions = conditions
        self.actions = actions
        self.active = active
    }

    /// Every problem at once, numbered the way the editor lists conditions ("Condition 2: …").
    public func validate() throws(FieldErrors) {
        var errors = FieldErrors()
        if title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            errors.add("title", error: "BlankValue", "Title: cannot be blank")
        }
        for (number, condition) in zip(1..., conditions) {
            do throws(RoutingCondition.Invalid) {
                _ = try condition.parsed()
            } catch {
                errors.add("conditions", error: "InvalidValue", "Condition \(number): \(error.description)")
            }
        }
        if actions.isEmpty {
            errors.add("actions", error: "BlankValue", "Actions: set a group, skills, a priority or tags to add")
        }
        try errors.throwIfAny()
    }
}
