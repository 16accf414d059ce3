extension MailComposer {
    /// Writes one header field, folding (CRLF + space) between tokens so lines stay within 78 octets where the
    /// tokens allow it. Text that needs it goes out as RFC 2047 encoded words sized to the room left on the line.
    struct HeaderFieldWriter {
        static let foldAt = 78
        /// RFC 2047 §2: an encoded word is at most 75 characters.
        static let maxEncodedWord = 75

        private(set) var bytes: [UInt8]
        private var column: Int
        /// Whether the current line holds a token after the field name, so folding before the next one helps.
        private var lineHasToken = false

        init(name: String) {
            bytes = Array(name.utf8)
            bytes.append(UInt8(ascii: ":"))
            column = bytes.count
        }

        /// The field with its terminating CRLF.
        func finished() -> [UInt8] {
            var out = bytes
            if !lineHasToken && out.last == UInt8(ascii: ":") { out.append(0x20) }
            out.append(13)
            out.append(10)
            return out
        }

        /// One unbreakable token, after a space (or a fold when it would pass the limit).
        mutating func token(_ token: some Collection<UInt8>) {
            separate(before: token.count)
            bytes.append(contentsOf: token)
            column += token.count
            lineHasToken = true
        }

        mutating func token(_ token: String) { self.token(Array(token.utf8)) }

        private mutating func separate(before width: Int) {
            if lineHasToken && column + 1 + width > Self.foldAt {
                bytes.append(13)
                bytes.append(10)
                column = 0
            }
            bytes.append(0x20)
            column += 1
        }

        /// `text` as a run of encoded words (UTF-8; B or Q, whichever is shorter). Whitespace between adjacent
        /// encoded words is dropped by decoders, so the run's own spaces are encoded inside the words. Words break
        /// only between characters (or, for a character too long for one word, between scalars), never inside a
        /// UTF-8 sequence.
        ///
        /// With `whole`, text that fits one encoded word is written as one (on a new line if need be): decoders
        /// that mishandle whitespace between encoded words in a phrase (Python's `email` adds a space) then read
        /// display names right.
        mutating func encodedWords(_ text: Substring, whole: Bool = false) {
            let units = EncodedWordUnits(text)
            let useQ = units.qLength <= units.bLength
            let prefix: [UInt8] = Array((useQ ? "=?utf-8?Q?" : "=?utf-8?B?").utf8)
            let overhead = prefix.count + 2
            if whole && overhead + min(units.qLength, units.bLength) <= Self.maxEncodedWord {
                var word = prefix
                if useQ {
                    for unit in units.units { for byte in unit { Self.appendQ(byte, to: &word) } }
                } else {
                    Base64Lines.encodeUnbroken(units.units.joined(), into: &word)
                }
                word += [UInt8(ascii: "?"), UInt8(ascii: "=")]
                token(word)
                return
            }
            var unitIndex = 0
            while unitIndex < units.units.count {
                // Room on this line, or a fresh continuation line when that is too little to be useful.
                var room = min(Self.maxEncodedWord, Self.foldAt - column - 1)
                if lineHasToken && room < overhead + 12 { room = min(Self.maxEncodedWord, Self.foldAt - 1) }
                room = max(room, overhead + (useQ ? 12 : 4))
                let capacity = room - overhead
                var payload: [UInt8] = []
                if useQ {
                    while unitIndex < units.units.count {
                        let unit = units.units[unitIndex]
                        let cost = unit.reduce(0) { $0 + (Self.qLiteral($1) ? 1 : 3) }
                        if payload.count + cost > capacity && !payload.isEmpty { break }
                        for byte in unit { Self.appendQ(byte, to: &payload) }
                        unitIndex += 1
                    }
                } else {
                    var chunk: [UInt8] = []
                    let maxBytes = capacity / 4 * 3
                    while unitIndex < units.units.count {
                        let unit = units.units[unitIndex]
                        if chunk.count + unit.count > maxBytes && !chunk.isEmpty { break }
                        chunk.append(contentsOf: unit)
                        unitIndex += 1
                    }
                    Base64Lines.encodeUnbroken(chunk, into: &payload)
                }
                token(prefix + payload + [UInt8(ascii: "?"), UInt8(ascii: "=")])
            }
        }

        /// Characters written literally in Q encoding: the set RFC 2047 §5(3) allows even inside a phrase.
        static func qLiteral(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "!"), UInt8(ascii: "*"), UInt8(ascii: "+"),
                 UInt8(ascii: "-"), UInt8(ascii: "/"), 0x20:
                return true
            default:
                return false
            }
        }

        private static let hex = Array("0123456789ABCDEF".utf8)

        static func appendQ(_ byte: UInt8, to out: inout [UInt8]) {
            if byte == 0x20 {
                out.append(UInt8(ascii: "_"))
            } else if qLiteral(byte) {
                out.append(byte)
            } else {
                out.append(UInt8(ascii: "="))
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0x0F)])
            }
        }
    }

    /// Text cut into the pieces an encoded word may not split: characters, or scalars of an oversized character.
    struct EncodedWordUnits {
        var units: [[UInt8]] = []
        var qLength = 0
        var byteCount = 0
        var bLength: Int { (byteCount + 2) / 3 * 4 }

        init(_ text: Substring) {
            for character in text {
                let utf8 = Array(character.utf8)
                if utf8.count <= 16 {
                    units.append(utf8)
                } else {
                    for scalar in character.unicodeScalars { units.append(Array(String(scalar).utf8)) }
                }
                byteCount += utf8.count
                qLength += utf8.reduce(0) { $0 + (HeaderFieldWriter.qLiteral($1) ? 1 : 3) }
            }
        }
    }
}
