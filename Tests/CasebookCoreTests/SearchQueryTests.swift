import Foundation
import Testing
@testable import CasebookCore

@Suite("SearchQuery parser")
struct SearchQueryTests {
    typealias Q = SearchQuery

    /// Builds a UTC date.
    static func utc(_ y: Int, _ m: Int, _ d: Int, _ h: Int = 0, _ min: Int = 0, _ s: Int = 0) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        return calendar.date(from: DateComponents(year: y, month: m, day: d, hour: h, minute: min, second: s))!
    }

    /// Fixed "now" for relative dates: 2026-03-15T12:00:00Z.
    static let now = utc(2026, 3, 15, 12)

    func parse(_ s: String) throws -> SearchQuery {
        try SearchQuery.parse(s, now: Self.now)
    }

    func single(_ s: String) throws -> SearchQuery.Term {
        let q = try parse(s)
        try #require(q.terms.count == 1, "expected one term for \(s), got \(q.terms)")
        return q.terms[0]
    }

    func expectError(_ s: String, contains fragments: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            let q = try SearchQuery.parse(s, now: Self.now)
            Issue.record("expected an error for \(s), got \(q)", sourceLocation: sourceLocation)
        } catch {
            for fragment in fragments {
                #expect(error.message.contains(fragment), "'\(error.message)' should contain '\(fragment)'", sourceLocation: sourceLocation)
            }
        }
    }

    // MARK: Basics

    @Test func emptyQueryHasNoTerms() throws {
        #expect(try parse("") == SearchQuery())
        #expect(try parse("   \t  ") == SearchQuery(resultType: nil, terms: []))
    }

    @Test func freeWords() throws {
        let q = try parse("printer jam")
        #expect(q.resultType == nil)
        #expect(q.terms == [
            .init(negated: false, condition: .text("printer")),
            .init(negated: false, condition: .text("jam")),
        ])
    }

    @Test func quotedPhrase() throws {
        let q = try parse(#""pink units" Printer"#)
        #expect(q.terms == [
            .init(condition: .text("pink units")),
            .init(condition: .text("Printer")),
        ])
    }

    @Test func quotedPhraseContainingColonStaysText() throws {
        #expect(try single(#""status:open""#) == .init(condition: .text("status:open")))
    }

    @Test func negatedWordAndPhrase() throws {
        let q = try parse(#"-refund -"pink units""#)
        #expect(q.terms == [
            .init(negated: true, condition: .text("refund")),
            .init(negated: true, condition: .text("pink units")),
        ])
    }

    @Test func loneDashAndEmptyPhraseAreIgnored() throws {
        #expect(try parse(#"- "" printer"#).terms == [.init(condition: .text("printer"))])
    }

    @Test func unknownFieldIsFreeText() throws {
        #expect(try single("foo:bar") == .init(condition: .text("foo:bar")))
        #expect(try single("-Foo:Bar") == .init(negated: true, condition: .text("Foo:Bar")))
        #expect(try single("http://example.com") == .init(condition: .text("http://example.com")))
        #expect(try single("x<5") == .init(condition: .text("x<5")))
    }

    // MARK: type

    @Test func resultType() throws {
        for type in SearchQuery.ResultType.allCases {
            let q = try parse("type:\(type.rawValue)")
            #expect(q.resultType == type)
            #expect(q.terms.isEmpty)
        }
        #expect(try parse("TYPE:Ticket").resultType == .ticket)
        #expect(try parse("type:user type:user").resultType == .user)
    }

    // MARK: status / priority / ticket_type

    @Test func statusEquality() throws {
        #expect(try single("status:open") == .init(condition: .status([.open])))
        #expect(try single("Status:PENDING") == .init(condition: .status([.pending])))
    }

    @Test func statusComparisons() throws {
        #expect(try single("status<solved") == .init(condition: .status([.new, .open, .pending, .hold])))
        #expect(try single("status<=solved") == .init(condition: .status([.new, .open, .pending, .hold, .solved])))
        #expect(try single("status>pending") == .init(condition: .status([.hold, .solved, .closed])))
        #expect(try single("status>=hold") == .init(condition: .status([.hold, .solved, .closed])))
        #expect(try single("status<new") == .init(condition: .status([])))
        #expect(TicketStatusName.new < TicketStatusName.closed)
        #expect(TicketStatusName.allCases.map(\.rawValue) == ["new", "open", "pending", "hold", "solved", "closed"])
    }

    @Test func negatedStatus() throws {
        #expect(try single("-status:closed") == .init(negated: true, condition: .status([.closed])))
    }

    @Test func priority() throws {
        #expect(try single("priority:urgent") == .init(condition: .priority([.urgent])))
        #expect(try single("priority>normal") == .init(condition: .priority([.high, .urgent])))
        #expect(try single("priority<high") == .init(condition: .priority([.low, .normal])))
        #expect(try single("priority>=High") == .init(condition: .priority([.high, .urgent])))
        #expect(try single("priority<=low") == .init(condition: .priority([.low])))
    }

    @Test func ticketType() throws {
        for type in TicketTypeName.allCases {
            #expect(try single("ticket_type:\(type.rawValue)") == .init(condition: .ticketType([type])))
        }
        #expect(try single("Ticket_Type:Incident") == .init(condition: .ticketType([.incident])))
    }

    // MARK: people

    @Test func personFields() throws {
        #expect(try single("assignee:me") == .init(condition: .person(.assignee, .me)))
        #expect(try single("assignee:NONE") == .init(condition: .person(.assignee, .none)))
        #expect(try single("requester:42") == .init(condition: .person(.requester, .id(42))))
        #expect(try single("submitter:Jane@Example.com") == .init(condition: .person(.submitter, .email("Jane@Example.com"))))
        #expect(try single(#"requester:"Jane Doe""#) == .init(condition: .person(.requester, .name("Jane Doe"))))
        #expect(try single("-assignee:bob") == .init(negated: true, condition: .person(.assignee, .name("bob"))))
    }

    // MARK: group / organization

    @Test func groupAndOrganization() throws {
        #expect(try single(#"group:"Workflows & Database""#) == .init(condition: .group(.name("Workflows & Database"))))
        #expect(try single("group:7") == .init(condition: .group(.id(7))))
        #expect(try single("group:none") == .init(condition: .group(.none)))
        #expect(try single("organization:Acme") == .init(condition: .organization(.name("Acme"))))
        #expect(try single("organization:123") == .init(condition: .organization(.id(123))))
        #expect(try single("-organization:none") == .init(negated: true, condition: .organization(.none)))
    }

    // MARK: tags and text fields

    @Test func tags() throws {
        #expect(try single("tags:Backorder") == .init(condition: .tag("backorder")))
        #expect(try single("tag:vip") == .init(condition: .tag("vip")))
        #expect(try single("-TAGS:vip") == .init(negated: true, condition: .tag("vip")))
    }

    @Test func textFields() throws {
        #expect(try single(#"subject:"Printer on Fire""#) == .init(condition: .field(.subject, "Printer on Fire")))
        #expect(try single("description:toner") == .init(condition: .field(.description, "toner")))
        #expect(try single("email:ann@example.com") == .init(condition: .field(.email, "ann@example.com")))
        #expect(try single("Name:Ann") == .init(condition: .field(.name, "Ann")))
    }

    @Test func roleAndVia() throws {
        #expect(try single("role:end-user") == .init(condition: .role("end-user")))
        #expect(try single("role:Agent") == .init(condition: .role("agent")))
        #expect(try single("-role:admin") == .init(negated: true, condition: .role("admin")))
        for channel in ["api", "web", "email", "VOICE"] {
            #expect(try single("via:\(channel)") == .init(condition: .via(channel.lowercased())))
        }
    }

    // MARK: dates

    @Test func dayRange() throws {
        let day = Self.utc(2026, 1, 1)
        let next = Self.utc(2026, 1, 2)
        #expect(try single("created:2026-01-01") == .init(condition: .date(.created, .init(from: day, to: next))))
        #expect(try single("updated<2026-01-01") == .init(condition: .date(.updated, .init(from: nil, to: day))))
        #expect(try single("updated<=2026-01-01") == .init(condition: .date(.updated, .init(from: nil, to: next))))
        #expect(try single("solved>2026-01-01") == .init(condition: .date(.solved, .init(from: next, to: nil))))
        #expect(try single("due_date>=2026-01-01") == .init(condition: .date(.dueDate, .init(from: day, to: nil))))
    }

    @Test func dayRangeContainment() throws {
        guard case .date(_, let range) = try single("created:2026-02-28").condition else {
            Issue.record("expected a date condition")
            return
        }
        #expect(range.contains(Self.utc(2026, 2, 28)))
        #expect(range.contains(Self.utc(2026, 2, 28, 23, 59, 59)))
        #expect(!range.contains(Self.utc(2026, 3, 1)))
        #expect(!range.contains(Self.utc(2026, 2, 27, 23, 59, 59)))
    }

    @Test func leapDay() throws {
        #expect(try single("created:2024-02-29") == .init(condition: .date(.created, .init(from: Self.utc(2024, 2, 29), to: Self.utc(2024, 3, 1)))))
    }

    @Test func isoDateTime() throws {
        let t = Self.utc(2026, 1, 1, 10)
        #expect(try single("created>2026-01-01T10:00:00Z") == .init(condition: .date(.created, .init(from: t.addingTimeInterval(1), to: nil))))
        #expect(try single("created>=2026-01-01T10:00:00Z") == .init(condition: .date(.created, .init(from: t, to: nil))))
        #expect(try single("created<2026-01-01T10:00:00Z") == .init(condition: .date(.created, .init(from: nil, to: t))))
        #expect(try single("created:2026-01-01T10:00:00Z") == .init(condition: .date(.created, .init(from: t, to: t.addingTimeInterval(1)))))
        // Offsets are converted to UTC; no zone means UTC.
        #expect(try single("updated>=2026-01-01T12:00:00+02:00") == .init(condition: .date(.updated, .init(from: t, to: nil))))
        #expect(try single("updated>=2026-01-01T10:00:00") == .init(condition: .date(.updated, .init(from: t, to: nil))))
        #expect(try single("updated>=2026-01-01T10:00:00.000Z") == .init(condition: .date(.updated, .init(from: t, to: nil))))
    }

    @Test func relativeDates() throws {
        let now = Self.now
        #expect(try single("created>2days") == .init(condition: .date(.created, .init(from: now.addingTimeInterval(-2 * 86_400), to: nil))))
        #expect(try single("created<2days") == .init(condition: .date(.created, .init(from: nil, to: now.addingTimeInterval(-2 * 86_400)))))
        #expect(try single("updated>4hours") == .init(condition: .date(.updated, .init(from: now.addingTimeInterval(-4 * 3600), to: nil))))
        #expect(try single("solved>=1week") == .init(condition: .date(.solved, .init(from: Self.utc(2026, 3, 8, 12), to: nil))))
        #expect(try single("due_date<=30minutes") == .init(condition: .date(.dueDate, .init(from: nil, to: now.addingTimeInterval(-1800)))))
        #expect(try single("created>1month") == .init(condition: .date(.created, .init(from: Self.utc(2026, 2, 15, 12), to: nil))))
        #expect(try single("created>1year") == .init(condition: .date(.created, .init(from: Self.utc(2025, 3, 15, 12), to: nil))))
        // field:relative means "within the last …", like >.
        #expect(try single("created:2Days") == .init(condition: .date(.created, .init(from: now.addingTimeInterval(-2 * 86_400), to: nil))))
    }

    @Test func negatedDate() throws {
        let t = try single("-created:2026-01-01")
        #expect(t.negated)
        #expect(t.condition == .date(.created, .init(from: Self.utc(2026, 1, 1), to: Self.utc(2026, 1, 2))))
    }

    // MARK: Examples from the spec

    @Test func statusOpenAssigneeMe() throws {
        #expect(try parse("status:open assignee:me") == SearchQuery(resultType: nil, terms: [
            .init(condition: .status([.open])),
            .init(condition: .person(.assignee, .me)),
        ]))
    }

    @Test func fullExample() throws {
        let q = try parse(#"type:ticket status<solved priority>normal tags:backorder -tags:vip "any colour""#)
        #expect(q == SearchQuery(resultType: .ticket, terms: [
            .init(condition: .status([.new, .open, .pending, .hold])),
            .init(condition: .priority([.high, .urgent])),
            .init(condition: .tag("backorder")),
            .init(negated: true, condition: .tag("vip")),
            .init(condition: .text("any colour")),
        ]))
    }

    @Test func whitespaceIsFlexible() throws {
        let q = try parse("  type:user\trole:agent \n  name:\"Ann Lee\"  ")
        #expect(q.resultType == .user)
        #expect(q.terms == [.init(condition: .role("agent")), .init(condition: .field(.name, "Ann Lee"))])
    }

    // MARK: Errors

    @Test func unknownStatusError() throws {
        #expect(throws: SearchQueryError(message: "Unknown status 'opne' in 'status:opne'")) {
            try SearchQuery.parse("status:opne")
        }
    }

    @Test func unknownEnumValueErrors() {
        expectError("priority>medium", contains: ["priority", "'medium'", "'priority>medium'"])
        expectError("ticket_type:bug", contains: ["ticket_type", "'bug'", "'ticket_type:bug'"])
        expectError("type:widget", contains: ["type", "'widget'", "'type:widget'"])
        expectError("role:owner", contains: ["role", "'owner'", "'role:owner'"])
        expectError("via:fax", contains: ["via", "'fax'", "'via:fax'"])
    }

    @Test func badDateErrors() {
        expectError("created:2026-13-01", contains: ["Invalid date", "'2026-13-01'", "'created:2026-13-01'"])
        expectError("created:2026-02-30", contains: ["Invalid date", "'created:2026-02-30'"])
        expectError("updated>yesterday", contains: ["Invalid date", "'updated>yesterday'"])
        expectError("solved<2fortnights", contains: ["Invalid date", "'solved<2fortnights'"])
        expectError("due_date:2026-01-01T25:00:00Z", contains: ["Invalid date", "'due_date:2026-01-01T25:00:00Z'"])
        expectError("created:26-1-1", contains: ["Invalid date"])
    }

    @Test func unterminatedQuoteError() {
        expectError(#"printer "pink units"#, contains: ["Unterminated quote", #"'"pink units'"#])
        expectError(#"group:"Workflows & Database"#, contains: ["Unterminated quote", #"'group:"Workflows & Database'"#])
    }

    @Test func missingValueError() {
        expectError("status:", contains: ["Missing value", "'status:'"])
        expectError(#"assignee:"""#, contains: ["Missing value", #"'assignee:""'"#])
        expectError("-tags:", contains: ["Missing value", "'-tags:'"])
    }

    @Test func unsupportedOperatorError() {
        expectError("assignee>5", contains: ["Operator '>'", "'assignee'", "'assignee>5'"])
        expectError("tags<=vip", contains: ["Operator '<='", "'tags<=vip'"])
        expectError("type>ticket", contains: ["Operator '>'", "'type>ticket'"])
    }

    @Test func typeNegationAndConflictErrors() {
        expectError("-type:ticket", contains: ["negate", "'-type:ticket'"])
        expectError("type:ticket type:user", contains: ["Conflicting", "'type:user'"])
    }

    @Test func errorIsLocalized() {
        let error = SearchQueryError(message: "boom")
        #expect(error.localizedDescription == "boom")
        #expect(error.description == "boom")
    }
}
