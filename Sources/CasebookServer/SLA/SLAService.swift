import CasebookCore
import Foundation
import Logging
import SQLKit
import Synchronization

/// Policies and calendars, read once and kept until a change through this process or a few seconds pass.
final class SLACache: Sendable {
    struct Snapshot: Sendable {
        var policies: [Int: PolicyRecord]
        var set: SLAPolicySet
        var calendars: [Int: BusinessCalendar]
        var groupCalendars: [Int: Int]
        var isEmpty: Bool { policies.isEmpty }
    }

    private let state = Mutex<(snapshot: Snapshot, at: Int64)?>(nil)

    func snapshot(db: any SQLDatabase, now: Int64) async throws -> Snapshot {
        if let cached = state.withLock({ $0 }), now - cached.at < 5_000, now >= cached.at { return cached.snapshot }
        let store = SLAStore(db: db)
        let policies = try await store.policies()
        var calendars: [Int: BusinessCalendar] = [:]
        for schedule in try await store.schedules() { calendars[schedule.id] = schedule.calendar }
        var groupCalendars: [Int: Int] = [:]
        for group in try await RoutingStore(db: db).groupRouting() { if let s = group.scheduleID { groupCalendars[group.id] = s } }
        let snapshot = Snapshot(policies: Dictionary(uniqueKeysWithValues: policies.map { ($0.policy.id, $0) }),
                                set: SLAPolicySet(policies: policies.map(\.policy)), calendars: calendars, groupCalendars: groupCalendars)
        state.withLock { $0 = (snapshot, now) }
        return snapshot
    }

    func invalidate() { state.withLock { $0 = nil } }
}

/// Keeps every ticket's SLA current: records what the clock needs with each change (in the change's transaction),
/// chooses the policy, computes the targets and the next breach, and escalates breaches from the `sla.check` job.
struct SLAService: Sendable {
    let clock: AppClock
    let cache: SLACache

    init(clock: AppClock = .system, cache: SLACache = SLACache()) {
        self.clock = clock
        self.cache = cache
    }

    /// What the clock needs from one change.
    static func events(_ written: TicketService.Written, previous: TicketRecord?, authorIsStaff: Bool, at now: Int64) -> [SLAEvent] {
        let ticket = written.ticket
        var events: [SLAEvent] = []
        guard let previous else { return [] }
        if previous.fields.status != ticket.fields.status {
            events.append(SLAEvent(at: now, .status(ticket.fields.status)))
        }
        if let comment = written.comments.values.first {
            if comment.isPublic {
                events.append(SLAEvent(at: now, authorIsStaff ? .agentPublicReply : .requesterComment))
            } else if authorIsStaff {
                events.append(SLAEvent(at: now, .agentInternalNote))
            }
        }
        return events
    }

    static func facts(_ fields: TicketSnapshot, via: ViaChannel) -> SLATicketFacts {
        SLATicketFacts(priority: fields.priority ?? .normal, groupID: fields.groupID, organizationID: fields.organizationID,
                       tags: fields.tags, status: fields.status, channel: via.rawValue, type: fields.type?.rawValue)
    }

