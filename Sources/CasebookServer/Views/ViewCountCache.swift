import Foundation

/// View counts for the navigation, per agent, kept until a ticket changes or half a minute passes (views such as
/// "recently updated" change with time alone). Counting every view over a large ticket table on every page view
/// would cost more than the rest of the page.
actor ViewCountCache {
    private struct Entry {
        var count: Int
        var generation: Int
        var at: ContinuousClock.Instant
    }

    private var entries: [String: Entry] = [:]
    let maxAge: Duration
    let capacity: Int

    init(maxAge: Duration = .seconds(30), capacity: Int = 20_000) {
        self.maxAge = maxAge
        self.capacity = capacity
    }

    func count(for key: String, generation: Int, now: ContinuousClock.Instant = .now) -> Int? {
        guard let entry = entries[key], entry.generation == generation, now - entry.at < maxAge else { return nil }
        return entry.count
    }

    func store(_ count: Int, for key: String, generation: Int, now: ContinuousClock.Instant = .now) {
        if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
        entries[key] = Entry(count: count, generation: generation, at: now)
    }
}
