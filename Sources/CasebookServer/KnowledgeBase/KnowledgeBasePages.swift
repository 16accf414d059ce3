import CasebookCore
import Foundation
import HTTPTypes
import Hummingbird
import Mustache
import SQLKit

/// The agents' knowledge-base pages: `/agent/kb` (the list with filters, deflection counts for leads, categories and
/// sections for leads to arrange), the editor (`/agent/kb/new`, `/agent/kb/{id}/edit`: Markdown with a preview, save,
/// publish and unpublish for leads, file uploads), the revision history with the diff between any two versions,
/// "Turn into article" from a ticket's reply, and the composer's article search.
struct KnowledgeBasePages: Sendable {
    let services: CasebookServices
    let renderer: PageRenderer
    var database: Database { services.database }
    var kb: KnowledgeBaseService { KnowledgeBaseService(services: services) }

    func register(on web: RouterGroup<CasebookContext>) {
        web.get("agent/kb", use: list)
        web.get("agent/kb/new", use: newArticle)
        web.post("agent/kb", use: create)
        web.get("agent/kb/:id/edit", use: edit)
        web.post("agent/kb/:id", use: save)
        web.post("agent/kb/:id/attachments", use: upload)
        web.get("agent/kb/:id/revisions", use: revisions)
        registerArranging(on: web)
        web.post("agent/tickets/:id/comments/:comment_id/article", use: fromReply)
        web.get("agent/tickets/:id/articles/search", use: composerSearch)
    }

    // MARK: List

    @Sendable func list(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.useWorkspace)
        let q = request.query
        var filter = KnowledgeBaseStore.Filter(staff: true)
        switch q["status"] ?? "" {
        case "draft": filter.draft = true
        case "published": filter.draft = false
        default: break
        }
        filter.sectionID = Int(q["section_id"] ?? "")
        let label = (q["label"] ?? "").trimmingCharacters(in: .whitespaces)
        if !label.isEmpty { filter.label = label }
        let canPublish = KnowledgeAccess.mayPublish(actor.role)
        let since = services.config.clock.now() - 30 * 86_400_000
        let (articles, sections, categories, counts, perSection) = try await database.read { db in
            let store = KnowledgeBaseStore(db: db)
            return (try await store.list(filter, limit: 500, offset: 0, afterID: nil), try await store.sections(), try await store.categories(),
                    canPublish ? try await store.deflectionCounts(since: since) : nil,
                    canPublish ? try await store.articleCountsBySection() : [:])
        }
        let sectionNames = Dictionary(sections.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let rows: [[String: Any]] = articles.sorted { $0.updatedAt != $1.updatedAt ? $0.updatedAt > $1.updatedAt : $0.id > $1.id }.map { a in
            ["id": a.id, "title": a.title, "section": sectionNames[a.sectionID] ?? "", "status": a.draft ? "Draft" : "Published",
             "visibility": a.visibility == .public ? "Everyone" : "Agents only", "votes": "\(a.voteSum) (\(a.voteCount))",
             "updated": PageTime.text(a.updatedAt), "updatedISO": PageTime.iso(a.updatedAt)]
        }
        var chrome = Chrome(title: "Knowledge base", context: context)
        chrome.notices = q["deleted"] != nil ? ["Article deleted."] : q["arranged"] != nil ? ["Categories and sections saved."] : []
        var model: [String: Any] = [
            "chrome": chrome, "articles": rows, "label": label, "canArrange": canPublish,
            "statuses": [("", "Any"), ("draft", "Drafts"), ("published", "Published")].map { Option(value: $0.0, label: $0.1, selected: (q["status"] ?? "") == $0.0) },
            "sections": sections.map { Option(value: String($0.id), label: $0.name, selected: $0.id == filter.sectionID) },
            "categories": categories.map { Option(value: String($0.id), label: $0.name, selected: false) },
        ]
        if canPublish { model["places"] = Self.places(categories: categories, sections: sections, articles: perSection) }
        if let counts {
            model["deflection"] = ["suggested": counts.suggested, "opened": counts.opened, "submitted": counts.submitted, "avoided": counts.avoided]
        }
        return renderer.page("kb-list", model)
    }

    // MARK: Editor

