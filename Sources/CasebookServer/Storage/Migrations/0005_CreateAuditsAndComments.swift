extension Migration {
    static let createAuditsAndComments = Migration(number: 5, name: "CreateAuditsAndComments") { engine in
        ["""
        CREATE TABLE audits (
            id \(engine.primaryKey),
            ticket_id BIGINT NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
            author_id BIGINT NOT NULL REFERENCES users(id),
            via_channel TEXT NOT NULL,
            created_at BIGINT NOT NULL)
        """,
        "CREATE INDEX audits_ticket ON audits (ticket_id, id)",
        """
        CREATE TABLE audit_events (
            id \(engine.primaryKey),
            audit_id BIGINT NOT NULL REFERENCES audits(id) ON DELETE CASCADE,
            type TEXT NOT NULL,
            field_name TEXT,
            value TEXT,
            previous_value TEXT,
            comment_id BIGINT)
        """,
        "CREATE INDEX audit_events_audit ON audit_events (audit_id, id)",
        """
        CREATE TABLE comments (
            id \(engine.primaryKey),
            ticket_id BIGINT NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
            audit_id BIGINT NOT NULL REFERENCES audits(id) ON DELETE CASCADE,
            author_id BIGINT NOT NULL REFERENCES users(id),
            public BOOLEAN NOT NULL,
            body TEXT NOT NULL,
            html_body TEXT NOT NULL,
            via_channel TEXT NOT NULL,
            call_direction TEXT,
            call_from TEXT,
            call_to TEXT,
            call_participants TEXT,
            call_duration INTEGER,
            created_at BIGINT NOT NULL)
        """,
        "CREATE INDEX comments_ticket ON comments (ticket_id, id)"]
    }
}
