import Foundation
import Testing
@testable import CasebookMail

@Suite("MIMEParser: headers and structure")
struct ParseStructureTests {
    // MARK: Headers

    @Test("Folded headers are unfolded, with CRLF and with bare LF", arguments: ["\r\n", "\n"])
    func folding(lineEnd: String) throws {
        let m = try ParseKit.parsed("""
            From: Rex Harmon
             <rex@example.com>
            Subject: Hello
             world
            \tagain
            X-Empty:
            X-Custom:   spaced value

            Body
            """, lineEnd: lineEnd)
        #expect(m.subject == "Hello world\tagain")
        #expect(m.from == [MailAddress(name: "Rex Harmon", address: "rex@example.com")])
        #expect(m.headers["x-empty"] == "")
        #expect(m.headers["X-CUSTOM"] == "spaced value")
        #expect(m.headers.fields.map(\.name) == ["From", "Subject", "X-Empty", "X-Custom"])
        #expect(m.textBody == "Body")
        #expect(m.warnings.isEmpty)
    }

    @Test("headers(of:) reads only the top header block and never throws")
    func headersOnly() {
        let raw = ParseKit.mail("""
            Message-ID: <abc@example.com>
            Subject: =?utf-8?q?caf=C3=A9?=
            Content-Type: multipart/mixed; boundary=b

            --b
            Message-ID: <inner@example.com>

            x
            --b--
            """)
        let headers = MIMEParser.headers(of: raw)
        #expect(headers.fields.count == 3)
        #expect(headers["message-id"] == "<abc@example.com>")
        #expect(headers["subject"] == "=?utf-8?q?caf=C3=A9?=") // raw, not decoded
        #expect(MIMEParser.headers(of: []).fields.isEmpty)
        #expect(MIMEParser.headers(of: Array("no headers at all".utf8)).fields.isEmpty)
        // A header block over 1 MiB is cut, not refused.
        let huge = Array(("X-Big: " + String(repeating: "a", count: 2 << 20) + "\r\nSubject: s\r\n\r\n").utf8)
        #expect(MIMEParser.headers(of: huge).fields.isEmpty)
    }

    @Test("A header block without the blank line: the body starts at the first non-header line")
    func noBlankLine() throws {
        let m = try ParseKit.parsed("""
            From: a@example.com
            Subject: no separator
            This line is the body.
            And this.
            """)
        #expect(m.subject == "no separator")
        #expect(m.textBody == "This line is the body.\nAnd this.")
        #expect(m.warnings.contains("No blank line between the header and the body."))
        // "Name : value" (space before the colon) is not a header line either (as in Python).
        let m2 = try ParseKit.parsed("Subject: s\nBad Header: x\n\nbody\n")
        #expect(m2.headers.fields.count == 1)
        #expect(m2.textBody == "Bad Header: x\n\nbody\n")
    }

    @Test("A message without any header is all body")
    func noHeaders() throws {
        let m = try ParseKit.parsed("Just text.\nMore text.\n")
        #expect(m.headers.fields.isEmpty)
        #expect(m.textBody == "Just text.\nMore text.\n")
        #expect(m.contentType == "text/plain")
    }

    @Test("mbox From_ lines: first line ignored, in the middle ignored, last header line starts the body")
    func mboxFromLines() throws {
        let m = try ParseKit.parsed("""
            From sender@example.com Mon Jan  1 00:00:00 2024
            Subject: s
            From oops in the middle
            To: t@example.com

            body
            """)
        #expect(m.subject == "s")
        #expect(m.to.map(\.address) == ["t@example.com"])
        #expect(m.headers.fields.count == 2)
        #expect(m.textBody == "body")
        let m2 = try ParseKit.parsed("Subject: s\nFrom nobody\n\nbody\n")
        #expect(m2.textBody == "From nobody\nbody\n") // Python's reading: the blank line was the separator
    }

