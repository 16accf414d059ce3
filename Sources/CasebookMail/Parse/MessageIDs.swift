/// Message-ID lists: `Message-ID`, `In-Reply-To`, `References`.
public enum MessageIDs {
    /// The ids in `value`, without angle brackets, in order. Each `<…>` is one id (whitespace inside it — left
    /// by folding — removed, empty ones skipped); anything outside brackets (`Your message of …`, comments) is
    /// ignored. A value with no `<` at all is taken as whitespace- or comma-separated bare ids, comments removed.
    public static func parse(_ value: String) -> [String] {
        var ids: [String] = []
        let bytes = Array(value.utf8)
        let n = bytes.count
        guard bytes.contains(UInt8(ascii: "<")) else {
            var out: [String] = []
            var current: [UInt8] = []
            var depth = 0
            func flush() {
                if !current.isEmpty {
                    out.append(HeaderText.decode(current))
                    current.removeAll()
                }
            }
            for c in bytes {
                if c == UInt8(ascii: "(") { depth += 1; flush(); continue }
                if c == UInt8(ascii: ")"), depth > 0 { depth -= 1; continue }
                if depth > 0 { continue }
                if c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0A || c == UInt8(ascii: ",") || c == UInt8(ascii: ">") {
                    flush()
                } else {
                    current.append(c)
                }
            }
            flush()
            return out
        }
        var i = 0
        while i < n {
            guard bytes[i] == UInt8(ascii: "<") else {
                i += 1
                continue
            }
            var j = i + 1
            var id: [UInt8] = []
            while j < n, bytes[j] != UInt8(ascii: ">"), bytes[j] != UInt8(ascii: "<") {
                let c = bytes[j]
                if c != 0x20, c != 0x09, c != 0x0D, c != 0x0A { id.append(c) }
                j += 1
            }
            if j < n, bytes[j] == UInt8(ascii: ">") {
                if !id.isEmpty { ids.append(HeaderText.decode(id)) }
                i = j + 1
            } else if j >= n {
                if !id.isEmpty { ids.append(HeaderText.decode(id)) } // unterminated at the end
                i = j
            } else {
                i = j // another '<' before '>': restart there
            }
        }
        return ids
    }
}
