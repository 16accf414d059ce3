import CasebookCore
import Foundation
import Hummingbird
import SQLKit

/// Casebook's own routing resources, in the API's Zendesk-style conventions: presence, routing rules, exclusion
/// rules, groups' routing settings, agents' skills and capacity, the waiting queue, escalations, repeat contacts.
struct RoutingRoutes: Sendable {
    let services: CasebookServices
    var database: Database { services.database }

    func register(on api: RouterGroup<CasebookContext>) {
        api.get("presence", use: listPresence)
        api.get("presence/me", use: showMyPresence)
        api.put("presence/me", use: setMyPresence)
        api.get("routing_rules", use: listRules)
        api.post("routing_rules", use: { try await saveRule($0, $1, id: nil) })
        api.get("routing_rules/:id", use: showRule)
        api.put("routing_rules/:id", use: { try await saveRule($0, $1, id: try $1.parameters.id()) })
        api.delete("routing_rules/:id", use: deleteRule)
        api.get("exclusion_rules", use: listExclusions)
        api.post("exclusion_rules", use: createExclusion)
        api.get("exclusion_rules/:id", use: showExclusion)
        api.delete("exclusion_rules/:id", use: deleteExclusion)
        api.get("routing/groups", use: listGroupRouting)
        api.put("groups/:id/routing", use: setGroupRouting)
        api.get("users/:id/routing", use: showAgentRouting)
        api.put("users/:id/routing", use: setAgentRouting)
        api.get("routing/queue", use: listQueue)
        api.post("tickets/:id/escalations", use: escalate)
        api.get("tickets/:id/repeat_contacts", use: repeatContacts)
    }

    // MARK: Presence

    static func present(_ user: UserRecord, _ record: PresenceRecord?, openTickets: Int, now: Int64, idle: Int64) -> JSONValue {
        let presence = record?.presence
        let effective = presence?.effectiveStatus(now: now, idleAfterMillis: idle) ?? .offline
        return [
            "user_id": .int(user.id), "name": .string(user.name), "role": .string(user.role.rawValue),
            "status": .string(presence?.status.rawValue ?? "offline"), "effective_status": .string(effective.rawValue),
            "back_at": JSONValue(presence?.backAt.map(Timestamp.date)), "note": .string(presence?.note ?? ""),
            "last_active_at": JSONValue(presence.map { Timestamp.date($0.lastActiveAt) }),
            "changed_at": JSONValue(presence.map { Timestamp.date($0.changedAt) }),
            "open_tickets": .int(openTickets), "reachable": .bool(effective == .online),
        ]
    }

