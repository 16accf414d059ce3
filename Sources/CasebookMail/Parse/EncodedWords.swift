/// RFC 2047 encoded words (`=?charset?Q?text?=`, `=?charset?B?text?=`, and RFC 2231's `=?charset*lang?…?=`)
/// in unstructured header text such as Subject.
///
/// Follows Python's `email` (policy.default) where it is lenient — encoded words are recognised in the middle
/// of a word and may contain spaces, Q and B are case-insensitive, bad base64 is decoded leniently — with two
/// deliberate differences, both RFC 2047's own rules: adjacent encoded words in the same charset are decoded
/// together (a multi-byte character split across two words comes out whole, where Python gives two U+FFFD),
/// and an encoded word whose charset is unknown is decoded as UTF-8, bytes not valid in it as Windows-1252.
public enum EncodedWords {
    /// Decodes every encoded word in `s`; whitespace between two adjacent encoded words is dropped, all other
    /// text is kept as it is.
    public static func decode(_ s: String) -> String {
        guard s.utf8.contains(UInt8(ascii: "?")) else { return s }
        var copy = s
        return copy.withUTF8 { decode(utf8: $0) }
    }

    struct Word {
        var charset: Substring
        var bytes: [UInt8]
        /// Index just past the closing `?=`.
        var end: Int
    }

