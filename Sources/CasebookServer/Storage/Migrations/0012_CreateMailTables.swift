extension Migration {
    /// Email in and out: every received message kept raw before anything else happens; the Message-IDs that
    /// thread replies; attachments stored once by content; the outbox grown into a queue with retries; templates.
    static let createMailTables = Migration(number: 12, name: "CreateMailTables") { engine in
        ["""
        CREATE TABLE inbound_messages (
            id \(engine.primaryKey),
            message_id TEXT,
            sender TEXT,
            subject TEXT NOT NULL DEFAULT '',
            raw \(engine.blob) NOT NULL,
            size INTEGER NOT NULL,
            source TEXT NOT NULL,
            queue TEXT,
            action TEXT NOT NULL,
            status TEXT NOT NULL,
            error TEXT,
            classification TEXT,
            ticket_id BIGINT REFERENCES tickets(id) ON DELETE SET NULL,
            comment_id BIGINT,
            attempts INTEGER NOT NULL DEFAULT 0,
            received_at BIGINT NOT NULL,
            processed_at BIGINT)
        """,
        "CREATE UNIQUE INDEX inbound_messages_message_id ON inbound_messages (message_id)",
        "CREATE INDEX inbound_messages_status ON inbound_messages (status, id)",
        "CREATE INDEX inbound_messages_sender ON inbound_messages (sender, received_at)",
        """
        CREATE TABLE mail_message_ids (
            message_id TEXT PRIMARY KEY,
            ticket_id BIGINT NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
            direction TEXT NOT NULL,
            created_at BIGINT NOT NULL)
        """,
        "CREATE INDEX mail_message_ids_ticket ON mail_message_ids (ticket_id)",
        """
        CREATE TABLE blobs (
            sha256 TEXT PRIMARY KEY,
            size BIGINT NOT NULL,
            data \(engine.blob) NOT NULL,
            created_at BIGINT NOT NULL)
        """,
        """
        CREATE TABLE attachments (
            id \(engine.primaryKey),
            sha256 TEXT NOT NULL REFERENCES blobs(sha256),
            file_name TEXT NOT NULL,
            content_type TEXT NOT NULL,
            size BIGINT NOT NULL,
            inline BOOLEAN NOT NULL,
            content_id TEXT,
            ticket_id BIGINT REFERENCES tickets(id) ON DELETE CASCADE,
            comment_id BIGINT REFERENCES comments(id) ON DELETE CASCADE,
            upload_token TEXT,
            uploader_id BIGINT REFERENCES users(id),
            created_at BIGINT NOT NULL)
        """,
        "CREATE INDEX attachments_comment ON attachments (comment_id)",
        "CREATE INDEX attachments_ticket ON attachments (ticket_id)",
        "CREATE INDEX attachments_upload ON attachments (upload_token)",
        "CREATE INDEX attachments_sha256 ON attachments (sha256)",
        "ALTER TABLE comments ADD COLUMN inbound_message_id BIGINT",
        "ALTER TABLE tickets ADD COLUMN followup_source_id BIGINT",
        "ALTER TABLE outbox ADD COLUMN message_id TEXT",
        "ALTER TABLE outbox ADD COLUMN ticket_id BIGINT",
        "ALTER TABLE outbox ADD COLUMN envelope_from TEXT",
        "ALTER TABLE outbox ADD COLUMN recipients TEXT",
        "ALTER TABLE outbox ADD COLUMN raw \(engine.blob)",
        "ALTER TABLE outbox ADD COLUMN status TEXT NOT NULL DEFAULT 'queued'",
        "ALTER TABLE outbox ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE outbox ADD COLUMN next_attempt_at BIGINT NOT NULL DEFAULT 0",
        "ALTER TABLE outbox ADD COLUMN claimed_until BIGINT NOT NULL DEFAULT 0",
        "ALTER TABLE outbox ADD COLUMN last_error TEXT",
        "CREATE INDEX outbox_due ON outbox (status, next_attempt_at, id)",
        """
        CREATE TABLE mail_templates (
            event TEXT PRIMARY KEY,
            subject TEXT NOT NULL,
            text_body TEXT NOT NULL,
            html_body TEXT NOT NULL,
            updated_by BIGINT REFERENCES users(id),
            updated_at BIGINT NOT NULL)
        """]
    }
}
