import CasebookCore
import Foundation
import Hummingbird
import SQLKit

/// Admin pages for routing (rules, groups' modes and schedules, agents' skills and capacity) and SLAs (business
/// hours, policies with escalation). Forms are turned into the API's JSON and saved through the same checks.
struct AdminRoutingRoutes: Sendable {
    let services: CasebookServices
    let renderer: PageRenderer
    var database: Database { services.database }

    struct RoutingPage: Sendable {
        struct Rule: Sendable { var id: Int; var position: Int; var title: String; var conditions: String; var actions: String; var active: Bool }
        struct Group: Sendable { var id: Int; var name: String; var modes: [Option]; var schedules: [Option]; var skills: String; var members: Int; var waiting: Int }
        struct Agent: Sendable { var id: Int; var name: String; var role: String; var skills: String; var capacity: String }
        var chrome: Chrome
        var rules: [Rule]
        var groups: [Group]
        var agents: [Agent]
        var fields: [Option]
        var operators: [Option]
        var groupOptions: [Option]
        var priorities: [Option]
    }
    struct SLAPage: Sendable {
        struct Schedule: Sendable { var id: Int; var name: String; var timeZone: String; var hours: String; var holidays: String }
        struct Policy: Sendable { var id: Int; var position: Int; var title: String; var filter: String; var targets: String; var extras: String }
        struct Metric: Sendable { var key: String; var label: String }
        var chrome: Chrome
        var schedules: [Schedule]
        var policies: [Policy]
        var scheduleOptions: [Option]
        var groupOptions: [Option]
        var priorities: [Option]
        var metrics: [Metric]
    }

    func register(on web: RouterGroup<CasebookContext>) {
        web.get("admin/routing", use: routing)
        web.post("admin/routing/rules", use: addRule)
        web.post("admin/routing/rules/:id/delete", use: deleteRule)
        web.post("admin/routing/groups/:id", use: saveGroup)
        web.post("admin/routing/agents/:id", use: saveAgent)
        web.get("admin/sla", use: sla)
        web.post("admin/sla/schedules", use: addSchedule)
        web.post("admin/sla/schedules/:id/holidays", use: addHoliday)
        web.post("admin/sla/schedules/:id/delete", use: deleteSchedule)
        web.post("admin/sla/policies", use: addPolicy)
        web.post("admin/sla/policies/:id/delete", use: deletePolicy)
    }

    // MARK: Routing

