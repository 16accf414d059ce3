/// RFC 5322 address lists: `From`, `To`, `Cc`, `Reply-To` values.
///
/// Handles name-addr (`"Rex Harmon" <rex@example.com>`), bare addr-spec, groups (`Team: a@x, b@y;` — members
/// are flattened, the group name is dropped, an empty group yields nothing), comments anywhere (ignored, also
/// as a name: `rex@example.com (Rex)` has no name, as in Python's `email`), quoted names with escapes, RFC 2047
/// encoded-word names (adjacent words joined without the space between them, as RFC 2047 says; Python keeps
/// it), encoded words inside quoted names, obsolete routes (`<@relay:rex@example.com>`), obsolete phrases with
/// dots (`John Q. Public`), CFWS around dots and `@`, domain literals, the null address `<>` (address "" — kept
/// only when it has a name, as in `MAILER-DAEMON <>`), a local part without a domain (address is the local
/// part, as Python does), and an unquoted address used as a name (`rex@example.com <rex@example.com>`).
/// Garbage yields what can be salvaged; it never fails.
///
/// Addresses are `local@domain` with the local part quoted when it needs to be (as Python's `addr_spec`);
/// names are trimmed, runs of whitespace between words become one space, and an empty name is nil.
public enum AddressList {
    public static func parse(_ value: String) -> [MailAddress] {
        var copy = value
        return copy.withUTF8 { buffer in
            var parser = Parser(tokens: tokenize(buffer))
            return parser.parse()
        }
    }

    enum Kind: Equatable {
        case atom          // text; `word` set when the whole atom is an encoded word
        case quoted        // text = content with escapes removed
        case literal       // text = "[...]" as written
        case special(UInt8)
    }

    struct Token {
        var kind: Kind
        var text: String
        var spaceBefore: Bool
        var word: (charset: Substring, bytes: [UInt8])? = nil
    }

