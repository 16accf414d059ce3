import Foundation

/// The fields of a ticket that rules reason about (comments and audits live beside it).
public struct TicketSnapshot: Sendable, Equatable {
    public var externalID: String?
    public var type: TicketType?
    public var subject: String
    public var status: TicketStatus
    public var priority: TicketPriority?
    public var requesterID: Int
    public var submitterID: Int
    public var assigneeID: Int?
    public var groupID: Int?
    public var organizationID: Int?
    public var tags: [String]
    public var ccIDs: [Int]
    public var followerIDs: [Int]
    public var dueAt: Date?

    public init(externalID: String? = nil, type: TicketType? = nil, subject: String, status: TicketStatus = .new,
                priority: TicketPriority? = nil, requesterID: Int, submitterID: Int, assigneeID: Int? = nil,
                groupID: Int? = nil, organizationID: Int? = nil, tags: [String] = [], ccIDs: [Int] = [],
                followerIDs: [Int] = [], dueAt: Date? = nil) {
        self.externalID = externalID
        self.type = type
        self.subject = subject
        self.status = status
        self.priority = priority
        self.requesterID = requesterID
        self.submitterID = submitterID
        self.assigneeID = assigneeID
        self.groupID = groupID
        self.organizationID = organizationID
        self.tags = tags
        self.ccIDs = ccIDs
        self.followerIDs = followerIDs
        self.dueAt = dueAt
    }
}

/// A requested change. `nil` leaves a field as it is; `.some(nil)` clears it.
public struct TicketPatch: Sendable, Equatable {
    public var externalID: String??
    public var type: TicketType??
    public var subject: String?
    public var status: TicketStatus?
    public var priority: TicketPriority??
    public var requesterID: Int?
    public var assigneeID: Int??
    public var groupID: Int??
    public var organizationID: Int??
    /// Replaces all tags.
    public var tags: [String]?
    public var addTags: [String] = []
    public var removeTags: [String] = []
    public var ccIDs: [Int]?
    /// Adds CCs to those the ticket has.
    public var addCCIDs: [Int] = []
    public var followerIDs: [Int]?
    public var dueAt: Date??

    public init() {}

    public var isEmpty: Bool { self == TicketPatch() }

    /// The ticket with this patch's fields copied on (trimmed subject, normalized tags, unique people);
    /// no rule runs here: `TicketRules` decides what the result may be.
    public func applied(to ticket: TicketSnapshot) -> TicketSnapshot {
        var next = ticket
        if let v = externalID { next.externalID = v }
        if let v = type { next.type = v }
        if let v = subject { next.subject = v.trimmingCharacters(in: .whitespacesAndNewlines) }
        if let v = priority { next.priority = v }
        if let v = requesterID { next.requesterID = v }
        if let v = assigneeID { next.assigneeID = v }
        if let v = groupID { next.groupID = v }
        if let v = organizationID { next.organizationID = v }
        if let v = dueAt { next.dueAt = v }
        let gone = Set(Tags.normalize(removeTags))
        next.tags = Tags.normalize((tags ?? next.tags) + addTags).filter { !gone.contains($0) }
        next.ccIDs = TicketRules.unique((ccIDs ?? next.ccIDs) + addCCIDs)
        if let v = followerIDs { next.followerIDs = TicketRules.unique(v) }
        return next
    }
}

