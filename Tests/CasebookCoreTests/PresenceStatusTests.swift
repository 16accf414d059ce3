import Testing
@testable import CasebookCore

private let now: Int64 = 1_773_576_000_000
private let fiveMinutes: Int64 = 300_000

@Test("an online agent silent longer than the limit counts as away")
func idleOnlineBecomesAway() {
    let presence = AgentPresence(status: .online, changedAt: now - 3_600_000, lastActiveAt: now - fiveMinutes - 1)
    #expect(presence.effectiveStatus(now: now, idleAfterMillis: fiveMinutes) == .away)
    #expect(!presence.isReachable(now: now, idleAfterMillis: fiveMinutes))
}

@Test("an online agent active within the limit stays online")
func activeOnlineStaysOnline() {
    let presence = AgentPresence(status: .online, changedAt: now - 3_600_000, lastActiveAt: now - fiveMinutes)
    #expect(presence.effectiveStatus(now: now, idleAfterMillis: fiveMinutes) == .online)
    #expect(presence.isReachable(now: now, idleAfterMillis: fiveMinutes))
}

@Test("away and offline are the agent's word, active or not", arguments: [PresenceStatus.away, .offline])
func chosenStatusStays(status: PresenceStatus) {
    for lastActive in [now, now - 10 * fiveMinutes] {
        let presence = AgentPresence(status: status, changedAt: now, lastActiveAt: lastActive)
        #expect(presence.effectiveStatus(now: now, idleAfterMillis: fiveMinutes) == status)
        #expect(!presence.isReachable(now: now, idleAfterMillis: fiveMinutes))
    }
}

@Test("a status change trims the note and stamps the time")
func changeStamps() throws {
    let before = AgentPresence(status: .online, changedAt: 0, lastActiveAt: 0)
    let after = try before.changed(to: .away, note: "  lunch  ", backAt: now + fiveMinutes, at: now)
    #expect(after == AgentPresence(status: .away, changedAt: now, lastActiveAt: now, backAt: now + fiveMinutes, note: "lunch"))
}

@Test("a status change refuses a long note and a return time in the past")
func changeValidation() {
    let before = AgentPresence(status: .online, changedAt: 0, lastActiveAt: 0)
    #expect(throws: Never.self) { try before.changed(to: .away, note: String(repeating: "x", count: 200), at: now) }
    do {
        _ = try before.changed(to: .away, note: String(repeating: "x", count: 201), backAt: now, at: now)
        Issue.record("expected a refusal")
    } catch {
        #expect(error.details["note"]?.first?.error == "TooLong")
        #expect(error.details["back_at"]?.first?.description == "Back at: must be in the future")
    }
}
