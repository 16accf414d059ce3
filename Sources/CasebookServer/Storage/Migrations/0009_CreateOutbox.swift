extension Migration {
    /// Mail waiting to go out. Until the SMTP channel exists, messages stay here (and in the log).
    static let createOutbox = Migration(number: 9, name: "CreateOutbox") { engine in
        ["""
        CREATE TABLE outbox (
            id \(engine.primaryKey),
            kind TEXT NOT NULL,
            to_address TEXT NOT NULL,
            subject TEXT NOT NULL,
            body TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            sent_at BIGINT)
        """,
        "CREATE INDEX outbox_unsent ON outbox (sent_at, id)"]
    }
}
