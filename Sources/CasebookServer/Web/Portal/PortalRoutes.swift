import CasebookCore
import Foundation
import Hummingbird
import SQLKit

/// The customer portal: a customer's own requests (and their organization's when it shares them), public replies only.
struct PortalRoutes: Sendable {
    let database: Database
    let tickets: TicketService
    let renderer: PageRenderer

    struct Row: Sendable {
        var id: Int
        var subject: String
        var requester: String
        var status: String
        var statusLabel: String
        var updated: String
        var updatedISO: String
    }
    struct ListPage: Sendable {
        var chrome: Chrome
        var rows: [Row]
        var prevHref: String?
        var nextHref: String?
    }
    struct NewPage: Sendable {
        var chrome: Chrome
        var subject: String
        var body: String
        /// The portal script's form-session key, kept when the form is shown again after an error.
        var deflectionForm: String = ""
    }
    struct Message: Sendable {
        struct File: Sendable { var name: String, path: String, size: String }
        var author: String
        var fromSupport: Bool
        var when: String
        var whenISO: String
        var html: String
        var files: [File] = []
    }
    struct RequestPage: Sendable {
        var chrome: Chrome
        var request: Row
        var messages: [Message]
        var open: Bool
        var draft: String
        /// Solved and the viewer's own: the page asks how the support was (see `SatisfactionPageRoutes`).
        var canRate = false
    }

    func register(on web: RouterGroup<CasebookContext>) {
        web.get("portal", use: list)
        web.get("portal/requests/new", use: newRequest)
        web.post("portal/requests", use: create)
        web.get("portal/requests/:id", use: show)
        web.post("portal/requests/:id/comments", use: reply)
    }

    /// What a customer calls the status (Zendesk's requester-facing names).
    static func label(_ status: TicketStatus) -> String {
        switch status {
        case .new, .open, .hold: "Open"
        case .pending: "Awaiting your reply"
        case .solved: "Solved"
        case .closed: "Closed"
        }
    }

    static func row(_ t: TicketRecord, names: NameBook) -> Row {
        Row(id: t.id, subject: t.fields.subject, requester: names.name(t.fields.requesterID), status: t.fields.status.rawValue,
            statusLabel: label(t.fields.status), updated: PageTime.text(t.updatedAt), updatedISO: PageTime.iso(t.updatedAt))
    }

