extension Migration {
    /// The breaches recorded ahead that may still move or be cancelled, indexed on their own so that a bulk SLA
    /// re-evaluation reads them without visiting every event of its tickets.
    static let indexPendingBreaches = Migration(number: 22, name: "IndexPendingBreaches") { _ in
        [
            """
            CREATE INDEX ticket_metric_events_pending ON ticket_metric_events (ticket_id, metric, instance_id, time)
            WHERE type = 'breach' AND deleted = FALSE
            """,
        ]
    }
}