    @Test("A continuation line first is ignored; a line of spaces inside the header is a continuation")
    func oddContinuations() throws {
        let m = try ParseKit.parsed(" leading continuation\nSubject: a\n   \nTo: b@example.com\n\nbody")
        #expect(m.subject == "a   ")
        #expect(m.to.map(\.address) == ["b@example.com"])
        #expect(m.textBody == "body")
    }

    @Test("NUL bytes and raw 8-bit bytes survive")
    func nulAndEightBit() throws {
        var raw = ParseKit.mail("Subject: a\u{0}b\nX-Latin1: caf")
        raw.append(0xE9) // Latin-1 é in a raw header
        raw += ParseKit.mail("\nContent-Type: text/plain; charset=utf-8\n\nnul:\u{0}:end\n")
        let m = try MIMEParser.parse(raw)
        #expect(m.subject == "a\u{0}b")
        #expect(m.headers["x-latin1"] == "café")
        #expect(m.textBody == "nul:\u{0}:end\n")
    }

    @Test("A 6 MB line without a line break")
    func hugeLine() throws {
        var raw = ParseKit.mail("Subject: big\nContent-Type: text/plain\n\n")
        raw += [UInt8](repeating: UInt8(ascii: "x"), count: 6 << 20)
        let m = try MIMEParser.parse(raw)
        #expect(m.textBody?.utf8.count == 6 << 20)
    }

    // MARK: Multipart

    static let nested = """
        From: Nested <nested@example.com>
        To: desk@example.com
        Subject: Nested
        Content-Type: multipart/mixed; boundary="outer"

        preamble
        --outer
        Content-Type: multipart/alternative; boundary="alt"

        --alt
        Content-Type: text/plain; charset=utf-8

        plain body
        --alt
        Content-Type: multipart/related; boundary="rel"

        --rel
        Content-Type: text/html; charset=utf-8

        <p>html body <img src="cid:logo@x"></p>
        --rel
        Content-Type: image/png
        Content-ID: <logo@x>
        Content-Transfer-Encoding: base64

        iVBORw0KGgo=
        --rel--
        --alt--
        --outer
        Content-Type: application/pdf; name="report.pdf"
        Content-Disposition: attachment; filename="report.pdf"
        Content-Transfer-Encoding: base64

        JVBERi0xLjQK
        --outer--
        epilogue
        """

    @Test("Nested multipart/mixed › alternative › related: bodies, inline image, attachment")
    func nestedStructure() throws {
        let m = try ParseKit.parsed(Self.nested)
        #expect(m.contentType == "multipart/mixed")
        #expect(m.textBody == "plain body")
        #expect(m.htmlBody == "<p>html body <img src=\"cid:logo@x\"></p>")
        #expect(m.attachments.count == 2)
        let logo = try #require(m.attachments.first)
        #expect(logo.contentType == "image/png")
        #expect(logo.contentID == "logo@x")
        #expect(logo.isInline)
        #expect(logo.filename == "attachment-1.png")
        #expect(logo.data == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let pdf = m.attachments[1]
        #expect(pdf.filename == "report.pdf")
        #expect(!pdf.isInline)
        #expect(pdf.data == Array("%PDF-1.4\n".utf8))
        #expect(m.warnings.isEmpty)
    }

    @Test("The same with bare LF line ends")
    func nestedStructureLF() throws {
        let m = try ParseKit.parsed(Self.nested, lineEnd: "\n")
        #expect(m.textBody == "plain body")
        #expect(m.attachments.map(\.filename) == ["attachment-1.png", "report.pdf"])
    }

    @Test("The line break before a boundary belongs to the boundary; other blank lines are content")
    func lineBreakBeforeBoundary() throws {
        let m = try ParseKit.parsed("""
            Content-Type: multipart/mixed; boundary=b

            --b
            Content-Type: text/plain

            two blank lines follow


            --b--
            """)
        #expect(m.textBody == "two blank lines follow\n\n")
    }

    @Test("Boundary lines: trailing whitespace allowed, longer lines are not boundaries")
    func boundaryMatching() throws {
        let m = try ParseKit.parsed("""
            Content-Type: multipart/mixed; boundary="b"

            --b  \t
            Content-Type: text/plain

            --bb is not a boundary
            -- b is not one either
            --b--
            """)
        #expect(m.textBody == "--bb is not a boundary\n-- b is not one either")
    }

