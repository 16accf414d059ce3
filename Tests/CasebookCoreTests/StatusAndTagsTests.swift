import Foundation
import Testing
@testable import CasebookCore

// MARK: - StatusChange

@Suite("StatusChange.check")
struct StatusChangeTests {
    /// Expected outcome, written out per row `from` and column `to` in the order
    /// new, open, pending, hold, solved, closed.
    /// "ok" allowed · "N" cannotReturnToNew · "S" closedOnlyFromSolved(from:) · "F" closedIsFinal
    static let unassigned: [TicketStatus: [String]] = [
        .new:     ["ok", "ok", "ok", "ok", "ok", "S"],
        .open:    ["N",  "ok", "ok", "ok", "ok", "S"],
        .pending: ["N",  "ok", "ok", "ok", "ok", "S"],
        .hold:    ["N",  "ok", "ok", "ok", "ok", "S"],
        .solved:  ["N",  "ok", "ok", "ok", "ok", "ok"],
        .closed:  ["F",  "F",  "F",  "F",  "F",  "F"],
    ]
    static let assigned: [TicketStatus: [String]] = [
        .new:     ["N",  "ok", "ok", "ok", "ok", "S"],
        .open:    ["N",  "ok", "ok", "ok", "ok", "S"],
        .pending: ["N",  "ok", "ok", "ok", "ok", "S"],
        .hold:    ["N",  "ok", "ok", "ok", "ok", "S"],
        .solved:  ["N",  "ok", "ok", "ok", "ok", "ok"],
        .closed:  ["F",  "F",  "F",  "F",  "F",  "F"],
    ]

    static func expected(_ code: String, from: TicketStatus) -> StatusChange.Refusal? {
        switch code {
        case "ok": nil
        case "N": .cannotReturnToNew
        case "S": .closedOnlyFromSolved(from: from)
        case "F": .closedIsFinal
        default: fatalError("unknown code \(code)")
        }
    }

    static func outcome(from: TicketStatus, to: TicketStatus, hasAssignee: Bool) -> StatusChange.Refusal? {
        do throws(StatusChange.Refusal) {
            try StatusChange.check(from: from, to: to, hasAssignee: hasAssignee)
            return nil
        } catch {
            return error
        }
    }

    @Test("Every pair of statuses, with and without an assignee",
          arguments: TicketStatus.allCases, TicketStatus.allCases)
    func allPairs(from: TicketStatus, to: TicketStatus) throws {
        let column = try #require(TicketStatus.allCases.firstIndex(of: to))
        for (hasAssignee, table) in [(false, Self.unassigned), (true, Self.assigned)] {
            let code = try #require(table[from]?[column])
            #expect(Self.outcome(from: from, to: to, hasAssignee: hasAssignee) == Self.expected(code, from: from),
                    "\(from.rawValue) → \(to.rawValue), hasAssignee: \(hasAssignee)")
        }
    }

    @Test("The tables cover every status")
    func tablesAreComplete() {
        #expect(Set(Self.unassigned.keys) == Set(TicketStatus.allCases))
        #expect(Set(Self.assigned.keys) == Set(TicketStatus.allCases))
        #expect(Self.unassigned.values.allSatisfy { $0.count == TicketStatus.allCases.count })
        #expect(Self.assigned.values.allSatisfy { $0.count == TicketStatus.allCases.count })
    }

    @Test("Refusals read like Zendesk's messages")
    func descriptions() {
        #expect(StatusChange.Refusal.closedIsFinal.description == "Status: closed prevents ticket update")
        #expect(StatusChange.Refusal.cannotReturnToNew.description
            == "Status: cannot be set to new once the ticket has an assignee or has been opened")
        #expect(StatusChange.Refusal.closedOnlyFromSolved(from: .pending).description
            == "Status: a pending ticket must be solved before it is closed")
    }
}

// MARK: - Tags

@Suite("CasebookCore.Tags.normalize")
struct TagsNormalizeTests {
    @Test("Lowercases", arguments: [
        ("VIP", ["vip"]), ("Billing", ["billing"]), ("ÉTÉ", ["été"]), ("already_fine", ["already_fine"]),
    ])
    func lowercases(raw: String, expected: [String]) {
        #expect(CasebookCore.Tags.normalize(raw) == expected)
    }

