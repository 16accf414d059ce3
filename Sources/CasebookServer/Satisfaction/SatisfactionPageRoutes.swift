import CasebookCore
import Foundation
import Hummingbird

/// The survey pages a customer reaches without signing in, through the signed link in their email
/// (`/satisfaction/{token}`, `/nps/{token}`), and the portal's prompt on a solved request
/// (`/portal/requests/{id}/satisfaction`). Opening a page never records anything (mail scanners follow links);
/// the answer is a POST carrying the page's CSRF token.
struct SatisfactionPageRoutes: Sendable {
    let services: CasebookServices
    let renderer: PageRenderer
    var database: Database { services.database }
    var satisfaction: SatisfactionService { SatisfactionService(services: services) }

    struct SurveyPage: Sendable {
        var chrome: Chrome
        var action: String
        var ticketID: Int
        var subject: String
        var valid: Bool
        var problem: String
        var saved: Bool
        var good: Bool
        var bad: Bool
        var comment: String
        var reasons: [Option]
        var current: String
    }

    struct NPSPage: Sendable {
        var chrome: Chrome
        var action: String
        var valid: Bool
        var problem: String
        var saved: Bool
        var scores: [Option]
        var comment: String
    }

    func register(on web: RouterGroup<CasebookContext>) {
        web.get("satisfaction/:token", use: showLink)
        web.post("satisfaction/:token", use: rateLink)
        web.get("nps/:token", use: showNPS)
        web.post("nps/:token", use: answerNPS)
        web.get("portal/requests/:id/satisfaction", use: showPortal)
        web.post("portal/requests/:id/satisfaction", use: ratePortal)
    }

    // MARK: The emailed link

    @Sendable func showLink(_ request: Request, context: CasebookContext) async throws -> Response {
        let token = context.parameters.get("token") ?? ""
        let csrf = AnonymousCSRF(request)
        let chrome = Chrome(title: "Rate your support", context: context, csrf: csrf.token)
        var response: Response
        do {
            let (rating, ticket) = try await database.read { db in
                let rating = try await satisfaction.rating(token: token, db: db)
                return (rating, try await TicketStore(db: db).load(id: rating.ticketID))
            }
            let chosen = request.uri.queryParameters.get("score").flatMap(SatisfactionScore.init(rawValue:)) ?? rating.score
            response = renderer.page("satisfaction-survey", page(chrome, action: "/satisfaction/\(token)", rating: rating, ticket: ticket,
                                                                 chosen: chosen, saved: request.uri.queryParameters.get("saved") != nil))
        } catch let error as APIError {
            response = renderer.page("satisfaction-survey", invalid(chrome, error), status: error.status)
        }
        csrf.apply(to: &response, request: request)
        return response
    }

    @Sendable func rateLink(_ request: Request, context: CasebookContext) async throws -> Response {
        let token = context.parameters.get("token") ?? ""
        let answer = Self.answer(context.form)
        let chrome = Chrome(title: "Rate your support", context: context, csrf: request.cookies[SessionMiddleware.csrfCookie]?.value ?? "")
        do {
            _ = try await database.write { db in try await satisfaction.rate(token: token, answer, db: db) }
            return seeOther("/satisfaction/\(token)?saved=1")
        } catch let error as APIError where error.status == .unprocessableContent {
            let (rating, ticket) = try await database.read { db in
                let rating = try await satisfaction.rating(token: token, db: db)
                return (rating, try await TicketStore(db: db).load(id: rating.ticketID))
            }
            var model = page(chrome, action: "/satisfaction/\(token)", rating: rating, ticket: ticket,
                             chosen: SatisfactionScore(rawValue: answer.score ?? "") ?? rating.score, saved: false)
            model.comment = answer.comment
            model.chrome.errors = error.messages
            return renderer.page("satisfaction-survey", model, status: .unprocessableContent)
        } catch let error as APIError {
            return renderer.page("satisfaction-survey", invalid(chrome, error), status: error.status)
        }
    }

    // MARK: The portal's prompt

