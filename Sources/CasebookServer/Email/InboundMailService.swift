import CasebookCore
import CasebookMail
import Foundation
import Logging
import SQLKit

/// One path for every incoming message, whichever door it came through (the mailgate, the HTTP endpoint, a retry):
/// store it raw, durably, first; then parse, thread and apply it in one transaction; anything that goes wrong leaves
/// the message in quarantine with the reason, never lost.
struct InboundMailService: Sendable {
    let database: Database
    let tickets: TicketService
    let settings: MailSettings
    let logger: Logger

    enum Action: String, Sendable, CaseIterable {
        /// A reply or a new request (the default).
        case correspond
        /// Mail from an agent becomes an internal note.
        case comment
    }

    struct Received: Sendable {
        var record: InboundStore.Record
        /// The same Message-ID was received before; nothing new happened.
        var duplicate: Bool
    }

    /// The reason a message went to quarantine, for the admin who looks at it.
    struct Quarantine: Error, CustomStringConvertible {
        var description: String
    }

    func receive(_ raw: [UInt8], source: String, queue: String?, action: Action) async throws -> Received {
        let headers = MIMEParser.headers(of: raw)
        let messageID = headers["Message-ID"].flatMap { MessageIDs.parse($0).first }.map { String($0.prefix(500)) }
        let sender = headers["From"].flatMap { AddressList.parse($0).first?.normalized }.map { String($0.prefix(320)) }
        let subject = String(EncodedWords.decode(headers["Subject"] ?? "").prefix(500))
        let now = Timestamp.now
        let id = try await database.write { db in
            try await InboundStore(db: db).insert(raw: raw, messageID: messageID, sender: sender, subject: subject,
                                                  source: source, queue: queue, action: action.rawValue, now: now)
        }
        guard let id else {
            // Only a repeated Message-ID makes the insert a no-op.
            let existing = try await database.read { db in try await InboundStore(db: db).find(messageID: messageID ?? "") }
            guard let existing else { throw Quarantine(description: "The message could not be stored") }
            logger.info("duplicate message ignored", metadata: ["message_id": "\(messageID ?? "")", "inbound": "\(existing.id)"])
            return Received(record: existing, duplicate: true)
        }
        return Received(record: try await process(id: id, raw: raw), duplicate: false)
    }

    /// Processes a stored message (again). `releaseHold` lets an admin release mail the rate limit held.
    @discardableResult
    func process(id: Int, raw known: [UInt8]? = nil, releaseHold: Bool = false) async throws -> InboundStore.Record {
        do {
            // Parsing is pure work: done before the transaction, so it never holds up other writers.
            var raw = known
            if raw == nil { raw = try await database.read { db in try await InboundStore(db: db).raw(id: id) } }
            guard let raw else { throw APIError.notFound("Inbound message \(id) not found") }
            let parsed = try MIMEParser.parse(raw)
            let keys = ThreadingKeys.from(parsed, supportAddresses: settings.supportAddresses)
            let prepared = Self.prepare(parsed, keys: keys)
            let outcome = try await database.write { db in
                try await apply(id: id, parsed: parsed, keys: keys, prepared: prepared, releaseHold: releaseHold, db: db)
            }
            if let (written, actor) = outcome { await tickets.announce([written], by: actor) }
        } catch {
            let reason = Self.reason(error)
            logger.warning("inbound message quarantined", metadata: ["inbound": "\(id)", "reason": "\(reason)"])
            try await database.write { db in
                try await InboundStore(db: db).finish(id: id, status: .quarantined, error: reason, classification: nil,
                                                      ticketID: nil, commentID: nil, now: Timestamp.now)
            }
        }
        guard let record = try await database.read({ db in try await InboundStore(db: db).find(id: id) }) else {
            throw APIError.notFound("Inbound message \(id) not found")
        }
        return record
    }

    static func reason(_ error: any Error) -> String {
        switch error {
        case let q as Quarantine: return q.description
        case let e as MailParseError: return e.description
        case let e as APIError:
            let details = e.details.map { d in d.details.values.flatMap { $0.map(\.description) }.joined(separator: "; ") } ?? ""
            return details.isEmpty ? e.description : "\(e.description): \(details)"
        case let e as FieldErrors:
            return e.details.values.flatMap { $0.map(\.description) }.joined(separator: "; ")
        default: return String(describing: error)
        }
    }

