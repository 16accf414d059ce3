import CasebookCore
import Foundation
import Mustache
import SQLKit

/// The parts of the ticket page that keep the right people on the case: SLA targets and time left, the earlier
/// contacts about the same thing (who handled them, what they said, what was decided), exclusion rules, the
/// routing queue, the escalation form, the decisions made on this ticket, and whether its case notes are owed.
struct TicketRoutingPanel: Sendable {
    struct Target: Sendable {
        var label: String
        var state: String
        var text: String
        var cssClass: String
    }
    struct Earlier: Sendable {
        var id: Int
        var subject: String
        var status: String
        var when: String
        var handledBy: String
        var lastReplyAuthor: String
        var lastReply: String
        var lastReplyWhen: String
        var hasLastReply: Bool
        var decisions: [String]
        var hasDecisions: Bool
    }
    /// An exception made on this ticket, for the banner at the top of the case.
    struct Decision: Sendable {
        var id: Int
        var kind: String
        var what: String
        var rule: String
        var reason: String
        var who: String
        var when: String
        var whenISO: String
        var outcome: String?
    }

    var policy: String?
    var targets: [Target] = []
    var hasTargets: Bool { !targets.isEmpty }
    var repeatSummary: String?
    var earlier: [Earlier] = []
    var exclusions: [String] = []
    var hasExclusions: Bool { !exclusions.isEmpty }
    var canManageExclusions = false
    var canOverride = false
    var agentOptions: [Option] = []
    var escalationTargets: [Option] = []
    var waiting: String?
    var decisions: [Decision] = []
    var hasDecisions: Bool { !decisions.isEmpty }
    /// When the last call without a summary happened, while the case notes are owed.
    var notesOwedSince: String?
    /// The ticket form's handover summary as typed (sent as an internal note with the update).
    var handoverNote = ""
    /// The ticket's units, troubleshooting and RMAs. It rides on this panel because the ticket page model's template
    /// lookups are listed in `PageModels+Mustache`; the panel answers its own.
    var hardware = TicketHardwarePanel()
    var followUps = TicketFollowUpPanel()
    var knowledge = TicketKnowledgePanel()

    static func load(ticket: TicketRecord, actor: Actor, tickets: TicketService, agents: [UserRecord], groups: [Int: String],
                     db: any SQLDatabase) async throws -> TicketRoutingPanel {
        var panel = TicketRoutingPanel()
        let now = tickets.sla?.clock.now() ?? Timestamp.now
        if let sla = tickets.sla {
            let (policy, states) = try await sla.states(ticket: ticket, db: db)
            panel.policy = policy?.policy.title
            panel.targets = states.map { Self.target($0, now: now) }
        }
        let history = try await RepeatHistory.load(ticket: ticket, db: db)
        panel.repeatSummary = history.summary
        panel.earlier = history.earlier.map { e in
            Earlier(id: e.ticketID, subject: e.subject, status: e.status, when: PageTime.text(e.createdAt),
                    handledBy: e.handledBy.isEmpty ? (e.assignee ?? "nobody yet") : e.handledBy.joined(separator: ", "),
                    lastReplyAuthor: e.lastReply?.author ?? "", lastReply: e.lastReply.map { String($0.body.prefix(600)) } ?? "",
                    lastReplyWhen: e.lastReply.map { PageTime.text($0.at) } ?? "", hasLastReply: e.lastReply != nil,
                    decisions: e.decisions, hasDecisions: !e.decisions.isEmpty)
        }
        let rules = try await RoutingStore(db: db).exclusions(requesterID: ticket.fields.requesterID,
                                                              organizationID: ticket.fields.organizationID)
        let names = Dictionary(uniqueKeysWithValues: agents.map { ($0.id, $0.name) })
        var creators: [Int: String] = names
        for id in Set(rules.map(\.createdByID)) where creators[id] == nil {
            creators[id] = try await UserStore(db: db).find(id: id)?.name
        }
        panel.exclusions = rules.map { rule in
            "Never \(names[rule.agentID] ?? "#\(rule.agentID)")" + (rule.organizationID != nil ? " (whole organization)" : "") +
                ": \(rule.reason) — \(creators[rule.createdByID] ?? "#\(rule.createdByID)"), \(PageTime.text(rule.createdAt))"
        }
        panel.canManageExclusions = actor.role.allows(.manageExclusions)
        panel.canOverride = ManualAssignmentCheck.canOverride(role: actor.role)
        panel.agentOptions = agents.map { Option(value: String($0.id), label: $0.name, selected: false) }
        panel.escalationTargets = groups.sorted { $0.value < $1.value }.map { Option(value: "group:\($0.key)", label: "Group: \($0.value)", selected: false) }
            + agents.filter { $0.role.rank >= Role.lead.rank && $0.id != actor.id }
                .map { Option(value: "user:\($0.id)", label: "\($0.role.rawValue.capitalized): \($0.name)", selected: false) }
        if let waiting = try await RoutingStore(db: db).waiting(ticketID: ticket.id) {
            panel.waiting = "Waiting for an agent since \(PageTime.text(waiting.queuedAt)): \(waiting.reason)"
        }
        let decisions = try await DecisionStore(db: db).list(.init(ticketID: ticket.id), limit: 100, offset: 0, afterID: nil)
        var deciders = names
        for id in Set(decisions.map(\.decidedByID)) where deciders[id] == nil {
            deciders[id] = try await UserStore(db: db).find(id: id)?.name
        }
        panel.decisions = decisions.map { d in
            Decision(id: d.id, kind: d.kind.words.capitalizedFirst, what: d.what, rule: d.rule, reason: d.reason,
                     who: deciders[d.decidedByID] ?? "#\(d.decidedByID)", when: PageTime.text(d.createdAt), whenISO: PageTime.iso(d.createdAt),
                     outcome: d.outcome.map { InspectionOutcome(rawValue: $0)?.words ?? $0 })
        }
        panel.notesOwedSince = try await TicketStore(db: db).notesOwedSince(ticketID: ticket.id).map(PageTime.text)
        return panel
    }

