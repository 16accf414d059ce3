import CasebookCore
import Foundation
import SQLKit

/// The demo's satisfaction ratings, for the study behind them: half of "satisfied" customers still leave. The
/// solved demo tickets of customers get ratings, good and bad; and one customer who rated good asks for a refund
/// ten days later — "satisfied but leaving" in the satisfaction-and-loyalty report. Loading twice adds nothing.
enum DemoSatisfaction {
    static let answers: [(score: SatisfactionScore, comment: String, reason: Int)] = [
        (.good, "Quick and friendly, thank you!", 0),
        (.bad, "Three emails before anyone read what I wrote.", 5),
        (.good, "Sorted in one reply.", 0),
        (.bad, "Still not working, and nobody called back.", 6),
        (.good, "", 0),
    ]

    static func load(into database: Database) async throws {
        try await database.write { db in
            let store = SatisfactionStore(db: db)
            guard try await store.count(.init()) == 0 else { return }
            let rows = try await db.raw("""
                SELECT t.id, t.requester_id, t.assignee_id, t.group_id, t.solved_at FROM tickets t JOIN users u ON u.id = t.requester_id
                WHERE t.solved_at IS NOT NULL AND t.deleted_at IS NULL AND u.role = 'end-user' ORDER BY t.id
                """).all()
            var leaving = false
            for (i, row) in rows.enumerated() {
                let answer = answers[i % answers.count]
                let solvedAt = try row.decode(column: "solved_at", as: Int64.self)
                let ratedAt = solvedAt + 3 * 3_600_000
                let requester = try row.decode(column: "requester_id", as: Int.self)
                _ = try await store.insert(SatisfactionRatingRecord(
                    id: 0, ticketID: try row.decode(column: "id", as: Int.self), requesterID: requester,
                    assigneeID: try row.decode(column: "assignee_id", as: Int?.self), groupID: try row.decode(column: "group_id", as: Int?.self),
                    score: answer.score, comment: answer.comment, reasonCode: answer.reason, offeredAt: solvedAt, firstRatedAt: ratedAt,
                    createdAt: solvedAt, updatedAt: ratedAt))
                // On the case history, as a rating given through the survey link is.
                let ticketID = try row.decode(column: "id", as: Int.self)
                _ = try await TicketStore(db: db).insertAudit(ticketID: ticketID, authorID: requester, via: .web, at: ratedAt, events: [
                    .satisfactionRating(score: answer.score.rawValue, previous: SatisfactionScore.offered.rawValue, comment: answer.comment,
                                        assigneeID: try row.decode(column: "assignee_id", as: Int?.self)),
                ], comment: nil)
                // The first satisfied customer with an order asks for their money back ten days after the solve.
                guard !leaving, answer.score == .good,
                      let order = try await db.raw("SELECT id, currency FROM orders WHERE customer_id = \(bind: requester) ORDER BY id LIMIT 1").first()
                else { continue }
                leaving = true
                let orderID = try order.decode(column: "id", as: Int.self)
                try await db.raw("""
                    INSERT INTO refunds (order_id, kind, amount_minor, currency, reason, note, status, requested_by_id, created_at)
                    VALUES (\(bind: orderID), 'refund', 2900, \(bind: try order.decode(column: "currency", as: String.self)),
                        \(bind: RefundReason.other.rawValue), 'Happy with the help, but going with another brand.', 'requested',
                        \(bind: requester), \(bind: solvedAt + 10 * 86_400_000))
                    """).run()
            }
        }
    }
}
