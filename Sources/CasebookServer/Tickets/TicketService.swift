import CasebookCore
import Foundation
import SQLKit

/// Everything the API does with tickets. Each public method is one transaction.
struct TicketService: Sendable {
    let database: Database
    /// Told about every committed change, so open pages update live.
    var live: LiveEvents? = nil
    /// Queues the mail a change causes, in the change's transaction.
    var notifier: MailNotifier? = nil
    /// Routes new tickets, keeps exclusion rules on assignment, and dequeues tickets someone took.
    var routing: RoutingService? = nil
    /// Records what the SLA clock needs with every change and keeps each ticket's targets current.
    var sla: SLAService? = nil
    /// Offers the requester a satisfaction survey when a ticket becomes solved.
    var satisfaction: SatisfactionService? = nil

    /// Queues the notifications for a change made with the `db:` variants (inside the caller's transaction).
    func notify(_ written: Written, actor: Actor, db: any SQLDatabase) async throws {
        try await notifier?.queue(for: written, actor: actor, db: db)
    }

    /// Announces committed changes to open pages (call after the write that made them has returned).
    func announce(_ written: [Written], by actor: Actor) async {
        guard let live else { return }
        await live.ticketsChanged(written.filter { $0.audit != nil || $0.ticket.createdAt == $0.ticket.updatedAt }.map(\.ticket.id),
                                  by: actor.id)
    }

    struct Written: Sendable {
        var ticket: TicketRecord
        var audit: AuditRecord?
        var comments: [Int: CommentRecord]
    }

    // MARK: Reading

    /// Whether `user` may see the ticket: staff see all; end-users their own, those they are CC'd on,
    /// and their organization's when it shares tickets.
    static func canSee(_ ticket: TicketRecord, user: UserRecord, orgShares: Bool) -> Bool {
        if user.role.isStaff { return true }
        if ticket.fields.requesterID == user.id || ticket.fields.ccIDs.contains(user.id) { return true }
        return orgShares && user.organizationID != nil && ticket.fields.organizationID == user.organizationID
    }

    func visibleTicket(_ id: Int, to actor: Actor, db: any SQLDatabase) async throws -> TicketRecord {
        guard let ticket = try await TicketStore(db: db).load(id: id) else { throw APIError.notFound() }
        if actor.role.isStaff { return ticket }
        guard let user = try await UserStore(db: db).find(id: actor.id) else { throw APIError.unauthorized }
        let shares = try await orgShares(user.organizationID, db: db)
        guard Self.canSee(ticket, user: user, orgShares: shares) else { throw APIError.notFound() }
        return ticket
    }

    func orgShares(_ orgID: Int?, db: any SQLDatabase) async throws -> Bool {
        guard let orgID else { return false }
        return try await OrganizationStore(db: db).find(id: orgID)?.sharedTickets ?? false
    }

    /// The SQL condition limiting tickets to what `actor` may see (`t` is the tickets table).
    func visibility(for actor: Actor, db: any SQLDatabase) async throws -> SQLQueryString {
        if actor.role.allows(.viewAllTickets) { return "t.deleted_at IS NULL" }
        let user = try await UserStore(db: db).find(id: actor.id)
        var condition: SQLQueryString = """
            t.deleted_at IS NULL AND (t.requester_id = \(bind: actor.id)
              OR t.id IN (SELECT ticket_id FROM ticket_collaborators WHERE user_id = \(bind: actor.id) AND kind = 'cc')
            """
        if let orgID = user?.organizationID, try await orgShares(orgID, db: db) {
            condition.appendInterpolation(" OR t.organization_id = \(bind: orgID)" as SQLQueryString)
        }
        condition.appendLiteral(")")
        return condition
    }

    func get(_ id: Int, actor: Actor) async throws -> TicketRecord {
        try await database.read { db in try await visibleTicket(id, to: actor, db: db) }
    }

    func showMany(_ ids: [Int], actor: Actor) async throws -> [TicketRecord] {
        try await database.read { db in
            let visible = try await visibility(for: actor, db: db)
            let rows = try await db.raw("""
                SELECT \(unsafeRaw: TicketStore.qualifiedColumns) FROM tickets t WHERE t.id IN (\(binds: ids)) AND \(visible) ORDER BY t.id
                """).all()
            return try await TicketStore(db: db).records(from: rows)
        }
    }

