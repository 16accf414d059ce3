import Foundation
import Mustache
import SQLKit
import Synchronization

/// The mail Casebook writes, one template per event, in Mustache. Admins may replace any of them (`mail_templates`);
/// the defaults below apply otherwise. Subject and text are rendered without HTML escaping; the HTML part escapes
/// every value except `{{{comment.html}}}`, which is already sanitized.
struct MailTemplate: Sendable, Equatable {
    enum Event: String, Sendable, CaseIterable {
        case requestReceived = "request_received"
        case publicReply = "public_reply"
        case internalNote = "internal_note"
        case assignment
        case escalation
        case decision
        case followUp = "follow_up"
        case conduct
        case signInLink = "sign_in_link"
        case satisfaction
        case satisfactionBad = "satisfaction_bad"
        case nps

        var title: String {
            switch self {
            case .requestReceived: "Request received (to the requester)"
            case .publicReply: "Public reply (to the requester and CCs)"
            case .internalNote: "Internal note (to followers)"
            case .assignment: "Assignment (to the new assignee)"
            case .escalation: "Escalation (to the team or the lead/manager it was escalated to)"
            case .decision: "Decision on the record (to everyone involved in the case)"
            case .followUp: "Follow-up reminder or escalation (to its owner, or to whoever assigned it once missed)"
            case .conduct: "Conduct record (to the leads of the ticket's group)"
            case .signInLink: "Sign-in link (to a customer)"
            case .satisfaction: "Satisfaction survey (to the requester, when the ticket is solved)"
            case .satisfactionBad: "Bad satisfaction rating (to the leads of the ticket's group)"
            case .nps: "Net Promoter Score question (to a customer, at most once a quarter)"
            }
        }
    }

    var event: Event
    var subject: String
    var text: String
    var html: String

    /// The values templates can use, documented on the admin page.
    static let placeholders = [
        "ticket.id", "ticket.subject", "ticket.status", "ticket.url", "ticket.portal_url", "comment.author",
        "comment.body", "comment.html", "recipient.name", "recipient.first_name", "requester.name", "actor.name",
        "marker", "link", "support.name", "reason", "good_link", "bad_link",
    ]

