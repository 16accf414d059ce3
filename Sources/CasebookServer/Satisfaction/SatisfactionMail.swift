import CasebookCore
import CasebookMail
import Foundation
import SQLKit

extension MailTemplate {
    /// The default survey mails. The links are signed and work without signing in; `good_link` and `bad_link` open the
    /// form with the answer chosen (opening a link never records anything: the customer confirms on the page).
    static func satisfactionDefaults(_ event: Event) -> MailTemplate {
        switch event {
        case .nps:
            MailTemplate(event: event, subject: "How likely are you to recommend {{support.name}}?", text: """
                Hello {{recipient.first_name}},

                On a scale from 0 to 10, how likely are you to recommend {{support.name}} to a friend or colleague?

                Answer here (it takes a few seconds): {{link}}

                {{support.name}}
                """, html: """
                <p>Hello {{recipient.first_name}},</p>
                <p>On a scale from 0 to 10, how likely are you to recommend {{support.name}} to a friend or colleague?</p>
                <p><a href="{{link}}">Answer the question</a> (it takes a few seconds)</p>
                <p>{{support.name}}</p>
                """)
        case .satisfactionBad:
            MailTemplate(event: event, subject: "Bad rating on #{{ticket.id}} {{ticket.subject}}", text: """
                {{reason}}

                Ticket #{{ticket.id}} "{{ticket.subject}}". Requester: {{requester.name}}. Status: {{ticket.status}}.
                You are told because you lead the team that handles this ticket.

                Open the ticket: {{ticket.url}}
                (Replying to this email adds an internal note.)
                """, html: """
                <p><strong>{{reason}}</strong></p>
                <p>Ticket #{{ticket.id}} “{{ticket.subject}}”. Requester: {{requester.name}}. Status: {{ticket.status}}.</p>
                <p>You are told because you lead the team that handles this ticket.</p>
                <p><a href="{{ticket.url}}">Open the ticket</a></p>
                """)
        default:
            MailTemplate(event: .satisfaction, subject: "How would you rate the support you received?", text: """
                Hello {{recipient.first_name}},

                Your request #{{ticket.id}} "{{ticket.subject}}" was solved. How would you rate the support you received?

                Good, I'm satisfied: {{good_link}}
                Bad, I'm unsatisfied: {{bad_link}}

                You can add a comment on the page. The link works for 28 days.

                {{support.name}}
                """, html: """
                <p>Hello {{recipient.first_name}},</p>
                <p>Your request #{{ticket.id}} “{{ticket.subject}}” was solved. How would you rate the support you received?</p>
                <p><a href="{{good_link}}">Good, I'm satisfied</a> &nbsp; <a href="{{bad_link}}">Bad, I'm unsatisfied</a></p>
                <p>You can add a comment on the page. The link works for 28 days.</p>
                <p>{{support.name}}</p>
                """)
        }
    }
}

extension MailNotifier {
    /// The survey (or NPS question) to a customer: one of the admin-editable templates, with its signed links.
    func queueSurvey(_ event: MailTemplate.Event, to user: UserRecord, ticket: TicketRecord?, link: String,
                     db: any SQLDatabase) async throws {
        guard let email = user.email, user.active, !settings.isOwn(email) else { return }
        let template = try await MailTemplateStore(db: db).template(event)
        var values: [String: Any] = [
            "recipient": ["name": user.name, "first_name": Placeholders.firstName(of: user.name)],
            "link": link, "good_link": link + "?score=good", "bad_link": link + "?score=bad",
            "support": ["name": settings.support.name ?? "Support"],
        ]
        if let ticket {
            values["ticket"] = [
                "id": ticket.id, "subject": ticket.fields.subject, "status": ticket.fields.status.rawValue,
                "url": "\(settings.publicURL)/agent/tickets/\(ticket.id)",
                "portal_url": "\(settings.publicURL)/portal/requests/\(ticket.id)",
            ] as [String: Any]
        }
        let rendered = try template.render(values)
        let subject = ticket.map { "\(ThreadingKeys.subjectToken(ticketID: $0.id)) \(rendered.subject)" } ?? rendered.subject
        let mail = OutgoingMail(
            from: settings.support, to: [MailAddress(name: user.name, address: email)], cc: [], replyTo: [],
            subject: subject, messageID: MailComposer.newMessageID(domain: settings.domain), date: Date(),
            inReplyTo: nil, references: [],
            extraHeaders: [.init(name: "Auto-Submitted", value: "auto-generated"),
                           .init(name: "X-Auto-Response-Suppress", value: "All")],
            text: rendered.text, html: rendered.html, attachments: [])
        try await OutboxStore(db: db).enqueue(kind: event.rawValue, mail: mail, ticketID: ticket?.id)
    }
}
