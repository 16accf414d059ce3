extension Migration {
    /// Indexes for the hot reads: counting deleted tickets (live = all − deleted, both answered from indexes),
    /// and an agent's queue by status in order of last update (`status:open assignee:me`).
    static let addTicketReadIndexes = Migration(number: 7, name: "AddTicketReadIndexes") { _ in
        ["CREATE INDEX tickets_deleted ON tickets (deleted_at) WHERE deleted_at IS NOT NULL",
         "CREATE INDEX tickets_assignee_status_updated ON tickets (assignee_id, status, updated_at)",
         "DROP INDEX tickets_assignee_status"]
    }
}
