import CasebookCore
import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import SQLKit

/// The public help center: `/hc` (categories, sections, their articles), `/hc/categories/{id}`, `/hc/sections/{id}`,
/// `/hc/articles/{id}` with "Was this article helpful?" (a plain form with CSRF: one vote per person, or per browser
/// for visitors, changeable), `/hc/search`, article files, and the portal's deflection endpoints. No sign-in is needed
/// for published public articles; drafts and internal articles are for signed-in staff.
struct HelpCenterPages: Sendable {
    let services: CasebookServices
    let renderer: PageRenderer
    var database: Database { services.database }
    var kb: KnowledgeBaseService { KnowledgeBaseService(services: services) }

    func register(on web: RouterGroup<CasebookContext>) {
        web.get("hc", use: home)
        web.get("hc/categories/:id", use: category)
        web.get("hc/sections/:id", use: section)
        web.get("hc/articles/:id", use: article)
        web.post("hc/articles/:id/vote", use: vote)
        web.get("hc/search", use: search)
        web.get("hc/article_attachments/:id/:name", use: file)
        web.get("hc/suggestions", use: suggestions)
        web.post("hc/deflection", use: deflectionEvent)
        web.get("hc/deflection.js", use: script)
    }

    /// The page's CSRF token: the session's, or for visitors the `casebook_csrf` cookie (set with the page).
    func chrome(_ title: String, request: Request, context: CasebookContext) -> (Chrome, AnonymousCSRF?) {
        if context.session != nil { return (Chrome(title: title, context: context), nil) }
        let csrf = AnonymousCSRF(request)
        return (Chrome(title: title, context: context, csrf: csrf.token), csrf)
    }

    func respond(_ template: String, _ model: [String: Any], _ anon: AnonymousCSRF?, request: Request, status: HTTPResponse.Status = .ok) -> Response {
        var response = renderer.page(template, model, status: status)
        anon?.apply(to: &response, request: request)
        return response
    }

    static func articleRow(_ a: ArticleRecord) -> [String: Any] {
        ["id": a.id, "title": a.title, "internal": a.visibility == .internal, "draft": a.draft]
    }

    @Sendable func home(_ request: Request, context: CasebookContext) async throws -> Response {
        let role = context.actor?.role
        let (categories, sections, articles) = try await database.read { db in
            let store = KnowledgeBaseStore(db: db)
            return (try await store.categories(), try await store.sections(),
                    try await store.listed(.init(staff: role?.isStaff == true, draft: role?.isStaff == true ? false : nil), limit: 2000))
        }
        let model: [[String: Any]] = categories.map { c in
            ["id": c.id, "name": c.name, "description": c.description,
             "sections": sections.filter { $0.categoryID == c.id }.map { s in
                 ["id": s.id, "name": s.name, "articles": articles.filter { $0.sectionID == s.id }.prefix(6).map(Self.articleRow)] as [String: Any]
             }] as [String: Any]
        }
        let (chrome, anon) = chrome("Help center", request: request, context: context)
        return respond("hc-home", ["chrome": chrome, "categories": model, "query": ""], anon, request: request)
    }

    @Sendable func category(_ request: Request, context: CasebookContext) async throws -> Response {
        let id = try context.parameters.id()
        let staff = context.actor?.role.isStaff == true
        let (c, sectionRecords, articles) = try await database.read { db in
            let c = try await kb.category(id, db: db)
            let store = KnowledgeBaseStore(db: db)
            return (c, try await store.sections(categoryID: id),
                    try await store.listed(.init(staff: staff, categoryID: id, draft: staff ? false : nil), limit: 2000))
        }
        let sections: [[String: Any]] = sectionRecords.map { s in
            ["id": s.id, "name": s.name, "articles": articles.filter { $0.sectionID == s.id }.map(Self.articleRow)] as [String: Any]
        }
        let (chrome, anon) = chrome(c.name, request: request, context: context)
        return respond("hc-category", ["chrome": chrome, "category": ["id": c.id, "name": c.name, "description": c.description] as [String: Any],
                                       "sections": sections], anon, request: request)
    }