    // MARK: The transaction

    private func apply(id: Int, parsed: ParsedMessage, keys: ThreadingKeys, prepared: PreparedComment?, releaseHold: Bool,
                       db: any SQLDatabase) async throws
        -> (TicketService.Written, Actor)? {
        let store = InboundStore(db: db)
        guard let record = try await store.find(id: id) else { throw APIError.notFound("Inbound message \(id) not found") }
        let now = Timestamp.now
        guard let from = parsed.from.first, let senderEmail = EmailAddress.normalize(from.address) else {
            throw Quarantine(description: "The message has no usable From address (From: \(parsed.headers["From"] ?? "missing"))")
        }
        let threads = MailThreadStore(db: db)

        // Loop protection: Casebook's own mail never becomes a ticket or causes mail.
        if settings.isOwn(senderEmail) {
            try await store.finish(id: id, status: .ignored, error: "Sent from Casebook's own address \(senderEmail)",
                                   classification: nil, ticketID: nil, commentID: nil, now: now)
            return nil
        }
        if let own = parsed.messageID, let direction = try await threads.direction(of: own), direction != .incoming {
            try await store.finish(id: id, status: .ignored, error: "Casebook sent this message itself (\(own))",
                                   classification: nil, ticketID: nil, commentID: nil, now: now)
            return nil
        }
        if !releaseHold {
            let recent = try await store.recentCount(sender: senderEmail, since: now - settings.senderWindowMillis, before: id)
            if recent >= settings.senderLimit {
                try await store.finish(id: id, status: .held, error: """
                    \(recent + 1) messages from \(senderEmail) within \(settings.senderWindowMillis / 60000) minutes \
                    (limit \(settings.senderLimit)): held to stop a possible mail loop; release it to process it
                    """, classification: nil, ticketID: nil, commentID: nil, now: now)
                return nil
            }
        }

        let noise = NoiseDetector.classify(parsed)
        let directory = Directory(db: db)
        let sender = try await directory.findOrCreateEndUser(email: senderEmail, name: from.name)
        guard sender.active else {
            throw Quarantine(description: "The sender \(senderEmail) is suspended; release the message after reactivating them")
        }
        let action = Action(rawValue: record.action) ?? .correspond
        var warnings = parsed.warnings

        // Which ticket: a known Message-ID first, then the ticket token in the subject or the plus-address.
        let ticketStore = TicketStore(db: db)
        var target: TicketRecord?
        var answersNote = false
        if let hit = try await threads.ticket(forAnyOf: keys.referencedIDs), let ticket = try await ticketStore.load(id: hit.ticketID) {
            target = ticket
            answersNote = hit.direction == .note
        } else if let tokenID = keys.subjectTicketID ?? keys.plusAddressTicketID,
                  let ticket = try await ticketStore.load(id: tokenID) {
            // A token alone is easy to forge: it joins only the ticket's own people (and staff).
            if try await mayJoin(sender, ticket, db: db) { target = ticket } else {
                warnings.append("Ticket token #\(tokenID) ignored: \(senderEmail) is not on that ticket")
            }
        }
        var followUpOf: Int?
        if let ticket = target, ticket.fields.status == .closed {
            followUpOf = ticket.id
            target = nil
        }

        // People: CCs are everyone else the message went to, except Casebook's own addresses.
        let everyone = parsed.to + parsed.cc
        let toNotes = everyone.contains { settings.isNotesAddress($0.address) }
        var ccIDs: [Int] = []
        for address in everyone where !settings.isOwn(address.address) && address.normalized != senderEmail {
            guard EmailAddress.normalize(address.address) != nil else { continue }
            let person = try await directory.findOrCreateEndUser(email: address.address, name: address.name)
            if !ccIDs.contains(person.id) { ccIDs.append(person.id) }
        }
        let isInternal = sender.role.isStaff && target != nil && (action == .comment || toNotes || answersNote)

        // Files first, so inline images can point at them from the HTML body.
        let files = AttachmentStore(db: db)
        var stored: [AttachmentStore.Record] = []
        var byContentID: [String: AttachmentStore.Record] = [:]
        for attachment in parsed.attachments {
            if attachment.data.count > settings.maxAttachmentBytes {
                warnings.append("""
                    Attachment \(attachment.filename) (\(attachment.data.count / 1_048_576) MB) is over the \
                    \(settings.maxAttachmentBytes / 1_048_576) MB limit and was not stored; the original message keeps it
                    """)
                continue
            }
            let file = try await files.insert(attachment.data, fileName: attachment.filename, contentType: attachment.contentType,
                                              isInline: attachment.isInline, contentID: attachment.contentID,
                                              uploaderID: sender.id, now: now)
            stored.append(file)
            if let cid = attachment.contentID { byContentID[cid] = file }
        }

        // The comment was built before the transaction when that could not depend on what it found.
        let ready = prepared.flatMap { $0.isReply == (target != nil) && parsed.attachments.isEmpty ? $0 : nil }
        let body = ready.map { (text: $0.text, html: $0.html) } ?? Self.body(parsed, isReply: target != nil, files: stored, byContentID: byContentID)
        var comment: JSONObject = ["body": .string(body.text), "public": .bool(!isInternal)]
        if let html = body.html { comment["html_body"] = .string(html) }
        var draft = ready?.draft
        draft?.authorID = sender.id
        draft?.isPublic = !isInternal
        // The mail channel acts for the sender: it may set what mail carries (CCs, the queue) whatever their role.
        let actor = Actor(id: sender.id, role: sender.role.isStaff ? sender.role : .agent)
        let written: TicketService.Written
        if let ticket = target {
            var object: JSONObject = ["comment": .object(comment)]
            let newCCs = (ccIDs + (sender.role.isStaff || sender.id == ticket.fields.requesterID ? [] : [sender.id]))
                .filter { !ticket.fields.ccIDs.contains($0) && $0 != ticket.fields.requesterID }
            if !newCCs.isEmpty { object["additional_collaborators"] = .array(newCCs.map { .int($0) }) }
            // A customer's reply reopens a request that was waiting on them or solved; an auto-reply does not.
            if !sender.role.isStaff, !noise.suppressesNotifications,
               [.pending, .solved, .hold].contains(ticket.fields.status) {
                object["status"] = "open"
            }
            written = try await tickets.update(ticket.id, object, actor: actor, via: .email, db: db, loaded: ticket, prepared: draft)
        } else {
            let base = ThreadingKeys.baseSubject(parsed.subject)
            var object: JSONObject = [
                "subject": .string(base.isEmpty ? (parsed.subject.isEmpty ? "(no subject)" : parsed.subject) : base),
                "comment": .object(comment), "requester_id": .int(sender.id),
            ]
            if !ccIDs.isEmpty { object["collaborator_ids"] = .array(ccIDs.map { .int($0) }) }
            if let queue = record.queue {
                if let group = try await GroupStore(db: db).find(name: queue) {
                    object["group_id"] = .int(group.id)
                } else {
                    warnings.append("Queue \"\(queue)\" is not a group; the ticket was opened without a group")
                }
            }
            written = try await tickets.create(object, actor: actor, via: .email, db: db, prepared: draft)
            if let followUpOf {
                try await db.raw("UPDATE tickets SET followup_source_id = \(bind: followUpOf) WHERE id = \(bind: written.ticket.id)").run()
            }
        }
        let ticketID = written.ticket.id
        let commentID = written.comments.keys.first
        if let commentID {
            try await db.raw("UPDATE comments SET inbound_message_id = \(bind: id) WHERE id = \(bind: commentID)").run()
            if !stored.isEmpty {
                try await db.raw("""
                    UPDATE attachments SET comment_id = \(bind: commentID), ticket_id = \(bind: ticketID)
                    WHERE id IN (\(binds: stored.map(\.id)))
                    """).run()
            }
        }
        if let messageID = parsed.messageID {
            try await threads.record(messageID, ticketID: ticketID, direction: .incoming, now: now)
        }
        // The others on the message have it already; the sender still gets the acknowledgement.
        let received = Set(everyone.map(\.normalized))
        try await MailNotifier(settings: settings).queue(
            for: written, actor: actor,
            options: .init(quiet: noise.suppressesNotifications, alreadyReceived: received, answering: parsed.messageID),
            db: db)
        var notes = warnings
        if let followUpOf { notes.insert("Follow-up to closed ticket #\(followUpOf)", at: 0) }
        try await store.finish(id: id, status: .processed, error: notes.isEmpty ? nil : notes.joined(separator: "\n"),
                               classification: noise.reasons.isEmpty ? nil : noise.reasons.joined(separator: "; "),
                               ticketID: ticketID, commentID: commentID, now: now)
        return (written, actor)
    }

