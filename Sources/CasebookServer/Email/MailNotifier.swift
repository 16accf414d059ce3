import CasebookCore
import CasebookMail
import Foundation
import SQLKit

/// Decides which mail a ticket change causes and queues it in the same transaction as the change:
/// an acknowledgement when a requester opens a request, every public reply to the requester and CCs, internal
/// notes to followers (never to a customer), and an assignment to the new assignee. Nobody gets mail about their
/// own action, nor mail they already received directly (the CCs of an incoming message).
struct MailNotifier: Sendable {
    let settings: MailSettings

    struct Options: Sendable {
        /// The change came from an auto-reply, a bounce or bulk mail: it causes no mail at all (loop protection).
        var quiet = false
        /// Addresses (lowercased) that received the incoming message that caused the change.
        var alreadyReceived: Set<String> = []
        /// The Message-ID of the incoming message that caused the change, for In-Reply-To.
        var answering: String? = nil
        /// The new assignee gets an escalation message instead (it says why).
        var skipAssignment = false
    }

    func queue(for written: TicketService.Written, actor: Actor, options: Options = Options(),
               db: any SQLDatabase) async throws {
        guard !options.quiet, let audit = written.audit else { return }
        let ticket = written.ticket
        let fields = ticket.fields
        let created = audit.events.contains { $0.type == "Create" }
        let comment = written.comments.values.first
        let newAssignee = audit.events.first { ($0.type == "Change" || $0.type == "Create") && $0.fieldName == "assignee_id" }
            .flatMap { $0.value.flatMap(Int.init) }

        // Most changes cause no mail (a customer's reply on a ticket without CCs, a tag change): decide that before
        // asking the database anything, since this runs inside the change's transaction.
        let mayAcknowledge = created && actor.id == fields.requesterID
        let mayReply = comment.map { c in
            c.isPublic && !(created && c.authorID == fields.requesterID) && (c.authorID != fields.requesterID || !fields.ccIDs.isEmpty)
        } ?? false
        let mayNote = comment.map { c in !c.isPublic && c.call == nil && fields.followerIDs.contains { $0 != c.authorID } } ?? false
        let mayAssign = !options.skipAssignment && (newAssignee.map { $0 != actor.id } ?? false)
        guard mayAcknowledge || mayReply || mayNote || mayAssign else { return }

        var ids = Set([fields.requesterID, actor.id] + fields.ccIDs + fields.followerIDs)
        if let comment { ids.insert(comment.authorID) }
        if let newAssignee { ids.insert(newAssignee) }
        let people = Dictionary(uniqueKeysWithValues: try await UserStore(db: db).find(ids: Array(ids)).map { ($0.id, $0) })
        guard let requester = people[fields.requesterID] else { return }
        let authorID = comment?.authorID ?? actor.id
        let author = people[authorID]

        func reachable(_ user: UserRecord?) -> UserRecord? {
            guard let user, user.active, let email = user.email, !settings.isOwn(email),
                  !options.alreadyReceived.contains(email.lowercased()) else { return nil }
            return user
        }

        var context = Context(settings: settings, ticket: ticket, requester: requester, actor: people[actor.id],
                              answering: options.answering)
        let templates = MailTemplateStore(db: db)
        let outbox = OutboxStore(db: db)

        // The acknowledgement: the requester opened this request themselves (by mail, the portal or the API).
        if created, actor.id == requester.id, !requester.role.isStaff, let to = reachable(requester) {
            let mail = try await context.mail(.requestReceived, to: [to], cc: [], comment: comment, author: author,
                                              automatic: "auto-replied", templates: templates, db: db)
            try await outbox.enqueue(kind: MailTemplate.Event.requestReceived.rawValue, mail: mail, ticketID: ticket.id)
        }

        if let comment, comment.isPublic, !(created && comment.authorID == requester.id) {
            // Every public reply goes to the requester and the CCs, except whoever wrote it.
            let recipients = ([requester] + fields.ccIDs.compactMap { people[$0] })
                .filter { $0.id != comment.authorID }.compactMap(reachable)
            if let first = recipients.first {
                let files = try await AttachmentStore(db: db).forComments([comment.id])[comment.id] ?? []
                let mail = try await context.mail(.publicReply, to: [first], cc: Array(recipients.dropFirst()),
                                                  comment: comment, author: author, automatic: nil,
                                                  templates: templates, attachments: files, db: db)
                try await outbox.enqueue(kind: MailTemplate.Event.publicReply.rawValue, mail: mail, ticketID: ticket.id)
            }
        } else if let comment, !comment.isPublic, comment.call == nil {
            // Internal notes go to followers only: agents, never the requester or a CC.
            for follower in fields.followerIDs.compactMap({ people[$0] })
            where follower.id != comment.authorID && follower.role.isStaff && follower.id != requester.id {
                guard let to = reachable(follower) else { continue }
                let mail = try await context.mail(.internalNote, to: [to], cc: [], comment: comment, author: author,
                                                  automatic: "auto-generated", templates: templates, db: db)
                try await outbox.enqueue(kind: MailTemplate.Event.internalNote.rawValue, mail: mail, ticketID: ticket.id,
                                         direction: .note)
            }
        }

        if mayAssign, let newAssignee, let to = reachable(people[newAssignee]), to.role.isStaff {
            let mail = try await context.mail(.assignment, to: [to], cc: [], comment: nil, author: nil,
                                              automatic: "auto-generated", templates: templates, db: db)
            try await outbox.enqueue(kind: MailTemplate.Event.assignment.rawValue, mail: mail, ticketID: ticket.id)
        }
    }

