import Foundation

/// A value as it appears in an audit event (`value` / `previous_value`).
public enum AuditValue: Sendable, Equatable, Codable {
    case null
    case string(String)
    case int(Int)
    case strings([String])
    case ints([Int])

    public init(_ value: String?) { self = value.map(AuditValue.string) ?? .null }
    public init(_ value: Int?) { self = value.map(AuditValue.int) ?? .null }
}

/// One event of an audit. An audit is one create or update of a ticket: who, when, via, and these events.
/// Audits are immutable; the case history is the list of them.
public enum AuditEvent: Sendable, Equatable {
    /// A field set when the ticket was created.
    case create(field: String, value: AuditValue)
    /// A field changed by an update.
    case change(field: String, from: AuditValue, to: AuditValue)
    /// The comment added in this audit (the comment itself is stored with the audit).
    case comment
    case tagsChange(tags: [String], previous: [String])
    /// CCs (`collaborator_ids`) or followers (`follower_ids`) changed.
    case collaboratorChange(field: String, ids: [Int], previous: [Int])
    /// Something Casebook or a person did that is not a field change, in words: routed by a rule, escalated,
    /// an exclusion overridden, an SLA breached. `kind` names what (`routing`, `escalation`, …) for filtering.
    case notice(kind: String, text: String)
    /// The requester rated the ticket (or changed the rating): Zendesk's `SatisfactionRating` event, with the score
    /// (`good`, `bad`), the score before (`offered` the first time), the requester's comment and who was assigned.
    case satisfactionRating(score: String, previous: String, comment: String, assigneeID: Int?)

    public var typeName: String {
        switch self {
        case .create: "Create"
        case .change: "Change"
        case .comment: "Comment"
        case .tagsChange: "TagsChange"
        case .collaboratorChange: "CollaboratorChange"
        case .notice: "Notice"
        case .satisfactionRating: "SatisfactionRating"
        }
    }
}
