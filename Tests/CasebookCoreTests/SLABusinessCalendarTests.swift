import Foundation
import Testing
@testable import CasebookCore

private let hour = SLAFixture.hour
private let minute = SLAFixture.minute
private func utc(_ s: String) -> Int64 { SLAFixture.utc(s) }
private func local(_ s: String, _ z: String) -> Int64 { SLAFixture.local(s, z) }

// 2024-01-01 is a Monday.

@Test("office hours count within a day, across days and across a weekend")
func officeHoursAcrossDays() {
    let cal = SLAFixture.officeHours("UTC")
    #expect(cal.businessMillis(from: utc("2024-01-01 10:00"), to: utc("2024-01-01 12:00")) == 2 * hour)
    #expect(cal.businessMillis(from: utc("2024-01-01 16:00"), to: utc("2024-01-02 10:00")) == 2 * hour)
    #expect(cal.businessMillis(from: utc("2024-01-05 16:00"), to: utc("2024-01-08 10:00")) == 2 * hour)
    #expect(cal.businessMillis(from: utc("2024-01-06 00:00"), to: utc("2024-01-07 23:59")) == 0)
    #expect(cal.businessMillis(from: utc("2024-01-01 00:00"), to: utc("2024-01-08 00:00")) == 40 * hour)
    // A whole year: 52 weeks and Monday 30 December 2024.
    #expect(cal.businessMillis(from: utc("2024-01-01 00:00"), to: utc("2025-01-01 00:00")) == (52 * 40 + 2 * 8) * hour)
}

@Test("no time counts backwards")
func reversedRangeIsZero() {
    let cal = SLAFixture.officeHours("UTC")
    #expect(cal.businessMillis(from: utc("2024-01-02 12:00"), to: utc("2024-01-01 12:00")) == 0)
    #expect(cal.businessMillis(from: utc("2024-01-02 12:00"), to: utc("2024-01-02 12:00")) == 0)
}

@Test("opening and closing instants: open from the first millisecond, closed at the closing one")
func isOpenAtEdges() {
    let cal = SLAFixture.officeHours("UTC")
    #expect(!cal.isOpen(at: utc("2024-01-01 09:00") - 1))
    #expect(cal.isOpen(at: utc("2024-01-01 09:00")))
    #expect(cal.isOpen(at: utc("2024-01-01 17:00") - 1))
    #expect(!cal.isOpen(at: utc("2024-01-01 17:00")))
    #expect(!cal.isOpen(at: utc("2024-01-06 12:00")))
}

@Test("several intervals a day leave the lunch break out")
func severalIntervalsADay() {
    let cal = BusinessCalendar(timeZone: "UTC", intervals: WeeklyHours.on(1...5, from: 9 * 60, to: 12 * 60) + WeeklyHours.on(1...5, from: 13 * 60, to: 17 * 60))
    #expect(cal.businessMillis(from: utc("2024-01-01 11:00"), to: utc("2024-01-01 14:00")) == 2 * hour)
    #expect(cal.adding(businessMillis: 2 * hour, to: utc("2024-01-01 11:30")) == utc("2024-01-01 14:30"))
    #expect(!cal.isOpen(at: utc("2024-01-01 12:30")))
    #expect(cal.businessMillis(from: utc("2024-01-01 00:00"), to: utc("2024-01-02 00:00")) == 7 * hour)
}

@Test("an interval crossing midnight counts on both days")
func intervalAcrossMidnight() {
    // Monday 22:00 to Tuesday 06:00.
    let cal = BusinessCalendar(timeZone: "UTC", intervals: [.init(startMinute: 1440 + 22 * 60, endMinute: 2 * 1440 + 6 * 60)])
    #expect(cal.businessMillis(from: utc("2024-01-01 00:00"), to: utc("2024-01-03 00:00")) == 8 * hour)
    #expect(cal.adding(businessMillis: 3 * hour, to: utc("2024-01-01 12:00")) == utc("2024-01-02 01:00"))
}