    func routingPage(_ context: CasebookContext, errors: [String] = []) async throws -> RoutingPage {
        var chrome = Chrome(title: "Routing", context: context)
        chrome.errors = errors
        return try await database.read { db in
            let store = RoutingStore(db: db)
            let groups = try await store.groupRouting()
            let members = try await store.members()
            let waiting = try await store.waitingCounts()
            let schedules = try await SLAStore(db: db).schedules()
            let skills = try await store.skills()
            let capacities = try await store.capacities()
            let names = Dictionary(uniqueKeysWithValues: groups.map { ($0.id, $0.name) })
            return RoutingPage(
                chrome: chrome,
                rules: try await store.rules().map { r in
                    .init(id: r.id, position: r.position, title: r.title,
                          conditions: r.conditions.map { "\($0.field) \($0.operator) \($0.value)" }.joined(separator: " and "),
                          actions: [r.actions.groupID.map { "group \(names[$0] ?? "#\($0)")" },
                                    r.actions.skills.isEmpty ? nil : "skills \(r.actions.skills.joined(separator: " "))",
                                    r.actions.priority.map { "priority \($0.rawValue)" },
                                    r.actions.addTags.isEmpty ? nil : "tags \(r.actions.addTags.joined(separator: " "))"]
                            .compactMap { $0 }.joined(separator: ", "),
                          active: r.active)
                },
                groups: groups.map { g in
                    .init(id: g.id, name: g.name,
                          modes: RoutingMode.allCases.map { Option(value: $0.rawValue, label: $0.rawValue.replacingOccurrences(of: "_", with: " "), selected: $0 == g.mode) },
                          schedules: [Option(value: "", label: "Always open (24/7)", selected: g.scheduleID == nil)]
                              + schedules.map { Option(value: String($0.id), label: $0.name, selected: $0.id == g.scheduleID) },
                          skills: g.skills.joined(separator: " "), members: members[g.id]?.count ?? 0, waiting: waiting[g.id] ?? 0)
                },
                agents: try await UserStore(db: db).activeStaff().map { u in
                    .init(id: u.id, name: u.name, role: u.role.rawValue, skills: (skills[u.id] ?? []).sorted().joined(separator: " "),
                          capacity: capacities[u.id].map(String.init) ?? "")
                },
                fields: ["subject", "tags", "priority", "channel", "requester_id", "organization_id"].map { Option(value: $0, label: $0, selected: false) },
                operators: ["contains_words", "not_contains_words", "includes", "not_includes", "is", "is_not", "less_than", "greater_than"]
                    .map { Option(value: $0, label: $0.replacingOccurrences(of: "_", with: " "), selected: false) },
                groupOptions: [Option(value: "", label: "Keep", selected: true)] + groups.map { Option(value: String($0.id), label: $0.name, selected: false) },
                priorities: [Option(value: "", label: "Keep", selected: true)] + TicketPriority.allCases.map { Option(value: $0.rawValue, label: $0.rawValue, selected: false) })
        }
    }

    @Sendable func routing(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.manageRouting)
        return renderer.page("admin-routing", try await routingPage(context))
    }

