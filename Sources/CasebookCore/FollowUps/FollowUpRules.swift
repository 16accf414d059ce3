import Foundation

/// Where a follow-up task stands: open until its owner completes it (with a note) or someone cancels it (with a reason).
public enum FollowUpStatus: String, Codable, Sendable, CaseIterable {
    case open, done, cancelled
}

/// The notices a follow-up sends: a reminder to the owner before it is due, another when it is due, and, once it
/// is missed by the grace period, an escalation to whoever assigned it.
public enum FollowUpNotice: String, Sendable, Equatable, CaseIterable {
    case reminder, due, escalation
}

/// When a follow-up's notices fall due. Each is sent once; what was already sent is recorded as a time
/// (`reminded_at`, `due_notified_at`, `escalated_at`), so running the job again sends nothing new.
public struct FollowUpSchedule: Sendable, Equatable {
    /// Minutes before the due time that the owner is reminded.
    public var remindBeforeMinutes: Int64
    /// Minutes past the due time after which the assigner is told it was missed.
    public var graceMinutes: Int64

    public init(remindBeforeMinutes: Int64 = 30, graceMinutes: Int64 = 15) {
        self.remindBeforeMinutes = remindBeforeMinutes
        self.graceMinutes = graceMinutes
    }

    /// What was already sent, in milliseconds since 1970.
    public struct Sent: Sendable, Equatable {
        public var remindedAt: Int64?
        public var dueNotifiedAt: Int64?
        public var escalatedAt: Int64?
        public init(remindedAt: Int64? = nil, dueNotifiedAt: Int64? = nil, escalatedAt: Int64? = nil) {
            self.remindedAt = remindedAt
            self.dueNotifiedAt = dueNotifiedAt
            self.escalatedAt = escalatedAt
        }
    }

    public func remindAt(dueAt: Int64) -> Int64 { dueAt - remindBeforeMinutes * 60_000 }
    public func escalateAt(dueAt: Int64) -> Int64 { dueAt + graceMinutes * 60_000 }

    /// The notices to send at `now`, in order. Only an open follow-up sends any. A reminder "before" that was never
    /// sent is dropped once the task is due (the due notice says more); the escalation goes to another person, so it
    /// does not replace the owner's due notice.
    public func next(status: FollowUpStatus, dueAt: Int64, now: Int64, sent: Sent) -> [FollowUpNotice] {
        guard status == .open else { return [] }
        var notices: [FollowUpNotice] = []
        if now < dueAt, now >= remindAt(dueAt: dueAt), sent.remindedAt == nil { notices.append(.reminder) }
        if now >= dueAt, sent.dueNotifiedAt == nil { notices.append(.due) }
        if now >= escalateAt(dueAt: dueAt), sent.escalatedAt == nil { notices.append(.escalation) }
        return notices
    }

    /// When the next notice falls due, or nil when none is left (for "next reminder at" on the page).
    public func nextAt(status: FollowUpStatus, dueAt: Int64, sent: Sent) -> Int64? {
        guard status == .open else { return nil }
        if sent.remindedAt == nil, sent.dueNotifiedAt == nil { return remindAt(dueAt: dueAt) }
        if sent.dueNotifiedAt == nil { return dueAt }
        if sent.escalatedAt == nil { return escalateAt(dueAt: dueAt) }
        return nil
    }

    /// Overdue: open and past its due time.
    public static func isOverdue(status: FollowUpStatus, dueAt: Int64, now: Int64) -> Bool { status == .open && now >= dueAt }
}

/// The checks a new follow-up passes before it is stored; each refusal names the field and the rule.
public enum FollowUpRules {
    public static let maxTitleLength = 200

    /// `ownerRole` is nil when no such person exists; `dueAt` nil when the time was missing or unreadable.
    public static func validate(title: String, dueAt: Int64?, now: Int64, ownerRole: Role?, ownerActive: Bool = true) throws(FieldErrors) {
        var errors = FieldErrors()
        let title = title.trimmedWhitespace
        if title.isEmpty { errors.add("title", error: "BlankValue", "Title: say what is to be done, such as \"call the customer back\"") }
        if title.count > maxTitleLength { errors.add("title", error: "TooLong", "Title: at most \(maxTitleLength) characters (this one has \(title.count))") }
        if let dueAt {
            if dueAt <= now { errors.add("due_at", error: "InvalidValue", "Due: the due time must be in the future") }
        } else {
            errors.add("due_at", error: "InvalidValue", "Due: give a date and time such as 2026-03-01T14:30:00Z")
        }
        switch ownerRole {
        case nil: errors.add("owner_id", error: "InvalidValue", "Owner: no such person")
        case .some(let role) where !role.isStaff || !ownerActive:
            errors.add("owner_id", error: "InvalidValue", "Owner: a follow-up is owned by an active member of staff, not a customer")
        default: break
        }
        if !errors.isEmpty { throw errors }
    }

    /// Completing says what came of it; cancelling says why.
    public static func validate(note: String, field: String, what: String) throws(FieldErrors) {
        if note.trimmedWhitespace.isEmpty { throw FieldErrors(field: field, error: "BlankValue", "\(what): required") }
    }

    /// Who may complete, cancel or reassign a follow-up: its owner, whoever assigned it, or a lead and above.
    public static func mayClose(actor: Actor, ownerID: Int, assignedByID: Int) -> Bool {
        actor.id == ownerID || actor.id == assignedByID || actor.role.rank >= Role.lead.rank
    }
}

/// A remote-assistance session recorded against a ticket: Casebook keeps the record, the company's tool does the work.
public enum RemoteSessionRules {
    /// The session's link from the configured template: `{code}` replaced by the code, percent-escaped.
    public static func link(template: String?, code: String) -> String? {
        guard let template, !template.isEmpty else { return nil }
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        let escaped = code.utf8.map { byte -> String in
            let c = Character(UnicodeScalar(byte))
            return allowed.contains(c) ? String(c) : "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
        }.joined()
        return template.contains("{code}") ? template.replacingOccurrences(of: "{code}", with: escaped) : template + escaped
    }

    public static func validate(code: String, startedAt: Int64?, endedAt: Int64?, outcomeLength: Int = 0) throws(FieldErrors) {
        var errors = FieldErrors()
        let code = code.trimmedWhitespace
        if code.isEmpty { errors.add("session_code", error: "BlankValue", "Session code: required") }
        if code.count > 100 { errors.add("session_code", error: "TooLong", "Session code: at most 100 characters") }
        if startedAt == nil { errors.add("started_at", error: "InvalidValue", "Start: give a date and time such as 2026-03-01T14:30:00Z") }
        if let startedAt, let endedAt, endedAt < startedAt {
            errors.add("ended_at", error: "InvalidValue", "End: a session cannot end before it started")
        }
        if outcomeLength > 10_000 { errors.add("outcome", error: "TooLong", "Outcome: at most 10000 characters") }
        if !errors.isEmpty { throw errors }
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
