import CasebookCore
import Foundation
import Hummingbird
import Mustache
import SQLKit

/// The ticket's follow-ups and remote sessions: the tasks on it (open ones first, overdue marked) with a complete
/// form each, the form that assigns a new one, the remote-assistance sessions recorded and the form that records one.
struct TicketFollowUpPanel: Sendable {
    struct Item: Sendable {
        var id: Int
        var title: String
        var note: String
        var owner: String
        var assignedBy: String
        var due: String
        var dueISO: String
        var status: String
        var isOpen: Bool
        var overdue: Bool
        /// What came of it, or why it was cancelled.
        var outcome: String
        var closed: String?
    }
    struct Session: Sendable {
        var id: Int
        var code: String
        var link: String?
        var agent: String
        var started: String
        var startedISO: String
        var ended: String?
        var outcome: String
    }

    var items: [Item] = []
    var hasItems = false
    var owners: [Option] = []
    /// What was typed in the add form, kept when it comes back refused.
    var title = ""
    var due = ""
    var note = ""
    var sessions: [Session] = []
    var hasSessions = false
    var sessionCode = ""
    var sessionStart = ""
    var sessionEnd = ""
    var sessionOutcome = ""

    static func load(ticketID: Int, actor: Actor, agents: [UserRecord], now: Int64, db: any SQLDatabase) async throws -> TicketFollowUpPanel {
        var panel = TicketFollowUpPanel()
        let store = FollowUpStore(db: db)
        let records = try await store.worklist(.init(ticketID: ticketID), limit: 100)
        let sessions = try await store.remoteSessions(ticketID: ticketID)
        var names = Dictionary(agents.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let missing = Set(records.flatMap { [$0.ownerID, $0.assignedByID] } + sessions.map(\.agentID)).subtracting(names.keys)
        for user in try await UserStore(db: db).find(ids: Array(missing)) { names[user.id] = user.name }
        panel.items = records.map { Self.item($0, names: names, now: now) }
        panel.hasItems = !panel.items.isEmpty
        panel.owners = agents.map { Option(value: String($0.id), label: $0.name, selected: $0.id == actor.id) }
        panel.sessions = sessions.map { s in
            Session(id: s.id, code: s.sessionCode, link: s.toolURL, agent: names[s.agentID] ?? "#\(s.agentID)", started: PageTime.text(s.startedAt),
                    startedISO: PageTime.iso(s.startedAt), ended: s.endedAt.map(PageTime.text), outcome: s.outcome)
        }
        panel.hasSessions = !panel.sessions.isEmpty
        return panel
    }

    static func item(_ f: FollowUpRecord, names: [Int: String], now: Int64) -> Item {
        Item(id: f.id, title: f.title, note: f.note, owner: names[f.ownerID] ?? "#\(f.ownerID)", assignedBy: names[f.assignedByID] ?? "#\(f.assignedByID)",
             due: PageTime.text(f.dueAt), dueISO: PageTime.iso(f.dueAt), status: f.status.rawValue, isOpen: f.status == .open,
             overdue: FollowUpSchedule.isOverdue(status: f.status, dueAt: f.dueAt, now: now), outcome: f.completionNote,
             closed: f.closedAt.map { "\(f.status == .done ? "done" : "cancelled") by \(f.closedByID.flatMap { names[$0] } ?? "someone"), \(PageTime.text($0))" })
    }

    /// The flash after one of the panel's forms redirected back to the ticket.
    static func notices(_ query: QueryItems) -> [String] {
        var notices: [String] = []
        if let id = Int(query["follow_up"] ?? "") { notices.append("Follow-up #\(id) added.") }
        if let id = Int(query["follow_up_done"] ?? "") { notices.append("Follow-up #\(id) done; the note is on the ticket.") }
        if query["remote_session"] != nil { notices.append("Remote session recorded.") }
        return notices
    }

    mutating func keep(followUp form: QueryItems) {
        title = form["title"] ?? ""
        due = form["due_at"] ?? ""
        note = form["note"] ?? ""
        owners = owners.map { var o = $0; o.selected = o.value == form["owner_id"]; return o }
    }

    mutating func keep(session form: QueryItems) {
        sessionCode = form["session_code"] ?? ""
        sessionStart = form["started_at"] ?? ""
        sessionEnd = form["ended_at"] ?? ""
        sessionOutcome = form["outcome"] ?? ""
    }
}

extension TicketFollowUpPanel: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "items": items
        case "hasItems": hasItems
        case "owners": owners
        case "title": title
        case "due": due
        case "note": note
        case "sessions": sessions
        case "hasSessions": hasSessions
        case "sessionCode": sessionCode
        case "sessionStart": sessionStart
        case "sessionEnd": sessionEnd
        case "sessionOutcome": sessionOutcome
        default: nil
        }
    }
}

