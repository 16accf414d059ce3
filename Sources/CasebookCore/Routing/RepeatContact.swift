import Foundation

/// What repeat-contact detection reads of a ticket.
public struct ContactFacts: Sendable, Equatable {
    public var ticketID: Int
    public var requesterID: Int
    public var subject: String
    /// The first comment, when at hand; only its references are read (its wording is too long to compare).
    public var body: String?
    public var createdAt: Int64
    /// Order numbers and serial/asset numbers the ticket is linked to (form fields, the order integration).
    public var orderRefs: [String]
    public var assetRefs: [String]
    /// What the ticket is about when it was worked out before (stored with the ticket); else read from the above.
    public var storedTerms: ContactTerms?

    public init(ticketID: Int, requesterID: Int, subject: String, body: String? = nil, createdAt: Int64,
                orderRefs: [String] = [], assetRefs: [String] = []) {
        self.ticketID = ticketID
        self.requesterID = requesterID
        self.subject = subject
        self.body = body
        self.createdAt = createdAt
        self.orderRefs = orderRefs
        self.assetRefs = assetRefs
    }

    /// A ticket whose terms were stored when it was opened.
    public init(ticketID: Int, requesterID: Int, createdAt: Int64, terms: ContactTerms) {
        self.init(ticketID: ticketID, requesterID: requesterID, subject: "", createdAt: createdAt)
        storedTerms = terms
    }

    public var terms: ContactTerms {
        storedTerms ?? ContactTerms(subject: subject, body: body, orderRefs: orderRefs, assetRefs: assetRefs)
    }
}

/// What a ticket is about, as repeat-contact detection compares it: the significant words of its subject and the
/// order and serial numbers it names. Worked out once when a ticket is opened and stored with it, so a new ticket
/// compares against its requester's earlier ones without reading their text again.
public struct ContactTerms: Sendable, Equatable {
    public var words: [String]
    public var refs: Set<String>

    public init(words: [String], refs: Set<String>) {
        self.words = words
        self.refs = refs
    }

    public init(subject: String, body: String?, orderRefs: [String] = [], assetRefs: [String] = []) {
        words = RepeatContactDetector.significantWords(in: subject)
        let stated = (orderRefs + assetRefs).map {
            $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "#")).uppercased()
        }
        let mentioned = RepeatContactDetector.references(in: subject + "\n" + (body ?? ""))
        refs = Set(stated + mentioned).subtracting([""])
    }

    /// One line: the words, a tab, the references (sorted), each list space-separated.
    public var encoded: String {
        words.joined(separator: " ") + "\t" + refs.map { $0.filter { !$0.isWhitespace } }.sorted().joined(separator: " ")
    }

    public init(encoded: String) {
        let parts = encoded.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
        words = parts.first.map { $0.split(separator: " ").map(String.init) } ?? []
        refs = parts.count > 1 ? Set(parts[1].split(separator: " ").map(String.init)) : []
    }

    /// The same order or device; or two shared topic words; or one long topic word when a subject is too short
    /// to share two; or one shared number long enough to be an order or serial.
    public func isSimilar(to other: ContactTerms) -> Bool {
        if !refs.isDisjoint(with: other.refs) { return true }
        let shared = words.filter(other.words.contains)
        if shared.count >= 2 { return true }
        if shared.contains(where: { $0.count >= 4 && $0.contains(where: \.isNumber) }) { return true }
        let short = words.count <= 2 || other.words.count <= 2
        return short && shared.contains { $0.count >= 5 }
    }
}

/// A customer writing again about the same thing: the agent should read the earlier tickets before answering.
public struct RepeatContactMatch: Sendable, Equatable {
    /// Oldest first.
    public var earlierTicketIDs: [Int]
    /// Contacts about this, the new one included.
    public var contactCount: Int
    /// Whole days from the first of them to the new one, at least 1.
    public var spanDays: Int

    public var summary: String {
        "this customer has contacted us \(contactCount) times in \(spanDays) \(spanDays == 1 ? "day" : "days") about this"
    }
}

/// Finds earlier tickets of the same requester about the same thing. Deliberately cautious: a false "they keep
/// writing about this" misleads the agent more than a missed one, so generic helpdesk words never count.
public enum RepeatContactDetector {
    private static let dayMillis: Int64 = 86_400_000

    /// The earlier tickets of `new`'s requester, created within `windowDays` before it, that are about the same
    /// thing; nil when there are none.
    public static func detect(new: ContactFacts, earlier: [ContactFacts], windowDays: Int) -> RepeatContactMatch? {
        let since = new.createdAt - Int64(windowDays) * dayMillis
        let terms = new.terms
        let matches = earlier
            .filter { $0.requesterID == new.requesterID && $0.ticketID != new.ticketID
                && $0.createdAt >= since && $0.createdAt <= new.createdAt }
            .filter { terms.isSimilar(to: $0.terms) }
            .sorted { ($0.createdAt, $0.ticketID) < ($1.createdAt, $1.ticketID) }
        guard let first = matches.first else { return nil }
        let elapsed = new.createdAt - first.createdAt
        let days = Int((elapsed + dayMillis - 1) / dayMillis)
        return RepeatContactMatch(earlierTicketIDs: matches.map(\.ticketID), contactCount: matches.count + 1,
                                  spanDays: max(1, days))
    }

