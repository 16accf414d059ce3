import CasebookCore
import Foundation
import SQLKit

/// What a lead asks for: a notice to everyone waiting on a SKU, and optionally an incentive for each of them (a
/// discount code without a code gets a new one per customer).
struct DelayNoticeRequest: Sendable {
    enum Offer: Sendable {
        case storeCredit(Money)
        case discountCode(code: String?, description: String)
    }

    var sku: SKU
    var template: String
    var offer: Offer?
    var dryRun: Bool
}

/// One customer's notice: where they stand, when to expect their units, the text they get and where it was written.
struct DelayNoticeRecipient: Sendable {
    var entryID: Int
    var orderID: Int
    var customerID: Int
    var customerName: String
    var position: Int
    var quantity: Int
    var expectedAt: Int64?
    var incentive: Incentive?
    var body: String
    var ticketID: Int?
}

struct DelayNoticeOutcome: Sendable {
    var noticeID: Int?
    var sku: SKU
    var recipients: [DelayNoticeRecipient]
}

extension OrderService {
    /// Sends a delay notice to every customer waiting on `sku`, in queue order: the template filled with their place
    /// in the queue and the date the announced deliveries (and those awaiting inspection) cover them, as a public
    /// reply on the newest ticket linked to their order — or a new ticket linked to it — so it is mailed to them and
    /// on the record. Each incentive is recorded for its customer. A dry run shows the texts and writes nothing.
    /// One transaction.
    func sendDelayNotice(_ request: DelayNoticeRequest, actor: Actor) async throws -> DelayNoticeOutcome {
        let now = clock.now()
        do { _ = try MailTemplate.compile("{{% CONTENT_TYPE: TEXT}}" + request.template) } catch {
            throw APIError.invalid("body", "Body: the template does not parse: \(error)")
        }
        if request.template.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw APIError.invalid("body", "Body: cannot be blank") }
        if case .storeCredit(let money)? = request.offer {
            do throws(FieldErrors) { try Incentive.storeCredit(money).validate() } catch { throw APIError.invalid(error) }
        }
        if case .discountCode(let code?, let description)? = request.offer {
            do throws(FieldErrors) { try Incentive.discountCode(code: code, description: description).validate() } catch { throw APIError.invalid(error) }
        }
        let work: @Sendable (any SQLDatabase) async throws -> DelayNoticeOutcome = { db in
            guard let variant = try await CatalogueStore(db: db).variant(sku: request.sku) else {
                throw APIError.invalid("sku", "SKU: unknown SKU \(request.sku)")
            }
            let entries = try await BackorderStore(db: db).waiting(skus: [request.sku])
            guard !entries.isEmpty else { throw APIError.invalid("sku", "SKU: nobody is waiting for \(request.sku)") }
            // A bundle waits for its components: their stock and deliveries, counted in whole bundles.
            var available: Int, incoming: [IncomingStock]
            if let bundle = try await CatalogueStore(db: db).bundle(sku: request.sku) {
                let components = Array(Set(bundle.components.flatMap(\.choices))).sorted()
                var arriving: [SKU: [IncomingStock]] = [:]
                for sku in components { arriving[sku] = try await Self.incoming(sku: sku, now: now, db: db) }
                (available, incoming) = DelayForecast.bundleSupply(bundle, available: try await StockStore(db: db).available(components), incoming: arriving)
            } else {
                available = try await StockStore(db: db).available([request.sku])[request.sku] ?? 0
                incoming = try await Self.incoming(sku: request.sku, now: now, db: db)
            }
            let dates = DelayForecast.expectedDates(quantities: entries.map(\.quantity), incoming: incoming, available: available, now: now)
            let customers = Dictionary(try await UserStore(db: db).find(ids: Array(Set(entries.map(\.customerID)))).map { ($0.id, $0) },
                                       uniquingKeysWith: { a, _ in a })
            var generator = SystemRandomNumberGenerator()
            var recipients: [DelayNoticeRecipient] = []
            for (index, entry) in entries.enumerated() {
                let customer = customers[entry.customerID]
                let incentive: Incentive? = switch request.offer {
                case .storeCredit(let money)?: .storeCredit(money)
                case .discountCode(let code, let description)?: .discountCode(code: code ?? Incentive.newCode(using: &generator), description: description)
                case nil: nil
                }
                let expected = dates[index].map { Self.dateText($0, timeZone: customer?.timeZone) }
                let values: [String: Any] = [
                    "customer": ["name": customer?.name ?? "", "first_name": Placeholders.firstName(of: customer?.name ?? "")],
                    "order": "#\(entry.orderID)", "sku": request.sku.rawValue, "product": variant.name,
                    "position": index + 1, "waiting": entries.count, "quantity": entry.quantity,
                    "expected_date": expected ?? false, "incentive": incentive?.text ?? false,
                ]
                let body = try MailTemplate.compile("{{% CONTENT_TYPE: TEXT}}" + request.template).render(values)
                recipients.append(DelayNoticeRecipient(entryID: entry.id, orderID: entry.orderID, customerID: entry.customerID,
                                                       customerName: customer?.name ?? "#\(entry.customerID)", position: index + 1,
                                                       quantity: entry.quantity, expectedAt: dates[index], incentive: incentive, body: body))
            }
            guard !request.dryRun else { return DelayNoticeOutcome(noticeID: nil, sku: request.sku, recipients: recipients) }
            let noticeID = try await db.raw("""
                INSERT INTO delay_notices (sku, body, incentive_kind, recipients, sent_by_id, sent_at)
                VALUES (\(bind: request.sku.rawValue), \(bind: request.template), \(bind: recipients.first?.incentive?.kind),
                        \(bind: recipients.count), \(bind: actor.id), \(bind: now)) RETURNING id
                """).first()!.decode(column: "id", as: Int.self)
            for i in recipients.indices {
                recipients[i].ticketID = try await deliver(recipients[i], product: variant.name, actor: actor, db: db)
                if let incentive = recipients[i].incentive {
                    try await IncentiveStore(db: db).insert(incentive, userID: recipients[i].customerID, orderID: recipients[i].orderID,
                                                            noticeID: noticeID, actorID: actor.id, now: now)
                }
            }
            return DelayNoticeOutcome(noticeID: noticeID, sku: request.sku, recipients: recipients)
        }
        return request.dryRun ? try await database.read { db in try await work(db) } : try await database.write(work)
    }

    /// Writes one notice as a public reply on the newest ticket linked to the order that is not closed, or on a new
    /// ticket for the customer linked to the order; the reply is mailed like any other. Returns the ticket.
    private func deliver(_ r: DelayNoticeRecipient, product: String, actor: Actor, db: any SQLDatabase) async throws -> Int {
        let what = "Delay notice: position \(r.position)" + (r.expectedAt.map { ", expected by \(Self.dateText($0, timeZone: nil))" } ?? ", no date yet")
            + (r.incentive.map { "; offered \($0.text)" } ?? "")
        let comment: JSONObject = ["body": .string(r.body), "public": true]
        // A closed ticket is final: the notice goes to the newest linked ticket still open to replies.
        if let ticketID = try await BackorderStore(db: db).tickets(orderID: r.orderID, open: true).last {
            let written = try await tickets.update(ticketID, ["comment": .object(comment)], actor: actor, via: .api, db: db,
                                                   notices: [.notice(kind: "delay_notice", text: what)])
            try await tickets.notify(written, actor: actor, db: db)
            return ticketID
        }
        let written = try await tickets.create([
            "subject": .string("Your order #\(r.orderID): waiting for \(product)"), "requester_id": .int(r.customerID),
            "status": "pending", "comment": .object(comment), "tags": ["backorder", "delay_notice"],
        ], actor: actor, via: .api, db: db)
        try await db.raw("INSERT INTO order_tickets (order_id, ticket_id) VALUES (\(bind: r.orderID), \(bind: written.ticket.id)) ON CONFLICT DO NOTHING").run()
        try await tickets.notify(written, actor: actor, db: db)
        return written.ticket.id
    }

    /// "15 December 2026", in the customer's time zone when known.
    static func dateText(_ millis: Int64, timeZone: String?) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.dateFormat = "d MMMM yyyy"
        formatter.timeZone = timeZone.flatMap(TimeZone.init(identifier:)) ?? TimeZone(identifier: "UTC")
        return formatter.string(from: Date(timeIntervalSince1970: Double(millis) / 1000))
    }
}

