extension Migration {
    /// Follow-up tasks on a ticket (owner, due time, the reminders and escalation already sent) and the remote-assistance
    /// sessions agents record against a ticket.
    static let addFollowUpsAndRemoteSessions = Migration(number: 29, name: "AddFollowUpsAndRemoteSessions") { engine in
        [
            """
            CREATE TABLE follow_ups (
                id \(engine.primaryKey),
                ticket_id BIGINT NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
                title TEXT NOT NULL,
                note TEXT NOT NULL DEFAULT '',
                owner_id BIGINT NOT NULL REFERENCES users(id),
                assigned_by_id BIGINT NOT NULL REFERENCES users(id),
                due_at BIGINT NOT NULL,
                status TEXT NOT NULL DEFAULT 'open',
                reminded_at BIGINT,
                due_notified_at BIGINT,
                escalated_at BIGINT,
                completion_note TEXT NOT NULL DEFAULT '',
                closed_by_id BIGINT REFERENCES users(id),
                closed_at BIGINT,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL)
            """,
            "CREATE INDEX follow_ups_ticket ON follow_ups (ticket_id, id)",
            "CREATE INDEX follow_ups_owner ON follow_ups (owner_id, status, due_at)",
            "CREATE INDEX follow_ups_due ON follow_ups (status, due_at)",
            """
            CREATE TABLE remote_sessions (
                id \(engine.primaryKey),
                ticket_id BIGINT NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
                agent_id BIGINT NOT NULL REFERENCES users(id),
                tool_url TEXT,
                session_code TEXT NOT NULL,
                started_at BIGINT NOT NULL,
                ended_at BIGINT,
                outcome TEXT NOT NULL DEFAULT '',
                created_at BIGINT NOT NULL)
            """,
            "CREATE INDEX remote_sessions_ticket ON remote_sessions (ticket_id, id)",
        ]
    }
}
