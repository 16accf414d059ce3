import Testing
@testable import CasebookCore

@Suite("SignInThrottle")
struct SignInThrottleTests {
    @Test("The free failures cost nothing", arguments: [-1, 0, 1, 2, 3])
    func free(failures: Int) {
        #expect(SignInThrottle.lockout(afterFailures: failures) == 0)
    }

    @Test("Then 2 s, doubling", arguments: [
        (4, 2_000), (5, 4_000), (6, 8_000), (7, 16_000), (8, 32_000), (9, 64_000), (10, 128_000),
        (11, 256_000), (12, 512_000),
    ] as [(Int, Int64)])
    func doubling(failures: Int, expected: Int64) {
        #expect(SignInThrottle.lockout(afterFailures: failures) == expected)
    }

    @Test("Capped at 15 minutes, even for absurd counts", arguments: [13, 14, 20, 64, 65, 1_000, Int.max])
    func capped(failures: Int) {
        #expect(SignInThrottle.lockout(afterFailures: failures) == 900_000)
    }

    @Test("The lockout never shrinks as failures grow")
    func monotonic() {
        let waits = (0...30).map(SignInThrottle.lockout(afterFailures:))
        #expect(waits == waits.sorted())
    }

    @Test("Nothing to wait without a lock, or once it has passed")
    func notLocked() {
        #expect(SignInThrottle.secondsToWait(lockedUntil: nil, now: 1_000) == 0)
        #expect(SignInThrottle.secondsToWait(lockedUntil: 1_000, now: 1_000) == 0)
        #expect(SignInThrottle.secondsToWait(lockedUntil: 999, now: 1_000) == 0)
    }

    @Test("Seconds are rounded up, so a lock never reads as 0", arguments: [
        (1, 1), (999, 1), (1_000, 1), (1_001, 2), (7_500, 8), (8_000, 8), (900_000, 900),
    ] as [(Int64, Int)])
    func roundsUp(remaining: Int64, expected: Int) {
        let now: Int64 = 1_767_225_600_000
        #expect(SignInThrottle.secondsToWait(lockedUntil: now + remaining, now: now) == expected)
    }

    @Test("Extreme clocks do not trap")
    func extremes() {
        #expect(SignInThrottle.secondsToWait(lockedUntil: .max, now: .min) == Int(Int64.max / 1_000) + 1)
        #expect(SignInThrottle.secondsToWait(lockedUntil: .min, now: .max) == 0)
    }

    @Test("The message counts seconds, singular for one", arguments: [
        (1, "1 second"), (2, "2 seconds"), (8, "8 seconds"), (60, "60 seconds"), (119, "119 seconds"),
    ])
    func seconds(wait: Int, phrase: String) {
        #expect(SignInThrottle.message(secondsToWait: wait)
            == "Too many sign-in attempts. Please try again in \(phrase).")
    }

    @Test("From two minutes on, whole minutes rounded up", arguments: [
        (120, "2 minutes"), (121, "3 minutes"), (179, "3 minutes"), (180, "3 minutes"), (900, "15 minutes"),
    ])
    func minutes(wait: Int, phrase: String) {
        #expect(SignInThrottle.message(secondsToWait: wait)
            == "Too many sign-in attempts. Please try again in \(phrase).")
    }

    @Test("A refusal with nothing left to wait still names a wait")
    func zero() {
        #expect(SignInThrottle.message(secondsToWait: 0) == "Too many sign-in attempts. Please try again in 1 second.")
        #expect(SignInThrottle.message(secondsToWait: -5) == "Too many sign-in attempts. Please try again in 1 second.")
    }

    @Test("The longest lockout reads as 15 minutes")
    func longest() {
        let now: Int64 = 0
        let wait = SignInThrottle.secondsToWait(lockedUntil: now + SignInThrottle.lockout(afterFailures: 50), now: now)
        #expect(SignInThrottle.message(secondsToWait: wait) == "Too many sign-in attempts. Please try again in 15 minutes.")
    }
}
