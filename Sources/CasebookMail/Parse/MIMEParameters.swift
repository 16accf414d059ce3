/// A parameterised MIME header value — `Content-Type: text/plain; charset="utf-8"`,
/// `Content-Disposition: attachment; filename*=UTF-8''na%C3%AFve.pdf` — with RFC 2231 (charset'lang'percent
/// encoding, `name*0*=` continuations in any order) and RFC 2047 words in quoted values decoded.
///
/// Lenient where mail is broken: unquoted file names may contain spaces (`name=my file.pdf`; other unquoted
/// values end at whitespace, as in Python), unterminated quotes
/// run to the end, a trailing `(comment)` after an unquoted value is dropped, duplicates keep the first, and
/// encoded words are decoded in unquoted values too. One deliberate difference from Python's `email`: when a
/// parameter comes both plain and RFC 2231-encoded (`filename="x.pdf"; filename*=UTF-8''…`), the encoded form
/// wins (RFC 6266 §4.3), where Python keeps whichever comes first.
struct MIMEHeaderValue: Sendable, Equatable {
    /// The value before the first `;`, comments removed, trimmed (case preserved).
    var value: String
    /// Decoded parameters in order of first appearance; names lowercased.
    var parameters: [(name: String, value: String)]

    static func == (a: MIMEHeaderValue, b: MIMEHeaderValue) -> Bool {
        a.value == b.value && a.parameters.elementsEqual(b.parameters) { $0.name == $1.name && $0.value == $1.value }
    }

    func parameter(_ name: String) -> String? {
        parameters.first { $0.name == name }?.value
    }

    init(value: String, parameters: [(name: String, value: String)]) {
        self.value = value
        self.parameters = parameters
    }

    /// The lowercased `type/subtype` of a Content-Type value, or nil when it is not of that form (RFC 2045 §5.2:
    /// then the part is text/plain). Like Python, a value with more or fewer than one `/` (junk included) is
    /// not of that form; unlike Python, comments are ignored (`text/plain (Plain text)` is text/plain), spaces
    /// around the `/` are too, and junk after whitespace is dropped (`text/html junk` is text/html).
    var mediaType: String? {
        guard value.utf8.lazy.filter({ $0 == UInt8(ascii: "/") }).count == 1 else { return nil }
        var s = Substring(ASCII.lowercased(value))
        if s.utf8.contains(where: { $0 == 0x20 || $0 == 0x09 }) {
            while let r = s.firstRange(of: " /") ?? s.firstRange(of: "\t/") { s.replaceSubrange(r, with: "/") }
            while let r = s.firstRange(of: "/ ") ?? s.firstRange(of: "/\t") { s.replaceSubrange(r, with: "/") }
            if let space = s.firstIndex(where: { $0 == " " || $0 == "\t" }) { s = s[..<space] }
        }
        let pieces = s.split(separator: "/", omittingEmptySubsequences: false)
        guard pieces.count == 2, !pieces[0].isEmpty, !pieces[1].isEmpty else { return nil }
        return String(s)
    }

    private struct RawParameter {
        var name: String        // lowercased, without the '*' markers
        var section: Int?       // `name*3` / `name*3*`
        var extended: Bool      // trailing '*': percent-encoded (and charset'lang' on the first section)
        var value: [UInt8]
        var quoted: Bool
    }

    static func parse(_ header: String) -> MIMEHeaderValue {
        var copy = header
        return copy.withUTF8 { parse(utf8: $0) }
    }

