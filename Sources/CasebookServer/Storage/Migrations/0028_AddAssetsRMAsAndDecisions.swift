extension Migration {
    /// Hardware after the sale: assets and their warranty, troubleshooting checklists and their results per ticket,
    /// RMAs with their history; decisions on the record and the notifications they send; conduct records and the
    /// outcomes the admins' policy offers; case notes owed after an unsummarised call.
    static let addAssetsRMAsAndDecisions = Migration(number: 28, name: "AddAssetsRMAsAndDecisions") { engine in
        [
            """
            CREATE TABLE warranty_terms (
                product_id BIGINT PRIMARY KEY REFERENCES products(id) ON DELETE CASCADE,
                months INTEGER NOT NULL,
                coverage TEXT NOT NULL DEFAULT '',
                caveats TEXT NOT NULL DEFAULT '[]',
                return_days INTEGER NOT NULL DEFAULT 14,
                checklist TEXT NOT NULL DEFAULT '[]',
                updated_at BIGINT NOT NULL)
            """,
            """
            CREATE TABLE assets (
                id \(engine.primaryKey),
                serial TEXT NOT NULL UNIQUE,
                sku TEXT NOT NULL DEFAULT '',
                product_id BIGINT REFERENCES products(id),
                customer_id BIGINT REFERENCES users(id),
                organization_id BIGINT REFERENCES organizations(id),
                site TEXT NOT NULL DEFAULT '',
                purchased_at BIGINT,
                order_id BIGINT REFERENCES orders(id),
                firmware TEXT NOT NULL DEFAULT '',
                status TEXT NOT NULL DEFAULT 'in_service',
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL)
            """,
            "CREATE INDEX assets_customer ON assets (customer_id)",
            "CREATE INDEX assets_organization ON assets (organization_id)",
            """
            CREATE TABLE ticket_assets (
                ticket_id BIGINT NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
                asset_id BIGINT NOT NULL REFERENCES assets(id) ON DELETE CASCADE,
                linked_by TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                PRIMARY KEY (ticket_id, asset_id))
            """,
            "CREATE INDEX ticket_assets_asset ON ticket_assets (asset_id)",
            """
            CREATE TABLE checklist_results (
                ticket_id BIGINT NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
                step_key TEXT NOT NULL,
                result TEXT NOT NULL,
                note TEXT NOT NULL DEFAULT '',
                recorded_by_id BIGINT NOT NULL REFERENCES users(id),
                recorded_at BIGINT NOT NULL,
                PRIMARY KEY (ticket_id, step_key))
            """,
            """
            CREATE TABLE rmas (
                id \(engine.primaryKey),
                ticket_id BIGINT NOT NULL REFERENCES tickets(id),
                asset_id BIGINT NOT NULL REFERENCES assets(id),
                kind TEXT NOT NULL,
                status TEXT NOT NULL,
                value_minor BIGINT NOT NULL DEFAULT 0,
                currency TEXT NOT NULL DEFAULT 'USD',
                in_warranty BOOLEAN NOT NULL,
                approver_role TEXT,
                requested_by_id BIGINT NOT NULL REFERENCES users(id),
                owner_id BIGINT REFERENCES users(id),
                decided_by_id BIGINT REFERENCES users(id),
                decided_at BIGINT,
                decision_reason TEXT NOT NULL DEFAULT '',
                tracking TEXT NOT NULL DEFAULT '',
                shipped_at BIGINT,
                return_due_at BIGINT,
                received_at BIGINT,
                outcome TEXT,
                inspection_note TEXT NOT NULL DEFAULT '',
                obligation TEXT NOT NULL DEFAULT '',
                obligation_accepted_via TEXT,
                obligation_accepted_at BIGINT,
                obligation_note TEXT NOT NULL DEFAULT '',
                obligation_applies BOOLEAN,
                reminded_at BIGINT,
                closed_at BIGINT,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL)
            """,
            "CREATE INDEX rmas_ticket ON rmas (ticket_id)",
            "CREATE INDEX rmas_asset ON rmas (asset_id)",
            "CREATE INDEX rmas_status ON rmas (status, approver_role)",
            "CREATE INDEX rmas_due ON rmas (status, return_due_at)",
            """
            CREATE TABLE rma_events (
                id \(engine.primaryKey),
                rma_id BIGINT NOT NULL REFERENCES rmas(id) ON DELETE CASCADE,
                event TEXT NOT NULL,
                status TEXT NOT NULL,
                actor_id BIGINT REFERENCES users(id),
                note TEXT NOT NULL DEFAULT '',
                created_at BIGINT NOT NULL)
            """,
            "CREATE INDEX rma_events_rma ON rma_events (rma_id, id)",
            """
            CREATE TABLE decisions (
                id \(engine.primaryKey),
                kind TEXT NOT NULL,
                rule TEXT NOT NULL,
                what TEXT NOT NULL,
                reason TEXT NOT NULL,
                outcome TEXT,
                ticket_id BIGINT REFERENCES tickets(id) ON DELETE SET NULL,
                customer_id BIGINT REFERENCES users(id),
                organization_id BIGINT REFERENCES organizations(id),
                subject_type TEXT NOT NULL DEFAULT '',
                subject_id BIGINT,
                decided_by_id BIGINT NOT NULL REFERENCES users(id),
                notified TEXT NOT NULL DEFAULT '[]',
                created_at BIGINT NOT NULL)
            """,
            "CREATE INDEX decisions_ticket ON decisions (ticket_id)",
            "CREATE INDEX decisions_customer ON decisions (customer_id)",
            "CREATE INDEX decisions_by ON decisions (decided_by_id, created_at)",
            "CREATE INDEX decisions_kind ON decisions (kind, created_at)",
            "CREATE INDEX decisions_subject ON decisions (subject_type, subject_id)",
            """
            CREATE TABLE notifications (
                id \(engine.primaryKey),
                user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                kind TEXT NOT NULL,
                text TEXT NOT NULL,
                ticket_id BIGINT REFERENCES tickets(id) ON DELETE CASCADE,
                link TEXT NOT NULL DEFAULT '',
                created_at BIGINT NOT NULL,
                read_at BIGINT)
            """,
            "CREATE INDEX notifications_user ON notifications (user_id, id)",
            """
            CREATE TABLE conduct_outcomes (
                id \(engine.primaryKey),
                label TEXT NOT NULL UNIQUE,
                action TEXT NOT NULL,
                description TEXT NOT NULL DEFAULT '',
                active BOOLEAN NOT NULL DEFAULT TRUE,
                created_at BIGINT NOT NULL)
            """,
            """
            CREATE TABLE conduct_records (
                id \(engine.primaryKey),
                ticket_id BIGINT NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
                customer_id BIGINT NOT NULL REFERENCES users(id),
                affected_agent_id BIGINT REFERENCES users(id),
                flagged_by_id BIGINT NOT NULL REFERENCES users(id),
                kind TEXT NOT NULL,
                comment_id BIGINT REFERENCES comments(id),
                outcome_id BIGINT NOT NULL REFERENCES conduct_outcomes(id),
                note TEXT NOT NULL DEFAULT '',
                exclusion_rule_id BIGINT,
                created_at BIGINT NOT NULL)
            """,
            "CREATE INDEX conduct_records_customer ON conduct_records (customer_id, id)",
            "CREATE INDEX conduct_records_ticket ON conduct_records (ticket_id)",
            """
            CREATE TABLE policy_settings (
                key TEXT PRIMARY KEY,
                value TEXT NOT NULL,
                updated_at BIGINT NOT NULL)
            """,
            "ALTER TABLE users ADD COLUMN contact_only_by TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE organizations ADD COLUMN account_owner_id BIGINT REFERENCES users(id)",
            "ALTER TABLE tickets ADD COLUMN notes_owed_since BIGINT",
            "CREATE INDEX tickets_notes_owed ON tickets (notes_owed_since)",
        ]
    }
}
