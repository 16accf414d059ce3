import CasebookCore
import Crypto
import Foundation
import SQLKit

/// Signed survey links: `{kind}.{id}.{expires}.{signature}`, the signature an HMAC-SHA256 of the rest with the
/// server's survey secret. Nothing is stored per link, a tampered id or expiry fails the signature, and an old link
/// stops working on its own.
struct SurveyLinks: Sendable {
    enum Kind: String, Sendable {
        /// A ticket's satisfaction rating (the id is the rating's).
        case csat = "c"
        /// An NPS question (the id is the survey's).
        case nps = "n"
    }

    struct Claim: Sendable, Equatable {
        var kind: Kind
        var id: Int
        var expiresAt: Int64
    }

    enum Refusal: Error, Equatable {
        case malformed, badSignature, expired
    }

    let secret: SymmetricKey

    init(secret: String) { self.secret = SymmetricKey(data: Data(secret.utf8)) }

    func token(_ kind: Kind, id: Int, expiresAt: Int64) -> String {
        let body = "\(kind.rawValue).\(id).\(expiresAt)"
        return "\(body).\(signature(body))"
    }

    func verify(_ token: String, now: Int64) throws(Refusal) -> Claim {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, let kind = Kind(rawValue: String(parts[0])), let id = Int(parts[1]), id > 0,
              let expires = Int64(parts[2]) else { throw .malformed }
        let body = parts[0...2].joined(separator: ".")
        guard WebTokens.equal(signature(body), String(parts[3])) else { throw .badSignature }
        guard now <= expires else { throw .expired }
        return Claim(kind: kind, id: id, expiresAt: expires)
    }

    private func signature(_ body: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(body.utf8), using: secret)
        return Data(mac).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static let settingKey = "survey_link_secret"

    /// The server's secret: made once, at random, and kept with the desk's settings, so links survive a restart and
    /// every process of one desk agrees on them. Call inside a write (the first link makes it).
    static func load(db: any SQLDatabase, now: Int64) async throws -> SurveyLinks {
        if let links = try await existing(db: db) { return links }
        try await db.raw("""
            INSERT INTO policy_settings (key, value, updated_at)
            VALUES (\(bind: settingKey), \(bind: JSONValue.string(WebTokens.generate()).text), \(bind: now))
            ON CONFLICT (key) DO NOTHING
            """).run()
        guard let links = try await existing(db: db) else {
            throw APIError(.internalServerError, "SurveySecret", "The survey link secret could not be read")
        }
        return links
    }

    /// The secret if one was made (before any link went out there is none, and no link can be valid).
    static func existing(db: any SQLDatabase) async throws -> SurveyLinks? {
        guard let secret = try await PolicySettingsStore(db: db).value(settingKey)?.stringValue, secret.count >= 32 else { return nil }
        return SurveyLinks(secret: secret)
    }
}
