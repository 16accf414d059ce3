import Foundation
@testable import CasebookCore

/// Shared fixtures for the SLA tests. Expected instants are computed with Foundation's Calendar, independently
/// of the code under test.
enum SLAFixture {
    static let minute: Int64 = 60_000
    static let hour: Int64 = 3_600_000

    /// "2024-03-10 01:00" (or with ":ss") as a wall time in `zone`. Only for wall times that exist exactly once.
    static func local(_ text: String, _ zone: String = "UTC") -> Int64 {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: zone)!
        let p = text.split(whereSeparator: { "- :".contains($0) }).map { Int($0)! }
        let components = DateComponents(year: p[0], month: p[1], day: p[2], hour: p[3], minute: p[4], second: p.count > 5 ? p[5] : 0)
        return Int64((calendar.date(from: components)!.timeIntervalSince1970 * 1000).rounded())
    }

    static func utc(_ text: String) -> Int64 { local(text, "UTC") }

    /// Monday to Friday, 09:00–17:00.
    static func officeHours(_ zone: String, holidays: [BusinessCalendar.Holiday] = []) -> BusinessCalendar {
        BusinessCalendar(timeZone: zone, intervals: WeeklyHours.on(1...5, from: 9 * 60, to: 17 * 60), holidays: holidays)
    }

    /// Every day of the week with the same hours (so DST Sundays are covered).
    static func daily(_ zone: String, from: Int, to: Int) -> BusinessCalendar {
        BusinessCalendar(timeZone: zone, intervals: WeeklyHours.on(0...6, from: from, to: to))
    }

    /// Whether a calendar is open at `instant`, read from Foundation's local date components. Agrees with the
    /// compiled calendar wherever the wall time is unambiguous.
    static func oracleIsOpen(_ cal: BusinessCalendar, at instant: Int64) -> Bool {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: cal.timeZone)!
        let c = calendar.dateComponents([.year, .month, .day, .weekday, .hour, .minute],
                                        from: Date(timeIntervalSince1970: Double(instant) / 1000))
        let date = String(format: "%04d-%02d-%02d", c.year!, c.month!, c.day!)
        if cal.holidays.contains(where: { $0.startDate <= date && date <= $0.endDate }) { return false }
        let minute = (c.weekday! - 1) * 1440 + c.hour! * 60 + c.minute!
        return cal.intervals.contains { $0.startMinute <= minute && minute < $0.endMinute }
    }
}

/// Deterministic random numbers, so a failing property test fails the same way again.
struct SLARandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

typealias WeeklyHours = BusinessCalendar.WeeklyInterval
