import CasebookCore
import Foundation
import SQLKit

struct CategoryRecord: Sendable, Equatable {
    var id: Int
    var name: String
    var description: String
    var position: Int
    var locale: String
    var createdAt: Int64
    var updatedAt: Int64
}

struct SectionRecord: Sendable, Equatable {
    var id: Int
    var categoryID: Int
    var name: String
    var description: String
    var position: Int
    var locale: String
    var createdAt: Int64
    var updatedAt: Int64
}

/// An article as stored: its text is Markdown; `searchText` is what both engines index.
struct ArticleRecord: Sendable, Equatable {
    var id: Int
    var sectionID: Int
    var title: String
    var body: String
    var labels: [String]
    var draft: Bool
    var visibility: ArticleVisibility
    var authorID: Int
    var reviewerID: Int?
    var locale: String
    var position: Int
    var voteSum: Int
    var voteCount: Int
    var createdAt: Int64
    var updatedAt: Int64
    var editedAt: Int64

    var searchText: String { HelpCenterSearch.document(title: title, body: body, labels: labels) }
}

struct ArticleRevisionRecord: Sendable, Equatable {
    var id: Int
    var articleID: Int
    var number: Int
    var title: String
    var body: String
    var labels: [String]
    var draft: Bool
    var authorID: Int
    var note: String
    var createdAt: Int64
}

/// SQL for the knowledge base: categories, sections, articles and their revisions, votes, links to tickets, and the
/// full-text index (an FTS5 table on SQLite kept in step here; on PostgreSQL an expression index on the article row).
struct KnowledgeBaseStore: Sendable {
    let db: any SQLDatabase

    var isSQLite: Bool { db.dialect.name == "sqlite" }

    // MARK: Categories and sections

    func insertCategory(name: String, description: String, position: Int, now: Int64) async throws -> Int {
        try await db.raw("""
            INSERT INTO help_center_categories (name, description, position, created_at, updated_at)
            VALUES (\(bind: name), \(bind: description), \(bind: position), \(bind: now), \(bind: now)) RETURNING id
            """).first()!.decode(column: "id", as: Int.self)
    }

    func saveCategory(_ c: CategoryRecord) async throws {
        try await db.raw("""
            UPDATE help_center_categories SET name = \(bind: c.name), description = \(bind: c.description), position = \(bind: c.position),
                updated_at = \(bind: c.updatedAt) WHERE id = \(bind: c.id)
            """).run()
    }

    func category(id: Int) async throws -> CategoryRecord? {
        try await db.raw("SELECT * FROM help_center_categories WHERE id = \(bind: id)").first().map(Self.decodeCategory)
    }

    func categories() async throws -> [CategoryRecord] {
        try await db.raw("SELECT * FROM help_center_categories ORDER BY position, id").all().map(Self.decodeCategory)
    }

    func deleteCategory(id: Int) async throws {
        try await db.raw("DELETE FROM help_center_categories WHERE id = \(bind: id)").run()
        try await dropOrphanedSearchRows()
    }

    func insertSection(categoryID: Int, name: String, description: String, position: Int, now: Int64) async throws -> Int {
        try await db.raw("""
            INSERT INTO help_center_sections (category_id, name, description, position, created_at, updated_at)
            VALUES (\(bind: categoryID), \(bind: name), \(bind: description), \(bind: position), \(bind: now), \(bind: now)) RETURNING id
            """).first()!.decode(column: "id", as: Int.self)
    }

    func saveSection(_ s: SectionRecord) async throws {
        try await db.raw("""
            UPDATE help_center_sections SET category_id = \(bind: s.categoryID), name = \(bind: s.name), description = \(bind: s.description),
                position = \(bind: s.position), updated_at = \(bind: s.updatedAt) WHERE id = \(bind: s.id)
            """).run()
    }

    func section(id: Int) async throws -> SectionRecord? {
        try await db.raw("SELECT * FROM help_center_sections WHERE id = \(bind: id)").first().map(Self.decodeSection)
    }

    func sections(categoryID: Int? = nil) async throws -> [SectionRecord] {
        if let categoryID {
            return try await db.raw("SELECT * FROM help_center_sections WHERE category_id = \(bind: categoryID) ORDER BY position, id")
                .all().map(Self.decodeSection)
        }
        return try await db.raw("SELECT * FROM help_center_sections ORDER BY category_id, position, id").all().map(Self.decodeSection)
    }

