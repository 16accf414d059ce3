import Testing
import PropertyBased
import CasebookCore

/// A random round of allocation over the BeamTag catalogue: stock, and entries with every kind of preference.
/// Positions and creation times are drawn from small ranges so ties are common.
struct AllocationScenario: Sendable, CustomStringConvertible {
    static let skus: [SKU] = [Tags.pink, Tags.blue, Tags.green, Tags.white, Tags.dock, Tags.pack3.sku, Tags.kit.sku]
    var stock: [SKU: Int]
    var entries: [BackorderEntry]
    var description: String { "stock \(stock), entries \(entries.map { "#\($0.id) \($0.quantity)×\($0.sku) pos \($0.position)/\($0.createdAt) \($0.consent.preference) partial \($0.consent.partialAllowed) recorded \($0.consent.capturedByID != nil)" })" }

    static let generator = zip(
        Gen.int(in: 0...6).array(of: 5),
        zip(Gen.int(in: 0...6), Gen.int(in: 1...3), Gen.int(in: 0...3), Gen.int(in: 0...15), Gen.bool,
            Gen.int(in: 0...6), Gen.int(in: 0...3), Gen.int(in: 0...9)).array(of: 0...24)
    ).map { stockCounts, rows in
        let stock = Dictionary(uniqueKeysWithValues: zip(skus.prefix(5), stockCounts))
        let entries = rows.enumerated().map { id, row in
            let (skuIndex, quantity, kind, mask, partial, position, createdAt, recorded) = row
            let preference: Preference = switch kind {
            case 0: .wait
            case 1: .cancelAndRefund
            case 2: .acceptSubstitutes(.skus(Set(skus.prefix(5).enumerated().filter { mask & (1 << $0.offset) != 0 }.map(\.element))))
            default: .acceptSubstitutes(.anyVariantOfProduct)
            }
            let consent = PreferenceRecord(preference: preference, partialAllowed: partial,
                                           capturedByID: recorded == 0 ? nil : agentID, capturedAt: 0, byCustomer: recorded.isMultiple(of: 2))
            return BackorderEntry(id: id, orderID: id, lineID: id, customerID: id, sku: skus[skuIndex], quantity: quantity,
                                  position: Double(position), consent: consent, createdAt: Int64(createdAt))
        }
        return AllocationScenario(stock: stock, entries: entries)
    }
}

/// An independent statement of what an entry may receive: the rules, not the allocator's code.
enum Oracle {
    static let bundles = Dictionary(uniqueKeysWithValues: Tags.bundles.map { ($0.sku, $0) })

    static func consented(_ entry: BackorderEntry) -> (preference: Preference, partial: Bool) {
        entry.consent.capturedByID == nil ? (.wait, false) : (entry.consent.preference, entry.consent.partialAllowed)
    }

    /// The SKUs that may fill a single-variant entry.
    static func allowedSKUs(_ entry: BackorderEntry) -> Set<SKU> {
        switch consented(entry).preference {
        case .wait, .cancelAndRefund: [entry.sku]
        case .acceptSubstitutes(.skus(let skus)): skus.filter { bundles[$0] == nil }.union([entry.sku])
        case .acceptSubstitutes(.anyVariantOfProduct):
            Set(Tags.variants.values.first { $0.contains(entry.sku) } ?? []).union([entry.sku])
        }
    }

    /// How many of the entry's units this stock could fill, ignoring how many were ordered.
    static func fillable(_ entry: BackorderEntry, _ stock: [SKU: Int]) -> Int {
        if let bundle = bundles[entry.sku] {
            return bundle.components.map { $0.choices.reduce(0) { $0 + stock[$1, default: 0] } / $0.quantity }.min()!
        }
        return allowedSKUs(entry).reduce(0) { $0 + stock[$1, default: 0] }
    }

