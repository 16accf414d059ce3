extension Migration {
    /// Breaches recorded ahead move from `ticket_metric_events` to the ticket's SLA row (`SLABreachSchedule`), where a
    /// re-evaluation rewrites them with the row; they are written to the feed once their instant passes
    /// (`breach_due_at`). Breaches already past stay in the feed and are remembered on the row as recorded; those
    /// ahead leave the feed for the row. The index for reading breaches ahead from the feed is no longer needed.
    static let keepBreachesAheadOnTicketSLAs = Migration(number: 23, name: "KeepBreachesAheadOnTicketSLAs") { engine in
        let now: String, packed: String
        let item = "e.metric || ':' || e.instance_id || ':' || e.time || ':' || CASE WHEN e.time <= NOW_MS THEN 'r' ELSE 'p' END"
        switch engine {
        case .sqlite:
            now = "(CAST(strftime('%s', 'now') AS INTEGER) * 1000)"
            packed = "group_concat(\(item.replacingOccurrences(of: "NOW_MS", with: now)), ',')"
        case .postgres:
            now = "(EXTRACT(EPOCH FROM now()) * 1000)::BIGINT"
            packed = "string_agg(\(item.replacingOccurrences(of: "NOW_MS", with: now)), ',' ORDER BY e.id)"
        }
        let breaches = "FROM ticket_metric_events e WHERE e.ticket_id = ticket_slas.ticket_id AND e.type = 'breach' AND e.deleted = FALSE"
        return [
            "ALTER TABLE ticket_slas ADD COLUMN scheduled_breaches TEXT",
            "ALTER TABLE ticket_slas ADD COLUMN breach_due_at BIGINT",
            "UPDATE ticket_slas SET scheduled_breaches = (SELECT \(packed) \(breaches)), breach_due_at = (SELECT MIN(e.time) \(breaches) AND e.time > \(now))",
            "DELETE FROM ticket_metric_events WHERE type = 'breach' AND deleted = FALSE AND time > \(now)",
            "DROP INDEX ticket_metric_events_pending",
            "CREATE INDEX ticket_slas_breach_due ON ticket_slas (breach_due_at) WHERE breach_due_at IS NOT NULL",
        ]
    }
}
