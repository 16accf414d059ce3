extension Migration {
    /// One row of report numbers per ticket (`TicketReportFacts`: first reply, resolution, replies, reopens, in business
    /// minutes with their percentile buckets), kept up to date by the `reports.facts` job from the tickets changed
    /// since its watermark, and each SLA target's outcome (`sla_outcomes`) from the metric events feed. Reports read these rows through the indexes below and never load tickets.
    static let addTicketFactsForReports = Migration(number: 32, name: "AddTicketFactsForReports") { engine in
        [
            """
            CREATE TABLE ticket_facts (
                ticket_id BIGINT PRIMARY KEY REFERENCES tickets(id) ON DELETE CASCADE,
                created_at BIGINT NOT NULL,
                status TEXT NOT NULL,
                group_id BIGINT,
                assignee_id BIGINT,
                organization_id BIGINT,
                via_channel TEXT NOT NULL,
                priority TEXT,
                type TEXT,
                first_reply_at BIGINT,
                first_reply_minutes INTEGER,
                first_reply_bucket INTEGER,
                solved_at BIGINT,
                resolution_minutes INTEGER,
                resolution_bucket INTEGER,
                replies INTEGER NOT NULL,
                reopens INTEGER NOT NULL,
                refreshed_at BIGINT NOT NULL)
            """,
            "CREATE INDEX ticket_facts_created ON ticket_facts (created_at, first_reply_minutes, first_reply_bucket, solved_at)",
            "CREATE INDEX ticket_facts_solved ON ticket_facts (solved_at, resolution_minutes, resolution_bucket, replies, reopens) WHERE solved_at IS NOT NULL",
            "CREATE INDEX ticket_facts_first_reply ON ticket_facts (first_reply_bucket, created_at, first_reply_minutes) WHERE first_reply_bucket IS NOT NULL",
            "CREATE INDEX ticket_facts_resolution ON ticket_facts (resolution_bucket, solved_at, resolution_minutes) WHERE resolution_bucket IS NOT NULL",
            "CREATE INDEX ticket_facts_unsolved ON ticket_facts (status, created_at) WHERE solved_at IS NULL",
            // A group's or an agent's tickets are read through indexes that hold every column the reports need.
            "CREATE INDEX ticket_facts_group ON ticket_facts (group_id, created_at, first_reply_minutes, first_reply_bucket, solved_at)",
            "CREATE INDEX ticket_facts_group_solved ON ticket_facts (group_id, solved_at, resolution_minutes, resolution_bucket, replies, reopens) WHERE solved_at IS NOT NULL",
            "CREATE INDEX ticket_facts_assignee ON ticket_facts (assignee_id, created_at, first_reply_minutes, first_reply_bucket, solved_at)",
            "CREATE INDEX ticket_facts_assignee_solved ON ticket_facts (assignee_id, solved_at, resolution_minutes, resolution_bucket, replies, reopens) WHERE solved_at IS NOT NULL",
            "CREATE INDEX ticket_facts_organization ON ticket_facts (organization_id, created_at)",
            // Each SLA target instance once: when it was first fulfilled or breached, and whether it breached.
            """
            CREATE TABLE sla_outcomes (
                ticket_id BIGINT NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
                metric TEXT NOT NULL,
                instance_id INTEGER NOT NULL,
                ended_at BIGINT NOT NULL,
                breached INTEGER NOT NULL,
                PRIMARY KEY (ticket_id, metric, instance_id))
            """,
            "CREATE INDEX sla_outcomes_ended ON sla_outcomes (metric, ended_at, breached)",
            """
            CREATE TABLE report_watermarks (
                name TEXT PRIMARY KEY,
                updated_at BIGINT NOT NULL,
                last_id BIGINT NOT NULL)
            """,
        ]
    }
}
