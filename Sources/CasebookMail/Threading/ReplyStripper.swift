/// Cuts an incoming reply down to what the sender wrote: everything from Casebook's own marker line, the quoted
/// message under a reply header ("On … wrote:", Outlook's From/Sent/To block, "-----Original Message-----"), a
/// trailing block of `>` lines, the signature after "-- " and mobile footers ("Sent from my iPhone").
///
/// Conservative by design: quoted lines followed by new text (inline answers) are kept, only a trailing quote
/// block goes; when stripping would leave nothing, the whole text is kept. Works on the text body only. The result
/// has LF line ends and no leading or trailing blank lines.
public enum ReplyStripper {
    /// The line Casebook puts at the top of ticket mail; everything from it down is the quoted notification.
    public static let marker = "##- Please type your reply above this line -##"

    public struct Stripped: Sendable, Equatable {
        public var reply: String
        /// Something quoted (the marker and below, a quote header and below, trailing `>` lines) was removed.
        public var removedQuote: Bool
        /// A signature or a mobile footer was removed.
        public var removedSignature: Bool

        public init(reply: String, removedQuote: Bool, removedSignature: Bool) {
            self.reply = reply
            self.removedQuote = removedQuote
            self.removedSignature = removedSignature
        }
    }

    /// - Parameter subject: when it marks a forward (`Fwd:`, `WG:`, …), the forwarded message is content, not a
    ///   quote: only the marker, a trailing `>` block and the signature are stripped.
    public static func strip(_ text: String, subject: String? = nil) -> Stripped {
        let lines = ReplyLines(text)
        let forward = subject.map(ThreadingKeys.isForwardSubject) ?? false
        if let marker = lines.markerLine() {
            var above = strip(lines, range: 0..<marker, forward: forward, beforeMarker: true)
            if !above.isEmpty {
                above.removedQuote = true
                return above.result(lines)
            }
            // Bottom-posted under a quoted marker: keep what follows the quoted notification.
            if lines.isQuoted[marker] {
                var end = marker
                while end < lines.count && (lines.isQuoted[end] || lines.isBlank[end]) { end += 1 }
                var below = strip(lines, range: end..<lines.count, forward: forward, beforeMarker: false)
                if !below.isEmpty {
                    below.removedQuote = true
                    return below.result(lines)
                }
            }
            return Cut(range: 0..<lines.count).trimmed(lines).result(lines)
        }
        let cut = strip(lines, range: 0..<lines.count, forward: forward, beforeMarker: false)
        if cut.isEmpty { return Cut(range: 0..<lines.count).trimmed(lines).result(lines) }
        return cut.result(lines)
    }

    /// A range of lines kept, and what was removed to get there.
    struct Cut {
        var range: Range<Int>
        var removedQuote = false
        var removedSignature = false
        var hasText = false

        var isEmpty: Bool { !hasText }

        /// Without leading and trailing blank lines.
        func trimmed(_ lines: ReplyLines) -> Cut {
            var copy = self
            var start = range.lowerBound, end = range.upperBound
            while start < end && lines.isBlank[start] { start += 1 }
            while end > start && lines.isBlank[end - 1] { end -= 1 }
            copy.range = start..<end
            copy.hasText = start < end
            return copy
        }

        func result(_ lines: ReplyLines) -> Stripped {
            Stripped(reply: lines.joined(range), removedQuote: removedQuote, removedSignature: removedSignature)
        }
    }

    static func strip(_ lines: ReplyLines, range: Range<Int>, forward: Bool, beforeMarker: Bool) -> Cut {
        var cut = Cut(range: range).trimmed(lines)
        guard cut.hasText else { return cut }
        var end = cut.range.upperBound
        let start = cut.range.lowerBound

        // 1. The first quote header with the quoted message under it.
        if !forward, let header = ReplyHeaders.firstQuoteStart(lines, in: start..<end) {
            end = header
            cut.removedQuote = true
        }
        // 2. A trailing block of `>` lines (and the header introducing it).
        end = lines.trimBlank(start..<end)
        if end > start && lines.isQuoted[end - 1] {
            var blockStart = end - 1
            while blockStart > start && (lines.isQuoted[blockStart - 1] || lines.isBlank[blockStart - 1]) { blockStart -= 1 }
            let above = lines.trimBlank(start..<blockStart)
            if let header = ReplyHeaders.headerEnding(at: above, lines, from: start) {
                blockStart = header
            }
            end = blockStart
            cut.removedQuote = true
        }
        // 3. Just above the marker: a quote header in a language the tables do not know ("…, X <x@y>:").
        end = lines.trimBlank(start..<end)
        if beforeMarker, end > start, ReplyHeaders.looksLikeUnknownHeader(lines.trimmed(end - 1)) {
            end -= 1
            cut.removedQuote = true
        }
        // 4. Signature and mobile footers.
        let signed = ReplySignatures.strip(lines, start..<lines.trimBlank(start..<end))
        if signed.upperBound != lines.trimBlank(start..<end) { cut.removedSignature = true }
        end = signed.upperBound
        cut.range = start..<end
        return cut.trimmed(lines)
    }
}
