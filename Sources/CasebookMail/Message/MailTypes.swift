import Foundation

/// One mailbox: `"Rex Harmon" <rex@example.com>` → name "Rex Harmon", address "rex@example.com".
public struct MailAddress: Sendable, Equatable, Hashable, CustomStringConvertible {
    public var name: String?
    public var address: String

    public init(name: String? = nil, address: String) {
        self.name = name
        self.address = address
    }

    /// The address lowercased, for comparisons (local parts are case-sensitive in theory, never in practice).
    public var normalized: String { address.lowercased() }
    public var description: String { name.map { "\"\($0)\" <\(address)>" } ?? "<\(address)>" }
}

/// Header fields in the order they appeared. Names compare case-insensitively; values are unfolded but not
/// decoded (RFC 2047 decoding is the parser's business, per field).
public struct MailHeaders: Sendable, Equatable {
    public struct Field: Sendable, Equatable {
        public var name: String
        public var value: String
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    public var fields: [Field]

    public init(_ fields: [Field] = []) { self.fields = fields }

    /// The first field with this name (case-insensitive), unfolded, raw.
    public subscript(_ name: String) -> String? {
        fields.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// Every field with this name, in order.
    public func all(_ name: String) -> [String] {
        fields.filter { $0.name.caseInsensitiveCompare(name) == .orderedSame }.map(\.value)
    }
}

/// A file carried by a message: an attachment, an inline image (`Content-ID`), or an attached message.
public struct MailAttachment: Sendable, Equatable {
    public var filename: String
    /// `type/subtype`, lowercased, without parameters.
    public var contentType: String
    public var data: [UInt8]
    /// The `Content-ID` without angle brackets, for `cid:` references from the HTML body.
    public var contentID: String?
    /// `Content-Disposition: inline` (or an unnamed part referenced by Content-ID).
    public var isInline: Bool

    public init(filename: String, contentType: String, data: [UInt8], contentID: String? = nil, isInline: Bool = false) {
        self.filename = filename
        self.contentType = contentType
        self.data = data
        self.contentID = contentID
        self.isInline = isInline
    }
}

/// What Casebook needs from an incoming message, decoded.
public struct ParsedMessage: Sendable, Equatable {
    public var headers: MailHeaders
    public var from: [MailAddress]
    public var to: [MailAddress]
    public var cc: [MailAddress]
    public var replyTo: [MailAddress]
    /// Decoded (RFC 2047), unfolded.
    public var subject: String
    public var date: Date?
    /// Without angle brackets.
    public var messageID: String?
    /// Message-IDs without angle brackets, in header order.
    public var inReplyTo: [String]
    public var references: [String]
    /// The text/plain body (decoded to a String); nil when the message has none.
    public var textBody: String?
    /// The text/html body (decoded to a String, not sanitized); nil when the message has none.
    public var htmlBody: String?
    public var attachments: [MailAttachment]
    /// `type/subtype` of the top-level part, lowercased.
    public var contentType: String
    /// Things that went wrong but did not stop the parse ("unknown charset x-foo: decoded as Latin-1"), for the
    /// record kept with the message.
    public var warnings: [String]

    public init(headers: MailHeaders = MailHeaders(), from: [MailAddress] = [], to: [MailAddress] = [],
                cc: [MailAddress] = [], replyTo: [MailAddress] = [], subject: String = "", date: Date? = nil,
                messageID: String? = nil, inReplyTo: [String] = [], references: [String] = [],
                textBody: String? = nil, htmlBody: String? = nil, attachments: [MailAttachment] = [],
                contentType: String = "text/plain", warnings: [String] = []) {
        self.headers = headers
        self.from = from
        self.to = to
        self.cc = cc
        self.replyTo = replyTo
        self.subject = subject
        self.date = date
        self.messageID = messageID
        self.inReplyTo = inReplyTo
        self.references = references
        self.textBody = textBody
        self.htmlBody = htmlBody
        self.attachments = attachments
        self.contentType = contentType
        self.warnings = warnings
    }
}
