import CasebookCore
import Foundation
import Hummingbird
import SQLKit

/// Zendesk's `/api/v2/business_hours/schedules` and `/api/v2/slas/policies`, plus each ticket's targets
/// (`/api/v2/tickets/{id}/slas`). A change re-evaluates every open ticket in the background.
struct SLARoutes: Sendable {
    let services: CasebookServices
    var database: Database { services.database }

    func register(on api: RouterGroup<CasebookContext>) {
        api.get("business_hours/schedules", use: listSchedules)
        api.post("business_hours/schedules", use: { try await saveSchedule($0, $1, id: nil) })
        api.get("business_hours/schedules/:id", use: showSchedule)
        api.put("business_hours/schedules/:id", use: { try await saveSchedule($0, $1, id: try $1.parameters.id()) })
        api.put("business_hours/schedules/:id/workweek", use: saveWorkweek)
        api.delete("business_hours/schedules/:id", use: deleteSchedule)
        api.get("business_hours/schedules/:id/holidays", use: listHolidays)
        api.post("business_hours/schedules/:id/holidays", use: addHoliday)
        api.get("slas/policies", use: listPolicies)
        api.post("slas/policies", use: { try await savePolicy($0, $1, id: nil) })
        api.put("slas/policies/reorder", use: reorderPolicies)
        api.get("slas/policies/:id", use: showPolicy)
        api.put("slas/policies/:id", use: { try await savePolicy($0, $1, id: try $1.parameters.id()) })
        api.delete("slas/policies/:id", use: deletePolicy)
        api.get("tickets/:id/slas", use: ticketSLAs)
        api.get("incremental/ticket_metric_events", use: metricEvents)
        api.get("tickets/:id/metric_events", use: ticketMetricEvents)
    }

    func changed() async throws { try await services.slaChanged() }

    /// What a new policy starts from before its JSON is read.
    static func blankPolicy(position: Int, now: Int64) -> PolicyRecord {
        PolicyRecord(policy: SLAPolicy(id: 0, title: "", position: position, filter: SLAFilter(), targets: [], pauseOn: [], calendarID: nil),
                     description: "", escalation: SLAEscalationActions(), createdAt: now, updatedAt: now)
    }

    // MARK: Schedules

    static func present(_ s: ScheduleRecord) -> JSONValue {
        [
            "id": .int(s.id), "name": .string(s.name), "time_zone": .string(s.calendar.timeZone),
            "intervals": .array(s.calendar.intervals.map { ["start_time": .int($0.startMinute), "end_time": .int($0.endMinute)] }),
            "holidays": .array(s.calendar.holidays.enumerated().map { i, h in
                ["id": .int(i + 1), "name": .string(h.name), "start_date": .string(h.startDate), "end_date": .string(h.endDate)]
            }),
            "created_at": JSONValue(Timestamp.date(s.createdAt)), "updated_at": JSONValue(Timestamp.date(s.updatedAt)),
        ]
    }

    static func intervals(_ value: JSONValue?) throws -> [BusinessCalendar.WeeklyInterval]? {
        guard let value else { return nil }
        guard let list = value.arrayValue else { throw APIError.invalid("intervals", "Intervals: a list of {start_time, end_time} in minutes from Sunday 00:00") }
        return list.map { .init(startMinute: $0["start_time"]?.intValue ?? -1, endMinute: $0["end_time"]?.intValue ?? -1) }
    }

    static func holidays(_ value: JSONValue?) throws -> [BusinessCalendar.Holiday]? {
        guard let value else { return nil }
        guard let list = value.arrayValue else { throw APIError.invalid("holidays", "Holidays: a list of {name, start_date, end_date}") }
        return list.map { .init(name: $0["name"]?.stringValue ?? "", startDate: $0["start_date"]?.stringValue ?? "", endDate: $0["end_date"]?.stringValue ?? "") }
    }

    static func validated(_ calendar: BusinessCalendar, name: String) throws -> BusinessCalendar {
        var errors = FieldErrors()
        if name.trimmingCharacters(in: .whitespaces).isEmpty { errors.add("name", error: "BlankValue", "Name: cannot be blank") }
        do { try calendar.validate() } catch { errors.merge(error) }
        if !errors.isEmpty { throw APIError.invalid(errors) }
        return calendar
    }

