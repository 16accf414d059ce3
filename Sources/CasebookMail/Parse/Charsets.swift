import Foundation
#if canImport(CoreFoundation)
import CoreFoundation
#endif

/// Turning bytes in a declared charset into a `String`, never failing.
///
/// How each charset is decoded:
/// - UTF-8: Swift's decoder; invalid sequences become U+FFFD (as Python's `errors='replace'`).
/// - US-ASCII (also what a text part without a charset parameter is): ASCII; if the bytes are in fact 8-bit,
///   they are decoded as UTF-8, any byte not part of a valid UTF-8 sequence as Windows-1252 (and the caller is
///   told). Python substitutes U+FFFD for every 8-bit byte.
/// - ISO-8859-1 / Latin-1: as Windows-1252, which is a superset (bytes 0x80–0x9F are the Windows characters,
///   as every browser does per the WHATWG Encoding Standard); likewise ISO-8859-9 as Windows-1254 and
///   ISO-8859-11/TIS-620 as Windows-874. Python decodes 0x80–0x9F as C1 control characters instead.
/// - ISO-8859-2…16, Windows-1250…1258, KOI8-R/U, CP866/437/850, Mac Roman: tables generated from Python's codecs
///   (`CharsetTables.swift`); a byte the charset leaves undefined becomes U+FFFD.
/// - UTF-16/32 (BE/LE, with or without BOM): Swift's decoders, U+FFFD for invalid units.
/// - Shift_JIS (decoded as its superset CP932), ISO-2022-JP(-1/-2), GB2312/GBK (as their superset GB18030),
///   Big5 (as Big5-HKSCS), EUC-KR (as CP949), ISO-2022-KR, HZ, UTF-7 and any other name CoreFoundation
///   knows (`CFStringConvertIANACharSetNameToEncoding`): CoreFoundation's converters (ICU underneath on Linux).
///   When the bytes are invalid for the charset, lines that decode stay exact and the others are decoded
///   as UTF-8 with U+FFFD.
/// - EUC-JP, which swift-corelibs-foundation cannot decode: transcoded to CP932 arithmetically (both encode
///   JIS X 0208 the same way) and decoded as that; JIS X 0212 characters (0x8F prefix) become U+FFFD.
/// - Anything else (an unknown or made-up name, "unknown-8bit", "x-user-defined"): as UTF-8, any byte not part
///   of a valid UTF-8 sequence as Windows-1252; the caller is told.
public enum Charsets {
    /// Decodes `bytes` in `charset`. `lossy` is true when the result is not a faithful decoding: the charset is
    /// unknown (a fallback was used), or some bytes were invalid for it (U+FFFD), or US-ASCII text had
    /// 8-bit bytes.
    public static func decode(_ bytes: [UInt8], charset: String) -> (String, lossy: Bool) {
        let result = bytes.withUnsafeBufferPointer { decodeDetailed($0, charset: charset) }
        return (result.text, result.outcome != .exact)
    }

    /// Whether `charset` names a charset decoded faithfully (not by falling back).
    public static func isSupported(_ charset: String) -> Bool {
        if case .unknown = kind(of: charset) { return false }
        return true
    }

    // MARK: - Internals

    enum Outcome: Equatable, Sendable {
        case exact
        /// Some bytes were invalid in the charset and became U+FFFD (or, in the CoreFoundation path, lines
        /// containing them were decoded as UTF-8 with U+FFFD).
        case replacedInvalidBytes
        /// The charset is not known; decoded as `fallback` ("UTF-8" or "Windows-1252").
        case unknownCharset(fallback: String)
        /// Declared (or defaulted to) US-ASCII but 8-bit; decoded as `fallback`.
        case eightBitInASCII(fallback: String)
    }

    struct Decoded {
        var text: String
        var outcome: Outcome
    }