    static func canFill(_ entry: BackorderEntry, _ stock: [SKU: Int]) -> Bool {
        let units = fillable(entry, stock)
        return units >= entry.quantity || (consented(entry).partial && units > 0)
    }
}

@Suite("Order properties")
struct OrdersPropertyTests {
    let plan = { (s: AllocationScenario) in
        Allocator.plan(stock: s.stock, entries: s.entries, variantsByProduct: Tags.variants, bundles: Tags.bundles)
    }

    @Test("allocation never takes more of a SKU than is in stock")
    func neverOverAllocates() async {
        await propertyCheck(count: 300, input: AllocationScenario.generator) { scenario in
            let plan = plan(scenario)
            for (sku, taken) in plan.allocatedStock {
                #expect(taken <= scenario.stock[sku, default: 0], "\(sku)")
                #expect(plan.remainingStock[sku, default: 0] == scenario.stock[sku, default: 0] - taken)
            }
            #expect(plan.allocations.allSatisfy { $0.lines.allSatisfy { $0.quantity > 0 } })
        }
    }

    @Test("allocation never goes against a preference")
    func respectsPreferences() async {
        await propertyCheck(count: 300, input: AllocationScenario.generator) { scenario in
            let plan = plan(scenario)
            let byID = Dictionary(uniqueKeysWithValues: scenario.entries.map { ($0.id, $0) })
            let decided = plan.allocations.map(\.entryID) + plan.skippedIDs + plan.refunds
            #expect(decided.sorted() == scenario.entries.map(\.id).sorted(), "every entry decided exactly once")
            #expect(Set(plan.refunds) == Set(scenario.entries.filter { Oracle.consented($0).preference == .cancelAndRefund }.map(\.id)))
            for allocation in plan.allocations {
                let entry = byID[allocation.entryID]!
                #expect(Oracle.consented(entry).preference != .cancelAndRefund)
                #expect(allocation.units >= 1 && allocation.units <= entry.quantity)
                if allocation.units < entry.quantity { #expect(Oracle.consented(entry).partial, "partial without consent: \(entry.id)") }
                if let bundle = Oracle.bundles[entry.sku] {
                    for component in bundle.components {
                        let sent = allocation.lines.filter { component.choices.contains($0.sku) }.reduce(0) { $0 + $1.quantity }
                        #expect(sent == component.quantity * allocation.units, "bundle \(entry.id) not whole")
                    }
                } else {
                    #expect(allocation.lines.allSatisfy { Oracle.allowedSKUs(entry).contains($0.sku) }, "substitute without consent: \(entry.id)")
                    #expect(allocation.lines.reduce(0) { $0 + $1.quantity } == allocation.units)
                }
            }
        }
    }

    /// For every skipped entry E and every allocation to an entry behind E, the stock left at E's turn could not have
    /// filled E under its preferences; and every allocation is as large as the stock at its turn allowed.
    @Test("allocation never passes over an entry it could have filled")
    func neverSkipsAFillableEntry() async {
        await propertyCheck(count: 300, input: AllocationScenario.generator) { scenario in
            let plan = plan(scenario)
            let allocated = Dictionary(uniqueKeysWithValues: plan.allocations.map { ($0.entryID, $0) })
            let skipped = Set(plan.skippedIDs)
            let ordered = scenario.entries.sorted(by: BackorderEntry.queueOrder)
            var stock = scenario.stock
            for (index, entry) in ordered.enumerated() {
                if skipped.contains(entry.id), ordered[(index + 1)...].contains(where: { allocated[$0.id] != nil }) {
                    #expect(!Oracle.canFill(entry, stock), "entry \(entry.id) was fillable from \(stock) but passed over")
                }
                if let allocation = allocated[entry.id] {
                    #expect(allocation.units == min(entry.quantity, Oracle.fillable(entry, stock)), "entry \(entry.id) got less than it could")
                    for line in allocation.lines { stock[line.sku, default: 0] -= line.quantity }
                }
            }
        }
    }

    @Test("the ledger never goes negative, and a rebuild equals booking move by move")
    func ledgerRebuildEqualsIncremental() async {
        let transitions = MovementReason.allCases.flatMap { reason in reason.allowedTransitions.map { (reason, $0.from, $0.to) } }
        let skus = [Tags.pink, Tags.blue]
        let moves = zip(Gen.int(in: 0...1), Gen.int(in: 0...(transitions.count - 1)), Gen.int(in: 1...5)).array(of: 0...60)
        await propertyCheck(count: 300, input: moves) { rows in
            var levels = StockLevels(), accepted: [StockMovement] = [], sums: [SKU: [StockState: Int]] = [:]
            for (at, (skuIndex, transition, quantity)) in rows.enumerated() {
                let (reason, from, to) = transitions[transition]
                let movement = StockMovement(sku: skus[skuIndex], quantity: quantity, from: from, to: to, reason: reason,
                                             actorID: 1, at: Int64(at), reference: "p")
                let had = from.map { levels[movement.sku, $0] }
                do throws(StockLedger.Refusal) {
                    try StockLedger.apply(movement, to: &levels)
                    accepted.append(movement)
                    if let from { sums[movement.sku, default: [:]][from, default: 0] -= quantity }
                    if let to { sums[movement.sku, default: [:]][to, default: 0] += quantity }
                } catch {
                    #expect(error == .wouldGoNegative(sku: movement.sku, state: from!, has: had!, moving: quantity))
                }
                #expect(skus.allSatisfy { sku in StockState.allCases.allSatisfy { levels[sku, $0] >= 0 } })
            }
            #expect((try? StockLevels.rebuild(from: accepted)) == levels)
            #expect(skus.allSatisfy { sku in StockState.allCases.allSatisfy { levels[sku, $0] == sums[sku]?[$0] ?? 0 } })
        }
    }

    @Test("a role may approve alone exactly the amounts within its limit; otherwise the next role up that can")
    func approvalLimits() async {
        let limit = Gen.int(in: 0...100_000).optional
        await propertyCheck(count: 300, input: Gen.int(in: 0...120_000), Gen<Role>.case, zip(limit, limit, limit)) { amount, role, limits in
            let limits = ApprovalLimits(agent: limits.0, lead: limits.1, manager: limits.2)
            let covers = { (role: Role) in limits.limit(for: role).map { amount <= $0 } ?? true }
            switch ApprovalPolicy.decide(amountMinor: amount, role: role, limits: limits) {
            case .allowed:
                #expect(covers(role))
            case .needsApproval(let approver):
                #expect(!covers(role) && covers(approver) && approver.rank > role.rank)
                #expect(Role.allCases.filter { $0.rank > role.rank && $0.rank < approver.rank }.allSatisfy { !covers($0) })
            }
        }
    }

    @Test("any sequence of moves puts the entry where asked and keeps everyone else in order")
    func queueMoves() async {
        let queues = zip(Gen.int(in: 0...3).array(of: 1...12), zip(Gen.int(in: 0...11), Gen.int(in: 0...11)).array(of: 1...40))
        await propertyCheck(count: 300, input: queues) { times, moves in
            var queue = BackorderQueue(sku: Tags.pink, entries: times.enumerated().map { entry($0.offset + 1, Tags.pink, at: Int64($0.element)) })
            for (pick, target) in moves {
                let before = queue.entries
                let moved = before[pick % before.count]
                let result = try queue.move(moved.id, to: target % before.count, reason: "r", by: lead, at: 0)
                #expect(queue.entries[target % before.count].id == moved.id)
                #expect(queue.entries.filter { $0.id != moved.id }.map(\.id) == before.filter { $0.id != moved.id }.map(\.id))
                for other in queue.entries where other.id != moved.id {
                    #expect(other.position == result.repositioned[other.id] ?? before.first { $0.id == other.id }!.position)
                }
                #expect(BackorderQueue(sku: Tags.pink, entries: queue.entries.shuffled()).entries.map(\.id) == queue.entries.map(\.id))
            }
        }
    }
}
