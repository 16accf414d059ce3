import CasebookCore
import Foundation
import SQLKit

/// What someone asks for when they open an RMA.
struct RMAInput: Sendable {
    var ticketID: Int
    var assetID: Int
    var kind: RMAKind
    var valueMinor: Int
    var currency: String
    var obligation: String
    /// Why the troubleshooting checklist is overridden (lead or above), when it is incomplete.
    var overrideReason: String
}

/// RMAs from request to close: the checklist policy and its override, approval limits by role and value, the life
/// cycle (`RMALifecycle`), the customer's obligation and the overdue-return reminders. Every step is one
/// transaction, written on the RMA's history and the ticket's timeline.
struct RMAService: Sendable {
    let tickets: TicketService
    let clock: AppClock
    var decisions: DecisionService { DecisionService(tickets: tickets, clock: clock) }

    static let defaultOverrideRole = Role.lead

    func rules(db: any SQLDatabase) async throws -> (RMAApprovalRules, overrideRole: Role) {
        let settings = PolicySettingsStore(db: db)
        var rules = RMAApprovalRules.standard
        if let value = try await settings.value(PolicySettingsStore.rmaApprovalRules), let parsed = try? Self.parseRules(value) {
            rules = parsed
        }
        let role = try await settings.value(PolicySettingsStore.overrideRole)?.stringValue.flatMap(Role.init(rawValue:)) ?? Self.defaultOverrideRole
        return (rules, role)
    }

    // MARK: Opening an RMA

