import Foundation

/// What a macro does to a ticket when an agent applies it (the agent still reviews and submits).
/// Field values are kept as the API's names, not enums, so a macro saved by an older or newer Casebook still loads
/// and `problems()` can say which name is wrong instead of the whole macro failing to decode.
public struct MacroActions: Codable, Sendable, Equatable {
    /// Reply text with `{{placeholders}}`, rendered when the agent applies the macro.
    public var comment: String?
    /// Public reply (true) or internal note (false).
    public var commentPublic: Bool
    public var status: String?
    public var priority: String?
    public var type: String?
    public var groupID: Int?
    public var addTags: [String]
    public var removeTags: [String]

    public init(comment: String? = nil, commentPublic: Bool = true, status: String? = nil, priority: String? = nil,
                type: String? = nil, groupID: Int? = nil, addTags: [String] = [], removeTags: [String] = []) {
        self.comment = comment
        self.commentPublic = commentPublic
        self.status = status
        self.priority = priority
        self.type = type
        self.groupID = groupID
        self.addTags = addTags
        self.removeTags = removeTags
    }

    /// Missing keys take the defaults of `init`, so stored JSON written before a field existed still decodes.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(comment: try c.decodeIfPresent(String.self, forKey: .comment),
                  commentPublic: try c.decodeIfPresent(Bool.self, forKey: .commentPublic) ?? true,
                  status: try c.decodeIfPresent(String.self, forKey: .status),
                  priority: try c.decodeIfPresent(String.self, forKey: .priority),
                  type: try c.decodeIfPresent(String.self, forKey: .type),
                  groupID: try c.decodeIfPresent(Int.self, forKey: .groupID),
                  addTags: try c.decodeIfPresent([String].self, forKey: .addTags) ?? [],
                  removeTags: try c.decodeIfPresent([String].self, forKey: .removeTags) ?? [])
    }

    /// The statuses a macro may set. As in Zendesk, never `new` (a worked ticket cannot go back) nor `closed`
    /// (only a solved ticket closes, and that is the desk's automation, not an agent's button).
    public static let settableStatuses: [TicketStatus] = [.open, .pending, .hold, .solved]

    /// Problems with the actions (unknown status/priority/type names, empty macro), empty when valid. Use the existing enums in Sources/CasebookCore/Tickets/TicketFields.swift for valid names.
    public func problems() -> [String] {
        var problems: [String] = []
        if let status {
            if let known = TicketStatus(rawValue: status), !Self.settableStatuses.contains(known) {
                problems.append("A macro cannot set the status to \(status)")
            } else if TicketStatus(rawValue: status) == nil {
                problems.append("Unknown status '\(status)' (use \(Self.names(Self.settableStatuses)))")
            }
        }
        if let priority, TicketPriority(rawValue: priority) == nil {
            problems.append("Unknown priority '\(priority)' (use \(Self.names(TicketPriority.allCases)))")
        }
        if let type, TicketType(rawValue: type) == nil {
            problems.append("Unknown type '\(type)' (use \(Self.names(TicketType.allCases)))")
        }
        if let groupID, groupID <= 0 { problems.append("Unknown group \(groupID)") }
        let removed = Set(Tags.normalize(removeTags))
        for tag in Tags.normalize(addTags) where removed.contains(tag) {
            problems.append("Tag '\(tag)' is both added and removed")
        }
        if doesNothing { problems.append("A macro must add a comment, set a field or change tags") }
        return problems
    }

    /// Tags after applying addTags/removeTags to `current` (order kept, no duplicates, lowercased like Tags rules in Sources/CasebookCore/Tickets/Tags.swift).
    /// Removal wins over addition, as in `TicketPatch`, so a macro never leaves a tag it was told to take away.
    public func tags(applyingTo current: [String]) -> [String] {
        let gone = Set(Tags.normalize(removeTags))
        return Tags.normalize(current + addTags).filter { !gone.contains($0) }
    }

    /// A blank comment adds nothing to the reply box, so it does not count as an action.
    var doesNothing: Bool {
        (comment ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            && status == nil && priority == nil && type == nil && groupID == nil
            && Tags.normalize(addTags).isEmpty && Tags.normalize(removeTags).isEmpty
    }

    private static func names<T: RawRepresentable<String>>(_ values: [T]) -> String {
        values.map(\.rawValue).joined(separator: ", ")
    }
}

/// `{{ticket.requester.first_name}}`-style placeholders, as in Zendesk macros.
public enum Placeholders {
    /// Names supported, for the admin help text.
    public static let supported: [String] = [
        "ticket.id", "ticket.subject", "ticket.status",
        "ticket.requester.name", "ticket.requester.first_name", "ticket.requester.email",
        "ticket.assignee.name", "ticket.assignee.first_name",
        "ticket.group.name", "ticket.organization.name",
        "current_user.name", "current_user.first_name", "current_user.email",
    ]

    /// Replaces each `{{ name }}` (spaces inside braces allowed) with values[name]; a known name without a value becomes ""; an unknown name is left as written so the agent notices it.
    /// Values are inserted as they are and never scanned again, so a requester named `{{current_user.email}}`
    /// cannot pull other values into the reply.
    public static func render(_ template: String, values: [String: String]) -> String {
        var output = ""
        var rest = Substring(template)
        while let open = rest.firstRange(of: "{{"), let close = rest[open.upperBound...].firstRange(of: "}}") {
            output += rest[..<open.lowerBound]
            let afterOpen = rest[open.upperBound...]
            let name = trimmed(afterOpen[..<close.lowerBound])
            if isName(name), let value = values[name] ?? (supported.contains(name) ? "" : nil) {
                output += value
                rest = afterOpen[close.upperBound...]
            } else {
                // Step past one brace only: in `{{{ticket.id}}` the placeholder starts at the second brace.
                output += "{"
                rest = rest[rest.index(after: open.lowerBound)...]
            }
        }
        return output + rest
    }

    /// "Rex" from "Rex Trantor", "Rex" from "  Rex  "; "" from "".
    public static func firstName(of fullName: String) -> String {
        fullName.split(whereSeparator: \.isWhitespace).first.map(String.init) ?? ""
    }

    /// Placeholder names are dotted words; anything else between braces (code, JSON, a stray `{{`) is left alone.
    static func isName(_ s: String) -> Bool {
        !s.isEmpty && s.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
    }

    private static func trimmed(_ s: Substring) -> String {
        s.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