    @Sendable func showPortal(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.usePortal)
        let id = try context.parameters.id()
        let (ticket, rating) = try await database.read { db in
            let ticket = try await services.tickets.visibleTicket(id, to: actor, db: db)
            return (ticket, try await SatisfactionStore(db: db).find(ticketID: id))
        }
        guard ticket.fields.requesterID == actor.id else { throw WebError(.forbidden, "Only the person who opened this request can rate it.") }
        let chrome = Chrome(title: "Rate your support", context: context)
        let shown = rating ?? SatisfactionRatingRecord(id: 0, ticketID: id, requesterID: actor.id, assigneeID: nil, groupID: nil, score: .offered,
                                                       comment: "", reasonCode: 0, offeredAt: 0, firstRatedAt: nil, createdAt: 0, updatedAt: 0)
        var model = page(chrome, action: "/portal/requests/\(id)/satisfaction", rating: shown, ticket: ticket, chosen: shown.score,
                         saved: request.uri.queryParameters.get("saved") != nil)
        if ticket.fields.status < .solved {
            model.valid = false
            model.problem = "This request can be rated once it is solved."
        }
        return renderer.page("satisfaction-survey", model)
    }

    @Sendable func ratePortal(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.usePortal)
        let id = try context.parameters.id()
        let answer = Self.answer(context.form)
        do {
            let tickets = services.tickets
            _ = try await database.write { db in try await satisfaction.rate(ticketID: id, answer, actor: actor, via: .web, tickets: tickets, db: db) }
            return seeOther("/portal/requests/\(id)/satisfaction?saved=1")
        } catch let error as APIError where error.status == .unprocessableContent {
            let (ticket, rating) = try await database.read { db in
                (try await services.tickets.visibleTicket(id, to: actor, db: db), try await SatisfactionStore(db: db).find(ticketID: id))
            }
            let shown = rating ?? SatisfactionRatingRecord(id: 0, ticketID: id, requesterID: actor.id, assigneeID: nil, groupID: nil, score: .offered,
                                                           comment: "", reasonCode: 0, offeredAt: 0, firstRatedAt: nil, createdAt: 0, updatedAt: 0)
            var model = page(Chrome(title: "Rate your support", context: context), action: "/portal/requests/\(id)/satisfaction", rating: shown,
                             ticket: ticket, chosen: SatisfactionScore(rawValue: answer.score ?? "") ?? shown.score, saved: false)
            model.comment = answer.comment
            model.chrome.errors = error.messages
            return renderer.page("satisfaction-survey", model, status: .unprocessableContent)
        }
    }

    // MARK: NPS

    @Sendable func showNPS(_ request: Request, context: CasebookContext) async throws -> Response {
        let token = context.parameters.get("token") ?? ""
        let csrf = AnonymousCSRF(request)
        let chrome = Chrome(title: "How likely are you to recommend us?", context: context, csrf: csrf.token)
        var response: Response
        do {
            let survey = try await database.read { db in try await satisfaction.survey(token: token, db: db) }
            response = renderer.page("nps-survey", npsPage(chrome, token: token, survey: survey, chosen: survey.score))
        } catch let error as APIError {
            response = renderer.page("nps-survey", NPSPage(chrome: chrome, action: "", valid: false, problem: Self.problem(error), saved: false,
                                                           scores: [], comment: ""), status: error.status)
        }
        csrf.apply(to: &response, request: request)
        return response
    }

    @Sendable func answerNPS(_ request: Request, context: CasebookContext) async throws -> Response {
        let token = context.parameters.get("token") ?? ""
        let form = context.form ?? QueryItems(nil)
        let answer = SatisfactionService.NPSAnswer(score: form["score"].flatMap { Int($0) }, comment: form["comment"] ?? "")
        let chrome = Chrome(title: "How likely are you to recommend us?", context: context,
                            csrf: request.cookies[SessionMiddleware.csrfCookie]?.value ?? "")
        do {
            _ = try await database.write { db in try await satisfaction.answerNPS(token: token, answer, db: db) }
            return seeOther("/nps/\(token)")
        } catch let error as APIError where error.status == .unprocessableContent {
            let survey = try await database.read { db in try await satisfaction.survey(token: token, db: db) }
            var model = npsPage(chrome, token: token, survey: survey, chosen: answer.score)
            model.comment = answer.comment
            model.chrome.errors = error.messages
            return renderer.page("nps-survey", model, status: .unprocessableContent)
        } catch let error as APIError {
            return renderer.page("nps-survey", NPSPage(chrome: chrome, action: "", valid: false, problem: Self.problem(error), saved: false,
                                                       scores: [], comment: ""), status: error.status)
        }
    }

    // MARK: Models

    static func answer(_ form: QueryItems?) -> SatisfactionService.Answer {
        let form = form ?? QueryItems(nil)
        let reason = form["reason_code"].flatMap { $0.isEmpty ? nil : $0 }
        // A reason that is not a number is kept as an unknown code, so it is refused rather than silently dropped.
        return SatisfactionService.Answer(score: form["score"], comment: form["comment"] ?? "",
                                          reasonCode: reason.map { Int($0) ?? -1 })
    }

    static func problem(_ error: APIError) -> String {
        error.status == .gone ? "This survey link has expired. Thank you all the same."
            : "This survey link is not valid. Please use the link from your email as it was sent."
    }

    private func invalid(_ chrome: Chrome, _ error: APIError) -> SurveyPage {
        SurveyPage(chrome: chrome, action: "", ticketID: 0, subject: "", valid: false, problem: Self.problem(error), saved: false, good: false,
                   bad: false, comment: "", reasons: [], current: "")
    }

    private func page(_ chrome: Chrome, action: String, rating: SatisfactionRatingRecord, ticket: TicketRecord?, chosen: SatisfactionScore,
                      saved: Bool) -> SurveyPage {
        let now = services.config.clock.now()
        var model = SurveyPage(
            chrome: chrome, action: action, ticketID: rating.ticketID, subject: ticket?.fields.subject ?? "", valid: true, problem: "",
            saved: saved, good: chosen == .good, bad: chosen == .bad, comment: rating.comment,
            reasons: SatisfactionReason.all.map { Option(value: String($0.code), label: $0.value, selected: $0.code == rating.reasonCode) },
            current: SatisfactionScore.answers.contains(rating.score) ? rating.score.rawValue : "")
        if (try? SatisfactionRules.checkChange(firstRatedAt: rating.firstRatedAt, now: now)) == nil {
            model.valid = false
            model.problem = "You rated this request \(rating.score.rawValue) more than 7 days ago; the rating can no longer be changed."
        }
        return model
    }

    private func npsPage(_ chrome: Chrome, token: String, survey: NPSSurveyRecord, chosen: Int?) -> NPSPage {
        var model = NPSPage(chrome: chrome, action: "/nps/\(token)", valid: true, problem: "", saved: survey.answeredAt != nil,
                            scores: (0...10).map { Option(value: String($0), label: String($0), selected: $0 == chosen) }, comment: survey.comment)
        if survey.answeredAt != nil { model.valid = false }
        return model
    }
}

