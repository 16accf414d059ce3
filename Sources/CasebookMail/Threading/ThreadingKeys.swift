/// What an incoming message says about the ticket it belongs to, strongest first: Message-IDs it answers, a
/// `support+123@…` recipient, a `[#123]` subject token. The server looks the IDs up in its thread table and
/// checks that the ticket exists (and that the sender may write to it) before trusting the weaker hints.
public struct ThreadingKeys: Sendable, Equatable {
    /// In-Reply-To first, then References newest → oldest; without brackets, deduplicated, without the message's
    /// own Message-ID.
    public var referencedIDs: [String]
    /// From a subject token (`subjectToken(ticketID:)`).
    public var subjectTicketID: Int?
    /// From a recipient `support+123@example.com` whose base address is a support address.
    public var plusAddressTicketID: Int?

    public init(referencedIDs: [String] = [], subjectTicketID: Int? = nil, plusAddressTicketID: Int? = nil) {
        self.referencedIDs = referencedIDs
        self.subjectTicketID = subjectTicketID
        self.plusAddressTicketID = plusAddressTicketID
    }

    /// - Parameter supportAddresses: the mailboxes Casebook receives for (`support@example.com`), any case.
    public static func from(_ message: ParsedMessage, supportAddresses: [String]) -> ThreadingKeys {
        ThreadingKeys(referencedIDs: referencedIDs(message),
                      subjectTicketID: subjectTicketID(in: message.subject),
                      plusAddressTicketID: plusAddressTicketID(message, supportAddresses: supportAddresses))
    }

    static func referencedIDs(_ message: ParsedMessage) -> [String] {
        var seen: Set<String> = []
        if let own = message.messageID { seen.insert(own) }
        var ids: [String] = []
        ids.reserveCapacity(message.inReplyTo.count + message.references.count)
        for id in message.inReplyTo + message.references.reversed() {
            var clean = Substring(id)
            while let first = clean.first, first == "<" || first.isWhitespace { clean = clean.dropFirst() }
            while let last = clean.last, last == ">" || last.isWhitespace { clean = clean.dropLast() }
            guard !clean.isEmpty, seen.insert(String(clean)).inserted else { continue }
            ids.append(String(clean))
        }
        return ids
    }
}