    @Test("Several boundary lines in a row open one part")
    func repeatedBoundaries() throws {
        let m = try ParseKit.parsed("""
            Content-Type: multipart/mixed; boundary=X

            --X
            --X
            --X
            Content-Type: text/plain

            only part
            --X--
            """)
        #expect(m.textBody == "only part")
        #expect(m.attachments.isEmpty)
    }

    @Test("An inner part ends at an outer boundary even when its own multipart is unterminated (RFC 2046 §5.1.2)")
    func outerBoundaryEndsInner() throws {
        let m = try ParseKit.parsed("""
            Content-Type: multipart/mixed; boundary=outer

            --outer
            Content-Type: multipart/alternative; boundary=inner

            --inner
            Content-Type: text/plain

            inner text, never closed
            --outer
            Content-Type: image/gif; name=a.gif

            GIF89a
            --outer--
            """)
        #expect(m.textBody == "inner text, never closed")
        #expect(m.attachments.map(\.filename) == ["a.gif"])
        #expect(m.attachments.first?.data == Array("GIF89a".utf8))
        #expect(m.warnings.contains("Part 1 (multipart/alternative) has no closing boundary (truncated message?)."))
    }

    @Test("An unterminated multipart ends where the data ends")
    func unterminated() throws {
        let m = try ParseKit.parsed("""
            Content-Type: multipart/mixed; boundary=b

            --b
            Content-Type: text/plain

            first
            --b
            Content-Type: application/octet-stream; name=cut.bin
            Content-Transfer-Encoding: base64

            AAECAw
            """)
        #expect(m.textBody == "first")
        #expect(m.attachments.map(\.data) == [[0, 1, 2, 3]])
        #expect(m.warnings.contains("The message body (multipart/mixed) has no closing boundary (truncated message?)."))
    }

    @Test("A multipart whose boundary never occurs, or that has none, is one opaque part")
    func missingBoundaries() throws {
        let wrong = try ParseKit.parsed("""
            Content-Type: multipart/mixed; boundary=right

            --wrong
            Content-Type: text/plain

            text
            --wrong--
            """)
        #expect(wrong.textBody == nil)
        #expect(wrong.attachments.count == 1)
        #expect(wrong.attachments.first?.contentType == "multipart/mixed")
        #expect(wrong.attachments.first?.filename == "attachment-1.bin")
        #expect(wrong.warnings.contains("The message body (multipart/mixed): its boundary never occurs; kept as one part."))
        let none = try ParseKit.parsed("Content-Type: multipart/alternative\n\nBlah blah\n")
        #expect(none.textBody == nil)
        #expect(none.attachments.first?.data == Array("Blah blah\r\n".utf8))
        #expect(none.warnings.contains("The message body (multipart/alternative) has no boundary parameter; kept as one part."))
    }

    @Test("An inner multipart reusing the outer boundary ends at once (as Python reads it)")
    func reusedBoundary() throws {
        let m = try ParseKit.parsed("""
            Content-Type: multipart/mixed; boundary=X

            --X
            Content-Type: multipart/alternative; boundary=X

            --X
            Content-Type: text/plain

            text
            --X--
            """)
        #expect(m.textBody == "text")
    }

    @Test("Parts without Content-Type are text/plain, or message/rfc822 in a digest")
    func defaultTypes() throws {
        let m = try ParseKit.parsed("""
            Content-Type: multipart/digest; boundary=d

            --d

            From: a@example.com
            Subject: First / digest message

            one
            --d
            Content-Type: text/plain

            masthead
            --d--
            """)
        #expect(m.textBody == "masthead")
        #expect(m.attachments.count == 1)
        #expect(m.attachments[0].contentType == "message/rfc822")
        #expect(m.attachments[0].filename == "First _ digest message.eml")
        #expect(m.attachments[0].data == ParseKit.mail("From: a@example.com\nSubject: First / digest message\n\none"))
    }

