extension ThreadingKeys {
    /// Reply and forward prefixes, lowercased, as mail clients write them in various languages: `Re:`, `Fwd:`,
    /// `AW:` / `WG:` (German), `SV:` / `VS:` (Nordic), `Antw:` (Dutch), `TR:` (French), `RV:` (Spanish), …
    static let replyPrefixes: Set<String> = [
        "re", "fw", "fwd", "aw", "wg", "sv", "vs", "antw", "tr", "rv", "enc", "res", "ref", "réf", "rif", "odp", "r",
        "回复", "答复", "转发", "回覆", "轉寄",
    ]

    /// Prefixes that mark a forward rather than a reply.
    static let forwardPrefixes: Set<String> = ["fw", "fwd", "wg", "tr", "rv", "enc", "vs", "转发", "轉寄"]

    /// The subject without reply/forward prefixes (repeated, any case, `Re[2]:` / `RE (2):` counters too) and
    /// without ticket tokens, whitespace collapsed: `"AW: Re: [#123] Drucker  kaputt"` → `"Drucker kaputt"`.
    public static func baseSubject(_ subject: String) -> String {
        var text = subject
        // Ticket tokens anywhere.
        var ranges: [Range<Int>] = []
        forEachSubjectToken(in: subject) { range, _ in
            ranges.append(range)
            return true
        }
        if !ranges.isEmpty {
            var bytes = Array(subject.utf8)
            for range in ranges.reversed() { bytes.replaceSubrange(range, with: [0x20]) }
            text = String(decoding: bytes, as: UTF8.self)
        }
        var rest = Substring(text)
        while true {
            rest = rest.drop(while: \.isWhitespace)
            guard let end = replyPrefixEnd(rest) else { break }
            rest = rest[end...]
        }
        return rest.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Whether the subject starts with a forward prefix (`Fwd:`, `FW:`, `WG:`, …), after any reply prefixes.
    public static func isForwardSubject(_ subject: String) -> Bool {
        var rest = Substring(subject)
        while true {
            rest = rest.drop(while: \.isWhitespace)
            guard let end = replyPrefixEnd(rest) else { return false }
            if forwardPrefixes.contains(prefixWord(rest[..<end])) { return true }
            rest = rest[end...]
        }
    }

    /// The index after `word [n]? :` when `word` is a reply/forward prefix.
    private static func replyPrefixEnd(_ text: Substring) -> Substring.Index? {
        guard let colon = text.prefix(16).firstIndex(where: { $0 == ":" || $0 == "：" }) else { return nil }
        guard replyPrefixes.contains(prefixWord(text[..<colon])) else { return nil }
        return text.index(after: colon)
    }

    /// `"RE [2] "` → `"re"`.
    private static func prefixWord(_ head: Substring) -> String {
        var word = head
        if word.last == ":" || word.last == "：" { word = word.dropLast() }
        while word.last?.isWhitespace == true { word = word.dropLast() }
        if let last = word.last, last == "]" || last == ")", let open = word.lastIndex(where: { $0 == "[" || $0 == "(" }),
           word[word.index(after: open)..<word.index(before: word.endIndex)].allSatisfy(\.isNumber) {
            word = word[..<open]
            while word.last?.isWhitespace == true { word = word.dropLast() }
        }
        return word.lowercased()
    }
}