@Test("counting starts at the next opening when started outside hours")
func addingFromOutsideHours() {
    let cal = SLAFixture.officeHours("UTC")
    #expect(cal.adding(businessMillis: hour, to: utc("2024-01-06 12:00")) == utc("2024-01-08 10:00"))
    #expect(cal.adding(businessMillis: hour, to: utc("2024-01-01 07:00")) == utc("2024-01-01 10:00"))
    #expect(cal.adding(businessMillis: 2 * hour, to: utc("2024-01-05 16:00")) == utc("2024-01-08 10:00"))
    #expect(cal.adding(businessMillis: 0, to: utc("2024-01-06 12:00")) == utc("2024-01-06 12:00"))
}

@Test("a budget that runs out at closing time is due at closing, not at the next opening")
func dueAtClosing() {
    let cal = SLAFixture.officeHours("UTC")
    #expect(cal.adding(businessMillis: 8 * hour, to: utc("2024-01-01 09:00")) == utc("2024-01-01 17:00"))
    #expect(cal.adding(businessMillis: 8 * hour + 1, to: utc("2024-01-01 09:00")) == utc("2024-01-02 09:00") + 1)
}

@Test("Berlin: 09:00–17:00 is eight real hours on both DST days, and opens at the local hour")
func berlinDST() {
    let zone = "Europe/Berlin"
    let cal = SLAFixture.daily(zone, from: 9 * 60, to: 17 * 60)
    for day in ["2024-03-30", "2024-03-31", "2024-04-01", "2024-10-26", "2024-10-27", "2024-10-28"] {
        #expect(cal.businessMillis(from: local("\(day) 00:00", zone), to: local("\(day) 23:00", zone)) == 8 * hour, "\(day)")
    }
    #expect(cal.adding(businessMillis: 1, to: utc("2024-03-31 00:00")) == utc("2024-03-31 07:00") + 1)   // CEST
    #expect(cal.adding(businessMillis: 1, to: utc("2024-03-30 00:00")) == utc("2024-03-30 08:00") + 1)   // CET
}

@Test("Berlin: an interval spanning the transition counts the real hours")
func berlinTransitionInterval() {
    let cal = SLAFixture.daily("Europe/Berlin", from: 1 * 60, to: 4 * 60)
    // Spring: 01:00 CET (00:00Z) to 04:00 CEST (02:00Z).
    #expect(cal.businessMillis(from: utc("2024-03-30 22:00"), to: utc("2024-03-31 12:00")) == 2 * hour)
    // Autumn: 01:00 CEST (23:00Z the day before) to 04:00 CET (03:00Z).
    #expect(cal.businessMillis(from: utc("2024-10-26 12:00"), to: utc("2024-10-27 12:00")) == 4 * hour)
}

@Test("New York: 01:00–04:00 is two hours on spring-forward day and four on fall-back day")
func newYorkTransitionInterval() {
    let cal = SLAFixture.daily("America/New_York", from: 1 * 60, to: 4 * 60)
    #expect(cal.businessMillis(from: utc("2024-03-10 00:00"), to: utc("2024-03-10 20:00")) == 2 * hour)
    #expect(cal.businessMillis(from: utc("2024-03-09 00:00"), to: utc("2024-03-09 20:00")) == 3 * hour)
    #expect(cal.businessMillis(from: utc("2024-11-03 00:00"), to: utc("2024-11-03 20:00")) == 4 * hour)
    // The repeated 01:xx hour counts once per real hour.
    #expect(cal.isOpen(at: utc("2024-11-03 05:30")))   // 01:30 EDT
    #expect(cal.isOpen(at: utc("2024-11-03 06:30")))   // 01:30 EST
}

@Test("New York: 09:00–17:00 stays eight hours across both transitions")
func newYorkOfficeDay() {
    let zone = "America/New_York"
    let cal = SLAFixture.daily(zone, from: 9 * 60, to: 17 * 60)
    for day in ["2024-03-10", "2024-11-03", "2024-07-04"] {
        #expect(cal.businessMillis(from: local("\(day) 00:00", zone), to: local("\(day) 23:00", zone)) == 8 * hour, "\(day)")
    }
    #expect(cal.isOpen(at: utc("2024-03-10 13:00")))    // 09:00 EDT
    #expect(!cal.isOpen(at: utc("2024-03-09 13:00")))   // 08:00 EST
}

