import Foundation

/// "This agent must not handle this customer": a conflict of interest, a relative, a past complaint.
/// Names exactly one of a requester or an organization, so each rule reads as one sentence in the admin list.
public struct ExclusionRule: Sendable, Equatable, Identifiable {
    /// Long enough to explain, short enough for the warning that quotes it.
    public static let reasonLimit = 500

    public var id: Int
    public var agentID: Int
    public var requesterID: Int?
    public var organizationID: Int?
    /// Shown to whoever tries to assign the agent anyway, so it must say why.
    public var reason: String
    public var createdByID: Int
    public var createdAt: Int64

    public init(id: Int, agentID: Int, requesterID: Int? = nil, organizationID: Int? = nil, reason: String,
                createdByID: Int, createdAt: Int64) {
        self.id = id
        self.agentID = agentID
        self.requesterID = requesterID
        self.organizationID = organizationID
        self.reason = reason
        self.createdByID = createdByID
        self.createdAt = createdAt
    }

    public func validate() throws(FieldErrors) {
        var errors = FieldErrors()
        switch (requesterID, organizationID) {
        case (nil, nil):
            errors.add("base", error: "BlankValue", "Exclusion: choose the requester or the organization the agent must not handle")
        case (.some, .some):
            errors.add("base", error: "InvalidValue",
                       "Exclusion: choose a requester or an organization, not both (make two rules if both apply)")
        default: break
        }
        if let requesterID, requesterID == agentID {
            errors.add("requester_id", error: "InvalidValue", "Requester: an agent cannot be excluded from themselves")
        }
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if reason.isEmpty {
            errors.add("reason", error: "BlankValue", "Reason: cannot be blank; say why agent \(agentID) must not handle this customer")
        } else if reason.count > Self.reasonLimit {
            errors.add("reason", error: "TooLong", "Reason: is too long (at most \(Self.reasonLimit) characters)")
        }
        try errors.throwIfAny()
    }
}

/// Exclusion rules looked up by (agent, requester) and (agent, organization), so routing pays the same for one rule
/// or a thousand.
public struct ExclusionIndex: Sendable {
    private struct Pair: Hashable, Sendable {
        var agentID: Int
        var otherID: Int
    }

    private var byRequester: [Pair: [ExclusionRule]] = [:]
    private var byOrganization: [Pair: [ExclusionRule]] = [:]
    private var agentsByRequester: [Int: [Int]] = [:]
    private var agentsByOrganization: [Int: [Int]] = [:]

    /// Rules as stored; one that names both a requester and an organization (never valid) is honoured for both,
    /// because failing open would route a customer to the very agent they must not meet.
    public init(rules: [ExclusionRule]) {
        for rule in rules.sorted(by: { $0.id < $1.id }) {
            if let requesterID = rule.requesterID {
                byRequester[Pair(agentID: rule.agentID, otherID: requesterID), default: []].append(rule)
                agentsByRequester[requesterID, default: []].append(rule.agentID)
            }
            if let organizationID = rule.organizationID {
                byOrganization[Pair(agentID: rule.agentID, otherID: organizationID), default: []].append(rule)
                agentsByOrganization[organizationID, default: []].append(rule.agentID)
            }
        }
    }

    /// The rules that forbid `agentID` from handling this requester (or anyone of their organization): requester
    /// rules first, then organization rules, each by id.
    public func violations(agentID: Int, requesterID: Int, organizationID: Int?) -> [ExclusionRule] {
        var found = byRequester[Pair(agentID: agentID, otherID: requesterID)] ?? []
        if let organizationID, let rules = byOrganization[Pair(agentID: agentID, otherID: organizationID)] {
            found += rules
        }
        return found
    }

    public func excludes(agentID: Int, requesterID: Int, organizationID: Int?) -> Bool {
        if byRequester[Pair(agentID: agentID, otherID: requesterID)] != nil { return true }
        guard let organizationID else { return false }
        return byOrganization[Pair(agentID: agentID, otherID: organizationID)] != nil
    }

    /// Every agent excluded for this requester or organization: two lookups per ticket instead of two per candidate.
    public func excludedAgentIDs(requesterID: Int, organizationID: Int?) -> Set<Int> {
        var ids = Set(agentsByRequester[requesterID] ?? [])
        if let organizationID { ids.formUnion(agentsByOrganization[organizationID] ?? []) }
        return ids
    }

    /// The same as `excludedAgentIDs`, without building a set: the engine asks this once per ticket.
    func excludedAgents(requesterID: Int, organizationID: Int?) -> (byRequester: [Int], byOrganization: [Int]) {
        (agentsByRequester[requesterID] ?? [], organizationID.flatMap { agentsByOrganization[$0] } ?? [])
    }
}

/// What happens when a person, not routing, assigns a ticket to an agent who is excluded for its requester.
public enum ManualAssignmentCheck {
    /// The rules to show as a warning before the assignment is saved; empty when there is nothing to warn about.
    public static func check(agentID: Int, requesterID: Int, organizationID: Int?,
                             exclusions: ExclusionIndex) -> [ExclusionRule] {
        exclusions.violations(agentID: agentID, requesterID: requesterID, organizationID: organizationID)
    }

    /// Only a lead or above may assign despite an exclusion: an exclusion often exists because of a complaint about
    /// the agent, and the agent must not be the one who decides to ignore it.
    public static func canOverride(role: Role) -> Bool {
        role.rank >= Role.lead.rank
    }
}
