import Foundation

// MARK: - Public API

/// Allow-list HTML sanitizer for ticket comment bodies.
///
/// The implementation is a small HTML tokenizer (modelled on the WHATWG tokenizer states:
/// data, tag open, tag name, attribute name/value with quoted and unquoted values, comments,
/// bogus comments for `<!DOCTYPE>` / processing instructions, CDATA and raw-text elements)
/// feeding a tree builder that re-serialises only allow-listed elements and attributes.
/// Nothing from the input is copied verbatim: text is entity-decoded and re-escaped, attribute
/// values are decoded, validated and re-emitted double-quoted and escaped.
///
/// Every step consumes the input strictly forward, so the running time is linear in the input
/// size, and no input can make it trap.
public enum HTMLSanitizer: Sendable {
    /// Returns safe HTML: only allow-listed elements and attributes survive; everything else is escaped text or dropped.
    public static func sanitize(_ html: String) -> String {
        var tokenizer = Tokenizer(html)
        var builder = HTMLBuilder()
        while let token = tokenizer.next() {
            builder.consume(token)
        }
        return builder.finish()
    }

    /// Plain text of an HTML fragment (tags removed, entities decoded, <br>/<p>/<li>/<div> become line breaks, collapsed blank lines), for `plain_body`.
    public static func plainText(fromHTML html: String) -> String {
        var tokenizer = Tokenizer(html)
        var builder = PlainTextBuilder()
        while let token = tokenizer.next() {
            builder.consume(token)
        }
        return builder.finish()
    }

    /// Escapes &, <, >, ", ' for text and attribute contexts.
    public static func escape(_ text: String) -> String {
        var output = String()
        output.reserveCapacity(text.utf8.count)
        Escaping.append(text.unicodeScalars, to: &output, dropControlCharacters: false)
        return output
    }

