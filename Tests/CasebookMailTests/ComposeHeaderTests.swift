import Foundation
import Testing

@testable import CasebookMail

@Suite struct ComposeHeaderTests {
    /// Every encoded word in the header section: at most 75 characters, and its bytes alone are valid UTF-8.
    static func encodedWords(in raw: [UInt8]) -> [(word: String, decoded: [UInt8]?)] {
        let text = String(decoding: raw, as: UTF8.self)
        let header = text.components(separatedBy: "\r\n\r\n")[0]
        var words: [(String, [UInt8]?)] = []
        var rest = Substring(header)
        while let start = rest.range(of: "=?utf-8?") {
            let afterPrefix = rest[start.upperBound...]
            guard let end = afterPrefix.dropFirst(2).range(of: "?=") else { break }
            let word = String(rest[start.lowerBound..<end.upperBound])
            let encoding = afterPrefix.first!
            let payload = String(afterPrefix[afterPrefix.index(afterPrefix.startIndex, offsetBy: 2)..<end.lowerBound])
            var decoded: [UInt8]?
            if encoding == "B" {
                decoded = Data(base64Encoded: payload).map { [UInt8]($0) }
            } else {
                var bytes: [UInt8] = []
                var iterator = Array(payload.utf8).makeIterator()
                while let byte = iterator.next() {
                    if byte == UInt8(ascii: "_") {
                        bytes.append(0x20)
                    } else if byte == UInt8(ascii: "=") {
                        let hex = String(decoding: [iterator.next()!, iterator.next()!], as: UTF8.self)
                        bytes.append(UInt8(hex, radix: 16)!)
                    } else {
                        bytes.append(byte)
                    }
                }
                decoded = bytes
            }
            words.append((word, decoded))
            rest = rest[end.upperBound...]
        }
        return words
    }

    @Test func encodedWordsAreShortAndWholeCharacters() {
        let subjects = [
            "日本語の件名です、とても長い件名になりますのでいくつかのエンコードされた単語に分割されます",
            "Grüße " + String(repeating: "äöüß ", count: 30),
            String(repeating: "👨‍👩‍👧‍👦", count: 12),
            String(repeating: "e\u{301}", count: 60),
            "mostly ascii text with one ü in the middle of a rather long subject line that needs folding",
        ]
        for subject in subjects {
            let mail = OutgoingMail(from: MailAddress(name: subject, address: "a@example.com"), to: [], subject: subject,
                                    messageID: "x@y", date: Date(timeIntervalSince1970: 0), text: "x")
            let raw = MailComposer.render(mail)
            checkWireFormat(raw)
            let words = Self.encodedWords(in: raw)
            #expect(words.count >= 2)
            for (word, decoded) in words {
                #expect(word.utf8.count <= 75, "\(word)")
                #expect(decoded.flatMap { String(validating: $0, as: UTF8.self) } != nil, "\(word) splits a UTF-8 sequence")
            }
        }
    }

