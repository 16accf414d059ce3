import CasebookCore
import Foundation
import SQLKit
import Synchronization
import Testing
@testable import CasebookServer

/// The Shopify import page: upload, a progress page that refreshes itself until the report is in, dry run,
/// all-or-nothing with the rejected rows listed, and imports visible only to whoever started them (and admins).
@Suite("Shopify import page")
struct WebShopifyImportPageTests {
    static let lead = "lara.lead@brightbeam.example"

    /// Uploads `csv` through the form and returns the progress page's path.
    static func upload(_ browser: Browser, _ csv: String, dryRun: Bool, sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
        let form = try await browser.get("/agent/imports/shopify")
        #expect(form.status == .ok, sourceLocation: sourceLocation)
        let posted = try await browser.postMultipart("/agent/imports/shopify", dryRun ? [("dry_run", "on")] : [],
                                                      files: [(field: "file", name: "orders_export.csv", type: "text/csv", data: csv)])
        #expect(posted.status == .seeOther, "\(posted.html)", sourceLocation: sourceLocation)
        return try #require(posted.location, sourceLocation: sourceLocation)
    }

    /// Polls the progress page until it stops refreshing itself.
    static func finished(_ browser: Browser, _ path: String, sourceLocation: SourceLocation = #_sourceLocation) async throws -> Page {
        var page = try await browser.get(path)
        let deadline = ContinuousClock.now + .seconds(60)
        while page.contains("http-equiv=\"refresh\""), ContinuousClock.now < deadline {
            #expect(page.contains("<progress"), sourceLocation: sourceLocation)
            try await Task.sleep(for: .milliseconds(25))
            page = try await browser.get(path)
        }
        #expect(!page.contains("http-equiv=\"refresh\""), "the import did not finish", sourceLocation: sourceLocation)
        return page
    }

    static func importedOrders(_ app: TestApp) async throws -> Int {
        try await app.database.read { db in
            try await db.raw("SELECT COUNT(*) AS n FROM orders WHERE external_id LIKE 'shopify:%'").first()!.decode(column: "n", as: Int.self)
        }
    }

