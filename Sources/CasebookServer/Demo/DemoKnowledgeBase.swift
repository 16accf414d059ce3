import CasebookCore
import Foundation
import SQLKit

/// The demo help center: a few categories, sections and articles, among them the newcomer's written guide from
/// story 003 (the Dispatch configuration restored without remote-access software), made from Owen's reply, reviewed
/// by Rickey and linked to Nigel's ticket. Matched by category name, so loading twice adds nothing.
enum DemoKnowledgeBase {
    struct Article {
        var section: String
        var title: String
        var labels: [String]
        var visibility: ArticleVisibility = .public
        var draft = false
        var body: String
    }

    static let categories: [(name: String, description: String, sections: [String])] = [
        ("Dispatch", "Route planning, the Dispatch board and its server.", ["Setup and configuration", "Troubleshooting"]),
        ("Orders and delivery", "Backorders, delivery times, returns.", ["Backorders", "Returns and RMAs"]),
        ("Working the desk", "For agents: how we handle difficult contacts.", ["Policies"]),
    ]

    static let articles: [Article] = [
        Article(section: "Setup and configuration", title: "Restore the Dispatch board configuration from a backup",
                labels: ["dispatch", "config-restore", "written-guide"], body: """
                After an automatic update the Dispatch board can start with its default configuration: route templates and
                shift patterns seem to be gone. They are not: the previous configuration is in the backup folder and only
                needs to be put back. It takes about ten minutes and no remote-access software.

                1. On the Dispatch server, open **Services** and check that *Dispatch Board* and *Dispatch Sync* are running.
                2. Stop **Dispatch Sync first**, then *Dispatch Board*. This matters: while Sync runs, it writes the default
                   configuration back over your restored files within seconds.
                3. Open `C:\\ProgramData\\Brightbeam\\Dispatch\\backup` and find the folder with the date before the update.
                4. Copy `dispatch.yaml` and the `routes` folder from that backup into `C:\\ProgramData\\Brightbeam\\Dispatch`,
                   replacing the existing files.
                5. Start *Dispatch Board*, wait for the status light to turn green, then start *Dispatch Sync*.
                6. Refresh the board: the route templates and shift patterns are back.

                > If anything looks different, stop and reply to your ticket with a photo of the screen.
                """),
        Article(section: "Troubleshooting", title: "The Dispatch board shows no routes after an update",
                labels: ["dispatch", "update"], body: """
                If the board is empty after an update, the update most likely wrote a fresh `dispatch.yaml`. Follow
                [Restore the Dispatch board configuration from a backup](/hc/search?query=restore+dispatch) to put your
                routes back.
                """),
        Article(section: "Backorders", title: "How backorders are filled", labels: ["backorder", "queue"], body: """
                Orders waiting for stock are filled **in the order they were placed**. When stock arrives, the oldest
                orders get it first; you can see your place on your order page.
                """),
        Article(section: "Returns and RMAs", title: "Returning a faulty device", labels: ["rma", "return"], body: """
                Open a request with the serial number and what goes wrong. We check the warranty, run through a short
                checklist with you, and send a return label if the device has to come back.
                """),
        Article(section: "Policies", title: "When a customer refuses remote access", labels: ["remote-access", "conduct"],
                visibility: .internal, body: """
                Remote access is an offer, never a condition. If a customer refuses the remote-support tool, write the steps
                as a guide with screenshots instead, and turn your reply into a knowledge article so the next agent can send
                it in one click. If the call turns abusive, follow the conduct policy: one warning, then end the call.
                """),
    ]

    static func load(into database: Database) async throws {
        try await database.write { db in
            let store = KnowledgeBaseStore(db: db)
            let existing = try await store.categories()
            guard !existing.contains(where: { $0.name == categories[0].name }) else { return }
            let users = UserStore(db: db)
            guard let owen = try await users.find(email: "owen.pryce@brightbeam.example"),
                  let rickey = try await users.find(email: "rickey.dalton@brightbeam.example") else { return }
            let now = Timestamp.now
            var sectionIDs: [String: Int] = [:]
            for (position, category) in categories.enumerated() {
                let categoryID = try await store.insertCategory(name: category.name, description: category.description, position: position, now: now)
                for (p, name) in category.sections.enumerated() {
                    sectionIDs[name] = try await store.insertSection(categoryID: categoryID, name: name, description: "", position: p, now: now)
                }
            }
            let kb = KnowledgeBaseService(clock: .system)
            for (position, demo) in articles.enumerated() {
                guard let section = sectionIDs[demo.section] else { continue }
                var article = try await kb.createArticle(
                    sectionID: section, .init(title: demo.title, body: demo.body, labels: demo.labels, draft: true, visibility: demo.visibility,
                                              position: position, note: "Written from the ticket"),
                    actor: Actor(id: owen.id, role: .agent), db: db)
                if !demo.draft {
                    article = try await kb.updateArticle(article.id, .init(draft: false), actor: Actor(id: rickey.id, role: rickey.role), db: db)
                }
                if position == 0, let ticket = try await db.raw("SELECT id FROM tickets WHERE external_id = 'demo-remote-access-1'").first() {
                    try await store.link(ticketID: try ticket.decode(column: "id", as: Int.self), articleID: article.id, commentID: nil,
                                         by: owen.id, now: now)
                }
            }
        }
    }
}
