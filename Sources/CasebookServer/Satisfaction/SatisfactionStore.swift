import CasebookCore
import Foundation
import SQLKit

/// A ticket's satisfaction rating as stored: offered when the ticket was solved, then answered (and perhaps changed
/// within a week) by its requester.
struct SatisfactionRatingRecord: Sendable, Equatable {
    var id: Int
    var ticketID: Int
    var requesterID: Int
    var assigneeID: Int?
    var groupID: Int?
    var score: SatisfactionScore
    var comment: String
    var reasonCode: Int
    var offeredAt: Int64
    /// When the requester first answered: the week to change it runs from here.
    var firstRatedAt: Int64?
    var createdAt: Int64
    var updatedAt: Int64
}

/// One NPS question put to a customer, and their answer once given.
struct NPSSurveyRecord: Sendable, Equatable {
    var id: Int
    var customerID: Int
    var ticketID: Int?
    var askedAt: Int64
    var score: Int?
    var comment: String
    var answeredAt: Int64?
}

/// The admin's satisfaction and loyalty settings: the loyalty windows and whether the NPS question is asked.
struct SatisfactionSettings: Sendable, Equatable {
    var windows = LoyaltyWindows()
    var npsEnabled = false

    static let key = "satisfaction_loyalty"

    var json: JSONValue {
        ["bought_again_days": .int(windows.boughtAgainDays), "silence_days": .int(windows.silenceDays), "nps_enabled": .bool(npsEnabled)]
    }

    init() {}

    init(json: JSONValue?) {
        guard let json else { return }
        windows.boughtAgainDays = json["bought_again_days"]?.intValue ?? windows.boughtAgainDays
        windows.silenceDays = json["silence_days"]?.intValue ?? windows.silenceDays
        npsEnabled = json["nps_enabled"]?.boolValue ?? npsEnabled
    }

    static func load(db: any SQLDatabase) async throws -> SatisfactionSettings {
        SatisfactionSettings(json: try await PolicySettingsStore(db: db).value(key))
    }
}

/// SQL for satisfaction ratings and NPS surveys.
struct SatisfactionStore: Sendable {
    let db: any SQLDatabase

    // MARK: Ratings

    func insert(_ r: SatisfactionRatingRecord) async throws -> Int {
        let row = try await db.raw("""
            INSERT INTO satisfaction_ratings (ticket_id, requester_id, assignee_id, group_id, score, comment, reason_code, offered_at,
                first_rated_at, created_at, updated_at)
            VALUES (\(bind: r.ticketID), \(bind: r.requesterID), \(bind: r.assigneeID), \(bind: r.groupID), \(bind: r.score.rawValue),
                \(bind: r.comment), \(bind: r.reasonCode), \(bind: r.offeredAt), \(bind: r.firstRatedAt), \(bind: r.createdAt), \(bind: r.updatedAt))
            RETURNING id
            """).first()
        return try row!.decode(column: "id", as: Int.self)
    }

    func save(_ r: SatisfactionRatingRecord) async throws {
        try await db.raw("""
            UPDATE satisfaction_ratings SET score = \(bind: r.score.rawValue), comment = \(bind: r.comment), reason_code = \(bind: r.reasonCode),
                assignee_id = \(bind: r.assigneeID), group_id = \(bind: r.groupID), first_rated_at = \(bind: r.firstRatedAt),
                updated_at = \(bind: r.updatedAt)
            WHERE id = \(bind: r.id)
            """).run()
    }

    func find(id: Int) async throws -> SatisfactionRatingRecord? {
        try await db.raw("SELECT * FROM satisfaction_ratings WHERE id = \(bind: id)").first().map(Self.decode)
    }

    func find(ticketID: Int) async throws -> SatisfactionRatingRecord? {
        try await db.raw("SELECT * FROM satisfaction_ratings WHERE ticket_id = \(bind: ticketID)").first().map(Self.decode)
    }

    func find(ticketIDs: [Int]) async throws -> [Int: SatisfactionRatingRecord] {
        guard !ticketIDs.isEmpty else { return [:] }
        let list = try await db.raw("SELECT * FROM satisfaction_ratings WHERE ticket_id IN (\(binds: ticketIDs))").all().map(Self.decode)
        return Dictionary(list.map { ($0.ticketID, $0) }, uniquingKeysWith: { a, _ in a })
    }

    struct Filter: Sendable {
        /// `offered`, `good`, `bad`, or `received` (good and bad).
        var scores: [String] = []
        var startTime: Int64?
        var endTime: Int64?

