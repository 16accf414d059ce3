import CasebookCore
import Foundation
import Testing
@testable import CasebookServer

/// Conduct records through the API: the admins' policy, flagging with each kind of outcome, who hears of it, the
/// handover, and that a customer learns nothing of it.
@Suite("Conduct API")
struct ConductAPITests {
    /// An outcome made by the admin, expecting 201.
    static func outcome(_ app: TestApp, _ label: String, action: String, sourceLocation: SourceLocation = #_sourceLocation) async throws -> Int {
        let made = try await app.admin.post("/api/v2/conduct_outcomes", ["conduct_outcome": [
            "label": .string(label), "action": .string(action), "description": "Per the conduct policy, section 2"]])
        #expect(made.status == .created, "\(made.text)", sourceLocation: sourceLocation)
        return try #require(made["conduct_outcome"]?["id"]?.intValue, sourceLocation: sourceLocation)
    }

    /// The ticket's comments as the API lists them to staff.
    static func comments(_ app: TestApp, _ ticket: Int) async throws -> [JSONValue] {
        try await app.admin.get("/api/v2/tickets/\(ticket)/comments")["comments"]?.arrayValue ?? []
    }

    static func count(_ app: TestApp, _ table: String) async throws -> Int {
        try await app.database.read { db in
            try await db.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first()!.decode(column: "n", as: Int.self)
        }
    }

