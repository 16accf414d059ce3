import CasebookCore
import Foundation
import SQLKit

/// Setting one's presence. Coming online may let waiting tickets through, so it asks the router to look now.
enum Presence {
    static func set(services: CasebookServices, userID: Int, status: PresenceStatus, backAt: Int64?, note raw: String) async throws {
        let note = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        var errors = FieldErrors()
        let now = services.config.clock.now()
        if note.count > 200 { errors.add("note", error: "InvalidValue", "Note: at most 200 characters (a phone number, where to reach you)") }
        if let backAt, backAt <= now { errors.add("back_at", error: "InvalidValue", "Back at: a time in the future") }
        if !errors.isEmpty { throw APIError.invalid(errors) }
        try await services.database.write { db in
            try await PresenceStore(db: db).set(userID: userID, status: status, backAt: status == .online ? nil : backAt, note: note, now: now)
        }
        if status == .online { try await services.jobs.routeNow() }
    }

    /// Activity seen on a page: refreshes the idle clock and brings an automatically-away agent back.
    static func touch(services: CasebookServices, userID: Int) async throws {
        let now = services.config.clock.now()
        let back = try await services.database.write { db in try await PresenceStore(db: db).touch(userID: userID, now: now) }
        if back { try await services.jobs.routeNow() }
    }

    static func signedOut(services: CasebookServices, userID: Int) async throws {
        let now = services.config.clock.now()
        try await services.database.write { db in
            if let current = try await PresenceStore(db: db).find(userID: userID) {
                try await PresenceStore(db: db).set(userID: userID, status: .offline, backAt: current.presence.backAt,
                                                    note: current.presence.note, now: now)
            }
        }
    }

    /// Signing in to the workspace puts an agent online, keeping their note.
    static func signedIn(services: CasebookServices, userID: Int) async throws {
        let now = services.config.clock.now()
        try await services.database.write { db in
            let note = try await PresenceStore(db: db).find(userID: userID)?.presence.note ?? ""
            try await PresenceStore(db: db).set(userID: userID, status: .online, backAt: nil, note: note, now: now)
        }
        try await services.jobs.routeNow()
    }
}

/// The team board: every agent with presence, open tickets and reachability; the queue per group.
struct TeamBoard: Sendable {
    struct Agent: Sendable {
        var user: UserRecord
        var presence: PresenceRecord?
        var openTickets: Int
        var groups: [String]
    }
    var agents: [Agent]
    var waiting: [(group: String, count: Int)]

    static func load(services: CasebookServices, now: Int64) async throws -> TeamBoard {
        try await services.database.read { db in
            let staff = try await UserStore(db: db).activeStaff()
            let presence = try await PresenceStore(db: db).all()
            let store = RoutingStore(db: db)
            let open = try await store.openCounts(agentIDs: staff.map(\.id))
            let groups = try await store.groupRouting()
            let names = Dictionary(uniqueKeysWithValues: groups.map { ($0.id, $0.name) })
            var groupsOf: [Int: [String]] = [:]
            for (group, members) in try await store.members() { for m in members { groupsOf[m, default: []].append(names[group] ?? "#\(group)") } }
            let waiting = try await store.waitingCounts().sorted { $0.key < $1.key }
                .map { (group: $0.key == 0 ? "No group" : names[$0.key] ?? "#\($0.key)", count: $0.value) }
            let idle = services.config.routing.idleAfterMillis
            let agents = staff.map { Agent(user: $0, presence: presence[$0.id], openTickets: open[$0.id] ?? 0,
                                           groups: (groupsOf[$0.id] ?? []).sorted()) }
                .sorted { a, b in
                    let ra = rank(a.presence?.presence.effectiveStatus(now: now, idleAfterMillis: idle))
                    let rb = rank(b.presence?.presence.effectiveStatus(now: now, idleAfterMillis: idle))
                    return ra != rb ? ra < rb : a.user.name < b.user.name
                }
            return TeamBoard(agents: agents, waiting: waiting)
        }
    }

    static func rank(_ status: PresenceStatus?) -> Int {
        switch status { case .online: 0; case .away: 1; default: 2 }
    }
}
