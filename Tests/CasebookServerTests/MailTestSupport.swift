import CasebookMail
import Foundation
import Testing
@testable import CasebookServer

/// Raw messages for the inbound tests, written the way mail programs write them (CRLF, folded headers).
enum TestMail {
    static let support = "support@casebook.localhost"

    static func message(from: String, to: String = support, cc: String? = nil, subject: String, body: String,
                        messageID: String = "\(UUID().uuidString)@mail.example", inReplyTo: String? = nil,
                        references: [String] = [], headers: [String] = []) -> String {
        var lines = ["From: \(from)", "To: \(to)"]
        if let cc { lines.append("Cc: \(cc)") }
        lines += ["Subject: \(subject)", "Date: Mon, 23 Nov 2026 10:00:00 +0000", "Message-ID: <\(messageID)>"]
        if let inReplyTo { lines.append("In-Reply-To: <\(inReplyTo)>") }
        if !references.isEmpty { lines.append("References: " + references.map { "<\($0)>" }.joined(separator: "\r\n ")) }
        lines += headers
        lines += ["MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", "", body]
        return lines.joined(separator: "\r\n").replacingOccurrences(of: "\r\n\r\n\r\n", with: "\r\n\r\n") + "\r\n"
    }

    /// A message with a PDF attachment and an inline PNG referenced from the HTML part.
    static func withFiles(from: String, subject: String, messageID: String = "\(UUID().uuidString)@mail.example") -> String {
        let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]).base64EncodedString()
        let pdf = Data("%PDF-1.4 invoice 4711".utf8).base64EncodedString()
        return """
            From: \(from)\r
            To: \(support)\r
            Subject: \(subject)\r
            Message-ID: <\(messageID)>\r
            MIME-Version: 1.0\r
            Content-Type: multipart/mixed; boundary="outer"\r
            \r
            --outer\r
            Content-Type: multipart/related; boundary="rel"\r
            \r
            --rel\r
            Content-Type: multipart/alternative; boundary="alt"\r
            \r
            --alt\r
            Content-Type: text/plain; charset=utf-8\r
            \r
            The switch shows this light.\r
            --alt\r
            Content-Type: text/html; charset=utf-8\r
            \r
            <p>The switch shows this light: <img src="cid:led@x"></p>\r
            --alt--\r
            --rel\r
            Content-Type: image/png; name="led.png"\r
            Content-ID: <led@x>\r
            Content-Disposition: inline; filename="led.png"\r
            Content-Transfer-Encoding: base64\r
            \r
            \(png)\r
            --rel--\r
            --outer\r
            Content-Type: application/pdf; name="invoice.pdf"\r
            Content-Disposition: attachment; filename="invoice.pdf"\r
            Content-Transfer-Encoding: base64\r
            \r
            \(pdf)\r
            --outer--\r

            """
    }
}

extension Caller {
    func postMail(_ raw: String, query: String = "") async throws -> APIResponse {
        try await call(.post, "/api/v2/inbound/email" + query, rawBody: raw)
    }
}

extension TestApp {
    func outbox(ticket: Int) async throws -> [OutboxStore.Message] {
        try await database.read { db in try await OutboxStore(db: db).messages(ticketID: ticket) }
    }

    /// The queued message parsed back, as a mail program would see it.
    func parsedOutbox(_ id: Int) async throws -> ParsedMessage {
        let raw = try await database.read { db in try await OutboxStore(db: db).raw(id: id) }
        return try MIMEParser.parse(try #require(raw))
    }

    func user(email: String) async throws -> UserRecord? {
        try await database.read { db in try await UserStore(db: db).find(email: email) }
    }
}