/// The follow-up pages: "My follow-ups" with a complete form per open task, and the ticket page's forms that assign
/// a follow-up and record a remote session. Each form posts, redirects back, or shows the page again with the refusal.
struct FollowUpPageRoutes: Sendable {
    let services: CasebookServices
    let renderer: PageRenderer
    var database: Database { services.database }
    var followUps: FollowUpService { FollowUpService(services: services) }
    var ticketPage: TicketPageRoutes {
        TicketPageRoutes(database: services.database, tickets: services.tickets, renderer: renderer, live: services.live)
    }

    struct MinePage: Sendable {
        struct Row: Sendable {
            var item: TicketFollowUpPanel.Item
            var ticketID: Int
            var subject: String
            /// The note typed into this row's complete form when it came back refused.
            var draft: String
        }
        var chrome: Chrome
        var open: [Row]
        var hasOpen: Bool
        var closed: [Row]
        var hasClosed: Bool
        var overdueCount: Int
    }

    func register(on web: RouterGroup<CasebookContext>) {
        web.get("agent/follow-ups", use: mine)
        web.post("agent/follow-ups/:id/complete", use: complete)
        web.post("agent/tickets/:id/follow-ups", use: create)
        web.post("agent/tickets/:id/remote-sessions", use: recordSession)
    }