    func create(_ input: RMAInput, actor: Actor, db: any SQLDatabase) async throws -> RMARecord {
        guard let ticket = try await TicketStore(db: db).load(id: input.ticketID) else {
            throw APIError.invalid("ticket_id", "Ticket: no ticket \(input.ticketID)")
        }
        let assets = AssetStore(db: db)
        guard let asset = try await assets.find(id: input.assetID) else { throw APIError.invalid("asset_id", "Asset: no asset \(input.assetID)") }
        if input.valueMinor < 0 { throw APIError.invalid("value", "Value: must not be negative") }
        let now = clock.now()
        let warranty = try await asset.productID.asyncMap { try await assets.warranty(productID: $0) } ?? nil
        let status = WarrantyStatus.of(purchasedAt: asset.purchasedAt, terms: warranty?.terms, now: now)
        let (rules, overrideRole) = try await rules(db: db)
        let results = Dictionary(try await assets.results(ticketID: ticket.id).map { ($0.stepKey, $0.result) }, uniquingKeysWith: { $1 })
        let verdict = ChecklistPolicy.check(kind: input.kind, steps: warranty?.checklist ?? [], results: results)
        let overrideReason = input.overrideReason.trimmingCharacters(in: .whitespacesAndNewlines)
        var overridden: [ChecklistStep] = []
        if case .incomplete(let missing) = verdict {
            let titles = missing.map { "“\($0.title)”" }.joined(separator: ", ")
            let caveat = warranty?.terms.caveats.first.map { " The warranty says: \($0)." } ?? ""
            guard !overrideReason.isEmpty else {
                throw APIError.invalid("checklist", "Checklist: a \(input.kind.words) needs these troubleshooting steps first: \(titles).\(caveat) "
                                       + "A \(overrideRole.rawValue) or above can override this with a reason (override_reason); it goes on the record.",
                                       error: "ChecklistIncomplete")
            }
            guard ChecklistPolicy.canOverride(role: actor.role, minimum: overrideRole) else {
                throw APIError.forbidden("Only a \(overrideRole.rawValue) or above can override the troubleshooting checklist (missing: \(titles))")
            }
            overridden = missing
        }
        let approval = RMAApprovalPolicy.decide(kind: input.kind, valueMinor: input.valueMinor, inWarranty: status.isCovered,
                                                role: actor.role, rules: rules)
        var obligation = input.obligation.trimmingCharacters(in: .whitespacesAndNewlines)
        if obligation.isEmpty, input.kind == .advanceReplacement {
            let days = warranty?.terms.returnDays ?? 14
            obligation = "Return the faulty unit within \(days) days of the replacement shipping. If the fault turns out to lie elsewhere, "
                + "send the replacement back or be invoiced for it."
        }
        var rma = RMARecord(id: 0, ticketID: ticket.id, assetID: asset.id, kind: input.kind, status: .requested,
                            value: Money(minor: input.valueMinor, currency: input.currency), inWarranty: status.isCovered,
                            approverRole: nil, requestedByID: actor.id, ownerID: actor.id, decidedByID: nil, decidedAt: nil,
                            decisionReason: "", tracking: "", shippedAt: nil, returnDueAt: nil, receivedAt: nil, outcome: nil,
                            inspectionNote: "", obligation: obligation, obligationAcceptedVia: nil, obligationAcceptedAt: nil,
                            obligationNote: "", obligationApplies: nil, remindedAt: nil, closedAt: nil, createdAt: now, updatedAt: now)
        if case .needsApproval(let role) = approval { rma.approverRole = role }
        rma.id = try await RMAStore(db: db).insert(rma)
        try await assets.link(ticketID: ticket.id, assetID: asset.id, by: "rma", at: now)
        let who = try await name(actor.id, db: db)
        let warrantyText = status.isCovered ? "in warranty" : (status == .unknown ? "warranty unknown" : "out of warranty")
        try await RMAStore(db: db).addEvent(rmaID: rma.id, event: "requested", status: .requested, actorID: actor.id,
                                            note: "\(input.kind.words) for \(asset.serial), \(rma.value.text), \(warrantyText)", at: now)
        var notices = ["RMA #\(rma.id) (\(input.kind.words)) for \(asset.serial) requested by \(who), \(warrantyText)"]
        if !overridden.isEmpty {
            let rule = (warranty?.terms.caveats.first ?? "A \(input.kind.words) requires completed troubleshooting")
            try await decisions.record(.init(
                kind: .policyOverride, rule: rule,
                what: "\(input.kind.words.capitalizedFirst) RMA #\(rma.id) for \(asset.serial) with troubleshooting incomplete ("
                    + overridden.map(\.title).joined(separator: ", ") + ")",
                reason: overrideReason, ticketID: ticket.id, subjectType: "rma", subjectID: rma.id), actor: actor, db: db)
        }
        switch approval {
        case .allowed:
            rma = try await step(rma, .approve, actor: actor, note: "within \(who)'s own approval limit", db: db) { r in
                r.decidedByID = actor.id
                r.decidedAt = now
            }
            notices.append("RMA #\(rma.id) approved (within \(who)'s limit)")
            rma = try await afterApproval(rma, actor: actor, warranty: warranty, db: db)
        case .needsApproval(let role):
            notices.append("RMA #\(rma.id) waits for a \(role.rawValue)'s approval")
        }
        try await notice(rma.ticketID, notices, actor: actor, db: db)
        return rma
    }

    // MARK: Approval

