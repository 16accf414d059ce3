extension Migration {
    /// Products and their variants (a SKU each), the stock ledger with the levels it sums to, stock receipts with
    /// their inspection, and claims against suppliers for defective or missing units.
    static let createCatalogueAndStock = Migration(number: 16, name: "CreateCatalogueAndStock") { engine in
        [
            """
            CREATE TABLE products (
                id \(engine.primaryKey),
                name TEXT NOT NULL,
                description TEXT NOT NULL DEFAULT '',
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL)
            """,
            """
            CREATE TABLE variants (
                id \(engine.primaryKey),
                product_id BIGINT NOT NULL REFERENCES products(id) ON DELETE CASCADE,
                sku TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                options TEXT NOT NULL DEFAULT '{}',
                price_minor BIGINT NOT NULL,
                currency TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL)
            """,
            "CREATE INDEX variants_product ON variants (product_id)",
            """
            CREATE TABLE stock_movements (
                id \(engine.primaryKey),
                sku TEXT NOT NULL,
                quantity INTEGER NOT NULL,
                from_state TEXT,
                to_state TEXT,
                reason TEXT NOT NULL,
                actor_id BIGINT NOT NULL REFERENCES users(id),
                reference TEXT NOT NULL,
                created_at BIGINT NOT NULL)
            """,
            "CREATE INDEX stock_movements_sku ON stock_movements (sku, id)",
            """
            CREATE TABLE stock_levels (
                sku TEXT NOT NULL,
                state TEXT NOT NULL,
                quantity INTEGER NOT NULL CHECK (quantity >= 0),
                PRIMARY KEY (sku, state))
            """,
            """
            CREATE TABLE stock_receipts (
                id \(engine.primaryKey),
                supplier TEXT NOT NULL,
                reference TEXT NOT NULL DEFAULT '',
                status TEXT NOT NULL,
                created_by_id BIGINT NOT NULL REFERENCES users(id),
                created_at BIGINT NOT NULL,
                inspected_at BIGINT)
            """,
            """
            CREATE TABLE stock_receipt_lines (
                receipt_id BIGINT NOT NULL REFERENCES stock_receipts(id) ON DELETE CASCADE,
                sku TEXT NOT NULL,
                expected INTEGER NOT NULL,
                received INTEGER NOT NULL,
                good INTEGER,
                defective INTEGER,
                defect_reason TEXT NOT NULL DEFAULT '',
                PRIMARY KEY (receipt_id, sku))
            """,
            """
            CREATE TABLE supplier_claims (
                id \(engine.primaryKey),
                receipt_id BIGINT NOT NULL REFERENCES stock_receipts(id) ON DELETE CASCADE,
                kind TEXT NOT NULL,
                sku TEXT NOT NULL,
                quantity INTEGER NOT NULL,
                reason TEXT NOT NULL,
                created_at BIGINT NOT NULL)
            """,
        ]
    }
}
