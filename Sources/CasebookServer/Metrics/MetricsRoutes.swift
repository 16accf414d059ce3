import Crypto
import Foundation
import Hummingbird
import Prometheus

/// `GET /metrics` for a Prometheus scraper. Off (404) until `CASEBOOK_METRICS_TOKEN` is set; then the scraper sends
/// `Authorization: Bearer <token>`, and anything else is 401. Outside /api/v2: no user token, no rate limit.
struct MetricsRoutes {
    let services: CasebookServices

    func register(on router: Router<CasebookContext>) {
        let token = services.config.metricsToken, metrics = services.metrics
        let database = services.database, clock = services.config.clock
        router.get("metrics") { request, _ -> Response in
            guard let token else { return Self.plain(.notFound, "Not Found\n") }
            guard Self.bearer(request.headers[.authorization], matches: token) else {
                var response = Self.plain(.unauthorized, "A metrics token is required\n")
                response.headers[.wwwAuthenticate] = #"Bearer realm="metrics""#
                return response
            }
            let body = try await metrics.scrape(database: database, now: clock.now())
            return Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(bytes: body)))
        }
    }

    /// Whether the header carries the token. Both sides are hashed first and compared byte by byte without an early
    /// exit, so the time taken tells nothing about the token, its length included.
    static func bearer(_ header: String?, matches token: String) -> Bool {
        guard let header, header.count > 7, header.prefix(7).lowercased() == "bearer " else { return false }
        let sent = SHA256.hash(data: Data(header.dropFirst(7).utf8))
        let expected = SHA256.hash(data: Data(token.utf8))
        var difference: UInt8 = 0
        for (a, b) in zip(sent, expected) { difference |= a ^ b }
        return difference == 0
    }

    private static func plain(_ status: HTTPResponse.Status, _ text: String) -> Response {
        Response(status: status, headers: [.contentType: "text/plain; charset=utf-8"],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
