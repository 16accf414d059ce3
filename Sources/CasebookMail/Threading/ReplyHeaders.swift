/// Recognizes where a quoted message starts: reply headers ("On … wrote:" and its translations), Outlook's
/// From/Sent/To/Subject block, "-----Original Message-----" and the underscore rule above Outlook blocks.
enum ReplyHeaders {
    /// Attribution lines: they start with `prefix`, end with `:`, hold a digit or `@` (a date, an address) and have
    /// the verb at the end (`… wrote:`) or anywhere (German `Am … schrieb Name:`).
    struct Attribution {
        var prefix: String
        var verb: String
        var verbAtEnd: Bool
    }

    static let attributions: [Attribution] = [
        Attribution(prefix: "On ", verb: "wrote", verbAtEnd: true),  // Gmail, Apple Mail, Thunderbird
        Attribution(prefix: "Am ", verb: "schrieb", verbAtEnd: false),  // German
        Attribution(prefix: "Le ", verb: "a écrit", verbAtEnd: true),  // French
        Attribution(prefix: "El ", verb: "escribió", verbAtEnd: true),  // Spanish
        Attribution(prefix: "Op ", verb: "schreef", verbAtEnd: false),  // Dutch
        Attribution(prefix: "Il ", verb: "ha scritto", verbAtEnd: true),  // Italian
        Attribution(prefix: "Em ", verb: "escreveu", verbAtEnd: true),  // Portuguese
        Attribution(prefix: "Den ", verb: "skrev", verbAtEnd: false),  // Swedish, Danish, Norwegian
        Attribution(prefix: "W dniu ", verb: "pisze", verbAtEnd: true),  // Polish
    ]

    /// Attributions without a fixed prefix: `Rex Harmon <rex@example.org> wrote:`, German Gmail's
    /// `Rex <rex@example.org> schrieb am Di., 5. März 2024, 14:03:`. They need an `@`.
    static let bareVerbsAtEnd = ["wrote", "schrieb", "a écrit", "escribió", "schreef", "ha scritto", "escreveu", "skrev"]
    static let bareVerbsInside = [" schrieb am ", " a écrit le "]

    static let fromLabels: Set<String> = ["from", "von", "de", "van", "da", "från", "fra", "od", "от", "发件人", "寄件者", "差出人", "보낸 사람"]
    static let sentLabels: Set<String> = ["sent", "date", "gesendet", "datum", "envoyé", "enviado", "enviado el",
                                          "verzonden", "inviato", "skickat", "sendt", "data", "fecha", "wysłano",
                                          "отправлено", "发送时间", "日期", "送信日時", "보낸 날짜"]
    static let recipientLabels: Set<String> = ["to", "subject", "an", "betreff", "à", "a", "objet", "para", "asunto",
                                               "aan", "onderwerp", "oggetto", "till", "ämne", "til", "emne", "cc",
                                               "do", "temat", "кому", "тема", "收件人", "主题", "宛先", "件名",
                                               "받는 사람", "제목"]

    static let originalMessagePhrases = ["original message", "ursprüngliche nachricht", "original-nachricht",
                                         "message d'origine", "mensaje original", "oorspronkelijk bericht",
                                         "messaggio originale", "originalmeddelande", "mensagem original",
                                         "opprinnelig melding", "oprindelig meddelelse", "alkuperäinen viesti",
                                         "oryginalna wiadomość"]

    /// Lines announcing a forwarded message: the header block under them is content, not a quote.
    static let forwardPhrases = ["forwarded message", "begin forwarded message", "weitergeleitete nachricht",
                                 "message transféré", "mensaje reenviado", "doorgestuurd bericht",
                                 "messaggio inoltrato", "vidarebefordrat meddelande", "mensagem encaminhada"]

    // MARK: - Finding the quote

    /// The first line of the first quoted message in `range`, extended up over blank lines and separators.
    /// A reply header followed by quoted lines that new text interleaves (inline answers) does not count.
    static func firstQuoteStart(_ lines: ReplyLines, in range: Range<Int>) -> Int? {
        var lastText = range.upperBound - 1
        while lastText >= range.lowerBound && (lines.isBlank[lastText] || lines.isQuoted[lastText]) { lastText -= 1 }
        // The first quoted line at or after some attribution's end; searched lazily, reused while still ahead.
        var nextQuoted: Int?
        var index = range.lowerBound
        while index < range.upperBound {
            defer { index += 1 }
            if lines.isBlank[index] || lines.isQuoted[index] { continue }
            // Cheap byte tests first: most lines are none of these.
            let bytes = lines.contentBytes(index)
            guard let first = bytes.first, let last = bytes.last else { continue }
            if (first == UInt8(ascii: "-") || first == UInt8(ascii: "_")) && isOriginalMessageLine(lines.trimmed(index)) {
                return extendUp(index, lines, range)
            }
            if hasColonNearStart(bytes), isOutlookBlock(at: index, lines, range), !followsForwardLine(index, lines, range) {
                return extendUp(index, lines, range)
            }
            let mayBeAttribution = last == UInt8(ascii: ":") || last == 0x9A  // "：" is EF BC 9A
                || attributionPrefixes.contains { bytes.starts(with: $0) }
            if mayBeAttribution, let length = attributionLength(at: index, lines, range) {
                let after = index + length
                var quoted = nextQuoted ?? after
                if quoted < after { quoted = after }
                if nextQuoted == nil || nextQuoted! < after {
                    while quoted < range.upperBound && !lines.isQuoted[quoted] { quoted += 1 }
                    nextQuoted = quoted
                }
                let interleaved = quoted < range.upperBound && lastText > quoted
                if !interleaved { return extendUp(index, lines, range) }
            }
        }
        return nil
    }

