import CasebookCore
import Foundation
import HummingbirdBcrypt
import Testing
@testable import CasebookServer

@Suite("Storage, demo data and first admin")
struct StorageTests {
    struct Boom: Error {}

    static func count(_ table: String, in database: Database) async throws -> Int {
        try await database.read { db in
            try await db.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table)").first()!.decode(column: "n", as: Int.self)
        }
    }

    @Test(arguments: TestDatabase.all)
    func migrationsApplyOnceAndInOrder(db: TestDatabase) async throws {
        try await db.withFreshDatabase { database in
            // withFreshDatabase has migrated once; a second run finds nothing to do.
            let again = try await Migrator(database: database).migrate()
            #expect(again.isEmpty)
            let third = try await Migrator(database: database).migrate()
            #expect(third.isEmpty)
            let names = try await database.read { db in
                try await db.raw("SELECT name FROM schema_migrations ORDER BY number").all()
                    .map { try $0.decode(column: "name", as: String.self) }
            }
            #expect(names == [
                "0001_CreateOrganizations", "0002_CreateUsers", "0003_CreateGroups", "0004_CreateTickets",
                "0005_CreateAuditsAndComments", "0006_CreateIdempotencyKeys", "0007_AddTicketReadIndexes",
                "0008_CreateWebSessions", "0009_CreateOutbox", "0010_CreateViewsAndMacros", "0011_AddQueueIndexes",
                "0012_CreateMailTables", "0013_AddPresenceAndRouting", "0014_CreateBusinessHoursAndSLAs", "0015_CreateJobs",
                "0016_CreateCatalogueAndStock", "0017_CreateOrdersAndBackorders",
                "0018_AddTicketContactTerms", "0019_AddGroupSkills", "0020_CreateTicketMetricEvents",
                "0021_CreateRefundsAndFulfilmentErrors", "0022_IndexPendingBreaches",
                "0023_KeepBreachesAheadOnTicketSLAs", "0024_AddExpectedDeliveriesAndDelayNotices", "0025_AddBundleComponents",
                "0026_IndexTheBackorderQueueInOrder", "0027_AddCancellationsReturnsAndDeliveries", "0028_AddAssetsRMAsAndDecisions",
                "0029_AddFollowUpsAndRemoteSessions", "0030_AddKnowledgeBase",
                "0031_AddSatisfactionRatingsAndLoyalty",
                "0032_AddTicketFactsForReports",
                "0033_RecordPresenceHistory",
                "0034_AddLoyaltyFacts",
            ])
            for table in ["organizations", "organization_domains", "users", "api_tokens", "groups", "group_memberships",
                          "tickets", "ticket_tags", "ticket_collaborators", "audits", "audit_events", "comments",
                          "idempotency_keys", "web_sessions", "sign_in_failures", "sign_in_links", "outbox", "views",
                          "macros", "inbound_messages", "mail_message_ids", "blobs", "attachments", "mail_templates",
                          "agent_presence", "agent_skills", "routing_rules", "exclusion_rules", "routing_queue", "ticket_links",
                          "business_hours_schedules", "sla_policies", "ticket_slas", "jobs", "products", "variants",
                          "stock_movements", "stock_levels", "stock_receipts", "stock_receipt_lines", "supplier_claims", "orders",
                          "order_lines", "backorder_entries", "backorder_moves", "shipments", "shipment_lines", "order_tickets",
                          "warranty_terms", "assets", "ticket_assets", "checklist_results", "rmas", "rma_events", "decisions",
                          "notifications", "conduct_outcomes", "conduct_records", "policy_settings", "follow_ups", "remote_sessions",
                          "help_center_categories", "help_center_sections", "help_center_articles", "help_center_article_revisions",
                          "help_center_votes", "help_center_article_attachments", "ticket_articles", "help_center_deflections",
                          "ticket_facts", "presence_intervals", "loyalty_facts",
                          "satisfaction_ratings", "nps_surveys"] {
                #expect(try await Self.count(table, in: database) == 0, "\(table)")
            }
            // The loyalty facts start with every source marked as read (the migration filled what there was).
            let marks = try await database.read { db in
                try await db.raw("SELECT name, last_id FROM report_watermarks ORDER BY name").all()
                    .map { "\(try $0.decode(column: "name", as: String.self))=\(try $0.decode(column: "last_id", as: Int.self))" }
            }
            #expect(marks == ["loyalty.nps=0", "loyalty.order_events=0", "loyalty.orders=0", "loyalty.ratings=0", "loyalty.refunds=0"], "\(marks)")
        }
    }

    @Test(arguments: TestDatabase.all)
    func plannerStatisticsFollowTheDataOnSQLite(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let database = app.database
            guard database.engine == .sqlite else {
                #expect(try await database.optimize().isEmpty, "PostgreSQL's autovacuum keeps its own statistics")
                return
            }
            func analysedTickets() async throws -> Int {
                try await database.read { db in
                    try await db.raw("SELECT COUNT(*) AS n FROM sqlite_stat1 WHERE tbl = 'tickets'").first()!.decode(column: "n", as: Int.self)
                }
            }
            try await BenchSeeder.seedTickets(database, count: 3_000, requesterID: app.endUserA.id, assigneeID: app.agent.id)
            let analysed = try await database.optimize()
            #expect(analysed.contains { $0.contains("\"tickets\"") }, "\(analysed)")
            #expect(try await analysedTickets() > 0, "the tickets table and its indexes have statistics")
            // Again: the tickets have not changed much since, so they are not analysed again (empty tables, which
            // ANALYZE leaves without statistics, are listed every time and cost nothing).
            let again = try await database.optimize()
            #expect(!again.contains { $0.contains("\"tickets\"") }, "\(again)")
        }
    }

    @Test(arguments: TestDatabase.all)
    func failedWriteRollsBackEverything(db: TestDatabase) async throws {
        try await db.withFreshDatabase { database in
            _ = try await database.write { db in try await GroupStore(db: db).insert(name: "Kept", description: "") }
            // A Swift error thrown after a write.
            await #expect(throws: Boom.self) {
                try await database.write { (db) -> Void in
                    _ = try await GroupStore(db: db).insert(name: "Doomed", description: "")
                    throw Boom()
                }
            }
            // A failing statement (a duplicate name) after a good one.
            await #expect(throws: (any Error).self) {
                try await database.write { (db) -> Void in
                    _ = try await GroupStore(db: db).insert(name: "Twin", description: "")
                    _ = try await GroupStore(db: db).insert(name: "twin", description: "")
                }
            }
            let names = try await database.read { db in try await GroupStore(db: db).list(limit: 10, offset: 0).map(\.name) }
            #expect(names == ["Kept"])
            // The connection is usable again after a rollback.
            _ = try await database.write { db in try await GroupStore(db: db).insert(name: "After", description: "") }
            #expect(try await Self.count("groups", in: database) == 2)
        }
    }

    @Test(arguments: TestDatabase.all)
    func firstAdminIsCreatedOnceWithAHashedToken(db: TestDatabase) async throws {
        try await db.withFreshDatabase { database in
            let credentials = try #require(try await Accounts.ensureFirstAdmin(database: database))
            #expect(credentials.email == "admin@casebook.local")
            #expect(credentials.password?.isEmpty == false)
            #expect(!credentials.token.isEmpty)
            let second = try await Accounts.ensureFirstAdmin(database: database)
            #expect(second == nil)
            #expect(try await Self.count("users", in: database) == 1)

            let token = credentials.token
            let signedIn = try await database.read { db in try await UserStore(db: db).user(forTokenHash: APITokens.hash(token)) }
            #expect(signedIn?.id == credentials.userID)
            #expect(signedIn?.role == .admin)
            let byRawToken = try await database.read { db in try await UserStore(db: db).user(forTokenHash: token) }
            #expect(byRawToken == nil)
            let stored = try await database.read { db in
                try await db.raw("SELECT token_hash FROM api_tokens WHERE user_id = \(bind: credentials.userID)").all()
                    .map { try $0.decode(column: "token_hash", as: String.self) }
            }
            #expect(stored == [APITokens.hash(token)])
            #expect(!stored.contains(token))
            #expect(stored.allSatisfy { !$0.contains(token) })
            let password = credentials.password ?? ""
            let passwordHash = try await database.read { db in
                try await db.raw("SELECT password_hash FROM users WHERE id = \(bind: credentials.userID)").first()?
                    .decode(column: "password_hash", as: String?.self)
            }
            #expect(passwordHash != nil)
            #expect(passwordHash?.contains(password) == false)
        }
    }

    @Test(arguments: TestDatabase.all)
    func demoLoadsOnceAndTellsItsStories(db: TestDatabase) async throws {
        try await db.withFreshDatabase { database in
            _ = try await Accounts.ensureFirstAdmin(database: database)
            let stories = DemoData.stories
            // act
            let first = try await DemoLoader.load(into: database)
            let ticketsAfterFirst = try await Self.count("tickets", in: database)
            let second = try await DemoLoader.load(into: database)
            // check
            #expect(first.tickets == stories.tickets.count)
            #expect(first.users == stories.users.count)
            #expect(first.organizations == stories.organizations.count)
            #expect(first.groups == stories.groups.count)
            let password = try #require(first.password)
            #expect(first == DemoLoader.Summary(organizations: 5, users: 26, groups: 4, tickets: 14, password: password))
            #expect(second == DemoLoader.Summary())
            // Every demo person signs in with the printed password.
            let hash = try await database.read { db in
                try await db.raw("SELECT password_hash FROM users WHERE email = 'gordon.blake@northwind.example'").first()!
                    .decode(column: "password_hash", as: String.self)
            }
            #expect(Bcrypt.verify(password, hash: hash))
            #expect(ticketsAfterFirst == stories.tickets.count)
            #expect(try await Self.count("tickets", in: database) == ticketsAfterFirst)
            // The stories' people, the first admin, and 24 BeamTag buyers of the demo shop.
            #expect(try await Self.count("users", in: database) == stories.users.count + 1 + 24)
            #expect(try await Self.count("products", in: database) == 2)
            let shop = try await database.read { db in
                (waiting: try await BackorderStore(db: db).waiting(skus: [SKU("BT-BLACK")]),
                 rex: try await OrderReads(db: db).detail(id: try await db.raw("SELECT id FROM orders WHERE external_id = 'BB-48213'").first()!
                    .decode(column: "id", as: Int.self)),
                 juneRefunds: try await db.raw("SELECT r.status, r.reason FROM refunds r JOIN orders o ON o.id = r.order_id WHERE o.external_id = 'BB-47902'")
                    .all().map { "\(try $0.decode(column: "status", as: String.self)) \(try $0.decode(column: "reason", as: String.self))" },
                 awaiting: try await ReceiptStore(db: db).list(status: "received").count)
            }
            #expect(!shop.waiting.isEmpty, "customers still wait for black tags")
            #expect(shop.rex?.shipments.map(\.items) == ["12 × BT-PINK"], "Rex accepted any colour, was moved to the bottom, and got pink")
            #expect(shop.juneRefunds == ["approved backorderCancelled"])
            #expect(shop.awaiting == 1)
            #expect(try await Self.count("organizations", in: database) == stories.organizations.count)
            #expect(try await Self.count("groups", in: database) == stories.groups.count)
            // Routing and SLAs come with the stories: hours, two policies, the newcomer's exclusion, every ticket's SLA history.
            #expect(try await Self.count("business_hours_schedules", in: database) == 1)
            #expect(try await Self.count("sla_policies", in: database) == 2)
            #expect(try await Self.count("ticket_slas", in: database) == stories.tickets.count)
            let exclusion = try await database.read { db in
                try await db.raw("""
                    SELECT a.email AS agent, r.email AS requester FROM exclusion_rules e
                    JOIN users a ON a.id = e.agent_id JOIN users r ON r.id = e.requester_id
                    """).all().map { (try $0.decode(column: "agent", as: String.self), try $0.decode(column: "requester", as: String.self)) }
            }
            #expect(exclusion.map(\.0) == ["owen.pryce@brightbeam.example"])
            #expect(exclusion.map(\.1) == ["nigel.ashcroft@harborlogistics.example"])
            let withPolicy = try await database.read { db in
                try await db.raw("SELECT COUNT(*) AS n FROM ticket_slas WHERE policy_id IS NOT NULL").first()!.decode(column: "n", as: Int.self)
            }
            #expect(withPolicy > 0, "open demo tickets are under a policy")

            let (audits, comments) = try await database.read { (db) -> ([Int: [AuditRecord]], [CommentRecord]) in
                let ids = try await db.raw("SELECT id FROM tickets ORDER BY id").all().map { try $0.decode(column: "id", as: Int.self) }
                var byTicket: [Int: [AuditRecord]] = [:]
                var all: [CommentRecord] = []
                for id in ids {
                    byTicket[id] = try await TicketStore(db: db).audits(ticketID: id)
                    all += try await TicketStore(db: db).comments(ticketID: id, includeInternal: true, afterID: nil,
                                                                 beforeID: nil, limit: 10_000)
                }
                return (byTicket, all)
            }
            #expect(audits.count == stories.tickets.count)
            for (id, list) in audits {
                #expect(list.first?.events.first?.type == "Comment", "ticket \(id) opens with its description")
                #expect(list.first?.events.contains { $0.type == "Create" } == true, "ticket \(id)")
            }
            let storyComments = stories.tickets.flatMap(\.comments)
            #expect(comments.count == storyComments.count)
            let storyCalls = storyComments.filter { comment in
                if case .call = comment.kind { return true }
                return false
            }
            let calls = comments.filter { $0.call != nil }
            #expect(!calls.isEmpty)
            #expect(calls.count == storyCalls.count)
            #expect(calls.allSatisfy { $0.via == .voice && !$0.isPublic })
            #expect(calls.allSatisfy { ($0.call?.durationSeconds ?? 0) > 0 })
            let notes = comments.filter { !$0.isPublic && $0.call == nil }
            #expect(!notes.isEmpty)
            // Every comment appears as a Comment event in some audit.
            let commentEvents = audits.values.flatMap { $0 }.flatMap(\.events).filter { $0.type == "Comment" }
            #expect(Set(commentEvents.compactMap(\.commentID)) == Set(comments.map(\.id)))
        }
    }
}
