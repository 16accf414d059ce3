extension Migration {
    /// Orders and their lines, the backorder queue (one entry per line waiting for stock, with the customer's
    /// recorded preference and every move a lead made), shipments ready to pick, and links between orders and tickets.
    static let createOrdersAndBackorders = Migration(number: 17, name: "CreateOrdersAndBackorders") { engine in
        [
            """
            CREATE TABLE orders (
                id \(engine.primaryKey),
                external_id TEXT UNIQUE,
                customer_id BIGINT NOT NULL REFERENCES users(id),
                currency TEXT NOT NULL,
                shipping_address TEXT NOT NULL DEFAULT '',
                shipping_minor BIGINT NOT NULL DEFAULT 0,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL)
            """,
            "CREATE INDEX orders_customer ON orders (customer_id, id)",
            """
            CREATE TABLE order_lines (
                id \(engine.primaryKey),
                order_id BIGINT NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
                sku TEXT NOT NULL,
                quantity INTEGER NOT NULL,
                price_minor BIGINT NOT NULL,
                status TEXT NOT NULL)
            """,
            "CREATE INDEX order_lines_order ON order_lines (order_id)",
            """
            CREATE TABLE backorder_entries (
                id \(engine.primaryKey),
                order_id BIGINT NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
                line_id BIGINT NOT NULL UNIQUE REFERENCES order_lines(id) ON DELETE CASCADE,
                customer_id BIGINT NOT NULL REFERENCES users(id),
                sku TEXT NOT NULL,
                quantity INTEGER NOT NULL,
                position DOUBLE PRECISION NOT NULL,
                preference TEXT NOT NULL,
                substitutes TEXT NOT NULL DEFAULT '',
                partial_allowed BOOLEAN NOT NULL DEFAULT FALSE,
                captured_by_id BIGINT REFERENCES users(id),
                captured_at BIGINT NOT NULL,
                by_customer BOOLEAN NOT NULL DEFAULT FALSE,
                status TEXT NOT NULL,
                created_at BIGINT NOT NULL)
            """,
            "CREATE INDEX backorder_entries_queue ON backorder_entries (sku, position) WHERE status = 'waiting'",
            """
            CREATE TABLE backorder_moves (
                id \(engine.primaryKey),
                entry_id BIGINT NOT NULL REFERENCES backorder_entries(id) ON DELETE CASCADE,
                from_index INTEGER NOT NULL,
                to_index INTEGER NOT NULL,
                reason TEXT NOT NULL,
                actor_id BIGINT NOT NULL REFERENCES users(id),
                created_at BIGINT NOT NULL)
            """,
            """
            CREATE TABLE shipments (
                id \(engine.primaryKey),
                order_id BIGINT NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
                status TEXT NOT NULL,
                expedited BOOLEAN NOT NULL DEFAULT FALSE,
                carrier TEXT NOT NULL DEFAULT '',
                tracking TEXT NOT NULL DEFAULT '',
                created_at BIGINT NOT NULL)
            """,
            """
            CREATE TABLE shipment_lines (
                shipment_id BIGINT NOT NULL REFERENCES shipments(id) ON DELETE CASCADE,
                line_id BIGINT NOT NULL REFERENCES order_lines(id) ON DELETE CASCADE,
                sku TEXT NOT NULL,
                quantity INTEGER NOT NULL)
            """,
            """
            CREATE TABLE order_tickets (
                order_id BIGINT NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
                ticket_id BIGINT NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
                PRIMARY KEY (order_id, ticket_id))
            """,
        ]
    }
}