    @Sendable func section(_ request: Request, context: CasebookContext) async throws -> Response {
        let id = try context.parameters.id()
        let staff = context.actor?.role.isStaff == true
        let (s, c, articles) = try await database.read { db -> (SectionRecord, CategoryRecord, [ArticleRecord]) in
            let s = try await kb.section(id, db: db)
            return (s, try await kb.category(s.categoryID, db: db),
                    try await KnowledgeBaseStore(db: db).listed(.init(staff: staff, sectionID: id, draft: staff ? false : nil), limit: 2000))
        }
        let (chrome, anon) = chrome(s.name, request: request, context: context)
        return respond("hc-section", ["chrome": chrome, "section": ["id": s.id, "name": s.name, "description": s.description] as [String: Any],
                                      "category": ["id": c.id, "name": c.name] as [String: Any], "articles": articles.map(Self.articleRow)],
                       anon, request: request)
    }

    /// Who is voting: the signed-in person, or the visitor's browser (its CSRF cookie, hashed).
    static func voterKey(request: Request, context: CasebookContext) -> String? {
        if let actor = context.actor { return "user:\(actor.id)" }
        guard let cookie = request.cookies[SessionMiddleware.csrfCookie]?.value, cookie.count >= 32 else { return nil }
        return "visitor:" + APITokens.hex(SHA256.hash(data: Array(cookie.utf8)))
    }

    /// `?suggested=<form key>`: opened from the portal's suggestions, which counts towards deflection.
    @Sendable func article(_ request: Request, context: CasebookContext) async throws -> Response {
        let id = try context.parameters.id()
        let role = context.actor?.role
        let voter = Self.voterKey(request: request, context: context)
        let now = services.config.clock.now()
        let (a, s, c, files, myVote) = try await database.read { db -> (ArticleRecord, SectionRecord, CategoryRecord, [AttachmentStore.Record], Int?) in
            let a = try await kb.readableArticle(id, role: role, db: db)
            let s = try await kb.section(a.sectionID, db: db)
            let store = KnowledgeBaseStore(db: db)
            return (a, s, try await kb.category(s.categoryID, db: db), try await store.attachments(articleID: id),
                    try await voter.asyncMap { try await store.vote(articleID: id, voterKey: $0) } ?? nil)
        }
        if let formKey = request.query["suggested"], DeflectionForm.isValidKey(formKey), !a.draft, let customer = DeflectionForm.customer(context) {
            // Only an article this customer's form was shown counts: a link made up or passed on is just a page view.
            try await database.write { db in
                let store = KnowledgeBaseStore(db: db)
                guard try await store.wasSuggested(formKey: formKey, articleID: id, userID: customer) else { return }
                try await store.recordDeflection(formKey: formKey, event: .opened, articleID: id, userID: customer, now: now)
            }
        }
        let (chrome, anon) = chrome(a.title, request: request, context: context)
        let model: [String: Any] = [
            "chrome": chrome, "isStaff": role?.isStaff == true,
            "article": ["id": a.id, "title": a.title, "html": ArticleHTML.render(a.body), "draft": a.draft, "internal": a.visibility == .internal,
                        "updated": PageTime.text(a.editedAt), "updatedISO": PageTime.iso(a.editedAt), "voteCount": a.voteCount,
                        "helpful": (a.voteCount + a.voteSum) / 2] as [String: Any],
            "section": ["id": s.id, "name": s.name] as [String: Any], "category": ["id": c.id, "name": c.name] as [String: Any],
            "votedUp": myVote == 1, "votedDown": myVote == -1,
            "files": files.map { ["url": KnowledgeBaseService.attachmentPath($0), "name": $0.fileName] }, "hasFiles": !files.isEmpty,
        ]
        return respond("hc-article", model, anon, request: request)
    }