    @Test("message/rfc822 parts are attachments holding the raw message, named after its subject")
    func attachedMessage() throws {
        let inner = "From: Original <o@example.org>\nSubject: =?utf-8?q?Probl=C3=A8me?=\n\nThe original body.\n"
        let m = try ParseKit.parsed("""
            Subject: Fwd
            Content-Type: multipart/mixed; boundary=f

            --f
            Content-Type: text/plain

            See below.
            --f
            Content-Type: message/rfc822

            \(inner)
            --f
            Content-Type: message/rfc822
            Content-Disposition: attachment; filename="saved.eml"

            Subject: x

            y
            --f
            Content-Type: message/rfc822

            No-Subject: here

            z
            --f--
            """)
        #expect(m.textBody == "See below.")
        #expect(m.attachments.map(\.filename) == ["Problème.eml", "saved.eml", "message.eml"])
        #expect(m.attachments[0].data == ParseKit.mail(inner)) // the blank line before the boundary is the boundary's
        #expect(m.attachments.allSatisfy { $0.contentType == "message/rfc822" })
        // A forwarded message at the top level.
        let top = try ParseKit.parsed("Subject: outer\nContent-Type: message/rfc822\n\nSubject: inner\n\nbody\n")
        #expect(top.textBody == nil)
        #expect(top.subject == "outer")
        #expect(top.attachments.map(\.filename) == ["inner.eml"])
        #expect(top.attachments.first?.data == ParseKit.mail("Subject: inner\n\nbody\n"))
    }

    @Test("A non-text top-level part is an attachment")
    func topLevelAttachment() throws {
        let m = try ParseKit.parsed("""
            Content-Type: application/pdf; name="scan.pdf"
            Content-Transfer-Encoding: base64

            JVBERi0=
            """)
        #expect(m.textBody == nil)
        #expect(m.attachments.map(\.filename) == ["scan.pdf"])
        #expect(m.attachments.first?.data == Array("%PDF-".utf8))
    }

    // MARK: Body selection and attachments

    @Test("Body selection skips Content-Disposition: attachment and follows multipart/related's start")
    func bodySelection() throws {
        let m = try ParseKit.parsed("""
            Content-Type: multipart/mixed; boundary=m

            --m
            Content-Type: text/plain
            Content-Disposition: attachment; filename="notes.txt"

            attached notes
            --m
            Content-Type: multipart/related; boundary=r; start="<root@x>"

            --r
            Content-Type: text/html
            Content-ID: <not-root@x>

            <p>not the root</p>
            --r
            Content-Type: text/html
            Content-ID: <root@x>

            <p>root</p>
            --r--
            --m
            Content-Type: text/plain

            the plain body
            --m
            Content-Type: text/plain

            a second text part
            --m--
            """)
        #expect(m.textBody == "the plain body")
        #expect(m.htmlBody == "<p>root</p>")
        // notes.txt (named) is an attachment; the unnamed alternatives are not; the other html is not.
        #expect(m.attachments.map(\.filename) == ["notes.txt"])
        #expect(m.attachments.first?.data == Array("attached notes".utf8))
    }

    @Test("Unnamed parts get names from their type; odd text types are attachments")
    func fallbackNames() throws {
        let m = try ParseKit.parsed("""
            Content-Type: multipart/alternative; boundary=a

            --a
            Content-Type: text/plain

            Meeting
            --a
            Content-Type: text/calendar; method=REQUEST

            BEGIN:VCALENDAR
            --a
            Content-Type: application/x-unknown

            ??
            --a--
            """)
        #expect(m.textBody == "Meeting")
        #expect(m.attachments.map(\.filename) == ["attachment-1.ics", "attachment-2.bin"])
        #expect(m.attachments.map(\.contentType) == ["text/calendar", "application/x-unknown"])
    }

