import CasebookCore
import Foundation
import SQLKit

/// Links a new ticket to the assets whose serial numbers it mentions ("MS24-00417 drops all ports"): words of 5 to
/// 64 letters, digits, dashes, dots or slashes with at least one digit are looked up in one query.
enum AssetMentions {
    /// The words of `text` that could be serial numbers: runs of letters, digits and `-./_`, without those
    /// punctuation marks at either end, 5–64 characters long, with a digit; each once, at most 50. One pass over the
    /// text's scalars (this runs for every new ticket, inside its transaction).
    static func candidates(_ text: String) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        let scalars = text.unicodeScalars
        var start: String.UnicodeScalarView.Index?
        var index = scalars.startIndex
        func take(_ range: Range<String.UnicodeScalarView.Index>) {
            var slice = scalars[range]
            while let first = slice.first, isEdge(first) { slice.removeFirst() }
            while let last = slice.last, isEdge(last) { slice.removeLast() }
            // A word of fewer than 5 scalars has fewer than 5 characters.
            guard slice.count >= 5 else { return }
            let word = String(slice)
            guard (5...64).contains(word.count), word.contains(where: \.isNumber), seen.insert(word).inserted else { return }
            out.append(word)
        }
        while index < scalars.endIndex {
            let inWord = isWordScalar(scalars[index])
            if inWord, start == nil { start = index }
            if !inWord, let from = start {
                take(from..<index)
                start = nil
                if out.count == 50 { return out }
            }
            index = scalars.index(after: index)
        }
        if let from = start, out.count < 50 { take(from..<scalars.endIndex) }
        return out
    }

    static func isEdge(_ s: Unicode.Scalar) -> Bool { s == "-" || s == "." || s == "/" || s == "_" }

    /// `CharacterSet.alphanumerics` (letters, marks, numbers) plus `-./_`, ASCII without a table lookup.
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII {
            let v = s.value
            return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) || isEdge(s)
        }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    static func link(ticketID: Int, subject: String, body: String, at: Int64, db: any SQLDatabase) async throws {
        let words = candidates(subject + "\n" + String(body.prefix(4_000)))
        guard !words.isEmpty else { return }
        let store = AssetStore(db: db)
        for asset in try await store.find(serials: words) {
            try await store.link(ticketID: ticketID, assetID: asset.id, by: "mention", at: at)
        }
    }
}
