import CasebookCore
import Foundation
import SQLKit
import Testing
@testable import CasebookServer

/// Satisfaction surveys and loyalty through HTTP: a solve sends the requester a signed link, the link page records
/// good or bad with a comment and a reason, the rating shows on the ticket and in the ratings API, it may change for a
/// week, a bad one tells the group's leads, NPS is asked at most once a quarter, and the report shows a "satisfied"
/// customer who later asked for a refund as leaving.
@Suite("Satisfaction and loyalty")
struct SatisfactionAPITests {
    static let day: Int64 = 86_400_000

    /// Rex's request, solved by Morgan; returns the ticket id.
    static func solvedTicket(_ app: TestApp, requester: Caller? = nil, subject: String = "Kettle stopped heating",
                             extra: JSONObject = [:]) async throws -> Int {
        let id = try await (requester ?? app.endUserA).createTicket(["subject": .string(subject), "comment": ["body": "It clicks but stays cold."]])
        var fields: JSONObject = ["status": "solved", "assignee_id": .int(app.agent.id), "comment": ["body": "Replaced under warranty."]]
        for (key, value) in extra.pairs { fields[key] = value }
        let solved = try await app.agent.put("/api/v2/tickets/\(id)", ["ticket": .object(fields)])
        #expect(solved.status == .ok, "\(solved.text)")
        return id
    }

    /// The survey mail queued for the ticket, and the token of its link.
    static func surveyToken(_ app: TestApp, ticket: Int, kind: String = "satisfaction",
                            sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
        let mails = try await app.outbox(ticket: ticket).filter { $0.kind == kind }
        #expect(mails.count == 1, "one survey mail: \(mails.map(\.kind))", sourceLocation: sourceLocation)
        let body = try #require(mails.first?.body, sourceLocation: sourceLocation)
        return try #require(Self.token(in: body, path: kind == "nps" ? "nps" : "satisfaction"), "\(body)", sourceLocation: sourceLocation)
    }

    static func token(in text: String, path: String) -> String? {
        guard let regex = try? NSRegularExpression(pattern: "/\(path)/([A-Za-z0-9._-]+)"),
              let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let range = Range(match.range(at: 1), in: text) else { return nil }
        return String(text[range])
    }

    static func rating(_ app: TestApp, ticket: Int) async throws -> JSONValue? {
        try await app.agent.get("/api/v2/tickets/\(ticket)")["ticket"]?["satisfaction_rating"]
    }

    /// Rates through the emailed link in a browser (no sign-in), as the customer would.
    @discardableResult
    static func rateByLink(_ app: TestApp, token: String, score: String, comment: String = "", reason: String = "0") async throws -> Page {
        let browser = app.browser()
        let form = try await browser.get("/satisfaction/\(token)?score=\(score)")
        #expect(form.status == .ok, "\(form.html.prefix(300))")
        return try await browser.post("/satisfaction/\(token)", [("score", score), ("comment", comment), ("reason_code", reason)])
    }

    @Test(arguments: TestDatabase.all)
    func aSolveSendsASignedLinkAndTheLinkPageRecordsTheRating(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            // setup: an open ticket shows no survey yet
            let open = try await app.endUserA.createTicket(["subject": "Still open", "comment": ["body": "Waiting."]])
            #expect(try await Self.rating(app, ticket: open)?["score"]?.stringValue == "unoffered")

            // act: the agent solves Rex's request
            let ticket = try await Self.solvedTicket(app)

            // check: the survey went to the outbox with a signed link; the ticket shows it offered
            let mail = try #require(try await app.outbox(ticket: ticket).first { $0.kind == "satisfaction" })
            #expect(mail.to == TestApp.endUserAEmail)
            #expect(mail.body.contains("/satisfaction/") && mail.body.contains("?score=good") && mail.body.contains("?score=bad"), "\(mail.body)")
            let token = try await Self.surveyToken(app, ticket: ticket)
            #expect(try await Self.rating(app, ticket: ticket)?["score"]?.stringValue == "offered")

            // opening the link (even with ?score=bad, as a mail scanner would) records nothing
            let browser = app.browser()
            let page = try await browser.get("/satisfaction/\(token)?score=bad")
            #expect(page.status == .ok)
            #expect(page.contains(#"value="bad" checked"#), "the email's choice is pre-selected")
            #expect(page.contains("Kettle stopped heating"))
            #expect(try await Self.rating(app, ticket: ticket)?["score"]?.stringValue == "offered", "a GET never records")

            // a POST without the page's CSRF token is refused
            let forged = try await app.browser().post("/satisfaction/\(token)", [("score", "bad")], csrf: "")
            #expect(forged.status == .forbidden)

            // the customer confirms bad, with a comment and a reason
            let posted = try await browser.post("/satisfaction/\(token)", [("score", "bad"), ("comment", "Took three weeks <b>and</b> two calls"),
                                                                          ("reason_code", "5")])
            #expect(posted.status == .seeOther, "\(posted.html.prefix(300))")
            let thanks = try await browser.get(try #require(posted.location))
            #expect(thanks.contains("satisfaction-thanks"))
            #expect(thanks.contains("Took three weeks &lt;b&gt;and&lt;/b&gt; two calls"), "the comment is escaped on the page")

            let rating = try #require(try await Self.rating(app, ticket: ticket))
            #expect(rating["score"]?.stringValue == "bad")
            #expect(rating["comment"]?.stringValue == "Took three weeks <b>and</b> two calls")
            #expect(rating["reason_id"]?.intValue == 5 && rating["reason"]?.stringValue == "The issue took too long to resolve")
            #expect(rating["requester_id"]?.intValue == app.endUserA.id && rating["assignee_id"]?.intValue == app.agent.id)
            #expect(rating["ticket_id"]?.intValue == ticket)

            // the ratings API lists it, filters by score, and shows one
            let bad = try await app.agent.get("/api/v2/satisfaction_ratings?score=bad")
            #expect(bad["satisfaction_ratings"]?.arrayValue?.compactMap { $0["ticket_id"]?.intValue } == [ticket], "\(bad.text)")
            #expect(bad["count"]?.intValue == 1)
            #expect(try await app.agent.get("/api/v2/satisfaction_ratings?score=good")["satisfaction_ratings"]?.arrayValue?.isEmpty == true)
            let id = try #require(rating["id"]?.intValue)
            #expect(try await app.agent.get("/api/v2/satisfaction_ratings/\(id)")["satisfaction_rating"]?["score"]?.stringValue == "bad")
            #expect(try await app.agent.get("/api/v2/satisfaction_ratings/999999").status == .notFound)
            #expect(try await app.agent.get("/api/v2/satisfaction_ratings?score=great").status == .unprocessableContent)
            #expect(try await app.endUserA.get("/api/v2/satisfaction_ratings").status == .forbidden, "customers do not list ratings")

            // the reasons are data
            let reasons = try await app.agent.get("/api/v2/satisfaction_reasons")["reasons"]?.arrayValue ?? []
            #expect(reasons.compactMap { $0["reason_code"]?.intValue } == [0, 5, 6, 7, 8, 100])
        }
    }