    @Test("File names are made safe: no directories, no control characters")
    func filenameSafety() throws {
        #expect(AttachmentNaming.sanitize("../../etc/passwd") == "passwd")
        #expect(AttachmentNaming.sanitize("C:\\Users\\rex\\report.pdf") == "report.pdf")
        #expect(AttachmentNaming.sanitize("a\u{0}b\u{1B}c\u{85}.txt") == "abc.txt")
        #expect(AttachmentNaming.sanitize("  spaced.txt  ") == "spaced.txt")
        #expect(AttachmentNaming.sanitize("..") == nil)
        #expect(AttachmentNaming.sanitize("dir/") == nil)
        #expect(AttachmentNaming.fallback(contentType: "message/rfc822", index: 3, subject: "Re: a/b: c?") == "Re_ a_b_ c_.eml")
        #expect(AttachmentNaming.fallback(contentType: "message/rfc822", index: 3, subject: "  ") == "message.eml")
        #expect(AttachmentNaming.fallback(contentType: "image/jpeg", index: 2, subject: "") == "attachment-2.jpg")
        let m = try ParseKit.parsed("""
            Content-Type: multipart/mixed; boundary=m

            --m
            Content-Type: application/octet-stream; name="../../../evil.sh"

            x
            --m--
            """)
        #expect(m.attachments.map(\.filename) == ["evil.sh"])
    }

    @Test("Inline: Content-Disposition inline, or no disposition with a Content-ID")
    func inlineFlag() throws {
        let m = try ParseKit.parsed("""
            Content-Type: multipart/related; boundary=r

            --r
            Content-Type: text/html

            <img src="cid:a"><img src="cid:b">
            --r
            Content-Type: image/gif
            Content-ID: <a>

            GIF
            --r
            Content-Type: image/gif; name=b.gif
            Content-ID: < b >
            Content-Disposition: attachment

            GIF
            --r
            Content-Type: image/gif; name=c.gif
            Content-Disposition: inline

            GIF
            --r--
            """)
        #expect(m.attachments.map(\.isInline) == [true, false, true])
        #expect(m.attachments.map(\.contentID) == ["a", "b", nil])
    }

    @Test("Unknown transfer encodings keep the bytes and say so")
    func unknownTransferEncoding() throws {
        let m = try ParseKit.parsed("Content-Type: text/plain\nContent-Transfer-Encoding: x-weird\n\nkept\n")
        #expect(m.textBody == "kept\n")
        #expect(m.warnings == ["The message body (text/plain): unknown Content-Transfer-Encoding \"x-weird\"; kept as it is."])
    }

    @Test("Content-Type values: invalid means text/plain, comments and case are ignored")
    func contentTypeValues() throws {
        #expect(try ParseKit.parsed("Content-Type: text\n\nx").contentType == "text/plain")
        #expect(try ParseKit.parsed("Content-Type: TEXT/HTML (html)\n\nx").htmlBody == "x")
        #expect(try ParseKit.parsed("Content-Type: text / plain\n\nx").textBody == "x")
        #expect(try ParseKit.parsed("Content-Type: \n\nx").contentType == "text/plain")
        #expect(try ParseKit.parsed("Content-Type: image/png/extra\n\nx").contentType == "text/plain")
    }

    // MARK: Limits