/// Decides what a create or an update does to a ticket and which audit events record it.
public enum TicketRules {
    /// Applies `patch` (and the optional comment) to `current` on behalf of `actor`.
    /// Returns the new fields and the events of the one audit that records the change.
    public static func update(_ current: TicketSnapshot, with patch: TicketPatch, comment: CommentDraft?,
                              by actor: Actor) throws(FieldErrors) -> (TicketSnapshot, [AuditEvent]) {
        if current.status == .closed {
            throw FieldErrors(field: "status", error: "InvalidValue", StatusChange.Refusal.closedIsFinal.description)
        }
        var errors = FieldErrors()
        if !actor.role.allows(.editTicketFields) {
            // A requester may only comment, and mark their request solved (Zendesk's `solved: true` on requests).
            var beyondSolving = patch
            if beyondSolving.status == .solved { beyondSolving.status = nil }
            if !beyondSolving.isEmpty {
                errors.add("base", error: "PermissionDenied", "End users may only add public comments to their tickets")
            }
            if let comment, !comment.isPublic {
                errors.add("comment", error: "PermissionDenied", "End users cannot add internal notes")
            }
        }
        var next = patch.applied(to: current)
        if patch.subject != nil, next.subject.isEmpty {
            errors.add("subject", error: "BlankValue", "Subject: cannot be blank")
        }

        next.status = resolveStatus(current: current, requested: patch.status, next: next, comment: comment, actor: actor)
        // An assigned ticket is being worked on: it is open, never new.
        if next.status == .new, current.status == .new, next.assigneeID != nil { next.status = .open }
        if next.status == .solved || next.status == .closed, next.assigneeID == nil {
            // Zendesk assigns a solved ticket to the agent who solves it.
            if actor.role.isStaff { next.assigneeID = actor.id } else {
                errors.add("assignee", error: "BlankValue", "Assignee: is required when solving a ticket")
            }
        }
        if current.status != next.status {
            do throws(StatusChange.Refusal) {
                try StatusChange.check(from: current.status, to: next.status, hasAssignee: next.assigneeID != nil)
            } catch {
                errors.add("status", error: "InvalidValue", error.description)
            }
        }
        if next.dueAt != nil, next.type != .task {
            errors.add("due_at", error: "InvalidValue", "Due at: only tasks have a due date")
        }
        try errors.throwIfAny()
        return (next, events(from: current, to: next, comment: comment))
    }

