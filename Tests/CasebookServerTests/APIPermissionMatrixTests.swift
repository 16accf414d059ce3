import CasebookCore
import Foundation
import HTTPTypes
import Testing
@testable import CasebookServer

/// Every role (and two customers of different organizations) against every API route: what each may do, and
/// that a customer never receives an internal note.
@Suite("API permission matrix")
struct APIPermissionMatrixTests {
    enum Who: String, CaseIterable, Sendable { case anonymous, endUserA, endUserB, agent, lead, admin }

    /// What a caller gets: allowed (2xx), forbidden (403), or not found (404: a record they may not see).
    enum Outcome: Sendable, Equatable { case allowed, forbidden, hidden, unauthorized }

    struct Route: Sendable {
        var method: HTTPRequest.Method
        var path: String
        var body: JSONValue?
        var outcome: @Sendable (Who) -> Outcome
    }

    static func staffOnly(_ who: Who) -> Outcome { [.endUserA, .endUserB].contains(who) ? .forbidden : .allowed }
    static func everyone(_ who: Who) -> Outcome { .allowed }
    static func requesterOrStaff(_ who: Who) -> Outcome { who == .endUserB ? .hidden : .allowed }
    static func admin(_ who: Who) -> Outcome { who == .admin ? .allowed : .forbidden }