    struct Page: Sendable {
        var tickets: [TicketRecord]
        var count: Int?
        var hasMore: Bool
        var hasPrevious: Bool
    }

    func list(_ pagination: Pagination, actor: Actor, extra: SQLQueryString? = nil, orderByUpdated: Bool = false) async throws -> Page {
        try await database.read { db in
            var condition = try await visibility(for: actor, db: db)
            if let extra {
                condition.appendLiteral(" AND ")
                condition.appendInterpolation(extra)
            }
            let columns = TicketStore.qualifiedColumns
            let store = TicketStore(db: db)
            switch pagination {
            case .offset(let page, let perPage):
                let count: Int
                if orderByUpdated {
                    count = 0
                } else if extra == nil, actor.role.allows(.viewAllTickets) {
                    count = try await TicketStore(db: db).liveCount()
                } else {
                    count = try await db.raw("SELECT COUNT(*) AS n FROM tickets t WHERE \(condition)").first()!
                        .decode(column: "n", as: Int.self)
                }
                let order: SQLQueryString = orderByUpdated ? "t.updated_at, t.id" : "t.id"
                let rows = try await db.raw("""
                    SELECT \(unsafeRaw: columns) FROM tickets t WHERE \(condition)
                    ORDER BY \(order) LIMIT \(bind: perPage) OFFSET \(bind: (page - 1) * perPage)
                    """).all()
                return Page(tickets: try await store.records(from: rows), count: count,
                            hasMore: page * perPage < count, hasPrevious: page > 1)
            case .cursor(let size, let after, let before):
                if let before {
                    let rows = try await db.raw("""
                        SELECT \(unsafeRaw: columns) FROM tickets t WHERE \(condition) AND t.id < \(bind: before)
                        ORDER BY t.id DESC LIMIT \(bind: size + 1)
                        """).all()
                    let records = try await store.records(from: Array(rows.prefix(size)))
                    return Page(tickets: records.reversed(), count: nil, hasMore: true, hasPrevious: rows.count > size)
                }
                let rows = try await db.raw("""
                    SELECT \(unsafeRaw: columns) FROM tickets t WHERE \(condition) AND t.id > \(bind: after ?? 0)
                    ORDER BY t.id LIMIT \(bind: size + 1)
                    """).all()
                return Page(tickets: try await store.records(from: Array(rows.prefix(size))), count: nil,
                            hasMore: rows.count > size, hasPrevious: after != nil)
            }
        }
    }

    func comments(ticketID: Int, actor: Actor, pagination: Pagination, newestFirst: Bool)
        async throws -> (comments: [CommentRecord], count: Int, hasMore: Bool) {
        try await database.read { db in
            _ = try await visibleTicket(ticketID, to: actor, db: db)
            let store = TicketStore(db: db)
            let withNotes = actor.role.allows(.viewInternalNotes)
            let count = try await store.commentCount(ticketID: ticketID, includeInternal: withNotes)
            switch pagination {
            case .offset(let page, let perPage):
                let all = try await store.comments(ticketID: ticketID, includeInternal: withNotes, afterID: nil,
                                                   beforeID: nil, limit: page * perPage, descending: newestFirst)
                return (try await store.withAttachments(Array(all.dropFirst((page - 1) * perPage))), count, page * perPage < count)
            case .cursor(let size, let after, let before):
                let list = try await store.comments(ticketID: ticketID, includeInternal: withNotes,
                                                    afterID: newestFirst ? nil : after,
                                                    beforeID: newestFirst ? after : before, limit: size + 1,
                                                    descending: newestFirst)
                return (try await store.withAttachments(Array(list.prefix(size))), count, list.count > size)
            }
        }
    }

    /// Notice kinds for staff only.
    static let internalNotices: Set<String> = ["asset", "checklist", "conduct", "conduct_handover", "decision", "escalation", "exclusion",
                                               "exclusion_override", "repeat_contact", "rma", "routing", "sla_escalation"]

