import Testing
import CasebookCore

@Suite("Backorder queue moves")
struct OrdersQueueTests {
    let queue = BackorderQueue(sku: Tags.pink, entries: (1...5).map { entry($0, Tags.pink) } + [entry(6, Tags.blue)])

    @Test("a queue holds only its own SKU, in queue order")
    func ownSKUOnly() {
        #expect(queue.entries.map(\.id) == [1, 2, 3, 4, 5])
    }

    @Test("to the top: ahead of the first entry, nobody else's position changes")
    func moveToTop() throws {
        var queue = queue
        let result = try queue.moveToTop(4, reason: "Hospital order, promised before Christmas", by: lead, at: 99)
        #expect(queue.entries.map(\.id) == [4, 1, 2, 3, 5])
        #expect(result.position == 999)
        #expect(result.repositioned.isEmpty)
        #expect(result.record == QueueMoveRecord(entryID: 4, fromIndex: 3, toIndex: 0,
                                                 reason: "Hospital order, promised before Christmas", actorID: 7, at: 99))
        #expect(queue.entries.filter { $0.id != 4 }.map(\.position) == [1_000, 2_000, 3_000, 5_000])
    }

    @Test("to the bottom: behind the last entry")
    func moveToBottom() throws {
        var queue = queue
        let result = try queue.moveToBottom(1, reason: "Abusive to staff; serve after everyone else", by: lead, at: 99)
        #expect(queue.entries.map(\.id) == [2, 3, 4, 5, 1])
        #expect(result.position == 5_001)
        #expect(result.record.fromIndex == 0 && result.record.toIndex == 4)
    }

    @Test("to an index: halfway between the new neighbours")
    func moveToIndex() throws {
        var queue = queue
        let down = try queue.move(1, to: 2, reason: "asked to wait for the next batch", by: lead, at: 99)
        #expect(queue.entries.map(\.id) == [2, 3, 1, 4, 5])
        #expect(down.position == 3_500)
        let up = try queue.move(5, to: 1, reason: "reported lost parcel", by: lead, at: 100)
        #expect(queue.entries.map(\.id) == [2, 5, 3, 1, 4])
        #expect(up.position == 2_500)
    }

    @Test("moving into a tie opens a gap and reports whom it moved")
    func moveIntoTie() throws {
        var queue = BackorderQueue(sku: Tags.pink, entries: (1...4).map { entry($0, Tags.pink, at: 1_000) })
        let result = try queue.move(4, to: 1, reason: "bump", by: lead, at: 5)
        #expect(queue.entries.map(\.id) == [1, 4, 2, 3])
        #expect(!result.repositioned.isEmpty)
        #expect(BackorderQueue(sku: Tags.pink, entries: queue.entries).entries.map(\.id) == [1, 4, 2, 3])
    }

    @Test("a hundred moves into the same gap keep the order exact")
    func repeatedMovesIntoOneGap() throws {
        var queue = BackorderQueue(sku: Tags.pink, entries: (1...102).map { entry($0, Tags.pink) })
        for id in 3...102 { _ = try queue.move(id, to: 1, reason: "bump", by: lead, at: 5) }
        #expect(queue.entries.map(\.id) == [1] + (3...102).reversed() + [2])
        #expect(BackorderQueue(sku: Tags.pink, entries: queue.entries).entries == queue.entries)
    }

    @Test("a move needs a reason")
    func reasonRequired() {
        var queue = queue
        #expect(throws: QueueMove.Refusal.reasonRequired) { try queue.moveToTop(2, reason: "  \n", by: lead, at: 1) }
        #expect(queue == self.queue)
    }

    @Test("agents and end-users cannot reorder a queue", arguments: [Role.endUser, .agent])
    func belowLeadRefused(role: Role) {
        var queue = queue
        #expect(throws: QueueMove.Refusal.roleNotAllowed(role)) {
            try queue.moveToTop(2, reason: "they were nice", by: Actor(id: 1, role: role), at: 1)
        }
    }

    @Test("leads and above can", arguments: [Role.lead, .manager, .admin])
    func leadAndAboveAllowed(role: Role) throws {
        try QueueMove.check(role: role, reason: "VIP")
        var queue = queue
        _ = try queue.moveToTop(2, reason: "VIP", by: Actor(id: 1, role: role), at: 1)
        #expect(queue.entries.first?.id == 2)
    }

    @Test("refusals name the entry and the range")
    func unknownEntryAndIndex() {
        var queue = queue
        #expect(throws: QueueMove.Refusal.unknownEntry(id: 6, sku: Tags.pink)) { try queue.moveToTop(6, reason: "x", by: lead, at: 1) }
        #expect(throws: QueueMove.Refusal.indexOutOfRange(index: 5, count: 5)) { try queue.move(1, to: 5, reason: "x", by: lead, at: 1) }
        #expect(QueueMove.Refusal.roleNotAllowed(.agent).description
            == "Queue move: only a lead, manager or admin may reorder a queue, not an agent")
    }
}
