import CasebookCore
import Foundation
import SQLKit

/// Satisfaction surveys: offered to the requester when a ticket is solved (a rating row, an email with signed
/// links, the portal's prompt), answered good or bad with a comment and a reason, changeable for a week; a bad
/// answer tells the leads of the ticket's group. Also the optional NPS question, at most once a quarter.
struct SatisfactionService: Sendable {
    let clock: AppClock
    let mail: MailSettings

    init(clock: AppClock, mail: MailSettings) {
        self.clock = clock
        self.mail = mail
    }

    init(services: CasebookServices) {
        self.init(clock: services.config.clock, mail: services.config.mail)
    }

    var notifier: MailNotifier { MailNotifier(settings: mail) }

    // MARK: Offering

    /// Called by the ticket service, in the transaction that solved the ticket. Offers once per ticket (a ticket
    /// reopened and solved again keeps its rating), only to a customer requester.
    func ticketSolved(_ ticket: TicketRecord, db: any SQLDatabase) async throws {
        let store = SatisfactionStore(db: db)
        guard try await store.find(ticketID: ticket.id) == nil,
              let requester = try await UserStore(db: db).find(id: ticket.fields.requesterID),
              requester.role == .endUser, requester.active else { return }
        let now = clock.now()
        var rating = SatisfactionRatingRecord(id: 0, ticketID: ticket.id, requesterID: requester.id, assigneeID: ticket.fields.assigneeID,
                                              groupID: ticket.fields.groupID, score: .offered, comment: "", reasonCode: 0, offeredAt: now,
                                              firstRatedAt: nil, createdAt: now, updatedAt: now)
        rating.id = try await store.insert(rating)
        let links = try await SurveyLinks.load(db: db, now: now)
        let token = links.token(.csat, id: rating.id, expiresAt: now + SatisfactionRules.linkLifetimeMillis)
        try await notifier.queueSurvey(.satisfaction, to: requester, ticket: ticket, link: "\(mail.publicURL)/satisfaction/\(token)", db: db)

        let settings = try await SatisfactionSettings.load(db: db)
        if settings.npsEnabled, NPSRules.mayAsk(lastAskedAt: try await store.lastAsked(customerID: requester.id), now: now) {
            let survey = NPSSurveyRecord(id: 0, customerID: requester.id, ticketID: ticket.id, askedAt: now, score: nil, comment: "", answeredAt: nil)
            let id = try await store.insert(survey)
            let nps = links.token(.nps, id: id, expiresAt: now + SatisfactionRules.linkLifetimeMillis)
            try await notifier.queueSurvey(.nps, to: requester, ticket: nil, link: "\(mail.publicURL)/nps/\(nps)", db: db)
        }
    }

    // MARK: Answering

    struct Answer: Sendable {
        var score: String?
        var comment: String
        var reasonCode: Int?
    }

    /// The rating behind a survey link, or why the link does not work (tampered, expired, for an NPS question).
    func rating(token: String, db: any SQLDatabase) async throws -> SatisfactionRatingRecord {
        let claim = try await verify(token, kind: .csat, db: db)
        guard let rating = try await SatisfactionStore(db: db).find(id: claim.id) else { throw APIError.notFound("This survey no longer exists") }
        return rating
    }

    func verify(_ token: String, kind: SurveyLinks.Kind, db: any SQLDatabase) async throws -> SurveyLinks.Claim {
        guard let links = try await SurveyLinks.existing(db: db) else { throw APIError.notFound("This survey link is not valid") }
        do throws(SurveyLinks.Refusal) {
            let claim = try links.verify(token, now: clock.now())
            guard claim.kind == kind else { throw SurveyLinks.Refusal.malformed }
            return claim
        } catch {
            switch error {
            case .expired: throw APIError(.gone, "LinkExpired", "This survey link has expired")
            case .malformed, .badSignature: throw APIError.notFound("This survey link is not valid")
            }
        }
    }

