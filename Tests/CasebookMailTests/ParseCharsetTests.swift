import Foundation
import Testing
@testable import CasebookMail

@Suite("Charsets")
struct ParseCharsetTests {
    /// (charset, text, the text encoded in it by Python's codecs)
    static let samples: [(String, String, [UInt8])] = [
        ("iso-8859-2", "Zażółć gęślą jaźń", [0x5A, 0x61, 0xBF, 0xF3, 0xB3, 0xE6, 0x20, 0x67, 0xEA, 0xB6, 0x6C, 0xB1, 0x20, 0x6A, 0x61, 0xBC, 0xF1]),
        ("iso-8859-5", "Привет", [0xBF, 0xE0, 0xD8, 0xD2, 0xD5, 0xE2]),
        ("iso-8859-7", "Καλημέρα", [0xCA, 0xE1, 0xEB, 0xE7, 0xEC, 0xDD, 0xF1, 0xE1]),
        ("iso-8859-15", "€uro œuvre", [0xA4, 0x75, 0x72, 0x6F, 0x20, 0xBD, 0x75, 0x76, 0x72, 0x65]),
        ("windows-1250", "Příliš žluťoučký", [0x50, 0xF8, 0xED, 0x6C, 0x69, 0x9A, 0x20, 0x9E, 0x6C, 0x75, 0x9D, 0x6F, 0x75, 0xE8, 0x6B, 0xFD]),
        ("windows-1251", "Привет мир", [0xCF, 0xF0, 0xE8, 0xE2, 0xE5, 0xF2, 0x20, 0xEC, 0xE8, 0xF0]),
        ("windows-1253", "Καλημέρα", [0xCA, 0xE1, 0xEB, 0xE7, 0xEC, 0xDD, 0xF1, 0xE1]),
        ("windows-1255", "שלום", [0xF9, 0xEC, 0xE5, 0xED]),
        ("windows-1256", "مرحبا", [0xE3, 0xD1, 0xCD, 0xC8, 0xC7]),
        ("windows-1257", "Ąžuolas", [0xC0, 0xFE, 0x75, 0x6F, 0x6C, 0x61, 0x73]),
        ("windows-1258", "Vi\u{EA}\u{0323}t", [0x56, 0x69, 0xEA, 0xF2, 0x74]),
        ("windows-1254", "İstanbul ğ", [0xDD, 0x73, 0x74, 0x61, 0x6E, 0x62, 0x75, 0x6C, 0x20, 0xF0]),
        ("koi8-r", "Привет", [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4]),
        ("koi8-u", "Їжак", [0xB7, 0xD6, 0xC1, 0xCB]),
        ("cp866", "Привет", [0x8F, 0xE0, 0xA8, 0xA2, 0xA5, 0xE2]),
        ("shift_jis", "日本語テキスト", [0x93, 0xFA, 0x96, 0x7B, 0x8C, 0xEA, 0x83, 0x65, 0x83, 0x4C, 0x83, 0x58, 0x83, 0x67]),
        ("euc-jp", "日本語テキスト、ｶﾀｶﾅ", [0xC6, 0xFC, 0xCB, 0xDC, 0xB8, 0xEC, 0xA5, 0xC6, 0xA5, 0xAD, 0xA5, 0xB9, 0xA5, 0xC8, 0xA1, 0xA2, 0x8E, 0xB6, 0x8E, 0xC0, 0x8E, 0xB6, 0x8E, 0xC5]),
        ("iso-2022-jp", "日本語テキスト", [0x1B, 0x24, 0x42, 0x46, 0x7C, 0x4B, 0x5C, 0x38, 0x6C, 0x25, 0x46, 0x25, 0x2D, 0x25, 0x39, 0x25, 0x48, 0x1B, 0x28, 0x42]),
        ("gb2312", "中文测试", [0xD6, 0xD0, 0xCE, 0xC4, 0xB2, 0xE2, 0xCA, 0xD4]),
        ("gbk", "中文測試", [0xD6, 0xD0, 0xCE, 0xC4, 0x9C, 0x79, 0xD4, 0x87]),
        ("gb18030", "中文测试𠀀", [0xD6, 0xD0, 0xCE, 0xC4, 0xB2, 0xE2, 0xCA, 0xD4, 0x95, 0x32, 0x82, 0x36]),
        ("big5", "中文測試", [0xA4, 0xA4, 0xA4, 0xE5, 0xB4, 0xFA, 0xB8, 0xD5]),
        ("euc-kr", "한국어", [0xC7, 0xD1, 0xB1, 0xB9, 0xBE, 0xEE]),
        ("utf-16", "héllo", [0xFF, 0xFE, 0x68, 0x00, 0xE9, 0x00, 0x6C, 0x00, 0x6C, 0x00, 0x6F, 0x00]),
        ("utf-16-le", "héllo", [0x68, 0x00, 0xE9, 0x00, 0x6C, 0x00, 0x6C, 0x00, 0x6F, 0x00]),
        ("utf-16-be", "héllo", [0x00, 0x68, 0x00, 0xE9, 0x00, 0x6C, 0x00, 0x6C, 0x00, 0x6F]),
        ("utf-32", "héllo 😀", [0xFF, 0xFE, 0x00, 0x00, 0x68, 0x00, 0x00, 0x00, 0xE9, 0x00, 0x00, 0x00, 0x6C, 0x00, 0x00, 0x00, 0x6C, 0x00, 0x00, 0x00, 0x6F, 0x00, 0x00, 0x00, 0x20, 0x00, 0x00, 0x00, 0x00, 0xF6, 0x01, 0x00]),
        ("utf-7", "héllo", [0x68, 0x2B, 0x41, 0x4F, 0x6B, 0x2D, 0x6C, 0x6C, 0x6F]),
        ("macintosh", "café", [0x63, 0x61, 0x66, 0x8E]),
        ("iso-8859-8", "שלום", [0xF9, 0xEC, 0xE5, 0xED]),
        ("iso-8859-16", "Ștefan", [0xAA, 0x74, 0x65, 0x66, 0x61, 0x6E]),
        ("ibm437", "╔═╗", [0xC9, 0xCD, 0xBB]),
        ("iso-2022-kr", "한국어", [0x1B, 0x24, 0x29, 0x43, 0x0E, 0x47, 0x51, 0x31, 0x39, 0x3E, 0x6E, 0x0F]),
        ("iso-8859-3", "Ħġ", [0xA1, 0xF5]),
        ("iso-8859-4", "ĀĒĪ", [0xC0, 0xAA, 0xCF]),
        ("iso-8859-6", "مرحبا", [0xE5, 0xD1, 0xCD, 0xC8, 0xC7]),
        ("iso-8859-10", "ĀŊ", [0xC0, 0xAF]),
        ("iso-8859-13", "Ąž", [0xC0, 0xFE]),
        ("iso-8859-14", "Ŵŷ", [0xD0, 0xFE]),
        ("cp850", "café", [0x63, 0x61, 0x66, 0x82]),
        ("tis-620", "ภาษาไทย", [0xC0, 0xD2, 0xC9, 0xD2, 0xE4, 0xB7, 0xC2]),
        ("utf-8", "naïve ☕", [0x6E, 0x61, 0xC3, 0xAF, 0x76, 0x65, 0x20, 0xE2, 0x98, 0x95])
    ]

