import CasebookCore
import Foundation
import SQLKit

/// Abusive conduct on the record. A flag is one transaction: the record, what the policy's outcome does (an exclusion
/// rule keeping the customer from the affected agent, or "contact only by email"), an internal notice on the ticket,
/// and a notification and an email to the leads. The agent who flagged it may then hand the ticket over: it is
/// unassigned (keeping its group) and routing, which now keeps the exclusion rule, chooses who takes it.
struct ConductService: Sendable {
    let services: CasebookServices
    var tickets: TicketService { services.tickets }
    var clock: AppClock { services.config.clock }

    struct Flag: Sendable {
        var ticketID: Int
        var kind: ConductKind?
        var commentID: Int?
        var outcomeID: Int?
        var note: String
        /// Nil: the ticket's assignee, else the agent who flags it.
        var affectedAgentID: Int?
    }

    struct Flagged: Sendable {
        var record: ConductRecord
        var written: TicketService.Written
        /// The rule this flag created (nil when the outcome makes none, or the same rule was already in place).
        var createdRule: ExclusionRule?
    }

    // MARK: Flagging

    func flag(_ input: Flag, actor: Actor) async throws -> ConductRecord {
        let flagged = try await services.database.write { db in try await flag(input, actor: actor, db: db) }
        // Routing caches the exclusion rules: it must see the new one before it offers the ticket to anyone.
        if flagged.createdRule != nil { services.routing.cache.invalidate() }
        await tickets.announce([flagged.written], by: actor)
        return flagged.record
    }

    /// Inside the caller's transaction; the caller invalidates the routing cache when `createdRule` is set.
    func flag(_ input: Flag, actor: Actor, db: any SQLDatabase) async throws -> Flagged {
        guard actor.role.allows(.editTicketFields) else {
            throw APIError.forbidden("You do not have access to this page (needs \(Permission.editTicketFields.rawValue))")
        }
        let ticket = try await tickets.visibleTicket(input.ticketID, to: actor, db: db)
        let note = input.note.trimmingCharacters(in: .whitespacesAndNewlines)
        var errors = FieldErrors()
        do throws(FieldErrors) {
            try ConductFlag.validate(kind: input.kind, hasEvidence: input.commentID != nil, note: note, hasOutcome: input.outcomeID != nil)
        } catch { errors.merge(error) }
        let store = ConductStore(db: db)
        let users = UserStore(db: db)
        var outcome: ConductOutcome?
        if let id = input.outcomeID {
            outcome = try await store.outcome(id: id)
            if outcome?.active != true {
                errors.add("outcome_id", error: "InvalidValue", "Outcome: the conduct policy has no active outcome \(id)")
                outcome = nil
            }
        }
        if let id = input.commentID, try await store.comment(id: id)?.ticketID != ticket.id {
            errors.add("comment_id", error: "InvalidValue", "Evidence: comment \(id) is not on ticket #\(ticket.id)")
        }
        let customer = try await users.find(id: ticket.fields.requesterID)
        if let customer, customer.role.isStaff {
            errors.add("ticket_id", error: "InvalidValue",
                       "Ticket: its requester \(customer.name) is staff; conduct records are about customers")
        }
        let affectedID = input.affectedAgentID ?? ticket.fields.assigneeID ?? actor.id
        let affected = try await users.find(id: affectedID)
        if affected == nil || affected?.role.isStaff != true || affected?.active != true {
            errors.add("affected_agent_id", error: "InvalidValue", "Affected agent: no active agent \(affectedID)")
        }
        if !errors.isEmpty { throw APIError.invalid(errors) }
        guard let kind = input.kind, let outcome, let customer, let affected else { throw APIError.invalid(errors) }

        let now = clock.now()
        var record = ConductRecord(id: 0, ticketID: ticket.id, customerID: customer.id, affectedAgentID: affected.id,
                                   flaggedByID: actor.id, kind: kind, commentID: input.commentID, outcomeID: outcome.id, note: note,
                                   exclusionRuleID: nil, createdAt: now)
        record.id = try await store.insert(record)
        var createdRule: ExclusionRule?
        switch outcome.action {
        case .exclusion:
            let routing = RoutingStore(db: db)
            if let existing = try await routing.exclusions(requesterID: customer.id, organizationID: nil)
                .first(where: { $0.agentID == affected.id && $0.requesterID == customer.id }) {
                record.exclusionRuleID = existing.id
            } else {
                let rule = try await Exclusions.create(in: db, tickets: tickets, now: now, agentID: affected.id, requesterID: customer.id,
                                                       organizationID: nil, reason: "Conduct record #\(record.id): \(kind.words)",
                                                       ticketID: ticket.id, actor: actor)
                record.exclusionRuleID = rule.id
                createdRule = rule
            }
            try await store.setExclusionRule(recordID: record.id, ruleID: record.exclusionRuleID!)
        case .emailOnly:
            try await store.setContactOnlyBy(userID: customer.id, "email", at: now)
        case .warningSent, .interactionEnded:
            break
        }

        let flagger = actor.id == affected.id ? affected.name : (try await users.find(id: actor.id)?.name ?? "#\(actor.id)")
        let text = Self.sentence(record, outcome: outcome, flagger: flagger, customer: customer.name, affected: affected.name)
        let written = try await tickets.update(ticket.id, [:], actor: actor, via: .web, db: db,
                                               notices: [.notice(kind: "conduct", text: text)])
        let groupLeads = try await ticket.fields.groupID.asyncMap { try await store.leads(groupID: $0) } ?? []
        let leads = ConductAudience.leads(groupLeads: groupLeads, allLeads: try await store.activeLeads(), flaggedBy: actor.id)
        try await DecisionStore(db: db).notify(userIDs: leads, kind: "conduct", text: text, ticketID: ticket.id,
                                               link: "/agent/tickets/\(ticket.id)", at: now)
        try await tickets.notifier?.queueEscalation(ticket: written.ticket, to: try await users.find(ids: leads), by: actor,
                                                    reason: text, event: .conduct, db: db)
        return Flagged(record: record, written: written, createdRule: createdRule)
    }

