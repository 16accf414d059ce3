extension Migration {
    /// `loyalty_facts`, one row per solved ticket for the satisfaction-and-loyalty report (`LoyaltyFacts`): the
    /// ticket's dimensions, contact reason (its `reason_…` tag), rating, NPS answer, the customer's first order, refund,
    /// cancellation and new ticket after the solve, and the outcome classified from them. Filled here for the solved
    /// tickets there are, which leaves them due, so the reports job classifies them on its first run; the loyalty
    /// sources start marked as read.
    static let addLoyaltyFacts = Migration(number: 34, name: "AddLoyaltyFacts") { engine in
        [
            """
            CREATE TABLE loyalty_facts (
                ticket_id BIGINT PRIMARY KEY REFERENCES tickets(id) ON DELETE CASCADE,
                requester_id BIGINT NOT NULL,
                solved_at BIGINT NOT NULL,
                group_id BIGINT,
                assignee_id BIGINT,
                organization_id BIGINT,
                via_channel TEXT NOT NULL,
                priority TEXT,
                type TEXT,
                contact_reason TEXT,
                rating TEXT,
                nps_score INTEGER,
                next_order_at BIGINT,
                next_refund_at BIGINT,
                next_cancel_at BIGINT,
                next_ticket_at BIGINT,
                outcome INTEGER,
                due_at BIGINT)
            """,
            """
            INSERT INTO loyalty_facts (\(LoyaltyFacts.rowColumns))
            SELECT f.ticket_id, t.requester_id, f.solved_at, f.group_id, f.assignee_id, f.organization_id, f.via_channel, f.priority,
                f.type, (SELECT MIN(g.tag) FROM ticket_tags g WHERE g.ticket_id = f.ticket_id AND g.tag >= 'reason_' AND g.tag < 'reason`')
            FROM ticket_facts f JOIN tickets t ON t.id = f.ticket_id
            WHERE f.solved_at IS NOT NULL
            """,
            LoyaltyFacts.recomputeSQL(where: "1 = 1"),
            "CREATE INDEX loyalty_facts_requester ON loyalty_facts (requester_id, solved_at)",
            "CREATE INDEX loyalty_facts_due ON loyalty_facts (due_at) WHERE due_at IS NOT NULL",
            // By group or agent the report reads an index that leads with it (no sort to group); by type or reason,
            // and with other filters, the one that leads with the solve. Each holds every column the report reads.
            """
            CREATE INDEX loyalty_facts_solved ON loyalty_facts (solved_at, group_id, assignee_id, type, contact_reason, requester_id,
                rating, nps_score, outcome)
            """,
            "CREATE INDEX loyalty_facts_group ON loyalty_facts (group_id, solved_at, requester_id, rating, nps_score, outcome)",
            "CREATE INDEX loyalty_facts_agent ON loyalty_facts (assignee_id, solved_at, requester_id, rating, nps_score, outcome)",
        ] + LoyaltyFactsRefresher.markEverythingSQL
    }
}
