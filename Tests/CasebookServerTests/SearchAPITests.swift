import CasebookCore
import Foundation
import HTTPTypes
import Testing
@testable import CasebookServer

@Suite("Search API")
struct SearchAPITests {
    /// The seeded tickets, by what makes each one different.
    struct Seed {
        var group = 0
        var pinkTags = 0       // open, high, agent, rex, backorder, group
        var vipBackorder = 0   // pending, urgent, agent, hana, backorder + vip; a comment says "any colour"
        var switchFault = 0    // open, normal, admin, rex, subject names Northwind
        var printer = 0        // new, low, unassigned, hana; "any" and "colour" apart
        var oldBackorder = 0   // solved, high, agent, rex, backorder
        var syncJob = 0        // open, urgent, unassigned, hana, group
        var all: [Int] { [pinkTags, vipBackorder, switchFault, printer, oldBackorder, syncJob] }
    }

    static func seed(_ app: TestApp) async throws -> Seed {
        var s = Seed()
        let group = try await app.admin.post("/api/v2/groups", ["group": ["name": "Workflows & Database"]])
        s.group = try #require(group["group"]?["id"]?.intValue)
        let a = JSONValue.int(app.endUserA.id), b = JSONValue.int(app.endUserB.id)
        s.pinkTags = try await app.agent.createTicket([
            "subject": "Backorder on pink tags", "comment": ["body": "Four pink tags ordered on the 2nd, still waiting."],
            "requester_id": a, "assignee_id": .int(app.agent.id), "status": "open", "priority": "high",
            "tags": ["backorder"], "group_id": .int(s.group)])
        s.vipBackorder = try await app.agent.createTicket([
            "subject": "VIP backorder", "comment": ["body": "Our VIP order is late."], "requester_id": b,
            "assignee_id": .int(app.agent.id), "status": "pending", "priority": "urgent", "tags": ["backorder", "vip"]])
        let reply = try await app.agent.put("/api/v2/tickets/\(s.vipBackorder)", ["ticket": ["comment": ["body": "Happy with any colour at all."]]])
        #expect(reply.status == .ok)
        s.switchFault = try await app.agent.createTicket([
            "subject": "Northwind switch fault", "comment": ["body": "Port 3 is dead."], "requester_id": a,
            "assignee_id": .int(app.admin.id), "status": "open", "priority": "normal", "tags": ["edgeswitch"]])
        s.printer = try await app.agent.createTicket([
            "subject": "Printer question", "comment": ["body": "Is any printer colour supported?"], "requester_id": b,
            "priority": "low"])
        s.oldBackorder = try await app.agent.createTicket([
            "subject": "Old backorder", "comment": ["body": "Resolved long ago."], "requester_id": a,
            "assignee_id": .int(app.agent.id), "status": "solved", "priority": "high", "tags": ["backorder"]])
        s.syncJob = try await app.agent.createTicket([
            "subject": "Sync job stuck", "comment": ["body": "The nightly job has not run."], "requester_id": b,
            "status": "open", "priority": "urgent", "group_id": .int(s.group)])
        return s
    }

    /// Percent-encodes a query for the URL: spaces, quotes, `<`, `>`, `&` and the like.
    static func encoded(_ query: String) -> String {
        var allowed = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        allowed.insert(charactersIn: "-._~:@")
        return query.addingPercentEncoding(withAllowedCharacters: allowed) ?? query
    }

    static func search(_ caller: Caller, _ query: String, _ extra: String = "") async throws -> APIResponse {
        try await caller.get("/api/v2/search?query=\(encoded(query))\(extra)")
    }

    static func ticketIDs(_ response: APIResponse) -> Set<Int> {
        Set(response["results"]?.arrayValue?.filter { $0["result_type"] == "ticket" }.compactMap { $0["id"]?.intValue } ?? [])
    }

    static func types(_ response: APIResponse) -> [String] {
        response["results"]?.arrayValue?.map { $0["result_type"]?.stringValue ?? "(missing)" } ?? []
    }

    static func relative(_ url: String) -> String {
        url.range(of: "/api/v2").map { String(url[$0.lowerBound...]) } ?? url
    }

