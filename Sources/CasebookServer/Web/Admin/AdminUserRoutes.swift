import CasebookCore
import Foundation
import HummingbirdBcrypt
import Hummingbird
import SQLKit

/// Admin pages for people: add someone, reset a password, disable or enable, issue and revoke API tokens.
struct AdminUserRoutes: Sendable {
    let database: Database
    let signIn: SignInService
    let renderer: PageRenderer

    struct UserRow: Sendable { var id: Int; var name: String; var email: String; var role: String; var active: Bool }
    struct TokenRow: Sendable { var id: Int; var userID: Int; var description: String; var created: String; var lastUsed: String }
    struct ListPage: Sendable {
        var chrome: Chrome
        var users: [UserRow]
        var roles: [String]
        var prevHref: String?
        var nextHref: String?
    }
    struct UserPage: Sendable {
        var chrome: Chrome
        var user: UserRow
        var tokens: [TokenRow]
        var newToken: String?
    }

    func register(on web: RouterGroup<CasebookContext>) {
        web.get("admin/users", use: list)
        web.post("admin/users", use: create)
        web.get("admin/users/:id", use: show)
        web.post("admin/users/:id/password", use: setPassword)
        web.post("admin/users/:id/disable") { request, context in try await setActive(false, request, context) }
        web.post("admin/users/:id/enable") { request, context in try await setActive(true, request, context) }
        web.post("admin/users/:id/tokens", use: issueToken)
        web.post("admin/users/:id/tokens/:token/revoke", use: revokeToken)
    }

    static func row(_ u: UserRecord) -> UserRow {
        UserRow(id: u.id, name: u.name, email: u.email ?? "", role: u.role.rawValue, active: u.active)
    }

    func listPage(_ context: CasebookContext, page: Int, errors: [String] = [], notices: [String] = []) async throws -> ListPage {
        var chrome = Chrome(title: "People", context: context)
        chrome.errors = errors
        chrome.notices = notices
        let perPage = 50
        return try await database.read { db in
            let users = try await UserStore(db: db).list(limit: perPage + 1, offset: (page - 1) * perPage)
            return ListPage(chrome: chrome, users: users.prefix(perPage).map(Self.row), roles: Role.allCases.map(\.rawValue),
                            prevHref: page > 1 ? "/admin/users?page=\(page - 1)" : nil,
                            nextHref: users.count > perPage ? "/admin/users?page=\(page + 1)" : nil)
        }
    }

    @Sendable func list(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.manageStaff)
        return renderer.page("admin-users", try await listPage(context, page: Paging.requested(request.query["page"])))
    }

    @Sendable func create(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.manageStaff)
        let form = context.form ?? QueryItems(nil)
        let name = (form["name"] ?? "").trimmingCharacters(in: .whitespaces)
        let password = form["password"] ?? ""
        var errors: [String] = []
        let email = EmailAddress.normalize(form["email"] ?? "")
        if name.isEmpty { errors.append("Name: cannot be blank") }
        if email == nil { errors.append("Email: '\(form["email"] ?? "")' is not a valid email address") }
        guard let role = Role(rawValue: form["role"] ?? "") else { throw WebError(.badRequest, "Choose a role from the list.") }
        if role.isStaff, password.isEmpty { errors.append("Password: staff sign in with a password; set one") }
        if !password.isEmpty { errors += PasswordPolicy.problems(password, email: email, name: name) }
        if errors.isEmpty, let email {
            let cost = signIn.bcryptCost
            let hash = password.isEmpty ? nil : try await SignInService.offload { Bcrypt.hash(password, cost: cost) }
            do {
                let id = try await database.write { db in
                    try await Accounts.addPerson(db: db, email: email, name: name, role: role, passwordHash: hash)
                }
                return seeOther("/admin/users/\(id)")
            } catch is Accounts.Failure {
                errors.append("Email: \(email) is already taken")
            }
        }
        return renderer.page("admin-users", try await listPage(context, page: 1, errors: errors), status: .unprocessableContent)
    }

    func userPage(_ id: Int, context: CasebookContext, newToken: String? = nil, errors: [String] = [],
                  notices: [String] = []) async throws -> UserPage {
        try await database.read { db in
            guard let user = try await UserStore(db: db).find(id: id) else { throw APIError.notFound() }
            let tokens = try await db.raw("""
                SELECT id, description, created_at, last_used_at FROM api_tokens WHERE user_id = \(bind: id) ORDER BY id
                """).all().map {
                TokenRow(id: try $0.decode(column: "id", as: Int.self), userID: id,
                         description: try $0.decode(column: "description", as: String.self),
                         created: PageTime.text(try $0.decode(column: "created_at", as: Int64.self)),
                         lastUsed: try $0.decode(column: "last_used_at", as: Int64?.self).map(PageTime.text) ?? "never")
            }
            var chrome = Chrome(title: user.name, context: context)
            chrome.errors = errors
            chrome.notices = notices
            return UserPage(chrome: chrome, user: Self.row(user), tokens: tokens, newToken: newToken)
        }
    }

    @Sendable func show(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.manageStaff)
        return renderer.page("admin-user", try await userPage(try context.parameters.id(), context: context))
    }

    @Sendable func setPassword(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.manageCredentials)
        let id = try context.parameters.id()
        let problems = try await signIn.setPassword(userID: id, password: context.form?["password"] ?? "")
        if problems.isEmpty {
            return renderer.page("admin-user", try await userPage(id, context: context, notices: ["Password set. They were signed out everywhere."]))
        }
        return renderer.page("admin-user", try await userPage(id, context: context, errors: problems), status: .unprocessableContent)
    }

    func setActive(_ active: Bool, _ request: Request, _ context: CasebookContext) async throws -> Response {
        let actor = try context.require(.manageStaff)
        let id = try context.parameters.id()
        if id == actor.id, !active { throw WebError(.unprocessableContent, "You cannot disable yourself.") }
        try await database.write { db in
            guard var user = try await UserStore(db: db).find(id: id) else { throw APIError.notFound() }
            user.active = active
            try await UserStore(db: db).update(user)
            if !active { try await SessionStore(db: db).deleteAll(userID: id) }
        }
        return seeOther("/admin/users/\(id)")
    }

    @Sendable func issueToken(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.manageCredentials)
        let id = try context.parameters.id()
        let description = (context.form?["description"] ?? "").trimmingCharacters(in: .whitespaces)
        guard !description.isEmpty else {
            return renderer.page("admin-user", try await userPage(id, context: context, errors: ["Description: say what the token is for"]),
                                 status: .unprocessableContent)
        }
        let token = APITokens.generate()
        try await database.write { db in
            guard try await UserStore(db: db).find(id: id) != nil else { throw APIError.notFound() }
            try await UserStore(db: db).insertToken(userID: id, hash: APITokens.hash(token), description: description)
        }
        return renderer.page("admin-user", try await userPage(id, context: context, newToken: token))
    }

    @Sendable func revokeToken(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.manageCredentials)
        let id = try context.parameters.id()
        let tokenID = try context.parameters.id("token")
        try await database.write { db in
            try await db.raw("DELETE FROM api_tokens WHERE id = \(bind: tokenID) AND user_id = \(bind: id)").run()
        }
        return seeOther("/admin/users/\(id)")
    }
}
