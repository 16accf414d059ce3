import Foundation
import Synchronization

/// When a support team is at work, in Zendesk's schedule shape: weekly opening intervals in one time zone,
/// minus holidays. SLA targets "in business hours" only count the time this calendar is open.
///
/// A calendar is an immutable value that carries its compiled form: keep one per schedule (e.g. keyed by
/// calendar id) and reuse it, since the compiled open spans are cached inside and filling that cache is what
/// costs (about a hundred time-zone look-ups per four months of calendar).
///
/// Instants are `Int64` milliseconds since the Unix epoch. Arithmetic covers 1970 up to 2100; instants outside
/// that window are treated as its edges, because no ticket lives there and an unbounded range would let one
/// bad timestamp fill the cache with centuries of days.
public struct BusinessCalendar: Sendable, Equatable {
    /// Open from `startMinute` to `endMinute` (exclusive), counted in minutes from Sunday 00:00 local time,
    /// exactly as Zendesk's `business_hours/schedules` intervals: 0...10080, `endMinute > startMinute`.
    /// Monday 09:00–17:00 is `1980..<2460`.
    public struct WeeklyInterval: Sendable, Hashable {
        public var startMinute: Int
        public var endMinute: Int

        public init(startMinute: Int, endMinute: Int) {
            self.startMinute = startMinute
            self.endMinute = endMinute
        }

        /// The same hours on each of `weekdays` (0 = Sunday … 6 = Saturday), given as minutes of the local day,
        /// so "Mon–Fri 09:00–17:00" reads `on: 1...5, from: 9 * 60, to: 17 * 60`.
        public static func on(_ weekdays: some Sequence<Int>, from start: Int, to end: Int) -> [WeeklyInterval] {
            weekdays.map { WeeklyInterval(startMinute: $0 * 1440 + start, endMinute: $0 * 1440 + end) }
        }
    }

    /// Whole local days, `startDate` through `endDate` inclusive ("YYYY-MM-DD"), on which the team is away.
    public struct Holiday: Sendable, Hashable {
        public var name: String
        public var startDate: String
        public var endDate: String

        public init(name: String, startDate: String, endDate: String) {
            self.name = name
            self.startDate = startDate
            self.endDate = endDate
        }
    }

    /// IANA identifier such as "Europe/Berlin"; opening hours are wall-clock times there.
    public let timeZone: String
    public let intervals: [WeeklyInterval]
    public let holidays: [Holiday]
    let schedule: Schedule

    public init(timeZone: String, intervals: [WeeklyInterval], holidays: [Holiday] = []) {
        self.timeZone = timeZone
        self.intervals = intervals
        self.holidays = holidays
        // An invalid calendar still gets well-defined arithmetic (UTC, clamped and merged intervals, bad holidays
        // ignored) so that nothing downstream crashes; `validate()` is what refuses it before it is saved.
        schedule = Schedule(zone: TimeZone(identifier: timeZone) ?? .gmt, intervals: intervals, holidays: holidays)
    }

    /// Open every minute of every day: what "calendar hours" targets measure against.
    public static let always = BusinessCalendar(timeZone: "UTC", intervals: [WeeklyInterval(startMinute: 0, endMinute: 10080)])

    public static func == (lhs: BusinessCalendar, rhs: BusinessCalendar) -> Bool {
        lhs.timeZone == rhs.timeZone && lhs.intervals == rhs.intervals && lhs.holidays == rhs.holidays
    }

