/// Who may approve which RMA on their own, configurable by the admins. Each kind has tiers: up to a value (minor
/// units; `nil` = any value) the named role and everyone above it approves. Anything out of warranty needs
/// `outOfWarranty` or above, whatever its value.
public struct RMAApprovalRules: Sendable, Equatable, Codable {
    public struct Tier: Sendable, Equatable, Codable {
        public var upToMinor: Int?
        public var role: Role
        public init(upToMinor: Int?, role: Role) {
            self.upToMinor = upToMinor
            self.role = role
        }
    }

    public var tiers: [RMAKind: [Tier]]
    public var outOfWarranty: Role

    public init(tiers: [RMAKind: [Tier]], outOfWarranty: Role) {
        self.tiers = tiers
        self.outOfWarranty = outOfWarranty
    }

    /// Agents approve standard returns; an advance replacement worth more than 250.00 needs a lead; anything out of
    /// warranty needs a manager.
    public static let standard = RMAApprovalRules(
        tiers: [
            .repair: [Tier(upToMinor: nil, role: .agent)],
            .refund: [Tier(upToMinor: 50_000, role: .agent), Tier(upToMinor: nil, role: .lead)],
            .replacement: [Tier(upToMinor: nil, role: .agent)],
            .advanceReplacement: [Tier(upToMinor: 25_000, role: .agent), Tier(upToMinor: nil, role: .lead)],
        ],
        outOfWarranty: .manager)

    /// The least senior role that may approve this RMA.
    public func approver(kind: RMAKind, valueMinor: Int, inWarranty: Bool) -> Role {
        let byValue = (tiers[kind] ?? [])
            .filter { $0.upToMinor.map { valueMinor <= $0 } ?? true }
            .map(\.role).min { $0.rank < $1.rank } ?? .admin
        guard !inWarranty else { return byValue }
        return byValue.rank >= outOfWarranty.rank ? byValue : outOfWarranty
    }

    public func validate() throws(FieldErrors) {
        var errors = FieldErrors()
        for (kind, list) in tiers {
            for tier in list {
                if tier.role == .endUser {
                    errors.add("tiers", error: "InvalidValue", "Tiers: \(kind.rawValue) cannot be approved by an end-user")
                }
                if let limit = tier.upToMinor, limit < 0 {
                    errors.add("tiers", error: "InvalidValue", "Tiers: \(kind.rawValue) has a negative limit \(limit)")
                }
            }
        }
        if outOfWarranty == .endUser {
            errors.add("out_of_warranty", error: "InvalidValue", "Out of warranty: must be a staff role")
        }
        try errors.throwIfAny()
    }
}

/// The single place that decides whether an RMA is approved when it is created or waits for an approver.
public enum RMAApprovalPolicy {
    public enum Verdict: Sendable, Equatable {
        case allowed
        case needsApproval(by: Role)
    }

    public static func decide(kind: RMAKind, valueMinor: Int, inWarranty: Bool, role: Role,
                              rules: RMAApprovalRules = .standard) -> Verdict {
        let needed = rules.approver(kind: kind, valueMinor: valueMinor, inWarranty: inWarranty)
        return role.rank >= needed.rank ? .allowed : .needsApproval(by: needed)
    }
}
