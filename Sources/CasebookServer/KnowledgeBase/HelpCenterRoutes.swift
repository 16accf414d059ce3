import CasebookCore
import Foundation
import Hummingbird
import SQLKit

/// Zendesk's Help Center API: `/api/v2/help_center/categories`, `/sections`, `/articles` (list, show, create, update,
/// delete), `/articles/search?query=`, votes (`/articles/{id}/up`, `/down`), an article's files and revisions, and
/// `POST /api/v2/tickets/{id}/comments/{comment_id}/article` (an article from a reply). Anyone reads published public
/// articles, without signing in; staff read all; agents write; leads and above publish, delete and arrange.
struct HelpCenterRoutes: Sendable {
    let services: CasebookServices
    var database: Database { services.database }
    var kb: KnowledgeBaseService { KnowledgeBaseService(services: services) }

    func register(on api: RouterGroup<CasebookContext>) {
        let hc = api.group("help_center")
        hc.get("categories", use: categories)
        hc.post("categories", use: createCategory)
        hc.get("categories/:id", use: showCategory)
        hc.put("categories/:id", use: updateCategory)
        hc.delete("categories/:id", use: deleteCategory)
        hc.get("categories/:id/sections", use: sections)
        hc.post("categories/:id/sections", use: createSection)
        hc.get("categories/:id/articles", use: articles)
        hc.get("sections", use: sections)
        hc.get("sections/:id", use: showSection)
        hc.put("sections/:id", use: updateSection)
        hc.delete("sections/:id", use: deleteSection)
        hc.get("sections/:id/articles", use: articles)
        hc.post("sections/:id/articles", use: createArticle)
        hc.get("articles", use: articles)
        hc.get("articles/search", use: search)
        hc.get("articles/:id", use: showArticle)
        hc.put("articles/:id", use: updateArticle)
        hc.delete("articles/:id", use: deleteArticle)
        hc.post("articles/:id/up", use: voteUp)
        hc.post("articles/:id/down", use: voteDown)
        hc.get("articles/:id/attachments", use: attachments)
        hc.post("articles/:id/attachments", use: addAttachment)
        hc.get("articles/:id/revisions", use: revisions)
        hc.get("deflection", use: deflection)
        api.post("tickets/:id/comments/:comment_id/article", use: fromReply)
        api.get("tickets/:id/articles", use: ticketArticles)
    }

    // MARK: Categories and sections

    @Sendable func categories(_ request: Request, context: CasebookContext) async throws -> Response {
        let list = try await database.read { db in try await KnowledgeBaseStore(db: db).categories() }
        let base = request.baseURL
        return JSONResponse(["categories": .array(list.map { Self.present($0, base: base) }), "count": .int(list.count),
                             "next_page": .null, "previous_page": .null])
    }

    @Sendable func showCategory(_ request: Request, context: CasebookContext) async throws -> Response {
        let id = try context.parameters.id()
        let c = try await database.read { db in try await kb.category(id, db: db) }
        return JSONResponse(["category": Self.present(c, base: request.baseURL)])
    }

