/// One entry of Zendesk's ticket metric events feed, before it is stored: a metric started, paused, was fulfilled,
/// had a policy applied, or breaches (breaches are recorded ahead, at the instant they will happen, and cancelled if
/// the metric is fulfilled or paused first, as Zendesk does).
public struct SLAMetricEventDraft: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case activate, pause, fulfill, breach
        case applySLA = "apply_sla"
    }

    public var metric: SLAMetric
    public var kind: Kind
    public var at: Int64
    /// For `apply_sla`: the target and whether it counts business hours.
    public var targetMinutes: Int?
    public var businessHours: Bool?

    public init(metric: SLAMetric, kind: Kind, at: Int64, targetMinutes: Int? = nil, businessHours: Bool? = nil) {
        self.metric = metric
        self.kind = kind
        self.at = at
        self.targetMinutes = targetMinutes
        self.businessHours = businessHours
    }

    /// Zendesk's metric name: first and next reply are both `reply_time` (instance 1 is the first reply).
    public var zendeskMetric: String {
        switch metric {
        case .firstReplyTime, .nextReplyTime: "reply_time"
        case .periodicUpdateTime: "periodic_update_time"
        case .requesterWaitTime: "requester_wait_time"
        case .fullResolutionTime: "resolution_time"
        }
    }
}

/// What the metric events feed records for one change: the drafts to add and the scheduled breaches that will no
/// longer happen.
public struct SLAMetricEventChanges: Sendable, Equatable {
    public var added: [SLAMetricEventDraft] = []
    /// (metric, breach instant) of breach events recorded ahead that the change made moot.
    public var cancelledBreaches: [SLAMetricEventCancel] = []

    public var isEmpty: Bool { added.isEmpty && cancelledBreaches.isEmpty }
}

public struct SLAMetricEventCancel: Sendable, Equatable {
    public var metric: SLAMetric
    public var at: Int64
}

public enum SLAMetricEvents {
    private enum Phase { case idle, running, paused, done }

    private static func phase(_ stage: SLAMetricState.Stage?) -> Phase {
        switch stage {
        case nil, .notStarted?: .idle
        case .active?, .breached(_, true)?: .running
        case .paused?, .breached(_, false)?: .paused
        case .fulfilled?: .done
        }
    }

    /// Compares the states before a change with those after it (both as of `now`). `policyChanged` when the ticket
    /// got a policy or a different one: every target of the new policy is announced with `apply_sla`.
    public static func changes(before: [SLAMetricState], after: [SLAMetricState], policyChanged: Bool, at now: Int64) -> SLAMetricEventChanges {
        var changes = SLAMetricEventChanges()
        let old = Dictionary(before.map { ($0.metric, $0) }, uniquingKeysWith: { first, _ in first })
        let new = Dictionary(after.map { ($0.metric, $0) }, uniquingKeysWith: { first, _ in first })
        if policyChanged {
            for state in after {
                changes.added.append(SLAMetricEventDraft(metric: state.metric, kind: .applySLA, at: now,
                                                         targetMinutes: state.targetMinutes, businessHours: state.businessHours))
            }
        }
        for metric in SLAMetric.allCases where old[metric] != nil || new[metric] != nil {
            let was = old[metric], now_ = new[metric]
            let from = phase(was?.stage), to = phase(now_?.stage)
            let oldBreach = was?.runningBreachAt, newBreach = now_?.runningBreachAt
            // A new instance of a repeating target (the next reply after a reply, the next update after a note)
            // shows as running before and after with a different breach instant.
            let restarted = from == .running && to == .running && oldBreach != newBreach && !policyChanged
                && (metric == .nextReplyTime || metric == .periodicUpdateTime)
            switch (from, to) {
            case (.running, .paused), (.running, .idle):
                changes.added.append(SLAMetricEventDraft(metric: metric, kind: .pause, at: now))
            case (.running, .done), (.paused, .done):
                changes.added.append(SLAMetricEventDraft(metric: metric, kind: .fulfill, at: now))
            case (.idle, .running), (.paused, .running), (.done, .running):
                changes.added.append(SLAMetricEventDraft(metric: metric, kind: .activate, at: now))
            default:
                if restarted {
                    changes.added.append(SLAMetricEventDraft(metric: metric, kind: .fulfill, at: now))
                    changes.added.append(SLAMetricEventDraft(metric: metric, kind: .activate, at: now))
                }
            }
            // Breaches: recorded at the instant the running clock reaches the target; a breach still ahead that
            // will not happen any more (fulfilled, paused, a new target) is cancelled.
            if oldBreach != newBreach {
                if let oldBreach, oldBreach > now { changes.cancelledBreaches.append(SLAMetricEventCancel(metric: metric, at: oldBreach)) }
                // A breach already past is recorded once: when it was scheduled, or now if it was never scheduled.
                if let newBreach, newBreach > now || !(was?.isBreached ?? false) {
                    changes.added.append(SLAMetricEventDraft(metric: metric, kind: .breach, at: newBreach))
                }
            }
        }
        return changes
    }
}

/// A metric event already in the feed, as a re-evaluation reads it back (breaches cancelled before are left out).
public struct SLARecordedMetricEvent: Sendable, Equatable {
    public var id: Int
    public var metric: SLAMetric
    public var instance: Int
    public var kind: SLAMetricEventDraft.Kind
    public var at: Int64