    enum Kind {
        case utf8
        case ascii
        case table([UInt16])
        case utf16(bigEndian: Bool?)
        case utf32(bigEndian: Bool?)
        case eucJP
        case foundation(UInt32)
        case unknown
    }

    /// Lowercased, with everything but letters and digits removed: "ISO_8859-1" → "iso88591".
    static func key(_ name: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(name.utf8.count)
        for s in name.unicodeScalars {
            switch s.value {
            case 0x30...0x39, 0x61...0x7A: out.unicodeScalars.append(s)
            case 0x41...0x5A: out.unicodeScalars.append(Unicode.Scalar(s.value + 32)!)
            default: continue
            }
        }
        return out
    }

    /// Windows-1252 with its five undefined bytes mapped to the same code points as Latin-1 (WHATWG).
    static let latin1AsWindows1252: [UInt16] = CharsetTables.cp1252.enumerated().map { index, value in
        value == 0xFFFD ? UInt16(0x80 + index) : value
    }

    static let aliases: [String: Kind] = {
        var map: [String: Kind] = [:]
        func add(_ kind: Kind, _ names: String...) { for n in names { map[n] = kind } }
        add(.utf8, "utf8", "unicode11utf8", "unicode20utf8", "xunicode20utf8")
        add(.ascii, "usascii", "ascii", "ansix341968", "ansix341986", "iso646us", "646", "csascii", "us",
            "iso646irv1991", "isoir6", "ibm367", "cp367", "")
        add(.table(latin1AsWindows1252), "iso88591", "latin1", "l1", "cp819", "ibm819", "iso885911987",
            "csisolatin1", "isoir100", "88591", "iso8859")
        add(.table(CharsetTables.iso8859_2), "iso88592", "latin2", "l2", "csisolatin2", "isoir101", "iso885921987")
        add(.table(CharsetTables.iso8859_3), "iso88593", "latin3", "l3", "csisolatin3", "isoir109")
        add(.table(CharsetTables.iso8859_4), "iso88594", "latin4", "l4", "csisolatin4", "isoir110")
        add(.table(CharsetTables.iso8859_5), "iso88595", "cyrillic", "csisolatincyrillic", "isoir144")
        add(.table(CharsetTables.iso8859_6), "iso88596", "arabic", "csisolatinarabic", "isoir127", "iso88596i",
            "iso88596e", "ecma114", "asmo708")
        add(.table(CharsetTables.iso8859_7), "iso88597", "greek", "greek8", "csisolatingreek", "isoir126",
            "ecma118", "elot928")
        add(.table(CharsetTables.iso8859_8), "iso88598", "hebrew", "csisolatinhebrew", "isoir138", "iso88598i",
            "iso88598e", "visual", "logical")
        add(.table(CharsetTables.cp1254), "iso88599", "latin5", "l5", "csisolatin5", "isoir148")
        add(.table(CharsetTables.iso8859_10), "iso885910", "latin6", "l6", "csisolatin6", "isoir157")
        add(.table(CharsetTables.cp874), "iso885911", "tis620", "cp874", "windows874", "xwindows874", "ibm874",
            "dos874", "thai")
        add(.table(CharsetTables.iso8859_13), "iso885913", "latin7", "l7")
        add(.table(CharsetTables.iso8859_14), "iso885914", "latin8", "l8", "isoceltic", "isoir199")
        add(.table(CharsetTables.iso8859_15), "iso885915", "latin9", "latin0", "l9", "csisolatin9")
        add(.table(CharsetTables.iso8859_16), "iso885916", "latin10", "l10", "isoir226")
        add(.table(CharsetTables.cp1250), "windows1250", "cp1250", "xcp1250", "win1250", "ms1250")
        add(.table(CharsetTables.cp1251), "windows1251", "cp1251", "xcp1251", "win1251", "ms1251")
        add(.table(CharsetTables.cp1252), "windows1252", "cp1252", "xcp1252", "win1252", "ms1252", "xansi", "ansi")
        add(.table(CharsetTables.cp1253), "windows1253", "cp1253", "xcp1253", "win1253")
        add(.table(CharsetTables.cp1254), "windows1254", "cp1254", "xcp1254", "win1254")
        add(.table(CharsetTables.cp1255), "windows1255", "cp1255", "xcp1255", "win1255")
        add(.table(CharsetTables.cp1256), "windows1256", "cp1256", "xcp1256", "win1256")
        add(.table(CharsetTables.cp1257), "windows1257", "cp1257", "xcp1257", "win1257")
        add(.table(CharsetTables.cp1258), "windows1258", "cp1258", "xcp1258", "win1258")
        add(.table(CharsetTables.koi8_r), "koi8r", "koi8", "cskoi8r")
        add(.table(CharsetTables.koi8_u), "koi8u", "koi8ru")
        add(.table(CharsetTables.cp866), "cp866", "ibm866", "866", "csibm866")
        add(.table(CharsetTables.cp437), "cp437", "ibm437", "437", "cspc8codepage437")
        add(.table(CharsetTables.cp850), "cp850", "ibm850", "850", "cspc850multilingual")
        add(.table(CharsetTables.macRoman), "macintosh", "macroman", "xmacroman", "mac", "csmacintosh")
        add(.utf16(bigEndian: nil), "utf16", "ucs2", "unicode", "csunicode", "iso10646ucs2")
        add(.utf16(bigEndian: true), "utf16be", "unicodefffe", "unicode11")
        add(.utf16(bigEndian: false), "utf16le", "unicodefeff")
        add(.utf32(bigEndian: nil), "utf32", "ucs4", "iso10646ucs4")
        add(.utf32(bigEndian: true), "utf32be")
        add(.utf32(bigEndian: false), "utf32le")
        add(.eucJP, "eucjp", "xeucjp", "cseucpkdfmtjapanese", "ujis", "xeucjpms", "eucjpms", "eucjis")
        #if canImport(CoreFoundation)
        func cf(_ iana: String, _ names: String...) {
            let encoding = cfEncoding(iana)
            guard encoding != kCFStringEncodingInvalidId else { return }
            for n in names { map[n] = .foundation(encoding) }
        }
        cf("windows-31j", "shiftjis", "sjis", "xsjis", "mskanji", "csshiftjis", "cp932", "windows31j", "ms932",
           "shiftjis2004", "sjisopen", "sjiswin")
        cf("iso-2022-jp", "iso2022jp", "csiso2022jp", "jis", "jis7", "iso2022jp3", "iso2022jp2004")
        cf("iso-2022-jp-1", "iso2022jp1")
        cf("iso-2022-jp-2", "iso2022jp2", "csiso2022jp2")
        cf("gb18030", "gb2312", "gbk", "cp936", "ms936", "windows936", "xgbk", "euccn", "xeuccn", "gb18030",
           "csgb2312", "chinese", "gb231280", "csiso58gb231280", "isoir58", "xgb2312")
        cf("hz-gb-2312", "hzgb2312", "hz")
        cf("big5-hkscs", "big5", "big5hkscs", "cp950", "xxbig5", "csbig5", "xbig5", "big5tw", "ms950",
           "windows950")
        cf("cp949", "euckr", "ksc56011987", "ksc5601", "ksc56011989", "cp949", "windows949", "uhc", "xwindows949",
           "cseuckr", "korean", "ks_c_5601", "isoir149", "csksc56011987", "xuhc")
        cf("iso-2022-kr", "iso2022kr", "csiso2022kr")
        cf("iso-2022-cn", "iso2022cn", "iso2022cnext")
        cf("euc-tw", "euctw", "xeuctw", "cns11643")
        cf("utf-7", "utf7", "unicode11utf7", "csunicode11utf7", "xunicode20utf7")
        cf("viscii", "viscii", "csviscii")
        cf("x-mac-cyrillic", "xmaccyrillic", "maccyrillic")
        cf("ibm852", "cp852", "ibm852", "852")
        #endif
        return map
    }()