    func audits(ticketID: Int, actor: Actor) async throws -> ([AuditRecord], [Int: CommentRecord]) {
        try await database.read { db in
            _ = try await visibleTicket(ticketID, to: actor, db: db)
            let store = TicketStore(db: db)
            let withNotes = actor.role.allows(.viewInternalNotes)
            let comments = try await store.withAttachments(
                try await store.comments(ticketID: ticketID, includeInternal: withNotes, afterID: nil, beforeID: nil, limit: 100_000))
            var byID: [Int: CommentRecord] = [:]
            for c in comments { byID[c.id] = c }
            var audits = try await store.audits(ticketID: ticketID)
            if !withNotes {
                // An end-user's history never shows internal notes, nor the desk's internal notices (routing,
                // exclusions, decisions, conduct, troubleshooting): drop those events.
                for i in audits.indices {
                    audits[i].events.removeAll {
                        ($0.type == "Comment" && ($0.commentID.map { byID[$0] == nil } ?? true))
                            || ($0.type == "Notice" && Self.internalNotices.contains($0.fieldName ?? ""))
                    }
                }
            }
            return (audits, byID)
        }
    }

    // MARK: Writing

    func create(_ object: JSONObject, actor: Actor, via: ViaChannel) async throws -> Written {
        let written = try await database.write { db in
            let written = try await create(object, actor: actor, via: via, db: db)
            try await notify(written, actor: actor, db: db)
            return written
        }
        await announce([written], by: actor)
        return written
    }

    /// `prepared`: the comment already built from `object["comment"]` by a caller that did that work before the
    /// transaction (incoming mail), so it is not built again here.
    func create(_ object: JSONObject, actor: Actor, via: ViaChannel, db: any SQLDatabase,
                prepared: CommentDraft? = nil) async throws -> Written {
        var reader = FieldReader(object)
        let directory = Directory(db: db)
        let request = try await TicketRequest.parse(&reader, directory: directory, actor: actor, db: db, creating: true)
        guard let commentObject = object["comment"]?.objectValue
            ?? object["description"]?.stringValue.map({ ["body": .string($0)] as JSONObject }) else {
            throw APIError.invalid("description", "Description: cannot be blank", error: "BlankValue")
        }
        let comment: CommentDraft
        if let prepared { comment = prepared } else { comment = try await TicketRequest.comment(commentObject, actor: actor, db: db) }

        // The requester defaults to the caller; a ticket belongs to its requester's organization unless told otherwise.
        let requester: UserRecord?
        if !actor.role.isStaff {
            // End-users open tickets for themselves, in their own organization.
            if let value = object["requester"] ?? object["requester_id"], !value.isNull, value.intValue != actor.id {
                throw APIError.forbidden("End users can only open tickets for themselves")
            }
            if let org = object["organization_id"], !org.isNull {
                throw APIError.forbidden("End users cannot choose the ticket's organization")
            }
        }
        if actor.role.isStaff, let value = object["requester"] ?? object["requester_id"], !value.isNull {
            do { requester = try await directory.resolve(value, field: "requester") } catch { throw APIError.invalid(error) }
        } else {
            requester = try await UserStore(db: db).find(id: actor.id)
        }
        let requesterID = requester?.id ?? actor.id
        let requesterOrg = requester?.organizationID
        var fields = TicketSnapshot(subject: "", requesterID: requesterID, submitterID: actor.id)
        var patch = request.patch
        patch.subject = patch.subject ?? ""
        if patch.organizationID == nil { patch.organizationID = .some(requesterOrg) }
        fields = patch.applied(to: fields)
        var (ticket, events): (TicketSnapshot, [AuditEvent])
        do {
            (ticket, events) = try TicketRules.create(fields, status: request.patch.status, comment: comment, by: actor)
        } catch {
            throw APIError.invalid(error)
        }
        // Routing may set the group, priority, tags and assignee; the rules run again on what it chose, as the
        // desk's own decision (an end-user's ticket may not set those itself).
        var routed: RoutingService.Outcome?
        // What the ticket is about, kept with it for repeat-contact detection (order numbers sit near the top).
        let terms = ContactTerms(subject: ticket.subject, body: String(comment.body.prefix(400)))
        if let routing, ticket.assigneeID == nil, ticket.status < .solved {
            var choice = ticket
            let outcome = try await routing.routeNew(&choice, via: via, terms: terms, db: db)
            if choice != ticket {
                do {
                    (ticket, events) = try TicketRules.create(choice, status: ticket.status, comment: comment,
                                                              by: Actor(id: actor.id, role: .admin))
                } catch {
                    throw APIError.invalid(error)
                }
            }
            events += outcome.notices
            routed = outcome
        }
        let now = Timestamp.now
        let store = TicketStore(db: db)
        let id = try await store.insert(ticket, description: comment.body, via: via, at: now, contactTerms: terms)
        if let routed { try await routing?.recordNew(routed, ticketID: id, skills: routed.decision.skills, db: db) }
        let (audit, stored) = try await store.insertAudit(ticketID: id, authorID: actor.id, via: comment.via ?? via,
                                                          at: now, events: events, comment: comment)
        let record = TicketRecord(id: id, fields: ticket, description: comment.body, via: via, createdAt: now, updatedAt: now)
        if let stored { try await attachUploads(commentObject, comment: stored, ticketID: id, actor: actor, db: db) }
        if comment.isUnsummarisedCall { try await store.setNotesOwed(ticketID: id, since: now) }
        try await AssetMentions.link(ticketID: id, subject: ticket.subject, body: comment.body, at: now, db: db)
        let written = Written(ticket: record, audit: audit, comments: stored.map { [$0.id: $0] } ?? [:])
        try await sla?.record(written, previous: nil, actor: actor, db: db)
        return written
    }

