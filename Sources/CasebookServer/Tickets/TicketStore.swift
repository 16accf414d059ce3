import CasebookCore
import Foundation
import SQLKit

struct TicketRecord: Sendable, Equatable {
    var id: Int
    var fields: TicketSnapshot
    var description: String
    var via: ViaChannel
    var createdAt: Int64
    var updatedAt: Int64
    /// The closed ticket this one follows up (a reply to it by mail opened this one).
    var followupSourceID: Int? = nil
}

struct CommentRecord: Sendable, Equatable {
    var id: Int
    var ticketID: Int
    var auditID: Int
    var authorID: Int
    var isPublic: Bool
    var body: String
    var htmlBody: String
    var via: ViaChannel
    var call: CallLog?
    var createdAt: Int64
    /// Filled by `TicketStore.withAttachments` where files are shown.
    var attachments: [AttachmentStore.Record] = []
    /// The received message this comment came from (its full original, quotes and all).
    var inboundMessageID: Int? = nil
}

struct AuditRecord: Sendable {
    struct Event: Sendable {
        var id: Int
        var type: String
        var fieldName: String?
        var value: String?
        var previousValue: String?
        var commentID: Int?
    }
    var id: Int
    var ticketID: Int
    var authorID: Int
    var via: ViaChannel
    var createdAt: Int64
    var events: [Event]
}

