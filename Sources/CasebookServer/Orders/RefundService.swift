import CasebookCore
import Foundation
import SQLKit

/// A refund as stored. `status`: `approved` (given: within the giver's limit, or approved), `requested` (waiting for
/// someone whose limit covers it), `declined`.
struct RefundRecord: Sendable, Equatable {
    var id: Int
    var orderID: Int
    var kind: String
    var lines: [Int: Int]
    var amount: Money
    var reason: RefundReason
    var note: String
    var status: String
    var approverRole: Role?
    var requestedByID: Int
    var decidedByID: Int?
    var decidedAt: Int64?
    var declineReason: String
    var ticketID: Int?
    var createdAt: Int64
}

/// What someone asks to give back.
struct RefundInput: Sendable {
    var kind: String
    var lines: [Int: Int]
    var amountMinor: Int?
    var reason: RefundReason
    var note: String
    var ticketID: Int?
}

/// Refunds with approval limits per role. Casebook records refunds and emits `order_events` for a payment system to
/// act on; it never moves money itself.
struct RefundService: Sendable {
    let orders: OrderService
    let limits: ApprovalLimits

    static let kinds = ["full", "lines", "amount", "shipping"]

    /// What the order can still give back, from its lines and the approved refunds.
    func refundable(orderID: Int, db: any SQLDatabase) async throws -> RefundableOrder {
        guard let order = try await db.raw("SELECT currency, shipping_minor, shipping_refunded FROM orders WHERE id = \(bind: orderID)").first() else {
            throw APIError.notFound("No order \(orderID)")
        }
        var lines: [Int: RefundableOrder.Line] = [:]
        for row in try await db.raw("SELECT id, quantity, price_minor, refunded_quantity FROM order_lines WHERE order_id = \(bind: orderID)").all() {
            lines[try row.decode(column: "id", as: Int.self)] = .init(unitPriceMinor: try row.decode(column: "price_minor", as: Int.self),
                                                                     quantity: try row.decode(column: "quantity", as: Int.self),
                                                                     refundedQuantity: try row.decode(column: "refunded_quantity", as: Int.self))
        }
        let refunded = try await db.raw("""
            SELECT CAST(COALESCE(SUM(amount_minor), 0) AS BIGINT) AS total FROM refunds WHERE order_id = \(bind: orderID) AND status = 'approved'
            """).first()?.decode(column: "total", as: Int.self) ?? 0
        return RefundableOrder(orderID: orderID, currency: try order.decode(column: "currency", as: String.self), lines: lines,
                               shippingMinor: try order.decode(column: "shipping_minor", as: Int.self),
                               shippingRefunded: try order.decode(column: "shipping_refunded", as: Bool.self), refundedMinor: refunded)
    }

    /// Turns the input into a checked request: the amount defaults to what the kind is worth.
    func request(_ input: RefundInput, orderID: Int, order: RefundableOrder) throws -> RefundRequest {
        let kind: RefundRequest.Kind
        var amount = input.amountMinor
        switch input.kind {
        case "full":
            kind = .full
            amount = amount ?? order.remainingMinor
        case "lines":
            kind = .lines(input.lines)
            amount = amount ?? input.lines.reduce(0) { $0 + (order.lines[$1.key]?.unitPriceMinor ?? 0) * max($1.value, 0) }
        case "shipping":
            kind = .shipping
            amount = amount ?? order.shippingMinor
        case "amount":
            guard let amount else { throw APIError.invalid("amount", "Amount: required for an amount refund (minor units, e.g. 1250)", error: "BlankValue") }
            kind = .amount(amount)
        default:
            throw APIError.invalid("kind", "Kind: one of \(Self.kinds.joined(separator: ", "))")
        }
        let request = RefundRequest(orderID: orderID, kind: kind, reason: input.reason, amount: Money(minor: amount ?? 0, currency: order.currency))
        do throws(FieldErrors) { try request.validate(against: order) } catch { throw APIError.invalid(error) }
        return request
    }