    func record(_ written: TicketService.Written, previous: TicketRecord?, actor: Actor, db: any SQLDatabase) async throws {
        let ticket = written.ticket
        let store = SLAStore(db: db)
        let now = clock.now()
        var record: TicketSLARecord
        let snapshot: SLACache.Snapshot
        var beforeStates: [SLAMetricState] = []
        var beforePolicy: Int?
        if let previous {
            var authorIsStaff = actor.role.isStaff
            if let comment = written.comments.values.first, comment.authorID != actor.id {
                authorIsStaff = try await UserStore(db: db).find(id: comment.authorID)?.role.isStaff ?? false
            }
            // The clock the SLA runs on (the system's; a test's), so timers and events share one timeline.
            let events = Self.events(written, previous: previous, authorIsStaff: authorIsStaff, at: max(clock.now(), previous.createdAt))
            let p = previous.fields, n = ticket.fields
            let policyInputsChanged = p.priority != n.priority || p.groupID != n.groupID || p.organizationID != n.organizationID
                || p.tags != n.tags || p.type != n.type
            guard !events.isEmpty || policyInputsChanged else { return }
            record = try await store.ticketSLA(ticketID: ticket.id) ?? Self.newRecord(previous)
            snapshot = try await cache.snapshot(db: db, now: now)
            // Where the targets stood before the change, for the metric events feed.
            var before = record
            beforeStates = evaluate(&before, facts: Self.facts(previous.fields, via: previous.via), snapshot: snapshot, now: now)
            beforePolicy = before.policyID
            for event in events { record.history = record.history.appending(event) }
        } else {
            record = Self.newRecord(ticket)
            snapshot = try await cache.snapshot(db: db, now: now)
        }
        let states = evaluate(&record, facts: Self.facts(ticket.fields, via: ticket.via), snapshot: snapshot, now: now)
        let changes = SLAMetricEvents.changes(before: beforeStates, after: states,
                                              policyChanged: record.policyID != nil && record.policyID != beforePolicy, at: now)
        if !changes.isEmpty {
            try await MetricEventStore(db: db).record(changes, ticketID: ticket.id, policyID: record.policyID, breaches: &record.breaches)
        }
        try await store.save(record, now: now)
    }

    static func newRecord(_ ticket: TicketRecord) -> TicketSLARecord {
        TicketSLARecord(ticketID: ticket.id, policyID: nil,
                        history: SLAHistory(createdAt: ticket.createdAt, events: [SLAEvent(at: ticket.createdAt, .status(ticket.fields.status))]),
                        nextBreachAt: nil, checkAt: nil, breached: false, escalated: [])
    }

    /// Chooses the policy and computes the targets; sets the breach and check times on the record.
    @discardableResult
    func evaluate(_ record: inout TicketSLARecord, facts: SLATicketFacts, snapshot: SLACache.Snapshot, now: Int64) -> [SLAMetricState] {
        guard !snapshot.isEmpty, let policy = snapshot.set.policy(for: facts), let stored = snapshot.policies[policy.id] else {
            record.policyID = nil
            record.nextBreachAt = nil
            record.checkAt = nil
            record.breached = false
            return []
        }
        record.policyID = policy.id
        let calendar = (policy.calendarID ?? facts.groupID.flatMap { snapshot.groupCalendars[$0] })
            .flatMap { snapshot.calendars[$0] } ?? .always
        let targets = policy.targets.filter { $0.priority == facts.priority }
        let states = SLAClock.evaluate(history: record.history, targets: targets, pauseOn: policy.pauseOn, calendar: calendar, now: now)
        record.nextBreachAt = states.compactMap(\.runningBreachAt).min()
        record.breached = states.contains { $0.isBreached }
        record.checkAt = stored.escalation.isEmpty ? nil : states.compactMap { state -> Int64? in
            guard let breachAt = state.runningBreachAt, !record.escalated.contains(Self.key(state.metric, breachAt)) else { return nil }
            return breachAt - Int64(stored.escalation.leadMinutes) * 60_000
        }.min()
        return states
    }

    static func key(_ metric: SLAMetric, _ breachAt: Int64) -> String { "\(metric.rawValue)@\(breachAt)" }

    /// The policy and states of one ticket, as the ticket page and the API show them.
    func states(ticket: TicketRecord, db: any SQLDatabase) async throws -> (PolicyRecord?, [SLAMetricState]) {
        let now = clock.now()
        guard var record = try await SLAStore(db: db).ticketSLA(ticketID: ticket.id) else { return (nil, []) }
        let snapshot = try await cache.snapshot(db: db, now: now)
        let states = evaluate(&record, facts: Self.facts(ticket.fields, via: ticket.via), snapshot: snapshot, now: now)
        return (record.policyID.flatMap { snapshot.policies[$0] }, states)
    }
}
