import CasebookCore
import Foundation
import Logging
import HummingbirdBcrypt
import SQLKit

/// Loads the demo stories. Records are matched by natural key (organization and group name, user email,
/// ticket external_id), so loading twice adds nothing the second time.
public enum DemoLoader {
    public struct Summary: Sendable, Equatable {
        public var organizations = 0, users = 0, groups = 0, tickets = 0
        /// The password every demo person added this time signs in with (nil when no one was added).
        public var password: String?
    }

    /// Loads the stories; the people added get one shared, freshly generated password so the workspace and the
    /// portal can be tried as any of them.
    @discardableResult
    public static func load(into database: Database, now: Date = Date(), bcryptCost: UInt8 = 10) async throws -> Summary {
        let password = APITokens.generatePassword()
        let hash = try await SignInService.offload { Bcrypt.hash(password, cost: bcryptCost) }
        var summary = try await load(DemoData.stories, into: database, now: now, passwordHash: hash)
        try await DemoRouting.load(into: database)
        try await DemoOrders.load(into: database)
        try await DemoHardware.load(into: database)
        try await DemoConduct.load(into: database)
        try await DemoKnowledgeBase.load(into: database)
        try await DemoSatisfaction.load(into: database)
        // The reports read per-ticket facts; the demo's tickets have them from the start (the loaders above also
        // write at the wall clock's time, and nothing else writes while the demo loads).
        let millis = max(Timestamp.millis(now), Timestamp.now)
        try await ReportRefresh.run(database, upTo: millis, now: millis)
        if summary.users > 0 { summary.password = password }
        return summary
    }

    static func load(_ data: DemoData, into database: Database, now: Date, passwordHash: String? = nil) async throws -> Summary {
        try await database.write { db in
            var summary = Summary()
            let orgs = OrganizationStore(db: db)
            var orgIDs: [String: Int] = [:]
            for org in data.organizations {
                if let existing = try await orgs.find(name: org.name) {
                    orgIDs[org.name] = existing.id
                } else {
                    orgIDs[org.name] = try await orgs.insert(name: org.name, externalID: nil, details: "", notes: org.notes,
                                                             sharedTickets: org.sharedTickets, domains: org.domains)
                    summary.organizations += 1
                }
            }
            let users = UserStore(db: db)
            var people: [String: UserRecord] = [:]
            for user in data.users {
                let email = user.email.lowercased()
                if let existing = try await users.find(email: email) {
                    people[email] = existing
                    continue
                }
                let role = Role(rawValue: user.role) ?? .endUser
                let id = try await users.insert(name: user.name, email: email, role: role, phone: user.phone,
                                                organizationID: user.organization.flatMap { orgIDs[$0] },
                                                timeZone: user.timeZone, externalID: nil, notes: user.notes,
                                                passwordHash: passwordHash)
                people[email] = try await users.find(id: id)
                summary.users += 1
            }
            let groups = GroupStore(db: db)
            var groupIDs: [String: Int] = [:]
            for group in data.groups {
                let id: Int
                if let existing = try await groups.find(name: group.name) { id = existing.id } else {
                    id = try await groups.insert(name: group.name, description: group.description)
                    summary.groups += 1
                }
                groupIDs[group.name] = id
                for member in group.members {
                    if let user = people[member.lowercased()] { _ = try await groups.addMember(userID: user.id, groupID: id) }
                }
            }
            let admin = try await db.raw("SELECT id FROM users WHERE role = 'admin' ORDER BY id LIMIT 1").first()?
                .decode(column: "id", as: Int.self)
            for ticket in data.tickets {
                let exists = try await db.raw("SELECT id FROM tickets WHERE external_id = \(bind: ticket.externalID)").first()
                if exists != nil { continue }
                try await loadTicket(ticket, db: db, people: people, groupIDs: groupIDs, fallbackAdmin: admin, now: now)
                summary.tickets += 1
            }
            return summary
        }
    }

    struct DemoError: Error, CustomStringConvertible { var description: String }

