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
        let profile = Profile(new)
        let matches = earlier
            .filter { $0.requesterID == new.requesterID && $0.ticketID != new.ticketID
                && $0.createdAt >= since && $0.createdAt <= new.createdAt }
            .filter { profile.isSimilar(to: Profile($0)) }
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
        let tokens = text.split(whereSeparator: \.isWhitespace).map { String($0) }
        var refs: [String] = []
        var expectingNumber = 0
        for raw in tokens {
            let bracketed = raw.hasPrefix("[")
            let token = raw.trimmingCharacters(in: CharacterSet(charactersIn: "[](){}<>.,;:!?\"'"))
            let lower = token.lowercased()
            if referenceWords.contains(lower) {
                expectingNumber = 1
                continue
            }
            defer { expectingNumber = max(0, expectingNumber - 1) }
            if bracketed { continue }
            let bare = token.hasPrefix("#") ? String(token.dropFirst()) : token
            guard isReferenceShaped(bare) else { continue }
            let digits = bare.filter(\.isNumber).count
            let letters = bare.filter(\.isLetter).count
            let keyed = token.hasPrefix("#") || expectingNumber > 0
            if (keyed && digits >= 4 && letters == 0) || (digits >= 3 && letters > 0 && bare.count >= 6) {
                let ref = bare.uppercased()
                if !refs.contains(ref) { refs.append(ref) }
                expectingNumber = 0
            }
        }
        return refs
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

    /// Letters, digits and inner hyphens only: "SN-XYZ123" yes, "-" or "a/b" no.
    private static func isReferenceShaped(_ token: String) -> Bool {
        !token.isEmpty && !token.hasPrefix("-") && !token.hasSuffix("-")
            && token.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
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

    /// One ticket, prepared for comparison.
    private struct Profile {
        var words: [String]
        var refs: Set<String>

        init(_ contact: ContactFacts) {
            words = RepeatContactDetector.significantWords(in: contact.subject)
            let stated = (contact.orderRefs + contact.assetRefs).map {
                $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "#")).uppercased()
            }
            let mentioned = RepeatContactDetector.references(in: contact.subject + "\n" + (contact.body ?? ""))
            refs = Set(stated + mentioned).subtracting([""])
        }

        /// The same order or device; or two shared topic words; or one long topic word when a subject is too short
        /// to share two; or one shared number long enough to be an order or serial.
        func isSimilar(to other: Profile) -> Bool {
            if !refs.isDisjoint(with: other.refs) { return true }
            let shared = words.filter(other.words.contains)
            if shared.count >= 2 { return true }
            if shared.contains(where: { $0.count >= 4 && $0.contains(where: \.isNumber) }) { return true }
            let short = words.count <= 2 || other.words.count <= 2
            return short && shared.contains { $0.count >= 5 }
        }
    }
}
