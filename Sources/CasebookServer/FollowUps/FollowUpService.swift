import CasebookCore
import Foundation
import SQLKit

/// Follow-up tasks on a ticket: assigned with an owner and a due time, completed with a note (which lands on the
/// ticket as an internal note), cancelled with a reason, reassigned; and the reminders and escalation the job sends.
/// Also the remote-assistance sessions agents record against a ticket.
struct FollowUpService: Sendable {
    let tickets: TicketService
    let clock: AppClock
    var schedule = FollowUpSchedule()
    /// `CASEBOOK_REMOTE_SUPPORT_URL`: the company's remote-support tool, `{code}` for the session's code.
    var remoteSupportURL: String? = nil

    init(services: CasebookServices) {
        tickets = services.tickets
        clock = services.config.clock
        remoteSupportURL = services.config.remoteSupportURL
    }

    /// For follow-ups Casebook sets itself (an overdue RMA return), where no remote sessions are recorded.
    init(tickets: TicketService, clock: AppClock) {
        self.tickets = tickets
        self.clock = clock
    }

    struct Input: Sendable {
        var title: String
        var dueAt: Int64?
        var ownerID: Int?
        var note: String = ""
    }

    func create(ticketID: Int, _ input: Input, actor: Actor, db: any SQLDatabase) async throws -> FollowUpRecord {
        let ticket = try await tickets.visibleTicket(ticketID, to: actor, db: db)
        let owner = try await input.ownerID.asyncMap { try await UserStore(db: db).find(id: $0) } ?? nil
        let now = clock.now()
        do throws(FieldErrors) {
            try FollowUpRules.validate(title: input.title, dueAt: input.dueAt, now: now, ownerRole: owner?.role, ownerActive: owner?.active ?? false)
        } catch { throw APIError.invalid(error) }
        var record = FollowUpRecord(id: 0, ticketID: ticketID, title: input.title.trimmedWhitespace, note: input.note.trimmedWhitespace,
                                    ownerID: owner!.id, assignedByID: actor.id, dueAt: input.dueAt!, status: .open, remindedAt: nil,
                                    dueNotifiedAt: nil, escalatedAt: nil, completionNote: "", closedByID: nil, closedAt: nil,
                                    createdAt: now, updatedAt: now)
        record.id = try await FollowUpStore(db: db).insert(record)
        let by = try await name(actor.id, db: db)
        try await notice(ticket, "Follow-up #\(record.id) for \(owner!.name), due \(PageTime.text(record.dueAt)): \(record.title)", actor: actor, db: db)
        if owner!.id != actor.id {
            try await DecisionStore(db: db).notify(userIDs: [owner!.id], kind: "follow_up",
                                                   text: "\(by) gave you a follow-up on ticket #\(ticketID), due \(PageTime.text(record.dueAt)): \(record.title)",
                                                   ticketID: ticketID, link: "/agent/follow-ups", at: now)
        }
        return record
    }

    func load(_ id: Int, db: any SQLDatabase) async throws -> FollowUpRecord {
        guard let record = try await FollowUpStore(db: db).find(id: id) else { throw APIError.notFound("No follow-up \(id)") }
        return record
    }

    /// Completing asks what came of it: the note goes on the ticket as an internal note.
    func complete(_ id: Int, note: String, actor: Actor, db: any SQLDatabase) async throws -> FollowUpRecord {
        var record = try await closable(id, actor: actor, db: db)
        do throws(FieldErrors) { try FollowUpRules.validate(note: note, field: "note", what: "Note: what came of the follow-up") } catch {
            throw APIError.invalid(error)
        }
        let note = note.trimmedWhitespace
        record.status = .done
        record.completionNote = note
        record.closedByID = actor.id
        record.closedAt = clock.now()
        record.updatedAt = record.closedAt!
        try await FollowUpStore(db: db).save(record)
        let by = try await name(actor.id, db: db)
        if let ticket = try await TicketStore(db: db).load(id: record.ticketID), ticket.fields.status < .closed {
            _ = try await tickets.update(ticket.id, ["comment": ["body": .string("Follow-up done: \(record.title)\n\n\(note)"), "public": false]],
                                         actor: staff(actor), via: .web, db: db, loaded: ticket,
                                         notices: [.notice(kind: "follow_up", text: "Follow-up #\(record.id) completed by \(by): \(record.title)")])
        }
        return record
    }

    func cancel(_ id: Int, reason: String, actor: Actor, db: any SQLDatabase) async throws -> FollowUpRecord {
        var record = try await closable(id, actor: actor, db: db)
        do throws(FieldErrors) { try FollowUpRules.validate(note: reason, field: "reason", what: "Reason: why the follow-up is cancelled") } catch {
            throw APIError.invalid(error)
        }
        record.status = .cancelled
        record.completionNote = reason.trimmedWhitespace
        record.closedByID = actor.id
        record.closedAt = clock.now()
        record.updatedAt = record.closedAt!
        try await FollowUpStore(db: db).save(record)
        let by = try await name(actor.id, db: db)
        if let ticket = try await TicketStore(db: db).load(id: record.ticketID) {
            try await notice(ticket, "Follow-up #\(record.id) cancelled by \(by): \(record.title). Why: \(record.completionNote)", actor: actor, db: db)
        }
        return record
    }

