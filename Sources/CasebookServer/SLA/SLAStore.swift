import CasebookCore
import Foundation
import SQLKit

/// A business-hours schedule as stored.
struct ScheduleRecord: Sendable, Equatable {
    var id: Int
    var name: String
    var calendar: BusinessCalendar
    var createdAt: Int64
    var updatedAt: Int64
}

/// An SLA policy as stored, with what to do when a target is about to be or has been missed.
struct PolicyRecord: Sendable {
    var policy: SLAPolicy
    var description: String
    var escalation: SLAEscalationActions
    var createdAt: Int64
    var updatedAt: Int64
}

/// What an SLA breach (or a near breach, `leadMinutes` ahead) does to a ticket. Kept as JSON on the policy.
struct SLAEscalationActions: Sendable, Equatable {
    var leadMinutes: Int = 0
    var raisePriorityTo: TicketPriority? = nil
    var groupID: Int? = nil
    var notifyLeads: Bool = false
    var addTags: [String] = []

    var isEmpty: Bool { raisePriorityTo == nil && groupID == nil && !notifyLeads && addTags.isEmpty }

    var json: JSONValue {
        .object(["lead_minutes": .int(leadMinutes), "raise_priority_to": JSONValue(raisePriorityTo?.rawValue),
                 "group_id": JSONValue(groupID), "notify_leads": .bool(notifyLeads), "add_tags": JSONValue(addTags)])
    }

    init() {}

    /// Reads the JSON form, collecting readable errors.
    init(json value: JSONValue, errors: inout [String]) {
        guard let object = value.objectValue else {
            if !value.isNull { errors.append("escalation: an object with lead_minutes, raise_priority_to, group_id, notify_leads, add_tags") }
            return
        }
        if let lead = object["lead_minutes"], !lead.isNull {
            if let n = lead.intValue, (0...10_080).contains(n) { leadMinutes = n } else { errors.append("escalation.lead_minutes: minutes from 0 to 10080") }
        }
        if let p = object["raise_priority_to"], !p.isNull {
            if let priority = p.stringValue.flatMap(TicketPriority.init(rawValue:)) { raisePriorityTo = priority } else {
                errors.append("escalation.raise_priority_to: one of low, normal, high, urgent")
            }
        }
        if let g = object["group_id"], !g.isNull {
            if let id = g.intValue { groupID = id } else { errors.append("escalation.group_id: a group id") }
        }
        notifyLeads = object["notify_leads"]?.boolValue ?? false
        if let tags = object["add_tags"]?.arrayValue { addTags = Tags.normalize(tags.compactMap(\.stringValue)) }
    }
}

/// A ticket's SLA row: the history the clock needs, the policy that applies, and when to look at it next.
struct TicketSLARecord: Sendable {
    var ticketID: Int
    var policyID: Int?
    var history: SLAHistory
    var nextBreachAt: Int64?
    var checkAt: Int64?
    var breached: Bool
    /// Targets already escalated, as "metric@breachAt" keys, so an escalation runs once per missed target.
    var escalated: Set<String>
    /// Breaches ahead, not yet in the metric events feed (see `SLABreachSchedule`).
    var breaches = SLABreachSchedule()
}

/// SQL for schedules, policies and tickets' SLA rows.
struct SLAStore: Sendable {
    let db: any SQLDatabase

    // MARK: Schedules

    static func decodeSchedule(_ row: any SQLRow) throws -> ScheduleRecord {
        let intervals = (try? JSONValue.parse(Array(try row.decode(column: "intervals", as: String.self).utf8)))?.arrayValue ?? []
        let holidays = (try? JSONValue.parse(Array(try row.decode(column: "holidays", as: String.self).utf8)))?.arrayValue ?? []
        return ScheduleRecord(
            id: try row.decode(column: "id", as: Int.self), name: try row.decode(column: "name", as: String.self),
            calendar: BusinessCalendar(
                timeZone: try row.decode(column: "time_zone", as: String.self),
                intervals: intervals.map { .init(startMinute: $0["start_time"]?.intValue ?? 0, endMinute: $0["end_time"]?.intValue ?? 0) },
                holidays: holidays.map { .init(name: $0["name"]?.stringValue ?? "", startDate: $0["start_date"]?.stringValue ?? "",
                                               endDate: $0["end_date"]?.stringValue ?? "") }),
            createdAt: try row.decode(column: "created_at", as: Int64.self), updatedAt: try row.decode(column: "updated_at", as: Int64.self))
    }

    static func intervalsJSON(_ calendar: BusinessCalendar) -> String {
        JSONValue.array(calendar.intervals.map { .object(["start_time": .int($0.startMinute), "end_time": .int($0.endMinute)]) }).text
    }

    static func holidaysJSON(_ calendar: BusinessCalendar) -> String {
        JSONValue.array(calendar.holidays.map { .object(["name": .string($0.name), "start_date": .string($0.startDate), "end_date": .string($0.endDate)]) }).text
    }

