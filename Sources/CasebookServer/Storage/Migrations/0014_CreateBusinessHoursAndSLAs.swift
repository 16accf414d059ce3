extension Migration {
    /// Business-hours schedules, SLA policies (Zendesk's shapes kept as JSON text: filter, policy_metrics), each
    /// ticket's SLA history (the events the clock needs, compactly encoded) with the nearest breach for sorting and
    /// the next time the escalation check must look at it.
    static let createBusinessHoursAndSLAs = Migration(number: 14, name: "CreateBusinessHoursAndSLAs") { engine in
        [
            """
            CREATE TABLE business_hours_schedules (
                id \(engine.primaryKey),
                name TEXT NOT NULL,
                time_zone TEXT NOT NULL,
                intervals TEXT NOT NULL,
                holidays TEXT NOT NULL DEFAULT '[]',
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL)
            """,
            "ALTER TABLE groups ADD COLUMN schedule_id BIGINT REFERENCES business_hours_schedules(id) ON DELETE SET NULL",
            """
            CREATE TABLE sla_policies (
                id \(engine.primaryKey),
                title TEXT NOT NULL,
                description TEXT NOT NULL DEFAULT '',
                position INTEGER NOT NULL,
                filter TEXT NOT NULL,
                policy_metrics TEXT NOT NULL,
                pause_on TEXT NOT NULL DEFAULT '',
                schedule_id BIGINT REFERENCES business_hours_schedules(id) ON DELETE SET NULL,
                escalation TEXT NOT NULL DEFAULT '{}',
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL)
            """,
            """
            CREATE TABLE ticket_slas (
                ticket_id BIGINT PRIMARY KEY REFERENCES tickets(id) ON DELETE CASCADE,
                policy_id BIGINT REFERENCES sla_policies(id) ON DELETE SET NULL,
                history TEXT NOT NULL,
                next_breach_at BIGINT,
                check_at BIGINT,
                breached BOOLEAN NOT NULL DEFAULT FALSE,
                escalated TEXT NOT NULL DEFAULT '',
                updated_at BIGINT NOT NULL)
            """,
            "CREATE INDEX ticket_slas_check ON ticket_slas (check_at) WHERE check_at IS NOT NULL",
            "CREATE INDEX ticket_slas_policy ON ticket_slas (policy_id)",
        ]
    }
}