    /// Refuses what Zendesk refuses, with one message per problem naming the field and the offending entry.
    public func validate() throws(FieldErrors) {
        var errors = FieldErrors()
        if TimeZone(identifier: timeZone) == nil {
            errors.add("time_zone", error: "InvalidValue", "Time zone: '\(timeZone)' is not a known IANA time zone")
        }
        for (i, interval) in intervals.enumerated() {
            let name = "Interval \(i + 1) (\(interval.startMinute)–\(interval.endMinute))"
            if !(0...10080).contains(interval.startMinute) || !(0...10080).contains(interval.endMinute) {
                errors.add("intervals", error: "InvalidValue", "Intervals: \(name) must lie within 0…10080 minutes of the week")
            } else if interval.endMinute <= interval.startMinute {
                errors.add("intervals", error: "InvalidValue", "Intervals: \(name) must end after it starts")
            }
        }
        let ordered = intervals.enumerated().filter { $0.element.endMinute > $0.element.startMinute }
            .sorted { $0.element.startMinute < $1.element.startMinute }
        for (a, b) in zip(ordered, ordered.dropFirst()) where b.element.startMinute < a.element.endMinute {
            errors.add("intervals", error: "InvalidValue", "Intervals: interval \(a.offset + 1) and interval \(b.offset + 1) overlap")
        }
        for (i, holiday) in holidays.enumerated() {
            let name = holiday.name.isEmpty ? "holiday \(i + 1)" : "holiday '\(holiday.name)'"
            let start = CivilDate.day(holiday.startDate), end = CivilDate.day(holiday.endDate)
            if start == nil {
                errors.add("holidays", error: "InvalidValue", "Holidays: \(name) has start date '\(holiday.startDate)', expected YYYY-MM-DD")
            }
            if end == nil {
                errors.add("holidays", error: "InvalidValue", "Holidays: \(name) has end date '\(holiday.endDate)', expected YYYY-MM-DD")
            }
            if let start, let end, end < start {
                errors.add("holidays", error: "InvalidValue", "Holidays: \(name) ends (\(holiday.endDate)) before it starts (\(holiday.startDate))")
            }
        }
        try errors.throwIfAny()
    }

    /// Whether the team is at work at `instant`.
    public func isOpen(at instant: Int64) -> Bool { schedule.isOpen(at: instant) }

    /// Open time (ms) between the two instants; 0 when `to <= from`.
    public func businessMillis(from: Int64, to: Int64) -> Int64 { schedule.businessMillis(from: from, to: to) }

    /// The instant at which `businessMillis` of open time has elapsed since `start` (counting begins at the next
    /// opening when `start` is outside hours). A breach lands on the exact closing instant when the budget runs
    /// out at the end of a day, not on the next opening. `Int64.max` when the calendar is not open that long
    /// within five years (no intervals, or holidays covering years): such a target simply never comes due.
    public func adding(businessMillis: Int64, to start: Int64) -> Int64 {
        schedule.adding(businessMillis, to: start)
    }
}

extension BusinessCalendar: CustomStringConvertible {
    public var description: String {
        "BusinessCalendar(\(timeZone), \(intervals.count) intervals, \(holidays.count) holidays)"
    }
}

/// Proleptic Gregorian dates as day numbers since 1970-01-01, without Foundation's Calendar in the hot path.
enum CivilDate {
    /// Day number of a strict "YYYY-MM-DD", or nil.
    static func day(_ text: String) -> Int? {
        let b = Array(text.utf8)
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var n = 0
            for i in range {
                guard (48...57).contains(b[i]) else { return nil }
                n = n * 10 + Int(b[i] - 48)
            }
            return n
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10), (1...12).contains(m), d >= 1 else { return nil }
        let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard d <= lengths[m - 1] else { return nil }
        return days(year: y, month: m, day: d)
    }

    /// Howard Hinnant's days_from_civil.
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}

/// The compiled calendar: local week intervals turned into UTC open spans, a block of local days at a time,
/// cached. Each block keeps cumulative open time so that any measurement is two binary searches.
final class Schedule: Sendable {
    static let dayMillis: Int64 = 86_400_000
    /// Days per cached block: about four months, so a ticket's whole life usually sits in one or two blocks.
    static let blockDays = 128
    static let earliest: Int64 = 0                    // 1970-01-01
    static let latest: Int64 = 4_102_444_800_000      // 2100-01-01
    static let searchLimit: Int64 = 5 * 366 * dayMillis

    /// Open minutes of one local weekday, `start..<end` within 0...1440.
    struct Piece: Sendable { var start: Int64, end: Int64 }

    /// UTC open spans of `blockDays` consecutive local days.
    final class Block: Sendable {
        let index: Int
        /// UTC instants of the first day's local midnight and of the local midnight after the last day.
        let start: Int64, end: Int64
        let starts: [Int64], ends: [Int64]
        /// Open time from `start` to the end of each span.
        let openAtEnd: [Int64]
        var total: Int64 { openAtEnd.last ?? 0 }

        init(index: Int, start: Int64, end: Int64, starts: [Int64], ends: [Int64]) {
            self.index = index
            self.start = start
            self.end = end
            self.starts = starts
            self.ends = ends
            var sum: Int64 = 0
            openAtEnd = zip(starts, ends).map { sum += $1 - $0; return sum }
        }

