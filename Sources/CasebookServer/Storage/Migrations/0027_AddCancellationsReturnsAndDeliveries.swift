extension Migration {
    /// What happens to order lines after they are placed: cancelled (with the reason), delivered, returned (how many
    /// units, how many went back into stock, why).
    static let addCancellationsReturnsAndDeliveries = Migration(number: 27, name: "AddCancellationsReturnsAndDeliveries") { engine in
        [
            "ALTER TABLE shipments ADD COLUMN delivered_at BIGINT",
            "ALTER TABLE order_lines ADD COLUMN returned_quantity INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE order_lines ADD COLUMN cancel_reason TEXT NOT NULL DEFAULT ''",
            """
            CREATE TABLE order_returns (
                id \(engine.primaryKey),
                order_id BIGINT NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
                line_id BIGINT NOT NULL REFERENCES order_lines(id) ON DELETE CASCADE,
                quantity INTEGER NOT NULL,
                restocked INTEGER NOT NULL,
                reason TEXT NOT NULL,
                created_by_id BIGINT NOT NULL REFERENCES users(id),
                created_at BIGINT NOT NULL)
            """,
            "CREATE INDEX order_returns_order ON order_returns (order_id, id)",
        ]
    }
}
