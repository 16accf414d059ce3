import Foundation

/// A ticket's satisfaction rating as Zendesk names it: `unoffered` until the survey goes out, `offered` once it did,
/// then `good` or `bad` as the requester answers.
public enum SatisfactionScore: String, Codable, Sendable, CaseIterable {
    case unoffered, offered, good, bad

    /// What a requester may answer (the other two are states of the survey, not answers).
    public static let answers: [SatisfactionScore] = [.good, .bad]
}

/// Why a requester rated bad, as Zendesk's default satisfaction reasons (the `reason_code`s its API uses).
public struct SatisfactionReason: Sendable, Equatable {
    public var code: Int
    public var value: String

    public init(code: Int, value: String) {
        self.code = code
        self.value = value
    }

    public static let none = SatisfactionReason(code: 0, value: "No reason provided")
    public static let all: [SatisfactionReason] = [
        .none,
        SatisfactionReason(code: 5, value: "The issue took too long to resolve"),
        SatisfactionReason(code: 6, value: "The issue was not resolved"),
        SatisfactionReason(code: 7, value: "The agent's knowledge is unsatisfactory"),
        SatisfactionReason(code: 8, value: "The agent's attitude is unsatisfactory"),
        SatisfactionReason(code: 100, value: "Some other reason"),
    ]

    public static func find(code: Int) -> SatisfactionReason? { all.first { $0.code == code } }
}

/// The rules of one rating: what an answer may hold, and how long it may be changed.
public enum SatisfactionRules {
    /// A rating may be changed for a week after it was first given; then it stands.
    public static let changeWindowMillis: Int64 = 7 * 24 * 60 * 60_000
    /// Survey links work for four weeks after the ticket was solved.
    public static let linkLifetimeMillis: Int64 = 28 * 24 * 60 * 60_000
    public static let maxCommentLength = 2_000

    public enum Refusal: Error, Equatable, CustomStringConvertible {
        case changeWindowOver(firstRatedAt: Int64)

        public var description: String {
            switch self {
            case .changeWindowOver:
                "This rating was given more than 7 days ago and can no longer be changed"
            }
        }
    }

    /// Checks an answer: good or bad, a known reason, a comment of reasonable length. Names every bad field.
    public static func validate(score: String?, reasonCode: Int?, comment: String) throws(FieldErrors) {
        var errors = FieldErrors()
        if SatisfactionScore(rawValue: score ?? "").map({ SatisfactionScore.answers.contains($0) }) != true {
            errors.add("score", error: "InvalidValue", "Score: good or bad")
        }
        if let reasonCode, SatisfactionReason.find(code: reasonCode) == nil {
            errors.add("reason_code", error: "InvalidValue",
                       "Reason: one of \(SatisfactionReason.all.map { String($0.code) }.joined(separator: ", ")) (see /api/v2/satisfaction_reasons)")
        }
        if comment.count > maxCommentLength {
            errors.add("comment", error: "TooLong", "Comment: at most \(maxCommentLength) characters")
        }
        if !errors.isEmpty { throw errors }
    }

    /// A rating first given at `firstRatedAt` (nil: not yet given) may be given or changed at `now`.
    public static func checkChange(firstRatedAt: Int64?, now: Int64) throws(Refusal) {
        if let first = firstRatedAt, now > first + changeWindowMillis { throw .changeWindowOver(firstRatedAt: first) }
    }

    /// Whether the leads are told: only when this answer turns the rating bad (not when a bad rating is saved again
    /// with a new comment).
    public static func tellsLeads(from previous: SatisfactionScore, to next: SatisfactionScore) -> Bool {
        next == .bad && previous != .bad
    }

    /// CSAT: the share of good among the answered, in percent; nil when nobody answered.
    public static func csatPercent(good: Int, bad: Int) -> Double? {
        good + bad == 0 ? nil : Double(good) * 100 / Double(good + bad)
    }
}

/// "How likely are you to recommend us?" on a scale of 0 to 10, asked at most once a quarter per customer.
public enum NPSRules {
    public static let quarterMillis: Int64 = 90 * 24 * 60 * 60_000

    public enum Category: String, Sendable, Equatable {
        case promoter, passive, detractor
    }

    public static func category(_ score: Int) -> Category {
        score >= 9 ? .promoter : score >= 7 ? .passive : .detractor
    }

    /// Asked last at `lastAskedAt` (nil: never): may the customer be asked again at `now`?
    public static func mayAsk(lastAskedAt: Int64?, now: Int64) -> Bool {
        guard let last = lastAskedAt else { return true }
        return now - last >= quarterMillis
    }

    public static func validate(score: Int?, comment: String) throws(FieldErrors) {
        var errors = FieldErrors()
        if score.map({ (0...10).contains($0) }) != true {
            errors.add("score", error: "InvalidValue", "Score: a whole number from 0 (not at all likely) to 10 (extremely likely)")
        }
        if comment.count > SatisfactionRules.maxCommentLength {
            errors.add("comment", error: "TooLong", "Comment: at most \(SatisfactionRules.maxCommentLength) characters")
        }
        if !errors.isEmpty { throw errors }
    }

    /// Net Promoter Score: promoters% − detractors%, from −100 to 100; nil without responses.
    public static func score(promoters: Int, detractors: Int, responses: Int) -> Double? {
        responses == 0 ? nil : Double(promoters - detractors) * 100 / Double(responses)
    }
}