    /// Records the requester's answer on the ticket `ticketID` (through the API or the portal, as the requester).
    func rate(ticketID: Int, _ answer: Answer, actor: Actor, via: ViaChannel = .api, tickets: TicketService,
              db: any SQLDatabase) async throws -> SatisfactionRatingRecord {
        let ticket = try await tickets.visibleTicket(ticketID, to: actor, db: db)
        guard ticket.fields.requesterID == actor.id else {
            throw APIError.forbidden("Only the requester of ticket #\(ticketID) may rate it")
        }
        guard ticket.fields.status >= .solved else {
            throw APIError.invalid("status", "Ticket #\(ticketID) is \(ticket.fields.status.rawValue): it can be rated once it is solved",
                                   error: "InvalidTransition")
        }
        let store = SatisfactionStore(db: db)
        var rating: SatisfactionRatingRecord
        if let existing = try await store.find(ticketID: ticketID) { rating = existing } else {
            // Solved before surveys were offered: the requester may still rate it.
            let now = clock.now()
            rating = SatisfactionRatingRecord(id: 0, ticketID: ticketID, requesterID: actor.id, assigneeID: ticket.fields.assigneeID,
                                              groupID: ticket.fields.groupID, score: .offered, comment: "", reasonCode: 0, offeredAt: now,
                                              firstRatedAt: nil, createdAt: now, updatedAt: now)
            rating.id = try await store.insert(rating)
        }
        return try await record(answer, on: rating, ticket: ticket, byID: actor.id, via: via, db: db)
    }

    /// Records an answer given through a survey link (no sign-in: the link is the proof).
    func rate(token: String, _ answer: Answer, db: any SQLDatabase) async throws -> SatisfactionRatingRecord {
        let rating = try await rating(token: token, db: db)
        guard let ticket = try await TicketStore(db: db).load(id: rating.ticketID) else { throw APIError.notFound("This ticket no longer exists") }
        return try await record(answer, on: rating, ticket: ticket, byID: rating.requesterID, via: .web, db: db)
    }

    private func record(_ answer: Answer, on current: SatisfactionRatingRecord, ticket: TicketRecord, byID: Int, via: ViaChannel,
                        db: any SQLDatabase) async throws -> SatisfactionRatingRecord {
        let comment = answer.comment.trimmingCharacters(in: .whitespacesAndNewlines)
        do throws(FieldErrors) {
            try SatisfactionRules.validate(score: answer.score, reasonCode: answer.reasonCode, comment: comment)
        } catch { throw APIError.invalid(error) }
        let now = clock.now()
        do throws(SatisfactionRules.Refusal) {
            try SatisfactionRules.checkChange(firstRatedAt: current.firstRatedAt, now: now)
        } catch {
            throw APIError.invalid("score", "\(error.description) (first rated \(PageTime.text(current.firstRatedAt ?? 0)))", error: "RatingLocked")
        }
        var rating = current
        rating.score = SatisfactionScore(rawValue: answer.score ?? "") ?? .offered
        rating.comment = comment
        rating.reasonCode = rating.score == .bad ? (answer.reasonCode ?? 0) : 0
        rating.firstRatedAt = current.firstRatedAt ?? now
        rating.updatedAt = now
        try await SatisfactionStore(db: db).save(rating)
        if rating.score != current.score || rating.comment != current.comment {
            // On the case history like any change, and the ticket counts as updated (incremental exports see it).
            let store = TicketStore(db: db)
            _ = try await store.insertAudit(ticketID: ticket.id, authorID: byID, via: via, at: now, events: [
                .satisfactionRating(score: rating.score.rawValue, previous: current.score.rawValue, comment: rating.comment,
                                    assigneeID: rating.assigneeID),
            ], comment: nil)
            try await store.touch(id: ticket.id, at: now)
        }
        if SatisfactionRules.tellsLeads(from: current.score, to: rating.score) {
            try await tellLeads(rating, ticket: ticket, db: db)
        }
        return rating
    }

    /// A bad rating: the leads of the ticket's group hear of it (all leads when the ticket has no group or its group
    /// none), by notification and email.
    private func tellLeads(_ rating: SatisfactionRatingRecord, ticket: TicketRecord, db: any SQLDatabase) async throws {
        let conduct = ConductStore(db: db)
        var leads = try await ticket.fields.groupID.asyncMap { try await conduct.leads(groupID: $0) } ?? []
        if leads.isEmpty { leads = try await conduct.activeLeads() }
        guard !leads.isEmpty else { return }
        let users = UserStore(db: db)
        let requester = try await users.find(id: rating.requesterID)
        var text = "Bad satisfaction rating from \(requester?.name ?? "#\(rating.requesterID)") on ticket #\(ticket.id)"
        if rating.reasonCode != 0, let reason = SatisfactionReason.find(code: rating.reasonCode) { text += " (\(reason.value))" }
        if !rating.comment.isEmpty { text += ": \(rating.comment.prefix(300))" }
        try await DecisionStore(db: db).notify(userIDs: leads, kind: "satisfaction_bad", text: text, ticketID: ticket.id,
                                               link: "/agent/tickets/\(ticket.id)", at: clock.now())
        try await notifier.queueEscalation(ticket: ticket, to: try await users.find(ids: leads), by: Actor(id: 0, role: .agent),
                                           reason: text, event: .satisfactionBad, db: db)
    }