    static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0A }

    static let specials: Set<UInt8> = Set("<>@,;:.".utf8)

    static func tokenize(_ b: UnsafeBufferPointer<UInt8>) -> [Token] {
        var tokens: [Token] = []
        let n = b.count
        var i = 0
        var space = false
        var finder = EncodedWords.Finder()
        while i < n {
            let c = b[i]
            if isSpace(c) {
                space = true
                i += 1
                continue
            }
            if c == UInt8(ascii: "(") { // comment, nested, with quoted pairs
                var depth = 0
                while i < n {
                    let d = b[i]
                    if d == UInt8(ascii: "\\") {
                        i += 2
                        continue
                    }
                    if d == UInt8(ascii: "(") { depth += 1 }
                    if d == UInt8(ascii: ")") {
                        depth -= 1
                        if depth == 0 { i += 1; break }
                    }
                    i += 1
                }
                space = true
                continue
            }
            if c == UInt8(ascii: ")") { // stray
                space = true
                i += 1
                continue
            }
            if c == UInt8(ascii: "\"") {
                var content = [UInt8]()
                i += 1
                while i < n, b[i] != UInt8(ascii: "\"") {
                    if b[i] == UInt8(ascii: "\\"), i + 1 < n { i += 1 }
                    if b[i] != 0x0D, b[i] != 0x0A { content.append(b[i]) }
                    i += 1
                }
                if i < n { i += 1 }
                tokens.append(Token(kind: .quoted, text: HeaderText.decode(content), spaceBefore: space))
                space = false
                continue
            }
            if c == UInt8(ascii: "[") {
                let start = i
                while i < n, b[i] != UInt8(ascii: "]") {
                    if b[i] == UInt8(ascii: "\\") { i += 1 }
                    i += 1
                }
                if i < n { i += 1 }
                let bytes = UnsafeBufferPointer(rebasing: b[start..<min(i, n)]).filter { !isSpace($0) }
                tokens.append(Token(kind: .literal, text: HeaderText.decode(bytes), spaceBefore: space))
                space = false
                continue
            }
            if specials.contains(c) {
                tokens.append(Token(kind: .special(c), text: String(UnicodeScalar(c)), spaceBefore: space))
                space = false
                i += 1
                continue
            }
            // Atom; an encoded word may carry spaces and specials inside (as Python accepts).
            if c == UInt8(ascii: "="), i + 1 < n, b[i + 1] == UInt8(ascii: "?"),
               let word = EncodedWords.parseWord(b, at: i, allowSpaces: true, finder: &finder),
               word.end >= n || isSpace(b[word.end]) || specials.contains(b[word.end]) || b[word.end] == UInt8(ascii: "(")
                   || b[word.end] == UInt8(ascii: "\"") {
                let text = HeaderText.decode(UnsafeBufferPointer(rebasing: b[i..<word.end]))
                tokens.append(Token(kind: .atom, text: text, spaceBefore: space, word: (word.charset, word.bytes)))
                space = false
                i = word.end
                continue
            }
            let start = i
            while i < n {
                let d = b[i]
                if isSpace(d) || specials.contains(d) || d == UInt8(ascii: "(") || d == UInt8(ascii: ")")
                    || d == UInt8(ascii: "\"") || d == UInt8(ascii: "[") { break }
                i += 1
            }
            tokens.append(Token(kind: .atom, text: HeaderText.decode(UnsafeBufferPointer(rebasing: b[start..<i])),
                                spaceBefore: space))
            space = false
        }
        return tokens
    }

    struct Parser {
        let tokens: [Token]
        var i = 0

        init(tokens: [Token]) { self.tokens = tokens }

        func isSpecial(_ t: Token, _ c: Character) -> Bool {
            if case let .special(s) = t.kind { return Character(UnicodeScalar(s)) == c }
            return false
        }

        mutating func parse() -> [MailAddress] {
            var result: [MailAddress] = []
            let n = tokens.count
            var inGroup = false
            while i < n {
                if isSpecial(tokens[i], ";") {
                    i += 1
                    if inGroup {
                        inGroup = false
                    } else {
                        skipJunk(stopAtSemicolon: false) // outside a group ';' starts junk (as Python reads it)
                    }
                    continue
                }
                if isSpecial(tokens[i], ",") || isSpecial(tokens[i], ">") {
                    i += 1
                    continue
                }
                let phraseStart = i
                while i < n, !isSpecial(tokens[i], "<"), !isSpecial(tokens[i], ":"), !isSpecial(tokens[i], "@"),
                      !isSpecial(tokens[i], ","), !isSpecial(tokens[i], ";") {
                    i += 1
                }
                let phrase = tokens[phraseStart..<i]
                if i < n, isSpecial(tokens[i], ":") {
                    i += 1 // group: the display name is dropped, the members follow
                    inGroup = true
                    continue
                }
                if i < n, isSpecial(tokens[i], "<") {
                    let address = angleAddress()
                    append(&result, name: Self.displayName(phrase), address: address)
                    skipJunk()
                    continue
                }
                if i < n, isSpecial(tokens[i], "@") {
                    i += 1
                    let domainStart = i
                    let domain = self.domain()
                    if i < n, isSpecial(tokens[i], "<") {
                        // `rex@example.com <rex@example.com>`: the first one was meant as a name.
                        let nameTokens = Array(phrase) + [Token(kind: .special(UInt8(ascii: "@")), text: "@", spaceBefore: false)]
                            + tokens[domainStart..<i]
                        let address = angleAddress()
                        append(&result, name: Self.displayName(nameTokens[...]), address: address)
                        skipJunk()
                        continue
                    }
                    append(&result, name: nil, address: Self.addrSpec(local: phrase, domain: domain))
                    skipJunk()
                    continue
                }
                // A phrase alone: a local part without a domain, as Python reads it.
                let words = phrase.compactMap { t -> String? in
                    if case .special = t.kind, t.text != "." { return nil }
                    return t.text
                }
                if !words.isEmpty {
                    append(&result, name: nil, address: Self.addrSpec(local: phrase, domain: nil))
                }
            }
            return result
        }

        func append(_ result: inout [MailAddress], name: String?, address: String) {
            if address.isEmpty, name == nil { return }
            result.append(MailAddress(name: name, address: address))
        }

        /// Skips what follows an address up to the next `,` (or `;` closing a group).
        mutating func skipJunk(stopAtSemicolon: Bool = true) {
            while i < tokens.count, !isSpecial(tokens[i], ","), !(stopAtSemicolon && isSpecial(tokens[i], ";")) {
                i += 1
            }
        }

        /// At `<`: the address inside (route dropped), consuming through `>` (or up to `,`/`;`/end if missing).
        mutating func angleAddress() -> String {
            let n = tokens.count
            i += 1
            while i < n, isSpecial(tokens[i], "<") { i += 1 }
            if i < n, isSpecial(tokens[i], "@") {
                // Obsolete route: @a,@b: — skip through the ':' if there is one before '>'.
                var j = i
                while j < n, !isSpecial(tokens[j], ":"), !isSpecial(tokens[j], ">") { j += 1 }
                if j < n, isSpecial(tokens[j], ":") { i = j + 1 }
            }
            let localStart = i
            while i < n, !isSpecial(tokens[i], "@"), !isSpecial(tokens[i], ">"), !isSpecial(tokens[i], ","),
                  !isSpecial(tokens[i], ";"), !isSpecial(tokens[i], "<") {
                i += 1
            }
            let local = tokens[localStart..<i]
            var domain: String? = nil
            if i < n, isSpecial(tokens[i], "@") {
                i += 1
                domain = self.domain()
                while i < n, !isSpecial(tokens[i], ">"), !isSpecial(tokens[i], ","), !isSpecial(tokens[i], ";") { i += 1 }
            }
            if i < n, isSpecial(tokens[i], ">") {
                i += 1
                while i < n, isSpecial(tokens[i], ">") { i += 1 }
            }
            if local.isEmpty, domain == nil { return "" }
            return Self.addrSpec(local: local, domain: domain)
        }

        /// Domain after `@`: atoms, dots and literals, CFWS around dots allowed; ends at a special or at a
        /// word that follows whitespace without a dot.
        mutating func domain() -> String {
            var out = ""
            var lastWasDot = true
            while i < tokens.count {
                let t = tokens[i]
                switch t.kind {
                case .special(UInt8(ascii: ".")):
                    out += "."
                    lastWasDot = true
                case .atom, .literal, .quoted:
                    if !lastWasDot { return out }
                    out += t.text
                    lastWasDot = false
                default:
                    return out
                }
                i += 1
            }
            return out
        }

        static let needsQuoting: Set<UInt8> = Set("()<>@,:;\\\"[] \t".utf8)

        /// The local part: words and dots, whitespace around dots dropped, whitespace between two words kept
        /// as one space (an obsolete local part like `Anne P` then needs quoting, as Python does).
        static func joinLocalWords(_ local: ArraySlice<Token>) -> String {
            var out = ""
            var lastWasDot = true
            for t in local {
                switch t.kind {
                case .atom, .quoted, .literal:
                    if !lastWasDot, t.spaceBefore { out += " " }
                    out += t.text
                    lastWasDot = false
                case .special(UInt8(ascii: ".")):
                    out += "."
                    lastWasDot = true
                default:
                    continue
                }
            }
            return out
        }

        static func addrSpec(local: ArraySlice<Token>, domain: String?) -> String {
            var lp = joinLocalWords(local)
            if lp.utf8.contains(where: { needsQuoting.contains($0) }) {
                lp = "\"" + lp.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"") + "\""
            }
            guard let domain else { return lp }
            return lp + "@" + domain
        }

        /// The display name: words joined by single spaces where the source had whitespace, encoded words
        /// decoded (adjacent ones joined, same-charset ones decoded together), quoted text as it is.
        static func displayName(_ phrase: ArraySlice<Token>) -> String? {
            var out = ""
            var pendingWord: (charset: Substring, bytes: [UInt8])? = nil
            var first = true
            func flush() {
                if let w = pendingWord {
                    out += EncodedWords.decodeBytes(w.bytes, charset: w.charset)
                    pendingWord = nil
                }
            }
            for t in phrase {
                if case let .special(c) = t.kind, c != UInt8(ascii: "."), c != UInt8(ascii: "@") { continue }
                if let word = t.word {
                    if let pending = pendingWord {
                        if Charsets.key(String(pending.charset)) == Charsets.key(String(word.charset)) {
                            pendingWord!.bytes.append(contentsOf: word.bytes)
                        } else {
                            flush()
                            pendingWord = word
                        }
                        continue
                    }
                    if !first, t.spaceBefore { out += " " }
                    pendingWord = word
                    first = false
                    continue
                }
                flush()
                if !first, t.spaceBefore { out += " " }
                switch t.kind {
                case .quoted: out += EncodedWords.decode(t.text)
                default: out += t.text
                }
                first = false
            }
            flush()
            let trimmed = MIMEHeaderValue.trimSpaces(out)
            return trimmed.isEmpty ? nil : String(trimmed)
        }
    }
}

fileprivate extension String {
    /// Every occurrence of `target` replaced (Foundation-free).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        var out = ""
        var rest = self[...]
        while let r = rest.firstRange(of: target) {
            out += rest[..<r.lowerBound]
            out += replacement
            rest = rest[r.upperBound...]
        }
        out += rest
        return out
    }
}