@Test("an opening time the clocks skip opens at the jump")
func openingInsideSpringGap() {
    // 02:30 does not exist in New York on 10 March 2024; the office is open from the jump (03:00 EDT) to 03:30.
    let cal = SLAFixture.daily("America/New_York", from: 2 * 60 + 30, to: 3 * 60 + 30)
    #expect(cal.businessMillis(from: utc("2024-03-10 00:00"), to: utc("2024-03-10 20:00")) == 30 * minute)
    #expect(cal.isOpen(at: utc("2024-03-10 07:00")))
    // Wholly inside the gap: nothing at all that day.
    let gap = SLAFixture.daily("America/New_York", from: 2 * 60 + 10, to: 2 * 60 + 50)
    #expect(gap.businessMillis(from: utc("2024-03-10 00:00"), to: utc("2024-03-10 20:00")) == 0)
    #expect(gap.businessMillis(from: utc("2024-03-09 00:00"), to: utc("2024-03-09 20:00")) == 40 * minute)
}

@Test("multi-day holidays close whole local days")
func multiDayHoliday() {
    let zone = "Europe/Berlin"
    let cal = SLAFixture.officeHours(zone, holidays: [.init(name: "Christmas", startDate: "2024-12-24", endDate: "2024-12-26")])
    #expect(cal.businessMillis(from: local("2024-12-23 09:00", zone), to: local("2024-12-27 09:00", zone)) == 8 * hour)
    #expect(!cal.isOpen(at: local("2024-12-25 10:00", zone)))
    #expect(cal.adding(businessMillis: 9 * hour, to: local("2024-12-23 09:00", zone)) == local("2024-12-27 10:00", zone))
}

@Test("a holiday is a local date, not a UTC one")
func holidayInLocalDate() {
    let zone = "Pacific/Auckland"   // UTC+12 in June
    let cal = BusinessCalendar(timeZone: zone, intervals: WeeklyHours.on(0...6, from: 9 * 60, to: 17 * 60),
                               holidays: [.init(name: "King's Birthday", startDate: "2024-06-03", endDate: "2024-06-03")])
    #expect(cal.businessMillis(from: local("2024-06-03 00:00", zone), to: local("2024-06-04 00:00", zone)) == 0)
    #expect(cal.businessMillis(from: local("2024-06-02 00:00", zone), to: local("2024-06-03 00:00", zone)) == 8 * hour)
    #expect(cal.isOpen(at: local("2024-06-04 09:00", zone)))
}

@Test("measuring what was added gives back the amount", arguments: [
    SLAFixture.officeHours("Europe/Berlin", holidays: [.init(name: "Break", startDate: "2025-12-24", endDate: "2026-01-01")]),
    BusinessCalendar(timeZone: "America/New_York", intervals: WeeklyHours.on(1...5, from: 8 * 60, to: 12 * 60) + WeeklyHours.on(1...6, from: 13 * 60, to: 18 * 60)),
    SLAFixture.daily("Australia/Lord_Howe", from: 60, to: 23 * 60),   // half-hour DST shifts
    SLAFixture.daily("Asia/Kolkata", from: 0, to: 90),
    SLAFixture.daily("America/New_York", from: 1 * 60, to: 4 * 60),
])
func addingRoundTrips(cal: BusinessCalendar) {
    var rng = SLARandom(seed: 42)
    let start = utc("2024-01-01 00:00"), span = 3 * 365 * 24 * hour
    for _ in 0..<2_000 {
        let t = start + Int64.random(in: 0..<span, using: &rng)
        let x = Int64.random(in: 1...(400 * hour), using: &rng)
        let end = cal.adding(businessMillis: x, to: t)
        #expect(cal.businessMillis(from: t, to: end) == x, "t=\(t) x=\(x)")
        // And it is the first such instant: a millisecond earlier is short.
        #expect(cal.businessMillis(from: t, to: end - 1) == x - 1, "t=\(t) x=\(x)")
    }
}

