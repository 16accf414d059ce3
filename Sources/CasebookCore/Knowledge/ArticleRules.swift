import Foundation

/// Who may read an article: everyone (once published) or only signed-in staff.
public enum ArticleVisibility: String, Codable, Sendable, CaseIterable {
    case `public`
    case `internal`
}

/// The knowledge base's rules: who reads, who writes, who publishes, and what a valid article is.
///
/// Agents write: they create drafts and edit any article's text (every save is a revision, so nothing is lost).
/// Leads and above publish: they take an article out of draft (becoming its reviewer) or back into draft, delete
/// articles, and arrange categories and sections. Customers and visitors read published public articles only.
public enum KnowledgeAccess {
    public static func mayRead(draft: Bool, visibility: ArticleVisibility, role: Role?) -> Bool {
        if role?.isStaff == true { return true }
        return !draft && visibility == .public
    }

    public static func mayWrite(_ role: Role?) -> Bool { role?.isStaff == true }

    /// Publishing, unpublishing, deleting, and arranging categories and sections.
    public static func mayPublish(_ role: Role?) -> Bool { (role?.rank ?? 0) >= Role.lead.rank }
}

/// The fields of an article someone is saving, checked before anything is written.
public struct ArticleDraft: Sendable, Equatable {
    public var title: String
    public var body: String
    public var labels: [String]

    public static let maxTitleLength = 255
    public static let maxBodyLength = 200_000
    public static let maxLabels = 30

    public init(title: String, body: String, labels: [String]) {
        self.title = title
        self.body = body
        self.labels = labels
    }

    /// Trimmed title, body with Unix line ends, labels lowercased, trimmed, de-duplicated in first-seen order.
    public var normalized: ArticleDraft {
        var seen = Set<String>()
        let labels = labels.map { $0.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() }
            .filter { !$0.isEmpty && seen.insert($0).inserted }
        let body = body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        return ArticleDraft(title: title.trimmingCharacters(in: .whitespacesAndNewlines), body: body, labels: labels)
    }

    /// Every problem at once, each naming its field.
    public func validate() throws(FieldErrors) {
        var errors = FieldErrors()
        let d = normalized
        if d.title.isEmpty { errors.add("title", error: "BlankValue", "Title: cannot be blank") }
        if d.title.count > Self.maxTitleLength {
            errors.add("title", error: "TooLong", "Title: at most \(Self.maxTitleLength) characters")
        }
        if d.body.count > Self.maxBodyLength {
            errors.add("body", error: "TooLong", "Body: at most \(Self.maxBodyLength) characters")
        }
        if d.labels.count > Self.maxLabels {
            errors.add("label_names", error: "TooMany", "Labels: at most \(Self.maxLabels)")
        }
        if let long = d.labels.first(where: { $0.count > 64 }) {
            errors.add("label_names", error: "TooLong", "Labels: '\(long.prefix(20))…' is longer than 64 characters")
        }
        try errors.throwIfAny()
    }
}
