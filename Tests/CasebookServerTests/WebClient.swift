import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
@testable import CasebookServer

/// A page as a browser got it.
struct Page: Sendable {
    var status: HTTPResponse.Status
    var headers: HTTPFields
    var html: String

    var location: String? { headers[.location] }

    /// The value of the first hidden `csrf` input, as a browser would submit it.
    var csrf: String? { firstMatch(#"name="csrf" value="([^"]*)""#) }

    func firstMatch(_ pattern: String) -> String? {
        guard let regex = try? NSRegularExpression(pattern: pattern),
              let match = regex.firstMatch(in: html, range: NSRange(html.startIndex..., in: html)),
              let range = Range(match.range(at: 1), in: html) else { return nil }
        return String(html[range])
    }

    func count(_ text: String) -> Int { html.components(separatedBy: text).count - 1 }
    func contains(_ text: String) -> Bool { html.contains(text) }
}

/// A browser: keeps cookies, submits forms with the CSRF token of the page it last saw.
final class Browser: @unchecked Sendable {
    // Used by one test task at a time (tests await each call), so the mutable jar is never shared concurrently.
    let client: any TestClientProtocol
    var cookies: [String: String] = [:]
    var lastCSRF: String?

    init(_ client: any TestClientProtocol) { self.client = client }

    @discardableResult
    func get(_ path: String, headers extra: HTTPFields = [:]) async throws -> Page {
        try await send(.get, path, headers: extra, body: nil)
    }

    /// Posts a form; `csrf` defaults to the token of the last page seen (pass "" to send none).
    @discardableResult
    func post(_ path: String, _ fields: [(String, String)] = [], csrf: String? = nil) async throws -> Page {
        var all = fields
        let token = csrf ?? lastCSRF ?? ""
        if !token.isEmpty { all.append(("csrf", token)) }
        let body = all.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await send(.post, path, headers: [.contentType: "application/x-www-form-urlencoded"], body: body)
    }

    func send(_ method: HTTPRequest.Method, _ path: String, headers extra: HTTPFields, body: String?) async throws -> Page {
        var headers = extra
        if !cookies.isEmpty { headers[.cookie] = cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ") }
        let page = try await client.execute(uri: path, method: method, headers: headers,
                                            body: body.map { ByteBuffer(string: $0) }) { response in
            Page(status: response.status, headers: response.headers, html: String(buffer: response.body))
        }
        for field in page.headers[values: .setCookie] {
            let pair = field.split(separator: ";", maxSplits: 1)[0]
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { continue }
            let name = String(parts[0]).trimmingCharacters(in: .whitespaces)
            if parts[1].isEmpty || field.lowercased().contains("max-age=0") { cookies.removeValue(forKey: name) } else {
                cookies[name] = String(parts[1])
            }
        }
        if let token = page.csrf { lastCSRF = token }
        return page
    }

    /// Signs in through the sign-in form; returns the answer to the POST (303 on success).
    @discardableResult
    func signIn(_ email: String, _ password: String = "correct horse battery") async throws -> Page {
        try await get("/sign-in")
        return try await post("/sign-in", [("email", email), ("password", password)])
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(.init(charactersIn: "-_.~"))) ?? ""
    }
}

extension TestApp {
    func browser() -> Browser { Browser(client) }

    /// A browser signed in as the given person (all test people share one password).
    func signedIn(_ email: String, sourceLocation: SourceLocation = #_sourceLocation) async throws -> Browser {
        let browser = Browser(client)
        let answer = try await browser.signIn(email)
        #expect(answer.status == .seeOther, "sign-in as \(email): \(answer.status)", sourceLocation: sourceLocation)
        return browser
    }

    static let adminEmail = "admin@brightbeam.example"
    static let agentEmail = "morgan@brightbeam.example"
    static let endUserAEmail = "rex@northwind.example"
    static let endUserBEmail = "hana@harbor.example"
}

extension Browser {
    /// Posts a `multipart/form-data` form with files, as a browser does for a form with a file input.
    @discardableResult
    func postMultipart(_ path: String, _ fields: [(String, String)], files: [(field: String, name: String, type: String, data: String)],
                       csrf: String? = nil) async throws -> Page {
        let boundary = "----casebook-test-\(UUID().uuidString)"
        var body = ""
        var all = fields
        let token = csrf ?? lastCSRF ?? ""
        if !token.isEmpty { all.append(("csrf", token)) }
        for (name, value) in all {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        for file in files {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.field)\"; filename=\"\(file.name)\"\r\n"
            body += "Content-Type: \(file.type)\r\n\r\n\(file.data)\r\n"
        }
        body += "--\(boundary)--\r\n"
        return try await send(.post, path, headers: [.contentType: "multipart/form-data; boundary=\(boundary)"], body: body)
    }
}