@Test("measurements add up across any split point")
func measurementsAreAdditive() {
    let cal = SLAFixture.officeHours("America/New_York", holidays: [.init(name: "July 4", startDate: "2024-07-04", endDate: "2024-07-04")])
    var rng = SLARandom(seed: 7)
    let start = utc("2023-06-01 00:00"), span = 3 * 365 * 24 * hour
    for _ in 0..<2_000 {
        let points = (0..<3).map { _ in start + Int64.random(in: 0..<span, using: &rng) }.sorted()
        let whole = cal.businessMillis(from: points[0], to: points[2])
        #expect(whole == cal.businessMillis(from: points[0], to: points[1]) + cal.businessMillis(from: points[1], to: points[2]))
    }
}

@Test("open or closed agrees with Foundation's local time", arguments: ["Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Sydney", "America/Sao_Paulo"])
func isOpenAgreesWithFoundation(zone: String) {
    // Hours clear of 00:00–04:00, where transitions happen and wall times can repeat.
    let cal = BusinessCalendar(timeZone: zone, intervals: WeeklyHours.on(1...5, from: 8 * 60 + 30, to: 12 * 60) + WeeklyHours.on(0...6, from: 13 * 60, to: 23 * 60 + 15),
                               holidays: [.init(name: "Long weekend", startDate: "2024-05-10", endDate: "2024-05-13")])
    var rng = SLARandom(seed: 99)
    let start = utc("2023-01-01 00:00"), span = 4 * 365 * 24 * hour
    for _ in 0..<3_000 {
        let t = start + Int64.random(in: 0..<span, using: &rng) / minute * minute
        #expect(cal.isOpen(at: t) == SLAFixture.oracleIsOpen(cal, at: t), "\(zone) t=\(t)")
    }
    // Business minutes across a DST weekend, minute by minute.
    for day in ["2024-03-09", "2024-10-26", "2024-05-09"] {
        let from = utc("\(day) 00:00"), to = from + 3 * 24 * hour
        let counted = stride(from: from, to: to, by: Int(minute)).filter { SLAFixture.oracleIsOpen(cal, at: $0) }.count
        #expect(cal.businessMillis(from: from, to: to) == Int64(counted) * minute, "\(zone) \(day)")
    }
}

@Test("24/7 is plain elapsed time, in any zone")
func alwaysOpenIsCalendarTime() {
    var rng = SLARandom(seed: 3)
    let berlin = BusinessCalendar(timeZone: "Europe/Berlin", intervals: [.init(startMinute: 0, endMinute: 10080)])
    for cal in [BusinessCalendar.always, berlin] {
        for _ in 0..<500 {
            let t = utc("2024-01-01 00:00") + Int64.random(in: 0..<(365 * 24 * hour), using: &rng)
            let x = Int64.random(in: 0...(1_000 * hour), using: &rng)
            #expect(cal.adding(businessMillis: x, to: t) == t + x)
            #expect(cal.businessMillis(from: t, to: t + x) == x)
            #expect(cal.isOpen(at: t))
        }
    }
    // Split into seven daily intervals it is still all the time, DST nights included.
    let split = BusinessCalendar(timeZone: "Europe/Berlin", intervals: (0..<7).map { .init(startMinute: $0 * 1440, endMinute: ($0 + 1) * 1440) })
    #expect(split.businessMillis(from: utc("2024-03-01 00:00"), to: utc("2024-11-01 00:00")) == utc("2024-11-01 00:00") - utc("2024-03-01 00:00"))
}

