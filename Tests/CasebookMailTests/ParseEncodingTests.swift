import Foundation
import Testing
@testable import CasebookMail

@Suite("Encoded words, RFC 2231 parameters, transfer encodings")
struct ParseEncodingTests {
    // MARK: RFC 2047

    @Test("B and Q encoded words, any case, any charset")
    func basicWords() {
        #expect(EncodedWords.decode("=?UTF-8?B?w6l0w6k=?=") == "été")
        #expect(EncodedWords.decode("=?utf-8?b?w6l0w6k=?=") == "été")
        #expect(EncodedWords.decode("=?iso-8859-1?q?caf=E9_cr=E8me?=") == "café crème")
        #expect(EncodedWords.decode("=?ISO-8859-1?Q?caf=e9?=") == "café")
        #expect(EncodedWords.decode("=?koi8-r?B?8NLJ18XU?=") == "Привет")
        #expect(EncodedWords.decode("=?ISO-2022-JP?B?GyRCRnxLXDhsGyhC?=") == "日本語")
        #expect(EncodedWords.decode("=?windows-1252?Q?=93quoted=94?=") == "\u{201C}quoted\u{201D}")
        #expect(EncodedWords.decode("plain text") == "plain text")
        #expect(EncodedWords.decode("") == "")
    }

    @Test("Whitespace between adjacent encoded words is dropped; other whitespace is kept")
    func adjacentWords() {
        #expect(EncodedWords.decode("=?utf-8?q?a?= =?utf-8?q?b?=") == "ab")
        #expect(EncodedWords.decode("=?utf-8?q?a?=\t  =?iso-8859-1?q?b?=") == "ab")
        #expect(EncodedWords.decode("=?utf-8?q?a?= b =?utf-8?q?c?=") == "a b c")
        #expect(EncodedWords.decode("Re:  =?utf-8?q?a?=  end ") == "Re:  a  end ")
        #expect(EncodedWords.decode("=?utf-8?q?a_?= =?utf-8?q?_b?=") == "a  b")
        // Folded over two lines (the header is already unfolded: CRLF removed, the WSP kept).
        #expect(EncodedWords.decode("=?utf-8?q?Your_order?=\r\n =?utf-8?q?_is_late?=") == "Your order is late")
    }

    @Test("A multi-byte character split across two encoded words comes out whole")
    func splitCharacter() {
        // "é" = C3 A9, split between two B words, as some mailers do.
        #expect(EncodedWords.decode("=?UTF-8?B?w6k=?= =?UTF-8?B?w6k=?=") == "éé")
        #expect(EncodedWords.decode("=?UTF-8?Q?caf=C3?= =?UTF-8?Q?=A9?=") == "café")
    }

    @Test("RFC 2231 language in an encoded word: =?charset*lang?…?=")
    func languageSuffix() {
        #expect(EncodedWords.decode("=?US-ASCII*EN?Q?Keith_Moore?=") == "Keith Moore")
        #expect(EncodedWords.decode("=?utf-8*fr?q?caf=C3=A9?=") == "café")
    }

    @Test("Malformed or odd encoded words")
    func malformed() {
        #expect(EncodedWords.decode("=?utf-8?x?abc?=") == "=?utf-8?x?abc?=")   // unknown encoding
        #expect(EncodedWords.decode("=?utf-8?q?unterminated") == "=?utf-8?q?unterminated")
        #expect(EncodedWords.decode("=??q?x?=") == "=??q?x?=")                 // empty charset
        #expect(EncodedWords.decode("=?utf-8?q??=") == "")                      // empty text
        #expect(EncodedWords.decode("a=?utf-8?q?b?=c") == "abc")               // inside a word, as Python
        #expect(EncodedWords.decode("=?utf-8?q?hello world?=") == "hello world") // spaces inside, as Python
        #expect(EncodedWords.decode("=?utf-8?Q?=XY=41?=") == "=XYA")
        #expect(EncodedWords.decode("=?utf-8?B?w6k?=") == "é")                  // missing padding
        #expect(EncodedWords.decode("=?utf-8?B?w6l0w6k!?=") == "été")          // garbage character
        #expect(EncodedWords.decode("=?x-unknown?q?caf=C3=A9?=") == "café")    // unknown charset: UTF-8
        #expect(EncodedWords.decode("=?x-unknown?q?caf=E9?=") == "café")       // …or Windows-1252
        #expect(EncodedWords.decode("=?utf-8?q?=FF?=") == "\u{FFFD}")
        #expect(EncodedWords.decode("?= =? ?=?") == "?= =? ?=?")
    }

