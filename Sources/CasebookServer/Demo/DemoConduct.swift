import CasebookCore
import Foundation
import SQLKit

/// The demo desk's conduct policy: one outcome for each action, as the abusive-caller stories use them (a warning,
/// the call ended, email only from now on, keeping the customer from the agent). Matched by label, so loading twice
/// adds nothing; an admin edits or withdraws them at /admin/conduct.
enum DemoConduct {
    static let outcomes: [(label: String, action: ConductAction, description: String)] = [
        ("Warning sent", .warningSent, "The agent warned the customer, in writing, that abuse ends the contact."),
        ("Call ended", .interactionEnded, "The agent ended the call or chat after one warning, as the policy allows."),
        ("Email only from now on", .emailOnly, "Repeated abuse: further contact only by email, so every word is on the record."),
        ("Keep away from the agent", .exclusion, "Threats or harassment of one agent: that agent never gets this customer's tickets again."),
    ]

    static func load(into database: Database) async throws {
        try await database.write { db in
            let store = ConductStore(db: db)
            for outcome in outcomes where try await store.outcome(label: outcome.label) == nil {
                _ = try await store.insert(ConductOutcome(id: 0, label: outcome.label, action: outcome.action, description: outcome.description,
                                                          active: true, createdAt: Timestamp.now))
            }
        }
    }
}
