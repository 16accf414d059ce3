import CasebookCore
import Foundation

/// The live side of the workspace: which tickets changed (from pages and the API alike) and who is looking at or
/// typing on which ticket. Each open page holds one subscription (a server-sent event stream).
actor LiveEvents {
    enum Event: Sendable, Equatable {
        /// A ticket was created or changed by the user with this id.
        case ticketChanged(ticketID: Int, byUserID: Int)
        /// Who is viewing or typing on this ticket changed.
        case presence(ticketID: Int)
        /// Sent every 20 s so streams notice closed connections and proxies keep them open.
        case heartbeat
    }

    private var heartbeat: Task<Void, Never>?

    private var subscribers: [Int: AsyncStream<Event>.Continuation] = [:]
    private var nextID = 0
    private var board = PresenceBoard()
    /// The ticket each subscription is viewing, if any.
    private var viewing: [Int: Int] = [:]
    private var closed = false

    /// A new subscription; the stream ends when `unsubscribe` or `close` is called.
    func subscribe() -> (id: Int, events: AsyncStream<Event>) {
        nextID += 1
        let id = nextID
        let (stream, continuation) = AsyncStream<Event>.makeStream(bufferingPolicy: .bufferingNewest(64))
        if closed { continuation.finish() } else { subscribers[id] = continuation }
        if heartbeat == nil, !closed {
            heartbeat = Task { [weak self] in
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(20))
                    await self?.publish(.heartbeat)
                }
            }
        }
        return (id, stream)
    }

    func unsubscribe(_ id: Int) {
        subscribers.removeValue(forKey: id)?.finish()
        if let ticketID = viewing.removeValue(forKey: id) {
            board.leave(ticketID: ticketID, connection: id)
            publish(.presence(ticketID: ticketID))
        }
    }

    func publish(_ event: Event) {
        for continuation in subscribers.values { continuation.yield(event) }
    }

    /// Counts ticket changes, so caches of things derived from tickets (view counts) know when they are stale.
    private(set) var generation = 0

    func ticketsChanged(_ ids: [Int], by userID: Int) {
        guard !ids.isEmpty else { return }
        generation += 1
        for id in ids { publish(.ticketChanged(ticketID: id, byUserID: userID)) }
    }

    /// Ends every stream (graceful shutdown: open pages must not keep the server from stopping).
    func close() {
        closed = true
        heartbeat?.cancel()
        for continuation in subscribers.values { continuation.finish() }
        subscribers.removeAll()
    }

    // MARK: Presence

    func join(ticketID: Int, viewer: Viewer, connection: Int) {
        board.join(ticketID: ticketID, viewer: viewer, connection: connection)
        viewing[connection] = ticketID
        publish(.presence(ticketID: ticketID))
    }

    func typing(ticketID: Int, userID: Int, now: Int64) {
        board.typing(ticketID: ticketID, userID: userID, at: now)
        publish(.presence(ticketID: ticketID))
    }

    func others(onTicket ticketID: Int, excluding userID: Int, now: Int64) -> [(viewer: Viewer, typing: Bool)] {
        board.others(onTicket: ticketID, excluding: userID, now: now)
    }
}
