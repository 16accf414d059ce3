import CasebookCore
import Foundation
import Hummingbird

/// Counts the signed-in agent's unread notifications once per page request, so every page's header can say
/// "Notifications (3 unread)" without each of the dozens of page handlers asking. The count travels in a task-local
/// value that `Chrome` reads when a page builds its frame: handlers run in the task of the request, so a request sees
/// its own count and never another's.
struct UnreadNotificationsMiddleware: RouterMiddleware {
    typealias Context = CasebookContext
    let database: Database

    @TaskLocal static var count: Int?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // Only pages are read with GET by a signed-in browser; forms redirect to one.
        guard request.method == .get, context.session != nil, let actor = context.actor, actor.role.isStaff else {
            return try await next(request, context)
        }
        // A header count is not worth a failed page.
        let count = try? await database.read { db in try await DecisionStore(db: db).unreadCount(userID: actor.id) }
        return try await Self.$count.withValue(count) { try await next(request, context) }
    }
}
