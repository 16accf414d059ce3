import Foundation

/// Whether an agent can take new work. Not to be confused with `PresenceBoard`, which tracks who is looking at a
/// ticket: this is the agent's own availability, as routing sees it.
public enum PresenceStatus: String, Codable, Sendable, CaseIterable {
    case online, away, offline
}

/// An agent's availability as they set it, plus when they last did anything, so a forgotten "online" fades to away.
public struct AgentPresence: Sendable, Equatable {
    /// Long enough for a status message, short enough for the one line the agent list gives it.
    public static let noteLimit = 200

    public var status: PresenceStatus
    /// ms since epoch of the last status change.
    public var changedAt: Int64
    /// ms since epoch of the last request the agent made; the browser's heartbeat keeps it fresh.
    public var lastActiveAt: Int64
    /// When the agent said they would be back (shown to colleagues; never switches them online by itself).
    public var backAt: Int64?
    public var note: String

    public init(status: PresenceStatus, changedAt: Int64, lastActiveAt: Int64, backAt: Int64? = nil, note: String = "") {
        self.status = status
        self.changedAt = changedAt
        self.lastActiveAt = lastActiveAt
        self.backAt = backAt
        self.note = note
    }

    /// The status routing should believe. An agent who closed the laptop while online would otherwise keep
    /// receiving tickets nobody reads, so silence longer than `idleAfterMillis` counts as away. Away and offline are
    /// the agent's own word and stay as they are.
    public func effectiveStatus(now: Int64, idleAfterMillis: Int64) -> PresenceStatus {
        if status == .online, now - lastActiveAt > idleAfterMillis { return .away }
        return status
    }

    /// Whether new tickets may be routed to this agent now.
    public func isReachable(now: Int64, idleAfterMillis: Int64) -> Bool {
        effectiveStatus(now: now, idleAfterMillis: idleAfterMillis) == .online
    }

    /// The presence after the agent sets a new status. Validation happens here so that no path (web, API, the
    /// sign-out hook) can store a note too long for the agent list or a return time already past.
    public func changed(to status: PresenceStatus, note: String = "", backAt: Int64? = nil,
                        at now: Int64) throws(FieldErrors) -> AgentPresence {
        var errors = FieldErrors()
        let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
        if note.count > Self.noteLimit {
            errors.add("note", error: "TooLong", "Note: is too long (at most \(Self.noteLimit) characters, got \(note.count))")
        }
        if let backAt, backAt <= now {
            errors.add("back_at", error: "InvalidValue", "Back at: must be in the future")
        }
        try errors.throwIfAny()
        return AgentPresence(status: status, changedAt: now, lastActiveAt: now, backAt: backAt, note: note)
    }
}
