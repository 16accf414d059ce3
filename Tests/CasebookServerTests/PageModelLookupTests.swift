import Foundation
import Mustache
import Testing
@testable import CasebookServer

/// The page models that answer Mustache lookups by hand must answer for every stored property, or a template
/// would silently render a blank.
@Suite("Page models answer every template lookup")
struct PageModelLookupTests {
    static func check(_ model: some MustacheParent, sourceLocation: SourceLocation = #_sourceLocation) {
        for child in Mirror(reflecting: model).children {
            guard let label = child.label else { continue }
            let direct = model.child(named: label)
            // A nil optional reads as "absent" either way; everything else must come back with the same value.
            guard let value = Self.unwrap(child.value) else { continue }
            #expect(direct.flatMap(Self.unwrap).map { "\($0)" } == "\(value)", "\(type(of: model)).\(label)",
                    sourceLocation: sourceLocation)
        }
        #expect(model.child(named: "no-such-property") == nil, sourceLocation: sourceLocation)
    }

    static func unwrap(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first.map { unwrap($0.value) } ?? nil
    }

    @Test func everyModel() {
        let option = Option(value: "v", label: "l", selected: true)
        var chrome = Chrome(title: "t", csrf: "c")
        chrome.userName = "u"; chrome.csrf = "c"; chrome.live = "ticket"; chrome.ticketID = 3; chrome.errors = ["e"]; chrome.notices = ["n"]
        let call = TimelineEntry.Call(direction: "Inbound", from: "a", to: "b", duration: "1 min")
        let entry = TimelineEntry(id: 1, kindClass: "call", author: "A", when: "w", whenISO: "i", isInternal: false, isCall: true,
                                  isPublicReply: false, call: call, html: "<p>x</p>", changes: ["c"])
        let fields = TicketForm.Fields()
        var form = TicketForm()
        form.body = "draft"
        let view = form.view(current: fields, seenAudit: 4, agents: [], groups: [(1, "G")])
        let summary = TicketPage.Summary(id: 1, subject: "s", status: "open", priority: "high", assignee: "a", group: "g",
                                         updated: "u", updatedISO: "i")
        let page = TicketPage(chrome: chrome, ticket: summary,
                              requester: .init(id: 1, name: "n", email: "e", organization: "o", tickets: [],
                                              orders: [.init(id: 1, created: "c", total: "t", state: "s")]), others: [],
                              timelineHTML: TimelineHTML.render([entry]), form: view, conflict: .init(changes: ["x"]), macros: [],
                              routing: TicketRoutingPanel())
        let row = TicketRow(id: 1, subject: "s", status: "open", priority: "low", requester: "r", assignee: "a", group: "g",
                            updated: "u", updatedISO: "i")
        let link = ViewLink(key: "mine", title: "Mine", count: 3, current: true)
        let list = WorkspaceRoutes.ListPage(chrome: chrome, views: [link], key: "k", title: "t", query: "q", hasQuery: true,
                                            total: 1, sorts: [option], rows: [row], page: 1, pages: 2, prevHref: "p", nextHref: "n")
        Self.check(option)
        Self.check(chrome)
        Self.check(view)
        Self.check(view.selects[0])
        Self.check(summary)
        Self.check(page)
        Self.check(row)
        Self.check(link)
        Self.check(list)
    }

    @Test func timelineMarkupEscapesEverythingButTheSanitizedBody() {
        let call = TimelineEntry.Call(direction: "Inbound", from: "<script>", to: "b\"c", duration: "1 min")
        let entry = TimelineEntry(id: 7, kindClass: "call", author: "Rex & <Co>", when: "w", whenISO: "i", isInternal: false,
                                  isCall: true, isPublicReply: false, call: call, html: "<p>kept</p>",
                                  changes: ["Tags: <none>"])
        let html = TimelineHTML.render([entry])
        #expect(html.contains(#"<li class="timeline-entry call" data-entry-id="7">"#))
        #expect(html.contains("Rex &amp; &lt;Co&gt;"))
        #expect(html.contains("Inbound call · &lt;script&gt; → b&quot;c · 1 min"))
        #expect(html.contains(#"<div class="body"><p>kept</p></div>"#))
        #expect(html.contains("<li>Tags: &lt;none&gt;</li>"))
        #expect(!html.contains("<script>"))
        #expect(TimelineHTML.escape("plain") == "plain")
        #expect(TimelineHTML.escape("it's") == "it&#39;s")
    }
}
