import Testing
@testable import CasebookCore

// Times are minutes after creation at Monday 2024-01-01 08:00 UTC.
private let t0 = SLAFixture.utc("2024-01-01 08:00")
private func m(_ minutes: Int) -> Int64 { t0 + Int64(minutes) * SLAFixture.minute }

private func ticket(_ events: (Int, SLAEvent.Kind)...) -> SLAHistory {
    SLAHistory(createdAt: t0, events: [SLAEvent(at: t0, .status(.open))] + events.map { SLAEvent(at: m($0.0), $0.1) })
}

private func state(_ metric: SLAMetric, target: Int, _ history: SLAHistory, now: Int, pauseOn: Set<TicketStatus> = [.pending],
                   calendar: BusinessCalendar? = nil) -> SLAMetricState {
    let targets = [SLATarget(metric: metric, priority: .normal, targetMinutes: target, businessHours: calendar != nil)]
    return SLAClock.evaluate(history: history, targets: targets, pauseOn: pauseOn, calendar: calendar ?? .always, now: m(now))[0]
}

// MARK: - First reply

@Test("first reply in time, late, running and overdue")
func firstReply() {
    #expect(state(.firstReplyTime, target: 60, ticket((45, .agentPublicReply)), now: 100).stage == .fulfilled(at: m(45), breached: false))
    #expect(state(.firstReplyTime, target: 60, ticket((75, .agentPublicReply)), now: 100).stage == .fulfilled(at: m(75), breached: true))
    #expect(state(.firstReplyTime, target: 60, ticket(), now: 30).stage == .active(breachAt: m(60)))
    let overdue = state(.firstReplyTime, target: 60, ticket(), now: 90)
    #expect(overdue.stage == .breached(at: m(60), running: true))
    #expect(overdue.isBreached && overdue.hadBreach)
}

@Test("a reply at the very instant of the target is in time")
func replyAtTargetInstant() {
    let s = state(.firstReplyTime, target: 60, ticket((60, .agentPublicReply)), now: 100)
    #expect(s.stage == .fulfilled(at: m(60), breached: false))
    #expect(!s.hadBreach)
    #expect(state(.firstReplyTime, target: 60, ticket(), now: 60).stage == .active(breachAt: m(60)))
}

@Test("internal notes and requester comments do not answer the first reply")
func firstReplyNeedsPublicReply() {
    let s = state(.firstReplyTime, target: 60, ticket((10, .agentInternalNote), (20, .requesterComment)), now: 30)
    #expect(s.stage == .active(breachAt: m(60)))
}

@Test("pending pauses first reply; with pauseOn empty it does not")
func firstReplyPausedByPending() {
    let history = ticket((10, .status(.pending)), (70, .status(.open)), (100, .agentPublicReply))
    // 10 minutes, then 30: 40 of 60.
    #expect(state(.firstReplyTime, target: 60, history, now: 120).stage == .fulfilled(at: m(100), breached: false))
    #expect(state(.firstReplyTime, target: 60, history, now: 120, pauseOn: []).stage == .fulfilled(at: m(100), breached: true))
    #expect(state(.firstReplyTime, target: 60, history, now: 50).stage == .paused(remainingMillis: 50 * SLAFixture.minute))
    // Resumed at 70 with 50 minutes left.
    #expect(state(.firstReplyTime, target: 60, history, now: 80).stage == .active(breachAt: m(120)))
}

@Test("hold pauses only when the policy says so")
func holdPausesOnlyWhenConfigured() {
    let history = ticket((10, .status(.hold)), (70, .status(.open)))
    #expect(state(.firstReplyTime, target: 60, history, now: 80, pauseOn: [.pending]).stage == .breached(at: m(60), running: true))
    #expect(state(.firstReplyTime, target: 60, history, now: 80, pauseOn: [.pending, .hold]).stage == .active(breachAt: m(120)))
}

@Test("a ticket created pending waits before first reply starts counting")
func createdPending() {
    let history = SLAHistory(createdAt: t0, events: [SLAEvent(at: t0, .status(.pending)), SLAEvent(at: m(30), .status(.open))])
    #expect(state(.firstReplyTime, target: 60, history, now: 40).stage == .active(breachAt: m(90)))
}

@Test("a breach reached before a pause stays breached while paused")
func breachedThenPaused() {
    let s = state(.firstReplyTime, target: 60, ticket((90, .status(.pending))), now: 120)
    #expect(s.stage == .breached(at: m(60), running: false))
    #expect(s.runningBreachAt == nil)
}

@Test("solving without a reply fulfils the first reply; reopening does not restart it")
func solveFulfilsFirstReply() {
    let history = ticket((20, .status(.solved)), (100, .status(.open)))
    #expect(state(.firstReplyTime, target: 60, history, now: 300).stage == .fulfilled(at: m(20), breached: false))
}

