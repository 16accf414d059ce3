extension Migration {
    static let createUsers = Migration(number: 2, name: "CreateUsers") { engine in
        ["""
        CREATE TABLE users (
            id \(engine.primaryKey),
            name TEXT NOT NULL,
            email TEXT UNIQUE,
            role TEXT NOT NULL,
            phone TEXT,
            organization_id BIGINT REFERENCES organizations(id) ON DELETE SET NULL,
            time_zone TEXT NOT NULL DEFAULT 'UTC',
            external_id TEXT UNIQUE,
            notes TEXT NOT NULL DEFAULT '',
            active BOOLEAN NOT NULL DEFAULT TRUE,
            password_hash TEXT,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL)
        """,
        "CREATE INDEX users_organization ON users (organization_id)",
        "CREATE INDEX users_role ON users (role)",
        """
        CREATE TABLE api_tokens (
            id \(engine.primaryKey),
            user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            token_hash TEXT NOT NULL UNIQUE,
            description TEXT NOT NULL DEFAULT '',
            created_at BIGINT NOT NULL,
            last_used_at BIGINT)
        """,
        "CREATE INDEX api_tokens_user ON api_tokens (user_id)"]
    }
}
