import CasebookCore
import Foundation
import HTTPTypes
import Testing
@testable import CasebookServer

@Suite("Health and authentication")
struct HealthAndAuthTests {
    static func basic(_ credentials: String) -> HTTPFields {
        [.authorization: "Basic " + Data(credentials.utf8).base64EncodedString()]
    }

    /// GET with exactly the given Authorization header (no Bearer token added).
    static func get(_ app: TestApp, _ path: String, _ headers: HTTPFields) async throws -> APIResponse {
        try await app.anonymous.call(.get, path, headers: headers)
    }

    @Test(arguments: TestDatabase.all)
    func healthAndOpenAPINeedNoAuth(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let health = try await app.anonymous.get("/healthz")
            #expect(health.status == .ok)
            #expect(health.json == ["status": "ok"])
            #expect(health.headers[.contentType]?.hasPrefix("application/json") == true)
            #expect(try await app.anonymous.get("/healthz.json").status == .ok)

            let doc = try await app.anonymous.get("/api/v2/openapi.json")
            #expect(doc.status == .ok)
            #expect(doc.headers[.contentType]?.hasPrefix("application/json") == true)
            #expect(doc["openapi"]?.stringValue?.hasPrefix("3.") == true)
            #expect(doc["paths"]?.objectValue?.keys.isEmpty == false)

            // The same API without credentials is refused, in Zendesk's shape.
            let refused = try await app.anonymous.get("/api/v2/users/me")
            #expect(refused.status == .unauthorized)
            #expect(refused["error"]?.stringValue != nil)
        }
    }

    @Test(arguments: TestDatabase.all)
    func basicAuthTakesEmailSlashToken(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let adminToken = try #require(app.admin.token)
            let agentToken = try #require(app.agent.token)

            let admin = try await Self.get(app, "/api/v2/users/me", Self.basic("admin@brightbeam.example/token:\(adminToken)"))
            #expect(admin.status == .ok)
            #expect(admin["user"]?["id"]?.intValue == app.admin.id)
            let agent = try await Self.get(app, "/api/v2/users/me", Self.basic("morgan@brightbeam.example/token:\(agentToken)"))
            #expect(agent["user"]?["id"]?.intValue == app.agent.id)
            // Email addresses compare without case, as Zendesk's do.
            let shouting = try await Self.get(app, "/api/v2/users/me", Self.basic("Admin@BrightBeam.example/token:\(adminToken)"))
            #expect(shouting.status == .ok)
            #expect(shouting["user"]?["id"]?.intValue == app.admin.id)

            let refusals: [(String, HTTPFields)] = [
                ("another user's email", Self.basic("morgan@brightbeam.example/token:\(adminToken)")),
                ("an unknown email", Self.basic("nobody@brightbeam.example/token:\(adminToken)")),
                ("a password instead of a token", Self.basic("admin@brightbeam.example:correct horse battery")),
                ("a password in the token slot", Self.basic("admin@brightbeam.example/token:correct horse battery")),
                ("a token without the /token suffix", Self.basic("admin@brightbeam.example:\(adminToken)")),
                ("a wrong token", Self.basic("admin@brightbeam.example/token:cb_not_a_real_token")),
                ("no colon", Self.basic("admin@brightbeam.example/token")),
                ("not base64", [.authorization: "Basic !!!not-base64!!!"]),
                ("an unknown scheme", [.authorization: "Digest username=\"admin\""]),
                ("a wrong bearer token", [.authorization: "Bearer cb_not_a_real_token"]),
                ("an empty bearer token", [.authorization: "Bearer "]),
            ]
            for (what, headers) in refusals {
                let response = try await Self.get(app, "/api/v2/users/me", headers)
                #expect(response.status == .unauthorized, "\(what)")
                #expect(response["error"]?.stringValue != nil, "\(what)")
            }
            // Bad credentials are refused even on a path that needs none.
            let badOnPublic = try await Self.get(app, "/api/v2/openapi.json", Self.basic("morgan@brightbeam.example/token:\(adminToken)"))
            #expect(badOnPublic.status == .unauthorized)
        }
    }

    @Test(arguments: TestDatabase.all)
    func bearerTokensAndTheJSONSuffix(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let token = try #require(app.endUserA.token)
            let bearer = try await Self.get(app, "/api/v2/users/me", [.authorization: "Bearer \(token)"])
            #expect(bearer.status == .ok)
            #expect(bearer["user"]?["id"]?.intValue == app.endUserA.id)

            let suffixed = try await app.agent.get("/api/v2/users/me.json")
            #expect(suffixed.status == .ok)
            #expect(suffixed["user"]?["id"]?.intValue == app.agent.id)
            let shown = try await app.agent.get("/api/v2/users/\(app.endUserB.id).json")
            #expect(shown["user"]?["id"]?.intValue == app.endUserB.id)
            let listed = try await app.agent.get("/api/v2/users.json?role=end-user")
            #expect(listed["users"]?.arrayValue?.count == 2)
        }
    }

    @Test(arguments: TestDatabase.all)
    func suspendedUsersAreSignedOut(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let agentToken = try #require(app.agent.token)
            #expect(try await app.agent.get("/api/v2/users/me").status == .ok)
            // An agent may not suspend an admin.
            let mutiny = try await app.agent.put("/api/v2/users/\(app.admin.id)", ["user": ["suspended": true]])
            #expect(mutiny.status == .forbidden)
            #expect(try await app.admin.get("/api/v2/users/me").status == .ok)

            // act
            let suspended = try await app.admin.put("/api/v2/users/\(app.agent.id)", ["user": ["suspended": true]])
            // check
            #expect(suspended.status == .ok)
            #expect(suspended["user"]?["suspended"] == true)
            #expect(suspended["user"]?["active"] == false)
            #expect(try await app.agent.get("/api/v2/users/me").status == .unauthorized)
            #expect(try await app.agent.get("/api/v2/tickets").status == .unauthorized)
            let basic = try await Self.get(app, "/api/v2/users/me", Self.basic("morgan@brightbeam.example/token:\(agentToken)"))
            #expect(basic.status == .unauthorized)
            #expect(try await app.admin.get("/api/v2/users/me").status == .ok)   // others are unaffected

            let restored = try await app.admin.put("/api/v2/users/\(app.agent.id)", ["user": ["suspended": false]])
            #expect(restored["user"]?["suspended"] == false)
            #expect(try await app.agent.get("/api/v2/users/me").status == .ok)

            // Agents suspend end-users.
            let endUser = try await app.agent.put("/api/v2/users/\(app.endUserA.id)", ["user": ["suspended": true]])
            #expect(endUser.status == .ok)
            #expect(try await app.endUserA.get("/api/v2/users/me").status == .unauthorized)
            #expect(try await app.endUserB.get("/api/v2/users/me").status == .ok)
        }
    }
}