    /// A new ticket: the description is its first comment. The returned events are those of the creating audit.
    public static func create(_ fields: TicketSnapshot, status requested: TicketStatus?, comment: CommentDraft,
                              by actor: Actor) throws(FieldErrors) -> (TicketSnapshot, [AuditEvent]) {
        var errors = FieldErrors()
        var ticket = fields
        ticket.subject = fields.subject.trimmingCharacters(in: .whitespacesAndNewlines)
        if ticket.subject.isEmpty {
            // Zendesk takes the subject from the description when it is missing.
            let firstLine = comment.body.split(whereSeparator: \.isNewline).first ?? ""
            ticket.subject = String(firstLine.prefix(150)).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        if ticket.subject.isEmpty { errors.add("subject", error: "BlankValue", "Subject: cannot be blank") }
        ticket.tags = Tags.normalize(fields.tags)
        ticket.ccIDs = unique(fields.ccIDs)
        ticket.followerIDs = unique(fields.followerIDs)
        if !actor.role.allows(.editTicketFields) {
            ticket.assigneeID = nil
            ticket.groupID = nil
            ticket.followerIDs = []
            // Tags and status are the desk's to set; a customer's ticket starts new and untagged.
            ticket.tags = []
            if requested != nil, requested != .new {
                errors.add("status", error: "PermissionDenied", "End users cannot set the status of a new ticket")
            }
            if !comment.isPublic {
                errors.add("comment", error: "PermissionDenied", "End users cannot add internal notes")
            }
        }
        var status = actor.role.allows(.editTicketFields) ? requested ?? .new : .new
        if status == .new, ticket.assigneeID != nil { status = .open }
        if status == .closed {
            errors.add("status", error: "InvalidValue", "Status: a new ticket cannot be closed")
        }
        if status == .solved, ticket.assigneeID == nil {
            if actor.role.isStaff { ticket.assigneeID = actor.id } else {
                errors.add("assignee", error: "BlankValue", "Assignee: is required when solving a ticket")
            }
        }
        ticket.status = status
        if ticket.dueAt != nil, ticket.type != .task {
            errors.add("due_at", error: "InvalidValue", "Due at: only tasks have a due date")
        }
        try errors.throwIfAny()
        var events: [AuditEvent] = [.comment]
        events.append(.create(field: "subject", value: .string(ticket.subject)))
        events.append(.create(field: "status", value: .string(ticket.status.rawValue)))
        if let v = ticket.type { events.append(.create(field: "type", value: .string(v.rawValue))) }
        if let v = ticket.priority { events.append(.create(field: "priority", value: .string(v.rawValue))) }
        events.append(.create(field: "requester_id", value: .int(ticket.requesterID)))
        if let v = ticket.assigneeID { events.append(.create(field: "assignee_id", value: .int(v))) }
        if let v = ticket.groupID { events.append(.create(field: "group_id", value: .int(v))) }
        if let v = ticket.organizationID { events.append(.create(field: "organization_id", value: .int(v))) }
        if let v = ticket.externalID { events.append(.create(field: "external_id", value: .string(v))) }
        if let v = ticket.dueAt { events.append(.create(field: "due_at", value: .string(isoString(v)))) }
        if !ticket.tags.isEmpty { events.append(.create(field: "tags", value: .strings(ticket.tags))) }
        if !ticket.ccIDs.isEmpty {
            events.append(.collaboratorChange(field: "collaborator_ids", ids: ticket.ccIDs, previous: []))
        }
        if !ticket.followerIDs.isEmpty {
            events.append(.collaboratorChange(field: "follower_ids", ids: ticket.followerIDs, previous: []))
        }
        return (ticket, events)
    }

    static func resolveStatus(current: TicketSnapshot, requested: TicketStatus?, next: TicketSnapshot,
                              comment: CommentDraft?, actor: Actor) -> TicketStatus {
        if let requested { return requested }
        // A requester's new comment reopens a solved (or pending/on-hold) ticket.
        if let comment, comment.isPublic, comment.authorID == next.requesterID,
           [.solved, .pending, .hold].contains(current.status) {
            return .open
        }
        // A new ticket becomes open once it is assigned or an agent answers it.
        if current.status == .new,
           next.assigneeID != nil || (actor.role.isStaff && comment?.isPublic == true) {
            return .open
        }
        return current.status
    }

    static func events(from old: TicketSnapshot, to new: TicketSnapshot, comment: CommentDraft?) -> [AuditEvent] {
        var events: [AuditEvent] = []
        if comment != nil { events.append(.comment) }
        func change(_ field: String, _ a: AuditValue, _ b: AuditValue) {
            if a != b { events.append(.change(field: field, from: a, to: b)) }
        }
        change("subject", .string(old.subject), .string(new.subject))
        change("status", .string(old.status.rawValue), .string(new.status.rawValue))
        change("type", AuditValue(old.type?.rawValue), AuditValue(new.type?.rawValue))
        change("priority", AuditValue(old.priority?.rawValue), AuditValue(new.priority?.rawValue))
        change("requester_id", .int(old.requesterID), .int(new.requesterID))
        change("assignee_id", AuditValue(old.assigneeID), AuditValue(new.assigneeID))
        change("group_id", AuditValue(old.groupID), AuditValue(new.groupID))
        change("organization_id", AuditValue(old.organizationID), AuditValue(new.organizationID))
        change("external_id", AuditValue(old.externalID), AuditValue(new.externalID))
        change("due_at", AuditValue(old.dueAt.map(isoString)), AuditValue(new.dueAt.map(isoString)))
        if old.tags != new.tags { events.append(.tagsChange(tags: new.tags, previous: old.tags)) }
        if old.ccIDs != new.ccIDs {
            events.append(.collaboratorChange(field: "collaborator_ids", ids: new.ccIDs, previous: old.ccIDs))
        }
        if old.followerIDs != new.followerIDs {
            events.append(.collaboratorChange(field: "follower_ids", ids: new.followerIDs, previous: old.followerIDs))
        }
        return events
    }

    static func unique(_ ids: [Int]) -> [Int] {
        var seen = Set<Int>()
        return ids.filter { seen.insert($0).inserted }
    }
}

/// ISO 8601 in UTC with seconds, as Zendesk writes times.
public func isoString(_ date: Date) -> String {
    date.formatted(Date.ISO8601FormatStyle(timeZone: .gmt))
}

public func parseISODate(_ text: String) -> Date? {
    if let d = try? Date.ISO8601FormatStyle(timeZone: .gmt).parse(text) { return d }
    if let d = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: .gmt).parse(text) { return d }
    if let d = try? Date.ISO8601FormatStyle(timeZone: .gmt).year().month().day().parse(text) { return d }
    return nil
}
