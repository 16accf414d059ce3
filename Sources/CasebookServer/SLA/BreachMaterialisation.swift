import CasebookCore
import SQLKit

extension MetricEventStore {
    /// Writes the breaches whose instant has passed from tickets' schedules to the feed: pending ones as breaches,
    /// cancelled ones as deleted breaches. A row changed meanwhile (another writer saved its schedule) is left for the
    /// next call; a breach already in the feed is not written twice, so a schedule saved from an older read is harmless.
    /// Returns how many events it wrote, and whether more may be due.
    func materialiseDue(now: Int64, limit: Int) async throws -> (written: Int, more: Bool) {
        let rows = try await db.raw("""
            SELECT ticket_id, scheduled_breaches FROM ticket_slas
            WHERE breach_due_at IS NOT NULL AND breach_due_at <= \(bind: now)
            ORDER BY breach_due_at LIMIT \(bind: limit)
            """).all()
        var written = 0
        for row in rows {
            let ticketID = try row.decode(column: "ticket_id", as: Int.self)
            guard let old = try row.decode(column: "scheduled_breaches", as: String?.self) else { continue }
            var schedule = SLABreachSchedule(encoded: old)
            let due = schedule.takeDue(now: now)
            let kept = try await db.raw("""
                UPDATE ticket_slas SET scheduled_breaches = \(bind: schedule.encoded), breach_due_at = \(bind: schedule.dueAt)
                WHERE ticket_id = \(bind: ticketID) AND scheduled_breaches = \(bind: old)
                RETURNING ticket_id
                """).first()
            guard kept != nil else { continue }
            for entry in due {
                let deleted = entry.state == .cancelled
                try await db.raw("""
                    INSERT INTO ticket_metric_events (ticket_id, metric, instance_id, type, time, deleted)
                    SELECT \(bind: ticketID), \(bind: entry.metric.rawValue), \(bind: entry.instance), 'breach', \(bind: entry.at), \(bind: deleted)
                    WHERE NOT EXISTS (
                        SELECT 1 FROM ticket_metric_events WHERE ticket_id = \(bind: ticketID) AND metric = \(bind: entry.metric.rawValue)
                            AND instance_id = \(bind: entry.instance) AND type = 'breach' AND time = \(bind: entry.at) AND deleted = \(bind: deleted))
                    """).run()
                written += 1
            }
        }
        return (written, rows.count == limit)
    }
}

extension SLAService {
    /// Brings the metric events feed up to now: every breach whose instant has passed is written to it. Cheap when
    /// nothing is due (one indexed read); called before the feed is read (up to the
    /// instant the feed is read until, so no breach is passed over) and by the `sla.check` job.
    @discardableResult
    func materialiseDueBreaches(database: Database, until now: Int64? = nil, batch: Int = 1_000) async throws -> Int {
        let now = now ?? clock.now()
        let anyDue = try await database.read { db in
            try await db.raw("""
                SELECT 1 AS due FROM ticket_slas WHERE breach_due_at IS NOT NULL AND breach_due_at <= \(bind: now) LIMIT 1
                """).first() != nil
        }
        guard anyDue else { return 0 }
        var total = 0
        while true {
            let (written, more) = try await database.write { db in try await MetricEventStore(db: db).materialiseDue(now: now, limit: batch) }
            total += written
            if !more || written == 0 { return total }
        }
    }
}
