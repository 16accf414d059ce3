import CasebookCore
import Foundation
import SQLKit

/// An RMA as stored.
struct RMARecord: Sendable, Equatable {
    var id: Int
    var ticketID: Int
    var assetID: Int
    var kind: RMAKind
    var status: RMAStatus
    var value: Money
    var inWarranty: Bool
    /// Who must approve it, while it waits.
    var approverRole: Role?
    var requestedByID: Int
    /// Who looks after it (reminders, the overdue task): the requester unless handed on.
    var ownerID: Int?
    var decidedByID: Int?
    var decidedAt: Int64?
    var decisionReason: String
    var tracking: String
    var shippedAt: Int64?
    var returnDueAt: Int64?
    var receivedAt: Int64?
    var outcome: InspectionOutcome?
    var inspectionNote: String
    var obligation: String
    var obligationAcceptedVia: RMAObligation.Acceptance?
    var obligationAcceptedAt: Int64?
    var obligationNote: String
    /// Set by the inspection: whether the customer's obligation now applies.
    var obligationApplies: Bool?
    var remindedAt: Int64?
    var closedAt: Int64?
    var createdAt: Int64
    var updatedAt: Int64

    func overdue(now: Int64) -> Bool { status == .unitDue && (returnDueAt.map { $0 < now } ?? false) }
}

/// One step in an RMA's history.
struct RMAEventRecord: Sendable, Equatable {
    var id: Int
    var rmaID: Int
    var event: String
    var status: RMAStatus
    var actorID: Int?
    var note: String
    var createdAt: Int64
}

/// SQL for RMAs and their history.
struct RMAStore: Sendable {
    let db: any SQLDatabase

    func insert(_ r: RMARecord) async throws -> Int {
        try await db.raw("""
            INSERT INTO rmas (ticket_id, asset_id, kind, status, value_minor, currency, in_warranty, approver_role, requested_by_id, owner_id,
                decided_by_id, decided_at, decision_reason, obligation, created_at, updated_at)
            VALUES (\(bind: r.ticketID), \(bind: r.assetID), \(bind: r.kind.rawValue), \(bind: r.status.rawValue), \(bind: r.value.minor),
                \(bind: r.value.currency), \(bind: r.inWarranty), \(bind: r.approverRole?.rawValue), \(bind: r.requestedByID), \(bind: r.ownerID),
                \(bind: r.decidedByID), \(bind: r.decidedAt), \(bind: r.decisionReason), \(bind: r.obligation), \(bind: r.createdAt), \(bind: r.updatedAt))
            RETURNING id
            """).first()!.decode(column: "id", as: Int.self)
    }

    /// Writes every field that changes over an RMA's life.
    func save(_ r: RMARecord) async throws {
        try await db.raw("""
            UPDATE rmas SET status = \(bind: r.status.rawValue), approver_role = \(bind: r.approverRole?.rawValue), owner_id = \(bind: r.ownerID),
                decided_by_id = \(bind: r.decidedByID), decided_at = \(bind: r.decidedAt), decision_reason = \(bind: r.decisionReason),
                tracking = \(bind: r.tracking), shipped_at = \(bind: r.shippedAt), return_due_at = \(bind: r.returnDueAt),
                received_at = \(bind: r.receivedAt), outcome = \(bind: r.outcome?.rawValue), inspection_note = \(bind: r.inspectionNote),
                obligation = \(bind: r.obligation), obligation_accepted_via = \(bind: r.obligationAcceptedVia?.rawValue),
                obligation_accepted_at = \(bind: r.obligationAcceptedAt), obligation_note = \(bind: r.obligationNote),
                obligation_applies = \(bind: r.obligationApplies), reminded_at = \(bind: r.remindedAt), closed_at = \(bind: r.closedAt),
                updated_at = \(bind: r.updatedAt)
            WHERE id = \(bind: r.id)
            """).run()
    }

    func find(id: Int) async throws -> RMARecord? {
        try await db.raw("SELECT * FROM rmas WHERE id = \(bind: id)").first().map(Self.decode)
    }

    struct Filter: Sendable {
        var status: RMAStatus?
        var ticketID: Int?
        var assetID: Int?
        var customerID: Int?
        /// Requests waiting for someone of at most this role (the approvals queue of a lead lists agent- and lead-level).
        var approvableBy: Role?

        var sql: SQLFilter {
            var sql = SQLFilter()
            sql.equal("r.status", status?.rawValue)
            sql.equal("r.ticket_id", ticketID)
            sql.equal("r.asset_id", assetID)
            if let customerID { sql.add("r.ticket_id IN (SELECT id FROM tickets WHERE requester_id = \(bind: customerID))") }
            if let approvableBy {
                let roles = Role.allCases.filter { $0.isStaff && $0.rank <= approvableBy.rank }.map(\.rawValue)
                sql.add("r.status = 'requested' AND r.approver_role IN (\(binds: roles))")
            }
            return sql
        }
    }

    static let paged = FilteredList(from: "rmas r", id: "r.id", decode: decode)