    static func routes(ticket t: Int, userB: Int) -> [Route] {
        [
            Route(method: .get, path: "/api/v2/tickets", outcome: everyone),
            Route(method: .get, path: "/api/v2/tickets/\(t)", outcome: requesterOrStaff),
            Route(method: .get, path: "/api/v2/tickets/\(t)/comments", outcome: requesterOrStaff),
            Route(method: .get, path: "/api/v2/tickets/\(t)/audits", outcome: requesterOrStaff),
            Route(method: .get, path: "/api/v2/tickets/\(t)/tags", outcome: requesterOrStaff),
            Route(method: .get, path: "/api/v2/tickets/show_many?ids=\(t)", outcome: everyone),
            Route(method: .put, path: "/api/v2/tickets/\(t)", body: ["ticket": ["comment": ["body": "matrix reply"]]],
                  outcome: requesterOrStaff),
            Route(method: .post, path: "/api/v2/tickets/\(t)/tags", body: ["tags": ["matrix"]], outcome: staffOnly),
            Route(method: .post, path: "/api/v2/tickets/create_many",
                  body: ["tickets": [["subject": "bulk", "comment": ["body": "b"]]]], outcome: staffOnly),
            Route(method: .put, path: "/api/v2/tickets/update_many?ids=\(t)", body: ["ticket": ["priority": "high"]], outcome: staffOnly),
            Route(method: .delete, path: "/api/v2/tickets/999999",
                  outcome: { [.lead, .admin].contains($0) ? .hidden : .forbidden }),
            Route(method: .get, path: "/api/v2/incremental/tickets/cursor?start_time=0", outcome: staffOnly),
            Route(method: .get, path: "/api/v2/users", outcome: staffOnly),
            Route(method: .get, path: "/api/v2/users/me", outcome: everyone),
            Route(method: .get, path: "/api/v2/users/\(userB)", outcome: { $0 == .endUserA ? .forbidden : .allowed }),
            Route(method: .post, path: "/api/v2/users/\(userB)/password", body: ["password": "Silver-Kettle-Moon-9"], outcome: admin),
            Route(method: .get, path: "/api/v2/organizations", outcome: staffOnly),
            Route(method: .get, path: "/api/v2/groups", outcome: staffOnly),
            Route(method: .get, path: "/api/v2/search?query=matrix", outcome: everyone),
            Route(method: .get, path: "/api/v2/search/count?query=matrix", outcome: everyone),
            Route(method: .get, path: "/api/v2/search/export?query=matrix&filter[type]=ticket", outcome: everyone),
            Route(method: .get, path: "/api/v2/products", outcome: staffOnly),
            Route(method: .get, path: "/api/v2/variants", outcome: staffOnly),
            Route(method: .post, path: "/api/v2/products/999999/variants", body: ["variant": ["sku": "MATRIX-1", "price": 1]],
                  outcome: { [.lead, .admin].contains($0) ? .hidden : .forbidden }),
            Route(method: .get, path: "/api/v2/conduct_outcomes", outcome: staffOnly),
            Route(method: .post, path: "/api/v2/conduct_outcomes", body: ["conduct_outcome": ["label": "Matrix outcome", "action": "warning_sent"]],
                  outcome: admin),
            Route(method: .put, path: "/api/v2/conduct_outcomes/999999", body: ["conduct_outcome": ["active": false]],
                  outcome: { $0 == .admin ? .hidden : .forbidden }),
            Route(method: .get, path: "/api/v2/conduct_records?customer_id=\(userB)", outcome: staffOnly),
            Route(method: .get, path: "/api/v2/conduct_records/999999", outcome: { [.endUserA, .endUserB].contains($0) ? .forbidden : .hidden }),
            Route(method: .post, path: "/api/v2/conduct_records",
                  body: ["conduct_record": ["ticket_id": 999999, "kind": "threat", "note": "matrix", "outcome_id": 1]],
                  outcome: { [.endUserA, .endUserB].contains($0) ? .forbidden : .hidden }),
            Route(method: .post, path: "/api/v2/conduct_records/999999/handover", body: ["handover": ["note": "matrix"]],
                  outcome: { [.endUserA, .endUserB].contains($0) ? .forbidden : .hidden }),
            Route(method: .get, path: "/api/v2/assets", outcome: staffOnly),
            Route(method: .get, path: "/api/v2/assets/999999", outcome: { [.endUserA, .endUserB].contains($0) ? .forbidden : .hidden }),
            Route(method: .get, path: "/api/v2/warranties", outcome: staffOnly),
            Route(method: .put, path: "/api/v2/warranties/999999", body: ["warranty": ["months": 12]],
                  outcome: { [.lead, .admin].contains($0) ? .hidden : .forbidden }),
            Route(method: .get, path: "/api/v2/tickets/\(t)/assets", outcome: staffOnly),
            Route(method: .get, path: "/api/v2/tickets/\(t)/checklist", outcome: staffOnly),
            Route(method: .get, path: "/api/v2/rmas", outcome: staffOnly),
            Route(method: .get, path: "/api/v2/rmas/999999", outcome: { [.endUserA, .endUserB].contains($0) ? .forbidden : .hidden }),
            Route(method: .post, path: "/api/v2/rmas/999999/approve", body: ["reason": "matrix"],
                  outcome: { [.endUserA, .endUserB].contains($0) ? .forbidden : .hidden }),
            Route(method: .post, path: "/api/v2/rmas/999999/ship", body: ["tracking": "1Z"],
                  outcome: { [.endUserA, .endUserB].contains($0) ? .forbidden : .hidden }),
            Route(method: .post, path: "/api/v2/rmas/999999/obligation_acceptance", body: ["acceptance": ["via": "portal"]], outcome: { _ in .hidden }),
            Route(method: .get, path: "/api/v2/rma_policy", outcome: staffOnly),
            Route(method: .put, path: "/api/v2/rma_policy", body: ["rma_policy": ["out_of_warranty": "manager", "tiers": ["repair": [["role": "agent"]]]]],
                  outcome: admin),
            Route(method: .get, path: "/api/v2/decisions", outcome: staffOnly),
            Route(method: .get, path: "/api/v2/decisions/report", outcome: { [.lead, .admin].contains($0) ? .allowed : .forbidden }),
            Route(method: .get, path: "/api/v2/reports", outcome: { [.lead, .admin].contains($0) ? .allowed : .forbidden }),
            Route(method: .get, path: "/api/v2/reports/backlog", outcome: { [.lead, .admin].contains($0) ? .allowed : .forbidden }),
            Route(method: .get, path: "/api/v2/reports/backlog/csv", outcome: { [.lead, .admin].contains($0) ? .allowed : .forbidden }),
            Route(method: .get, path: "/api/v2/notifications", outcome: staffOnly),
            Route(method: .get, path: "/api/v2/case_notes/owed", outcome: { [.lead, .admin].contains($0) ? .allowed : .forbidden }),
            Route(method: .get, path: "/api/v2/follow_ups", outcome: staffOnly),
            Route(method: .get, path: "/api/v2/follow_ups/999999", outcome: { [.endUserA, .endUserB].contains($0) ? .forbidden : .hidden }),
            Route(method: .post, path: "/api/v2/follow_ups/999999/complete", body: ["note": "matrix"],
                  outcome: { [.endUserA, .endUserB].contains($0) ? .forbidden : .hidden }),
            Route(method: .post, path: "/api/v2/follow_ups/999999/cancel", body: ["reason": "matrix"],
                  outcome: { [.endUserA, .endUserB].contains($0) ? .forbidden : .hidden }),
            Route(method: .post, path: "/api/v2/follow_ups/999999/reassign", body: ["owner_id": 1],
                  outcome: { [.endUserA, .endUserB].contains($0) ? .forbidden : .hidden }),
            Route(method: .post, path: "/api/v2/tickets/999999/follow_ups",
                  body: ["follow_up": ["title": "matrix", "due_at": "2099-01-01T00:00:00Z", "owner_id": 1]],
                  outcome: { [.endUserA, .endUserB].contains($0) ? .forbidden : .hidden }),
            Route(method: .get, path: "/api/v2/tickets/\(t)/remote_sessions", outcome: staffOnly),
            Route(method: .post, path: "/api/v2/tickets/\(t)/remote_sessions",
                  body: ["remote_session": ["session_code": "M-1", "started_at": "2026-01-01T10:00:00Z"]], outcome: staffOnly),
            Route(method: .get, path: "/api/v2/satisfaction_ratings", outcome: staffOnly),
            Route(method: .get, path: "/api/v2/satisfaction_ratings/999999", outcome: { [.endUserA, .endUserB].contains($0) ? .forbidden : .hidden }),
            Route(method: .post, path: "/api/v2/tickets/999999/satisfaction_rating", body: ["satisfaction_rating": ["score": "good"]],
                  outcome: { _ in .hidden }),
            Route(method: .get, path: "/api/v2/satisfaction_reasons", outcome: everyone),
            Route(method: .get, path: "/api/v2/nps_responses", outcome: staffOnly),
            Route(method: .get, path: "/api/v2/satisfaction/settings", outcome: staffOnly),
            Route(method: .put, path: "/api/v2/satisfaction/settings", body: ["satisfaction_settings": ["nps_enabled": false]], outcome: admin),
            Route(method: .get, path: "/api/v2/satisfaction/loyalty_report", outcome: { [.lead, .admin].contains($0) ? .allowed : .forbidden }),
            // The help center's reads are public (see KnowledgeBaseAPITests); these need someone signed in.
            Route(method: .post, path: "/api/v2/help_center/categories", body: ["category": ["name": "Matrix"]],
                  outcome: { [.lead, .admin].contains($0) ? .allowed : .forbidden }),
            Route(method: .post, path: "/api/v2/help_center/sections/999999/articles", body: ["article": ["title": "Matrix"]],
                  outcome: { [.endUserA, .endUserB].contains($0) ? .forbidden : .hidden }),
            Route(method: .put, path: "/api/v2/help_center/articles/999999", body: ["article": ["title": "Matrix"]],
                  outcome: { [.endUserA, .endUserB].contains($0) ? .forbidden : .hidden }),
            Route(method: .delete, path: "/api/v2/help_center/articles/999999", outcome: { [.lead, .admin].contains($0) ? .hidden : .forbidden }),
            Route(method: .get, path: "/api/v2/help_center/articles/999999/revisions",
                  outcome: { [.endUserA, .endUserB].contains($0) ? .forbidden : .hidden }),
            Route(method: .post, path: "/api/v2/help_center/articles/999999/up", body: [:], outcome: { _ in .hidden }),
            Route(method: .get, path: "/api/v2/help_center/deflection", outcome: { [.lead, .admin].contains($0) ? .allowed : .forbidden }),
            Route(method: .post, path: "/api/v2/tickets/\(t)/comments/999999/article", body: [:],
                  outcome: { [.endUserA, .endUserB].contains($0) ? .forbidden : .hidden }),
            Route(method: .get, path: "/api/v2/tickets/\(t)/articles", outcome: staffOnly),
        ]
    }

