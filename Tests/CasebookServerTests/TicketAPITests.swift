import CasebookCore
import Foundation
import HTTPTypes
import Testing
@testable import CasebookServer

@Suite("Tickets API")
struct TicketAPITests {
    @Test(arguments: TestDatabase.all)
    func createWithRequesterFindsOrCreatesTheEndUser(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            // act
            let created = try await app.agent.post("/api/v2/tickets.json", [
                "ticket": ["subject": "Where is my BeamTag order?", "priority": "high", "type": "question",
                           "tags": ["Backorder", "christmas shortage"],
                           "comment": ["body": "I ordered four pink tags on the 2nd."],
                           "requester": ["name": "Dana Buyer", "email": "Dana@Northwind.example"]],
            ])
            // check
            #expect(created.status == .created)
            let ticket = try #require(created["ticket"])
            #expect(ticket["status"] == "new")
            #expect(ticket["description"] == "I ordered four pink tags on the 2nd.")
            #expect(ticket["tags"] == ["backorder", "christmas", "shortage"])
            #expect(ticket["submitter_id"]?.intValue == app.agent.id)
            let requesterID = try #require(ticket["requester_id"]?.intValue)
            let requester = try await app.agent.get("/api/v2/users/\(requesterID)")
            #expect(requester["user"]?["email"] == "dana@northwind.example")
            #expect(requester["user"]?["role"] == "end-user")
            // The requester joined the organization that owns the email domain, and so did the ticket.
            #expect(requester["user"]?["organization_id"] == ticket["organization_id"])
            #expect(ticket["organization_id"]?.intValue != nil)
            let events = created["audit"]?["events"]?.arrayValue ?? []
            #expect(events.first?["type"] == "Comment")
            #expect(events.contains { $0["type"] == "Create" && $0["field_name"] == "priority" && $0["value"] == "high" })
            // A second ticket from the same address reuses the user.
            let again = try await app.agent.createTicket([
                "subject": "Another", "comment": ["body": "hi"], "requester": ["email": "dana@northwind.example"]])
            #expect(try await app.agent.get("/api/v2/tickets/\(again)")["ticket"]?["requester_id"]?.intValue == requesterID)
        }
    }

    @Test(arguments: TestDatabase.all)
    func updatesAddCommentsAndRecordOneAuditEach(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let id = try await app.agent.createTicket(["subject": "Switch fault", "comment": ["body": "Port 3 is dead"],
                                                       "requester_id": .int(app.endUserA.id)])
            let reply = try await app.agent.put("/api/v2/tickets/\(id)", [
                "ticket": ["status": "pending", "assignee_id": .int(app.agent.id),
                           "comment": ["body": "Can you try firmware 2.4?", "public": true]]])
            #expect(reply.status == .ok)
            #expect(reply["ticket"]?["status"] == "pending")
            let note = try await app.agent.put("/api/v2/tickets/\(id).json", [
                "ticket": ["comment": ["body": "Customer is 2.5 hours from the site", "public": false]]])
            #expect(note.status == .ok)
            let call = try await app.agent.put("/api/v2/tickets/\(id)", [
                "ticket": ["comment": ["body": "Called back; he will test tonight", "public": false,
                                       "call": ["direction": "outbound", "from": "+15550100", "to": "+15550199",
                                                "participants": ["morgan@brightbeam.example"], "duration": 420]]]])
            #expect(call.status == .ok)

            let comments = try await app.agent.get("/api/v2/tickets/\(id)/comments")
            let list = comments["comments"]?.arrayValue ?? []
            #expect(list.map { $0["body"]?.stringValue ?? "" } == [
                "Port 3 is dead", "Can you try firmware 2.4?", "Customer is 2.5 hours from the site",
                "Called back; he will test tonight"])
            #expect(list.map { $0["public"]?.boolValue ?? true } == [true, true, false, false])
            #expect(list[3]["via"]?["channel"] == "voice")
            #expect(list[3]["data"]?["call_duration"]?.intValue == 420)

            let audits = try await app.agent.get("/api/v2/tickets/\(id)/audits")["audits"]?.arrayValue ?? []
            #expect(audits.count == 4)
            let statusChange = audits[1]["events"]?.arrayValue?.first { $0["field_name"] == "status" }
            #expect(statusChange?["type"] == "Change")
            #expect(statusChange?["previous_value"] == "new")
            #expect(statusChange?["value"] == "pending")
        }
    }

    @Test(arguments: TestDatabase.all)
    func endUsersSeeOnlyTheirTicketsAndNeverInternalNotes(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let mine = try await app.endUserA.createTicket(["subject": "Pink units", "comment": ["body": "wrong colour"]])
            let theirs = try await app.endUserB.createTicket(["subject": "Harbor issue", "comment": ["body": "help"]])
            try await app.agent.put("/api/v2/tickets/\(mine)", ["ticket": ["comment": ["body": "he accepted any colour", "public": false]]])
            try await app.agent.put("/api/v2/tickets/\(mine)", ["ticket": ["comment": ["body": "We will ship today"]]])

            let comments = try await app.endUserA.get("/api/v2/tickets/\(mine)/comments")
            #expect(comments.status == .ok)
            #expect(!comments.text.contains("any colour"))
            #expect(comments.text.contains("We will ship today"))
            let audits = try await app.endUserA.get("/api/v2/tickets/\(mine)/audits")
            #expect(!audits.text.contains("any colour"))
            let search = try await app.endUserA.get("/api/v2/search?query=colour")
            #expect(search["count"]?.intValue == 1)   // found by its public words only
            #expect(try await app.endUserA.get("/api/v2/search?query=accepted")["count"]?.intValue == 0)

            #expect(try await app.endUserA.get("/api/v2/tickets/\(theirs)").status == .notFound)
            #expect(try await app.endUserA.get("/api/v2/tickets/\(theirs)/comments").status == .notFound)
            let list = try await app.endUserA.get("/api/v2/tickets")
            #expect(list["tickets"]?.arrayValue?.map { $0["id"]?.intValue ?? 0 } == [mine])
            let many = try await app.endUserA.get("/api/v2/tickets/show_many?ids=\(mine),\(theirs)")
            #expect(many["tickets"]?.arrayValue?.count == 1)

            // End-users add public comments only, and change no fields.
            let note = try await app.endUserA.put("/api/v2/tickets/\(mine)", ["ticket": ["comment": ["body": "x", "public": false]]])
            #expect(note.status == .unprocessableContent)
            let field = try await app.endUserA.put("/api/v2/tickets/\(mine)", ["ticket": ["priority": "urgent"]])
            #expect(field.status == .unprocessableContent)
            #expect(try await app.endUserA.delete("/api/v2/tickets/\(mine)").status == .forbidden)
        }
    }

    @Test(arguments: TestDatabase.all)
    func endUsersCannotActForOthersOrMoveThemselves(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let forOther = try await app.endUserA.post("/api/v2/tickets", [
                "ticket": ["subject": "x", "comment": ["body": "y"], "requester": ["email": "victim@harbor.example"]]])
            #expect(forOther.status == .forbidden)
            let otherOrg = try await app.endUserA.post("/api/v2/tickets", [
                "ticket": ["subject": "x", "comment": ["body": "y"], "organization_id": 2]])
            #expect(otherOrg.status == .forbidden)
            // No user was created for the refused requester.
            #expect(try await app.agent.get("/api/v2/users/search?query=victim")["count"]?.intValue == 0)
            let move = try await app.endUserA.put("/api/v2/users/\(app.endUserA.id)", ["user": ["organization_id": 2]])
            #expect(move.status == .forbidden)
            let rename = try await app.endUserA.put("/api/v2/users/\(app.endUserA.id)", ["user": ["name": "Rex R."]])
            #expect(rename.status == .ok)
            #expect(rename["user"]?["name"] == "Rex R.")
        }
    }

    @Test(arguments: TestDatabase.all)
    func solvedTicketReopensWhenTheRequesterReplies(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let id = try await app.endUserA.createTicket(["subject": "Remote access", "comment": ["body": "cannot connect"]])
            let solved = try await app.agent.put("/api/v2/tickets/\(id)", ["ticket": ["status": "solved", "comment": ["body": "Sent a guide"]]])
            #expect(solved["ticket"]?["status"] == "solved")
            #expect(solved["ticket"]?["assignee_id"]?.intValue == app.agent.id)   // the solving agent takes it
            let back = try await app.endUserA.put("/api/v2/tickets/\(id)", ["ticket": ["comment": ["body": "Still broken"]]])
            #expect(back["ticket"]?["status"] == "open")
            // Once closed, a ticket is final.
            try await app.agent.put("/api/v2/tickets/\(id)", ["ticket": ["status": "solved"]])
            try await app.agent.put("/api/v2/tickets/\(id)", ["ticket": ["status": "closed"]])
            let refused = try await app.agent.put("/api/v2/tickets/\(id)", ["ticket": ["comment": ["body": "one more"]]])
            #expect(refused.status == .unprocessableContent)
            #expect(refused["error"] == "RecordInvalid")
            // An assigned ticket cannot go back to new.
            let other = try await app.agent.createTicket(["subject": "x", "comment": ["body": "y"], "assignee_id": .int(app.agent.id)])
            let toNew = try await app.agent.put("/api/v2/tickets/\(other)", ["ticket": ["status": "new"]])
            #expect(toNew.status == .unprocessableContent)
            #expect(toNew["details"]?["status"] != nil)
        }
    }

    @Test(arguments: TestDatabase.all)
    func errorsComeInZendeskShapes(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let unauth = try await app.anonymous.get("/api/v2/tickets")
            #expect(unauth.status == .unauthorized)
            #expect(unauth["error"]?.stringValue != nil)
            let badToken = try await Caller(client: app.client, token: "cb_nope").get("/api/v2/tickets")
            #expect(badToken.status == .unauthorized)

            let missing = try await app.agent.get("/api/v2/tickets/424242.json")
            #expect(missing.status == .notFound)
            #expect(missing["error"] == "RecordNotFound")

            let badJSON = try await app.agent.call(.post, "/api/v2/tickets", rawBody: "{\"ticket\": ")
            #expect(badJSON.status == .badRequest)

            let invalid = try await app.agent.post("/api/v2/tickets", [
                "ticket": ["subject": "x", "status": "opne", "priority": "asap", "comment": ["body": "y"]]])
            #expect(invalid.status == .unprocessableContent)
            #expect(invalid["error"] == "RecordInvalid")
            #expect(invalid["details"]?["status"]?.arrayValue?.first?["error"] == "InvalidValue")
            #expect(invalid["details"]?["priority"] != nil)

            let blank = try await app.agent.post("/api/v2/tickets", ["ticket": ["subject": "no description"]])
            #expect(blank.status == .unprocessableContent)
            #expect(blank["details"]?["description"] != nil)

            let huge = String(repeating: "x", count: 1_100_000)
            let tooLarge = try await app.agent.post("/api/v2/tickets", ["ticket": ["subject": "big", "comment": ["body": .string(huge)]]])
            #expect(tooLarge.status == .contentTooLarge)

            let badAssignee = try await app.agent.post("/api/v2/tickets", [
                "ticket": ["subject": "x", "comment": ["body": "y"], "assignee_id": .int(app.endUserA.id)]])
            #expect(badAssignee.status == .unprocessableContent)
            #expect(badAssignee["details"]?["assignee_id"] != nil)
            // Nothing was half-written by the refused requests.
            #expect(try await app.agent.get("/api/v2/tickets")["count"]?.intValue == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func safeUpdateRefusesAStaleWrite(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let id = try await app.agent.createTicket(["subject": "x", "comment": ["body": "y"]])
            let seen = try await app.agent.get("/api/v2/tickets/\(id)")["ticket"]?["updated_at"]?.stringValue ?? ""
            try await Task.sleep(for: .milliseconds(1100))
            try await app.admin.put("/api/v2/tickets/\(id)", ["ticket": ["priority": "urgent"]])
            let stale = try await app.agent.put("/api/v2/tickets/\(id)", [
                "ticket": ["priority": "low", "safe_update": true, "updated_stamp": .string(seen)]])
            #expect(stale.status == .conflict)
            let fresh = try await app.agent.get("/api/v2/tickets/\(id)")["ticket"]
            #expect(fresh?["priority"] == "urgent")
            let ok = try await app.agent.put("/api/v2/tickets/\(id)", [
                "ticket": ["priority": "low", "safe_update": true, "updated_stamp": fresh?["updated_at"] ?? .null]])
            #expect(ok.status == .ok)
        }
    }

    @Test(arguments: TestDatabase.all)
    func idempotencyKeyMakesRetriesSafe(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let body: JSONValue = ["ticket": ["subject": "Refund please", "comment": ["body": "order 1001"]]]
            let key: HTTPFields = [HTTPField.Name("Idempotency-Key")!: "retry-1"]
            let first = try await app.agent.call(.post, "/api/v2/tickets", body, headers: key)
            let second = try await app.agent.call(.post, "/api/v2/tickets", body, headers: key)
            #expect(first.status == .created)
            #expect(second.status == .created)
            #expect(first["ticket"]?["id"] == second["ticket"]?["id"])
            #expect(try await app.agent.get("/api/v2/tickets")["count"]?.intValue == 1)
            let changed = try await app.agent.call(.post, "/api/v2/tickets",
                                                   ["ticket": ["subject": "Other", "comment": ["body": "x"]]], headers: key)
            #expect(changed.status == .unprocessableContent)
        }
    }

    @Test(arguments: TestDatabase.all)
    func tagsEndpointsAddRemoveAndAudit(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let id = try await app.agent.createTicket(["subject": "x", "comment": ["body": "y"], "tags": ["backorder"]])
            let added = try await app.agent.post("/api/v2/tickets/\(id)/tags", ["tags": ["any-colour", "VIP"]])
            #expect(added["tags"] == ["backorder", "any-colour", "vip"])
            let removed = try await app.agent.call(.delete, "/api/v2/tickets/\(id)/tags", ["tags": ["vip"]])
            #expect(removed["tags"] == ["backorder", "any-colour"])
            #expect(try await app.agent.get("/api/v2/tickets/\(id)/tags")["tags"] == ["backorder", "any-colour"])
            let audits = try await app.agent.get("/api/v2/tickets/\(id)/audits")["audits"]?.arrayValue ?? []
            let tagEvents = audits.flatMap { $0["events"]?.arrayValue ?? [] }.filter { $0["type"] == "TagsChange" }
            #expect(tagEvents.count == 2)
            #expect(tagEvents.last?["previous_value"] == ["backorder", "any-colour", "vip"])
        }
    }

    @Test(arguments: TestDatabase.all)
    func collaboratorsAndFollowers(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let id = try await app.agent.createTicket(["subject": "Urgent workflow failure", "priority": "urgent",
                                                       "comment": ["body": "Database jobs stuck"],
                                                       "requester_id": .int(app.endUserA.id)])
            let updated = try await app.agent.put("/api/v2/tickets/\(id)", [
                "ticket": ["additional_collaborators": ["seth@brightbeam.example", .int(app.endUserB.id)],
                           "follower_ids": [.int(app.admin.id)]]])
            #expect(updated.status == .ok)
            let ccs = updated["ticket"]?["collaborator_ids"]?.arrayValue ?? []
            #expect(ccs.count == 2)
            #expect(updated["ticket"]?["follower_ids"] == [.int(app.admin.id)])
            #expect(updated["audit"]?["events"]?.arrayValue?.contains { $0["type"] == "CollaboratorChange" } == true)
            // A CC'd end-user can see the ticket.
            #expect(try await app.endUserB.get("/api/v2/tickets/\(id)").status == .ok)
            let badFollower = try await app.agent.put("/api/v2/tickets/\(id)", ["ticket": ["follower_ids": [.int(app.endUserA.id)]]])
            #expect(badFollower.status == .unprocessableContent)
        }
    }

    @Test(arguments: TestDatabase.all)
    func bulkCreateUpdateShowManyAndDelete(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let tickets: [JSONValue] = (1...3).map { .object(["subject": .string("Bulk \($0)"), "comment": ["body": "b"]]) }
            let job = try await app.agent.post("/api/v2/tickets/create_many", ["tickets": .array(tickets)])
            #expect(job["job_status"]?["status"] == "completed")
            let ids = job["job_status"]?["results"]?.arrayValue?.compactMap { $0["id"]?.intValue } ?? []
            #expect(ids.count == 3)
            let jobID = job["job_status"]?["id"]?.stringValue ?? ""
            #expect(try await app.agent.get("/api/v2/job_statuses/\(jobID).json")["job_status"]?["status"] == "completed")

            let list = ids.map(String.init).joined(separator: ",")
            let updated = try await app.agent.put("/api/v2/tickets/update_many?ids=\(list)", ["ticket": ["status": "open", "priority": "high"]])
            #expect(updated["job_status"]?["results"]?.arrayValue?.count == 3)
            let shown = try await app.agent.get("/api/v2/tickets/show_many.json?ids=\(list)")
            #expect(shown["tickets"]?.arrayValue?.allSatisfy { $0["priority"] == "high" && $0["status"] == "open" } == true)

            // One bad ticket in a bulk update changes nothing at all.
            let bad = try await app.agent.put("/api/v2/tickets/update_many", [
                "tickets": [["id": .int(ids[0]), "priority": "low"], ["id": .int(ids[1]), "status": "nonsense"]]])
            #expect(bad.status == .unprocessableContent)
            #expect(try await app.agent.get("/api/v2/tickets/\(ids[0])")["ticket"]?["priority"] == "high")

            #expect(try await app.agent.delete("/api/v2/tickets/\(ids[2])").status == .forbidden)   // agents don't delete
            #expect(try await app.admin.delete("/api/v2/tickets/\(ids[2])").status == .noContent)
            #expect(try await app.agent.get("/api/v2/tickets/\(ids[2])").status == .notFound)
        }
    }

    @Test(arguments: TestDatabase.all)
    func offsetAndCursorPaginationSeeEveryTicketOnce(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            var created: [Int] = []
            for i in 1...23 { created.append(try await app.agent.createTicket(["subject": .string("T\(i)"), "comment": ["body": "b"]])) }
            var seen: [Int] = []
            var url: String? = "/api/v2/tickets.json?per_page=10"
            while let next = url {
                let page = try await app.agent.get(next.replacingOccurrences(of: "http://localhost", with: ""))
                #expect(page["count"]?.intValue == 23)
                seen += page["tickets"]?.arrayValue?.compactMap { $0["id"]?.intValue } ?? []
                url = page["next_page"]?.stringValue
            }
            #expect(seen == created)
            seen = []
            url = "/api/v2/tickets?page[size]=7"
            while let next = url {
                let page = try await app.agent.get(next.replacingOccurrences(of: "http://localhost", with: ""))
                seen += page["tickets"]?.arrayValue?.compactMap { $0["id"]?.intValue } ?? []
                url = page["meta"]?["has_more"] == true ? page["links"]?["next"]?.stringValue : nil
            }
            #expect(seen == created)
            let tooBig = try await app.agent.get("/api/v2/tickets?per_page=500")
            #expect(tooBig["tickets"]?.arrayValue?.count == 23)   // capped at 100 a page
            #expect(try await app.agent.get("/api/v2/tickets?page=0").status == .badRequest)
        }
    }

    @Test(arguments: TestDatabase.all)
    func incrementalExportFollowsChanges(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let a = try await app.agent.createTicket(["subject": "a", "comment": ["body": "b"]])
            let b = try await app.agent.createTicket(["subject": "b", "comment": ["body": "b"]])
            let first = try await app.agent.get("/api/v2/incremental/tickets/cursor.json?start_time=0")
            #expect(first["tickets"]?.arrayValue?.compactMap { $0["id"]?.intValue } == [a, b])
            #expect(first["end_of_stream"] == true)
            let cursor = first["after_cursor"]?.stringValue ?? ""
            try await app.agent.put("/api/v2/tickets/\(a)", ["ticket": ["priority": "high"]])
            let next = try await app.agent.get("/api/v2/incremental/tickets/cursor?cursor=\(cursor)")
            #expect(next["tickets"]?.arrayValue?.compactMap { $0["id"]?.intValue } == [a])
            #expect(try await app.endUserA.get("/api/v2/incremental/tickets/cursor?start_time=0").status == .forbidden)
        }
    }

    @Test(arguments: TestDatabase.all)
    func rateLimitAnswers429WithRetryAfter(db: TestDatabase) async throws {
        try await TestApp.run(db, rateLimit: 3) { app in
            for _ in 1...3 { #expect(try await app.agent.get("/api/v2/users/me").status == .ok) }
            let limited = try await app.agent.get("/api/v2/users/me")
            #expect(limited.status == .tooManyRequests)
            #expect(Int(limited.headers[HTTPField.Name("Retry-After")!] ?? "") ?? 0 >= 1)
            // Another token has its own allowance.
            #expect(try await app.admin.get("/api/v2/users/me").status == .ok)
        }
    }
}
