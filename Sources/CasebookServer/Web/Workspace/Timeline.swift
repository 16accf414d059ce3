import CasebookCore
import Foundation

/// One entry of a ticket's timeline: an audit, shown by its comment (reply, note, call) or as field changes.
struct TimelineEntry: Sendable {
    struct Call: Sendable {
        var direction: String
        var from: String
        var to: String
        var duration: String
    }
    var id: Int
    var kindClass: String
    var author: String
    var when: String
    var whenISO: String
    var isInternal: Bool
    var isCall: Bool
    var isPublicReply: Bool
    var call: Call?
    var html: String?
    /// Files on the comment: name, link, size.
    var files: [(name: String, path: String, size: String)] = []
    /// The message as received, when the comment came by mail (staff only).
    var originalPath: String?
    var changes: [String]
    var hasChanges: Bool { !changes.isEmpty }
}

/// Describes audits in words, with people's and groups' names.
struct TimelineBuilder {
    let names: NameBook

    func entries(_ audits: [AuditRecord], comments: [Int: CommentRecord]) -> [TimelineEntry] {
        audits.map { entry($0, comments: comments) }
    }

    func entry(_ audit: AuditRecord, comments: [Int: CommentRecord]) -> TimelineEntry {
        let comment = audit.events.lazy.compactMap { $0.commentID.flatMap { comments[$0] } }.first
        let isCreation = audit.events.contains { $0.type == "Create" }
        var changes = audit.events.compactMap(describe)
        if isCreation { changes.insert("Ticket created via \(audit.via.rawValue)", at: 0) }
        var kind = "event"
        var call: TimelineEntry.Call?
        if let comment {
            if let log = comment.call {
                kind = "call"
                call = .init(direction: log.direction.rawValue.capitalized, from: log.from.isEmpty ? "–" : log.from,
                             to: log.to.isEmpty ? "–" : log.to, duration: Self.duration(log.durationSeconds))
            } else {
                kind = comment.isPublic ? "comment-public" : "comment-internal"
            }
        }
        return TimelineEntry(
            id: audit.id, kindClass: kind, author: names.name(audit.authorID).isEmpty ? "User \(audit.authorID)" : names.name(audit.authorID),
            when: PageTime.text(audit.createdAt), whenISO: PageTime.iso(audit.createdAt),
            isInternal: comment.map { !$0.isPublic && $0.call == nil } ?? false, isCall: call != nil,
            isPublicReply: comment.map { $0.isPublic && $0.call == nil } ?? false,
            call: call, html: comment?.htmlBody,
            files: (comment?.attachments ?? []).filter { !$0.isInline }.map {
                (name: $0.fileName, path: AttachmentRoutes.path(for: $0), size: Self.size($0.size))
            },
            originalPath: comment?.inboundMessageID.map { "/agent/mail/\($0)/original" },
            changes: changes)
    }

    static func size(_ bytes: Int) -> String {
        bytes < 1024 ? "\(bytes) B" : bytes < 1_048_576 ? "\(bytes / 1024) KB" : String(format: "%.1f MB", Double(bytes) / 1_048_576)
    }

    static func duration(_ seconds: Int) -> String {
        let minutes = seconds / 60, rest = seconds % 60
        if minutes == 0 { return "\(rest) s" }
        return rest == 0 ? "\(minutes) min" : "\(minutes) min \(rest) s"
    }

    static let labels = ["status": "Status", "priority": "Priority", "type": "Type", "assignee_id": "Assignee",
                         "group_id": "Group", "subject": "Subject", "requester_id": "Requester",
                         "organization_id": "Organization", "due_at": "Due", "tags": "Tags",
                         "collaborator_ids": "CCs", "follower_ids": "Followers", "external_id": "External id"]

    /// A sentence for a field event, or nil for comments and unset creation values.
    func describe(_ event: AuditRecord.Event) -> String? {
        guard let field = event.fieldName, event.type != "Comment" else { return nil }
        let label = Self.labels[field] ?? field
        let value = show(field, event.value)
        switch event.type {
        case "Create":
            // The subject, requester and organization are on the page already; unset fields say nothing.
            if value == "–" || ["subject", "requester_id", "submitter_id", "organization_id"].contains(field) { return nil }
            return "\(label): \(value)"
        case "Notice":
            return value
        case "SatisfactionRating":
            return Self.rating(event)
        case "TagsChange", "CollaboratorChange":
            return "\(label): \(value) (was \(show(field, event.previousValue)))"
        default:
            return "\(label) changed from \(show(field, event.previousValue)) to \(value)"
        }
    }

    /// "Rated good: “Quick and kind”", or "Rating changed from good to bad" when it was given before.
    static func rating(_ event: AuditRecord.Event) -> String {
        let value = event.value.flatMap { try? JSONValue.parse(Array($0.utf8)) }
        let score = value?["score"]?.stringValue ?? "?"
        let previous = event.previousValue.flatMap { try? JSONValue.parse(Array($0.utf8)) }?.stringValue ?? "offered"
        let comment = value?["body"]?.stringValue ?? ""
        let head = ["good", "bad"].contains(previous) ? "Rating changed from \(previous) to \(score)" : "Rated \(score)"
        return comment.isEmpty ? head : "\(head): “\(comment)”"
    }

    private func show(_ field: String, _ json: String?) -> String {
        guard let json, let value = try? JSONValue.parse(Array(json.utf8)) else { return "–" }
        switch value {
        case .null: return "–"
        case .string(let s): return s.isEmpty ? "–" : s
        case .array(let items):
            if items.isEmpty { return "none" }
            return items.map { item in
                if let id = item.intValue { return field == "tags" ? String(id) : (names.name(id).isEmpty ? "#\(id)" : names.name(id)) }
                return item.stringValue ?? item.text
            }.joined(separator: ", ")
        default:
            guard let id = value.intValue else { return value.text }
            switch field {
            case "group_id": return names.groups[id] ?? "#\(id)"
            case "assignee_id", "requester_id", "submitter_id": return names.name(id).isEmpty ? "#\(id)" : names.name(id)
            default: return String(id)
            }
        }
    }
}
