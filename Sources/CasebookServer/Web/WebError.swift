import Foundation
import HTTPTypes
import Hummingbird

/// A page-level failure shown as an HTML page with its status.
struct WebError: Error, Sendable {
    var status: HTTPResponse.Status
    var message: String
    init(_ status: HTTPResponse.Status, _ message: String) {
        self.status = status
        self.message = message
    }
}

/// Turns errors thrown by page handlers into HTML pages: 401 becomes a trip to the sign-in page, API errors
/// (from the services pages share with the API) keep their status and say what went wrong.
struct WebErrorMiddleware: RouterMiddleware {
    typealias Context = CasebookContext
    let renderer: PageRenderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as WebError {
            return page(error.status, error.message, context: context)
        } catch let error as APIError {
            if error.status == .unauthorized {
                guard request.method == .get else { return page(.unauthorized, "Please sign in again.", context: context) }
                let next = request.uri.path + (request.uri.query.map { "?" + $0 } ?? "")
                return seeOther("/sign-in?next=" + percentEncoded(next, keeping: "/"))
            }
            let message = error.status == .notFound ? "We could not find that page." : error.messages.joined(separator: " ")
            return page(error.status, message, context: context)
        } catch let error as HTTPError where error.status == .notFound {
            return page(.notFound, "We could not find that page.", context: context)
        }
    }

    private func page(_ status: HTTPResponse.Status, _ message: String, context: Context) -> Response {
        let title = status == .forbidden ? "No access" : status == .notFound ? "Not found" : "Something went wrong"
        var chrome = Chrome(title: title, context: context)
        chrome.errors = [message]
        return renderer.page("error", ["chrome": chrome, "status": Int(status.code)] as [String: Any], status: status)
    }
}

extension APIError {
    /// Human sentences for a page: the field details when there are any, else the description.
    var messages: [String] {
        guard let details, !details.details.isEmpty else { return [description] }
        return details.details.keys.sorted().flatMap { details.details[$0]!.map(\.description) }
    }
}
