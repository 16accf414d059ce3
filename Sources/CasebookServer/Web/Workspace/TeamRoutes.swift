import CasebookCore
import Foundation
import Hummingbird
import SQLKit

/// The agent's own presence, the leads' team board, and the ticket page's exclusion and escalation forms.
struct TeamRoutes: Sendable {
    let services: CasebookServices
    let renderer: PageRenderer

    struct PresencePage: Sendable {
        var chrome: Chrome
        var statuses: [Option]
        var backAt: String
        var note: String
        var openTickets: Int
    }
    struct TeamPage: Sendable {
        struct Row: Sendable {
            var id: Int
            var name: String
            var role: String
            var status: String
            var reachable: Bool
            var backAt: String
            var note: String
            var openTickets: Int
            var groups: String
            var lastActive: String
        }
        struct Waiting: Sendable { var group: String; var count: Int }
        var chrome: Chrome
        var rows: [Row]
        var online: Int
        var waiting: [Waiting]
        var hasWaiting: Bool
    }

    func register(on web: RouterGroup<CasebookContext>) {
        web.get("agent/presence", use: presence)
        web.post("agent/presence", use: setPresence)
        web.get("agent/team", use: team)
        web.post("agent/tickets/:id/exclusions", use: addExclusion)
        web.post("agent/tickets/:id/escalate", use: escalate)
    }

