import CasebookCore
import Foundation
import SQLKit

/// The knowledge base's writes and reads, each inside the caller's transaction. Access follows `KnowledgeAccess`:
/// agents write (drafts, and edits kept as revisions), leads and above publish, unpublish, delete and arrange
/// categories and sections; customers and visitors read published public articles only.
struct KnowledgeBaseService: Sendable {
    let clock: AppClock

    init(services: CasebookServices) { clock = services.config.clock }
    init(clock: AppClock) { self.clock = clock }

    /// At most this many matches are ranked for one search (a knowledge base, not a ticket archive).
    static let searchLimit = 500

    // MARK: Reading

    func readableArticle(_ id: Int, role: Role?, db: any SQLDatabase) async throws -> ArticleRecord {
        guard let article = try await KnowledgeBaseStore(db: db).article(id: id),
              KnowledgeAccess.mayRead(draft: article.draft, visibility: article.visibility, role: role) else {
            throw APIError.notFound("No article \(id)")
        }
        return article
    }

    func category(_ id: Int, db: any SQLDatabase) async throws -> CategoryRecord {
        guard let c = try await KnowledgeBaseStore(db: db).category(id: id) else { throw APIError.notFound("No category \(id)") }
        return c
    }

    func section(_ id: Int, db: any SQLDatabase) async throws -> SectionRecord {
        guard let s = try await KnowledgeBaseStore(db: db).section(id: id) else { throw APIError.notFound("No section \(id)") }
        return s
    }

