import Hummingbird
import Prometheus

/// Requests served, by method and status class, and how long they took, by method. Labels stay few on purpose:
/// paths carry ids, and a scraper should not see a new series for every ticket.
struct HTTPMetrics: Sendable {
    let registry: PrometheusCollectorRegistry

    private static var requests: MetricNameDescriptor { .casebook(
        "http_requests", unit: "total", "HTTP requests answered, by method and status class (2xx, 4xx, …).") }
    private static var duration: MetricNameDescriptor { .casebook(
        "http_request_duration", unit: "seconds", "Time to answer an HTTP request, by method.") }
    private static let buckets: [Duration] = [
        .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
        .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10),
    ]
    /// Methods outside this list are counted as `other`, so a client inventing methods cannot add series.
    private static let knownMethods: Set<HTTPRequest.Method> = [.get, .head, .post, .put, .patch, .delete, .options]

    func record(method: HTTPRequest.Method, status: HTTPResponse.Status, elapsed: Duration) {
        let method = Self.knownMethods.contains(method) ? method.rawValue : "other"
        let statusClass = "\(min(max(status.code / 100, 1), 5))xx"
        registry.makeCounter(descriptor: Self.requests, labels: [("method", method), ("status", statusClass)]).increment()
        registry.makeDurationHistogram(descriptor: Self.duration, labels: [("method", method)], buckets: Self.buckets)
            .record(elapsed)
    }
}

/// Counts every request the router answers, errors included (they leave as thrown `HTTPResponseError`s and become
/// responses further out).
struct HTTPMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let metrics: HTTPMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            metrics.record(method: request.method, status: response.status, elapsed: .now - start)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status ?? .internalServerError
            metrics.record(method: request.method, status: status, elapsed: .now - start)
            throw error
        }
    }
}
