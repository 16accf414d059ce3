import CasebookCore
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The mail admin: quarantined and held messages (retry, original), the outbox (send again), and the
/// notification templates (edit with a preview, back to default).
struct AdminMailRoutes: Sendable {
    let database: Database
    let inbound: InboundMailService
    let renderer: PageRenderer

    struct InboundRow: Sendable {
        var id: Int, received: String, from: String, subject: String, status: String, error: String, classification: String
        var ticketID: Int?
    }
    struct OutboxRow: Sendable {
        var id: Int, created: String, kind: String, to: String, subject: String, status: String, attempts: Int
        var lastError: String, retryable: Bool
    }
    struct TemplateRow: Sendable { var event: String, title: String, customized: Bool }
    struct MailPage: Sendable {
        var chrome: Chrome
        var support: String, notes: String?, smtp: String?
        var problems: [InboundRow], problemCount: Int, recent: [InboundRow]
        var outgoing: [OutboxRow], queuedCount: Int, failedCount: Int
        var templates: [TemplateRow]
    }
    struct TemplatePage: Sendable {
        struct Preview: Sendable { var subject: String, text: String }
        var chrome: Chrome
        var event: String, title: String, subject: String, text: String, html: String, customized: Bool
        var placeholders: [String]
        var example = "{{ticket.id}}", rawExample = "{{{comment.html}}}"
        var preview: Preview
    }

    func register(on web: RouterGroup<CasebookContext>) {
        web.get("admin/mail", use: overview)
        web.post("admin/mail/inbound/:id/retry", use: retryInbound)
        web.get("admin/mail/inbound/:id/raw", use: rawInbound)
        web.post("admin/mail/outbox/:id/retry", use: retryOutgoing)
        web.get("admin/mail/outbox/:id/raw", use: rawOutgoing)
        web.get("admin/mail/templates/:event", use: template)
        web.post("admin/mail/templates/:event", use: saveTemplate)
        web.post("admin/mail/templates/:event/reset", use: resetTemplate)
        web.get("agent/mail/:id/original", use: original)
    }

