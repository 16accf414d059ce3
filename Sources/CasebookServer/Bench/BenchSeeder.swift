import CasebookCore
import Foundation
import SQLKit

/// Fills a database with many tickets quickly (multi-row inserts, no audits), for benchmarks that need volume.
/// Every tenth ticket belongs to `assigneeID`; statuses cycle so about a quarter are open.
public enum BenchSeeder {
    public static func seedTickets(_ database: Database, count: Int, requesterID: Int, assigneeID: Int,
                                   batch: Int = 500) async throws {
        let statuses: [TicketStatus] = [.new, .open, .pending, .solved]
        let priorities: [TicketPriority] = [.low, .normal, .high, .urgent]
        var done = 0
        let now = Timestamp.now
        while done < count {
            let n = min(batch, count - done)
            let first = done
            try await database.write { db in
                var query = SQLQueryString("""
                    INSERT INTO tickets (type, subject, description, status, priority, requester_id, submitter_id,
                        assignee_id, via_channel, created_at, updated_at) VALUES
                    """)
                for i in 0..<n {
                    let k = first + i
                    let status = statuses[k % statuses.count]
                    let assignee: Int? = k % 10 == 0 ? assigneeID : nil
                    if i > 0 { query.appendLiteral(", ") }
                    query.appendInterpolation("""
                        ('incident', \(bind: "Bench ticket \(k): printer on fire"), 'Seeded for the benchmark',
                         \(bind: status == .new && assignee != nil ? "open" : status.rawValue),
                         \(bind: priorities[k % priorities.count].rawValue), \(bind: requesterID), \(bind: requesterID),
                         \(bind: assignee), 'api', \(bind: now - Int64(count - k)), \(bind: now - Int64(count - k)))
                        """ as SQLQueryString)
                }
                try await db.raw(query).run()
            }
            done += n
        }
    }
}
