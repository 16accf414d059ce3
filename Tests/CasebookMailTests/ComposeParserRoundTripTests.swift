import Foundation
import Testing

@testable import CasebookMail

/// Compose, parse back with Casebook's own `MIMEParser`, and check what the inbound side sees — including the
/// threading keys, reply stripping and noise classification of a reply to a Casebook notification.
@Suite struct ComposeParserRoundTripTests {
    @discardableResult
    static func parse(_ mail: OutgoingMail, sourceLocation: SourceLocation = #_sourceLocation) throws -> ParsedMessage {
        let raw = MailComposer.render(mail, boundarySeed: 9)
        checkWireFormat(raw, sourceLocation: sourceLocation)
        let parsed = try MIMEParser.parse(raw)
        #expect(parsed.subject == MailComposer.HeaderFields.sanitized(mail.subject), sourceLocation: sourceLocation)
        #expect(parsed.from == [Self.expected(mail.from)], sourceLocation: sourceLocation)
        #expect(parsed.to == mail.to.map(Self.expected), sourceLocation: sourceLocation)
        #expect(parsed.cc == mail.cc.map(Self.expected), sourceLocation: sourceLocation)
        #expect(parsed.replyTo == mail.replyTo.map(Self.expected), sourceLocation: sourceLocation)
        #expect(parsed.messageID == mail.messageID, sourceLocation: sourceLocation)
        #expect(parsed.inReplyTo == (mail.inReplyTo.map { [$0] } ?? []), sourceLocation: sourceLocation)
        #expect(parsed.references == mail.references, sourceLocation: sourceLocation)
        #expect(parsed.date == Date(timeIntervalSince1970: mail.date.timeIntervalSince1970.rounded(.down)),
                sourceLocation: sourceLocation)
        #expect(parsed.textBody.map(Self.lf) == ComposeRoundTripTests.expectedBody(mail.text), sourceLocation: sourceLocation)
        let html = mail.html.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
        #expect(parsed.htmlBody.map(Self.lf) == html.map(ComposeRoundTripTests.expectedBody), sourceLocation: sourceLocation)
        #expect(parsed.attachments.count == mail.attachments.count, sourceLocation: sourceLocation)
        for (sent, received) in zip(mail.attachments, parsed.attachments) {
            #expect(received.filename == MailComposer.AttachmentParameters.cleanFilename(sent.filename),
                    sourceLocation: sourceLocation)
            #expect(received.contentType == MailComposer.AttachmentParameters.safeContentType(sent.contentType),
                    sourceLocation: sourceLocation)
            #expect(received.data == sent.data, sourceLocation: sourceLocation)
        }
        #expect(parsed.warnings == [], sourceLocation: sourceLocation)
        return parsed
    }

    static func expected(_ address: MailAddress) -> MailAddress {
        let name = MailComposer.HeaderFields.displayNameText(address.name ?? "")
        return MailAddress(name: name.isEmpty ? nil : name, address: address.address)
    }

    static func lf(_ text: String) -> String { text.replacingOccurrences(of: "\r\n", with: "\n") }

    @Test func notificationsRoundTrip() throws {
        let logo = MailAttachment(filename: "logo.png", contentType: "image/png", data: ComposeRoundTripTests.bytes(3000, seed: 1),
                                  contentID: "logo@casebook", isInline: true)
        let file = MailAttachment(filename: "Rechnung für März — Ü.pdf", contentType: "application/pdf",
                                  data: ComposeRoundTripTests.bytes(5000, seed: 2))
        try Self.parse(ComposeRoundTripTests.mail())
        try Self.parse(ComposeRoundTripTests.mail(subject: "Re: [#123] Grüße — 日本語の件名です、とても長い件名になります ☕️",
                                                  text: "Grüße\n\(String(repeating: "äöü ", count: 50))\n",
                                                  from: MailAddress(name: "Jürgen Müller (Support)", address: "support@example.com"),
                                                  to: [MailAddress(name: "O'Brien, Pat", address: "pat@example.org")]))
        let parsed = try Self.parse(ComposeRoundTripTests.mail(html: "<p>See <img src=\"cid:logo@casebook\"></p>",
                                                               attachments: [logo, file]))
        #expect(parsed.attachments.first?.contentID == "logo@casebook")
        #expect(parsed.attachments.first?.isInline == true)
        #expect(parsed.attachments.last?.isInline == false)
    }

    @Test func randomTextsRoundTrip() throws {
        var random = MailComposer.BoundaryRandom(seed: 11)
        let alphabet = Array("abc XYZ 019 .,;:<>\"\\()[]@=?_-ßäöüéñçøå€™—–“”‘’ 中文日本語한국어 🎉👍🏽👨‍👩‍👧 \u{301}").map(String.init)
            + ["=?", "?=", "\t"]
        for _ in 0..<50 {
            func randomString(_ maxLength: Int) -> String {
                let length = Int(random.next() % UInt64(maxLength))
                return (0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }.joined()
            }
            let mail = ComposeRoundTripTests.mail(
                subject: randomString(160), text: (0..<4).map { _ in randomString(200) }.joined(separator: "\n"),
                html: randomString(300), from: MailAddress(name: randomString(50), address: "support@example.com"),
                to: [MailAddress(name: randomString(90), address: "b@example.org")])
            try Self.parse(mail)
        }
    }

    /// Casebook notifies, the customer answers from Gmail, Casebook reads the answer.
    @Test func replyToANotificationIsThreadedAndStripped() throws {
        let notificationID = MailComposer.newMessageID(domain: "casebook.example.com")
        let notification = OutgoingMail(
            from: MailAddress(name: "Casebook Support", address: "support@example.com"),
            to: [MailAddress(name: "Rex Harmon", address: "rex@example.org")],
            replyTo: [MailAddress(name: "Casebook Support", address: ThreadingKeys.plusAddress("support@example.com", ticketID: 123))],
            subject: "\(ThreadingKeys.subjectToken(ticketID: 123)) Printer jammed", messageID: notificationID, date: Date(),
            references: ["first@example.org"],
            extraHeaders: [.init(name: "Auto-Submitted", value: "auto-generated"), .init(name: "X-Auto-Response-Suppress", value: "All")],
            text: "\(ReplyStripper.marker)\n\nYour request (123) has been updated.\n\nWhich floor is it on?\n")
        let sent = try MIMEParser.parse(MailComposer.render(notification))
        #expect(NoiseDetector.classify(sent).isAutoReply)

        let quoted = (sent.textBody ?? "").split(separator: "\n", omittingEmptySubsequences: false).map { "> \($0)" }
        let reply = OutgoingMail(
            from: MailAddress(name: "Rex Harmon", address: "rex@example.org"),
            to: sent.replyTo, subject: "Re: \(sent.subject)", messageID: "CA+reply@mail.gmail.com", date: Date(),
            inReplyTo: sent.messageID, references: sent.references + [sent.messageID!],
            text: "Third floor, next to the kitchen.\n\nRex\n\nOn Tue, Mar 5, 2024 at 2:03 PM Casebook Support <\nsupport+123@example.com> wrote:\n\n"
                + quoted.joined(separator: "\n"))
        let received = try MIMEParser.parse(MailComposer.render(reply))
        let keys = ThreadingKeys.from(received, supportAddresses: ["support@example.com"])
        #expect(keys.referencedIDs == [notificationID, "first@example.org"])
        #expect(keys.subjectTicketID == 123)
        #expect(keys.plusAddressTicketID == 123)
        #expect(ThreadingKeys.baseSubject(received.subject) == "Printer jammed")
        let stripped = ReplyStripper.strip(received.textBody ?? "", subject: received.subject)
        #expect(stripped == .init(reply: "Third floor, next to the kitchen.\n\nRex", removedQuote: true, removedSignature: false))
        #expect(NoiseDetector.classify(received).isClean)
    }
}
