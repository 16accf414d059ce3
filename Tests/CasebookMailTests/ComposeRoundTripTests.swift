import Foundation
import Testing

@testable import CasebookMail

/// Compose, then read back with Python's `email` package and compare what a recipient would see.
@Suite(.enabled(if: PythonMailPeer.isAvailable, "needs python3"))
struct ComposeRoundTripTests {
    static let date = Date(timeIntervalSince1970: 1_709_647_389)  // Tue, 05 Mar 2024 14:03:09 +0000

    static func mail(subject: String = "Printer on 3rd floor is jammed", text: String = "Hello,\n\nIt works again.\n",
                     html: String? = nil, attachments: [MailAttachment] = [],
                     from: MailAddress = MailAddress(name: "Casebook Support", address: "support@example.com"),
                     to: [MailAddress] = [MailAddress(name: "Rex Harmon", address: "rex@example.org")],
                     cc: [MailAddress] = []) -> OutgoingMail {
        OutgoingMail(from: from, to: to, cc: cc,
                     replyTo: [MailAddress(name: "Casebook Support", address: "support+123@example.com")],
                     subject: subject, messageID: "lx1.abc@casebook.example", date: date,
                     inReplyTo: "parent@mail.example.org", references: ["root@mail.example.org", "parent@mail.example.org"],
                     extraHeaders: [.init(name: "Auto-Submitted", value: "auto-replied"),
                                    .init(name: "X-Casebook-Ticket", value: "123")],
                     text: text, html: html, attachments: attachments)
    }

