/// Stock on its way for a SKU: a delivery the supplier announced (expected on a date) or one that arrived and waits
/// for inspection (available once inspected).
public struct IncomingStock: Hashable, Sendable {
    public var at: Int64
    public var units: Int

    public init(at: Int64, units: Int) {
        self.at = at
        self.units = units
    }
}

/// When a waiting customer can expect their units, from the deliveries on their way.
public enum DelayForecast {
    /// A bundle's supply in whole bundles: how many its components' stock makes now, and how many more each arrival
    /// date adds once every delivery up to it is counted (a pack needs all of its units, so a date that brings only
    /// one colour may add nothing).
    public static func bundleSupply(_ bundle: ProductBundle, available: [SKU: Int], incoming: [SKU: [IncomingStock]]) -> (available: Int, incoming: [IncomingStock]) {
        var stock = available
        var made = bundle.buildable(from: stock)
        let deliveries = incoming.flatMap { sku, list in list.map { (sku, $0) } }.sorted { ($0.1.at, $0.0) < ($1.1.at, $1.0) }
        var supply: [IncomingStock] = []
        var index = 0
        while index < deliveries.count {
            let at = deliveries[index].1.at
            while index < deliveries.count, deliveries[index].1.at == at {
                stock[deliveries[index].0, default: 0] += max(deliveries[index].1.units, 0)
                index += 1
            }
            let now = bundle.buildable(from: stock)
            if now > made { supply.append(IncomingStock(at: at, units: now - made)) }
            made = now
        }
        return (bundle.buildable(from: available), supply)
    }

    /// For entries in queue order, each needing `quantities[i]` units, the arrival that covers everyone up to and
    /// including the entry: the units ahead of it and its own, counted against `available` stock first and then the
    /// incoming deliveries by arrival (an entry the stock on hand covers: `now`). Nil when the announced deliveries do
    /// not reach that far. Every unit announced is counted as good; a customer is told this is an expectation.
    public static func expectedDates(quantities: [Int], incoming: [IncomingStock], available: Int = 0, now: Int64 = 0) -> [Int64?] {
        let deliveries = incoming.filter { $0.units > 0 }.sorted { $0.at < $1.at }
        var covered = available
        var next = 0
        var needed = 0
        var lastArrival = now
        return quantities.map { quantity in
            needed += max(quantity, 0)
            while covered < needed, next < deliveries.count {
                covered += deliveries[next].units
                lastArrival = deliveries[next].at
                next += 1
            }
            guard covered >= needed else { return nil }
            return lastArrival
        }
    }
}

/// Something offered to a customer for their wait, recorded per customer: store credit of an amount, or a discount
/// code (given, or made up by Casebook) with what it is worth in words.
public enum Incentive: Hashable, Sendable {
    case storeCredit(Money)
    case discountCode(code: String, description: String)

    public var kind: String {
        switch self {
        case .storeCredit: "store_credit"
        case .discountCode: "discount_code"
        }
    }

    /// What the customer is told, e.g. "store credit of 10.00 EUR" or "the discount code CB-7KQ2-M9XD (15 % off)".
    public var text: String {
        switch self {
        case .storeCredit(let money): "store credit of \(money.text)"
        case .discountCode(let code, let description): "the discount code \(code)" + (description.isEmpty ? "" : " (\(description))")
        }
    }

    /// Checks an incentive before anything is recorded.
    public func validate() throws(FieldErrors) {
        var errors = FieldErrors()
        switch self {
        case .storeCredit(let money):
            if money.minor <= 0 { errors.add("incentive.amount", error: "InvalidValue", "Incentive: store credit needs an amount above zero") }
            if money.currency.count != 3 || !money.currency.allSatisfy({ $0.isASCII && $0.isLetter }) {
                errors.add("incentive.currency", error: "InvalidValue", "Incentive: currency is a three-letter code such as EUR")
            }
        case .discountCode(let code, let description):
            if code.isEmpty || code.count > 40 || !code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) {
                errors.add("incentive.code", error: "InvalidValue", "Incentive: a discount code is 1–40 letters, digits, - or _")
            }
            if description.count > 200 { errors.add("incentive.description", error: "InvalidValue", "Incentive: description up to 200 characters") }
        }
        if !errors.isEmpty { throw errors }
    }

    /// A code nobody can guess, in letters and digits that cannot be mistaken for one another: "CB-7KQ2-M9XD".
    public static func newCode(using generator: inout some RandomNumberGenerator) -> String {
        let alphabet = Array("ABCDEFGHJKMNPQRSTUVWXYZ23456789")
        let groups = (0..<2).map { _ in String((0..<4).map { _ in alphabet.randomElement(using: &generator)! }) }
        return "CB-" + groups.joined(separator: "-")
    }
}

/// The wording of a delay notice: a Mustache template filled for each waiting customer.
public enum DelayNoticeText {
    /// The notice Casebook proposes; a lead may edit it before sending.
    public static let defaultTemplate = """
        Hello {{customer.first_name}},

        your order {{order}} is still waiting for {{product}} ({{sku}}). You are number {{position}} of {{waiting}} in \
        the queue for it.{{#expected_date}} With the deliveries announced by our supplier we expect to ship yours by \
        {{expected_date}}.{{/expected_date}}{{^expected_date}} Our supplier has not announced enough stock for your \
        order yet; we will write again as soon as we know more.{{/expected_date}}
        {{#incentive}}

        We are sorry for the wait. As a thank-you for your patience we are giving you {{incentive}}.{{/incentive}}

        You can keep waiting, accept another variant or cancel for a full refund at any time: just reply to this \
        message.
        """
}
