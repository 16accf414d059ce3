import Testing
@testable import CasebookCore

private func state(_ stage: SLAMetricState.Stage) -> SLAMetricState { state(.firstReplyTime, stage) }

private func state(_ metric: SLAMetric, _ stage: SLAMetricState.Stage) -> SLAMetricState {
    SLAMetricState(metric: metric, targetMinutes: 60, businessHours: false, stage: stage, hadBreach: false)
}

private func kinds(_ changes: SLAMetricEventChanges) -> [String] {
    changes.added.map { "\($0.kind.rawValue)@\($0.at)" }
}

@Test("a new policy announces its targets, starts the clock and schedules the breach")
func applyAndActivate() {
    let changes = SLAMetricEvents.changes(before: [], after: [state(.active(breachAt: 3_600))], policyChanged: true, at: 0)
    #expect(kinds(changes) == ["apply_sla@0", "activate@0", "breach@3600"])
    #expect(changes.added[0].targetMinutes == 60 && changes.added[0].businessHours == false)
    #expect(changes.cancelledBreaches.isEmpty)
}

@Test("fulfilling in time cancels the scheduled breach; fulfilling late keeps it")
func fulfil() {
    let inTime = SLAMetricEvents.changes(before: [state(.active(breachAt: 3_600))], after: [state(.fulfilled(at: 100, breached: false))],
                                         policyChanged: false, at: 100)
    #expect(kinds(inTime) == ["fulfill@100"])
    #expect(inTime.cancelledBreaches == [SLAMetricEventCancel(metric: .firstReplyTime, at: 3_600)])
    let late = SLAMetricEvents.changes(before: [state(.breached(at: 3_600, running: true))], after: [state(.fulfilled(at: 5_000, breached: true))],
                                       policyChanged: false, at: 5_000)
    #expect(kinds(late) == ["fulfill@5000"])
    #expect(late.cancelledBreaches.isEmpty)
}

@Test("a pause cancels the breach ahead; resuming schedules the new one; a breach already past is not recorded twice")
func pauseResume() {
    let paused = SLAMetricEvents.changes(before: [state(.active(breachAt: 3_600))], after: [state(.paused(remainingMillis: 3_000))],
                                         policyChanged: false, at: 600)
    #expect(kinds(paused) == ["pause@600"])
    #expect(paused.cancelledBreaches.map(\.at) == [3_600])
    let resumed = SLAMetricEvents.changes(before: [state(.paused(remainingMillis: 3_000))], after: [state(.active(breachAt: 13_000))],
                                          policyChanged: false, at: 10_000)
    #expect(kinds(resumed) == ["activate@10000", "breach@13000"])
    let afterBreach = SLAMetricEvents.changes(before: [state(.breached(at: 3_600, running: false))],
                                              after: [state(.breached(at: 3_600, running: true))], policyChanged: false, at: 10_000)
    #expect(kinds(afterBreach) == ["activate@10000"])
}

@Test("a next reply or periodic update fulfilled and started again is a fulfil and an activate")
func repeatingInstances() {
    let update = SLAMetricEvents.changes(before: [state(.periodicUpdateTime, .active(breachAt: 3_600))],
                                         after: [state(.periodicUpdateTime, .active(breachAt: 4_600))], policyChanged: false, at: 1_000)
    #expect(kinds(update) == ["fulfill@1000", "activate@1000", "breach@4600"])
    #expect(update.cancelledBreaches.map(\.at) == [3_600])
    let unchanged = SLAMetricEvents.changes(before: [state(.active(breachAt: 3_600))], after: [state(.active(breachAt: 3_600))],
                                            policyChanged: false, at: 1_000)
    #expect(unchanged.isEmpty)
}

@Test("Zendesk's metric names")
func zendeskNames() {
    #expect(SLAMetric.allCases.map { SLAMetricEventDraft(metric: $0, kind: .activate, at: 0).zendeskMetric }
        == ["reply_time", "reply_time", "periodic_update_time", "requester_wait_time", "resolution_time"])
}

// MARK: re-evaluation against what the feed holds