    /// Gives the refund when the actor's limit covers it, else files it for approval. In the caller's transaction.
    func create(_ input: RefundInput, orderID: Int, actor: Actor, db: any SQLDatabase) async throws -> RefundRecord {
        let order = try await refundable(orderID: orderID, db: db)
        let request = try request(input, orderID: orderID, order: order)
        if let ticketID = input.ticketID, try await TicketStore(db: db).load(id: ticketID) == nil {
            throw APIError.invalid("ticket_id", "Ticket: no ticket \(ticketID)")
        }
        let decision = ApprovalPolicy.decide(amountMinor: request.amount.minor, role: actor.role, limits: limits)
        let now = orders.clock.now()
        var record = RefundRecord(id: 0, orderID: orderID, kind: input.kind, lines: input.kind == "lines" ? input.lines : [:],
                                  amount: request.amount, reason: input.reason, note: input.note, status: "approved", approverRole: nil,
                                  requestedByID: actor.id, decidedByID: actor.id, decidedAt: now, declineReason: "",
                                  ticketID: input.ticketID, createdAt: now)
        if case .needsApproval(let role) = decision {
            record.status = "requested"
            record.approverRole = role
            record.decidedByID = nil
            record.decidedAt = nil
        }
        record.id = try await RefundStore(db: db).insert(record)
        let who = try await UserStore(db: db).find(id: actor.id)?.name ?? "#\(actor.id)"
        if record.status == "approved" {
            try await apply(record, db: db)
            try await announce(record, "refund.approved", "Refund #\(record.id) of \(record.amount.text) (\(record.reason.words)) given by \(who)", actor: actor, db: db)
        } else {
            try await announce(record, "refund.requested", "Refund #\(record.id) of \(record.amount.text) (\(record.reason.words)) requested by \(who): "
                               + "over their limit, waiting for a \(record.approverRole?.rawValue ?? "manager")'s approval", actor: actor, db: db)
        }
        return record
    }

    /// Approves or declines a requested refund, in one transaction.
    func decide(refundID: Int, approve: Bool, reason: String, actor: Actor) async throws -> RefundRecord {
        try await orders.database.write { db in
            let store = RefundStore(db: db)
            guard var record = try await store.find(id: refundID) else { throw APIError.notFound("No refund \(refundID)") }
            guard record.status == "requested" else {
                throw APIError.invalid("status", "Refund #\(refundID) is already \(record.status)")
            }
            guard record.requestedByID != actor.id else {
                throw APIError.forbidden("Refund #\(refundID) was requested by you; someone else approves it")
            }
            if approve, case .needsApproval(let role) = ApprovalPolicy.decide(amountMinor: record.amount.minor, role: actor.role, limits: limits) {
                throw APIError.forbidden("Refund #\(refundID) of \(record.amount.text) is over your limit; it needs a \(role.rawValue)")
            }
            let text = reason.trimmingCharacters(in: .whitespacesAndNewlines)
            if !approve && text.isEmpty { throw APIError.invalid("reason", "Reason: say why the refund is declined", error: "BlankValue") }
            let who = try await UserStore(db: db).find(id: actor.id)?.name ?? "#\(actor.id)"
            record.decidedByID = actor.id
            record.decidedAt = orders.clock.now()
            if approve {
                // The order may have changed since the request (another refund): check it again.
                let order = try await refundable(orderID: record.orderID, db: db)
                _ = try request(RefundInput(kind: record.kind, lines: record.lines, amountMinor: record.amount.minor, reason: record.reason,
                                            note: record.note, ticketID: nil), orderID: record.orderID, order: order)
                let aboveLimitOf = record.approverRole
                record.status = "approved"
                try await store.decide(record)
                try await apply(record, db: db)
                if let role = aboveLimitOf {
                    var ticketID = record.ticketID
                    if ticketID == nil { ticketID = try await BackorderStore(db: db).tickets(orderID: record.orderID).last }
                    let requester = try await UserStore(db: db).find(id: record.requestedByID)?.name ?? "#\(record.requestedByID)"
                    try await DecisionService(tickets: orders.tickets, clock: orders.clock).record(.init(
                        kind: .refundAboveLimit, rule: "Refund limits: \(record.amount.text) needs a \(role.rawValue)",
                        what: "Refund #\(record.id) of \(record.amount.text) on order \(record.orderID), requested by \(requester), approved by \(who)",
                        reason: text.isEmpty ? "Approved over the requester's limit" : text, ticketID: ticketID,
                        subjectType: "refund", subjectID: record.id, approvalChain: [record.requestedByID], noticeOnTicket: false),
                        actor: actor, db: db)
                }
                try await announce(record, "refund.approved", "Refund #\(record.id) of \(record.amount.text) approved by \(who)", actor: actor, db: db)
            } else {
                record.status = "declined"
                record.declineReason = text
                try await store.decide(record)
                try await announce(record, "refund.declined", "Refund #\(record.id) of \(record.amount.text) declined by \(who): \(text)", actor: actor, db: db)
            }
            return record
        }
    }

