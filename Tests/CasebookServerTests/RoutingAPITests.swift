import CasebookCore
import Foundation
import Testing
@testable import CasebookServer

/// Routing end to end through the API: presence, rules, group modes, exclusions (routing never breaks one; a manual
/// assignment needs a lead's recorded override), the waiting queue, sticky owners, repeat contacts, escalation.
@Suite("Routing API")
struct RoutingAPITests {
    @Test(arguments: TestDatabase.all)
    func exclusionKeepsTicketsAwayEvenFromTheOnlyAgentOnline(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let ben = try await app.person("Ben Newcomer", role: .agent)
            let cleo = try await app.person("Cleo Senior", role: .agent)
            let lead = try await app.person("Lara Lead", role: .lead)
            let hardware = try await app.group("Hardware", mode: "least_loaded", members: [ben, cleo])
            try await app.rule("Switches go to hardware", word: "switch", groupID: hardware)
            try await app.setPresence(ben, "online")

            // An agent may not create exclusion rules; a lead may, with a reason.
            let refused = try await app.agent.post("/api/v2/exclusion_rules", ["exclusion_rule": [
                "agent_id": .int(ben.id), "requester_id": .int(app.endUserA.id), "reason": "insulted him"]])
            #expect(refused.status == .forbidden)
            let noReason = try await lead.post("/api/v2/exclusion_rules", ["exclusion_rule": [
                "agent_id": .int(ben.id), "requester_id": .int(app.endUserA.id), "reason": " "]])
            #expect(noReason.status == .unprocessableContent)
            let created = try await lead.post("/api/v2/exclusion_rules", ["exclusion_rule": [
                "agent_id": .int(ben.id), "requester_id": .int(app.endUserA.id), "reason": "Insulted him on the phone"]])
            #expect(created.status == .created, "\(created.text)")
            #expect(created["exclusion_rule"]?["created_by_id"]?.intValue == lead.id)

            // Ben is the only agent online: the customer's ticket waits rather than reaching him.
            let first = try await app.endUserA.createTicket(["subject": "My switch drops packets", "comment": ["body": "Port 3"]])
            #expect(try await app.ticket(first)["assignee_id"] == .null)
            #expect(try await app.ticket(first)["group_id"]?.intValue == hardware)
            let queue = try await app.agent.get("/api/v2/routing/queue")
            #expect(queue["waiting_tickets"]?.arrayValue?.first?["ticket_id"]?.intValue == first)
            #expect(queue["waiting_tickets"]?.arrayValue?.first?["reason"]?.stringValue?.contains("exclu") == true, "\(queue.text)")
            // Another customer's switch ticket does reach Ben.
            let other = try await app.endUserB.createTicket(["subject": "Switch is dead", "comment": ["body": "No lights"]])
            #expect(try await app.ticket(other)["assignee_id"]?.intValue == ben.id)

            // Cleo comes online: the waiting ticket goes to her, never to Ben.
            try await app.setPresence(cleo, "online")
            try await app.runJobs()
            #expect(try await app.ticket(first)["assignee_id"]?.intValue == cleo.id)
            #expect(try await app.notices(first).contains { $0.contains("Assigned to Cleo Senior") })
            #expect(try await app.agent.get("/api/v2/routing/queue")["count"]?.intValue == 0)

            // Manual assignment to Ben: refused for an agent, needs the override for a lead, recorded when given.
            let byAgent = try await app.agent.put("/api/v2/tickets/\(first)", ["ticket": ["assignee_id": .int(ben.id)]])
            #expect(byAgent.status == .unprocessableContent)
            #expect(byAgent.text.contains("Insulted him on the phone"), "\(byAgent.text)")
            let byLead = try await lead.put("/api/v2/tickets/\(first)", ["ticket": ["assignee_id": .int(ben.id)]])
            #expect(byLead.status == .unprocessableContent)
            let overridden = try await lead.put("/api/v2/tickets/\(first)", ["ticket": [
                "assignee_id": .int(ben.id), "override_exclusion": true, "override_reason": "He asked to handle it"]])
            #expect(overridden.status == .ok, "\(overridden.text)")
            #expect(try await app.notices(first).contains { $0.contains("Lara Lead overrode exclusion rule") && $0.contains("He asked to handle it") })
            let decision = try #require(try await lead.get("/api/v2/decisions?kind=exclusion_override&ticket_id=\(first)")["decisions"]?.arrayValue?.first)
            #expect(decision["reason"]?.stringValue == "He asked to handle it" && decision["decided_by_id"]?.intValue == lead.id, "\(decision)")
            #expect(decision["notified_user_ids"]?.arrayValue?.contains(.int(cleo.id)) == true, "the earlier assignee hears of it: \(decision)")
        }
    }

    @Test(arguments: TestDatabase.all)
    func modesCapacityAndStickyOwner(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let ann = try await app.person("Ann A", role: .agent)
            let bob = try await app.person("Bob B", role: .agent)
            let group = try await app.group("Billing", mode: "round_robin", members: [ann, bob])
            try await app.rule("Invoices", word: "invoice", groupID: group)
            try await app.setPresence(ann, "online")
            try await app.setPresence(bob, "online")
            let customers = [try await app.person("Cus One", role: .endUser), try await app.person("Cus Two", role: .endUser),
                             try await app.person("Cus Three", role: .endUser)]
            var assignees: [Int] = []
            for customer in customers {
                let id = try await customer.createTicket(["subject": "Invoice question", "comment": ["body": "Why?"]])
                assignees.append(try await app.ticket(id)["assignee_id"]?.intValue ?? 0)
            }
            // Round robin alternates in member order.
            #expect(assignees[0] != assignees[1] && assignees[0] == assignees[2], "\(assignees)")

            // Sticky owner: the same customer's next ticket goes back to who has their open ticket.
            let again = try await customers[0].createTicket(["subject": "Another invoice", "comment": ["body": "Also"]])
            #expect(try await app.ticket(again)["assignee_id"]?.intValue == assignees[0])

            // Capacity 0 and away: nobody can take it, it waits with the reason.
            for agent in [ann, bob] {
                let set = try await app.admin.put("/api/v2/users/\(agent.id)/routing", ["routing": ["capacity": 0, "skills": ["billing"]]])
                #expect(set.status == .ok, "\(set.text)")
            }
            let stranger = try await app.person("Cus Four", role: .endUser)
            let waiting = try await stranger.createTicket(["subject": "Invoice wrong", "comment": ["body": "?"]])
            #expect(try await app.ticket(waiting)["assignee_id"] == .null)
            #expect(try await app.notices(waiting).contains { $0.contains("Waiting in the queue") })
            // A manual assignment takes it out of the queue.
            _ = try await app.agent.put("/api/v2/tickets/\(waiting)", ["ticket": ["assignee_id": .int(ann.id)]])
            #expect(try await app.agent.get("/api/v2/routing/queue")["count"]?.intValue == 0)

            // Least loaded picks the agent with fewer open tickets.
            _ = try await app.admin.put("/api/v2/groups/\(group)/routing", ["routing": ["mode": "least_loaded"]])
            for agent in [ann, bob] { _ = try await app.admin.put("/api/v2/users/\(agent.id)/routing", ["routing": ["capacity": .null]]) }
            let loads = try await app.agent.get("/api/v2/presence")
            let open = Dictionary(uniqueKeysWithValues: (loads["agent_presences"]?.arrayValue ?? []).compactMap { p in
                p["user_id"]?.intValue.map { ($0, p["open_tickets"]?.intValue ?? 0) } })
            let lighter = (open[ann.id] ?? 0) <= (open[bob.id] ?? 0) ? ann.id : bob.id
            let fifth = try await app.person("Cus Five", role: .endUser)
            let next = try await fifth.createTicket(["subject": "Invoice copy", "comment": ["body": "Please"]])
            #expect(try await app.ticket(next)["assignee_id"]?.intValue == lighter, "\(open)")
        }
    }

    @Test(arguments: TestDatabase.all)
    func rulesAreValidatedAndOnlyAdminsManageThem(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let bad = try await app.admin.post("/api/v2/routing_rules", ["routing_rule": [
                "title": "Broken", "conditions": [["field": "colour", "operator": "is", "value": "pink"]], "actions": ["priority": "urgent"]]])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.text.contains("colour"), "\(bad.text)")
            let noGroup = try await app.admin.post("/api/v2/routing_rules", ["routing_rule": [
                "title": "Ghost", "conditions": [["field": "priority", "operator": "is", "value": "high"]], "actions": ["group_id": 9999]]])
            #expect(noGroup.status == .unprocessableContent)
            let byAgent = try await app.agent.post("/api/v2/routing_rules", ["routing_rule": ["title": "x"]])
            #expect(byAgent.status == .forbidden)
            let good = try await app.admin.post("/api/v2/routing_rules", ["routing_rule": [
                "title": "Urgent calls", "conditions": [["field": "channel", "operator": "is", "value": "voice"]],
                "actions": ["priority": "urgent", "add_tags": ["phone"]]]])
            #expect(good.status == .created, "\(good.text)")
            let id = try #require(good["routing_rule"]?["id"]?.intValue)
            let updated = try await app.admin.put("/api/v2/routing_rules/\(id)", ["routing_rule": ["active": false]])
            #expect(updated["routing_rule"]?["active"] == .bool(false))
            #expect(try await app.agent.get("/api/v2/routing_rules")["count"]?.intValue == 1)
            #expect(try await app.admin.delete("/api/v2/routing_rules/\(id)").status == .noContent)
            #expect(try await app.admin.get("/api/v2/routing_rules/\(id)").status == .notFound)
            // A rule's priority and tags apply to a new ticket.
            _ = try await app.admin.post("/api/v2/routing_rules", ["routing_rule": [
                "title": "Outage words", "conditions": [["field": "subject", "operator": "contains_words", "value": "outage down"]],
                "actions": ["priority": "urgent", "add_tags": ["outage"]]]])
            let ticket = try await app.endUserA.createTicket(["subject": "Everything is down", "comment": ["body": "!"]])
            let t = try await app.ticket(ticket)
            #expect(t["priority"]?.stringValue == "urgent")
            #expect(t["tags"]?.arrayValue?.contains(.string("outage")) == true)
        }
    }

    @Test(arguments: TestDatabase.all)
    func repeatContactsShowEarlierRepliesAndDecisions(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let second = try await app.person("Second Agent", role: .agent)
            let first = try await app.endUserA.createTicket(["subject": "Network switch port 3 faulty", "comment": ["body": "It drops."]])
            _ = try await app.agent.put("/api/v2/tickets/\(first)", ["ticket": [
                "comment": ["body": "Please run the cable test first.", "public": true], "status": "pending"]])
            let two = try await app.endUserA.createTicket(["subject": "Switch port 3 still faulty", "comment": ["body": "Again."]])
            _ = try await second.put("/api/v2/tickets/\(two)", ["ticket": ["comment": ["body": "We cannot replace it before more troubleshooting.", "public": true]]])
            let escalated = try await second.post("/api/v2/tickets/\(two)/escalations", ["escalation": [
                "user_id": .int(app.admin.id), "reason": "Customer asks for an advance replacement"]])
            #expect(escalated.status == .ok, "\(escalated.text)")
            let third = try await app.endUserA.createTicket(["subject": "Faulty switch, third time", "comment": ["body": "I am 2.5 hours away."]])

            let history = try await app.agent.get("/api/v2/tickets/\(third)/repeat_contacts")
            #expect(history["summary"]?.stringValue?.contains("3 times") == true, "\(history.text)")
            let earlier = history["repeat_contacts"]?.arrayValue ?? []
            #expect(earlier.map { $0["ticket_id"]?.intValue } == [first, two])
            #expect(earlier.first?["last_public_reply"]?["body"]?.stringValue == "Please run the cable test first.")
            #expect(earlier.last?["last_public_reply"]?["author"]?.stringValue == "Second Agent")
            #expect(earlier.last?["decisions"]?.arrayValue?.contains { $0.stringValue?.contains("advance replacement") == true } == true)
            #expect(try await app.notices(third).contains { $0.contains("Repeat contact") })
            // A different customer with the same words is not a repeat.
            let b = try await app.endUserB.createTicket(["subject": "Network switch port 3 faulty", "comment": ["body": "x"]])
            #expect(try await app.agent.get("/api/v2/tickets/\(b)/repeat_contacts")["repeat_contacts"]?.arrayValue?.isEmpty == true)
            // Customers cannot read it.
            #expect(try await app.endUserA.get("/api/v2/tickets/\(third)/repeat_contacts").status == .forbidden)
        }
    }

    @Test(arguments: TestDatabase.all)
    func escalationMovesTheTicketKeepsThePreviousAssigneeAndTellsTheTarget(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let specialist = try await app.person("Sam Specialist", role: .agent)
            let team = try await app.group("Workflows & Database", mode: "manual", members: [specialist])
            let id = try await app.endUserA.createTicket(["subject": "Workflow stuck", "comment": ["body": "Help"]])
            _ = try await app.agent.put("/api/v2/tickets/\(id)", ["ticket": ["assignee_id": .int(app.agent.id)]])
            let blank = try await app.agent.post("/api/v2/tickets/\(id)/escalations", ["escalation": ["group_id": .int(team), "reason": ""]])
            #expect(blank.status == .unprocessableContent)
            let toAgent = try await app.agent.post("/api/v2/tickets/\(id)/escalations", ["escalation": ["user_id": .int(specialist.id), "reason": "x"]])
            #expect(toAgent.status == .unprocessableContent, "escalating to a plain agent is not to a lead or manager")
            let done = try await app.agent.post("/api/v2/tickets/\(id)/escalations", ["escalation": [
                "group_id": .int(team), "reason": "Needs the database team"]])
            #expect(done.status == .ok, "\(done.text)")
            let t = try await app.ticket(id)
            #expect(t["group_id"]?.intValue == team)
            #expect(t["assignee_id"] == .null)
            #expect(t["follower_ids"]?.arrayValue?.contains(.int(app.agent.id)) == true)
            #expect(try await app.notices(id).contains { $0.contains("escalated this to the Workflows & Database group: Needs the database team") })
            let mail = try await app.outboxKinds(ticketID: id)
            #expect(mail.contains { $0.kind == "escalation" && $0.to.contains("sam.specialist@") }, "\(mail)")
            #expect(try await app.endUserA.post("/api/v2/tickets/\(id)/escalations", ["escalation": ["group_id": .int(team), "reason": "x"]]).status == .forbidden)
        }
    }

    @Test(arguments: TestDatabase.all)
    func presenceIdleAwayAndBoard(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            try await app.setPresence(app.agent, "away", note: "Phone +49 30 1234")
            let past = try await app.agent.put("/api/v2/presence/me", ["agent_presence": ["status": "away", "back_at": "2001-01-01T00:00:00Z"]])
            #expect(past.status == .unprocessableContent)
            let bad = try await app.agent.put("/api/v2/presence/me", ["agent_presence": ["status": "sleeping"]])
            #expect(bad.status == .unprocessableContent)
            try await app.setPresence(app.agent, "online")
            var me = try await app.agent.get("/api/v2/presence/me")
            #expect(me["agent_presence"]?["effective_status"]?.stringValue == "online")
            // Idle past the limit (15 minutes by default): away, by the job.
            app.clock.advance(minutes: 20)
            me = try await app.agent.get("/api/v2/presence/me")
            #expect(me["agent_presence"]?["effective_status"]?.stringValue == "away")
            try await app.runJobs()
            me = try await app.agent.get("/api/v2/presence/me")
            #expect(me["agent_presence"]?["status"]?.stringValue == "away")
            let board = try await app.agent.get("/api/v2/presence")
            #expect(board["agent_presences"]?.arrayValue?.contains { $0["user_id"]?.intValue == app.agent.id && $0["reachable"] == .bool(false) } == true)
            #expect(try await app.endUserA.get("/api/v2/presence").status == .forbidden)
        }
    }
}