    @Sendable func addRule(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.manageRouting)
        let form = context.form ?? QueryItems(nil)
        var conditions: [JSONValue] = []
        for i in 1...3 {
            let value = (form["value\(i)"] ?? "").trimmingCharacters(in: .whitespaces)
            if value.isEmpty { continue }
            conditions.append(["field": .string(form["field\(i)"] ?? ""), "operator": .string(form["operator\(i)"] ?? ""), "value": .string(value)])
        }
        var actions: JSONObject = ["skills": JSONValue(Tags.normalize(form["skills"] ?? "")), "add_tags": JSONValue(Tags.normalize(form["add_tags"] ?? ""))]
        if let g = Int(form["group_id"] ?? "") { actions["group_id"] = .int(g) }
        if let p = form["priority"], !p.isEmpty { actions["priority"] = .string(p) }
        let body: JSONObject = ["title": .string(form["title"] ?? ""), "conditions": .array(conditions), "actions": .object(actions)]
        let now = services.config.clock.now()
        do {
            try await database.write { db in
                let store = RoutingStore(db: db)
                let rule = try await RoutingRoutes.rule(from: body, base: RoutingRoutes.blankRule(position: try await store.nextRulePosition()), db: db)
                _ = try await store.insert(rule, now: now)
            }
        } catch let error as APIError {
            return renderer.page("admin-routing", try await routingPage(context, errors: error.messages), status: .unprocessableContent)
        }
        services.routing.cache.invalidate()
        return seeOther("/admin/routing")
    }

    @Sendable func deleteRule(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.manageRouting)
        let id = try context.parameters.id()
        try await database.write { db in try await RoutingStore(db: db).deleteRule(id: id) }
        services.routing.cache.invalidate()
        return seeOther("/admin/routing")
    }

    @Sendable func saveGroup(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.manageRouting)
        let id = try context.parameters.id()
        let form = context.form ?? QueryItems(nil)
        guard let mode = RoutingMode(rawValue: form["mode"] ?? "") else {
            return renderer.page("admin-routing", try await routingPage(context, errors: ["Mode: choose manual, round robin or least loaded"]),
                                 status: .unprocessableContent)
        }
        let schedule = Int(form["schedule_id"] ?? "")
        try await database.write { db in
            guard try await GroupStore(db: db).find(id: id) != nil else { throw WebError(.notFound, "That group does not exist.") }
            if let schedule, try await SLAStore(db: db).schedule(id: schedule) == nil { throw WebError(.notFound, "That schedule does not exist.") }
            try await RoutingStore(db: db).setGroupRouting(groupID: id, mode: mode, scheduleID: .some(schedule),
                                                           skills: (form["skills"] ?? "").split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init))
        }
        services.routing.cache.invalidate()
        try await services.slaChanged()
        try await services.jobs.routeNow()
        return seeOther("/admin/routing")
    }

    @Sendable func saveAgent(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.manageRouting)
        let id = try context.parameters.id()
        let form = context.form ?? QueryItems(nil)
        let rawCapacity = (form["capacity"] ?? "").trimmingCharacters(in: .whitespaces)
        let capacity = Int(rawCapacity)
        if !rawCapacity.isEmpty, capacity == nil || !(0...10_000).contains(capacity!) {
            return renderer.page("admin-routing", try await routingPage(context, errors: ["Capacity: a number of open tickets, or empty for no limit"]),
                                 status: .unprocessableContent)
        }
        try await database.write { db in
            guard let user = try await UserStore(db: db).find(id: id), user.role.isStaff else { throw WebError(.notFound, "That agent does not exist.") }
            try await RoutingStore(db: db).setSkills(userID: id, Tags.normalize(form["skills"] ?? ""))
            try await RoutingStore(db: db).setCapacity(userID: id, capacity)
        }
        services.routing.cache.invalidate()
        try await services.jobs.routeNow()
        return seeOther("/admin/routing")
    }

    // MARK: SLAs

    static let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

    func slaPage(_ context: CasebookContext, errors: [String] = []) async throws -> SLAPage {
        var chrome = Chrome(title: "SLAs", context: context)
        chrome.errors = errors
        return try await database.read { db in
            let store = SLAStore(db: db)
            let schedules = try await store.schedules()
            let groups = try await RoutingStore(db: db).groupRouting()
            let scheduleNames = Dictionary(uniqueKeysWithValues: schedules.map { ($0.id, $0.name) })
            return SLAPage(
                chrome: chrome,
                schedules: schedules.map { s in
                    .init(id: s.id, name: s.name, timeZone: s.calendar.timeZone,
                          hours: s.calendar.intervals.map { i in
                              "\(Self.days[(i.startMinute / 1440) % 7]) \(Self.clock(i.startMinute % 1440))–\(Self.clock(i.endMinute - i.startMinute / 1440 * 1440))"
                          }.joined(separator: ", "),
                          holidays: s.calendar.holidays.map { "\($0.name) (\($0.startDate)\($0.endDate == $0.startDate ? "" : " – \($0.endDate)"))" }
                              .joined(separator: ", "))
                },
                policies: try await store.policies().map { p in
                    .init(id: p.policy.id, position: p.policy.position, title: p.policy.title,
                          filter: (p.policy.filter.all.map { "\($0.field) \($0.operator) \($0.value)" }
                                   + (p.policy.filter.any.isEmpty ? [] : ["any of: " + p.policy.filter.any.map { "\($0.field) \($0.operator) \($0.value)" }.joined(separator: " / ")]))
                              .joined(separator: " and ").nonEmpty ?? "every ticket",
                          targets: p.policy.targets.map { "\($0.priority.rawValue) \($0.metric.words) \($0.targetMinutes) min\($0.businessHours ? " (business)" : "")" }
                              .joined(separator: "; "),
                          extras: [p.policy.pauseOn.isEmpty ? nil : "pauses when " + p.policy.pauseOn.map(\.rawValue).sorted().joined(separator: "/"),
                                   p.policy.calendarID.map { "hours: \(scheduleNames[$0] ?? "#\($0)")" },
                                   p.escalation.isEmpty ? nil : "escalates \(p.escalation.leadMinutes) min ahead"]
                              .compactMap { $0 }.joined(separator: "; "))
                },
                scheduleOptions: [Option(value: "", label: "The group's hours, else 24/7", selected: true)]
                    + schedules.map { Option(value: String($0.id), label: $0.name, selected: false) },
                groupOptions: [Option(value: "", label: "Any", selected: true)] + groups.map { Option(value: String($0.id), label: $0.name, selected: false) },
                priorities: [Option(value: "", label: "Any", selected: true)] + TicketPriority.allCases.map { Option(value: $0.rawValue, label: $0.rawValue, selected: false) },
                metrics: SLAMetric.allCases.map { .init(key: $0.rawValue, label: $0.words.prefix(1).uppercased() + $0.words.dropFirst()) })
        }
    }

    static func clock(_ minute: Int) -> String {
        let h = minute / 60, m = minute % 60
        return "\(h < 10 ? "0" : "")\(h):\(m < 10 ? "0" : "")\(m)"
    }

    /// "09:00" → 540.
    static func minute(_ raw: String?) -> Int? {
        let parts = (raw ?? "").split(separator: ":")
        guard parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]), (0...24).contains(h), (0...59).contains(m), h * 60 + m <= 1440 else { return nil }
        return h * 60 + m
    }

    @Sendable func sla(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.manageSLAs)
        return renderer.page("admin-sla", try await slaPage(context))
    }

    func refusedSLA(_ context: CasebookContext, _ messages: [String]) async throws -> Response {
        renderer.page("admin-sla", try await slaPage(context, errors: messages), status: .unprocessableContent)
    }

    @Sendable func addSchedule(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.manageSLAs)
        let form = context.form ?? QueryItems(nil)
        // Hours are "09:00-12:00, 13:00-17:00": one or more intervals, the same on each chosen day.
        var spans: [(Int, Int)] = []
        for part in (form["hours"] ?? "").split(separator: ",") {
            let ends = part.split(separator: "-").map { String($0).trimmingCharacters(in: .whitespaces) }
            guard ends.count == 2, let from = Self.minute(ends[0]), let to = Self.minute(ends[1]) else {
                return try await refusedSLA(context, ["Hours: write them as 09:00-17:00, several separated by commas"])
            }
            spans.append((from, to))
        }
        let days = (0..<7).filter { form["day\($0)"] == "1" }
        if days.isEmpty || spans.isEmpty { return try await refusedSLA(context, ["Choose at least one day and give the hours"]) }
        let intervals: [JSONValue] = days.flatMap { d in spans.map { ["start_time": .int(d * 1440 + $0.0), "end_time": .int(d * 1440 + $0.1)] } }
        let body: JSONObject = ["name": .string(form["name"] ?? ""), "time_zone": .string(form["time_zone"] ?? ""), "intervals": .array(intervals)]
        let now = services.config.clock.now()
        do {
            let calendar = BusinessCalendar(timeZone: body["time_zone"]?.stringValue ?? "", intervals: try SLARoutes.intervals(body["intervals"]) ?? [], holidays: [])
            let name = (form["name"] ?? "").trimmingCharacters(in: .whitespaces)
            let valid = try SLARoutes.validated(calendar, name: name)
            try await database.write { db in _ = try await SLAStore(db: db).insertSchedule(name: name, calendar: valid, now: now) }
        } catch let error as APIError {
            return try await refusedSLA(context, error.messages)
        }
        services.sla.cache.invalidate()
        return seeOther("/admin/sla")
    }

    @Sendable func addHoliday(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.manageSLAs)
        let id = try context.parameters.id()
        let form = context.form ?? QueryItems(nil)
        let now = services.config.clock.now()
        do {
            try await database.write { db in
                guard var record = try await SLAStore(db: db).schedule(id: id) else { throw WebError(.notFound, "That schedule does not exist.") }
                let start = form["start_date"] ?? ""
                let end = (form["end_date"] ?? "").isEmpty ? start : form["end_date"]!
                record.calendar = try SLARoutes.validated(BusinessCalendar(
                    timeZone: record.calendar.timeZone, intervals: record.calendar.intervals,
                    holidays: record.calendar.holidays + [.init(name: form["name"] ?? "", startDate: start, endDate: end)]), name: record.name)
                try await SLAStore(db: db).updateSchedule(record, now: now)
            }
        } catch let error as APIError {
            return try await refusedSLA(context, error.messages)
        }
        try await services.slaChanged()
        return seeOther("/admin/sla")
    }

    @Sendable func deleteSchedule(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.manageSLAs)
        let id = try context.parameters.id()
        try await database.write { db in try await SLAStore(db: db).deleteSchedule(id: id) }
        try await services.slaChanged()
        return seeOther("/admin/sla")
    }

    @Sendable func addPolicy(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.manageSLAs)
        let form = context.form ?? QueryItems(nil)
        var all: [JSONValue] = []
        if let p = form["priority"], !p.isEmpty { all.append(["field": "priority", "operator": "is", "value": .string(p)]) }
        if let g = form["group_id"], !g.isEmpty { all.append(["field": "group_id", "operator": "is", "value": .string(g)]) }
        if let t = form["tags"]?.trimmingCharacters(in: .whitespaces), !t.isEmpty { all.append(["field": "tags", "operator": "includes", "value": .string(t)]) }
        var metrics: [JSONValue] = []
        var errors: [String] = []
        for metric in SLAMetric.allCases {
            for priority in TicketPriority.allCases {
                let raw = (form["\(metric.rawValue)_\(priority.rawValue)"] ?? "").trimmingCharacters(in: .whitespaces)
                if raw.isEmpty { continue }
                guard let minutes = Int(raw) else { errors.append("\(metric.words) for \(priority.rawValue): minutes as a whole number"); continue }
                metrics.append(["priority": .string(priority.rawValue), "metric": .string(metric.rawValue), "target": .int(minutes),
                                "business_hours": .bool(form["business_hours"] == "1")])
            }
        }
        if metrics.isEmpty { errors.append("Targets: give at least one target in minutes") }
        if !errors.isEmpty { return try await refusedSLA(context, errors) }
        var escalation: JSONObject = ["notify_leads": .bool(form["notify_leads"] == "1"),
                                      "add_tags": JSONValue(Tags.normalize(form["escalation_tags"] ?? ""))]
        if let lead = form["lead_minutes"], !lead.isEmpty { escalation["lead_minutes"] = Int(lead).map(JSONValue.int) ?? .string(lead) }
        if let raise = form["raise_priority_to"], !raise.isEmpty { escalation["raise_priority_to"] = .string(raise) }
        if let g = form["escalation_group_id"], !g.isEmpty { escalation["group_id"] = Int(g).map(JSONValue.int) ?? .string(g) }
        var draft: JSONObject = [
            "title": .string(form["title"] ?? ""), "description": .string(form["description"] ?? ""),
            "filter": ["all": .array(all), "any": .array([])], "policy_metrics": .array(metrics),
            "pause_on": JSONValue(["pending", "hold"].filter { form["pause_\($0)"] == "1" }), "escalation": .object(escalation),
        ]
        if let s = form["schedule_id"], let id = Int(s) { draft["schedule_id"] = .int(id) }
        let body = draft
        let now = services.config.clock.now()
        do {
            try await database.write { db in
                let store = SLAStore(db: db)
                let record = try await SLARoutes.policy(from: body, base: SLARoutes.blankPolicy(position: try await store.nextPolicyPosition(), now: now), db: db)
                _ = try await store.insertPolicy(record, now: now)
            }
        } catch let error as APIError {
            return try await refusedSLA(context, error.messages)
        }
        try await services.slaChanged()
        return seeOther("/admin/sla")
    }

    @Sendable func deletePolicy(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.manageSLAs)
        let id = try context.parameters.id()
        try await database.write { db in try await SLAStore(db: db).deletePolicy(id: id) }
        try await services.slaChanged()
        return seeOther("/admin/sla")
    }
}
