extension Migration {
    /// Shared views (queues defined by a search query) and macros (saved sets of ticket actions).
    static let createViewsAndMacros = Migration(number: 10, name: "CreateViewsAndMacros") { engine in
        ["""
        CREATE TABLE views (
            id \(engine.primaryKey),
            title TEXT NOT NULL,
            query TEXT NOT NULL,
            sort TEXT NOT NULL,
            position INTEGER NOT NULL DEFAULT 0,
            active BOOLEAN NOT NULL DEFAULT TRUE,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL)
        """,
        """
        CREATE TABLE macros (
            id \(engine.primaryKey),
            title TEXT NOT NULL,
            actions TEXT NOT NULL,
            active BOOLEAN NOT NULL DEFAULT TRUE,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL)
        """]
    }
}
