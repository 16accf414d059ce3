import CasebookCore
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import ServiceLifecycle

/// `GET /agent/live[?ticket=ID]`: a server-sent event stream for an open workspace page. On a ticket page it also
/// marks the agent as viewing that ticket for as long as the stream is open (the collision notice).
struct LiveRoutes: Sendable {
    let database: Database
    let tickets: TicketService
    let live: LiveEvents

    func register(on web: RouterGroup<CasebookContext>) {
        web.get("agent/live", use: stream)
    }

    @Sendable func stream(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.useWorkspace)
        let name = context.actorName ?? "An agent"
        let ticketID = request.query["ticket"].flatMap { Int($0) }
        if let ticketID { _ = try await tickets.get(ticketID, actor: actor) }
        let (subscription, events) = await live.subscribe()
        if let ticketID { await live.join(ticketID: ticketID, viewer: Viewer(userID: actor.id, name: name), connection: subscription) }
        let live = self.live
        let database = self.database
        let body = ResponseBody { writer in
            var names: [Int: String] = [actor.id: name]
            func send(_ event: String, _ data: JSONValue) async throws {
                try await writer.write(ByteBuffer(string: "event: \(event)\ndata: \(data.text)\n\n"))
            }
            func presence(_ id: Int) async throws {
                let others = await live.others(onTicket: id, excluding: actor.id, now: Timestamp.now)
                try await send("presence", ["ticket": .int(id), "others": .array(others.map {
                    ["id": .int($0.viewer.userID), "name": .string($0.viewer.name), "typing": .bool($0.typing)]
                })])
            }
            do {
                try await writer.write(ByteBuffer(string: "retry: 2000\n\n"))
                if let ticketID { try await presence(ticketID) }
                try await withGracefulShutdownHandler {
                    for await event in events {
                        switch event {
                        case .presence(let id) where id == ticketID:
                            try await presence(id)
                        case .ticketChanged(let id, let by) where by != actor.id && (ticketID == nil || id == ticketID):
                            if names[by] == nil {
                                names[by] = try await database.read { db in try await UserStore(db: db).find(id: by)?.name } ?? "someone"
                            }
                            try await send("ticket", ["id": .int(id), "by": .string(names[by]!)])
                        case .heartbeat:
                            try await writer.write(ByteBuffer(string: ": keep-alive\n\n"))
                        default:
                            break
                        }
                    }
                } onGracefulShutdown: {
                    Task { await live.unsubscribe(subscription) }
                }
            } catch {
                // The browser went away; fall through to clean up.
            }
            await live.unsubscribe(subscription)
            try await writer.finish(nil)
        }
        return Response(status: .ok,
                        headers: [.contentType: "text/event-stream", .cacheControl: "no-store",
                                  HTTPField.Name("X-Accel-Buffering")!: "no"],
                        body: body)
    }
}