    struct EditorState {
        var id: Int?
        var title = ""
        var body = ""
        var labels = ""
        var sectionID: Int?
        var visibility = ArticleVisibility.public
        var draft = true
        var tickets: [Int] = []
    }

    func renderEditor(_ state: EditorState, context: CasebookContext, actor: Actor, errors: [String] = [], notices: [String] = [],
                      status: HTTPResponse.Status = .ok) async throws -> Response {
        let (sections, categories, files) = try await database.read { db in
            let store = KnowledgeBaseStore(db: db)
            return (try await store.sections(), try await store.categories(),
                    try await state.id.asyncMap { try await store.attachments(articleID: $0) } ?? [])
        }
        let categoryNames = Dictionary(categories.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        var chrome = Chrome(title: state.id == nil ? "New article" : "Edit: \(state.title)", context: context)
        chrome.errors = errors
        chrome.notices = notices
        var article: [String: Any] = ["title": state.title, "body": state.body, "labels": state.labels, "draft": state.draft,
                                      "status": state.draft ? "Draft" : "Published", "tickets": state.tickets]
        if let id = state.id { article["id"] = id }
        let model: [String: Any] = [
            "chrome": chrome, "article": article, "action": state.id.map { "/agent/kb/\($0)" } ?? "/agent/kb",
            "canPublish": KnowledgeAccess.mayPublish(actor.role),
            "sections": sections.map { Option(value: String($0.id), label: "\(categoryNames[$0.categoryID] ?? "") › \($0.name)", selected: $0.id == state.sectionID) },
            "visibilities": [Option(value: "public", label: "Everyone (public)", selected: state.visibility == .public),
                             Option(value: "internal", label: "Agents only", selected: state.visibility == .internal)],
            "preview": ArticleHTML.render(state.body),
            "files": files.map { f in
                ["url": KnowledgeBaseService.attachmentPath(f), "name": f.fileName,
                 "markdown": (AttachmentStore.imageTypes(f.contentType) ? "!" : "") + "[\(KnowledgeBaseService.altText(f.fileName))](\(KnowledgeBaseService.attachmentPath(f)))"]
            },
            "hasFiles": !files.isEmpty,
        ]
        return renderer.page("kb-editor", model, status: status)
    }

    static func state(_ a: ArticleRecord, tickets: [Int]) -> EditorState {
        EditorState(id: a.id, title: a.title, body: a.body, labels: a.labels.joined(separator: ", "), sectionID: a.sectionID,
                    visibility: a.visibility, draft: a.draft, tickets: tickets)
    }

    static func state(form: QueryItems, id: Int?, draft: Bool) -> EditorState {
        EditorState(id: id, title: form["title"] ?? "", body: form["body"] ?? "", labels: form["label_names"] ?? "",
                    sectionID: Int(form["section_id"] ?? ""), visibility: ArticleVisibility(rawValue: form["visibility"] ?? "") ?? .public, draft: draft)
    }

    static func input(form: QueryItems) -> KnowledgeBaseService.ArticleInput {
        .init(title: form["title"] ?? "", body: form["body"] ?? "", labels: (form["label_names"] ?? "").split(separator: ",").map(String.init),
              visibility: ArticleVisibility(rawValue: form["visibility"] ?? "") ?? .public, sectionID: Int(form["section_id"] ?? ""),
              note: form["note"] ?? "")
    }

    @Sendable func newArticle(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.useWorkspace)
        var state = EditorState()
        state.sectionID = Int(request.query["section_id"] ?? "")
        return try await renderEditor(state, context: context, actor: actor)
    }