    func decide(rmaID: Int, approve: Bool, reason raw: String, actor: Actor, db: any SQLDatabase) async throws -> RMARecord {
        guard var rma = try await RMAStore(db: db).find(id: rmaID) else { throw APIError.notFound("No RMA \(rmaID)") }
        guard rma.status == .requested else { throw APIError.invalid("status", "RMA #\(rmaID) is already \(rma.status.words)") }
        let reason = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if reason.isEmpty {
            throw APIError.invalid("reason", "Reason: say why the RMA is \(approve ? "approved" : "declined")", error: "BlankValue")
        }
        guard rma.requestedByID != actor.id else { throw APIError.forbidden("RMA #\(rmaID) was requested by you; someone else approves it") }
        let (rules, _) = try await rules(db: db)
        let needed = rules.approver(kind: rma.kind, valueMinor: rma.value.minor, inWarranty: rma.inWarranty)
        guard actor.role.rank >= needed.rank else {
            throw APIError.forbidden("RMA #\(rmaID) (\(rma.kind.words), \(rma.value.text)\(rma.inWarranty ? "" : ", out of warranty")) needs a \(needed.rawValue)")
        }
        let now = clock.now()
        let who = try await name(actor.id, db: db)
        rma = try await step(rma, approve ? .approve : .decline, actor: actor, note: reason, db: db) { r in
            r.decidedByID = actor.id
            r.decidedAt = now
            r.decisionReason = reason
            r.approverRole = nil
        }
        if approve {
            let requester = try await name(rma.requestedByID, db: db)
            try await decisions.record(.init(
                kind: .approvalAboveLimit,
                rule: "RMA approval limits: a \(rma.kind.words) of \(rma.value.text)\(rma.inWarranty ? "" : " out of warranty") needs a \(needed.rawValue)",
                what: "RMA #\(rma.id) requested by \(requester) approved by \(who)", reason: reason, ticketID: rma.ticketID,
                subjectType: "rma", subjectID: rma.id, approvalChain: [rma.requestedByID]), actor: actor, db: db)
            let warranty = try await warrantyOf(assetID: rma.assetID, db: db)
            rma = try await afterApproval(rma, actor: actor, warranty: warranty, db: db)
            try await notice(rma.ticketID, ["RMA #\(rma.id) approved by \(who): \(reason)"], actor: actor, db: db)
        } else {
            try await notice(rma.ticketID, ["RMA #\(rma.id) declined by \(who): \(reason)"], actor: actor, db: db)
        }
        return rma
    }

    /// Everything but an advance replacement now waits for the customer's unit.
    private func afterApproval(_ rma: RMARecord, actor: Actor, warranty: WarrantyRecord?, db: any SQLDatabase) async throws -> RMARecord {
        guard rma.kind != .advanceReplacement else { return rma }
        let due = clock.now() + Int64(warranty?.terms.returnDays ?? 14) * 86_400_000
        return try await step(rma, .awaitUnit, actor: actor, note: "unit due back by \(Self.day(due))", db: db) { $0.returnDueAt = due }
    }

    // MARK: The life cycle after approval

    func ship(rmaID: Int, tracking raw: String, actor: Actor, db: any SQLDatabase) async throws -> RMARecord {
        let tracking = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if tracking.isEmpty { throw APIError.invalid("tracking", "Tracking: the carrier's tracking number is required", error: "BlankValue") }
        var rma = try await load(rmaID, db: db)
        let now = clock.now()
        rma = try await step(rma, .shipReplacement, actor: actor, note: "tracking \(tracking)", db: db) { r in
            r.tracking = tracking
            r.shippedAt = now
        }
        var text = "RMA #\(rma.id): \(rma.kind == .repair ? "repaired unit" : "replacement") shipped, tracking \(tracking)"
        if rma.kind == .advanceReplacement {
            let warranty = try await warrantyOf(assetID: rma.assetID, db: db)
            let due = now + Int64(warranty?.terms.returnDays ?? 14) * 86_400_000
            rma = try await step(rma, .awaitUnit, actor: actor, note: "faulty unit due back by \(Self.day(due))", db: db) { $0.returnDueAt = due }
            text += "; the faulty unit is due back by \(Self.day(due))"
        }
        try await notice(rma.ticketID, [text], actor: actor, db: db)
        return rma
    }

    func receive(rmaID: Int, note: String, actor: Actor, db: any SQLDatabase) async throws -> RMARecord {
        let now = clock.now()
        let rma = try await step(try await load(rmaID, db: db), .receive, actor: actor, note: note, db: db) { $0.receivedAt = now }
        try await notice(rma.ticketID, ["RMA #\(rma.id): the customer's unit arrived" + (note.isEmpty ? "" : " (\(note))")], actor: actor, db: db)
        return rma
    }