    func update(_ id: Int, _ object: JSONObject, actor: Actor, via: ViaChannel) async throws -> Written {
        let written = try await database.write { db in
            let written = try await update(id, object, actor: actor, via: via, db: db)
            try await notify(written, actor: actor, db: db)
            return written
        }
        await announce([written], by: actor)
        return written
    }

    /// `loaded`: the ticket as the caller just read it in this transaction, when the caller is staff (saves reading
    /// it again).
    /// `notices`: events in words added to the audit (routing, escalation), written even when no field changes.
    func update(_ id: Int, _ object: JSONObject, actor: Actor, via: ViaChannel, db: any SQLDatabase,
                loaded: TicketRecord? = nil, notices: [AuditEvent] = [], prepared: CommentDraft? = nil) async throws -> Written {
        let current: TicketRecord
        if let loaded, loaded.id == id, actor.role.isStaff { current = loaded } else {
            current = try await visibleTicket(id, to: actor, db: db)
        }
        if object["safe_update"]?.boolValue == true {
            guard let stamp = object["updated_stamp"]?.stringValue, let seen = parseISODate(stamp) else {
                throw APIError.invalid("updated_stamp", "Updated stamp: required with safe_update", error: "BlankValue")
            }
            if Int64(seen.timeIntervalSince1970) != current.updatedAt / 1000 {
                throw APIError(.conflict, "UpdateConflict",
                               "Safe Update prevented the update due to outdated ticket data. Please fetch the latest ticket data and try again.")
            }
        }
        var reader = FieldReader(object)
        let request = try await TicketRequest.parse(&reader, directory: Directory(db: db), actor: actor, db: db, creating: false)
        var comment: CommentDraft?
        if let prepared, object["comment"] != nil {
            comment = prepared
        } else if let commentObject = object["comment"]?.objectValue {
            comment = try await TicketRequest.comment(commentObject, actor: actor, db: db)
        }
        var (next, events): (TicketSnapshot, [AuditEvent])
        do {
            (next, events) = try TicketRules.update(current.fields, with: request.patch, comment: comment, by: actor)
        } catch {
            throw APIError.invalid(error)
        }
        events += notices
        var exclusionOverride: [AuditEvent] = []
        if let assignee = next.assigneeID, assignee != current.fields.assigneeID {
            exclusionOverride = try await ExclusionCheck.manualAssignment(of: next, to: assignee, actor: actor, object: object, db: db)
            events += exclusionOverride
        }
        guard !events.isEmpty else { return Written(ticket: current, audit: nil, comments: [:]) }
        let store = TicketStore(db: db)
        let notesOwed = try await checkCaseNotes(id, current: current.fields, next: next, comment: comment, object: object, store: store)
        let now = max(Timestamp.now, current.updatedAt + 1)
        try await store.update(id: id, from: current.fields, to: next, at: now)
        if let comment, comment.isUnsummarisedCall, notesOwed == nil {
            try await store.setNotesOwed(ticketID: id, since: now)
        } else if let comment, comment.isInternalNote, notesOwed != nil {
            try await store.setNotesOwed(ticketID: id, since: nil)
        }
        let (audit, stored) = try await store.insertAudit(ticketID: id, authorID: actor.id, via: comment?.via ?? via,
                                                          at: now, events: events, comment: comment)
        var record = current
        record.fields = next
        record.updatedAt = now
        if let stored, let commentObject = object["comment"]?.objectValue {
            try await attachUploads(commentObject, comment: stored, ticketID: id, actor: actor, db: db)
        }
        if routing != nil, next.assigneeID != nil || next.status >= .solved, current.fields.assigneeID == nil {
            // Someone took it (or it was solved) while it waited for routing.
            try await RoutingStore(db: db).dequeue(ticketID: id)
        }
        let written = Written(ticket: record, audit: audit, comments: stored.map { [$0.id: $0] } ?? [:])
        try await sla?.record(written, previous: current, actor: actor, db: db)
        if next.status == .solved, current.fields.status < .solved { try await satisfaction?.ticketSolved(record, db: db) }
        if case .notice(_, let text)? = exclusionOverride.first, let assignee = next.assigneeID {
            let why = object["override_reason"]?.stringValue?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            try await DecisionService(tickets: self, clock: .system).record(.init(
                kind: .exclusionOverride, rule: "Exclusion rule: never assign this customer's tickets to this agent",
                what: "Ticket #\(id) assigned to user #\(assignee) against an exclusion rule",
                reason: why.isEmpty ? text : why, ticketID: id, noticeOnTicket: false), actor: actor, db: db)
        }
        return written
    }