    @Sendable func create(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.useWorkspace)
        let form = context.form ?? QueryItems(nil)
        if form["action"] == "preview" {
            return try await renderEditor(Self.state(form: form, id: nil, draft: true), context: context, actor: actor)
        }
        do {
            var input = Self.input(form: form)
            guard let section = input.sectionID else { throw APIError.invalid("section_id", "Section: choose one (a lead creates sections)") }
            input.draft = true
            let final = input
            let a = try await database.write { db in try await kb.createArticle(sectionID: section, final, actor: actor, db: db) }
            return seeOther("/agent/kb/\(a.id)/edit?saved=1")
        } catch let error as APIError where TicketPageRoutes.showsOnPage(error) {
            return try await renderEditor(Self.state(form: form, id: nil, draft: true), context: context, actor: actor, errors: error.messages,
                                          status: error.status == .forbidden ? .forbidden : .unprocessableContent)
        }
    }

    @Sendable func edit(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.useWorkspace)
        let id = try context.parameters.id()
        let (a, tickets) = try await database.read { db in
            (try await kb.readableArticle(id, role: actor.role, db: db), try await KnowledgeBaseStore(db: db).linkedTickets(articleID: id))
        }
        let q = request.query
        var notices: [String] = []
        if q["saved"] != nil { notices.append("Saved.") }
        if q["published"] != nil { notices.append("Published: the article is in the help center.") }
        if q["unpublished"] != nil { notices.append("Unpublished: the article is a draft again.") }
        if q["from_ticket"] != nil { notices.append("Draft created from the reply; the ticket links to it.") }
        if q["uploaded"] != nil { notices.append("File added; put its Markdown where it belongs.") }
        return try await renderEditor(Self.state(a, tickets: tickets), context: context, actor: actor, notices: notices)
    }

    /// The editor's buttons: save, preview (nothing saved), publish (save then publish) and unpublish.
    @Sendable func save(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.useWorkspace)
        let id = try context.parameters.id()
        let form = context.form ?? QueryItems(nil)
        let existing = try await database.read { db in try await kb.readableArticle(id, role: actor.role, db: db) }
        let action = form["action"] ?? "save"
        if action == "preview" {
            return try await renderEditor(Self.state(form: form, id: id, draft: existing.draft), context: context, actor: actor)
        }
        do {
            var input = Self.input(form: form)
            if action == "publish" { input.draft = false }
            if action == "unpublish" {
                // Unpublishing changes nothing else.
                input = .init(draft: true)
            }
            let final = input
            _ = try await database.write { db in try await kb.updateArticle(id, final, actor: actor, db: db) }
            let flag = action == "publish" ? "published" : action == "unpublish" ? "unpublished" : "saved"
            return seeOther("/agent/kb/\(id)/edit?\(flag)=1")
        } catch let error as APIError where TicketPageRoutes.showsOnPage(error) {
            let tickets = try await database.read { db in try await KnowledgeBaseStore(db: db).linkedTickets(articleID: id) }
            var state = Self.state(form: form, id: id, draft: existing.draft)
            state.tickets = tickets
            return try await renderEditor(state, context: context, actor: actor, errors: error.messages,
                                          status: error.status == .forbidden ? .forbidden : .unprocessableContent)
        }
    }

    @Sendable func upload(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.useWorkspace)
        let id = try context.parameters.id()
        guard let file = context.files.first(where: { !$0.data.isEmpty }) else { throw WebError(.unprocessableContent, "Choose a file to upload.") }
        guard file.data.count <= services.config.mail.maxAttachmentBytes else { throw WebError(.contentTooLarge, "The file is too large.") }
        _ = try await database.write { db in
            try await kb.addAttachment(articleID: id, data: file.data, fileName: file.fileName, contentType: file.contentType, actor: actor, db: db)
        }
        return seeOther("/agent/kb/\(id)/edit?uploaded=1")
    }

    @Sendable func revisions(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.useWorkspace)
        let id = try context.parameters.id()
        let q = request.query
        let (a, list, names) = try await database.read { db in
            let a = try await kb.readableArticle(id, role: actor.role, db: db)
            let list = try await KnowledgeBaseStore(db: db).revisions(articleID: id)
            let people = try await UserStore(db: db).find(ids: Array(Set(list.map(\.authorID))))
            return (a, list, Dictionary(people.map { ($0.id, $0.name) }, uniquingKeysWith: { x, _ in x }))
        }
        let newest = list.first?.number ?? 1
        let to = Int(q["to"] ?? "") ?? newest, from = Int(q["from"] ?? "") ?? max(1, to - 1)
        var model: [String: Any] = [
            "chrome": Chrome(title: "Revisions: \(a.title)", context: context),
            "article": ["id": a.id, "title": a.title] as [String: Any],
            "revisions": list.map { r in
                ["number": r.number, "author": names[r.authorID] ?? "#\(r.authorID)", "created": PageTime.text(r.createdAt),
                 "createdISO": PageTime.iso(r.createdAt), "note": r.note, "draft": r.draft] as [String: Any]
            },
            "fromOptions": list.map { Option(value: String($0.number), label: "#\($0.number)", selected: $0.number == from) },
            "toOptions": list.map { Option(value: String($0.number), label: "#\($0.number)", selected: $0.number == to) },
        ]
        if list.count > 1 || q["from"] != nil {
            let diff = try await database.read { db in try await kb.diff(articleID: id, from: from, to: to, db: db) }
            model["diff"] = ["from": from, "to": to, "added": diff.added, "removed": diff.removed, "html": diff.html] as [String: Any]
        }
        return renderer.page("kb-revisions", model)
    }

    // MARK: Tickets

    /// "Turn into article": one click makes the draft and opens it in the editor.
    @Sendable func fromReply(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.useWorkspace)
        let ticketID = try context.parameters.id()
        let commentID = try context.parameters.id("comment_id")
        let a = try await database.write { db in
            try await kb.articleFromReply(ticketID: ticketID, commentID: commentID, sectionID: nil, actor: actor, tickets: services.tickets, db: db)
        }
        return seeOther("/agent/kb/\(a.id)/edit?from_ticket=\(ticketID)")
    }

    /// The composer's article search: results with "insert link" / "insert text", which open the ticket with the
    /// article in the reply box.
    @Sendable func composerSearch(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.useWorkspace)
        let ticketID = try context.parameters.id()
        let text = request.query["q"] ?? ""
        let found = try await database.read { db -> [ArticleRecord] in
            _ = try await services.tickets.visibleTicket(ticketID, to: actor, db: db)
            return try await kb.search(text, role: actor.role, db: db).articles
        }
        let model: [String: Any] = [
            "chrome": Chrome(title: "Articles for ticket #\(ticketID)", context: context), "ticketID": ticketID, "query": text,
            "searched": !text.isEmpty,
            "results": found.prefix(20).map { ["id": $0.id, "title": $0.title, "draft": $0.draft, "ticketID": ticketID] as [String: Any] },
        ]
        return renderer.page("kb-ticket-search", model)
    }
}