    /// The record in one sentence, for the ticket's audit, the leads' notification and their email.
    static func sentence(_ r: ConductRecord, outcome: ConductOutcome, flagger: String, customer: String, affected: String) -> String {
        var text = "\(flagger) flagged conduct record #\(r.id): \(r.kind.words) by \(customer) towards \(affected)"
        if let comment = r.commentID { text += " (evidence: comment #\(comment))" }
        text += ". Outcome: \(outcome.label) (\(outcome.action.words)"
        if let rule = r.exclusionRuleID { text += ", exclusion rule #\(rule)" }
        text += ")."
        if !r.note.isEmpty { text += " Note: \(r.note)" }
        return text
    }

    // MARK: Handing over

    /// Unassigns the ticket (its group stays) with the note as an internal note, and queues it for routing.
    func handover(recordID: Int, note raw: String, actor: Actor) async throws -> (ConductRecord, TicketService.Written) {
        guard actor.role.allows(.editTicketFields) else {
            throw APIError.forbidden("You do not have access to this page (needs \(Permission.editTicketFields.rawValue))")
        }
        let note = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        let now = clock.now()
        let result = try await services.database.write { db -> (ConductRecord, TicketService.Written, Bool) in
            guard let record = try await ConductStore(db: db).find(id: recordID) else { throw APIError.notFound("No conduct record \(recordID)") }
            let ticket = try await tickets.visibleTicket(record.ticketID, to: actor, db: db)
            guard ConductHandover.allowed(actor: actor, flaggedByID: record.flaggedByID, assigneeID: ticket.fields.assigneeID) else {
                throw APIError.forbidden("Only the agent who flagged conduct record #\(record.id), the ticket's assignee or a lead can hand the ticket over")
            }
            if let from = ticket.fields.assigneeID {
                // Unassigning is not a handover to someone `CaseNotes.change` sees, but whoever routing picks next
                // needs the notes all the same; 0 stands for "not chosen yet".
                let owed = try await TicketStore(db: db).notesOwedSince(ticketID: ticket.id)
                do throws(CaseNotes.Refusal) {
                    try CaseNotes.check(.handover(fromAgentID: from, toAgentID: 0), notesOwedSince: owed, addsInternalNote: !note.isEmpty)
                } catch {
                    throw APIError.invalid("note", error.description, error: "CaseNotes")
                }
            }
            var object: JSONObject = ["assignee_id": .null]
            if !note.isEmpty { object["comment"] = ["body": .string(note), "public": false] }
            let who = try await UserStore(db: db).find(id: actor.id)?.name ?? "#\(actor.id)"
            let notice = AuditEvent.notice(kind: "conduct_handover",
                                           text: "\(who) handed this ticket over after conduct record #\(record.id); routing chooses who takes it next")
            let written = try await tickets.update(ticket.id, object, actor: actor, via: .web, db: db, notices: [notice])
            try await tickets.notify(written, actor: actor, db: db)
            let queued = tickets.routing != nil && ticket.fields.groupID != nil && written.ticket.fields.status < .solved
            if queued {
                try await RoutingStore(db: db).enqueue(ticketID: ticket.id, groupID: ticket.fields.groupID, skills: [],
                                                       reason: "handed over after conduct record #\(record.id)", now: now)
            }
            return (record, written, queued)
        }
        await tickets.announce([result.1], by: actor)
        if result.2 { try await services.jobs.routeNow() }
        return (result.0, result.1)
    }