    @Sendable func list(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.usePortal)
        let pageNumber = Paging.requested(request.query["page"])
        let chrome = Chrome(title: "Your requests", context: context)
        let model = try await database.read { db -> ListPage in
            let visible = try await tickets.visibility(for: actor, db: db)
            let total = try await TicketQuery.count(visible, db: db)
            let records = try await TicketQuery.page(visible, order: TicketQuery.order(.updated), limit: Paging.perPage,
                                                     offset: (pageNumber - 1) * Paging.perPage, db: db)
            let names = try await NameBook.load(userIDs: records.map(\.fields.requesterID), db: db)
            let paging = Paging(page: pageNumber, total: total) { "/portal?page=\($0)" }
            return ListPage(chrome: chrome, rows: records.map { Self.row($0, names: names) },
                            prevHref: paging.prevHref, nextHref: paging.nextHref)
        }
        return renderer.page("portal-list", model)
    }

    @Sendable func newRequest(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.usePortal)
        return renderer.page("portal-new", NewPage(chrome: Chrome(title: "New request", context: context), subject: "", body: ""))
    }

    @Sendable func create(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.usePortal)
        let form = context.form ?? QueryItems(nil)
        let subject = (form["subject"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let body = form["body"] ?? ""
        var errors: [String] = []
        if subject.isEmpty { errors.append("Subject: tell us in a few words what it is about.") }
        if body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { errors.append("Description: cannot be blank.") }
        if errors.isEmpty {
            do {
                var comment: JSONObject = ["body": .string(body)]
                if !context.files.isEmpty {
                    comment["uploads"] = [.string(try await FormUploads.stage(context.files, actor: actor, database: database))]
                }
                let written = try await tickets.create(["subject": .string(subject), "comment": .object(comment)],
                                                       actor: actor, via: .web)
                if let key = form["deflection_form"], DeflectionForm.isValidKey(key) {
                    let now = written.ticket.createdAt
                    try await database.write { db in
                        try await KnowledgeBaseStore(db: db).recordDeflection(formKey: key, event: .submitted, articleID: nil,
                                                                              userID: actor.id, now: now)
                    }
                }
                return seeOther("/portal/requests/\(written.ticket.id)")
            } catch let error as APIError where error.status == .unprocessableContent {
                errors = error.messages
            }
        }
        var chrome = Chrome(title: "New request", context: context)
        chrome.errors = errors
        let key = form["deflection_form"].flatMap { DeflectionForm.isValidKey($0) ? $0 : nil } ?? ""
        return renderer.page("portal-new", NewPage(chrome: chrome, subject: subject, body: body, deflectionForm: key),
                             status: .unprocessableContent)
    }

    func requestPage(_ id: Int, actor: Actor, context: CasebookContext, draft: String = "", errors: [String] = [],
                     notices: [String] = []) async throws -> RequestPage {
        try await database.read { db in
            // Not found (not forbidden) for someone else's request: its existence is not the customer's business.
            let ticket = try await tickets.visibleTicket(id, to: actor, db: db)
            let store = TicketStore(db: db)
            let comments = try await store.withAttachments(
                try await store.comments(ticketID: id, includeInternal: false, afterID: nil, beforeID: nil, limit: 100_000))
            let names = try await NameBook.load(userIDs: comments.map(\.authorID) + [ticket.fields.requesterID], db: db)
            var chrome = Chrome(title: ticket.fields.subject, context: context)
            chrome.errors = errors
            chrome.notices = notices
            return RequestPage(
                chrome: chrome, request: Self.row(ticket, names: names),
                messages: comments.filter { $0.isPublic && $0.call == nil }.map {
                    Message(author: names.name($0.authorID), fromSupport: names.users[$0.authorID]?.role.isStaff ?? false,
                            when: PageTime.text($0.createdAt), whenISO: PageTime.iso($0.createdAt), html: $0.htmlBody,
                            files: $0.attachments.filter { !$0.isInline }.map {
                                .init(name: $0.fileName, path: AttachmentRoutes.path(for: $0), size: TimelineBuilder.size($0.size))
                            })
                },
                open: ticket.fields.status != .closed, draft: draft,
                canRate: ticket.fields.status >= .solved && ticket.fields.requesterID == actor.id)
        }
    }

    @Sendable func show(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.usePortal)
        let notices = request.query["sent"] != nil ? ["Thank you, your reply was sent."] : []
        return renderer.page("portal-request", try await requestPage(try context.parameters.id(), actor: actor, context: context,
                                                                     notices: notices))
    }

    @Sendable func reply(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.usePortal)
        let id = try context.parameters.id()
        let form = context.form ?? QueryItems(nil)
        let body = form["body"] ?? ""
        var object = JSONObject()
        let hasText = !body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        if hasText || !context.files.isEmpty {
            var comment: JSONObject = ["body": .string(hasText ? body : "Attached: " + context.files.map(\.fileName).joined(separator: ", ")),
                                       "public": true]
            if !context.files.isEmpty {
                comment["uploads"] = [.string(try await FormUploads.stage(context.files, actor: actor, database: database))]
            }
            object["comment"] = .object(comment)
        }
        if form["solved"] == "1" { object["status"] = "solved" }
        var errors: [String] = []
        if object.isEmpty { errors.append("Write a reply, or tick “This solves my request”.") } else {
            do {
                _ = try await tickets.update(id, object, actor: actor, via: .web)
                return seeOther("/portal/requests/\(id)?sent=1")
            } catch let error as APIError where error.status == .unprocessableContent {
                errors = error.details?.details["assignee"] != nil
                    ? ["This request can be marked solved once an agent has picked it up."] : error.messages
            }
        }
        return renderer.page("portal-request", try await requestPage(id, actor: actor, context: context, draft: body, errors: errors),
                             status: .unprocessableContent)
    }
}