    @Test("Many unterminated encoded-word starts stay linear")
    func pathological() {
        let value = String(repeating: "=?a?q?x ", count: 100_000)
        let clock = ContinuousClock()
        let elapsed = clock.measure { #expect(EncodedWords.decode(value) == value) }
        #expect(elapsed < .seconds(5))
        let addresses = String(repeating: "=?a?q?x <a@b>, ", count: 50_000)
        let elapsed2 = clock.measure { #expect(AddressList.parse(addresses).count == 50_000) }
        #expect(elapsed2 < .seconds(5))
    }

    // MARK: RFC 2231 and MIME parameters

    @Test("RFC 2231 continuations, percent-encoding, charset and language")
    func rfc2231() {
        let v = MIMEHeaderValue.parse("""
            attachment; filename*0*=UTF-8''Rechnung%20f%C3%BCr%20; filename*1*=M%C3%A4rz; filename*2=".pdf"
            """)
        #expect(v.value == "attachment")
        #expect(v.parameter("filename") == "Rechnung für März.pdf")
        // Sections in any order; the charset applies across sections (a character split between them).
        let w = MIMEHeaderValue.parse("a; name*1*=%A9.txt; name*0*=utf-8'en'caf%C3")
        #expect(w.parameter("name") == "café.txt")
        #expect(MIMEHeaderValue.parse("a; name*=iso-8859-1'fr'r%E9sum%E9.txt").parameter("name") == "résumé.txt")
        #expect(MIMEHeaderValue.parse("a; title*=us-ascii'en-us'This%20is%20%2A%2A%2Afun%2A%2A%2A").parameter("title")
            == "This is ***fun***")
        // Quoted extended value (invalid but common), no charset (only the quotes), bad percent escapes.
        #expect(MIMEHeaderValue.parse("a; filename*=\"UTF-8''%E2%82%AC.txt\"").parameter("filename") == "€.txt")
        #expect(MIMEHeaderValue.parse("a; filename*=''plain.txt").parameter("filename") == "plain.txt")
        #expect(MIMEHeaderValue.parse("a; filename*=utf-8''100%.txt").parameter("filename") == "100%.txt")
        #expect(MIMEHeaderValue.parse("a; filename*=x-unknown''caf%C3%A9").parameter("filename") == "café")
        // msg_33 style: boundary*=
        #expect(MIMEHeaderValue.parse("multipart/signed; boundary*=\"ansi-x3.4-1968''EeQfGwPcQSOJBaQU\"")
            .parameter("boundary") == "EeQfGwPcQSOJBaQU")
    }

    @Test("Plain parameters: quoting, escapes, case, duplicates, junk")
    func plainParameters() {
        let v = MIMEHeaderValue.parse("Text/Plain ; CHARSET = \"utf-8\" ; format=flowed;delsp=yes;")
        #expect(v.value == "Text/Plain")
        #expect(v.mediaType == "text/plain")
        #expect(v.parameters.map(\.name) == ["charset", "format", "delsp"])
        #expect(v.parameter("charset") == "utf-8")
        #expect(MIMEHeaderValue.parse("a; name=\"semi;colon \\\"q\\\".txt\"").parameter("name") == "semi;colon \"q\".txt")
        #expect(MIMEHeaderValue.parse("a; name=\"unterminated.txt").parameter("name") == "unterminated.txt")
        #expect(MIMEHeaderValue.parse("a; name=first; name=second").parameter("name") == "first")
        #expect(MIMEHeaderValue.parse("a; name=my file.pdf").parameter("name") == "my file.pdf")
        #expect(MIMEHeaderValue.parse("a; boundary=XYZ\tjunk").parameter("boundary") == "XYZ")
        #expect(MIMEHeaderValue.parse("text/plain; charset=us-ascii (Plain text)").parameter("charset") == "us-ascii")
        #expect(MIMEHeaderValue.parse("a; bare; =novalue; x=1").parameters.map(\.name) == ["x"])
        #expect(MIMEHeaderValue.parse("").value == "")
        #expect(MIMEHeaderValue.parse(";;;").parameters.isEmpty)
    }