    static func target(_ state: SLAMetricState, now: Int64) -> Target {
        let label = state.metric.words.prefix(1).uppercased() + state.metric.words.dropFirst()
        switch state.stage {
        case .active(let at):
            let left = at - now
            return Target(label: label, state: "running", text: "\(duration(left)) left (due \(PageTime.text(at)))",
                          cssClass: left < 3_600_000 ? "sla-soon" : "sla-running")
        case .notStarted:
            return Target(label: label, state: "not started", text: "Not started", cssClass: "sla-paused")
        case .breached(let at, _):
            return Target(label: label, state: "breached", text: "Breached \(duration(now - at)) ago (due \(PageTime.text(at)))", cssClass: "sla-breached")
        case .paused(let remaining):
            return Target(label: label, state: "paused", text: "Paused, \(duration(remaining)) left", cssClass: "sla-paused")
        case .fulfilled(let at, let breached):
            return Target(label: label, state: breached ? "missed" : "achieved",
                          text: (breached ? "Missed, done " : "Achieved ") + PageTime.text(at), cssClass: breached ? "sla-missed" : "sla-achieved")
        }
    }

    static func duration(_ millis: Int64) -> String {
        let minutes = max(0, millis / 60_000)
        if minutes < 60 { return "\(minutes) min" }
        let hours = minutes / 60
        if hours < 48 { return "\(hours) h \(minutes % 60) min" }
        return "\(hours / 24) d \(hours % 24) h"
    }
}

// Mustache sees only stored properties through reflection; the panel answers its lookups directly so the computed
// flags work too.
extension TicketRoutingPanel: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "policy": policy
        case "targets": targets
        case "hasTargets": hasTargets
        case "repeatSummary": repeatSummary
        case "earlier": earlier
        case "exclusions": exclusions
        case "hasExclusions": hasExclusions
        case "canManageExclusions": canManageExclusions
        case "canOverride": canOverride
        case "agentOptions": agentOptions
        case "escalationTargets": escalationTargets
        case "waiting": waiting
        case "decisions": decisions
        case "hasDecisions": hasDecisions
        case "notesOwedSince": notesOwedSince
        case "handoverNote": handoverNote
        case "hardware": hardware
        case "followUps": followUps
        case "knowledge": knowledge
        default: nil
        }
    }
}
