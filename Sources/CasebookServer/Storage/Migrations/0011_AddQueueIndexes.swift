extension Migration {
    /// Indexes for the workspace's queues, so a view page reads its 25 rows in index order instead of sorting
    /// every matching ticket: by assignee or group in priority order (the same expression `TicketQuery.order`
    /// sorts by, so both engines can use it), unassigned tickets oldest first (a partial index, because
    /// PostgreSQL does not use `assignee_id IS NULL` to order by the next column), and solved tickets by
    /// when they were solved. Deleted tickets are never listed, so they are left out of the indexes.
    static let addQueueIndexes = Migration(number: 11, name: "AddQueueIndexes") { _ in
        let rank = TicketQuery.priorityRank(column: "priority")
        return [
            "CREATE INDEX tickets_assignee_priority ON tickets (assignee_id, (\(rank)), id) WHERE deleted_at IS NULL",
            "CREATE INDEX tickets_group_priority ON tickets (group_id, (\(rank)), id) WHERE deleted_at IS NULL",
            "CREATE INDEX tickets_unassigned_created ON tickets (created_at, id) WHERE assignee_id IS NULL AND deleted_at IS NULL",
            "CREATE INDEX tickets_solved ON tickets (solved_at) WHERE solved_at IS NOT NULL AND deleted_at IS NULL",
        ]
    }
}
