extension Migration {
    /// The waiting entries of every queue in allocation order (position, then order time, then id), so an allocation
    /// reads the front of the queue a page at a time and stops where the stock runs out.
    static let indexTheBackorderQueueInOrder = Migration(number: 26, name: "IndexTheBackorderQueueInOrder") { _ in
        ["CREATE INDEX backorder_entries_in_order ON backorder_entries (position, created_at, id) WHERE status = 'waiting'"]
    }
}
