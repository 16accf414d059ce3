import CasebookCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
@testable import CasebookServer

/// One scrape of `GET /metrics`, parsed: `name{labels} value` lines, comments skipped.
struct Scrape {
    var status: HTTPResponse.Status
    var contentType: String?
    var text: String
    var samples: [String: Double] = [:]

    init(_ response: APIResponse) {
        status = response.status
        contentType = response.headers[.contentType]
        text = response.text
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else { continue }
            samples[String(line[..<space])] = value
        }
    }

    subscript(_ series: String) -> Double? { samples[series] }
}

extension TestApp {
    func scrape(token: String?) async throws -> Scrape {
        var headers: HTTPFields = [:]
        if let token { headers[.authorization] = "Bearer \(token)" }
        return Scrape(try await anonymous.call(.get, "/metrics", headers: headers))
    }
}

@Suite struct MetricsTests {
    static let token = ["CASEBOOK_METRICS_TOKEN": "s3cret"]

    @Test("without a configured token /metrics is off", arguments: TestDatabase.all)
    func disabledWithoutToken(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let anonymous = try await app.scrape(token: nil), withToken = try await app.scrape(token: "s3cret")
            #expect(anonymous.status == .notFound)
            #expect(withToken.status == .notFound)
        }
    }

    @Test("a missing or wrong token is refused", arguments: TestDatabase.all)
    func wrongTokenRefused(db: TestDatabase) async throws {
        try await TestApp.run(db, mail: Self.token) { app in
            #expect(try await app.scrape(token: nil).status == .unauthorized)
            #expect(try await app.scrape(token: "s3cre").status == .unauthorized)
            #expect(try await app.scrape(token: "s3cret-and-more").status == .unauthorized)
            // A user's API token is not the scraper's.
            let asAgent = try await app.client.execute(uri: "/metrics", method: .get,
                                                       headers: [.authorization: "Bearer \(app.agent.token!)"]) { $0.status }
            #expect(asAgent == .unauthorized)
        }
    }

    @Test("the scrape reports tickets by status, the outbox and the process", arguments: TestDatabase.all)
    func reportsDeskAndProcess(db: TestDatabase) async throws {
        try await TestApp.run(db, mail: Self.token) { app in
            // setup
            for subject in ["Fan noise", "Dead PSU"] {
                _ = try await app.agent.createTicket(["subject": .string(subject), "comment": ["body": "Help"],
                                                      "status": "open"])
            }
            _ = try await app.agent.createTicket(["subject": "On hold", "comment": ["body": "Waiting"], "status": "hold"])
            let queued = try await app.database.read { db in try await OutboxStore(db: db).count(status: .queued) }
            // act
            let scrape = try await app.scrape(token: "s3cret")
            // check
            #expect(scrape.status == .ok)
            #expect(scrape.contentType?.hasPrefix("text/plain; version=0.0.4") == true)
            #expect(scrape[#"casebook_tickets{status="open"}"#] == 2)
            #expect(scrape[#"casebook_tickets{status="hold"}"#] == 1)
            #expect(scrape[#"casebook_tickets{status="pending"}"#] == 0)
            #expect(scrape[#"casebook_outbox_messages{status="queued"}"#] == Double(queued))
            #expect(scrape[#"casebook_outbox_messages{status="failed"}"#] == 0)
            #expect(scrape["casebook_jobs_lag_seconds"] != nil)
            #expect(scrape["casebook_sla_breaches_last_day"] == 0)
            #expect(scrape["casebook_rmas_awaiting_approval"] == 0)
            #expect(scrape.text.contains("# HELP casebook_tickets "))
            #expect(scrape.text.contains("# TYPE casebook_http_requests_total counter"))
            #expect((scrape["process_resident_memory_bytes"] ?? 0) > 0)
            #expect((scrape["process_open_fds"] ?? 0) > 0)
            #expect(scrape["process_cpu_seconds_total"] != nil)
            #expect((scrape["process_start_time_seconds"] ?? 0) > 1_600_000_000)
        }
    }

    @Test("API calls count in the HTTP request counter", arguments: TestDatabase.all)
    func countsRequests(db: TestDatabase) async throws {
        try await TestApp.run(db, mail: Self.token) { app in
            let series = #"casebook_http_requests_total{method="GET",status="2xx"}"#
            let before = try await app.scrape(token: "s3cret")[series] ?? 0
            for _ in 0..<3 { _ = try await app.agent.get("/api/v2/tickets") }
            _ = try await app.agent.get("/api/v2/tickets/999999")
            let after = try await app.scrape(token: "s3cret")
            // The first scrape itself is a GET answered 200 too.
            #expect((after[series] ?? 0) - before == 4)
            #expect((after[#"casebook_http_requests_total{method="GET",status="4xx"}"#] ?? 0) >= 1)
            #expect((after[#"casebook_http_request_duration_seconds_count{method="GET"}"#] ?? 0) >= 4)
        }
    }

    @Test("a ticket waiting for routing shows in the routing queue", arguments: TestDatabase.all)
    func routingQueue(db: TestDatabase) async throws {
        try await TestApp.run(db, mail: Self.token) { app in
            #expect(try await app.scrape(token: "s3cret")["casebook_routing_queue_tickets"] == 0)
            let ticket = try await app.endUserA.createTicket(["subject": "Nobody online", "comment": ["body": "Hello?"]])
            try await app.database.write { db in
                try await RoutingStore(db: db).enqueue(ticketID: ticket, groupID: nil, skills: [], reason: "no agent online",
                                                       now: app.clock.now)
            }
            #expect(try await app.scrape(token: "s3cret")["casebook_routing_queue_tickets"] == 1)
        }
    }

    @Test("the bearer check needs the exact token")
    func bearerCheck() {
        #expect(MetricsRoutes.bearer("Bearer s3cret", matches: "s3cret"))
        #expect(MetricsRoutes.bearer("bearer s3cret", matches: "s3cret"))
        #expect(!MetricsRoutes.bearer("Bearer s3cret ", matches: "s3cret"))
        #expect(!MetricsRoutes.bearer("Basic s3cret", matches: "s3cret"))
        #expect(!MetricsRoutes.bearer("Bearer ", matches: "s3cret"))
        #expect(!MetricsRoutes.bearer(nil, matches: "s3cret"))
    }
}