    /// Whether `user` may add to `ticket` by naming its token: staff, the requester, a CC, or the requester's
    /// organization when it shares tickets.
    private func mayJoin(_ user: UserRecord, _ ticket: TicketRecord, db: any SQLDatabase) async throws -> Bool {
        if user.role.isStaff { return true }
        let shares = try await tickets.orgShares(user.organizationID, db: db)
        return TicketService.canSee(ticket, user: user, orgShares: shares)
    }

    /// A message's comment built before its transaction: its text, HTML and `CommentDraft` (sanitized, turned into
    /// HTML; the author and visibility are set in the transaction). Only for messages without attachments (inline
    /// images and "attachments only" need the stored files), and for the likelier case: a reply when the message
    /// names a thread or a ticket token, else a new request. When the transaction decides otherwise it builds the
    /// comment itself.
    struct PreparedComment: Sendable {
        var isReply: Bool
        var text: String
        var html: String?
        var draft: CommentDraft
    }

    static func prepare(_ parsed: ParsedMessage, keys: ThreadingKeys) -> PreparedComment? {
        guard parsed.attachments.isEmpty else { return nil }
        let isReply = !keys.referencedIDs.isEmpty || keys.subjectTicketID != nil || keys.plusAddressTicketID != nil
        let body = Self.body(parsed, isReply: isReply, files: [], byContentID: [:])
        guard let draft = try? CommentDraft(authorID: 0, isPublic: true, body: body.text, htmlBody: body.html) else { return nil }
        return PreparedComment(isReply: isReply, text: body.text, html: body.html, draft: draft)
    }