    @Sendable func mine(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.useWorkspace)
        var notices: [String] = []
        if let done = Int(request.query["done"] ?? "") { notices.append("Follow-up #\(done) done; the note is on the ticket.") }
        return try await renderMine(context: context, actor: actor, notices: notices)
    }

    func renderMine(context: CasebookContext, actor: Actor, errors: [String] = [], notices: [String] = [], draft: (id: Int, note: String)? = nil,
                    status: HTTPResponse.Status = .ok) async throws -> Response {
        let now = services.config.clock.now()
        let (records, names, subjects) = try await database.read { db -> ([FollowUpRecord], [Int: String], [Int: String]) in
            let records = try await FollowUpStore(db: db).worklist(.init(ownerID: actor.id), limit: 200)
            let people = try await UserStore(db: db).find(ids: Array(Set(records.flatMap { [$0.ownerID, $0.assignedByID] + ($0.closedByID.map { [$0] } ?? []) })))
            let tickets = try await TicketStore(db: db).load(ids: Array(Set(records.map(\.ticketID))))
            return (records, Dictionary(people.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a }),
                    Dictionary(tickets.map { ($0.id, $0.fields.subject) }, uniquingKeysWith: { a, _ in a }))
        }
        let rows = records.map { f in
            MinePage.Row(item: TicketFollowUpPanel.item(f, names: names, now: now), ticketID: f.ticketID, subject: subjects[f.ticketID] ?? "",
                         draft: draft?.id == f.id ? draft!.note : "")
        }
        let open = rows.filter(\.item.isOpen), closed = Array(rows.filter { !$0.item.isOpen }.prefix(50))
        var chrome = Chrome(title: "My follow-ups", context: context)
        chrome.errors = errors
        chrome.notices = notices
        let page = MinePage(chrome: chrome, open: open, hasOpen: !open.isEmpty, closed: closed, hasClosed: !closed.isEmpty,
                            overdueCount: open.filter(\.item.overdue).count)
        return renderer.page("follow-ups", page, status: status)
    }

    /// The complete form, from "My follow-ups" or the ticket page (`back=ticket`); the note is required.
    @Sendable func complete(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.editTicketFields)
        let id = try context.parameters.id()
        let form = context.form ?? QueryItems(nil)
        let note = form["note"] ?? ""
        do {
            let record = try await database.write { db in try await followUps.complete(id, note: note, actor: actor, db: db) }
            return seeOther(form["back"] == "ticket" ? "/agent/tickets/\(record.ticketID)?follow_up_done=\(id)#follow-ups" : "/agent/follow-ups?done=\(id)")
        } catch let error as APIError where TicketPageRoutes.showsOnPage(error) {
            let status: HTTPResponse.Status = error.status == .forbidden ? .forbidden : .unprocessableContent
            if form["back"] == "ticket", let record = try await database.read({ db in try await FollowUpStore(db: db).find(id: id) }) {
                let loaded = try await ticketPage.load(record.ticketID, actor: actor)
                return await ticketPage.refused(loaded, error, context: context, actor: actor)
            }
            return try await renderMine(context: context, actor: actor, errors: error.messages, draft: (id, note), status: status)
        }
    }

    /// "Add a follow-up" on the ticket page: title, due (the browser's date-time, taken as UTC), owner.
    @Sendable func create(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.editTicketFields)
        let id = try context.parameters.id()
        let form = context.form ?? QueryItems(nil)
        let input = FollowUpService.Input(title: form["title"] ?? "", dueAt: FollowUpRoutes.time(form["due_at"] ?? ""),
                                          ownerID: Int(form["owner_id"] ?? ""), note: form["note"] ?? "")
        do {
            let record = try await database.write { db in try await followUps.create(ticketID: id, input, actor: actor, db: db) }
            return seeOther("/agent/tickets/\(id)?follow_up=\(record.id)#follow-ups")
        } catch let error as APIError where TicketPageRoutes.showsOnPage(error) {
            var loaded = try await ticketPage.load(id, actor: actor)
            loaded.panel.followUps.keep(followUp: form)
            return await ticketPage.refused(loaded, error, context: context, actor: actor)
        }
    }

    /// "Record a remote session": code, start and end (the browser's date-time, taken as UTC), outcome.
    @Sendable func recordSession(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.editTicketFields)
        let id = try context.parameters.id()
        let form = context.form ?? QueryItems(nil)
        do {
            var errors = FieldErrors()
            let started = FollowUpRoutes.time(form["started_at"] ?? ""), ended = FollowUpRoutes.time(form["ended_at"] ?? "")
            if !(form["ended_at"] ?? "").isEmpty, ended == nil { errors.add("ended_at", error: "InvalidValue", "End: give a date and time") }
            if !errors.isEmpty { throw APIError.invalid(errors) }
            _ = try await database.write { db in
                try await followUps.recordSession(ticketID: id, .init(code: form["session_code"] ?? "", startedAt: started, endedAt: ended,
                                                                      outcome: form["outcome"] ?? ""), actor: actor, db: db)
            }
            return seeOther("/agent/tickets/\(id)?remote_session=1#follow-ups")
        } catch let error as APIError where TicketPageRoutes.showsOnPage(error) {
            var loaded = try await ticketPage.load(id, actor: actor)
            loaded.panel.followUps.keep(session: form)
            return await ticketPage.refused(loaded, error, context: context, actor: actor)
        }
    }
}

extension FollowUpPageRoutes.MinePage: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "chrome": chrome
        case "open": open
        case "hasOpen": hasOpen
        case "closed": closed
        case "hasClosed": hasClosed
        case "overdueCount": overdueCount
        default: nil
        }
    }
}