    @Test(arguments: TestDatabase.all)
    func everyRoleAgainstEveryAPIRoute(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let lead = try await Accounts.create(database: app.database, email: "lee@brightbeam.example", name: "Lee Lead",
                                                 role: .lead, bcryptCost: 4)
            let ticket = try await app.agent.createTicket(["subject": "Matrix", "comment": ["body": "public words"],
                                                           "requester_id": .int(app.endUserA.id)])
            _ = try await app.agent.put("/api/v2/tickets/\(ticket)", ["ticket": ["comment": ["body": "SECRET-NOTE-9", "public": false]]])
            let callers: [Who: Caller] = [
                .anonymous: app.anonymous, .endUserA: app.endUserA, .endUserB: app.endUserB, .agent: app.agent,
                .lead: Caller(client: app.client, token: lead.token, id: lead.userID), .admin: app.admin,
            ]
            for who in Who.allCases {
                for route in Self.routes(ticket: ticket, userB: app.endUserB.id) {
                    let answer = try await callers[who]!.call(route.method, route.path, route.body)
                    let expected = who == .anonymous ? .unauthorized : route.outcome(who)
                    let got: Outcome = switch answer.status.code {
                    case 200..<300: .allowed
                    case 401: .unauthorized
                    case 403: .forbidden
                    case 404: .hidden
                    default: .allowed   // anything else is reported below
                    }
                    #expect(got == expected && answer.status.code < 500 && answer.status.code != 422,
                            "\(who) \(route.method) \(route.path) → \(answer.status) \(answer.text.prefix(160))")
                    if who == .endUserA || who == .endUserB || who == .anonymous {
                        #expect(!answer.text.contains("SECRET-NOTE-9"), "\(who) \(route.path) leaked the internal note")
                    }
                }
            }
        }
    }
}