    @Sendable func createCategory(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.useWorkspace)
        let body = try await request.envelope("category", context: context)
        let c = try await database.write { db in try await kb.createCategory(Self.place(body), actor: actor, db: db) }
        return JSONResponse(["category": Self.present(c, base: request.baseURL)], status: .created)
    }

    @Sendable func updateCategory(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.useWorkspace)
        let id = try context.parameters.id()
        let body = try await request.envelope("category", context: context)
        let c = try await database.write { db in try await kb.updateCategory(id, Self.place(body), actor: actor, db: db) }
        return JSONResponse(["category": Self.present(c, base: request.baseURL)])
    }

    @Sendable func deleteCategory(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.useWorkspace)
        let id = try context.parameters.id()
        try await database.write { db in try await kb.deleteCategory(id, actor: actor, db: db) }
        return Response(status: .noContent)
    }

    @Sendable func sections(_ request: Request, context: CasebookContext) async throws -> Response {
        let categoryID = try? context.parameters.id()
        let list = try await database.read { db -> [SectionRecord] in
            if let categoryID { _ = try await kb.category(categoryID, db: db) }
            return try await KnowledgeBaseStore(db: db).sections(categoryID: categoryID)
        }
        let base = request.baseURL
        return JSONResponse(["sections": .array(list.map { Self.present($0, base: base) }), "count": .int(list.count),
                             "next_page": .null, "previous_page": .null])
    }

    @Sendable func showSection(_ request: Request, context: CasebookContext) async throws -> Response {
        let id = try context.parameters.id()
        let s = try await database.read { db in try await kb.section(id, db: db) }
        return JSONResponse(["section": Self.present(s, base: request.baseURL)])
    }

    @Sendable func createSection(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.useWorkspace)
        let categoryID = try context.parameters.id()
        let body = try await request.envelope("section", context: context)
        let s = try await database.write { db in try await kb.createSection(categoryID: categoryID, Self.place(body), actor: actor, db: db) }
        return JSONResponse(["section": Self.present(s, base: request.baseURL)], status: .created)
    }

    @Sendable func updateSection(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.useWorkspace)
        let id = try context.parameters.id()
        let body = try await request.envelope("section", context: context)
        let s = try await database.write { db in try await kb.updateSection(id, Self.place(body), actor: actor, db: db) }
        return JSONResponse(["section": Self.present(s, base: request.baseURL)])
    }

    @Sendable func deleteSection(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.useWorkspace)
        let id = try context.parameters.id()
        try await database.write { db in try await kb.deleteSection(id, actor: actor, db: db) }
        return Response(status: .noContent)
    }

    // MARK: Articles

    /// `/articles`, `/sections/{id}/articles`, `/categories/{id}/articles`; `?label_names=`, and for staff `?draft=`
    /// and `?author_id=`. Offset or cursor pages, in id order.
    @Sendable func articles(_ request: Request, context: CasebookContext) async throws -> Response {
        let role = context.actor?.role
        let q = request.uri.queryParameters
        var filter = KnowledgeBaseStore.Filter(staff: role?.isStaff == true)
        let path = request.uri.path
        if let id = try? context.parameters.id() {
            try await database.read { db in
                if path.contains("/sections/") { _ = try await kb.section(id, db: db) } else { _ = try await kb.category(id, db: db) }
            }
            if path.contains("/sections/") { filter.sectionID = id } else { filter.categoryID = id }
        }
        if let label = q.get("label_names")?.split(separator: ",").first { filter.label = String(label).trimmingCharacters(in: .whitespaces) }
        if let raw = q.get("draft") {
            guard let d = Bool(raw) else { throw APIError.badRequest("draft must be true or false") }
            filter.draft = d
        }
        if let raw = q.get("author_id") {
            guard let n = Int(raw) else { throw APIError.badRequest("author_id must be a number") }
            filter.authorID = n
        }
        let base = request.baseURL
        return try await PagedList.respond(request, try Pagination(request, defaultSize: 30), key: "articles", path: path,
                                           database: database) { [filter] db, limit, offset, after in
            let store = KnowledgeBaseStore(db: db)
            return (try await store.list(filter, limit: limit, offset: offset, afterID: after).map { ($0.id, Self.present($0, base: base)) },
                    try await store.count(filter))
        }
    }

    @Sendable func showArticle(_ request: Request, context: CasebookContext) async throws -> Response {
        let id = try context.parameters.id()
        let a = try await database.read { db in try await kb.readableArticle(id, role: context.actor?.role, db: db) }
        return JSONResponse(["article": Self.present(a, base: request.baseURL)])
    }

    @Sendable func createArticle(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.useWorkspace)
        let sectionID = try context.parameters.id()
        let body = try await request.envelope("article", context: context)
        let input = try Self.articleInput(body)
        let a = try await database.write { db in try await kb.createArticle(sectionID: sectionID, input, actor: actor, db: db) }
        return JSONResponse(["article": Self.present(a, base: request.baseURL)], status: .created)
    }

    @Sendable func updateArticle(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.useWorkspace)
        let id = try context.parameters.id()
        let body = try await request.envelope("article", context: context)
        let input = try Self.articleInput(body)
        let a = try await database.write { db in try await kb.updateArticle(id, input, actor: actor, db: db) }
        return JSONResponse(["article": Self.present(a, base: request.baseURL)])
    }

    @Sendable func deleteArticle(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.useWorkspace)
        let id = try context.parameters.id()
        try await database.write { db in try await kb.deleteArticle(id, actor: actor, db: db) }
        return Response(status: .noContent)
    }

    /// `?query=` (required): every word must match, the last also as a prefix; results carry a `snippet` with the
    /// matches in `<em>`. Offset pages (`page`, `per_page`), ranked the same on both engines.
    @Sendable func search(_ request: Request, context: CasebookContext) async throws -> Response {
        guard let text = request.query["query"], !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw APIError.invalid("query", "Query: give words to search for (?query=…)", error: "BlankValue")
        }
        let (query, found) = try await database.read { db in try await kb.search(text, role: context.actor?.role, db: db) }
        var page = 1, perPage = 25
        if case .offset(let p, let n) = try Pagination(request, defaultSize: 25) { page = p; perPage = n }
        let slice = found.dropFirst((page - 1) * perPage).prefix(perPage)
        let base = request.baseURL
        let results: [JSONValue] = slice.map { a in
            var o = Self.present(a, base: base).objectValue ?? [:]
            o["result_type"] = "article"
            o["snippet"] = .string(query?.snippet(ArticleHTML.plainText(a.body)) ?? "")
            return .object(o)
        }
        var body: JSONObject = ["results": .array(results)]
        PageLinks(request: request, path: "/api/v2/help_center/articles/search").offset(into: &body, page: page, perPage: perPage, count: found.count)
        body["page"] = .int(page)
        body["per_page"] = .int(perPage)
        body["page_count"] = .int(max(1, (found.count + perPage - 1) / perPage))
        return JSONResponse(.object(body))
    }

    // MARK: Votes

    @Sendable func voteUp(_ request: Request, context: CasebookContext) async throws -> Response { try await vote(1, context) }
    @Sendable func voteDown(_ request: Request, context: CasebookContext) async throws -> Response { try await vote(-1, context) }

    /// API votes need a signed-in person (one vote each); the help center's pages also take visitors' votes.
    func vote(_ value: Int, _ context: CasebookContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try context.parameters.id()
        let a = try await database.write { db in
            try await kb.vote(id, value: value, voterKey: "user:\(actor.id)", userID: actor.id, role: actor.role, db: db)
        }
        let now = services.config.clock.now()
        return JSONResponse(["vote": [
            "id": .int(a.id), "user_id": .int(actor.id), "value": .int(value), "item_id": .int(a.id), "item_type": "Article",
            "created_at": Present.time(now), "updated_at": Present.time(now),
        ], "article": ["id": .int(a.id), "vote_sum": .int(a.voteSum), "vote_count": .int(a.voteCount)]])
    }

    // MARK: Files and revisions

    @Sendable func attachments(_ request: Request, context: CasebookContext) async throws -> Response {
        let id = try context.parameters.id()
        let list = try await database.read { db in
            _ = try await kb.readableArticle(id, role: context.actor?.role, db: db)
            return try await KnowledgeBaseStore(db: db).attachments(articleID: id)
        }
        let base = request.baseURL
        return JSONResponse(["article_attachments": .array(list.map { Self.present($0, articleID: id, base: base) })])
    }

    /// The file as the body, `?filename=` its name, `Content-Type` its type (as `POST /api/v2/uploads`).
    @Sendable func addAttachment(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.useWorkspace)
        let id = try context.parameters.id()
        guard let name = request.uri.queryParameters["filename"].map(String.init), !name.isEmpty else {
            throw APIError.invalid("filename", "Filename: required as a query parameter (?filename=…)", error: "BlankValue")
        }
        let data = try await AttachmentRoutes.collect(request, limit: services.config.mail.maxAttachmentBytes)
        guard data.readableBytes > 0 else { throw APIError.badRequest("The upload is empty") }
        let type = request.headers[.contentType] ?? "application/octet-stream"
        let file = try await database.write { db in
            try await kb.addAttachment(articleID: id, data: Array(data.readableBytesView), fileName: name, contentType: type, actor: actor, db: db)
        }
        return JSONResponse(["article_attachment": Self.present(file, articleID: id, base: request.baseURL)], status: .created)
    }

    /// Staff only: every saved version, newest first; `?from=&to=` adds the line diff between two of them.
    @Sendable func revisions(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.useWorkspace)
        let id = try context.parameters.id()
        let q = request.uri.queryParameters
        let from = q.get("from").flatMap { Int($0) }, to = q.get("to").flatMap { Int($0) }
        let (list, diff) = try await database.read { db -> ([ArticleRevisionRecord], RevisionDiff?) in
            guard try await KnowledgeBaseStore(db: db).article(id: id) != nil else { throw APIError.notFound("No article \(id)") }
            let list = try await KnowledgeBaseStore(db: db).revisions(articleID: id)
            guard let from, let to else { return (list, nil) }
            return (list, try await kb.diff(articleID: id, from: from, to: to, db: db))
        }
        var body: JSONObject = ["revisions": .array(list.map { r in [
            "number": .int(r.number), "title": .string(r.title), "body": .string(r.body), "label_names": .array(r.labels.map { .string($0) }),
            "draft": .bool(r.draft), "author_id": .int(r.authorID), "note": .string(r.note), "created_at": Present.time(r.createdAt),
        ] })]
        if let diff {
            body["diff"] = ["added": .int(diff.added), "removed": .int(diff.removed), "html": .string(diff.html),
                            "lines": .array(diff.lines.map { ["kind": .string($0.kind.rawValue), "text": .string($0.text)] })]
        }
        return JSONResponse(.object(body))
    }

    // MARK: Tickets and deflection

    /// `{"section_id": 3}` optional (else the first section): a draft from a public agent reply, linked to the ticket.
    @Sendable func fromReply(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.useWorkspace)
        let ticketID = try context.parameters.id()
        let commentID = try context.parameters.id("comment_id")
        let body = try await request.optionalJSON(context: context)
        let sectionID = body["section_id"]?.intValue ?? body["article"]?["section_id"]?.intValue
        let a = try await database.write { db in
            try await kb.articleFromReply(ticketID: ticketID, commentID: commentID, sectionID: sectionID, actor: actor,
                                          tickets: services.tickets, db: db)
        }
        return JSONResponse(["article": Self.present(a, base: request.baseURL)], status: .created)
    }

    @Sendable func ticketArticles(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.useWorkspace)
        let ticketID = try context.parameters.id()
        let list = try await database.read { db in
            _ = try await services.tickets.visibleTicket(ticketID, to: actor, db: db)
            return try await KnowledgeBaseStore(db: db).linkedArticles(ticketID: ticketID)
        }
        let base = request.baseURL
        return JSONResponse(["articles": .array(list.map { Self.present($0, base: base) }), "count": .int(list.count)])
    }

    /// Leads and above: the portal's deflection over the last `?days=` (30): forms that showed suggestions, where a
    /// suggestion was opened, where a request was submitted, and requests avoided.
    @Sendable func deflection(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.useWorkspace)
        guard KnowledgeAccess.mayPublish(actor.role) else { throw APIError.forbidden("Deflection counts are for leads and above") }
        let days = request.uri.queryParameters.get("days").flatMap { Int($0) } ?? 30
        guard (1...3660).contains(days) else { throw APIError.badRequest("days must be between 1 and 3660") }
        let since = services.config.clock.now() - Int64(days) * 86_400_000
        let c = try await database.read { db in try await KnowledgeBaseStore(db: db).deflectionCounts(since: since) }
        return JSONResponse(["deflection": ["days": .int(days), "suggested": .int(c.suggested), "opened": .int(c.opened),
                                            "submitted": .int(c.submitted), "avoided": .int(c.avoided)]])
    }

    // MARK: Shapes

    static func place(_ body: JSONObject) -> KnowledgeBaseService.PlaceInput {
        .init(name: body["name"]?.stringValue, description: body["description"]?.stringValue, position: body["position"]?.intValue,
              categoryID: body["category_id"]?.intValue)
    }

    /// `title`, `body` (Markdown), `label_names` (array or comma-separated), `draft`, `visibility` (`public` |
    /// `internal`), `section_id`, `position`, `note`; every bad field named at once.
    static func articleInput(_ body: JSONObject) throws -> KnowledgeBaseService.ArticleInput {
        var input = KnowledgeBaseService.ArticleInput()
        var errors = FieldErrors()
        func string(_ key: String) -> String? {
            guard let v = body[key], v != .null else { return nil }
            if let s = v.stringValue { return s }
            errors.add(key, error: "InvalidValue", "\(key): must be text")
            return nil
        }
        input.title = string("title")
        input.body = string("body")
        input.note = string("note") ?? ""
        if let v = body["label_names"], v != .null {
            if let list = v.arrayValue, list.allSatisfy({ $0.stringValue != nil }) { input.labels = list.compactMap(\.stringValue) }
            else if let s = v.stringValue { input.labels = [s] }
            else { errors.add("label_names", error: "InvalidValue", "Labels: a list of words") }
        }
        if let v = body["draft"], v != .null {
            if let b = v.boolValue { input.draft = b } else { errors.add("draft", error: "InvalidValue", "Draft: true or false") }
        }
        if let v = body["visibility"], v != .null {
            if let s = v.stringValue, let vis = ArticleVisibility(rawValue: s) { input.visibility = vis }
            else { errors.add("visibility", error: "InvalidValue", "Visibility: public or internal") }
        }
        if let v = body["section_id"], v != .null {
            if let n = v.intValue { input.sectionID = n } else { errors.add("section_id", error: "InvalidValue", "Section: a number") }
        }
        if let v = body["position"], v != .null {
            if let n = v.intValue { input.position = n } else { errors.add("position", error: "InvalidValue", "Position: a number") }
        }
        if !errors.isEmpty { throw APIError.invalid(errors) }
        return input
    }

    static func present(_ c: CategoryRecord, base: String) -> JSONValue {
        ["id": .int(c.id), "url": .string("\(base)/api/v2/help_center/categories/\(c.id).json"), "html_url": .string("\(base)/hc/categories/\(c.id)"),
         "position": .int(c.position), "created_at": Present.time(c.createdAt), "updated_at": Present.time(c.updatedAt),
         "name": .string(c.name), "description": .string(c.description), "locale": .string(c.locale), "source_locale": .string(c.locale),
         "outdated": false]
    }

    static func present(_ s: SectionRecord, base: String) -> JSONValue {
        ["id": .int(s.id), "url": .string("\(base)/api/v2/help_center/sections/\(s.id).json"), "html_url": .string("\(base)/hc/sections/\(s.id)"),
         "category_id": .int(s.categoryID), "position": .int(s.position), "sorting": "manual",
         "created_at": Present.time(s.createdAt), "updated_at": Present.time(s.updatedAt),
         "name": .string(s.name), "description": .string(s.description), "locale": .string(s.locale), "source_locale": .string(s.locale),
         "outdated": false, "parent_section_id": .null, "theme_template": "section_page"]
    }

    static func present(_ a: ArticleRecord, base: String) -> JSONValue {
        ["id": .int(a.id), "url": .string("\(base)/api/v2/help_center/articles/\(a.id).json"), "html_url": .string("\(base)/hc/articles/\(a.id)"),
         "author_id": .int(a.authorID), "comments_disabled": true, "draft": .bool(a.draft), "promoted": false, "position": .int(a.position),
         "vote_sum": .int(a.voteSum), "vote_count": .int(a.voteCount), "section_id": .int(a.sectionID),
         "created_at": Present.time(a.createdAt), "updated_at": Present.time(a.updatedAt), "edited_at": Present.time(a.editedAt),
         "name": .string(a.title), "title": .string(a.title), "source_locale": .string(a.locale), "locale": .string(a.locale),
         "outdated": false, "outdated_locales": [], "permission_group_id": .null,
         "user_segment_id": .null, "visibility": .string(a.visibility.rawValue), "reviewer_id": JSONValue(a.reviewerID),
         "label_names": .array(a.labels.map { .string($0) }), "body": .string(ArticleHTML.render(a.body)), "markdown": .string(a.body)]
    }

    static func present(_ f: AttachmentStore.Record, articleID: Int, base: String) -> JSONValue {
        ["id": .int(f.id), "url": .string("\(base)/api/v2/help_center/articles/\(articleID)/attachments"), "article_id": .int(articleID),
         "file_name": .string(f.fileName), "content_url": .string(base + KnowledgeBaseService.attachmentPath(f)),
         "content_type": .string(f.contentType), "size": .int(f.size), "inline": .bool(AttachmentStore.imageTypes(f.contentType)),
         "created_at": Present.time(f.createdAt), "updated_at": Present.time(f.createdAt)]
    }
}
