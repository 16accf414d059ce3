extension Migration {
    /// Browser sign-in: sessions kept in the database (they survive a restart and work on any node), the
    /// per-account and per-address failure counters behind the sign-in back-off, and one-time sign-in links.
    static let createWebSessions = Migration(number: 8, name: "CreateWebSessions") { engine in
        ["""
        CREATE TABLE web_sessions (
            id_hash TEXT PRIMARY KEY,
            user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            csrf_token TEXT NOT NULL,
            user_agent TEXT NOT NULL DEFAULT '',
            created_at BIGINT NOT NULL,
            last_seen_at BIGINT NOT NULL,
            expires_at BIGINT NOT NULL)
        """,
        "CREATE INDEX web_sessions_user ON web_sessions (user_id)",
        """
        CREATE TABLE sign_in_failures (
            throttle_key TEXT PRIMARY KEY,
            failures INTEGER NOT NULL,
            locked_until BIGINT,
            updated_at BIGINT NOT NULL)
        """,
        """
        CREATE TABLE sign_in_links (
            token_hash TEXT PRIMARY KEY,
            user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            created_at BIGINT NOT NULL,
            expires_at BIGINT NOT NULL,
            used_at BIGINT)
        """]
    }
}
