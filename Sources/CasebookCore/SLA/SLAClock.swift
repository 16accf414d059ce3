/// Where one SLA target stands for a ticket at a given moment.
public struct SLAMetricState: Sendable, Hashable {
    public enum Stage: Sendable, Hashable {
        /// Nothing to measure yet: next reply before the customer has answered an agent.
        case notStarted
        /// Running and within target; breaches at `breachAt` unless fulfilled first.
        case active(breachAt: Int64)
        /// Stopped by a pausing status (or, for requester wait, pending) with this much target time left.
        case paused(remainingMillis: Int64)
        /// The target passed at `at` and nothing has fulfilled it yet; `running` tells whether the clock is
        /// still going (false while paused), which is what makes the breach get worse.
        case breached(at: Int64, running: Bool)
        /// Done at `at`: by the reply, the agent update or the (last) solve; `breached` if that came after the target.
        case fulfilled(at: Int64, breached: Bool)
    }

    public var metric: SLAMetric
    public var targetMinutes: Int
    public var businessHours: Bool
    public var stage: Stage
    /// Whether any instance so far breached, including earlier next-reply or periodic-update instances that
    /// were later fulfilled: reports count every breach, while the stage only shows the current instance.
    public var hadBreach: Bool

    public init(metric: SLAMetric, targetMinutes: Int, businessHours: Bool, stage: Stage, hadBreach: Bool) {
        self.metric = metric
        self.targetMinutes = targetMinutes
        self.businessHours = businessHours
        self.stage = stage
        self.hadBreach = hadBreach
    }

    /// The current instance has breached (fulfilled late, or overdue and still unfulfilled).
    public var isBreached: Bool {
        switch stage {
        case .breached, .fulfilled(_, true): true
        default: false
        }
    }

    /// The instant the running clock breaches or breached; nil when nothing is running toward a breach.
    public var runningBreachAt: Int64? {
        switch stage {
        case .active(let at), .breached(let at, true): at
        default: nil
        }
    }
}

extension Sequence where Element == SLAMetricState {
    /// The earliest breach instant among running timers, overdue ones included (their instant is in the past),
    /// so a view sorted by it shows the most overdue tickets first and then those about to breach. Paused and
    /// fulfilled timers do not count: nothing about them is getting closer.
    public var nextBreachAt: Int64? { compactMap(\.runningBreachAt).min() }

    /// Whether any target's current instance has breached.
    public var isBreached: Bool { contains { $0.isBreached } }
}

/// The SLA clock: replays a ticket's history against its targets.
///
/// Semantics (Zendesk's, as Casebook applies them):
/// - Time counts in the calendar's open hours when a target is in business hours, otherwise every millisecond.
/// - Solving (or closing) stops every timer. Running instances of first reply, next reply and periodic update are
///   fulfilled at the solve (a solved ticket owes no reply); the cumulative ones (requester wait, full resolution)
///   pick up where they left off if the ticket is reopened and are fulfilled at the last solve.
/// - `pauseOn` statuses stand still for first reply, next reply, periodic update and full resolution.
/// - first_reply_time: from creation to the first agent public reply.
/// - next_reply_time: from a requester comment that follows an agent public reply (the customer answering) to the
///   next agent public reply. Further requester comments do not restart it: the oldest unanswered one counts.
/// - periodic_update_time: from creation, and again from each agent update (public reply or internal note), to
///   the next agent update, while the ticket is unsolved; reopening starts a fresh instance.
/// - requester_wait_time: time spent in new, open or hold, never pending (the customer owes the answer then),
///   regardless of `pauseOn`.
/// - full_resolution_time: time from creation to the last solve, minus `pauseOn` statuses.
/// - A target is breached when its counted time reaches the target before it is fulfilled; fulfilment at the
///   very instant the target is reached is in time.
public enum SLAClock {
    /// States for `targets` (normally `policy.targets(for: ticket.priority)`), in the same order, as of `now`.
    /// Events after `now` are ignored, so a past moment can be replayed.
    public static func evaluate(history: SLAHistory, targets: [SLATarget], pauseOn: Set<TicketStatus>,
                                calendar: BusinessCalendar = .always, now: Int64) -> [SLAMetricState] {
        targets.map { target in
            let meter = Meter(calendar: target.businessHours ? calendar : nil)
            let (stage, hadBreach) = replay(target.metric, millis: Int64(target.targetMinutes) * 60_000,
                                            history: history, pauseOn: pauseOn, meter: meter, now: now)
            return SLAMetricState(metric: target.metric, targetMinutes: target.targetMinutes,
                                  businessHours: target.businessHours, stage: stage, hadBreach: hadBreach)
        }
    }

