import CasebookCore
import Testing

@Suite("Loyalty after a solve")
struct LoyaltyRuleTests {
    static let day: Int64 = 86_400_000
    static let solved: Int64 = 1_000 * day
    let windows = LoyaltyWindows(boughtAgainDays: 90, silenceDays: 180)

    func outcome(_ activity: ActivityAfterSolve, nowDays: Int64) -> LoyaltyOutcome {
        LoyaltyRule.classify(solvedAt: Self.solved, activity: activity, windows: windows, now: Self.solved + nowDays * Self.day)
    }

    func at(_ days: Int64) -> Int64 { Self.solved + days * Self.day }

    @Test("an order within the window: bought again, even before the window ends")
    func boughtAgain() {
        #expect(outcome(.init(firstOrderAt: at(10)), nowDays: 11) == .boughtAgain)
        #expect(outcome(.init(firstOrderAt: at(90)), nowDays: 200) == .boughtAgain, "the window's last instant counts")
    }

    @Test("a refund or cancellation within the window wins over a purchase")
    func cancelledOrRefunded() {
        #expect(outcome(.init(firstCancellationOrRefundAt: at(5)), nowDays: 6) == .cancelledOrRefunded)
        #expect(outcome(.init(firstOrderAt: at(3), firstCancellationOrRefundAt: at(40)), nowDays: 100) == .cancelledOrRefunded)
    }

    @Test("a refund after the window does not count as leaving")
    func refundAfterWindow() {
        let late = ActivityAfterSolve(firstOrderAt: at(30), firstCancellationOrRefundAt: Self.solved + 90 * Self.day + 1)
        #expect(outcome(late, nowDays: 200) == .boughtAgain)
    }

    @Test("nothing yet and the bought-again window open: pending")
    func pendingInsideBuyWindow() {
        #expect(outcome(.init(), nowDays: 0) == .pending)
        #expect(outcome(.init(firstNewTicketAt: at(3)), nowDays: 89) == .pending, "a new ticket does not decide before the window ends")
    }

    @Test("a new ticket but no purchase: active, once the bought-again window ended")
    func active() {
        #expect(outcome(.init(firstNewTicketAt: at(3)), nowDays: 90) == .pending, "the window's last instant is inside it")
        #expect(outcome(.init(firstNewTicketAt: at(3)), nowDays: 91) == .active)
        #expect(outcome(.init(firstNewTicketAt: at(150)), nowDays: 151) == .active)
        #expect(outcome(.init(firstOrderAt: at(120)), nowDays: 130) == .active, "an order after the bought-again window")
    }

    @Test("no order and no ticket until the silence window elapsed: silent; pending until then")
    func silent() {
        #expect(outcome(.init(), nowDays: 179) == .pending)
        #expect(outcome(.init(), nowDays: 180) == .pending, "the silence window's last instant is still inside it")
        #expect(LoyaltyRule.classify(solvedAt: Self.solved, activity: .init(), windows: windows, now: at(180) + 1) == .silent)
        #expect(outcome(.init(firstNewTicketAt: at(181)), nowDays: 200) == .silent, "a ticket after the window is too late")
    }

    @Test("activity dated after now has not happened yet")
    func futureIgnored() {
        #expect(outcome(.init(firstOrderAt: at(50)), nowDays: 40) == .pending)
    }

    @Test("activity at the solve instant itself is not after it")
    func sameInstant() {
        #expect(outcome(.init(firstOrderAt: Self.solved), nowDays: 200) == .silent)
    }

    @Test("windows are validated")
    func windowValidation() {
        #expect(throws: FieldErrors.self) { try LoyaltyWindows(boughtAgainDays: 0, silenceDays: 10).validate() }
        #expect(throws: FieldErrors.self) { try LoyaltyWindows(boughtAgainDays: 90, silenceDays: 30).validate() }
        #expect(throws: Never.self) { try LoyaltyWindows(boughtAgainDays: 30, silenceDays: 30).validate() }
    }
}

@Suite("Satisfaction and NPS rules")
struct SatisfactionRulesTests {
    static let day: Int64 = 86_400_000

    @Test("a rating may be changed for 7 days after it was first given")
    func changeWindow() {
        let first: Int64 = 100 * Self.day
        #expect(throws: Never.self) { try SatisfactionRules.checkChange(firstRatedAt: nil, now: first) }
        #expect(throws: Never.self) { try SatisfactionRules.checkChange(firstRatedAt: first, now: first + 7 * Self.day) }
        #expect(throws: SatisfactionRules.Refusal.changeWindowOver(firstRatedAt: first)) {
            try SatisfactionRules.checkChange(firstRatedAt: first, now: first + 7 * Self.day + 1)
        }
    }

    @Test("an answer is good or bad with a known reason; every bad field is named")
    func validation() {
        #expect(throws: Never.self) { try SatisfactionRules.validate(score: "bad", reasonCode: 7, comment: "slow") }
        do {
            try SatisfactionRules.validate(score: "offered", reasonCode: 42, comment: String(repeating: "x", count: 2_001))
            Issue.record("expected a refusal")
        } catch {
            #expect(Set(error.details.keys) == ["score", "reason_code", "comment"], "\(error.details.keys.sorted())")
        }
    }

    @Test("leads hear of a rating only when it turns bad")
    func tellsLeads() {
        #expect(SatisfactionRules.tellsLeads(from: .offered, to: .bad))
        #expect(SatisfactionRules.tellsLeads(from: .good, to: .bad))
        #expect(!SatisfactionRules.tellsLeads(from: .bad, to: .bad))
        #expect(!SatisfactionRules.tellsLeads(from: .bad, to: .good))
    }

    @Test("CSAT is good over answered")
    func csat() {
        #expect(SatisfactionRules.csatPercent(good: 3, bad: 1) == 75)
        #expect(SatisfactionRules.csatPercent(good: 0, bad: 0) == nil)
    }

    @Test("NPS: promoters 9–10, detractors 0–6, score promoters% − detractors%")
    func nps() {
        #expect(NPSRules.category(10) == .promoter && NPSRules.category(9) == .promoter)
        #expect(NPSRules.category(8) == .passive && NPSRules.category(7) == .passive)
        #expect(NPSRules.category(6) == .detractor && NPSRules.category(0) == .detractor)
        #expect(NPSRules.score(promoters: 5, detractors: 2, responses: 10) == 30)
        #expect(NPSRules.score(promoters: 0, detractors: 0, responses: 0) == nil)
        #expect(throws: FieldErrors.self) { try NPSRules.validate(score: 11, comment: "") }
        #expect(throws: FieldErrors.self) { try NPSRules.validate(score: nil, comment: "") }
    }

    @Test("NPS is asked at most once a quarter")
    func quarterly() {
        let asked: Int64 = 500 * Self.day
        #expect(NPSRules.mayAsk(lastAskedAt: nil, now: asked))
        #expect(!NPSRules.mayAsk(lastAskedAt: asked, now: asked + 89 * Self.day))
        #expect(NPSRules.mayAsk(lastAskedAt: asked, now: asked + 90 * Self.day))
    }
}
