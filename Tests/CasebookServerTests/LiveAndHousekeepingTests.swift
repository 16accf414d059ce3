import CasebookCore
import Foundation
import Logging
import Testing
@testable import CasebookServer

@Suite("Live events and session housekeeping")
struct LiveAndHousekeepingTests {
    @Test(arguments: TestDatabase.all)
    func committedChangesReachOpenPagesAndPresenceFollowsStreams(db: TestDatabase) async throws {
        try await db.withFreshDatabase { database in
            let agent = try await Accounts.create(database: database, email: "a@brightbeam.example", name: "Ines", role: .agent, bcryptCost: 4)
            let live = LiveEvents()
            let tickets = TicketService(database: database, live: live)
            let (subscription, events) = await live.subscribe()
            let actor = Actor(id: agent.userID, role: .agent)
            let created = try await tickets.create(["subject": "Live", "comment": ["body": "x"]], actor: actor, via: .web)
            _ = try await tickets.update(created.ticket.id, ["status": "pending"], actor: actor, via: .web)
            // An update that changes nothing is not news.
            _ = try await tickets.update(created.ticket.id, ["status": "pending"], actor: actor, via: .web)
            await live.join(ticketID: created.ticket.id, viewer: Viewer(userID: 99, name: "Jamie"), connection: subscription)
            await live.typing(ticketID: created.ticket.id, userID: 99, now: 1_000)
            let others = await live.others(onTicket: created.ticket.id, excluding: agent.userID, now: 2_000)
            #expect(others.map(\.viewer.name) == ["Jamie"])
            #expect(others.first?.typing == true)
            await live.unsubscribe(subscription)
            #expect(await live.others(onTicket: created.ticket.id, excluding: agent.userID, now: 2_000).isEmpty)
            var received: [LiveEvents.Event] = []
            for await event in events { received.append(event) }
            #expect(received == [
                .ticketChanged(ticketID: created.ticket.id, byUserID: agent.userID),
                .ticketChanged(ticketID: created.ticket.id, byUserID: agent.userID),
                .presence(ticketID: created.ticket.id), .presence(ticketID: created.ticket.id),
            ])
        }
    }

    @Test func closingEndsEveryStream() async throws {
        let live = LiveEvents()
        let (_, events) = await live.subscribe()
        await live.close()
        var count = 0
        for await _ in events { count += 1 }
        #expect(count == 0)
        let (_, late) = await live.subscribe()
        for await _ in late { count += 1 }
        #expect(count == 0)
    }

    @Test(arguments: TestDatabase.all)
    func housekeepingClearsEndedSessionsOldLinksAndStaleFailures(db: TestDatabase) async throws {
        try await db.withFreshDatabase { database in
            let person = try await Accounts.create(database: database, email: "h@brightbeam.example", name: "H", role: .agent, bcryptCost: 4)
            let now: Int64 = 10_000_000_000
            let day: Int64 = 24 * 3_600_000
            try await database.write { db in
                let sessions = SessionStore(db: db)
                _ = try await sessions.create(userID: person.userID, userAgent: "fresh", now: now)
                _ = try await sessions.create(userID: person.userID, userAgent: "idle", now: now - 2 * day)
                _ = try await sessions.create(userID: person.userID, userAgent: "expired", now: now - SessionStore.lifetime - 1)
                try await db.raw("""
                    INSERT INTO sign_in_links (token_hash, user_id, created_at, expires_at) VALUES
                    ('old', \(bind: person.userID), 0, \(bind: now - 2 * day)), ('new', \(bind: person.userID), 0, \(bind: now + 1))
                    """).run()
                try await db.raw("""
                    INSERT INTO sign_in_failures (throttle_key, failures, locked_until, updated_at) VALUES
                    ('account:stale', 3, NULL, \(bind: now - 2 * day)), ('account:locked', 9, \(bind: now + day), \(bind: now - 2 * day)),
                    ('account:recent', 1, NULL, \(bind: now))
                    """).run()
            }
            try await SessionHousekeeping(database: database, logger: Logger(label: "test")).sweep(now: now)
            let left = try await database.read { db in
                (try await db.raw("SELECT user_agent FROM web_sessions").all().map { try $0.decode(column: "user_agent", as: String.self) },
                 try await db.raw("SELECT token_hash FROM sign_in_links").all().map { try $0.decode(column: "token_hash", as: String.self) },
                 try await db.raw("SELECT throttle_key FROM sign_in_failures ORDER BY throttle_key").all()
                    .map { try $0.decode(column: "throttle_key", as: String.self) })
            }
            #expect(left.0 == ["fresh"])
            #expect(left.1 == ["new"])
            #expect(left.2 == ["account:locked", "account:recent"])
        }
    }
}
