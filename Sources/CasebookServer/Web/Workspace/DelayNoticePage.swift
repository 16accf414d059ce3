import CasebookCore
import Foundation
import Hummingbird
import SQLKit

/// The delay notice form on a backorder board: the text (a template filled per customer), an optional incentive,
/// a preview of every customer's notice, and the notices sent before.
struct DelayNoticeForm: Sendable {
    struct Preview: Sendable {
        var position: Int
        var customer: String
        var expected: String
        var offer: String
        var hasOffer: Bool
        var text: String
    }

    var allowed = false
    var body = DelayNoticeText.defaultTemplate
    var incentive = "none"
    var amount = ""
    var currency = "EUR"
    var code = ""
    var codeDescription = ""
    var preview: [Preview] = []
    var hasPreview = false
    var sent: [String] = []
    var hasSent = false
    // Mustache cannot compare: one flag per option, for the one selected.
    var isNone = true, isCredit = false, isDiscount = false

    init() {}

    init(_ form: QueryItems) {
        body = form["body"] ?? ""
        incentive = form["incentive"] ?? "none"
        amount = form["amount"] ?? ""
        currency = (form["currency"] ?? "EUR").uppercased()
        code = (form["code"] ?? "").trimmingCharacters(in: .whitespaces)
        codeDescription = form["code_description"] ?? ""
        (isNone, isCredit, isDiscount) = (incentive == "none", incentive == "store_credit", incentive == "discount_code")
    }

    /// What the form asks for, or the problem with it.
    func offer() throws -> DelayNoticeRequest.Offer? {
        switch incentive {
        case "store_credit":
            guard let minor = OrderDetailRoutes.minorUnits(amount, currency: currency) else {
                throw APIError.invalid("incentive.amount", "Incentive: the store credit's amount as a sum such as 10.00")
            }
            return .storeCredit(Money(minor: minor, currency: currency))
        case "discount_code":
            return .discountCode(code: code.isEmpty ? nil : code, description: codeDescription)
        default:
            return nil
        }
    }

    /// The notices sent for a SKU, in words, newest first.
    static func sent(sku: String, db: any SQLDatabase) async throws -> [String] {
        try await db.raw("""
            SELECT n.recipients, n.incentive_kind, n.sent_at, u.name FROM delay_notices n JOIN users u ON u.id = n.sent_by_id
            WHERE n.sku = \(bind: sku) ORDER BY n.id DESC LIMIT 10
            """).all().map { row in
            let kind = try row.decode(column: "incentive_kind", as: String?.self)
            return "\(PageTime.text(try row.decode(column: "sent_at", as: Int64.self))): \(try row.decode(column: "name", as: String.self)) "
                + "told \(try row.decode(column: "recipients", as: Int.self)) customers"
                + (kind.map { " and offered \($0 == "store_credit" ? "store credit" : "a discount code")" } ?? "")
        }
    }
}

extension OrderPageRoutes {
    /// The form posts `body`, `incentive` (none, store_credit, discount_code), `amount`, `currency`, `code`,
    /// `code_description` and `action` (preview or send).
    @Sendable func delayNotice(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.manageInventory)
        let sku = try sku(context)
        var form = DelayNoticeForm(context.form ?? QueryItems(nil))
        let dryRun = (context.form?["action"] ?? "preview") != "send"
        do {
            let outcome = try await orders.sendDelayNotice(DelayNoticeRequest(sku: SKU(sku), template: form.body, offer: try form.offer(),
                                                                              dryRun: dryRun), actor: actor)
            guard dryRun else {
                return seeOther("/agent/backorders/\(sku.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? sku)?notified=\(outcome.recipients.count)")
            }
            form.preview = outcome.recipients.map { r in
                DelayNoticeForm.Preview(position: r.position, customer: r.customerName,
                                        expected: r.expectedAt.map { OrderService.dateText($0, timeZone: nil) } ?? "no date yet",
                                        offer: r.incentive?.text ?? "", hasOffer: r.incentive != nil, text: r.body)
            }
            form.hasPreview = !form.preview.isEmpty
            return try await boardPage(sku: sku, actor: actor, context: context, notice: form)
        } catch let error as APIError where error.status == .unprocessableContent {
            return try await boardPage(sku: sku, actor: actor, context: context, errors: error.messages, status: .unprocessableContent, notice: form)
        }
    }
}
