/// The service extensions a server announced in its EHLO reply (RFC 5321 §4.1.1.1).
///
/// The first line of the reply is the server's greeting name; each later line is `KEYWORD [params...]`.
/// Keywords compare case-insensitively. `AUTH=PLAIN LOGIN` (the pre-standard form some servers still send)
/// counts as `AUTH PLAIN LOGIN`.
public struct SMTPExtensions: Sendable, Equatable {
    /// Upper-cased keyword → its parameters as sent.
    public var keywords: [String: [String]]

    public init(keywords: [String: [String]] = [:]) {
        self.keywords = keywords
    }

    /// Parses a 250 reply to EHLO.
    public init(ehloReply reply: SMTPReply) {
        var keywords: [String: [String]] = [:]
        for line in reply.lines.dropFirst() {
            var words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard !words.isEmpty else { continue }
            var keyword = words.removeFirst().uppercased()
            if keyword.hasPrefix("AUTH=") {
                words.insert(String(keyword.dropFirst("AUTH=".count)), at: 0)
                keyword = "AUTH"
                words = words.filter { !$0.isEmpty }
            }
            keywords[keyword, default: []].append(contentsOf: words)
        }
        self.keywords = keywords
    }

    public func supports(_ keyword: String) -> Bool { keywords[keyword.uppercased()] != nil }

    public var startTLS: Bool { supports("STARTTLS") }
    public var pipelining: Bool { supports("PIPELINING") }
    public var eightBitMIME: Bool { supports("8BITMIME") }
    public var smtpUTF8: Bool { supports("SMTPUTF8") }
    /// True when SIZE is announced (with or without a limit), so MAIL FROM may carry `SIZE=`.
    public var size: Bool { supports("SIZE") }
    /// The announced maximum message size in bytes; nil when absent, unparsable or 0 (no fixed limit).
    public var maximumSize: Int? {
        guard let value = keywords["SIZE"]?.first, let limit = Int(value), limit > 0 else { return nil }
        return limit
    }
    /// Upper-cased SASL mechanism names after AUTH.
    public var authMechanisms: Set<String> {
        Set((keywords["AUTH"] ?? []).map { $0.uppercased() })
    }
}
