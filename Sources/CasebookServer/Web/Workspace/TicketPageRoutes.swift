import CasebookCore
import Foundation
import Hummingbird
import SQLKit

/// The ticket page: the whole case on one screen, and the one form that changes fields and adds a reply, a note or
/// a call log in a single audit.
struct TicketPageRoutes: Sendable {
    let database: Database
    let tickets: TicketService
    let renderer: PageRenderer
    let live: LiveEvents

    func register(on web: RouterGroup<CasebookContext>) {
        web.get("agent/tickets/:id", use: show)
        web.post("agent/tickets/:id", use: submit)
        web.post("agent/tickets/:id/macro", use: applyMacro)
        web.post("agent/tickets/:id/typing", use: typing)
        web.post("agent/tickets/:id/assets", use: linkAsset)
        web.post("agent/tickets/:id/checklist", use: recordChecklist)
        web.post("agent/tickets/:id/rmas", use: openRMA)
    }

    /// What one read gathers for the page.
    struct Loaded: Sendable {
        var ticket: TicketRecord
        var audits: [AuditRecord]
        var comments: [Int: CommentRecord]
        var names: NameBook
        var agents: [UserRecord]
        var organization: String?
        var requesterTickets: [TicketRecord]
        var requesterOrders: [OrderDetail]
        var macros: [MacroStore.Row]
        var panel: TicketRoutingPanel
        var latestAudit: Int { audits.last?.id ?? 0 }
        var current: TicketForm.Fields { TicketForm.Fields(ticket.fields, names: names) }
    }

    func load(_ id: Int, actor: Actor) async throws -> Loaded {
        try await database.read { db in
            let ticket = try await tickets.visibleTicket(id, to: actor, db: db)
            let store = TicketStore(db: db)
            let comments = try await store.withAttachments(
                try await store.comments(ticketID: id, includeInternal: true, afterID: nil, beforeID: nil, limit: 100_000))
            var byID: [Int: CommentRecord] = [:]
            for comment in comments { byID[comment.id] = comment }
            let audits = try await store.audits(ticketID: id)
            let others = try await TicketQuery.page(
                "t.requester_id = \(bind: ticket.fields.requesterID) AND t.id <> \(bind: id) AND t.deleted_at IS NULL",
                order: TicketQuery.order(.updated), limit: 10, offset: 0, db: db)
            let agents = try await UserStore(db: db).activeStaff()
            let f = ticket.fields
            var ids = Set(audits.map(\.authorID)).union([f.requesterID]).union(f.ccIDs).union(f.followerIDs)
            ids.formUnion(others.compactMap(\.fields.assigneeID))
            var names = try await NameBook.load(userIDs: ids, db: db)
            for agent in agents { names.users[agent.id] = agent }
            let organization = try await f.organizationID.asyncMap { try await OrganizationStore(db: db).find(id: $0)?.name }
            var panel = try await TicketRoutingPanel.load(ticket: ticket, actor: actor, tickets: tickets, agents: agents,
                                                          groups: names.groups, db: db)
            panel.hardware = try await TicketHardwarePanel.load(ticketID: id, now: clock.now(), names: names, db: db)
            panel.followUps = try await TicketFollowUpPanel.load(ticketID: id, actor: actor, agents: agents, now: clock.now(), db: db)
            panel.knowledge = try await TicketKnowledgePanel.load(ticketID: id, comments: comments, db: db)
            let orders = try await OrderReads(db: db).orders(customerID: f.requesterID, limit: 5)
            return Loaded(ticket: ticket, audits: audits, comments: byID, names: names, agents: agents,
                          organization: organization ?? nil, requesterTickets: others, requesterOrders: orders, macros: try await MacroStore(db: db).list(),
                          panel: panel)
        }
    }

    func render(_ loaded: Loaded, context: CasebookContext, actor: Actor, form: TicketForm, was: TicketForm.Fields,
                seenAudit: Int, conflict: TicketPage.Conflict? = nil, errors: [String] = [], notices: [String] = [],
                status: HTTPResponse.Status = .ok) async -> Response {
        let t = loaded.ticket
        let names = loaded.names
        var chrome = Chrome(title: "#\(t.id) \(t.fields.subject)", context: context)
        chrome.live = "ticket"
        chrome.ticketID = t.id
        chrome.errors = errors
        chrome.notices = notices
        let requester = names.users[t.fields.requesterID]
        let others = await live.others(onTicket: t.id, excluding: actor.id, now: Timestamp.now)
        var routing = loaded.panel
        routing.handoverNote = form.handoverNote
        let page = TicketPage(
            chrome: chrome,
            ticket: .init(id: t.id, subject: t.fields.subject, status: t.fields.status.rawValue,
                          priority: t.fields.priority?.rawValue, assignee: t.fields.assigneeID.map { names.name($0) },
                          group: t.fields.groupID.flatMap { names.groups[$0] }, updated: PageTime.text(t.updatedAt),
                          updatedISO: PageTime.iso(t.updatedAt)),
            requester: .init(id: t.fields.requesterID, name: requester?.name ?? "User \(t.fields.requesterID)", email: requester?.email ?? "",
                             organization: loaded.organization,
                             tickets: loaded.requesterTickets.map {
                                 .init(id: $0.id, subject: $0.fields.subject, status: $0.fields.status.rawValue,
                                       assignee: $0.fields.assigneeID.map { names.name($0) })
                             },
                             orders: loaded.requesterOrders.map {
                                 .init(id: $0.id, created: PageTime.text($0.createdAt), total: $0.total.text, state: $0.state)
                             }),
            others: others.map { .init(userID: $0.viewer.userID, name: $0.viewer.name, typing: $0.typing) },
            timelineHTML: TimelineHTML.render(TimelineBuilder(names: names).entries(loaded.audits, comments: loaded.comments)),
            form: form.view(current: was, seenAudit: seenAudit, agents: loaded.agents,
                            groups: names.groups.sorted { $0.value < $1.value }.map { ($0.key, $0.value) }),
            conflict: conflict,
            macros: loaded.macros.map { .init(id: $0.id, title: $0.title) },
            routing: routing)
        return renderer.page("ticket", page, status: status)
    }

