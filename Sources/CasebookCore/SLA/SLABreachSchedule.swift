/// The breaches a ticket's SLA metrics are heading for, kept with the ticket's SLA row rather than in the metric
/// events feed until their instant passes. Zendesk records a breach ahead, at the instant it will happen, and marks it
/// deleted if the metric is fulfilled or paused first; the feed only ever shows events up to now. Keeping the breaches
/// ahead here means a calendar or policy change moves them by rewriting one column of rows it writes anyway; each
/// breach is written to the feed ("materialised") once its instant has passed, cancelled ones as deleted.
///
/// The newest breach already written to the feed is kept per metric (state `recorded`), so a re-evaluation can tell
/// that the current instance's breach is already on the record.
public struct SLABreachSchedule: Sendable, Equatable {
    public enum State: String, Sendable {
        /// Ahead (or due and not yet written to the feed).
        case pending = "p"
        /// Written to the feed.
        case recorded = "r"
        /// Will not happen; written to the feed as deleted once its instant passes.
        case cancelled = "x"
    }

    public struct Entry: Sendable, Equatable {
        public var metric: SLAMetric
        public var instance: Int
        public var at: Int64
        public var state: State

        public init(metric: SLAMetric, instance: Int, at: Int64, state: State) {
            self.metric = metric
            self.instance = instance
            self.at = at
            self.state = state
        }
    }

    public private(set) var entries: [Entry]

    public init(entries: [Entry] = []) {
        self.entries = entries
    }

    /// Reads the stored form ("metric:instance:at:state" joined by commas); malformed items are skipped.
    public init(encoded: String?) {
        guard let encoded, !encoded.isEmpty else {
            entries = []
            return
        }
        entries = encoded.split(separator: ",").compactMap { item in
            let parts = item.split(separator: ":")
            guard parts.count == 4, let metric = SLAMetric(rawValue: String(parts[0])), let instance = Int(parts[1]),
                  let at = Int64(parts[2]), let state = State(rawValue: String(parts[3])) else { return nil }
            return Entry(metric: metric, instance: instance, at: at, state: state)
        }
    }

    /// The stored form; nil when there is nothing to keep.
    public var encoded: String? {
        entries.isEmpty ? nil : entries.map { "\($0.metric.rawValue):\($0.instance):\($0.at):\($0.state.rawValue)" }.joined(separator: ",")
    }

    public var isEmpty: Bool { entries.isEmpty }

    /// The earliest instant at which an entry is to be written to the feed.
    public var dueAt: Int64? {
        var earliest: Int64?
        for entry in entries where entry.state != .recorded && entry.at < (earliest ?? .max) { earliest = entry.at }
        return earliest
    }

    /// The breaches that stand (pending or recorded), as `SLAMetricEvents.reevaluated` reads the feed. Their ids are
    /// negative, in entry order, so they never collide with stored events; `apply` maps them back.
    public var standing: [SLARecordedMetricEvent] {
        entries.indices.compactMap { i in
            let e = entries[i]
            guard e.state != .cancelled else { return nil }
            return SLARecordedMetricEvent(id: i - entries.count, metric: e.metric, instance: e.instance, kind: .breach, at: e.at)
        }
    }

    /// Schedules a breach. One already there (not cancelled) stays as it is; a cancelled one at the same instant is
    /// revived, so the feed shows the breach once and not deleted.
    public mutating func schedule(_ metric: SLAMetric, instance: Int, at: Int64) {
        if let i = entries.firstIndex(where: { $0.metric == metric && $0.instance == instance && $0.at == at }) {
            if entries[i].state == .cancelled { entries[i].state = .pending }
            return
        }
        entries.append(Entry(metric: metric, instance: instance, at: at, state: .pending))
    }

    /// Cancels the breach of `metric` scheduled at `at` (one not yet written to the feed).
    public mutating func cancel(_ metric: SLAMetric, at: Int64) {
        for i in entries.indices where entries[i].metric == metric && entries[i].at == at && entries[i].state == .pending {
            entries[i].state = .cancelled
        }
        dropRepeatedCancellations()
    }

    /// Whether the schedule might not agree with these states as of `now`: a running breach it lacks, or a breach
    /// ahead no running metric is heading for. When false, `SLAMetricEvents.reevaluated` (without phases, not applied)
    /// has nothing to do, which is the common case and checked without building anything.
    public func mayDisagree(with states: [SLAMetricState], now: Int64) -> Bool {
        for state in states {
            guard let breach = state.runningBreachAt else { continue }
            if !entries.contains(where: { $0.metric == state.metric && $0.at == breach && $0.state != .cancelled }) { return true }
        }
        for entry in entries where entry.state != .cancelled && entry.at > now {
            if !states.contains(where: { $0.metric == entry.metric && $0.runningBreachAt == entry.at }) { return true }
        }
        return false
    }