    /// Articles (drafts included) per section id; sections without articles are absent.
    func articleCountsBySection() async throws -> [Int: Int] {
        var counts: [Int: Int] = [:]
        for row in try await db.raw("SELECT section_id, COUNT(*) AS n FROM help_center_articles GROUP BY section_id").all() {
            counts[try row.decode(column: "section_id", as: Int.self)] = try row.decode(column: "n", as: Int.self)
        }
        return counts
    }

    func deleteSection(id: Int) async throws {
        try await db.raw("DELETE FROM help_center_sections WHERE id = \(bind: id)").run()
        try await dropOrphanedSearchRows()
    }

    // MARK: Articles

    func insertArticle(_ a: ArticleRecord) async throws -> Int {
        let id = try await db.raw("""
            INSERT INTO help_center_articles (section_id, title, body, label_names, draft, visibility, author_id, reviewer_id, locale,
                position, search_text, created_at, updated_at, edited_at)
            VALUES (\(bind: a.sectionID), \(bind: a.title), \(bind: a.body), \(bind: Self.labelText(a.labels)), \(bind: a.draft),
                \(bind: a.visibility.rawValue), \(bind: a.authorID), \(bind: a.reviewerID), \(bind: a.locale), \(bind: a.position),
                \(bind: a.searchText), \(bind: a.createdAt), \(bind: a.updatedAt), \(bind: a.editedAt))
            RETURNING id
            """).first()!.decode(column: "id", as: Int.self)
        try await index(id: id, searchText: a.searchText)
        return id
    }

    func saveArticle(_ a: ArticleRecord) async throws {
        try await db.raw("""
            UPDATE help_center_articles SET section_id = \(bind: a.sectionID), title = \(bind: a.title), body = \(bind: a.body),
                label_names = \(bind: Self.labelText(a.labels)), draft = \(bind: a.draft), visibility = \(bind: a.visibility.rawValue),
                reviewer_id = \(bind: a.reviewerID), position = \(bind: a.position), search_text = \(bind: a.searchText),
                updated_at = \(bind: a.updatedAt), edited_at = \(bind: a.editedAt)
            WHERE id = \(bind: a.id)
            """).run()
        try await index(id: a.id, searchText: a.searchText)
    }

    func article(id: Int) async throws -> ArticleRecord? {
        try await db.raw("SELECT * FROM help_center_articles WHERE id = \(bind: id)").first().map(Self.decodeArticle)
    }

    func articles(ids: [Int]) async throws -> [ArticleRecord] {
        guard !ids.isEmpty else { return [] }
        let list = SQLList(ids.map { SQLBind($0) })
        return try await db.select().column(SQLLiteral.all).from("help_center_articles").where(SQLColumn("id"), .in, list)
            .all().map(Self.decodeArticle)
    }

    func deleteArticle(id: Int) async throws {
        try await db.raw("DELETE FROM help_center_articles WHERE id = \(bind: id)").run()
        if isSQLite { try await db.raw("DELETE FROM help_center_search WHERE rowid = \(bind: id)").run() }
    }

    /// Which articles a reader may see: staff all, everyone else published public ones.
    struct Filter: Sendable {
        var staff: Bool
        var sectionID: Int?
        var categoryID: Int?
        var draft: Bool?
        var label: String?
        var authorID: Int?

        var sql: SQLFilter {
            var sql = SQLFilter()
            if !staff {
                sql.equal("draft", false)
                sql.equal("visibility", ArticleVisibility.public.rawValue)
            } else {
                sql.equal("draft", draft)
            }
            sql.equal("section_id", sectionID)
            sql.equal("author_id", authorID)
            if let categoryID { sql.add("section_id IN (SELECT id FROM help_center_sections WHERE category_id = \(bind: categoryID))") }
            if let label {
                // Labels are stored comma-joined with commas at both ends, so one LIKE finds a whole label.
                sql.add("label_names LIKE \(bind: "%," + label.lowercased() + ",%")")
            }
            return sql
        }
    }

    static let paged = FilteredList(from: "help_center_articles", decode: decodeArticle)

    func list(_ filter: Filter, limit: Int, offset: Int, afterID: Int?) async throws -> [ArticleRecord] {
        try await Self.paged.page(db, filter.sql, limit: limit, offset: offset, afterID: afterID)
    }

    func count(_ filter: Filter) async throws -> Int { try await Self.paged.count(db, filter.sql) }

    /// For pages: in their section's order.
    func listed(_ filter: Filter, limit: Int) async throws -> [ArticleRecord] {
        try await db.raw("SELECT * FROM help_center_articles WHERE \(filter.sql.sql) ORDER BY position, id LIMIT \(bind: limit)")
            .all().map(Self.decodeArticle)
    }

