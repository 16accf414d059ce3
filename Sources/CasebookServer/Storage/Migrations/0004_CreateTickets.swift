extension Migration {
    static let createTickets = Migration(number: 4, name: "CreateTickets") { engine in
        ["""
        CREATE TABLE tickets (
            id \(engine.primaryKey),
            external_id TEXT,
            type TEXT,
            subject TEXT NOT NULL,
            description TEXT NOT NULL,
            status TEXT NOT NULL,
            priority TEXT,
            requester_id BIGINT NOT NULL REFERENCES users(id),
            submitter_id BIGINT NOT NULL REFERENCES users(id),
            assignee_id BIGINT REFERENCES users(id),
            group_id BIGINT REFERENCES groups(id),
            organization_id BIGINT REFERENCES organizations(id),
            due_at BIGINT,
            via_channel TEXT NOT NULL,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL,
            solved_at BIGINT,
            deleted_at BIGINT)
        """,
        "CREATE INDEX tickets_updated ON tickets (updated_at, id)",
        "CREATE INDEX tickets_assignee_status ON tickets (assignee_id, status)",
        "CREATE INDEX tickets_requester ON tickets (requester_id)",
        "CREATE INDEX tickets_status ON tickets (status)",
        "CREATE INDEX tickets_group ON tickets (group_id)",
        "CREATE INDEX tickets_organization ON tickets (organization_id)",
        "CREATE INDEX tickets_external ON tickets (external_id)",
        """
        CREATE TABLE ticket_tags (
            ticket_id BIGINT NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
            tag TEXT NOT NULL,
            position INTEGER NOT NULL,
            PRIMARY KEY (ticket_id, tag))
        """,
        "CREATE INDEX ticket_tags_tag ON ticket_tags (tag)",
        """
        CREATE TABLE ticket_collaborators (
            ticket_id BIGINT NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
            user_id BIGINT NOT NULL REFERENCES users(id),
            kind TEXT NOT NULL,
            position INTEGER NOT NULL,
            PRIMARY KEY (ticket_id, kind, user_id))
        """]
    }
}