    static func defaults(_ event: Event) -> MailTemplate {
        switch event {
        case .requestReceived:
            MailTemplate(event: event, subject: "{{ticket.subject}}", text: """
                {{marker}}

                Hello {{recipient.first_name}},

                We received your request #{{ticket.id}} "{{ticket.subject}}". A member of our team will answer by email.
                To add anything, reply to this message.

                You can also follow it at {{ticket.portal_url}}

                {{support.name}}
                """, html: """
                <p style="color:#888">{{marker}}</p>
                <p>Hello {{recipient.first_name}},</p>
                <p>We received your request #{{ticket.id}} “{{ticket.subject}}”. A member of our team will answer by email.
                To add anything, reply to this message.</p>
                <p><a href="{{ticket.portal_url}}">Follow your request</a></p>
                <p>{{support.name}}</p>
                """)
        case .publicReply:
            MailTemplate(event: event, subject: "{{ticket.subject}}", text: """
                {{marker}}

                {{comment.author}} wrote:

                {{comment.body}}

                --
                Request #{{ticket.id}}: {{ticket.portal_url}}
                """, html: """
                <p style="color:#888">{{marker}}</p>
                <p><strong>{{comment.author}}</strong> wrote:</p>
                <div>{{{comment.html}}}</div>
                <hr><p style="color:#888">Request #{{ticket.id}}: <a href="{{ticket.portal_url}}">{{ticket.portal_url}}</a></p>
                """)
        case .internalNote:
            MailTemplate(event: event, subject: "Internal note on #{{ticket.id}}: {{ticket.subject}}", text: """
                {{comment.author}} added an internal note to #{{ticket.id}} "{{ticket.subject}}":

                {{comment.body}}

                Open the ticket: {{ticket.url}}
                (Replying to this email adds an internal note.)
                """, html: """
                <p><strong>{{comment.author}}</strong> added an internal note to #{{ticket.id}} “{{ticket.subject}}”:</p>
                <div style="background:#fff8e1;padding:8px">{{{comment.html}}}</div>
                <p><a href="{{ticket.url}}">Open the ticket</a></p>
                """)
        case .assignment:
            MailTemplate(event: event, subject: "Assigned to you: #{{ticket.id}} {{ticket.subject}}", text: """
                {{actor.name}} assigned ticket #{{ticket.id}} "{{ticket.subject}}" to you.
                Requester: {{requester.name}}. Status: {{ticket.status}}.

                Open the ticket: {{ticket.url}}
                """, html: """
                <p>{{actor.name}} assigned ticket #{{ticket.id}} “{{ticket.subject}}” to you.</p>
                <p>Requester: {{requester.name}}. Status: {{ticket.status}}.</p>
                <p><a href="{{ticket.url}}">Open the ticket</a></p>
                """)
        case .escalation:
            MailTemplate(event: event, subject: "Escalated: #{{ticket.id}} {{ticket.subject}}", text: """
                {{actor.name}} escalated ticket #{{ticket.id}} "{{ticket.subject}}" to you or your team.
                Why: {{reason}}
                Requester: {{requester.name}}. Status: {{ticket.status}}.

                Open the ticket: {{ticket.url}}
                (Replying to this email adds an internal note.)
                """, html: """
                <p>{{actor.name}} escalated ticket #{{ticket.id}} “{{ticket.subject}}” to you or your team.</p>
                <p><strong>Why:</strong> {{reason}}</p>
                <p>Requester: {{requester.name}}. Status: {{ticket.status}}.</p>
                <p><a href="{{ticket.url}}">Open the ticket</a></p>
                """)
        case .decision:
            MailTemplate(event: event, subject: "Decision on #{{ticket.id}} {{ticket.subject}}", text: """
                {{actor.name}} made a decision on ticket #{{ticket.id}} "{{ticket.subject}}":
                {{reason}}

                You are told because you worked on this case, follow it, or approve for it.
                Requester: {{requester.name}}. Status: {{ticket.status}}.

                Open the ticket: {{ticket.url}}
                (Replying to this email adds an internal note.)
                """, html: """
                <p>{{actor.name}} made a decision on ticket #{{ticket.id}} “{{ticket.subject}}”:</p>
                <p><strong>{{reason}}</strong></p>
                <p>You are told because you worked on this case, follow it, or approve for it.</p>
                <p>Requester: {{requester.name}}. Status: {{ticket.status}}.</p>
                <p><a href="{{ticket.url}}">Open the ticket</a></p>
                """)
        case .followUp:
            MailTemplate(event: event, subject: "Follow-up on #{{ticket.id}} {{ticket.subject}}", text: """
                {{reason}}

                Ticket #{{ticket.id}} "{{ticket.subject}}". Requester: {{requester.name}}. Status: {{ticket.status}}.

                Open the ticket: {{ticket.url}}
                (Replying to this email adds an internal note.)
                """, html: """
                <p><strong>{{reason}}</strong></p>
                <p>Ticket #{{ticket.id}} “{{ticket.subject}}”. Requester: {{requester.name}}. Status: {{ticket.status}}.</p>
                <p><a href="{{ticket.url}}">Open the ticket</a></p>
                """)
        case .conduct:
            MailTemplate(event: event, subject: "Conduct record on #{{ticket.id}} {{ticket.subject}}", text: """
                {{actor.name}} flagged abusive conduct on ticket #{{ticket.id}} "{{ticket.subject}}":
                {{reason}}

                You are told because you lead the team that handles this ticket.
                Requester: {{requester.name}}. Status: {{ticket.status}}.

                Open the ticket: {{ticket.url}}
                (Replying to this email adds an internal note.)
                """, html: """
                <p>{{actor.name}} flagged abusive conduct on ticket #{{ticket.id}} “{{ticket.subject}}”:</p>
                <p><strong>{{reason}}</strong></p>
                <p>You are told because you lead the team that handles this ticket.</p>
                <p>Requester: {{requester.name}}. Status: {{ticket.status}}.</p>
                <p><a href="{{ticket.url}}">Open the ticket</a></p>
                """)
        case .signInLink:
            MailTemplate(event: event, subject: "Your sign-in link", text: """
                Hello {{recipient.first_name}},

                Use this link within 15 minutes to sign in to your support requests:

                {{link}}

                If you did not ask for it, ignore this message.
                """, html: """
                <p>Hello {{recipient.first_name}},</p>
                <p>Use this link within 15 minutes to sign in to your support requests:</p>
                <p><a href="{{link}}">Sign in</a></p>
                <p>If you did not ask for it, ignore this message.</p>
                """)
        case .satisfaction, .satisfactionBad, .nps:
            satisfactionDefaults(event)
        }
    }