    static func kind(of charset: String) -> Kind {
        let k = key(charset)
        if let kind = aliases[k] { return kind }
        #if canImport(CoreFoundation)
        let trimmed = charset.trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'"))
        if !trimmed.isEmpty, trimmed.utf8.count < 64 {
            let encoding = cfEncoding(trimmed)
            if encoding != kCFStringEncodingInvalidId { return .foundation(encoding) }
        }
        #endif
        return .unknown
    }

    /// A charset name for messages to people: as given, trimmed ("us-ascii" when empty).
    static func displayName(_ charset: String) -> String {
        let trimmed = charset.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? "us-ascii" : trimmed
    }

    static func decodeDetailed(_ bytes: UnsafeBufferPointer<UInt8>, charset: String) -> Decoded {
        switch kind(of: charset) {
        case .utf8:
            if UTF8Check.isValid(bytes) { return Decoded(text: String(decoding: bytes, as: UTF8.self), outcome: .exact) }
            return Decoded(text: String(decoding: bytes, as: UTF8.self), outcome: .replacedInvalidBytes)
        case .ascii:
            if UTF8Check.isASCII(bytes) { return Decoded(text: String(decoding: bytes, as: UTF8.self), outcome: .exact) }
            if UTF8Check.isValid(bytes) {
                return Decoded(text: String(decoding: bytes, as: UTF8.self), outcome: .eightBitInASCII(fallback: "UTF-8"))
            }
            return Decoded(text: decodeUTF8OrWindows1252(bytes),
                           outcome: .eightBitInASCII(fallback: "UTF-8 and Windows-1252"))
        case let .table(table):
            let (text, replaced) = decodeTable(bytes, table)
            return Decoded(text: text, outcome: replaced ? .replacedInvalidBytes : .exact)
        case let .utf16(bigEndian):
            return decodeUTF16(bytes, bigEndian: bigEndian)
        case let .utf32(bigEndian):
            return decodeUTF32(bytes, bigEndian: bigEndian)
        case .eucJP:
            return decodeEUCJP(bytes)
        case let .foundation(encoding):
            return decodeFoundation(bytes, encoding: encoding)
        case .unknown:
            if UTF8Check.isValid(bytes) {
                return Decoded(text: String(decoding: bytes, as: UTF8.self), outcome: .unknownCharset(fallback: "UTF-8"))
            }
            return Decoded(text: decodeUTF8OrWindows1252(bytes),
                           outcome: .unknownCharset(fallback: "UTF-8 and Windows-1252"))
        }
    }