    /// A new owner (and, optionally, a new due time): the reminders start over for them.
    func reassign(_ id: Int, ownerID: Int?, dueAt: Int64?, actor: Actor, db: any SQLDatabase) async throws -> FollowUpRecord {
        var record = try await closable(id, actor: actor, db: db)
        let owner = try await ownerID.asyncMap { try await UserStore(db: db).find(id: $0) } ?? nil
        let now = clock.now()
        do throws(FieldErrors) {
            try FollowUpRules.validate(title: record.title, dueAt: dueAt ?? max(record.dueAt, now + 1), now: now,
                                       ownerRole: owner?.role, ownerActive: owner?.active ?? false)
        } catch { throw APIError.invalid(error) }
        record.ownerID = owner!.id
        if let dueAt { record.dueAt = dueAt }
        record.remindedAt = nil
        record.dueNotifiedAt = nil
        record.escalatedAt = nil
        record.updatedAt = now
        try await FollowUpStore(db: db).save(record)
        let by = try await name(actor.id, db: db)
        if let ticket = try await TicketStore(db: db).load(id: record.ticketID) {
            try await notice(ticket, "Follow-up #\(record.id) passed to \(owner!.name) by \(by), due \(PageTime.text(record.dueAt)): \(record.title)",
                             actor: actor, db: db)
        }
        if owner!.id != actor.id {
            try await DecisionStore(db: db).notify(userIDs: [owner!.id], kind: "follow_up",
                                                   text: "\(by) passed you a follow-up on ticket #\(record.ticketID), due \(PageTime.text(record.dueAt)): \(record.title)",
                                                   ticketID: record.ticketID, link: "/agent/follow-ups", at: now)
        }
        return record
    }

    // MARK: Reminders

    /// The job: every reminder, due notice and escalation that is due now, each sent once (workspace notification and
    /// email). Returns how many notices went out.
    @discardableResult
    func remindDue(database: Database) async throws -> Int {
        let now = clock.now()
        let ids = try await database.read { db in
            try await FollowUpStore(db: db).awaitingNotice(remindFrom: now, remindBeforeMillis: schedule.remindBeforeMinutes * 60_000, limit: 500)
        }
        var sent = 0
        for id in ids {
            sent += try await database.write { db -> Int in
                let store = FollowUpStore(db: db)
                guard let record = try await store.find(id: id) else { return 0 }
                var count = 0
                for notice in schedule.next(status: record.status, dueAt: record.dueAt, now: now, sent: record.sent) {
                    guard try await store.claim(notice, id: id, at: now) else { continue }
                    try await send(notice, record, now: now, db: db)
                    count += 1
                }
                return count
            }
        }
        return sent
    }

    private func send(_ notice: FollowUpNotice, _ f: FollowUpRecord, now: Int64, db: any SQLDatabase) async throws {
        let people = try await UserStore(db: db).find(ids: [f.ownerID, f.assignedByID])
        let owner = people.first { $0.id == f.ownerID }
        let due = PageTime.text(f.dueAt)
        let (recipient, kind, text, link): (UserRecord?, String, String, String)
        switch notice {
        case .reminder:
            (recipient, kind, link) = (owner, "follow_up", "/agent/follow-ups")
            text = "Follow-up due at \(due) on ticket #\(f.ticketID): \(f.title)"
        case .due:
            (recipient, kind, link) = (owner, "follow_up", "/agent/follow-ups")
            text = "Follow-up due now on ticket #\(f.ticketID): \(f.title)"
        case .escalation:
            (recipient, kind, link) = (people.first { $0.id == f.assignedByID }, "follow_up_missed", "/agent/tickets/\(f.ticketID)")
            text = "Follow-up missed: \(owner?.name ?? "#\(f.ownerID)") has not completed \"\(f.title)\" on ticket #\(f.ticketID), due \(due)"
        }
        guard let recipient else { return }
        try await DecisionStore(db: db).notify(userIDs: [recipient.id], kind: kind, text: text, ticketID: f.ticketID, link: link, at: now)
        if let ticket = try await TicketStore(db: db).load(id: f.ticketID) {
            // Sent by Casebook itself: no user has id 0, so the recipient is never mistaken for the sender.
            try await tickets.notifier?.queueEscalation(ticket: ticket, to: [recipient], by: Actor(id: 0, role: .agent), reason: text,
                                                        event: .followUp, db: db)
        }
    }

    // MARK: Remote sessions

