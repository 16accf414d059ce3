import Foundation

/// What every built-in report is narrowed by: a date range (whole UTC days, both ends included) and the usual
/// dimensions. An empty list means "any". Parsed from a query string the same way for the API, the pages and the CSV.
public struct ReportFilter: Sendable, Equatable {
    /// First instant of the range, epoch milliseconds.
    public var start: Int64
    /// First instant after the range (exclusive), epoch milliseconds.
    public var end: Int64
    public var groupIDs: [Int] = []
    public var agentIDs: [Int] = []
    public var channels: [String] = []
    public var priorities: [String] = []
    public var tags: [String] = []
    public var organizationIDs: [Int] = []
    /// What a report that breaks its figures down several ways groups by (`group`, `agent`, …); nil for its default.
    public var breakdown: String?

    public static let dayMillis: Int64 = 86_400_000
    /// The longest range a report takes: a little over a year.
    public static let maxDays = 400

    public init(start: Int64, end: Int64) {
        self.start = start
        self.end = end
    }

    /// The last `days` whole days up to and including today.
    public static func lastDays(_ days: Int, now: Int64) -> ReportFilter {
        let today = floorDay(now)
        return ReportFilter(start: today - Int64(days - 1) * dayMillis, end: today + dayMillis)
    }

    public static func floorDay(_ millis: Int64) -> Int64 {
        let d = millis / dayMillis - (millis % dayMillis < 0 ? 1 : 0)
        return d * dayMillis
    }

    /// `from`/`to` (YYYY-MM-DD, UTC, both included; the last 30 days by default), `group_id`, `agent_id`,
    /// `organization_id` (numbers), `channel`, `priority`, `tags`, each a comma-separated list or repeated.
    /// Every bad value is named in the error.
    public static func parse(_ query: [(String, String)], now: Int64) throws(FieldErrors) -> ReportFilter {
        var errors = FieldErrors()
        func values(_ key: String) -> [String] {
            query.filter { $0.0 == key }.flatMap { $0.1.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
                .filter { !$0.isEmpty }
        }
        func ids(_ key: String) -> [Int] {
            values(key).compactMap { text in
                guard let id = Int(text), id > 0 else {
                    errors.add(key, error: "InvalidValue", "\(key): \(text) is not an id"); return nil
                }
                return id
            }
        }
        func day(_ key: String) -> Int64? {
            guard let text = values(key).last else { return nil }
            guard let millis = parseDay(text) else {
                errors.add(key, error: "InvalidValue", "\(key): \(text) is not a date (YYYY-MM-DD)"); return nil
            }
            return millis
        }
        let defaults = lastDays(30, now: now)
        let from = day("from")
        let to = day("to")
        var filter = ReportFilter(start: from ?? defaults.start, end: (to.map { $0 + dayMillis }) ?? defaults.end)
        if from != nil, to == nil { filter.end = max(filter.start + dayMillis, defaults.end) }
        if to != nil, from == nil { filter.start = filter.end - 30 * dayMillis }
        if filter.end <= filter.start {
            errors.add("to", error: "InvalidValue", "to: must not be before from")
        } else if (filter.end - filter.start) / dayMillis > Int64(maxDays) {
            errors.add("to", error: "InvalidValue", "to: a report covers at most \(maxDays) days")
        }
        filter.groupIDs = ids("group_id")
        filter.agentIDs = ids("agent_id")
        filter.organizationIDs = ids("organization_id")
        filter.channels = values("channel")
        filter.priorities = values("priority")
        for p in filter.priorities where !["low", "normal", "high", "urgent"].contains(p) {
            errors.add("priority", error: "InvalidValue", "priority: \(p) is not low, normal, high or urgent")
        }
        filter.tags = values("tags").map { $0.lowercased() }
        filter.breakdown = values("by").last
        if !errors.isEmpty { throw errors }
        return filter
    }

    public static func parseDay(_ text: String) -> Int64? {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), (1...12).contains(m), (1...31).contains(d)
        else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let date = calendar.date(from: DateComponents(year: y, month: m, day: d)),
              calendar.component(.day, from: date) == d else { return nil }
        return Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    public static func dayText(_ millis: Int64) -> String {
        let days = floorDay(millis) / dayMillis
        // Civil-from-days (Howard Hinnant's algorithm), so no Foundation formatter is needed.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        func pad(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(y)-\(pad(m))-\(pad(d))"
    }

    /// The query string that gives this filter back (for links: the CSV, the API, paging).
    public var queryString: String {
        var parts = ["from=\(Self.dayText(start))", "to=\(Self.dayText(end - 1))"]
        func add(_ key: String, _ list: [String]) {
            if !list.isEmpty { parts.append("\(key)=" + list.joined(separator: ",").addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: ",-_.")))!) }
        }
        add("group_id", groupIDs.map(String.init))
        add("agent_id", agentIDs.map(String.init))
        add("channel", channels)
        add("priority", priorities)
        add("tags", tags)
        add("organization_id", organizationIDs.map(String.init))
        if let breakdown { add("by", [breakdown]) }
        return parts.joined(separator: "&")
    }

    /// Days in the range, in order (the x axis of per-day charts).
    public var days: [Int64] { stride(from: start, to: end, by: Int(Self.dayMillis)).map { $0 } }
}
