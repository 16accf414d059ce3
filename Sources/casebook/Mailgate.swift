import ArgumentParser
import AsyncHTTPClient
import Foundation
import NIOCore

/// `casebook mailgate`: the MTA's side of inbound mail. Postfix, Exim or any MTA pipes one message into it, e.g. in
/// /etc/aliases: `support: "|/usr/local/bin/casebook mailgate --url https://desk.example.com --token-file /etc/casebook/mailgate.token"`.
/// Exit status is what an MTA understands: 0 accepted (or a duplicate), 75 try again later (Casebook unreachable,
/// overloaded or misconfigured: the MTA keeps the message and retries), 65 refused for good (too large, empty):
/// the MTA bounces it to the sender.
struct Mailgate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mailgate",
        abstract: "Read one RFC 5322 message on stdin and hand it to Casebook (for an MTA pipe).",
        discussion: "Exit status: 0 accepted, 75 temporary failure (the MTA retries), 65 permanently refused, 64 usage error.")

    @Option(help: "Casebook's base URL, e.g. https://desk.example.com")
    var url: String
    @Option(help: "An admin's API token (or use --token-file or CASEBOOK_MAILGATE_TOKEN; a token on the command line is visible to other local users).")
    var token: String?
    @Option(help: "A file holding the API token.")
    var tokenFile: String?
    @Option(help: "The group new tickets from this address go to.")
    var queue: String?
    @Option(help: "correspond (replies and new requests) or comment (mail from agents becomes internal notes).")
    var action: String = "correspond"
    @Option(help: "Seconds to wait for Casebook before telling the MTA to retry.")
    var timeout: Int = 120

    static let accepted: Int32 = 0
    static let dataError: Int32 = 65
    static let usage: Int32 = 64
    static let tryLater: Int32 = 75

    func run() async throws {
        let code = await deliver()
        throw ExitCode(code)
    }

    func deliver() async -> Int32 {
        guard ["correspond", "comment"].contains(action) else {
            return fail(Self.usage, "--action must be correspond or comment, not \(action)")
        }
        var secret = token ?? ProcessInfo.processInfo.environment["CASEBOOK_MAILGATE_TOKEN"]
        if let tokenFile {
            do { secret = try String(contentsOfFile: tokenFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines) } catch {
                return fail(Self.tryLater, "cannot read the token file \(tokenFile): \(error.localizedDescription)")
            }
        }
        guard let secret, !secret.isEmpty else { return fail(Self.usage, "an API token is required (--token, --token-file or CASEBOOK_MAILGATE_TOKEN)") }
        let message = FileHandle.standardInput.readDataToEndOfFile()
        guard !message.isEmpty else { return fail(Self.dataError, "no message on standard input") }

        var query = "action=\(action)"
        if let queue { query += "&queue=" + (queue.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? queue) }
        let base = url.hasSuffix("/") ? String(url.dropLast()) : url
        var request = HTTPClientRequest(url: "\(base)/api/v2/inbound/email?\(query)")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "message/rfc822")
        request.headers.add(name: "Authorization", value: "Bearer \(secret)")
        request.headers.add(name: "User-Agent", value: "casebook-mailgate")
        request.body = .bytes(ByteBuffer(data: message))
        // A refused connection must fail at once (the MTA retries later), not be retried here until the deadline.
        var configuration = HTTPClient.Configuration(timeout: .init(connect: .seconds(10), read: .seconds(Int64(timeout))))
        configuration.connectionPool.retryConnectionEstablishment = false
        let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        let outcome: Result<(UInt, String), any Error>
        do {
            let response = try await http.execute(request, timeout: .seconds(Int64(timeout)))
            let body = try await response.body.collect(upTo: 1 << 20)
            outcome = .success((response.status.code, String(buffer: body)))
        } catch {
            outcome = .failure(error)
        }
        try? await http.shutdown()
        switch outcome {
        case .success((let code, let text)):
            switch code {
            case 200..<300:
                return Self.accepted
            case 400, 413, 422:
                return fail(Self.dataError, "Casebook refused the message (\(code)): \(text)")
            default:
                // 401/403 (a wrong or revoked token), 429, 5xx: the message must not bounce; the MTA retries.
                return fail(Self.tryLater, "Casebook answered \(code): \(text)")
            }
        case .failure(let error):
            return fail(Self.tryLater, "cannot reach Casebook at \(base): \(error)")
        }
    }

    private func fail(_ code: Int32, _ message: String) -> Int32 {
        FileHandle.standardError.write(Data("casebook mailgate: \(message)\n".utf8))
        return code
    }
}