@Test("a calendar that never opens answers without searching forever")
func neverOpen() {
    let empty = BusinessCalendar(timeZone: "Europe/Berlin", intervals: [])
    #expect(empty.adding(businessMillis: hour, to: utc("2024-01-01 00:00")) == .max)
    #expect(empty.businessMillis(from: utc("2024-01-01 00:00"), to: utc("2025-01-01 00:00")) == 0)
    #expect(!empty.isOpen(at: utc("2024-01-01 10:00")))
    let sabbatical = SLAFixture.officeHours("Europe/Berlin", holidays: [.init(name: "Gone", startDate: "2024-01-01", endDate: "2034-12-31")])
    #expect(sabbatical.adding(businessMillis: hour, to: utc("2024-01-01 00:00")) == .max)
    #expect(sabbatical.adding(businessMillis: hour, to: utc("2034-12-20 00:00")) == local("2035-01-01 10:00", "Europe/Berlin"))
}

@Test("extreme instants are clamped rather than overflowing")
func extremeInstants() {
    let cal = SLAFixture.officeHours("UTC")
    #expect(cal.adding(businessMillis: .max, to: utc("2024-01-01 00:00")) == .max)
    // From the first supported instant (Thursday 1 January 1970): Thursday, Friday and Monday.
    #expect(cal.businessMillis(from: .min, to: utc("1970-01-06 00:00")) == 24 * hour)
    #expect(!cal.isOpen(at: .max))
    #expect(BusinessCalendar.always.adding(businessMillis: hour, to: .max - 1) == .max)
}

// MARK: - Validation

private func problems(_ cal: BusinessCalendar) -> FieldErrors? {
    do { try cal.validate(); return nil } catch { return error }
}

@Test("a good calendar validates")
func validCalendar() {
    #expect(problems(SLAFixture.officeHours("Europe/Berlin", holidays: [.init(name: "NY", startDate: "2025-01-01", endDate: "2025-01-01")])) == nil)
    #expect(problems(.always) == nil)
}

@Test("validation names the field and the entry at fault")
func invalidCalendar() throws {
    let cal = BusinessCalendar(timeZone: "Mars/Olympus_Mons", intervals: [
        .init(startMinute: 600, endMinute: 500),
        .init(startMinute: 10000, endMinute: 10100),
        .init(startMinute: 1980, endMinute: 2460),
        .init(startMinute: 2400, endMinute: 2500),
    ], holidays: [
        .init(name: "Typo", startDate: "2024-13-01", endDate: "2024-12-01"),
        .init(name: "Backwards", startDate: "2024-05-02", endDate: "2024-05-01"),
        .init(name: "Leap", startDate: "2023-02-29", endDate: "2023-03-01"),
    ])
    let errors = try #require(problems(cal))
    let text = errors.description
    #expect(errors.details["time_zone"]?.count == 1)
    #expect(text.contains("Time zone: 'Mars/Olympus_Mons' is not a known IANA time zone"))
    #expect(text.contains("Intervals: Interval 1 (600–500) must end after it starts"))
    #expect(text.contains("Intervals: Interval 2 (10000–10100) must lie within 0…10080 minutes of the week"))
    #expect(text.contains("Intervals: interval 3 and interval 4 overlap"))
    #expect(text.contains("Holidays: holiday 'Typo' has start date '2024-13-01', expected YYYY-MM-DD"))
    #expect(text.contains("Holidays: holiday 'Backwards' ends (2024-05-01) before it starts (2024-05-02)"))
    #expect(text.contains("Holidays: holiday 'Leap' has start date '2023-02-29'"))
    #expect(errors.details["holidays"]?.count == 3)
}

@Test("adjacent intervals do not overlap")
func adjacentIntervalsAreFine() {
    let cal = BusinessCalendar(timeZone: "UTC", intervals: [.init(startMinute: 0, endMinute: 100), .init(startMinute: 100, endMinute: 200)])
    #expect(problems(cal) == nil)
}

@Test("calendars compare by what they say, not by their cache")
func calendarEquality() {
    let a = SLAFixture.officeHours("Europe/Berlin"), b = SLAFixture.officeHours("Europe/Berlin")
    _ = a.businessMillis(from: 0, to: utc("2024-01-01 00:00"))
    #expect(a == b)
    #expect(a != SLAFixture.officeHours("Europe/Paris"))
}