    @Test("Every supported charset decodes as Python encodes")
    func decodesEveryCharset() {
        for (charset, text, bytes) in Self.samples {
            let (decoded, lossy) = Charsets.decode(bytes, charset: charset)
            #expect(decoded == text, "\(charset)")
            #expect(!lossy, "\(charset)")
            #expect(Charsets.isSupported(charset), "\(charset)")
        }
    }

    @Test("Charset names are matched loosely, aliases included")
    func aliases() {
        let e9: [UInt8] = [0x63, 0x61, 0x66, 0xE9]
        for name in ["ISO-8859-1", "iso_8859-1", "ISO8859-1", "latin1", "\"latin1\"", " Latin-1 ", "cp819",
                     "windows-1252", "CP1252", "x-cp1252"] {
            #expect(Charsets.decode(e9, charset: name).0 == "café", "\(name)")
        }
        #expect(Charsets.decode(Array("café".utf8), charset: "UTF8").0 == "café")
        #expect(Charsets.decode([0x82, 0xA0], charset: "x-sjis").0 == "あ")
        #expect(Charsets.decode([0x82, 0xA0], charset: "Windows-31J").0 == "あ")
        #expect(Charsets.decode([0xB0, 0xA1], charset: "ks_c_5601-1987").0 == "가")
        #expect(Charsets.decode([0xB0, 0xA1], charset: "cp949").0 == "가")
        #expect(Charsets.decode([0x41], charset: "ansi_x3.4-1968").0 == "A")
    }

    @Test("Latin-1 is read as Windows-1252 (smart quotes, euro), as browsers do")
    func latin1IsWindows1252() {
        let (text, lossy) = Charsets.decode([0x93, 0x68, 0x69, 0x94, 0x20, 0x80, 0x81], charset: "iso-8859-1")
        #expect(text == "\u{201C}hi\u{201D} \u{20AC}\u{81}")
        #expect(!lossy)
    }

