extension Migration {
    /// Zendesk's ticket metric events: when each SLA metric of a ticket started, paused, was fulfilled, got a policy,
    /// and when it breaches (recorded ahead at the breach instant; `deleted` once the breach will not happen).
    /// `metric` is Casebook's (`first_reply_time`, …); the API shows Zendesk's names.
    static let createTicketMetricEvents = Migration(number: 20, name: "CreateTicketMetricEvents") { engine in
        [
            """
            CREATE TABLE ticket_metric_events (
                id \(engine.primaryKey),
                ticket_id BIGINT NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
                metric TEXT NOT NULL,
                instance_id INTEGER NOT NULL,
                type TEXT NOT NULL,
                time BIGINT NOT NULL,
                policy_id BIGINT,
                target_minutes INTEGER,
                business_hours BOOLEAN,
                deleted BOOLEAN NOT NULL DEFAULT FALSE)
            """,
            "CREATE INDEX ticket_metric_events_time ON ticket_metric_events (time, id)",
            "CREATE INDEX ticket_metric_events_ticket ON ticket_metric_events (ticket_id, metric)",
        ]
    }
}
