import CasebookCore
import CasebookMail
import CasebookSMTP
import Foundation
import Logging
import Testing
@testable import CasebookServer

/// The outbox worker's bookkeeping with a transport that answers as told: sent, retried with back-off after a
/// transient failure, failed for good after a permanent one, leased so nothing goes twice while in flight.
/// (The real SMTP client against a real server is tested in CasebookSMTPTests and the acceptance suite.)
@Suite("Outbox")
struct MailOutboxTests {
    actor ScriptedTransport: MailSending {
        var answers: [Result<SMTPDelivery, SMTPError>]
        var delivered: [(from: String, to: [String], size: Int)] = []
        init(_ answers: [Result<SMTPDelivery, SMTPError>]) { self.answers = answers }

        func send(from: String, to recipients: [String], message: [UInt8]) async throws(SMTPError) -> SMTPDelivery {
            let answer = answers.isEmpty ? .success(SMTPDelivery(accepted: recipients, rejected: [], serverReply: "250 ok")) : answers.removeFirst()
            switch answer {
            case .success(let delivery):
                delivered.append((from, recipients, message.count))
                return delivery
            case .failure(let error):
                throw error
            }
        }
        func count() -> Int { delivered.count }
    }

    static func worker(_ database: Database) throws -> OutboxWorker {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        return try OutboxWorker(database: database, settings: MailSettings(environment: [:]), logger: logger,
                                sender: ScriptedTransport([]))
    }

    static func deliver(_ worker: OutboxWorker, _ transport: ScriptedTransport, at time: Int64) async throws -> Int {
        try await worker.deliverDue(using: transport, now: { time })
    }

    static func queueOne(_ database: Database) async throws -> Int {
        try await database.write { db in
            try await OutboxStore(db: db).enqueue(kind: "test", mail: OutgoingMail(
                from: MailAddress(name: "Support", address: "support@casebook.localhost"),
                to: [MailAddress(name: "Rex", address: "rex@northwind.example")], cc: [], replyTo: [],
                subject: "Hello", messageID: MailComposer.newMessageID(domain: "casebook.localhost"), date: Date(),
                inReplyTo: nil, references: [], extraHeaders: [], text: "Body", html: nil, attachments: []), ticketID: nil)
        }
    }

    static func row(_ database: Database, _ id: Int) async throws -> OutboxStore.Message {
        try await database.read { db in try await OutboxStore(db: db).list(status: nil, limit: 100) }.first { $0.id == id }!
    }

    @Test(arguments: TestDatabase.all)
    func transientFailuresRetryWithBackOffThenSendOnce(db: TestDatabase) async throws {
        try await db.withFreshDatabase { database in
            let id = try await Self.queueOne(database)
            let transport = ScriptedTransport([.failure(.transient(code: 421, message: "try later")),
                                               .failure(.transient(code: nil, message: "connection refused"))])
            let worker = try Self.worker(database)
            var clock: Int64 = Timestamp.now
            #expect(try await Self.deliver(worker, transport, at: clock) == 1)
            var row = try await Self.row(database, id)
            #expect(row.status == "queued" && row.attempts == 1)
            #expect(row.nextAttemptAt == clock + 30_000)
            #expect(row.lastError?.contains("try later") == true)
            // Not due yet: nothing is tried.
            #expect(try await Self.deliver(worker, transport, at: clock + 1_000) == 0)
            clock += 30_000
            #expect(try await Self.deliver(worker, transport, at: clock) == 1)
            row = try await Self.row(database, id)
            #expect(row.nextAttemptAt == clock + 60_000, "the second wait doubles")
            clock += 60_000
            #expect(try await Self.deliver(worker, transport, at: clock) == 1)
            row = try await Self.row(database, id)
            #expect(row.status == "sent" && row.attempts == 3 && row.sentAt != nil)
            #expect(await transport.count() == 1)
            // Sent mail is never picked again.
            #expect(try await Self.deliver(worker, transport, at: clock + 10_000_000) == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func permanentFailuresStopAndCanBeSentAgain(db: TestDatabase) async throws {
        try await db.withFreshDatabase { database in
            let id = try await Self.queueOne(database)
            let transport = ScriptedTransport([.failure(.permanent(code: 550, message: "no such user"))])
            let worker = try Self.worker(database)
            _ = try await worker.deliverDue(using: transport)
            var row = try await Self.row(database, id)
            #expect(row.status == "failed")
            #expect(row.lastError?.contains("550") == true || row.lastError?.contains("no such user") == true)
            #expect(try await Self.deliver(worker, transport, at: Timestamp.now + 10_000_000) == 0)
            #expect(try await database.write { db in try await OutboxStore(db: db).requeue(id: id, now: Timestamp.now) })
            _ = try await worker.deliverDue(using: transport)
            row = try await Self.row(database, id)
            #expect(row.status == "sent")
        }
    }

    @Test(arguments: TestDatabase.all)
    func aClaimedMessageIsLeasedUntilItsLeaseEnds(db: TestDatabase) async throws {
        try await db.withFreshDatabase { database in
            _ = try await Self.queueOne(database)
            let now = Timestamp.now
            let first = try await database.write { db in try await OutboxStore(db: db).claimDue(limit: 10, now: now) }
            let second = try await database.write { db in try await OutboxStore(db: db).claimDue(limit: 10, now: now + 1_000) }
            #expect(first.count == 1 && second.isEmpty)
            // The worker died mid-send: after the lease the message is sent (again).
            let later = try await database.write { db in
                try await OutboxStore(db: db).claimDue(limit: 10, now: now + 5 * 60 * 1000 + 1)
            }
            #expect(later.map(\.id) == first.map(\.id))
            #expect(later.first?.recipients == ["rex@northwind.example"])
            #expect(try MIMEParser.parse(later.first!.raw).subject == "Hello")
        }
    }

    @Test func backOffDoublesUpToTheCap() {
        #expect((1...8).map { OutboxWorker.delay(attempt: $0, first: 30_000, max: 3_600_000) }
                == [30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, 3_600_000])
    }
}
