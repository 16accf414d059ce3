import Foundation
import Synchronization

/// The time background work goes by (SLA checks, presence idle, routing retries). Production reads the system
/// clock; tests hold a `ManualClock` and move it, so timers are deterministic.
public struct AppClock: Sendable {
    public let now: @Sendable () -> Int64

    public init(now: @escaping @Sendable () -> Int64) { self.now = now }

    public static let system = AppClock { Timestamp.now }
}

/// A clock that only moves when told to (tests, `casebook bench`).
public final class ManualClock: Sendable {
    private let current: Mutex<Int64>

    public init(_ start: Int64 = Timestamp.now) { current = Mutex(start) }

    public var now: Int64 { current.withLock { $0 } }
    public func advance(minutes: Int64) { current.withLock { $0 += minutes * 60_000 } }
    public func advance(millis: Int64) { current.withLock { $0 += millis } }
    public var clock: AppClock { AppClock { [self] in self.now } }
}