    /// Ranked the same on both engines: the engine finds the matches, `HelpCenterSearch.Query.rank` orders them.
    func search(_ text: String, role: Role?, anyWord: Bool = false, db: any SQLDatabase) async throws -> (query: HelpCenterSearch.Query?, articles: [ArticleRecord]) {
        guard let query = HelpCenterSearch.Query(text, anyWord: anyWord) else { return (nil, []) }
        let found = try await KnowledgeBaseStore(db: db).search(query, staff: role?.isStaff == true, limit: Self.searchLimit)
        let byID = Dictionary(found.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let order = query.rank(found.map { (id: $0.id, title: $0.title, body: ArticleHTML.plainText($0.body)) })
        return (query, order.compactMap { byID[$0] })
    }

    // MARK: Categories and sections (leads and above)

    struct PlaceInput: Sendable {
        var name: String?
        var description: String?
        var position: Int?
        var categoryID: Int?
    }

    private func requirePublisher(_ actor: Actor, _ what: String) throws {
        guard KnowledgeAccess.mayPublish(actor.role) else {
            throw APIError.forbidden("Only leads, managers and admins may \(what) (you are \(actor.role.rawValue))")
        }
    }

    private static func validateName(_ name: String?) throws {
        let name = name?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        if name.isEmpty { throw APIError.invalid("name", "Name: cannot be blank", error: "BlankValue") }
        if name.count > 255 { throw APIError.invalid("name", "Name: at most 255 characters", error: "TooLong") }
    }

    func createCategory(_ input: PlaceInput, actor: Actor, db: any SQLDatabase) async throws -> CategoryRecord {
        try requirePublisher(actor, "arrange the help center")
        try Self.validateName(input.name)
        let id = try await KnowledgeBaseStore(db: db).insertCategory(
            name: input.name!.trimmingCharacters(in: .whitespacesAndNewlines), description: input.description ?? "",
            position: input.position ?? 0, now: clock.now())
        return try await category(id, db: db)
    }

    func updateCategory(_ id: Int, _ input: PlaceInput, actor: Actor, db: any SQLDatabase) async throws -> CategoryRecord {
        try requirePublisher(actor, "arrange the help center")
        var c = try await category(id, db: db)
        if input.name != nil { try Self.validateName(input.name); c.name = input.name!.trimmingCharacters(in: .whitespacesAndNewlines) }
        if let d = input.description { c.description = d }
        if let p = input.position { c.position = p }
        c.updatedAt = clock.now()
        try await KnowledgeBaseStore(db: db).saveCategory(c)
        return c
    }

    func deleteCategory(_ id: Int, actor: Actor, db: any SQLDatabase) async throws {
        try requirePublisher(actor, "arrange the help center")
        _ = try await category(id, db: db)
        try await KnowledgeBaseStore(db: db).deleteCategory(id: id)
    }

    func createSection(categoryID: Int, _ input: PlaceInput, actor: Actor, db: any SQLDatabase) async throws -> SectionRecord {
        try requirePublisher(actor, "arrange the help center")
        _ = try await category(categoryID, db: db)
        try Self.validateName(input.name)
        let id = try await KnowledgeBaseStore(db: db).insertSection(
            categoryID: categoryID, name: input.name!.trimmingCharacters(in: .whitespacesAndNewlines), description: input.description ?? "",
            position: input.position ?? 0, now: clock.now())
        return try await section(id, db: db)
    }

    func updateSection(_ id: Int, _ input: PlaceInput, actor: Actor, db: any SQLDatabase) async throws -> SectionRecord {
        try requirePublisher(actor, "arrange the help center")
        var s = try await section(id, db: db)
        if input.name != nil { try Self.validateName(input.name); s.name = input.name!.trimmingCharacters(in: .whitespacesAndNewlines) }
        if let d = input.description { s.description = d }
        if let p = input.position { s.position = p }
        if let c = input.categoryID {
            guard try await KnowledgeBaseStore(db: db).category(id: c) != nil else {
                throw APIError.invalid("category_id", "Category: no category \(c)")
            }
            s.categoryID = c
        }
        s.updatedAt = clock.now()
        try await KnowledgeBaseStore(db: db).saveSection(s)
        return s
    }

    func deleteSection(_ id: Int, actor: Actor, db: any SQLDatabase) async throws {
        try requirePublisher(actor, "arrange the help center")
        _ = try await section(id, db: db)
        try await KnowledgeBaseStore(db: db).deleteSection(id: id)
    }

    // MARK: Articles

    /// Fields of a create or an update; nil leaves a field as it is (an update) or takes the default (a create).
    struct ArticleInput: Sendable {
        var title: String?
        var body: String?
        var labels: [String]?
        var draft: Bool?
        var visibility: ArticleVisibility?
        var sectionID: Int?
        var position: Int?
        /// Why this revision (shown in the history).
        var note: String = ""
    }

    func createArticle(sectionID: Int, _ input: ArticleInput, actor: Actor, db: any SQLDatabase) async throws -> ArticleRecord {
        guard KnowledgeAccess.mayWrite(actor.role) else { throw APIError.forbidden("Only staff write articles") }
        _ = try await section(sectionID, db: db)
        let draft = input.draft ?? true
        if !draft { try requirePublisher(actor, "publish articles; save it as a draft for a lead to review") }
        let fields = try Self.checked(ArticleDraft(title: input.title ?? "", body: input.body ?? "", labels: input.labels ?? []))
        let now = clock.now()
        var article = ArticleRecord(id: 0, sectionID: sectionID, title: fields.title, body: fields.body, labels: fields.labels, draft: draft,
                                    visibility: input.visibility ?? .public, authorID: actor.id, reviewerID: draft ? nil : actor.id,
                                    locale: "en-us", position: input.position ?? 0, voteSum: 0, voteCount: 0,
                                    createdAt: now, updatedAt: now, editedAt: now)
        let store = KnowledgeBaseStore(db: db)
        article.id = try await store.insertArticle(article)
        try await store.insertRevision(revision(of: article, by: actor, note: input.note.isEmpty ? "Created" : input.note, now: now))
        return article
    }

    /// Every save that changes the text, the labels or the draft state is a new revision.
    func updateArticle(_ id: Int, _ input: ArticleInput, actor: Actor, db: any SQLDatabase) async throws -> ArticleRecord {
        guard KnowledgeAccess.mayWrite(actor.role) else { throw APIError.forbidden("Only staff write articles") }
        let store = KnowledgeBaseStore(db: db)
        guard var article = try await store.article(id: id) else { throw APIError.notFound("No article \(id)") }
        let before = article
        if let draft = input.draft, draft != article.draft {
            try requirePublisher(actor, draft ? "unpublish articles" : "publish articles; a lead reviews and publishes drafts")
            article.draft = draft
            if !draft { article.reviewerID = actor.id }
        }
        if let sectionID = input.sectionID, sectionID != article.sectionID {
            guard try await store.section(id: sectionID) != nil else { throw APIError.invalid("section_id", "Section: no section \(sectionID)") }
            article.sectionID = sectionID
        }
        let fields = try Self.checked(ArticleDraft(title: input.title ?? article.title, body: input.body ?? article.body,
                                                   labels: input.labels ?? article.labels))
        article.title = fields.title
        article.body = fields.body
        article.labels = fields.labels
        if let v = input.visibility { article.visibility = v }
        if let p = input.position { article.position = p }
        let now = clock.now()
        article.updatedAt = now
        let textChanged = article.title != before.title || article.body != before.body || article.labels != before.labels
        if textChanged { article.editedAt = now }
        try await store.saveArticle(article)
        if textChanged || article.draft != before.draft || article.visibility != before.visibility {
            var note = input.note
            if note.isEmpty {
                note = article.draft != before.draft ? (article.draft ? "Unpublished" : "Published") : "Edited"
                if article.visibility != before.visibility { note += " (now \(article.visibility == .public ? "public" : "agents only"))" }
            }
            try await store.insertRevision(revision(of: article, by: actor, note: note, now: now))
        }
        return article
    }

    func deleteArticle(_ id: Int, actor: Actor, db: any SQLDatabase) async throws {
        try requirePublisher(actor, "delete articles")
        let store = KnowledgeBaseStore(db: db)
        guard try await store.article(id: id) != nil else { throw APIError.notFound("No article \(id)") }
        try await store.deleteArticle(id: id)
    }

    static func checked(_ draft: ArticleDraft) throws -> ArticleDraft {
        // Labels given as "a, b" in one string are split too.
        let split = ArticleDraft(title: draft.title, body: draft.body,
                                 labels: draft.labels.flatMap { $0.split(separator: ",").map(String.init) })
        do throws(FieldErrors) { try split.validate() } catch { throw APIError.invalid(error) }
        return split.normalized
    }

    private func revision(of a: ArticleRecord, by actor: Actor, note: String, now: Int64) -> ArticleRevisionRecord {
        ArticleRevisionRecord(id: 0, articleID: a.id, number: 0, title: a.title, body: a.body, labels: a.labels, draft: a.draft,
                              authorID: actor.id, note: note, createdAt: now)
    }

    /// The diff from revision `from` to revision `to` of an article (title line first, then the body).
    func diff(articleID: Int, from: Int, to: Int, db: any SQLDatabase) async throws -> RevisionDiff {
        let store = KnowledgeBaseStore(db: db)
        guard let a = try await store.revision(articleID: articleID, number: from) else {
            throw APIError.notFound("Article \(articleID) has no revision \(from)")
        }
        guard let b = try await store.revision(articleID: articleID, number: to) else {
            throw APIError.notFound("Article \(articleID) has no revision \(to)")
        }
        return RevisionDiff(old: "# \(a.title)\n\n\(a.body)", new: "# \(b.title)\n\n\(b.body)")
    }

    // MARK: Votes

    /// `value` is +1 (helpful) or -1; one vote per person (or, for visitors, per browser session), changeable.
    func vote(_ id: Int, value: Int, voterKey: String, userID: Int?, role: Role?, db: any SQLDatabase) async throws -> ArticleRecord {
        var article = try await readableArticle(id, role: role, db: db)
        guard !article.draft else { throw APIError.invalid("article", "Drafts cannot be voted on") }
        let totals = try await KnowledgeBaseStore(db: db).vote(articleID: id, voterKey: voterKey, userID: userID, value: value, now: clock.now())
        article.voteSum = totals.sum
        article.voteCount = totals.count
        return article
    }

    // MARK: Article from a reply

    /// A draft article from a public agent reply: the ticket's subject as title, the reply's text as the body, its
    /// images copied onto the article and shown in it; the ticket is linked to the article.
    func articleFromReply(ticketID: Int, commentID: Int, sectionID: Int?, actor: Actor, tickets: TicketService,
                          db: any SQLDatabase) async throws -> ArticleRecord {
        guard KnowledgeAccess.mayWrite(actor.role) else { throw APIError.forbidden("Only staff write articles") }
        let ticket = try await tickets.visibleTicket(ticketID, to: actor, db: db)
        guard let comment = try await db.raw("""
            SELECT c.id, c.public, c.body, u.role FROM comments c JOIN users u ON u.id = c.author_id
            WHERE c.id = \(bind: commentID) AND c.ticket_id = \(bind: ticketID)
            """).first() else { throw APIError.notFound("Ticket \(ticketID) has no comment \(commentID)") }
        let isPublic = try comment.decode(column: "public", as: Bool.self)
        let authorRole = Role(rawValue: try comment.decode(column: "role", as: String.self)) ?? .endUser
        guard isPublic, authorRole.isStaff else {
            throw APIError.invalid("comment_id", "Comment \(commentID) is not a public agent reply; only those become articles")
        }
        let store = KnowledgeBaseStore(db: db)
        var section = sectionID
        if section == nil {
            section = try await db.raw("""
                SELECT s.id FROM help_center_sections s JOIN help_center_categories c ON c.id = s.category_id
                ORDER BY c.position, c.id, s.position, s.id LIMIT 1
                """).first()?.decode(column: "id", as: Int.self)
        }
        guard let section else {
            throw APIError.invalid("section_id", "Section: the help center has no section yet; a lead creates one first")
        }
        let text = try comment.decode(column: "body", as: String.self)
        let images = try await AttachmentStore(db: db).forComments([commentID])[commentID] ?? []
        var article = try await createArticle(
            sectionID: section, .init(title: String(ticket.fields.subject.prefix(ArticleDraft.maxTitleLength)),
                                      body: Self.markdown(fromReply: text), draft: true, note: "From ticket #\(ticketID)"),
            actor: actor, db: db)
        var imageLines: [String] = []
        for file in images {
            let copy = try await copyAttachment(file.id, uploaderID: actor.id, db: db)
            try await store.attach(articleID: article.id, attachmentID: copy.id)
            if AttachmentStore.imageTypes(copy.contentType) {
                imageLines.append("![\(Self.altText(copy.fileName))](\(Self.attachmentPath(copy)))")
            }
        }
        if !imageLines.isEmpty {
            article = try await updateArticle(article.id, .init(body: article.body + "\n\n" + imageLines.joined(separator: "\n\n"),
                                                                note: "Images from the reply"), actor: actor, db: db)
        }
        try await store.link(ticketID: ticketID, articleID: article.id, commentID: commentID, by: actor.id, now: clock.now())
        return article
    }

    /// A reply's text kept as it reads: lines that Markdown would turn into headings, lists or code keep their
    /// meaning as text (escaped), and paragraphs stay paragraphs.
    static func markdown(fromReply text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var s = String(line)
            // Markdown's block markers at the start of a line: keep them literal.
            if let first = s.first, "#>*+-=|`".contains(first) { s = "\\" + s }
            if s.hasPrefix("    ") { s = s.trimmingCharacters(in: .whitespaces) }
            // Inline HTML in a reply is text, not markup.
            return s.replacingOccurrences(of: "<", with: "&lt;")
        }.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func altText(_ name: String) -> String {
        name.filter { !"[]()\\".contains($0) }
    }

    static func attachmentPath(_ file: AttachmentStore.Record) -> String {
        "/hc/article_attachments/\(file.id)/" + percentEncode(file.fileName)
    }

    /// The same content (one blob) as a new attachment that belongs to no ticket, so the article's copy is served
    /// by the article's visibility, never the ticket's.
    func copyAttachment(_ id: Int, uploaderID: Int, db: any SQLDatabase) async throws -> AttachmentStore.Record {
        let newID = try await db.raw("""
            INSERT INTO attachments (sha256, file_name, content_type, size, inline, content_id, uploader_id, created_at)
            SELECT sha256, file_name, content_type, size, \(bind: false), NULL, \(bind: uploaderID), \(bind: clock.now()) FROM attachments WHERE id = \(bind: id)
            RETURNING id
            """).first()!.decode(column: "id", as: Int.self)
        return try await AttachmentStore(db: db).find(id: newID)!
    }

    /// Stores a file uploaded for an article and attaches it.
    func addAttachment(articleID: Int, data: [UInt8], fileName: String, contentType: String, actor: Actor,
                       db: any SQLDatabase) async throws -> AttachmentStore.Record {
        guard KnowledgeAccess.mayWrite(actor.role) else { throw APIError.forbidden("Only staff write articles") }
        guard try await KnowledgeBaseStore(db: db).article(id: articleID) != nil else { throw APIError.notFound("No article \(articleID)") }
        let file = try await AttachmentStore(db: db).insert(data, fileName: fileName, contentType: contentType, uploaderID: actor.id, now: clock.now())
        try await KnowledgeBaseStore(db: db).attach(articleID: articleID, attachmentID: file.id)
        return file
    }

    /// An article's file if the reader may read one of the articles it is on.
    func readableAttachment(_ id: Int, role: Role?, db: any SQLDatabase) async throws -> AttachmentStore.Record {
        let store = KnowledgeBaseStore(db: db)
        for articleID in try await store.articleIDs(attachmentID: id) {
            if let a = try await store.article(id: articleID), KnowledgeAccess.mayRead(draft: a.draft, visibility: a.visibility, role: role),
               let file = try await AttachmentStore(db: db).find(id: id) {
                return file
            }
        }
        throw APIError.notFound("No article attachment \(id)")
    }
}
