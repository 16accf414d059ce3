import CasebookCore
import Foundation
import Hummingbird
import SQLKit

/// The conduct pages: on a ticket, the form an agent flags abusive conduct with (the kind, the comment or call log
/// that shows it, the policy's outcome, the agent it was aimed at) and, once it is on the record, the one-click
/// handover; for admins, the conduct policy's outcomes. Every write goes through `ConductService`, as the API's do.
struct ConductPageRoutes: Sendable {
    let services: CasebookServices
    let renderer: PageRenderer
    var conduct: ConductService { ConductService(services: services) }

    struct FlagPage: Sendable {
        struct Outcome: Sendable { var id: Int; var label: String; var action: String; var details: String; var selected: Bool }
        struct Recorded: Sendable { var id: Int; var text: String; var canHandOver: Bool; var summary: String }
        var chrome: Chrome
        var ticketID: Int
        var subject: String
        var customerID: Int
        var customer: String
        var kinds: [Option]
        var evidence: [Option]
        var outcomes: [Outcome]
        var hasOutcomes: Bool
        var agents: [Option]
        var note: String
        var recorded: Recorded?
        var records: [ConductSection.Row]
        var hasRecords: Bool
    }

    struct AdminPage: Sendable {
        struct Row: Sendable {
            var id: Int
            var label: String
            var actions: [Option]
            var description: String
            var active: Bool
            var uses: Int
        }
        var chrome: Chrome
        var rows: [Row]
        var hasRows: Bool
        var actions: [Option]
        var label: String
        var description: String
    }

    func register(on web: RouterGroup<CasebookContext>) {
        web.get("agent/tickets/:id/conduct", use: flagForm)
        web.post("agent/tickets/:id/conduct", use: flag)
        web.post("agent/conduct_records/:id/handover", use: handover)
        web.get("admin/conduct", use: admin)
        web.post("admin/conduct/outcomes", use: addOutcome)
        web.post("admin/conduct/outcomes/:id", use: saveOutcome)
        web.post("admin/conduct/outcomes/:id/active", use: setActive)
    }

    // MARK: Flagging

    /// The form posts `kind`, `comment_id` (empty: none), `outcome_id`, `affected_agent_id` and `note`.
    struct FlagForm: Sendable {
        var kind = ""
        var commentID = ""
        var outcomeID = ""
        var affectedAgentID = ""
        var note = ""

        init() {}
        init(_ form: QueryItems) {
            kind = form["kind"] ?? ""
            commentID = form["comment_id"] ?? ""
            outcomeID = form["outcome_id"] ?? ""
            affectedAgentID = form["affected_agent_id"] ?? ""
            note = form["note"] ?? ""
        }
    }

