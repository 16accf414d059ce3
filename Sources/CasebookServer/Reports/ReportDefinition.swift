import CasebookCore
import SQLKit

/// A built-in report: it reads the database through indexed aggregate queries (never every ticket into memory) and
/// gives a `ReportOutput` (headline figures, one chart, one table, definitions). The page (`/agent/reports/{id}`), the
/// API (`/api/v2/reports/{id}`) and the CSV export all come from this one answer.
protocol ReportDefinition: Sendable {
    /// The path segment: `first-reply-time`.
    var id: String { get }
    var title: String { get }
    /// One sentence for the reports index.
    var blurb: String { get }
    /// Whether the date range applies (a snapshot report such as the backlog shows "now").
    var usesDateRange: Bool { get }
    /// The ways the report can group its rows (`?by=`), as (value, label); the first is the default. Empty: one way.
    var breakdowns: [(String, String)] { get }
    func run(_ filter: ReportFilter, _ context: ReportContext) async throws -> ReportOutput
}

extension ReportDefinition {
    var usesDateRange: Bool { true }
    var breakdowns: [(String, String)] { [] }
}

struct ReportContext: Sendable {
    let db: any SQLDatabase
    let engine: SQLEngine
    let now: Int64

    /// Display names of users and groups, for table rows and chart categories.
    func userNames(_ ids: [Int]) async throws -> [Int: String] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await db.raw("SELECT id, name FROM users WHERE id IN (\(binds: Array(Set(ids))))").all()
        return Dictionary(try rows.map { (try $0.decode(column: "id", as: Int.self), try $0.decode(column: "name", as: String.self)) },
                          uniquingKeysWith: { a, _ in a })
    }

    func groupNames(_ ids: [Int]) async throws -> [Int: String] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await db.raw("SELECT id, name FROM groups WHERE id IN (\(binds: Array(Set(ids))))").all()
        return Dictionary(try rows.map { (try $0.decode(column: "id", as: Int.self), try $0.decode(column: "name", as: String.self)) },
                          uniquingKeysWith: { a, _ in a })
    }

    /// SQL for "the day of this epoch-millisecond column" (UTC day number since 1970), the same on both engines.
    func day(_ column: String) -> SQLQueryString {
        engine == .postgres ? "FLOOR(\(unsafeRaw: column) / 86400000.0)::BIGINT" : "(\(unsafeRaw: column) / 86400000)"
    }
}

/// The filter as SQL conditions on `ticket_facts` (alias given), each starting with ` AND`. Reports on other tables
/// that concern tickets join `ticket_facts` on the ticket id when `touchesTickets` is true.
extension ReportFilter {
    var touchesTickets: Bool {
        !groupIDs.isEmpty || !agentIDs.isEmpty || !channels.isEmpty || !priorities.isEmpty || !tags.isEmpty || !organizationIDs.isEmpty
    }

    func factsConditions(_ alias: String = "f") -> SQLQueryString {
        var sql = SQLQueryString("")
        let a = alias
        if !groupIDs.isEmpty { sql.appendInterpolation(" AND \(unsafeRaw: a).group_id IN (\(binds: groupIDs))" as SQLQueryString) }
        if !agentIDs.isEmpty { sql.appendInterpolation(" AND \(unsafeRaw: a).assignee_id IN (\(binds: agentIDs))" as SQLQueryString) }
        if !channels.isEmpty { sql.appendInterpolation(" AND \(unsafeRaw: a).via_channel IN (\(binds: channels))" as SQLQueryString) }
        if !priorities.isEmpty { sql.appendInterpolation(" AND \(unsafeRaw: a).priority IN (\(binds: priorities))" as SQLQueryString) }
        if !organizationIDs.isEmpty {
            sql.appendInterpolation(" AND \(unsafeRaw: a).organization_id IN (\(binds: organizationIDs))" as SQLQueryString)
        }
        if !tags.isEmpty {
            sql.appendInterpolation(" AND \(unsafeRaw: a).ticket_id IN (SELECT ticket_id FROM ticket_tags WHERE tag IN (\(binds: tags)))" as SQLQueryString)
        }
        return sql
    }
}