// MARK: - Next reply

@Test("next reply starts when the customer answers an agent and ends at the next public reply")
func nextReplyChain() {
    let history = ticket((10, .agentPublicReply), (20, .requesterComment), (30, .requesterComment), (70, .agentPublicReply),
                         (100, .requesterComment))
    #expect(state(.nextReplyTime, target: 60, history, now: 5).stage == .notStarted)
    #expect(state(.nextReplyTime, target: 60, history, now: 15).stage == .notStarted)
    // The oldest unanswered comment (20) counts, not the second one (30).
    #expect(state(.nextReplyTime, target: 60, history, now: 40).stage == .active(breachAt: m(80)))
    #expect(state(.nextReplyTime, target: 60, history, now: 90).stage == .fulfilled(at: m(70), breached: false))
    #expect(state(.nextReplyTime, target: 60, history, now: 120).stage == .active(breachAt: m(160)))
    let overdue = state(.nextReplyTime, target: 60, history, now: 200)
    #expect(overdue.stage == .breached(at: m(160), running: true))
}

@Test("a comment before any agent reply starts no next reply")
func nextReplyNeedsAnAgentFirst() {
    #expect(state(.nextReplyTime, target: 60, ticket((5, .requesterComment)), now: 100).stage == .notStarted)
}

@Test("an earlier breached next reply is remembered after a later one is answered in time")
func nextReplyRemembersBreach() {
    let history = ticket((10, .agentPublicReply), (20, .requesterComment), (120, .agentPublicReply),
                         (130, .requesterComment), (140, .agentPublicReply))
    let s = state(.nextReplyTime, target: 60, history, now: 200)
    #expect(s.stage == .fulfilled(at: m(140), breached: false))
    #expect(!s.isBreached)
    #expect(s.hadBreach)
}

@Test("next reply pauses while pending and internal notes do not answer it")
func nextReplyPauses() {
    let history = ticket((10, .agentPublicReply), (20, .requesterComment), (30, .agentInternalNote),
                         (40, .status(.pending)), (100, .status(.open)))
    // 20 minutes counted before pending, 40 left from 100.
    #expect(state(.nextReplyTime, target: 60, history, now: 110).stage == .active(breachAt: m(140)))
}

@Test("a customer comment that reopens a solved ticket starts next reply")
func nextReplyAfterReopen() {
    let history = ticket((10, .agentPublicReply), (15, .status(.solved)), (200, .requesterComment), (200, .status(.open)))
    #expect(state(.nextReplyTime, target: 60, history, now: 210).stage == .active(breachAt: m(260)))
}

// MARK: - Periodic update

@Test("periodic update: every agent update, notes included, starts a new instance")
func periodicUpdateByNotes() {
    let history = ticket((20, .agentInternalNote), (45, .agentPublicReply))
    #expect(state(.periodicUpdateTime, target: 30, history, now: 10).stage == .active(breachAt: m(30)))
    #expect(state(.periodicUpdateTime, target: 30, history, now: 25).stage == .active(breachAt: m(50)))
    let s = state(.periodicUpdateTime, target: 30, history, now: 60)
    #expect(s.stage == .active(breachAt: m(75)))
    #expect(!s.hadBreach)
}

@Test("a late update is a breach that is remembered")
func periodicUpdateLate() {
    let history = ticket((40, .agentInternalNote))
    let s = state(.periodicUpdateTime, target: 30, history, now: 50)
    #expect(s.stage == .active(breachAt: m(70)))
    #expect(!s.isBreached)
    #expect(s.hadBreach)
}

@Test("periodic update stops at solve and starts fresh on reopen")
func periodicUpdateAcrossSolve() {
    let history = ticket((10, .agentInternalNote), (20, .status(.solved)), (100, .agentPublicReply), (200, .status(.open)))
    #expect(state(.periodicUpdateTime, target: 30, history, now: 150).stage == .fulfilled(at: m(20), breached: false))
    #expect(state(.periodicUpdateTime, target: 30, history, now: 210).stage == .active(breachAt: m(230)))
}

@Test("periodic update pauses in pausing statuses")
func periodicUpdatePauses() {
    let history = ticket((10, .status(.hold)), (50, .status(.open)))
    #expect(state(.periodicUpdateTime, target: 30, history, now: 60, pauseOn: [.hold]).stage == .active(breachAt: m(70)))
    #expect(state(.periodicUpdateTime, target: 30, history, now: 60, pauseOn: [.pending]).stage == .breached(at: m(30), running: true))
}

// MARK: - Requester wait

