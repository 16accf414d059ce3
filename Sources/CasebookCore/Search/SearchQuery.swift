import Foundation

// MARK: - Small value enums used by the search language

/// Ticket status names, in workflow order (`status<solved` = new, open, pending, hold).
public enum TicketStatusName: String, Sendable, CaseIterable, Comparable {
    case new, open, pending, hold, solved, closed

    var order: Int {
        switch self {
        case .new: 0
        case .open: 1
        case .pending: 2
        case .hold: 3
        case .solved: 4
        case .closed: 5
        }
    }

    public static func < (lhs: TicketStatusName, rhs: TicketStatusName) -> Bool {
        lhs.order < rhs.order
    }
}

/// Ticket priority names, lowest first (`priority>normal` = high, urgent).
public enum PriorityName: String, Sendable, CaseIterable, Comparable {
    case low, normal, high, urgent

    var order: Int {
        switch self {
        case .low: 0
        case .normal: 1
        case .high: 2
        case .urgent: 3
        }
    }

    public static func < (lhs: PriorityName, rhs: PriorityName) -> Bool {
        lhs.order < rhs.order
    }
}

/// Ticket type names (`ticket_type:incident`).
public enum TicketTypeName: String, Sendable, CaseIterable {
    case question, incident, problem, task
}

// MARK: - Errors

public struct SearchQueryError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String

    public init(message: String) {
        self.message = message
    }

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

extension SearchQueryError: LocalizedError {
    public var errorDescription: String? { message }
}

// MARK: - Parsed query

/// A parsed Zendesk-style search query.
///
/// Grammar (whitespace separated terms, every term may be prefixed with `-` to negate it):
/// - free words `printer`, quoted phrases `"pink units"`
/// - `field:value`, `field<value`, `field>value`, `field<=value`, `field>=value`
/// - values may be quoted: `group:"Workflows & Database"`
///
/// Unknown fields (`foo:bar`) are treated as a free-text term of the whole token.
/// Field names are case-insensitive; enum values (status, priority, ticket_type, type,
/// role, via, `me`, `none`) are lowercased, other values keep their case; tags are lowercased.
///
/// Date semantics (all UTC, ranges are half-open `[from, to)`):
/// - `created:2026-01-01` → that whole day; `created<2026-01-01` → before that day;
///   `created<=2026-01-01` → up to the end of that day; `created>2026-01-01` → from the next
///   day on; `created>=2026-01-01` → from the start of that day on.
/// - ISO 8601 date-times (`2026-01-01T10:00:00Z`, offsets allowed, no zone = UTC) denote
///   the span of their finest given unit (minute, second or fraction) with the same rules.
/// - Relative values (`4hours`, `2days`, `1week`, also minutes/months/years):
///   `created>2days` / `created>=2days` / `created:2days` → within the last 2 days
///   (`from = now - 2 days`); `created<2days` / `created<=2days` → more than 2 days ago
///   (`to = now - 2 days`).
public struct SearchQuery: Sendable, Equatable {
    /// From `type:ticket` etc.; `nil` means all result types.
    public var resultType: ResultType?
    public var terms: [Term]

    public init(resultType: ResultType? = nil, terms: [Term] = []) {
        self.resultType = resultType
        self.terms = terms
    }

    public enum ResultType: String, Sendable, Equatable, CaseIterable {
        case ticket, user, organization, group
    }

    public struct Term: Sendable, Equatable {
        public var negated: Bool
        public var condition: Condition

        public init(negated: Bool = false, condition: Condition) {
            self.negated = negated
            self.condition = condition
        }
    }

    public enum Condition: Sendable, Equatable {
        /// A free word or phrase, matched against subject/description/comments (or name/email for users).
        case text(String)
        /// Already expanded from `<` `>` comparisons.
        case status(Set<TicketStatusName>)
        case priority(Set<PriorityName>)
        case ticketType(Set<TicketTypeName>)
        /// assignee / requester / submitter
        case person(PersonField, PersonRef)
        case group(NamedRef)
        case organization(NamedRef)
        /// Normalized lowercase.
        case tag(String)
        /// subject:, description:, email:, name:
        case field(TextField, String)
        /// created / updated / solved / due_date
        case date(DateField, DateRange)
        /// end-user | agent | admin
        case role(String)
        /// api | web | email | voice
        case via(String)
    }

    public enum PersonField: String, Sendable {
        case assignee, requester, submitter
    }

    public enum PersonRef: Sendable, Equatable {
        case me, none, id(Int), email(String), name(String)
    }

