import CasebookCore
import Foundation
import Logging
import SQLKit
import Synchronization

/// Routing settings an admin sets through the environment.
public struct RoutingSettings: Sendable {
    /// An online agent with no activity this long counts as away.
    public var idleAfterMillis: Int64 = 15 * 60_000
    /// A new ticket goes to the assignee of the requester's open ticket, or of one solved within this window.
    public var stickyWindowMillis: Int64 = 7 * 24 * 3_600_000
    /// Contacts about the same thing within this many days are repeat contacts.
    public var repeatWindowDays: Int = 14

    public init(environment: [String: String] = [:]) {
        if let minutes = environment["CASEBOOK_IDLE_MINUTES"].flatMap(Int64.init), minutes > 0 { idleAfterMillis = minutes * 60_000 }
        if let days = environment["CASEBOOK_STICKY_DAYS"].flatMap(Int64.init), days >= 0 { stickyWindowMillis = days * 24 * 3_600_000 }
        if let days = environment["CASEBOOK_REPEAT_DAYS"].flatMap(Int.init), days >= 0 { repeatWindowDays = days }
    }
}

/// The routing configuration that changes rarely (rules, exclusions, groups, skills, capacities), read once and
/// kept until a change through this process or a few seconds pass (another node may have changed it).
final class RoutingCache: Sendable {
    struct Snapshot: Sendable {
        var rules: RoutingRuleSet
        var exclusions: [ExclusionRule]
        var groups: [RoutingStore.GroupRouting]
        var members: [Int: [Int]]
        var skills: [Int: Set<String>]
        var capacities: [Int: Int]
        var staff: [Int: String]
    }

    private let state = Mutex<(snapshot: Snapshot, at: Int64)?>(nil)
    static let lifetime: Int64 = 5_000

    func snapshot(db: any SQLDatabase, now: Int64) async throws -> Snapshot {
        if let cached = state.withLock({ $0 }), now - cached.at < Self.lifetime, now >= cached.at { return cached.snapshot }
        let store = RoutingStore(db: db)
        var staff: [Int: String] = [:]
        for user in try await UserStore(db: db).activeStaff() { staff[user.id] = user.name }
        let snapshot = Snapshot(rules: RoutingRuleSet(rules: try await store.rules()), exclusions: try await store.exclusions(),
                                groups: try await store.groupRouting(), members: try await store.members(),
                                skills: try await store.skills(), capacities: try await store.capacities(), staff: staff)
        state.withLock { $0 = (snapshot, now) }
        return snapshot
    }

    func invalidate() { state.withLock { $0 = nil } }
}

/// Decides who gets a ticket: routing rules, then the group's mode among agents who are online, under capacity,
/// skilled and not excluded; the sticky owner first. Tickets nobody can take wait in the group's queue and are
/// routed by the `routing.retry` job when someone becomes available.
struct RoutingService: Sendable {
    let settings: RoutingSettings
    let clock: AppClock
    let cache: RoutingCache

    init(settings: RoutingSettings = RoutingSettings(), clock: AppClock = .system, cache: RoutingCache = RoutingCache()) {
        self.settings = settings
        self.clock = clock
        self.cache = cache
    }

    /// What routing did to a ticket being created, applied to its fields before they are stored.
    struct Outcome: Sendable {
        var decision: RoutingDecision
        var notices: [AuditEvent]
        var waitGroupID: Int?
        var waitReason: String?
        var repeatOf: [Int]
    }