@Test("requester wait counts new, open and hold but never pending, whatever pauseOn says")
func requesterWait() {
    let history = ticket((10, .status(.pending)), (40, .status(.hold)), (60, .status(.open)), (80, .status(.solved)))
    // 10 + 20 + 20 = 50 minutes.
    #expect(state(.requesterWaitTime, target: 60, history, now: 100).stage == .fulfilled(at: m(80), breached: false))
    #expect(state(.requesterWaitTime, target: 60, history, now: 100, pauseOn: [.pending, .hold]).stage
            == .fulfilled(at: m(80), breached: false))
    #expect(state(.requesterWaitTime, target: 60, history, now: 100, pauseOn: []).stage == .fulfilled(at: m(80), breached: false))
    // Reaching 45 minutes happens at 75.
    let late = state(.requesterWaitTime, target: 45, history, now: 100)
    #expect(late.stage == .fulfilled(at: m(80), breached: true))
    #expect(state(.requesterWaitTime, target: 45, history, now: 70).stage == .active(breachAt: m(75)))
    #expect(state(.requesterWaitTime, target: 45, history, now: 20).stage == .paused(remainingMillis: 35 * SLAFixture.minute))
}

// MARK: - Full resolution

@Test("full resolution resumes on reopen and ends at the last solve")
func fullResolutionReopen() {
    let history = ticket((30, .status(.solved)), (100, .status(.open)), (140, .status(.solved)))
    #expect(state(.fullResolutionTime, target: 60, history, now: 50).stage == .fulfilled(at: m(30), breached: false))
    #expect(state(.fullResolutionTime, target: 60, history, now: 120).stage == .active(breachAt: m(130)))
    let s = state(.fullResolutionTime, target: 60, history, now: 200)
    #expect(s.stage == .fulfilled(at: m(140), breached: true))
    #expect(s.hadBreach)
}

@Test("full resolution leaves out pausing statuses")
func fullResolutionPauses() {
    let history = ticket((10, .status(.pending)), (50, .status(.hold)), (70, .status(.open)), (100, .status(.solved)))
    #expect(state(.fullResolutionTime, target: 60, history, now: 200, pauseOn: [.pending]).stage == .fulfilled(at: m(100), breached: false))
    #expect(state(.fullResolutionTime, target: 60, history, now: 200, pauseOn: [.pending, .hold]).stage == .fulfilled(at: m(100), breached: false))
    #expect(state(.fullResolutionTime, target: 60, history, now: 200, pauseOn: []).stage == .fulfilled(at: m(100), breached: true))
    #expect(state(.fullResolutionTime, target: 40, history, now: 200, pauseOn: [.pending]).stage == .fulfilled(at: m(100), breached: true))
}

@Test("closing a solved ticket changes nothing")
func closeAfterSolve() {
    let history = ticket((30, .status(.solved)), (500, .status(.closed)))
    #expect(state(.fullResolutionTime, target: 60, history, now: 600).stage == .fulfilled(at: m(30), breached: false))
}

// MARK: - Every metric at once

@Test("solving stops every running timer", arguments: SLAMetric.allCases)
func solveStopsEverything(metric: SLAMetric) {
    let history = ticket((5, .agentPublicReply), (10, .requesterComment), (20, .status(.solved)))
    let s = state(metric, target: 60, history, now: 10_000)
    #expect(s.stage == .fulfilled(at: metric == .firstReplyTime ? m(5) : m(20), breached: false))
}

@Test("states come back in target order, each with its own clock")
func evaluateManyTargets() {
    let targets = SLAMetric.allCases.map { SLATarget(metric: $0, priority: .high, targetMinutes: 60, businessHours: false) }
    let states = SLAClock.evaluate(history: ticket(), targets: targets, pauseOn: [.pending], now: m(10))
    #expect(states.map(\.metric) == SLAMetric.allCases)
    #expect(states.map(\.stage) == [.active(breachAt: m(60)), .notStarted, .active(breachAt: m(60)), .active(breachAt: m(60)), .active(breachAt: m(60))])
}

@Test("events after now are ignored, so the past can be replayed")
func replayThePast() {
    let history = ticket((45, .agentPublicReply))
    #expect(state(.firstReplyTime, target: 60, history, now: 30).stage == .active(breachAt: m(60)))
}

// MARK: - Business hours

@Test("business-hours targets only count open hours")
func businessHoursTarget() {
    let office = SLAFixture.officeHours("UTC")
    // Created Friday 16:00; two business hours run out Monday 10:00.
    let friday = SLAFixture.utc("2024-01-05 16:00")
    let history = SLAHistory(createdAt: friday, events: [SLAEvent(at: friday, .status(.new))])
    let targets = [SLATarget(metric: .firstReplyTime, priority: .urgent, targetMinutes: 120, businessHours: true),
                   SLATarget(metric: .firstReplyTime, priority: .urgent, targetMinutes: 120, businessHours: false)]
    let states = SLAClock.evaluate(history: history, targets: targets, pauseOn: [], calendar: office, now: SLAFixture.utc("2024-01-06 12:00"))
    #expect(states[0].stage == .active(breachAt: SLAFixture.utc("2024-01-08 10:00")))
    #expect(states[1].stage == .breached(at: SLAFixture.utc("2024-01-05 18:00"), running: true))
}