    @Sendable func listSchedules(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.useWorkspace)
        let list = try await database.read { db in try await SLAStore(db: db).schedules() }
        return JSONResponse(["schedules": .array(list.map(Self.present)), "count": .int(list.count)])
    }

    @Sendable func showSchedule(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.useWorkspace)
        return JSONResponse(["schedule": Self.present(try await schedule(try context.parameters.id()))])
    }

    func schedule(_ id: Int) async throws -> ScheduleRecord {
        guard let s = try await database.read({ db in try await SLAStore(db: db).schedule(id: id) }) else { throw APIError.notFound() }
        return s
    }

    func saveSchedule(_ request: Request, _ context: CasebookContext, id: Int?) async throws -> Response {
        _ = try context.require(.manageSLAs)
        let body = try await request.envelope("schedule", context: context)
        let now = services.config.clock.now()
        let saved = try await database.write { db -> ScheduleRecord in
            let store = SLAStore(db: db)
            var record: ScheduleRecord
            if let id {
                guard let existing = try await store.schedule(id: id) else { throw APIError.notFound() }
                record = existing
            } else {
                // Zendesk's default for a new schedule: Monday to Friday, 9 to 5.
                record = ScheduleRecord(id: 0, name: "", calendar: BusinessCalendar(
                    timeZone: "UTC", intervals: (1...5).map { .init(startMinute: $0 * 1440 + 540, endMinute: $0 * 1440 + 1020) }, holidays: []),
                    createdAt: now, updatedAt: now)
            }
            if let name = body["name"] { record.name = name.stringValue ?? "" }
            record.calendar = try Self.validated(BusinessCalendar(
                timeZone: body["time_zone"].map { $0.stringValue ?? "" } ?? record.calendar.timeZone,
                intervals: try Self.intervals(body["intervals"]) ?? record.calendar.intervals,
                holidays: try Self.holidays(body["holidays"]) ?? record.calendar.holidays), name: record.name)
            if id == nil { record.id = try await store.insertSchedule(name: record.name, calendar: record.calendar, now: now) } else {
                try await store.updateSchedule(record, now: now)
            }
            record.updatedAt = now
            return record
        }
        try await changed()
        return JSONResponse(["schedule": Self.present(saved)], status: id == nil ? .created : .ok)
    }

    @Sendable func saveWorkweek(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.manageSLAs)
        let id = try context.parameters.id()
        let body = try await request.envelope("workweek", context: context)
        guard let intervals = try Self.intervals(body["intervals"]) else { throw APIError.invalid("intervals", "Intervals: required") }
        let now = services.config.clock.now()
        let saved = try await database.write { db -> ScheduleRecord in
            guard var record = try await SLAStore(db: db).schedule(id: id) else { throw APIError.notFound() }
            record.calendar = try Self.validated(BusinessCalendar(timeZone: record.calendar.timeZone, intervals: intervals,
                                                                  holidays: record.calendar.holidays), name: record.name)
            try await SLAStore(db: db).updateSchedule(record, now: now)
            return record
        }
        try await changed()
        return JSONResponse(["workweek": ["intervals": Self.present(saved)["intervals"] ?? .array([])]])
    }

    @Sendable func deleteSchedule(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.manageSLAs)
        let id = try context.parameters.id()
        try await database.write { db in
            guard try await SLAStore(db: db).schedule(id: id) != nil else { throw APIError.notFound() }
            try await SLAStore(db: db).deleteSchedule(id: id)
        }
        try await changed()
        return Response(status: .noContent)
    }

    @Sendable func listHolidays(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.useWorkspace)
        let s = try await schedule(try context.parameters.id())
        return JSONResponse(["holidays": Self.present(s)["holidays"] ?? .array([])])
    }

    @Sendable func addHoliday(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.manageSLAs)
        let id = try context.parameters.id()
        let body = try await request.envelope("holiday", context: context)
        let now = services.config.clock.now()
        let saved = try await database.write { db -> ScheduleRecord in
            guard var record = try await SLAStore(db: db).schedule(id: id) else { throw APIError.notFound() }
            record.calendar = try Self.validated(BusinessCalendar(
                timeZone: record.calendar.timeZone, intervals: record.calendar.intervals,
                holidays: record.calendar.holidays + (try Self.holidays(.array([.object(body)])) ?? [])), name: record.name)
            try await SLAStore(db: db).updateSchedule(record, now: now)
            return record
        }
        try await changed()
        let list = Self.present(saved)["holidays"]?.arrayValue ?? []
        return JSONResponse(["holiday": list.last ?? .null], status: .created)
    }

    // MARK: Policies

    static func present(_ p: PolicyRecord, base: String) -> JSONValue {
        func conditions(_ list: [SLACondition]) -> JSONValue {
            .array(list.map { ["field": .string($0.field), "operator": .string($0.operator), "value": .string($0.value)] })
        }
        return [
            "id": .int(p.policy.id), "url": .string("\(base)/api/v2/slas/policies/\(p.policy.id).json"),
            "title": .string(p.policy.title), "description": .string(p.description), "position": .int(p.policy.position),
            "filter": ["all": conditions(p.policy.filter.all), "any": conditions(p.policy.filter.any)],
            "policy_metrics": .array(p.policy.targets.map {
                ["priority": .string($0.priority.rawValue), "metric": .string($0.metric.rawValue), "target": .int($0.targetMinutes),
                 "business_hours": .bool($0.businessHours)]
            }),
            "pause_on": JSONValue(p.policy.pauseOn.map(\.rawValue).sorted()), "schedule_id": JSONValue(p.policy.calendarID),
            "escalation": p.escalation.json,
            "created_at": JSONValue(Timestamp.date(p.createdAt)), "updated_at": JSONValue(Timestamp.date(p.updatedAt)),
        ]
    }

    static func conditions(_ value: JSONValue?, _ key: String) throws -> [SLACondition] {
        guard let value, !value.isNull else { return [] }
        guard let list = value.arrayValue else { throw APIError.invalid("filter", "Filter: \(key) is a list of {field, operator, value}") }
        return list.map {
            SLACondition(field: $0["field"]?.stringValue ?? "", operator: $0["operator"]?.stringValue ?? "",
                         value: $0["value"].map { $0.stringValue ?? $0.intValue.map(String.init) ?? "" } ?? "")
        }
    }

    static func policy(from body: JSONObject, base: PolicyRecord, db: any SQLDatabase) async throws -> PolicyRecord {
        var record = base
        var errors = FieldErrors()
        if let title = body["title"] { record.policy.title = title.stringValue?.trimmingCharacters(in: .whitespaces) ?? "" }
        if let d = body["description"] { record.description = d.stringValue ?? "" }
        if let p = body["position"] {
            if let n = p.intValue, n > 0 { record.policy.position = n } else { errors.add("position", error: "InvalidValue", "Position: a number from 1") }
        }
        if let filter = body["filter"] {
            record.policy.filter = SLAFilter(all: try conditions(filter["all"], "all"), any: try conditions(filter["any"], "any"))
        }
        if let metrics = body["policy_metrics"] {
            guard let list = metrics.arrayValue else { throw APIError.invalid("policy_metrics", "Policy metrics: a list of {priority, metric, target, business_hours}") }
            var targets: [SLATarget] = []
            for (i, m) in list.enumerated() {
                guard let metric = m["metric"]?.stringValue.flatMap(SLAMetric.init(rawValue:)) else {
                    errors.add("policy_metrics", error: "InvalidValue", "Policy metric \(i + 1): metric is one of " +
                               SLAMetric.allCases.map(\.rawValue).joined(separator: ", ")); continue
                }
                guard let priority = m["priority"]?.stringValue.flatMap(TicketPriority.init(rawValue:)) else {
                    errors.add("policy_metrics", error: "InvalidValue", "Policy metric \(i + 1): priority is one of low, normal, high, urgent"); continue
                }
                guard let target = m["target"]?.intValue, target > 0, target <= 525_600 else {
                    errors.add("policy_metrics", error: "InvalidValue", "Policy metric \(i + 1): target is minutes from 1 to 525600"); continue
                }
                targets.append(SLATarget(metric: metric, priority: priority, targetMinutes: target,
                                         businessHours: m["business_hours"]?.boolValue ?? false))
            }
            record.policy.targets = targets
        }
        if let pause = body["pause_on"] {
            let names = pause.arrayValue?.compactMap(\.stringValue) ?? []
            let statuses = names.compactMap(TicketStatus.init(rawValue:)).filter { $0 == .pending || $0 == .hold }
            if statuses.count != names.count { errors.add("pause_on", error: "InvalidValue", "Pause on: a list of pending and/or hold") }
            record.policy.pauseOn = Set(statuses)
        }
        if let s = body["schedule_id"] {
            if s.isNull { record.policy.calendarID = nil } else if let id = s.intValue, try await SLAStore(db: db).schedule(id: id) != nil {
                record.policy.calendarID = id
            } else { errors.add("schedule_id", error: "InvalidValue", "Schedule: no business-hours schedule \(s.text)") }
        }
        if let e = body["escalation"] {
            var messages: [String] = []
            record.escalation = SLAEscalationActions(json: e, errors: &messages)
            for m in messages { errors.add("escalation", error: "InvalidValue", m) }
            if let g = record.escalation.groupID, try await GroupStore(db: db).find(id: g) == nil {
                errors.add("escalation", error: "InvalidValue", "escalation.group_id: no group \(g)")
            }
        }
        if record.policy.title.isEmpty { errors.add("title", error: "BlankValue", "Title: cannot be blank") }
        do { try record.policy.filter.validate() } catch { errors.merge(error) }
        if !errors.isEmpty { throw APIError.invalid(errors) }
        return record
    }

    @Sendable func listPolicies(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.useWorkspace)
        let list = try await database.read { db in try await SLAStore(db: db).policies() }
        return JSONResponse(["sla_policies": .array(list.map { Self.present($0, base: request.baseURL) }), "count": .int(list.count),
                             "next_page": nil, "previous_page": nil])
    }

    @Sendable func showPolicy(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.useWorkspace)
        let id = try context.parameters.id()
        guard let p = try await database.read({ db in try await SLAStore(db: db).policy(id: id) }) else { throw APIError.notFound() }
        return JSONResponse(["sla_policy": Self.present(p, base: request.baseURL)])
    }

    func savePolicy(_ request: Request, _ context: CasebookContext, id: Int?) async throws -> Response {
        _ = try context.require(.manageSLAs)
        let body = try await request.envelope("sla_policy", context: context)
        let now = services.config.clock.now()
        let saved = try await database.write { db -> PolicyRecord in
            let store = SLAStore(db: db)
            if let id {
                guard let existing = try await store.policy(id: id) else { throw APIError.notFound() }
                let record = try await Self.policy(from: body, base: existing, db: db)
                try await store.updatePolicy(record, now: now)
                return record
            }
            var record = try await Self.policy(from: body, base: Self.blankPolicy(position: try await store.nextPolicyPosition(), now: now), db: db)
            record.policy.id = try await store.insertPolicy(record, now: now)
            return record
        }
        try await changed()
        return JSONResponse(["sla_policy": Self.present(saved, base: request.baseURL)], status: id == nil ? .created : .ok)
    }

    @Sendable func reorderPolicies(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.manageSLAs)
        let body = try await request.json(context: context)
        guard let ids = body["sla_policy_ids"]?.arrayValue?.compactMap(\.intValue), !ids.isEmpty else {
            throw APIError.invalid("sla_policy_ids", "SLA policy ids: the policies' ids in their new order")
        }
        let now = services.config.clock.now()
        try await database.write { db in
            let store = SLAStore(db: db)
            let existing = Set(try await store.policies().map(\.policy.id))
            guard Set(ids) == existing, ids.count == existing.count else {
                throw APIError.invalid("sla_policy_ids", "SLA policy ids: list every policy exactly once")
            }
            for (i, id) in ids.enumerated() {
                guard var p = try await store.policy(id: id) else { continue }
                p.policy.position = i + 1
                try await store.updatePolicy(p, now: now)
            }
        }
        try await changed()
        return try await listPolicies(request, context: context)
    }

    @Sendable func deletePolicy(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.manageSLAs)
        let id = try context.parameters.id()
        try await database.write { db in
            guard try await SLAStore(db: db).policy(id: id) != nil else { throw APIError.notFound() }
            try await SLAStore(db: db).deletePolicy(id: id)
        }
        try await changed()
        return Response(status: .noContent)
    }

    // MARK: A ticket's targets

    static func present(_ state: SLAMetricState, now: Int64) -> JSONValue {
        var o: JSONObject = ["metric": .string(state.metric.rawValue), "target": .int(state.targetMinutes),
                             "business_hours": .bool(state.businessHours)]
        switch state.stage {
        case .active(let at):
            o["stage"] = "active"; o["breach_at"] = JSONValue(Timestamp.date(at)); o["minutes_left"] = .int(Int((at - now) / 60_000))
        case .breached(let at, _):
            o["stage"] = "breached"; o["breach_at"] = JSONValue(Timestamp.date(at))
        case .notStarted:
            o["stage"] = "not_started"; o["breach_at"] = .null
        case .paused(let remaining):
            o["stage"] = "paused"; o["breach_at"] = .null; o["minutes_left"] = .int(Int(remaining / 60_000))
        case .fulfilled(let at, let breached):
            o["stage"] = "achieved"; o["fulfilled_at"] = JSONValue(Timestamp.date(at)); o["breached"] = .bool(breached); o["breach_at"] = .null
        }
        return .object(o)
    }

    @Sendable func ticketSLAs(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.useWorkspace)
        let id = try context.parameters.id()
        let now = services.config.clock.now()
        let (policy, states) = try await database.read { db in
            let ticket = try await services.tickets.visibleTicket(id, to: actor, db: db)
            return try await services.sla.states(ticket: ticket, db: db)
        }
        return JSONResponse(["sla_policy": policy.map { ["id": .int($0.policy.id), "title": .string($0.policy.title),
                                                          "description": .string($0.description)] } ?? .null,
                             "policy_metrics": .array(states.map { Self.present($0, now: now) })])
    }

    // MARK: Metric events

    /// Zendesk's `GET /api/v2/incremental/ticket_metric_events?start_time=`: what happened to every ticket's SLA
    /// metrics, oldest first, 1,000 a page. Breaches appear once their instant has passed. `next_page` carries a
    /// cursor (time and id), so events sharing a second are neither repeated nor skipped across pages.
    @Sendable func metricEvents(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.viewAllTickets)
        let query = request.query
        let after: (Int64, Int)
        if let cursor = query["cursor"] {
            after = try IncrementalCursor.decode(String(cursor))
        } else if let start = query["start_time"], let seconds = Int64(String(start)), seconds >= 0 {
            after = (seconds * 1000, 0)
        } else {
            throw APIError.badRequest("Give start_time (a Unix time in seconds) or cursor")
        }
        let size = min(max(Int(query["per_page"] ?? "1000") ?? 1000, 1), 1000)
        // Breaches whose instant has passed join the feed first.
        let now = services.config.clock.now()
        try await services.sla.materialiseDueBreaches(database: database, until: now)
        let (events, snapshot) = try await database.read { db in
            (try await MetricEventStore(db: db).list(after: after, until: now, limit: size),
             try await services.sla.cache.snapshot(db: db, now: now))
        }
        let last = events.last.map { ($0.time, $0.id) } ?? after
        let cursor = IncrementalCursor.encode(last)
        return JSONResponse([
            "ticket_metric_events": .array(events.map { Self.present($0, policies: snapshot.policies) }),
            "count": .int(events.count),
            "end_of_stream": .bool(events.count < size),
            "end_time": .int(Int(last.0 / 1000)),
            "after_cursor": .string(cursor),
            "next_page": .string(PageLinks(request: request, path: "/api/v2/incremental/ticket_metric_events.json")
                .url(replacing: ["cursor": cursor, "start_time": nil])),
        ])
    }

    /// One ticket's metric events (Casebook's; the same objects as the feed).
    @Sendable func ticketMetricEvents(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.useWorkspace)
        let id = try context.parameters.id()
        let now = services.config.clock.now()
        try await services.sla.materialiseDueBreaches(database: database, until: now)
        let (events, snapshot) = try await database.read { db in
            _ = try await services.tickets.visibleTicket(id, to: actor, db: db)
            return (try await MetricEventStore(db: db).list(ticketID: id).filter { $0.time <= now },
                    try await services.sla.cache.snapshot(db: db, now: now))
        }
        return JSONResponse(["ticket_metric_events": .array(events.map { Self.present($0, policies: snapshot.policies) }),
                             "count": .int(events.count)])
    }

    static func present(_ e: MetricEventRecord, policies: [Int: PolicyRecord]) -> JSONValue {
        var object: JSONObject = [
            "id": .int(e.id), "ticket_id": .int(e.ticketID),
            "metric": .string(SLAMetricEventDraft(metric: e.metric, kind: .activate, at: 0).zendeskMetric),
            "instance_id": .int(e.instanceID), "type": .string(e.type), "time": JSONValue(Timestamp.date(e.time)),
        ]
        if e.type == SLAMetricEventDraft.Kind.applySLA.rawValue {
            let policy = e.policyID.flatMap { policies[$0] }
            object["sla"] = ["target": JSONValue(e.targetMinutes), "business_hours": .bool(e.businessHours ?? false),
                             "policy": ["id": JSONValue(e.policyID), "title": JSONValue(policy?.policy.title),
                                        "description": JSONValue(policy?.description)]]
        }
        if e.type == SLAMetricEventDraft.Kind.breach.rawValue { object["deleted"] = .bool(e.deleted) }
        return .object(object)
    }
}
