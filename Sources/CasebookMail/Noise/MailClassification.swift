/// What kind of automatic mail a message is, with the evidence.
public struct MailClassification: Sendable, Equatable {
    /// Sent by a program rather than a person: out-of-office and other auto-replies, auto-generated notices,
    /// read receipts, senders asking not to be auto-answered.
    public var isAutoReply: Bool
    /// A delivery failure report (DSN, MAILER-DAEMON, …).
    public var isBounce: Bool
    /// Mailing-list, bulk or junk mail.
    public var isBulk: Bool
    /// Short human-readable evidence, one per rule that fired: "Auto-Submitted: auto-replied", "List-Id: <…>".
    public var reasons: [String]

    public init(isAutoReply: Bool = false, isBounce: Bool = false, isBulk: Bool = false, reasons: [String] = []) {
        self.isAutoReply = isAutoReply
        self.isBounce = isBounce
        self.isBulk = isBulk
        self.reasons = reasons
    }

    /// Never answer these automatically (no acknowledgments, no notifications triggered by them): that is how
    /// mail loops start (RFC 3834).
    public var suppressesNotifications: Bool { isAutoReply || isBounce || isBulk }

    /// Nothing automatic found.
    public var isClean: Bool { !suppressesNotifications }
}
