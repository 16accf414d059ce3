extension Migration {
    static let createGroups = Migration(number: 3, name: "CreateGroups") { engine in
        ["""
        CREATE TABLE groups (
            id \(engine.primaryKey),
            name TEXT NOT NULL,
            name_key TEXT NOT NULL UNIQUE,
            description TEXT NOT NULL DEFAULT '',
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL)
        """,
        """
        CREATE TABLE group_memberships (
            id \(engine.primaryKey),
            user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            group_id BIGINT NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
            is_default BOOLEAN NOT NULL DEFAULT FALSE,
            created_at BIGINT NOT NULL,
            UNIQUE (user_id, group_id))
        """,
        "CREATE INDEX group_memberships_group ON group_memberships (group_id)"]
    }
}
