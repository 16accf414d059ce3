import SQLKit

/// Conditions on a table's columns, all of which must hold: `filter.equal("ticket_id", ticketID)` adds one only when
/// the value is given. Column names are the caller's constants, never input.
struct SQLFilter: Sendable {
    private(set) var sql: SQLQueryString = "1 = 1"

    mutating func equal(_ column: StaticString, _ value: (any Encodable & Sendable)?) {
        guard let value else { return }
        sql.appendInterpolation(" AND \(unsafeRaw: column.description) = \(bind: value)" as SQLQueryString)
    }

    mutating func add(_ condition: SQLQueryString) {
        sql.appendInterpolation(" AND " as SQLQueryString)
        sql.appendInterpolation(condition)
    }
}

/// A table read through a filter in id order, a page at a time (by offset, or after a cursor's id), and counted:
/// what every paged list of the API does with its own table.
struct FilteredList<Record>: Sendable {
    /// `FROM` what, with an alias when the filter uses one (`rmas r`).
    let from: StaticString
    /// The id column, qualified like the filter (`r.id`).
    let id: StaticString
    let decode: @Sendable (any SQLRow) throws -> Record

    init(from: StaticString, id: StaticString = "id", decode: @escaping @Sendable (any SQLRow) throws -> Record) {
        self.from = from
        self.id = id
        self.decode = decode
    }

    func page(_ db: any SQLDatabase, _ filter: SQLFilter, limit: Int, offset: Int, afterID: Int?) async throws -> [Record] {
        var condition = filter
        if let afterID { condition.add("\(unsafeRaw: id.description) > \(bind: afterID)") }
        let columns = from.description.contains(" ") ? "\(from.description.split(separator: " ").last!).*" : "*"
        return try await db.raw("""
            SELECT \(unsafeRaw: columns) FROM \(unsafeRaw: from.description) WHERE \(condition.sql)
            ORDER BY \(unsafeRaw: id.description) LIMIT \(bind: limit) OFFSET \(bind: offset)
            """).all().map(decode)
    }

    func count(_ db: any SQLDatabase, _ filter: SQLFilter) async throws -> Int {
        try await db.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: from.description) WHERE \(filter.sql)").first()?.decode(column: "n", as: Int.self) ?? 0
    }
}