    /// An escalation to staff (a group's members, a lead or manager): the ticket, who escalated it and why.
    /// `event`: `.escalation`, or `.decision` for a decision on the record (the same shape: staff, the ticket, why).
    func queueEscalation(ticket: TicketRecord, to recipients: [UserRecord], by actor: Actor, reason: String,
                         event: MailTemplate.Event = .escalation, db: any SQLDatabase) async throws {
        let people = try await UserStore(db: db).find(ids: [ticket.fields.requesterID, actor.id])
        guard let requester = people.first(where: { $0.id == ticket.fields.requesterID }) else { return }
        var context = Context(settings: settings, ticket: ticket, requester: requester,
                              actor: people.first { $0.id == actor.id }, answering: nil)
        context.reason = reason
        let templates = MailTemplateStore(db: db)
        for user in recipients where user.active && user.role.isStaff && user.id != actor.id {
            guard let email = user.email, !settings.isOwn(email) else { continue }
            let mail = try await context.mail(event, to: [user], cc: [], comment: nil, author: nil,
                                              automatic: "auto-generated", templates: templates, db: db)
            try await OutboxStore(db: db).enqueue(kind: event.rawValue, mail: mail, ticketID: ticket.id,
                                                  direction: .note)
        }
    }

    /// The one-time sign-in link for a customer.
    func queueSignInLink(to user: UserRecord, link: String, db: any SQLDatabase) async throws {
        guard let email = user.email else { return }
        let template = try await MailTemplateStore(db: db).template(.signInLink)
        let rendered = try template.render([
            "recipient": ["name": user.name, "first_name": Placeholders.firstName(of: user.name)],
            "link": link, "support": ["name": settings.support.name ?? "Support"],
        ] as [String: Any])
        let mail = OutgoingMail(
            from: settings.support, to: [MailAddress(name: user.name, address: email)], cc: [], replyTo: [],
            subject: rendered.subject, messageID: MailComposer.newMessageID(domain: settings.domain), date: Date(),
            inReplyTo: nil, references: [],
            extraHeaders: [.init(name: "Auto-Submitted", value: "auto-generated"),
                           .init(name: "X-Auto-Response-Suppress", value: "All")],
            text: rendered.text, html: rendered.html, attachments: [])
        try await OutboxStore(db: db).enqueue(kind: MailTemplate.Event.signInLink.rawValue, mail: mail, ticketID: nil)
    }

