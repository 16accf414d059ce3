/// Bounds on what `MIMEParser.parse` accepts. A message over any of them is refused with a `MailParseError`
/// (it goes to quarantine) rather than parsed partially: these are the shapes of mail bombs, not of mail.
public struct MailLimits: Sendable, Equatable {
    /// The whole raw message, in bytes.
    public var maxBytes: Int
    /// How deeply multiparts may nest (the top-level message is depth 0, each multipart level adds one).
    public var maxDepth: Int
    /// How many MIME parts (the top-level message and every part inside it, containers included) at most.
    public var maxParts: Int
    /// One header block (of the message, or of any part), in bytes.
    public var maxHeaderBytes: Int
    /// How many header fields one header block may have.
    public var maxHeaderFields: Int

    public init(maxBytes: Int = 40 << 20, maxDepth: Int = 20, maxParts: Int = 500,
                maxHeaderBytes: Int = 1 << 20, maxHeaderFields: Int = 2_000) {
        self.maxBytes = maxBytes
        self.maxDepth = maxDepth
        self.maxParts = maxParts
        self.maxHeaderBytes = maxHeaderBytes
        self.maxHeaderFields = maxHeaderFields
    }

    /// 40 MiB, depth 20, 500 parts, 1 MiB of headers per block, 2,000 fields per block.
    public static let `default` = MailLimits()
}

/// Why a message could not be parsed at all. `description` is a sentence for an administrator looking at the
/// quarantine list.
public enum MailParseError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The raw message is `bytes` long; the limit is `limit`.
    case tooLarge(bytes: Int, limit: Int)
    /// Multiparts nest deeper than `limit` levels.
    case tooDeep(limit: Int)
    /// The message has more than `limit` MIME parts.
    case tooManyParts(limit: Int)
    /// A header block is longer than `limit` bytes (`bytes` is how much was seen before giving up, at least
    /// `limit + 1`).
    case headerTooLarge(bytes: Int, limit: Int)
    /// A header block has more than `limit` fields.
    case tooManyHeaderFields(limit: Int)
    /// The input is not an email message at all (empty, or binary data without any header).
    case notAMessage(reason: String)

    public var description: String {
        switch self {
        case let .tooLarge(bytes, limit):
            var shown = Self.size(bytes)
            if shown == Self.size(limit) { shown = Self.size(bytes, roundingUp: true) }
            if shown == Self.size(limit) { shown = "\(bytes) bytes" }
            return "Message is \(shown); the limit is \(Self.size(limit))."
        case let .tooDeep(limit):
            return "Message nests MIME multiparts more than \(limit) levels deep; the limit is \(limit)."
        case let .tooManyParts(limit):
            return "Message has more than \(limit) MIME parts; the limit is \(limit)."
        case let .headerTooLarge(_, limit):
            return "A header block of the message is larger than the limit of \(Self.size(limit))."
        case let .tooManyHeaderFields(limit):
            return "A header block of the message has more than \(limit) fields; the limit is \(limit)."
        case let .notAMessage(reason):
            return "Not an email message: \(reason)."
        }
    }

    /// "52 MB", "1 MB", "300 KB", "12 bytes" (binary units, written the way people read them).
    static func size(_ bytes: Int, roundingUp: Bool = false) -> String {
        let mib = 1 << 20, kib = 1 << 10
        func scaled(_ unit: Int) -> Int {
            roundingUp ? (bytes + unit - 1) / unit : (bytes + unit / 2) / unit
        }
        if bytes >= mib { return "\(scaled(mib)) MB" }
        if bytes >= kib { return "\(scaled(kib)) KB" }
        return bytes == 1 ? "1 byte" : "\(bytes) bytes"
    }
}
