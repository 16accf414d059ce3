import Testing
@testable import CasebookCore

private func running(_ metric: SLAMetric, _ at: Int64) -> SLAMetricState {
    SLAMetricState(metric: metric, targetMinutes: 60, businessHours: false, stage: .active(breachAt: at), hadBreach: false)
}

private func items(_ schedule: SLABreachSchedule) -> [String] {
    schedule.entries.map { "\($0.metric.rawValue)#\($0.instance)@\($0.at)\($0.state.rawValue)" }
}

@Test("the stored form round-trips and skips what it cannot read")
func breachScheduleEncoding() {
    var schedule = SLABreachSchedule()
    #expect(schedule.encoded == nil && schedule.dueAt == nil)
    schedule.schedule(.firstReplyTime, instance: 1, at: 3_600)
    schedule.schedule(.nextReplyTime, instance: 4, at: 9_000)
    let text = schedule.encoded
    #expect(text == "first_reply_time:1:3600:p,next_reply_time:4:9000:p")
    #expect(SLABreachSchedule(encoded: text) == schedule)
    #expect(items(SLABreachSchedule(encoded: "nonsense,first_reply_time:1:x:p,full_resolution_time:1:50:r,:::")) == ["full_resolution_time#1@50r"])
    #expect(schedule.dueAt == 3_600)
}

@Test("a cancelled breach is written to the feed as deleted when due; a rescheduled one is revived, not repeated")
func breachScheduleCancelAndRevive() {
    var schedule = SLABreachSchedule()
    schedule.schedule(.fullResolutionTime, instance: 1, at: 7_200)
    schedule.cancel(.fullResolutionTime, at: 7_200)
    #expect(items(schedule) == ["full_resolution_time#1@7200x"])
    #expect(schedule.standing.isEmpty, "a cancelled breach does not stand")
    #expect(schedule.dueAt == 7_200, "still written to the feed, deleted, at its instant")
    schedule.schedule(.fullResolutionTime, instance: 1, at: 7_200)
    #expect(items(schedule) == ["full_resolution_time#1@7200p"])
    schedule.cancel(.fullResolutionTime, at: 7_200)
    schedule.schedule(.fullResolutionTime, instance: 1, at: 9_000)
    schedule.cancel(.fullResolutionTime, at: 9_000)
    #expect(items(schedule) == ["full_resolution_time#1@7200x", "full_resolution_time#1@9000x"])
}

@Test("due breaches are taken once, in time order; only the newest recorded instance per metric stays")
func breachScheduleTakeDue() {
    var schedule = SLABreachSchedule()
    schedule.schedule(.nextReplyTime, instance: 2, at: 1_000)
    schedule.schedule(.firstReplyTime, instance: 1, at: 500)
    schedule.schedule(.nextReplyTime, instance: 3, at: 4_000)
    schedule.schedule(.periodicUpdateTime, instance: 1, at: 800)
    schedule.cancel(.periodicUpdateTime, at: 800)
    let due = schedule.takeDue(now: 1_000)
    #expect(due.map { "\($0.metric.rawValue)@\($0.at)\($0.state.rawValue)" }
        == ["first_reply_time@500p", "periodic_update_time@800x", "next_reply_time@1000p"])
    #expect(items(schedule) == ["next_reply_time#2@1000r", "first_reply_time#1@500r", "next_reply_time#3@4000p"])
    #expect(schedule.dueAt == 4_000)
    #expect(schedule.takeDue(now: 1_000).isEmpty, "nothing twice")
    #expect(schedule.takeDue(now: 5_000).count == 1)
    #expect(items(schedule) == ["first_reply_time#1@500r", "next_reply_time#3@4000r"], "instance 2's breach is no longer needed")
    #expect(schedule.dueAt == nil)
}

@Test("a re-evaluation's moves, cancellations and breaches land on the schedule; other events are handed back")
func breachScheduleApply() {
    var schedule = SLABreachSchedule()
    schedule.schedule(.firstReplyTime, instance: 1, at: 3_600)
    schedule.schedule(.periodicUpdateTime, instance: 1, at: 5_000)
    let events = SLAMetricEvents.reevaluated(recorded: schedule.standing, phasesKnown: false,
                                             after: [running(.firstReplyTime, 7_200)], applied: true, at: 100)
    let others = schedule.apply(events)
    #expect(others.map { "\($0.draft.kind.rawValue)#\($0.instance)" } == ["apply_sla#1"])
    #expect(items(schedule) == ["first_reply_time#1@7200p", "periodic_update_time#1@5000x"])
    // Agreeing now: nothing more to do, and the quick check knows it.
    #expect(!schedule.mayDisagree(with: [running(.firstReplyTime, 7_200)], now: 100))
    #expect(SLAMetricEvents.reevaluated(recorded: schedule.standing, phasesKnown: false, after: [running(.firstReplyTime, 7_200)],
                                        applied: false, at: 100).isEmpty)
    #expect(schedule.mayDisagree(with: [running(.firstReplyTime, 7_300)], now: 100))
    #expect(schedule.mayDisagree(with: [], now: 100), "a breach ahead nothing heads for")
    #expect(!schedule.mayDisagree(with: [], now: 8_000), "a breach already past stays on the record")
}

@Test("the quick check never misses work the re-evaluation would do; reconciling does what applying its events does",
      arguments: 0..<400)
func breachScheduleQuickCheckIsConservative(seed: Int) {
    // A small linear congruential sequence: enough to vary the cases, the same on every run.
    var x = UInt64(seed) &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    func next(_ below: UInt64) -> UInt64 {
        x = x &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return (x >> 33) % below
    }
    let metrics: [SLAMetric] = [.firstReplyTime, .nextReplyTime, .fullResolutionTime]
    var schedule = SLABreachSchedule()
    for _ in 0..<Int(next(4)) {
        schedule.schedule(metrics[Int(next(3))], instance: 1 + Int(next(2)), at: Int64(next(6)) * 1_000)
    }
    if next(2) == 0, let first = schedule.entries.first { schedule.cancel(first.metric, at: first.at) }
    let states = metrics.compactMap { metric -> SLAMetricState? in
        next(2) == 0 ? nil : running(metric, Int64(next(6)) * 1_000)
    }
    let now = Int64(next(6)) * 1_000
    let events = SLAMetricEvents.reevaluated(recorded: schedule.standing, phasesKnown: false, after: states, applied: false, at: now)
    if !events.isEmpty { #expect(schedule.mayDisagree(with: states, now: now), "\(items(schedule)) \(states) now \(now)") }
    var applied = schedule, reconciled = schedule
    #expect(applied.apply(events).isEmpty)
    reconciled.reconcile(with: states, now: now)
    #expect(reconciled == applied, "\(items(schedule)) \(states) now \(now)")
}
