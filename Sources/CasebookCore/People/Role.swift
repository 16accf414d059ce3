/// The roles of Casebook's people. Lead and manager are agents with more authority.
public enum Role: String, Codable, Sendable, CaseIterable {
    case endUser = "end-user"
    case agent, lead, manager, admin

    public var isStaff: Bool { self != .endUser }

    /// Ordered authority among staff, for rules such as "lead and above".
    public var rank: Int {
        switch self {
        case .endUser: 0
        case .agent: 1
        case .lead: 2
        case .manager: 3
        case .admin: 4
        }
    }
}

/// What a person may do. Every page and API route asks here, and nowhere else.
public enum Permission: String, Sendable, CaseIterable {
    case viewAllTickets
    case editTicketFields
    case viewInternalNotes
    case addInternalNotes
    case deleteTickets
    case viewPeople
    case manageEndUsers
    case manageStaff
    case manageOrganizations
    case manageGroups
    /// The agent workspace: views, ticket pages, search.
    case useWorkspace
    /// The customer portal: one's own (and shared organization) requests.
    case usePortal
    /// Applying a macro on a ticket page.
    case applyMacros
    /// Defining shared views and macros.
    case manageViews
    case manageMacros
    /// Passwords, sign-in state and API tokens of other people.
    case manageCredentials
    /// Moving people up and down a queue (backorders, later issues).
    case reorderQueues
    /// Approving exceptions to policy (advance replacements, refunds beyond policy; later issues).
    case approveExceptions
    /// Posting raw mail into Casebook (the mailgate's token).
    case receiveMail
    /// The mail admin: quarantine, outbox, notification templates.
    case manageMail
    /// Escalating a ticket to another group or to a lead or manager.
    case escalateTickets
    /// "Never assign this customer's tickets to this agent": creating and removing exclusion rules, overriding one.
    case manageExclusions
    /// The team board: who is online, what each holds, who is reachable.
    case viewTeamBoard
    /// Routing rules, groups' routing modes, agents' skills and capacity.
    case manageRouting
    /// Business hours and SLA policies.
    case manageSLAs
    /// The catalogue and stock: products, variants, receipts and their inspection.
    case manageInventory
    /// The desk's policies: RMA approval limits, who overrides a checklist, the conduct policy's outcomes.
    case managePolicies
}

extension Role {
    public func allows(_ permission: Permission) -> Bool {
        switch permission {
        case .viewAllTickets, .editTicketFields, .viewInternalNotes, .addInternalNotes, .viewPeople,
             .manageEndUsers, .useWorkspace, .applyMacros, .escalateTickets:
            isStaff
        case .usePortal:
            self == .endUser
        case .deleteTickets, .reorderQueues, .approveExceptions, .manageExclusions, .viewTeamBoard, .manageInventory:
            rank >= Role.lead.rank
        case .manageStaff, .manageOrganizations, .manageGroups, .manageViews, .manageMacros, .manageCredentials,
             .receiveMail, .manageMail, .manageRouting, .manageSLAs, .managePolicies:
            self == .admin
        }
    }
}

/// Who is acting: a signed-in person with a role.
public struct Actor: Sendable, Equatable {
    public var id: Int
    public var role: Role
    public init(id: Int, role: Role) {
        self.id = id
        self.role = role
    }
}