    @inline(__always)
    static func isWhitespace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0A }

    /// Where the next `?=` and the next whitespace are, remembered across calls so that scanning a value with
    /// many `=?` starts stays linear (calls must come with non-decreasing positions).
    struct Finder {
        var terminator = -1 // index of the next "?=" at or after the last query; Int.max if none
        var whitespace = -1

        mutating func nextTerminator(_ b: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
            if terminator >= i { return terminator }
            var j = i
            while j + 1 < b.count {
                if b[j] == UInt8(ascii: "?"), b[j + 1] == UInt8(ascii: "=") { break }
                j += 1
            }
            terminator = j + 1 < b.count ? j : Int.max
            return terminator
        }

        mutating func nextWhitespace(_ b: UnsafeBufferPointer<UInt8>, from i: Int) -> Int {
            if whitespace >= i { return whitespace }
            var j = i
            while j < b.count, !isWhitespace(b[j]) { j += 1 }
            whitespace = j < b.count ? j : Int.max
            return whitespace
        }
    }

    /// Parses an encoded word starting at `start` (which must hold `=?`). `allowSpaces`: whether its encoded
    /// text may contain spaces (only when it starts a whitespace-delimited token, as Python's unstructured
    /// parser allows).
    static func parseWord(_ b: UnsafeBufferPointer<UInt8>, at start: Int, allowSpaces: Bool) -> Word? {
        var finder = Finder()
        return parseWord(b, at: start, allowSpaces: allowSpaces, finder: &finder)
    }

    static func parseWord(_ b: UnsafeBufferPointer<UInt8>, at start: Int, allowSpaces: Bool,
                          finder: inout Finder) -> Word? {
        let n = b.count
        guard start + 1 < n, b[start] == UInt8(ascii: "="), b[start + 1] == UInt8(ascii: "?") else { return nil }
        var i = start + 2
        let charsetStart = i
        while i < n, b[i] != UInt8(ascii: "?") {
            let c = b[i]
            if isWhitespace(c) || c < 0x21 || c > 0x7E { return nil }
            i += 1
        }
        guard i < n, i > charsetStart, i - charsetStart <= 64 else { return nil }
        let charsetEnd = i
        i += 1
        guard i + 1 < n, b[i + 1] == UInt8(ascii: "?") else { return nil }
        let encoding = b[i] | 0x20
        guard encoding == UInt8(ascii: "q") || encoding == UInt8(ascii: "b") else { return nil }
        i += 2
        let textStart = i
        let end = finder.nextTerminator(b, from: textStart)
        guard end != Int.max else { return nil }
        if !allowSpaces, finder.nextWhitespace(b, from: textStart) < end { return nil }
        i = end
        let text = UnsafeBufferPointer(rebasing: b[textStart..<i])
        let bytes: [UInt8]
        if encoding == UInt8(ascii: "b") {
            bytes = TransferEncodings.decodeBase64(text).bytes
        } else {
            bytes = decodeQ(text)
        }
        var charset = String(decoding: UnsafeBufferPointer(rebasing: b[charsetStart..<charsetEnd]), as: UTF8.self)[...]
        if let star = charset.firstIndex(of: "*") { charset = charset[..<star] } // RFC 2231 language suffix
        return Word(charset: charset, bytes: bytes, end: i + 2)
    }

    /// RFC 2047 "Q": `_` is a space, `=XX` a byte, anything else itself (as Python's `decode_q`).
    static func decodeQ(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(text.count)
        var i = 0
        while i < text.count {
            let c = text[i]
            if c == UInt8(ascii: "_") {
                out.append(0x20)
            } else if c == UInt8(ascii: "="), i + 2 < text.count, let h = TransferEncodings.hexValue(text[i + 1]),
                      let l = TransferEncodings.hexValue(text[i + 2]) {
                out.append(h << 4 | l)
                i += 3
                continue
            } else {
                out.append(c)
            }
            i += 1
        }
        return out
    }

    static func decodeBytes(_ bytes: [UInt8], charset: Substring) -> String {
        bytes.withUnsafeBufferPointer { Charsets.decodeDetailed($0, charset: String(charset)).text }
    }

    static func decode(utf8 b: UnsafeBufferPointer<UInt8>) -> String {
        let n = b.count
        var out = [UInt8]()
        out.reserveCapacity(n)
        var pendingWhitespace: Range<Int>? = nil
        var pendingWord: (charset: Substring, bytes: [UInt8])? = nil
        var lastWasWord = false
        var finder = Finder()

        func flushWord() {
            if let word = pendingWord {
                out.append(contentsOf: decodeBytes(word.bytes, charset: word.charset).utf8)
                pendingWord = nil
            }
        }
        func flushWhitespace() {
            if let ws = pendingWhitespace {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[ws]))
                pendingWhitespace = nil
            }
        }

        var i = 0
        while i < n {
            let c = b[i]
            if isWhitespace(c) {
                var j = i
                while j < n, isWhitespace(b[j]) { j += 1 }
                flushWhitespace()
                pendingWhitespace = i..<j
                i = j
                continue
            }
            if c == UInt8(ascii: "="), i + 1 < n, b[i + 1] == UInt8(ascii: "?") {
                let atTokenStart = i == 0 || isWhitespace(b[i - 1]) || lastWasWord
                if let word = parseWord(b, at: i, allowSpaces: atTokenStart, finder: &finder) {
                    if lastWasWord {
                        // Only whitespace (or nothing) since the previous encoded word: drop it, and decode
                        // the two together when they share a charset.
                        pendingWhitespace = nil
                        if let prev = pendingWord, Charsets.key(String(prev.charset)) == Charsets.key(String(word.charset)) {
                            pendingWord!.bytes.append(contentsOf: word.bytes)
                        } else {
                            flushWord()
                            pendingWord = (word.charset, word.bytes)
                        }
                    } else {
                        flushWhitespace()
                        pendingWord = (word.charset, word.bytes)
                    }
                    lastWasWord = true
                    i = word.end
                    continue
                }
            }
            flushWord()
            flushWhitespace()
            lastWasWord = false
            // Copy a run of text up to whitespace or the next "=?".
            var j = i + 1
            while j < n, !isWhitespace(b[j]), !(b[j] == UInt8(ascii: "=") && j + 1 < n && b[j + 1] == UInt8(ascii: "?")) {
                j += 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[i..<j]))
            i = j
        }
        flushWord()
        flushWhitespace()
        return String(decoding: out, as: UTF8.self)
    }
}
