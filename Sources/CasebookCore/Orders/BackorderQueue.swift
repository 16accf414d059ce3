import Foundation

/// What a customer on backorder wants to happen when their item is short.
public enum Preference: Hashable, Codable, Sendable {
    /// Keep the order and wait for the exact item. The default: nobody has to ask for it.
    case wait
    /// Give up the line and be refunded; the allocator never sends stock to it.
    case cancelAndRefund
    /// Ship something else now rather than wait.
    case acceptSubstitutes(Substitutes)

    public enum Substitutes: Hashable, Codable, Sendable {
        /// Only these SKUs.
        case skus(Set<SKU>)
        /// Any variant of the ordered item's product ("any colour, send them now").
        case anyVariantOfProduct
    }
}

/// A preference as captured: who asked, when, and whether the customer said it themselves. Anything beyond
/// waiting for the exact, whole line is a promise made on the customer's behalf, so it must name who captured it.
public struct PreferenceRecord: Hashable, Codable, Sendable {
    public var preference: Preference
    public var partialAllowed: Bool
    /// `nil` only for the default (wait for the whole line), which nobody captured.
    public var capturedByID: Int?
    public var capturedAt: Int64
    /// Said by the customer (portal, reply) rather than entered by an agent from a call.
    public var byCustomer: Bool

    public init(preference: Preference, partialAllowed: Bool, capturedByID: Int?, capturedAt: Int64, byCustomer: Bool) {
        self.preference = preference
        self.partialAllowed = partialAllowed
        self.capturedByID = capturedByID
        self.capturedAt = capturedAt
        self.byCustomer = byCustomer
    }

    /// The default every backorder starts with: wait for the whole line.
    public static func waiting(since at: Int64) -> PreferenceRecord {
        PreferenceRecord(preference: .wait, partialAllowed: false, capturedByID: nil, capturedAt: at, byCustomer: false)
    }

    /// A record without a capturer counts only as the default, so a half-saved form can never authorise a
    /// substitute, a partial shipment or a refund.
    public var effectivePreference: Preference { capturedByID == nil ? .wait : preference }
    public var effectivePartialAllowed: Bool { capturedByID != nil && partialAllowed }
}

/// One order line waiting for stock.
public struct BackorderEntry: Hashable, Codable, Sendable, Identifiable {
    public var id: Int
    public var orderID: Int
    public var lineID: Int
    public var customerID: Int
    public var sku: SKU
    public var quantity: Int
    /// Queue order, lowest first. Starts as the order time (ms), so the queue is first-come first-served and
    /// entries of different SKUs interleave fairly; a move changes only the moved entry's position.
    public var position: Double
    public var consent: PreferenceRecord
    public var createdAt: Int64

    public init(id: Int, orderID: Int, lineID: Int, customerID: Int, sku: SKU, quantity: Int, position: Double? = nil,
                consent: PreferenceRecord? = nil, createdAt: Int64) {
        self.id = id
        self.orderID = orderID
        self.lineID = lineID
        self.customerID = customerID
        self.sku = sku
        self.quantity = quantity
        self.position = position ?? Double(createdAt)
        self.consent = consent ?? .waiting(since: createdAt)
        self.createdAt = createdAt
    }

    public var preference: Preference { consent.effectivePreference }
    public var partialAllowed: Bool { consent.effectivePartialAllowed }

    /// Queue order: position, then creation time, then id, so equal positions still sort the same way everywhere.
    public static func queueOrder(_ a: BackorderEntry, _ b: BackorderEntry) -> Bool {
        (a.position, a.createdAt, a.id) < (b.position, b.createdAt, b.id)
    }
}

/// The rule for reordering a backorder queue by hand: a lead or above, with a reason that the audit trail shows
/// to the next person who asks "why did they jump the queue?".
public enum QueueMove {
    public enum Refusal: Error, Hashable, Sendable, CustomStringConvertible {
        case reasonRequired
        case roleNotAllowed(Role)
        case unknownEntry(id: Int, sku: SKU)
        case indexOutOfRange(index: Int, count: Int)

        public var description: String {
            switch self {
            case .reasonRequired: "Queue move: a reason is required; say why this customer moves"
            case .roleNotAllowed(let role): "Queue move: only a lead, manager or admin may reorder a queue, not \(role == .endUser ? "an end-user" : "an \(role.rawValue)")"
            case .unknownEntry(let id, let sku): "Queue move: entry \(id) is not in the \(sku) queue"
            case .indexOutOfRange(let index, let count): "Queue move: position \(index) is outside the queue (0..<\(count))"
            }
        }
    }

    public static func check(role: Role, reason: String) throws(Refusal) {
        guard role.allows(.reorderQueues) else { throw .roleNotAllowed(role) }
        guard !reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw .reasonRequired }
    }
}

