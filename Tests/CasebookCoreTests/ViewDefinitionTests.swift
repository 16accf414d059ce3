import Foundation
import Testing
@testable import CasebookCore

@Suite("ViewDefinition.builtIns")
struct ViewDefinitionTests {
    static let now = Date(timeIntervalSince1970: 1_773_576_000)  // 2026-03-15T12:00:00Z

    @Test("The built-in views, in nav order")
    func standard() {
        #expect(ViewDefinition.builtIns(groups: []) == [
            ViewDefinition(key: "mine", title: "My open tickets", query: "assignee:me status<solved", sort: .priority),
            ViewDefinition(key: "unassigned", title: "Unassigned", query: "assignee:none status<solved", sort: .created),
            ViewDefinition(key: "urgent", title: "Urgent", query: "priority:urgent status<solved", sort: .updated),
            ViewDefinition(key: "recent", title: "Recently updated", query: "updated>1day", sort: .updated),
            ViewDefinition(key: "solved-week", title: "Solved this week", query: "status:solved solved>7days",
                           sort: .updated),
        ])
    }

    @Test("Then one view per group, in the order given")
    func groups() {
        let views = ViewDefinition.builtIns(groups: [(id: 12, name: "Tier 2"), (id: 3, name: "Billing & Refunds")])
        #expect(views.count == 7)
        #expect(Array(views.suffix(2)) == [
            ViewDefinition(key: "group-12", title: "Tier 2", query: "group:12 status<solved", sort: .priority),
            ViewDefinition(key: "group-3", title: "Billing & Refunds", query: "group:3 status<solved", sort: .priority),
        ])
    }

    @Test("Keys are unique")
    func uniqueKeys() {
        let views = ViewDefinition.builtIns(groups: [(id: 1, name: "A"), (id: 2, name: "A")])
        #expect(Set(views.map(\.key)).count == views.count)
    }

    static let open: Set<TicketStatusName> = [.new, .open, .pending, .hold]

    @Test("My open tickets: assigned to me, not yet solved")
    func mineParses() throws {
        let q = try SearchQuery.parse("assignee:me status<solved", now: Self.now)
        #expect(q.resultType == nil)
        #expect(q.terms == [.init(condition: .person(.assignee, .me)), .init(condition: .status(Self.open))])
    }

    @Test("Unassigned: no assignee, not yet solved")
    func unassignedParses() throws {
        let q = try SearchQuery.parse("assignee:none status<solved", now: Self.now)
        #expect(q.terms == [.init(condition: .person(.assignee, .none)), .init(condition: .status(Self.open))])
    }

    @Test("Urgent: urgent and not yet solved")
    func urgentParses() throws {
        let q = try SearchQuery.parse("priority:urgent status<solved", now: Self.now)
        #expect(q.terms == [.init(condition: .priority([.urgent])), .init(condition: .status(Self.open))])
    }

    @Test("Recently updated: within the last day")
    func recentParses() throws {
        let q = try SearchQuery.parse("updated>1day", now: Self.now)
        #expect(q.terms == [.init(condition: .date(.updated, .init(from: Self.now.addingTimeInterval(-86_400))))])
    }

    @Test("Solved this week: solved status, solved within the last 7 days")
    func solvedWeekParses() throws {
        let q = try SearchQuery.parse("status:solved solved>7days", now: Self.now)
        #expect(q.terms == [
            .init(condition: .status([.solved])),
            .init(condition: .date(.solved, .init(from: Self.now.addingTimeInterval(-7 * 86_400)))),
        ])
    }

    @Test("A group view finds the group by id, not yet solved")
    func groupParses() throws {
        let view = try #require(ViewDefinition.builtIns(groups: [(id: 12, name: "Tier 2")]).last)
        let q = try SearchQuery.parse(view.query, now: Self.now)
        #expect(q.terms == [.init(condition: .group(.id(12))), .init(condition: .status(Self.open))])
    }

    @Test("Every built-in query parses, with no free-text terms", arguments:
        ViewDefinition.builtIns(groups: [(id: 1, name: "Support"), (id: 99, name: "Tier 2 \"night\"")]))
    func everyQueryParses(view: ViewDefinition) throws {
        let q = try SearchQuery.parse(view.query, now: Self.now)
        #expect(!q.terms.isEmpty)
        // A typo in a field name would silently become a word search.
        for term in q.terms {
            if case .text = term.condition { Issue.record("free text in \(view.key): \(view.query)") }
            #expect(!term.negated)
        }
    }

    @Test("Sort raw values are what the server stores")
    func sortNames() {
        #expect(ViewSort.allCases.map(\.rawValue) == ["priority", "updated", "created", "sla"])
        #expect(ViewSort.allCases.map(\.label) == ["Priority", "Updated", "Created", "Nearest SLA breach"])
        #expect(ViewSort(rawValue: "oldest") == nil)
    }
}
