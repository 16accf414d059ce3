import Foundation

/// What a customer did after a ticket of theirs was solved, measured apart from what they said about it: half of
/// "satisfied" customers still leave, so a good rating is not taken as loyalty.
public enum LoyaltyOutcome: String, Codable, Sendable, CaseIterable {
    /// An order placed after the solve, within the bought-again window.
    case boughtAgain = "bought_again"
    /// An order line cancelled or a refund asked for after the solve, within the bought-again window. Wins over a
    /// purchase in the same window: a customer who bought and then returned is leaving, not staying.
    case cancelledOrRefunded = "cancelled_or_refunded"
    /// No order and no new ticket until the silence window elapsed.
    case silent
    /// Still in touch (a new ticket, or an order only after the bought-again window) but no purchase in the window.
    case active
    /// Too early to tell: the window that would decide has not elapsed.
    case pending
}

/// How long after a solve Casebook looks, in days; admins set them (`policy_settings`).
public struct LoyaltyWindows: Sendable, Equatable, Codable {
    public var boughtAgainDays: Int
    public var silenceDays: Int

    public init(boughtAgainDays: Int = 90, silenceDays: Int = 180) {
        self.boughtAgainDays = boughtAgainDays
        self.silenceDays = silenceDays
    }

    public var boughtAgainMillis: Int64 { Int64(boughtAgainDays) * 86_400_000 }
    public var silenceMillis: Int64 { Int64(silenceDays) * 86_400_000 }

    public func validate() throws(FieldErrors) {
        var errors = FieldErrors()
        if !(1...3650).contains(boughtAgainDays) {
            errors.add("bought_again_days", error: "InvalidValue", "Bought-again window: from 1 to 3650 days")
        }
        if !(1...3650).contains(silenceDays) {
            errors.add("silence_days", error: "InvalidValue", "Silence window: from 1 to 3650 days")
        } else if silenceDays < boughtAgainDays {
            errors.add("silence_days", error: "InvalidValue", "Silence window: at least as long as the bought-again window")
        }
        if !errors.isEmpty { throw errors }
    }
}

/// The customer's first activity of each kind strictly after the solve (milliseconds since 1970; nil: none yet).
public struct ActivityAfterSolve: Sendable, Equatable {
    public var firstOrderAt: Int64?
    public var firstCancellationOrRefundAt: Int64?
    public var firstNewTicketAt: Int64?

    public init(firstOrderAt: Int64? = nil, firstCancellationOrRefundAt: Int64? = nil, firstNewTicketAt: Int64? = nil) {
        self.firstOrderAt = firstOrderAt
        self.firstCancellationOrRefundAt = firstCancellationOrRefundAt
        self.firstNewTicketAt = firstNewTicketAt
    }
}

public enum LoyaltyRule {
    /// The outcome of a ticket solved at `solvedAt`, seen at `now`. Windows include their last instant (a window has
    /// elapsed once `now` is past it); activity after `now` has not happened yet and is ignored.
    public static func classify(solvedAt: Int64, activity: ActivityAfterSolve, windows: LoyaltyWindows, now: Int64) -> LoyaltyOutcome {
        let buyEnd = solvedAt + windows.boughtAgainMillis, silenceEnd = solvedAt + windows.silenceMillis
        func within(_ time: Int64?, _ end: Int64) -> Bool {
            guard let time else { return false }
            return time > solvedAt && time <= end && time <= now
        }
        if within(activity.firstCancellationOrRefundAt, buyEnd) { return .cancelledOrRefunded }
        if within(activity.firstOrderAt, buyEnd) { return .boughtAgain }
        if now <= buyEnd { return .pending }
        if within(activity.firstNewTicketAt, silenceEnd) || within(activity.firstOrderAt, silenceEnd) { return .active }
        if now <= silenceEnd { return .pending }
        return .silent
    }
}
