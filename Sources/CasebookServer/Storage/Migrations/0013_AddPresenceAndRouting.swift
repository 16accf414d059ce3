extension Migration {
    /// Who is reachable, what each agent can take, how each group hands out tickets, the rules that choose a group,
    /// the rules that keep a customer away from an agent, tickets waiting for someone, and links between tickets
    /// (repeat contacts).
    static let addPresenceAndRouting = Migration(number: 13, name: "AddPresenceAndRouting") { engine in
        [
            """
            CREATE TABLE agent_presence (
                user_id BIGINT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
                status TEXT NOT NULL,
                changed_at BIGINT NOT NULL,
                last_active_at BIGINT NOT NULL,
                back_at BIGINT,
                note TEXT NOT NULL DEFAULT '',
                auto_away BOOLEAN NOT NULL DEFAULT FALSE,
                last_assigned_at BIGINT)
            """,
            "ALTER TABLE users ADD COLUMN capacity INTEGER",
            """
            CREATE TABLE agent_skills (
                user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                skill TEXT NOT NULL,
                PRIMARY KEY (user_id, skill))
            """,
            "ALTER TABLE groups ADD COLUMN routing_mode TEXT NOT NULL DEFAULT 'manual'",
            "ALTER TABLE groups ADD COLUMN last_routed_to BIGINT",
            """
            CREATE TABLE routing_rules (
                id \(engine.primaryKey),
                position INTEGER NOT NULL,
                title TEXT NOT NULL,
                active BOOLEAN NOT NULL DEFAULT TRUE,
                conditions TEXT NOT NULL,
                actions TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL)
            """,
            """
            CREATE TABLE exclusion_rules (
                id \(engine.primaryKey),
                agent_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                requester_id BIGINT REFERENCES users(id) ON DELETE CASCADE,
                organization_id BIGINT REFERENCES organizations(id) ON DELETE CASCADE,
                reason TEXT NOT NULL,
                ticket_id BIGINT REFERENCES tickets(id) ON DELETE SET NULL,
                created_by_id BIGINT NOT NULL REFERENCES users(id),
                created_at BIGINT NOT NULL)
            """,
            "CREATE INDEX exclusion_rules_requester ON exclusion_rules (requester_id)",
            "CREATE INDEX exclusion_rules_organization ON exclusion_rules (organization_id)",
            """
            CREATE TABLE routing_queue (
                ticket_id BIGINT PRIMARY KEY REFERENCES tickets(id) ON DELETE CASCADE,
                group_id BIGINT REFERENCES groups(id) ON DELETE SET NULL,
                skills TEXT NOT NULL DEFAULT '',
                reason TEXT NOT NULL,
                queued_at BIGINT NOT NULL)
            """,
            """
            CREATE TABLE ticket_links (
                ticket_id BIGINT NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
                linked_ticket_id BIGINT NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
                kind TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                PRIMARY KEY (ticket_id, linked_ticket_id, kind))
            """,
            "CREATE INDEX tickets_requester_created ON tickets (requester_id, created_at)",
        ]
    }
}