    struct SessionInput: Sendable {
        var code: String
        var startedAt: Int64?
        var endedAt: Int64?
        var outcome: String
    }

    func recordSession(ticketID: Int, _ input: SessionInput, actor: Actor, db: any SQLDatabase) async throws -> RemoteSessionRecord {
        let ticket = try await tickets.visibleTicket(ticketID, to: actor, db: db)
        do throws(FieldErrors) {
            try RemoteSessionRules.validate(code: input.code, startedAt: input.startedAt, endedAt: input.endedAt, outcomeLength: input.outcome.count)
        } catch { throw APIError.invalid(error) }
        let code = input.code.trimmedWhitespace
        var record = RemoteSessionRecord(id: 0, ticketID: ticketID, agentID: actor.id, toolURL: RemoteSessionRules.link(template: remoteSupportURL, code: code),
                                         sessionCode: code, startedAt: input.startedAt!, endedAt: input.endedAt,
                                         outcome: input.outcome.trimmedWhitespace, createdAt: clock.now())
        record.id = try await FollowUpStore(db: db).insert(record)
        let by = try await name(actor.id, db: db)
        var text = "Remote session \(code) by \(by), \(PageTime.text(record.startedAt))"
        if let end = record.endedAt { text += " to \(PageTime.text(end))" }
        if !record.outcome.isEmpty { text += ". Outcome: \(record.outcome)" }
        if let url = record.toolURL { text += " (\(url))" }
        try await notice(ticket, text, kind: "remote_session", actor: actor, db: db)
        return record
    }

    // MARK: Helpers

    /// Open, and the actor is its owner, its assigner or a lead and above.
    private func closable(_ id: Int, actor: Actor, db: any SQLDatabase) async throws -> FollowUpRecord {
        let record = try await load(id, db: db)
        _ = try await tickets.visibleTicket(record.ticketID, to: actor, db: db)
        guard FollowUpRules.mayClose(actor: actor, ownerID: record.ownerID, assignedByID: record.assignedByID) else {
            throw APIError.forbidden("Follow-up #\(id) belongs to someone else: its owner, whoever assigned it or a lead may change it")
        }
        guard record.status == .open else {
            throw APIError.invalid("status", "Follow-up #\(id) is \(record.status == .done ? "done" : "cancelled") already", error: "InvalidTransition")
        }
        return record
    }

    private func name(_ id: Int, db: any SQLDatabase) async throws -> String {
        try await UserStore(db: db).find(id: id)?.name ?? "#\(id)"
    }

    private func staff(_ actor: Actor) -> Actor { Actor(id: actor.id, role: actor.role.isStaff ? actor.role : .agent) }

    private func notice(_ ticket: TicketRecord, _ text: String, kind: String = "follow_up", actor: Actor, db: any SQLDatabase) async throws {
        guard ticket.fields.status < .closed else { return }
        _ = try await tickets.update(ticket.id, [:], actor: staff(actor), via: .web, db: db, loaded: ticket,
                                     notices: [.notice(kind: kind, text: text)])
    }

    // MARK: JSON

    func present(_ f: FollowUpRecord, now: Int64) -> JSONValue {
        [
            "id": .int(f.id), "ticket_id": .int(f.ticketID), "title": .string(f.title), "note": .string(f.note),
            "owner_id": .int(f.ownerID), "assigned_by_id": .int(f.assignedByID), "due_at": JSONValue(Timestamp.date(f.dueAt)),
            "status": .string(f.status.rawValue), "overdue": .bool(FollowUpSchedule.isOverdue(status: f.status, dueAt: f.dueAt, now: now)),
            "reminded_at": JSONValue(f.remindedAt.map(Timestamp.date)), "due_notified_at": JSONValue(f.dueNotifiedAt.map(Timestamp.date)),
            "escalated_at": JSONValue(f.escalatedAt.map(Timestamp.date)),
            "next_notice_at": JSONValue(schedule.nextAt(status: f.status, dueAt: f.dueAt, sent: f.sent).map(Timestamp.date)),
            "completion_note": f.completionNote.isEmpty ? .null : .string(f.completionNote), "closed_by_id": JSONValue(f.closedByID),
            "closed_at": JSONValue(f.closedAt.map(Timestamp.date)), "created_at": JSONValue(Timestamp.date(f.createdAt)),
            "updated_at": JSONValue(Timestamp.date(f.updatedAt)),
        ]
    }

    static func present(_ s: RemoteSessionRecord) -> JSONValue {
        [
            "id": .int(s.id), "ticket_id": .int(s.ticketID), "agent_id": .int(s.agentID), "session_code": .string(s.sessionCode),
            "tool_url": JSONValue(s.toolURL), "started_at": JSONValue(Timestamp.date(s.startedAt)),
            "ended_at": JSONValue(s.endedAt.map(Timestamp.date)), "outcome": .string(s.outcome), "created_at": JSONValue(Timestamp.date(s.createdAt)),
        ]
    }
}