    /// The comment a message makes: a reply loses the quoted history and signature (the original stays with the
    /// inbound message); a new request keeps its HTML with inline images pointing at the stored files.
    static func body(_ parsed: ParsedMessage, isReply: Bool, files: [AttachmentStore.Record],
                     byContentID: [String: AttachmentStore.Record]) -> (text: String, html: String?) {
        var text = parsed.textBody ?? parsed.htmlBody.map(HTMLSanitizer.plainText(fromHTML:)) ?? ""
        var html: String?
        if isReply {
            text = ReplyStripper.strip(text, subject: parsed.subject).reply
            let images = files.filter { $0.isInline && AttachmentStore.imageTypes($0.contentType) }
            if !images.isEmpty {
                html = HTMLSanitizer.html(fromPlainText: text) + images.map {
                    "<p><img src=\"\(AttachmentRoutes.path(for: $0))\" alt=\"\(TimelineHTML.escape($0.fileName))\"></p>"
                }.joined()
            }
        } else if var source = parsed.htmlBody {
            for (cid, file) in byContentID where source.contains("cid:\(cid)") {
                source = source.replacingOccurrences(of: "cid:\(cid)", with: AttachmentRoutes.path(for: file))
            }
            html = source
        }
        text = text.trimmedWhitespace
        if text.isEmpty {
            let names = files.filter { !$0.isInline }.map(\.fileName)
            text = names.isEmpty ? "(This message had no text.)" : "(Attachments only: \(names.joined(separator: ", ")))"
            if let current = html, HTMLSanitizer.plainText(fromHTML: current).trimmedWhitespace.isEmpty,
               !current.contains("<img") {
                html = nil
            }
        }
        return (text, html)
    }

    /// Messages stored but not processed when the server stopped are processed at start.
    func resumeUnfinished() async {
        do {
            let ids = try await database.read { db in try await InboundStore(db: db).unfinished(limit: 1000) }
            for id in ids { _ = try? await process(id: id) }
            if !ids.isEmpty { logger.info("processed \(ids.count) messages left unfinished") }
        } catch {
            logger.error("could not resume unfinished inbound mail: \(error)")
        }
    }
}