    /// Renders, checks the line discipline, reads back, and compares the common fields.
    @discardableResult
    static func roundTrip(_ mail: OutgoingMail, headerLimit: Int? = 78,
                          sourceLocation: SourceLocation = #_sourceLocation) throws -> PythonMailPeer.Result {
        let raw = MailComposer.render(mail, boundarySeed: 42)
        checkWireFormat(raw, headerLimit: headerLimit, sourceLocation: sourceLocation)
        let read = try PythonMailPeer.read(raw)
        #expect(read.defects == [], sourceLocation: sourceLocation)
        #expect(read.subject == MailComposer.HeaderFields.sanitized(mail.subject), sourceLocation: sourceLocation)
        for (field, sent, received) in [("from", [mail.from], read.from), ("to", mail.to, read.to), ("cc", mail.cc, read.cc),
                                        ("reply-to", mail.replyTo, read.replyTo)] {
            #expect(received.count == sent.count, sourceLocation: sourceLocation)
            for (address, got) in zip(sent, received) {
                let expected = peer(address)
                #expect(got.address == expected.address, sourceLocation: sourceLocation)
                if splitsIntoSeveralWords(expected.name) {
                    // Python's phrase parser puts a space between adjacent encoded words (RFC 2047 §6.2 says to drop
                    // it); compare without whitespace, and exactly through the RFC-conforming `decode_header`.
                    #expect(got.name.unicodeScalars.filter { $0 != " " } == expected.name.unicodeScalars.filter { $0 != " " },
                            sourceLocation: sourceLocation)
                    #expect(read.legacy[field]?.contains(expected.name) == true, "\(read.legacy[field] ?? "")",
                            sourceLocation: sourceLocation)
                } else {
                    #expect(got.name == expected.name, sourceLocation: sourceLocation)
                }
            }
        }
        #expect(read.text == expectedBody(mail.text), sourceLocation: sourceLocation)
        let html = mail.html.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
        #expect(read.html == html.map(expectedBody), sourceLocation: sourceLocation)
        #expect(read.messageID == "<\(mail.messageID)>", sourceLocation: sourceLocation)
        #expect(read.inReplyTo == mail.inReplyTo.map { "<\($0)>" }, sourceLocation: sourceLocation)
        #expect(read.references == (mail.references.isEmpty ? nil : mail.references.map { "<\($0)>" }.joined(separator: " ")),
                sourceLocation: sourceLocation)
        #expect(read.date == mail.date.timeIntervalSince1970.rounded(.down), sourceLocation: sourceLocation)
        #expect(read.headers["MIME-Version"] == "1.0", sourceLocation: sourceLocation)
        for field in mail.extraHeaders {
            #expect(read.headers[field.name] == field.value, sourceLocation: sourceLocation)
        }
        #expect(read.attachments.count == mail.attachments.count, sourceLocation: sourceLocation)
        for (sent, received) in zip(mail.attachments, read.attachments) {
            #expect(received.filename == sent.filename, sourceLocation: sourceLocation)
            #expect(received.size == sent.data.count, sourceLocation: sourceLocation)
            #expect(received.sha256 == sha256Hex(sent.data), sourceLocation: sourceLocation)
        }
        return read
    }

    static func peer(_ address: MailAddress) -> PythonMailPeer.Address {
        PythonMailPeer.Address(name: MailComposer.HeaderFields.displayNameText(address.name ?? ""), address: address.address)
    }

    /// Whether the composer needs more than one encoded word for this display name.
    static func splitsIntoSeveralWords(_ name: String) -> Bool {
        guard name.unicodeScalars.contains(where: { !$0.isASCII }) || name.contains("=?") else { return false }
        let units = MailComposer.EncodedWordUnits(Substring(name))
        return min(units.qLength, units.bLength) + 12 > 75
    }

    /// What a reader gets back: LF line ends, always ending in one.
    static func expectedBody(_ text: String) -> String {
        var body = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        if !body.hasSuffix("\n") { body += "\n" }
        return body
    }

    static func bytes(_ count: Int, seed: UInt64) -> [UInt8] {
        var random = MailComposer.BoundaryRandom(seed: seed)
        return (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) }
    }

    @Test func plainASCIITextIs7bit() throws {
        let raw = MailComposer.render(Self.mail())
        let text = String(decoding: raw, as: UTF8.self)
        #expect(text.contains("\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 7bit\r\n"))
        #expect(text.hasPrefix("Date: Tue, 05 Mar 2024 14:03:09 +0000\r\nFrom: Casebook Support <support@example.com>\r\n"))
        let read = try Self.roundTrip(Self.mail())
        #expect(read.contentType == "text/plain")
    }

    @Test func unicodeSubjectNamesAndQuotedPrintableText() throws {
        let text = """
            Grüße aus München! 🎉
            From the start of a line, and a dot line follows:
            .
            Trailing spaces here   \n\
            Equals = signs and a very long line: \(String(repeating: "äöü xyz ", count: 40))
            tab\tinside
            """
        let mail = Self.mail(subject: "Re: [#123] Grüße — naïve café ☕️ 日本語の件名です、とても長い件名になります",
                             text: text,
                             from: MailAddress(name: "Jürgen Müller (Support)", address: "support@example.com"),
                             to: [MailAddress(name: "Zoë Ångström", address: "zoe@example.org"),
                                  MailAddress(name: "O'Brien, Pat", address: "pat@example.org"),
                                  MailAddress(name: "Dr. \"Quoted\" Back\\slash", address: "dr@example.org"),
                                  MailAddress(address: "bare@example.org")],
                             cc: [MailAddress(name: "🙂", address: "emoji@example.org")])
        let raw = MailComposer.render(mail)
        let rendered = String(decoding: raw, as: UTF8.self)
        #expect(rendered.contains("Content-Transfer-Encoding: quoted-printable"))
        #expect(rendered.contains("\r\n=46rom the start"))
        #expect(rendered.contains("\r\n=2E\r\n"))
        try Self.roundTrip(mail)
    }

    @Test func textAndHTMLMakeAlternative() throws {
        let html = "<html><body><p>Hello <b>Rex</b>, your ticket is solved.</p>\(String(repeating: "<span>x</span>", count: 30))</body></html>"
        let read = try Self.roundTrip(Self.mail(html: html))
        #expect(read.structure == ["multipart/alternative", "text/plain", "text/html"])
    }

    @Test func inlineImagesMakeRelatedAndFilesMakeMixed() throws {
        let logo = MailAttachment(filename: "logo.png", contentType: "image/png", data: Self.bytes(3000, seed: 1),
                                  contentID: "logo@casebook", isInline: true)
        let files = [
            MailAttachment(filename: "report.pdf", contentType: "application/pdf", data: Self.bytes(100_000, seed: 2)),
            MailAttachment(filename: "Rechnung für März — Ü.pdf", contentType: "Application/PDF; name=x",
                           data: Self.bytes(57, seed: 3)),
            MailAttachment(filename: "a very long file name that goes on and on and on beyond sixty characters.txt",
                           contentType: "text/plain", data: Array("hello\n".utf8)),
            MailAttachment(filename: "日本語のとても長いファイル名がここにありますので継続行が必要になりますね.xlsx",
                           contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                           data: Self.bytes(10, seed: 4)),
            MailAttachment(filename: "quote\"d.txt", contentType: "bogus", data: []),
        ]
        let html = "<p>See <img src=\"cid:logo@casebook\"></p>"
        let read = try Self.roundTrip(Self.mail(html: html, attachments: [logo] + files))
        #expect(read.structure == ["multipart/mixed", "multipart/alternative", "text/plain", "multipart/related",
                                   "text/html", "image/png", "application/pdf", "application/pdf", "text/plain",
                                   "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                                   "application/octet-stream"])
        #expect(read.attachments[0].contentID == "<logo@casebook>")
        #expect(read.attachments[0].disposition == "inline")
        #expect(read.attachments[1].disposition == "attachment")
    }

    @Test func attachmentsWithoutHTMLAreMixedAroundText() throws {
        let file = MailAttachment(filename: "a.bin", contentType: "application/octet-stream", data: Self.bytes(77, seed: 9),
                                  contentID: "c1", isInline: true)
        let read = try Self.roundTrip(Self.mail(attachments: [file]))
        #expect(read.structure == ["multipart/mixed", "text/plain", "application/octet-stream"])
        #expect(read.attachments[0].disposition == "attachment")
    }

    @Test func messageAndMultipartAttachmentTypesBecomeOctetStream() {
        #expect(MailComposer.AttachmentParameters.safeContentType("message/rfc822") == "application/octet-stream")
        #expect(MailComposer.AttachmentParameters.safeContentType("multipart/mixed") == "application/octet-stream")
        #expect(MailComposer.AttachmentParameters.safeContentType("image/PNG") == "image/png")
        #expect(MailComposer.AttachmentParameters.safeContentType("text/html; charset=utf-8") == "text/html")
        #expect(MailComposer.AttachmentParameters.safeContentType("image/<script>") == "application/octet-stream")
    }

    @Test func longReferencesFoldAndRoundTrip() throws {
        var mail = Self.mail()
        mail.references = (1...30).map { "message-\($0).\(String(repeating: "z", count: $0))@mail.example.org" }
        mail.inReplyTo = mail.references.last
        let raw = MailComposer.render(mail)
        let text = String(decoding: raw, as: UTF8.self)
        #expect(text.components(separatedBy: "\r\n ").count > 10)
        try Self.roundTrip(mail)
    }

    @Test func headerInjectionIsNeutralized() throws {
        var mail = Self.mail(subject: "Hello\r\nBcc: victim@example.net", to: [MailAddress(name: "Eve\r\nBcc: x@y", address: "eve@example.org\r\n")])
        mail.extraHeaders = [.init(name: "X-Note", value: "a\nb"), .init(name: "Bad Name", value: "x"),
                             .init(name: "Subject", value: "duplicate")]
        let raw = MailComposer.render(mail)
        let text = String(decoding: raw, as: UTF8.self)
        #expect(!text.contains("\r\nBcc:"))
        #expect(!text.contains("Bad Name"))
        #expect(text.components(separatedBy: "\r\nSubject:").count == 2)
        let read = try PythonMailPeer.read(raw)
        #expect(read.subject == "Hello  Bcc: victim@example.net")
        #expect(read.headers["X-Note"] == "a b")
        #expect(read.to == [.init(name: "Eve Bcc: x@y", address: "eve@example.org")])
    }

    @Test func literalEncodedWordLookalikesAndLongWordsSurvive() throws {
        let long = String(repeating: "a", count: 950)
        try Self.roundTrip(Self.mail(subject: "What does =?utf-8?Q?x?= mean?"))
        try Self.roundTrip(Self.mail(subject: "Link \(long) end"), headerLimit: 78)
        try Self.roundTrip(Self.mail(subject: "A subject with   three spaces and a very long tail of words to fold it over lines"))
        try Self.roundTrip(Self.mail(subject: ""))
    }

    @Test func bodyWithBoundaryLookalikeGetsAnotherBoundary() throws {
        // With seed 42 the first boundary candidate is known; put it in the text so the composer must draw again.
        var random = MailComposer.BoundaryRandom(seed: 42)
        let first = MailComposer.MIMEBoundary.make(notIn: [], random: &random)
        let mail = Self.mail(text: "--\(first)\nshort ascii lines\n--\(first)--\n", html: "<p>x</p>")
        let raw = MailComposer.render(mail, boundarySeed: 42)
        let text = String(decoding: raw, as: UTF8.self)
        #expect(!text.contains("boundary=\"\(first)\""))
        try Self.roundTrip(mail)
    }

    @Test func nonASCIIAddressIsWrittenRaw() throws {
        let mail = Self.mail(to: [MailAddress(name: "Jörg", address: "jörg@bücher.example")])
        let raw = MailComposer.render(mail)
        checkWireFormat(raw, asciiHeaders: false)
        #expect(String(decoding: raw, as: UTF8.self).contains("<jörg@bücher.example>"))
    }

    @Test func randomTextsRoundTrip() throws {
        var random = MailComposer.BoundaryRandom(seed: 7)
        let alphabet = Array("abc XYZ 019 .,;:<>\"\\()[]@=?_-ßäöüéñçøå€™—–“”‘’ 中文日本語한국어 🎉👍🏽👨‍👩‍👧 \u{301}").map(String.init) + ["=?", "?=", "\t"]
        for round in 0..<30 {
            func randomString(_ maxLength: Int) -> String {
                let length = Int(random.next() % UInt64(maxLength))
                return (0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }.joined()
            }
            let text = (0..<Int(random.next() % 8)).map { _ in randomString(200) }.joined(separator: "\n")
            let mail = Self.mail(subject: randomString(160), text: text, html: round % 2 == 0 ? randomString(300) : nil,
                                 from: MailAddress(name: randomString(50), address: "support@example.com"),
                                 to: [MailAddress(name: randomString(40), address: "a\(round)@example.org"),
                                      MailAddress(name: randomString(90), address: "b\(round)@example.org")])
            try Self.roundTrip(mail)
        }
    }
}