private func recorded(_ id: Int, _ kind: SLAMetricEventDraft.Kind, at: Int64, metric: SLAMetric = .firstReplyTime,
                      instance: Int = 1) -> SLARecordedMetricEvent {
    SLARecordedMetricEvent(id: id, metric: metric, instance: instance, kind: kind, at: at)
}

private func kinds(_ events: SLAReevaluationEvents) -> [String] {
    events.added.map { "\($0.draft.kind.rawValue)@\($0.draft.at)#\($0.instance)" }
}

@Test("a policy that reaches an existing ticket announces its targets, starts the clock and schedules the breach")
func reevaluationApplies() {
    let events = SLAMetricEvents.reevaluated(recorded: [], phasesKnown: true, after: [state(.active(breachAt: 3_600))],
                                             applied: true, at: 100)
    #expect(kinds(events) == ["apply_sla@100#1", "activate@100#1", "breach@3600#1"])
    #expect(events.cancelled.isEmpty)
}

@Test("a calendar change moves the breach ahead (not seen yet) to its new instant, nothing else")
func reevaluationMovesBreach() {
    let feed = [recorded(1, .applySLA, at: 0), recorded(2, .activate, at: 0), recorded(3, .breach, at: 3_600)]
    let events = SLAMetricEvents.reevaluated(recorded: feed.filter { $0.kind == .breach }, phasesKnown: false,
                                             after: [state(.active(breachAt: 7_200))], applied: false, at: 100)
    #expect(kinds(events).isEmpty && events.cancelled.isEmpty)
    #expect(events.moved == [SLAMovedBreach(id: 3, at: 7_200)])
    // Unchanged instant: nothing at all.
    let same = SLAMetricEvents.reevaluated(recorded: feed, phasesKnown: false, after: [state(.active(breachAt: 3_600))],
                                           applied: false, at: 100)
    #expect(same.isEmpty)
}

@Test("a breach moved into the past is recorded once; one already recorded in the past stays and is not repeated")
func reevaluationPastBreach() {
    let pending = [recorded(3, .breach, at: 3_600)]
    let nowPast = SLAMetricEvents.reevaluated(recorded: pending, phasesKnown: false, after: [state(.breached(at: 50, running: true))],
                                              applied: false, at: 100)
    #expect(kinds(nowPast).isEmpty && nowPast.cancelled.isEmpty)
    #expect(nowPast.moved == [SLAMovedBreach(id: 3, at: 50)])
    let alreadyPast = [recorded(3, .breach, at: 50)]
    let again = SLAMetricEvents.reevaluated(recorded: alreadyPast, phasesKnown: false, after: [state(.breached(at: 80, running: true))],
                                            applied: false, at: 100)
    #expect(again.isEmpty)
}

@Test("an edited policy re-announces targets; a changed policy pauses what it no longer measures; next reply keeps its instance")
func reevaluationPolicyChanges() {
    let feed = [recorded(1, .applySLA, at: 0), recorded(2, .activate, at: 0), recorded(3, .breach, at: 3_600),
                recorded(4, .applySLA, at: 0, metric: .nextReplyTime, instance: 3),
                recorded(5, .activate, at: 0, metric: .nextReplyTime, instance: 3),
                recorded(6, .breach, at: 9_000, metric: .nextReplyTime, instance: 3)]
    let edited = SLAMetricEvents.reevaluated(recorded: feed, phasesKnown: true,
                                             after: [state(.active(breachAt: 1_800)), state(.nextReplyTime, .active(breachAt: 9_000))],
                                             applied: true, at: 100)
    #expect(kinds(edited) == ["apply_sla@100#1", "apply_sla@100#3"])
    #expect(edited.moved == [SLAMovedBreach(id: 3, at: 1_800)] && edited.cancelled.isEmpty)
    // A policy without first reply: it pauses and its breach is cancelled; a metric never measured starts.
    let other = SLAMetricEvents.reevaluated(recorded: feed, phasesKnown: true,
                                            after: [state(.nextReplyTime, .active(breachAt: 9_000)), state(.periodicUpdateTime, .active(breachAt: 5_000))],
                                            applied: true, at: 100)
    #expect(kinds(other) == ["apply_sla@100#3", "apply_sla@100#1", "pause@100#1", "activate@100#1", "breach@5000#1"])
    #expect(other.cancelled == [3])
}