    // MARK: NPS

    struct NPSAnswer: Sendable {
        var score: Int?
        var comment: String
    }

    func survey(token: String, db: any SQLDatabase) async throws -> NPSSurveyRecord {
        let claim = try await verify(token, kind: .nps, db: db)
        guard let survey = try await SatisfactionStore(db: db).findSurvey(id: claim.id) else { throw APIError.notFound("This survey no longer exists") }
        return survey
    }

    func answerNPS(token: String, _ answer: NPSAnswer, db: any SQLDatabase) async throws -> NPSSurveyRecord {
        var survey = try await survey(token: token, db: db)
        let comment = answer.comment.trimmingCharacters(in: .whitespacesAndNewlines)
        do throws(FieldErrors) { try NPSRules.validate(score: answer.score, comment: comment) } catch { throw APIError.invalid(error) }
        let now = clock.now()
        guard try await SatisfactionStore(db: db).answer(surveyID: survey.id, score: answer.score!, comment: comment, at: now) else {
            throw APIError.invalid("score", "This question was answered already", error: "AlreadyAnswered")
        }
        survey.score = answer.score
        survey.comment = comment
        survey.answeredAt = now
        return survey
    }

    // MARK: JSON

    static func present(_ r: SatisfactionRatingRecord, base: String) -> JSONValue {
        let reason = SatisfactionReason.find(code: r.reasonCode) ?? .none
        return [
            "url": .string("\(base)/api/v2/satisfaction_ratings/\(r.id).json"), "id": .int(r.id), "score": .string(r.score.rawValue),
            "comment": r.comment.isEmpty ? .null : .string(r.comment), "reason": .string(reason.value), "reason_code": .int(reason.code),
            "reason_id": .int(reason.code), "ticket_id": .int(r.ticketID), "requester_id": .int(r.requesterID),
            "assignee_id": JSONValue(r.assigneeID), "group_id": JSONValue(r.groupID),
            "created_at": JSONValue(Timestamp.date(r.createdAt)), "updated_at": JSONValue(Timestamp.date(r.updatedAt)),
        ]
    }

    /// What a ticket's JSON shows: its rating, or Zendesk's `{"score": "unoffered"}`.
    static func presentOnTicket(_ r: SatisfactionRatingRecord?, base: String) -> JSONValue {
        guard let r else { return ["score": "unoffered"] }
        return present(r, base: base)
    }

    static func present(_ s: NPSSurveyRecord) -> JSONValue {
        [
            "id": .int(s.id), "customer_id": .int(s.customerID), "ticket_id": JSONValue(s.ticketID), "score": JSONValue(s.score),
            "category": JSONValue(s.score.map { NPSRules.category($0).rawValue }), "comment": s.comment.isEmpty ? .null : .string(s.comment),
            "asked_at": JSONValue(Timestamp.date(s.askedAt)), "answered_at": JSONValue(s.answeredAt.map(Timestamp.date)),
        ]
    }

    static func present(_ reason: SatisfactionReason, base: String) -> JSONValue {
        [
            "url": .string("\(base)/api/v2/satisfaction_reasons/\(reason.code).json"), "id": .int(reason.code),
            "reason_code": .int(reason.code), "value": .string(reason.value), "raw_value": .string(reason.value),
            "deleted_at": .null,
        ]
    }

    /// Puts the ticket's rating into presented tickets (their `satisfaction_rating` is null by default).
    static func attach(to tickets: [JSONValue], base: String, db: any SQLDatabase) async throws -> [JSONValue] {
        let ids = tickets.compactMap { $0["id"]?.intValue }
        let ratings = try await SatisfactionStore(db: db).find(ticketIDs: ids)
        return tickets.map { presented in
            guard case .object(var object) = presented, let id = presented["id"]?.intValue else { return presented }
            object["satisfaction_rating"] = presentOnTicket(ratings[id], base: base)
            return .object(object)
        }
    }
}
