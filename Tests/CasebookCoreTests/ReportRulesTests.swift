import Testing
@testable import CasebookCore

/// The reports' definitions on hand-made data: what counts as a reply, a reopen, first-contact resolution, business
/// hours, percentiles; and the filter, the chart and the CSV.
@Suite("Report rules")
struct ReportRulesTests {
    static let hour: Int64 = 3_600_000
    /// Friday 2026-11-20 16:00 UTC.
    static let friday4pm = ReportFilter.parseDay("2026-11-20")! + 16 * hour
    static let officeHours = BusinessCalendar(timeZone: "UTC", intervals: BusinessCalendar.WeeklyInterval.on(1...5, from: 9 * 60, to: 17 * 60))

    @Test("a ticket solved with one reply and then reopened is not first-contact resolved")
    func reopenedIsNotFirstContact() {
        let created = Self.friday4pm
        let solvedOnce = TicketReportFacts.derive(
            createdAt: created, status: "solved",
            changes: [.init(at: created, from: nil, to: "new"), .init(at: created + Self.hour / 2, from: "new", to: "solved")],
            staffPublicReplies: [created + Self.hour / 2], calendar: .always)
        #expect(solvedOnce.firstContactResolved && solvedOnce.oneTouch && !solvedOnce.twoTouch)

        let reopened = TicketReportFacts.derive(
            createdAt: created, status: "solved",
            changes: [.init(at: created, from: nil, to: "new"), .init(at: created + Self.hour, from: "new", to: "solved"),
                      .init(at: created + 2 * Self.hour, from: "solved", to: "open"), .init(at: created + 3 * Self.hour, from: "open", to: "solved")],
            staffPublicReplies: [created + Self.hour], calendar: .always)
        #expect(reopened.reopens == 1)
        #expect(!reopened.firstContactResolved, "reopened")
        #expect(reopened.oneTouch, "still one touch")
        #expect(reopened.solvedAt == created + 3 * Self.hour, "the last solve counts")
        #expect(reopened.resolutionMinutes == 180)
    }

    @Test("business hours exclude the weekend")
    func weekendExcluded() {
        let created = Self.friday4pm
        let mondayTen = created + (2 * 24 + 18) * Self.hour
        let facts = TicketReportFacts.derive(
            createdAt: created, status: "solved",
            changes: [.init(at: created, from: nil, to: "new"), .init(at: mondayTen, from: "open", to: "solved")],
            staffPublicReplies: [mondayTen], calendar: Self.officeHours)
        #expect(facts.firstReplyMinutes == 120, "Friday 16–17 and Monday 9–10: \(String(describing: facts.firstReplyMinutes))")
        #expect(facts.resolutionMinutes == 120)
        let aroundTheClock = TicketReportFacts.derive(createdAt: created, status: "open", changes: [], staffPublicReplies: [mondayTen], calendar: .always)
        #expect(aroundTheClock.firstReplyMinutes == 66 * 60)
        #expect(aroundTheClock.solvedAt == nil && aroundTheClock.resolutionMinutes == nil)
    }

    @Test("no public staff reply: no first reply, zero touches; closed counts as solved")
    func noReply() {
        let facts = TicketReportFacts.derive(createdAt: 0, status: "closed", changes: [], staffPublicReplies: [], fallbackSolvedAt: 5 * 60_000,
                                             calendar: .always)
        #expect(facts.firstReplyAt == nil && facts.replies == 0)
        #expect(facts.isSolved && !facts.firstContactResolved && !facts.oneTouch)
        #expect(facts.resolutionMinutes == 5, "an imported solved ticket without history uses its solved_at")
    }

    @Test("nearest-rank percentiles through buckets equal sorting every value")
    func percentilesThroughBuckets() {
        var generator = SystemRandomNumberGenerator()
        for n in [1, 2, 3, 10, 101, 1000] {
            let values = (0..<n).map { _ in Int.random(in: 0...200_000, using: &generator) }
            var histogram: [Int: [Int]] = [:]
            for v in values { histogram[DurationBuckets.bucket(minutes: v), default: []].append(v) }
            let counts = histogram.map { (bucket: $0.key, count: $0.value.count) }
            func viaBuckets(_ p: Double) -> Int? {
                let rank = DurationBuckets.rank(percentile: p, count: n)
                guard let (bucket, below) = DurationBuckets.locate(rank: rank, in: counts) else { return nil }
                return histogram[bucket]!.sorted()[rank - below - 1]
            }
            let exact = DurationSummary(values: values)
            #expect(viaBuckets(0.5) == exact.medianMinutes, "median of \(n)")
            #expect(viaBuckets(0.9) == exact.p90Minutes, "p90 of \(n)")
        }
        #expect(DurationSummary(values: [10, 30, 120]) == DurationSummary(count: 3, medianMinutes: 30, p90Minutes: 120))
        #expect(DurationSummary(values: [1, 2, 3, 4]).medianMinutes == 2, "nearest rank takes the lower middle")
    }