    /// The text's scalars with CRLF and lone CR turned into LF.
    static func lineFeedsOnly(_ text: String) -> [Unicode.Scalar] {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.unicodeScalars.count)
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\r" {
                scalars.append("\n")
                previousWasCR = true
            } else if scalar == "\n" && previousWasCR {
                previousWasCR = false
            } else {
                previousWasCR = false
                scalars.append(scalar)
            }
        }
        return scalars
    }

    /// Plain text → HTML the way Zendesk shows a plain comment: escaped, paragraphs split on blank lines into <p>, single newlines as <br>.
    public static func html(fromPlainText text: String) -> String {
        // Byte by byte over UTF-8: a mailed reply can be tens of kilobytes, and this runs for every comment.
        // Only ASCII bytes are ever replaced, so multi-byte characters pass through untouched.
        var text = text
        return text.withUTF8 { bytes -> String in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + bytes.count / 8 + 16)
            var paragraphOpen = false
            var start = 0
            let count = bytes.count
            while start <= count {
                var end = start
                while end < count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
                let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                if isBlankLine(line) {
                    if paragraphOpen {
                        out.append(contentsOf: "</p>".utf8)
                        paragraphOpen = false
                    }
                } else {
                    out.append(contentsOf: (paragraphOpen ? "<br>" : "<p>").utf8)
                    paragraphOpen = true
                    for byte in line {
                        switch byte {
                        case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
                        case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
                        case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
                        case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
                        case UInt8(ascii: "'"): out.append(contentsOf: "&#39;".utf8)
                        default: out.append(byte)
                        }
                    }
                }
                // CRLF, lone CR and LF all end a line.
                if end < count, bytes[end] == 0x0D, end + 1 < count, bytes[end + 1] == 0x0A { start = end + 2 } else { start = end + 1 }
            }
            if paragraphOpen { out.append(contentsOf: "</p>".utf8) }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Whitespace only (Unicode's notion of it, as `Character.isWhitespace`); decided on bytes when ASCII.
    private static func isBlankLine(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var sawNonASCII = false
        for byte in line {
            switch byte {
            case 0x20, 0x09, 0x0B, 0x0C: continue
            case 0x80...: sawNonASCII = true
            default: return false
            }
        }
        return !sawNonASCII || String(decoding: line, as: UTF8.self).allSatisfy(\.isWhitespace)
    }
}

// MARK: - Implementation

extension HTMLSanitizer {
    // MARK: - Policy

    /// The allow-lists and element categories used by the sanitizer.
    enum Policy {
        /// Maximum depth of nested allowed elements; deeper start tags are dropped (their text is kept).
        static let maximumNestingDepth = 100

        static let allowedElements: Set<String> = [
            "p", "br", "div", "span", "b", "strong", "i", "em", "u", "s", "strike",
            "blockquote", "pre", "code", "ul", "ol", "li", "a", "img",
            "h1", "h2", "h3", "h4", "h5", "h6", "hr",
            "table", "thead", "tbody", "tr", "th", "td", "sub", "sup",
        ]

        /// Allowed elements that have no content and no end tag.
        static let voidElements: Set<String> = ["br", "hr", "img"]

        /// Elements whose whole content is dropped, not just the tags.
        static let contentDroppingElements: Set<String> = [
            "script", "style", "iframe", "object", "embed", "template", "noscript", "title",
            "head", "svg", "math", "noembed", "noframes", "applet", "frameset", "frame", "xml",
        ]

        /// Content-dropping elements that never have content (HTML void elements).
        static let voidDroppingElements: Set<String> = ["embed", "frame"]

        /// Foreign-content roots, for which `<svg/>` really is self-closing.
        static let foreignElements: Set<String> = ["svg", "math"]

        /// Void elements that may appear inside `<head>` without ending it.
        static let headVoidElements: Set<String> = ["meta", "link", "base", "basefont", "bgsound"]

        static let headingElements: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]

        /// Start tags that implicitly close an open `<p>` (HTML "close a p element in button scope").
        static let paragraphClosingElements: Set<String> = [
            "p", "div", "blockquote", "pre", "ul", "ol", "li", "table", "hr",
            "h1", "h2", "h3", "h4", "h5", "h6",
        ]

        static let tableScopeBoundaries: Set<String> = ["table", "td", "th"]

        /// Allowed attributes per element. `title` is only allowed where a tooltip makes sense.
        static func allowedAttributes(for element: String) -> Set<String> {
            switch element {
            case "a": return ["href", "title"]
            case "img": return ["src", "alt", "title", "width", "height"]
            case "td", "th": return ["colspan", "rowspan", "title"]
            case "span", "div", "p", "blockquote", "code", "pre", "table": return ["title"]
            default: return []
            }
        }
    }

    // MARK: - Tokens

    struct Attribute: Equatable {
        var name: String
        var value: String
    }

    struct Tag: Equatable {
        var name: String
        var attributes: [Attribute]
        var selfClosing: Bool
    }

    enum Token: Equatable {
        /// Character data, already entity-decoded where HTML decodes it.
        case text(String)
        case startTag(Tag)
        case endTag(String)
        /// Comments, doctypes, processing instructions, `</>` and unterminated tags.
        case ignored
    }

    // MARK: - Tokenizer

    /// A forward-only HTML tokenizer over Unicode scalars.
    ///
    /// It follows the WHATWG tokenizer closely enough that the sanitizer sees the same tags a browser
    /// would (e.g. `<a/href=x>`, `<scr<script>ipt>`, `<!-->`, unterminated tags at EOF being dropped),
    /// but it never needs to be exact: the output is re-serialised from scratch, so a disagreement can
    /// only lose content, never let markup through.
    struct Tokenizer {
        private enum RawTextKind {
            /// script, style, …: text up to the matching end tag, no entity decoding.
            case raw
            /// title, textarea: text up to the matching end tag, entities decoded.
            case escapable
            /// plaintext: everything up to the end of input is text.
            case plaintext
        }

        private static let rawTextElements: [String: RawTextKind] = [
            "script": .raw, "style": .raw, "xmp": .raw, "iframe": .raw, "noembed": .raw,
            "noframes": .raw, "noscript": .raw,
            "title": .escapable, "textarea": .escapable,
            "plaintext": .plaintext,
        ]

        private let input: [Unicode.Scalar]
        private var position = 0
        private var pendingRawText: (name: String, kind: RawTextKind)?

        init(_ html: String) {
            // Input stream preprocessing: CRLF and lone CR become LF.
            input = HTMLSanitizer.lineFeedsOnly(html)
        }

        mutating func next() -> Token? {
            if let raw = pendingRawText {
                pendingRawText = nil
                return consumeRawText(of: raw.name, kind: raw.kind)
            }
            guard position < input.count else { return nil }
            if input[position] == "<", startsMarkup(at: position) {
                return consumeMarkup()
            }
            return consumeText()
        }

        // MARK: Data state

        /// Whether the `<` at `index` starts a tag, comment, doctype, … rather than being literal text.
        private func startsMarkup(at index: Int) -> Bool {
            guard index + 1 < input.count else { return false }
            let next = input[index + 1]
            if next.isHTMLASCIILetter || next == "!" || next == "?" { return true }
            if next == "/" { return index + 2 < input.count }
            return false
        }

        private mutating func consumeText() -> Token {
            let start = position
            position += 1  // Either not '<', or a '<' that does not start markup.
            while position < input.count {
                if input[position] == "<" && startsMarkup(at: position) { break }
                position += 1
            }
            return .text(EntityDecoder.decode(input[start..<position], inAttribute: false))
        }

        /// Called with `input[position] == "<"` and `startsMarkup(at: position)`.
        private mutating func consumeMarkup() -> Token {
            let open = position
            let next = input[open + 1]
            if next.isHTMLASCIILetter {
                return consumeTag(nameStart: open + 1, isEndTag: false)
            }
            switch next {
            case "/":
                let afterSlash = input[open + 2]
                if afterSlash.isHTMLASCIILetter {
                    return consumeTag(nameStart: open + 2, isEndTag: true)
                }
                if afterSlash == ">" {
                    position = open + 3
                    return .ignored
                }
                return consumeBogusComment(from: open + 2)
            case "!":
                if matches("--", at: open + 2, caseInsensitive: false) {
                    return consumeComment(from: open + 4)
                }
                if matches("[CDATA[", at: open + 2, caseInsensitive: false) {
                    return consumeCDATA(from: open + 9)
                }
                // <!DOCTYPE …> and any other markup declaration.
                return consumeBogusComment(from: open + 2)
            default:
                // "?": processing instruction, treated as a bogus comment like browsers do.
                return consumeBogusComment(from: open + 1)
            }
        }

        // MARK: Tags and attributes

        private mutating func consumeTag(nameStart: Int, isEndTag: Bool) -> Token {
            var index = nameStart
            var name = String.UnicodeScalarView()
            // Tag name state.
            while index < input.count {
                let scalar = input[index]
                if scalar.isHTMLWhitespace || scalar == "/" || scalar == ">" { break }
                name.append(scalar.htmlNameLowercased)
                index += 1
            }

            var attributes: [Attribute] = []
            var selfClosing = false
            var finished = false

            attributeLoop: while index < input.count {
                // Before attribute name state.
                let scalar = input[index]
                if scalar.isHTMLWhitespace {
                    index += 1
                    continue
                }
                if scalar == ">" {
                    index += 1
                    finished = true
                    break attributeLoop
                }
                if scalar == "/" {
                    index += 1
                    if index < input.count && input[index] == ">" {
                        index += 1
                        selfClosing = true
                        finished = true
                        break attributeLoop
                    }
                    continue
                }

                // Attribute name state. A leading '=' belongs to the name.
                var attributeName = String.UnicodeScalarView()
                attributeName.append(scalar.htmlNameLowercased)
                index += 1
                while index < input.count {
                    let nameScalar = input[index]
                    if nameScalar.isHTMLWhitespace || nameScalar == "/" || nameScalar == ">" || nameScalar == "=" { break }
                    attributeName.append(nameScalar.htmlNameLowercased)
                    index += 1
                }

                // After attribute name state.
                while index < input.count && input[index].isHTMLWhitespace {
                    index += 1
                }
                var value = ""
                if index < input.count && input[index] == "=" {
                    index += 1
                    // Before attribute value state.
                    while index < input.count && input[index].isHTMLWhitespace {
                        index += 1
                    }
                    guard index < input.count else { break attributeLoop }
                    let first = input[index]
                    if first == "\"" || first == "'" {
                        // Attribute value (double- or single-quoted) state.
                        let valueStart = index + 1
                        var valueEnd = valueStart
                        while valueEnd < input.count && input[valueEnd] != first {
                            valueEnd += 1
                        }
                        guard valueEnd < input.count else {
                            index = valueEnd
                            break attributeLoop
                        }
                        value = EntityDecoder.decode(input[valueStart..<valueEnd], inAttribute: true)
                        index = valueEnd + 1
                    } else if first != ">" {
                        // Attribute value (unquoted) state.
                        let valueStart = index
                        while index < input.count && !input[index].isHTMLWhitespace && input[index] != ">" {
                            index += 1
                        }
                        value = EntityDecoder.decode(input[valueStart..<index], inAttribute: true)
                    }
                    // `first == ">"`: missing value, the tag ends in the next iteration.
                }
                attributes.append(Attribute(name: String(attributeName), value: value))
            }

            position = index
            guard finished else {
                // EOF inside a tag: browsers drop the whole tag.
                position = input.count
                return .ignored
            }
            let tagName = String(name)
            if isEndTag {
                return .endTag(tagName)
            }
            if let kind = Self.rawTextElements[tagName] {
                pendingRawText = (tagName, kind)
            }
            return .startTag(Tag(name: tagName, attributes: attributes, selfClosing: selfClosing))
        }

        // MARK: Raw text, comments, CDATA

        private mutating func consumeRawText(of name: String, kind: RawTextKind) -> Token {
            let start = position
            if kind == .plaintext {
                position = input.count
                return .text(String(String.UnicodeScalarView(input[start..<input.count])))
            }
            let nameScalars = Array(name.unicodeScalars)
            var index = start
            var end = input.count
            while index < input.count {
                if input[index] == "<", index + 1 < input.count, input[index + 1] == "/",
                   matches(nameScalars, at: index + 2) {
                    let after = index + 2 + nameScalars.count
                    if after < input.count, input[after].isHTMLWhitespace || input[after] == "/" || input[after] == ">" {
                        end = index
                        break
                    }
                }
                index += 1
            }
            position = end
            let content = input[start..<end]
            if content.isEmpty { return .ignored }
            switch kind {
            case .escapable:
                return .text(EntityDecoder.decode(content, inAttribute: false))
            case .raw, .plaintext:
                return .text(String(String.UnicodeScalarView(content)))
            }
        }

        /// `from` points just after `<!--`.
        private mutating func consumeComment(from start: Int) -> Token {
            // `<!-->` and `<!--->` are complete (empty) comments.
            if start < input.count && input[start] == ">" {
                position = start + 1
                return .ignored
            }
            if matches("->", at: start, caseInsensitive: false) {
                position = start + 2
                return .ignored
            }
            var index = start
            while index < input.count {
                if input[index] == "-" {
                    if matches("-->", at: index, caseInsensitive: false) {
                        position = index + 3
                        return .ignored
                    }
                    if matches("--!>", at: index, caseInsensitive: false) {
                        position = index + 4
                        return .ignored
                    }
                }
                index += 1
            }
            position = input.count
            return .ignored
        }

        private mutating func consumeBogusComment(from start: Int) -> Token {
            var index = start
            while index < input.count && input[index] != ">" {
                index += 1
            }
            position = min(index + 1, input.count)
            return .ignored
        }

        /// `from` points just after `<![CDATA[`; the section's content is literal text.
        private mutating func consumeCDATA(from start: Int) -> Token {
            var index = start
            var end = input.count
            while index < input.count {
                if input[index] == "]" && matches("]]>", at: index, caseInsensitive: false) {
                    end = index
                    break
                }
                index += 1
            }
            position = end == input.count ? end : end + 3
            if end == start { return .ignored }
            return .text(String(String.UnicodeScalarView(input[start..<end])))
        }

        // MARK: Helpers

        private func matches(_ literal: String, at index: Int, caseInsensitive: Bool) -> Bool {
            var cursor = index
            for expected in literal.unicodeScalars {
                guard cursor < input.count else { return false }
                let actual = caseInsensitive ? input[cursor].htmlASCIILowercased : input[cursor]
                if actual != expected { return false }
                cursor += 1
            }
            return true
        }

        /// Case-insensitive match of an (already lowercase) tag name.
        private func matches(_ lowercaseName: [Unicode.Scalar], at index: Int) -> Bool {
            guard index + lowercaseName.count <= input.count else { return false }
            for (offset, expected) in lowercaseName.enumerated() where input[index + offset].htmlASCIILowercased != expected {
                return false
            }
            return true
        }
    }

    // MARK: - Character references

    enum EntityDecoder {
        /// Decodes character references in `scalars` the way HTML does in text (`inAttribute == false`)
        /// or attribute values (`inAttribute == true`, where legacy references without `;` followed by
        /// an alphanumeric or `=` stay literal, so `?a=1&copy=2` survives).
        static func decode(_ scalars: ArraySlice<Unicode.Scalar>, inAttribute: Bool) -> String {
            guard scalars.contains("&") else {
                return String(String.UnicodeScalarView(scalars))
            }
            var output = String.UnicodeScalarView()
            var index = scalars.startIndex
            let end = scalars.endIndex
            while index < end {
                let scalar = scalars[index]
                if scalar == "&", let (decoded, next) = reference(in: scalars, at: index, inAttribute: inAttribute) {
                    output.append(decoded)
                    index = next
                } else {
                    output.append(scalar)
                    index += 1
                }
            }
            return String(output)
        }

        /// Decodes the reference starting at the `&` at `start`; nil when it is a literal ampersand.
        private static func reference(
            in scalars: ArraySlice<Unicode.Scalar>,
            at start: Int,
            inAttribute: Bool
        ) -> (Unicode.Scalar, Int)? {
            let end = scalars.endIndex
            var index = start + 1
            guard index < end else { return nil }

            if scalars[index] == "#" {
                index += 1
                var radix: UInt32 = 10
                if index < end && (scalars[index] == "x" || scalars[index] == "X") {
                    radix = 16
                    index += 1
                }
                let digitsStart = index
                var value: UInt32 = 0
                while index < end, let digit = scalars[index].htmlDigitValue(radix: radix) {
                    // Saturate instead of overflowing; anything above 0x10FFFF becomes U+FFFD anyway.
                    value = min(value &* radix &+ digit, 0x11_0000)
                    index += 1
                }
                guard index > digitsStart else { return nil }
                if index < end && scalars[index] == ";" {
                    index += 1
                }
                return (numericReference(value), index)
            }

            // Named reference: an alphanumeric run (bounded, longest entity name is far shorter).
            var nameEnd = index
            while nameEnd < end && nameEnd - index < 32 && scalars[nameEnd].isHTMLASCIIAlphanumeric {
                nameEnd += 1
            }
            guard nameEnd > index else { return nil }
            if nameEnd < end && scalars[nameEnd] == ";" {
                let name = String(String.UnicodeScalarView(scalars[index..<nameEnd]))
                if let value = namedEntities[name], let decoded = Unicode.Scalar(value) {
                    return (decoded, nameEnd + 1)
                }
            }
            // Legacy references that browsers accept without a semicolon (`&amp`, `&copy`, …),
            // longest match first.
            let longest = min(nameEnd - index, 6)
            guard longest >= 2 else { return nil }
            for length in stride(from: longest, through: 2, by: -1) {
                let name = String(String.UnicodeScalarView(scalars[index..<(index + length)]))
                guard legacyEntityNames.contains(name), let value = namedEntities[name],
                      let decoded = Unicode.Scalar(value) else { continue }
                let after = index + length
                if inAttribute, after < end, scalars[after].isHTMLASCIIAlphanumeric || scalars[after] == "=" {
                    return nil
                }
                return (decoded, after)
            }
            return nil
        }

        private static func numericReference(_ value: UInt32) -> Unicode.Scalar {
            let replacement: Unicode.Scalar = "\u{FFFD}"
            if value == 0 || value > 0x10_FFFF || (0xD800...0xDFFF).contains(value) {
                return replacement
            }
            if (0x80...0x9F).contains(value), let mapped = windows1252[value], let scalar = Unicode.Scalar(mapped) {
                return scalar
            }
            return Unicode.Scalar(value) ?? replacement
        }

        /// Numeric references in 0x80–0x9F mean Windows-1252 characters (HTML spec table).
        private static let windows1252: [UInt32: UInt32] = [
            0x80: 0x20AC, 0x82: 0x201A, 0x83: 0x0192, 0x84: 0x201E, 0x85: 0x2026, 0x86: 0x2020,
            0x87: 0x2021, 0x88: 0x02C6, 0x89: 0x2030, 0x8A: 0x0160, 0x8B: 0x2039, 0x8C: 0x0152,
            0x8E: 0x017D, 0x91: 0x2018, 0x92: 0x2019, 0x93: 0x201C, 0x94: 0x201D, 0x95: 0x2022,
            0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02DC, 0x99: 0x2122, 0x9A: 0x0161, 0x9B: 0x203A,
            0x9C: 0x0153, 0x9E: 0x017E, 0x9F: 0x0178,
        ]

        /// Names that are decoded even without a trailing semicolon (subset of the HTML legacy list).
        private static let legacyEntityNames: Set<String> = {
            var names: Set<String> = ["amp", "lt", "gt", "quot", "AMP", "LT", "GT", "QUOT", "COPY", "REG"]
            for (name, value) in namedEntities where (0xA0...0xFF).contains(value) {
                names.insert(name)
            }
            return names
        }()

        /// Named character references: the HTML 4 set plus the HTML 5 names commonly used for
        /// obfuscation (`&colon;`, `&Tab;`, `&NewLine;`, …). An unknown name is left as literal text
        /// and re-escaped on output, so it can never be decoded later by a browser.
        static let namedEntities: [String: UInt32] = [
            // Markup-significant and HTML 5 punctuation.
            "amp": 0x26, "AMP": 0x26, "lt": 0x3C, "LT": 0x3C, "gt": 0x3E, "GT": 0x3E,
            "quot": 0x22, "QUOT": 0x22, "apos": 0x27, "Tab": 0x09, "NewLine": 0x0A,
            "excl": 0x21, "num": 0x23, "dollar": 0x24, "percnt": 0x25, "lpar": 0x28, "rpar": 0x29,
            "ast": 0x2A, "plus": 0x2B, "comma": 0x2C, "period": 0x2E, "sol": 0x2F, "colon": 0x3A,
            "semi": 0x3B, "equals": 0x3D, "quest": 0x3F, "commat": 0x40, "lsqb": 0x5B, "lbrack": 0x5B,
            "bsol": 0x5C, "rsqb": 0x5D, "rbrack": 0x5D, "Hat": 0x5E, "lowbar": 0x5F, "grave": 0x60,
            "lcub": 0x7B, "lbrace": 0x7B, "verbar": 0x7C, "vert": 0x7C, "rcub": 0x7D, "rbrace": 0x7D,
            "COPY": 0xA9, "REG": 0xAE,
            // Latin-1.
            "nbsp": 0xA0, "iexcl": 0xA1, "cent": 0xA2, "pound": 0xA3, "curren": 0xA4, "yen": 0xA5,
            "brvbar": 0xA6, "sect": 0xA7, "uml": 0xA8, "copy": 0xA9, "ordf": 0xAA, "laquo": 0xAB,
            "not": 0xAC, "shy": 0xAD, "reg": 0xAE, "macr": 0xAF, "deg": 0xB0, "plusmn": 0xB1,
            "sup2": 0xB2, "sup3": 0xB3, "acute": 0xB4, "micro": 0xB5, "para": 0xB6, "middot": 0xB7,
            "cedil": 0xB8, "sup1": 0xB9, "ordm": 0xBA, "raquo": 0xBB, "frac14": 0xBC, "frac12": 0xBD,
            "frac34": 0xBE, "iquest": 0xBF, "Agrave": 0xC0, "Aacute": 0xC1, "Acirc": 0xC2,
            "Atilde": 0xC3, "Auml": 0xC4, "Aring": 0xC5, "AElig": 0xC6, "Ccedil": 0xC7,
            "Egrave": 0xC8, "Eacute": 0xC9, "Ecirc": 0xCA, "Euml": 0xCB, "Igrave": 0xCC,
            "Iacute": 0xCD, "Icirc": 0xCE, "Iuml": 0xCF, "ETH": 0xD0, "Ntilde": 0xD1, "Ograve": 0xD2,
            "Oacute": 0xD3, "Ocirc": 0xD4, "Otilde": 0xD5, "Ouml": 0xD6, "times": 0xD7,
            "Oslash": 0xD8, "Ugrave": 0xD9, "Uacute": 0xDA, "Ucirc": 0xDB, "Uuml": 0xDC,
            "Yacute": 0xDD, "THORN": 0xDE, "szlig": 0xDF, "agrave": 0xE0, "aacute": 0xE1,
            "acirc": 0xE2, "atilde": 0xE3, "auml": 0xE4, "aring": 0xE5, "aelig": 0xE6, "ccedil": 0xE7,
            "egrave": 0xE8, "eacute": 0xE9, "ecirc": 0xEA, "euml": 0xEB, "igrave": 0xEC,
            "iacute": 0xED, "icirc": 0xEE, "iuml": 0xEF, "eth": 0xF0, "ntilde": 0xF1, "ograve": 0xF2,
            "oacute": 0xF3, "ocirc": 0xF4, "otilde": 0xF5, "ouml": 0xF6, "divide": 0xF7,
            "oslash": 0xF8, "ugrave": 0xF9, "uacute": 0xFA, "ucirc": 0xFB, "uuml": 0xFC,
            "yacute": 0xFD, "thorn": 0xFE, "yuml": 0xFF,
            // Latin Extended, spacing modifiers.
            "OElig": 0x152, "oelig": 0x153, "Scaron": 0x160, "scaron": 0x161, "Yuml": 0x178,
            "fnof": 0x192, "circ": 0x2C6, "tilde": 0x2DC,
            // Greek.
            "Alpha": 0x391, "Beta": 0x392, "Gamma": 0x393, "Delta": 0x394, "Epsilon": 0x395,
            "Zeta": 0x396, "Eta": 0x397, "Theta": 0x398, "Iota": 0x399, "Kappa": 0x39A,
            "Lambda": 0x39B, "Mu": 0x39C, "Nu": 0x39D, "Xi": 0x39E, "Omicron": 0x39F, "Pi": 0x3A0,
            "Rho": 0x3A1, "Sigma": 0x3A3, "Tau": 0x3A4, "Upsilon": 0x3A5, "Phi": 0x3A6, "Chi": 0x3A7,
            "Psi": 0x3A8, "Omega": 0x3A9, "alpha": 0x3B1, "beta": 0x3B2, "gamma": 0x3B3,
            "delta": 0x3B4, "epsilon": 0x3B5, "zeta": 0x3B6, "eta": 0x3B7, "theta": 0x3B8,
            "iota": 0x3B9, "kappa": 0x3BA, "lambda": 0x3BB, "mu": 0x3BC, "nu": 0x3BD, "xi": 0x3BE,
            "omicron": 0x3BF, "pi": 0x3C0, "rho": 0x3C1, "sigmaf": 0x3C2, "sigma": 0x3C3,
            "tau": 0x3C4, "upsilon": 0x3C5, "phi": 0x3C6, "chi": 0x3C7, "psi": 0x3C8, "omega": 0x3C9,
            "thetasym": 0x3D1, "upsih": 0x3D2, "piv": 0x3D6,
            // General punctuation.
            "ensp": 0x2002, "emsp": 0x2003, "thinsp": 0x2009, "zwnj": 0x200C, "zwj": 0x200D,
            "lrm": 0x200E, "rlm": 0x200F, "hyphen": 0x2010, "ndash": 0x2013, "mdash": 0x2014,
            "lsquo": 0x2018, "rsquo": 0x2019, "sbquo": 0x201A, "ldquo": 0x201C, "rdquo": 0x201D,
            "bdquo": 0x201E, "dagger": 0x2020, "Dagger": 0x2021, "bull": 0x2022, "hellip": 0x2026,
            "permil": 0x2030, "prime": 0x2032, "Prime": 0x2033, "lsaquo": 0x2039, "rsaquo": 0x203A,
            "oline": 0x203E, "frasl": 0x2044, "euro": 0x20AC,
            // Letterlike symbols and arrows.
            "image": 0x2111, "weierp": 0x2118, "real": 0x211C, "trade": 0x2122, "alefsym": 0x2135,
            "larr": 0x2190, "uarr": 0x2191, "rarr": 0x2192, "darr": 0x2193, "harr": 0x2194,
            "crarr": 0x21B5, "lArr": 0x21D0, "uArr": 0x21D1, "rArr": 0x21D2, "dArr": 0x21D3,
            "hArr": 0x21D4,
            // Mathematical operators.
            "forall": 0x2200, "part": 0x2202, "exist": 0x2203, "empty": 0x2205, "nabla": 0x2207,
            "isin": 0x2208, "notin": 0x2209, "ni": 0x220B, "prod": 0x220F, "sum": 0x2211,
            "minus": 0x2212, "lowast": 0x2217, "radic": 0x221A, "prop": 0x221D, "infin": 0x221E,
            "ang": 0x2220, "and": 0x2227, "or": 0x2228, "cap": 0x2229, "cup": 0x222A, "int": 0x222B,
            "there4": 0x2234, "sim": 0x223C, "cong": 0x2245, "asymp": 0x2248, "ne": 0x2260,
            "equiv": 0x2261, "le": 0x2264, "ge": 0x2265, "sub": 0x2282, "sup": 0x2283,
            "nsub": 0x2284, "sube": 0x2286, "supe": 0x2287, "oplus": 0x2295, "otimes": 0x2297,
            "perp": 0x22A5, "sdot": 0x22C5, "lceil": 0x2308, "rceil": 0x2309, "lfloor": 0x230A,
            "rfloor": 0x230B, "lang": 0x27E8, "rang": 0x27E9, "loz": 0x25CA, "spades": 0x2660,
            "clubs": 0x2663, "hearts": 0x2665, "diams": 0x2666, "check": 0x2713, "cross": 0x2717,
            "star": 0x2606, "starf": 0x2605,
        ]
    }

    // MARK: - Escaping

    enum Escaping {
        static func append<S: Sequence>(
            _ scalars: S,
            to output: inout String,
            dropControlCharacters: Bool
        ) where S.Element == Unicode.Scalar {
            for scalar in scalars {
                switch scalar {
                case "&": output += "&amp;"
                case "<": output += "&lt;"
                case ">": output += "&gt;"
                case "\"": output += "&quot;"
                case "'": output += "&#39;"
                default:
                    if dropControlCharacters && scalar.isHTMLDisallowedControl { continue }
                    output.unicodeScalars.append(scalar)
                }
            }
        }
    }

    // MARK: - Dropped content

    /// Tracks elements whose whole content is dropped (script, style, svg, head, …).
    /// Returns whether a token is swallowed; tokens it lets through go to the builder.
    struct DroppedContentTracker {
        private var stack: [String] = []
        private var counts: [String: Int] = [:]

        var isDropping: Bool { !stack.isEmpty }

        mutating func absorbs(_ token: Token) -> Bool {
            switch token {
            case .ignored:
                return true

            case .text(let text):
                guard !stack.isEmpty else { return false }
                // Non-whitespace text inside <head> means the document body started implicitly.
                if isOnlyInHead, text.unicodeScalars.contains(where: { !$0.isHTMLWhitespace }) {
                    pop(through: "head")
                    return false
                }
                return true

            case .startTag(let tag):
                if isOnlyInHead {
                    if tag.name == "head" || Policy.headVoidElements.contains(tag.name) {
                        return true
                    }
                    if !Policy.contentDroppingElements.contains(tag.name) {
                        // <body>, <p>, … end the head implicitly, as in a browser.
                        pop(through: "head")
                        return false
                    }
                }
                if Policy.contentDroppingElements.contains(tag.name) {
                    if Policy.voidDroppingElements.contains(tag.name) { return true }
                    if tag.selfClosing && Policy.foreignElements.contains(tag.name) { return true }
                    push(tag.name)
                    return true
                }
                return !stack.isEmpty

            case .endTag(let name):
                guard !stack.isEmpty else { return false }
                if counts[name, default: 0] > 0 {
                    pop(through: name)
                }
                return true
            }
        }

        private var isOnlyInHead: Bool {
            stack.count == 1 && stack[0] == "head"
        }

        private mutating func push(_ name: String) {
            stack.append(name)
            counts[name, default: 0] += 1
        }

        /// Pops up to and including the innermost `name`. Each element is popped once, so the total
        /// work stays linear.
        private mutating func pop(through name: String) {
            while let last = stack.popLast() {
                counts[last, default: 1] -= 1
                if last == name { return }
            }
        }
    }

    // MARK: - Sanitized HTML builder

    struct HTMLBuilder {
        private var output = String()
        private var openElements: [String] = []
        /// How many of each element are in `openElements`, so scope checks are O(1) when the
        /// element looked for is not open at all (the common case).
        private var openCounts: [String: Int] = [:]
        /// Allowed start tags dropped because of the nesting cap, so their end tags are dropped too.
        private var overflowElements: [String] = []
        private var dropped = DroppedContentTracker()

        mutating func consume(_ token: Token) {
            if dropped.absorbs(token) { return }
            switch token {
            case .text(let text):
                Escaping.append(text.unicodeScalars, to: &output, dropControlCharacters: true)
            case .startTag(let tag):
                handleStartTag(tag)
            case .endTag(let name):
                handleEndTag(name)
            case .ignored:
                break
            }
        }

        mutating func finish() -> String {
            while !openElements.isEmpty {
                closeCurrentElement()
            }
            return output
        }

        private mutating func handleStartTag(_ tag: Tag) {
            let name = tag.name
            guard Policy.allowedElements.contains(name) else {
                return  // Unknown element: tag dropped, its text content is kept.
            }
            guard let attributes = AttributeSanitizer.attributes(for: name, from: tag.attributes) else {
                return  // E.g. an <img> without a safe src.
            }
            closeImpliedElements(before: name)
            let isVoid = Policy.voidElements.contains(name)
            if !isVoid && openElements.count >= Policy.maximumNestingDepth {
                overflowElements.append(name)
                return
            }
            output += "<"
            output += name
            for attribute in attributes {
                output += " "
                output += attribute.name
                output += "=\""
                Escaping.append(attribute.value.unicodeScalars, to: &output, dropControlCharacters: true)
                output += "\""
            }
            output += ">"
            if !isVoid {
                openElements.append(name)
                openCounts[name, default: 0] += 1
            }
        }

        private mutating func handleEndTag(_ name: String) {
            if name == "br" {
                output += "<br>"  // Browsers treat </br> as <br>.
                return
            }
            guard Policy.allowedElements.contains(name), !Policy.voidElements.contains(name) else {
                return
            }
            if overflowElements.last == name {
                overflowElements.removeLast()
                return
            }
            guard openCounts[name, default: 0] > 0, let index = openElements.lastIndex(of: name) else {
                return  // Stray end tag.
            }
            while openElements.count > index {
                closeCurrentElement()
            }
        }

        private mutating func closeCurrentElement() {
            guard let name = openElements.popLast() else { return }
            openCounts[name, default: 1] -= 1
            output += "</"
            output += name
            output += ">"
        }

        /// A light version of the HTML tree builder's implied end tags, so that e.g. `<p>a<p>b`
        /// becomes `<p>a</p><p>b</p>` and our output parses back into the structure we emitted.
        private mutating func closeImpliedElements(before name: String) {
            if Policy.paragraphClosingElements.contains(name) {
                closeInScope(["p"], boundaries: Policy.tableScopeBoundaries)
            }
            switch name {
            case "li":
                closeInScope(["li"], boundaries: ["ul", "ol", "table", "td", "th"])
            case "h1", "h2", "h3", "h4", "h5", "h6":
                if let current = openElements.last, Policy.headingElements.contains(current) {
                    closeCurrentElement()
                }
            case "a":
                closeInScope(["a"], boundaries: Policy.tableScopeBoundaries)
            case "td", "th":
                closeInScope(["td", "th"], boundaries: ["table"])
            case "tr":
                closeInScope(["tr"], boundaries: ["table"])
            case "thead", "tbody":
                closeInScope(["thead", "tbody"], boundaries: ["table"])
            default:
                break
            }
        }

        private mutating func closeInScope(_ targets: Set<String>, boundaries: Set<String>) {
            guard targets.contains(where: { openCounts[$0, default: 0] > 0 }) else { return }
            for index in openElements.indices.reversed() {
                let element = openElements[index]
                if targets.contains(element) {
                    while openElements.count > index {
                        closeCurrentElement()
                    }
                    return
                }
                if boundaries.contains(element) { return }
            }
        }
    }

    // MARK: - Attributes and URLs

    enum AttributeSanitizer {
        /// The safe attributes to emit for an allowed element, or nil if the element must be dropped.
        static func attributes(for element: String, from attributes: [Attribute]) -> [Attribute]? {
            let allowed = Policy.allowedAttributes(for: element)
            var seen = Set<String>()
            var result: [Attribute] = []
            for attribute in attributes {
                // The first occurrence of an attribute wins, as in browsers.
                guard seen.insert(attribute.name).inserted, allowed.contains(attribute.name) else { continue }
                if let value = sanitizedValue(attribute.value, name: attribute.name, element: element) {
                    result.append(Attribute(name: attribute.name, value: value))
                }
            }
            switch element {
            case "a":
                if result.contains(where: { $0.name == "href" }) {
                    result.append(Attribute(name: "rel", value: "nofollow noopener"))
                    result.append(Attribute(name: "target", value: "_blank"))
                }
            case "img":
                guard result.contains(where: { $0.name == "src" }) else { return nil }
            default:
                break
            }
            return result
        }

        private static func sanitizedValue(_ value: String, name: String, element: String) -> String? {
            switch name {
            case "href":
                return URLSanitizer.sanitize(value, context: .link)
            case "src":
                return URLSanitizer.sanitize(value, context: .imageSource)
            case "width", "height":
                return nonNegativeInteger(value, allowPixelSuffix: true, range: 0...10_000)
            case "colspan":
                return nonNegativeInteger(value, allowPixelSuffix: false, range: 1...1_000)
            case "rowspan":
                return nonNegativeInteger(value, allowPixelSuffix: false, range: 0...65_534)
            case "title", "alt":
                return value
            default:
                return nil
            }
        }

        private static func nonNegativeInteger(_ value: String, allowPixelSuffix: Bool, range: ClosedRange<Int>) -> String? {
            var text = Substring(value.trimmingCharacters(in: .whitespacesAndNewlines))
            if allowPixelSuffix, text.lowercased().hasSuffix("px") {
                text = text.dropLast(2)
            }
            guard !text.isEmpty, text.count <= 6, text.unicodeScalars.allSatisfy({ $0.isHTMLASCIIDigit }),
                  let number = Int(text), range.contains(number) else {
                return nil
            }
            return String(number)
        }
    }

    enum URLSanitizer {
        enum Context {
            /// `a[href]`: http, https, mailto and relative URLs.
            case link
            /// `img[src]`: http, https, cid, relative URLs and base64 PNG/GIF/JPEG/WebP data URLs.
            case imageSource
        }

        private static let linkSchemes: Set<String> = ["http", "https", "mailto"]
        private static let imageSchemes: Set<String> = ["http", "https", "cid"]
        private static let dataImagePrefixes = [
            "data:image/png;base64,", "data:image/gif;base64,",
            "data:image/jpeg;base64,", "data:image/jpg;base64,", "data:image/webp;base64,",
        ]

        /// Returns the URL to emit, or nil when it is not allowed.
        /// `value` has already been entity-decoded by the tokenizer.
        static func sanitize(_ value: String, context: Context) -> String? {
            // What a browser does: strip leading/trailing C0 controls and spaces and remove tabs and
            // newlines anywhere. We remove every control character and trim ASCII spaces.
            var cleaned = String.UnicodeScalarView()
            for scalar in value.unicodeScalars where !scalar.isHTMLControlCharacter {
                cleaned.append(scalar)
            }
            while cleaned.first == " " {
                cleaned.removeFirst()
            }
            while cleaned.last == " " {
                cleaned.removeLast()
            }
            let emitted = String(cleaned)

            // For the scheme check, also ignore all whitespace and invisible characters, so that
            // `java script:` or `java\u{200B}script:` are judged as `javascript:`.
            var compactScalars = String.UnicodeScalarView()
            for scalar in cleaned where !scalar.properties.isWhitespace && !scalar.properties.isDefaultIgnorableCodePoint {
                compactScalars.append(scalar)
            }
            let compact = String(compactScalars)
            guard !compact.isEmpty else { return nil }

            guard let scheme = scheme(of: compact) else {
                return emitted  // Relative URL (path, query, fragment or protocol-relative).
            }
            switch context {
            case .link:
                return linkSchemes.contains(scheme) ? emitted : nil
            case .imageSource:
                if imageSchemes.contains(scheme) { return emitted }
                if scheme == "data" { return safeDataImage(compact) }
                return nil
            }
        }

        /// The lowercased text before the first `:`, if that colon comes before any `/`, `?` or `#`.
        /// Any such prefix is treated as a scheme, even if it contains characters a URL parser would
        /// not accept in a scheme: unknown schemes are rejected.
        private static func scheme(of url: String) -> String? {
            var scheme = String.UnicodeScalarView()
            for scalar in url.unicodeScalars {
                switch scalar {
                case ":": return String(scheme)
                case "/", "?", "#", "\\": return nil
                default: scheme.append(scalar.htmlASCIILowercased)
                }
            }
            return nil
        }

        private static func safeDataImage(_ url: String) -> String? {
            let lowercased = url.lowercased()
            guard let prefix = dataImagePrefixes.first(where: { lowercased.hasPrefix($0) }) else { return nil }
            let payload = url.unicodeScalars.dropFirst(prefix.unicodeScalars.count)
            guard !payload.isEmpty, payload.allSatisfy({ $0.isHTMLBase64Character }) else { return nil }
            return prefix + String(String.UnicodeScalarView(payload))
        }
    }

    // MARK: - Plain text builder

    struct PlainTextBuilder {
        /// Elements that separate blocks of text with a blank line.
        private static let paragraphElements: Set<String> = [
            "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "hr",
        ]
        /// Elements that start a new line.
        private static let lineElements: Set<String> = [
            "div", "li", "ul", "ol", "tr", "dl", "dt", "dd", "address", "article", "aside", "center",
            "details", "summary", "figure", "figcaption", "footer", "header", "main", "nav", "section",
            "thead", "tbody", "tfoot", "caption", "form", "fieldset", "legend",
        ]

        private var output = String()
        private var hasContent = false
        private var pendingSpace = false
        private var pendingBreaks = 0
        private var preformattedDepth = 0
        private var skipNextNewline = false
        private var dropped = DroppedContentTracker()

        mutating func consume(_ token: Token) {
            if dropped.absorbs(token) { return }
            switch token {
            case .text(let text):
                appendText(text)
            case .startTag(let tag):
                if tag.name == "br" {
                    if hasContent { pendingBreaks = min(pendingBreaks + 1, 2) }
                } else if tag.name == "pre" {
                    preformattedDepth += 1
                    skipNextNewline = true
                    requestBreaks(2)
                } else {
                    blockBoundary(tag.name)
                    if tag.name == "td" || tag.name == "th", hasContent, pendingBreaks == 0 {
                        pendingSpace = true
                    }
                }
            case .endTag(let name):
                if name == "br" {
                    if hasContent { pendingBreaks = min(pendingBreaks + 1, 2) }
                } else if name == "pre" {
                    preformattedDepth = max(preformattedDepth - 1, 0)
                    requestBreaks(2)
                } else {
                    blockBoundary(name)
                }
            case .ignored:
                break
            }
        }

        mutating func finish() -> String {
            output
        }

        private mutating func blockBoundary(_ name: String) {
            if Self.paragraphElements.contains(name) {
                requestBreaks(2)
            } else if Self.lineElements.contains(name) {
                requestBreaks(1)
            }
        }

        private mutating func requestBreaks(_ count: Int) {
            if hasContent {
                pendingBreaks = max(pendingBreaks, count)
            }
        }

        private mutating func appendText(_ text: String) {
            for scalar in text.unicodeScalars {
                if preformattedDepth > 0 {
                    if scalar == "\n" {
                        if skipNextNewline {
                            skipNextNewline = false
                            continue
                        }
                        if hasContent { pendingBreaks = min(pendingBreaks + 1, 2) }
                        continue
                    }
                    skipNextNewline = false
                    if scalar.isHTMLDisallowedControl { continue }
                    appendVisible(scalar)
                } else {
                    if scalar.isHTMLWhitespace || scalar == "\u{A0}" {
                        if hasContent { pendingSpace = true }
                        continue
                    }
                    if scalar.isHTMLDisallowedControl { continue }
                    appendVisible(scalar)
                }
            }
        }

        private mutating func appendVisible(_ scalar: Unicode.Scalar) {
            if pendingBreaks > 0 {
                output += pendingBreaks >= 2 ? "\n\n" : "\n"
            } else if pendingSpace {
                output += " "
            }
            pendingBreaks = 0
            pendingSpace = false
            output.unicodeScalars.append(scalar)
            hasContent = true
        }
    }
}