    @Sendable func vote(_ request: Request, context: CasebookContext) async throws -> Response {
        let id = try context.parameters.id()
        let form = context.form ?? QueryItems(nil)
        guard let value = ["up": 1, "down": -1][form["value"] ?? ""] else { throw WebError(.badRequest, "Choose Yes or No.") }
        guard let voter = Self.voterKey(request: request, context: context) else {
            throw WebError(.forbidden, "This form has expired. Reload the page and try again.")
        }
        _ = try await database.write { db in
            try await kb.vote(id, value: value, voterKey: voter, userID: context.actor?.id, role: context.actor?.role, db: db)
        }
        return seeOther("/hc/articles/\(id)#article-votes")
    }

    @Sendable func search(_ request: Request, context: CasebookContext) async throws -> Response {
        let text = request.query["query"] ?? ""
        let (query, found) = try await database.read { db in try await kb.search(text, role: context.actor?.role, db: db) }
        let results: [[String: Any]] = found.prefix(50).map { a in
            ["id": a.id, "title": a.title, "snippet": query?.snippet(ArticleHTML.plainText(a.body)) ?? ""]
        }
        let (chrome, anon) = chrome("Search the help center", request: request, context: context)
        return respond("hc-search", ["chrome": chrome, "query": text, "results": results, "count": found.count, "one": found.count == 1,
                                     "searched": !text.trimmingCharacters(in: .whitespaces).isEmpty], anon, request: request)
    }

    /// An article's file, served as the article is (never run by the browser, as ticket attachments).
    @Sendable func file(_ request: Request, context: CasebookContext) async throws -> Response {
        let id = try context.parameters.id()
        let (file, data) = try await database.read { db -> (AttachmentStore.Record, [UInt8]) in
            let file = try await kb.readableAttachment(id, role: context.actor?.role, db: db)
            guard let data = try await AttachmentStore(db: db).content(sha256: file.sha256) else { throw APIError.notFound() }
            return (file, data)
        }
        let shown = AttachmentStore.displayableTypes.contains(file.contentType)
        var headers: HTTPFields = [
            .contentType: shown ? file.contentType : "application/octet-stream",
            .contentDisposition: AttachmentRoutes.disposition(file.fileName, inline: shown),
            HTTPField.Name("X-Content-Type-Options")!: "nosniff",
            HTTPField.Name("Content-Security-Policy")!: "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
            .cacheControl: "private, max-age=3600",
        ]
        headers[HTTPField.Name("ETag")!] = "\"\(file.sha256)\""
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    // MARK: Deflection

    /// `?subject=…&form=<key>`: up to five published public articles for what the customer is typing; records that
    /// suggestions were shown to that form session.
    @Sendable func suggestions(_ request: Request, context: CasebookContext) async throws -> Response {
        let subject = request.query["subject"] ?? ""
        let formKey = request.query["form"] ?? ""
        // What a customer sees: never drafts or internal articles, even when staff try the portal.
        let (_, found) = try await database.read { db in try await kb.search(subject, role: nil, anyWord: true, db: db) }
        let shown = Array(found.prefix(5))
        if !shown.isEmpty, DeflectionForm.isValidKey(formKey), let customer = DeflectionForm.customer(context) {
            let now = services.config.clock.now()
            try await database.write { db in
                let store = KnowledgeBaseStore(db: db)
                for article in shown {
                    try await store.recordDeflection(formKey: formKey, event: .shown, articleID: article.id, userID: customer, now: now)
                }
            }
        }
        let items: [JSONValue] = shown.map { a in
            ["id": .int(a.id), "title": .string(a.title),
             "html_url": .string("/hc/articles/\(a.id)" + (DeflectionForm.isValidKey(formKey) ? "?suggested=\(formKey)" : ""))]
        }
        return JSONResponse(["articles": .array(items)])
    }

    /// `event=submitted&form=<key>`: a portal of the company's own that sends its requests elsewhere tells Casebook the
    /// form was submitted (CSRF-checked like any form; Casebook's own portal records it when the request arrives).
    @Sendable func deflectionEvent(_ request: Request, context: CasebookContext) async throws -> Response {
        let form = context.form ?? QueryItems(nil)
        guard form["event"] == DeflectionEvent.submitted.rawValue, let key = form["form"], DeflectionForm.isValidKey(key) else {
            throw WebError(.badRequest, "Unknown deflection event.")
        }
        guard let customer = DeflectionForm.customer(context) else { throw WebError(.forbidden, "Sign in as a customer first.") }
        let now = services.config.clock.now()
        try await database.write { db in
            try await KnowledgeBaseStore(db: db).recordDeflection(formKey: key, event: .submitted, articleID: nil, userID: customer, now: now)
        }
        return Response(status: .noContent)
    }

    @Sendable func script(_ request: Request, context: CasebookContext) async throws -> Response {
        Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "public, max-age=300"],
                 body: .init(byteBuffer: ByteBuffer(string: DeflectionForm.script)))
    }
}