    @Test("Splits on spaces, tabs, newlines and commas")
    func splits() {
        #expect(CasebookCore.Tags.normalize("refund request") == ["refund", "request"])
        #expect(CasebookCore.Tags.normalize("  a\tb\nc  ") == ["a", "b", "c"])
        #expect(CasebookCore.Tags.normalize("a,b, c ,,d") == ["a", "b", "c", "d"])
    }

    @Test("Deduplicates, keeping the first occurrence's position")
    func dedupes() {
        #expect(CasebookCore.Tags.normalize(["b", "A", "a", "B c", "c"]) == ["b", "a", "c"])
    }

    @Test("Drops empty and blank entries")
    func dropsBlank() {
        #expect(CasebookCore.Tags.normalize(["", "  ", "\n", ","]) == [])
        #expect(CasebookCore.Tags.normalize([String]()) == [])
    }

    @Test("Keeps hyphens, underscores, colons and digits inside a tag")
    func keepsInnerPunctuation() {
        #expect(CasebookCore.Tags.normalize("vip-2024 tier_1 product:x") == ["vip-2024", "tier_1", "product:x"])
    }

    @Test("Normalizing is idempotent")
    func idempotent() {
        let once = CasebookCore.Tags.normalize(["Foo Bar", "BAZ,foo", " qux "])
        #expect(CasebookCore.Tags.normalize(once) == once)
    }
}

// MARK: - Ordering

@Suite("Status and priority ordering")
struct OrderingTests {
    @Test("Statuses are ordered new < open < pending < hold < solved < closed")
    func statusOrder() {
        #expect(TicketStatus.allCases == [.new, .open, .pending, .hold, .solved, .closed])
        #expect([TicketStatus.closed, .hold, .new, .solved, .open, .pending].sorted()
            == [.new, .open, .pending, .hold, .solved, .closed])
        #expect(TicketStatus.allCases.filter { $0 < .solved } == [.new, .open, .pending, .hold])
        #expect(TicketStatus.allCases.filter { $0 > .pending } == [.hold, .solved, .closed])
        #expect(!(TicketStatus.open < .open))
        #expect(TicketStatus.solved >= .solved)
    }

    @Test("Status raw values are Zendesk's")
    func statusRawValues() {
        #expect(TicketStatus.allCases.map(\.rawValue) == ["new", "open", "pending", "hold", "solved", "closed"])
    }

    @Test("Priorities are ordered low < normal < high < urgent")
    func priorityOrder() {
        #expect(TicketPriority.allCases == [.low, .normal, .high, .urgent])
        #expect([TicketPriority.urgent, .low, .high, .normal].sorted() == [.low, .normal, .high, .urgent])
        #expect(TicketPriority.allCases.filter { $0 >= .high } == [.high, .urgent])
        #expect(!(TicketPriority.urgent < .urgent))
        #expect(TicketPriority.allCases.map(\.rawValue) == ["low", "normal", "high", "urgent"])
    }
}

// MARK: - Roles and permissions

@Suite("Role.allows")
struct RolePermissionTests {
    /// The permission matrix, written out: the permissions each role has. Everything else is denied.
    static let staff: Set<Permission> = [.viewAllTickets, .editTicketFields, .viewInternalNotes, .addInternalNotes,
                                         .viewPeople, .manageEndUsers, .useWorkspace, .applyMacros, .escalateTickets]
    static let leadership: Set<Permission> = [.deleteTickets, .reorderQueues, .approveExceptions, .manageExclusions,
                                              .viewTeamBoard, .manageInventory]
    static let granted: [Role: Set<Permission>] = [
        .endUser: [.usePortal],
        .agent: staff,
        .lead: staff.union(leadership),
        .manager: staff.union(leadership),
        .admin: staff.union(leadership).union([.manageStaff, .manageOrganizations, .manageGroups, .manageViews,
                                               .manageMacros, .manageCredentials, .receiveMail, .manageMail,
                                               .manageRouting, .manageSLAs, .managePolicies]),
    ]

    @Test("Every role × every permission", arguments: Role.allCases, Permission.allCases)
    func matrix(role: Role, permission: Permission) throws {
        let granted = try #require(Self.granted[role])
        #expect(role.allows(permission) == granted.contains(permission))
    }

