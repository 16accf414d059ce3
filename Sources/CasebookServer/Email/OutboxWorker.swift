import CasebookSMTP
import Foundation
import Logging

/// Sends what the outbox holds over SMTP, oldest first, retrying transient failures with exponential back-off
/// (4xx replies, refused connections, timeouts) and giving up at once on permanent ones (5xx), which admins see.
/// Without `SMTP_URL` it does nothing: mail waits in the outbox, visible on the admin page. The job runner calls it
/// (`outbox.deliver`), so a crash mid-send is covered by the outbox's own lease.
struct OutboxWorker {
    let database: Database
    let settings: MailSettings
    let logger: Logger
    let sender: (any MailSending)?

    init(database: Database, settings: MailSettings, logger: Logger, sender: (any MailSending)? = nil) throws {
        self.database = database
        self.settings = settings
        self.logger = logger
        if let sender {
            self.sender = sender
        } else if let url = settings.smtpURL {
            self.sender = SMTPClient(configuration: try SMTPConfiguration(url: url), logger: logger)
        } else {
            self.sender = nil
        }
    }

    /// Sends every due message once; returns how many it tried.
    @discardableResult
    func deliverDue(using sender: any MailSending, now: @Sendable () -> Int64 = { Timestamp.now }) async throws -> Int {
        let started = now()
        let batch = try await database.write { db in try await OutboxStore(db: db).claimDue(limit: 20, now: started) }
        for message in batch {
            do {
                let delivery = try await sender.send(from: message.from, to: message.recipients, message: message.raw)
                let note = delivery.rejected.isEmpty ? nil
                    : "Not delivered to: " + delivery.rejected.map { "\($0.recipient) (\($0.code) \($0.message))" }.joined(separator: "; ")
                let sentAt = now()
                try await database.write { db in try await OutboxStore(db: db).markSent(id: message.id, note: note, now: sentAt) }
                logger.info("mail sent", metadata: ["outbox": "\(message.id)", "to": "\(delivery.accepted.joined(separator: ","))"])
            } catch {
                let attempts = message.attempts + 1
                let permanent = error.isPermanent
                let failedAt = now()
                let retryAt: Int64? = permanent || attempts >= settings.maxAttempts ? nil : failedAt + Self.delay(
                    attempt: attempts, first: settings.firstRetryDelayMillis, max: settings.maxRetryDelayMillis)
                let reason = permanent ? "\(error)" : attempts >= settings.maxAttempts ? "\(error) (gave up after \(attempts) attempts)" : "\(error)"
                try await database.write { db in try await OutboxStore(db: db).markFailed(id: message.id, error: reason, retryAt: retryAt) }
                logger.warning("mail not sent", metadata: ["outbox": "\(message.id)", "error": "\(reason)",
                                                           "retry": "\(retryAt.map { "in \(($0 - failedAt) / 1000) s" } ?? "no")"])
            }
        }
        return batch.count
    }

    /// The wait before attempt `attempt + 1`: first, then doubling, capped.
    static func delay(attempt: Int, first: Int64, max: Int64) -> Int64 {
        let shift = Swift.min(attempt - 1, 30)
        return Swift.min(first << shift, max)
    }
}

/// What the outbox worker needs of a mail transport (SMTP in production; a recording fake in a few unit tests).
protocol MailSending: Sendable {
    func send(from: String, to recipients: [String], message: [UInt8]) async throws(SMTPError) -> SMTPDelivery
}

extension SMTPClient: MailSending {}

extension Error {
    /// A 5xx answer: sending again will not help.
    var isPermanent: Bool { (self as? SMTPError)?.isPermanent ?? false }
}