    @Test("Encoded words in file names; the RFC 2231 form wins over the plain one")
    func encodedWordFilenames() throws {
        #expect(MIMEHeaderValue.parse("a; name=\"=?UTF-8?B?w6lww6llLnBuZw==?=\"").parameter("name") == "épée.png")
        #expect(MIMEHeaderValue.parse("a; name==?utf-8?q?na=C3=AFve.txt?=").parameter("name") == "naïve.txt")
        #expect(MIMEHeaderValue.parse("a; filename=\"fallback.pdf\"; filename*=UTF-8''r%C3%A9el.pdf")
            .parameter("filename") == "réel.pdf")
        let m = try ParseKit.parsed("""
            Content-Type: multipart/mixed; boundary=b

            --b
            Content-Type: application/pdf; name="from-type.pdf"
            Content-Disposition: attachment; filename="from-disposition.pdf"

            x
            --b
            Content-Type: application/pdf; name="=?iso-8859-1?q?r=E9sum=E9?=.pdf"
            Content-Disposition: attachment

            y
            --b--
            """)
        #expect(m.attachments.map(\.filename) == ["from-disposition.pdf", "résumé.pdf"])
    }

    // MARK: Transfer encodings

    func qp(_ s: String) -> String {
        var copy = s
        return copy.withUTF8 { String(decoding: TransferEncodings.decodeQuotedPrintable($0).bytes, as: UTF8.self) }
    }

    func b64(_ s: String) -> [UInt8] {
        var copy = s
        return copy.withUTF8 { TransferEncodings.decodeBase64($0).bytes }
    }

    @Test("Quoted-printable: escapes, soft breaks (CRLF or LF), and tolerated mistakes")
    func quotedPrintable() {
        #expect(qp("caf=C3=A9 cr=c3=a8me") == "café crème")
        #expect(qp("soft=\r\nbreak and=\nLF") == "softbreak andLF")
        #expect(qp("hard\r\nbreak") == "hard\r\nbreak")
        #expect(qp("a=3D=3d") == "a==")
        #expect(qp("bad =ZZ escape") == "bad =ZZ escape")
        #expect(qp("double ==41") == "double =41")
        #expect(qp("trailing =") == "trailing ")
        #expect(qp("white= \t\r\nspace") == "whitespace")   // "=" + whitespace before the line break
        #expect(qp("keep   \r\nspaces") == "keep   \r\nspaces")
        #expect(qp("=4") == "=4")
    }

    @Test("Base64: line breaks, missing padding, garbage characters, footers after the padding")
    func base64() {
        #expect(b64("aGVs\r\nbG8=") == Array("hello".utf8))
        #expect(b64("aGVsbG8") == Array("hello".utf8))               // missing padding
        #expect(b64("aGV sb*G8!=") == Array("hello".utf8))           // garbage skipped
        #expect(b64("aGVsbG8=\r\n-- \r\nList footer") == Array("hello".utf8)) // stops after the pad group
        #expect(b64("=aGVsbG8=") == Array("hello".utf8))            // stray leading pad
        #expect(b64("") == [])
        // Not base64 at all (one character too many): the text is kept, line breaks removed, as Python does.
        #expect(b64("plain text\r\nhere") == Array("plain texthere".utf8))
        var repaired = "aGVsbG8"
        #expect(repaired.withUTF8 { TransferEncodings.decodeBase64($0).repaired })
        var clean = "aGVs\r\nbG8="
        #expect(!clean.withUTF8 { TransferEncodings.decodeBase64($0).repaired })
    }

    @Test("Base64 round-trips random data")
    func base64RoundTrip() {
        var generator = SystemRandomNumberGenerator()
        for length in [0, 1, 2, 3, 4, 57, 58, 1000] {
            let data = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            #expect(b64(ParseKit.base64Lines(data)) == data)
        }
    }

    @Test("uuencoded parts")
    func uuencode() throws {
        let m = try ParseKit.parsed("""
            Content-Type: application/octet-stream; name=cat.txt
            Content-Transfer-Encoding: x-uuencode

            begin 644 cat.txt
            #0V%T
            `
            end
            """)
        #expect(m.attachments.first?.data == Array("Cat".utf8))
        let noBegin = try ParseKit.parsed("Content-Type: application/octet-stream\nContent-Transfer-Encoding: uue\n\nxyz")
        #expect(noBegin.attachments.first?.data == Array("xyz".utf8))
        #expect(noBegin.warnings.count == 1)
    }

    @Test("Text bodies: QP and base64 decoded, charset applied, CRLF turned into LF")
    func textBodies() throws {
        let m = try ParseKit.parsed("""
            Content-Type: multipart/alternative; boundary=a

            --a
            Content-Type: text/plain; charset=iso-8859-1
            Content-Transfer-Encoding: quoted-printable

            caf=E9 =
            cr=E8me
            --a
            Content-Type: text/html; charset="utf-8"
            Content-Transfer-Encoding: base64

            \(ParseKit.base64Lines(Array("<p>line one</p>\r\n<p>two</p>\r\n".utf8)))
            --a--
            """)
        #expect(m.textBody == "café crème")
        #expect(m.htmlBody == "<p>line one</p>\n<p>two</p>\n")
    }
}
