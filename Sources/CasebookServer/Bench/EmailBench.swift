import CasebookMail
import Foundation
import Logging
import SQLKit

/// `casebook bench email`: realistic generated mail through the whole inbound path (store raw, parse, thread, open
/// or update tickets, store attachments, queue notifications), several deliveries at once as an MTA would make them.
public enum EmailBench {
    public struct Figures: Sendable {
        public var messages: Int
        public var bytes: Int
        public var seconds: Double
        public var tickets: Int
        public var threadedReplies: Int
        public var attachments: Int
        public var quarantined: Int
        public var perSecond: Double { Double(messages) / seconds }
    }

    /// A deterministic corpus: `count` messages, 60 % replies to earlier ones (with quoted history), 30 % with
    /// attachments (2 KB to 200 KB each, log-uniform), bodies from 1 KB to 60 KB in the formats common mail programs write.
    public static func corpus(count: Int, seed: UInt64 = 0x5EED) -> [[UInt8]] {
        var random = SplitMix64(seed: seed)
        var threads: [(customer: String, subject: String, lastID: String)] = []
        var messages: [[UInt8]] = []
        messages.reserveCapacity(count)
        let domains = (0..<50).map { "customer\($0).example" }
        let topics = ["Switch drops packets on port 3", "Invoice 4711 is wrong", "Backorder: when do the pink units ship?",
                      "Wrong item delivered", "Firmware 2.1 bricked my router", "Refund not received", "Cannot sign in",
                      "Replacement unit also faulty", "Störung seit dem Update", "Commande incomplète"]
        for i in 0..<count {
            let isReply = threads.count > 100 && random.next(100) < 60
            let id = "bench-\(i)-\(random.next(1_000_000_000))@mail.example"
            let customer: String, subject: String, inReplyTo: String?
            if isReply {
                // A thread opened at least 50 messages ago, so it has been processed even with parallel deliveries.
                let index = Int(random.next(UInt64(threads.count - 50)))
                customer = threads[index].customer
                subject = "Re: " + threads[index].subject
                inReplyTo = threads[index].lastID
                threads[index].lastID = id
            } else {
                customer = "person\(random.next(2000))@\(domains[Int(random.next(UInt64(domains.count)))])"
                subject = topics[Int(random.next(UInt64(topics.count)))] + " (case \(i))"
                inReplyTo = nil
                threads.append((customer, subject, id))
            }
            let size = random.next(100) < 85 ? 1_000 + Int(random.next(7_000)) : 20_000 + Int(random.next(40_000))
            var text = paragraph(size: size, random: &random)
            if isReply { text += "\n\nOn Mon, 23 Nov 2026 at 10:00, Support <support@casebook.localhost> wrote:\n" + quoted(paragraph(size: 1_500, random: &random)) }
            let files = random.next(100) < 30 ? 1 + Int(random.next(2)) : 0
            messages.append(message(id: id, from: customer, subject: subject, inReplyTo: inReplyTo, text: text,
                                    files: files, style: Int(random.next(3)), random: &random))
        }
        return messages
    }

    /// Delivers `messages` with `concurrency` deliveries in flight and measures the whole run.
    public static func run(database: Database, messages: [[UInt8]], concurrency: Int, logger: Logger) async throws -> Figures {
        let settings = MailSettings(environment: [:])
        let tickets = TicketService(database: database, notifier: MailNotifier(settings: settings))
        let service = InboundMailService(database: database, tickets: tickets, settings: settings, logger: logger)
        let next = Counter()
        let clock = ContinuousClock()
        let started = clock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<concurrency {
                group.addTask {
                    while let index = await next.take(below: messages.count) {
                        _ = try await service.receive(messages[index], source: "bench", queue: nil, action: .correspond)
                    }
                }
            }
            for try await _ in group {}
        }
        let elapsed = started.duration(to: clock.now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return try await database.read { db in
            func count(_ sql: String) async throws -> Int {
                try await db.raw(SQLQueryString(sql)).first()!.decode(column: "n", as: Int.self)
            }
            return Figures(
                messages: messages.count, bytes: messages.reduce(0) { $0 + $1.count }, seconds: seconds,
                tickets: try await count("SELECT COUNT(*) AS n FROM tickets"),
                threadedReplies: try await count("SELECT COUNT(*) AS n FROM comments c JOIN tickets t ON t.id = c.ticket_id WHERE c.id <> (SELECT MIN(id) FROM comments WHERE ticket_id = t.id)"),
                attachments: try await count("SELECT COUNT(*) AS n FROM attachments"),
                quarantined: try await count("SELECT COUNT(*) AS n FROM inbound_messages WHERE status <> 'processed'"))
        }
    }

