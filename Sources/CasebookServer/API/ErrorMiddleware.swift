import Hummingbird
import Logging

/// Answers any unexpected error as a Zendesk-shaped JSON 500 and logs it; errors that know their response pass through.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = CasebookContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as any HTTPResponseError {
            throw error
        } catch {
            context.logger.error("request failed", metadata: ["path": "\(request.uri.path)", "error": "\(String(reflecting: error))"])
            throw APIError(.internalServerError, "InternalError", "Something went wrong on our side; it has been logged")
        }
    }
}
