import Foundation

/// Words as routing rules and repeat-contact detection compare them: lowercase, accents removed ("Rücksendung" and
/// "rucksendung" are one word, "ß" becomes "ss"), split at anything that is not a letter or a digit, so "refund"
/// matches "Refund?" but not "refunded".
enum FoldedWords {
    static func words(in text: String) -> [String] {
        // Most subjects are plain ASCII; Foundation's folding costs microseconds a routing decision cannot spend.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiWords(in: text) }
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .lowercased()
            .replacingOccurrences(of: "ß", with: "ss")
        return folded.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }

    private static func asciiWords(in text: String) -> [String] {
        var words: [String] = []
        var word: [UInt8] = []
        word.reserveCapacity(24)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): word.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): word.append(byte + 32)
            default:
                if !word.isEmpty {
                    words.append(String(decoding: word, as: UTF8.self))
                    word.removeAll(keepingCapacity: true)
                }
            }
        }
        if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
        return words
    }
}