    public enum NamedRef: Sendable, Equatable {
        case none, id(Int), name(String)
    }

    public enum TextField: String, Sendable {
        case subject, description, email, name
    }

    public enum DateField: String, Sendable {
        case created, updated, solved, dueDate = "due_date"
    }

    /// Half-open range `[from, to)`; a `nil` bound is unbounded.
    public struct DateRange: Sendable, Equatable {
        public var from: Date?
        public var to: Date?

        public init(from: Date? = nil, to: Date? = nil) {
            self.from = from
            self.to = to
        }

        public func contains(_ date: Date) -> Bool {
            if let from, date < from { return false }
            if let to, date >= to { return false }
            return true
        }
    }

    /// Known role values for `role:`.
    public static let roles: [String] = ["end-user", "agent", "admin"]
    /// Known channel values for `via:`.
    public static let viaChannels: [String] = ["api", "web", "email", "voice"]

    public static func parse(_ query: String, now: Date = Date()) throws(SearchQueryError) -> SearchQuery {
        var result = SearchQuery()
        for token in try tokenize(query) {
            try parseToken(token, now: now, into: &result)
        }
        return result
    }
}

// MARK: - Parsing internals

extension SearchQuery {
    enum Operator: String {
        case equal = ":"
        case less = "<"
        case greater = ">"
        case lessOrEqual = "<="
        case greaterOrEqual = ">="
    }

    private enum KnownField: String {
        case type, status, priority
        case ticketType = "ticket_type"
        case assignee, requester, submitter
        case group, organization
        case tags, tag
        case subject, description, email, name
        case created, updated, solved
        case dueDate = "due_date"
        case role, via
    }