    static func loadTicket(_ demo: DemoTicket, db: any SQLDatabase, people: [String: UserRecord], groupIDs: [String: Int],
                           fallbackAdmin: Int?, now: Date) async throws {
        func person(_ email: String) throws -> UserRecord {
            guard let user = people[email.lowercased()] else { throw DemoError(description: "demo data names unknown \(email)") }
            return user
        }
        let store = TicketStore(db: db)
        let start = now.addingTimeInterval(-demo.daysAgo * 86_400)
        func at(_ minutes: Int) -> Int64 { Timestamp.millis(min(now, start.addingTimeInterval(Double(minutes) * 60))) }
        let requester = try person(demo.requester)
        guard let first = demo.comments.first else { throw DemoError(description: "\(demo.externalID) has no comments") }
        let via = ViaChannel(rawValue: demo.via) ?? .email
        var fields = TicketSnapshot(externalID: demo.externalID, type: TicketType(rawValue: demo.type), subject: demo.subject,
                                    priority: TicketPriority(rawValue: demo.priority), requesterID: requester.id,
                                    submitterID: requester.id, organizationID: requester.organizationID, tags: demo.tags)
        fields.ccIDs = []
        let opening = try CommentDraft(authorID: requester.id, isPublic: true, body: first.body, htmlBody: nil)
        let (created, createEvents) = try TicketRules.create(fields, status: nil, comment: opening,
                                                             by: Actor(id: requester.id, role: requester.role))
        let id = try await store.insert(created, description: opening.body, via: via, at: at(first.minutesAfterStart))
        _ = try await store.insertAudit(ticketID: id, authorID: requester.id, via: via, at: at(first.minutesAfterStart),
                                        events: createEvents, comment: opening)
        var current = created
        var lastTime = at(first.minutesAfterStart)
        func apply(_ patch: TicketPatch, comment: CommentDraft?, actor: Actor, time: Int64, via: ViaChannel) async throws {
            let (next, events) = try TicketRules.update(current, with: patch, comment: comment, by: actor)
            guard !events.isEmpty else { return }
            let stamp = max(time, lastTime + 1)
            try await store.update(id: id, from: current, to: next, at: stamp)
            _ = try await store.insertAudit(ticketID: id, authorID: actor.id, via: via, at: stamp, events: events, comment: comment)
            current = next
            lastTime = stamp
        }
        for comment in demo.comments.dropFirst() {
            let author = try person(comment.author)
            var call: CallLog?
            var isPublic = true
            switch comment.kind {
            case .publicReply: isPublic = true
            case .internalNote: isPublic = false
            case .call(let direction, let from, let to, let participants, let duration):
                isPublic = false
                call = CallLog(direction: CallLog.Direction(rawValue: direction) ?? .inbound, from: from, to: to,
                               participants: participants, durationSeconds: duration)
            }
            let draft = try CommentDraft(authorID: author.id, isPublic: author.role.isStaff ? isPublic : true,
                                         body: comment.body, htmlBody: nil, call: call)
            var patch = try patchFrom(comment.changes, person: person, groupIDs: groupIDs)
            let actor = Actor(id: author.id, role: author.role)
            if !author.role.isStaff {
                try await apply(TicketPatch(), comment: draft, actor: actor, time: at(comment.minutesAfterStart), via: via)
                if !patch.isEmpty, let admin = fallbackAdmin {
                    try await apply(patch, comment: nil, actor: Actor(id: admin, role: .admin),
                                    time: at(comment.minutesAfterStart), via: .web)
                }
            } else {
                if patch.status == nil, current.status == .new, patch.assigneeID == nil, current.assigneeID == nil {
                    patch.assigneeID = .some(author.id)
                }
                try await apply(patch, comment: draft, actor: actor, time: at(comment.minutesAfterStart),
                                via: call == nil ? .web : .voice)
            }
        }
        // Settle the fields the story ends with: assignee, group, CCs, followers, status.
        var final = TicketPatch()
        if let email = demo.assignee { final.assigneeID = .some(try person(email).id) }
        if let group = demo.group { final.groupID = .some(groupIDs[group]) }
        final.ccIDs = try demo.ccs.map { try person($0).id }
        final.followerIDs = try demo.followers.map { try person($0).id }
        let target = TicketStatus(rawValue: demo.status)
        if let target, target != current.status { final.status = target == .closed ? .solved : target }
        let closer = demo.assignee.flatMap { people[$0.lowercased()]?.id } ?? fallbackAdmin ?? requester.id
        if target == .closed, current.status != .solved {
            try await apply(final, comment: nil, actor: Actor(id: closer, role: .agent), time: lastTime + 60_000, via: .web)
            final = TicketPatch()
            final.status = .closed
        }
        try await apply(final, comment: nil, actor: Actor(id: closer, role: .agent), time: lastTime + 60_000, via: .web)
    }

    static func patchFrom(_ changes: [String: String], person: (String) throws -> UserRecord,
                          groupIDs: [String: Int]) throws -> TicketPatch {
        var patch = TicketPatch()
        for (key, value) in changes {
            switch key {
            case "status": patch.status = TicketStatus(rawValue: value)
            case "priority": patch.priority = .some(TicketPriority(rawValue: value))
            case "type": patch.type = .some(TicketType(rawValue: value))
            case "assignee": patch.assigneeID = .some(try person(value).id)
            case "group": patch.groupID = .some(groupIDs[value])
            default: throw DemoError(description: "demo data uses an unknown change '\(key)'")
            }
        }
        return patch
    }
}
