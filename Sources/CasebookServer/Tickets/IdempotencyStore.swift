import Crypto
import Foundation
import Hummingbird
import HTTPTypes
import SQLKit

/// Remembers the answer to a ticket create sent with an `Idempotency-Key`, so a retry gets the same ticket
/// instead of a duplicate. The same key with a different body is refused.
struct IdempotencyStore: Sendable {
    let database: Database

    static func hash(_ body: JSONObject) -> String {
        APITokens.hex(SHA256.hash(data: Data(JSONValue.object(body).text.utf8)))
    }

    func replay(key: String, userID: Int, body: JSONObject) async throws -> Response? {
        let row = try await database.read { db in
            try await db.raw("""
                SELECT request_hash, status, response FROM idempotency_keys
                WHERE user_id = \(bind: userID) AND key = \(bind: key)
                """).first()
        }
        guard let row else { return nil }
        guard try row.decode(column: "request_hash", as: String.self) == Self.hash(body) else {
            throw APIError(.unprocessableContent, "IdempotentRequestError",
                           "The Idempotency-Key '\(key)' was already used with a different request body")
        }
        let status = try row.decode(column: "status", as: Int.self)
        let text = try row.decode(column: "response", as: String.self)
        var response = Response(status: .init(code: status), headers: [.contentType: "application/json; charset=utf-8"],
                                body: .init(byteBuffer: ByteBuffer(string: text)))
        response.headers[HTTPField.Name("x-idempotency-lookup")!] = "hit"
        return response
    }

    func remember(key: String, userID: Int, body: JSONObject, status: Int, response: JSONValue) async throws {
        try await database.write { db in
            try await db.raw("""
                INSERT INTO idempotency_keys (user_id, key, request_hash, status, response, created_at)
                VALUES (\(bind: userID), \(bind: key), \(bind: Self.hash(body)), \(bind: status), \(bind: response.text),
                        \(bind: Timestamp.now))
                ON CONFLICT (user_id, key) DO NOTHING
                """).run()
        }
    }
}

/// Results of bulk jobs (`create_many`, `update_many`), kept for an hour for `GET /job_statuses/{id}`.
actor JobStatuses {
    private var jobs: [String: (JSONValue, ContinuousClock.Instant)] = [:]

    func completed(_ results: [JSONValue], base: String) -> JSONValue {
        let now = ContinuousClock.now
        jobs = jobs.filter { now - $0.value.1 < .seconds(3600) }
        let id = UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let job: JSONValue = [
            "id": .string(id), "url": .string("\(base)/api/v2/job_statuses/\(id).json"),
            "total": .int(results.count), "progress": .int(results.count), "status": "completed",
            "message": .string("Completed at \(isoString(Date()))"), "results": .array(results),
        ]
        jobs[id] = (job, now)
        return job
    }

    func find(_ id: String) -> JSONValue? { jobs[id]?.0 }
}

import CasebookCore
