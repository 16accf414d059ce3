import CasebookCore
import Foundation
import Hummingbird
import SQLKit

/// `/api/v2/users`, `/organizations`, `/groups`, `/group_memberships`.
struct PeopleRoutes {
    let database: Database
    let people: PeopleService
    let signIn: SignInService

    func register(on api: RouterGroup<CasebookContext>) {
        api.get("users", use: listUsers)
        api.post("users", use: createUser)
        api.get("users/me", use: me)
        api.get("users/search", use: searchUsers)
        api.get("users/show_many", use: showManyUsers)
        api.post("users/create_or_update", use: createOrUpdateUser)
        api.get("users/:id", use: showUser)
        api.put("users/:id", use: updateUser)
        api.get("users/:id/group_memberships", use: userMemberships)
        api.post("users/:id/password", use: setPassword)

        api.get("organizations", use: listOrganizations)
        api.post("organizations", use: { try await saveOrganization($0, $1, id: nil, upsert: false) })
        api.post("organizations/create_or_update", use: { try await saveOrganization($0, $1, id: nil, upsert: true) })
        api.get("organizations/search", use: searchOrganizations)
        api.get("organizations/:id", use: showOrganization)
        api.put("organizations/:id", use: { try await saveOrganization($0, $1, id: try $1.parameters.id(), upsert: false) })
        api.delete("organizations/:id", use: deleteOrganization)

        api.get("groups", use: listGroups)
        api.post("groups", use: { try await saveGroup($0, $1, id: nil) })
        api.get("groups/:id", use: showGroup)
        api.put("groups/:id", use: { try await saveGroup($0, $1, id: try $1.parameters.id()) })
        api.delete("groups/:id", use: deleteGroup)
        api.get("groups/:id/memberships", use: groupMemberships)
        api.get("group_memberships", use: { request, context in try await memberships(request, context, groupID: nil, userID: nil) })
        api.post("group_memberships", use: createMembership)
        api.delete("group_memberships/:id", use: deleteMembership)
    }

    // MARK: Users

