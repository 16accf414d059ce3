extension ThreadingKeys {
    /// The reply address for one ticket: `support@example.com` → `support+123@example.com`. This is the one
    /// canonical form (`+` and the decimal ticket number, nothing else); `plusAddressTicketID` reads only it.
    public static func plusAddress(_ support: String, ticketID: Int) -> String {
        guard let at = support.lastIndex(of: "@") else { return "\(support)+\(ticketID)" }
        return "\(support[..<at])+\(ticketID)\(support[at...])"
    }

    /// The ticket number of `address` when it is `plusAddress(s, ticketID:)` for one of `supportAddresses`
    /// (lowercased). The tag is what follows the last `+`, so a support address may carry a tag of its own.
    public static func ticketID(fromPlusAddress address: String, supportAddresses: Set<String>) -> Int? {
        let lowered = address.lowercased()
        guard let at = lowered.lastIndex(of: "@"), let plus = lowered[..<at].lastIndex(of: "+") else { return nil }
        let tag = lowered[lowered.index(after: plus)..<at]
        guard !tag.isEmpty, tag.utf8.count <= 15, tag.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
              let id = Int(tag), id > 0 else { return nil }
        let base = String(lowered[..<plus]) + String(lowered[at...])
        return supportAddresses.contains(base) ? id : nil
    }

    /// Envelope recipients that MTAs record: the plus address may be there only (Bcc, or an alias forwarding).
    static let deliveryHeaders: Set<String> = ["delivered-to", "x-original-to", "envelope-to", "x-envelope-to",
                                               "x-delivered-to", "x-rcpt-to"]

    static func plusAddressTicketID(_ message: ParsedMessage, supportAddresses: [String]) -> Int? {
        guard !supportAddresses.isEmpty else { return nil }
        let support = Set(supportAddresses.map { $0.lowercased() })
        for recipient in message.to + message.cc {
            if let id = ticketID(fromPlusAddress: recipient.address, supportAddresses: support) { return id }
        }
        for field in message.headers.fields where deliveryHeaders.contains(field.name.lowercased()) {
            for candidate in field.value.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" }) {
                var address = candidate
                while address.first == "<" { address = address.dropFirst() }
                while address.last == ">" { address = address.dropLast() }
                if let id = ticketID(fromPlusAddress: String(address), supportAddresses: support) { return id }
            }
        }
        return nil
    }
}
