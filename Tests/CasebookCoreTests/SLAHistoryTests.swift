import Testing
@testable import CasebookCore

private let created: Int64 = 1_700_000_000_000

@Test("the stored form is short and readable")
func encodedForm() {
    let history = SLAHistory(createdAt: created, events: [
        SLAEvent(at: created, .status(.open)), SLAEvent(at: created + 3_600_000, .agentPublicReply),
        SLAEvent(at: created + 7_200_000, .requesterComment), SLAEvent(at: created + 7_200_500, .agentInternalNote),
        SLAEvent(at: created + 9_000_000, .status(.solved)),
    ])
    #expect(history.encoded == "c1700000000000;s:open@0;r@3600000;q@7200000;n@7200500;s:solved@9000000")
    #expect(SLAHistory(encoded: history.encoded) == history)
    #expect(SLAHistory(createdAt: created).encoded == "c1700000000000")
}

@Test("every history survives a round trip through its stored form")
func encodingRoundTrips() {
    var rng = SLARandom(seed: 11)
    let kinds: [SLAEvent.Kind] = TicketStatus.allCases.map { .status($0) } + [.agentPublicReply, .requesterComment, .agentInternalNote]
    for _ in 0..<500 {
        let start = Int64.random(in: -1_000_000...4_000_000_000_000, using: &rng)
        var at = start
        let events = (0..<Int.random(in: 0...30, using: &rng)).map { _ in
            at += Int64.random(in: 0...100_000_000, using: &rng)
            return SLAEvent(at: at, kinds.randomElement(using: &rng)!)
        }
        let history = SLAHistory(createdAt: start, events: events)
        #expect(SLAHistory(encoded: history.encoded) == history)
    }
}

@Test("damaged stored forms are refused, not half-read", arguments: [
    "", "x", "c", "c-", "c-0", "c12x", "c12;", "c12;z@1", "c12;s:bogus@1", "c12;s:open", "c12;s:@1", "c12;r@", "c12;r@-1",
    "c12;r@5;q@3", "c12;r@01", "c99999999999999999999", "c12;r@9223372036854775807", "c1;s:open@1;", "c1;r1", " c1", "c1 ",
    "c1;s:Open@1", "c1;r@1;;q@2", "c1;s:open@1@2",
])
func garbageIsRefused(text: String) {
    #expect(SLAHistory(encoded: text) == nil)
}

@Test("events are kept in time order, same-instant events in recorded order")
func eventsAreOrdered() {
    let history = SLAHistory(createdAt: 100, events: [
        SLAEvent(at: 300, .agentPublicReply), SLAEvent(at: 200, .status(.open)), SLAEvent(at: 300, .status(.solved)),
    ])
    #expect(history.events == [SLAEvent(at: 200, .status(.open)), SLAEvent(at: 300, .agentPublicReply), SLAEvent(at: 300, .status(.solved))])
}

@Test("an event recorded before creation counts as at creation")
func eventsBeforeCreation() {
    let history = SLAHistory(createdAt: 100, events: [SLAEvent(at: 90, .status(.open))])
    #expect(history.events == [SLAEvent(at: 100, .status(.open))])
    #expect(history.appending(SLAEvent(at: 5, .agentInternalNote)).events.last == SLAEvent(at: 100, .agentInternalNote))
}

@Test("appending places an event after everything at or before its instant")
func appending() {
    let history = SLAHistory(createdAt: 0, events: [SLAEvent(at: 0, .status(.new)), SLAEvent(at: 50, .requesterComment)])
    let later = history.appending(SLAEvent(at: 60, .agentPublicReply))
    #expect(later.events.map(\.at) == [0, 50, 60])
    let between = later.appending(SLAEvent(at: 50, .agentInternalNote))
    #expect(between.events == [SLAEvent(at: 0, .status(.new)), SLAEvent(at: 50, .requesterComment),
                               SLAEvent(at: 50, .agentInternalNote), SLAEvent(at: 60, .agentPublicReply)])
    #expect(SLAHistory(encoded: between.encoded) == between)
    #expect(history.events.count == 2)
}