    /// When `range` ends with an attribution (1–3 lines), its first line.
    static func headerEnding(at end: Int, _ lines: ReplyLines, from start: Int) -> Int? {
        for length in 1...3 {
            let first = end - length
            guard first >= start, !lines.isBlank[first], !lines.isQuoted[first] else { return nil }
            if attributionLength(at: first, lines, first..<end) == length { return first }
        }
        return nil
    }

    /// A line directly above Casebook's marker that ends with `:` and holds an address or a date: an attribution in
    /// a language the tables lack.
    static func looksLikeUnknownHeader(_ line: Substring) -> Bool {
        guard line.last == ":" || line.last == "：", line.utf8.count <= 300 else { return false }
        return line.contains("@") || line.contains(where: \.isNumber)
    }

    private static func extendUp(_ index: Int, _ lines: ReplyLines, _ range: Range<Int>) -> Int {
        var start = index
        while start > range.lowerBound {
            let previous = start - 1
            if lines.isBlank[previous] || isUnderscoreRule(lines.trimmed(previous))
                || isOriginalMessageLine(lines.trimmed(previous)) {
                start = previous
            } else {
                break
            }
        }
        return start
    }

    // MARK: - Line kinds

    /// The number of lines (1–3) of the attribution starting at `index`, if one does.
    static func attributionLength(at index: Int, _ lines: ReplyLines, _ range: Range<Int>) -> Int? {
        let first = lines.trimmed(index)
        guard let initial = first.first else { return nil }
        let prefixed = attributions.contains { first.hasPrefix($0.prefix) }
        if first.last == ":" || first.last == "：" {
            if isAttribution(first) { return 1 }
        }
        // Wrapped attributions (Gmail wraps at 78): only with a known prefix.
        guard prefixed, initial.isUppercase else { return nil }
        var joined = String(first)
        for length in 2...3 {
            let next = index + length - 1
            guard next < range.upperBound, !lines.isBlank[next], !lines.isQuoted[next] else { return nil }
            joined += " "
            joined += lines.trimmed(next)
            guard joined.utf8.count <= 400 else { return nil }
            if joined.last == ":" || joined.last == "：" { return isAttribution(Substring(joined)) ? length : nil }
        }
        return nil
    }

    static func isAttribution(_ line: Substring) -> Bool {
        guard line.utf8.count <= 400, line.last == ":" || line.last == "：" else { return false }
        let body = ReplyLines.trim(line.dropLast())
        guard body.contains("@") || body.contains(where: \.isNumber) else { return false }
        for attribution in attributions where body.hasPrefix(attribution.prefix) {
            if attribution.verbAtEnd ? body.hasSuffix(attribution.verb) : body.contains(attribution.verb) { return true }
        }
        guard body.contains("@") else { return false }
        let lowered = body.lowercased()
        return bareVerbsAtEnd.contains { lowered.hasSuffix($0) } || bareVerbsInside.contains { lowered.contains($0) }
    }

    static func isOriginalMessageLine(_ line: Substring) -> Bool {
        guard line.hasPrefix("---") || line.hasPrefix("___") else { return false }
        let lowered = line.lowercased()
        return originalMessagePhrases.contains { lowered.contains($0) }
    }

    static func isUnderscoreRule(_ line: Substring) -> Bool {
        line.utf8.count >= 10 && line.utf8.allSatisfy { $0 == UInt8(ascii: "_") }
    }

    /// `From: …` followed within seven lines by a Sent/Date line and a To/Subject line (any of the languages).
    static func isOutlookBlock(at index: Int, _ lines: ReplyLines, _ range: Range<Int>) -> Bool {
        guard let label = fieldLabel(lines.trimmed(index)), fromLabels.contains(label) else { return false }
        var sent = false, recipient = false
        var next = index + 1
        while next < min(range.upperBound, index + 8) && !(sent && recipient) {
            defer { next += 1 }
            if lines.isBlank[next] { continue }
            guard let label = fieldLabel(lines.trimmed(next)) else { continue }
            if sentLabels.contains(label) { sent = true }
            if recipientLabels.contains(label) { recipient = true }
        }
        return sent && recipient
    }

    /// `From: Rex` → "from"; `*Von:* Rex` → "von"; `De : Rex` → "de". Nil when the line is no `Label: value`.
    static func fieldLabel(_ line: Substring) -> String? {
        guard hasColonNearStart(line.utf8) else { return nil }
        let head = line.prefix(24)
        guard let colon = head.firstIndex(where: { $0 == ":" || $0 == "：" }) else { return nil }
        let label = ReplyLines.trim(Substring(head[..<colon].filter { $0 != "*" }))
        guard !label.isEmpty else { return nil }
        return label.lowercased()
    }

    /// A `:` (or full-width `：`) within the first 40 bytes, where a field label's colon would be.
    static func hasColonNearStart(_ bytes: some Collection<UInt8>) -> Bool {
        for byte in bytes.prefix(40) where byte == UInt8(ascii: ":") || byte == 0x9A { return true }
        return false
    }

    static let attributionPrefixes = attributions.map { Array($0.prefix.utf8) }

    private static func followsForwardLine(_ index: Int, _ lines: ReplyLines, _ range: Range<Int>) -> Bool {
        var previous = index - 1
        while previous >= range.lowerBound && lines.isBlank[previous] { previous -= 1 }
        guard previous >= range.lowerBound else { return false }
        let lowered = lines.trimmed(previous).lowercased()
        return forwardPhrases.contains { lowered.contains($0) }
    }
}