/// An incentive as recorded for a customer.
struct IncentiveRecord: Sendable {
    var id: Int
    var userID: Int
    var orderID: Int?
    var noticeID: Int?
    var incentive: Incentive
    var createdByID: Int
    var createdAt: Int64
}

/// SQL for `customer_incentives`.
struct IncentiveStore: Sendable {
    let db: any SQLDatabase

    func insert(_ incentive: Incentive, userID: Int, orderID: Int?, noticeID: Int?, actorID: Int, now: Int64) async throws {
        var amount: Int?, currency: String?, code: String?, description = ""
        switch incentive {
        case .storeCredit(let money): (amount, currency) = (money.minor, money.currency)
        case .discountCode(let c, let d): (code, description) = (c, d)
        }
        try await db.raw("""
            INSERT INTO customer_incentives (user_id, order_id, delay_notice_id, kind, amount_minor, currency, code, description, created_by_id, created_at)
            VALUES (\(bind: userID), \(bind: orderID), \(bind: noticeID), \(bind: incentive.kind), \(bind: amount), \(bind: currency), \(bind: code),
                    \(bind: description), \(bind: actorID), \(bind: now))
            """).run()
    }

    func list(userID: Int) async throws -> [IncentiveRecord] {
        try await db.raw("SELECT * FROM customer_incentives WHERE user_id = \(bind: userID) ORDER BY id DESC LIMIT 100").all().map { row in
            let kind = try row.decode(column: "kind", as: String.self)
            let incentive: Incentive = kind == "store_credit"
                ? .storeCredit(Money(minor: try row.decode(column: "amount_minor", as: Int?.self) ?? 0,
                                     currency: try row.decode(column: "currency", as: String?.self) ?? ""))
                : .discountCode(code: try row.decode(column: "code", as: String?.self) ?? "", description: try row.decode(column: "description", as: String.self))
            return IncentiveRecord(id: try row.decode(column: "id", as: Int.self), userID: try row.decode(column: "user_id", as: Int.self),
                                   orderID: try row.decode(column: "order_id", as: Int?.self), noticeID: try row.decode(column: "delay_notice_id", as: Int?.self),
                                   incentive: incentive, createdByID: try row.decode(column: "created_by_id", as: Int.self),
                                   createdAt: try row.decode(column: "created_at", as: Int64.self))
        }
    }
}