    actor Counter {
        var value = 0
        func take(below limit: Int) -> Int? {
            guard value < limit else { return nil }
            defer { value += 1 }
            return value
        }
    }

    // MARK: Generating mail

    static let words = """
        the switch port link light firmware update replacement order shipped backorder refund invoice customer \
        please thanks regards colour pink blue units delivery warranty troubleshooting reset cable power supply \
        network router support ticket week friday monday urgent again still working not since after before
        """.split(separator: " ").map(String.init)

    static func paragraph(size: Int, random: inout SplitMix64) -> String {
        var out = ""
        out.reserveCapacity(size + 16)
        var line = 0
        while out.utf8.count < size {
            let word = words[Int(random.next(UInt64(words.count)))]
            out += word
            line += word.count + 1
            if line > 70 { out += "\n"; line = 0 } else { out += " " }
        }
        return out
    }

    static func quoted(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "> " + $0 }.joined(separator: "\n")
    }

    static func message(id: String, from: String, subject: String, inReplyTo: String?, text: String, files: Int,
                        style: Int, random: inout SplitMix64) -> [UInt8] {
        var head = "Return-Path: <\(from)>\r\nReceived: from mx.example by casebook.localhost; Mon, 23 Nov 2026 10:00:00 +0000\r\n"
        head += "From: \(from.split(separator: "@")[0].capitalized) <\(from)>\r\nTo: Support <support@casebook.localhost>\r\n"
        head += "Subject: \(subject)\r\nDate: Mon, 23 Nov 2026 10:00:00 +0000\r\nMessage-ID: <\(id)>\r\n"
        if let inReplyTo { head += "In-Reply-To: <\(inReplyTo)>\r\nReferences: <\(inReplyTo)>\r\n" }
        head += "MIME-Version: 1.0\r\n"
        let crlfText = text.replacingOccurrences(of: "\n", with: "\r\n")
        var body: String
        var contentType: String
        switch style {
        case 0:
            contentType = "text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit"
            body = crlfText
        case 1:
            contentType = "multipart/alternative; boundary=\"alt-\(id)\""
            let html = "<html><body><p>" + text.replacingOccurrences(of: "\n", with: "<br>\r\n") + "</p></body></html>"
            body = "--alt-\(id)\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
                + crlfText + "\r\n--alt-\(id)\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
                + html + "\r\n--alt-\(id)--\r\n"
        default:
            contentType = "text/plain; charset=iso-8859-1; format=flowed\r\nContent-Transfer-Encoding: quoted-printable"
            body = crlfText.replacingOccurrences(of: "regards", with: "Gr=FC=DFe")
        }
        if files > 0 {
            var mixed = "--mix-\(id)\r\nContent-Type: \(contentType)\r\n\r\n\(body)\r\n"
            for n in 0..<files {
                // Log-uniform 2 KB to 200 KB: signature logos and screenshots to photos and PDF invoices (median ~20 KB).
                let size = Int(2_000 * pow(100, Double(random.next(1_000_000)) / 1_000_000))
                var bytes = [UInt8](repeating: 0, count: size)
                for k in stride(from: 0, to: size, by: 8) {
                    var v = random.next(UInt64.max)
                    for j in 0..<min(8, size - k) { bytes[k + j] = UInt8(truncatingIfNeeded: v); v >>= 8 }
                }
                let encoded = Data(bytes).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
                let (name, type) = n == 0 ? ("photo-\(n).jpg", "image/jpeg") : ("invoice-\(n).pdf", "application/pdf")
                mixed += "--mix-\(id)\r\nContent-Type: \(type); name=\"\(name)\"\r\nContent-Disposition: attachment; filename=\"\(name)\"\r\nContent-Transfer-Encoding: base64\r\n\r\n\(encoded)\r\n"
            }
            mixed += "--mix-\(id)--\r\n"
            contentType = "multipart/mixed; boundary=\"mix-\(id)\""
            body = mixed
        }
        return Array((head + "Content-Type: \(contentType)\r\n\r\n" + body).utf8)
    }
}

/// A small deterministic generator, so every bench run sees the same corpus.
public struct SplitMix64 {
    var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next(_ below: UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return below == UInt64.max ? z : z % max(below, 1)
    }
}