// MARK: - Scalar helpers

extension Unicode.Scalar {
    fileprivate var isHTMLASCIILetter: Bool {
        (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
    }

    fileprivate var isHTMLASCIIDigit: Bool {
        (0x30...0x39).contains(value)
    }

    fileprivate var isHTMLASCIIAlphanumeric: Bool {
        isHTMLASCIILetter || isHTMLASCIIDigit
    }

    /// HTML's ASCII whitespace: tab, LF, FF, CR, space.
    fileprivate var isHTMLWhitespace: Bool {
        value == 0x09 || value == 0x0A || value == 0x0C || value == 0x0D || value == 0x20
    }

    /// C0 controls (including tab and newlines) and DEL.
    fileprivate var isHTMLControlCharacter: Bool {
        value < 0x20 || value == 0x7F
    }

    /// Control characters that never belong in output text (tab, LF and CR are kept).
    fileprivate var isHTMLDisallowedControl: Bool {
        (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D) || (0x7F...0x9F).contains(value)
    }

    fileprivate var isHTMLBase64Character: Bool {
        isHTMLASCIIAlphanumeric || self == "+" || self == "/" || self == "="
    }

    fileprivate var htmlASCIILowercased: Unicode.Scalar {
        guard (0x41...0x5A).contains(value), let lower = Unicode.Scalar(value + 0x20) else { return self }
        return lower
    }

    /// Lowercased character for tag and attribute names; NUL becomes U+FFFD like in browsers.
    fileprivate var htmlNameLowercased: Unicode.Scalar {
        value == 0 ? "\u{FFFD}" : htmlASCIILowercased
    }

    fileprivate func htmlDigitValue(radix: UInt32) -> UInt32? {
        switch value {
        case 0x30...0x39: return value - 0x30
        case 0x41...0x46 where radix == 16: return value - 0x41 + 10
        case 0x61...0x66 where radix == 16: return value - 0x61 + 10
        default: return nil
        }
    }
}
