/// The envelope addresses of one transaction, checked before anything is sent.
struct SMTPEnvelope: Sendable, Equatable {
    /// The reverse path without angle brackets; "" is the null sender `<>` (for bounces).
    var sender: String
    /// Recipients as given, with their bare address, in order, duplicates removed.
    var recipients: [(given: String, address: String)]
    /// Recipients that cannot be put on the wire (CR, LF, spaces, brackets...).
    var invalidRecipients: [SMTPRecipientRejection]

    static func == (lhs: SMTPEnvelope, rhs: SMTPEnvelope) -> Bool {
        lhs.sender == rhs.sender && lhs.recipients.map(\.address) == rhs.recipients.map(\.address)
            && lhs.invalidRecipients == rhs.invalidRecipients
    }

    init(from: String, to: [String]) throws(SMTPError) {
        let sender = Self.bareAddress(from)
        if let problem = Self.problem(with: sender, allowEmpty: true) {
            throw .permanent(code: 501, message: "MAIL FROM <\(sender.sanitizedForMessage)>: \(problem) (client-side check, nothing sent)")
        }
        self.sender = sender
        var seen: Set<String> = []
        var recipients: [(given: String, address: String)] = []
        var invalid: [SMTPRecipientRejection] = []
        for given in to {
            let address = Self.bareAddress(given)
            if let problem = Self.problem(with: address, allowEmpty: false) {
                invalid.append(.init(recipient: given, code: 501, message: "\(problem) (client-side check, not sent)"))
                continue
            }
            guard seen.insert(address.lowercased()).inserted else { continue }
            recipients.append((given, address))
        }
        self.recipients = recipients
        self.invalidRecipients = invalid
        if recipients.isEmpty {
            if invalid.isEmpty {
                throw .permanent(code: 501, message: "RCPT TO: no recipients given (client-side check, nothing sent)")
            }
            throw .permanent(code: 501, message: "RCPT TO: no valid recipient: " + invalid.map(\.description).joined(separator: "; "))
        }
    }

    /// `"Name" <a@b>` or `<a@b>` or ` a@b ` → `a@b`.
    static func bareAddress(_ text: String) -> String {
        let trimmed = text.trimmingWhitespace()
        if trimmed.hasSuffix(">"), let open = trimmed.lastIndex(of: "<") {
            return String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
                .trimmingWhitespace()
        }
        return trimmed
    }

    /// Why this address cannot go into MAIL FROM / RCPT TO, or nil when it can.
    static func problem(with address: String, allowEmpty: Bool) -> String? {
        if address.isEmpty { return allowEmpty ? nil : "empty address" }
        if address.utf8.count > 320 { return "address longer than 320 bytes" }
        for byte in address.utf8 where byte < 0x21 || byte == 0x7F || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") {
            return byte == 13 || byte == 10 ? "address contains a line break" : "address contains a space, control character or angle bracket"
        }
        guard let at = address.lastIndex(of: "@"), at != address.startIndex, address.index(after: at) != address.endIndex
        else { return "not of the form local@domain" }
        return nil
    }

    /// True when an address needs SMTPUTF8 (RFC 6531).
    var needsSMTPUTF8: Bool {
        sender.utf8.contains { $0 >= 0x80 } || recipients.contains { $0.address.utf8.contains { $0 >= 0x80 } }
    }
}

extension String {
    /// For quoting untrusted text in an error message: control characters shown as `?`.
    var sanitizedForMessage: String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "?" : $0 }))
    }
}
