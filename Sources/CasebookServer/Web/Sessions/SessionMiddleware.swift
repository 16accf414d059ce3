import CasebookCore
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Signs browser requests in from the session cookie, and refuses any state-changing request that does not
/// carry the CSRF token of its session (or, before sign-in, of the `casebook_csrf` cookie).
struct SessionMiddleware: RouterMiddleware {
    typealias Context = CasebookContext
    let database: Database
    /// Staff activity keeps their presence fresh (idle → away, and back).
    var clock: AppClock = .system

    static let sessionCookie = "casebook_session"
    static let csrfCookie = "casebook_csrf"
    static let csrfHeader = HTTPField.Name("X-CSRF-Token")!
    static let maxFormSize = 256 * 1024
    /// A form with files (the composer's attachments).
    static let maxMultipartSize = 30 * 1024 * 1024

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        var request = request
        if let cookie = request.cookies[Self.sessionCookie]?.value, !cookie.isEmpty,
           let (session, user) = try await database.read({ db in try await SessionStore(db: db).find(cookie: cookie) }) {
            context.session = session
            context.actor = Actor(id: user.id, role: user.role)
            context.actorName = user.name
            context.actorEmail = user.email
            let now = Timestamp.now
            if now - session.lastSeenAt > SessionStore.touchInterval {
                try await database.write { db in try await SessionStore(db: db).touch(idHash: session.idHash, now: now) }
                if user.role.isStaff {
                    // Activity: refresh the idle clock; an agent only idleness had made away is online again, and
                    // tickets waiting for someone may now reach them.
                    let at = clock.now()
                    let back = try await database.write { db in try await PresenceStore(db: db).touch(userID: user.id, now: at) }
                    if back { try await JobScheduler(database: database, clock: clock).routeNow() }
                }
            }
        }
        guard ![.get, .head, .options].contains(request.method) else { return try await next(request, context) }

        var supplied = request.headers[Self.csrfHeader]
        let type = request.headers[.contentType]?.lowercased() ?? ""
        if type.hasPrefix("application/x-www-form-urlencoded") {
            let buffer: ByteBuffer
            do {
                buffer = try await request.collectBody(upTo: Self.maxFormSize)
            } catch {
                throw WebError(.contentTooLarge, "The form is larger than \(Self.maxFormSize / 1024) KB.")
            }
            let form = QueryItems(String(buffer: buffer))
            context.form = form
            supplied = supplied ?? form["csrf"]
        } else if type.hasPrefix("multipart/form-data") {
            let buffer: ByteBuffer
            do {
                buffer = try await request.collectBody(upTo: Self.maxMultipartSize)
            } catch {
                throw WebError(.contentTooLarge, "The form and its files are larger than \(Self.maxMultipartSize / 1_048_576) MB.")
            }
            guard let parsed = try? MultipartForm.parse(buffer, contentType: request.headers[.contentType] ?? "") else {
                throw WebError(.badRequest, "The form could not be read. Reload the page and try again.")
            }
            context.form = parsed.form
            context.files = parsed.files
            supplied = supplied ?? parsed.form["csrf"]
        }
        let expected = context.session?.csrfToken ?? request.cookies[Self.csrfCookie]?.value
        guard let expected, !expected.isEmpty, let supplied, WebTokens.equal(expected, supplied) else {
            throw WebError(.forbidden, "This form has expired or did not come from Casebook. Reload the page and try again.")
        }
        return try await next(request, context)
    }
}

extension Request {
    /// Whether the browser reached us over TLS (directly or through a proxy that says so).
    var isSecure: Bool {
        uri.scheme?.rawValue == "https" || headers[HTTPField.Name("X-Forwarded-Proto")!]?.lowercased() == "https"
    }
}

extension Response {
    mutating func setSessionCookie(_ value: String, request: Request) {
        setCookie(Cookie(name: SessionMiddleware.sessionCookie, value: value, maxAge: Int(SessionStore.lifetime / 1000),
                         path: "/", secure: request.isSecure, httpOnly: true, sameSite: .lax))
    }

    mutating func clearSessionCookie(request: Request) {
        setCookie(Cookie(name: SessionMiddleware.sessionCookie, value: "", maxAge: 0, path: "/",
                         secure: request.isSecure, httpOnly: true, sameSite: .lax))
    }
}

/// The pre-sign-in CSRF token: the browser's `casebook_csrf` cookie, or a new one to set with the page.
struct AnonymousCSRF {
    var token: String
    var isNew: Bool

    init(_ request: Request) {
        if let existing = request.cookies[SessionMiddleware.csrfCookie]?.value, existing.count >= 32 {
            token = existing
            isNew = false
        } else {
            token = WebTokens.generate()
            isNew = true
        }
    }

    func apply(to response: inout Response, request: Request) {
        guard isNew else { return }
        response.setCookie(Cookie(name: SessionMiddleware.csrfCookie, value: token, path: "/",
                                  secure: request.isSecure, httpOnly: true, sameSite: .lax))
    }
}