    /// What an approved refund changes on the order: refunded units, refunded lines, refunded shipping.
    private func apply(_ record: RefundRecord, db: any SQLDatabase) async throws {
        switch record.kind {
        case "lines":
            for (lineID, quantity) in record.lines.sorted(by: { $0.key < $1.key }) {
                try await db.raw("""
                    UPDATE order_lines SET refunded_quantity = refunded_quantity + \(bind: quantity),
                        status = CASE WHEN refunded_quantity + \(bind: quantity) >= quantity THEN 'refunded' ELSE status END
                    WHERE id = \(bind: lineID) AND order_id = \(bind: record.orderID)
                    """).run()
            }
        case "full":
            try await db.raw("""
                UPDATE order_lines SET refunded_quantity = quantity, status = 'refunded' WHERE order_id = \(bind: record.orderID)
                """).run()
            try await db.raw("UPDATE orders SET shipping_refunded = \(bind: true) WHERE id = \(bind: record.orderID)").run()
        case "shipping":
            try await db.raw("UPDATE orders SET shipping_refunded = \(bind: true) WHERE id = \(bind: record.orderID)").run()
        default:
            break
        }
        try await db.raw("UPDATE orders SET updated_at = \(bind: orders.clock.now()) WHERE id = \(bind: record.orderID)").run()
    }

    /// The webhook-ready event and a notice on the order's tickets (and the refund's own ticket).
    private func announce(_ record: RefundRecord, _ event: String, _ text: String, actor: Actor, db: any SQLDatabase) async throws {
        try await OrderEvents.emit(event, orderID: record.orderID, payload: RefundRoutes.present(record), at: orders.clock.now(), db: db)
        try await orders.noteAll([record.orderID: [text]], kind: "refund", actor: actor, db: db)
        if let ticketID = record.ticketID, try await !BackorderStore(db: db).tickets(orderID: record.orderID).contains(ticketID) {
            _ = try await orders.tickets.update(ticketID, [:], actor: actor, via: .api, db: db, notices: [.notice(kind: "refund", text: text)])
        }
    }
}

/// Webhook-ready events about orders: appended in the transaction of the change, read in order by whatever
/// delivers them (`GET /api/v2/order_events?since_id=`).
enum OrderEvents {
    static func emit(_ event: String, orderID: Int, payload: JSONValue, at: Int64, db: any SQLDatabase) async throws {
        try await db.raw("""
            INSERT INTO order_events (event, order_id, payload, created_at) VALUES (\(bind: event), \(bind: orderID), \(bind: payload.text), \(bind: at))
            """).run()
    }
}

extension RefundReason {
    /// The API's spelling: `wrong_item`, `backorder_cancelled`.
    var apiName: String {
        rawValue.reduce(into: "") { out, c in
            if c.isUppercase { out += "_" + c.lowercased() } else { out.append(c) }
        }
    }

    init?(apiName: String) {
        guard let match = Self.allCases.first(where: { $0.apiName == apiName }) else { return nil }
        self = match
    }

    var words: String { apiName.replacingOccurrences(of: "_", with: " ") }
}
