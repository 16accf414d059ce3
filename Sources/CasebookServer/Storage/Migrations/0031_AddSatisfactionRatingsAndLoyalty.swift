extension Migration {
    /// Satisfaction ratings (one per ticket: offered when it is solved, then good or bad), NPS surveys (at most one a
    /// quarter per customer), and the indexes the satisfaction-and-loyalty report needs to aggregate a year of
    /// tickets in SQL: what each customer did after a solve (orders, refunds, cancellations, new tickets).
    static let addSatisfactionRatingsAndLoyalty = Migration(number: 31, name: "AddSatisfactionRatingsAndLoyalty") { engine in
        [
            """
            CREATE TABLE satisfaction_ratings (
                id \(engine.primaryKey),
                ticket_id BIGINT NOT NULL UNIQUE REFERENCES tickets(id) ON DELETE CASCADE,
                requester_id BIGINT NOT NULL REFERENCES users(id),
                assignee_id BIGINT REFERENCES users(id),
                group_id BIGINT REFERENCES groups(id),
                score TEXT NOT NULL DEFAULT 'offered',
                comment TEXT NOT NULL DEFAULT '',
                reason_code INTEGER NOT NULL DEFAULT 0,
                offered_at BIGINT NOT NULL,
                first_rated_at BIGINT,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL)
            """,
            "CREATE INDEX satisfaction_ratings_updated ON satisfaction_ratings (updated_at, id)",
            "CREATE INDEX satisfaction_ratings_score ON satisfaction_ratings (score, updated_at)",
            """
            CREATE TABLE nps_surveys (
                id \(engine.primaryKey),
                customer_id BIGINT NOT NULL REFERENCES users(id),
                ticket_id BIGINT REFERENCES tickets(id) ON DELETE SET NULL,
                asked_at BIGINT NOT NULL,
                score INTEGER,
                comment TEXT NOT NULL DEFAULT '',
                answered_at BIGINT)
            """,
            "CREATE INDEX nps_surveys_customer ON nps_surveys (customer_id, asked_at)",
            "CREATE INDEX nps_surveys_ticket ON nps_surveys (ticket_id)",
            "CREATE INDEX nps_surveys_answered ON nps_surveys (answered_at, id)",
            // What a customer did after a solve, found per ticket by index: their next order, refund, cancellation.
            "CREATE INDEX orders_customer_created ON orders (customer_id, created_at)",
            "CREATE INDEX refunds_order_created ON refunds (order_id, created_at)",
            "CREATE INDEX order_events_order_event ON order_events (order_id, event, created_at)",
            // The report's range: tickets solved between two times, with their group, assignee and requester.
            "CREATE INDEX tickets_solved_range ON tickets (solved_at, group_id, assignee_id, requester_id) WHERE solved_at IS NOT NULL",
        ]
    }
}