    // MARK: The policy's outcomes

    /// What a form or a JSON body says about an outcome; nil leaves a field as it is.
    struct OutcomeChange: Sendable {
        var label: String?
        var action: String?
        var description: String?
        var active: Bool?
    }

    /// Creates an outcome (`id` nil) or changes one; admins only.
    func saveOutcome(id: Int?, _ change: OutcomeChange, actor: Actor) async throws -> ConductOutcome {
        guard actor.role.allows(.managePolicies) else {
            throw APIError.forbidden("You do not have access to this page (needs \(Permission.managePolicies.rawValue))")
        }
        let now = clock.now()
        return try await services.database.write { db -> ConductOutcome in
            let store = ConductStore(db: db)
            var outcome: ConductOutcome
            if let id {
                guard let found = try await store.outcome(id: id) else { throw APIError.notFound("No conduct outcome \(id)") }
                outcome = found
            } else {
                outcome = ConductOutcome(id: 0, label: "", action: .warningSent, description: "", active: true, createdAt: now)
            }
            // A new outcome must say what it does; a change may leave the action as it was.
            let action: ConductAction? = if let raw = change.action { ConductAction(rawValue: raw) } else { id == nil ? nil : outcome.action }
            let draft = ConductOutcomeDraft(label: change.label ?? outcome.label, action: action,
                                            description: change.description ?? outcome.description)
            var errors = FieldErrors()
            do throws(FieldErrors) { try draft.validate() } catch { errors.merge(error) }
            if !draft.label.isEmpty, let same = try await store.outcome(label: draft.label), same.id != outcome.id {
                errors.add("label", error: "DuplicateValue", "Label: outcome #\(same.id) is already called \(same.label)")
            }
            if !errors.isEmpty { throw APIError.invalid(errors) }
            outcome.label = draft.label
            outcome.action = draft.action!
            outcome.description = draft.description
            outcome.active = change.active ?? outcome.active
            if id == nil { outcome.id = try await store.insert(outcome) } else { try await store.update(outcome) }
            return outcome
        }
    }

    // MARK: JSON

    static func present(_ o: ConductOutcome) -> JSONValue {
        ["id": .int(o.id), "label": .string(o.label), "action": .string(o.action.rawValue), "action_text": .string(o.action.words),
         "description": .string(o.description), "active": .bool(o.active), "created_at": JSONValue(Timestamp.date(o.createdAt))]
    }

    static func present(_ r: ConductRecord, outcome: ConductOutcome?) -> JSONValue {
        [
            "id": .int(r.id), "ticket_id": .int(r.ticketID), "customer_id": .int(r.customerID),
            "affected_agent_id": JSONValue(r.affectedAgentID), "flagged_by_id": .int(r.flaggedByID), "kind": .string(r.kind.rawValue),
            "comment_id": JSONValue(r.commentID), "outcome_id": .int(r.outcomeID),
            "outcome": outcome.map { o -> JSONValue in ["label": .string(o.label), "action": .string(o.action.rawValue)] } ?? .null,
            "note": .string(r.note), "exclusion_rule_id": JSONValue(r.exclusionRuleID),
            "created_at": JSONValue(Timestamp.date(r.createdAt)),
        ]
    }
}
