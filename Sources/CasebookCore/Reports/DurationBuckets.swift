/// Durations (in business minutes) are kept with a bucket number so a report finds a percentile without sorting every
/// ticket: one `GROUP BY bucket` gives the histogram, the histogram names the one bucket that holds the wanted rank,
/// and only that bucket's values are then read in order. Buckets are exact up to an hour, then about 9 % wide.
public enum DurationBuckets {
    public static func bucket(minutes: Int) -> Int {
        guard minutes >= 64 else { return max(0, minutes) }
        // 8 buckets per doubling above 64 minutes.
        var lower = 64.0
        var index = 64
        let m = Double(minutes)
        while true {
            let step = lower / 8
            for _ in 0..<8 {
                if m < lower + step { return index }
                lower += step
                index += 1
            }
        }
    }

    /// Nearest-rank percentile's rank (1-based) among `count` values: the smallest rank r with r/count ≥ p.
    public static func rank(percentile p: Double, count: Int) -> Int {
        guard count > 0 else { return 0 }
        return min(count, max(1, Int((p * Double(count)).rounded(.up))))
    }

    /// Which bucket holds the value of `rank` (1-based), and how many values lie in lower buckets.
    /// `histogram` is (bucket, count) in any order.
    public static func locate(rank: Int, in histogram: [(bucket: Int, count: Int)]) -> (bucket: Int, below: Int)? {
        var below = 0
        for entry in histogram.sorted(by: { $0.bucket < $1.bucket }) {
            if below + entry.count >= rank { return (entry.bucket, below) }
            below += entry.count
        }
        return nil
    }
}

/// Median and 90th percentile, nearest rank: the value at rank ⌈p·n⌉ of the sorted values.
public struct DurationSummary: Sendable, Equatable {
    public var count: Int
    public var medianMinutes: Int?
    public var p90Minutes: Int?

    public init(count: Int, medianMinutes: Int?, p90Minutes: Int?) {
        self.count = count
        self.medianMinutes = medianMinutes
        self.p90Minutes = p90Minutes
    }

    /// The same numbers straight from the values (for tests and small sets).
    public init(values: [Int]) {
        let sorted = values.sorted()
        count = sorted.count
        medianMinutes = sorted.isEmpty ? nil : sorted[DurationBuckets.rank(percentile: 0.5, count: count) - 1]
        p90Minutes = sorted.isEmpty ? nil : sorted[DurationBuckets.rank(percentile: 0.9, count: count) - 1]
    }
}
