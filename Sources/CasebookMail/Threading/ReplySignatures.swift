/// Signatures (after the "-- " delimiter line) and the footers mobile mail apps add.
enum ReplySignatures {
    /// Lowercased starts of mobile and client footers.
    static let footers = ["sent from my ", "sent from mail for windows", "sent from outlook", "get outlook for ",
                          "sent from yahoo mail", "sent from samsung", "sent from the all new aol app",
                          "sent via the samsung", "von meinem ", "gesendet von meinem ", "envoyé de mon ",
                          "envoyé depuis mon ", "enviado desde mi ", "enviado do meu ", "verzonden vanaf mijn ",
                          "verstuurd vanaf mijn ", "inviato da ", "skickat från min ", "sendt fra min ",
                          "outlook für ios", "outlook für android", "holen sie sich outlook für "]

    /// A signature longer than this after "-- " is more likely a separator inside the text.
    static let maxSignatureLines = 25

    /// `range` without trailing footers and the signature; never cuts away its first line.
    static func strip(_ lines: ReplyLines, _ range: Range<Int>) -> Range<Int> {
        var end = dropFooters(lines, range)
        var delimiter = end - 1
        while delimiter > range.lowerBound {
            if !lines.isQuoted[delimiter] && isDelimiter(lines.bytes[lines.ranges[delimiter]]) { break }
            delimiter -= 1
        }
        if delimiter > range.lowerBound && end - delimiter <= maxSignatureLines + 1 {
            end = dropFooters(lines, range.lowerBound..<lines.trimBlank(range.lowerBound..<delimiter))
        }
        return range.lowerBound..<end
    }

    private static func dropFooters(_ lines: ReplyLines, _ range: Range<Int>) -> Int {
        var end = lines.trimBlank(range)
        while end - 1 > range.lowerBound && isFooter(lines.trimmed(end - 1)) {
            end = lines.trimBlank(range.lowerBound..<(end - 1))
        }
        return end
    }

    /// `-- ` (RFC 3676 §4.3), also with the trailing space lost: `--`.
    static func isDelimiter(_ line: ArraySlice<UInt8>) -> Bool {
        var bytes = line
        while let last = bytes.last, last == 0x20 || last == 0x09 { bytes = bytes.dropLast() }
        return bytes.count == 2 && bytes.first == UInt8(ascii: "-") && bytes.last == UInt8(ascii: "-")
    }

    static func isFooter(_ line: Substring) -> Bool {
        guard line.utf8.count <= 80, let first = line.first, first.isLetter else { return false }
        let lowered = line.lowercased()
        return footers.contains { lowered.hasPrefix($0) }
    }
}
