extension MailComposer {
    /// The header fields the composer writes, each as CRLF-terminated bytes.
    enum HeaderFields {
        /// An unstructured field (Subject, extra headers). ASCII words stay readable; the stretch from the first to
        /// the last word that needs encoding (non-ASCII, `=?`, or too long to fold) becomes encoded words.
        static func unstructured(_ name: String, _ value: String) -> [UInt8] {
            var writer = HeaderFieldWriter(name: name)
            let clean = sanitized(value)
            guard !clean.isEmpty else { return writer.finished() }
            let words = clean.split(separator: " ", omittingEmptySubsequences: false)
            if let first = words.firstIndex(where: needsEncoding), let last = words.lastIndex(where: needsEncoding) {
                for word in words[..<first] { writer.token(Array(word.utf8)) }
                let start = words[first].startIndex, end = words[last].endIndex
                writer.encodedWords(clean[start..<end])
                for word in words[(last + 1)...] { writer.token(Array(word.utf8)) }
            } else {
                for word in words { writer.token(Array(word.utf8)) }
            }
            return writer.finished()
        }

        /// `From:`, `To:`, … ; nil when no mailbox has an address.
        static func addressList(_ name: String, _ mailboxes: [MailAddress]) -> [UInt8]? {
            let usable = mailboxes.compactMap { mailbox -> (name: String, address: String)? in
                let address = cleanAddress(mailbox.address)
                // Longer than any deliverable address, and it could not keep the field under 998 octets a line.
                guard !address.isEmpty, address.utf8.count <= 900 else { return nil }
                return (displayNameText(mailbox.name ?? ""), address)
            }
            guard !usable.isEmpty else { return nil }
            var writer = HeaderFieldWriter(name: name)
            for (index, mailbox) in usable.enumerated() {
                let comma = index < usable.count - 1 ? "," : ""
                if mailbox.name.isEmpty {
                    writer.token(mailbox.address + comma)
                    continue
                }
                displayName(mailbox.name, into: &writer)
                writer.token("<" + mailbox.address + ">" + comma)
            }
            return writer.finished()
        }

        /// A display name: atoms as they are, other ASCII as a quoted string (foldable at its spaces), anything
        /// with non-ASCII as encoded words (which cannot sit inside quotes).
        static func displayName(_ name: String, into writer: inout HeaderFieldWriter) {
            let words = name.split(separator: " ", omittingEmptySubsequences: false)
            if words.contains(where: needsEncoding) {
                writer.encodedWords(Substring(name), whole: true)
            } else if !words.contains(where: \.isEmpty) && name.utf8.allSatisfy(isAtextOrSpace) {
                for word in words { writer.token(Array(word.utf8)) }
            } else {
                for (index, word) in words.enumerated() {
                    var token: [UInt8] = index == 0 ? [UInt8(ascii: "\"")] : []
                    for byte in word.utf8 {
                        if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { token.append(UInt8(ascii: "\\")) }
                        token.append(byte)
                    }
                    if index == words.count - 1 { token.append(UInt8(ascii: "\"")) }
                    writer.token(token)
                }
            }
        }

        /// `<id> <id> …`, folded between ids.
        static func messageIDs(_ name: String, _ ids: [String]) -> [UInt8] {
            var writer = HeaderFieldWriter(name: name)
            for id in ids { writer.token("<" + id + ">") }
            return writer.finished()
        }

        /// A MIME field: a value and ready-made parameters (`charset=utf-8`), `;`-separated, folded between them.
        static func mime(_ name: String, _ value: String, _ parameters: [String] = []) -> [UInt8] {
            var writer = HeaderFieldWriter(name: name)
            writer.token(parameters.isEmpty ? value : value + ";")
            for (index, parameter) in parameters.enumerated() {
                writer.token(index < parameters.count - 1 ? parameter + ";" : parameter)
            }
            return writer.finished()
        }

        // MARK: - Cleaning

        /// Header text on one line: CR, LF and TAB become spaces (no header injection), other controls go, and
        /// surrounding whitespace is trimmed.
        static func sanitized(_ value: String) -> String {
            var needsWork = false
            for scalar in value.unicodeScalars where scalar.value < 0x20 || scalar.value == 0x7F
                || scalar.value == 0x2028 || scalar.value == 0x2029 || (0x80...0x9F).contains(scalar.value) {
                needsWork = true
                break
            }
            var result = value
            if needsWork {
                var scalars = String.UnicodeScalarView()
                for scalar in value.unicodeScalars {
                    switch scalar.value {
                    case 0x09, 0x0A, 0x0D, 0x2028, 0x2029: scalars.append(" ")
                    case 0..<0x20, 0x7F, 0x80...0x9F: continue
                    default: scalars.append(scalar)
                    }
                }
                result = String(scalars)
            }
            return trimmedSpaces(result)
        }

        /// A display name as written: `sanitized`, with runs of spaces collapsed (a phrase's whitespace is not
        /// significant, and readers differ on it).
        static func displayNameText(_ name: String) -> String {
            let clean = sanitized(name)
            var previousSpace = false
            var collapsed = String.UnicodeScalarView()
            for scalar in clean.unicodeScalars {
                if scalar == " " && previousSpace { continue }
                previousSpace = scalar == " "
                collapsed.append(scalar)
            }
            return String(collapsed)
        }

        private static func trimmedSpaces(_ value: String) -> String {
            let utf8 = value.utf8
            guard utf8.first == 0x20 || utf8.last == 0x20 else { return value }
            var start = utf8.startIndex, end = utf8.endIndex
            while start < end && utf8[start] == 0x20 { start = utf8.index(after: start) }
            while end > start && utf8[utf8.index(before: end)] == 0x20 { end = utf8.index(before: end) }
            return String(value[start..<end])
        }

        /// An addr-spec without whitespace, controls or angle brackets. Non-ASCII stays as is (SMTPUTF8).
        static func cleanAddress(_ address: String) -> String {
            String(String.UnicodeScalarView(address.unicodeScalars.filter { scalar in
                !(scalar.value <= 0x20 || scalar.value == 0x7F || scalar == "<" || scalar == ">"
                  || scalar.properties.isWhitespace || (0x80...0x9F).contains(scalar.value))
            }))
        }

        /// A Message-ID / Content-ID without brackets, whitespace or controls; nil when nothing usable is left.
        static func cleanID(_ id: String) -> String? {
            let bytes = id.utf8.filter { $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "<") && $0 != UInt8(ascii: ">") }
            guard !bytes.isEmpty, bytes.count <= 900 else { return nil }
            return String(decoding: bytes, as: UTF8.self)
        }

        static func needsEncoding(_ word: Substring) -> Bool {
            if word.utf8.count > 900 { return true }
            var previous: UInt8 = 0
            for byte in word.utf8 {
                if byte >= 0x80 || (previous == UInt8(ascii: "=") && byte == UInt8(ascii: "?")) { return true }
                previous = byte
            }
            return false
        }

        /// RFC 5322 atext, plus space.
        static func isAtextOrSpace(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), 0x20:
                return true
            default:
                return "!#$%&'*+-/=?^_`{|}~".utf8.contains(byte)
            }
        }
    }
}