    @Test("The matrix lists every role")
    func complete() {
        #expect(Set(Self.granted.keys) == Set(Role.allCases))
    }

    @Test("Only admins manage staff, organizations and groups; leads and above delete tickets")
    func spotChecks() {
        #expect(Role.allCases.filter { $0.allows(.manageStaff) } == [.admin])
        #expect(Role.allCases.filter { $0.allows(.manageGroups) } == [.admin])
        #expect(Role.allCases.filter { $0.allows(.manageOrganizations) } == [.admin])
        #expect(Role.allCases.filter { $0.allows(.deleteTickets) } == [.lead, .manager, .admin])
        #expect(Permission.allCases.filter { Role.endUser.allows($0) } == [.usePortal])
        #expect(Role.allCases.filter { $0.allows(.reorderQueues) } == [.lead, .manager, .admin])
        #expect(Role.allCases.filter { $0.allows(.approveExceptions) } == [.lead, .manager, .admin])
        #expect(Role.allCases.filter { $0.allows(.manageExclusions) } == [.lead, .manager, .admin])
        #expect(Role.allCases.filter { $0.allows(.manageRouting) } == [.admin])
    }

    @Test("Staff and rank")
    func staffAndRank() {
        #expect(Role.allCases.filter(\.isStaff) == [.agent, .lead, .manager, .admin])
        #expect(Role.allCases.map(\.rank) == [0, 1, 2, 3, 4])
        #expect(Role.endUser.rawValue == "end-user")
    }
}

// MARK: - Email addresses

@Suite("EmailAddress")
struct EmailAddressTests {
    @Test("Normalizes by trimming and lowercasing", arguments: [
        ("Jane.Doe@Example.COM", "jane.doe@example.com"),
        ("  jane@example.com\n", "jane@example.com"),
        ("j+tag@mail.acme.example", "j+tag@mail.acme.example"),
    ])
    func normalizes(raw: String, expected: String) {
        #expect(EmailAddress.normalize(raw) == expected)
    }

    @Test("Rejects implausible addresses", arguments: [
        "", "   ", "jane", "jane@", "@example.com", "jane@example", "jane@.example.com", "jane@example.com.",
        "jane@@example.com", "ja@ne@example.com", "jane doe@example.com", "<jane@example.com>",
        "jane@example.com, joe@example.com", "Jane <jane@example.com>",
    ])
    func rejects(raw: String) {
        #expect(EmailAddress.normalize(raw) == nil)
    }

    @Test("Domain is the lowercased part after the last @")
    func domain() {
        #expect(EmailAddress.domain(of: "jane@Example.COM") == "example.com")
        #expect(EmailAddress.domain(of: "jane@mail.acme.example") == "mail.acme.example")
        #expect(EmailAddress.domain(of: "no-at-sign") == nil)
    }

    @Test("Matches the domain itself and its subdomains, case-insensitively", arguments: [
        ("jane@acme.example", "acme.example", true),
        ("jane@mail.acme.example", "acme.example", true),
        ("jane@a.b.acme.example", "acme.example", true),
        ("jane@ACME.example", "Acme.Example", true),
        ("jane@notacme.example", "acme.example", false),
        ("jane@acme.example.evil", "acme.example", false),
        ("jane@example", "acme.example", false),
        ("acme.example", "acme.example", false),
        ("jane@acme.example", "mail.acme.example", false),
    ])
    func matches(email: String, domain: String, expected: Bool) {
        #expect(EmailAddress.matches(email, domain: domain) == expected)
    }
}

// MARK: - Comment drafts

@Suite("CommentDraft")
struct CommentDraftTests {
    static func failure(_ build: () throws(FieldErrors) -> CommentDraft) -> FieldErrors? {
        do {
            _ = try build()
            return nil
        } catch {
            return error
        }
    }

    static let call = CallLog(direction: .inbound, from: "+15551230000", to: "+15559870000", durationSeconds: 95)