    func schedules() async throws -> [ScheduleRecord] {
        try await db.raw("SELECT * FROM business_hours_schedules ORDER BY id").all().map(Self.decodeSchedule)
    }

    func schedule(id: Int) async throws -> ScheduleRecord? {
        try await db.raw("SELECT * FROM business_hours_schedules WHERE id = \(bind: id)").first().map(Self.decodeSchedule)
    }

    func insertSchedule(name: String, calendar: BusinessCalendar, now: Int64) async throws -> Int {
        try await db.raw("""
            INSERT INTO business_hours_schedules (name, time_zone, intervals, holidays, created_at, updated_at)
            VALUES (\(bind: name), \(bind: calendar.timeZone), \(bind: Self.intervalsJSON(calendar)), \(bind: Self.holidaysJSON(calendar)),
                    \(bind: now), \(bind: now))
            RETURNING id
            """).first()!.decode(column: "id", as: Int.self)
    }

    func updateSchedule(_ s: ScheduleRecord, now: Int64) async throws {
        try await db.raw("""
            UPDATE business_hours_schedules SET name = \(bind: s.name), time_zone = \(bind: s.calendar.timeZone),
                intervals = \(bind: Self.intervalsJSON(s.calendar)), holidays = \(bind: Self.holidaysJSON(s.calendar)), updated_at = \(bind: now)
            WHERE id = \(bind: s.id)
            """).run()
    }

    func deleteSchedule(id: Int) async throws {
        try await db.raw("DELETE FROM business_hours_schedules WHERE id = \(bind: id)").run()
    }

    // MARK: Policies

    static func conditionsJSON(_ list: [SLACondition]) -> JSONValue {
        .array(list.map { .object(["field": .string($0.field), "operator": .string($0.operator), "value": .string($0.value)]) })
    }

    static func filterJSON(_ filter: SLAFilter) -> String {
        JSONValue.object(["all": conditionsJSON(filter.all), "any": conditionsJSON(filter.any)]).text
    }

    static func metricsJSON(_ targets: [SLATarget]) -> String {
        JSONValue.array(targets.map {
            .object(["priority": .string($0.priority.rawValue), "metric": .string($0.metric.rawValue),
                     "target": .int($0.targetMinutes), "business_hours": .bool($0.businessHours)])
        }).text
    }

    static func decodeConditions(_ value: JSONValue?) -> [SLACondition] {
        (value?.arrayValue ?? []).map {
            SLACondition(field: $0["field"]?.stringValue ?? "", operator: $0["operator"]?.stringValue ?? "",
                         value: $0["value"].map { $0.stringValue ?? $0.intValue.map(String.init) ?? "" } ?? "")
        }
    }

    static func decodePolicy(_ row: any SQLRow) throws -> PolicyRecord {
        let filter = (try? JSONValue.parse(Array(try row.decode(column: "filter", as: String.self).utf8))) ?? .null
        let metrics = (try? JSONValue.parse(Array(try row.decode(column: "policy_metrics", as: String.self).utf8)))?.arrayValue ?? []
        let escalation = (try? JSONValue.parse(Array(try row.decode(column: "escalation", as: String.self).utf8))) ?? .null
        var ignored: [String] = []
        return PolicyRecord(
            policy: SLAPolicy(
                id: try row.decode(column: "id", as: Int.self), title: try row.decode(column: "title", as: String.self),
                position: try row.decode(column: "position", as: Int.self),
                filter: SLAFilter(all: decodeConditions(filter["all"]), any: decodeConditions(filter["any"])),
                targets: metrics.compactMap { m in
                    guard let metric = m["metric"]?.stringValue.flatMap(SLAMetric.init(rawValue:)),
                          let priority = m["priority"]?.stringValue.flatMap(TicketPriority.init(rawValue:)),
                          let target = m["target"]?.intValue else { return nil }
                    return SLATarget(metric: metric, priority: priority, targetMinutes: target,
                                     businessHours: m["business_hours"]?.boolValue ?? false)
                },
                pauseOn: Set(try row.decode(column: "pause_on", as: String.self).split(separator: " ")
                    .compactMap { TicketStatus(rawValue: String($0)) }),
                calendarID: try row.decode(column: "schedule_id", as: Int?.self)),
            description: try row.decode(column: "description", as: String.self),
            escalation: SLAEscalationActions(json: escalation, errors: &ignored),
            createdAt: try row.decode(column: "created_at", as: Int64.self), updatedAt: try row.decode(column: "updated_at", as: Int64.self))
    }

    func policies() async throws -> [PolicyRecord] {
        try await db.raw("SELECT * FROM sla_policies ORDER BY position, id").all().map(Self.decodePolicy)
    }

    func policy(id: Int) async throws -> PolicyRecord? {
        try await db.raw("SELECT * FROM sla_policies WHERE id = \(bind: id)").first().map(Self.decodePolicy)
    }

