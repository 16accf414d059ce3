extension Migration {
    /// Ticket creates carrying an `Idempotency-Key` remember their answer, so a retry returns the first result.
    static let createIdempotencyKeys = Migration(number: 6, name: "CreateIdempotencyKeys") { _ in
        ["""
        CREATE TABLE idempotency_keys (
            user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            request_hash TEXT NOT NULL,
            status INTEGER NOT NULL,
            response TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            PRIMARY KEY (user_id, key))
        """]
    }
}
