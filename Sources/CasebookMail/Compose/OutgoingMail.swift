import Foundation

/// A message Casebook sends: what `MailComposer.render` turns into RFC 5322 bytes.
public struct OutgoingMail: Sendable, Equatable {
    public var from: MailAddress
    public var to: [MailAddress]
    public var cc: [MailAddress]
    public var replyTo: [MailAddress]
    /// Plain text; non-ASCII is written as RFC 2047 encoded words.
    public var subject: String
    /// Without angle brackets (`MailComposer.newMessageID(domain:)`).
    public var messageID: String
    public var date: Date
    /// The Message-ID answered, without angle brackets.
    public var inReplyTo: String?
    /// The thread, oldest first, without angle brackets.
    public var references: [String]
    /// Written after the standard fields (`Auto-Submitted: auto-replied`, `X-Casebook-Ticket: 123`). Fields the
    /// composer writes itself (From, To, Subject, Content-*, …) are ignored here.
    public var extraHeaders: [MailHeaders.Field]
    public var text: String
    public var html: String?
    /// Attachments with `isInline` and a `contentID` go next to the HTML body (multipart/related) when there is
    /// one; every other file is an ordinary attachment.
    public var attachments: [MailAttachment]

    public init(from: MailAddress, to: [MailAddress], cc: [MailAddress] = [], replyTo: [MailAddress] = [],
                subject: String, messageID: String, date: Date, inReplyTo: String? = nil, references: [String] = [],
                extraHeaders: [MailHeaders.Field] = [], text: String, html: String? = nil,
                attachments: [MailAttachment] = []) {
        self.from = from
        self.to = to
        self.cc = cc
        self.replyTo = replyTo
        self.subject = subject
        self.messageID = messageID
        self.date = date
        self.inReplyTo = inReplyTo
        self.references = references
        self.extraHeaders = extraHeaders
        self.text = text
        self.html = html
        self.attachments = attachments
    }
}