    func inspect(rmaID: Int, outcome: InspectionOutcome, note: String, actor: Actor, db: any SQLDatabase) async throws -> RMARecord {
        var rma = try await load(rmaID, db: db)
        let applies = !rma.obligation.isEmpty && RMAObligation.applies(after: outcome)
        rma = try await step(rma, .inspect, actor: actor, note: "\(outcome.words)" + (note.isEmpty ? "" : ": \(note)"), db: db) { r in
            r.outcome = outcome
            r.inspectionNote = note
            r.obligationApplies = r.obligation.isEmpty ? nil : applies
        }
        try await DecisionStore(db: db).setOutcome(subjectType: "rma", subjectID: rma.id, outcome: outcome.rawValue)
        var text = "RMA #\(rma.id) inspected: \(outcome.words)" + (note.isEmpty ? "" : " (\(note))")
        if applies {
            let accepted = rma.obligationAcceptedVia.map { " The customer accepted it (\($0 == .portal ? "in the portal" : "verbally, noted by the agent"))." }
                ?? " The customer never recorded accepting it."
            text += ". The customer's obligation applies: \(rma.obligation)\(accepted)"
        }
        try await notice(rma.ticketID, [text], actor: actor, db: db)
        return rma
    }

    func close(rmaID: Int, note: String, actor: Actor, db: any SQLDatabase) async throws -> RMARecord {
        let now = clock.now()
        let rma = try await step(try await load(rmaID, db: db), .close, actor: actor, note: note, db: db) { $0.closedAt = now }
        let asset: AssetStatus
        switch (rma.kind, rma.outcome) {
        case (.refund, _): asset = .returned
        case (.replacement, .faultConfirmed?), (.advanceReplacement, .faultConfirmed?): asset = .replaced
        default: asset = .inService
        }
        try await AssetStore(db: db).setStatus(assetID: rma.assetID, asset, at: now)
        try await notice(rma.ticketID, ["RMA #\(rma.id) closed" + (note.isEmpty ? "" : ": \(note)")], actor: actor, db: db)
        return rma
    }

    func cancel(rmaID: Int, reason raw: String, actor: Actor, db: any SQLDatabase) async throws -> RMARecord {
        let reason = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        if reason.isEmpty { throw APIError.invalid("reason", "Reason: say why the RMA is cancelled", error: "BlankValue") }
        let rma = try await step(try await load(rmaID, db: db), .cancel, actor: actor, note: reason, db: db) { $0.approverRole = nil }
        try await notice(rma.ticketID, ["RMA #\(rma.id) cancelled: \(reason)"], actor: actor, db: db)
        return rma
    }

    /// The customer's agreement to the obligation: their own click in the portal, or an agent's note of a verbal yes.
    func acceptObligation(rmaID: Int, via: RMAObligation.Acceptance, note raw: String, actor: Actor, db: any SQLDatabase) async throws -> RMARecord {
        var rma = try await load(rmaID, db: db)
        let note = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !rma.obligation.isEmpty else { throw APIError.invalid("obligation", "RMA #\(rmaID) records no obligation to accept") }
        guard rma.obligationAcceptedAt == nil else { throw APIError.invalid("obligation", "RMA #\(rmaID): the obligation was already accepted") }
        guard !rma.status.isFinal else { throw APIError.invalid("status", "RMA #\(rmaID) is \(rma.status.words)") }
        switch via {
        case .portal:
            guard let ticket = try await TicketStore(db: db).load(id: rma.ticketID), ticket.fields.requesterID == actor.id else {
                throw APIError.forbidden("Only the customer accepts in the portal")
            }
        case .verbal:
            guard actor.role.isStaff else { throw APIError.forbidden("Only an agent records a verbal agreement") }
            if note.isEmpty {
                throw APIError.invalid("note", "Note: say when and how the customer agreed (\"on the phone at 14:10, read back to him\")",
                                       error: "BlankValue")
            }
        }
        let now = clock.now()
        rma.obligationAcceptedVia = via
        rma.obligationAcceptedAt = now
        rma.obligationNote = note
        rma.updatedAt = now
        try await RMAStore(db: db).save(rma)
        try await RMAStore(db: db).addEvent(rmaID: rma.id, event: "obligation_accepted", status: rma.status, actorID: actor.id,
                                            note: via == .portal ? "accepted in the portal" : "verbal: \(note)", at: now)
        let who = try await name(actor.id, db: db)
        try await notice(rma.ticketID, [via == .portal
            ? "RMA #\(rma.id): \(who) accepted the obligation in the portal: \(rma.obligation)"
            : "RMA #\(rma.id): \(who) recorded the customer's verbal agreement (\(note)): \(rma.obligation)"], actor: actor, db: db)
        return rma
    }