@Test("a reply after closing time on the day the budget ran out is late")
func businessHoursReachedAtClosing() {
    let office = SLAFixture.officeHours("UTC")
    let start = SLAFixture.utc("2024-01-01 09:00")
    let history = SLAHistory(createdAt: start, events: [SLAEvent(at: start, .status(.open)), SLAEvent(at: SLAFixture.utc("2024-01-01 18:00"), .agentPublicReply)])
    let targets = [SLATarget(metric: .firstReplyTime, priority: .normal, targetMinutes: 8 * 60, businessHours: true)]
    let s = SLAClock.evaluate(history: history, targets: targets, pauseOn: [], calendar: office, now: SLAFixture.utc("2024-01-02 00:00"))[0]
    #expect(s.stage == .fulfilled(at: SLAFixture.utc("2024-01-01 18:00"), breached: true))
}

@Test("business-hours pauses: paused remaining is in business time")
func businessHoursPaused() {
    let office = SLAFixture.officeHours("UTC")
    let start = SLAFixture.utc("2024-01-01 09:00")
    let history = SLAHistory(createdAt: start, events: [SLAEvent(at: start, .status(.open)),
                                                       SLAEvent(at: SLAFixture.utc("2024-01-01 16:00"), .status(.pending))])
    let targets = [SLATarget(metric: .fullResolutionTime, priority: .normal, targetMinutes: 16 * 60, businessHours: true)]
    let s = SLAClock.evaluate(history: history, targets: targets, pauseOn: [.pending], calendar: office, now: SLAFixture.utc("2024-01-03 12:00"))[0]
    #expect(s.stage == .paused(remainingMillis: 9 * SLAFixture.hour))
}

// MARK: - Helpers over states

private func metricState(_ metric: SLAMetric, _ stage: SLAMetricState.Stage) -> SLAMetricState {
    SLAMetricState(metric: metric, targetMinutes: 60, businessHours: false, stage: stage, hadBreach: false)
}

@Test("next breach is the earliest among running timers, overdue first")
func nextBreachAt() {
    let states = [metricState(.firstReplyTime, .active(breachAt: 500)), metricState(.requesterWaitTime, .paused(remainingMillis: 10)),
                  metricState(.fullResolutionTime, .active(breachAt: 300)), metricState(.nextReplyTime, .fulfilled(at: 100, breached: true))]
    #expect(states.nextBreachAt == 300)
    #expect(states.isBreached)
    #expect(([metricState(.firstReplyTime, .breached(at: 50, running: true))] + states).nextBreachAt == 50)
    #expect([metricState(.firstReplyTime, .breached(at: 50, running: false))].nextBreachAt == nil)
    #expect([metricState(.firstReplyTime, .paused(remainingMillis: 5))].nextBreachAt == nil)
    #expect(!states.dropLast().isBreached)
}

@Test("escalation picks breached and soon-to-breach timers, soonest first")
func escalationCheck() {
    let now: Int64 = 1_000_000
    let states = [metricState(.firstReplyTime, .active(breachAt: now + 20 * SLAFixture.minute)),
                  metricState(.nextReplyTime, .active(breachAt: now + 40 * SLAFixture.minute)),
                  metricState(.periodicUpdateTime, .breached(at: now - 5, running: false)),
                  metricState(.requesterWaitTime, .paused(remainingMillis: 1)),
                  metricState(.fullResolutionTime, .fulfilled(at: now - 10, breached: true))]
    let due = SLAEscalationCheck.due(states, now: now, leadMinutes: 30)
    #expect(due == [.init(metric: .periodicUpdateTime, breachAt: now - 5, isBreached: true),
                    .init(metric: .firstReplyTime, breachAt: now + 20 * SLAFixture.minute, isBreached: false)])
    #expect(SLAEscalationCheck.due(states, now: now, leadMinutes: 60).count == 3)
    #expect(SLAEscalationCheck.due(states, now: now, leadMinutes: 0).map(\.metric) == [.periodicUpdateTime])
}

@Test("an SLA on a calendar that never opens never comes due")
func neverOpenCalendar() {
    let closed = BusinessCalendar(timeZone: "UTC", intervals: [])
    let targets = [SLATarget(metric: .firstReplyTime, priority: .normal, targetMinutes: 60, businessHours: true)]
    let s = SLAClock.evaluate(history: ticket(), targets: targets, pauseOn: [], calendar: closed, now: m(10_000))[0]
    #expect(s.stage == .active(breachAt: .max))
}
