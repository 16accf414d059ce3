import CasebookCore
import Foundation
import Testing
@testable import CasebookServer

/// The help center and the knowledge-base pages in the browser: a reply becomes a draft in one click, is edited and
/// published by a lead, a visitor finds it through help-center search and votes without JavaScript; the portal
/// suggests it while a customer types a subject, and leads see the requests avoided.
@Suite("Web knowledge base pages")
struct WebKnowledgeBasePagesTests {
    @Test(arguments: TestDatabase.all)
    func articleFromAReplyToAVisitorsVote(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            // setup: a lead arranges the help center; a customer's ticket gets an agent's public reply
            _ = try await app.person("Lara Lead", role: .lead)
            let lara = try await app.signedIn("lara.lead@brightbeam.example")
            _ = try await lara.get("/agent/kb")
            #expect(try await lara.post("/agent/kb/categories", [("name", "Printers")]).status == .seeOther)
            let list = try await lara.get("/agent/kb")
            let categoryID = try #require(list.firstMatch(#"<option value="(\d+)">Printers</option>"#))
            #expect(try await lara.post("/agent/kb/sections", [("category_id", categoryID), ("name", "Configuration")]).status == .seeOther)
            let ticket = try await app.endUserA.createTicket(["subject": "Printer forgot its settings", "comment": ["body": "Help!"]])
            _ = try await app.agent.put("/api/v2/tickets/\(ticket)", ["ticket": ["comment": [
                "body": "Open Settings, choose Restore, pick the backup from Monday.", "public": true]]])

            // the agent turns the reply into an article from the ticket page
            let morgan = try await app.signedIn(TestApp.agentEmail)
            let ticketPage = try await morgan.get("/agent/tickets/\(ticket)")
            #expect(ticketPage.contains("id=\"knowledge\"") && ticketPage.contains("Turn into article"), "\(ticketPage.html)")
            let action = try #require(ticketPage.firstMatch(#"action="(/agent/tickets/\d+/comments/\d+/article)""#))
            #expect(try await morgan.post(action, [], csrf: "wrong").status == .forbidden, "CSRF checked")
            let made = try await morgan.post(action)
            #expect(made.status == .seeOther, "\(made.html)")
            let editorPath = try #require(made.location)
            let editor = try await morgan.get(editorPath)
            #expect(editor.contains("Draft created from the reply") && editor.contains("value=\"Printer forgot its settings\""), "\(editor.html)")
            #expect(editor.contains("pick the backup from Monday") && !editor.contains("id=\"article-publish\""), "agents do not publish")
            let articleID = try #require(editorPath.split(separator: "/").dropFirst(2).first.flatMap { Int($0) })
            #expect(try await morgan.get("/agent/tickets/\(ticket)").contains("href=\"/agent/kb/\(articleID)/edit\""), "the ticket links to it")

            // the agent edits (preview saves nothing), a lead publishes
            let sectionID = try #require(editor.firstMatch(#"<option value="(\d+)" selected>"#))
            let fields: [(String, String)] = [("title", "Restore a printer's settings"), ("section_id", sectionID), ("label_names", "printer, backup"),
                                               ("visibility", "public"), ("body", "1. Open **Settings**\n2. Choose *Restore*\n3. Pick Monday's backup")]
            let preview = try await morgan.post("/agent/kb/\(articleID)", fields + [("action", "preview")])
            #expect(preview.status == .ok && preview.contains("<strong>Settings</strong>"), "\(preview.html)")
            #expect(try await morgan.post("/agent/kb/\(articleID)", fields + [("action", "publish")]).status == .forbidden)
            #expect(try await morgan.post("/agent/kb/\(articleID)", fields + [("action", "save")]).status == .seeOther)
            _ = try await lara.get("/agent/kb/\(articleID)/edit")
            let published = try await lara.post("/agent/kb/\(articleID)", fields + [("action", "publish")])
            #expect(published.location == "/agent/kb/\(articleID)/edit?published=1", "\(published.html)")
            let history = try await lara.get("/agent/kb/\(articleID)/revisions?from=1&to=2")
            #expect(history.contains("id=\"revision-diff\"") && history.contains("<ins>+ 1. Open **Settings**</ins>"), "\(history.html)")
            #expect(history.contains("data-revision=\"3\""))

            // a visitor finds it through the help center's search and votes without JavaScript
            let visitor = app.browser()
            let home = try await visitor.get("/hc")
            #expect(home.status == .ok && home.contains("Printers") && home.contains("href=\"/hc/articles/\(articleID)\""), "\(home.html)")
            let results = try await visitor.get("/hc/search?query=restore+printer")
            #expect(results.contains("data-article-id=\"\(articleID)\"") && results.contains("1 result for"), "\(results.html)")
            let article = try await visitor.get("/hc/articles/\(articleID)")
            #expect(article.contains("<strong>Settings</strong>") && article.contains("Was this article helpful?"), "\(article.html)")
            #expect(try await visitor.post("/hc/articles/\(articleID)/vote", [("value", "up")]).status == .seeOther)
            #expect(try await visitor.get("/hc/articles/\(articleID)").contains("1 of 1 found this helpful. You said yes."))
            _ = try await visitor.post("/hc/articles/\(articleID)/vote", [("value", "down")])
            let changed = try await visitor.get("/hc/articles/\(articleID)")
            #expect(changed.contains("0 of 1 found this helpful. You said no."), "one vote per visitor, changeable: \(changed.html)")
            #expect(try await visitor.post("/hc/articles/\(articleID)/vote", [("value", "up")], csrf: "wrong").status == .forbidden)

            // drafts stay with staff
            let draft = try await app.agent.post("/api/v2/help_center/sections/\(sectionID)/articles", ["article": ["title": "Secret draft", "body": "x"]])
            let draftID = try #require(draft["article"]?["id"]?.intValue)
            #expect(try await visitor.get("/hc/articles/\(draftID)").status == .notFound)
            #expect(try await morgan.get("/hc/articles/\(draftID)").status == .ok)
            #expect(!(try await visitor.get("/hc/search?query=secret")).contains("Secret draft"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func portalSuggestionsCountRequestsAvoided(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let lead = try await app.person("Lara Lead", role: .lead)
            let c = try await lead.post("/api/v2/help_center/categories", ["category": ["name": "Printers"]])
            let s = try await lead.post("/api/v2/help_center/categories/\(c["category"]?["id"]?.intValue ?? 0)/sections", ["section": ["name": "Fixes"]])
            let sectionID = try #require(s["section"]?["id"]?.intValue)
            let a = try await lead.post("/api/v2/help_center/sections/\(sectionID)/articles", ["article": [
                "title": "Printer offline after update", "body": "Restart the spooler.", "draft": false]])
            let articleID = try #require(a["article"]?["id"]?.intValue)

            let rex = try await app.signedIn("rex@northwind.example")
            let newRequest = try await rex.get("/portal/requests/new")
            #expect(newRequest.contains("data-deflection") && newRequest.contains("/hc/deflection.js") && newRequest.contains("href=\"/hc\""))
            // form one: suggestions shown, one opened, nothing submitted → avoided
            let formA = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", formB = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
            let suggested = try await rex.get("/hc/suggestions?form=\(formA)&subject=printer%20offl")
            #expect(suggested.contains("\"id\":\(articleID)") && suggested.contains("/hc/articles/\(articleID)?suggested=\(formA)"), "\(suggested.html)")
            _ = try await rex.get("/hc/articles/\(articleID)?suggested=\(formA)")
            // the customer's words need not all be the article's; drafts are never suggested
            #expect(try await rex.get("/hc/suggestions?subject=my%20printer%20is%20broken").contains("\"id\":\(articleID)"))
            _ = try await lead.post("/api/v2/help_center/sections/\(sectionID)/articles", ["article": ["title": "Printer draft notes", "body": "x"]])
            #expect(!(try await rex.get("/hc/suggestions?subject=printer%20draft")).contains("draft notes"))
            // form two: shown and opened, but the request was sent anyway
            _ = try await rex.get("/hc/suggestions?form=\(formB)&subject=printer")
            _ = try await rex.get("/hc/articles/\(articleID)?suggested=\(formB)")
            let csrf = try #require(newRequest.csrf)
            #expect(try await rex.post("/hc/deflection", [("event", "submitted"), ("form", formB)], csrf: csrf).status == .noContent)
            #expect(try await rex.post("/hc/deflection", [("event", "submitted"), ("form", formB)], csrf: "nope").status == .forbidden)

            let counts = try await lead.get("/api/v2/help_center/deflection")
            #expect(counts["deflection"]?["suggested"] == 2 && counts["deflection"]?["opened"] == 2 && counts["deflection"]?["submitted"] == 1
                    && counts["deflection"]?["avoided"] == 1, "\(counts.text)")
            #expect(try await app.agent.get("/api/v2/help_center/deflection").status == .forbidden)
            let lara = try await app.signedIn("lara.lead@brightbeam.example")
            let page = try await lara.get("/agent/kb")
            #expect(page.contains("id=\"deflection-avoided\">1<"), "\(page.html)")