    static func parse(utf8 b: UnsafeBufferPointer<UInt8>) -> MIMEHeaderValue {
        let n = b.count
        var i = 0
        // Main value: up to the first ';' (not inside a comment).
        var main = [UInt8]()
        var depth = 0
        while i < n, !(b[i] == UInt8(ascii: ";") && depth == 0) {
            let c = b[i]
            if c == UInt8(ascii: "(") {
                depth += 1
            } else if c == UInt8(ascii: ")"), depth > 0 {
                depth -= 1
            } else if c == UInt8(ascii: "\\"), depth > 0 {
                i += 1
            } else if depth == 0 {
                main.append(c)
            }
            i += 1
        }
        let value = trim(main)
        var raws: [RawParameter] = []
        while i < n {
            // Skip separators and whitespace.
            while i < n, b[i] == UInt8(ascii: ";") || isSpace(b[i]) { i += 1 }
            if i >= n { break }
            // Attribute name up to '=' or ';'.
            let nameStart = i
            while i < n, b[i] != UInt8(ascii: "="), b[i] != UInt8(ascii: ";") { i += 1 }
            let rawName = trim(Array(b[nameStart..<i]))
            if i >= n || b[i] == UInt8(ascii: ";") { continue } // bare attribute: ignored
            i += 1 // '='
            while i < n, isSpace(b[i]) { i += 1 }
            var valueBytes = [UInt8]()
            var quoted = false
            if i < n, b[i] == UInt8(ascii: "\"") {
                quoted = true
                i += 1
                while i < n, b[i] != UInt8(ascii: "\"") {
                    if b[i] == UInt8(ascii: "\\"), i + 1 < n { i += 1 }
                    valueBytes.append(b[i])
                    i += 1
                }
                if i < n { i += 1 }
                while i < n, b[i] != UInt8(ascii: ";") { i += 1 } // junk after the closing quote
            } else {
                let start = i
                while i < n, b[i] != UInt8(ascii: ";") { i += 1 }
                valueBytes = stripTrailingComment(trimBytes(Array(b[start..<i])))
            }
            guard !rawName.isEmpty else { continue }
            var raw = makeRaw(name: rawName, value: valueBytes, quoted: quoted)
            if !quoted, raw.name != "filename", raw.name != "name",
               let space = raw.value.firstIndex(where: isSpace) {
                // Only file names are allowed to run on past whitespace unquoted; for structural values
                // (boundary, charset, …) what follows is junk, as in Python.
                raw.value = Array(raw.value[..<space])
            }
            raws.append(raw)
        }
        return MIMEHeaderValue(value: value, parameters: combine(raws))
    }

    @inline(__always) private static func isSpace(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0A
    }

    private static func trimBytes(_ bytes: [UInt8]) -> [UInt8] {
        var lo = 0, hi = bytes.count
        while lo < hi, isSpace(bytes[lo]) { lo += 1 }
        while hi > lo, isSpace(bytes[hi - 1]) { hi -= 1 }
        return Array(bytes[lo..<hi])
    }

    private static func trim(_ bytes: [UInt8]) -> String {
        String(decoding: trimBytes(bytes), as: UTF8.self)
    }

    /// `us-ascii (Plain text)` → `us-ascii`: a comment after whitespace at the end of an unquoted value.
    private static func stripTrailingComment(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.last == UInt8(ascii: ")"), let open = bytes.firstIndex(of: UInt8(ascii: "(")), open > 0,
              isSpace(bytes[open - 1]) else { return bytes }
        return trimBytes(Array(bytes[..<open]))
    }

    private static func makeRaw(name rawName: String, value: [UInt8], quoted: Bool) -> RawParameter {
        var name = Substring(rawName.lowercased())
        var extended = false
        var section: Int? = nil
        if name.hasSuffix("*") {
            extended = true
            name = name.dropLast()
        }
        if let star = name.lastIndex(of: "*") {
            let digits = name[name.index(after: star)...]
            if !digits.isEmpty, digits.count <= 6, digits.allSatisfy({ $0.isASCII && $0.isNumber }) {
                section = Int(digits)
                name = name[..<star]
            }
        }
        name = trimSpaces(name)
        return RawParameter(name: String(name), section: section, extended: extended, value: value, quoted: quoted)
    }