    // MARK: Search

    /// The ids of the articles the query finds that the reader may see, at most `limit`, in no particular order
    /// (the caller ranks them the same way for both engines).
    func search(_ query: HelpCenterSearch.Query, staff: Bool, limit: Int) async throws -> [ArticleRecord] {
        let visible: SQLQueryString = staff ? "1 = 1" : "a.draft = \(bind: false) AND a.visibility = 'public'"
        let sql: SQLQueryString
        if isSQLite {
            sql = """
                SELECT a.* FROM help_center_search s JOIN help_center_articles a ON a.id = s.rowid
                WHERE help_center_search MATCH \(bind: query.fts5) AND \(visible) ORDER BY a.id DESC LIMIT \(bind: limit)
                """
        } else {
            sql = """
                SELECT a.* FROM help_center_articles a
                WHERE to_tsvector('simple', a.search_text) @@ to_tsquery('simple', \(bind: query.tsquery)) AND \(visible)
                ORDER BY a.id DESC LIMIT \(bind: limit)
                """
        }
        return try await db.raw(sql).all().map(Self.decodeArticle)
    }

    private func index(id: Int, searchText: String) async throws {
        guard isSQLite else { return }
        try await db.raw("DELETE FROM help_center_search WHERE rowid = \(bind: id)").run()
        try await db.raw("INSERT INTO help_center_search (rowid, search_text) VALUES (\(bind: id), \(bind: searchText))").run()
    }

    private func dropOrphanedSearchRows() async throws {
        guard isSQLite else { return }
        try await db.raw("DELETE FROM help_center_search WHERE rowid NOT IN (SELECT id FROM help_center_articles)").run()
    }

    // MARK: Revisions

    func insertRevision(_ r: ArticleRevisionRecord) async throws {
        try await db.raw("""
            INSERT INTO help_center_article_revisions (article_id, number, title, body, label_names, draft, author_id, note, created_at)
            VALUES (\(bind: r.articleID),
                (SELECT COALESCE(MAX(number), 0) + 1 FROM help_center_article_revisions WHERE article_id = \(bind: r.articleID)),
                \(bind: r.title), \(bind: r.body), \(bind: Self.labelText(r.labels)), \(bind: r.draft), \(bind: r.authorID), \(bind: r.note),
                \(bind: r.createdAt))
            """).run()
    }

    /// Newest first.
    func revisions(articleID: Int) async throws -> [ArticleRevisionRecord] {
        try await db.raw("SELECT * FROM help_center_article_revisions WHERE article_id = \(bind: articleID) ORDER BY number DESC")
            .all().map(Self.decodeRevision)
    }

    func revision(articleID: Int, number: Int) async throws -> ArticleRevisionRecord? {
        try await db.raw("SELECT * FROM help_center_article_revisions WHERE article_id = \(bind: articleID) AND number = \(bind: number)")
            .first().map(Self.decodeRevision)
    }

    // MARK: Votes

    /// One vote per voter and article; voting again replaces it. Returns the article's new totals.
    func vote(articleID: Int, voterKey: String, userID: Int?, value: Int, now: Int64) async throws -> (sum: Int, count: Int) {
        let updated = try await db.raw("""
            UPDATE help_center_votes SET value = \(bind: value), updated_at = \(bind: now)
            WHERE article_id = \(bind: articleID) AND voter_key = \(bind: voterKey) RETURNING id
            """).first()
        if updated == nil {
            try await db.raw("""
                INSERT INTO help_center_votes (article_id, voter_key, user_id, value, created_at, updated_at)
                VALUES (\(bind: articleID), \(bind: voterKey), \(bind: userID), \(bind: value), \(bind: now), \(bind: now))
                """).run()
        }
        let row = try await db.raw("""
            SELECT COALESCE(SUM(value), 0) AS total, COUNT(*) AS n FROM help_center_votes WHERE article_id = \(bind: articleID)
            """).first()!
        let sum = try row.decode(column: "total", as: Int.self), count = try row.decode(column: "n", as: Int.self)
        try await db.raw("UPDATE help_center_articles SET vote_sum = \(bind: sum), vote_count = \(bind: count) WHERE id = \(bind: articleID)").run()
        return (sum, count)
    }

    func vote(articleID: Int, voterKey: String) async throws -> Int? {
        try await db.raw("SELECT value FROM help_center_votes WHERE article_id = \(bind: articleID) AND voter_key = \(bind: voterKey)")
            .first()?.decode(column: "value", as: Int.self)
    }

