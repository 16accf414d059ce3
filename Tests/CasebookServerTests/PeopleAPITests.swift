import CasebookCore
import Foundation
import HTTPTypes
import Testing
@testable import CasebookServer

@Suite("People API")
struct PeopleAPITests {
    /// A `next_page` / `links.next` URL made relative, for the test client.
    static func relative(_ url: String) -> String {
        url.range(of: "/api/v2").map { String(url[$0.lowerBound...]) } ?? url
    }

    static func ids(_ response: APIResponse, _ key: String) -> [Int] {
        response[key]?.arrayValue?.compactMap { $0["id"]?.intValue } ?? []
    }

    // MARK: Users

    @Test(arguments: TestDatabase.all)
    func meAnswersForEveryCaller(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let cases: [(Caller, String, String)] = [
                (app.admin, "admin", "admin@brightbeam.example"), (app.agent, "agent", "morgan@brightbeam.example"),
                (app.endUserA, "end-user", "rex@northwind.example"), (app.endUserB, "end-user", "hana@harbor.example"),
            ]
            for (caller, role, email) in cases {
                let me = try await caller.get("/api/v2/users/me")
                #expect(me.status == .ok)
                #expect(me["user"]?["id"]?.intValue == caller.id)
                #expect(me["user"]?["role"]?.stringValue == role)
                #expect(me["user"]?["email"]?.stringValue == email)
            }
            #expect(try await app.anonymous.get("/api/v2/users/me").status == .unauthorized)
        }
    }

    @Test(arguments: TestDatabase.all)
    func agentsCreateEndUsersOnlyAndAdminsCreateStaff(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let northwind = try #require(try await app.endUserA.get("/api/v2/users/me")["user"]?["organization_id"]?.intValue)
            // act
            let created = try await app.agent.post("/api/v2/users", ["user": ["name": "Gordon Blake", "email": "Gordon@Northwind.example"]])
            // check
            #expect(created.status == .created)
            #expect(created["user"]?["email"] == "gordon@northwind.example")
            #expect(created["user"]?["role"] == "end-user")
            #expect(created["user"]?["organization_id"]?.intValue == northwind)   // joined by email domain

            let agentByAgent = try await app.agent.post("/api/v2/users", ["user": ["name": "Riley", "email": "riley@brightbeam.example", "role": "agent"]])
            #expect(agentByAgent.status == .forbidden)
            let adminByAgent = try await app.agent.post("/api/v2/users", ["user": ["name": "Root", "email": "root@brightbeam.example", "role": "admin"]])
            #expect(adminByAgent.status == .forbidden)
            #expect(try await app.agent.get("/api/v2/users/search?query=riley")["count"]?.intValue == 0)   // nothing half-written

            let agentByAdmin = try await app.admin.post("/api/v2/users", ["user": ["name": "Riley Quinn", "email": "riley@brightbeam.example", "role": "agent"]])
            #expect(agentByAdmin.status == .created)
            #expect(agentByAdmin["user"]?["role"] == "agent")
            #expect(agentByAdmin["user"]?["organization_id"] == .null)

            let duplicate = try await app.agent.post("/api/v2/users", ["user": ["name": "Another Rex", "email": "REX@northwind.example"]])
            #expect(duplicate.status == .unprocessableContent)
            #expect(duplicate["error"] == "RecordInvalid")
            #expect(duplicate["details"]?["email"]?.arrayValue?.first?["error"] == "DuplicateValue")

            let nameless = try await app.agent.post("/api/v2/users", ["user": ["email": "noname@harbor.example"]])
            #expect(nameless.status == .unprocessableContent)
            #expect(nameless["details"]?["name"] != nil)
            #expect(try await app.endUserA.post("/api/v2/users", ["user": ["name": "X", "email": "x@northwind.example"]]).status == .forbidden)
        }
    }

    @Test(arguments: TestDatabase.all)
    func createOrUpdateMatchesByEmail(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let updated = try await app.agent.post("/api/v2/users/create_or_update", [
                "user": ["email": "Rex@Northwind.example", "name": "Rex Calloway", "phone": "+12025550143"]])
            #expect(updated.status == .ok)
            #expect(updated["user"]?["id"]?.intValue == app.endUserA.id)
            #expect(updated["user"]?["name"] == "Rex Calloway")
            #expect(try await app.agent.get("/api/v2/users/\(app.endUserA.id)")["user"]?["phone"] == "+12025550143")

            let created = try await app.agent.post("/api/v2/users/create_or_update", [
                "user": ["email": "june.park@parkfamily.example", "name": "June Park"]])
            #expect(created.status == .created)
            let juneID = try #require(created["user"]?["id"]?.intValue)
            #expect(juneID != app.endUserA.id)
            let again = try await app.agent.post("/api/v2/users/create_or_update", [
                "user": ["email": "june.park@parkfamily.example", "notes": "prefers phone"]])
            #expect(again.status == .ok)
            #expect(again["user"]?["id"]?.intValue == juneID)
            #expect(again["user"]?["name"] == "June Park")
            #expect(again["user"]?["notes"] == "prefers phone")
        }
    }

    @Test(arguments: TestDatabase.all)
    func searchShowManyUpdateAndRoleFilter(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let search = try await app.agent.get("/api/v2/users/search?query=rex")
            #expect(search.status == .ok)
            #expect(Self.ids(search, "users") == [app.endUserA.id])
            #expect(search["count"]?.intValue == 1)
            let byDomain = try await app.agent.get("/api/v2/users/search?query=harbor.example")
            #expect(Self.ids(byDomain, "users") == [app.endUserB.id])
            #expect(try await app.agent.get("/api/v2/users/search").status == .badRequest)

            let many = try await app.agent.get("/api/v2/users/show_many?ids=\(app.endUserB.id),\(app.endUserA.id),424242")
            #expect(Set(Self.ids(many, "users")) == [app.endUserA.id, app.endUserB.id])

            let put = try await app.admin.put("/api/v2/users/\(app.endUserB.id)", [
                "user": ["name": "Hana Mori", "phone": "+442079460123", "notes": "Depot manager"]])
            #expect(put.status == .ok)
            #expect(put["user"]?["name"] == "Hana Mori")
            let shown = try await app.agent.get("/api/v2/users/\(app.endUserB.id).json")
            #expect(shown["user"]?["name"] == "Hana Mori")
            #expect(shown["user"]?["phone"] == "+442079460123")
            #expect(shown["user"]?["notes"] == "Depot manager")
            #expect(shown["user"]?["email"] == "hana@harbor.example")   // untouched fields stay
            #expect(try await app.admin.put("/api/v2/users/424242", ["user": ["name": "Nobody"]]).status == .notFound)

            let agents = try await app.agent.get("/api/v2/users?role=agent")
            #expect(agents.status == .ok)
            #expect(Self.ids(agents, "users") == [app.agent.id])
            #expect(agents["count"]?.intValue == 1)
            let endUsers = try await app.agent.get("/api/v2/users?role=end-user")
            #expect(Set(Self.ids(endUsers, "users")) == [app.endUserA.id, app.endUserB.id])
            #expect(endUsers["users"]?.arrayValue?.allSatisfy { $0["role"] == "end-user" } == true)
        }
    }

    @Test(arguments: TestDatabase.all)
    func endUsersSeeOnlyThemselves(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let own = try await app.endUserA.get("/api/v2/users/\(app.endUserA.id)")
            #expect(own.status == .ok)
            #expect(own["user"]?["email"] == "rex@northwind.example")
            #expect(try await app.endUserA.get("/api/v2/users/\(app.endUserB.id)").status == .forbidden)
            #expect(try await app.endUserA.get("/api/v2/users/\(app.agent.id)").status == .forbidden)
            #expect(try await app.endUserA.get("/api/v2/users").status == .forbidden)
            #expect(try await app.endUserA.get("/api/v2/users/search?query=hana").status == .forbidden)
            #expect(try await app.endUserA.get("/api/v2/users/show_many?ids=\(app.endUserB.id)").status == .forbidden)
            let other = try await app.endUserA.put("/api/v2/users/\(app.endUserB.id)", ["user": ["name": "Hacked"]])
            #expect(other.status == .forbidden)
            #expect(try await app.agent.get("/api/v2/users/\(app.endUserB.id)")["user"]?["name"] == "Hana")
            // Nor promote themselves.
            let promote = try await app.endUserA.put("/api/v2/users/\(app.endUserA.id)", ["user": ["role": "admin"]])
            #expect(promote.status == .forbidden)
            #expect(try await app.endUserA.get("/api/v2/users/me")["user"]?["role"] == "end-user")
        }
    }

    @Test(arguments: TestDatabase.all)
    func usersPageByOffsetAndByCursor(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let extra = try await app.agent.post("/api/v2/users", ["user": ["name": "Fifth", "email": "fifth@example.org"]])
            let all = [app.admin.id, app.agent.id, app.endUserA.id, app.endUserB.id, extra["user"]?["id"]?.intValue ?? -1].sorted()

            let first = try await app.agent.get("/api/v2/users?per_page=2")
            #expect(Self.ids(first, "users").count == 2)
            #expect(first["count"]?.intValue == 5)
            #expect(first["previous_page"] == .null)
            let secondPage = first["next_page"]?.stringValue ?? ""
            #expect(secondPage.contains("?page=2") || secondPage.contains("&page=2"))
            var seen: [Int] = []
            var url: String? = "/api/v2/users?per_page=2"
            var pages = 0
            while let next = url, pages < 10 {
                let page = try await app.agent.get(Self.relative(next))
                seen += Self.ids(page, "users")
                url = page["next_page"]?.stringValue
                pages += 1
            }
            #expect(pages == 3)
            #expect(seen == all)

            let cursorFirst = try await app.agent.get("/api/v2/users?page[size]=2")
            #expect(cursorFirst["meta"]?["has_more"] == true)
            #expect(cursorFirst["links"]?["next"]?.stringValue != nil)
            #expect(cursorFirst["links"]?["prev"] == .null)
            seen = []
            pages = 0
            url = "/api/v2/users?page[size]=2"
            while let next = url, pages < 10 {
                let page = try await app.agent.get(Self.relative(next))
                #expect(page.status == .ok)
                seen += Self.ids(page, "users")
                url = page["meta"]?["has_more"] == true ? page["links"]?["next"]?.stringValue : nil
                pages += 1
            }
            #expect(pages == 3)
            #expect(seen == all)
        }
    }

    // MARK: Organizations

    @Test(arguments: TestDatabase.all)
    func organizationsLifecycle(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            // An end-user on file before their organization exists.
            let marcus = try await app.agent.post("/api/v2/users", ["user": ["name": "Marcus Bell", "email": "marcus@keystonenet.example"]])
            let marcusID = try #require(marcus["user"]?["id"]?.intValue)
            #expect(marcus["user"]?["organization_id"] == .null)

            #expect(try await app.agent.post("/api/v2/organizations", ["organization": ["name": "Keystone"]]).status == .forbidden)
            let created = try await app.admin.post("/api/v2/organizations", [
                "organization": ["name": "Keystone Networks", "domain_names": ["KeystoneNet.example"]]])
            #expect(created.status == .created)
            let orgID = try #require(created["organization"]?["id"]?.intValue)
            #expect(created["organization"]?["domain_names"] == ["keystonenet.example"])
            #expect(try await app.agent.get("/api/v2/users/\(marcusID)")["user"]?["organization_id"]?.intValue == orgID)
            // New end-users of that domain join too.
            let priya = try await app.agent.post("/api/v2/users", ["user": ["name": "Priya Shah", "email": "priya@keystonenet.example"]])
            #expect(priya["user"]?["organization_id"]?.intValue == orgID)

            let duplicate = try await app.admin.post("/api/v2/organizations", ["organization": ["name": "keystone networks"]])
            #expect(duplicate.status == .unprocessableContent)
            #expect(duplicate["details"]?["name"]?.arrayValue?.first?["error"] == "DuplicateValue")

            let list = try await app.agent.get("/api/v2/organizations")
            #expect(list.status == .ok)
            #expect(list["count"]?.intValue == 3)
            #expect(Set(list["organizations"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []) == ["Northwind", "Harbor", "Keystone Networks"])
            let found = try await app.agent.get("/api/v2/organizations/search?name=keystone")
            #expect(Self.ids(found, "organizations") == [orgID])
            #expect(try await app.endUserA.get("/api/v2/organizations").status == .forbidden)

            let put = try await app.admin.put("/api/v2/organizations/\(orgID)", [
                "organization": ["notes": "Reseller, East Coast", "shared_tickets": true]])
            #expect(put.status == .ok)
            let shown = try await app.agent.get("/api/v2/organizations/\(orgID)")
            #expect(shown["organization"]?["notes"] == "Reseller, East Coast")
            #expect(shown["organization"]?["shared_tickets"] == true)
            #expect(shown["organization"]?["name"] == "Keystone Networks")

            #expect(try await app.agent.delete("/api/v2/organizations/\(orgID)").status == .forbidden)
            #expect(try await app.admin.delete("/api/v2/organizations/\(orgID)").status == .noContent)
            #expect(try await app.agent.get("/api/v2/organizations/\(orgID)").status == .notFound)
            #expect(try await app.admin.delete("/api/v2/organizations/\(orgID)").status == .notFound)
            #expect(try await app.agent.get("/api/v2/users/\(marcusID)")["user"]?["organization_id"] == .null)
            #expect(try await app.agent.get("/api/v2/organizations")["count"]?.intValue == 2)
        }
    }

    @Test(arguments: TestDatabase.all)
    func organizationCreateOrUpdate(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let created = try await app.admin.post("/api/v2/organizations/create_or_update", [
                "organization": ["name": "Ridgeway Cycles", "external_id": "rc-1"]])
            #expect(created.status == .created)
            let id = try #require(created["organization"]?["id"]?.intValue)
            let byExternalID = try await app.admin.post("/api/v2/organizations/create_or_update", [
                "organization": ["external_id": "rc-1", "details": "Bike shop with a rental fleet"]])
            #expect(byExternalID.status == .ok)
            #expect(byExternalID["organization"]?["id"]?.intValue == id)
            #expect(byExternalID["organization"]?["details"] == "Bike shop with a rental fleet")
            let byName = try await app.admin.post("/api/v2/organizations/create_or_update", [
                "organization": ["name": "Harbor", "notes": "Four depots"]])
            #expect(byName.status == .ok)
            #expect(byName["organization"]?["name"] == "Harbor")
            #expect(byName["organization"]?["notes"] == "Four depots")
            #expect(try await app.agent.get("/api/v2/organizations")["count"]?.intValue == 3)
        }
    }

    // MARK: Groups

    @Test(arguments: TestDatabase.all)
    func groupsAndMemberships(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            #expect(try await app.agent.post("/api/v2/groups", ["group": ["name": "Sneaky"]]).status == .forbidden)
            let created = try await app.admin.post("/api/v2/groups", [
                "group": ["name": "Workflows & Database", "description": "Flow jobs and database sync"]])
            #expect(created.status == .created)
            let groupID = try #require(created["group"]?["id"]?.intValue)
            #expect(created["group"]?["name"] == "Workflows & Database")
            #expect(try await app.admin.post("/api/v2/groups", ["group": ["name": "workflows & database"]]).status == .unprocessableContent)

            let list = try await app.agent.get("/api/v2/groups")
            #expect(list["count"]?.intValue == 1)
            #expect(list["groups"]?.arrayValue?.first?["name"] == "Workflows & Database")
            #expect(try await app.agent.get("/api/v2/groups/\(groupID)")["group"]?["description"] == "Flow jobs and database sync")

            let renamed = try await app.admin.put("/api/v2/groups/\(groupID)", ["group": ["name": "Workflows and Database"]])
            #expect(renamed.status == .ok)
            #expect(try await app.agent.get("/api/v2/groups/\(groupID)")["group"]?["name"] == "Workflows and Database")

            let member = try await app.admin.post("/api/v2/group_memberships", [
                "group_membership": ["user_id": .int(app.agent.id), "group_id": .int(groupID)]])
            #expect(member.status == .created)
            let membershipID = try #require(member["group_membership"]?["id"]?.intValue)
            #expect(member["group_membership"]?["user_id"]?.intValue == app.agent.id)
            #expect(member["group_membership"]?["group_id"]?.intValue == groupID)

            let byGroup = try await app.agent.get("/api/v2/groups/\(groupID)/memberships")
            #expect(byGroup["group_memberships"]?.arrayValue?.compactMap { $0["user_id"]?.intValue } == [app.agent.id])
            let byUser = try await app.agent.get("/api/v2/users/\(app.agent.id)/group_memberships")
            #expect(byUser["group_memberships"]?.arrayValue?.compactMap { $0["group_id"]?.intValue } == [groupID])
            #expect(try await app.agent.get("/api/v2/users/\(app.admin.id)/group_memberships")["count"]?.intValue == 0)

            let endUser = try await app.admin.post("/api/v2/group_memberships", [
                "group_membership": ["user_id": .int(app.endUserA.id), "group_id": .int(groupID)]])
            #expect(endUser.status == .unprocessableContent)
            #expect(endUser["details"]?["user_id"] != nil)
            let noGroup = try await app.admin.post("/api/v2/group_memberships", [
                "group_membership": ["user_id": .int(app.admin.id), "group_id": 424242]])
            #expect(noGroup.status == .unprocessableContent)
            #expect(try await app.agent.post("/api/v2/group_memberships", [
                "group_membership": ["user_id": .int(app.agent.id), "group_id": .int(groupID)]]).status == .forbidden)

            #expect(try await app.admin.delete("/api/v2/group_memberships/\(membershipID)").status == .noContent)
            #expect(try await app.agent.get("/api/v2/groups/\(groupID)/memberships")["count"]?.intValue == 0)
            #expect(try await app.admin.delete("/api/v2/group_memberships/\(membershipID)").status == .notFound)
            #expect(try await app.endUserA.get("/api/v2/groups").status == .forbidden)
        }
    }
}
