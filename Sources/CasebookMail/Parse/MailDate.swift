import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// RFC 5322 dates (`Fri, 4 May 2001 14:05:44 -0400`) and the obsolete and broken forms found in real mail.
///
/// A port of Python's `email._parseaddr._parsedate_tz` (what `policy.default` uses for the Date header), so
/// it accepts what Python accepts: optional day name (with or without comma), day and month in either
/// order, full month names, two-digit years (69–99 → 19xx, 00–68 → 20xx), RFC 850 `04-May-01`, `hh:mm`
/// without seconds, `hh.mm.ss`, the zone glued to the time (`00:01+0000`), trailing comments such as `(EDT)`,
/// and the obsolete zone names UT, UTC, GMT, Z, EST/EDT, CST/CDT, MST/MDT, PST/PDT, AST/ADT. A zone of
/// `-0000`, a military letter other than Z, or an unknown name means "UTC, local zone unknown" (RFC 5322
/// §4.3), and the time is taken as UTC. Beyond Python: `+hh:mm` offsets are understood. Impossible dates
/// (31 April, 25:00, offsets of a day or more) give nil, as in Python.
public enum MailDate {
    public static func parse(_ value: String) -> Date? {
        guard let c = components(value) else { return nil }
        let days = daysFromCivil(year: c.year, month: c.month, day: c.day)
        let seconds = days * 86_400 + c.hour * 3_600 + c.minute * 60 + c.second - (c.offsetSeconds ?? 0)
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    struct Components: Equatable {
        var year, month, day, hour, minute, second: Int
        /// Seconds east of UTC; nil when the zone is unknown or -0000.
        var offsetSeconds: Int?
    }

    static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
                             "january", "february", "march", "april", "may", "june", "july", "august",
                             "september", "october", "november", "december"]
    static let dayNames: Set<String> = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    static let zones: [String: Int] = ["UT": 0, "UTC": 0, "GMT": 0, "Z": 0, "AST": -400, "ADT": -300,
                                       "EST": -500, "EDT": -400, "CST": -600, "CDT": -500, "MST": -700,
                                       "MDT": -600, "PST": -800, "PDT": -700]

    /// Python's `int()` on a date token: optional sign, ASCII digits (underscores between digits allowed).
    static func pyInt(_ s: Substring) -> Int? {
        var t = s
        var negative = false
        if let f = t.first, f == "+" || f == "-" {
            negative = f == "-"
            t = t.dropFirst()
        }
        guard !t.isEmpty, t.first != "_", t.last != "_", !t.contains("__"), t.count <= 12 else { return nil }
        var v = 0
        for ch in t {
            if ch == "_" { continue }
            guard let d = ch.asciiValue, d >= 48, d <= 57 else { return nil }
            v = v * 10 + Int(d - 48)
        }
        return negative ? -v : v
    }

    static func components(_ value: String) -> Components? {
        var data = value.split(whereSeparator: {
            $0 == " " || $0 == "\t" || $0 == "\r\n" || $0 == "\r" || $0 == "\n" || $0 == "\u{0B}" || $0 == "\u{0C}"
        })
        guard !data.isEmpty, data.count < 64 else { return nil }
        if data[0].hasSuffix(",") || dayNames.contains(data[0].lowercased()) {
            data.removeFirst()
        } else if let comma = data[0].lastIndex(of: ",") {
            data[0] = data[0][data[0].index(after: comma)...]
        }
        if data.count == 3 { // RFC 850: 04-May-01
            let stuff = data[0].split(separator: "-", omittingEmptySubsequences: false)
            if stuff.count == 3 { data = stuff + data[1...] }
        }
        if data.count == 4 {
            let s = data[3]
            var cut = s.firstIndex(of: "+")
            if cut == nil { cut = s.firstIndex(of: "-") }
            if let cut, cut > s.startIndex {
                data[3...] = [s[..<cut], s[cut...]]
            } else {
                data.append("")
            }
        }
        guard data.count >= 5 else { return nil }
        var dd = data[0], mmRaw = data[1], yy = data[2], tm = data[3], tz = data[4]
        guard !dd.isEmpty, !mmRaw.isEmpty, !yy.isEmpty else { return nil }
        var mm = mmRaw.lowercased()
        if !monthNames.contains(mm) {
            (dd, mmRaw) = (mmRaw, dd)
            mm = mmRaw.lowercased()
            guard monthNames.contains(mm) else { return nil }
        }
        var month = monthNames.firstIndex(of: mm)! + 1
        if month > 12 { month -= 12 }
        if dd.hasSuffix(",") { dd = dd.dropLast() }
        if let colon = yy.firstIndex(of: ":"), colon > yy.startIndex { (yy, tm) = (tm, yy) }
        if yy.hasSuffix(",") {
            yy = yy.dropLast()
        }
        guard let y0 = yy.first else { return nil }
        if !(y0.isASCII && y0.isNumber) { (yy, tz) = (tz, yy) }
        if tm.hasSuffix(",") { tm = tm.dropLast() }
        guard !tm.isEmpty else { return nil }
        var timeParts = tm.split(separator: ":", omittingEmptySubsequences: false)
        if timeParts.count == 1, tm.contains(".") {
            timeParts = tm.split(separator: ".", omittingEmptySubsequences: false)
        }
        guard timeParts.count == 2 || timeParts.count == 3 else { return nil }
        guard var year = pyInt(yy), let day = pyInt(dd), let hour = pyInt(timeParts[0]),
              let minute = pyInt(timeParts[1]) else { return nil }
        var second = 0
        if timeParts.count == 3 {
            guard let s = pyInt(timeParts[2]) else { return nil }
            second = s
        }
        if year < 100 { year += year > 68 ? 1900 : 2000 }
        var offset: Int? = nil
        let zone = tz.uppercased()
        if let hhmm = zones[zone] {
            offset = hhmm
        } else if let v = pyInt(tz[...]) {
            offset = (v == 0 && tz.hasPrefix("-")) ? nil : v
        } else if tz.count == 6, let sign = tz.first, sign == "+" || sign == "-",
                  tz[tz.index(tz.startIndex, offsetBy: 3)] == ":",
                  let h = pyInt(tz.dropFirst().prefix(2)), let m = pyInt(tz.suffix(2)) {
            let v = h * 100 + m
            offset = (v == 0 && sign == "-") ? nil : (sign == "-" ? -v : v)
        }
        var offsetSeconds: Int? = nil
        if let o = offset {
            let magnitude = abs(o)
            offsetSeconds = (o < 0 ? -1 : 1) * ((magnitude / 100) * 3_600 + (magnitude % 100) * 60)
        }
        // What Python's datetime() would refuse.
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1,
              day <= daysInMonth(year: year, month: month), (0...23).contains(hour), (0...59).contains(minute),
              (0...59).contains(second) else { return nil }
        if let o = offsetSeconds, abs(o) >= 86_400 { return nil }
        return Components(year: year, month: month, day: day, hour: hour, minute: minute, second: second,
                          offsetSeconds: offsetSeconds)
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (the C library's `timegm`, at midnight UTC).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        var parts = tm()
        parts.tm_year = Int32(year - 1900)
        parts.tm_mon = Int32(month - 1)
        parts.tm_mday = Int32(day)
        return Int(timegm(&parts)) / 86_400
    }
}