    // MARK: Tickets and attachments

    func link(ticketID: Int, articleID: Int, commentID: Int?, by userID: Int, now: Int64) async throws {
        try await db.raw("""
            INSERT INTO ticket_articles (ticket_id, article_id, comment_id, linked_by_id, created_at)
            VALUES (\(bind: ticketID), \(bind: articleID), \(bind: commentID), \(bind: userID), \(bind: now))
            """).run()
    }

    func linkedArticles(ticketID: Int) async throws -> [ArticleRecord] {
        try await db.raw("""
            SELECT a.* FROM ticket_articles t JOIN help_center_articles a ON a.id = t.article_id
            WHERE t.ticket_id = \(bind: ticketID) ORDER BY t.created_at, a.id
            """).all().map(Self.decodeArticle)
    }

    func linkedTickets(articleID: Int) async throws -> [Int] {
        try await db.raw("SELECT ticket_id FROM ticket_articles WHERE article_id = \(bind: articleID) ORDER BY ticket_id")
            .all().map { try $0.decode(column: "ticket_id", as: Int.self) }
    }

    func attach(articleID: Int, attachmentID: Int) async throws {
        try await db.raw("""
            INSERT INTO help_center_article_attachments (article_id, attachment_id) VALUES (\(bind: articleID), \(bind: attachmentID))
            """).run()
    }

    func attachments(articleID: Int) async throws -> [AttachmentStore.Record] {
        try await db.raw("""
            SELECT f.* FROM help_center_article_attachments l JOIN attachments f ON f.id = l.attachment_id
            WHERE l.article_id = \(bind: articleID) ORDER BY f.id
            """).all().map(AttachmentStore.decode)
    }

    /// The article an attachment is shown on, if it is on one.
    func articleIDs(attachmentID: Int) async throws -> [Int] {
        try await db.raw("SELECT article_id FROM help_center_article_attachments WHERE attachment_id = \(bind: attachmentID)")
            .all().map { try $0.decode(column: "article_id", as: Int.self) }
    }

    // MARK: Deflection

    /// Records an event of a customer's form session, once: the same event for the same form and article again changes
    /// nothing, so reloading a page or replaying a request cannot inflate the counts.
    func recordDeflection(formKey: String, event: DeflectionEvent, articleID: Int?, userID: Int, now: Int64) async throws {
        let article: SQLQueryString = articleID.map { "article_id = \(bind: $0)" } ?? "article_id IS NULL"
        let known = try await db.raw("""
            SELECT 1 AS one FROM help_center_deflections WHERE form_key = \(bind: formKey) AND event = \(bind: event.rawValue) AND \(article)
            """).first()
        guard known == nil else { return }
        try await db.raw("""
            INSERT INTO help_center_deflections (form_key, event, article_id, user_id, created_at)
            VALUES (\(bind: formKey), \(bind: event.rawValue), \(bind: articleID), \(bind: userID), \(bind: now))
            """).run()
    }

    /// Whether `articleID` was among the suggestions this customer's form session was shown.
    func wasSuggested(formKey: String, articleID: Int, userID: Int) async throws -> Bool {
        try await db.raw("""
            SELECT 1 AS one FROM help_center_deflections
            WHERE form_key = \(bind: formKey) AND event = 'shown' AND article_id = \(bind: articleID) AND user_id = \(bind: userID)
            """).first() != nil
    }

    /// Counts since `since`, of signed-in customers' new-request forms: those shown suggestions, those where one was
    /// opened, those submitted; and requests avoided: per customer and day, a suggestion opened in a form that was
    /// not submitted, with no request from that customer (by any channel) in the 24 hours after. One customer who
    /// gives up in three forms counts once that day, and one who writes in by email after all counts not at all.
    func deflectionCounts(since: Int64) async throws -> DeflectionCounts {
        let row = try await db.raw("""
            SELECT
                COUNT(DISTINCT CASE WHEN event = 'shown' THEN form_key END) AS shown,
                COUNT(DISTINCT CASE WHEN event = 'opened' THEN form_key END) AS opened,
                COUNT(DISTINCT CASE WHEN event = 'submitted' THEN form_key END) AS submitted
            FROM help_center_deflections WHERE created_at >= \(bind: since)
            """).first()!
        let avoided = try await db.raw("""
            SELECT COUNT(*) AS n FROM (
                SELECT o.user_id, MIN(o.created_at) AS first_open
                FROM help_center_deflections o
                WHERE o.event = 'opened' AND o.user_id IS NOT NULL AND o.created_at >= \(bind: since)
                  AND NOT EXISTS (SELECT 1 FROM help_center_deflections s WHERE s.form_key = o.form_key AND s.event = 'submitted')
                GROUP BY o.user_id, o.created_at / 86400000
            ) gave_up
            WHERE NOT EXISTS (SELECT 1 FROM tickets t WHERE t.requester_id = gave_up.user_id
                                AND t.created_at >= gave_up.first_open AND t.created_at < gave_up.first_open + 86400000)
            """).first()!.decode(column: "n", as: Int.self)
        return DeflectionCounts(suggested: try row.decode(column: "shown", as: Int.self), opened: try row.decode(column: "opened", as: Int.self),
                                submitted: try row.decode(column: "submitted", as: Int.self), avoided: avoided)
    }

