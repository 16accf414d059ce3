extension Migration {
    /// Deliveries a supplier announced (`stock_receipts.status = 'expected'` with the date), delay notices sent to the
    /// customers waiting on a SKU, and the incentives given to each of them.
    static let addExpectedDeliveriesAndDelayNotices = Migration(number: 24, name: "AddExpectedDeliveriesAndDelayNotices") { engine in
        [
            "ALTER TABLE stock_receipts ADD COLUMN expected_at BIGINT",
            """
            CREATE TABLE delay_notices (
                id \(engine.primaryKey),
                sku TEXT NOT NULL,
                body TEXT NOT NULL,
                incentive_kind TEXT,
                recipients INTEGER NOT NULL,
                sent_by_id BIGINT NOT NULL REFERENCES users(id),
                sent_at BIGINT NOT NULL)
            """,
            "CREATE INDEX delay_notices_sku ON delay_notices (sku, id)",
            """
            CREATE TABLE customer_incentives (
                id \(engine.primaryKey),
                user_id BIGINT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
                order_id BIGINT REFERENCES orders(id) ON DELETE SET NULL,
                delay_notice_id BIGINT REFERENCES delay_notices(id) ON DELETE SET NULL,
                kind TEXT NOT NULL,
                amount_minor INTEGER,
                currency TEXT,
                code TEXT,
                description TEXT NOT NULL DEFAULT '',
                created_by_id BIGINT NOT NULL REFERENCES users(id),
                created_at BIGINT NOT NULL)
            """,
            "CREATE INDEX customer_incentives_user ON customer_incentives (user_id, id)",
        ]
    }
}