    @Test func asciiHeadersStayReadable() {
        let mail = OutgoingMail(from: MailAddress(name: "Casebook Support", address: "support@example.com"),
                                to: [MailAddress(name: "Smith, John", address: "john@example.org"),
                                     MailAddress(name: "J. R. \"Bob\" Dobbs", address: "bob@example.org"),
                                     MailAddress(name: nil, address: "plain@example.org"),
                                     MailAddress(name: "", address: "empty@example.org"),
                                     MailAddress(name: "No Address", address: "")],
                                subject: "Re: [#123] Printer on the 3rd floor", messageID: "<abc@example.com>",
                                date: Date(timeIntervalSince1970: 0), text: "x")
        let text = String(decoding: MailComposer.render(mail), as: UTF8.self)
        #expect(text.contains("\r\nSubject: Re: [#123] Printer on the 3rd floor\r\n"))
        #expect(text.contains("\r\nTo: \"Smith, John\" <john@example.org>, \"J. R. \\\"Bob\\\" Dobbs\" <bob@example.org>,\r\n"
                              + " plain@example.org, empty@example.org\r\n"))
        #expect(!text.contains("No Address"))
        #expect(text.contains("\r\nMessage-ID: <abc@example.com>\r\n"))
        #expect(text.hasPrefix("Date: Thu, 01 Jan 1970 00:00:00 +0000\r\n"))
    }

    @Test func datesMatchAnRFC5322Formatter() {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        var random = MailComposer.BoundaryRandom(seed: 3)
        let samples = [0, -1, 951_782_400, 951_868_800, 4_102_444_800, 1_709_647_389.75] as [Double]
            + (0..<500).map { _ in Double(random.next() % 8_000_000_000) - 2_000_000_000 }
        for seconds in samples {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(MailComposer.rfc5322Date(date) == formatter.string(from: date))
        }
    }

    @Test func newMessageIDs() {
        let id = MailComposer.newMessageID(domain: "Casebook.Example.com")
        #expect(id.hasSuffix("@casebook.example.com"))
        #expect(!id.contains("<") && !id.contains(" "))
        #expect(Set((0..<1000).map { _ in MailComposer.newMessageID(domain: "x.example") }).count == 1000)
        #expect(MailComposer.newMessageID(domain: "").hasSuffix("@casebook.invalid"))
        #expect(MailComposer.newMessageID(domain: "bad domain>\r\n").hasSuffix("@baddomain"))
    }

    @Test func encodedBodiesKeepLinesShort() {
        let mail = OutgoingMail(from: MailAddress(address: "a@example.com"), to: [MailAddress(address: "b@example.com")],
                                subject: "x", messageID: "x@y", date: Date(),
                                text: String(repeating: "Ünïcödé text without any line breaks at all. ", count: 100),
                                html: "<p>" + String(repeating: "=", count: 500) + "</p>",
                                attachments: [MailAttachment(filename: "f", contentType: "application/pdf",
                                                             data: Array(repeating: 1, count: 1000))])
        let raw = MailComposer.render(mail)
        checkWireFormat(raw)
        for line in String(decoding: raw, as: UTF8.self).components(separatedBy: "\r\n") {
            // Header fields fold at 78; quoted-printable and base64 lines are at most 76.
            #expect(line.utf8.count <= (line.hasPrefix("Content-") ? 78 : 76), "\(line)")
        }
    }

    @Test func longThreadsKeepFirstAndLatestReferences() {
        let ids = (1...80).map { "m\($0)@x" }
        let trimmed = MailComposer.trimmedReferences(ids)
        #expect(trimmed.count == 50)
        #expect(trimmed.first == "m1@x")
        #expect(trimmed.last == "m80@x")
        #expect(trimmed[1] == "m32@x")
    }

    @Test func hugeInputsStayWithinTheLineLimit() {
        let long = String(repeating: "x", count: 3000)
        let mail = OutgoingMail(from: MailAddress(name: long, address: "a@example.com"),
                                to: [MailAddress(name: String(repeating: "ü", count: 2000), address: "b@example.com"),
                                     MailAddress(address: long + "@example.com")],
                                subject: long + " " + String(repeating: "y ", count: 600), messageID: long, date: Date(),
                                inReplyTo: long, references: [long, "ok@x"],
                                extraHeaders: [.init(name: "X-Long", value: long), .init(name: String(repeating: "N", count: 100), value: "x")],
                                text: long, html: long,
                                attachments: [MailAttachment(filename: long + ".txt", contentType: "text/" + long, data: [1],
                                                             contentID: long, isInline: true)])
        let raw = MailComposer.render(mail)
        checkWireFormat(raw, headerLimit: nil)
        let text = String(decoding: raw, as: UTF8.self)
        #expect(text.contains("\r\nReferences: <ok@x>\r\n"))
        #expect(!text.contains("Message-ID"))
    }
}