    /// Splits on whitespace outside double quotes. Quotes are kept in the tokens.
    static func tokenize(_ query: String) throws(SearchQueryError) -> [String] {
        var tokens: [String] = []
        var current = ""
        var inQuote = false
        for ch in query {
            if inQuote {
                current.append(ch)
                if ch == "\"" { inQuote = false }
                continue
            }
            if ch.isWhitespace {
                if !current.isEmpty {
                    tokens.append(current)
                    current = ""
                }
                continue
            }
            if ch == "\"" { inQuote = true }
            current.append(ch)
        }
        if inQuote {
            throw SearchQueryError("Unterminated quote in '\(current)'")
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }

    /// `"abc"` → `abc` when the whole string is a single quoted run; nil otherwise.
    private static func unquotedWhole(_ s: Substring) -> String? {
        guard s.count >= 2, s.first == "\"", s.last == "\"" else { return nil }
        let inner = s.dropFirst().dropLast()
        guard !inner.contains("\"") else { return nil }
        return String(inner)
    }

    private static func stripQuotes(_ s: Substring) -> String {
        String(s.filter { $0 != "\"" })
    }

    private static func parseToken(_ token: String, now: Date, into query: inout SearchQuery) throws(SearchQueryError) {
        var body = Substring(token)
        var negated = false
        if body.first == "-" {
            if body.count == 1 { return }  // a lone "-" means nothing
            negated = true
            body = body.dropFirst()
        }

        // Quoted phrase.
        if body.first == "\"" {
            if let phrase = unquotedWhole(body) {
                let trimmed = phrase.trimmingCharacters(in: .whitespaces)
                if !trimmed.isEmpty {
                    query.terms.append(Term(negated: negated, condition: .text(trimmed)))
                }
                return
            }
        }

        // Find the first operator character before any quote.
        var opIndex: Substring.Index?
        var i = body.startIndex
        while i < body.endIndex {
            let ch = body[i]
            if ch == "\"" { break }
            if ch == ":" || ch == "<" || ch == ">" {
                opIndex = i
                break
            }
            i = body.index(after: i)
        }

        func freeText() -> Term? {
            let text = stripQuotes(body)
            return text.isEmpty ? nil : Term(negated: negated, condition: .text(text))
        }

        guard let opIndex, opIndex > body.startIndex else {
            if let t = freeText() { query.terms.append(t) }
            return
        }
        let fieldName = body[body.startIndex..<opIndex].lowercased()
        guard let field = KnownField(rawValue: fieldName) else {
            if let t = freeText() { query.terms.append(t) }
            return
        }

        var op: Operator
        var valueStart = body.index(after: opIndex)
        switch body[opIndex] {
        case "<": op = .less
        case ">": op = .greater
        default: op = .equal
        }
        if op != .equal, valueStart < body.endIndex, body[valueStart] == "=" {
            op = (op == .less) ? .lessOrEqual : .greaterOrEqual
            valueStart = body.index(after: valueStart)
        }
        let rawValue = body[valueStart...]
        let value: String
        if let unquoted = unquotedWhole(rawValue) {
            value = unquoted.trimmingCharacters(in: .whitespaces)
        } else {
            value = stripQuotes(rawValue)
        }
        guard !value.isEmpty else {
            throw SearchQueryError("Missing value for '\(fieldName)' in '\(token)'")
        }

        func requireEqual() throws(SearchQueryError) {
            if op != .equal {
                throw SearchQueryError("Operator '\(op.rawValue)' is not supported for '\(fieldName)' in '\(token)'")
            }
        }
        func unknown(_ what: String) -> SearchQueryError {
            SearchQueryError("Unknown \(what) '\(value)' in '\(token)'")
        }

        let condition: Condition
        switch field {
        case .type:
            try requireEqual()
            guard let type = ResultType(rawValue: value.lowercased()) else { throw unknown("type") }
            if negated {
                throw SearchQueryError("Cannot negate 'type' in '\(token)'")
            }
            if let existing = query.resultType, existing != type {
                throw SearchQueryError("Conflicting result types '\(existing.rawValue)' and '\(type.rawValue)' in '\(token)'")
            }
            query.resultType = type
            return

        case .status:
            guard let status = TicketStatusName(rawValue: value.lowercased()) else { throw unknown("status") }
            condition = .status(expand(status, op))

        case .priority:
            guard let priority = PriorityName(rawValue: value.lowercased()) else { throw unknown("priority") }
            condition = .priority(expand(priority, op))

        case .ticketType:
            try requireEqual()
            guard let type = TicketTypeName(rawValue: value.lowercased()) else { throw unknown("ticket_type") }
            condition = .ticketType([type])

        case .assignee, .requester, .submitter:
            try requireEqual()
            let personField = PersonField(rawValue: field.rawValue)!
            condition = .person(personField, personRef(value))

        case .group:
            try requireEqual()
            condition = .group(namedRef(value))

        case .organization:
            try requireEqual()
            condition = .organization(namedRef(value))

        case .tags, .tag:
            try requireEqual()
            condition = .tag(value.lowercased())

        case .subject, .description, .email, .name:
            try requireEqual()
            condition = .field(TextField(rawValue: field.rawValue)!, value)

        case .created, .updated, .solved, .dueDate:
            let dateField = DateField(rawValue: field.rawValue)!
            guard let range = dateRange(value, op: op, now: now) else {
                throw SearchQueryError(
                    "Invalid date '\(value)' in '\(token)' (expected YYYY-MM-DD, an ISO 8601 date-time, or a relative time like 2days)"
                )
            }
            condition = .date(dateField, range)

        case .role:
            try requireEqual()
            let role = value.lowercased()
            guard roles.contains(role) else { throw unknown("role") }
            condition = .role(role)

        case .via:
            try requireEqual()
            let channel = value.lowercased()
            guard viaChannels.contains(channel) else { throw unknown("via") }
            condition = .via(channel)
        }
        query.terms.append(Term(negated: negated, condition: condition))
    }

    static func expand<E: CaseIterable & Comparable & Hashable>(_ value: E, _ op: Operator) -> Set<E> {
        switch op {
        case .equal: [value]
        case .less: Set(E.allCases.filter { $0 < value })
        case .lessOrEqual: Set(E.allCases.filter { $0 <= value })
        case .greater: Set(E.allCases.filter { $0 > value })
        case .greaterOrEqual: Set(E.allCases.filter { $0 >= value })
        }
    }

    private static func numericID(_ value: String) -> Int? {
        guard value.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(value)
    }

    static func personRef(_ value: String) -> PersonRef {
        switch value.lowercased() {
        case "me": return .me
        case "none": return .none
        default: break
        }
        if let id = numericID(value) { return .id(id) }
        if value.contains("@") { return .email(value) }
        return .name(value)
    }

    static func namedRef(_ value: String) -> NamedRef {
        if value.lowercased() == "none" { return .none }
        if let id = numericID(value) { return .id(id) }
        return .name(value)
    }
}

// MARK: - Dates

extension SearchQuery {
    private static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        return calendar
    }()