    @Test("Invalid bytes become U+FFFD and are reported as lossy")
    func invalidBytes() {
        let utf8 = Charsets.decode([0x61, 0xFF, 0x62, 0xE2, 0x82], charset: "utf-8")
        #expect(utf8.0 == "a\u{FFFD}b\u{FFFD}")
        #expect(utf8.lossy)
        let undefined = Charsets.decode([0x41, 0x81], charset: "windows-1252") // 0x81 is undefined in 1252
        #expect(undefined.0 == "A\u{FFFD}")
        #expect(undefined.lossy)
        let sjis = Charsets.decode(Array("ok\n".utf8) + [0x82, 0x20, 0x0A] + Array("fine\n".utf8), charset: "shift_jis")
        #expect(sjis.0.hasPrefix("ok\n") && sjis.0.hasSuffix("\nfine\n"))
        #expect(sjis.lossy)
        let eucJP = Charsets.decode([0xA4, 0xA2, 0x8F, 0xB0, 0xA1, 0xFF], charset: "euc-jp") // あ, JIS X 0212, junk
        #expect(eucJP.0 == "あ\u{FFFD}\u{FFFD}")
        #expect(eucJP.lossy)
        let odd16 = Charsets.decode([0x00, 0x41, 0x00], charset: "utf-16be")
        #expect(odd16.0 == "A\u{FFFD}")
        #expect(odd16.lossy)
    }

    @Test("Unknown charsets: UTF-8, with bytes that are not UTF-8 read as Windows-1252")
    func unknownCharsets() {
        #expect(!Charsets.isSupported("x-made-up"))
        #expect(!Charsets.isSupported("unknown-8bit"))
        let utf8 = Charsets.decode(Array("café".utf8), charset: "x-made-up")
        #expect(utf8.0 == "café")
        #expect(utf8.lossy)
        let mixed = Charsets.decode(Array("café ".utf8) + [0xE9, 0x93], charset: "unknown-8bit")
        #expect(mixed.0 == "café é\u{201C}")
    }

    @Test("US-ASCII (or no charset) with 8-bit bytes is read as UTF-8, else Windows-1252, and reported")
    func eightBitInASCII() {
        #expect(Charsets.decode(Array("plain".utf8), charset: "us-ascii") == ("plain", false))
        #expect(Charsets.decode(Array("naïve".utf8), charset: "us-ascii") == ("naïve", true))
        #expect(Charsets.decode([0x6E, 0x61, 0xEF, 0x76, 0x65], charset: "") == ("naïve", true))
    }

    @Test("UTF-16 and UTF-32 byte order: BOM, else guessed from the zero bytes")
    func byteOrder() {
        #expect(Charsets.decode([0xFF, 0xFE, 0x41, 0x00], charset: "utf-16").0 == "A")
        #expect(Charsets.decode([0xFE, 0xFF, 0x00, 0x41], charset: "utf-16").0 == "A")
        #expect(Charsets.decode([0x41, 0x00, 0x42, 0x00], charset: "utf-16").0 == "AB")
        #expect(Charsets.decode([0x00, 0x41, 0x00, 0x42], charset: "utf-16").0 == "AB")
        #expect(Charsets.decode([0x41, 0x00, 0x00, 0x00], charset: "utf-32").0 == "A")
        #expect(Charsets.decode([0x00, 0x00, 0x00, 0x41], charset: "utf-32").0 == "A")
    }

    @Test("Body warnings name the part and the charset")
    func warnings() throws {
        let unknown = try ParseKit.parsed("Content-Type: text/plain; charset=x-foo\n\ncaf\u{E9}\n")
        #expect(unknown.textBody == "café\n")
        #expect(unknown.warnings == ["The message body (text/plain): unknown charset \"x-foo\"; decoded as UTF-8."])
        var raw = ParseKit.mail("Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\ncaf")
        raw += [0xE9] + ParseKit.mail("\n--b--\n")
        let eightBit = try MIMEParser.parse(raw)
        #expect(eightBit.textBody == "café")
        #expect(eightBit.warnings
            == ["Part 1 (text/plain): 8-bit text in charset us-ascii (none given); decoded as UTF-8 and Windows-1252."])
        var bad = ParseKit.mail("Content-Type: text/plain; charset=utf-8\n\nbad ")
        bad += [0xFF]
        let invalid = try MIMEParser.parse(bad)
        #expect(invalid.textBody == "bad \u{FFFD}")
        #expect(invalid.warnings == ["The message body (text/plain): bytes invalid in charset \"utf-8\" were replaced with U+FFFD."])
    }

    @Test("A big Windows-1252 body decodes quickly (table, no Foundation)")
    func bigSingleByteBody() {
        let bytes = [UInt8](repeating: 0xE9, count: 2 << 20)
        let (text, lossy) = Charsets.decode(bytes, charset: "windows-1252")
        #expect(text.unicodeScalars.count == 2 << 20)
        #expect(!lossy)
    }
}