    func insertPolicy(_ p: PolicyRecord, now: Int64) async throws -> Int {
        try await db.raw("""
            INSERT INTO sla_policies (title, description, position, filter, policy_metrics, pause_on, schedule_id, escalation, created_at, updated_at)
            VALUES (\(bind: p.policy.title), \(bind: p.description), \(bind: p.policy.position), \(bind: Self.filterJSON(p.policy.filter)),
                    \(bind: Self.metricsJSON(p.policy.targets)), \(bind: Self.pauseOn(p.policy)), \(bind: p.policy.calendarID),
                    \(bind: p.escalation.json.text), \(bind: now), \(bind: now))
            RETURNING id
            """).first()!.decode(column: "id", as: Int.self)
    }

    func updatePolicy(_ p: PolicyRecord, now: Int64) async throws {
        try await db.raw("""
            UPDATE sla_policies SET title = \(bind: p.policy.title), description = \(bind: p.description), position = \(bind: p.policy.position),
                filter = \(bind: Self.filterJSON(p.policy.filter)), policy_metrics = \(bind: Self.metricsJSON(p.policy.targets)),
                pause_on = \(bind: Self.pauseOn(p.policy)), schedule_id = \(bind: p.policy.calendarID),
                escalation = \(bind: p.escalation.json.text), updated_at = \(bind: now)
            WHERE id = \(bind: p.policy.id)
            """).run()
    }

    func deletePolicy(id: Int) async throws {
        try await db.raw("DELETE FROM sla_policies WHERE id = \(bind: id)").run()
    }

    func nextPolicyPosition() async throws -> Int {
        try await db.raw("SELECT COALESCE(MAX(position), 0) + 1 AS n FROM sla_policies").first()!.decode(column: "n", as: Int.self)
    }

    static func pauseOn(_ policy: SLAPolicy) -> String {
        policy.pauseOn.map(\.rawValue).sorted().joined(separator: " ")
    }

    // MARK: Tickets

    static func decodeTicketSLA(_ row: any SQLRow) throws -> TicketSLARecord? {
        guard let history = SLAHistory(encoded: try row.decode(column: "history", as: String.self)) else { return nil }
        return TicketSLARecord(
            ticketID: try row.decode(column: "ticket_id", as: Int.self), policyID: try row.decode(column: "policy_id", as: Int?.self),
            history: history, nextBreachAt: try row.decode(column: "next_breach_at", as: Int64?.self),
            checkAt: try row.decode(column: "check_at", as: Int64?.self), breached: try row.decode(column: "breached", as: Bool.self),
            escalated: Set(try row.decode(column: "escalated", as: String.self).split(separator: " ").map(String.init)),
            breaches: SLABreachSchedule(encoded: try row.decode(column: "scheduled_breaches", as: String?.self)))
    }

    func ticketSLA(ticketID: Int) async throws -> TicketSLARecord? {
        try await db.raw("SELECT * FROM ticket_slas WHERE ticket_id = \(bind: ticketID)").first().flatMap(Self.decodeTicketSLA)
    }

    func save(_ r: TicketSLARecord, now: Int64) async throws {
        try await db.raw("""
            INSERT INTO ticket_slas (ticket_id, policy_id, history, next_breach_at, check_at, breached, escalated,
                                     scheduled_breaches, breach_due_at, updated_at)
            VALUES (\(bind: r.ticketID), \(bind: r.policyID), \(bind: r.history.encoded), \(bind: r.nextBreachAt), \(bind: r.checkAt),
                    \(bind: r.breached), \(bind: r.escalated.sorted().joined(separator: " ")), \(bind: r.breaches.encoded),
                    \(bind: r.breaches.dueAt), \(bind: now))
            ON CONFLICT (ticket_id) DO UPDATE SET policy_id = excluded.policy_id, history = excluded.history,
                next_breach_at = excluded.next_breach_at, check_at = excluded.check_at, breached = excluded.breached,
                escalated = excluded.escalated, scheduled_breaches = excluded.scheduled_breaches,
                breach_due_at = excluded.breach_due_at, updated_at = excluded.updated_at
            """).run()
    }

    /// Tickets whose check time has come (a target is near or past).
    func due(now: Int64, limit: Int) async throws -> [Int] {
        try await db.raw("""
            SELECT ticket_id FROM ticket_slas WHERE check_at IS NOT NULL AND check_at <= \(bind: now)
            ORDER BY check_at LIMIT \(bind: limit)
            """).all().map { try $0.decode(column: "ticket_id", as: Int.self) }
    }
}

extension SLAStore {
    /// The nearest running breach of each of these tickets (for marking rows in lists).
    func breachTimes(_ ticketIDs: [Int]) async throws -> [Int: Int64] {
        guard !ticketIDs.isEmpty else { return [:] }
        var result: [Int: Int64] = [:]
        for row in try await db.raw("""
            SELECT ticket_id, next_breach_at FROM ticket_slas WHERE ticket_id IN (\(binds: ticketIDs)) AND next_breach_at IS NOT NULL
            """).all() {
            result[try row.decode(column: "ticket_id", as: Int.self)] = try row.decode(column: "next_breach_at", as: Int64.self)
        }
        return result
    }
}
