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
