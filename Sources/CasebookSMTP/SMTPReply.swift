/// One SMTP reply: a three-digit code and one or more text lines (RFC 5321 §4.2).
///
/// `250-first\r\n250-second\r\n250 last\r\n` is one reply with `lines == ["first", "second", "last"]`.
public struct SMTPReply: Sendable, Equatable, CustomStringConvertible {
    public var code: Int
    /// The text after the code and separator of each line, in order; `""` for a bare `250`.
    public var lines: [String]

    public init(code: Int, lines: [String]) {
        self.code = code
        self.lines = lines
    }

    /// 2xx.
    public var isPositiveCompletion: Bool { code >= 200 && code < 300 }
    /// 3xx (354 to DATA, 334 to AUTH).
    public var isPositiveIntermediate: Bool { code >= 300 && code < 400 }
    /// 4xx.
    public var isTransientNegative: Bool { code >= 400 && code < 500 }
    /// 5xx.
    public var isPermanentNegative: Bool { code >= 500 && code < 600 }

    /// The text of all lines joined by a space.
    public var text: String { lines.filter { !$0.isEmpty }.joined(separator: " ") }

    /// `550 5.1.1 no such user` (multi-line replies joined on one line).
    public var description: String {
        let text = self.text
        return text.isEmpty ? String(code) : "\(code) \(text)"
    }
}

/// A reply line that is not `DDD`, `DDD text` or `DDD-text`.
struct SMTPReplyParseError: Error, Equatable, CustomStringConvertible {
    var line: String
    var reason: String
    var description: String { "malformed SMTP reply line (\(reason)): \(line.debugDescription)" }
}

/// Assembles replies from lines. Feed it each line without its CRLF; it returns a reply when the last line
/// of one (`DDD ` or a bare `DDD`) arrives.
struct SMTPReplyParser {
    private var code: Int?
    private var lines: [String] = []
    /// Bounds memory for a server that never ends its reply.
    static let maximumLines = 1000

    /// True when a multi-line reply has begun but not ended.
    var isInsideReply: Bool { code != nil }

    mutating func feed(line: String) throws(SMTPReplyParseError) -> SMTPReply? {
        let (lineCode, isLast, text) = try Self.parseLine(line)
        // RFC 5321 wants the same code on every line; servers that differ are rare, and the last line's code
        // is the one that counts.
        code = lineCode
        lines.append(text)
        if lines.count > Self.maximumLines {
            throw SMTPReplyParseError(line: line, reason: "more than \(Self.maximumLines) lines in one reply")
        }
        guard isLast else { return nil }
        let reply = SMTPReply(code: lineCode, lines: lines)
        code = nil
        lines = []
        return reply
    }

    /// Splits one line into code, whether it ends the reply, and its text.
    static func parseLine(_ line: String) throws(SMTPReplyParseError) -> (code: Int, isLast: Bool, text: String) {
        let utf8 = Array(line.utf8)
        guard utf8.count >= 3 else {
            throw SMTPReplyParseError(line: line, reason: "shorter than a reply code")
        }
        var code = 0
        for byte in utf8[0..<3] {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else {
                throw SMTPReplyParseError(line: line, reason: "does not start with a three-digit code")
            }
            code = code * 10 + Int(byte - UInt8(ascii: "0"))
        }
        guard code >= 200, code < 600 else {
            throw SMTPReplyParseError(line: line, reason: "code \(code) is outside 200...599")
        }
        if utf8.count == 3 {
            return (code, true, "")
        }
        let text = String(decoding: utf8[4...], as: UTF8.self)
        switch utf8[3] {
        case UInt8(ascii: " "): return (code, true, text)
        case UInt8(ascii: "-"): return (code, false, text)
        default:
            throw SMTPReplyParseError(line: line, reason: "fourth character is neither a space nor a hyphen")
        }
    }
}
