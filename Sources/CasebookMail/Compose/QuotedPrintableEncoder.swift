extension MailComposer {
    /// Quoted-printable (RFC 2045 §6.7) for text bodies. Lines of the input (split at LF; CR is removed by the
    /// caller's normalization) become CRLF-terminated lines of at most 76 characters, with soft breaks. A `.` or
    /// `From ` at the start of a physical line is escaped so neither SMTP dot handling nor mbox `>From` quoting can
    /// alter the text.
    enum QuotedPrintable {
        private static let hex = Array("0123456789ABCDEF".utf8)

        /// `text` must use LF line ends and end with LF.
        static func encode(_ text: [UInt8], into out: inout [UInt8]) {
            out.reserveCapacity(out.count + text.count + text.count / 8 + 16)
            var lineStart = 0
            for index in text.indices where text[index] == 10 {
                encodeLine(text[lineStart..<index], into: &out)
                out.append(13)
                out.append(10)
                lineStart = index + 1
            }
            if lineStart < text.count {
                encodeLine(text[lineStart...], into: &out)
                out.append(13)
                out.append(10)
            }
        }

        private static func encodeLine(_ line: ArraySlice<UInt8>, into out: inout [UInt8]) {
            var column = 0
            var index = line.startIndex
            while index < line.endIndex {
                let byte = line[index]
                let isLast = index == line.endIndex - 1
                var escaped = mustEscape(byte, at: index, in: line, atLineStart: column == 0, isLast: isLast)
                var width = escaped ? 3 : 1
                // Leave room for the soft break `=`, except on the last character of the line.
                if column + width > (isLast ? 76 : 75) {
                    out.append(UInt8(ascii: "="))
                    out.append(13)
                    out.append(10)
                    column = 0
                    escaped = mustEscape(byte, at: index, in: line, atLineStart: true, isLast: isLast)
                    width = escaped ? 3 : 1
                }
                if escaped {
                    out.append(UInt8(ascii: "="))
                    out.append(hex[Int(byte >> 4)])
                    out.append(hex[Int(byte & 0x0F)])
                } else {
                    out.append(byte)
                }
                column += width
                index += 1
            }
        }

        private static func mustEscape(_ byte: UInt8, at index: Int, in line: ArraySlice<UInt8>, atLineStart: Bool,
                                       isLast: Bool) -> Bool {
            switch byte {
            case 0x20, 0x09:
                return isLast
            case UInt8(ascii: "="):
                return true
            case UInt8(ascii: "."):
                return atLineStart
            case UInt8(ascii: "F"):
                guard atLineStart, line.endIndex - index >= 5 else { return false }
                return line[index + 1] == UInt8(ascii: "r") && line[index + 2] == UInt8(ascii: "o")
                    && line[index + 3] == UInt8(ascii: "m") && line[index + 4] == 0x20
            case 33...126:
                return false
            default:
                return true
            }
        }
    }
}