    static func dateRange(_ value: String, op: Operator, now: Date) -> DateRange? {
        if let (start, end) = absoluteSpan(value) {
            switch op {
            case .equal: return DateRange(from: start, to: end)
            case .less: return DateRange(from: nil, to: start)
            case .lessOrEqual: return DateRange(from: nil, to: end)
            case .greater: return DateRange(from: end, to: nil)
            case .greaterOrEqual: return DateRange(from: start, to: nil)
            }
        }
        if let boundary = relativeBoundary(value, now: now) {
            switch op {
            case .equal, .greater, .greaterOrEqual: return DateRange(from: boundary, to: nil)
            case .less, .lessOrEqual: return DateRange(from: nil, to: boundary)
            }
        }
        return nil
    }

    /// Days since 1970-01-01 for a proleptic Gregorian civil date (Howard Hinnant's algorithm).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    private static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Parses `YYYY-MM-DD` or an ISO 8601 date-time and returns the span it denotes:
    /// a whole day for a date, otherwise the span of the finest unit given.
    static func absoluteSpan(_ value: String) -> (Date, Date)? {
        let c = Array(value)
        var i = 0

        func digits(_ n: Int) -> Int? {
            guard i + n <= c.count else { return nil }
            var v = 0
            for k in 0..<n {
                guard c[i + k].isASCII, let d = c[i + k].wholeNumberValue else { return nil }
                v = v * 10 + d
            }
            i += n
            return v
        }
        func accept(_ set: Set<Character>) -> Character? {
            guard i < c.count, set.contains(c[i]) else { return nil }
            i += 1
            return c[i - 1]
        }

        guard let year = digits(4), accept(["-"]) != nil,
              let month = digits(2), accept(["-"]) != nil,
              let day = digits(2),
              (1...12).contains(month), (1...daysInMonth(year: year, month: month)).contains(day)
        else { return nil }
        let dayStart = Double(daysFromCivil(year: year, month: month, day: day)) * 86_400

        if i == c.count {
            return (Date(timeIntervalSince1970: dayStart), Date(timeIntervalSince1970: dayStart + 86_400))
        }

        guard accept(["T", "t"]) != nil,
              let hour = digits(2), accept([":"]) != nil,
              let minute = digits(2),
              (0...23).contains(hour), (0...59).contains(minute)
        else { return nil }
        var seconds = Double(hour * 3600 + minute * 60)
        var granularity = 60.0

        if accept([":"]) != nil {
            guard let second = digits(2), (0...59).contains(second) else { return nil }
            seconds += Double(second)
            granularity = 1
            if accept([".", ","]) != nil {
                var fraction = 0.0
                var scale = 1.0
                var count = 0
                while i < c.count, c[i].isASCII, let d = c[i].wholeNumberValue {
                    scale /= 10
                    fraction += Double(d) * scale
                    count += 1
                    i += 1
                }
                guard count > 0 else { return nil }
                seconds += fraction
                granularity = max(scale, 0.000_001)
            }
        }

        var offset = 0.0
        if accept(["Z", "z"]) != nil {
            offset = 0
        } else if let sign = accept(["+", "-"]) {
            guard let oh = digits(2), (0...23).contains(oh) else { return nil }
            var om = 0
            if i < c.count {
                _ = accept([":"])
                guard let m = digits(2), (0...59).contains(m) else { return nil }
                om = m
            }
            offset = Double(oh * 3600 + om * 60) * (sign == "-" ? -1 : 1)
        }
        guard i == c.count else { return nil }

        let start = dayStart + seconds - offset
        return (Date(timeIntervalSince1970: start), Date(timeIntervalSince1970: start + granularity))
    }

    /// Parses `4hours`, `2days`, `1week`, … and returns `now - amount`.
    static func relativeBoundary(_ value: String, now: Date) -> Date? {
        let digitsPart = value.prefix { $0.isASCII && $0.isNumber }
        guard !digitsPart.isEmpty, digitsPart.count <= 6, let amount = Int(digitsPart) else { return nil }
        let unit = value.dropFirst(digitsPart.count).lowercased()
        switch unit {
        case "minute", "minutes", "min", "mins":
            return now.addingTimeInterval(-Double(amount) * 60)
        case "hour", "hours", "hr", "hrs":
            return now.addingTimeInterval(-Double(amount) * 3600)
        case "day", "days":
            return now.addingTimeInterval(-Double(amount) * 86_400)
        case "week", "weeks":
            return now.addingTimeInterval(-Double(amount) * 7 * 86_400)
        case "month", "months":
            return utcCalendar.date(byAdding: .month, value: -amount, to: now)
        case "year", "years":
            return utcCalendar.date(byAdding: .year, value: -amount, to: now)
        default:
            return nil
        }
    }
}