    /// Valid UTF-8 sequences as UTF-8, every other byte as Windows-1252 (Latin-1 for its five undefined bytes):
    /// the best reading of text whose charset is unknown or wrong — mostly UTF-8 with a stray Latin-1 byte
    /// stays readable, and pure Latin-1/Windows-1252 text (which is almost never valid UTF-8) too.
    static func decodeUTF8OrWindows1252(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count + bytes.count / 2)
        let n = bytes.count
        var i = 0
        while i < n {
            let b0 = bytes[i]
            if b0 < 0x80 {
                out.append(b0)
                i += 1
                continue
            }
            let length = UTF8Check.sequenceLength(bytes, at: i)
            if length > 0 {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<i + length]))
                i += length
                continue
            }
            appendUTF8(latin1AsWindows1252[Int(b0) - 0x80], to: &out)
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A code point of the upper half of a single-byte table (U+0080–U+FFFF) as UTF-8.
    @inline(__always)
    static func appendUTF8(_ v: UInt16, to out: inout [UInt8]) {
        if v < 0x800 {
            out.append(UInt8(0xC0 | (v >> 6)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        } else {
            out.append(UInt8(0xE0 | (v >> 12)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    /// Table decoding: ASCII bytes as themselves, the upper half through `table`. Returns whether any byte was
    /// undefined (U+FFFD).
    static func decodeTable(_ bytes: UnsafeBufferPointer<UInt8>, _ table: [UInt16]) -> (text: String, replaced: Bool) {
        if UTF8Check.isASCII(bytes) { return (String(decoding: bytes, as: UTF8.self), false) }
        var replaced = false
        var out = [UInt8]()
        out.reserveCapacity(bytes.count + bytes.count / 2)
        table.withUnsafeBufferPointer { table in
            for b in bytes {
                if b < 0x80 {
                    out.append(b)
                    continue
                }
                let v = table[Int(b) - 0x80]
                if v == 0xFFFD { replaced = true }
                appendUTF8(v, to: &out)
            }
        }
        return (String(decoding: out, as: UTF8.self), replaced)
    }

    static func decodeUTF16(_ bytes: UnsafeBufferPointer<UInt8>, bigEndian: Bool?) -> Decoded {
        var start = 0
        var big: Bool
        if let bigEndian {
            big = bigEndian
        } else if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
            big = true; start = 2
        } else if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE {
            big = false; start = 2
        } else {
            // No BOM: RFC 2781 says big-endian; follow the bytes when they clearly say otherwise (ASCII text
            // has its zero bytes second in little-endian).
            var zeroEven = 0, zeroOdd = 0
            var i = 0
            while i + 1 < bytes.count, i < 4096 {
                if bytes[i] == 0 { zeroEven += 1 }
                if bytes[i + 1] == 0 { zeroOdd += 1 }
                i += 2
            }
            big = zeroEven >= zeroOdd
        }
        var units = [UInt16]()
        units.reserveCapacity((bytes.count - start) / 2)
        var i = start
        while i + 1 < bytes.count {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(big ? (a << 8 | b) : (b << 8 | a))
            i += 2
        }
        var text = ""
        var replaced = (bytes.count - start) % 2 != 0
        var iterator = units.makeIterator()
        var decoder = UTF16()
        text.reserveCapacity(units.count)
        loop: while true {
            switch decoder.decode(&iterator) {
            case let .scalarValue(s): text.unicodeScalars.append(s)
            case .emptyInput: break loop
            case .error:
                replaced = true
                text.unicodeScalars.append("\u{FFFD}")
            }
        }
        if replaced, (bytes.count - start) % 2 != 0 { text.unicodeScalars.append("\u{FFFD}") }
        return Decoded(text: text, outcome: replaced ? .replacedInvalidBytes : .exact)
    }

    static func decodeUTF32(_ bytes: UnsafeBufferPointer<UInt8>, bigEndian: Bool?) -> Decoded {
        var start = 0
        var big = true
        if let bigEndian {
            big = bigEndian
        } else if bytes.count >= 4, bytes[0] == 0, bytes[1] == 0, bytes[2] == 0xFE, bytes[3] == 0xFF {
            start = 4
        } else if bytes.count >= 4, bytes[0] == 0xFF, bytes[1] == 0xFE, bytes[2] == 0, bytes[3] == 0 {
            big = false; start = 4
        } else if bytes.count >= 4 {
            big = bytes[0] == 0 // "\0\0\0A" big-endian, "A\0\0\0" little-endian
        }
        var text = ""
        var replaced = false
        var i = start
        while i + 3 < bytes.count {
            let v: UInt32 = big
                ? UInt32(bytes[i]) << 24 | UInt32(bytes[i + 1]) << 16 | UInt32(bytes[i + 2]) << 8 | UInt32(bytes[i + 3])
                : UInt32(bytes[i + 3]) << 24 | UInt32(bytes[i + 2]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i])
            if let s = Unicode.Scalar(v) {
                text.unicodeScalars.append(s)
            } else {
                replaced = true
                text.unicodeScalars.append("\u{FFFD}")
            }
            i += 4
        }
        if i < bytes.count {
            replaced = true
            text.unicodeScalars.append("\u{FFFD}")
        }
        return Decoded(text: text, outcome: replaced ? .replacedInvalidBytes : .exact)
    }

    /// EUC-JP → CP932 (Shift_JIS) bytes, then CoreFoundation. Invalid bytes and JIS X 0212 become U+FFFD.
    static func decodeEUCJP(_ bytes: UnsafeBufferPointer<UInt8>) -> Decoded {
        #if canImport(CoreFoundation)
        let cp932 = cfEncoding("windows-31j")
        #else
        let cp932: UInt32 = 0
        #endif
        var text = ""
        var segment = [UInt8]()
        var replaced = false
        func flush() {
            guard !segment.isEmpty else { return }
            let part = segment.withUnsafeBufferPointer { decodeFoundation($0, encoding: cp932) }
            if part.outcome != .exact { replaced = true }
            text += part.text
            segment.removeAll(keepingCapacity: true)
        }
        func bad() {
            flush()
            replaced = true
            text.unicodeScalars.append("\u{FFFD}")
        }
        var i = 0
        let n = bytes.count
        while i < n {
            let c = bytes[i]
            if c < 0x80 {
                segment.append(c)
                i += 1
            } else if c == 0x8E, i + 1 < n, (0xA1...0xDF).contains(bytes[i + 1]) {
                segment.append(bytes[i + 1]) // half-width katakana: single byte in Shift_JIS
                i += 2
            } else if c == 0x8F, i + 2 < n, bytes[i + 1] >= 0xA1, bytes[i + 2] >= 0xA1 {
                bad() // JIS X 0212: no Shift_JIS form
                i += 3
            } else if (0xA1...0xFE).contains(c), i + 1 < n, (0xA1...0xFE).contains(bytes[i + 1]) {
                let j1 = Int(c) - 0x80, j2 = Int(bytes[i + 1]) - 0x80
                let s1 = ((j1 + 1) >> 1) + (j1 <= 0x5E ? 0x70 : 0xB0)
                let s2: Int
                if j1 & 1 == 1 {
                    s2 = j2 + (j2 >= 0x60 ? 0x20 : 0x1F)
                } else {
                    s2 = j2 + 0x7E
                }
                segment.append(UInt8(truncatingIfNeeded: s1))
                segment.append(UInt8(truncatingIfNeeded: s2))
                i += 2
            } else {
                bad()
                i += 1
            }
        }
        flush()
        return Decoded(text: text, outcome: replaced ? .replacedInvalidBytes : .exact)
    }

    /// Whole-buffer CoreFoundation decoding; on failure, line by line, failing lines as UTF-8 with U+FFFD.
    static func decodeFoundation(_ bytes: UnsafeBufferPointer<UInt8>, encoding: UInt32) -> Decoded {
        if bytes.isEmpty { return Decoded(text: "", outcome: .exact) }
        #if canImport(CoreFoundation)
        if let text = cfDecode(bytes, encoding) { return Decoded(text: text, outcome: .exact) }
        var text = ""
        var start = 0
        var i = 0
        while start < bytes.count {
            i = start
            while i < bytes.count, bytes[i] != 0x0A { i += 1 }
            let end = min(i + 1, bytes.count)
            let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
            if let decoded = cfDecode(line, encoding) {
                text += decoded
            } else {
                text += String(decoding: line, as: UTF8.self)
            }
            start = end
        }
        return Decoded(text: text, outcome: .replacedInvalidBytes)
        #else
        return Decoded(text: String(decoding: bytes, as: UTF8.self), outcome: .unknownCharset(fallback: "UTF-8"))
        #endif
    }

    #if canImport(CoreFoundation)
    static func cfEncoding(_ iana: String) -> CFStringEncoding {
        guard let name = CFStringCreateWithCString(nil, iana, CFStringBuiltInEncodings.UTF8.rawValue) else {
            return kCFStringEncodingInvalidId
        }
        return CFStringConvertIANACharSetNameToEncoding(name)
    }

    static func cfDecode(_ bytes: UnsafeBufferPointer<UInt8>, _ encoding: CFStringEncoding) -> String? {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return "" }
        guard let string = CFStringCreateWithBytes(nil, base, bytes.count, encoding, false) else { return nil }
        let length = CFStringGetLength(string)
        if length == 0 { return "" }
        let units = [UniChar](unsafeUninitializedCapacity: length) { buffer, count in
            CFStringGetCharacters(string, CFRangeMake(0, length), buffer.baseAddress!)
            count = length
        }
        return String(decoding: units, as: UTF16.self)
    }
    #endif
}

/// Fast byte-level checks.
enum UTF8Check {
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let n = bytes.count
        var i = 0
        var acc: UInt64 = 0
        let raw = UnsafeRawPointer(base)
        while i + 8 <= n {
            acc |= raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            i += 8
        }
        if acc & 0x8080_8080_8080_8080 != 0 { return false }
        while i < n {
            if base[i] >= 0x80 { return false }
            i += 1
        }
        return true
    }

    /// The length of the valid multi-byte UTF-8 sequence starting at `i` (whose first byte is ≥ 0x80), or 0.
    static func sequenceLength(_ base: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let n = base.count
        let b0 = base[i]
        if b0 >= 0xC2, b0 <= 0xDF {
            return i + 1 < n && base[i + 1] & 0xC0 == 0x80 ? 2 : 0
        } else if b0 >= 0xE0, b0 <= 0xEF {
            guard i + 2 < n else { return 0 }
            let b1 = base[i + 1], b2 = base[i + 2]
            guard b1 & 0xC0 == 0x80, b2 & 0xC0 == 0x80 else { return 0 }
            if b0 == 0xE0, b1 < 0xA0 { return 0 }
            if b0 == 0xED, b1 > 0x9F { return 0 }
            return 3
        } else if b0 >= 0xF0, b0 <= 0xF4 {
            guard i + 3 < n else { return 0 }
            let b1 = base[i + 1], b2 = base[i + 2], b3 = base[i + 3]
            guard b1 & 0xC0 == 0x80, b2 & 0xC0 == 0x80, b3 & 0xC0 == 0x80 else { return 0 }
            if b0 == 0xF0, b1 < 0x90 { return 0 }
            if b0 == 0xF4, b1 > 0x8F { return 0 }
            return 4
        }
        return 0
    }

    /// Strict UTF-8 validation (no overlongs, no surrogates, nothing above U+10FFFF).
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let n = bytes.count
        var i = 0
        let raw = UnsafeRawPointer(base)
        while i < n {
            if i + 8 <= n, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
                continue
            }
            let b0 = base[i]
            if b0 < 0x80 {
                i += 1
                continue
            }
            if b0 >= 0xC2, b0 <= 0xDF {
                guard i + 1 < n, base[i + 1] & 0xC0 == 0x80 else { return false }
                i += 2
            } else if b0 >= 0xE0, b0 <= 0xEF {
                guard i + 2 < n else { return false }
                let b1 = base[i + 1], b2 = base[i + 2]
                guard b1 & 0xC0 == 0x80, b2 & 0xC0 == 0x80 else { return false }
                if b0 == 0xE0, b1 < 0xA0 { return false }
                if b0 == 0xED, b1 > 0x9F { return false }
                i += 3
            } else if b0 >= 0xF0, b0 <= 0xF4 {
                guard i + 3 < n else { return false }
                let b1 = base[i + 1], b2 = base[i + 2], b3 = base[i + 3]
                guard b1 & 0xC0 == 0x80, b2 & 0xC0 == 0x80, b3 & 0xC0 == 0x80 else { return false }
                if b0 == 0xF0, b1 < 0x90 { return false }
                if b0 == 0xF4, b1 > 0x8F { return false }
                i += 4
            } else {
                return false
            }
        }
        return true
    }
}
