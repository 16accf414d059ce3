import CasebookCore
import Foundation
import HTTPTypes
import Hummingbird

/// Signs a request in from `Authorization: Basic base64(email/token:TOKEN)` or `Authorization: Bearer TOKEN`.
/// A request without credentials goes on unsigned (routes then answer 401); bad credentials answer 401 here.
struct TokenAuthMiddleware: RouterMiddleware {
    typealias Context = CasebookContext
    let database: Database
    let limiter: RateLimiter?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization] else { return try await next(request, context) }
        var context = context
        let (email, token) = try Self.credentials(header)
        guard let user = try await database.read({ db in try await UserStore(db: db).user(forTokenHash: APITokens.hash(token)) }),
              user.active, email == nil || email == user.email
        else { throw APIError.unauthorized }
        context.actor = Actor(id: user.id, role: user.role)
        context.actorEmail = user.email
        context.actorName = user.name
        guard let limiter else { return try await next(request, context) }
        let decision = await limiter.take(key: user.id)
        guard decision.allowed else {
            var error = APIError(.tooManyRequests, "TooManyRequests",
                                 "Rate limit of \(decision.limit) requests a minute exceeded; retry after \(decision.retryAfter) s")
            error.headers[HTTPField.Name("Retry-After")!] = String(decision.retryAfter)
            error.headers[HTTPField.Name("X-Rate-Limit")!] = String(decision.limit)
            error.headers[HTTPField.Name("X-Rate-Limit-Remaining")!] = "0"
            throw error
        }
        var response = try await next(request, context)
        response.headers[HTTPField.Name("X-Rate-Limit")!] = String(decision.limit)
        response.headers[HTTPField.Name("X-Rate-Limit-Remaining")!] = String(decision.remaining)
        return response
    }

    /// Returns the email (for basic auth) and the token.
    static func credentials(_ header: String) throws -> (String?, String) {
        if header.lowercased().hasPrefix("bearer ") {
            return (nil, String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces))
        }
        guard header.lowercased().hasPrefix("basic "),
              let data = Data(base64Encoded: String(header.dropFirst(6)).trimmingCharacters(in: .whitespaces)),
              let decoded = String(data: data, encoding: .utf8),
              let colon = decoded.firstIndex(of: ":")
        else { throw APIError.unauthorized }
        let user = String(decoded[..<colon])
        let secret = String(decoded[decoded.index(after: colon)...])
        // Only API tokens: password basic auth is not accepted on the API.
        guard user.lowercased().hasSuffix("/token") else { throw APIError.unauthorized }
        return (String(user.dropLast(6)).lowercased(), secret)
    }
}

/// A per-token limit on requests a minute (a token bucket refilled continuously).
actor RateLimiter {
    struct Decision: Sendable {
        var allowed: Bool
        var limit: Int
        var remaining: Int
        var retryAfter: Int
    }

    let perMinute: Int
    private var buckets: [Int: (tokens: Double, at: ContinuousClock.Instant)] = [:]

    init(perMinute: Int) { self.perMinute = perMinute }

    func take(key: Int, now: ContinuousClock.Instant = .now) -> Decision {
        let rate = Double(perMinute) / 60
        var bucket = buckets[key] ?? (Double(perMinute), now)
        let elapsed = now - bucket.at
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        bucket.tokens = min(Double(perMinute), bucket.tokens + seconds * rate)
        bucket.at = now
        defer { buckets[key] = bucket }
        if bucket.tokens >= 1 {
            bucket.tokens -= 1
            return Decision(allowed: true, limit: perMinute, remaining: Int(bucket.tokens), retryAfter: 0)
        }
        let wait = Int(((1 - bucket.tokens) / rate).rounded(.up))
        return Decision(allowed: false, limit: perMinute, remaining: 0, retryAfter: max(1, wait))
    }
}