    @Test(arguments: TestDatabase.all)
    func dryRunShowsTheCountsAndWritesNothing(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            _ = try await app.person("Lara Lead", role: .lead)
            let browser = try await app.signedIn(Self.lead)
            #expect(try await browser.get("/agent/catalogue").contains("href=\"/agent/imports/shopify\""), "the nav links the import")

            let path = try await Self.upload(browser, ShopifyImportAPITests.good, dryRun: true)
            let page = try await Self.finished(browser, path)

            #expect(page.status == .ok)
            #expect(page.contains("Dry run: the file can be imported"), "\(page.html)")
            #expect(page.contains("data-count=\"new-orders\">3<"))
            #expect(page.contains("data-count=\"new-customers\">2<"))
            #expect(page.contains("data-count=\"new-products\">3<"), "no products existed")
            #expect(page.contains("data-count=\"open-lines\">2<"))
            #expect(page.contains("nothing was written"))
            #expect(try await Self.importedOrders(app) == 0)
            #expect(try await app.admin.get("/api/v2/users/search?query=ana@example.com").json["users"]?.arrayValue?.isEmpty == true)
            #expect(try await browser.get("/agent/imports/shopify").contains("dry run done"), "the form lists the import")
        }
    }

    @Test(arguments: TestDatabase.all)
    func aRealImportShowsDoneAndTheOrdersExist(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let lead = try await app.person("Lara Lead", role: .lead)
            _ = try await lead.post("/api/v2/products", ["product": ["name": "BeamTag", "currency": "EUR",
                "variants": [["sku": "BT-PINK", "price": 2900], ["sku": "BT-BLUE", "price": 2900]]]])
            let browser = try await app.signedIn(Self.lead)

            let path = try await Self.upload(browser, ShopifyImportAPITests.good, dryRun: false)
            let page = try await Self.finished(browser, path)

            #expect(page.contains("Import done"), "\(page.html)")
            #expect(page.contains("data-count=\"new-orders\">3<"))
            #expect(page.contains("data-count=\"new-products\">1<"))
            #expect(page.contains("data-count=\"backordered\">2<"), "nothing in stock for the open lines")
            #expect(try await Self.importedOrders(app) == 3)
            let again = try await Self.finished(browser, try await Self.upload(browser, ShopifyImportAPITests.good, dryRun: false))
            #expect(again.contains("data-count=\"already-imported\">3<"), "\(again.html)")
            #expect(try await Self.importedOrders(app) == 3)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aBadRowIsListedAndNothingIsImported(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            _ = try await app.person("Lara Lead", role: .lead)
            let browser = try await app.signedIn(Self.lead)
            let bad = ShopifyImportAPITests.good.replacingOccurrences(of: ",3,BeamTag blue,", with: ",<b>3</b>,BeamTag blue,")

            let page = try await Self.finished(browser, try await Self.upload(browser, bad, dryRun: false))

            #expect(page.contains("The file was refused"), "\(page.html)")
            let row = try #require(page.firstMatch(#"(<tr data-row="3">.*?</tr>)"#), "\(page.html)")
            #expect(row.contains("<td>#1002</td>"))
            #expect(row.contains("Lineitem quantity: &quot;&lt;b&gt;3&lt;/b&gt;&quot;"), "the value is escaped: \(row)")
            #expect(page.contains("<tr data-row=\"4\"><td>4</td><td>#1002</td>"), "the order's other row is named too")
            #expect(page.contains("Nothing was imported"))
            #expect(!page.contains("<b>3</b>"))
            #expect(try await Self.importedOrders(app) == 0)
            #expect(try await app.admin.get("/api/v2/users/search?query=ana@example.com").json["users"]?.arrayValue?.isEmpty == true,
                    "the good orders were not imported either")

            let notCSV = try await Self.finished(browser, try await Self.upload(browser, "Name,Email\n#1,a@b.example\n", dryRun: true))
            #expect(notCSV.contains("missing columns"), "\(notCSV.html)")
            #expect(notCSV.contains("Nothing was imported"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func anAgentWithoutInventoryRightsIsRefused(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let agent = try await app.signedIn(TestApp.agentEmail)
            let form = try await agent.get("/agent/imports/shopify")
            #expect(form.status == .forbidden)
            #expect(!form.contains("href=\"/agent/imports/shopify\""), "no link to a page the agent cannot use")
            let posted = try await agent.postMultipart("/agent/imports/shopify", [],
                                                       files: [(field: "file", name: "o.csv", type: "text/csv", data: ShopifyImportAPITests.good)])
            #expect(posted.status == .forbidden)
            #expect(try await Self.importedOrders(app) == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func anotherPersonsImportIsNotVisible(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            _ = try await app.person("Lara Lead", role: .lead)
            _ = try await app.person("Lee Lead", role: .lead)
            let lara = try await app.signedIn(Self.lead)
            let path = try await Self.upload(lara, ShopifyImportAPITests.good, dryRun: true)
            _ = try await Self.finished(lara, path)

            let lee = try await app.signedIn("lee.lead@brightbeam.example")
            #expect(try await lee.get(path).status == .notFound)
            #expect(!(try await lee.get("/agent/imports/shopify").contains(path)), "not among Lee's recent imports")
            #expect(try await lee.get("/agent/imports/no-such-import").status == .notFound)
            let admin = try await app.signedIn(TestApp.adminEmail)
            #expect(try await admin.get(path).contains("Dry run: the file can be imported"), "admins see every import")
        }
    }

    @Test(arguments: TestDatabase.all)
    func postingWithoutAFileAsksForOne(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            _ = try await app.person("Lara Lead", role: .lead)
            let browser = try await app.signedIn(Self.lead)
            _ = try await browser.get("/agent/imports/shopify")
            let page = try await browser.postMultipart("/agent/imports/shopify", [("dry_run", "on")], files: [])
            #expect(page.status == .unprocessableContent)
            #expect(page.contains("Choose the CSV file"))
            #expect(try await browser.postMultipart("/agent/imports/shopify", [], files: [], csrf: "forged").status == .forbidden)
        }
    }

    @Test(arguments: TestDatabase.all)
    func theImportReportsProgressAfterEachOrder(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let lead = try await app.person("Lara Lead", role: .lead)
            let heard = Heard()
            let orders = OrderService(tickets: app.services.tickets, clock: app.services.config.clock)
            _ = try await ShopifyImport(orders: orders).run(ShopifyImportAPITests.good, dryRun: false, actor: Actor(id: lead.id, role: .lead)) {
                heard.add("\($0) of \($1)")
            }
            #expect(heard.all == ["0 of 3", "1 of 3", "2 of 3", "3 of 3"])
        }
    }

    @Test func aRunningImportShowsItsProgressAndRefreshesUntilDone() {
        let runs = ShopifyImportRuns()
        let lead = Actor(id: 7, role: .lead)
        let id = runs.start(fileName: "<b>orders</b>.csv", dryRun: false, by: lead, at: 0)
        func html() -> String {
            PageRenderer().render("shopify-import-run", ShopifyImportRunPage(runs.find(id, for: lead)!, chrome: Chrome(title: "", csrf: "c")))
        }
        #expect(html().contains("Reading the file"))
        #expect(html().contains(#"<meta http-equiv="refresh" content="1">"#))
        #expect(html().contains("&lt;b&gt;orders&lt;/b&gt;.csv"))
        runs.progress(id, processed: 1, total: 3)
        #expect(html().contains(#"<progress id="import-progress" value="1" max="3">1 of 3 orders</progress>"#), "\(html())")
        runs.finish(id, .failed("The import stopped: the database is <unavailable>"))
        #expect(!html().contains("http-equiv"))
        #expect(!html().contains("<progress"))
        #expect(html().contains("the database is &lt;unavailable&gt;"))
        #expect(html().contains("Nothing was imported"))
    }

    @Test func theRegistryKeepsRunningImportsAndOnlyTheLatestFinished() {
        let runs = ShopifyImportRuns(keepFinished: 2)
        let lead = Actor(id: 7, role: .lead)
        let ids = (0..<4).map { runs.start(fileName: "\($0).csv", dryRun: true, by: lead, at: 0) }
        for id in ids.dropFirst() { runs.finish(id, .failed("x")) }
        #expect(runs.list(for: lead).map(\.id) == [ids[3], ids[2], ids[0]], "the oldest finished one is dropped, the running one kept")
        #expect(runs.find(ids[0], for: Actor(id: 8, role: .lead)) == nil)
        #expect(runs.find(ids[0], for: Actor(id: 8, role: .admin)) != nil)
    }
}

/// What a progress callback heard, in order.
private final class Heard: Sendable {
    private let said = Mutex<[String]>([])
    func add(_ text: String) { said.withLock { $0.append(text) } }
    var all: [String] { said.withLock { $0 } }
}