    /// Faulty units overdue: a reminder to the customer on the ticket (a public reply from the RMA's owner) and a
    /// task for the owner in their notifications. Again every three days while it stays overdue.
    func remindOverdue(database: Database) async throws -> Int {
        let now = clock.now()
        let due = try await database.read { db in try await RMAStore(db: db).overdue(now: now, remindedBefore: now - 3 * 86_400_000, limit: 200) }
        for candidate in due {
            try await database.write { db in
                guard var rma = try await RMAStore(db: db).find(id: candidate.id), rma.overdue(now: now) else { return }
                let owner = rma.ownerID ?? rma.requestedByID
                guard let ownerUser = try await UserStore(db: db).find(id: owner) else { return }
                let asset = try await AssetStore(db: db).find(id: rma.assetID)
                let dueDay = Self.day(rma.returnDueAt ?? now)
                if let ticket = try await TicketStore(db: db).load(id: rma.ticketID), ticket.fields.status < .closed {
                    let body = "A reminder about RMA #\(rma.id): the unit \(asset?.serial ?? "") was due back with us on \(dueDay) and has not "
                        + "arrived yet. Please send it, or reply if something is in the way." + (rma.obligation.isEmpty ? "" : " As agreed: \(rma.obligation)")
                    _ = try await tickets.update(rma.ticketID, ["comment": ["body": .string(body), "public": true]],
                                                 actor: Actor(id: ownerUser.id, role: ownerUser.role), via: .api, db: db)
                }
                if ownerUser.active, ownerUser.role.isStaff, let ticket = try await TicketStore(db: db).load(id: rma.ticketID), ticket.fields.status < .closed {
                    _ = try await FollowUpService(tickets: tickets, clock: clock).create(
                        ticketID: rma.ticketID,
                        .init(title: "Chase the faulty unit \(asset?.serial ?? "") for RMA #\(rma.id) (due \(dueDay))", dueAt: now + 86_400_000,
                              ownerID: owner, note: "The customer was reminded on \(Self.day(now))."),
                        actor: Actor(id: ownerUser.id, role: ownerUser.role), db: db)
                }
                try await DecisionStore(db: db).notify(userIDs: [owner], kind: "rma_overdue",
                                                       text: "Task: RMA #\(rma.id) — the faulty unit \(asset?.serial ?? "") was due on \(dueDay). The customer was reminded; follow up.",
                                                       ticketID: rma.ticketID, link: "/agent/rmas/\(rma.id)", at: now)
                rma.remindedAt = now
                try await RMAStore(db: db).save(rma)
                try await RMAStore(db: db).addEvent(rmaID: rma.id, event: "reminded", status: rma.status, actorID: nil,
                                                    note: "customer reminded; task for \(ownerUser.name)", at: now)
            }
        }
        return due.count
    }

    // MARK: Helpers

    private func load(_ id: Int, db: any SQLDatabase) async throws -> RMARecord {
        guard let rma = try await RMAStore(db: db).find(id: id) else { throw APIError.notFound("No RMA \(id)") }
        return rma
    }