    @Sendable func listPresence(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.useWorkspace)
        let now = services.config.clock.now()
        let board = try await TeamBoard.load(services: services, now: now)
        return JSONResponse(["agent_presences": .array(board.agents.map {
            Self.present($0.user, $0.presence, openTickets: $0.openTickets, now: now, idle: services.config.routing.idleAfterMillis)
        }), "count": .int(board.agents.count)])
    }

    @Sendable func showMyPresence(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.useWorkspace)
        let now = services.config.clock.now()
        let (user, record, open) = try await database.read { db in
            (try await UserStore(db: db).find(id: actor.id), try await PresenceStore(db: db).find(userID: actor.id),
             try await RoutingStore(db: db).openCounts(agentIDs: [actor.id])[actor.id] ?? 0)
        }
        guard let user else { throw APIError.unauthorized }
        return JSONResponse(["agent_presence": Self.present(user, record, openTickets: open, now: now, idle: services.config.routing.idleAfterMillis)])
    }

    @Sendable func setMyPresence(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.useWorkspace)
        let body = try await request.envelope("agent_presence", context: context)
        var errors = FieldErrors()
        let status = body["status"]?.stringValue.flatMap(PresenceStatus.init(rawValue:))
        if status == nil { errors.add("status", error: "InvalidValue", "Status: one of online, away, offline") }
        var backAt: Int64?
        if let raw = body["back_at"], !raw.isNull {
            if let text = raw.stringValue, let date = parseISODate(text) { backAt = Timestamp.millis(date) } else {
                errors.add("back_at", error: "InvalidValue", "Back at: an ISO 8601 time such as 2026-11-24T14:30:00Z")
            }
        }
        let note = body["note"]?.stringValue ?? ""
        if !errors.isEmpty { throw APIError.invalid(errors) }
        try await Presence.set(services: services, userID: actor.id, status: status!, backAt: backAt, note: note)
        return try await showMyPresence(request, context: context)
    }

    // MARK: Routing rules

    static func present(_ rule: RoutingRule) -> JSONValue {
        [
            "id": .int(rule.id), "title": .string(rule.title), "position": .int(rule.position), "active": .bool(rule.active),
            "conditions": .array(rule.conditions.map { ["field": .string($0.field), "operator": .string($0.operator), "value": .string($0.value)] }),
            "actions": ["group_id": JSONValue(rule.actions.groupID), "skills": JSONValue(rule.actions.skills),
                        "priority": JSONValue(rule.actions.priority?.rawValue), "add_tags": JSONValue(rule.actions.addTags)],
        ]
    }

    @Sendable func listRules(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.useWorkspace)
        let rules = try await database.read { db in try await RoutingStore(db: db).rules() }
        return JSONResponse(["routing_rules": .array(rules.map(Self.present)), "count": .int(rules.count)])
    }

    @Sendable func showRule(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.useWorkspace)
        let id = try context.parameters.id()
        guard let rule = try await database.read({ db in try await RoutingStore(db: db).rule(id: id) }) else { throw APIError.notFound() }
        return JSONResponse(["routing_rule": Self.present(rule)])
    }

    /// Reads a rule from JSON onto `base`, checking it against the groups that exist.
    static func rule(from body: JSONObject, base: RoutingRule, db: any SQLDatabase) async throws -> RoutingRule {
        var rule = base
        var errors = FieldErrors()
        if let title = body["title"] {
            rule.title = title.stringValue?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        }
        if let position = body["position"] {
            if let n = position.intValue, n > 0 { rule.position = n } else { errors.add("position", error: "InvalidValue", "Position: a number from 1") }
        }
        if let active = body["active"] { rule.active = active.boolValue ?? true }
        if let list = body["conditions"] {
            guard let items = list.arrayValue else { throw APIError.invalid("conditions", "Conditions: a list of {field, operator, value}") }
            rule.conditions = items.map {
                RoutingCondition(field: $0["field"]?.stringValue ?? "", operator: $0["operator"]?.stringValue ?? "",
                                 value: $0["value"].map { $0.stringValue ?? $0.intValue.map(String.init) ?? "" } ?? "")
            }
        }
        if let actions = body["actions"] {
            guard let object = actions.objectValue else { throw APIError.invalid("actions", "Actions: an object with group_id, skills, priority, add_tags") }
            if let g = object["group_id"] {
                if g.isNull { rule.actions.groupID = nil } else if let id = g.intValue { rule.actions.groupID = id } else {
                    errors.add("actions", error: "InvalidValue", "Actions: group_id must be a group id")
                }
            }
            if let skills = object["skills"]?.arrayValue { rule.actions.skills = Tags.normalize(skills.compactMap(\.stringValue)) }
            if let p = object["priority"] {
                if p.isNull { rule.actions.priority = nil } else if let priority = p.stringValue.flatMap(TicketPriority.init(rawValue:)) {
                    rule.actions.priority = priority
                } else { errors.add("actions", error: "InvalidValue", "Actions: priority is one of low, normal, high, urgent") }
            }
            if let tags = object["add_tags"]?.arrayValue { rule.actions.addTags = Tags.normalize(tags.compactMap(\.stringValue)) }
        }
        if let group = rule.actions.groupID, try await GroupStore(db: db).find(id: group) == nil {
            errors.add("actions", error: "InvalidValue", "Actions: no group \(group)")
        }
        do { try rule.validate() } catch { errors.merge(error) }
        if !errors.isEmpty { throw APIError.invalid(errors) }
        return rule
    }

    /// What a new rule starts from before its JSON is read.
    static func blankRule(position: Int) -> RoutingRule {
        RoutingRule(id: 0, position: position, title: "", conditions: [], actions: RoutingActions(), active: true)
    }

    func saveRule(_ request: Request, _ context: CasebookContext, id: Int?) async throws -> Response {
        _ = try context.require(.manageRouting)
        let body = try await request.envelope("routing_rule", context: context)
        let now = services.config.clock.now()
        let saved = try await database.write { db -> RoutingRule in
            let store = RoutingStore(db: db)
            if let id {
                guard let existing = try await store.rule(id: id) else { throw APIError.notFound() }
                let rule = try await Self.rule(from: body, base: existing, db: db)
                try await store.update(rule, now: now)
                return rule
            }
            var rule = try await Self.rule(from: body, base: Self.blankRule(position: try await store.nextRulePosition()), db: db)
            rule.id = try await store.insert(rule, now: now)
            return rule
        }
        services.routing.cache.invalidate()
        return JSONResponse(["routing_rule": Self.present(saved)], status: id == nil ? .created : .ok)
    }

    @Sendable func deleteRule(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.manageRouting)
        let id = try context.parameters.id()
        try await database.write { db in
            guard try await RoutingStore(db: db).rule(id: id) != nil else { throw APIError.notFound() }
            try await RoutingStore(db: db).deleteRule(id: id)
        }
        services.routing.cache.invalidate()
        return Response(status: .noContent)
    }

    // MARK: Exclusion rules

    static func present(_ rule: ExclusionRule, base: String) -> JSONValue {
        [
            "id": .int(rule.id), "url": .string("\(base)/api/v2/exclusion_rules/\(rule.id).json"),
            "agent_id": .int(rule.agentID), "requester_id": JSONValue(rule.requesterID),
            "organization_id": JSONValue(rule.organizationID), "reason": .string(rule.reason),
            "created_by_id": .int(rule.createdByID), "created_at": JSONValue(Timestamp.date(rule.createdAt)),
        ]
    }

    @Sendable func listExclusions(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.useWorkspace)
        let query = QueryItems(request.uri.query)
        let rules = try await database.read { db in try await RoutingStore(db: db).exclusions() }.filter { rule in
            (query["agent_id"].flatMap(Int.init).map { $0 == rule.agentID } ?? true)
                && (query["requester_id"].flatMap(Int.init).map { $0 == rule.requesterID } ?? true)
                && (query["organization_id"].flatMap(Int.init).map { $0 == rule.organizationID } ?? true)
        }
        return JSONResponse(["exclusion_rules": .array(rules.map { Self.present($0, base: request.baseURL) }), "count": .int(rules.count)])
    }

    @Sendable func showExclusion(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.useWorkspace)
        let id = try context.parameters.id()
        guard let rule = try await database.read({ db in try await RoutingStore(db: db).exclusion(id: id) }) else { throw APIError.notFound() }
        return JSONResponse(["exclusion_rule": Self.present(rule, base: request.baseURL)])
    }

    @Sendable func createExclusion(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.manageExclusions)
        let body = try await request.envelope("exclusion_rule", context: context)
        let rule = try await Exclusions.create(services: services, agentID: body["agent_id"]?.intValue,
                                               requesterID: body["requester_id"]?.intValue,
                                               organizationID: body["organization_id"]?.intValue,
                                               reason: body["reason"]?.stringValue ?? "", ticketID: body["ticket_id"]?.intValue,
                                               actor: actor)
        return JSONResponse(["exclusion_rule": Self.present(rule, base: request.baseURL)], status: .created)
    }

    @Sendable func deleteExclusion(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.manageExclusions)
        try await Exclusions.delete(services: services, id: try context.parameters.id(), actor: actor)
        return Response(status: .noContent)
    }

    // MARK: Groups and agents

    @Sendable func listGroupRouting(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.useWorkspace)
        let (groups, members, waiting) = try await database.read { db in
            let store = RoutingStore(db: db)
            return (try await store.groupRouting(), try await store.members(), try await store.waitingCounts())
        }
        return JSONResponse(["group_routings": .array(groups.map { g in
            ["group_id": .int(g.id), "name": .string(g.name), "mode": .string(g.mode.rawValue),
             "schedule_id": JSONValue(g.scheduleID), "skills": JSONValue(g.skills), "member_ids": JSONValue(members[g.id] ?? []), "waiting": .int(waiting[g.id] ?? 0)]
        })])
    }

    @Sendable func setGroupRouting(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.manageRouting)
        let id = try context.parameters.id()
        let body = try await request.envelope("routing", context: context)
        var chosenMode: RoutingMode?
        if let raw = body["mode"] {
            guard let value = raw.stringValue.flatMap(RoutingMode.init(rawValue:)) else {
                throw APIError.invalid("mode", "Mode: one of manual, round_robin, least_loaded")
            }
            chosenMode = value
        }
        var chosenSchedule: Int??
        if let raw = body["schedule_id"] { chosenSchedule = .some(raw.isNull ? nil : raw.intValue) }
        var chosenSkills: [String]?
        if let raw = body["skills"] {
            guard let list = raw.arrayValue?.compactMap(\.stringValue), list.count == raw.arrayValue?.count else {
                throw APIError.invalid("skills", "Skills: a list of words such as [\"hardware\", \"language:de\"]")
            }
            chosenSkills = list
        }
        let mode = chosenMode, schedule = chosenSchedule, skills = chosenSkills
        try await database.write { db in
            guard try await GroupStore(db: db).find(id: id) != nil else { throw APIError.notFound() }
            if let s = schedule ?? nil, try await SLAStore(db: db).schedule(id: s) == nil {
                throw APIError.invalid("schedule_id", "Schedule: no business-hours schedule \(s)")
            }
            try await RoutingStore(db: db).setGroupRouting(groupID: id, mode: mode, scheduleID: schedule, skills: skills)
        }
        services.routing.cache.invalidate()
        if schedule != nil { try await services.slaChanged() }
        try await services.jobs.routeNow()
        return try await listGroupRouting(request, context: context)
    }

    @Sendable func showAgentRouting(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.useWorkspace)
        let id = try context.parameters.id()
        let (skills, capacity) = try await database.read { db in
            guard let user = try await UserStore(db: db).find(id: id), user.role.isStaff else { throw APIError.notFound() }
            return (try await RoutingStore(db: db).skills(userID: id), try await RoutingStore(db: db).capacity(userID: id))
        }
        return JSONResponse(["routing": ["user_id": .int(id), "skills": JSONValue(skills), "capacity": JSONValue(capacity)]])
    }

    @Sendable func setAgentRouting(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.manageRouting)
        let id = try context.parameters.id()
        let body = try await request.envelope("routing", context: context)
        try await database.write { db in
            guard let user = try await UserStore(db: db).find(id: id), user.role.isStaff else {
                throw APIError.invalid("user_id", "Only agents have skills and a capacity")
            }
            let store = RoutingStore(db: db)
            if let skills = body["skills"] {
                guard let list = skills.arrayValue else { throw APIError.invalid("skills", "Skills: a list of words such as hardware or language:de") }
                try await store.setSkills(userID: id, Tags.normalize(list.compactMap(\.stringValue)))
            }
            if let capacity = body["capacity"] {
                if capacity.isNull { try await store.setCapacity(userID: id, nil) } else if let n = capacity.intValue, (0...10_000).contains(n) {
                    try await store.setCapacity(userID: id, n)
                } else { throw APIError.invalid("capacity", "Capacity: the most open tickets this agent takes (0–10000), or null for no limit") }
            }
        }
        services.routing.cache.invalidate()
        try await services.jobs.routeNow()
        return try await showAgentRouting(request, context: context)
    }

    @Sendable func listQueue(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.useWorkspace)
        let waiting = try await database.read { db in try await RoutingStore(db: db).waiting(limit: 1_000) }
        return JSONResponse(["waiting_tickets": .array(waiting.map {
            ["ticket_id": .int($0.ticketID), "group_id": JSONValue($0.groupID), "skills": JSONValue($0.skills),
             "reason": .string($0.reason), "queued_at": JSONValue(Timestamp.date($0.queuedAt))]
        }), "count": .int(waiting.count)])
    }

    // MARK: Tickets

    @Sendable func escalate(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.escalateTickets)
        let id = try context.parameters.id()
        let body = try await request.envelope("escalation", context: context)
        let written = try await EscalationService(tickets: services.tickets, jobs: services.jobs).escalate(
            ticketID: id, to: .init(groupID: body["group_id"]?.intValue, userID: body["user_id"]?.intValue),
            reason: body["reason"]?.stringValue ?? "", actor: actor)
        return JSONResponse(["ticket": Present.ticket(written.ticket, base: request.baseURL),
                             "audit": Present.audit(written.audit!, comments: written.comments, base: request.baseURL)])
    }

    @Sendable func repeatContacts(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.useWorkspace)
        let id = try context.parameters.id()
        let history = try await RepeatHistory.load(ticketID: id, actor: actor, services: services)
        return JSONResponse(["repeat_contacts": .array(history.earlier.map { e in
            ["ticket_id": .int(e.ticketID), "subject": .string(e.subject), "status": .string(e.status),
             "created_at": JSONValue(Timestamp.date(e.createdAt)), "assignee": JSONValue(e.assignee),
             "last_public_reply": e.lastReply.map { ["author": .string($0.author), "body": .string($0.body),
                                                     "created_at": JSONValue(Timestamp.date($0.at))] } ?? .null,
             "decisions": .array(e.decisions.map { .string($0) })]
        }), "summary": JSONValue(history.summary)])
    }
}