/// The audit line of one manual move.
public struct QueueMoveRecord: Hashable, Codable, Sendable {
    public var entryID: Int
    public var fromIndex: Int
    public var toIndex: Int
    public var reason: String
    public var actorID: Int
    public var at: Int64
    public init(entryID: Int, fromIndex: Int, toIndex: Int, reason: String, actorID: Int, at: Int64) {
        self.entryID = entryID
        self.fromIndex = fromIndex
        self.toIndex = toIndex
        self.reason = reason
        self.actorID = actorID
        self.at = at
    }
}

/// What a move changed: the record to keep, and the new position to store for the moved entry.
public struct QueueMoveResult: Hashable, Sendable {
    public var record: QueueMoveRecord
    public var position: Double
    /// Other entries whose position had to change because there was no gap left; almost always empty.
    public var repositioned: [Int: Double]
}

/// The backorder queue of one SKU, in queue order.
public struct BackorderQueue: Hashable, Sendable {
    /// Gap kept between entries when positions must be respaced; far below a millisecond, so respacing never
    /// reorders this queue relative to other SKUs' entries from a different millisecond.
    static let minimumGap = 1.0 / 64

    public let sku: SKU
    public private(set) var entries: [BackorderEntry]

    /// Entries of other SKUs are ignored: each SKU has its own queue.
    public init(sku: SKU, entries: [BackorderEntry]) {
        self.sku = sku
        self.entries = entries.filter { $0.sku == sku }.sorted(by: BackorderEntry.queueOrder)
    }

    public func index(of entryID: Int) -> Int? { entries.firstIndex { $0.id == entryID } }

    public mutating func moveToTop(_ entryID: Int, reason: String, by actor: Actor, at: Int64) throws(QueueMove.Refusal)
        -> QueueMoveResult {
        try move(entryID, to: 0, reason: reason, by: actor, at: at)
    }

    public mutating func moveToBottom(_ entryID: Int, reason: String, by actor: Actor, at: Int64) throws(QueueMove.Refusal)
        -> QueueMoveResult {
        try move(entryID, to: entries.count - 1, reason: reason, by: actor, at: at)
    }

    /// Moves an entry so it ends up at `index` (0 is the front), giving it a position between its new neighbours.
    public mutating func move(_ entryID: Int, to index: Int, reason: String, by actor: Actor, at: Int64)
        throws(QueueMove.Refusal) -> QueueMoveResult {
        try QueueMove.check(role: actor.role, reason: reason)
        guard let fromIndex = self.index(of: entryID) else { throw .unknownEntry(id: entryID, sku: sku) }
        guard entries.indices.contains(index) else { throw .indexOutOfRange(index: index, count: entries.count) }
        let record = QueueMoveRecord(entryID: entryID, fromIndex: fromIndex, toIndex: index,
                                     reason: reason.trimmingCharacters(in: .whitespacesAndNewlines), actorID: actor.id, at: at)
        var entry = entries.remove(at: fromIndex)
        var repositioned: [Int: Double] = [:]
        if fromIndex != index {
            var position = Self.position(between: index > 0 ? entries[index - 1] : nil,
                                         and: index < entries.count ? entries[index] : nil, for: entry)
            if position == nil {
                repositioned = respace()
                position = Self.position(between: index > 0 ? entries[index - 1] : nil,
                                         and: index < entries.count ? entries[index] : nil, for: entry)
            }
            entry.position = position!
        }
        entries.insert(entry, at: index)
        return QueueMoveResult(record: record, position: entry.position, repositioned: repositioned)
    }

    /// A position that sorts `entry` strictly after `before` and before `after`, or nil when there is no room.
    private static func position(between before: BackorderEntry?, and after: BackorderEntry?,
                                 for entry: BackorderEntry) -> Double? {
        var candidate: Double
        switch (before, after) {
        case (nil, nil): return entry.position
        case (nil, let after?): candidate = after.position - 1
        case (let before?, nil): candidate = before.position + 1
        case (let before?, let after?): candidate = before.position + (after.position - before.position) / 2
        }
        var moved = entry
        moved.position = candidate
        if let before, !BackorderEntry.queueOrder(before, moved) { return nil }
        if let after, !BackorderEntry.queueOrder(moved, after) { return nil }
        return candidate
    }

    /// Opens gaps where positions tie or have been halved down to nothing, moving entries back only as far as
    /// needed; returns the changed positions.
    private mutating func respace() -> [Int: Double] {
        var changed: [Int: Double] = [:]
        for i in entries.indices.dropFirst() where entries[i].position < entries[i - 1].position + Self.minimumGap {
            entries[i].position = entries[i - 1].position + Self.minimumGap
            changed[entries[i].id] = entries[i].position
        }
        return changed
    }
}