/// The ticket page's knowledge-base panel: the articles linked to the ticket, the article search for the reply, and a
/// "Turn into article" button for each public agent reply.
struct TicketKnowledgePanel: Sendable {
    struct Linked: Sendable { var id: Int; var title: String; var status: String }
    struct Reply: Sendable { var id: Int; var excerpt: String }

    var articles: [Linked] = []
    var hasArticles = false
    var replies: [Reply] = []
    var hasReplies = false

    static func load(ticketID: Int, comments: [CommentRecord], db: any SQLDatabase) async throws -> TicketKnowledgePanel {
        var panel = TicketKnowledgePanel()
        let authors = try await UserStore(db: db).find(ids: Array(Set(comments.filter(\.isPublic).map(\.authorID))))
        let staffIDs = Set(authors.filter(\.role.isStaff).map(\.id))
        panel.articles = try await KnowledgeBaseStore(db: db).linkedArticles(ticketID: ticketID)
            .map { Linked(id: $0.id, title: $0.title, status: $0.draft ? "draft" : "published") }
        panel.hasArticles = !panel.articles.isEmpty
        panel.replies = comments.filter { $0.isPublic && staffIDs.contains($0.authorID) }.sorted { $0.id < $1.id }.map { c in
            let line = c.body.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            return Reply(id: c.id, excerpt: line.count > 80 ? String(line.prefix(80)) + "…" : line)
        }
        panel.hasReplies = !panel.replies.isEmpty
        return panel
    }

    /// The reply box's text when the composer search's "insert" sent the agent back (`?insert_article=&insert=link|text`).
    static func insertion(_ query: QueryItems, actor: Actor, baseURL: String, database: Database) async throws -> String? {
        guard let id = Int(query["insert_article"] ?? "") else { return nil }
        let a = try await database.read { db in try await KnowledgeBaseService(clock: .system).readableArticle(id, role: actor.role, db: db) }
        if query["insert"] == "text" { return ArticleHTML.plainText(a.body) }
        return "\(a.title): \(baseURL)/hc/articles/\(a.id)"
    }
}

extension TicketKnowledgePanel: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "articles": articles
        case "hasArticles": hasArticles
        case "replies": replies
        case "hasReplies": hasReplies
        default: nil
        }
    }
}