    @Test("A blank comment is refused", arguments: [
        (String?.none, String?.none), ("", nil), ("  \n\t ", nil), (nil, ""), (nil, "<p> </p>"), ("  ", "<br><p></p>"),
        (nil, "<script>alert(1)</script>"),
    ])
    func blankRefused(body: String?, html: String?) throws {
        let errors = try #require(Self.failure { () throws(FieldErrors) in
            try CommentDraft(authorID: 1, isPublic: true, body: body, htmlBody: html)
        })
        #expect(errors.details == ["comment": [.init(error: "BlankValue", description: "Comment: cannot be blank")]])
    }

    @Test("A call log needs a summary")
    func callNeedsSummary() throws {
        let errors = try #require(Self.failure { () throws(FieldErrors) in
            try CommentDraft(authorID: 10, isPublic: false, body: "  ", htmlBody: nil, call: Self.call)
        })
        #expect(errors.details == ["summary": [.init(error: "BlankValue",
                                                      description: "Summary: a call log needs a summary")]])
    }

    @Test("A negative call duration is refused; zero is fine")
    func negativeDuration() throws {
        var call = Self.call
        call.durationSeconds = -1
        let errors = try #require(Self.failure { () throws(FieldErrors) in
            try CommentDraft(authorID: 10, isPublic: false, body: "Customer called", htmlBody: nil, call: call)
        })
        #expect(errors.details == ["duration": [.init(error: "InvalidValue", description: "Duration: must not be negative")]])

        call.durationSeconds = 0
        let draft = try CommentDraft(authorID: 10, isPublic: false, body: "Missed call", htmlBody: nil, call: call)
        #expect(draft.call?.durationSeconds == 0)
    }

    @Test("A call log is a voice comment; other comments have no channel")
    func via() throws {
        let call = try CommentDraft(authorID: 10, isPublic: false, body: "Customer called", htmlBody: nil, call: Self.call)
        #expect(call.via == .voice)
        #expect(call.body == "Customer called")
        #expect(call.call == Self.call)
        let plain = try CommentDraft(authorID: 10, isPublic: true, body: "Hi", htmlBody: nil)
        #expect(plain.via == nil)
        #expect(plain.call == nil)
    }

    @Test("The plain body is trimmed; author and visibility are kept")
    func plainTrimmed() throws {
        let draft = try CommentDraft(authorID: 7, isPublic: false, body: "\n  Hello there  \n", htmlBody: nil)
        #expect(draft.body == "Hello there")
        #expect(draft.authorID == 7)
        #expect(draft.isPublic == false)
    }

    @Test("A plain body is turned into HTML: escaped, paragraphs and line breaks")
    func plainToHTML() throws {
        let draft = try CommentDraft(authorID: 1, isPublic: true, body: "Hi <team> & co,\nline two\n\nSecond \"para\"",
                                     htmlBody: nil)
        #expect(draft.body == "Hi <team> & co,\nline two\n\nSecond \"para\"")
        #expect(draft.htmlBody == "<p>Hi &lt;team&gt; &amp; co,<br>line two</p><p>Second &quot;para&quot;</p>")
        #expect(draft.htmlBody == HTMLSanitizer.html(fromPlainText: draft.body))
    }

    @Test("HTML is sanitized before it is kept")
    func htmlSanitized() throws {
        let draft = try CommentDraft(authorID: 1, isPublic: true, body: nil,
                                     htmlBody: #"<p onclick="x()">Hello <b>there</b><script>alert(1)</script></p>"#)
        #expect(draft.htmlBody == "<p>Hello <b>there</b></p>")
        #expect(!draft.htmlBody.contains("script"))
        #expect(!draft.htmlBody.contains("onclick"))
    }

    @Test("The plain body is derived from the HTML when only HTML is sent")
    func plainFromHTML() throws {
        let draft = try CommentDraft(authorID: 1, isPublic: true, body: nil,
                                     htmlBody: "<p>Hello <b>there</b> &amp; welcome</p><p>Line<br>two</p>")
        #expect(draft.body == "Hello there & welcome\n\nLine\ntwo")
        #expect(draft.htmlBody == "<p>Hello <b>there</b> &amp; welcome</p><p>Line<br>two</p>")
    }

    @Test("When both are sent, the plain body is kept and the HTML sanitized")
    func bothSent() throws {
        let draft = try CommentDraft(authorID: 1, isPublic: true, body: " Plain version ",
                                     htmlBody: #"<p>Rich <img src="x" onerror="alert(1)"> version</p>"#)
        #expect(draft.body == "Plain version")
        #expect(draft.htmlBody == #"<p>Rich <img src="x"> version</p>"#)
    }
}
