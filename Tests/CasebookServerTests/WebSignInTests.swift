import CasebookCore
import Foundation
import HTTPTypes
import Testing
@testable import CasebookServer

@Suite("Web sign-in, sessions and CSRF")
struct WebSignInTests {
    @Test(arguments: TestDatabase.all)
    func staffSignInLandsInTheWorkspaceWithAHardenedCookie(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let browser = app.browser()
            let form = try await browser.get("/sign-in")
            #expect(form.status == .ok)
            #expect(form.contains(#"id="sign-in-form""#))
            let answer = try await browser.post("/sign-in", [("email", TestApp.agentEmail), ("password", "correct horse battery")])
            #expect(answer.status == .seeOther)
            #expect(answer.location == "/agent")
            let setCookie = answer.headers[values: .setCookie].first { $0.hasPrefix("casebook_session=") } ?? ""
            #expect(setCookie.contains("HttpOnly"))
            #expect(setCookie.contains("SameSite=Lax"))
            #expect(!setCookie.contains("Secure"))
            // The stored session is a hash, never the cookie value.
            let value = try #require(browser.cookies["casebook_session"])
            let stored = try await app.database.read { db in
                try await db.raw("SELECT id_hash FROM web_sessions").all().map { try $0.decode(column: "id_hash", as: String.self) }
            }
            #expect(stored == [APITokens.hash(value)])
            let home = try await browser.get("/")
            #expect(home.location == "/agent")
            let view = try await browser.get("/agent/views/mine")
            #expect(view.status == .ok)
            #expect(view.contains(#"<span id="signed-in-as">Morgan Agent</span>"#))
        }
    }

    @Test(arguments: TestDatabase.all)
    func cookieIsSecureBehindTLS(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let browser = app.browser()
            _ = try await browser.get("/sign-in")
            let answer = try await browser.send(.post, "/sign-in", headers: [
                .contentType: "application/x-www-form-urlencoded", HTTPField.Name("X-Forwarded-Proto")!: "https",
            ], body: "email=\(TestApp.agentEmail)&password=correct+horse+battery&csrf=\(browser.lastCSRF!)")
            #expect(answer.status == .seeOther)
            #expect(answer.headers[values: .setCookie].contains { $0.hasPrefix("casebook_session=") && $0.contains("Secure") })
        }
    }

    @Test(arguments: TestDatabase.all)
    func wrongPasswordUnknownEmailAndDisabledAccountsGetTheSameAnswer(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let browser = app.browser()
            for (email, password) in [(TestApp.agentEmail, "wrong password!"), ("nobody@brightbeam.example", "correct horse battery")] {
                _ = try await browser.get("/sign-in")
                let page = try await browser.post("/sign-in", [("email", email), ("password", password)])
                #expect(page.status == .unauthorized)
                #expect(page.contains("Email or password is incorrect."))
                #expect(browser.cookies["casebook_session"] == nil)
            }
            try await app.database.write { db in
                try await db.raw("UPDATE users SET active = \(bind: false) WHERE email = \(bind: TestApp.endUserAEmail)").run()
            }
            let page = try await browser.signIn(TestApp.endUserAEmail)
            #expect(page.status == .unauthorized)
        }
    }

    @Test(arguments: TestDatabase.all)
    func repeatedFailuresBackOffPerAccount(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let browser = app.browser()
            var statuses: [HTTPResponse.Status] = []
            for _ in 0..<(SignInThrottle.freeFailures + 1) {
                _ = try await browser.get("/sign-in")
                statuses.append(try await browser.post("/sign-in", [("email", TestApp.agentEmail), ("password", "not my password")]).status)
            }
            #expect(statuses == Array(repeating: .unauthorized, count: SignInThrottle.freeFailures + 1))
            // The last failure locked the account for the first lockout (2 s). On a loaded machine the next request can
            // take longer than that, so the lock is pushed out before it is tried: the test checks the lock, not the clock.
            let lockedFor = try await app.database.write { db in
                let row = try await db.raw("""
                    SELECT locked_until - updated_at AS ms FROM sign_in_failures WHERE throttle_key LIKE 'account:%'
                    """).first()
                try await db.raw("""
                    UPDATE sign_in_failures SET locked_until = locked_until + 600000 WHERE throttle_key LIKE 'account:%'
                    """).run()
                return try row?.decode(column: "ms", as: Int64?.self)
            }
            #expect(lockedFor == SignInThrottle.firstLockout)
            // Locked now: even the right password waits, with a clear message and Retry-After.
            let locked = try await browser.signIn(TestApp.agentEmail)
            #expect(locked.status == .tooManyRequests)
            #expect(locked.contains("Too many sign-in attempts"))
            #expect(Int(locked.headers[HTTPField.Name("Retry-After")!] ?? "") ?? 0 >= 1)
            // Another account from the same address is not locked yet (the address allows more failures).
            let other = try await browser.signIn(TestApp.adminEmail)
            #expect(other.status == .seeOther)
            // When the lock has passed, the right password works and clears the count.
            try await app.database.write { db in try await db.raw("UPDATE sign_in_failures SET locked_until = 0").run() }
            let later = try await app.browser().signIn(TestApp.agentEmail)
            #expect(later.status == .seeOther)
            let left = try await app.database.read { db in
                try await db.raw("SELECT COUNT(*) AS n FROM sign_in_failures WHERE throttle_key LIKE 'account:%'").first()!
                    .decode(column: "n", as: Int.self)
            }
            #expect(left == 0)
        }
    }

    @Test(arguments: TestDatabase.all)
    func formsWithoutTheirCSRFTokenAreRefused(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            // Before sign-in: the double-submit cookie must match the form field.
            let anonymous = app.browser()
            _ = try await anonymous.get("/sign-in")
            let noToken = try await anonymous.post("/sign-in", [("email", TestApp.agentEmail), ("password", "correct horse battery")], csrf: "")
            #expect(noToken.status == .forbidden)
            let forged = try await anonymous.post("/sign-in", [("email", TestApp.agentEmail), ("password", "correct horse battery")],
                                                  csrf: "forged-token-forged-token-forged-token")
            #expect(forged.status == .forbidden)
            // Signed in: every form needs the session's token.
            let agent = try await app.signedIn(TestApp.agentEmail)
            let id = try await app.agent.createTicket(["subject": "CSRF", "comment": ["body": "hello"], "requester_id": .int(app.endUserA.id)])
            _ = try await agent.get("/agent/tickets/\(id)")
            let refused = try await agent.post("/agent/tickets/\(id)", [("mode", "note"), ("body", "sneaky")], csrf: "")
            #expect(refused.status == .forbidden)
            #expect(refused.contains("did not come from Casebook"))
            let signOut = try await agent.post("/sign-out", csrf: "wrong")
            #expect(signOut.status == .forbidden)
            let comments = try await app.agent.get("/api/v2/tickets/\(id)/comments")
            #expect(comments["comments"]?.arrayValue?.count == 1)
        }
    }

    @Test(arguments: TestDatabase.all)
    func sessionsLiveInTheDatabaseAndSignOutEndsThem(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let agent = try await app.signedIn(TestApp.agentEmail)
            let cookie = try #require(agent.cookies["casebook_session"])
            // A second app on the same database (a restart, or another node) knows the session.
            var config = AppConfig(environment: [:])
            config.bcryptCost = 4
            let other = buildApplication(config: config, database: app.database, logger: .init(label: "other"))
            try await other.test(.router) { client in
                let browser = Browser(client)
                browser.cookies["casebook_session"] = cookie
                let page = try await browser.get("/agent/views/mine")
                #expect(page.status == .ok)
            }
            _ = try await agent.get("/agent/views/mine")
            let out = try await agent.post("/sign-out")
            #expect(out.status == .seeOther)
            #expect(out.location == "/sign-in")
            let stale = app.browser()
            stale.cookies["casebook_session"] = cookie
            let page = try await stale.get("/agent/views/mine")
            #expect(page.status == .seeOther)
            #expect(page.location?.hasPrefix("/sign-in?next=") == true)
        }
    }

    @Test(arguments: TestDatabase.all)
    func signInReturnsToTheRequestedPageButNeverOffSite(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let browser = app.browser()
            _ = try await browser.get("/sign-in?next=/agent/search%3Fq%3Dprinter")
            let answer = try await browser.post("/sign-in", [("email", TestApp.agentEmail), ("password", "correct horse battery"),
                                                             ("next", "/agent/search?q=printer")])
            #expect(answer.location == "/agent/search?q=printer")
            for next in ["https://evil.example/", "//evil.example/x", "/\\evil.example"] {
                #expect(SignInRoutes.safeNext(next, role: .agent) == "/agent")
            }
            #expect(SignInRoutes.safeNext("/agent/views/mine", role: .endUser) == "/portal")
        }
    }

    @Test(arguments: TestDatabase.all)
    func customersSignInWithAOneTimeLink(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let browser = app.browser()
            _ = try await browser.get("/sign-in")
            let sent = try await browser.post("/sign-in/link", [("email", TestApp.endUserAEmail)])
            #expect(sent.status == .ok)
            #expect(sent.contains("a sign-in link is on its way"))
            // Unknown addresses and staff get the same answer, and no mail.
            _ = try await browser.post("/sign-in/link", [("email", "stranger@example.com")])
            let staff = try await browser.post("/sign-in/link", [("email", TestApp.agentEmail)])
            #expect(staff.contains("a sign-in link is on its way"))
            let mail = try await app.database.read { db in try await OutboxStore(db: db).messages(to: TestApp.endUserAEmail) }
            #expect(mail.count == 1)
            #expect(try await app.database.read { db in try await OutboxStore(db: db).messages(to: TestApp.agentEmail) }.isEmpty)
            let link = try #require(mail.first?.body.split(separator: "\n").first { $0.contains("/sign-in/link/") })
            let path = String(link[link.range(of: "/sign-in/link/")!.lowerBound...]).trimmingCharacters(in: .whitespaces)
            // Opening the link (a mail scanner might) does not use it up; pressing Continue does.
            let confirm = try await browser.get(path)
            #expect(confirm.status == .ok)
            #expect(confirm.contains(#"id="link-confirm-form""#))
            let used = try await browser.post(path)
            #expect(used.status == .seeOther)
            #expect(used.location == "/portal")
            #expect(try await browser.get("/portal").status == .ok)
            let again = app.browser()
            #expect(try await again.get(path).status == .gone)
            let second = try await again.post(path, csrf: again.cookies["casebook_csrf"])
            #expect(second.status == .gone)
            #expect(again.cookies["casebook_session"] == nil)
        }
    }

    @Test(arguments: TestDatabase.all)
    func expiredLinksDoNotSignIn(db: TestDatabase) async throws {
        try await TestApp.run(db) { app in
            let browser = app.browser()
            _ = try await browser.get("/sign-in")
            _ = try await browser.post("/sign-in/link", [("email", TestApp.endUserAEmail)])
            try await app.database.write { db in try await db.raw("UPDATE sign_in_links SET expires_at = 1").run() }
            let body = try await app.database.read { db in try await OutboxStore(db: db).messages(to: TestApp.endUserAEmail) }.first!.body
            let token = try #require(body.range(of: #"/sign-in/link/[A-Za-z0-9_-]+"#, options: .regularExpression).map { String(body[$0]) })
            #expect(try await browser.get(token).status == .gone)
            #expect(try await browser.post(token, csrf: browser.cookies["casebook_csrf"]).status == .gone)
        }
    }
}