        /// Open time within `[start, t)`.
        func open(before t: Int64) -> Int64 {
            var lo = 0, hi = starts.count        // first span starting after t
            while lo < hi {
                let mid = (lo + hi) / 2
                if starts[mid] <= t { lo = mid + 1 } else { hi = mid }
            }
            guard lo > 0 else { return 0 }
            return openAtEnd[lo - 1] - (ends[lo - 1] - min(t, ends[lo - 1]))
        }

        func isOpen(at t: Int64) -> Bool {
            var lo = 0, hi = starts.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if starts[mid] <= t { lo = mid + 1 } else { hi = mid }
            }
            return lo > 0 && t < ends[lo - 1]
        }

        /// The instant at which open time since `start` reaches `target` (0 < target <= total).
        func instant(reaching target: Int64) -> Int64 {
            var lo = 0, hi = openAtEnd.count - 1
            while lo < hi {
                let mid = (lo + hi) / 2
                if openAtEnd[mid] >= target { hi = mid } else { lo = mid + 1 }
            }
            return ends[lo] - (openAtEnd[lo] - target)
        }
    }

    enum Shape { case always, never, hours }

    let zone: TimeZone
    let shape: Shape
    let pieces: [[Piece]]
    let holidays: [ClosedRange<Int>]
    /// Offset used to guess an instant's local day; the block search corrects a wrong guess.
    let typicalOffset: Int64
    let blocks = Mutex<[Int: Block]>([:])

    init(zone: TimeZone, intervals: [BusinessCalendar.WeeklyInterval], holidays: [BusinessCalendar.Holiday]) {
        self.zone = zone
        typicalOffset = Int64(zone.secondsFromGMT()) * 1000
        // Clamp, sort and merge so that overlapping or reversed input cannot count time twice.
        var merged: [Piece] = []
        for i in intervals.map({ Piece(start: Int64(max(0, min($0.startMinute, 10080))), end: Int64(max(0, min($0.endMinute, 10080)))) })
            .filter({ $0.end > $0.start }).sorted(by: { $0.start < $1.start }) {
            if let last = merged.last, i.start <= last.end { merged[merged.count - 1].end = max(last.end, i.end) } else { merged.append(i) }
        }
        var perDay = [[Piece]](repeating: [], count: 7)
        for p in merged {
            for day in Int(p.start / 1440)...Int((p.end - 1) / 1440) {
                let base = Int64(day) * 1440
                perDay[day].append(Piece(start: max(p.start, base) - base, end: min(p.end, base + 1440) - base))
            }
        }
        pieces = perDay
        self.holidays = holidays.compactMap { h in
            guard let s = CivilDate.day(h.startDate), let e = CivilDate.day(h.endDate), s <= e else { return nil }
            return s...e
        }.sorted { $0.lowerBound < $1.lowerBound }
        if merged.isEmpty {
            shape = .never
        } else if merged.count == 1, merged[0].start == 0, merged[0].end == 10080, self.holidays.isEmpty {
            // Open all week: wall-clock conversion is contiguous across DST, so every instant is open.
            shape = .always
        } else {
            shape = .hours
        }
    }

    // MARK: Queries

    func isOpen(at instant: Int64) -> Bool {
        switch shape {
        case .always: return true
        case .never: return false
        case .hours:
            guard (Self.earliest..<Self.latest).contains(instant) else { return false }
            return block(containing: instant).isOpen(at: instant)
        }
    }

    func businessMillis(from: Int64, to: Int64) -> Int64 {
        guard to > from else { return 0 }
        switch shape {
        case .always:
            let (d, overflow) = to.subtractingReportingOverflow(from)
            return overflow ? .max : d
        case .never: return 0
        case .hours:
            let a = clamp(from), b = clamp(to)
            guard b > a else { return 0 }
            var block = block(containing: a)
            if b < block.end { return block.open(before: b) - block.open(before: a) }
            var sum = block.total - block.open(before: a)
            while true {
                block = self.block(at: block.index + 1)
                if b < block.end { return sum + block.open(before: b) }
                sum += block.total
            }
        }
    }

    func adding(_ millis: Int64, to start: Int64) -> Int64 {
        guard millis > 0 else { return start }
        switch shape {
        case .always:
            let (t, overflow) = start.addingReportingOverflow(millis)
            return overflow ? .max : t
        case .never: return .max
        case .hours:
            let from = clamp(start)
            guard from < Self.latest else { return .max }
            let limit = from + Self.searchLimit
            var block = block(containing: from)
            var need = millis
            var before = block.open(before: from)
            while true {
                let available = block.total - before
                if need <= available { return block.instant(reaching: before + need) }
                need -= available
                guard block.end < limit, block.end < Self.latest else { return .max }
                block = self.block(at: block.index + 1)
                before = 0
            }
        }
    }

    private func clamp(_ t: Int64) -> Int64 { min(max(t, Self.earliest), Self.latest) }

    // MARK: Blocks

    private func block(containing t: Int64) -> Block {
        var index = Self.floorDiv(Self.floorDiv(t + typicalOffset, Self.dayMillis), Int64(Self.blockDays))
        while true {
            let b = block(at: Int(index))
            if t < b.start { index -= 1 } else if t >= b.end { index += 1 } else { return b }
        }
    }

    private func block(at index: Int) -> Block {
        if let cached = blocks.withLock({ $0[index] }) { return cached }
        // Compiled outside the lock: two threads may both build the same block, and either result is right.
        let built = compile(index)
        blocks.withLock { $0[index] = built }
        return built
    }

    private func compile(_ index: Int) -> Block {
        let firstDay = index * Self.blockDays
        let dayMillis = Self.dayMillis
        // Offsets at UTC midnights d-1 ... d+2 bracket every instant of local day d (offsets stay within ±14 h);
        // when all four agree the day has no transition and wall time converts by one subtraction.
        var window = (-1...2).map { offset(at: Int64(firstDay + $0) * dayMillis) }
        var starts: [Int64] = [], ends: [Int64] = []
        for day in firstDay..<(firstDay + Self.blockDays) {
            let wallMidnight = Int64(day) * dayMillis
            let steady = window.allSatisfy { $0 == window[0] }
            if !isHoliday(day) {
                for piece in pieces[Int(Self.floorMod(Int64(day) + 4, 7))] {   // 1970-01-01 was a Thursday
                    let wallStart = wallMidnight + piece.start * 60_000, wallEnd = wallMidnight + piece.end * 60_000
                    let s = steady ? wallStart - window[0] : instant(wall: wallStart)
                    let e = steady ? wallEnd - window[0] : instant(wall: wallEnd)
                    guard e > s else { continue }                          // wholly inside a spring-forward gap
                    if let last = ends.last, s <= last { ends[ends.count - 1] = max(last, e) } else {
                        starts.append(s)
                        ends.append(e)
                    }
                }
            }
            window.removeFirst()
            window.append(offset(at: Int64(day + 3) * dayMillis))
        }
        // Both edges by the same exact conversion, so consecutive blocks meet without gap or overlap.
        return Block(index: index, start: instant(wall: Int64(firstDay) * dayMillis),
                     end: instant(wall: Int64(firstDay + Self.blockDays) * dayMillis), starts: starts, ends: ends)
    }

    private func isHoliday(_ day: Int) -> Bool {
        for range in holidays {
            if range.lowerBound > day { return false }
            if range.contains(day) { return true }
        }
        return false
    }

    /// UTC offset (ms) in force at a UTC instant.
    private func offset(at instant: Int64) -> Int64 {
        Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(instant) / 1000))) * 1000
    }

    /// The earliest instant whose local wall time is at or after `wall` (wall time written as if it were UTC).
    /// A wall time the clocks skip (spring forward) maps to the moment of the jump; one they pass twice (fall back)
    /// maps to its first occurrence. The mapping never goes backwards, so consecutive wall intervals stay
    /// contiguous and no real time is counted twice.
    private func instant(wall: Int64) -> Int64 {
        let before = offset(at: wall - Self.dayMillis), after = offset(at: wall + Self.dayMillis)
        let valid = [before, after].map { wall - $0 }.filter { wall - offset(at: $0) == $0 }
        if let first = valid.min() { return first }
        // In a gap: the jump lies between the two readings; find the first instant whose wall time reaches `wall`.
        var lo = wall - max(before, after), hi = wall - min(before, after)
        while lo < hi {
            let mid = lo + (hi - lo) / 2
            if mid + offset(at: mid) >= wall { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }
    static func floorMod(_ a: Int64, _ b: Int64) -> Int64 { a - floorDiv(a, b) * b }
}
