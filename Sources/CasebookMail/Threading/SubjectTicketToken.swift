extension ThreadingKeys {
    /// The subject token Casebook puts on ticket mail: `[#123]`. The one place the format is defined.
    public static func subjectToken(ticketID: Int) -> String { "[#\(ticketID)]" }

    /// The ticket number of the first subject token: `[#123]`, also with a short label before the `#` as other
    /// desks and older templates write it (`[Casebook #123]`, `[Support#123]`, `[ #123 ]`).
    public static func subjectTicketID(in subject: String) -> Int? {
        var found: Int?
        forEachSubjectToken(in: subject) { _, id in
            found = id
            return false
        }
        return found
    }

    /// Calls `body` with the UTF-8 range and ticket number of each token, left to right, while it returns true.
    static func forEachSubjectToken(in subject: String, _ body: (Range<Int>, Int) -> Bool) {
        let bytes = Array(subject.utf8)
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "[") else {
                index += 1
                continue
            }
            if let (end, id) = token(bytes, at: index) {
                if !body(index..<end, id) { return }
                index = end
            } else {
                index += 1
            }
        }
    }

    /// `[` label? `#` digits `]` starting at `start`; the end (after `]`) and the number.
    private static func token(_ bytes: [UInt8], at start: Int) -> (Int, Int)? {
        var index = start + 1
        // Optional label: letters, digits, space, `-_.`, at most 32 bytes.
        let labelEnd = min(bytes.count, index + 33)
        while index < labelEnd && bytes[index] != UInt8(ascii: "#") {
            switch bytes[index] {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), 0x20, UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
                index += 1
            default:
                return nil
            }
        }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "#") else { return nil }
        index += 1
        while index < bytes.count && bytes[index] == 0x20 { index += 1 }
        var value = 0
        var digits = 0
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
            value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
            digits += 1
            index += 1
            if digits > 15 { return nil }
        }
        while index < bytes.count && bytes[index] == 0x20 { index += 1 }
        guard digits > 0, value > 0, index < bytes.count, bytes[index] == UInt8(ascii: "]") else { return nil }
        return (index + 1, value)
    }
}