    /// An agent reads the message a comment came from, quotes and all (as text, never rendered).
    @Sendable func original(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.useWorkspace)
        let id = try context.parameters.id()
        guard let raw = try await database.read({ db -> [UInt8]? in
            guard let record = try await InboundStore(db: db).find(id: id), record.ticketID != nil else { return nil }
            return try await InboundStore(db: db).raw(id: id)
        }) else { throw APIError.notFound() }
        return Self.download(raw, name: "message-\(id).eml")
    }

    static func row(_ r: InboundStore.Record) -> InboundRow {
        InboundRow(id: r.id, received: PageTime.text(r.receivedAt), from: r.sender ?? "", subject: r.subject,
                   status: r.status.rawValue, error: r.error ?? "", classification: r.classification ?? "", ticketID: r.ticketID)
    }

    @Sendable func overview(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.manageMail)
        let settings = inbound.settings
        var chrome = Chrome(title: "Mail", context: context)
        if let notice = request.uri.queryParameters["notice"] { chrome.notices = [String(notice)] }
        let page = try await database.read { db in
            let store = InboundStore(db: db)
            let outbox = OutboxStore(db: db)
            let templates = MailTemplateStore(db: db)
            var rows: [TemplateRow] = []
            for event in MailTemplate.Event.allCases {
                rows.append(TemplateRow(event: event.rawValue, title: event.title, customized: try await templates.isCustomized(event)))
            }
            return MailPage(
                chrome: chrome, support: settings.support.address, notes: settings.notesAddress,
                smtp: settings.smtpURL.map(Self.withoutPassword),
                problems: try await store.list(statuses: [.quarantined, .held], limit: 100).map(Self.row),
                problemCount: try await store.count(statuses: [.quarantined, .held]),
                recent: try await store.list(statuses: [.processed, .ignored, .received], limit: 25).map(Self.row),
                outgoing: try await outbox.list(status: nil, limit: 50).map {
                    OutboxRow(id: $0.id, created: PageTime.text($0.createdAt), kind: $0.kind, to: $0.to, subject: $0.subject,
                              status: $0.status, attempts: $0.attempts, lastError: $0.lastError ?? "", retryable: $0.status != "sent")
                },
                queuedCount: try await outbox.count(status: .queued), failedCount: try await outbox.count(status: .failed),
                templates: rows)
        }
        return renderer.page("admin-mail", page)
    }

    /// `smtp://user:secret@host` → `smtp://user@host`: the page never shows the password.
    static func withoutPassword(_ url: String) -> String {
        guard var parts = URLComponents(string: url) else { return "(unreadable SMTP_URL)" }
        parts.password = nil
        return parts.string ?? "(unreadable SMTP_URL)"
    }

    @Sendable func retryInbound(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.manageMail)
        let id = try context.parameters.id()
        let record = try await inbound.process(id: id, releaseHold: true)
        let notice = record.status == .processed ? "Message \(id) processed" + (record.ticketID.map { " into ticket #\($0)" } ?? "")
            : "Message \(id) is still \(record.status.rawValue): \(record.error ?? "")"
        return seeOther("/admin/mail?notice=" + percentEncoded(notice))
    }

    @Sendable func rawInbound(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.manageMail)
        let id = try context.parameters.id()
        guard let raw = try await database.read({ db in try await InboundStore(db: db).raw(id: id) }) else { throw APIError.notFound() }
        return Self.download(raw, name: "message-\(id).eml")
    }

    @Sendable func retryOutgoing(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.manageMail)
        let id = try context.parameters.id()
        let done = try await database.write { db in try await OutboxStore(db: db).requeue(id: id, now: Timestamp.now) }
        return seeOther("/admin/mail?notice=" + percentEncoded(done ? "Message \(id) will be sent again now" : "Message \(id) was already sent"))
    }

    @Sendable func rawOutgoing(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.manageMail)
        let id = try context.parameters.id()
        guard let raw = try await database.read({ db in try await OutboxStore(db: db).raw(id: id) }) else { throw APIError.notFound() }
        return Self.download(raw, name: "outgoing-\(id).eml")
    }

    /// Mail is shown as text, never rendered: it is whatever a stranger sent.
    static func download(_ raw: [UInt8], name: String) -> Response {
        Response(status: .ok, headers: [.contentType: "text/plain; charset=utf-8", .contentDisposition: "inline; filename=\"\(name)\"",
                                        HTTPField.Name("X-Content-Type-Options")!: "nosniff",
                                        HTTPField.Name("Content-Security-Policy")!: "default-src 'none'; sandbox"],
                 body: .init(byteBuffer: ByteBuffer(bytes: raw)))
    }

    private func event(_ context: CasebookContext) throws -> MailTemplate.Event {
        guard let name = context.parameters.get("event"), let event = MailTemplate.Event(rawValue: name) else {
            throw WebError(.notFound, "There is no such mail template.")
        }
        return event
    }

    func templatePage(_ context: CasebookContext, _ template: MailTemplate, customized: Bool, errors: [String] = []) -> TemplatePage {
        var chrome = Chrome(title: template.event.title, context: context)
        chrome.errors = errors
        let sample: [String: Any] = [
            "ticket": ["id": 123, "subject": "Pink units arrived", "status": "open", "url": "https://support.example.com/agent/tickets/123",
                       "portal_url": "https://support.example.com/portal/requests/123"] as [String: Any],
            "comment": ["author": "Morgan Avery", "body": "They ship on Friday.", "html": "<p>They ship on Friday.</p>"],
            "recipient": ["name": "Rex Harmon", "first_name": "Rex"], "requester": ["name": "Rex Harmon"],
            "actor": ["name": "Morgan Avery"], "marker": "##- Please type your reply above this line -##",
            "link": "https://support.example.com/sign-in/link/…",
            "good_link": "https://support.example.com/satisfaction/…?score=good", "bad_link": "https://support.example.com/satisfaction/…?score=bad",
            "support": ["name": inbound.settings.support.name ?? "Support"],
        ]
        let rendered = (try? template.render(sample)) ?? .init(subject: "(does not render)", text: "", html: "")
        return TemplatePage(chrome: chrome, event: template.event.rawValue, title: template.event.title, subject: template.subject,
                            text: template.text, html: template.html, customized: customized,
                            placeholders: MailTemplate.placeholders, preview: .init(subject: rendered.subject, text: rendered.text))
    }

    @Sendable func template(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.manageMail)
        let event = try event(context)
        let (template, customized) = try await database.read { db in
            let store = MailTemplateStore(db: db)
            return (try await store.template(event), try await store.isCustomized(event))
        }
        return renderer.page("admin-mail-template", templatePage(context, template, customized: customized))
    }

    @Sendable func saveTemplate(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.manageMail)
        let event = try event(context)
        let form = context.form ?? QueryItems(nil)
        let template = MailTemplate(event: event, subject: form["subject"] ?? "", text: form["text"] ?? "", html: form["html"] ?? "")
        var errors: [String] = []
        if template.subject.trimmingCharacters(in: .whitespaces).isEmpty { errors.append("Subject: cannot be blank") }
        if template.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { errors.append("Text part: cannot be blank") }
        do { try template.validate() } catch { errors.append(error.description) }
        guard errors.isEmpty else {
            return renderer.page("admin-mail-template", templatePage(context, template, customized: true, errors: errors),
                                 status: .unprocessableContent)
        }
        try await database.write { db in try await MailTemplateStore(db: db).save(template, by: actor.id) }
        return seeOther("/admin/mail?notice=" + percentEncoded("Template \(event.title) saved"))
    }

    @Sendable func resetTemplate(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.manageMail)
        let event = try event(context)
        try await database.write { db in try await MailTemplateStore(db: db).reset(event) }
        return seeOther("/admin/mail?notice=" + percentEncoded("Template \(event.title) is the default again"))
    }
}
