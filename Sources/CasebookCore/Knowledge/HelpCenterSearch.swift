import Foundation

/// Help-center search that finds the same articles on SQLite (FTS5) and PostgreSQL (full-text).
///
/// The two engines tokenize differently (PostgreSQL's parser keeps `e-mail` and `example.com` whole, FTS5 does not;
/// `simple` does not fold accents), so Casebook tokenizes itself: the text both engines index is already a list of
/// lowercased, accent-folded words of letters and digits separated by single spaces, and queries are built from the
/// same tokenizer. Each engine then only splits on spaces, which they do alike. Every query word must match; the last
/// one also matches as a prefix ("print" finds "printer"), as a search box does while typing.
public enum HelpCenterSearch {
    /// At most this many words of a query are used.
    public static let maxQueryWords = 12

    /// Lowercased, accent-folded runs of letters and digits.
    public static func words(_ text: String) -> [String] {
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil).lowercased()
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in folded.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                // Only ASCII letters and digits are certain to be "word" characters for both engines' parsers.
                if scalar.isASCII { current.append(scalar) } else {
                    if !current.isEmpty { words.append(String(current)); current = .init() }
                }
            } else if !current.isEmpty {
                words.append(String(current)); current = .init()
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words.map { String($0.prefix(100)) }
    }

    /// What is stored for an article and indexed by both engines.
    public static func document(title: String, body: String, labels: [String]) -> String {
        (words(title) + words(body) + labels.flatMap(words)).joined(separator: " ")
    }

    /// A parsed query, or nil when it has no words to look for.
    public struct Query: Sendable, Equatable {
        public var words: [String]
        /// Any word matches (the portal's suggestions while a subject is typed, where a customer's words are not the
        /// article's); otherwise every word must (a search).
        public var anyWord = false

        /// `anyWord` drops words shorter than three letters ("my", "is"), which would match nearly everything.
        public init?(_ text: String, anyWord: Bool = false) {
            var seen = Set<String>()
            var list = HelpCenterSearch.words(text).filter { seen.insert($0).inserted }
            if anyWord { list = list.filter { $0.count >= 3 } }
            guard !list.isEmpty else { return nil }
            words = Array(list.prefix(HelpCenterSearch.maxQueryWords))
            self.anyWord = anyWord
        }

        /// FTS5 MATCH: each word quoted (so nothing is read as an operator), the last as a prefix.
        public var fts5: String {
            words.enumerated().map { i, w in i == words.count - 1 ? "\"\(w)\"*" : "\"\(w)\"" }.joined(separator: anyWord ? " OR " : " AND ")
        }

        /// PostgreSQL `to_tsquery('simple', …)`: the words joined with `&` (or `|`), the last as a prefix. The words are
        /// letters and digits only, so none is read as an operator.
        public var tsquery: String {
            words.enumerated().map { i, w in i == words.count - 1 ? "\(w):*" : w }.joined(separator: anyWord ? " | " : " & ")
        }

        /// Whether a stored document matches, as the engines decide: each word (or any, for `anyWord`) present, the
        /// last as a prefix.
        public func matches(document: String) -> Bool {
            let tokens = document.split(separator: " ").map(String.init)
            let set = Set(tokens)
            let hits = words.enumerated().map { i, w in
                i == words.count - 1 ? tokens.contains(where: { $0.hasPrefix(w) }) : set.contains(w)
            }
            return anyWord ? hits.contains(true) : !hits.contains(false)
        }

        /// The order results are shown in, the same whatever engine found them: words in the title count three times
        /// words in the body; ties go to the newer article (higher id).
        public func score(title: String, body: String) -> Int {
            let t = HelpCenterSearch.words(title), b = HelpCenterSearch.words(body)
            var score = 0
            for (i, w) in words.enumerated() {
                let hit: (String) -> Bool = i == words.count - 1 ? { $0.hasPrefix(w) } : { $0 == w }
                score += 3 * t.filter(hit).count + min(b.filter(hit).count, 10)
            }
            return score
        }

        /// Sorts (id, title, body) candidates by score, then newest first.
        public func rank(_ candidates: [(id: Int, title: String, body: String)]) -> [Int] {
            candidates.map { ($0.id, score(title: $0.title, body: $0.body)) }
                .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 > $1.0 }.map(\.0)
        }

        /// A short escaped extract of `text` around the first matching word, matches in `<em>` (Zendesk's `snippet`).
        public func snippet(_ text: String, length: Int = 160) -> String {
            let chars = Array(text)
            // Find the first word (in the original text) whose folded form matches.
            var start = 0, found: Int?
            var i = 0
            while i < chars.count {
                if chars[i].isLetter || chars[i].isNumber {
                    var j = i
                    while j < chars.count, chars[j].isLetter || chars[j].isNumber { j += 1 }
                    if isHit(String(chars[i..<j])) { found = i; break }
                    i = j
                } else { i += 1 }
            }
            if let found { start = max(0, found - 40) }
            // Start and end at word boundaries.
            while start > 0, start < chars.count, !chars[start - 1].isWhitespace { start += 1 }
            var end = min(chars.count, start + length)
            while end < chars.count, end > start, !chars[end - 1].isWhitespace { end -= 1 }
            if end <= start { end = min(chars.count, start + length) }
            var out = start > 0 ? "…" : ""
            var k = start
            while k < end {
                if chars[k].isLetter || chars[k].isNumber {
                    var j = k
                    while j < end, chars[j].isLetter || chars[j].isNumber { j += 1 }
                    let word = String(chars[k..<j])
                    out += isHit(word) ? "<em>\(HTMLSanitizer.escape(word))</em>" : HTMLSanitizer.escape(word)
                    k = j
                } else {
                    out += HTMLSanitizer.escape(String(chars[k].isNewline ? " " : chars[k])); k += 1
                }
            }
            return out.trimmingCharacters(in: .whitespaces) + (end < chars.count ? "…" : "")
        }

        private func isHit(_ word: String) -> Bool {
            let folded = HelpCenterSearch.words(word)
            guard folded.count == 1, let w = folded.first else { return false }
            return words.enumerated().contains { i, q in i == words.count - 1 ? w.hasPrefix(q) : w == q }
        }
    }
}