    private static func replay(_ metric: SLAMetric, millis target: Int64, history: SLAHistory, pauseOn: Set<TicketStatus>,
                               meter: Meter, now: Int64) -> (SLAMetricState.Stage, Bool) {
        let cumulative = metric == .requesterWaitTime || metric == .fullResolutionTime
        // Decided once per replay rather than per event: Set look-ups and TicketStatus's `<` cost more than the
        // rest of the replay together.
        let pausesPending = pauseOn.contains(.pending), pausesHold = pauseOn.contains(.hold)
        func counts(_ status: TicketStatus) -> Bool {
            switch status {
            case .new, .open: true
            case .pending: metric != .requesterWaitTime && !pausesPending
            case .hold: metric == .requesterWaitTime || !pausesHold
            case .solved, .closed: false
            }
        }
        var status = TicketStatus.new
        var watch: Stopwatch? = metric == .nextReplyTime ? nil : Stopwatch(target: target, runningSince: history.createdAt)
        var finished: (at: Int64, breached: Bool)?
        var hadBreach = false
        var agentReplied = false

        func fulfil(at t: Int64) {
            guard var w = watch else { return }
            w.run(false, at: t, meter)
            let breached = w.breachAt.map { $0 < t } ?? false
            finished = (t, breached)
            hadBreach = hadBreach || breached
            watch = cumulative ? w : nil
        }
        func start(at t: Int64) {
            var w = Stopwatch(target: target)
            w.run(counts(status), at: t, meter)
            watch = w
        }

        for event in history.events {
            guard event.at <= now else { break }
            let t = event.at
            switch event.kind {
            case .status(let next):
                let reopened = status.isDone && !next.isDone
                let solving = !status.isDone && next.isDone
                status = next
                if solving {
                    fulfil(at: t)
                } else if reopened, metric == .periodicUpdateTime {
                    start(at: t)
                } else {
                    watch?.run(counts(next), at: t, meter)
                }
            case .agentPublicReply, .agentInternalNote:
                let isPublic = event.kind == .agentPublicReply
                switch metric {
                case .firstReplyTime where isPublic, .nextReplyTime where isPublic:
                    fulfil(at: t)
                    agentReplied = true
                case .periodicUpdateTime:
                    fulfil(at: t)
                    if !status.isDone { start(at: t) }
                default: break
                }
            case .requesterComment:
                if metric == .nextReplyTime, agentReplied, watch == nil { start(at: t) }
            }
        }

        guard let watch else {
            return (finished.map { .fulfilled(at: $0.at, breached: $0.breached) } ?? .notStarted, hadBreach)
        }
        if cumulative, status.isDone, let finished {
            return (.fulfilled(at: finished.at, breached: finished.breached), hadBreach)
        }
        let stage = watch.stage(now: now, meter)
        if case .breached = stage { hadBreach = true }
        return (stage, hadBreach)
    }
}

extension TicketStatus {
    /// Solved or closed: every SLA timer has stopped.
    var isDone: Bool { self == .solved || self == .closed }
}

/// Measures either business time (with a calendar) or plain elapsed time.
struct Meter {
    let calendar: BusinessCalendar?

    func measure(_ from: Int64, _ to: Int64) -> Int64 {
        guard let calendar else { return max(0, to - from) }
        return calendar.businessMillis(from: from, to: to)
    }

    func adding(_ millis: Int64, to start: Int64) -> Int64 {
        guard let calendar else {
            let (t, overflow) = start.addingReportingOverflow(max(0, millis))
            return overflow ? .max : t
        }
        return calendar.adding(businessMillis: millis, to: start)
    }
}

/// One timer instance: counted time so far, whether it is running, and when (if yet) it reached its target.
struct Stopwatch {
    let target: Int64
    var elapsed: Int64 = 0
    var runningSince: Int64?
    /// Set once a stopped segment has carried the count to the target.
    var breachAt: Int64?

    mutating func run(_ on: Bool, at t: Int64, _ meter: Meter) {
        if on {
            if runningSince == nil { runningSince = t }
            return
        }
        guard let since = runningSince else { return }
        let segment = meter.measure(since, t)
        if breachAt == nil, elapsed + segment >= target {
            breachAt = meter.adding(target - elapsed, to: since)
        }
        elapsed += segment
        runningSince = nil
    }

    func stage(now: Int64, _ meter: Meter) -> SLAMetricState.Stage {
        if let breachAt { return .breached(at: breachAt, running: runningSince != nil) }
        guard let since = runningSince else { return .paused(remainingMillis: target - elapsed) }
        let due = meter.adding(target - elapsed, to: since)
        return now > due ? .breached(at: due, running: true) : .active(breachAt: due)
    }
}

/// What an escalation job should act on: timers that have breached and are still unfulfilled, or that will
/// breach within the lead time.
public enum SLAEscalationCheck {
    public struct Due: Sendable, Hashable {
        public var metric: SLAMetric
        public var breachAt: Int64
        public var isBreached: Bool

        public init(metric: SLAMetric, breachAt: Int64, isBreached: Bool) {
            self.metric = metric
            self.breachAt = breachAt
            self.isBreached = isBreached
        }
    }

    /// Soonest first. Paused timers within target are left out (nothing approaches while paused), as are
    /// fulfilled ones (too late to help).
    public static func due(_ states: [SLAMetricState], now: Int64, leadMinutes: Int) -> [Due] {
        let horizon = now.addingReportingOverflow(Int64(leadMinutes) * 60_000)
        return states.compactMap { state -> Due? in
            switch state.stage {
            case .breached(let at, _):
                return Due(metric: state.metric, breachAt: at, isBreached: true)
            case .active(let at) where horizon.overflow || at <= horizon.partialValue:
                return Due(metric: state.metric, breachAt: at, isBreached: false)
            default:
                return nil
            }
        }.sorted { $0.breachAt < $1.breachAt }
    }
}