    /// Builds the decision engine from the database as it is now (cached configuration, fresh presence and loads).
    func engine(db: any SQLDatabase, now: Int64) async throws -> (RoutingEngine, RoutingCache.Snapshot, [Int: Int]) {
        let snapshot = try await cache.snapshot(db: db, now: now)
        let presence = try await PresenceStore(db: db).all()
        let online = presence.values.filter {
            snapshot.staff[$0.userID] != nil && $0.presence.effectiveStatus(now: now, idleAfterMillis: settings.idleAfterMillis) == .online
        }.map(\.userID)
        let loads = try await RoutingStore(db: db).openCounts(agentIDs: online)
        let agents = snapshot.staff.keys.sorted().map { id in
            RoutingAgent(id: id, name: snapshot.staff[id] ?? "",
                         presence: presence[id]?.presence.effectiveStatus(now: now, idleAfterMillis: settings.idleAfterMillis) ?? .offline,
                         openTickets: loads[id] ?? 0, capacity: snapshot.capacities[id], skills: snapshot.skills[id] ?? [],
                         lastAssignedAt: presence[id]?.lastAssignedAt)
        }
        let groups = snapshot.groups.map { RoutingGroup(id: $0.id, name: $0.name, mode: $0.mode, memberIDs: snapshot.members[$0.id] ?? [], skills: $0.skills) }
        // Whose turn it is changes with every assignment, so it is read fresh, not from the cache.
        let last = try await RoutingStore(db: db).lastRouted()
        return (RoutingEngine(groups: groups, agents: agents, exclusions: ExclusionIndex(rules: snapshot.exclusions)), snapshot, last)
    }