            // Counts cannot be made up: a key whose form was never shown the article, the same open again, a visitor
            // who is not signed in and staff trying the portal change nothing.
            let formC = "cccccccccccccccccccccccccccccccc", formD = "dddddddddddddddddddddddddddddddd"
            _ = try await rex.get("/hc/articles/\(articleID)?suggested=\(formC)")
            _ = try await rex.get("/hc/articles/\(articleID)?suggested=\(formA)")
            let visitor = app.browser()
            _ = try await visitor.get("/hc/suggestions?form=\(formD)&subject=printer")
            _ = try await visitor.get("/hc/articles/\(articleID)?suggested=\(formD)")
            _ = try await lara.get("/hc/suggestions?form=\(formD)&subject=printer")
            _ = try await lara.get("/hc/articles/\(articleID)?suggested=\(formD)")
            let unchanged = try await lead.get("/api/v2/help_center/deflection")["deflection"]
            #expect(unchanged?["suggested"] == 2 && unchanged?["opened"] == 2 && unchanged?["submitted"] == 1 && unchanged?["avoided"] == 1,
                    "\(String(describing: unchanged))")

            // Rex writes in after all, through the portal form (its key travels in the form, no script needed at
            // submit): that form counts as submitted, and the form he gave up on earlier is no longer a request avoided.
            _ = try await rex.get("/hc/suggestions?form=\(formC)&subject=printer")
            let form = try await rex.get("/portal/requests/new")
            #expect(form.contains("name=\"deflection_form\""))
            let sent = try await rex.postMultipart("/portal/requests", [("subject", "Printer still offline"),
                                                                        ("body", "The spooler restart did not help."), ("deflection_form", formC)],
                                                   files: [])
            #expect(sent.status == .seeOther, "\(sent.html)")
            let after = try await lead.get("/api/v2/help_center/deflection")["deflection"]
            #expect(after?["suggested"] == 3 && after?["opened"] == 2 && after?["submitted"] == 2 && after?["avoided"] == 0,
                    "\(String(describing: after))")
            // A form shown again after an error keeps its key.
            let refused = try await rex.postMultipart("/portal/requests", [("subject", ""), ("body", ""),
                                                                           ("deflection_form", formD)], files: [])
            #expect(refused.status == .unprocessableContent && refused.contains("value=\"\(formD)\""), "\(refused.html)")
        }
    }

    @Test(arguments: TestDatabase.all)
    func composerSearchInsertsALinkOrTheText(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let lead = try await app.person("Lara Lead", role: .lead)
            let c = try await lead.post("/api/v2/help_center/categories", ["category": ["name": "Printers"]])
            let s = try await lead.post("/api/v2/help_center/categories/\(c["category"]?["id"]?.intValue ?? 0)/sections", ["section": ["name": "Fixes"]])
            let a = try await lead.post("/api/v2/help_center/sections/\(s["section"]?["id"]?.intValue ?? 0)/articles", ["article": [
                "title": "Clear a paper jam", "body": "Open tray **two** and pull gently.", "draft": false]])
            let articleID = try #require(a["article"]?["id"]?.intValue)
            let ticket = try await app.endUserA.createTicket(["subject": "Jammed", "comment": ["body": "Paper stuck."]])
            let morgan = try await app.signedIn(TestApp.agentEmail)
            let results = try await morgan.get("/agent/tickets/\(ticket)/articles/search?q=paper+jam")
            #expect(results.contains("data-article-id=\"\(articleID)\"") && results.contains("Insert link"), "\(results.html)")
            let withLink = try await morgan.get("/agent/tickets/\(ticket)?insert_article=\(articleID)&insert=link")
            #expect(withLink.contains("Clear a paper jam: ") && withLink.contains("/hc/articles/\(articleID)</textarea>"), "\(withLink.html)")
            let withText = try await morgan.get("/agent/tickets/\(ticket)?insert_article=\(articleID)&insert=text")
            #expect(withText.contains("Open tray two and pull gently."), "\(withText.html)")
            #expect(try await app.browser().get("/agent/tickets/\(ticket)/articles/search?q=x").status != .ok)
        }
    }

    @Test(arguments: TestDatabase.all)
    func leadsRenameReorderMoveAndDeleteCategoriesAndSectionsOnThePage(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let lead = try await app.person("Lara Lead", role: .lead)
            func id(_ page: JSONValue?, _ key: String) -> Int { page?[key]?["id"]?.intValue ?? 0 }
            let printers = id(try await lead.post("/api/v2/help_center/categories", ["category": ["name": "Printers"]]).json, "category")
            let billing = id(try await lead.post("/api/v2/help_center/categories", ["category": ["name": "Billing"]]).json, "category")
            let fixes = id(try await lead.post("/api/v2/help_center/categories/\(printers)/sections", ["section": ["name": "Fixes"]]).json, "section")
            let invoices = id(try await lead.post("/api/v2/help_center/categories/\(printers)/sections", ["section": ["name": "Invoices"]]).json, "section")
            let empty = id(try await lead.post("/api/v2/help_center/categories/\(billing)/sections", ["section": ["name": "Old"]]).json, "section")
            _ = try await lead.post("/api/v2/help_center/sections/\(fixes)/articles", ["article": ["title": "Reset the spooler", "body": "x"]])

            let lara = try await app.signedIn("lara.lead@brightbeam.example")
            let page = try await lara.get("/agent/kb")
            #expect(page.contains("data-category-id=\"\(printers)\"") && page.contains("data-section-id=\"\(invoices)\""), "\(page.html)")
            // Rename and reorder a category; move a section to the category it belongs in and put it first.
            #expect(try await lara.post("/agent/kb/categories/\(billing)", [("name", "Billing and invoices"), ("position", "0")]).status == .seeOther)
            #expect(try await lara.post("/agent/kb/categories/\(printers)", [("name", "Printers"), ("position", "5")]).status == .seeOther)
            #expect(try await lara.post("/agent/kb/sections/\(invoices)", [("name", "Invoices"), ("position", "0"),
                                                                           ("category_id", String(billing))]).status == .seeOther)
            let categories = try await app.agent.get("/api/v2/help_center/categories")["categories"]?.arrayValue ?? []
            #expect(categories.map { $0["name"]?.stringValue ?? "" } == ["Billing and invoices", "Printers"], "\(categories)")
            let moved = try await app.agent.get("/api/v2/help_center/sections/\(invoices)")["section"]
            #expect(moved?["category_id"]?.intValue == billing && moved?["position"]?.intValue == 0, "\(String(describing: moved))")
            let saved = try await lara.get("/agent/kb?arranged=1")
            #expect(saved.contains("Categories and sections saved."))

            // Bad input is refused with a reason and changes nothing.
            let blank = try await lara.post("/agent/kb/categories/\(printers)", [("name", " "), ("position", "1")])
            #expect(blank.status == .unprocessableContent && blank.contains("Name: cannot be blank"), "\(blank.html)")
            let badPosition = try await lara.post("/agent/kb/sections/\(fixes)", [("name", "Fixes"), ("position", "first")])
            #expect(badPosition.status == .unprocessableContent && badPosition.contains("Position: a whole number"), "\(badPosition.html)")
            #expect(try await lara.post("/agent/kb/sections/\(fixes)", [("name", "Fixes"), ("category_id", "999999")]).status
                == .unprocessableContent)
            #expect(try await app.agent.get("/api/v2/help_center/sections/\(fixes)")["section"]?["category_id"]?.intValue == printers)

            // A section or category that holds articles is not deleted from the page; empty ones are.
            let refused = try await lara.post("/agent/kb/sections/\(fixes)/delete")
            #expect(refused.status == .unprocessableContent && refused.contains("still holds 1 article"), "\(refused.html)")
            #expect(try await lara.post("/agent/kb/categories/\(printers)/delete").status == .unprocessableContent)
            #expect(try await lara.post("/agent/kb/sections/\(empty)/delete").status == .seeOther)
            #expect(try await app.agent.get("/api/v2/help_center/sections/\(empty)").status == .notFound)
            #expect(try await lara.post("/agent/kb/categories/\(billing)/delete").status == .seeOther, "its one section was empty")
            #expect(try await app.agent.get("/api/v2/help_center/sections/\(invoices)").status == .notFound)
            #expect(try await app.agent.get("/api/v2/help_center/sections/\(fixes)").status == .ok)

            // Agents and customers may not arrange; forms without their CSRF token are refused.
            let morgan = try await app.signedIn(TestApp.agentEmail)
            #expect(try await morgan.post("/agent/kb/categories/\(printers)", [("name", "Mine")]).status == .forbidden)
            #expect(try await morgan.post("/agent/kb/sections/\(fixes)/delete").status == .forbidden)
            #expect(!(try await morgan.get("/agent/kb")).contains("kb-places"))
            let rex = try await app.signedIn(TestApp.endUserAEmail)
            #expect([.forbidden, .notFound].contains(try await rex.post("/agent/kb/categories/\(printers)/delete").status))
            #expect(try await lara.post("/agent/kb/categories/\(printers)", [("name", "Forged")], csrf: "nope").status == .forbidden)
            #expect(try await app.agent.get("/api/v2/help_center/categories/\(printers)")["category"]?["name"]?.stringValue == "Printers")
        }
    }

    @Test(arguments: TestDatabase.all)
    func imagesUploadedInTheEditorAreServedAsTheArticleIs(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let lead = try await app.person("Lara Lead", role: .lead)
            let c = try await lead.post("/api/v2/help_center/categories", ["category": ["name": "Printers"]])
            let s = try await lead.post("/api/v2/help_center/categories/\(c["category"]?["id"]?.intValue ?? 0)/sections", ["section": ["name": "Fixes"]])
            let a = try await lead.post("/api/v2/help_center/sections/\(s["section"]?["id"]?.intValue ?? 0)/articles", ["article": [
                "title": "Where the reset button is", "body": "See the picture."]])
            let articleID = try #require(a["article"]?["id"]?.intValue)
            let lara = try await app.signedIn("lara.lead@brightbeam.example")
            _ = try await lara.get("/agent/kb/\(articleID)/edit")
            let uploaded = try await lara.postMultipart("/agent/kb/\(articleID)/attachments", [],
                                                        files: [(field: "file", name: "reset button.png", type: "image/png", data: "PNGDATA")])
            #expect(uploaded.location == "/agent/kb/\(articleID)/edit?uploaded=1", "\(uploaded.status) \(uploaded.html)")
            let editor = try await lara.get("/agent/kb/\(articleID)/edit")
            let path = try #require(editor.firstMatch(#"!\[reset button.png\]\((/hc/article_attachments/\d+/reset%20button.png)\)"#), "\(editor.html)")
            let visitor = app.browser()
            #expect(try await visitor.get(path).status == .notFound, "a draft's image is not public")
            #expect(try await lara.get(path).status == .ok)
            _ = try await lead.put("/api/v2/help_center/articles/\(articleID)", ["article": ["draft": false, "body": .string("See ![reset](\(path))")]])
            let image = try await visitor.get(path)
            #expect(image.status == .ok && image.headers[.contentType] == "image/png" && image.html == "PNGDATA")
            #expect(try await visitor.get("/hc/articles/\(articleID)").contains("<img src=\"\(path)\" alt=\"reset\""))
            #expect(try await app.agent.get("/api/v2/help_center/articles/\(articleID)/attachments")["article_attachments"]?.arrayValue?.count == 1)
        }
    }
}