    /// One move of the life cycle, refused with 422 naming the rule when `RMALifecycle` forbids it.
    private func step(_ rma: RMARecord, _ event: RMAEvent, actor: Actor, note: String, db: any SQLDatabase,
                      change: (inout RMARecord) -> Void) async throws -> RMARecord {
        var next = rma
        do throws(RMALifecycle.Refusal) {
            next.status = try RMALifecycle.next(kind: rma.kind, from: rma.status, event: event, outcome: rma.outcome)
        } catch {
            throw APIError.invalid("status", error.description, error: "InvalidTransition")
        }
        change(&next)
        next.updatedAt = clock.now()
        try await RMAStore(db: db).save(next)
        try await RMAStore(db: db).addEvent(rmaID: rma.id, event: event.rawValue, status: next.status, actorID: actor.id, note: note, at: next.updatedAt)
        return next
    }

    private func warrantyOf(assetID: Int, db: any SQLDatabase) async throws -> WarrantyRecord? {
        guard let productID = try await AssetStore(db: db).find(id: assetID)?.productID else { return nil }
        return try await AssetStore(db: db).warranty(productID: productID)
    }

    private func notice(_ ticketID: Int, _ texts: [String], actor: Actor, db: any SQLDatabase) async throws {
        guard let ticket = try await TicketStore(db: db).load(id: ticketID), ticket.fields.status < .closed else { return }
        _ = try await tickets.update(ticketID, [:], actor: Actor(id: actor.id, role: actor.role.isStaff ? actor.role : .agent),
                                     via: .web, db: db, loaded: ticket, notices: texts.map { .notice(kind: "rma", text: $0) })
    }

    private func name(_ id: Int, db: any SQLDatabase) async throws -> String {
        try await UserStore(db: db).find(id: id)?.name ?? "#\(id)"
    }

    static func day(_ millis: Int64) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "d MMMM yyyy"
        return formatter.string(from: Timestamp.date(millis))
    }

    // MARK: Policy settings

    static func parseRules(_ value: JSONValue) throws -> RMAApprovalRules {
        var tiers: [RMAKind: [RMAApprovalRules.Tier]] = [:]
        var errors = FieldErrors()
        for (key, list) in value["tiers"]?.objectValue?.pairs ?? [] {
            guard let kind = RMAKind(rawValue: key) else {
                errors.add("tiers", error: "InvalidValue", "Tiers: \(key) is not an RMA kind (\(RMAKind.allCases.map(\.rawValue).joined(separator: ", ")))")
                continue
            }
            tiers[kind] = (list.arrayValue ?? []).compactMap { tier in
                guard let role = tier["role"]?.stringValue.flatMap(Role.init(rawValue:)) else {
                    errors.add("tiers", error: "InvalidValue", "Tiers: each tier of \(key) needs a role (agent, lead, manager, admin)")
                    return nil
                }
                if let up = tier["up_to"], !up.isNull, up.intValue == nil {
                    errors.add("tiers", error: "InvalidValue", "Tiers: up_to is a whole number of minor units or null")
                }
                return .init(upToMinor: tier["up_to"]?.intValue, role: role)
            }
        }
        let outOfWarranty = value["out_of_warranty"]?.stringValue.flatMap(Role.init(rawValue:))
        if outOfWarranty == nil { errors.add("out_of_warranty", error: "InvalidValue", "Out of warranty: agent, lead, manager or admin") }
        if !errors.isEmpty { throw APIError.invalid(errors) }
        let rules = RMAApprovalRules(tiers: tiers, outOfWarranty: outOfWarranty!)
        do throws(FieldErrors) { try rules.validate() } catch { throw APIError.invalid(error) }
        return rules
    }

    static func present(rules: RMAApprovalRules, overrideRole: Role) -> JSONValue {
        var tiers = JSONObject()
        for kind in RMAKind.allCases {
            tiers[kind.rawValue] = .array((rules.tiers[kind] ?? []).map { ["up_to": JSONValue($0.upToMinor), "role": .string($0.role.rawValue)] })
        }
        return ["tiers": .object(tiers), "out_of_warranty": .string(rules.outOfWarranty.rawValue),
                "checklist_override_role": .string(overrideRole.rawValue)]
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