    /// What every message about one ticket shares: addresses, subject token, thread.
    struct Context {
        let settings: MailSettings
        let ticket: TicketRecord
        let requester: UserRecord
        let actor: UserRecord?
        let answering: String?
        /// Why, for an escalation.
        var reason: String = ""
        /// The ticket's Message-IDs, loaded with the first message composed.
        var thread: [String]? = nil

        mutating func mail(_ event: MailTemplate.Event, to: [UserRecord], cc: [UserRecord], comment: CommentRecord?,
                           author: UserRecord?, automatic: String?, templates: MailTemplateStore,
                           attachments: [AttachmentStore.Record] = [], db: any SQLDatabase) async throws -> OutgoingMail {
            let template = try await templates.template(event)
            let thread: [String]
            if let known = self.thread { thread = known } else { thread = try await MailThreadStore(db: db).thread(ticketID: ticket.id) }
            let recipient = to.first
            let values: [String: Any] = [
                "ticket": [
                    "id": ticket.id, "subject": ticket.fields.subject, "status": ticket.fields.status.rawValue,
                    "url": "\(settings.publicURL)/agent/tickets/\(ticket.id)",
                    "portal_url": "\(settings.publicURL)/portal/requests/\(ticket.id)",
                ] as [String: Any],
                "comment": [
                    "author": author?.name ?? "Support", "body": comment?.body ?? "", "html": comment?.htmlBody ?? "",
                ],
                "recipient": ["name": recipient?.name ?? "", "first_name": Placeholders.firstName(of: recipient?.name ?? "")],
                "requester": ["name": requester.name],
                "actor": ["name": actor?.name ?? "Casebook"],
                "marker": ReplyStripper.marker,
                "support": ["name": settings.support.name ?? "Support"],
                "reason": reason,
            ]
            let rendered = try template.render(values)
            var files: [MailAttachment] = []
            var total = 0
            let store = AttachmentStore(db: db)
            for file in attachments {
                // Mail servers commonly refuse messages over 25 MB; larger files stay a link in the portal.
                guard total + file.size <= 15 * 1024 * 1024, let data = try await store.content(sha256: file.sha256) else { continue }
                total += file.size
                files.append(MailAttachment(filename: file.fileName, contentType: file.contentType, data: data,
                                            contentID: file.contentID, isInline: file.isInline))
            }
            let isNote = event == .internalNote || event == .escalation || event == .decision || event == .followUp || event == .conduct
                || event == .satisfactionBad
            let replyAddress: String
            if isNote {
                replyAddress = settings.notesAddress ?? settings.support.address
            } else {
                replyAddress = ThreadingKeys.plusAddress(settings.support.address, ticketID: ticket.id)
            }
            var headers: [MailHeaders.Field] = [.init(name: "X-Casebook-Ticket", value: String(ticket.id))]
            if let automatic {
                headers.append(.init(name: "Auto-Submitted", value: automatic))
                headers.append(.init(name: "X-Auto-Response-Suppress", value: "All"))
            }
            let fromName = event == .publicReply ? "\(author?.name ?? "Support") (\(settings.support.name ?? "Support"))"
                : settings.support.name
            let messageID = MailComposer.newMessageID(domain: settings.domain)
            let parent = answering ?? thread.last
            let mail = OutgoingMail(
                from: MailAddress(name: fromName, address: settings.support.address),
                to: to.map { MailAddress(name: $0.name, address: $0.email ?? "") },
                cc: cc.map { MailAddress(name: $0.name, address: $0.email ?? "") },
                replyTo: [MailAddress(name: settings.support.name, address: replyAddress)],
                subject: "\(ThreadingKeys.subjectToken(ticketID: ticket.id)) \(rendered.subject)",
                messageID: messageID, date: Date(), inReplyTo: parent,
                references: thread + (answering.map { thread.contains($0) ? [] : [$0] } ?? []),
                extraHeaders: headers, text: rendered.text, html: rendered.html, attachments: files)
            self.thread = thread + [messageID]
            return mail
        }
    }
}
