/// How a view orders its tickets. Each queue has the order its work needs: your own queue by what burns first,
/// the unassigned queue oldest first so nothing waits forever, activity lists by latest change.
public enum ViewSort: String, Sendable, CaseIterable, Codable {
    case priority, updated, created
    /// The nearest SLA breach first; tickets without a running target last.
    case sla

    public var label: String {
        switch self {
        case .priority: "Priority"
        case .updated: "Updated"
        case .created: "Created"
        case .sla: "Nearest SLA breach"
        }
    }
}

/// A queue of tickets defined by a search-language query (see Sources/CasebookCore/Search/SearchQuery.swift for the language; check every built-in query parses with SearchQuery in a test).
/// Views are plain queries so that what a view shows and what a search for the same words finds can never differ.
public struct ViewDefinition: Sendable, Equatable {
    /// Stable in URLs and the nav: "mine", "unassigned", "urgent", "recent", "solved-week", "group-12", "custom-3".
    public var key: String
    public var title: String
    public var query: String
    public var sort: ViewSort

    public init(key: String, title: String, query: String, sort: ViewSort) {
        self.key = key
        self.title = title
        self.query = query
        self.sort = sort
    }

    /// The built-in views, in nav order, then one per group ("group-ID", title = group name, query `group:ID status<solved`, sort priority).
    /// Groups keep the order given, so the caller decides how the nav lists them.
    public static func builtIns(groups: [(id: Int, name: String)]) -> [ViewDefinition] {
        standard + groups.map {
            // By id, not name: a renamed group keeps its queue, and a name with spaces needs no quoting.
            ViewDefinition(key: "group-\($0.id)", title: $0.name, query: "group:\($0.id) status<solved", sort: .priority)
        }
    }

    /// "Open" in a queue means not yet solved: new, open, pending and on-hold tickets all still need someone.
    static let standard: [ViewDefinition] = [
        ViewDefinition(key: "mine", title: "My open tickets", query: "assignee:me status<solved", sort: .priority),
        ViewDefinition(key: "unassigned", title: "Unassigned", query: "assignee:none status<solved", sort: .created),
        ViewDefinition(key: "urgent", title: "Urgent", query: "priority:urgent status<solved", sort: .updated),
        ViewDefinition(key: "recent", title: "Recently updated", query: "updated>1day", sort: .updated),
        ViewDefinition(key: "solved-week", title: "Solved this week", query: "status:solved solved>7days", sort: .updated),
    ]
}