    @Test(arguments: TestDatabase.all)
    func theRatingShowsOnTheTicketWhereverTheAPIListsIt(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let rated = try await Self.solvedTicket(app, subject: "Rated kettle")
            let unrated = try await Self.solvedTicket(app, subject: "Unrated kettle")
            let rating = try await app.endUserA.post("/api/v2/tickets/\(rated)/satisfaction_rating",
                                                     ["satisfaction_rating": ["score": "good", "comment": "Quick and kind"]])
            #expect(rating.status == .ok, "\(rating.text)")
            let ratingID = try #require(rating["satisfaction_rating"]?["id"]?.intValue)

            func scores(_ tickets: [JSONValue]?) -> [Int: String] {
                Dictionary((tickets ?? []).compactMap { t in
                    t["id"]?.intValue.map { ($0, t["satisfaction_rating"]?["score"]?.stringValue ?? "null") }
                }, uniquingKeysWith: { a, _ in a })
            }
            let expected = [rated: "good", unrated: "offered"]
            #expect(scores(try await app.agent.get("/api/v2/tickets")["tickets"]?.arrayValue) == expected)
            #expect(scores(try await app.agent.get("/api/v2/tickets?page[size]=10")["tickets"]?.arrayValue) == expected)
            #expect(scores(try await app.agent.get("/api/v2/tickets/show_many?ids=\(rated),\(unrated)")["tickets"]?.arrayValue) == expected)
            #expect(scores(try await app.agent.get("/api/v2/incremental/tickets/cursor?start_time=0")["tickets"]?.arrayValue) == expected)
            #expect(scores(try await app.agent.get("/api/v2/search?query=kettle")["results"]?.arrayValue) == expected)
            #expect(scores(try await app.agent.get("/api/v2/search/export?query=kettle&filter[type]=ticket")["results"]?.arrayValue)
                == expected)
            #expect(scores(try await app.endUserA.get("/api/v2/tickets")["tickets"]?.arrayValue) == expected, "the requester sees it too")
            let listed = try await app.agent.get("/api/v2/tickets")["tickets"]?.arrayValue?.first { $0["id"]?.intValue == rated }
            #expect(listed?["satisfaction_rating"]?["id"]?.intValue == ratingID)
            #expect(listed?["satisfaction_rating"]?["comment"]?.stringValue == "Quick and kind")
            // An update answers with the ticket as GET shows it, rating included.
            let updated = try await app.agent.put("/api/v2/tickets/\(rated)", ["ticket": ["tags": ["kettle"]]])
            #expect(updated["ticket"]?["satisfaction_rating"]?["score"]?.stringValue == "good", "\(updated.text)")
        }
    }

    @Test(arguments: TestDatabase.all)
    func aRatingAndItsChangesAreOnTheCaseHistory(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let ticket = try await Self.solvedTicket(app)
            let before = try await app.agent.get("/api/v2/tickets/\(ticket)")["ticket"]?["updated_at"]?.stringValue
            app.clock.advance(minutes: 60)
            func rate(_ score: String, _ comment: String, reason: Int = 0) async throws {
                let answer: JSONValue = reason == 0 ? ["score": .string(score), "comment": .string(comment)]
                    : ["score": .string(score), "comment": .string(comment), "reason_code": .int(reason)]
                let posted = try await app.endUserA.post("/api/v2/tickets/\(ticket)/satisfaction_rating", ["satisfaction_rating": answer])
                #expect(posted.status == .ok, "\(posted.text)")
            }
            func ratingEvents() async throws -> [JSONValue] {
                let audits = try await app.agent.get("/api/v2/tickets/\(ticket)/audits")["audits"]?.arrayValue ?? []
                return audits.flatMap { audit in
                    (audit["events"]?.arrayValue ?? []).filter { $0["type"]?.stringValue == "SatisfactionRating" }.map { event in
                        guard case .object(var o) = event else { return event }
                        o["author_id"] = audit["author_id"] ?? .null
                        o["channel"] = audit["via"]?["channel"] ?? .null
                        return .object(o)
                    }
                }
            }
            try await rate("good", "Quick and kind")
            try await rate("good", "Quick and kind")
            var events = try await ratingEvents()
            #expect(events.count == 1, "the same answer twice is one event: \(events)")
            #expect(events.first?["score"]?.stringValue == "good")
            #expect(events.first?["previous_score"]?.stringValue == "offered")
            #expect(events.first?["body"]?.stringValue == "Quick and kind")
            #expect(events.first?["assignee_id"]?.intValue == app.agent.id)
            #expect(events.first?["author_id"]?.intValue == app.endUserA.id)
            #expect(events.first?["channel"]?.stringValue == "api")
            let after = try await app.agent.get("/api/v2/tickets/\(ticket)")["ticket"]?["updated_at"]?.stringValue
            #expect(after != before, "a rating updates the ticket: \(String(describing: before)) → \(String(describing: after))")

            try await rate("bad", "It broke again", reason: 6)
            events = try await ratingEvents()
            #expect(events.map { $0["score"]?.stringValue ?? "" } == ["good", "bad"])
            #expect(events.last?["previous_score"]?.stringValue == "good")

            // The agent's timeline says it in words; the requester sees their own rating in their history.
            let page = try await app.signedIn(TestApp.agentEmail).get("/agent/tickets/\(ticket)")
            #expect(page.contains("Rated good: “Quick and kind”"), "\(page.html)")
            #expect(page.contains("Rating changed from good to bad: “It broke again”"))
            let mine = try await app.endUserA.get("/api/v2/tickets/\(ticket)/audits")["audits"]?.arrayValue ?? []
            let mineEvents: [JSONValue] = mine.flatMap { (audit: JSONValue) -> [JSONValue] in audit["events"]?.arrayValue ?? [] }
            let mineRatings = mineEvents.filter { (event: JSONValue) -> Bool in event["type"]?.stringValue == "SatisfactionRating" }
            #expect(mineRatings.count == 2)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aRatingMayChangeForAWeekThen422(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let ticket = try await Self.solvedTicket(app)
            let token = try await Self.surveyToken(app, ticket: ticket)
            #expect(try await Self.rateByLink(app, token: token, score: "good", comment: "Quick and kind").status == .seeOther)

            // six days later, through the API as the requester: changed
            app.clock.advance(minutes: 6 * 24 * 60)
            let changed = try await app.endUserA.post("/api/v2/tickets/\(ticket)/satisfaction_rating",
                                                      ["satisfaction_rating": ["score": "bad", "comment": "It broke again", "reason_code": 6]])
            #expect(changed.status == .ok, "\(changed.text)")
            #expect(changed["satisfaction_rating"]?["score"]?.stringValue == "bad")

            // bad input names every field and changes nothing
            let invalid = try await app.endUserA.post("/api/v2/tickets/\(ticket)/satisfaction_rating",
                                                      ["satisfaction_rating": ["score": "meh", "reason_code": 41]])
            #expect(invalid.status == .unprocessableContent)
            #expect(invalid["details"]?["score"] != nil && invalid["details"]?["reason_code"] != nil, "\(invalid.text)")
            #expect(try await Self.rating(app, ticket: ticket)?["comment"]?.stringValue == "It broke again")

            // eight days after it was first given: refused, by API and by link
            app.clock.advance(minutes: 2 * 24 * 60)
            let late = try await app.endUserA.post("/api/v2/tickets/\(ticket)/satisfaction_rating", ["satisfaction_rating": ["score": "good"]])
            #expect(late.status == .unprocessableContent)
            #expect(late.text.contains("more than 7 days ago"), "\(late.text)")
            let page = try await app.browser().get("/satisfaction/\(token)")
            #expect(page.contains("can no longer be changed") && !page.contains("satisfaction-form"))
            #expect(try await Self.rating(app, ticket: ticket)?["score"]?.stringValue == "bad")
        }
    }

    @Test(arguments: TestDatabase.all)
    func anExpiredOrTamperedLinkIsRefused(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let ticket = try await Self.solvedTicket(app)
            let token = try await Self.surveyToken(app, ticket: ticket)
            var parts = token.split(separator: ".").map(String.init)

            // another rating's id under the same signature
            let otherID = "\((Int(parts[1]) ?? 0) + 1)"
            let tamperedID = [parts[0], otherID, parts[2], parts[3]].joined(separator: ".")
            #expect(try await app.browser().get("/satisfaction/\(tamperedID)").status == .notFound)
            // a later expiry
            let tamperedExpiry = [parts[0], parts[1], String((Int64(parts[2]) ?? 0) + 100 * Self.day), parts[3]].joined(separator: ".")
            #expect(try await app.browser().get("/satisfaction/\(tamperedExpiry)").status == .notFound)
            // a changed signature, and a POST with it
            parts[3] = String(parts[3].reversed())
            let browser = app.browser()
            _ = try await browser.get("/satisfaction/\(token)")
            let forged = try await browser.post("/satisfaction/\(parts.joined(separator: "."))", [("score", "bad")])
            #expect(forged.status == .notFound)
            #expect(try await Self.rating(app, ticket: ticket)?["score"]?.stringValue == "offered")

            // 29 days after the solve the genuine link has expired
            app.clock.advance(minutes: 29 * 24 * 60)
            let expired = try await app.browser().get("/satisfaction/\(token)")
            #expect(expired.status == .gone)
            #expect(expired.contains("expired"))
            let posted = try await browser.post("/satisfaction/\(token)", [("score", "good")])
            #expect(posted.status == .gone)
            #expect(try await Self.rating(app, ticket: ticket)?["score"]?.stringValue == "offered")
        }
    }

    @Test(arguments: TestDatabase.all)
    func aBadRatingTellsTheGroupsLeadsOncePerChangeToBad(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            // setup: Lara leads the Kettles group; Lou leads another team
            let lara = try await app.person("Lara Lead", role: .lead)
            let lou = try await app.person("Lou Other", role: .lead)
            let kettles = try await app.group("Kettles", mode: "manual", members: [lara, app.agent])
            _ = try await app.group("Toasters", mode: "manual", members: [lou])
            let ticket = try await Self.solvedTicket(app, extra: ["group_id": .int(kettles)])
            let token = try await Self.surveyToken(app, ticket: ticket)

            func notices(_ caller: Caller) async throws -> [String] {
                let list = try await caller.get("/api/v2/notifications")["notifications"]?.arrayValue ?? []
                return list.filter { $0["kind"]?.stringValue == "satisfaction_bad" }.compactMap { $0["text"]?.stringValue }
            }

            // a good rating tells nobody
            try await Self.rateByLink(app, token: token, score: "good")
            #expect(try await notices(lara).isEmpty)

            // turned bad: Lara hears, by notification and email; Lou does not
            try await Self.rateByLink(app, token: token, score: "bad", comment: "Cold again", reason: "6")
            let told = try await notices(lara)
            #expect(told.count == 1 && told.first?.contains("Cold again") == true && told.first?.contains("ticket #\(ticket)") == true, "\(told)")
            #expect(try await notices(lou).isEmpty)
            let mails = try await app.database.read { db in try await OutboxStore(db: db).messages(to: "lara.lead@brightbeam.example") }
                .filter { $0.kind == "satisfaction_bad" }
            #expect(mails.count == 1 && mails.first?.subject.contains("Bad rating on #\(ticket)") == true, "\(mails.map(\.subject))")

            // saved bad again with another comment: no second notice; good then bad again: a second one
            try await Self.rateByLink(app, token: token, score: "bad", comment: "Still cold")
            #expect(try await notices(lara).count == 1)
            try await Self.rateByLink(app, token: token, score: "good")
            try await Self.rateByLink(app, token: token, score: "bad", comment: "Cold a third time")
            #expect(try await notices(lara).count == 2)
        }
    }

    @Test(arguments: TestDatabase.all)
    func onlyTheRequesterRates(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let ticket = try await Self.solvedTicket(app)
            let body: JSONValue = ["satisfaction_rating": ["score": "bad"]]
            #expect(try await app.endUserB.post("/api/v2/tickets/\(ticket)/satisfaction_rating", body).status == .notFound,
                    "another customer does not even see the ticket")
            #expect(try await app.agent.post("/api/v2/tickets/\(ticket)/satisfaction_rating", body).status == .forbidden)
            #expect(try await app.anonymous.post("/api/v2/tickets/\(ticket)/satisfaction_rating", body).status == .unauthorized)
            #expect(try await app.endUserA.post("/api/v2/tickets/999999/satisfaction_rating", body).status == .notFound)
            #expect(try await app.endUserA.call(.post, "/api/v2/tickets/\(ticket)/satisfaction_rating").status == .badRequest)
            #expect(try await Self.rating(app, ticket: ticket)?["score"]?.stringValue == "offered")

            // an open ticket cannot be rated yet
            let open = try await app.endUserA.createTicket(["subject": "Open", "comment": ["body": "Help"]])
            #expect(try await app.endUserA.post("/api/v2/tickets/\(open)/satisfaction_rating", body).status == .unprocessableContent)

            // the portal's prompt: Rex rates from his solved request; Hana cannot reach it
            let rex = try await app.signedIn(TestApp.endUserAEmail)
            let request = try await rex.get("/portal/requests/\(ticket)")
            #expect(request.contains("satisfaction-prompt"))
            let form = try await rex.get("/portal/requests/\(ticket)/satisfaction")
            #expect(form.status == .ok && form.contains("satisfaction-form"))
            let rated = try await rex.post("/portal/requests/\(ticket)/satisfaction", [("score", "good"), ("comment", "Thanks!"), ("reason_code", "0")])
            #expect(rated.status == .seeOther)
            #expect(try await Self.rating(app, ticket: ticket)?["score"]?.stringValue == "good")
            let hana = try await app.signedIn(TestApp.endUserBEmail)
            #expect(try await hana.get("/portal/requests/\(ticket)/satisfaction").status == .notFound)
            _ = try await hana.get("/portal")
            #expect(try await hana.post("/portal/requests/\(ticket)/satisfaction", [("score", "bad")]).status == .notFound)
            #expect(try await Self.rating(app, ticket: ticket)?["score"]?.stringValue == "good")
        }
    }

    @Test(arguments: TestDatabase.all)
    func npsIsAskedAtMostOnceAQuarter(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            // off by default
            let first = try await Self.solvedTicket(app, subject: "One")
            #expect(try await app.outbox(ticket: first).contains { $0.kind == "nps" } == false)
            let npsMails = { try await app.database.read { db in try await OutboxStore(db: db).messages(to: TestApp.endUserAEmail) }.filter { $0.kind == "nps" } }
            #expect(try await npsMails().isEmpty)

            // an admin turns it on (agents may not); bad settings name every field
            #expect(try await app.agent.put("/api/v2/satisfaction/settings", ["satisfaction_settings": ["nps_enabled": true]]).status == .forbidden)
            let invalid = try await app.admin.put("/api/v2/satisfaction/settings", ["satisfaction_settings": ["bought_again_days": 0, "nps_enabled": "yes"]])
            #expect(invalid.status == .unprocessableContent && invalid["details"]?["bought_again_days"] != nil && invalid["details"]?["nps_enabled"] != nil,
                    "\(invalid.text)")
            let on = try await app.admin.put("/api/v2/satisfaction/settings", ["satisfaction_settings": ["nps_enabled": true]])
            #expect(on.status == .ok && on["satisfaction_settings"]?["nps_enabled"]?.boolValue == true, "\(on.text)")

            // two solves the same week: asked once
            _ = try await Self.solvedTicket(app, subject: "Two")
            _ = try await Self.solvedTicket(app, subject: "Three")
            var asked = try await npsMails()
            #expect(asked.count == 1)
            let token = try #require(Self.token(in: asked.first?.body ?? "", path: "nps"))

            // the answer, through the link; once only
            let browser = app.browser()
            let page = try await browser.get("/nps/\(token)")
            #expect(page.status == .ok && page.contains("nps-form"))
            #expect(try await browser.post("/nps/\(token)", [("score", "11")]).status == .unprocessableContent)
            #expect(try await browser.post("/nps/\(token)", [("score", "9"), ("comment", "Great team")]).status == .seeOther)
            #expect(try await browser.post("/nps/\(token)", [("score", "2")]).status == .unprocessableContent)
            let responses = try await app.agent.get("/api/v2/nps_responses")
            let list = responses["nps_responses"]?.arrayValue ?? []
            #expect(list.count == 1 && list.first?["score"]?.intValue == 9 && list.first?["category"]?.stringValue == "promoter", "\(responses.text)")
            #expect(try await app.endUserA.get("/api/v2/nps_responses").status == .forbidden)

            // 89 days on: still not again; 91 days on: asked again
            app.clock.advance(minutes: 89 * 24 * 60)
            _ = try await Self.solvedTicket(app, subject: "Four")
            #expect(try await npsMails().count == 1)
            app.clock.advance(minutes: 2 * 24 * 60)
            _ = try await Self.solvedTicket(app, subject: "Five")
            asked = try await npsMails()
            #expect(asked.count == 2)
        }
    }

    @Test(arguments: TestDatabase.all)
    func adminsSetTheWindowsOnAPage(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let admin = try await app.signedIn(TestApp.adminEmail)
            let page = try await admin.get("/admin/satisfaction")
            #expect(page.status == .ok && page.contains(#"value="90""#) && page.contains(#"value="180""#))
            let refused = try await admin.post("/admin/satisfaction", [("bought_again_days", "abc"), ("silence_days", "10")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.contains("bought_again_days: a whole number of days"), "\(refused.html.prefix(400))")
            #expect(try await app.agent.get("/api/v2/satisfaction/settings")["satisfaction_settings"]?["bought_again_days"]?.intValue == 90,
                    "nothing saved")
            let saved = try await admin.post("/admin/satisfaction", [("bought_again_days", "60"), ("silence_days", "120"), ("nps_enabled", "1")])
            #expect(saved.status == .seeOther)
            let settings = try await app.agent.get("/api/v2/satisfaction/settings")["satisfaction_settings"]
            #expect(settings?["bought_again_days"]?.intValue == 60 && settings?["silence_days"]?.intValue == 120
                    && settings?["nps_enabled"]?.boolValue == true, "\(String(describing: settings))")
        }
    }

    @Test(arguments: TestDatabase.all)
    func theDemoHasRatingsAndASatisfiedCustomerWhoLeaves(db: TestDatabase) async throws {
        try await db.withFreshDatabase { database in
            try await DemoLoader.load(into: database, bcryptCost: 4)
            let now = Timestamp.now
            let (scores, rows) = try await database.read { db in
                let scores = try await db.raw("SELECT score FROM satisfaction_ratings").all().map { try $0.decode(column: "score", as: String.self) }
                let rows = try await SatisfactionLoyaltyReport(db: db).rows(from: now - 365 * Self.day, to: now, by: .group)
                return (scores, rows)
            }
            #expect(scores.contains("good") && scores.contains("bad"), "\(scores)")
            #expect(rows.reduce(0) { $0 + $1.satisfiedButLeaving } == 1, "\(rows)")
            func ratingEvents() async throws -> Int {
                try await database.read { db in
                    try await db.raw("SELECT COUNT(*) AS n FROM audit_events WHERE type = 'SatisfactionRating'").first()!
                        .decode(column: "n", as: Int.self)
                }
            }
            #expect(try await ratingEvents() == scores.count, "each demo rating is on its ticket's history")
            try await DemoLoader.load(into: database, bcryptCost: 4)
            let again = try await database.read { db in try await SatisfactionStore(db: db).count(.init()) }
            #expect(again == scores.count, "loading twice adds nothing")
            #expect(try await ratingEvents() == scores.count)
        }
    }

    /// The report reads facts that follow the customer after they were written: an order, a cancelled line and a
    /// rating that come later each change the ticket's row at the next refresh, and a reopened ticket leaves the report.
    @Test(arguments: TestDatabase.all)
    func theLoyaltyFactsFollowWhatTheCustomerDoesNext(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let lara = try await app.person("Lara Lead", role: .lead)
            let ticket = try await Self.solvedTicket(app, extra: ["tags": ["reason_defect"]])
            let solvedAt = app.clock.now - 200 * Self.day
            try await app.database.write { db in
                try await db.raw("UPDATE tickets SET solved_at = \(bind: solvedAt), created_at = \(bind: solvedAt - Self.day) WHERE id = \(bind: ticket)").run()
                try await db.raw("UPDATE audits SET created_at = \(bind: solvedAt) WHERE ticket_id = \(bind: ticket)").run()
            }
            let (from, to) = ((solvedAt - Self.day) / 1000, (solvedAt + Self.day) / 1000)
            func row(refresh: Bool = true) async throws -> JSONValue? {
                if refresh { try await ReportAPITests.refresh(app) }
                let report = try await lara.get("/api/v2/satisfaction/loyalty_report?by=contact_reason&start_time=\(from)&end_time=\(to)")
                #expect(report.status == .ok, "\(report.text)")
                return report["rows"]?.arrayValue?.first
            }
            let silent = try await row()
            #expect(silent?["key"]?.stringValue == "reason_defect" && silent?["silent"]?.intValue == 1 && silent?["good"]?.intValue == 0,
                    "nothing happened after the solve: \(String(describing: silent))")

            let orderID = try await app.database.write { db in
                try await db.raw("""
                    INSERT INTO orders (customer_id, currency, created_at, updated_at)
                    VALUES (\(bind: app.endUserA.id), 'EUR', \(bind: solvedAt + 10 * Self.day), \(bind: solvedAt + 10 * Self.day)) RETURNING id
                    """).first()!.decode(column: "id", as: Int.self)
            }
            let bought = try await row()
            #expect(bought?["bought_again"]?.intValue == 1 && bought?["silent"]?.intValue == 0, "an order 10 days on: \(String(describing: bought))")

            try await app.database.write { db in
                try await db.raw("""
                    INSERT INTO order_events (event, order_id, payload, created_at)
                    VALUES ('order_line.cancelled', \(bind: orderID), '{}', \(bind: solvedAt + 20 * Self.day))
                    """).run()
            }
            let cancelled = try await row()
            #expect(cancelled?["cancelled_or_refunded"]?.intValue == 1 && cancelled?["bought_again"]?.intValue == 0,
                    "a cancellation wins over the purchase: \(String(describing: cancelled))")

            try await Self.rateByLink(app, token: try await Self.surveyToken(app, ticket: ticket), score: "good")
            let rated = try await row()
            #expect(rated?["good"]?.intValue == 1 && rated?["satisfied_but_leaving"]?.intValue == 1, "\(String(describing: rated))")

            // An upgraded desk: migration 0034 fills the loyalty rows of the solved tickets there are, with the same result.
            try await app.database.write { db in
                try await db.raw("DELETE FROM loyalty_facts").run()
                for statement in Migration.addLoyaltyFacts.statements(app.database.engine)
                where statement.hasPrefix("INSERT INTO loyalty_facts") || statement.hasPrefix("UPDATE") {
                    try await db.raw(SQLQueryString(statement)).run()
                }
            }
            try await LoyaltyFacts.classifyAllDue(app.database, now: max(app.clock.now, Timestamp.now))
            let migrated = try await row(refresh: false)
            #expect(migrated == rated, "\(String(describing: migrated))")

            let reopened = try await app.agent.put("/api/v2/tickets/\(ticket)", ["ticket": ["status": "open", "comment": ["body": "Not fixed after all."]]])
            #expect(reopened.status == .ok, "\(reopened.text)")
            let gone = try await row()
            #expect(gone == nil, "a reopened ticket is not solved: \(String(describing: gone))")
        }
    }

    /// "Too early to tell" is not stored for ever: the row keeps the instant its outcome can next change (the end of
    /// the silence window here), and the job classifies it again then.
    @Test(arguments: TestDatabase.all)
    func tooEarlyToTellBecomesSilentWhenTheWindowEnds(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let lara = try await app.person("Lara Lead", role: .lead)
            let ticket = try await Self.solvedTicket(app)
            let solvedAt = app.clock.now - 100 * Self.day
            try await app.database.write { db in
                try await db.raw("UPDATE tickets SET solved_at = \(bind: solvedAt), created_at = \(bind: solvedAt - Self.day) WHERE id = \(bind: ticket)").run()
                try await db.raw("UPDATE audits SET created_at = \(bind: solvedAt) WHERE ticket_id = \(bind: ticket)").run()
            }
            try await ReportAPITests.refresh(app)
            let (from, to) = ((solvedAt - Self.day) / 1000, (solvedAt + Self.day) / 1000)
            func row() async throws -> JSONValue? {
                try await lara.get("/api/v2/satisfaction/loyalty_report?by=group&start_time=\(from)&end_time=\(to)")["rows"]?.arrayValue?.first
            }
            let early = try await row()
            #expect(early?["pending"]?.intValue == 1 && early?["silent"]?.intValue == 0,
                    "100 days on, the 180-day silence window is still open: \(String(describing: early))")
            let due = try await app.database.read { db in
                try await db.raw("SELECT due_at FROM loyalty_facts WHERE ticket_id = \(bind: ticket)").first()?.decode(column: "due_at", as: Int64?.self)
            }
            #expect(due == solvedAt + 180 * Self.day + 1, "\(String(describing: due))")

            try await LoyaltyFacts.classifyAllDue(app.database, now: solvedAt + 180 * Self.day)
            #expect(try await row()?["pending"]?.intValue == 1, "the last instant of the window still counts")
            try await LoyaltyFacts.classifyAllDue(app.database, now: solvedAt + 181 * Self.day)
            let late = try await row()
            #expect(late?["silent"]?.intValue == 1 && late?["pending"]?.intValue == 0, "\(String(describing: late))")
        }
    }

    /// The hand-built dataset: Rex rated good and then asked for a refund ("satisfied but leaving"); Hana rated bad
    /// and bought again anyway; Sam (in another group) rated nothing and went silent.
    @Test(arguments: TestDatabase.all)
    func theLoyaltyReportShowsSatisfiedButLeaving(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let lara = try await app.person("Lara Lead", role: .lead)
            let sam = try await app.person("Sam Silent", role: .endUser)
            let kettles = try await app.group("Kettles", mode: "manual", members: [lara, app.agent])
            let toasters = try await app.group("Toasters", mode: "manual", members: [app.agent])
            let rexTicket = try await Self.solvedTicket(app, subject: "Kettle A", extra: ["group_id": .int(kettles), "tags": ["reason_defect"]])
            let hanaTicket = try await Self.solvedTicket(app, requester: app.endUserB, subject: "Kettle B",
                                                         extra: ["group_id": .int(kettles), "tags": ["reason_delivery"]])
            let samTicket = try await Self.solvedTicket(app, requester: sam, subject: "Toaster", extra: ["group_id": .int(toasters)])
            try await Self.rateByLink(app, token: try await Self.surveyToken(app, ticket: rexTicket), score: "good")
            try await Self.rateByLink(app, token: try await Self.surveyToken(app, ticket: hanaTicket), score: "bad", reason: "5")

            // The solves happened 200 days before the report's "now"; what the customers did since is written directly.
            let now = app.clock.now
            let solvedAt = now - 200 * Self.day
            try await app.database.write { db in
                let moved = [rexTicket, hanaTicket, samTicket]
                try await db.raw("UPDATE tickets SET solved_at = \(bind: solvedAt), created_at = \(bind: solvedAt - Self.day) WHERE id IN (\(binds: moved))").run()
                try await db.raw("UPDATE audits SET created_at = \(bind: solvedAt) WHERE ticket_id IN (\(binds: moved))").run()
                func order(_ customer: Int, at: Int64) async throws -> Int {
                    try await db.raw("""
                        INSERT INTO orders (customer_id, currency, created_at, updated_at) VALUES (\(bind: customer), 'EUR', \(bind: at), \(bind: at)) RETURNING id
                        """).first()!.decode(column: "id", as: Int.self)
                }
                // Rex: an old order, and 20 days after the solve a refund on it
                let rexOrder = try await order(app.endUserA.id, at: solvedAt - 30 * Self.day)
                try await db.raw("""
                    INSERT INTO refunds (order_id, kind, amount_minor, currency, reason, status, requested_by_id, created_at)
                    VALUES (\(bind: rexOrder), 'full', 4900, 'EUR', 'changed mind', 'approved', \(bind: app.agent.id), \(bind: solvedAt + 20 * Self.day))
                    """).run()
                // Hana: bought again 40 days after the solve
                _ = try await order(app.endUserB.id, at: solvedAt + 40 * Self.day)
            }

            // The report reads the facts the reports job keeps (here brought up to date at once).
            try await ReportAPITests.refresh(app)
            let from = (solvedAt - Self.day) / 1000, to = (solvedAt + Self.day) / 1000
            let byGroup = try await lara.get("/api/v2/satisfaction/loyalty_report?by=group&start_time=\(from)&end_time=\(to)")
            #expect(byGroup.status == .ok, "\(byGroup.text)")
            let rows = byGroup["rows"]?.arrayValue ?? []
            let kettleRow = try #require(rows.first { $0["id"]?.intValue == kettles }, "\(byGroup.text)")
            #expect(kettleRow["name"]?.stringValue == "Kettles")
            #expect(kettleRow["tickets_solved"]?.intValue == 2 && kettleRow["ratings_offered"]?.intValue == 2)
            #expect(kettleRow["good"]?.intValue == 1 && kettleRow["bad"]?.intValue == 1 && kettleRow["csat_percent"] == .double(50))
            #expect(kettleRow["customers"]?.intValue == 2)
            #expect(kettleRow["cancelled_or_refunded"]?.intValue == 1 && kettleRow["bought_again"]?.intValue == 1, "\(kettleRow)")
            #expect(kettleRow["satisfied_but_leaving"]?.intValue == 1, "Rex was satisfied and still left: \(kettleRow)")
            let toasterRow = try #require(rows.first { $0["id"]?.intValue == toasters })
            #expect(toasterRow["silent"]?.intValue == 1 && toasterRow["good"]?.intValue == 0 && toasterRow["csat_percent"] == .null, "\(toasterRow)")

            // by contact reason: the reason_ tags, "(none)" for the rest
            let byReason = try await lara.get("/api/v2/satisfaction/loyalty_report?by=contact_reason&start_time=\(from)&end_time=\(to)")
            let reasons = (byReason["rows"]?.arrayValue ?? []).compactMap { row in row["key"]?.stringValue.map { ($0, row["satisfied_but_leaving"]?.intValue ?? -1) } }
            #expect(reasons.map(\.0) == ["(none)", "reason_defect", "reason_delivery"], "\(byReason.text)")
            #expect(reasons.first { $0.0 == "reason_defect" }?.1 == 1)

            // a filter, the windows moved, and the range empty
            let onlyToasters = try await lara.get("/api/v2/satisfaction/loyalty_report?by=agent&group_id=\(toasters)&start_time=\(from)&end_time=\(to)")
            #expect(onlyToasters["rows"]?.arrayValue?.count == 1 && onlyToasters["rows"]?.arrayValue?.first?["tickets_solved"]?.intValue == 1, "\(onlyToasters.text)")
            let longer = try await app.admin.put("/api/v2/satisfaction/settings", ["satisfaction_settings": ["bought_again_days": 30, "silence_days": 365]])
            #expect(longer.status == .ok)
            try await ReportAPITests.refresh(app)
            let later = try await lara.get("/api/v2/satisfaction/loyalty_report?by=group&start_time=\(from)&end_time=\(to)")
            let kettlesLater = try #require(later["rows"]?.arrayValue?.first { $0["id"]?.intValue == kettles })
            #expect(kettlesLater["bought_again"]?.intValue == 0 && kettlesLater["active"]?.intValue == 1, "Hana's order at day 40 is past a 30-day window: \(kettlesLater)")
            let toastersLater = try #require(later["rows"]?.arrayValue?.first { $0["id"]?.intValue == toasters })
            #expect(toastersLater["pending"]?.intValue == 1, "a 365-day silence window has not elapsed: \(toastersLater)")
            let empty = try await lara.get("/api/v2/satisfaction/loyalty_report?by=group&start_time=1&end_time=2")
            #expect(empty["rows"]?.arrayValue?.isEmpty == true)

            // bad parameters name every field; agents and customers may not read it
            let bad = try await lara.get("/api/v2/satisfaction/loyalty_report?by=colour&start_time=yesterday")
            #expect(bad.status == .unprocessableContent && bad["details"]?["by"] != nil && bad["details"]?["start_time"] != nil, "\(bad.text)")
            #expect(try await app.agent.get("/api/v2/satisfaction/loyalty_report").status == .forbidden)
            #expect(try await app.endUserA.get("/api/v2/satisfaction/loyalty_report").status == .forbidden)
        }
    }
}