    /// Order and serial numbers mentioned in text, uppercased and without "#", so "order #10234", "Bestellung
    /// 10234" and "#10234" all give "10234". Bare numbers without such a word are skipped (phone numbers, postcodes,
    /// dates in signatures would tie every ticket of a customer together); serial-like tokens mix letters and at
    /// least three digits and are six characters or more ("SN-XYZ123"). Ticket tokens such as "[#123]" are ours, not
    /// the customer's, and are skipped.
    public static func references(in text: String) -> [String] {
        // Byte-wise: this runs inside every ticket create, and Foundation's trimming and Character properties cost
        // more than the rest of the create. References are ASCII by definition; other text only separates them.
        var refs: [String] = []
        var expectingNumber = 0
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            // Whitespace (ASCII, and the no-break space mail programs write) separates tokens.
            if isSpace(bytes, index) { index += bytes[index] == 0xC2 ? 2 : 1; continue }
            let start = index
            while index < bytes.count, !isSpace(bytes, index) { index += 1 }
            var low = start, high = index
            let bracketed = bytes[low] == UInt8(ascii: "[")
            while low < high, trimmed.contains(bytes[low]) { low += 1 }
            while high > low, trimmed.contains(bytes[high - 1]) { high -= 1 }
            let token = bytes[low..<high]
            if token.count <= 16, referenceWords.contains(String(decoding: token.map(asciiLower), as: UTF8.self)) {
                expectingNumber = 1
                continue
            }
            defer { expectingNumber = max(0, expectingNumber - 1) }
            if bracketed { continue }
            let hashed = token.first == UInt8(ascii: "#")
            let bare = hashed ? token.dropFirst() : token
            guard let first = bare.first, let last = bare.last, first != UInt8(ascii: "-"), last != UInt8(ascii: "-")
            else { continue }
            var digits = 0, letters = 0, shaped = true
            for byte in bare {
                if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") { digits += 1 }
                else if asciiLower(byte) >= UInt8(ascii: "a") && asciiLower(byte) <= UInt8(ascii: "z") { letters += 1 }
                else if byte != UInt8(ascii: "-") { shaped = false; break }
            }
            guard shaped else { continue }
            let keyed = hashed || expectingNumber > 0
            if (keyed && digits >= 4 && letters == 0) || (digits >= 3 && letters > 0 && bare.count >= 6) {
                let ref = String(decoding: bare.map(asciiUpper), as: UTF8.self)
                if !refs.contains(ref) { refs.append(ref) }
                expectingNumber = 0
            }
        }
        return refs
    }

    private static let trimmed = Set("[](){}<>.,;:!?\"'".utf8)

    private static func isSpace(_ bytes: [UInt8], _ index: Int) -> Bool {
        switch bytes[index] {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D: true
        case 0xC2: index + 1 < bytes.count && bytes[index + 1] == 0xA0
        default: false
        }
    }

    private static func asciiLower(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte
    }

    private static func asciiUpper(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") ? byte - 32 : byte
    }

    /// The words of a subject that say what it is about, stemmed, in order, each once.
    static func significantWords(in subject: String) -> [String] {
        // Written out by hand: a Swift `Regex` literal is rebuilt on every use, and this runs for every earlier
        // ticket of the requester each time a ticket is created.
        var text = Substring(subject)
        // Reply and forward prefixes, in the languages our customers' mail programs write them.
        while let rest = Self.afterReplyPrefix(text) { text = rest }
        return words(in: Self.withoutTicketTokens(text))
    }

    private static let replyPrefixes = ["antw", "fwd", "re", "fw", "aw", "wg", "sv"]

    /// The text after one leading "Re:"-style prefix (any case, spaces allowed before the colon), or nil.
    static func afterReplyPrefix(_ text: Substring) -> Substring? {
        let trimmed = text.drop { $0.isWhitespace }
        for prefix in replyPrefixes where trimmed.count > prefix.count && trimmed.prefix(prefix.count).lowercased() == prefix {
            let after = trimmed.dropFirst(prefix.count).drop { $0 == " " || $0 == "\t" }
            if after.first == ":" { return after.dropFirst() }
        }
        return nil
    }

    /// Removes bracketed ticket tokens such as "[#123]" or "[Casebook #123]".
    static func withoutTicketTokens(_ text: Substring) -> String {
        var out = ""
        var rest = text
        while let open = rest.firstIndex(of: "[") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "]") else { out += rest[open...]; return out }
            let inside = rest[rest.index(after: open)..<close]
            if inside.indices.contains(where: { inside[$0] == "#" && inside[inside.index(after: $0)...].first?.isNumber == true }) {
                out += " "
            } else {
                out += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    private static func words(in text: String) -> [String] {
        var seen = Set<String>()
        return FoldedWords.words(in: text).compactMap { word -> String? in
            guard word.count >= 3, !stopwords.contains(word) else { return nil }
            let stem = word.contains(where: \.isNumber) ? word : self.stem(word)
            return seen.insert(stem).inserted ? stem : nil
        }
    }

    /// A light English/German stemmer: enough that "charge", "charges", "charged" and "charging" do not look like
    /// four subjects, without a dictionary. Both sides are stemmed alike, so an odd stem still matches itself.
    static func stem(_ word: String) -> String {
        var w = Substring(word)
        if w.count > 4, w.hasSuffix("ies") {
            w = w.dropLast(3) + "y"
        } else if w.hasSuffix("sses") {
            w = w.dropLast(2)
        } else if w.hasSuffix("es"), ["s", "x", "z", "ch", "sh"].contains(where: { w.dropLast(2).hasSuffix($0) }) {
            w = w.dropLast(2)
        } else if w.count > 3, w.hasSuffix("s"), !w.hasSuffix("ss") {
            w = w.dropLast()
        }
        for suffix in ["ing", "ed", "en"] where w.hasSuffix(suffix) && w.count - suffix.count >= 4 {
            w = w.dropLast(suffix.count)
            // "shipped" → "ship", but "filled" keeps its double l, as "fill" does.
            if let last = w.last, w.dropLast().last == last, !"aeioulsz".contains(last) { w = w.dropLast() }
            break
        }
        if w.count > 4, w.hasSuffix("e") { w = w.dropLast() }
        return String(w)
    }

    /// Words that introduce an order, invoice or return number.
    private static let referenceWords: Set<String> = [
        "order", "order#", "orders", "invoice", "rma", "bestellung", "bestellnummer", "auftrag", "auftragsnummer",
        "rechnung", "rechnungsnummer", "no", "nr", "number", "nummer",
    ]

    /// Folded (lowercase, no accents) English and German words that say nothing about what a ticket is about,
    /// including the helpdesk's own vocabulary ("problem", "frage", "urgent") that every other subject shares.
    static let stopwords: Set<String> = [
        // English
        "the", "and", "for", "with", "you", "your", "our", "are", "was", "were", "has", "have", "had", "not", "but",
        "can", "cannot", "cant", "could", "would", "should", "will", "this", "that", "these", "those", "from",
        "about", "into", "over", "under", "after", "before", "again", "still", "just", "any", "all", "some", "what",
        "when", "where", "which", "who", "why", "how", "there", "here", "they", "them", "their", "its", "his", "her",
        "she", "him", "been", "does", "doesn", "did", "didn", "get", "got", "than", "then", "also", "very", "more",
        "other", "only", "same", "such", "too", "out", "off", "now", "new", "one", "yet", "via", "please", "thanks",
        "thank", "hello", "dear", "regarding", "question", "questions", "issue", "issues", "problem", "problems",
        "help", "need", "urgent", "request", "ticket", "support", "info", "information", "update", "reply", "fwd",
        "asap", "today", "work", "works", "working", "worked", "isn", "don", "won", "status", "customer",
        // German
        "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines", "und", "oder",
        "aber", "mit", "von", "vom", "zum", "zur", "fur", "uber", "unter", "bei", "nach", "aus", "auf", "bis",
        "durch", "gegen", "ohne", "ich", "mich", "mir", "mein", "meine", "meinen", "meiner", "wir", "uns", "unser",
        "unsere", "sie", "ihr", "ihre", "ihnen", "ihren", "sich", "ist", "sind", "war", "waren", "wird", "werden",
        "wurde", "wurden", "hat", "haben", "hatte", "habe", "kann", "konnen", "konnte", "muss", "mussen", "soll",
        "nicht", "kein", "keine", "keinen", "noch", "schon", "auch", "nur", "sehr", "wie", "was", "wer", "warum",
        "wann", "welche", "welcher", "dass", "wenn", "weil", "als", "diese", "dieser", "dieses", "hier", "dort",
        "jetzt", "heute", "bitte", "danke", "hallo", "guten", "tag", "frage", "fragen", "anfrage", "probleme",
        "hilfe", "dringend", "betreff", "bzgl", "bezuglich", "geht", "funktioniert", "immer", "mehr", "neue",
        "neuen", "neu", "wieder", "erneut", "mal", "gibt", "sein", "seine", "antw", "kunde", "anliegen",
    ]
}