/// The portal's new-request form as a deflection session: a random key made by the page's script, the suggestions
/// shown while the subject is typed, and whether the request was sent.
enum DeflectionForm {
    /// The signed-in customer whose form sessions count; staff trying the portal and visitors do not.
    static func customer(_ context: CasebookContext) -> Int? {
        guard let actor = context.actor, actor.role.allows(.usePortal) else { return nil }
        return actor.id
    }

    static func isValidKey(_ key: String) -> Bool {
        (16...64).contains(key.count) && key.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-") }
    }

    /// Enhances any form with a `subject` field and a `[data-deflection]` list (the portal's new request): suggests
    /// articles as the subject is typed, and puts the form session's key in the form's `deflection_form` field, so the
    /// server counts the request as submitted when it arrives (a form shown again after an error keeps its key).
    static let script = #"""
    (function () {
      "use strict";
      function ready(fn) { if (document.readyState !== "loading") fn(); else document.addEventListener("DOMContentLoaded", fn); }
      ready(function () {
        var list = document.querySelector("[data-deflection]");
        if (!list) return;
        var form = list.closest("form") || document.querySelector("form");
        var subject = form && form.querySelector("[name=subject]");
        if (!subject) return;
        var field = form.querySelector("[name=deflection_form]");
        var key = field && /^[0-9a-f]{32}$/.test(field.value) ? field.value
          : Array.from(crypto.getRandomValues(new Uint8Array(16)), function (b) { return b.toString(16).padStart(2, "0"); }).join("");
        if (field) field.value = key;
        var timer = null, last = "";
        function show(articles) {
          list.textContent = "";
          list.hidden = articles.length === 0;
          if (articles.length === 0) return;
          var heading = document.createElement("p");
          heading.textContent = "These articles may answer your question:";
          list.appendChild(heading);
          var ul = document.createElement("ul");
          articles.forEach(function (a) {
            var li = document.createElement("li"), link = document.createElement("a");
            link.href = a.html_url; link.textContent = a.title; link.className = "deflection-suggestion";
            li.appendChild(link); ul.appendChild(li);
          });
          list.appendChild(ul);
        }
        subject.addEventListener("input", function () {
          clearTimeout(timer);
          timer = setTimeout(function () {
            var text = subject.value.trim();
            if (text === last) return;
            last = text;
            if (text.length < 3) { show([]); return; }
            fetch("/hc/suggestions?form=" + key + "&subject=" + encodeURIComponent(text), { credentials: "same-origin" })
              .then(function (r) { return r.json(); }).then(function (body) { show(body.articles || []); }).catch(function () {});
          }, 250);
        });
      });
    })();
    """#
}
