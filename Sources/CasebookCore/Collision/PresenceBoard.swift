/// Someone looking at a ticket, as the collision notice names them.
public struct Viewer: Sendable, Equatable, Hashable {
    public var userID: Int
    public var name: String

    public init(userID: Int, name: String) {
        self.userID = userID
        self.name = name
    }
}

/// Who has a ticket open and who is typing on it, so two agents do not answer the same customer at once.
/// Tracked per connection, not per person: an agent with the ticket in two tabs is still there after closing one.
public struct PresenceBoard: Sendable {
    /// ms a typing signal stays fresh. Browsers send one every few seconds while keys are pressed, so a notice
    /// that outlives a couple of missed signals does not flicker, yet clears soon after the person stops.
    public static let typingLasts: Int64 = 6_000

    /// ticket id → connection → who holds it.
    private var connections: [Int: [Int: Viewer]] = [:]
    /// ticket id → user id → when they last typed (ms since epoch).
    private var lastTyped: [Int: [Int: Int64]] = [:]

    public init() {}

    /// A viewer's connection (e.g. one SSE stream; one person may have several tabs) opened on a ticket.
    public mutating func join(ticketID: Int, viewer: Viewer, connection: Int) {
        let previous = connections[ticketID, default: [:]].updateValue(viewer, forKey: connection)
        if let previous, previous.userID != viewer.userID { forgetTypingIfGone(ticketID: ticketID, userID: previous.userID) }
    }

    public mutating func leave(ticketID: Int, connection: Int) {
        guard let viewer = connections[ticketID]?.removeValue(forKey: connection) else { return }
        if connections[ticketID]?.isEmpty == true { connections[ticketID] = nil }
        forgetTypingIfGone(ticketID: ticketID, userID: viewer.userID)
    }

    /// Ignored from someone without the ticket open: a late signal after they left must not show them typing.
    public mutating func typing(ticketID: Int, userID: Int, at now: Int64) {
        guard isViewing(ticketID: ticketID, userID: userID) else { return }
        lastTyped[ticketID, default: [:]][userID] = now
    }

    /// Other people on the ticket (each once, excluding `excluding` user id), sorted by name, with whether they are typing now.
    public func others(onTicket ticketID: Int, excluding userID: Int, now: Int64) -> [(viewer: Viewer, typing: Bool)] {
        var people: [Int: Viewer] = [:]
        // The lowest connection wins when one person's tabs disagree on a name, so the answer never depends on
        // dictionary order.
        for (_, viewer) in (connections[ticketID] ?? [:]).sorted(by: { $0.key < $1.key })
        where viewer.userID != userID && people[viewer.userID] == nil {
            people[viewer.userID] = viewer
        }
        let typed = lastTyped[ticketID] ?? [:]
        return people.values
            .sorted { ($0.name.lowercased(), $0.name, $0.userID) < ($1.name.lowercased(), $1.name, $1.userID) }
            .map { viewer in
                let typing = typed[viewer.userID].map { now - $0 < Self.typingLasts } ?? false
                return (viewer: viewer, typing: typing)
            }
    }

    /// Ticket ids a connection count > 0 (for housekeeping/tests).
    public func ticketsWithViewers() -> Set<Int> {
        Set(connections.keys)
    }

    private func isViewing(ticketID: Int, userID: Int) -> Bool {
        connections[ticketID]?.values.contains { $0.userID == userID } ?? false
    }

    private mutating func forgetTypingIfGone(ticketID: Int, userID: Int) {
        guard !isViewing(ticketID: ticketID, userID: userID) else { return }
        lastTyped[ticketID]?[userID] = nil
        if lastTyped[ticketID]?.isEmpty == true { lastTyped[ticketID] = nil }
    }
}
