import CasebookCore
import Foundation
import HTTPTypes
import SQLKit
import Testing
@testable import CasebookServer

/// The Help Center API: categories → sections → articles in Zendesk's shapes, who reads and who writes, revisions,
/// votes, search with the same results on SQLite and PostgreSQL, and the article made from an agent's reply.
@Suite("Knowledge base API")
struct KnowledgeBaseAPITests {
    /// A category and a section made by a lead; returns (lead, sectionID).
    static func setUp(_ app: TestApp) async throws -> (Caller, Int) {
        let lead = try await app.person("Lara Lead", role: .lead)
        let category = try await lead.post("/api/v2/help_center/categories", ["category": ["name": "Printers", "description": "Setup and fixes"]])
        #expect(category.status == .created, "\(category.text)")
        let categoryID = try #require(category["category"]?["id"]?.intValue)
        let section = try await lead.post("/api/v2/help_center/categories/\(categoryID)/sections", ["section": ["name": "Configuration"]])
        #expect(section.status == .created, "\(section.text)")
        return (lead, try #require(section["section"]?["id"]?.intValue))
    }

    static func article(_ caller: Caller, section: Int, _ fields: JSONObject, sourceLocation: SourceLocation = #_sourceLocation) async throws -> Int {
        let r = try await caller.post("/api/v2/help_center/sections/\(section)/articles", ["article": .object(fields)])
        #expect(r.status == .created, "\(r.text)", sourceLocation: sourceLocation)
        return r["article"]?["id"]?.intValue ?? 0
    }

    static func ids(_ r: APIResponse, _ key: String) -> [Int] { r[key]?.arrayValue?.compactMap { $0["id"]?.intValue } ?? [] }

    @Test(arguments: TestDatabase.all)
    func articlesInZendeskShapesWithDraftsAndInternalsHidden(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let (lead, section) = try await Self.setUp(app)
            // an agent writes a draft; publishing it is refused, a lead publishes
            let id = try await Self.article(app.agent, section: section, [
                "title": "Restore the printer configuration", "body": "# Steps\n\n1. Open **Settings**\n2. Choose *Restore*",
                "label_names": ["printer", "Config"]])
            let shown = try await app.agent.get("/api/v2/help_center/articles/\(id)")
            let a = try #require(shown["article"])
            #expect(a["draft"] == .bool(true) && a["section_id"]?.intValue == section && a["author_id"]?.intValue == app.agent.id)
            #expect(a["label_names"] == ["printer", "config"] && a["locale"] == "en-us" && a["vote_sum"] == 0 && a["vote_count"] == 0)
            #expect(a["html_url"]?.stringValue?.hasSuffix("/hc/articles/\(id)") == true)
            #expect(a["body"]?.stringValue?.contains("<h1>Steps</h1>") == true && a["body"]?.stringValue?.contains("<strong>Settings</strong>") == true,
                    "\(a["body"] ?? .null)")
            #expect(try await app.anonymous.get("/api/v2/help_center/articles/\(id)").status == .notFound, "a draft is not public")
            #expect(try await app.endUserA.get("/api/v2/help_center/articles/\(id)").status == .notFound)
            #expect(try await app.anonymous.get("/api/v2/help_center/articles")["articles"]?.arrayValue?.isEmpty == true)
            let refused = try await app.agent.put("/api/v2/help_center/articles/\(id)", ["article": ["draft": false]])
            #expect(refused.status == .forbidden, "\(refused.text)")
            let published = try await lead.put("/api/v2/help_center/articles/\(id)", ["article": ["draft": false]])
            #expect(published["article"]?["draft"] == .bool(false) && published["article"]?["reviewer_id"]?.intValue == lead.id, "\(published.text)")
            #expect(try await app.anonymous.get("/api/v2/help_center/articles/\(id)").status == .ok)
            #expect(Self.ids(try await app.anonymous.get("/api/v2/help_center/sections/\(section)/articles"), "articles") == [id])

            // an internal article: agents only
            let internalID = try await Self.article(lead, section: section, ["title": "Escalation contacts", "body": "Call 555", "draft": false,
                                                                              "visibility": "internal"])
            #expect(try await app.anonymous.get("/api/v2/help_center/articles/\(internalID)").status == .notFound)
            #expect(try await app.endUserA.get("/api/v2/help_center/articles/\(internalID)").status == .notFound)
            #expect(try await app.agent.get("/api/v2/help_center/articles/\(internalID)").status == .ok)
            #expect(Self.ids(try await app.agent.get("/api/v2/help_center/articles"), "articles") == [id, internalID])
            #expect(Self.ids(try await app.endUserA.get("/api/v2/help_center/articles"), "articles") == [id])
            #expect(Self.ids(try await app.agent.get("/api/v2/help_center/articles?label_names=config"), "articles") == [id])

            // bad input: every field named, nothing written; unknown ids are JSON 404s
            let bad = try await app.agent.post("/api/v2/help_center/sections/\(section)/articles", ["article": ["title": "", "draft": "yes", "visibility": "secret"]])
            #expect(bad.status == .unprocessableContent, "\(bad.text)")
            for field in ["draft", "visibility"] { #expect(bad.text.contains(field), "\(field) in \(bad.text)") }
            #expect(try await app.agent.post("/api/v2/help_center/sections/999/articles", ["article": ["title": "x"]]).status == .notFound)
            #expect(try await app.agent.get("/api/v2/help_center/articles/999").status == .notFound)
            #expect(try await app.agent.post("/api/v2/help_center/categories", ["category": ["name": "Mine"]]).status == .forbidden,
                    "agents do not arrange the help center")
            #expect(try await app.endUserA.post("/api/v2/help_center/sections/\(section)/articles", ["article": ["title": "x"]]).status == .forbidden)
            #expect(try await app.anonymous.post("/api/v2/help_center/sections/\(section)/articles", ["article": ["title": "x"]]).status == .unauthorized)
            #expect(try await app.agent.delete("/api/v2/help_center/articles/\(id)").status == .forbidden)
            #expect(Self.ids(try await app.agent.get("/api/v2/help_center/articles"), "articles").count == 2)

            // categories and sections in Zendesk's shapes, to anyone
            let categories = try await app.anonymous.get("/api/v2/help_center/categories")
            #expect(categories["categories"]?.arrayValue?.first?["name"] == "Printers" && categories["count"] == 1, "\(categories.text)")
            let sections = try await app.anonymous.get("/api/v2/help_center/sections")
            #expect(sections["sections"]?.arrayValue?.first?["category_id"] == categories["categories"]?.arrayValue?.first?["id"])

            // paging like the rest of the API
            let page = try await app.agent.get("/api/v2/help_center/articles?per_page=1")
            #expect(Self.ids(page, "articles") == [id] && page["count"] == 2 && page["next_page"]?.stringValue?.contains("page=2") == true, "\(page.text)")
            let cursor = try await app.agent.get("/api/v2/help_center/articles?page[size]=1")
            #expect(cursor["meta"]?["has_more"] == .bool(true))

            // deleting, by a lead
            #expect(try await lead.delete("/api/v2/help_center/articles/\(internalID)").status == .noContent)
            #expect(try await app.agent.get("/api/v2/help_center/articles/\(internalID)").status == .notFound)
        }
    }

    @Test(arguments: TestDatabase.all)
    func everySaveIsARevisionWithADiff(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let (_, section) = try await Self.setUp(app)
            let id = try await Self.article(app.agent, section: section, ["title": "Reset", "body": "Open settings\nClick Reset\nDone"])
            _ = try await app.agent.put("/api/v2/help_center/articles/\(id)", ["article": ["body": "Open settings\nClick Restore defaults\nDone"]])
            _ = try await app.agent.put("/api/v2/help_center/articles/\(id)", ["article": ["position": 3]])
            let list = try await app.agent.get("/api/v2/help_center/articles/\(id)/revisions?from=1&to=2")
            #expect(list["revisions"]?.arrayValue?.compactMap { $0["number"]?.intValue } == [2, 1], "a position change is no revision: \(list.text)")
            #expect(list["diff"]?["added"] == 1 && list["diff"]?["removed"] == 1, "\(list.text)")
            let html = list["diff"]?["html"]?.stringValue ?? ""
            #expect(html.contains("<del>- Click Reset</del>") && html.contains("<ins>+ Click Restore defaults</ins>"), "\(html)")
            #expect(try await app.agent.get("/api/v2/help_center/articles/\(id)/revisions?from=1&to=9").status == .notFound)
            #expect(try await app.endUserA.get("/api/v2/help_center/articles/\(id)/revisions").status == .forbidden)
        }
    }

    @Test(arguments: TestDatabase.all)
    func renderedMarkdownIsSanitized(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let (lead, section) = try await Self.setUp(app)
            let body = """
                [click](javascript:alert(3)) and [fine](https://example.org/help)

                ![shot](/hc/article_attachments/1/a.png)

                Hello <script>alert(1)</script> <img src=x onerror="alert(2)">

                <a href="https://example.com" onclick="alert(4)">ok</a>
                """
            let id = try await Self.article(lead, section: section, ["title": "Hostile", "body": .string(body), "draft": false])
            let html = try await app.anonymous.get("/api/v2/help_center/articles/\(id)")["article"]?["body"]?.stringValue ?? ""
            for bad in ["<script", "onerror", "onclick", "href=\"javascript"] { #expect(!html.contains(bad), "\(bad) in \(html)") }
            #expect(html.contains("href=\"https://example.com\"") && html.contains("href=\"https://example.org/help\""), "\(html)")
            #expect(html.contains("src=\"/hc/article_attachments/1/a.png\""), "\(html)")
            #expect(ArticleHTML.render("<iframe src=\"https://evil.example\"></iframe>**bold**").contains("<iframe") == false)
        }
    }

    @Test(arguments: TestDatabase.all)
    func votesOnePerPersonChangeable(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let (lead, section) = try await Self.setUp(app)
            let id = try await Self.article(lead, section: section, ["title": "Reset", "body": "x", "draft": false])
            #expect(try await app.endUserA.post("/api/v2/help_center/articles/\(id)/up", [:]).status == .ok)
            #expect(try await app.endUserA.post("/api/v2/help_center/articles/\(id)/up", [:]).status == .ok)
            let down = try await app.endUserB.post("/api/v2/help_center/articles/\(id)/down", [:])
            #expect(down["vote"]?["value"] == -1 && down["article"]?["vote_sum"] == 0 && down["article"]?["vote_count"] == 2, "\(down.text)")
            _ = try await app.endUserB.post("/api/v2/help_center/articles/\(id)/up", [:])
            let a = try await app.anonymous.get("/api/v2/help_center/articles/\(id)")["article"]
            #expect(a?["vote_sum"] == 2 && a?["vote_count"] == 2, "changed, not added")
            #expect(try await app.anonymous.post("/api/v2/help_center/articles/\(id)/up", [:]).status == .unauthorized)
            let draft = try await Self.article(app.agent, section: section, ["title": "Draft", "body": "x"])
            #expect(try await app.endUserA.post("/api/v2/help_center/articles/\(draft)/up", [:]).status == .notFound)
        }
    }

    /// The same queries over the same articles give the same ids in the same order on each engine; run on both, the
    /// expected lists below are what both must produce.
    @Test(arguments: TestDatabase.all)
    func searchFindsTheSameOnBothEngines(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let (lead, section) = try await Self.setUp(app)
            let texts: [(String, String, [String])] = [
                ("Restore the printer configuration", "Copy the config files from the backup folder. Then restart.", ["printer"]),
                ("Printer shows error E-42", "Switch it off and on. If E-42 stays, call us.", []),
                ("Café menu printer", "The café's receipt printer needs the café profile.", ["cafe"]),
                ("Reset your password", "Use the e-mail link; it expires in an hour.", ["account"]),
                ("Configure two-factor sign-in", "Open Security, then Two-factor.", ["account"]),
            ]
            var ids: [Int] = []
            for (title, body, labels) in texts {
                ids.append(try await Self.article(lead, section: section, ["title": .string(title), "body": .string(body),
                                                                           "label_names": .array(labels.map { .string($0) }), "draft": false]))
            }
            let hidden = try await Self.article(app.agent, section: section, ["title": "Printer draft", "body": "printer notes"])
            let queries: [(String, [Int])] = [
                ("printer", [ids[2], ids[1], ids[0]]),
                ("PRINT", [ids[2], ids[1], ids[0]]),
                ("cafe", [ids[2]]),
                ("café", [ids[2]]),
                ("config", [ids[0], ids[4]]),
                ("printer config", [ids[0]]),
                ("e-42", [ids[1]]),
                ("mail", [ids[3]]),
                ("two factor", [ids[4]]),
                ("account", [ids[4], ids[3]]),
                ("scanner", []),
                (#"printer" OR "x"#, []),
                ("\"", []),
            ]
            for (q, expected) in queries {
                let r = try await app.anonymous.get("/api/v2/help_center/articles/search?query=\(percentEncode(q))")
                if HelpCenterSearch.Query(q) == nil {
                    #expect(r.status == .ok && Self.ids(r, "results").isEmpty, "\(q): \(r.text)")
                    continue
                }
                #expect(Self.ids(r, "results") == expected, "\(db.rawValue) \(q): \(Self.ids(r, "results")) expected \(expected)")
            }
            let agentSees = try await app.agent.get("/api/v2/help_center/articles/search?query=printer")
            #expect(Self.ids(agentSees, "results").contains(hidden), "staff find drafts")
            let r = try await app.anonymous.get("/api/v2/help_center/articles/search?query=backup")
            #expect(r["results"]?.arrayValue?.first?["snippet"]?.stringValue?.contains("<em>backup</em>") == true, "\(r.text)")
            #expect(r["count"] == 1 && r["results"]?.arrayValue?.first?["result_type"] == "article")
            #expect(try await app.anonymous.get("/api/v2/help_center/articles/search").status == .unprocessableContent)
            let paged = try await app.anonymous.get("/api/v2/help_center/articles/search?query=printer&per_page=2&page=2")
            #expect(Self.ids(paged, "results") == [ids[0]] && paged["count"] == 3, "\(paged.text)")
            // an edit is found at once, the old words no longer
            _ = try await lead.put("/api/v2/help_center/articles/\(ids[3])", ["article": ["title": "Recover your account", "body": "Use the link."]])
            #expect(Self.ids(try await app.anonymous.get("/api/v2/help_center/articles/search?query=password"), "results").isEmpty)
            #expect(Self.ids(try await app.anonymous.get("/api/v2/help_center/articles/search?query=recover"), "results") == [ids[3]])
            _ = try await lead.delete("/api/v2/help_center/articles/\(ids[3])")
            #expect(Self.ids(try await app.anonymous.get("/api/v2/help_center/articles/search?query=recover"), "results").isEmpty)
        }
    }

    @Test(arguments: TestDatabase.all)
    func articleFromAReplyCarriesItsImagesAndLinksTheTicket(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let (lead, section) = try await Self.setUp(app)
            let ticket = try await app.endUserA.createTicket(["subject": "Printer lost its configuration", "comment": ["body": "It forgot everything."]])
            let reply = try await app.agent.put("/api/v2/tickets/\(ticket)", ["ticket": ["comment": [
                "body": "Here is the fix:\n# not a heading\nCopy the config from the backup <b>folder</b>.", "public": true]]])
            #expect(reply.status == .ok, "\(reply.text)")
            _ = try await app.agent.put("/api/v2/tickets/\(ticket)", ["ticket": ["comment": ["body": "internal thought", "public": false]]])
            let comments = try await app.agent.get("/api/v2/tickets/\(ticket)/comments")["comments"]?.arrayValue ?? []
            let customerComment = try #require(comments.first?["id"]?.intValue)
            let replyID = try #require(comments.first { $0["body"]?.stringValue?.hasPrefix("Here is the fix") == true }?["id"]?.intValue)
            let noteID = try #require(comments.first { $0["public"] == .bool(false) }?["id"]?.intValue)
            let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]
            _ = try await app.database.write { db in
                try await AttachmentStore(db: db).insert(png, fileName: "settings screen.png", contentType: "image/png", ticketID: ticket, commentID: replyID)
            }

            let made = try await app.agent.post("/api/v2/tickets/\(ticket)/comments/\(replyID)/article", [:])
            #expect(made.status == .created, "\(made.text)")
            let article = try #require(made["article"])
            let id = try #require(article["id"]?.intValue)
            #expect(article["title"] == "Printer lost its configuration" && article["draft"] == .bool(true) && article["section_id"]?.intValue == section)
            let markdown = article["markdown"]?.stringValue ?? ""
            #expect(markdown.contains("Copy the config from the backup") && markdown.contains("\\# not a heading"), "\(markdown)")
            let html = article["body"]?.stringValue ?? ""
            #expect(!html.contains("<h1>") && !html.contains("<b>") && html.contains("&lt;b&gt;folder"), "\(html)")
            let files = try await app.agent.get("/api/v2/help_center/articles/\(id)/attachments")["article_attachments"]?.arrayValue ?? []
            #expect(files.count == 1 && files.first?["file_name"] == "settings screen.png", "\(files)")
            let fileID = try #require(files.first?["id"]?.intValue)
            #expect(html.contains("<img src=\"/hc/article_attachments/\(fileID)/settings%20screen.png\""), "\(html)")
            #expect(Self.ids(try await app.agent.get("/api/v2/tickets/\(ticket)/articles"), "articles") == [id])

            // only public agent replies, only staff
            #expect(try await app.agent.post("/api/v2/tickets/\(ticket)/comments/\(customerComment)/article", [:]).status == .unprocessableContent)
            #expect(try await app.agent.post("/api/v2/tickets/\(ticket)/comments/\(noteID)/article", [:]).status == .unprocessableContent)
            #expect(try await app.endUserA.post("/api/v2/tickets/\(ticket)/comments/\(replyID)/article", [:]).status == .forbidden)
            #expect(try await app.agent.post("/api/v2/tickets/\(ticket)/comments/99999/article", [:]).status == .notFound)
            #expect(try await app.agent.post("/api/v2/tickets/99999/comments/\(replyID)/article", [:]).status == .notFound)

            // the article's image is served as the article is: not to visitors while a draft, to everyone once published
            let browser = Caller(client: app.client, token: nil)
            #expect(try await browser.get("/hc/article_attachments/\(fileID)/x.png").status == .notFound)
            _ = try await lead.put("/api/v2/help_center/articles/\(id)", ["article": ["draft": false]])
            let image = try await browser.get("/hc/article_attachments/\(fileID)/x.png")
            #expect(image.status == .ok && image.headers[.contentType] == "image/png", "\(image.status)")
            #expect(image.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
        }
    }

    @Test(arguments: TestDatabase.all)
    func demoHelpCenterHasTheNewcomersGuide(db: TestDatabase) async throws {
        try await db.withFreshDatabase { database in
            try await DemoLoader.load(into: database, bcryptCost: 4)
            try await DemoLoader.load(into: database, bcryptCost: 4)
            try await database.read { db in
                let store = KnowledgeBaseStore(db: db)
                #expect(try await store.categories().count == 3, "loading twice adds nothing")
                let kb = KnowledgeBaseService(clock: .system)
                let found = try await kb.search("restore dispatch backup", role: nil, db: db).articles
                let guide = try #require(found.first)
                #expect(guide.title == "Restore the Dispatch board configuration from a backup" && !guide.draft && guide.reviewerID != nil)
                let ticket = try await db.raw("SELECT id FROM tickets WHERE external_id = 'demo-remote-access-1'").first()?.decode(column: "id", as: Int.self)
                #expect(try await store.linkedArticles(ticketID: try #require(ticket)).map(\.id) == [guide.id])
                #expect(try await kb.search("remote access refuses", role: nil, db: db).articles.isEmpty, "the internal policy is for agents")
                #expect(try await kb.search("remote access refuses", role: .agent, db: db).articles.count == 1)
            }
        }
    }
}
