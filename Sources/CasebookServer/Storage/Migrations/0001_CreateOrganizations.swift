extension Migration {
    static let createOrganizations = Migration(number: 1, name: "CreateOrganizations") { engine in
        ["""
        CREATE TABLE organizations (
            id \(engine.primaryKey),
            name TEXT NOT NULL,
            name_key TEXT NOT NULL UNIQUE,
            external_id TEXT UNIQUE,
            details TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            shared_tickets BOOLEAN NOT NULL DEFAULT FALSE,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL)
        """,
        """
        CREATE TABLE organization_domains (
            organization_id BIGINT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
            domain TEXT NOT NULL UNIQUE)
        """,
        "CREATE INDEX organization_domains_org ON organization_domains (organization_id)"]
    }
}
