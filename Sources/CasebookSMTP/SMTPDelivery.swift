/// What the server accepted.
public struct SMTPDelivery: Sendable, Equatable {
    /// Recipients the server accepted (2xx to RCPT TO), as given to `send`.
    public var accepted: [String]
    /// Recipients refused at RCPT TO. The message went to `accepted` only; these did not get it.
    public var rejected: [SMTPRecipientRejection]
    /// The server's reply to the end of the data, e.g. `250 2.0.0 Ok: queued as 4F2A1`.
    public var serverReply: String

    public init(accepted: [String], rejected: [SMTPRecipientRejection], serverReply: String) {
        self.accepted = accepted
        self.rejected = rejected
        self.serverReply = serverReply
    }
}

/// One recipient the server refused.
public struct SMTPRecipientRejection: Sendable, Equatable, CustomStringConvertible {
    /// As given to `send`.
    public var recipient: String
    /// The reply code; 4xx means "try this recipient again later", 5xx means never.
    public var code: Int
    /// The reply text (without the code).
    public var message: String

    public init(recipient: String, code: Int, message: String) {
        self.recipient = recipient
        self.code = code
        self.message = message
    }

    /// 5xx: do not retry this recipient.
    public var isPermanent: Bool { code >= 500 }

    /// `RCPT TO <x@y>: 550 5.1.1 no such user`
    public var description: String { "RCPT TO <\(SMTPEnvelope.bareAddress(recipient))>: \(code) \(message)" }
}

/// One message of `SMTPClient.send(batch:)`: envelope and data, as for `send(from:to:message:)`.
public struct SMTPOutgoingMessage: Sendable, Equatable {
    public var from: String
    public var recipients: [String]
    /// A complete RFC 5322 message (CRLF line ends; bare LF is normalized).
    public var message: [UInt8]

    public init(from: String, recipients: [String], message: [UInt8]) {
        self.from = from
        self.recipients = recipients
        self.message = message
    }
}
