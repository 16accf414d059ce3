import CasebookCore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import SQLKit
import Testing
@testable import CasebookServer

/// The engines a test runs on: SQLite always; PostgreSQL when the test script provides a server
/// (`CASEBOOK_TEST_POSTGRES_URL`, set by scripts/test).
enum TestDatabase: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite, postgres

    static var postgresURL: String? { ProcessInfo.processInfo.environment["CASEBOOK_TEST_POSTGRES_URL"] }
    static var all: [TestDatabase] { postgresURL == nil ? [.sqlite] : [.sqlite, .postgres] }
    var testDescription: String { rawValue }

    /// A fresh, migrated database: a new SQLite file, or a new PostgreSQL database dropped afterwards.
    func withFreshDatabase<R>(_ body: (Database) async throws -> R) async throws -> R {
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        switch self {
        case .sqlite:
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("casebook-test-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: dir) }
            let database = try await Database.open(.sqlite(path: dir.appendingPathComponent("casebook.sqlite").path), logger: logger)
            return try await run(database, body)
        case .postgres:
            // The server-wide connection is held only to create and drop the test's database, not while it runs.
            func asAdmin(_ sql: String) async throws {
                let admin = try await Database.open(.postgres(url: Self.postgresURL!), logger: logger, connectionsPerEventLoop: 1)
                do { try await admin.read { db in try await db.raw(SQLQueryString(sql)).run() } } catch {
                    await admin.shutdown()
                    throw error
                }
                await admin.shutdown()
            }
            let name = "casebook_t_\(UUID().uuidString.prefix(8).lowercased())"
            try await asAdmin("CREATE DATABASE \(name)")
            let url = Self.postgresURL!.replacingOccurrences(of: #"/[^/?]*(\?|$)"#, with: "/\(name)$1", options: .regularExpression)
            do {
                // Hundreds of tests run at once, each with its own database: small pools keep the server's
                // connection limit out of reach.
                let database = try await Database.open(.postgres(url: url), logger: logger, connectionsPerEventLoop: 3)
                let result = try await run(database, body)
                try await asAdmin("DROP DATABASE \(name)")
                return result
            } catch {
                try? await asAdmin("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
                throw error
            }
        }
    }

    private func run<R>(_ database: Database, _ body: (Database) async throws -> R) async throws -> R {
        do {
            try await Migrator(database: database).migrate()
            let result = try await body(database)
            await database.shutdown()
            return result
        } catch {
            await database.shutdown()
            throw error
        }
    }
}

/// A JSON answer from the API.
struct APIResponse: Sendable {
    var status: HTTPResponse.Status
    var headers: HTTPFields
    var json: JSONValue
    var text: String

    subscript(key: String) -> JSONValue? { json[key] }
}

/// Someone calling the API with a token.
struct Caller: Sendable {
    let client: any TestClientProtocol
    let token: String?
    var id: Int = 0

    @discardableResult
    func call(_ method: HTTPRequest.Method, _ path: String, _ body: JSONValue? = nil,
              headers extra: HTTPFields = [:], rawBody: String? = nil) async throws -> APIResponse {
        var headers = extra
        if let token { headers[.authorization] = "Bearer \(token)" }
        var buffer: ByteBuffer?
        if let text = rawBody ?? body?.text {
            headers[.contentType] = "application/json"
            buffer = ByteBuffer(string: text)
        }
        return try await client.execute(uri: path, method: method, headers: headers, body: buffer) { response in
            let text = String(buffer: response.body)
            let json = text.isEmpty ? JSONValue.null : ((try? JSONValue.parse(Array(text.utf8))) ?? .string(text))
            return APIResponse(status: response.status, headers: response.headers, json: json, text: text)
        }
    }

    func get(_ path: String) async throws -> APIResponse { try await call(.get, path) }
    func post(_ path: String, _ body: JSONValue) async throws -> APIResponse { try await call(.post, path, body) }
    func put(_ path: String, _ body: JSONValue) async throws -> APIResponse { try await call(.put, path, body) }
    func delete(_ path: String) async throws -> APIResponse { try await call(.delete, path) }

    /// Creates a ticket and returns its id, expecting 201.
    func createTicket(_ fields: JSONObject, sourceLocation: SourceLocation = #_sourceLocation) async throws -> Int {
        let response = try await post("/api/v2/tickets", ["ticket": .object(fields)])
        #expect(response.status == .created, "\(response.text)", sourceLocation: sourceLocation)
        return response["ticket"]?["id"]?.intValue ?? 0
    }
}

/// A running app on a fresh database, with an admin, an agent and two end-users of different organizations.
struct TestApp: Sendable {
    let database: Database
    let client: any TestClientProtocol
    /// The services behind the app (run background jobs with `services.jobRunner().runDue()`).
    let services: CasebookServices
    /// The time background jobs go by; tests move it.
    let clock: ManualClock
    let admin: Caller
    let agent: Caller
    let endUserA: Caller
    let endUserB: Caller

    static func run(_ engine: TestDatabase, rateLimit: Int = 0, mail: [String: String] = [:],
                    _ body: @Sendable (TestApp) async throws -> Void) async throws {
        try await engine.withFreshDatabase { database in
            let orgA = try await database.write { db in
                try await OrganizationStore(db: db).insert(name: "Northwind", externalID: nil, details: "", notes: "",
                                                           sharedTickets: false, domains: ["northwind.example"])
            }
            _ = try await database.write { db in
                try await OrganizationStore(db: db).insert(name: "Harbor", externalID: nil, details: "", notes: "",
                                                           sharedTickets: false, domains: ["harbor.example"])
            }
            let admin = try await Accounts.create(database: database, email: "admin@brightbeam.example", name: "Ada Admin",
                                                  role: .admin, password: "correct horse battery", bcryptCost: 4)
            let agent = try await Accounts.create(database: database, email: "morgan@brightbeam.example", name: "Morgan Agent",
                                                  role: .agent, password: "correct horse battery", bcryptCost: 4)
            let a = try await Accounts.create(database: database, email: "rex@northwind.example", name: "Rex", role: .endUser,
                                              password: "correct horse battery", bcryptCost: 4)
            let b = try await Accounts.create(database: database, email: "hana@harbor.example", name: "Hana", role: .endUser,
                                              password: "correct horse battery", bcryptCost: 4)
            _ = orgA
            var config = AppConfig(environment: mail)
            config.rateLimitPerMinute = rateLimit
            config.bcryptCost = 4
            let clock = ManualClock()
            config.clock = clock.clock
            var logger = Logger(label: "test")
            logger.logLevel = .warning
            let services = CasebookServices(config: config, database: database, logger: logger)
            let app = buildApplication(config: config, database: database, logger: logger, services: services)
            try await app.test(.router) { client in
                try await body(TestApp(
                    database: database, client: client, services: services, clock: clock,
                    admin: Caller(client: client, token: admin.token, id: admin.userID),
                    agent: Caller(client: client, token: agent.token, id: agent.userID),
                    endUserA: Caller(client: client, token: a.token, id: a.userID),
                    endUserB: Caller(client: client, token: b.token, id: b.userID)))
            }
        }
    }

    var anonymous: Caller { Caller(client: client, token: nil) }
}