    @Test(arguments: TestDatabase.all)
    func ticketFieldsFilterExactly(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let s = try await Self.seed(app)
            let cases: [(String, Set<Int>)] = [
                ("status:open assignee:me", [s.pinkTags]),
                ("status<solved", [s.pinkTags, s.vipBackorder, s.switchFault, s.printer, s.syncJob]),
                ("status>=solved", [s.oldBackorder]),
                ("priority>normal", [s.pinkTags, s.vipBackorder, s.oldBackorder, s.syncJob]),
                ("tags:backorder -tags:vip", [s.pinkTags, s.oldBackorder]),
                ("tags:backorder", [s.pinkTags, s.vipBackorder, s.oldBackorder]),
                ("\"any colour\"", [s.vipBackorder]),
                ("any colour", [s.vipBackorder, s.printer]),
                ("requester:rex@northwind.example", [s.pinkTags, s.switchFault, s.oldBackorder]),
                ("assignee:none", [s.printer, s.syncJob]),
                ("group:\"Workflows & Database\"", [s.pinkTags, s.syncJob]),
                ("type:ticket created>2020-01-01", Set(s.all)),
                ("type:ticket created<2020-01-01", []),
                ("status:open -assignee:none priority:high", [s.pinkTags]),
            ]
            for (query, expected) in cases {
                let response = try await Self.search(app.agent, query)
                #expect(response.status == .ok, "\(query): \(response.text)")
                #expect(Self.ticketIDs(response) == expected, "\(query)")
                #expect(response["count"]?.intValue == expected.count, "\(query)")
                #expect(Self.types(response).allSatisfy { $0 == "ticket" }, "\(query)")
            }
            // `me` is whoever searches.
            let adminsOwn = try await Self.search(app.admin, "status:open assignee:me")
            #expect(Self.ticketIDs(adminsOwn) == [s.switchFault])
        }
    }

    @Test(arguments: TestDatabase.all)
    func peopleAndMixedResults(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let s = try await Self.seed(app)
            let users = try await Self.search(app.agent, "type:user rex")
            #expect(users.status == .ok)
            #expect(Self.types(users) == ["user"])
            #expect(users["results"]?.arrayValue?.first?["id"]?.intValue == app.endUserA.id)
            #expect(users["count"]?.intValue == 1)

            let orgs = try await Self.search(app.agent, "type:organization north")
            #expect(Self.types(orgs) == ["organization"])
            #expect(orgs["results"]?.arrayValue?.first?["name"] == "Northwind")

            let groups = try await Self.search(app.agent, "type:group workflows")
            #expect(groups["results"]?.arrayValue?.map { $0["id"]?.intValue ?? 0 } == [s.group])

            let mixed = try await Self.search(app.agent, "northwind")
            #expect(mixed.status == .ok)
            let kinds = Self.types(mixed)
            #expect(Set(kinds) == ["ticket", "user", "organization"])
            #expect(Self.ticketIDs(mixed) == [s.switchFault])
            #expect(mixed["count"]?.intValue == kinds.count)
            #expect(mixed["results"]?.arrayValue?.contains { $0["result_type"] == "user" && $0["id"]?.intValue == app.endUserA.id } == true)

            let counted = try await app.agent.get("/api/v2/search/count?query=\(Self.encoded("tags:backorder"))")
            #expect(counted.status == .ok)
            #expect(counted["count"]?.intValue == 3)
            let countedAll = try await app.agent.get("/api/v2/search/count.json?query=northwind")
            #expect(countedAll["count"]?.intValue == 3)
        }
    }

    @Test(arguments: TestDatabase.all)
    func badQueriesAnswer400NamingTheToken(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let bad = try await Self.search(app.agent, "printer status:opne")
            #expect(bad.status == .badRequest)
            #expect(bad["error"]?.stringValue != nil)
            #expect(bad["description"]?.stringValue?.contains("status:opne") == true)
            let date = try await Self.search(app.agent, "created>yesterdayish")
            #expect(date.status == .badRequest)
            #expect(date["description"]?.stringValue?.contains("yesterdayish") == true)
            let quote = try await Self.search(app.agent, "\"unterminated phrase")
            #expect(quote.status == .badRequest)
            #expect(try await app.agent.get("/api/v2/search/count?query=\(Self.encoded("priority:asap"))").status == .badRequest)
        }
    }

    @Test(arguments: TestDatabase.all)
    func offsetPagingAndCursorExport(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let s = try await Self.seed(app)
            let first = try await Self.search(app.agent, "type:ticket status<solved", "&per_page=2")
            #expect(first["results"]?.arrayValue?.count == 2)
            #expect(first["count"]?.intValue == 5)
            #expect(first["next_page"]?.stringValue != nil)
            var seen: [Int] = []
            var url: String? = "/api/v2/search?query=\(Self.encoded("type:ticket status<solved"))&per_page=2"
            var pages = 0
            while let next = url, pages < 10 {
                let page = try await app.agent.get(Self.relative(next))
                #expect(page.status == .ok)
                seen += page["results"]?.arrayValue?.compactMap { $0["id"]?.intValue } ?? []
                url = page["next_page"]?.stringValue
                pages += 1
            }
            #expect(pages == 3)
            #expect(seen.count == 5)
            #expect(Set(seen) == [s.pinkTags, s.vipBackorder, s.switchFault, s.printer, s.syncJob])

            let open: Set<Int> = [s.pinkTags, s.switchFault, s.syncJob]
            let exportFirst = try await app.agent.get("/api/v2/search/export?query=status:open&filter[type]=ticket&page[size]=2")
            #expect(exportFirst.status == .ok)
            #expect(exportFirst["results"]?.arrayValue?.count == 2)
            #expect(exportFirst["meta"]?["has_more"] == true)
            #expect(exportFirst["links"]?["next"]?.stringValue != nil)
            seen = []
            pages = 0
            url = "/api/v2/search/export?query=status:open&filter[type]=ticket&page[size]=2"
            while let next = url, pages < 10 {
                let page = try await app.agent.get(Self.relative(next))
                #expect(page.status == .ok)
                #expect(Self.types(page).allSatisfy { $0 == "ticket" })
                seen += page["results"]?.arrayValue?.compactMap { $0["id"]?.intValue } ?? []
                url = page["meta"]?["has_more"] == true ? page["links"]?["next"]?.stringValue : nil
                pages += 1
            }
            #expect(pages == 2)
            #expect(seen.count == 3)
            #expect(Set(seen) == open)
            // Export is for tickets only.
            #expect(try await app.agent.get("/api/v2/search/export?query=status:open").status == .badRequest)
        }
    }

    @Test(arguments: TestDatabase.all)
    func endUsersFindOnlyTheirOwnTickets(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let s = try await Self.seed(app)
            let mine = try await Self.search(app.endUserA, "tags:backorder")
            #expect(mine.status == .ok)
            #expect(Self.ticketIDs(mine) == [s.pinkTags, s.oldBackorder])
            #expect(mine["count"]?.intValue == 2)

            for query in ["backorder", "type:user rex", "hana", "northwind", "status<closed", "type:organization north"] {
                let response = try await Self.search(app.endUserA, query)
                let results = response["results"]?.arrayValue ?? []
                #expect(results.allSatisfy { $0["result_type"] == "ticket" }, "\(query)")
                #expect(results.allSatisfy { $0["requester_id"]?.intValue == app.endUserA.id }, "\(query)")
                #expect(response["count"]?.intValue == results.count, "\(query)")
            }
            let theirs = try await Self.search(app.endUserB, "status<closed")
            #expect(Self.ticketIDs(theirs) == [s.vipBackorder, s.printer, s.syncJob])
            let count = try await app.endUserB.get("/api/v2/search/count?query=\(Self.encoded("type:user hana"))")
            #expect(count["count"]?.intValue == 0)
            let export = try await app.endUserA.get("/api/v2/search/export?query=\(Self.encoded("status<closed"))&filter[type]=ticket&page[size]=10")
            #expect(Set(export["results"]?.arrayValue?.compactMap { $0["id"]?.intValue } ?? []) == [s.pinkTags, s.switchFault, s.oldBackorder])
            #expect(try await app.anonymous.get("/api/v2/search?query=backorder").status == .unauthorized)
        }
    }
}
