/// How long sign-in waits after consecutive failures. A few typos cost nothing; guessing gets slower each time,
/// doubling so a script is stopped within minutes, while the cap means a person locked out by someone else's
/// guessing never waits longer than a coffee break.
public enum SignInThrottle {
    /// Failures allowed before any wait.
    public static let freeFailures = 3
    /// The first wait, once the free failures are used up.
    public static let firstLockout: Int64 = 2_000
    /// The longest wait (15 minutes), however many failures came before.
    public static let longestLockout: Int64 = 15 * 60 * 1_000
    /// From two minutes on, seconds are noise to the person reading the message.
    static let minutesFrom = 120

    /// How long (ms) sign-in stays locked after `failures` consecutive failures: 0 up to freeFailures, then 2 s doubling (2, 4, 8, …) capped at 15 minutes.
    public static func lockout(afterFailures failures: Int) -> Int64 {
        guard failures > freeFailures else { return 0 }
        // 2 s × 2⁹ already passes the cap; stopping the shift there keeps huge counts from overflowing.
        let doublings = min(failures - freeFailures - 1, 10)
        return min(firstLockout << doublings, longestLockout)
    }

    /// Whole seconds (rounded up, ≥1 when locked) still to wait, or 0.
    public static func secondsToWait(lockedUntil: Int64?, now: Int64) -> Int {
        guard let lockedUntil, lockedUntil > now else { return 0 }
        // Rounded up: telling someone "0 seconds" while still refusing them reads as a bug.
        let (remaining, overflow) = lockedUntil.subtractingReportingOverflow(now)
        let millis = overflow ? Int64.max : remaining
        return Int(millis / 1_000 + (millis % 1_000 > 0 ? 1 : 0))
    }

    /// The message shown to the person, e.g. "Too many sign-in attempts. Please try again in 8 seconds." (singular "1 second"; minutes when ≥ 120 s: "in 3 minutes").
    /// Only called when sign-in was refused, so anything below one second still says "1 second".
    public static func message(secondsToWait: Int) -> String {
        let seconds = max(secondsToWait, 1)
        let wait: String
        if seconds >= minutesFrom {
            // Rounded up, so trying again when the message says never meets another refusal.
            let minutes = seconds / 60 + (seconds % 60 > 0 ? 1 : 0)
            wait = "\(minutes) minutes"
        } else {
            wait = seconds == 1 ? "1 second" : "\(seconds) seconds"
        }
        return "Too many sign-in attempts. Please try again in \(wait)."
    }
}
