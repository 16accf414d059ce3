import CasebookCore
import Foundation
import SQLKit

/// Everything the ticket page shows: the case, the requester, the timeline, and the form (side panel + composer).
struct TicketPage: Sendable {
    struct Summary: Sendable {
        var id: Int
        var subject: String
        var status: String
        var priority: String?
        var assignee: String?
        var group: String?
        var updated: String
        var updatedISO: String
    }
    struct Requester: Sendable {
        struct Other: Sendable { var id: Int; var subject: String; var status: String; var assignee: String? }
        var id: Int
        var name: String
        var email: String
        var organization: String?
        var tickets: [Other]
        /// Their newest orders: state per line (with the place in a backorder queue), linking to the order's page.
        var orders: [Order]
    }
    struct Order: Sendable { var id: Int; var created: String; var total: String; var state: String }
    struct Other: Sendable { var userID: Int; var name: String; var typing: Bool }
    struct MacroChoice: Sendable { var id: Int; var title: String }
    struct Conflict: Sendable { var changes: [String] }

    var chrome: Chrome
    var ticket: Summary
    var requester: Requester
    var others: [Other]
    /// The rendered timeline (`TimelineHTML`).
    var timelineHTML: String
    var form: TicketForm.View
    var conflict: Conflict?
    var macros: [MacroChoice]
    var hasMacros: Bool { !macros.isEmpty }
    /// SLA targets, earlier contacts, exclusions, the routing queue, escalation.
    var routing: TicketRoutingPanel
}

/// The values of the ticket form: what the agent typed, over the ticket as it is now.
struct TicketForm: Sendable {
    /// The ticket's editable fields as form strings (`""` for none).
    struct Fields: Sendable, Equatable {
        var status = "", priority = "", type = "", groupID = "", assigneeID = "", tags = "", followers = "", ccs = ""

        static let names = ["status", "priority", "type", "group_id", "assignee_id", "tags", "followers", "ccs"]

        subscript(name: String) -> String {
            get {
                switch name {
                case "status": status
                case "priority": priority
                case "type": type
                case "group_id": groupID
                case "assignee_id": assigneeID
                case "tags": tags
                case "followers": followers
                default: ccs
                }
            }
            set {
                switch name {
                case "status": status = newValue
                case "priority": priority = newValue
                case "type": type = newValue
                case "group_id": groupID = newValue
                case "assignee_id": assigneeID = newValue
                case "tags": tags = newValue
                case "followers": followers = newValue
                default: ccs = newValue
                }
            }
        }

        init() {}

        init(_ t: TicketSnapshot, names: NameBook) {
            status = t.status.rawValue
            priority = t.priority?.rawValue ?? ""
            type = t.type?.rawValue ?? ""
            groupID = t.groupID.map(String.init) ?? ""
            assigneeID = t.assigneeID.map(String.init) ?? ""
            tags = t.tags.joined(separator: " ")
            followers = t.followerIDs.compactMap { names.users[$0]?.email }.joined(separator: ", ")
            ccs = t.ccIDs.compactMap { names.users[$0]?.email }.joined(separator: ", ")
        }

        init(form: QueryItems, prefix: String = "") {
            for name in Self.names { self[name] = (form[prefix + name] ?? "").trimmingCharacters(in: .whitespaces) }
        }

        /// The names of fields that differ (for tags and people, as sets: order and spacing do not count).
        func changed(from other: Fields) -> [String] {
            Self.names.filter { name in
                switch name {
                case "tags": Set(self.tags.split(separator: " ")) != Set(other.tags.split(separator: " "))
                case "followers", "ccs": Set(Self.emails(self[name])) != Set(Self.emails(other[name]))
                default: self[name] != other[name]
                }
            }
        }

        static func emails(_ text: String) -> [String] {
            text.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == " " }).map { $0.lowercased() }.filter { !$0.isEmpty }
        }
    }

    enum Mode: String, Sendable { case reply, note, call }

    var fields = Fields()
    var mode = Mode.reply
    var body = ""
    var callDirection = "inbound"
    var callFrom = ""
    var callTo = ""
    var callDuration = ""
    /// What was tried and promised, for whoever takes the ticket next: an internal note in the same update.
    var handoverNote = ""

    init() {}

    init(form: QueryItems) {
        fields = Fields(form: form)
        mode = Mode(rawValue: form["mode"] ?? "") ?? .reply
        body = form["body"] ?? ""
        callDirection = form["call_direction"] ?? "inbound"
        callFrom = form["call_from"] ?? ""
        callTo = form["call_to"] ?? ""
        callDuration = form["call_duration"] ?? ""
        handoverNote = form["handover_note"] ?? ""
    }

    /// What the template reads.
    struct View: Sendable {
        struct Select: Sendable { var name: String; var label: String; var options: [Option] }
        var seenAudit: Int
        var was: Fields.Shown
        var selects: [Select]
        var tags: String
        var followers: String
        var ccs: String
        var modeReply: Bool
        var modeNote: Bool
        var modeCall: Bool
        var body: String
        var callDirections: [Option]
        var callFrom: String
        var callTo: String
        var callDuration: String
    }

    func view(current: Fields, seenAudit: Int, agents: [UserRecord], groups: [(Int, String)]) -> View {
        func options(_ values: [(String, String)], _ selected: String) -> [Option] {
            values.map { Option(value: $0.0, label: $0.1, selected: $0.0 == selected) }
        }
        let none = [("", "–")]
        return View(
            seenAudit: seenAudit, was: current.shown,
            selects: [
                .init(name: "status", label: "Status", options: options(TicketStatus.allCases.filter { $0 != .closed || fields.status == "closed" }
                    .map { ($0.rawValue, $0.rawValue.capitalized) }, fields.status)),
                .init(name: "priority", label: "Priority", options: options(none + TicketPriority.allCases.map { ($0.rawValue, $0.rawValue.capitalized) }, fields.priority)),
                .init(name: "type", label: "Type", options: options(none + TicketType.allCases.map { ($0.rawValue, $0.rawValue.capitalized) }, fields.type)),
                .init(name: "group_id", label: "Group", options: options(none + groups.map { (String($0.0), $0.1) }, fields.groupID)),
                .init(name: "assignee_id", label: "Assignee", options: options([("", "Unassigned")] + agents.map { (String($0.id), $0.name) }, fields.assigneeID)),
            ],
            tags: fields.tags, followers: fields.followers, ccs: fields.ccs,
            modeReply: mode == .reply, modeNote: mode == .note, modeCall: mode == .call, body: body,
            callDirections: options([("inbound", "Inbound"), ("outbound", "Outbound")], callDirection),
            callFrom: callFrom, callTo: callTo, callDuration: callDuration)
    }
}

extension TicketForm.Fields {
    /// Template-friendly copy (Mustache reads stored properties).
    struct Shown: Sendable {
        var status, priority, type, groupID, assigneeID, tags, followers, ccs: String
    }
    var shown: Shown {
        Shown(status: status, priority: priority, type: type, groupID: groupID, assigneeID: assigneeID, tags: tags,
              followers: followers, ccs: ccs)
    }
}
