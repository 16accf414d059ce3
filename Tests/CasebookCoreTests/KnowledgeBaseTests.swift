import CasebookCore
import Testing

@Suite("Knowledge base rules")
struct KnowledgeBaseTests {
    // MARK: Revision diff

    @Test("a changed line is shown removed, then added; unchanged lines stay")
    func diffReplacesALine() {
        let diff = RevisionDiff(old: "Open settings\nClick Reset\nDone", new: "Open settings\nClick Restore defaults\nDone")
        #expect(diff.lines == [.init(.same, "Open settings"), .init(.removed, "Click Reset"), .init(.added, "Click Restore defaults"),
                               .init(.same, "Done")])
        #expect(diff.added == 1 && diff.removed == 1)
    }

    @Test("added and removed lines at the ends, and between empty texts")
    func diffEdges() {
        #expect(RevisionDiff(old: "", new: "").lines.isEmpty)
        #expect(RevisionDiff(old: "", new: "a\nb").lines == [.init(.added, "a"), .init(.added, "b")])
        #expect(RevisionDiff(old: "a\nb", new: "b").lines == [.init(.removed, "a"), .init(.same, "b")])
        #expect(RevisionDiff(old: "a", new: "a\nb").lines == [.init(.same, "a"), .init(.added, "b")])
    }

    @Test("applying the diff's kept and added lines gives the new text; kept and removed give the old")
    func diffReconstructs() {
        let old = "one\ntwo\nthree\nfour\nfive", new = "zero\none\nthree\nfour and a half\nfive\nsix"
        let diff = RevisionDiff(old: old, new: new)
        #expect(diff.lines.filter { $0.kind != .removed }.map(\.text).joined(separator: "\n") == new)
        #expect(diff.lines.filter { $0.kind != .added }.map(\.text).joined(separator: "\n") == old)
    }

    @Test("the diff's HTML escapes the text")
    func diffHTMLEscapes() {
        let html = RevisionDiff(old: "<b>old</b>", new: "<script>alert(1)</script>").html
        #expect(!html.contains("<script>") && !html.contains("<b>"), "\(html)")
        #expect(html.contains("<del>- &lt;b&gt;old&lt;/b&gt;</del>") && html.contains("<ins>+ &lt;script&gt;"), "\(html)")
    }

    // MARK: Search

    @Test("words are lowercased, accent-folded, split on anything but letters and digits")
    func words() {
        #expect(HelpCenterSearch.words("Café-Printer: e-mail RESET v2.1") == ["cafe", "printer", "e", "mail", "reset", "v2", "1"])
        #expect(HelpCenterSearch.words("  ...  ").isEmpty)
        #expect(HelpCenterSearch.document(title: "Über Reset", body: "Hold *power*", labels: ["router-setup"]) == "uber reset hold power router setup")
    }

    @Test("the query for FTS5 quotes every word and makes the last a prefix; PostgreSQL's uses & and :*")
    func queryBuilding() throws {
        let q = try #require(HelpCenterSearch.Query("Reset the print"))
        #expect(q.words == ["reset", "the", "print"])
        #expect(q.fts5 == #""reset" AND "the" AND "print"*"#)
        #expect(q.tsquery == "reset & the & print:*")
        #expect(HelpCenterSearch.Query(#"" ( :* & | ! -"#) == nil, "operators alone are no words")
        #expect(HelpCenterSearch.Query("NEAR(a OR b)")?.fts5 == #""near" AND "a" AND "or" AND "b"*"#, "FTS5 keywords are quoted words")
        let injected = try #require(HelpCenterSearch.Query(#"printer" OR "x"#))
        #expect(injected.fts5 == #""printer" AND "or" AND "x"*"#)
        #expect(HelpCenterSearch.Query("a a a b")?.words == ["a", "b"], "repeated words once")
    }

    @Test("suggestions match any word of three letters or more")
    func anyWordQueries() throws {
        let q = try #require(HelpCenterSearch.Query("my board lost its templates", anyWord: true))
        #expect(q.words == ["board", "lost", "its", "templates"])
        #expect(q.fts5 == #""board" OR "lost" OR "its" OR "templates"*"#)
        #expect(q.tsquery == "board | lost | its | templates:*")
        #expect(q.matches(document: "restore the dispatch board"))
        #expect(!q.matches(document: "restore the dispatch configuration"))
        #expect(HelpCenterSearch.Query("is my", anyWord: true) == nil)
    }

    @Test("a document matches when every word is there and the last starts a word")
    func matching() throws {
        let doc = HelpCenterSearch.document(title: "Config files", body: "Copy the printer config to the new folder", labels: [])
        #expect(try #require(HelpCenterSearch.Query("printer conf")).matches(document: doc))
        #expect(try #require(HelpCenterSearch.Query("conf printer")).matches(document: doc) == false, "only the last word is a prefix")
        #expect(try #require(HelpCenterSearch.Query("scanner")).matches(document: doc) == false)
    }

    @Test("ranking: title words count more; ties go to the newer article")
    func ranking() throws {
        let q = try #require(HelpCenterSearch.Query("reset"))
        let order = q.rank([(id: 1, title: "Passwords", body: "reset reset"), (id: 2, title: "Reset a router", body: "unplug it"),
                            (id: 3, title: "Passwords", body: "reset reset")])
        #expect(order == [2, 3, 1])
    }

    @Test("the snippet marks matches in <em> and escapes the rest")
    func snippet() throws {
        let q = try #require(HelpCenterSearch.Query("config"))
        let s = q.snippet("Before you start <b>: copy the Configuration files to a safe place.")
        #expect(s.contains("<em>Configuration</em>") && s.contains("&lt;b&gt;"), "\(s)")
    }

    // MARK: Access and validation

    @Test("drafts and internal articles are for staff only; publishing is for leads and above")
    func access() {
        #expect(KnowledgeAccess.mayRead(draft: false, visibility: .public, role: nil))
        #expect(!KnowledgeAccess.mayRead(draft: true, visibility: .public, role: nil))
        #expect(!KnowledgeAccess.mayRead(draft: false, visibility: .internal, role: .endUser))
        #expect(KnowledgeAccess.mayRead(draft: true, visibility: .internal, role: .agent))
        #expect(KnowledgeAccess.mayWrite(.agent) && !KnowledgeAccess.mayWrite(.endUser) && !KnowledgeAccess.mayWrite(nil))
        #expect(!KnowledgeAccess.mayPublish(.agent) && KnowledgeAccess.mayPublish(.lead) && KnowledgeAccess.mayPublish(.admin))
    }

    @Test("an article needs a title; every bad field is named")
    func validation() {
        #expect(throws: FieldErrors.self) { try ArticleDraft(title: "  ", body: "", labels: []).validate() }
        do {
            try ArticleDraft(title: String(repeating: "x", count: 300), body: "", labels: Array(repeating: "a", count: 1) + (0..<40).map { "l\($0)" }).validate()
            Issue.record("expected a refusal")
        } catch {
            #expect(Set(error.details.keys) == ["title", "label_names"], "\(error)")
        }
        #expect(ArticleDraft(title: " Reset ", body: "a\r\nb", labels: ["Printer", " printer ", ""]).normalized
                == ArticleDraft(title: "Reset", body: "a\nb", labels: ["printer"]))
    }
}
