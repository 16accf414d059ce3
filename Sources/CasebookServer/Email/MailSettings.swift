import CasebookMail
import Foundation

/// How Casebook sends and receives mail, from the environment:
/// `CASEBOOK_SUPPORT_EMAIL` (the address customers write to; default support@casebook.localhost),
/// `CASEBOOK_SUPPORT_NAME`, `CASEBOOK_NOTES_EMAIL` (mail from an agent to it becomes an internal note),
/// `CASEBOOK_OWN_ADDRESSES` (more addresses that are Casebook's, comma-separated: mail from them is never
/// answered), `CASEBOOK_PUBLIC_URL` (links in mail), `SMTP_URL` (without it mail waits in the outbox),
/// `CASEBOOK_MAIL_SENDER_LIMIT` (messages per sender per 10 minutes before the rest is held, default 20),
/// `CASEBOOK_MAIL_RETRY_SECONDS` (first wait before sending again after a temporary failure, default 30; doubles).
public struct MailSettings: Sendable {
    public var support: MailAddress
    public var notesAddress: String?
    public var otherOwnAddresses: [String]
    public var publicURL: String
    public var smtpURL: String?
    /// Messages one sender may send within `senderWindow` before further ones are held (a mail loop, a flood).
    public var senderLimit: Int = 20
    public var senderWindowMillis: Int64 = 10 * 60 * 1000
    /// Largest attachment kept from a message or accepted as an upload.
    public var maxAttachmentBytes: Int = 20 * 1024 * 1024
    /// Largest raw message the HTTP door accepts; larger ones get 413 (the MTA bounces them).
    public var maxMessageBytes: Int = 50 * 1024 * 1024
    /// Outbox retry schedule: first retry after this, doubling, at most `maxRetryDelay`, then failed.
    public var firstRetryDelayMillis: Int64 = 30_000
    public var maxRetryDelayMillis: Int64 = 3_600_000
    public var maxAttempts: Int = 12
    /// How often the outbox worker looks for due mail.
    public var pollMillis: Int64 = 500

    public init(environment: [String: String] = ProcessInfo.processInfo.environment, host: String = "127.0.0.1",
                port: Int = 8080) {
        let supportEmail = environment["CASEBOOK_SUPPORT_EMAIL"]?.nonEmptyTrimmed ?? "support@casebook.localhost"
        support = MailAddress(name: environment["CASEBOOK_SUPPORT_NAME"]?.nonEmptyTrimmed ?? "Support", address: supportEmail)
        notesAddress = environment["CASEBOOK_NOTES_EMAIL"]?.nonEmptyTrimmed
        otherOwnAddresses = (environment["CASEBOOK_OWN_ADDRESSES"] ?? "").split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
        let url = environment["CASEBOOK_PUBLIC_URL"]?.nonEmptyTrimmed ?? "http://\(host == "0.0.0.0" ? "localhost" : host):\(port)"
        publicURL = url.hasSuffix("/") ? String(url.dropLast()) : url
        smtpURL = environment["SMTP_URL"]?.nonEmptyTrimmed
        if let limit = environment["CASEBOOK_MAIL_SENDER_LIMIT"].flatMap(Int.init), limit > 0 { senderLimit = limit }
        if let seconds = environment["CASEBOOK_MAIL_RETRY_SECONDS"].flatMap(Double.init), seconds > 0 {
            firstRetryDelayMillis = Int64(seconds * 1000)
        }
    }

    /// The domain Casebook's Message-IDs carry.
    public var domain: String { String(support.address.split(separator: "@").last ?? "casebook.localhost") }

    /// Addresses that thread back to tickets by plus-address (`support+123@…`).
    public var supportAddresses: [String] { [support.address] + (notesAddress.map { [$0] } ?? []) }

    /// Whether mail from `address` is Casebook's own (never answered, never a ticket).
    public func isOwn(_ address: String) -> Bool {
        let a = address.lowercased()
        if otherOwnAddresses.contains(a) { return true }
        for base in supportAddresses.map({ $0.lowercased() }) {
            if a == base { return true }
            // support+123@example.com is support@example.com too.
            let parts = base.split(separator: "@", maxSplits: 1)
            if parts.count == 2, a.hasSuffix("@" + parts[1]), a.hasPrefix(parts[0] + "+") { return true }
        }
        return false
    }

    /// Whether `address` is the notes address (mail from an agent to it becomes an internal note).
    public func isNotesAddress(_ address: String) -> Bool {
        guard let notes = notesAddress?.lowercased() else { return false }
        return address.lowercased() == notes
    }
}

extension String {
    var nonEmptyTrimmed: String? {
        let t = trimmingCharacters(in: .whitespacesAndNewlines)
        return t.isEmpty ? nil : t
    }
}
