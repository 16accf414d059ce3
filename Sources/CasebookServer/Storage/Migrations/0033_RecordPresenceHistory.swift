extension Migration {
    /// Presence history for the workload report: one row per status interval of an agent (the open one has no end),
    /// started from the statuses stored now. And the indexes the operational reports read through: allocations by
    /// order line, backorder entries and queue moves by time, fulfilment errors and decisions by time, comments by
    /// author and time.
    static let recordPresenceHistory = Migration(number: 33, name: "RecordPresenceHistory") { engine in
        [
            """
            CREATE TABLE presence_intervals (
                id \(engine.primaryKey),
                user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                status TEXT NOT NULL,
                started_at BIGINT NOT NULL,
                ended_at BIGINT)
            """,
            "CREATE INDEX presence_intervals_open ON presence_intervals (user_id) WHERE ended_at IS NULL",
            "CREATE INDEX presence_intervals_range ON presence_intervals (started_at, ended_at, user_id, status)",
            """
            INSERT INTO presence_intervals (user_id, status, started_at)
            SELECT user_id, status, changed_at FROM agent_presence
            """,
            "CREATE INDEX shipment_lines_line ON shipment_lines (line_id, shipment_id)",
            "CREATE INDEX backorder_entries_created ON backorder_entries (created_at, status)",
            "CREATE INDEX backorder_moves_created ON backorder_moves (created_at, actor_id, from_index, to_index)",
            "CREATE INDEX fulfilment_errors_created ON fulfilment_errors (created_at)",
            "CREATE INDEX decisions_created ON decisions (created_at, kind, rule)",
            "CREATE INDEX comments_author_created ON comments (author_id, created_at, public)",
        ]
    }
}