    @Test("Oversized messages are refused before parsing")
    func tooLarge() {
        let raw = ParseKit.mail("Subject: s\n\n" + String(repeating: "x", count: 200))
        let limits = MailLimits(maxBytes: 100)
        #expect(ParseKit.parseError(raw, limits: limits) == .tooLarge(bytes: raw.count, limit: 100))
        let error = MailParseError.tooLarge(bytes: 52 * 1_048_576 + 300_000, limit: 40 << 20)
        #expect(error.description == "Message is 52 MB; the limit is 40 MB.")
        #expect(MailParseError.tooLarge(bytes: (40 << 20) + 1, limit: 40 << 20).description
            == "Message is 41 MB; the limit is 40 MB.")
    }

    static func nestedMultiparts(_ depth: Int) -> [UInt8] {
        var text = "Subject: deep\n"
        for level in 0..<depth {
            text += "Content-Type: multipart/mixed; boundary=b\(level)\n\n--b\(level)\n"
        }
        text += "Content-Type: text/plain\n\ndeepest\n"
        for level in (0..<depth).reversed() { text += "--b\(level)--\n" }
        return ParseKit.mail(text)
    }

    @Test("Depth bomb: more than maxDepth nested multiparts")
    func depthBomb() throws {
        let ok = try MIMEParser.parse(Self.nestedMultiparts(20))
        #expect(ok.textBody == "deepest")
        #expect(ParseKit.parseError(Self.nestedMultiparts(21)) == .tooDeep(limit: 20))
        #expect(ParseKit.parseError(Self.nestedMultiparts(5_000)) == .tooDeep(limit: 20))
        #expect(ParseKit.parseError(Self.nestedMultiparts(4), limits: MailLimits(maxDepth: 3)) == .tooDeep(limit: 3))
        #expect(MailParseError.tooDeep(limit: 20).description
            == "Message nests MIME multiparts more than 20 levels deep; the limit is 20.")
    }

    @Test("Part-count bomb: more than maxParts parts")
    func partBomb() throws {
        func parts(_ n: Int) -> [UInt8] {
            ParseKit.mail("Content-Type: multipart/mixed; boundary=p\n\n"
                + String(repeating: "--p\nContent-Type: text/plain\n\nx\n", count: n) + "--p--\n")
        }
        #expect(try MIMEParser.parse(parts(499)).attachments.isEmpty) // 499 + the container = 500
        #expect(ParseKit.parseError(parts(500)) == .tooManyParts(limit: 500))
        #expect(ParseKit.parseError(parts(100_000)) == .tooManyParts(limit: 500))
        #expect(MailParseError.tooManyParts(limit: 500).description
            == "Message has more than 500 MIME parts; the limit is 500.")
    }

    @Test("Header bombs: a header block over maxHeaderBytes or with too many fields")
    func headerBombs() throws {
        let big = ParseKit.mail("Subject: " + String(repeating: "a", count: 1 << 20) + "\n\nbody")
        guard case let .headerTooLarge(bytes, limit)? = ParseKit.parseError(big) else {
            Issue.record("expected headerTooLarge")
            return
        }
        #expect(limit == 1 << 20 && bytes > limit)
        #expect(MailParseError.headerTooLarge(bytes: bytes, limit: limit).description
            == "A header block of the message is larger than the limit of 1 MB.")
        // In a part, too.
        let inPart = ParseKit.mail("Content-Type: multipart/mixed; boundary=b\n\n--b\nX: "
            + String(repeating: "b", count: 2_000) + "\n\nx\n--b--\n")
        #expect(ParseKit.parseError(inPart, limits: MailLimits(maxHeaderBytes: 1_000)) != nil)
        let many = ParseKit.mail(String(repeating: "X-A: b\n", count: 2_001) + "\nbody")
        #expect(ParseKit.parseError(many) == .tooManyHeaderFields(limit: 2_000))
        // Folded continuation lines count toward the size, not the field count.
        let folded = ParseKit.mail("X-A: b\n" + String(repeating: " c\n", count: 5_000) + "\nbody")
        #expect(try MIMEParser.parse(folded).headers.fields.count == 1)
    }

    @Test("Inputs that are not messages")
    func notMessages() {
        #expect(ParseKit.parseError([]) == .notAMessage(reason: "the input is empty"))
        #expect(ParseKit.parseError(Array(" \r\n\t\n".utf8)) == .notAMessage(reason: "the input is only whitespace"))
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]
        #expect(ParseKit.parseError(png) == .notAMessage(reason: "the input has no header and contains binary data"))
        #expect(MailParseError.notAMessage(reason: "the input is empty").description
            == "Not an email message: the input is empty.")
    }

    @Test("Many small parts parse in linear time")
    func manyParts() throws {
        let body = String(repeating: "--p\nContent-Type: image/png; name=a.png\n\nx\n", count: 400)
        let m = try ParseKit.parsed("Content-Type: multipart/mixed; boundary=p\n\n" + body + "--p--\n")
        #expect(m.attachments.count == 400)
    }
}