    private static func combine(_ raws: [RawParameter]) -> [(name: String, value: String)] {
        var order: [String] = []
        var plain: [String: RawParameter] = [:]
        var rfc2231: [String: [RawParameter]] = [:]
        for raw in raws {
            if plain[raw.name] == nil, rfc2231[raw.name] == nil { order.append(raw.name) }
            if raw.section == nil, !raw.extended {
                if plain[raw.name] == nil { plain[raw.name] = raw }
            } else {
                rfc2231[raw.name, default: []].append(raw)
            }
        }
        var result: [(name: String, value: String)] = []
        result.reserveCapacity(order.count)
        for name in order {
            if let sections = rfc2231[name] {
                result.append((name, decodeRFC2231(sections)))
            } else if let raw = plain[name] {
                result.append((name, decodePlain(raw.value)))
            }
        }
        return result
    }

    private static func decodePlain(_ bytes: [UInt8]) -> String {
        let text = HeaderText.decode(bytes)
        return EncodedWords.decode(text)
    }

    /// Joins RFC 2231 sections (sorted by number, first of each number kept), percent-decodes the extended
    /// ones, and decodes the bytes in the charset named by the first section.
    private static func decodeRFC2231(_ sections: [RawParameter]) -> String {
        var seen = Set<Int>()
        let ordered = sections.enumerated().sorted { a, b in
            let x = a.element.section ?? 0, y = b.element.section ?? 0
            return x != y ? x < y : a.offset < b.offset
        }.map(\.element).filter { seen.insert($0.section ?? 0).inserted }
        guard !ordered.isEmpty else { return "" }
        var charset = "us-ascii"
        var pieces: [(bytes: [UInt8], encoded: Bool)] = []
        for (index, section) in ordered.enumerated() {
            var value = section.value[...]
            if index == 0, section.extended {
                // charset'language'value (both quotes required; else the whole thing is the value).
                if let q1 = value.firstIndex(of: UInt8(ascii: "'")),
                   let q2 = value[value.index(after: q1)...].firstIndex(of: UInt8(ascii: "'")) {
                    let name = String(decoding: value[..<q1], as: UTF8.self)
                    if !name.isEmpty { charset = name }
                    value = value[value.index(after: q2)...]
                }
            }
            if section.extended {
                pieces.append((percentDecode(value), true))
            } else {
                pieces.append((Array(value), false))
            }
        }
        // Decode runs of encoded sections together (a character may be split between sections).
        var out = ""
        var run = [UInt8]()
        func flush() {
            if !run.isEmpty {
                out += run.withUnsafeBufferPointer { Charsets.decodeDetailed($0, charset: charset).text }
                run.removeAll()
            }
        }
        for piece in pieces {
            if piece.encoded {
                run.append(contentsOf: piece.bytes)
            } else {
                flush()
                out += HeaderText.decode(piece.bytes)
            }
        }
        flush()
        return out
    }

    private static func percentDecode(_ s: ArraySlice<UInt8>) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(s.count)
        var i = s.startIndex
        while i < s.endIndex {
            let c = s[i]
            if c == UInt8(ascii: "%"), i + 2 < s.endIndex, let h = TransferEncodings.hexValue(s[i + 1]),
               let l = TransferEncodings.hexValue(s[i + 2]) {
                out.append(h << 4 | l)
                i += 3
            } else {
                out.append(c)
                i += 1
            }
        }
        return out
    }
}

extension MIMEHeaderValue {
    /// Without leading and trailing spaces and tabs.
    static func trimSpaces<S: StringProtocol>(_ string: S) -> Substring {
        var s = Substring(string)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return s
    }
}

/// Raw header bytes → String: UTF-8 (as Python's `email` reads 8-bit headers), with each byte that is not part
/// of a valid UTF-8 sequence read as Windows-1252 (Python substitutes U+FFFD; raw Latin-1 headers from old
/// mailers are better read than replaced).
enum HeaderText {
    static func decode(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { decode($0) }
    }

    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if UTF8Check.isASCII(bytes) || UTF8Check.isValid(bytes) { return String(decoding: bytes, as: UTF8.self) }
        return Charsets.decodeUTF8OrWindows1252(bytes)
    }
}