    func list(_ filter: Filter, limit: Int, offset: Int, afterID: Int?) async throws -> [RMARecord] {
        try await Self.paged.page(db, filter.sql, limit: limit, offset: offset, afterID: afterID)
    }

    func count(_ filter: Filter) async throws -> Int { try await Self.paged.count(db, filter.sql) }

    /// Units due back before `now` whose customer has not been reminded since `remindedBefore`.
    func overdue(now: Int64, remindedBefore: Int64, limit: Int) async throws -> [RMARecord] {
        try await db.raw("""
            SELECT * FROM rmas WHERE status = 'unit_due' AND return_due_at < \(bind: now)
            AND (reminded_at IS NULL OR reminded_at < \(bind: remindedBefore)) ORDER BY return_due_at, id LIMIT \(bind: limit)
            """).all().map(Self.decode)
    }

    func addEvent(rmaID: Int, event: String, status: RMAStatus, actorID: Int?, note: String, at: Int64) async throws {
        try await db.raw("""
            INSERT INTO rma_events (rma_id, event, status, actor_id, note, created_at)
            VALUES (\(bind: rmaID), \(bind: event), \(bind: status.rawValue), \(bind: actorID), \(bind: note), \(bind: at))
            """).run()
    }

    func events(rmaID: Int) async throws -> [RMAEventRecord] {
        try await db.raw("SELECT * FROM rma_events WHERE rma_id = \(bind: rmaID) ORDER BY id").all().map { row in
            RMAEventRecord(id: try row.decode(column: "id", as: Int.self), rmaID: try row.decode(column: "rma_id", as: Int.self),
                           event: try row.decode(column: "event", as: String.self),
                           status: RMAStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .requested,
                           actorID: try row.decode(column: "actor_id", as: Int?.self), note: try row.decode(column: "note", as: String.self),
                           createdAt: try row.decode(column: "created_at", as: Int64.self))
        }
    }

    static func decode(_ row: any SQLRow) throws -> RMARecord {
        RMARecord(
            id: try row.decode(column: "id", as: Int.self), ticketID: try row.decode(column: "ticket_id", as: Int.self),
            assetID: try row.decode(column: "asset_id", as: Int.self),
            kind: RMAKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .repair,
            status: RMAStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .requested,
            value: Money(minor: try row.decode(column: "value_minor", as: Int.self), currency: try row.decode(column: "currency", as: String.self)),
            inWarranty: try row.decode(column: "in_warranty", as: Bool.self),
            approverRole: try row.decode(column: "approver_role", as: String?.self).flatMap(Role.init(rawValue:)),
            requestedByID: try row.decode(column: "requested_by_id", as: Int.self), ownerID: try row.decode(column: "owner_id", as: Int?.self),
            decidedByID: try row.decode(column: "decided_by_id", as: Int?.self), decidedAt: try row.decode(column: "decided_at", as: Int64?.self),
            decisionReason: try row.decode(column: "decision_reason", as: String.self), tracking: try row.decode(column: "tracking", as: String.self),
            shippedAt: try row.decode(column: "shipped_at", as: Int64?.self), returnDueAt: try row.decode(column: "return_due_at", as: Int64?.self),
            receivedAt: try row.decode(column: "received_at", as: Int64?.self),
            outcome: try row.decode(column: "outcome", as: String?.self).flatMap(InspectionOutcome.init(rawValue:)),
            inspectionNote: try row.decode(column: "inspection_note", as: String.self), obligation: try row.decode(column: "obligation", as: String.self),
            obligationAcceptedVia: try row.decode(column: "obligation_accepted_via", as: String?.self).flatMap(RMAObligation.Acceptance.init(rawValue:)),
            obligationAcceptedAt: try row.decode(column: "obligation_accepted_at", as: Int64?.self),
            obligationNote: try row.decode(column: "obligation_note", as: String.self),
            obligationApplies: try row.decode(column: "obligation_applies", as: Bool?.self),
            remindedAt: try row.decode(column: "reminded_at", as: Int64?.self), closedAt: try row.decode(column: "closed_at", as: Int64?.self),
            createdAt: try row.decode(column: "created_at", as: Int64.self), updatedAt: try row.decode(column: "updated_at", as: Int64.self))
    }
}

/// Admin-set policy values (the RMA approval rules), one JSON document per key.
struct PolicySettingsStore: Sendable {
    let db: any SQLDatabase

    static let rmaApprovalRules = "rma_approval_rules"
    static let overrideRole = "checklist_override_role"

    func value(_ key: String) async throws -> JSONValue? {
        guard let text = try await db.raw("SELECT value FROM policy_settings WHERE key = \(bind: key)").first()?.decode(column: "value", as: String.self) else {
            return nil
        }
        return try? JSONValue.parse(Array(text.utf8))
    }

    func save(_ key: String, _ value: JSONValue, at: Int64) async throws {
        try await db.raw("""
            INSERT INTO policy_settings (key, value, updated_at) VALUES (\(bind: key), \(bind: value.text), \(bind: at))
            ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
            """).run()
    }
}
