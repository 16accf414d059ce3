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
}

extension Role {
    public func allows(_ permission: Permission) -> Bool {
        switch permission {
        case .viewAllTickets, .editTicketFields, .viewInternalNotes, .addInternalNotes, .viewPeople,
             .manageEndUsers:
            isStaff
        case .deleteTickets:
            rank >= Role.lead.rank
        case .manageStaff, .manageOrganizations, .manageGroups:
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
