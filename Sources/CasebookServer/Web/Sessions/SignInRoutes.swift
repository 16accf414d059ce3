import CasebookCore
import Foundation
import HTTPTypes
import Hummingbird

/// Sign-in, sign-out and one-time links, for staff and customers alike; `/` sends each to their home.
struct SignInRoutes: Sendable {
    let service: SignInService
    let renderer: PageRenderer
    /// Staff signing in come online; signing out takes them offline.
    var services: CasebookServices? = nil

    struct SignInPage: Sendable {
        var chrome: Chrome
        var email: String
        var next: String
    }
    struct LinkPage: Sendable {
        var chrome: Chrome
        var token: String
        var valid: Bool
    }

    func register(on web: RouterGroup<CasebookContext>) {
        web.get("/") { _, context in
            guard let actor = context.actor, context.session != nil else { return seeOther("/sign-in") }
            return seeOther(actor.role.isStaff ? "/agent" : "/portal")
        }
        web.get("sign-in", use: form)
        web.post("sign-in", use: signIn)
        web.post("sign-out", use: signOut)
        web.post("sign-in/link", use: sendLink)
        web.get("sign-in/link/:token", use: confirmLink)
        web.post("sign-in/link/:token", use: useLink)
    }

    /// Only local paths: a `next` pointing elsewhere would make the sign-in page an open redirect.
    static func safeNext(_ raw: String?, role: Role) -> String {
        let home = role.isStaff ? "/agent" : "/portal"
        guard let raw, raw.hasPrefix("/"), !raw.hasPrefix("//"), !raw.contains("\\") else { return home }
        if !role.isStaff, raw.hasPrefix("/agent") || raw.hasPrefix("/admin") { return home }
        return raw
    }

    private func page(_ request: Request, context: CasebookContext, email: String = "", next: String? = nil,
                      errors: [String] = [], notices: [String] = [], status: HTTPResponse.Status = .ok) -> Response {
        let csrf = AnonymousCSRF(request)
        var chrome = Chrome(title: "Sign in", context: context, csrf: csrf.token)
        chrome.errors = errors
        chrome.notices = notices
        var response = renderer.page("sign-in", SignInPage(chrome: chrome, email: email, next: next ?? request.query["next"] ?? ""),
                                     status: status)
        csrf.apply(to: &response, request: request)
        return response
    }

    @Sendable func form(_ request: Request, context: CasebookContext) async throws -> Response {
        if let actor = context.actor, context.session != nil {
            return seeOther(Self.safeNext(request.query["next"], role: actor.role))
        }
        return page(request, context: context)
    }

    @Sendable func signIn(_ request: Request, context: CasebookContext) async throws -> Response {
        let form = context.form ?? QueryItems(nil)
        let email = form["email"] ?? ""
        let outcome = try await service.signIn(email: email, password: form["password"] ?? "", address: context.remoteAddress,
                                               userAgent: request.headers[.userAgent] ?? "")
        switch outcome {
        case .signedIn(let cookie, _, let user):
            if user.role.isStaff, let services { try await Presence.signedIn(services: services, userID: user.id) }
            var response = seeOther(Self.safeNext(form["next"], role: user.role))
            response.setSessionCookie(cookie, request: request)
            return response
        case .refused(let message):
            return page(request, context: context, email: email, next: form["next"], errors: [message], status: .unauthorized)
        case .throttled(let seconds):
            var response = page(request, context: context, email: email, next: form["next"],
                                errors: [SignInThrottle.message(secondsToWait: seconds)], status: .tooManyRequests)
            response.headers[HTTPField.Name("Retry-After")!] = String(seconds)
            return response
        }
    }

    @Sendable func signOut(_ request: Request, context: CasebookContext) async throws -> Response {
        if let session = context.session {
            try await service.database.write { db in try await SessionStore(db: db).delete(idHash: session.idHash) }
            if context.actor?.role.isStaff == true, let services { try await Presence.signedOut(services: services, userID: session.userID) }
        }
        var response = seeOther("/sign-in")
        response.clearSessionCookie(request: request)
        return response
    }

    @Sendable func sendLink(_ request: Request, context: CasebookContext) async throws -> Response {
        let email = context.form?["email"] ?? ""
        guard EmailAddress.normalize(email) != nil else {
            return page(request, context: context, errors: ["Enter the email address you write to us from."], status: .unprocessableContent)
        }
        try await service.sendLink(email: email, baseURL: request.baseURL)
        return page(request, context: context, notices: [
            "If \(email) belongs to a customer account, a sign-in link is on its way. It works once, for 15 minutes.",
        ])
    }

    @Sendable func confirmLink(_ request: Request, context: CasebookContext) async throws -> Response {
        let token = context.parameters.get("token") ?? ""
        let csrf = AnonymousCSRF(request)
        let valid = try await service.linkIsValid(token)
        var response = renderer.page("link-confirm", LinkPage(chrome: Chrome(title: "Sign in", context: context, csrf: csrf.token),
                                                              token: token, valid: valid), status: valid ? .ok : .gone)
        csrf.apply(to: &response, request: request)
        return response
    }

    @Sendable func useLink(_ request: Request, context: CasebookContext) async throws -> Response {
        let token = context.parameters.get("token") ?? ""
        guard let (cookie, _, user) = try await service.redeemLink(token, userAgent: request.headers[.userAgent] ?? "") else {
            return renderer.page("link-confirm", LinkPage(chrome: Chrome(title: "Sign in", context: context), token: "", valid: false),
                                 status: .gone)
        }
        var response = seeOther(Self.safeNext(nil, role: user.role))
        response.setSessionCookie(cookie, request: request)
        return response
    }
}