    /// Times in forms are UTC, as pages show them (`2026-11-24 14:30`).
    static func parseFormTime(_ raw: String) -> Int64? {
        let text = raw.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " UTC", with: "")
            .replacingOccurrences(of: "T", with: " ")
        let parts = text.split(separator: " ")
        guard parts.count == 2 else { return nil }
        return parseISODate("\(parts[0])T\(parts[1].count == 5 ? parts[1] + ":00" : parts[1])Z").map(Timestamp.millis)
    }

    @Sendable func presence(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.useWorkspace)
        return try await presencePage(context, actor: actor)
    }

    func presencePage(_ context: CasebookContext, actor: Actor, errors: [String] = [], notices: [String] = []) async throws -> Response {
        let (record, open) = try await services.database.read { db in
            (try await PresenceStore(db: db).find(userID: actor.id), try await RoutingStore(db: db).openCounts(agentIDs: [actor.id])[actor.id] ?? 0)
        }
        var chrome = Chrome(title: "My status", context: context)
        chrome.errors = errors
        chrome.notices = notices
        let current = record?.presence.status ?? .offline
        let page = PresencePage(
            chrome: chrome, statuses: PresenceStatus.allCases.map { Option(value: $0.rawValue, label: $0.rawValue.capitalized, selected: $0 == current) },
            backAt: record?.presence.backAt.map { String(PageTime.text($0).dropLast(4)) } ?? "", note: record?.presence.note ?? "",
            openTickets: open)
        return renderer.page("presence", page, status: errors.isEmpty ? .ok : .unprocessableContent)
    }

    @Sendable func setPresence(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.useWorkspace)
        let form = context.form ?? QueryItems(nil)
        guard let status = PresenceStatus(rawValue: form["status"] ?? "") else {
            return try await presencePage(context, actor: actor, errors: ["Status: choose online, away or offline"])
        }
        var backAt: Int64?
        if let raw = form["back_at"], !raw.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let parsed = Self.parseFormTime(raw) else {
                return try await presencePage(context, actor: actor, errors: ["Back at: a UTC time such as 2026-11-24 14:30"])
            }
            backAt = parsed
        }
        let note: String
        if let given = form["note"] { note = given } else {
            note = try await services.database.read { db in try await PresenceStore(db: db).find(userID: actor.id)?.presence.note } ?? ""
        }
        do {
            try await Presence.set(services: services, userID: actor.id, status: status, backAt: backAt, note: note)
        } catch let error as APIError {
            return try await presencePage(context, actor: actor, errors: error.messages)
        }
        let back = request.headers[.referer].flatMap { URL(string: $0)?.path }.flatMap { $0.hasPrefix("/agent") ? $0 : nil }
        return seeOther(back ?? "/agent/presence")
    }

    @Sendable func team(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.viewTeamBoard)
        let now = services.config.clock.now()
        let idle = services.config.routing.idleAfterMillis
        let board = try await TeamBoard.load(services: services, now: now)
        let rows = board.agents.map { a in
            let effective = a.presence?.presence.effectiveStatus(now: now, idleAfterMillis: idle) ?? .offline
            return TeamPage.Row(id: a.user.id, name: a.user.name, role: a.user.role.rawValue, status: effective.rawValue,
                                reachable: effective == .online, backAt: a.presence?.presence.backAt.map(PageTime.text) ?? "",
                                note: a.presence?.presence.note ?? "", openTickets: a.openTickets, groups: a.groups.joined(separator: ", "),
                                lastActive: a.presence.map { PageTime.text($0.presence.lastActiveAt) } ?? "never")
        }
        let page = TeamPage(chrome: Chrome(title: "Team", context: context), rows: rows, online: rows.filter(\.reachable).count,
                            waiting: board.waiting.map { .init(group: $0.group, count: $0.count) }, hasWaiting: !board.waiting.isEmpty)
        return renderer.page("team", page)
    }

    func ticketPage() -> TicketPageRoutes {
        TicketPageRoutes(database: services.database, tickets: services.tickets, renderer: renderer, live: services.live)
    }

    /// Shows the ticket page again with the refusal, keeping nothing half-done.
    func refused(_ id: Int, _ error: APIError, context: CasebookContext, actor: Actor) async throws -> Response {
        let pages = ticketPage()
        let loaded = try await pages.load(id, actor: actor)
        var form = TicketForm()
        form.fields = loaded.current
        return await pages.render(loaded, context: context, actor: actor, form: form, was: loaded.current,
                                  seenAudit: loaded.latestAudit, errors: error.messages, status: .unprocessableContent)
    }

    @Sendable func addExclusion(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.manageExclusions)
        let id = try context.parameters.id()
        let form = context.form ?? QueryItems(nil)
        let ticket = try await services.tickets.get(id, actor: actor)
        let byOrganization = form["scope"] == "organization"
        if byOrganization, ticket.fields.organizationID == nil {
            return try await refused(id, .invalid("scope", "This requester has no organization; exclude the requester instead"),
                                     context: context, actor: actor)
        }
        do {
            _ = try await Exclusions.create(services: services, agentID: Int(form["agent_id"] ?? ""),
                                            requesterID: byOrganization ? nil : ticket.fields.requesterID,
                                            organizationID: byOrganization ? ticket.fields.organizationID : nil,
                                            reason: form["reason"] ?? "", ticketID: id, actor: actor)
        } catch let error as APIError where error.status == .unprocessableContent {
            return try await refused(id, error, context: context, actor: actor)
        }
        await services.live.ticketsChanged([id], by: actor.id)
        return seeOther("/agent/tickets/\(id)?updated=1")
    }

    @Sendable func escalate(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.escalateTickets)
        let id = try context.parameters.id()
        let form = context.form ?? QueryItems(nil)
        let target = (form["target"] ?? "").split(separator: ":")
        var to = EscalationService.Target()
        if target.count == 2, let n = Int(target[1]) {
            if target[0] == "group" { to.groupID = n } else if target[0] == "user" { to.userID = n }
        }
        do {
            _ = try await EscalationService(tickets: services.tickets, jobs: services.jobs)
                .escalate(ticketID: id, to: to, reason: form["reason"] ?? "", actor: actor)
        } catch let error as APIError where error.status == .unprocessableContent {
            return try await refused(id, error, context: context, actor: actor)
        }
        return seeOther("/agent/tickets/\(id)?updated=1")
    }
}
