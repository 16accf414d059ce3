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

    /// The REST create request (`POST /api/v2/tickets`) of the ticket that `timelineUpdates` fills.
    public static func timelineTicket(requesterID: Int) -> String {
        #"{"ticket":{"subject":"Invoices go to the wrong address","priority":"normal","tags":["billing","bench"],"comment":{"body":"Since March our invoices are sent to the old office. Please fix the billing address."},"requester_id":\#(requesterID)}}"#
    }

    /// `count` REST updates (`PUT /api/v2/tickets/ID` bodies) that each add one entry to a ticket's timeline, in the
    /// mix of a long-running case: public replies, internal notes, call logs, and status, priority and assignee
    /// changes (alone or with a note). Every field change differs from the value before it, so each one is an audit;
    /// `agentIDs` should hold two agents or more, as assignments alternate between them.
    public static func timelineUpdates(count: Int, agentIDs: [Int]) -> [String] {
        let priorities = ["low", "high", "urgent", "normal"]
        return (0..<count).map { i in
            let round = i / 10
            let paragraph = "Update \(i): we checked the billing profile, the invoice template and the mail log again. "
                + "Next step agreed with the customer; see the previous entries for context."
            let ticket: String
            switch i % 10 {
            case 0, 4, 7:
                ticket = #""comment":{"body":"\#(paragraph)","public":true}"#
            case 1, 5, 8:
                ticket = #""comment":{"body":"Internal: \#(paragraph)","public":false}"#
            case 2:
                ticket = #""status":"\#(round % 2 == 0 ? "pending" : "open")","comment":{"body":"Status note \#(i).","public":false}"#
            case 3:
                ticket = #""priority":"\#(priorities[round % priorities.count])""#
            case 6:
                ticket = #""assignee_id":\#(agentIDs[round % agentIDs.count])"#
            default:
                ticket = #""comment":{"body":"Call \#(i) about the invoices.","public":false,"call":{"direction":"\#(round % 2 == 0 ? "inbound" : "outbound")","from":"+1 555 0100","to":"support","duration":\#(60 + 30 * round)}}"#
            }
            return #"{"ticket":{\#(ticket)}}"#
        }
    }
}