    @Test("buckets are ordered and exact below an hour")
    func bucketsOrdered() {
        var last = -1
        for m in 0..<200_000 {
            let b = DurationBuckets.bucket(minutes: m)
            #expect(b >= last)
            if b < last { break }
            last = b
        }
        #expect(DurationBuckets.bucket(minutes: 59) == 59 && DurationBuckets.bucket(minutes: 64) == 64)
        #expect(DurationBuckets.bucket(minutes: 525_600) < 200, "a year stays in a small number of buckets")
    }

    @Test("the filter reads dates and lists, names every bad value, and writes itself back")
    func filterParsing() throws {
        let now = Self.friday4pm
        let filter = try ReportFilter.parse([("from", "2026-11-01"), ("to", "2026-11-20"), ("group_id", "3,4"), ("tags", "VIP"),
                                             ("priority", "urgent")], now: now)
        #expect(filter.start == ReportFilter.parseDay("2026-11-01"))
        #expect(filter.end == ReportFilter.parseDay("2026-11-21"), "to is included")
        #expect(filter.groupIDs == [3, 4] && filter.tags == ["vip"] && filter.priorities == ["urgent"])
        #expect(filter.queryString == "from=2026-11-01&to=2026-11-20&group_id=3,4&priority=urgent&tags=vip")
        #expect(filter.days.count == 20)
        let defaults = try ReportFilter.parse([], now: now)
        #expect(defaults.days.count == 30 && ReportFilter.dayText(defaults.end - 1) == "2026-11-20")
        #expect(throws: FieldErrors.self) { try ReportFilter.parse([("from", "2026-13-01")], now: now) }
        do {
            _ = try ReportFilter.parse([("from", "2026-11-20"), ("to", "2026-11-01"), ("agent_id", "x"), ("priority", "meh")], now: now)
            Issue.record("accepted")
        } catch {
            #expect(Set(error.details.keys) == ["to", "agent_id", "priority"], "\(error.details.keys)")
        }
        #expect(throws: FieldErrors.self) { try ReportFilter.parse([("from", "2024-01-01"), ("to", "2026-01-01")], now: now) }
        #expect(ReportFilter.parseDay("2026-02-30") == nil)
        #expect(ReportFilter.dayText(ReportFilter.parseDay("1999-12-31")!) == "1999-12-31")
    }

    @Test("the chart is SVG with every text escaped and one mark per value")
    func svgChart() {
        let chart = ReportChart(kind: .bars, title: "Tickets <by> \"band\"", unit: "tickets", categories: ["a<b", "c&d"],
                                series: [.init("Replied <script>", [3, nil]), .init("Other", [1, 2])])
        let svg = SVGChart.render(chart, id: "x")
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.hasSuffix("</svg>"))
        #expect(!svg.contains("<script") && svg.contains("Replied &lt;script&gt;"))
        #expect(svg.contains("a&lt;b") && svg.contains("c&amp;d") && svg.contains("Tickets &lt;by&gt;"))
        #expect(svg.components(separatedBy: "<rect x=").count - 1 == 3 + 2, "three bars and two legend keys")
        let stacked = SVGChart.render(ReportChart(kind: .stacked, title: "t", unit: "u", categories: ["1"], series: [.init("a", [2]), .init("b", [3])]), id: "s")
        #expect(stacked.contains("1 · b: 3"))
        let lines = SVGChart.render(ReportChart(kind: .lines, title: "t", unit: "u", categories: ["d1", "d2"], series: [.init("a", [1, 4])]), id: "l")
        #expect(lines.contains("<polyline"))
        let empty = SVGChart.render(ReportChart(kind: .lines, title: "t", unit: "u", categories: [], series: []), id: "e")
        #expect(empty.contains("No data in this range"))
    }

    @Test("the CSV quotes, guards formulas and keeps numbers")
    func csv() {
        let table = ReportTable(columns: [.init("name", "Name"), .init("n", "N"), .init("share", "Share")],
                                rows: [[.text("=cmd()"), .count(-3), .percent(nil)], [.text("a, \"b\""), .count(4), .percent(33.333)]])
        #expect(table.csv == "name,n,share\r\n'=cmd(),-3,\r\n\"a, \"\"b\"\"\",4,33.33\r\n")
        #expect(ReportCell.share(1, of: 3).display == "33.3 %" && ReportCell.share(1, of: 0).display == "—")
        #expect(ReportCell.hours(1.25).display == "1.3 h" || ReportCell.hours(1.25).display == "1.2 h")
        #expect(ReportCell.fixed(-0.04, 1) == "0.0" && ReportCell.fixed(2.05, 2) == "2.05")
    }
}
