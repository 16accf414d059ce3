extension MailComposer {
    /// Content-Type and file name parameters for attachments.
    enum AttachmentParameters {
        private static let topLevelTypes: Set<Substring> = ["application", "audio", "font", "image", "model", "text", "video"]

        /// `type/subtype` when it is a well-formed, leaf media type; `application/octet-stream` otherwise (also for
        /// multipart/* and message/*, which may not be base64-encoded).
        static func safeContentType(_ contentType: String) -> String {
            let lowered = contentType.lowercased()
            let bare = lowered.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let parts = bare.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2 else { return "application/octet-stream" }
            let type = trimmed(parts[0]), subtype = trimmed(parts[1])
            guard topLevelTypes.contains(type), !subtype.isEmpty, subtype.utf8.count <= 127,  // RFC 6838 §4.2
                  subtype.utf8.allSatisfy(isTokenByte)
            else { return "application/octet-stream" }
            return "\(type)/\(subtype)"
        }

        /// The last path component of `filename`, without controls; "attachment" when nothing is left.
        static func cleanFilename(_ filename: String) -> String {
            var name = HeaderFields.sanitized(filename)
            if let slash = name.lastIndex(where: { $0 == "/" || $0 == "\\" }) { name = String(name[name.index(after: slash)...]) }
            name = HeaderFields.sanitized(name)
            return name.isEmpty ? "attachment" : name
        }

        /// `filename="report.pdf"` for short plain ASCII names; otherwise RFC 2231 extended, split into
        /// continuations of ≤ 78-octet lines: `filename*0*=utf-8''R%C3%A9sum%C3%A9…`.
        static func parameters(_ attribute: String, _ value: String) -> [String] {
            if value.utf8.count <= 60, value.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
                var quoted = "\""
                for character in value {
                    if character == "\"" || character == "\\" { quoted.append("\\") }
                    quoted.append(character)
                }
                return ["\(attribute)=\(quoted)\""]
            }
            // Percent-encode per character, so no continuation splits a UTF-8 sequence.
            var pieces: [String] = []
            for character in value {
                var piece = ""
                for byte in character.utf8 {
                    if isAttributeChar(byte) {
                        piece.append(Character(Unicode.Scalar(byte)))
                    } else {
                        piece.append("%")
                        piece.append(Character(Unicode.Scalar(hex[Int(byte >> 4)])))
                        piece.append(Character(Unicode.Scalar(hex[Int(byte & 0x0F)])))
                    }
                }
                pieces.append(piece)
            }
            let charsetPrefix = "utf-8''"
            let single = charsetPrefix + pieces.joined()
            if single.utf8.count + attribute.utf8.count + 4 <= 76 { return ["\(attribute)*=\(single)"] }
            var result: [String] = []
            var current = charsetPrefix
            for piece in pieces {
                let head = "\(attribute)*\(result.count)*="
                if current.utf8.count + piece.utf8.count + head.utf8.count + 2 > 76 && !current.isEmpty
                    && current != charsetPrefix {
                    result.append(head + current)
                    current = ""
                }
                current += piece
            }
            if !current.isEmpty { result.append("\(attribute)*\(result.count)*=" + current) }
            return result
        }

        private static let hex = Array("0123456789ABCDEF".utf8)

        /// RFC 2231 attribute-char: no space, controls, `*'%` or tspecials.
        private static func isAttributeChar(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"):
                return true
            default:
                return "!#$&+-.^_`|~".utf8.contains(byte)
            }
        }

        private static func trimmed(_ text: Substring) -> Substring {
            var result = text
            while result.first?.isWhitespace == true { result = result.dropFirst() }
            while result.last?.isWhitespace == true { result = result.dropLast() }
            return result
        }

        /// RFC 2045 token characters.
        private static func isTokenByte(_ byte: UInt8) -> Bool {
            guard byte > 0x20 && byte < 0x7F else { return false }
            return !"()<>@,;:\\\"/[]?=".utf8.contains(byte)
        }
    }
}