/// `/admin/satisfaction`: the loyalty windows and whether the NPS question is asked, for admins. Saved through the
/// same checks as `PUT /api/v2/satisfaction/settings`.
struct AdminSatisfactionRoutes: Sendable {
    let services: CasebookServices
    let renderer: PageRenderer

    struct SettingsPage: Sendable {
        var chrome: Chrome
        var boughtAgainDays: String
        var silenceDays: String
        var npsEnabled: Bool
    }

    func register(on web: RouterGroup<CasebookContext>) {
        web.get("admin/satisfaction", use: show)
        web.post("admin/satisfaction", use: save)
    }

    @Sendable func show(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.managePolicies)
        let settings = try await services.database.read { db in try await SatisfactionSettings.load(db: db) }
        var chrome = Chrome(title: "Satisfaction and loyalty", context: context)
        if request.uri.queryParameters.get("saved") != nil { chrome.notices = ["Satisfaction and loyalty settings saved."] }
        return renderer.page("admin-satisfaction", SettingsPage(chrome: chrome, boughtAgainDays: String(settings.windows.boughtAgainDays),
                                                                silenceDays: String(settings.windows.silenceDays), npsEnabled: settings.npsEnabled))
    }

    @Sendable func save(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.managePolicies)
        let form = context.form ?? QueryItems(nil)
        func days(_ name: String) -> JSONValue {
            let text = (form[name] ?? "").trimmingCharacters(in: .whitespaces)
            return Int(text).map { .int($0) } ?? .string(text)
        }
        let body: JSONObject = ["bought_again_days": days("bought_again_days"), "silence_days": days("silence_days"),
                                "nps_enabled": .bool(form["nps_enabled"] == "1")]
        let now = services.config.clock.now()
        do {
            _ = try await services.database.write { db in try await SatisfactionRoutes.save(body, actor: actor, now: now, db: db) }
            return seeOther("/admin/satisfaction?saved=1")
        } catch let error as APIError where error.status == .unprocessableContent {
            var chrome = Chrome(title: "Satisfaction and loyalty", context: context)
            chrome.errors = error.messages
            return renderer.page("admin-satisfaction", SettingsPage(chrome: chrome, boughtAgainDays: form["bought_again_days"] ?? "",
                                                                    silenceDays: form["silence_days"] ?? "", npsEnabled: form["nps_enabled"] == "1"),
                                 status: .unprocessableContent)
        }
    }
}