    public init(id: Int, metric: SLAMetric, instance: Int, kind: SLAMetricEventDraft.Kind, at: Int64) {
        self.id = id
        self.metric = metric
        self.instance = instance
        self.kind = kind
        self.at = at
    }
}

/// What a re-evaluation adds to the feed for one ticket: drafts with their instance, the ids of the scheduled
/// breaches it cancels, and scheduled breaches it moves to a new instant.
public struct SLAReevaluationEvents: Sendable, Equatable {
    public var added: [(draft: SLAMetricEventDraft, instance: Int)] = []
    public var cancelled: [Int] = []
    public var moved: [SLAMovedBreach] = []

    public var isEmpty: Bool { added.isEmpty && cancelled.isEmpty && moved.isEmpty }

    public static func == (a: Self, b: Self) -> Bool {
        a.cancelled == b.cancelled && a.moved == b.moved && a.added.map(\.draft) == b.added.map(\.draft)
            && a.added.map(\.instance) == b.added.map(\.instance)
    }
}

/// A breach recorded ahead whose instant changed before anyone could see it (the feed shows events up to now): the
/// event keeps its id and takes the new instant.
public struct SLAMovedBreach: Sendable, Equatable {
    public var id: Int
    public var at: Int64
}

extension SLAMetricEvents {
    /// The events of a re-evaluation (a policy, schedule or group's hours changed; the ticket's own history did not),
    /// judged against what the feed already holds for the ticket rather than against states computed under rules that
    /// no longer exist.
    ///
    /// - `recorded`: the ticket's events still standing. When `phasesKnown` is false only its breaches were read
    ///   (the policy stayed the same, so no metric started, paused or finished): then only breaches move.
    /// - `applied`: the policy is new to the ticket or was edited since the ticket was last computed; every target
    ///   is announced again with `apply_sla`, as Zendesk does when a policy is (re)applied.
    public static func reevaluated(recorded: [SLARecordedMetricEvent], phasesKnown: Bool, after: [SLAMetricState],
                                   applied: Bool, at now: Int64) -> SLAReevaluationEvents {
        var result = SLAReevaluationEvents()
        let byMetric = Dictionary(grouping: recorded.sorted { $0.id < $1.id }, by: \.metric)
        let new = Dictionary(after.map { ($0.metric, $0) }, uniquingKeysWith: { first, _ in first })
        func firstInstance(_ metric: SLAMetric) -> Int { metric == .nextReplyTime ? 2 : 1 }
        var instances: [SLAMetric: Int] = [:]
        for metric in SLAMetric.allCases {
            let events = byMetric[metric] ?? []
            instances[metric] = events.map(\.instance).max() ?? firstInstance(metric)
        }
        if applied {
            for state in after {
                result.added.append((SLAMetricEventDraft(metric: state.metric, kind: .applySLA, at: now,
                                                         targetMinutes: state.targetMinutes, businessHours: state.businessHours),
                                     instances[state.metric] ?? 1))
            }
        }
        for metric in SLAMetric.allCases where byMetric[metric] != nil || new[metric] != nil {
            let events = byMetric[metric] ?? []
            var instance = instances[metric] ?? firstInstance(metric)
            let state = new[metric]
            if phasesKnown {
                let last = events.last { $0.kind == .activate || $0.kind == .pause || $0.kind == .fulfill }?.kind
                let from: Phase = switch last { case .activate?: .running; case .pause?: .paused; case .fulfill?: .done; default: .idle }
                let to = phase(state?.stage)
                switch (from, to) {
                case (.running, .paused), (.running, .idle):
                    result.added.append((SLAMetricEventDraft(metric: metric, kind: .pause, at: now), instance))
                case (.running, .done), (.paused, .done):
                    result.added.append((SLAMetricEventDraft(metric: metric, kind: .fulfill, at: now), instance))
                case (.idle, .running), (.paused, .running), (.done, .running):
                    if from == .done && (metric == .nextReplyTime || metric == .periodicUpdateTime) { instance += 1 }
                    result.added.append((SLAMetricEventDraft(metric: metric, kind: .activate, at: now), instance))
                default:
                    break
                }
            }
            // Breaches: those still ahead that will not happen at that instant any more are cancelled; the new
            // instant is recorded unless it is already there, or it is past and this instance's breach was recorded.
            // A pending breach of the same instance that is not seen yet is moved rather than cancelled and re-added.
            let breaches = events.filter { $0.kind == .breach }
            let newBreach = state?.runningBreachAt
            var stale = breaches.filter { $0.at > now && $0.at != newBreach }
            if let newBreach, !breaches.contains(where: { $0.at == newBreach }),
               newBreach > now || !breaches.contains(where: { $0.at <= now && $0.instance == instance }) {
                if let index = stale.firstIndex(where: { $0.instance == instance }) {
                    result.moved.append(SLAMovedBreach(id: stale.remove(at: index).id, at: newBreach))
                } else {
                    result.added.append((SLAMetricEventDraft(metric: metric, kind: .breach, at: newBreach), instance))
                }
            }
            result.cancelled += stale.map(\.id)
        }
        return result
    }
}