    /// Applies a re-evaluation's breach moves, cancellations and new breaches (judged on `standing`, possibly with
    /// stored events of positive ids alongside). Returns the other events it adds, which go to the feed directly.
    public mutating func apply(_ events: SLAReevaluationEvents) -> [(draft: SLAMetricEventDraft, instance: Int)] {
        let count = entries.count
        func index(_ id: Int) -> Int? {
            let i = id + count
            return id < 0 && entries.indices.contains(i) ? i : nil
        }
        for move in events.moved {
            if let i = index(move.id) { entries[i].at = move.at }
        }
        for id in events.cancelled {
            if let i = index(id), entries[i].state == .pending { entries[i].state = .cancelled }
        }
        var others: [(draft: SLAMetricEventDraft, instance: Int)] = []
        for added in events.added {
            if added.draft.kind == .breach {
                schedule(added.draft.metric, instance: added.instance, at: added.draft.at)
            } else {
                others.append(added)
            }
        }
        dropRepeatedCancellations()
        return others
    }

    /// Brings the schedule in line with states computed under new rules (same policy, nothing to re-announce): what
    /// `apply(SLAMetricEvents.reevaluated(recorded: standing, phasesKnown: false, after: states, applied: false))`
    /// does, worked out directly on the entries — this runs for every ticket of a bulk re-evaluation. A breach ahead
    /// of the current instance moves to its new instant; one nothing heads for any more is cancelled; a running
    /// metric without one gets one, unless it is past and this instance's breach is already on the record.
    public mutating func reconcile(with states: [SLAMetricState], now: Int64) {
        guard mayDisagree(with: states, now: now) else { return }
        var metrics: [SLAMetric] = []
        for entry in entries where entry.state != .cancelled && !metrics.contains(entry.metric) { metrics.append(entry.metric) }
        for state in states where !metrics.contains(state.metric) { metrics.append(state.metric) }
        var additions: [Entry] = []
        for metric in SLAMetric.allCases where metrics.contains(metric) {
            let standing = entries.indices.filter { entries[$0].metric == metric && entries[$0].state != .cancelled }
            let instance = standing.map { entries[$0].instance }.max() ?? (metric == .nextReplyTime ? 2 : 1)
            let newBreach = states.first { $0.metric == metric }?.runningBreachAt
            var stale = standing.filter { entries[$0].at > now && entries[$0].at != newBreach }
            if let newBreach, !standing.contains(where: { entries[$0].at == newBreach }),
               newBreach > now || !standing.contains(where: { entries[$0].at <= now && entries[$0].instance == instance }) {
                if let k = stale.firstIndex(where: { entries[$0].instance == instance }) {
                    entries[stale.remove(at: k)].at = newBreach
                } else {
                    additions.append(Entry(metric: metric, instance: instance, at: newBreach, state: .pending))
                }
            }
            for i in stale where entries[i].state == .pending { entries[i].state = .cancelled }
        }
        for entry in additions { schedule(entry.metric, instance: entry.instance, at: entry.at) }
        dropRepeatedCancellations()
    }

    /// What is due by `now` to be written to the feed: pending breaches (then kept as recorded) and cancelled ones
    /// (written as deleted, then dropped). Only the newest recorded instance per metric is kept afterwards.
    public mutating func takeDue(now: Int64) -> [Entry] {
        var due: [Entry] = []
        var kept: [Entry] = []
        for var entry in entries {
            if entry.state != .recorded && entry.at <= now {
                due.append(entry)
                guard entry.state == .pending else { continue }
                entry.state = .recorded
            }
            kept.append(entry)
        }
        var newest: [SLAMetric: Int] = [:]
        for entry in kept where entry.state == .recorded { newest[entry.metric] = max(newest[entry.metric] ?? .min, entry.instance) }
        entries = kept.filter { $0.state != .recorded || $0.instance == newest[$0.metric] }
        return due.sorted { ($0.at, $0.metric.rawValue) < ($1.at, $1.metric.rawValue) }
    }

    /// Two cancelled breaches of the same metric, instance and instant say the same thing: keep one.
    private mutating func dropRepeatedCancellations() {
        var seen: [String] = []
        entries = entries.filter { entry in
            guard entry.state == .cancelled else { return true }
            let key = "\(entry.metric.rawValue):\(entry.instance):\(entry.at)"
            if seen.contains(key) { return false }
            seen.append(key)
            return true
        }
    }
}
