import Testing
@testable import CasebookCore

@Suite("PresenceBoard")
struct PresenceBoardTests {
    static let ann = Viewer(userID: 1, name: "Ann")
    static let bob = Viewer(userID: 2, name: "Bob")
    static let cat = Viewer(userID: 3, name: "cat")
    static let t0: Int64 = 1_767_225_600_000

    /// Names and typing flags, as the collision notice shows them.
    func seen(_ board: PresenceBoard, ticket: Int = 7, by userID: Int = Self.ann.userID, at now: Int64 = Self.t0)
        -> [String] {
        board.others(onTicket: ticket, excluding: userID, now: now).map { $0.typing ? "\($0.viewer.name)…" : $0.viewer.name }
    }

    @Test("An empty board shows no one")
    func empty() {
        let board = PresenceBoard()
        #expect(seen(board) == [])
        #expect(board.ticketsWithViewers() == [])
    }

    @Test("Others on the ticket, never yourself, sorted by name case-insensitively")
    func others() {
        var board = PresenceBoard()
        board.join(ticketID: 7, viewer: Self.cat, connection: 30)
        board.join(ticketID: 7, viewer: Self.bob, connection: 20)
        board.join(ticketID: 7, viewer: Self.ann, connection: 10)
        #expect(seen(board) == ["Bob", "cat"])
        #expect(seen(board, by: Self.bob.userID) == ["Ann", "cat"])
        #expect(seen(board, by: 99) == ["Ann", "Bob", "cat"])
    }

    @Test("Tickets are separate")
    func separateTickets() {
        var board = PresenceBoard()
        board.join(ticketID: 7, viewer: Self.bob, connection: 20)
        board.join(ticketID: 8, viewer: Self.cat, connection: 30)
        #expect(seen(board, ticket: 7) == ["Bob"])
        #expect(seen(board, ticket: 8) == ["cat"])
        #expect(seen(board, ticket: 9) == [])
        #expect(board.ticketsWithViewers() == [7, 8])
    }

    @Test("Several tabs show one person, who stays until the last tab leaves")
    func tabs() {
        var board = PresenceBoard()
        board.join(ticketID: 7, viewer: Self.bob, connection: 20)
        board.join(ticketID: 7, viewer: Self.bob, connection: 21)
        #expect(seen(board) == ["Bob"])
        board.leave(ticketID: 7, connection: 20)
        #expect(seen(board) == ["Bob"])
        #expect(board.ticketsWithViewers() == [7])
        board.leave(ticketID: 7, connection: 21)
        #expect(seen(board) == [])
        #expect(board.ticketsWithViewers() == [])
    }

    @Test("Two people with the same name are both shown")
    func sameName() {
        var board = PresenceBoard()
        board.join(ticketID: 7, viewer: Viewer(userID: 5, name: "Sam"), connection: 50)
        board.join(ticketID: 7, viewer: Viewer(userID: 4, name: "Sam"), connection: 40)
        #expect(board.others(onTicket: 7, excluding: 1, now: Self.t0).map(\.viewer.userID) == [4, 5])
    }

    @Test("Leaving an unknown connection or ticket changes nothing")
    func leaveUnknown() {
        var board = PresenceBoard()
        board.join(ticketID: 7, viewer: Self.bob, connection: 20)
        board.leave(ticketID: 7, connection: 99)
        board.leave(ticketID: 8, connection: 20)
        #expect(seen(board) == ["Bob"])
        #expect(board.ticketsWithViewers() == [7])
    }

    @Test("Typing stays fresh for 6 seconds, not a millisecond more")
    func typingFreshness() {
        var board = PresenceBoard()
        board.join(ticketID: 7, viewer: Self.bob, connection: 20)
        #expect(seen(board) == ["Bob"])
        board.typing(ticketID: 7, userID: Self.bob.userID, at: Self.t0)
        #expect(seen(board, at: Self.t0) == ["Bob…"])
        #expect(seen(board, at: Self.t0 + PresenceBoard.typingLasts - 1) == ["Bob…"])
        #expect(seen(board, at: Self.t0 + PresenceBoard.typingLasts) == ["Bob"])
        board.typing(ticketID: 7, userID: Self.bob.userID, at: Self.t0 + 10_000)
        #expect(seen(board, at: Self.t0 + 12_000) == ["Bob…"])
    }

    @Test("Typing shows on that ticket only")
    func typingPerTicket() {
        var board = PresenceBoard()
        board.join(ticketID: 7, viewer: Self.bob, connection: 20)
        board.join(ticketID: 8, viewer: Self.bob, connection: 21)
        board.typing(ticketID: 8, userID: Self.bob.userID, at: Self.t0)
        #expect(seen(board, ticket: 7) == ["Bob"])
        #expect(seen(board, ticket: 8) == ["Bob…"])
    }

    @Test("A typing signal from someone without the ticket open is ignored")
    func typingWithoutViewing() {
        var board = PresenceBoard()
        board.typing(ticketID: 7, userID: Self.bob.userID, at: Self.t0)
        board.join(ticketID: 7, viewer: Self.bob, connection: 20)
        #expect(seen(board) == ["Bob"])
        board.typing(ticketID: 8, userID: Self.bob.userID, at: Self.t0)
        #expect(board.ticketsWithViewers() == [7])
    }

    @Test("Leaving with the last tab forgets typing; another tab keeps it")
    func leaveForgetsTyping() {
        var board = PresenceBoard()
        board.join(ticketID: 7, viewer: Self.bob, connection: 20)
        board.join(ticketID: 7, viewer: Self.bob, connection: 21)
        board.typing(ticketID: 7, userID: Self.bob.userID, at: Self.t0)
        board.leave(ticketID: 7, connection: 20)
        #expect(seen(board) == ["Bob…"])
        board.leave(ticketID: 7, connection: 21)
        board.join(ticketID: 7, viewer: Self.bob, connection: 22)
        #expect(seen(board) == ["Bob"])
    }

    @Test("A connection rejoining as someone else drops the first person")
    func connectionReused() {
        var board = PresenceBoard()
        board.join(ticketID: 7, viewer: Self.bob, connection: 20)
        board.typing(ticketID: 7, userID: Self.bob.userID, at: Self.t0)
        board.join(ticketID: 7, viewer: Self.cat, connection: 20)
        #expect(seen(board) == ["cat"])
        board.join(ticketID: 7, viewer: Self.bob, connection: 21)
        #expect(seen(board) == ["Bob", "cat"])
    }

    @Test("Your own typing is never shown to you")
    func ownTyping() {
        var board = PresenceBoard()
        board.join(ticketID: 7, viewer: Self.ann, connection: 10)
        board.typing(ticketID: 7, userID: Self.ann.userID, at: Self.t0)
        #expect(seen(board) == [])
        #expect(seen(board, by: Self.bob.userID) == ["Ann…"])
    }
}