    // MARK: Decoding

    /// `,printer,setup,` — commas at both ends so a label filter matches whole labels only.
    static func labelText(_ labels: [String]) -> String { labels.isEmpty ? "" : "," + labels.joined(separator: ",") + "," }
    static func labels(_ text: String) -> [String] { text.split(separator: ",").map(String.init) }

    static func decodeCategory(_ row: any SQLRow) throws -> CategoryRecord {
        CategoryRecord(id: try row.decode(column: "id", as: Int.self), name: try row.decode(column: "name", as: String.self),
                       description: try row.decode(column: "description", as: String.self), position: try row.decode(column: "position", as: Int.self),
                       locale: try row.decode(column: "locale", as: String.self), createdAt: try row.decode(column: "created_at", as: Int64.self),
                       updatedAt: try row.decode(column: "updated_at", as: Int64.self))
    }

    static func decodeSection(_ row: any SQLRow) throws -> SectionRecord {
        SectionRecord(id: try row.decode(column: "id", as: Int.self), categoryID: try row.decode(column: "category_id", as: Int.self),
                      name: try row.decode(column: "name", as: String.self), description: try row.decode(column: "description", as: String.self),
                      position: try row.decode(column: "position", as: Int.self), locale: try row.decode(column: "locale", as: String.self),
                      createdAt: try row.decode(column: "created_at", as: Int64.self), updatedAt: try row.decode(column: "updated_at", as: Int64.self))
    }

    static func decodeArticle(_ row: any SQLRow) throws -> ArticleRecord {
        ArticleRecord(
            id: try row.decode(column: "id", as: Int.self), sectionID: try row.decode(column: "section_id", as: Int.self),
            title: try row.decode(column: "title", as: String.self), body: try row.decode(column: "body", as: String.self),
            labels: labels(try row.decode(column: "label_names", as: String.self)), draft: try row.decode(column: "draft", as: Bool.self),
            visibility: ArticleVisibility(rawValue: try row.decode(column: "visibility", as: String.self)) ?? .internal,
            authorID: try row.decode(column: "author_id", as: Int.self), reviewerID: try row.decode(column: "reviewer_id", as: Int?.self),
            locale: try row.decode(column: "locale", as: String.self), position: try row.decode(column: "position", as: Int.self),
            voteSum: try row.decode(column: "vote_sum", as: Int.self), voteCount: try row.decode(column: "vote_count", as: Int.self),
            createdAt: try row.decode(column: "created_at", as: Int64.self), updatedAt: try row.decode(column: "updated_at", as: Int64.self),
            editedAt: try row.decode(column: "edited_at", as: Int64.self))
    }

    static func decodeRevision(_ row: any SQLRow) throws -> ArticleRevisionRecord {
        ArticleRevisionRecord(
            id: try row.decode(column: "id", as: Int.self), articleID: try row.decode(column: "article_id", as: Int.self),
            number: try row.decode(column: "number", as: Int.self), title: try row.decode(column: "title", as: String.self),
            body: try row.decode(column: "body", as: String.self), labels: labels(try row.decode(column: "label_names", as: String.self)),
            draft: try row.decode(column: "draft", as: Bool.self), authorID: try row.decode(column: "author_id", as: Int.self),
            note: try row.decode(column: "note", as: String.self), createdAt: try row.decode(column: "created_at", as: Int64.self))
    }
}

/// What the portal records while a customer writes a new request: suggestions shown, a suggestion opened, the
/// request submitted. A form session where a suggestion was opened and nothing submitted is a request avoided.
enum DeflectionEvent: String, Sendable, CaseIterable {
    case shown, opened, submitted
}

struct DeflectionCounts: Sendable, Equatable {
    var suggested: Int
    var opened: Int
    var submitted: Int
    var avoided: Int
}