    struct Rendered: Sendable, Equatable {
        var subject: String
        var text: String
        var html: String
    }

    enum Problem: Error, CustomStringConvertible {
        case invalid(part: String, message: String)
        var description: String {
            switch self {
            case .invalid(let part, let message): "The \(part) template does not parse: \(message)"
            }
        }
    }

    /// Checks all three parts parse (before an admin's edit is saved).
    func validate() throws(Problem) {
        for (part, source) in [("subject", subject), ("text", text), ("HTML", html)] {
            do { _ = try MustacheTemplate(string: source) } catch {
                throw .invalid(part: part, message: String(describing: error))
            }
        }
    }

    /// Parsed templates by source: the same few are rendered for every message.
    private static let compiled = Mutex<[String: MustacheTemplate]>([:])

    static func compile(_ source: String) throws -> MustacheTemplate {
        if let cached = compiled.withLock({ $0[source] }) { return cached }
        let template = try MustacheTemplate(string: source)
        compiled.withLock { cache in
            if cache.count >= 64 { cache.removeAll() }  // edited templates leave old versions behind
            cache[source] = template
        }
        return template
    }

    func render(_ values: [String: Any]) throws -> Rendered {
        let plain = "{{% CONTENT_TYPE: TEXT}}"
        let subjectLine = try Self.compile(plain + subject).render(values)
            .replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
            .trimmingCharacters(in: .whitespaces)
        return Rendered(subject: subjectLine, text: try Self.compile(plain + text).render(values),
                        html: try Self.compile(html).render(values))
    }
}

struct MailTemplateStore: Sendable {
    let db: any SQLDatabase

    /// The admin's version of the event's template, or the default.
    func template(_ event: MailTemplate.Event) async throws -> MailTemplate {
        guard let row = try await db.raw("""
            SELECT subject, text_body, html_body FROM mail_templates WHERE event = \(bind: event.rawValue)
            """).first() else { return .defaults(event) }
        return MailTemplate(event: event, subject: try row.decode(column: "subject", as: String.self),
                            text: try row.decode(column: "text_body", as: String.self),
                            html: try row.decode(column: "html_body", as: String.self))
    }

    func isCustomized(_ event: MailTemplate.Event) async throws -> Bool {
        try await db.raw("SELECT event FROM mail_templates WHERE event = \(bind: event.rawValue)").first() != nil
    }

    func save(_ template: MailTemplate, by userID: Int, now: Int64 = Timestamp.now) async throws {
        try await db.raw("""
            INSERT INTO mail_templates (event, subject, text_body, html_body, updated_by, updated_at)
            VALUES (\(bind: template.event.rawValue), \(bind: template.subject), \(bind: template.text), \(bind: template.html),
                    \(bind: userID), \(bind: now))
            ON CONFLICT (event) DO UPDATE SET subject = excluded.subject, text_body = excluded.text_body,
                html_body = excluded.html_body, updated_by = excluded.updated_by, updated_at = excluded.updated_at
            """).run()
    }

    func reset(_ event: MailTemplate.Event) async throws {
        try await db.raw("DELETE FROM mail_templates WHERE event = \(bind: event.rawValue)").run()
    }
}