/// `a, b` as `t.a, t.b`: a column list for a table named through an alias.
func qualified(_ columns: String, _ alias: String) -> String {
    columns.split(separator: ",").map { "\(alias)." + $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        .joined(separator: ", ")
}

/// SQL for tickets, their tags and collaborators, audits and comments.
struct TicketStore: Sendable {
    let db: any SQLDatabase

    static let columns = """
        id, external_id, type, subject, description, status, priority, requester_id, submitter_id, assignee_id,
        group_id, organization_id, due_at, via_channel, created_at, updated_at, followup_source_id
        """
    /// The same columns named through the alias `t`, for queries that join or filter on `tickets t`.
    static let qualifiedColumns = qualified(columns, "t")

    /// Loads tickets with their tags and collaborators, in the order of `ids`.
    func load(ids: [Int]) async throws -> [TicketRecord] {
        guard !ids.isEmpty else { return [] }
        let rows = try await db.raw("""
            SELECT \(unsafeRaw: Self.columns) FROM tickets WHERE id IN (\(binds: ids)) AND deleted_at IS NULL
            """).all()
        return try await records(from: rows, order: ids)
    }

    func load(id: Int) async throws -> TicketRecord? { try await load(ids: [id]).first }

    /// Turns ticket rows into records, fetching tags and collaborators for all of them at once.
    func records(from rows: [any SQLRow], order: [Int]? = nil) async throws -> [TicketRecord] {
        var byID: [Int: TicketRecord] = [:]
        var sequence: [Int] = []
        for row in rows {
            let record = try Self.decode(row)
            byID[record.id] = record
            sequence.append(record.id)
        }
        guard !sequence.isEmpty else { return [] }
        let tagRows = try await db.raw("""
            SELECT ticket_id, tag FROM ticket_tags WHERE ticket_id IN (\(binds: sequence)) ORDER BY ticket_id, position
            """).all()
        for row in tagRows {
            byID[try row.decode(column: "ticket_id", as: Int.self)]?.fields.tags
                .append(try row.decode(column: "tag", as: String.self))
        }
        let peopleRows = try await db.raw("""
            SELECT ticket_id, user_id, kind FROM ticket_collaborators WHERE ticket_id IN (\(binds: sequence))
            ORDER BY ticket_id, kind, position
            """).all()
        for row in peopleRows {
            let ticketID = try row.decode(column: "ticket_id", as: Int.self)
            let userID = try row.decode(column: "user_id", as: Int.self)
            if try row.decode(column: "kind", as: String.self) == "cc" {
                byID[ticketID]?.fields.ccIDs.append(userID)
            } else {
                byID[ticketID]?.fields.followerIDs.append(userID)
            }
        }
        return (order ?? sequence).compactMap { byID[$0] }
    }

    static func decode(_ row: any SQLRow) throws -> TicketRecord {
        let fields = TicketSnapshot(
            externalID: try row.decode(column: "external_id", as: String?.self),
            type: try row.decode(column: "type", as: String?.self).flatMap(TicketType.init(rawValue:)),
            subject: try row.decode(column: "subject", as: String.self),
            status: TicketStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .open,
            priority: try row.decode(column: "priority", as: String?.self).flatMap(TicketPriority.init(rawValue:)),
            requesterID: try row.decode(column: "requester_id", as: Int.self),
            submitterID: try row.decode(column: "submitter_id", as: Int.self),
            assigneeID: try row.decode(column: "assignee_id", as: Int?.self),
            groupID: try row.decode(column: "group_id", as: Int?.self),
            organizationID: try row.decode(column: "organization_id", as: Int?.self),
            dueAt: try row.decode(column: "due_at", as: Int64?.self).map(Timestamp.date))
        return TicketRecord(
            id: try row.decode(column: "id", as: Int.self), fields: fields,
            description: try row.decode(column: "description", as: String.self),
            via: ViaChannel(rawValue: try row.decode(column: "via_channel", as: String.self)) ?? .api,
            createdAt: try row.decode(column: "created_at", as: Int64.self),
            updatedAt: try row.decode(column: "updated_at", as: Int64.self),
            followupSourceID: try row.decode(column: "followup_source_id", as: Int?.self))
    }

    func insert(_ t: TicketSnapshot, description: String, via: ViaChannel, at now: Int64,
                contactTerms: ContactTerms? = nil) async throws -> Int {
        let id = try await db.raw("""
            INSERT INTO tickets (external_id, type, subject, description, status, priority, requester_id, submitter_id,
                assignee_id, group_id, organization_id, due_at, via_channel, created_at, updated_at, solved_at, contact_terms)
            VALUES (\(bind: t.externalID), \(bind: t.type?.rawValue), \(bind: t.subject), \(bind: description),
                \(bind: t.status.rawValue), \(bind: t.priority?.rawValue), \(bind: t.requesterID), \(bind: t.submitterID),
                \(bind: t.assigneeID), \(bind: t.groupID), \(bind: t.organizationID), \(bind: t.dueAt.map(Timestamp.millis)),
                \(bind: via.rawValue), \(bind: now), \(bind: now), \(bind: t.status == .solved ? now : nil),
                \(bind: contactTerms?.encoded))
            RETURNING id
            """).first()!.decode(column: "id", as: Int.self)
        try await replaceTags(ticketID: id, tags: t.tags, previous: [])
        try await replaceCollaborators(ticketID: id, kind: "cc", ids: t.ccIDs, previous: [])
        try await replaceCollaborators(ticketID: id, kind: "follower", ids: t.followerIDs, previous: [])
        return id
    }

    func update(id: Int, from old: TicketSnapshot, to t: TicketSnapshot, at now: Int64) async throws {
        let solvedNow = t.status == .solved && old.status != .solved
        try await db.raw("""
            UPDATE tickets SET external_id = \(bind: t.externalID), type = \(bind: t.type?.rawValue),
                subject = \(bind: t.subject), status = \(bind: t.status.rawValue), priority = \(bind: t.priority?.rawValue),
                requester_id = \(bind: t.requesterID), assignee_id = \(bind: t.assigneeID), group_id = \(bind: t.groupID),
                organization_id = \(bind: t.organizationID), due_at = \(bind: t.dueAt.map(Timestamp.millis)),
                updated_at = \(bind: now),
                solved_at = CASE WHEN \(bind: solvedNow) THEN \(bind: now) ELSE solved_at END
            WHERE id = \(bind: id)
            """).run()
        if t.tags != old.tags { try await replaceTags(ticketID: id, tags: t.tags, previous: old.tags) }
        if t.ccIDs != old.ccIDs { try await replaceCollaborators(ticketID: id, kind: "cc", ids: t.ccIDs, previous: old.ccIDs) }
        if t.followerIDs != old.followerIDs {
            try await replaceCollaborators(ticketID: id, kind: "follower", ids: t.followerIDs, previous: old.followerIDs)
        }
    }

    /// Marks the ticket updated at `now`, or just after its last update if that is later (a clock behind the last
    /// update must neither move it back nor leave it unchanged: incremental readers go by it).
    func touch(id: Int, at now: Int64) async throws {
        try await db.raw("""
            UPDATE tickets SET updated_at = CASE WHEN updated_at < \(bind: now) THEN \(bind: now) ELSE updated_at + 1 END
            WHERE id = \(bind: id)
            """).run()
    }

    /// Tickets not deleted. Counted as all minus deleted: both engines answer each half from an index, where a
    /// filtered count would read every row.
    func liveCount() async throws -> Int {
        try await db.raw("""
            SELECT (SELECT COUNT(*) FROM tickets) - (SELECT COUNT(*) FROM tickets WHERE deleted_at IS NOT NULL) AS n
            """).first()!.decode(column: "n", as: Int.self)
    }

    func softDelete(id: Int) async throws {
        // The change moves updated_at too, so incremental readers (the exports, the report facts) see the deletion.
        let now = Timestamp.now
        try await db.raw("""
            UPDATE tickets SET deleted_at = \(bind: now), updated_at = CASE WHEN updated_at < \(bind: now) THEN \(bind: now) ELSE updated_at + 1 END
            WHERE id = \(bind: id)
            """).run()
    }

    private func replaceTags(ticketID: Int, tags: [String], previous: [String]) async throws {
        if !previous.isEmpty { try await db.raw("DELETE FROM ticket_tags WHERE ticket_id = \(bind: ticketID)").run() }
        guard !tags.isEmpty else { return }
        var query = SQLQueryString("INSERT INTO ticket_tags (ticket_id, tag, position) VALUES ")
        for (index, tag) in tags.enumerated() {
            if index > 0 { query.appendLiteral(", ") }
            query.appendInterpolation("(\(bind: ticketID), \(bind: tag), \(bind: index))" as SQLQueryString)
        }
        try await db.raw(query).run()
    }

    private func replaceCollaborators(ticketID: Int, kind: String, ids: [Int], previous: [Int]) async throws {
        if !previous.isEmpty {
            try await db.raw("DELETE FROM ticket_collaborators WHERE ticket_id = \(bind: ticketID) AND kind = \(bind: kind)").run()
        }
        guard !ids.isEmpty else { return }
        var query = SQLQueryString("INSERT INTO ticket_collaborators (ticket_id, user_id, kind, position) VALUES ")
        for (index, userID) in ids.enumerated() {
            if index > 0 { query.appendLiteral(", ") }
            query.appendInterpolation("(\(bind: ticketID), \(bind: userID), \(bind: kind), \(bind: index))" as SQLQueryString)
        }
        try await db.raw(query).run()
    }

    // MARK: Audits and comments

    /// Writes one audit with its events and optional comment, and returns them as stored (no re-read needed).
    func insertAudit(ticketID: Int, authorID: Int, via: ViaChannel, at now: Int64, events: [AuditEvent],
                     comment: CommentDraft?) async throws -> (audit: AuditRecord, comment: CommentRecord?) {
        let auditID = try await db.raw("""
            INSERT INTO audits (ticket_id, author_id, via_channel, created_at)
            VALUES (\(bind: ticketID), \(bind: authorID), \(bind: via.rawValue), \(bind: now)) RETURNING id
            """).first()!.decode(column: "id", as: Int.self)
        var stored: CommentRecord?
        if let comment {
            let call = comment.call
            let participants = call.map { JSONValue($0.participants).text }
            let commentVia = comment.via ?? via
            let commentID = try await db.raw("""
                INSERT INTO comments (ticket_id, audit_id, author_id, public, body, html_body, via_channel,
                    call_direction, call_from, call_to, call_participants, call_duration, created_at)
                VALUES (\(bind: ticketID), \(bind: auditID), \(bind: comment.authorID), \(bind: comment.isPublic),
                    \(bind: comment.body), \(bind: comment.htmlBody), \(bind: commentVia.rawValue),
                    \(bind: call?.direction.rawValue), \(bind: call?.from), \(bind: call?.to), \(bind: participants),
                    \(bind: call?.durationSeconds), \(bind: now))
                RETURNING id
                """).first()!.decode(column: "id", as: Int.self)
            stored = CommentRecord(id: commentID, ticketID: ticketID, auditID: auditID, authorID: comment.authorID,
                                   isPublic: comment.isPublic, body: comment.body, htmlBody: comment.htmlBody,
                                   via: commentVia, call: call, createdAt: now)
        }
        var audit = AuditRecord(id: auditID, ticketID: ticketID, authorID: authorID, via: via, createdAt: now, events: [])
        guard !events.isEmpty else { return (audit, stored) }
        var query = SQLQueryString("INSERT INTO audit_events (audit_id, type, field_name, value, previous_value, comment_id) VALUES ")
        for (index, event) in events.enumerated() {
            if index > 0 { query.appendLiteral(", ") }
            let (field, value, previous) = Self.columns(of: event)
            let linked = event == .comment ? stored?.id : nil
            query.appendInterpolation("""
                (\(bind: auditID), \(bind: event.typeName), \(bind: field), \(bind: value), \(bind: previous), \(bind: linked))
                """ as SQLQueryString)
            audit.events.append(.init(id: 0, type: event.typeName, fieldName: field, value: value, previousValue: previous,
                                      commentID: linked))
        }
        query.appendLiteral(" RETURNING id")
        let ids = try await db.raw(query).all().map { try $0.decode(column: "id", as: Int.self) }.sorted()
        for (index, id) in ids.enumerated() where index < audit.events.count { audit.events[index].id = id }
        return (audit, stored)
    }

    /// Event values are stored as JSON text so arrays and nulls survive the round trip.
    static func columns(of event: AuditEvent) -> (String?, String?, String?) {
        func json(_ v: AuditValue) -> String {
            switch v {
            case .null: "null"
            case .string(let s): JSONValue.string(s).text
            case .int(let i): String(i)
            case .strings(let a): JSONValue(a).text
            case .ints(let a): JSONValue(a).text
            }
        }
        switch event {
        case .create(let field, let value): return (field, json(value), nil)
        case .change(let field, let from, let to): return (field, json(to), json(from))
        case .comment: return (nil, nil, nil)
        case .tagsChange(let tags, let previous): return ("tags", json(.strings(tags)), json(.strings(previous)))
        case .collaboratorChange(let field, let ids, let previous): return (field, json(.ints(ids)), json(.ints(previous)))
        case .notice(let kind, let text): return (kind, json(.string(text)), nil)
        case .satisfactionRating(let score, let previous, let comment, let assigneeID):
            // Zendesk's event carries score, body and assignee_id: stored as one object, spread out when presented.
            let value: JSONValue = ["score": .string(score), "body": .string(comment), "assignee_id": JSONValue(assigneeID)]
            return ("satisfaction_rating", value.text, json(.string(previous)))
        }
    }

    static func decodeComment(_ row: any SQLRow) throws -> CommentRecord {
        var call: CallLog?
        if let direction = try row.decode(column: "call_direction", as: String?.self) {
            let participants = try row.decode(column: "call_participants", as: String?.self)
                .flatMap { try? JSONValue.parse(Array($0.utf8)).arrayValue?.compactMap(\.stringValue) } ?? []
            call = CallLog(direction: CallLog.Direction(rawValue: direction) ?? .inbound,
                           from: try row.decode(column: "call_from", as: String?.self) ?? "",
                           to: try row.decode(column: "call_to", as: String?.self) ?? "",
                           participants: participants,
                           durationSeconds: try row.decode(column: "call_duration", as: Int?.self) ?? 0)
        }
        return CommentRecord(
            id: try row.decode(column: "id", as: Int.self),
            ticketID: try row.decode(column: "ticket_id", as: Int.self),
            auditID: try row.decode(column: "audit_id", as: Int.self),
            authorID: try row.decode(column: "author_id", as: Int.self),
            isPublic: try row.decode(column: "public", as: Bool.self),
            body: try row.decode(column: "body", as: String.self),
            htmlBody: try row.decode(column: "html_body", as: String.self),
            via: ViaChannel(rawValue: try row.decode(column: "via_channel", as: String.self)) ?? .api,
            call: call,
            createdAt: try row.decode(column: "created_at", as: Int64.self))
    }

    /// Comments of a ticket in order; internal notes only when `includeInternal`.
    func comments(ticketID: Int, includeInternal: Bool, afterID: Int?, beforeID: Int?, limit: Int,
                  descending: Bool = false) async throws -> [CommentRecord] {
        let order: SQLQueryString = descending ? "DESC" : "ASC"
        return try await db.raw("""
            SELECT * FROM comments WHERE ticket_id = \(bind: ticketID)
              AND (\(bind: includeInternal) OR public = \(bind: true))
              AND id > \(bind: afterID ?? 0) AND id < \(bind: beforeID ?? Int(Int32.max))
            ORDER BY id \(order) LIMIT \(bind: limit)
            """).all().map(Self.decodeComment)
    }

    func commentCount(ticketID: Int, includeInternal: Bool) async throws -> Int {
        try await db.raw("""
            SELECT COUNT(*) AS n FROM comments WHERE ticket_id = \(bind: ticketID)
              AND (\(bind: includeInternal) OR public = \(bind: true))
            """).first()!.decode(column: "n", as: Int.self)
    }

    func audits(ticketID: Int) async throws -> [AuditRecord] {
        let auditRows = try await db.raw("SELECT * FROM audits WHERE ticket_id = \(bind: ticketID) ORDER BY id").all()
        var audits = try auditRows.map { row in
            AuditRecord(id: try row.decode(column: "id", as: Int.self), ticketID: ticketID,
                        authorID: try row.decode(column: "author_id", as: Int.self),
                        via: ViaChannel(rawValue: try row.decode(column: "via_channel", as: String.self)) ?? .api,
                        createdAt: try row.decode(column: "created_at", as: Int64.self), events: [])
        }
        guard !audits.isEmpty else { return [] }
        let eventRows = try await db.raw("""
            SELECT e.* FROM audit_events e JOIN audits a ON a.id = e.audit_id
            WHERE a.ticket_id = \(bind: ticketID) ORDER BY e.id
            """).all()
        var index: [Int: Int] = [:]
        for (i, audit) in audits.enumerated() { index[audit.id] = i }
        for row in eventRows {
            let event = AuditRecord.Event(
                id: try row.decode(column: "id", as: Int.self), type: try row.decode(column: "type", as: String.self),
                fieldName: try row.decode(column: "field_name", as: String?.self),
                value: try row.decode(column: "value", as: String?.self),
                previousValue: try row.decode(column: "previous_value", as: String?.self),
                commentID: try row.decode(column: "comment_id", as: Int?.self))
            if let i = index[try row.decode(column: "audit_id", as: Int.self)] { audits[i].events.append(event) }
        }
        return audits
    }

    /// The comments with their files.
    func withAttachments(_ comments: [CommentRecord]) async throws -> [CommentRecord] {
        guard !comments.isEmpty else { return comments }
        let ids = comments.map(\.id)
        let files = try await AttachmentStore(db: db).forComments(ids)
        var origins: [Int: Int] = [:]
        for row in try await db.raw("""
            SELECT id, inbound_message_id FROM comments WHERE id IN (\(binds: ids)) AND inbound_message_id IS NOT NULL
            """).all() {
            origins[try row.decode(column: "id", as: Int.self)] = try row.decode(column: "inbound_message_id", as: Int.self)
        }
        guard !files.isEmpty || !origins.isEmpty else { return comments }
        return comments.map { var c = $0; c.attachments = files[c.id] ?? []; c.inboundMessageID = origins[c.id]; return c }
    }

    // MARK: Case notes

    /// Since when the ticket owes its case notes (a call logged without a summary), or nil.
    func notesOwedSince(ticketID: Int) async throws -> Int64? {
        try await db.raw("SELECT notes_owed_since FROM tickets WHERE id = \(bind: ticketID)").first()?
            .decode(column: "notes_owed_since", as: Int64?.self)
    }

    func setNotesOwed(ticketID: Int, since: Int64?) async throws {
        try await db.raw("UPDATE tickets SET notes_owed_since = \(bind: since) WHERE id = \(bind: ticketID)").run()
    }

    /// Unsolved tickets whose last call has no notes, oldest debt first: the lead's case-notes view.
    func owingNotes(limit: Int) async throws -> [(ticketID: Int, since: Int64)] {
        try await db.raw("""
            SELECT id, notes_owed_since FROM tickets WHERE notes_owed_since IS NOT NULL AND status IN ('new', 'open', 'pending', 'hold')
            ORDER BY notes_owed_since, id LIMIT \(bind: limit)
            """).all().map { (try $0.decode(column: "id", as: Int.self), try $0.decode(column: "notes_owed_since", as: Int64.self)) }
    }
}