        var sql: SQLFilter {
            var sql = SQLFilter()
            if !scores.isEmpty { sql.add("score IN (\(binds: scores))") }
            if let startTime { sql.add("created_at >= \(bind: startTime)") }
            if let endTime { sql.add("created_at <= \(bind: endTime)") }
            return sql
        }
    }

    static let paged = FilteredList(from: "satisfaction_ratings", decode: decode)

    func list(_ filter: Filter, limit: Int, offset: Int, afterID: Int?) async throws -> [SatisfactionRatingRecord] {
        try await Self.paged.page(db, filter.sql, limit: limit, offset: offset, afterID: afterID)
    }

    func count(_ filter: Filter) async throws -> Int { try await Self.paged.count(db, filter.sql) }

    static func decode(_ row: any SQLRow) throws -> SatisfactionRatingRecord {
        SatisfactionRatingRecord(
            id: try row.decode(column: "id", as: Int.self), ticketID: try row.decode(column: "ticket_id", as: Int.self),
            requesterID: try row.decode(column: "requester_id", as: Int.self), assigneeID: try row.decode(column: "assignee_id", as: Int?.self),
            groupID: try row.decode(column: "group_id", as: Int?.self),
            score: SatisfactionScore(rawValue: try row.decode(column: "score", as: String.self)) ?? .offered,
            comment: try row.decode(column: "comment", as: String.self), reasonCode: try row.decode(column: "reason_code", as: Int.self),
            offeredAt: try row.decode(column: "offered_at", as: Int64.self), firstRatedAt: try row.decode(column: "first_rated_at", as: Int64?.self),
            createdAt: try row.decode(column: "created_at", as: Int64.self), updatedAt: try row.decode(column: "updated_at", as: Int64.self))
    }

    // MARK: NPS

    func lastAsked(customerID: Int) async throws -> Int64? {
        try await db.raw("SELECT MAX(asked_at) AS last FROM nps_surveys WHERE customer_id = \(bind: customerID)").first()?
            .decode(column: "last", as: Int64?.self)
    }

    func insert(_ s: NPSSurveyRecord) async throws -> Int {
        let row = try await db.raw("""
            INSERT INTO nps_surveys (customer_id, ticket_id, asked_at, score, comment, answered_at)
            VALUES (\(bind: s.customerID), \(bind: s.ticketID), \(bind: s.askedAt), \(bind: s.score), \(bind: s.comment), \(bind: s.answeredAt))
            RETURNING id
            """).first()
        return try row!.decode(column: "id", as: Int.self)
    }

    func findSurvey(id: Int) async throws -> NPSSurveyRecord? {
        try await db.raw("SELECT * FROM nps_surveys WHERE id = \(bind: id)").first().map(Self.decodeSurvey)
    }

    /// Records the answer once: false when it was answered already (a second submit of the same link).
    func answer(surveyID: Int, score: Int, comment: String, at now: Int64) async throws -> Bool {
        try await db.raw("""
            UPDATE nps_surveys SET score = \(bind: score), comment = \(bind: comment), answered_at = \(bind: now)
            WHERE id = \(bind: surveyID) AND answered_at IS NULL RETURNING id
            """).first() != nil
    }

    /// Answered surveys, for staff.
    static let answered: FilteredList<NPSSurveyRecord> = FilteredList(from: "nps_surveys", decode: decodeSurvey)

    func responses(limit: Int, offset: Int, afterID: Int?) async throws -> [NPSSurveyRecord] {
        var filter = SQLFilter()
        filter.add("answered_at IS NOT NULL")
        return try await Self.answered.page(db, filter, limit: limit, offset: offset, afterID: afterID)
    }

    func responseCount() async throws -> Int {
        var filter = SQLFilter()
        filter.add("answered_at IS NOT NULL")
        return try await Self.answered.count(db, filter)
    }

    static func decodeSurvey(_ row: any SQLRow) throws -> NPSSurveyRecord {
        NPSSurveyRecord(
            id: try row.decode(column: "id", as: Int.self), customerID: try row.decode(column: "customer_id", as: Int.self),
            ticketID: try row.decode(column: "ticket_id", as: Int?.self), askedAt: try row.decode(column: "asked_at", as: Int64.self),
            score: try row.decode(column: "score", as: Int?.self), comment: try row.decode(column: "comment", as: String.self),
            answeredAt: try row.decode(column: "answered_at", as: Int64?.self))
    }
}
