extension Migration {
    /// Refunds (given at once within the giver's limit, else requested and approved or declined by someone whose limit
    /// covers it), fulfilment errors with their station and root cause, webhook-ready order events, and what a
    /// shipment needs once it leaves (carrier, tracking, the packing station, when).
    static let createRefundsAndFulfilmentErrors = Migration(number: 21, name: "CreateRefundsAndFulfilmentErrors") { engine in
        [
            "ALTER TABLE order_lines ADD COLUMN refunded_quantity INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE orders ADD COLUMN shipping_refunded BOOLEAN NOT NULL DEFAULT FALSE",
            "ALTER TABLE shipments ADD COLUMN station TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE shipments ADD COLUMN shipped_at BIGINT",
            """
            CREATE TABLE refunds (
                id \(engine.primaryKey),
                order_id BIGINT NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
                kind TEXT NOT NULL,
                lines TEXT NOT NULL DEFAULT '',
                amount_minor BIGINT NOT NULL,
                currency TEXT NOT NULL,
                reason TEXT NOT NULL,
                note TEXT NOT NULL DEFAULT '',
                status TEXT NOT NULL,
                approver_role TEXT,
                requested_by_id BIGINT NOT NULL REFERENCES users(id),
                decided_by_id BIGINT REFERENCES users(id),
                decided_at BIGINT,
                decline_reason TEXT NOT NULL DEFAULT '',
                ticket_id BIGINT REFERENCES tickets(id) ON DELETE SET NULL,
                created_at BIGINT NOT NULL)
            """,
            "CREATE INDEX refunds_order ON refunds (order_id, id)",
            "CREATE INDEX refunds_status ON refunds (status, id)",
            """
            CREATE TABLE fulfilment_errors (
                id \(engine.primaryKey),
                order_id BIGINT NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
                line_id BIGINT NOT NULL REFERENCES order_lines(id) ON DELETE CASCADE,
                kind TEXT NOT NULL,
                station TEXT NOT NULL,
                packer_id BIGINT REFERENCES users(id),
                root_cause TEXT NOT NULL,
                recorded_by_id BIGINT NOT NULL REFERENCES users(id),
                ticket_id BIGINT REFERENCES tickets(id) ON DELETE SET NULL,
                replacement_shipment_id BIGINT REFERENCES shipments(id) ON DELETE SET NULL,
                refund_id BIGINT REFERENCES refunds(id) ON DELETE SET NULL,
                created_at BIGINT NOT NULL)
            """,
            "CREATE INDEX fulfilment_errors_order ON fulfilment_errors (order_id)",
            """
            CREATE TABLE order_events (
                id \(engine.primaryKey),
                event TEXT NOT NULL,
                order_id BIGINT NOT NULL,
                payload TEXT NOT NULL,
                created_at BIGINT NOT NULL)
            """,
        ]
    }
}
