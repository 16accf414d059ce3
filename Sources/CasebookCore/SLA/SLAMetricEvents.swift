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