    @Sendable func listUsers(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.viewPeople)
        let pagination = try Pagination(request)
        let role = request.query["role"].flatMap { Role(rawValue: String($0)) }
        return try await page(request, pagination, key: "users", path: "/api/v2/users.json") { db, limit, offset, after in
            var condition: SQLQueryString = "id > \(bind: after ?? 0)"
            // Leads and managers are agents too, as Zendesk's role filter sees them.
            let roles = role == .agent ? ["agent", "lead", "manager"] : role.map { [$0.rawValue] } ?? []
            if !roles.isEmpty { condition.appendInterpolation(" AND role IN (\(binds: roles))" as SQLQueryString) }
            let rows = try await db.raw("""
                SELECT \(unsafeRaw: UserStore.columns) FROM users WHERE \(condition)
                ORDER BY id LIMIT \(bind: limit) OFFSET \(bind: offset)
                """).all().map(UserStore.decode)
            let count = try await (roles.isEmpty ? db.raw("SELECT COUNT(*) AS n FROM users")
                : db.raw("SELECT COUNT(*) AS n FROM users WHERE role IN (\(binds: roles))")).first()!.decode(column: "n", as: Int.self)
            return (rows.map { ($0.id, Present.user($0, base: request.baseURL)) }, count)
        }
    }

    /// `POST /api/v2/users/{id}/password {"password": "..."}` (Zendesk's "set a user's password"): admins only.
    @Sendable func setPassword(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.manageCredentials)
        let id = try context.parameters.id()
        let body = try await request.json(context: context)
        guard let password = body["password"]?.stringValue else {
            throw APIError.badRequest("Send {\"password\": \"...\"}")
        }
        let problems = try await signIn.setPassword(userID: id, password: password)
        guard problems.isEmpty else {
            var errors = FieldErrors()
            for problem in problems { errors.add("password", error: "InvalidValue", problem) }
            throw APIError.invalid(errors)
        }
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: .init(string: "{}")))
    }

    @Sendable func me(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.requireActor()
        let user = try await database.read { db in try await UserStore(db: db).find(id: actor.id) }
        guard let user else { throw APIError.unauthorized }
        return JSONResponse(["user": Present.user(user, base: request.baseURL)])
    }

    @Sendable func showUser(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try context.parameters.id()
        guard actor.role.allows(.viewPeople) || id == actor.id else { throw APIError.forbidden("You may only see your own profile") }
        guard let user = try await database.read({ db in try await UserStore(db: db).find(id: id) }) else {
            throw APIError.notFound()
        }
        return JSONResponse(["user": Present.user(user, base: request.baseURL)])
    }

    @Sendable func showManyUsers(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.viewPeople)
        let ids = (request.query["ids"] ?? "").split(separator: ",").compactMap { Int($0) }
        let users = try await database.read { db in try await UserStore(db: db).find(ids: Array(ids.prefix(100))) }
        return JSONResponse(["users": .array(users.map { Present.user($0, base: request.baseURL) })])
    }

    @Sendable func searchUsers(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.viewPeople)
        let query = String(request.query["query"] ?? request.query["external_id"] ?? "")
        guard !query.isEmpty else { throw APIError.badRequest("Give query=text") }
        let users = try await database.read { db in try await UserStore(db: db).search(query, limit: 100) }
        return JSONResponse(["users": .array(users.map { Present.user($0, base: request.baseURL) }),
                             "count": .int(users.count), "next_page": nil, "previous_page": nil])
    }

    @Sendable func createUser(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.manageEndUsers)
        let (user, _) = try await people.saveUser(try await request.envelope("user", context: context), actor: actor)
        return JSONResponse(["user": Present.user(user, base: request.baseURL)], status: .created)
    }

    @Sendable func createOrUpdateUser(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.manageEndUsers)
        let (user, created) = try await people.saveUser(try await request.envelope("user", context: context), actor: actor,
                                                        upsert: true)
        return JSONResponse(["user": Present.user(user, base: request.baseURL)], status: created ? .created : .ok)
    }

    @Sendable func updateUser(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try context.parameters.id()
        let (user, _) = try await people.saveUser(try await request.envelope("user", context: context), actor: actor,
                                                  existingID: id)
        return JSONResponse(["user": Present.user(user, base: request.baseURL)])
    }

    @Sendable func userMemberships(_ request: Request, context: CasebookContext) async throws -> Response {
        try await memberships(request, context, groupID: nil, userID: try context.parameters.id())
    }

    // MARK: Organizations

    @Sendable func listOrganizations(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.viewPeople)
        return try await page(request, try Pagination(request), key: "organizations", path: "/api/v2/organizations.json") {
            db, limit, offset, after in
            let store = OrganizationStore(db: db)
            let list = try await store.list(limit: limit, offset: offset, afterID: after)
            return (list.map { ($0.id, Present.organization($0, base: request.baseURL)) }, try await store.count())
        }
    }

    @Sendable func showOrganization(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.requireActor()
        let id = try context.parameters.id()
        let (org, mine) = try await database.read { db in
            (try await OrganizationStore(db: db).find(id: id), try await UserStore(db: db).find(id: actor.id)?.organizationID == id)
        }
        guard let org, actor.role.allows(.viewPeople) || mine else { throw APIError.notFound() }
        return JSONResponse(["organization": Present.organization(org, base: request.baseURL)])
    }

    @Sendable func searchOrganizations(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.viewPeople)
        let q = request.query
        let text = String(q["name"] ?? q["external_id"] ?? q["query"] ?? "")
        guard !text.isEmpty else { throw APIError.badRequest("Give name= or external_id=") }
        let orgs = try await database.read { db in try await OrganizationStore(db: db).search(text, limit: 100) }
        return JSONResponse(["organizations": .array(orgs.map { Present.organization($0, base: request.baseURL) }),
                             "count": .int(orgs.count), "next_page": nil, "previous_page": nil])
    }

    func saveOrganization(_ request: Request, _ context: CasebookContext, id: Int?, upsert: Bool) async throws -> Response {
        _ = try context.require(.manageOrganizations)
        let (org, created) = try await people.saveOrganization(try await request.envelope("organization", context: context),
                                                               existingID: id, upsert: upsert)
        return JSONResponse(["organization": Present.organization(org, base: request.baseURL)], status: created ? .created : .ok)
    }

    @Sendable func deleteOrganization(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.manageOrganizations)
        let id = try context.parameters.id()
        try await database.write { db in
            guard try await OrganizationStore(db: db).find(id: id) != nil else { throw APIError.notFound() }
            try await OrganizationStore(db: db).delete(id: id)
        }
        return Response(status: .noContent)
    }

    // MARK: Groups

    @Sendable func listGroups(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.viewPeople)
        return try await page(request, try Pagination(request), key: "groups", path: "/api/v2/groups.json") {
            db, limit, offset, after in
            let store = GroupStore(db: db)
            let list = try await store.list(limit: limit, offset: offset, afterID: after)
            return (list.map { ($0.id, Present.group($0, base: request.baseURL)) }, try await store.count())
        }
    }

    @Sendable func showGroup(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.viewPeople)
        let id = try context.parameters.id()
        guard let group = try await database.read({ db in try await GroupStore(db: db).find(id: id) }) else {
            throw APIError.notFound()
        }
        return JSONResponse(["group": Present.group(group, base: request.baseURL)])
    }

    func saveGroup(_ request: Request, _ context: CasebookContext, id: Int?) async throws -> Response {
        _ = try context.require(.manageGroups)
        let (group, created) = try await people.saveGroup(try await request.envelope("group", context: context), existingID: id)
        return JSONResponse(["group": Present.group(group, base: request.baseURL)], status: created ? .created : .ok)
    }

    @Sendable func deleteGroup(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.manageGroups)
        let id = try context.parameters.id()
        try await database.write { db in
            guard try await GroupStore(db: db).find(id: id) != nil else { throw APIError.notFound() }
            try await GroupStore(db: db).delete(id: id)
        }
        return Response(status: .noContent)
    }

    @Sendable func groupMemberships(_ request: Request, context: CasebookContext) async throws -> Response {
        try await memberships(request, context, groupID: try context.parameters.id(), userID: nil)
    }

    func memberships(_ request: Request, _ context: CasebookContext, groupID: Int?, userID: Int?) async throws -> Response {
        _ = try context.require(.viewPeople)
        let list = try await database.read { db in try await GroupStore(db: db).memberships(groupID: groupID, userID: userID) }
        return JSONResponse(["group_memberships": .array(list.map { Present.membership($0, base: request.baseURL) }),
                             "count": .int(list.count), "next_page": nil, "previous_page": nil])
    }

    @Sendable func createMembership(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.manageGroups)
        let membership = try await people.addMembership(try await request.envelope("group_membership", context: context))
        return JSONResponse(["group_membership": Present.membership(membership, base: request.baseURL)], status: .created)
    }

    @Sendable func deleteMembership(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.manageGroups)
        let id = try context.parameters.id()
        try await database.write { db in
            guard try await GroupStore(db: db).membership(id: id) != nil else { throw APIError.notFound() }
            try await GroupStore(db: db).removeMembership(id: id)
        }
        return Response(status: .noContent)
    }

    // MARK: Paging an id-ordered list

    typealias Fetch = PagedList.Fetch

    func page(_ request: Request, _ pagination: Pagination, key: String, path: String, fetch: Fetch) async throws -> Response {
        try await PagedList.respond(request, pagination, key: key, path: path, database: database, fetch: fetch)
    }
}