    @Test(arguments: TestDatabase.all)
    func adminsWriteThePolicyAgentsChooseFromIt(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let id = try await Self.outcome(app, "Keep away from the agent", action: "exclusion")
            let byAgent = try await app.agent.post("/api/v2/conduct_outcomes", ["conduct_outcome": ["label": "Mine", "action": "warning_sent"]])
            #expect(byAgent.status == .forbidden)
            #expect(try await app.agent.put("/api/v2/conduct_outcomes/\(id)", ["conduct_outcome": ["active": false]]).status == .forbidden)
            #expect(try await app.endUserA.get("/api/v2/conduct_outcomes").status == .forbidden)

            let bad = try await app.admin.post("/api/v2/conduct_outcomes", ["conduct_outcome": ["label": " ", "action": "ban_forever"]])
            #expect(bad.status == .unprocessableContent)
            #expect(bad["details"]?["label"] != nil && bad["details"]?["action"] != nil, "\(bad.text)")
            let same = try await app.admin.post("/api/v2/conduct_outcomes", ["conduct_outcome": ["label": "KEEP AWAY FROM THE AGENT", "action": "exclusion"]])
            #expect(same.status == .unprocessableContent, "labels are unique whatever their case")
            #expect(same["details"]?["label"]?.arrayValue?.first?["error"]?.stringValue == "DuplicateValue")

            _ = try await Self.outcome(app, "Warning sent", action: "warning_sent")
            let listed = try await app.agent.get("/api/v2/conduct_outcomes")
            #expect(listed.status == .ok)
            #expect(listed["conduct_outcomes"]?.arrayValue?.map { $0["label"]?.stringValue } == ["Keep away from the agent", "Warning sent"])
            #expect(listed["conduct_outcomes"]?.arrayValue?.first?["action_text"]?.stringValue == "exclusion rule for the affected agent")

            let off = try await app.admin.put("/api/v2/conduct_outcomes/\(id)", ["conduct_outcome": ["active": false]])
            #expect(off.status == .ok, "\(off.text)")
            #expect(off["conduct_outcome"]?["action"]?.stringValue == "exclusion", "a change leaves the rest as it was")
            let active = try await app.agent.get("/api/v2/conduct_outcomes?active=true")
            #expect(active["conduct_outcomes"]?.arrayValue?.map { $0["label"]?.stringValue } == ["Warning sent"])
            #expect(try await app.admin.put("/api/v2/conduct_outcomes/999999", ["conduct_outcome": ["active": true]]).status == .notFound)
        }
    }

    @Test(arguments: TestDatabase.all)
    func anExclusionOutcomeKeepsTheCustomerFromTheAgentAndTellsTheLead(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let ben = try await app.person("Ben Newcomer", role: .agent)
            let lara = try await app.person("Lara Lead", role: .lead)
            _ = try await app.person("Otto Otherlead", role: .lead)
            let group = try await app.group("Hardware", mode: "manual", members: [ben, lara])
            let keepAway = try await Self.outcome(app, "Keep away", action: "exclusion")
            let ticket = try await app.agent.createTicket(["subject": "Switch dead", "comment": ["body": "Please help"],
                                                           "requester_id": .int(app.endUserA.id), "group_id": .int(group),
                                                           "assignee_id": .int(ben.id)])
            _ = try await app.endUserA.put("/api/v2/tickets/\(ticket)", ["ticket": ["comment": ["body": "I know where you live, Ben."]]])
            let threat = try #require(try await Self.comments(app, ticket).last?["id"]?.intValue)

            let flagged = try await ben.post("/api/v2/conduct_records", ["conduct_record": [
                "ticket_id": .int(ticket), "kind": "threat", "comment_id": .int(threat), "outcome_id": .int(keepAway),
                "note": "Said it twice on the phone too"]])
            #expect(flagged.status == .created, "\(flagged.text)")
            let record = try #require(flagged["conduct_record"]?.objectValue)
            let recordID = try #require(record["id"]?.intValue)
            #expect(record["affected_agent_id"]?.intValue == ben.id, "the assignee by default")
            #expect(record["customer_id"]?.intValue == app.endUserA.id)
            #expect(record["outcome"]?["action"]?.stringValue == "exclusion")
            let ruleID = try #require(record["exclusion_rule_id"]?.intValue, "\(flagged.text)")
            let rules = try await app.admin.get("/api/v2/exclusion_rules")
            let rule = rules["exclusion_rules"]?.arrayValue?.first { $0["id"]?.intValue == ruleID }
            #expect(rule?["agent_id"]?.intValue == ben.id, "\(rules.text)")
            #expect(rule?["reason"]?.stringValue == "Conduct record #\(recordID): threat")
            #expect(try await app.notices(ticket).contains { $0.contains("flagged conduct record #\(recordID): threat by Rex towards Ben Newcomer") })

            // The lead of the ticket's group hears of it, by notification and by mail; a lead elsewhere does not.
            let laraNotes = try await lara.get("/api/v2/notifications")["notifications"]?.arrayValue ?? []
            #expect(laraNotes.contains { $0["kind"]?.stringValue == "conduct" && $0["ticket_id"]?.intValue == ticket })
            let mail = try await app.outboxKinds(ticketID: ticket)
            #expect(mail.contains { $0.kind == "conduct" && $0.to.contains("lara.lead@") }, "\(mail)")
            #expect(!mail.contains { $0.kind == "conduct" && $0.to.contains("otto.otherlead@") }, "\(mail)")

            // Later, an agent cannot hand that customer's next ticket to Ben.
            let next = try await app.endUserA.createTicket(["subject": "Another switch", "comment": ["body": "Again"]])
            let refused = try await app.agent.put("/api/v2/tickets/\(next)", ["ticket": ["assignee_id": .int(ben.id)]])
            #expect(refused.status == .unprocessableContent)
            #expect(refused["details"]?["assignee_id"]?.arrayValue?.first?["error"]?.stringValue == "ExclusionRule", "\(refused.text)")

            // Staff read it, by customer or ticket, with Zendesk's paging; the customer gets 403 everywhere.
            let list = try await app.agent.get("/api/v2/conduct_records?customer_id=\(app.endUserA.id)")
            #expect(list["conduct_records"]?.arrayValue?.map { $0["id"]?.intValue } == [recordID])
            #expect(list["count"]?.intValue == 1)
            #expect(try await app.agent.get("/api/v2/conduct_records?customer_id=\(app.endUserB.id)")["count"]?.intValue == 0)
            let cursor = try await app.agent.get("/api/v2/conduct_records?ticket_id=\(ticket)&page[size]=1")
            #expect(cursor["meta"]?["has_more"] == .bool(false), "\(cursor.text)")
            #expect(try await app.agent.get("/api/v2/conduct_records/\(recordID)")["conduct_record"]?["note"]?.stringValue == "Said it twice on the phone too")
            #expect(try await app.agent.get("/api/v2/conduct_records/999999").status == .notFound)
            for path in ["/api/v2/conduct_records", "/api/v2/conduct_records/\(recordID)", "/api/v2/conduct_records?customer_id=\(app.endUserA.id)"] {
                let answer = try await app.endUserA.get(path)
                #expect(answer.status == .forbidden, "\(path)")
                #expect(!answer.text.contains("twice on the phone"))
            }
            #expect(try await app.endUserA.post("/api/v2/conduct_records", ["conduct_record": ["ticket_id": .int(ticket), "kind": "insult",
                                                                                               "note": "x", "outcome_id": .int(keepAway)]]).status == .forbidden)
            #expect(try await app.endUserA.post("/api/v2/conduct_records/\(recordID)/handover", ["handover": ["note": "x"]]).status == .forbidden)
            let history = try await app.endUserA.get("/api/v2/tickets/\(ticket)/audits")
            #expect(history.status == .ok)
            #expect(!history.text.contains("onduct record") && !history.text.contains("twice on the phone"), "the ticket's history keeps it from the customer")

            // Flagging again for the same agent reuses the rule in place.
            let again = try await ben.post("/api/v2/conduct_records", ["conduct_record": [
                "ticket_id": .int(ticket), "kind": "insult", "note": "Called me names", "outcome_id": .int(keepAway)]])
            #expect(again["conduct_record"]?["exclusion_rule_id"]?.intValue == ruleID, "\(again.text)")
            #expect(try await Self.count(app, "exclusion_rules") == 1)
        }
    }

    @Test(arguments: TestDatabase.all)
    func emailOnlyMarksTheCustomerAndOtherOutcomesChangeNothingElse(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let emailOnly = try await Self.outcome(app, "Email only from now on", action: "email_only")
            let ended = try await Self.outcome(app, "Call ended", action: "interaction_ended")
            let ticket = try await app.agent.createTicket(["subject": "Billing", "comment": ["body": "Hello"],
                                                           "requester_id": .int(app.endUserA.id)])
            let plain = try await app.agent.post("/api/v2/conduct_records", ["conduct_record": [
                "ticket_id": .int(ticket), "kind": "insult", "note": "Shouted on the phone", "outcome_id": .int(ended)]])
            #expect(plain.status == .created, "\(plain.text)")
            #expect(plain["conduct_record"]?["affected_agent_id"]?.intValue == app.agent.id, "no assignee: the agent who flags it")
            #expect(plain["conduct_record"]?["exclusion_rule_id"] == .null)
            func mark() async throws -> String {
                try await app.database.read { db in try await ConductStore(db: db).contactOnlyBy(userID: app.endUserA.id) }
            }
            #expect(try await mark() == "")
            let marked = try await app.agent.post("/api/v2/conduct_records", ["conduct_record": [
                "ticket_id": .int(ticket), "kind": "harassment", "note": "Fourth call today", "outcome_id": .int(emailOnly)]])
            #expect(marked.status == .created, "\(marked.text)")
            #expect(try await mark() == "email")
            #expect(try await Self.count(app, "exclusion_rules") == 0)
            // No lead in the ticket's group (it has none) and no lead at all: nobody to notify, and that is no error.
            #expect(try await Self.count(app, "notifications") == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func badEvidenceOrOutcomeIsRefusedAndNothingIsWritten(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            _ = try await app.person("Lara Lead", role: .lead)
            let keepAway = try await Self.outcome(app, "Keep away", action: "exclusion")
            let emailOnly = try await Self.outcome(app, "Email only", action: "email_only")
            let ticket = try await app.agent.createTicket(["subject": "One", "comment": ["body": "first"], "requester_id": .int(app.endUserA.id),
                                                           "assignee_id": .int(app.agent.id)])
            let other = try await app.agent.createTicket(["subject": "Two", "comment": ["body": "elsewhere"], "requester_id": .int(app.endUserB.id)])
            let foreign = try #require(try await Self.comments(app, other).first?["id"]?.intValue)
            let auditsBefore = try await Self.count(app, "audits")

            let wrongTicket = try await app.agent.post("/api/v2/conduct_records", ["conduct_record": [
                "ticket_id": .int(ticket), "kind": "threat", "comment_id": .int(foreign), "outcome_id": .int(keepAway)]])
            #expect(wrongTicket.status == .unprocessableContent)
            #expect(wrongTicket["details"]?["comment_id"]?.arrayValue?.first?["description"]?.stringValue?.contains("not on ticket #\(ticket)") == true, "\(wrongTicket.text)")
            let noEvidence = try await app.agent.post("/api/v2/conduct_records", ["conduct_record": [
                "ticket_id": .int(ticket), "kind": "threat", "note": "  ", "outcome_id": .int(emailOnly)]])
            #expect(noEvidence["details"]?["comment_id"] != nil, "\(noEvidence.text)")
            _ = try await app.admin.put("/api/v2/conduct_outcomes/\(emailOnly)", ["conduct_outcome": ["active": false]])
            let withdrawn = try await app.agent.post("/api/v2/conduct_records", ["conduct_record": [
                "ticket_id": .int(ticket), "kind": "threat", "note": "x", "outcome_id": .int(emailOnly)]])
            #expect(withdrawn["details"]?["outcome_id"] != nil, "\(withdrawn.text)")
            let everything = try await app.agent.post("/api/v2/conduct_records", ["conduct_record": [
                "ticket_id": .int(ticket), "kind": "rudeness", "affected_agent_id": .int(app.endUserB.id)]])
            #expect(Set(everything["details"]?.objectValue?.keys ?? []) == ["kind", "outcome_id", "comment_id", "affected_agent_id"], "\(everything.text)")
            #expect(try await app.agent.post("/api/v2/conduct_records", ["conduct_record": ["kind": "threat"]]).status == .unprocessableContent)
            #expect(try await app.agent.post("/api/v2/conduct_records", ["conduct_record": [
                "ticket_id": 999999, "kind": "threat", "note": "x", "outcome_id": .int(keepAway)]]).status == .notFound)

            for table in ["conduct_records", "exclusion_rules", "notifications"] {
                #expect(try await Self.count(app, table) == 0, "\(table)")
            }
            #expect(try await Self.count(app, "audits") == auditsBefore)
            #expect(try await app.database.read { db in try await ConductStore(db: db).contactOnlyBy(userID: app.endUserA.id) } == "")
        }
    }

    @Test(arguments: TestDatabase.all)
    func theFlaggingAgentHandsTheTicketOverAndRoutingSkipsThem(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let ben = try await app.person("Ben Newcomer", role: .agent)
            let cara = try await app.person("Cara Colleague", role: .agent)
            let group = try await app.group("Hardware", mode: "least_loaded", members: [ben, cara])
            let keepAway = try await Self.outcome(app, "Keep away", action: "exclusion")
            let ticket = try await app.agent.createTicket(["subject": "Router", "comment": ["body": "Help"],
                                                           "requester_id": .int(app.endUserA.id), "group_id": .int(group),
                                                           "assignee_id": .int(ben.id)])
            let flagged = try await ben.post("/api/v2/conduct_records", ["conduct_record": [
                "ticket_id": .int(ticket), "kind": "harassment", "note": "Personal remarks on every call", "outcome_id": .int(keepAway)]])
            let recordID = try #require(flagged["conduct_record"]?["id"]?.intValue, "\(flagged.text)")
            try await app.setPresence(ben, "online")
            try await app.setPresence(cara, "online")

            // Another agent, neither flagger nor assignee, may not.
            let other = try await app.agent.post("/api/v2/conduct_records/\(recordID)/handover", ["handover": ["note": "x"]])
            #expect(other.status == .forbidden, "\(other.text)")

            let handed = try await ben.post("/api/v2/conduct_records/\(recordID)/handover", ["handover": [
                "note": "Tried a factory reset; promised a call back Friday"]])
            #expect(handed.status == .ok, "\(handed.text)")
            var t = try await app.ticket(ticket)
            #expect(t["assignee_id"] == .null)
            #expect(t["group_id"]?.intValue == group, "the group stays, so routing picks someone from it")
            let last = try await Self.comments(app, ticket).last
            #expect(last?["body"]?.stringValue == "Tried a factory reset; promised a call back Friday")
            #expect(last?["public"] == .bool(false), "the summary is an internal note")
            #expect(try await app.notices(ticket).contains { $0.contains("handed this ticket over after conduct record #\(recordID)") })
            #expect(try await app.endUserA.get("/api/v2/tickets/\(ticket)/comments").text.contains("factory reset") == false)
            #expect(try await app.endUserA.get("/api/v2/tickets/\(ticket)/audits").text.contains("handed this ticket over") == false)

            try await app.runJobs()
            t = try await app.ticket(ticket)
            #expect(t["assignee_id"]?.intValue == cara.id, "the exclusion rule keeps Ben out: \(t)")
            #expect(try await app.agent.post("/api/v2/conduct_records/999999/handover", ["handover": ["note": "x"]]).status == .notFound)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aHandoverWhileNotesAreOwedNeedsTheSummary(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let warned = try await Self.outcome(app, "Warning sent", action: "warning_sent")
            let ticket = try await app.agent.createTicket(["subject": "Phone", "comment": ["body": "Help"],
                                                           "requester_id": .int(app.endUserA.id), "assignee_id": .int(app.agent.id)])
            // A call logged without its summary leaves the case notes owed.
            let call = try await app.agent.put("/api/v2/tickets/\(ticket)", ["ticket": ["comment": [
                "public": false,
                "call": ["direction": "inbound", "from": "+1 555 0100", "to": "support", "duration": 300, "summary_pending": true]]]])
            #expect(call.status == .ok, "\(call.text)")
            let callID = try #require(try await Self.comments(app, ticket).last?["id"]?.intValue)
            let flagged = try await app.agent.post("/api/v2/conduct_records", ["conduct_record": [
                "ticket_id": .int(ticket), "kind": "threat", "comment_id": .int(callID), "outcome_id": .int(warned)]])
            let recordID = try #require(flagged["conduct_record"]?["id"]?.intValue, "\(flagged.text)")
            #expect(try await app.database.read { db in try await TicketStore(db: db).notesOwedSince(ticketID: ticket) } != nil)
            let bare = try await app.agent.post("/api/v2/conduct_records/\(recordID)/handover", .null)
            #expect(bare.status == .unprocessableContent, "\(bare.text)")
            #expect(bare["details"]?["note"]?.arrayValue?.first?["error"]?.stringValue == "CaseNotes")
            #expect(try await app.ticket(ticket)["assignee_id"]?.intValue == app.agent.id, "nothing changed")
            let done = try await app.agent.post("/api/v2/conduct_records/\(recordID)/handover", ["handover": ["note": "He threatened to sue; nothing promised"]])
            #expect(done.status == .ok, "\(done.text)")
            #expect(try await app.ticket(ticket)["assignee_id"] == .null)
            #expect(try await app.database.read { db in try await TicketStore(db: db).notesOwedSince(ticketID: ticket) } == nil,
                    "the summary settles the notes")
        }
    }
}