    @Sendable func flagForm(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.editTicketFields)
        let ticketID = try context.parameters.id()
        let query = request.query
        var notices: [String] = []
        if query["handed_over"] != nil {
            notices.append("You handed ticket #\(ticketID) over: it is unassigned, and routing chooses who takes it next.")
        }
        return try await flagPage(ticketID: ticketID, actor: actor, context: context, recordedID: query["recorded"].flatMap { Int($0) },
                                  notices: notices)
    }

    func flagPage(ticketID: Int, actor: Actor, context: CasebookContext, form: FlagForm = FlagForm(), recordedID: Int? = nil,
                  summary: String = "", errors: [String] = [], notices: [String] = [],
                  status: HTTPResponse.Status = .ok) async throws -> Response {
        var chrome = Chrome(title: "Flag abusive conduct", context: context)
        chrome.errors = errors
        chrome.notices = notices
        let page = try await services.database.read { [chrome] db -> FlagPage in
            guard let ticket = try await TicketStore(db: db).load(id: ticketID), actor.role.isStaff else {
                throw WebError(.notFound, "We could not find that ticket.")
            }
            let comments = try await TicketStore(db: db).comments(ticketID: ticketID, includeInternal: true, afterID: nil, beforeID: nil,
                                                                   limit: 500)
            let staff = try await UserStore(db: db).activeStaff()
            let book = try await NameBook.load(userIDs: comments.map(\.authorID) + [ticket.fields.requesterID], db: db)
            let outcomes = try await ConductStore(db: db).outcomes(activeOnly: true)
            let section = try await ConductSection.load(customerID: ticket.fields.requesterID, db: db)
            var recorded: FlagPage.Recorded?
            if let recordedID, let record = try await ConductStore(db: db).find(id: recordedID), record.ticketID == ticketID,
               let outcome = try await ConductStore(db: db).outcome(id: record.outcomeID) {
                let names = try await NameBook.load(userIDs: [record.flaggedByID, record.affectedAgentID ?? record.flaggedByID], db: db)
                recorded = .init(id: record.id,
                                 text: ConductService.sentence(record, outcome: outcome, flagger: names.name(record.flaggedByID),
                                                               customer: book.name(record.customerID), affected: names.name(record.affectedAgentID)),
                                 canHandOver: ticket.fields.assigneeID != nil
                                     && ConductHandover.allowed(actor: actor, flaggedByID: record.flaggedByID, assigneeID: ticket.fields.assigneeID),
                                 summary: summary)
            }
            let affected = form.affectedAgentID.isEmpty ? String(ticket.fields.assigneeID ?? actor.id) : form.affectedAgentID
            return FlagPage(
                chrome: chrome, ticketID: ticketID, subject: ticket.fields.subject, customerID: ticket.fields.requesterID,
                customer: book.name(ticket.fields.requesterID),
                kinds: ConductKind.allCases.map { Option(value: $0.rawValue, label: $0.words.capitalized, selected: $0.rawValue == form.kind) },
                evidence: [Option(value: "", label: "None: the note says what happened", selected: form.commentID.isEmpty)]
                    + comments.map { c in
                        Option(value: String(c.id), label: Self.evidenceLabel(c, author: book.name(c.authorID)), selected: String(c.id) == form.commentID)
                    },
                outcomes: outcomes.map { o in
                    .init(id: o.id, label: o.label, action: o.action.words,
                          details: Self.sentenceCase(o.action.words) + (o.description.isEmpty ? "" : ": \(o.description)"),
                          selected: String(o.id) == form.outcomeID)
                },
                hasOutcomes: !outcomes.isEmpty,
                agents: staff.map { Option(value: String($0.id), label: $0.name, selected: String($0.id) == affected) },
                note: form.note, recorded: recorded, records: section.rows, hasRecords: section.hasRows)
        }
        return renderer.page("conduct-flag", page, status: status)
    }

    static func sentenceCase(_ words: String) -> String { words.prefix(1).uppercased() + words.dropFirst() }

    /// "Call log by Morgan Agent: Caller turned abusive…", at most 80 characters of the comment.
    static func evidenceLabel(_ c: CommentRecord, author: String) -> String {
        let what = c.call != nil ? "Call log" : c.isPublic ? "Comment" : "Internal note"
        let flat = c.body.split(whereSeparator: \.isNewline).joined(separator: " ")
        let text = flat.count > 80 ? String(flat.prefix(80)) + "…" : flat
        return "#\(c.id) \(what) by \(author.isEmpty ? "#\(c.authorID)" : author): \(text)"
    }

    @Sendable func flag(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.editTicketFields)
        let ticketID = try context.parameters.id()
        let form = FlagForm(context.form ?? QueryItems(nil))
        var fieldErrors: [String] = []
        func number(_ raw: String, _ words: String) -> Int? {
            let trimmed = raw.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { return nil }
            guard let n = Int(trimmed) else {
                fieldErrors.append("\(words): choose one from the list")
                return nil
            }
            return n
        }
        let input = ConductService.Flag(ticketID: ticketID, kind: ConductKind(rawValue: form.kind),
                                        commentID: number(form.commentID, "Evidence"), outcomeID: number(form.outcomeID, "Outcome"),
                                        note: form.note, affectedAgentID: number(form.affectedAgentID, "Affected agent"))
        do {
            if !fieldErrors.isEmpty { throw APIError.invalid("base", fieldErrors.joined(separator: " ")) }
            let record = try await conduct.flag(input, actor: actor)
            return seeOther("/agent/tickets/\(ticketID)/conduct?recorded=\(record.id)")
        } catch let error as APIError where error.status == .unprocessableContent {
            return try await flagPage(ticketID: ticketID, actor: actor, context: context, form: form, errors: error.messages,
                                      status: .unprocessableContent)
        } catch let error as APIError where error.status == .notFound {
            throw WebError(.notFound, "We could not find that ticket.")
        }
    }

    /// The one-click handover after a flag; `summary` becomes the internal note whoever takes the ticket reads first.
    @Sendable func handover(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.editTicketFields)
        let recordID = try context.parameters.id()
        let summary = context.form?["summary"] ?? ""
        guard let record = try await services.database.read({ db in try await ConductStore(db: db).find(id: recordID) }) else {
            throw WebError(.notFound, "That conduct record does not exist.")
        }
        do {
            _ = try await conduct.handover(recordID: recordID, note: summary, actor: actor)
            return seeOther("/agent/tickets/\(record.ticketID)/conduct?handed_over=\(recordID)")
        } catch let error as APIError where error.status == .unprocessableContent {
            return try await flagPage(ticketID: record.ticketID, actor: actor, context: context, recordedID: recordID, summary: summary,
                                      errors: error.messages, status: .unprocessableContent)
        }
    }

    // MARK: The policy

    func adminPage(_ context: CasebookContext, errors: [String] = [], label: String = "", description: String = "",
                   action: String = "", status: HTTPResponse.Status = .ok) async throws -> Response {
        var chrome = Chrome(title: "Conduct policy", context: context)
        chrome.errors = errors
        let (outcomes, uses) = try await services.database.read { db -> ([ConductOutcome], [Int: Int]) in
            let outcomes = try await ConductStore(db: db).outcomes(activeOnly: false)
            let rows = try await db.raw("SELECT outcome_id, COUNT(*) AS n FROM conduct_records GROUP BY outcome_id").all()
            var uses: [Int: Int] = [:]
            for row in rows { uses[try row.decode(column: "outcome_id", as: Int.self)] = try row.decode(column: "n", as: Int.self) }
            return (outcomes, uses)
        }
        func actions(_ selected: String) -> [Option] {
            ConductAction.allCases.map { Option(value: $0.rawValue, label: Self.sentenceCase($0.words), selected: $0.rawValue == selected) }
        }
        let page = AdminPage(
            chrome: chrome,
            rows: outcomes.map { o in
                .init(id: o.id, label: o.label, actions: actions(o.action.rawValue), description: o.description, active: o.active, uses: uses[o.id] ?? 0)
            },
            hasRows: !outcomes.isEmpty, actions: actions(action), label: label, description: description)
        return renderer.page("admin-conduct", page, status: status)
    }

    @Sendable func admin(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.managePolicies)
        return try await adminPage(context)
    }

    @Sendable func addOutcome(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.managePolicies)
        let form = context.form ?? QueryItems(nil)
        let change = ConductService.OutcomeChange(label: form["label"] ?? "", action: form["action"] ?? "",
                                                  description: form["description"] ?? "", active: true)
        do {
            _ = try await conduct.saveOutcome(id: nil, change, actor: actor)
        } catch let error as APIError where error.status == .unprocessableContent {
            return try await adminPage(context, errors: error.messages, label: change.label ?? "", description: change.description ?? "",
                                       action: change.action ?? "", status: .unprocessableContent)
        }
        return seeOther("/admin/conduct")
    }

    /// The edit form posts `label`, `action`, `description` and `active` (a checkbox: absent when unticked).
    @Sendable func saveOutcome(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.managePolicies)
        let id = try context.parameters.id()
        let form = context.form ?? QueryItems(nil)
        let change = ConductService.OutcomeChange(label: form["label"] ?? "", action: form["action"] ?? "",
                                                  description: form["description"] ?? "", active: form["active"] != nil)
        return try await save(id: id, change, actor: actor, context: context)
    }

    /// One click to withdraw an outcome from the agents' list (records made with it keep it), or to offer it again.
    @Sendable func setActive(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.managePolicies)
        let id = try context.parameters.id()
        let change = ConductService.OutcomeChange(active: context.form?["active"] == "1")
        return try await save(id: id, change, actor: actor, context: context)
    }

    private func save(id: Int, _ change: ConductService.OutcomeChange, actor: Actor, context: CasebookContext) async throws -> Response {
        do {
            _ = try await conduct.saveOutcome(id: id, change, actor: actor)
        } catch let error as APIError where error.status == .unprocessableContent {
            return try await adminPage(context, errors: error.messages, status: .unprocessableContent)
        } catch let error as APIError where error.status == .notFound {
            throw WebError(.notFound, "That outcome does not exist.")
        }
        return seeOther("/admin/conduct")
    }
}
