import CasebookCore
import SQLKit

/// Per agent: the tickets assigned to them now (open, pending), the tickets they solved in the range, the public
/// replies and internal notes they wrote in the range, and the hours they were online and away in the range (from the
/// presence history, each interval clipped to the range and to now).
struct WorkloadReport: ReportDefinition {
    let id = "workload"
    let title = "Agent workload and presence hours"
    let blurb = "Tickets held and solved, replies and notes written, and hours online and away, per agent."

    static let hourMillis = 3_600_000.0

    struct Row: Equatable {
        var open = 0, pending = 0, solved = 0, replies = 0, notes = 0
        var onlineMillis: Int64 = 0, awayMillis: Int64 = 0
    }

    func run(_ filter: ReportFilter, _ context: ReportContext) async throws -> ReportOutput {
        let db = context.db
        // The agents: active staff, narrowed by the agent filter and to members of the filtered groups.
        var who = SQLQueryString("")
        if !filter.agentIDs.isEmpty { who.appendInterpolation(" AND id IN (\(binds: filter.agentIDs))" as SQLQueryString) }
        if !filter.groupIDs.isEmpty {
            who.appendInterpolation(" AND id IN (SELECT user_id FROM group_memberships WHERE group_id IN (\(binds: filter.groupIDs)))" as SQLQueryString)
        }
        var agents: [(id: Int, name: String)] = []
        for row in try await db.raw("""
            SELECT id, name FROM users WHERE role IN ('agent', 'lead', 'manager', 'admin') AND active = \(bind: true)\(who) ORDER BY name, id
            """).all() {
            agents.append((try row.decode(column: "id", as: Int.self), try row.decode(column: "name", as: String.self)))
        }
        var rows: [Int: Row] = Dictionary(uniqueKeysWithValues: agents.map { ($0.id, Row()) })
        let ids = agents.map(\.id)

        if !ids.isEmpty {
            // The tickets counted: the ticket filters other than the agent (which chose the agents) through ticket_facts.
            var dimensions = filter
            dimensions.agentIDs = []
            func facts(_ on: String) -> SQLQueryString {
                dimensions.touchesTickets ? " JOIN ticket_facts f ON f.ticket_id = \(unsafeRaw: on)" : ""
            }
            let conditions = dimensions.touchesTickets ? dimensions.factsConditions("f") : ""

            for row in try await db.raw("""
                SELECT t.assignee_id, CASE WHEN t.status = 'pending' THEN 'pending' ELSE 'open' END AS state, COUNT(*) AS n
                FROM tickets t\(facts("t.id"))
                WHERE t.assignee_id IN (\(binds: ids)) AND t.status IN ('new', 'open', 'pending', 'hold') AND t.deleted_at IS NULL\(conditions)
                GROUP BY t.assignee_id, CASE WHEN t.status = 'pending' THEN 'pending' ELSE 'open' END
                """).all() {
                let agent = try row.decode(column: "assignee_id", as: Int.self)
                let n = try row.decode(column: "n", as: Int.self)
                if try row.decode(column: "state", as: String.self) == "pending" { rows[agent]?.pending += n } else { rows[agent]?.open += n }
            }

            for row in try await db.raw("""
                SELECT f.assignee_id, COUNT(*) AS n FROM ticket_facts f
                WHERE f.solved_at >= \(bind: filter.start) AND f.solved_at < \(bind: filter.end) AND f.assignee_id IN (\(binds: ids))\(conditions)
                GROUP BY f.assignee_id
                """).all() {
                rows[try row.decode(column: "assignee_id", as: Int.self)]?.solved += try row.decode(column: "n", as: Int.self)
            }

            for row in try await db.raw("""
                SELECT c.author_id, CASE WHEN c.public THEN 1 ELSE 0 END AS is_public, COUNT(*) AS n
                FROM comments c\(facts("c.ticket_id"))
                WHERE c.author_id IN (\(binds: ids)) AND c.created_at >= \(bind: filter.start) AND c.created_at < \(bind: filter.end)\(conditions)
                GROUP BY c.author_id, CASE WHEN c.public THEN 1 ELSE 0 END
                """).all() {
                let agent = try row.decode(column: "author_id", as: Int.self)
                let n = try row.decode(column: "n", as: Int.self)
                if try row.decode(column: "is_public", as: Int.self) == 1 { rows[agent]?.replies += n } else { rows[agent]?.notes += n }
            }

            // Presence: every interval that overlaps the range, clipped to it; an open interval runs until now.
            let upper = min(filter.end, context.now)
            if upper > filter.start {
                for row in try await db.raw("""
                    SELECT user_id, status, CAST(SUM(
                        (CASE WHEN ended_at IS NULL OR ended_at > \(bind: upper) THEN \(bind: upper) ELSE ended_at END)
                        - (CASE WHEN started_at < \(bind: filter.start) THEN \(bind: filter.start) ELSE started_at END)) AS BIGINT) AS millis
                    FROM presence_intervals
                    WHERE started_at < \(bind: upper) AND (ended_at IS NULL OR ended_at > \(bind: filter.start))
                        AND status IN ('online', 'away') AND user_id IN (\(binds: ids))
                    GROUP BY user_id, status
                    """).all() {
                    let agent = try row.decode(column: "user_id", as: Int.self)
                    let millis = try row.decode(column: "millis", as: Int64.self)
                    if try row.decode(column: "status", as: String.self) == "online" { rows[agent]?.onlineMillis += millis } else { rows[agent]?.awayMillis += millis }
                }
            }
        }

        func hours(_ millis: Int64) -> Double { Double(millis) / Self.hourMillis }
        let all = agents.map { rows[$0.id]! }
        func sum(_ key: (Row) -> Int) -> Int { all.reduce(0) { $0 + key($1) } }
        return ReportOutput(
            id: id, title: title,
            summary: [
                .init("Agents", .count(agents.count)),
                .init("Open tickets held", .count(sum(\.open))),
                .init("Pending tickets held", .count(sum(\.pending))),
                .init("Solved", .count(sum(\.solved))),
                .init("Public replies", .count(sum(\.replies))),
                .init("Internal notes", .count(sum(\.notes))),
                .init("Hours online", .hours(hours(all.reduce(0) { $0 + $1.onlineMillis }))),
                .init("Hours away", .hours(hours(all.reduce(0) { $0 + $1.awayMillis }))),
            ],
            chart: ReportChart(kind: .stacked, title: "Presence hours per agent", unit: "hours", categories: agents.map(\.name),
                               series: [.init("Online", all.map { hours($0.onlineMillis) }), .init("Away", all.map { hours($0.awayMillis) })]),
            table: ReportTable(
                columns: [.init("agent", "Agent"), .init("open", "Open now"), .init("pending", "Pending now"), .init("solved", "Solved"),
                          .init("public_replies", "Public replies"), .init("internal_notes", "Internal notes"),
                          .init("online_hours", "Hours online"), .init("away_hours", "Hours away")],
                rows: zip(agents, all).map { agent, r in
                    [.text(agent.name), .count(r.open), .count(r.pending), .count(r.solved), .count(r.replies), .count(r.notes),
                     .hours(hours(r.onlineMillis)), .hours(hours(r.awayMillis))]
                }),
            definitions: [
                "Agents: active staff (agents, leads, managers, admins); the agent filter picks some of them and the group filter keeps the groups' members.",
                "Open now: tickets assigned to the agent now that are new, open or on hold (not deleted); pending now: those waiting on the customer. These are a snapshot, not limited to the date range.",
                "Solved: tickets last solved in the range whose assignee is the agent.",
                "Public replies and internal notes: public and private comments the agent wrote in the range, on any ticket.",
                "Hours online and away: calendar time in each status from the presence history, each interval clipped to the range and to now; offline time is not counted.",
                "The ticket filters (group, channel, priority, tags, organization) narrow the tickets and comments counted, not the presence hours.",
            ])
    }
}