    @Sendable func show(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.useWorkspace)
        let loaded = try await load(try context.parameters.id(), actor: actor)
        var form = TicketForm()
        form.fields = loaded.current
        let query = request.query
        var notices: [String] = []
        if query["updated"] != nil { notices.append("Ticket updated.") }
        if query["linked"] != nil { notices.append("Asset linked to this ticket.") }
        if query["checklist"] != nil { notices.append("Troubleshooting results recorded.") }
        if let rma = Int(query["rma"] ?? "") { notices.append("RMA #\(rma) opened.") }
        notices += TicketFollowUpPanel.notices(query)
        if let text = try await TicketKnowledgePanel.insertion(query, actor: actor, baseURL: request.baseURL, database: database) { form.body = text }
        return await render(loaded, context: context, actor: actor, form: form, was: loaded.current,
                            seenAudit: loaded.latestAudit, notices: notices)
    }

    @Sendable func submit(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.editTicketFields)
        let id = try context.parameters.id()
        let form = context.form ?? QueryItems(nil)
        var draft = TicketForm(form: form)
        let was = TicketForm.Fields(form: form, prefix: "was_")
        let seen = Int(form["seen_audit"] ?? "") ?? 0
        let loaded = try await load(id, actor: actor)
        let changedFields = draft.fields.changed(from: was)

        // Someone else changed the ticket since this form was shown: show what, keep the draft, ask again.
        if loaded.latestAudit > seen, form["confirm"] != "1" {
            var fields = loaded.current
            for name in changedFields { fields[name] = draft.fields[name] }
            draft.fields = fields
            let builder = TimelineBuilder(names: loaded.names)
            let changes = loaded.audits.filter { $0.id > seen }.flatMap { audit -> [String] in
                let entry = builder.entry(audit, comments: loaded.comments)
                let what = entry.isCall ? "logged a call" : entry.isInternal ? "added an internal note"
                    : entry.isPublicReply ? "sent a public reply" : "changed the ticket"
                return ["\(entry.author) \(what) at \(entry.when)"] + entry.changes.map { "\(entry.author): \($0)" }
            }
            return await render(loaded, context: context, actor: actor, form: draft, was: loaded.current,
                                seenAudit: loaded.latestAudit, conflict: .init(changes: changes), status: .conflict)
        }

        var errors: [String] = []
        var object = JSONObject()
        for name in changedFields {
            let value = draft.fields[name]
            switch name {
            case "status": object["status"] = .string(value)
            case "priority", "type": object[name] = value.isEmpty ? .null : .string(value)
            case "group_id", "assignee_id":
                if value.isEmpty { object[name] = .null } else if let number = Int(value) { object[name] = .int(number) } else {
                    errors.append("\(name == "group_id" ? "Group" : "Assignee"): choose one from the list")
                }
            case "tags": object["tags"] = .array(value.split(separator: " ").map { .string(String($0)) })
            case "ccs": object["collaborators"] = .array(TicketForm.Fields.emails(value).map { .string($0) })
            default: // followers: agents, by email
                var ids: [JSONValue] = []
                for email in TicketForm.Fields.emails(value) {
                    let user = try await database.read { db in try await UserStore(db: db).find(email: email) }
                    if let user, user.role.isStaff { ids.append(.int(user.id)) } else {
                        errors.append("Followers: \(email) is not an agent")
                    }
                }
                object["follower_ids"] = .array(ids)
            }
        }
        let text = draft.body.trimmingCharacters(in: .whitespacesAndNewlines)
        switch draft.mode {
        case .call:
            if text.isEmpty { errors.append("A call summary is required: case notes are not optional.") }
            let minutes = Double(draft.callDuration.replacingOccurrences(of: ",", with: ".").trimmingCharacters(in: .whitespaces))
            if minutes == nil || minutes! < 0 || minutes! > 24 * 60 {
                errors.append("Call duration: give the minutes as a number, e.g. 12 or 2.5")
            }
            if errors.isEmpty {
                object["comment"] = .object([
                    "body": .string(text), "public": .bool(false),
                    "call": .object(["direction": .string(draft.callDirection), "from": .string(draft.callFrom),
                                     "to": .string(draft.callTo), "duration": .int(Int((minutes! * 60).rounded()))]),
                ])
            }
        case .reply, .note:
            var comment: JSONObject = ["body": .string(text), "public": .bool(draft.mode == .reply)]
            if !context.files.isEmpty {
                comment["uploads"] = [.string(try await FormUploads.stage(context.files, actor: actor, database: database))]
                if text.isEmpty { comment["body"] = .string("Attached: " + context.files.map(\.fileName).joined(separator: ", ")) }
            }
            if !text.isEmpty || !context.files.isEmpty { object["comment"] = .object(comment) }
        }
        // The handover summary is the internal note that lets a ticket owing its case notes change hands or be solved.
        let handover = draft.handoverNote.trimmingCharacters(in: .whitespacesAndNewlines)
        if !handover.isEmpty {
            switch (object["comment"], draft.mode) {
            case (nil, _):
                object["comment"] = ["body": .string(handover), "public": false]
            case (.object(var note), .note):
                note["body"] = .string(text.isEmpty ? handover : text + "\n\n" + handover)
                object["comment"] = .object(note)
            default:
                errors.append("Handover summary: send it with an internal note or on its own, not with a public reply or a call log.")
            }
        }
        if form["override_exclusion"] == "1", object["assignee_id"] != nil {
            object["override_exclusion"] = .bool(true)
            object["override_reason"] = .string(form["override_reason"] ?? "")
        }
        if errors.isEmpty, object.isEmpty {
            errors.append("Nothing to submit: change a field or write a reply, a note or a call summary.")
        }
        if errors.isEmpty {
            do {
                _ = try await tickets.update(id, object, actor: actor, via: .web)
                return seeOther("/agent/tickets/\(id)?updated=1")
            } catch let error as APIError where error.status == .unprocessableContent || error.status == .badRequest {
                errors = error.messages
            }
        }
        return await render(loaded, context: context, actor: actor, form: draft, was: was, seenAudit: seen,
                            errors: errors, status: .unprocessableContent)
    }

    @Sendable func applyMacro(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.applyMacros)
        let id = try context.parameters.id()
        let loaded = try await load(id, actor: actor)
        guard let macroID = Int(context.form?["macro_id"] ?? ""),
              let macro = loaded.macros.first(where: { $0.id == macroID }) else {
            throw WebError(.notFound, "That macro does not exist (any more).")
        }
        let actions = macro.actions
        var draft = TicketForm()
        draft.fields = loaded.current
        if let status = actions.status { draft.fields.status = status }
        if let priority = actions.priority { draft.fields.priority = priority }
        if let type = actions.type { draft.fields.type = type }
        if let group = actions.groupID { draft.fields.groupID = String(group) }
        draft.fields.tags = actions.tags(applyingTo: loaded.ticket.fields.tags).joined(separator: " ")
        if let comment = actions.comment {
            draft.body = Placeholders.render(comment, values: placeholderValues(loaded, actor: actor, context: context))
            draft.mode = actions.commentPublic ? .reply : .note
        }
        return await render(loaded, context: context, actor: actor, form: draft, was: loaded.current,
                            seenAudit: loaded.latestAudit,
                            notices: ["Macro “\(macro.title)” applied. Review the changes and press Submit."])
    }

    func placeholderValues(_ loaded: Loaded, actor: Actor, context: CasebookContext) -> [String: String] {
        let t = loaded.ticket.fields
        let requester = loaded.names.users[t.requesterID]
        let assignee = t.assigneeID.flatMap { loaded.names.users[$0] }
        let me = loaded.names.users[actor.id]
        return [
            "ticket.id": String(loaded.ticket.id), "ticket.subject": t.subject, "ticket.status": t.status.rawValue,
            "ticket.requester.name": requester?.name ?? "",
            "ticket.requester.first_name": Placeholders.firstName(of: requester?.name ?? ""),
            "ticket.requester.email": requester?.email ?? "",
            "ticket.assignee.name": assignee?.name ?? "",
            "ticket.assignee.first_name": Placeholders.firstName(of: assignee?.name ?? ""),
            "ticket.group.name": t.groupID.flatMap { loaded.names.groups[$0] } ?? "",
            "ticket.organization.name": loaded.organization ?? "",
            "current_user.name": me?.name ?? context.actorName ?? "",
            "current_user.first_name": Placeholders.firstName(of: me?.name ?? context.actorName ?? ""),
            "current_user.email": me?.email ?? context.actorEmail ?? "",
        ]
    }

    /// "I am typing a reply": shown live to others on the ticket.
    @Sendable func typing(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.useWorkspace)
        let id = try context.parameters.id()
        _ = try await tickets.get(id, actor: actor)
        await live.typing(ticketID: id, userID: actor.id, now: Timestamp.now)
        return Response(status: .noContent)
    }
}

extension Optional {
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