    /// Case-note discipline on a person's change (an automatic one is never stopped): solving or handing over a
    /// ticket that owes its case notes needs an internal note in the same change. Returns since when notes are owed.
    private func checkCaseNotes(_ id: Int, current: TicketSnapshot, next: TicketSnapshot, comment: CommentDraft?,
                                object: JSONObject, store: TicketStore) async throws -> Int64? {
        let requested = object["status"] != nil || object["assignee_id"] != nil || object["assignee_email"] != nil
        let change = requested ? CaseNotes.change(fromStatus: current.status, toStatus: next.status,
                                                  fromAssignee: current.assigneeID, toAssignee: next.assigneeID) : nil
        guard change != nil || comment != nil else { return nil }
        let owed = try await store.notesOwedSince(ticketID: id)
        do throws(CaseNotes.Refusal) {
            try CaseNotes.check(change, notesOwedSince: owed, addsInternalNote: comment?.isInternalNote ?? false)
        } catch {
            throw APIError.invalid("comment", error.description, error: "CaseNotes")
        }
        return owed
    }

    /// `comment.uploads`: tokens from `POST /api/v2/uploads` whose files become the comment's attachments.
    private func attachUploads(_ commentObject: JSONObject, comment: CommentRecord, ticketID: Int, actor: Actor,
                               db: any SQLDatabase) async throws {
        guard let list = commentObject["uploads"]?.arrayValue, !list.isEmpty else { return }
        let tokens = list.compactMap(\.stringValue)
        guard tokens.count == list.count else {
            throw APIError.invalid("uploads", "Uploads: a list of upload tokens")
        }
        let unknown = try await AttachmentStore(db: db).claim(tokens: tokens, commentID: comment.id, ticketID: ticketID,
                                                              uploaderID: actor.id, anyUploader: actor.role == .admin)
        if !unknown.isEmpty {
            throw APIError.invalid("uploads", "Uploads: no pending upload for token \(unknown.joined(separator: ", "))")
        }
    }

    func delete(_ id: Int, actor: Actor) async throws {
        try await database.write { db in
            guard try await TicketStore(db: db).load(id: id) != nil else { throw APIError.notFound() }
            try await TicketStore(db: db).softDelete(id: id)
        }
        await live?.ticketsChanged([id], by: actor.id)
    }
}
