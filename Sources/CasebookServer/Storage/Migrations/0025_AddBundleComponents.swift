extension Migration {
    /// Bundles and multipacks: a variant whose units are made of other variants' units. Each component is a quantity
    /// of one SKU, or of any of a listed set ("3 BeamTags, any colour"); a bundle holds no stock of its own.
    static let addBundleComponents = Migration(number: 25, name: "AddBundleComponents") { engine in
        [
            """
            CREATE TABLE bundle_components (
                bundle_sku TEXT NOT NULL REFERENCES variants(sku) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                quantity INTEGER NOT NULL,
                any_of BOOLEAN NOT NULL,
                skus TEXT NOT NULL,
                PRIMARY KEY (bundle_sku, position))
            """,
        ]
    }
}
