import CasebookCore
import Foundation
import SQLKit

/// The decisions made about one customer, newest first, as the customer's page shows them to staff (never to the
/// customer).
struct DecisionSection: Sendable {
    struct Row: Sendable {
        var id: Int
        var kind: String
        var what: String
        var rule: String
        var reason: String
        var who: String
        var when: String
        var whenISO: String
        // Plain strings with flags, not optionals: Mustache looks a nil value up in the enclosing page instead.
        var ticketID: Int
        var hasTicket: Bool
        var outcome: String
        var hasOutcome: Bool
    }

    var rows: [Row]
    var hasRows: Bool

    static func load(customerID: Int, db: any SQLDatabase, limit: Int = 50) async throws -> DecisionSection {
        let decisions = try await DecisionStore(db: db).recent(customerID: customerID, limit: limit)
        let people = Dictionary(try await UserStore(db: db).find(ids: Array(Set(decisions.map(\.decidedByID)))).map { ($0.id, $0.name) },
                                uniquingKeysWith: { $1 })
        let rows = decisions.map { d in
            Row(id: d.id, kind: d.kind.words.capitalizedFirst, what: d.what, rule: d.rule, reason: d.reason,
                who: people[d.decidedByID] ?? "#\(d.decidedByID)", when: PageTime.text(d.createdAt), whenISO: PageTime.iso(d.createdAt),
                ticketID: d.ticketID ?? 0, hasTicket: d.ticketID != nil,
                outcome: d.outcome.flatMap(InspectionOutcome.init(rawValue:))?.words ?? d.outcome ?? "", hasOutcome: d.outcome != nil)
        }
        return DecisionSection(rows: rows, hasRows: !rows.isEmpty)
    }
}

extension DecisionStore {
    /// A customer's decisions, newest first.
    func recent(customerID: Int, limit: Int) async throws -> [DecisionRecord] {
        try await db.raw("SELECT * FROM decisions WHERE customer_id = \(bind: customerID) ORDER BY id DESC LIMIT \(bind: limit)")
            .all().map(Self.decode)
    }
}