    /// Routes a ticket about to be created: may set its group, priority, tags and assignee.
    func routeNew(_ fields: inout TicketSnapshot, via: ViaChannel, terms: ContactTerms, db: any SQLDatabase) async throws -> Outcome {
        let now = clock.now()
        let snapshot = try await cache.snapshot(db: db, now: now)
        let facts = TicketFacts(channel: via, requesterID: fields.requesterID, organizationID: fields.organizationID,
                                tags: fields.tags, priority: fields.priority ?? .normal, subject: fields.subject,
                                groupID: fields.groupID)
        let rule = snapshot.rules.firstMatch(facts)
        let target = rule?.actions.groupID ?? fields.groupID
        let decision: RoutingDecision
        if let target, let group = snapshot.groups.first(where: { $0.id == target }), group.mode != .manual {
            // Only a group that hands out tickets needs who is online and what each holds.
            let (engine, _, lastRouted) = try await engine(db: db, now: now)
            // Tickets carry the system's time; windows over them are measured from it too.
            let sticky = try await stickyOwner(requesterID: fields.requesterID, now: Timestamp.now, db: db)
            decision = engine.decide(facts, rules: snapshot.rules, stickyOwnerID: sticky, roundRobinLast: lastRouted[target])
        } else {
            decision = RoutingDecision(ruleID: rule?.id, groupID: target, skills: rule?.actions.skills ?? [],
                                       priority: rule?.actions.priority, addTags: rule?.actions.addTags ?? [],
                                       outcome: target == nil ? .noGroup : .manual)
        }
        var notices: [AuditEvent] = []
        if let ruleID = decision.ruleID {
            let title = snapshot.rules.rules.first { $0.id == ruleID }?.title ?? "#\(ruleID)"
            notices.append(.notice(kind: "routing", text: "Routing rule “\(title)” applied"))
        }
        if let group = decision.groupID { fields.groupID = group }
        if let priority = decision.priority { fields.priority = priority }
        if !decision.addTags.isEmpty { fields.tags = Tags.normalize(fields.tags + decision.addTags) }
        var outcome = Outcome(decision: decision, notices: notices, waitGroupID: nil, waitReason: nil, repeatOf: [])
        switch decision.outcome {
        case .assign(let agentID, let reason):
            fields.assigneeID = agentID
            outcome.notices.append(.notice(kind: "routing", text: "Assigned to \(snapshot.staff[agentID] ?? "#\(agentID)") (\(reason.words))"))
        case .wait(let reason):
            outcome.waitGroupID = decision.groupID ?? fields.groupID
            outcome.waitReason = reason.description
            outcome.notices.append(.notice(kind: "routing", text: "Waiting in the queue: \(reason.description)"))
        case .manual, .noGroup:
            break
        }
        let repeatMatch = try await repeatContacts(requesterID: fields.requesterID, terms: terms, now: Timestamp.now, db: db)
        if let repeatMatch {
            // The most recent few are what an agent reads; a customer who writes every hour should not make every
            // new ticket link (and list) hundreds.
            outcome.repeatOf = Array(repeatMatch.earlierTicketIDs.suffix(5))
            outcome.notices.append(.notice(kind: "repeat_contact", text: "Repeat contact: \(repeatMatch.summary) (" +
                                           outcome.repeatOf.map { "#\($0)" }.joined(separator: ", ") + ")"))
        }
        return outcome
    }

    /// After the ticket is stored: remember who got it, queue it, link the earlier contacts.
    func recordNew(_ outcome: Outcome, ticketID: Int, skills: [String], db: any SQLDatabase) async throws {
        let now = clock.now()
        let store = RoutingStore(db: db)
        switch outcome.decision.outcome {
        case .assign(let agentID, _):
            try await PresenceStore(db: db).recordAssignment(userID: agentID, at: now)
            if let group = outcome.decision.groupID { try await store.recordRoundRobin(groupID: group, agentID: agentID) }
        case .wait:
            try await store.enqueue(ticketID: ticketID, groupID: outcome.waitGroupID, skills: outcome.decision.skills,
                                    reason: outcome.waitReason ?? "", now: now)
        default: break
        }
        if !outcome.repeatOf.isEmpty { try await store.link(ticketID: ticketID, to: outcome.repeatOf, kind: "repeat_contact", now: now) }
    }

    /// The assignee of the requester's most recent ticket that is still open or was solved within the window.
    func stickyOwner(requesterID: Int, now: Int64, db: any SQLDatabase) async throws -> Int? {
        try await db.raw("""
            SELECT assignee_id FROM tickets
            WHERE requester_id = \(bind: requesterID) AND assignee_id IS NOT NULL AND deleted_at IS NULL
              AND (status IN ('new', 'open', 'pending', 'hold') OR updated_at >= \(bind: now - settings.stickyWindowMillis))
            ORDER BY updated_at DESC, id DESC LIMIT 1
            """).first()?.decode(column: "assignee_id", as: Int.self)
    }

    /// Earlier tickets from the same requester about the same thing, within the window.
    func repeatContacts(requesterID: Int, terms: ContactTerms, now: Int64, db: any SQLDatabase) async throws -> RepeatContactMatch? {
        let since = now - Int64(settings.repeatWindowDays) * 24 * 3_600_000
        // The newest 20, read backwards along the requester/created index however many tickets they have. Tickets
        // from before terms were stored are read from their subject and the top of their request.
        let rows = try await db.raw("""
            SELECT id, created_at, contact_terms,
                   CASE WHEN contact_terms IS NULL THEN subject END AS subject,
                   CASE WHEN contact_terms IS NULL THEN SUBSTR(description, 1, 400) END AS description
            FROM tickets
            WHERE requester_id = \(bind: requesterID) AND created_at >= \(bind: since) AND deleted_at IS NULL
            ORDER BY created_at DESC LIMIT 20
            """).all()
        guard !rows.isEmpty else { return nil }
        let earlier = try rows.map { row in
            let stored = try row.decode(column: "contact_terms", as: String?.self).map(ContactTerms.init(encoded:))
            let terms = try stored ?? ContactTerms(subject: row.decode(column: "subject", as: String?.self) ?? "",
                                                   body: row.decode(column: "description", as: String?.self))
            return ContactFacts(ticketID: try row.decode(column: "id", as: Int.self), requesterID: requesterID,
                                createdAt: try row.decode(column: "created_at", as: Int64.self), terms: terms)
        }
        let new = ContactFacts(ticketID: 0, requesterID: requesterID, createdAt: now, terms: terms)
        return RepeatContactDetector.detect(new: new, earlier: earlier.sorted { ($0.createdAt, $0.ticketID) < ($1.createdAt, $1.ticketID) },
                                            windowDays: settings.repeatWindowDays)
    }
}

extension AssignReason {
    var words: String {
        switch self {
        case .stickyOwner: "handled this customer's recent ticket"
        case .roundRobin: "round-robin"
        case .leastLoaded: "fewest open tickets"
        }
    }
}
