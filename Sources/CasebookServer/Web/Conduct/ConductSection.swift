import CasebookCore
import Foundation
import SQLKit

/// A customer's conduct records as staff pages show them (the customer's page, the flag form), with the "contact
/// only by email" mark an outcome may have set. Never put on a page a customer can open.
struct ConductSection: Sendable {
    struct Row: Sendable {
        var id: Int
        var ticketID: Int
        var kind: String
        var outcome: String
        var affected: String
        var by: String
        // Plain strings with flags, not optionals: Mustache looks a nil value up in the enclosing page instead.
        var evidence: String
        var hasEvidence: Bool
        var note: String
        var hasNote: Bool
        var when: String
        var whenISO: String
    }

    var rows: [Row]
    var hasRows: Bool
    var contactOnlyByEmail: Bool

    static func load(customerID: Int, db: any SQLDatabase) async throws -> ConductSection {
        let store = ConductStore(db: db)
        let records = try await store.recent(customerID: customerID, limit: 50)
        let outcomes = Dictionary(try await store.outcomes(activeOnly: false).map { ($0.id, $0) }, uniquingKeysWith: { $1 })
        let book = try await NameBook.load(userIDs: records.flatMap { [$0.flaggedByID] + ($0.affectedAgentID.map { [$0] } ?? []) }, db: db)
        let rows = records.map { r in
            Row(id: r.id, ticketID: r.ticketID, kind: r.kind.words.capitalized,
                outcome: outcomes[r.outcomeID].map { "\($0.label) (\($0.action.words))" } ?? "#\(r.outcomeID)",
                affected: r.affectedAgentID.map { book.users[$0]?.name ?? "#\($0)" } ?? "nobody named",
                by: book.users[r.flaggedByID]?.name ?? "#\(r.flaggedByID)",
                evidence: r.commentID.map { "comment #\($0)" } ?? "", hasEvidence: r.commentID != nil, note: r.note, hasNote: !r.note.isEmpty,
                when: PageTime.text(r.createdAt), whenISO: PageTime.iso(r.createdAt))
        }
        return ConductSection(rows: rows, hasRows: !rows.isEmpty,
                              contactOnlyByEmail: try await store.contactOnlyBy(userID: customerID) == "email")
    }
}
