extension Migration {
    /// The durable job runner's table: a job is claimed by setting a lease (`locked_until`); a process that dies
    /// mid-run leaves the lease to expire and the job runs again. `unique_key` keeps one pending instance of a
    /// recurring job however many nodes schedule it.
    static let createJobs = Migration(number: 15, name: "CreateJobs") { engine in
        [
            """
            CREATE TABLE jobs (
                id \(engine.primaryKey),
                kind TEXT NOT NULL,
                unique_key TEXT UNIQUE,
                payload TEXT NOT NULL DEFAULT '',
                run_at BIGINT NOT NULL,
                locked_until BIGINT,
                attempts INTEGER NOT NULL DEFAULT 0,
                last_error TEXT,
                created_at BIGINT NOT NULL)
            """,
            "CREATE INDEX jobs_due ON jobs (run_at)",
        ]
    }
}
