import CasebookCore
import Foundation
import Testing
@testable import CasebookServer

extension TestApp {
    /// A new person with an API token.
    func person(_ name: String, role: Role) async throws -> Caller {
        let email = name.lowercased().replacingOccurrences(of: " ", with: ".") + (role.isStaff ? "@brightbeam.example" : "@customer.example")
        let credentials = try await Accounts.create(database: database, email: email, name: name, role: role,
                                                    password: "correct horse battery", bcryptCost: 4)
        return Caller(client: client, token: credentials.token, id: credentials.userID)
    }

    /// A group with these members and routing mode, made through the API.
    func group(_ name: String, mode: String, members: [Caller]) async throws -> Int {
        let created = try await admin.post("/api/v2/groups", ["group": ["name": .string(name)]])
        let id = try #require(created["group"]?["id"]?.intValue, "\(created.text)")
        for member in members {
            let added = try await admin.post("/api/v2/group_memberships", ["group_membership": ["user_id": .int(member.id), "group_id": .int(id)]])
            #expect(added.status == .created, "\(added.text)")
        }
        let set = try await admin.put("/api/v2/groups/\(id)/routing", ["routing": ["mode": .string(mode)]])
        #expect(set.status == .ok, "\(set.text)")
        return id
    }

    func setPresence(_ caller: Caller, _ status: String, note: String = "") async throws {
        let answer = try await caller.put("/api/v2/presence/me", ["agent_presence": ["status": .string(status), "note": .string(note)]])
        #expect(answer.status == .ok, "\(answer.text)")
    }

    /// A routing rule sending tickets whose subject has `word` to `groupID`.
    func rule(_ title: String, word: String, groupID: Int, skills: [String] = []) async throws {
        let answer = try await admin.post("/api/v2/routing_rules", ["routing_rule": [
            "title": .string(title),
            "conditions": [["field": "subject", "operator": "contains_words", "value": .string(word)]],
            "actions": ["group_id": .int(groupID), "skills": JSONValue(skills)],
        ]])
        #expect(answer.status == .created, "\(answer.text)")
    }

    /// Runs every background job that is due now (on the test clock), recurring ones included.
    @discardableResult
    func runJobs() async throws -> Int {
        let runner = try services.jobRunner()
        try await runner.scheduleRecurring()
        return try await runner.runDue(limit: 50)
    }

    func ticket(_ id: Int) async throws -> JSONValue {
        try await admin.get("/api/v2/tickets/\(id)").json["ticket"] ?? .null
    }

    /// The texts of the ticket's notice events, in order.
    func notices(_ id: Int) async throws -> [String] {
        let audits = try await admin.get("/api/v2/tickets/\(id)/audits").json["audits"]?.arrayValue ?? []
        return audits.flatMap { $0["events"]?.arrayValue ?? [] }.filter { $0["type"]?.stringValue == "Notice" }
            .compactMap { $0["value"]?.stringValue }
    }

    func outboxKinds(ticketID: Int) async throws -> [(kind: String, to: String)] {
        try await database.read { db in
            try await db.raw("SELECT kind, recipients FROM outbox WHERE ticket_id = \(bind: ticketID) ORDER BY id").all().map {
                (try $0.decode(column: "kind", as: String.self), try $0.decode(column: "recipients", as: String?.self) ?? "")
            }
        }
    }
}
