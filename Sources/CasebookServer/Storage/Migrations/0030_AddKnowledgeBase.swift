extension Migration {
    /// The knowledge base: categories → sections → articles (Markdown, labels, draft/published, public/internal), every
    /// save kept as a revision, "was this helpful" votes, images and files on articles, the ticket an article came
    /// from, the portal's deflection events, and the full-text index (FTS5 on SQLite, a GIN index on PostgreSQL) over
    /// text Casebook has already tokenized, so both engines find the same articles.
    static let addKnowledgeBase = Migration(number: 30, name: "AddKnowledgeBase") { engine in
        var statements = [
            """
            CREATE TABLE help_center_categories (
                id \(engine.primaryKey),
                name TEXT NOT NULL,
                description TEXT NOT NULL DEFAULT '',
                position INTEGER NOT NULL DEFAULT 0,
                locale TEXT NOT NULL DEFAULT 'en-us',
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL)
            """,
            """
            CREATE TABLE help_center_sections (
                id \(engine.primaryKey),
                category_id BIGINT NOT NULL REFERENCES help_center_categories(id) ON DELETE CASCADE,
                name TEXT NOT NULL,
                description TEXT NOT NULL DEFAULT '',
                position INTEGER NOT NULL DEFAULT 0,
                locale TEXT NOT NULL DEFAULT 'en-us',
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL)
            """,
            "CREATE INDEX help_center_sections_category ON help_center_sections (category_id, position, id)",
            """
            CREATE TABLE help_center_articles (
                id \(engine.primaryKey),
                section_id BIGINT NOT NULL REFERENCES help_center_sections(id) ON DELETE CASCADE,
                title TEXT NOT NULL,
                body TEXT NOT NULL,
                label_names TEXT NOT NULL DEFAULT '',
                draft BOOLEAN NOT NULL,
                visibility TEXT NOT NULL DEFAULT 'public',
                author_id BIGINT NOT NULL REFERENCES users(id),
                reviewer_id BIGINT REFERENCES users(id),
                locale TEXT NOT NULL DEFAULT 'en-us',
                position INTEGER NOT NULL DEFAULT 0,
                vote_sum INTEGER NOT NULL DEFAULT 0,
                vote_count INTEGER NOT NULL DEFAULT 0,
                search_text TEXT NOT NULL DEFAULT '',
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                edited_at BIGINT NOT NULL)
            """,
            "CREATE INDEX help_center_articles_section ON help_center_articles (section_id, position, id)",
            "CREATE INDEX help_center_articles_listing ON help_center_articles (draft, visibility, id)",
            """
            CREATE TABLE help_center_article_revisions (
                id \(engine.primaryKey),
                article_id BIGINT NOT NULL REFERENCES help_center_articles(id) ON DELETE CASCADE,
                number INTEGER NOT NULL,
                title TEXT NOT NULL,
                body TEXT NOT NULL,
                label_names TEXT NOT NULL DEFAULT '',
                draft BOOLEAN NOT NULL,
                author_id BIGINT NOT NULL REFERENCES users(id),
                note TEXT NOT NULL DEFAULT '',
                created_at BIGINT NOT NULL,
                UNIQUE (article_id, number))
            """,
            """
            CREATE TABLE help_center_votes (
                id \(engine.primaryKey),
                article_id BIGINT NOT NULL REFERENCES help_center_articles(id) ON DELETE CASCADE,
                voter_key TEXT NOT NULL,
                user_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
                value INTEGER NOT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL,
                UNIQUE (article_id, voter_key))
            """,
            """
            CREATE TABLE help_center_article_attachments (
                article_id BIGINT NOT NULL REFERENCES help_center_articles(id) ON DELETE CASCADE,
                attachment_id BIGINT NOT NULL REFERENCES attachments(id) ON DELETE CASCADE,
                PRIMARY KEY (article_id, attachment_id))
            """,
            """
            CREATE TABLE ticket_articles (
                ticket_id BIGINT NOT NULL REFERENCES tickets(id) ON DELETE CASCADE,
                article_id BIGINT NOT NULL REFERENCES help_center_articles(id) ON DELETE CASCADE,
                comment_id BIGINT REFERENCES comments(id) ON DELETE SET NULL,
                linked_by_id BIGINT NOT NULL REFERENCES users(id),
                created_at BIGINT NOT NULL,
                PRIMARY KEY (ticket_id, article_id))
            """,
            "CREATE INDEX ticket_articles_article ON ticket_articles (article_id)",
            """
            CREATE TABLE help_center_deflections (
                id \(engine.primaryKey),
                form_key TEXT NOT NULL,
                event TEXT NOT NULL,
                article_id BIGINT REFERENCES help_center_articles(id) ON DELETE SET NULL,
                user_id BIGINT REFERENCES users(id) ON DELETE SET NULL,
                created_at BIGINT NOT NULL)
            """,
            "CREATE INDEX help_center_deflections_form ON help_center_deflections (form_key, event)",
            "CREATE INDEX help_center_deflections_time ON help_center_deflections (created_at)",
        ]
        switch engine {
        case .sqlite:
            statements.append("""
                CREATE VIRTUAL TABLE help_center_search USING fts5(search_text, tokenize = 'unicode61 remove_diacritics 2')
                """)
        case .postgres:
            // The same text, indexed as PostgreSQL's `simple` configuration reads it.
            statements.append("CREATE INDEX help_center_articles_search ON help_center_articles USING GIN (to_tsvector('simple', search_text))")
        }
        return statements
    }
}
