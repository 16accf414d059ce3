import Foundation
import Testing
@testable import CasebookCore

// MARK: - Fixtures

/// People used throughout: requester 1 (end-user), another end-user 2, agents 10 and 11, admin 99.
private enum People {
    static let requester = Actor(id: 1, role: .endUser)
    static let otherEndUser = Actor(id: 2, role: .endUser)
    static let agent = Actor(id: 10, role: .agent)
    static let otherAgent = Actor(id: 11, role: .agent)
    static let admin = Actor(id: 99, role: .admin)
}

private func reply(_ body: String = "Thanks, looking into it.", by author: Actor, isPublic: Bool = true) throws(FieldErrors) -> CommentDraft {
    try CommentDraft(authorID: author.id, isPublic: isPublic, body: body, htmlBody: nil)
}

private func ticket(status: TicketStatus = .open, assignee: Int? = 10, type: TicketType? = nil,
                    tags: [String] = [], ccs: [Int] = [], followers: [Int] = [], dueAt: Date? = nil) -> TicketSnapshot {
    TicketSnapshot(type: type, subject: "Printer on fire", status: status, requesterID: 1, submitterID: 1,
                   assigneeID: assignee, tags: tags, ccIDs: ccs, followerIDs: followers, dueAt: dueAt)
}

private func patch(_ build: (inout TicketPatch) -> Void) -> TicketPatch {
    var p = TicketPatch()
    build(&p)
    return p
}

/// The FieldErrors an operation throws, or nil when it succeeds.
private func refusal<T>(_ body: () throws(FieldErrors) -> T) -> FieldErrors? {
    do {
        _ = try body()
        return nil
    } catch {
        return error
    }
}

private func errorCodes(_ errors: FieldErrors, _ field: String) -> [String] {
    errors.details[field]?.map(\.error) ?? []
}

/// 2026-03-15T12:00:00Z
private let due = Date(timeIntervalSince1970: 1_773_576_000)

// MARK: - Status transitions on update

@Suite("TicketRules.update — status transitions")
struct TicketRulesStatusTests {
    @Test("Any update to a closed ticket is refused, even an empty one", arguments: [
        People.agent, People.admin, People.requester,
    ])
    func closedIsFinal(actor: Actor) throws {
        let closed = ticket(status: .closed)
        let attempts: [(TicketPatch, CommentDraft?)] = [
            (TicketPatch(), nil),
            (TicketPatch(), try reply(by: actor)),
            (patch { $0.status = .open }, nil),
            (patch { $0.subject = "New subject" }, nil),
            (patch { $0.addTags = ["x"] }, nil),
        ]
        for (p, comment) in attempts {
            let errors = try #require(refusal { () throws(FieldErrors) in
                try TicketRules.update(closed, with: p, comment: comment, by: actor)
            })
            #expect(errors.details == ["status": [.init(error: "InvalidValue",
                                                         description: "Status: closed prevents ticket update")]])
        }
    }

    @Test("A ticket with an assignee cannot go back to new", arguments: [
        TicketStatus.open, .pending, .hold, .solved,
    ])
    func cannotReturnToNew(from: TicketStatus) throws {
        let errors = try #require(refusal { () throws(FieldErrors) in
            try TicketRules.update(ticket(status: from), with: patch { $0.status = .new }, comment: nil, by: People.agent)
        })
        #expect(errors.details["status"] == [.init(error: "InvalidValue",
                                                   description: StatusChange.Refusal.cannotReturnToNew.description)])
    }

    @Test("An open ticket without assignee cannot go back to new either")
    func openUnassignedCannotReturnToNew() throws {
        let errors = try #require(refusal { () throws(FieldErrors) in
            try TicketRules.update(ticket(status: .open, assignee: nil), with: patch { $0.status = .new },
                                   comment: nil, by: People.agent)
        })
        #expect(errorCodes(errors, "status") == ["InvalidValue"])
    }

    @Test("Assigning a new ticket while asking to keep it new never leaves a new ticket with an assignee")
    func newWithAssigneeIsNotNew() throws {
        let p = patch {
            $0.status = .new
            $0.assigneeID = .some(10)
        }
        // Either refused (StatusChange says `new` is not allowed with an assignee) or moved to open, as create does.
        do {
            if let result = try? TicketRules.update(ticket(status: .new, assignee: nil), with: p, comment: nil,
                                                    by: People.agent) {
                #expect(result.0.status != .new, "a ticket with an assignee was left in status new")
            }
        }
    }

    @Test("Closed only from solved", arguments: [TicketStatus.open, .pending, .hold])
    func closedOnlyFromSolved(from: TicketStatus) throws {
        let errors = try #require(refusal { () throws(FieldErrors) in
            try TicketRules.update(ticket(status: from), with: patch { $0.status = .closed }, comment: nil, by: People.agent)
        })
        #expect(errors.details["status"] == [.init(
            error: "InvalidValue", description: "Status: a \(from.rawValue) ticket must be solved before it is closed")])
    }

    @Test("A new ticket cannot be closed directly")
    func newCannotBeClosed() throws {
        let errors = try #require(refusal { () throws(FieldErrors) in
            try TicketRules.update(ticket(status: .new, assignee: nil), with: patch { $0.status = .closed },
                                   comment: nil, by: People.agent)
        })
        #expect(errorCodes(errors, "status") == ["InvalidValue"])
    }

    @Test("A solved ticket can be closed")
    func solvedToClosed() throws {
        let (next, events) = try TicketRules.update(ticket(status: .solved), with: patch { $0.status = .closed },
                                                    comment: nil, by: People.agent)
        #expect(next.status == .closed)
        #expect(events == [.change(field: "status", from: .string("solved"), to: .string("closed"))])
    }

    @Test("Agents move freely between open, pending, hold and solved", arguments: [
        (TicketStatus.open, TicketStatus.pending), (.open, .hold), (.open, .solved),
        (.pending, .open), (.pending, .hold), (.pending, .solved),
        (.hold, .open), (.hold, .pending), (.hold, .solved),
        (.solved, .open), (.solved, .pending), (.solved, .hold),
        (.new, .open), (.new, .pending), (.new, .hold), (.new, .solved),
    ])
    func freeTransitions(from: TicketStatus, to: TicketStatus) throws {
        let (next, events) = try TicketRules.update(ticket(status: from), with: patch { $0.status = to },
                                                    comment: nil, by: People.agent)
        #expect(next.status == to)
        #expect(events == [.change(field: "status", from: .string(from.rawValue), to: .string(to.rawValue))])
    }

    @Test("An explicitly requested status wins over the automatic reopen")
    func requestedStatusWins() throws {
        let (next, _) = try TicketRules.update(ticket(status: .solved), with: patch { $0.status = .pending },
                                               comment: try reply(by: People.agent), by: People.agent)
        #expect(next.status == .pending)
    }
}

// MARK: - Automatic status changes

@Suite("TicketRules.update — automatic status")
struct TicketRulesAutomaticStatusTests {
    @Test("A public requester comment reopens solved, pending and on-hold tickets",
          arguments: [TicketStatus.solved, .pending, .hold])
    func requesterCommentReopens(from: TicketStatus) throws {
        let (next, events) = try TicketRules.update(ticket(status: from), with: TicketPatch(),
                                                    comment: try reply("It is still broken", by: People.requester),
                                                    by: People.requester)
        #expect(next.status == .open)
        #expect(next.assigneeID == 10)
        #expect(events == [.comment, .change(field: "status", from: .string(from.rawValue), to: .string("open"))])
    }

    @Test("A comment from someone other than the requester does not reopen", arguments: [TicketStatus.solved, .pending, .hold])
    func otherCommentsDoNotReopen(from: TicketStatus) throws {
        let byCC = try TicketRules.update(ticket(status: from, ccs: [2]), with: TicketPatch(),
                                          comment: try reply(by: People.otherEndUser), by: People.otherEndUser)
        #expect(byCC.0.status == from)
        let byAgent = try TicketRules.update(ticket(status: from), with: TicketPatch(),
                                             comment: try reply(by: People.otherAgent), by: People.otherAgent)
        #expect(byAgent.0.status == from)
        #expect(byAgent.1 == [.comment])
    }

    @Test("An internal note by the requester (an agent requester) does not reopen")
    func privateRequesterNoteDoesNotReopen() throws {
        var t = ticket(status: .solved)
        t.requesterID = People.otherAgent.id
        let (next, _) = try TicketRules.update(t, with: TicketPatch(),
                                               comment: try reply(by: People.otherAgent, isPublic: false),
                                               by: People.otherAgent)
        #expect(next.status == .solved)
    }

    @Test("A requester comment on an open ticket leaves it open")
    func requesterCommentOnOpen() throws {
        let (next, events) = try TicketRules.update(ticket(status: .open), with: TicketPatch(),
                                                    comment: try reply(by: People.requester), by: People.requester)
        #expect(next.status == .open)
        #expect(events == [.comment])
    }

    @Test("A new ticket becomes open when it is assigned")
    func newBecomesOpenWhenAssigned() throws {
        let (next, events) = try TicketRules.update(ticket(status: .new, assignee: nil),
                                                    with: patch { $0.assigneeID = .some(11) }, comment: nil,
                                                    by: People.agent)
        #expect(next.status == .open)
        #expect(next.assigneeID == 11)
        #expect(events == [
            .change(field: "status", from: .string("new"), to: .string("open")),
            .change(field: "assignee_id", from: .null, to: .int(11)),
        ])
    }

    @Test("A new ticket becomes open when an agent replies publicly")
    func newBecomesOpenOnAgentReply() throws {
        let (next, events) = try TicketRules.update(ticket(status: .new, assignee: nil), with: TicketPatch(),
                                                    comment: try reply(by: People.agent), by: People.agent)
        #expect(next.status == .open)
        #expect(next.assigneeID == nil)
        #expect(events == [.comment, .change(field: "status", from: .string("new"), to: .string("open"))])
    }

    @Test("An internal note or a requester comment leaves a new ticket new")
    func newStaysNew() throws {
        let byNote = try TicketRules.update(ticket(status: .new, assignee: nil), with: TicketPatch(),
                                            comment: try reply(by: People.agent, isPublic: false), by: People.agent)
        #expect(byNote.0.status == .new)
        #expect(byNote.1 == [.comment])
        let byRequester = try TicketRules.update(ticket(status: .new, assignee: nil), with: TicketPatch(),
                                                 comment: try reply(by: People.requester), by: People.requester)
        #expect(byRequester.0.status == .new)
        #expect(byRequester.1 == [.comment])
    }

    @Test("Solving without an assignee assigns the solving agent")
    func solvingAssignsAgent() throws {
        let (next, events) = try TicketRules.update(ticket(status: .open, assignee: nil),
                                                    with: patch { $0.status = .solved }, comment: nil,
                                                    by: People.otherAgent)
        #expect(next.status == .solved)
        #expect(next.assigneeID == People.otherAgent.id)
        #expect(events == [
            .change(field: "status", from: .string("open"), to: .string("solved")),
            .change(field: "assignee_id", from: .null, to: .int(11)),
        ])
    }

    @Test("Solving keeps an existing assignee")
    func solvingKeepsAssignee() throws {
        let (next, _) = try TicketRules.update(ticket(status: .open, assignee: 10), with: patch { $0.status = .solved },
                                               comment: nil, by: People.otherAgent)
        #expect(next.assigneeID == 10)
    }

    @Test("An end-user cannot solve an unassigned ticket")
    func endUserCannotSolve() throws {
        let errors = try #require(refusal { () throws(FieldErrors) in
            try TicketRules.update(ticket(status: .open, assignee: nil), with: patch { $0.status = .solved },
                                   comment: nil, by: People.requester)
        })
        #expect(errorCodes(errors, "assignee") == ["BlankValue"])
        #expect(errorCodes(errors, "base") == [])
    }

    @Test("A requester may mark an assigned request solved, and nothing else about its status")
    func requesterSolves() throws {
        let (next, events) = try TicketRules.update(ticket(status: .open, assignee: 10), with: patch { $0.status = .solved },
                                                    comment: nil, by: People.requester)
        #expect(next.status == .solved)
        #expect(events.contains(.change(field: "status", from: .string("open"), to: .string("solved"))))
        let errors = try #require(refusal { () throws(FieldErrors) in
            try TicketRules.update(ticket(status: .open, assignee: 10), with: patch { $0.status = .pending },
                                   comment: nil, by: People.requester)
        })
        #expect(errorCodes(errors, "base") == ["PermissionDenied"])
    }
}

// MARK: - Fields

@Suite("TicketRules.update — fields")
struct TicketRulesFieldTests {
    @Test("due_at is accepted for tasks")
    func dueAtForTasks() throws {
        let (next, events) = try TicketRules.update(ticket(type: .task), with: patch { $0.dueAt = .some(due) },
                                                    comment: nil, by: People.agent)
        #expect(next.dueAt == due)
        #expect(events == [.change(field: "due_at", from: .null, to: .string("2026-03-15T12:00:00Z"))])
    }

    @Test("due_at is refused for other types", arguments: [TicketType?.none, .question, .incident, .problem])
    func dueAtOnlyForTasks(type: TicketType?) throws {
        let errors = try #require(refusal { () throws(FieldErrors) in
            try TicketRules.update(ticket(type: type), with: patch { $0.dueAt = .some(due) }, comment: nil, by: People.agent)
        })
        #expect(errors.details == ["due_at": [.init(error: "InvalidValue", description: "Due at: only tasks have a due date")]])
    }

    @Test("Changing a task with a due date to another type without clearing due_at is refused; clearing works")
    func changingTypeOfTaskWithDueDate() throws {
        let task = ticket(type: .task, dueAt: due)
        let errors = try #require(refusal { () throws(FieldErrors) in
            try TicketRules.update(task, with: patch { $0.type = .some(.question) }, comment: nil, by: People.agent)
        })
        #expect(errorCodes(errors, "due_at") == ["InvalidValue"])

        let (next, events) = try TicketRules.update(task, with: patch {
            $0.type = .some(.question)
            $0.dueAt = .some(nil)
        }, comment: nil, by: People.agent)
        #expect(next.type == .question)
        #expect(next.dueAt == nil)
        #expect(events == [
            .change(field: "type", from: .string("task"), to: .string("question")),
            .change(field: "due_at", from: .string("2026-03-15T12:00:00Z"), to: .null),
        ])
    }

    @Test("A blank subject is refused", arguments: ["", "   ", "\n\t "])
    func blankSubjectRefused(subject: String) throws {
        let errors = try #require(refusal { () throws(FieldErrors) in
            try TicketRules.update(ticket(), with: patch { $0.subject = subject }, comment: nil, by: People.agent)
        })
        #expect(errors.details == ["subject": [.init(error: "BlankValue", description: "Subject: cannot be blank")]])
    }

    @Test("The subject is trimmed")
    func subjectTrimmed() throws {
        let (next, events) = try TicketRules.update(ticket(), with: patch { $0.subject = "  Toner low \n" },
                                                    comment: nil, by: People.agent)
        #expect(next.subject == "Toner low")
        #expect(events == [.change(field: "subject", from: .string("Printer on fire"), to: .string("Toner low"))])
    }

    @Test("Fields that are nil in the patch stay as they are; .some(nil) clears them")
    func nilVersusClear() throws {
        var t = ticket()
        t.groupID = 5
        t.priority = .high
        t.externalID = "EXT-1"
        t.organizationID = 7
        let unchanged = try TicketRules.update(t, with: TicketPatch(), comment: nil, by: People.agent)
        #expect(unchanged.0 == t)
        let (cleared, events) = try TicketRules.update(t, with: patch {
            $0.groupID = .some(nil)
            $0.priority = .some(nil)
            $0.externalID = .some(nil)
            $0.organizationID = .some(nil)
        }, comment: nil, by: People.agent)
        #expect(cleared.groupID == nil)
        #expect(cleared.priority == nil)
        #expect(cleared.externalID == nil)
        #expect(cleared.organizationID == nil)
        #expect(events == [
            .change(field: "priority", from: .string("high"), to: .null),
            .change(field: "group_id", from: .int(5), to: .null),
            .change(field: "organization_id", from: .int(7), to: .null),
            .change(field: "external_id", from: .string("EXT-1"), to: .null),
        ])
    }
}

// MARK: - Tags and collaborators

@Suite("TicketRules.update — tags and collaborators")
struct TicketRulesTagsAndCollaboratorsTests {
    @Test("Replacing tags normalizes them")
    func replaceTags() throws {
        let (next, events) = try TicketRules.update(ticket(tags: ["old"]),
                                                    with: patch { $0.tags = ["VIP  Billing", "vip", "Urgent,billing"] },
                                                    comment: nil, by: People.agent)
        #expect(next.tags == ["vip", "billing", "urgent"])
        #expect(events == [.tagsChange(tags: ["vip", "billing", "urgent"], previous: ["old"])])
    }

    @Test("Additional tags are appended, normalized and deduplicated")
    func additionalTags() throws {
        let (next, events) = try TicketRules.update(ticket(tags: ["vip"]), with: patch { $0.addTags = ["VIP", "Refund Request"] },
                                                    comment: nil, by: People.agent)
        #expect(next.tags == ["vip", "refund", "request"])
        #expect(events == [.tagsChange(tags: ["vip", "refund", "request"], previous: ["vip"])])
    }

    @Test("Removed tags are matched after normalization")
    func removeTags() throws {
        let (next, events) = try TicketRules.update(ticket(tags: ["vip", "billing", "urgent"]),
                                                    with: patch { $0.removeTags = ["URGENT Vip", "absent"] },
                                                    comment: nil, by: People.agent)
        #expect(next.tags == ["billing"])
        #expect(events == [.tagsChange(tags: ["billing"], previous: ["vip", "billing", "urgent"])])
    }

    @Test("Replace, add and remove combine in that order")
    func replaceAddRemove() throws {
        let (next, _) = try TicketRules.update(ticket(tags: ["old"]), with: patch {
            $0.tags = ["a b"]
            $0.addTags = ["c", "A"]
            $0.removeTags = ["b"]
        }, comment: nil, by: People.agent)
        #expect(next.tags == ["a", "c"])
    }

    @Test("Adding a tag the ticket already has, or removing one it lacks, records nothing")
    func noTagChange() throws {
        let t = ticket(tags: ["vip"])
        let added = try TicketRules.update(t, with: patch { $0.addTags = ["VIP"] }, comment: nil, by: People.agent)
        #expect(added.0.tags == ["vip"])
        #expect(added.1.isEmpty)
        let removed = try TicketRules.update(t, with: patch { $0.removeTags = ["other"] }, comment: nil, by: People.agent)
        #expect(removed.1.isEmpty)
    }

    @Test("Adding CCs appends new ones only and records a CollaboratorChange")
    func addCCs() throws {
        let (next, events) = try TicketRules.update(ticket(ccs: [2, 3]), with: patch { $0.addCCIDs = [3, 4, 4] },
                                                    comment: nil, by: People.agent)
        #expect(next.ccIDs == [2, 3, 4])
        #expect(events == [.collaboratorChange(field: "collaborator_ids", ids: [2, 3, 4], previous: [2, 3])])
    }

    @Test("Replacing CCs deduplicates and records a CollaboratorChange")
    func replaceCCs() throws {
        let (next, events) = try TicketRules.update(ticket(ccs: [2, 3]), with: patch { $0.ccIDs = [5, 5, 6] },
                                                    comment: nil, by: People.agent)
        #expect(next.ccIDs == [5, 6])
        #expect(events == [.collaboratorChange(field: "collaborator_ids", ids: [5, 6], previous: [2, 3])])
    }

    @Test("Clearing CCs records a CollaboratorChange")
    func clearCCs() throws {
        let (next, events) = try TicketRules.update(ticket(ccs: [2]), with: patch { $0.ccIDs = [] },
                                                    comment: nil, by: People.agent)
        #expect(next.ccIDs.isEmpty)
        #expect(events == [.collaboratorChange(field: "collaborator_ids", ids: [], previous: [2])])
    }

    @Test("Adding a CC that is already there records nothing")
    func addExistingCC() throws {
        let (_, events) = try TicketRules.update(ticket(ccs: [2]), with: patch { $0.addCCIDs = [2] },
                                                 comment: nil, by: People.agent)
        #expect(events.isEmpty)
    }

    @Test("Changing followers records a CollaboratorChange on follower_ids")
    func followers() throws {
        let (next, events) = try TicketRules.update(ticket(followers: [10]), with: patch { $0.followerIDs = [11, 10, 11] },
                                                    comment: nil, by: People.agent)
        #expect(next.followerIDs == [11, 10])
        #expect(events == [.collaboratorChange(field: "follower_ids", ids: [11, 10], previous: [10])])
    }
}

// MARK: - Audit events

@Suite("TicketRules.update — audit events")
struct TicketRulesAuditTests {
    @Test("No events when nothing changed")
    func noEvents() throws {
        var t = ticket(type: .task, tags: ["vip"], ccs: [2], followers: [10], dueAt: due)
        t.priority = .normal
        t.groupID = 3
        let empty = try TicketRules.update(t, with: TicketPatch(), comment: nil, by: People.agent)
        #expect(empty.0 == t)
        #expect(empty.1.isEmpty)

        // A patch that restates the current values changes nothing either.
        let same = try TicketRules.update(t, with: patch {
            $0.subject = t.subject
            $0.status = t.status
            $0.type = .some(.task)
            $0.priority = .some(.normal)
            $0.requesterID = t.requesterID
            $0.assigneeID = .some(10)
            $0.groupID = .some(3)
            $0.tags = ["VIP"]
            $0.ccIDs = [2]
            $0.followerIDs = [10]
            $0.dueAt = .some(due)
        }, comment: nil, by: People.agent)
        #expect(same.0 == t)
        #expect(same.1.isEmpty)
    }

    @Test("A comment alone records just a Comment event")
    func commentOnly() throws {
        let (next, events) = try TicketRules.update(ticket(), with: TicketPatch(), comment: try reply(by: People.agent),
                                                    by: People.agent)
        #expect(next == ticket())
        #expect(events == [.comment])
        #expect(events.map(\.typeName) == ["Comment"])
    }

    @Test("Comment comes first, then Change events in field order, then TagsChange and CollaboratorChange")
    func fullOrder() throws {
        let current = ticket(status: .open, assignee: 10, type: .question, tags: ["a"], ccs: [2], followers: [10])
        let p = patch {
            $0.followerIDs = [11]
            $0.ccIDs = [3]
            $0.addTags = ["b"]
            $0.dueAt = .some(due)
            $0.externalID = .some("EXT-9")
            $0.organizationID = .some(4)
            $0.groupID = .some(6)
            $0.assigneeID = .some(11)
            $0.requesterID = 2
            $0.priority = .some(.urgent)
            $0.type = .some(.task)
            $0.status = .pending
            $0.subject = "Paper jam"
        }
        let (next, events) = try TicketRules.update(current, with: p, comment: try reply(by: People.agent, isPublic: false),
                                                    by: People.agent)
        #expect(next == TicketSnapshot(externalID: "EXT-9", type: .task, subject: "Paper jam", status: .pending,
                                       priority: .urgent, requesterID: 2, submitterID: 1, assigneeID: 11, groupID: 6,
                                       organizationID: 4, tags: ["a", "b"], ccIDs: [3], followerIDs: [11], dueAt: due))
        #expect(events == [
            .comment,
            .change(field: "subject", from: .string("Printer on fire"), to: .string("Paper jam")),
            .change(field: "status", from: .string("open"), to: .string("pending")),
            .change(field: "type", from: .string("question"), to: .string("task")),
            .change(field: "priority", from: .null, to: .string("urgent")),
            .change(field: "requester_id", from: .int(1), to: .int(2)),
            .change(field: "assignee_id", from: .int(10), to: .int(11)),
            .change(field: "group_id", from: .null, to: .int(6)),
            .change(field: "organization_id", from: .null, to: .int(4)),
            .change(field: "external_id", from: .null, to: .string("EXT-9")),
            .change(field: "due_at", from: .null, to: .string("2026-03-15T12:00:00Z")),
            .tagsChange(tags: ["a", "b"], previous: ["a"]),
            .collaboratorChange(field: "collaborator_ids", ids: [3], previous: [2]),
            .collaboratorChange(field: "follower_ids", ids: [11], previous: [10]),
        ])
        #expect(events.map(\.typeName) == ["Comment"] + Array(repeating: "Change", count: 10)
            + ["TagsChange", "CollaboratorChange", "CollaboratorChange"])
    }

    @Test("A refused update reports every problem at once")
    func allErrorsAtOnce() throws {
        let errors = try #require(refusal { () throws(FieldErrors) in
            try TicketRules.update(ticket(status: .open), with: patch {
                $0.subject = " "
                $0.status = .new
                $0.dueAt = .some(due)
            }, comment: nil, by: People.agent)
        })
        #expect(Set(errors.details.keys) == ["subject", "status", "due_at"])
        #expect(errors.description == [
            "Due at: only tasks have a due date",
            "Status: cannot be set to new once the ticket has an assignee or has been opened",
            "Subject: cannot be blank",
        ].joined(separator: "; "))
    }
}

// MARK: - End-user permissions

@Suite("TicketRules.update — end-users")
struct TicketRulesEndUserTests {
    @Test("End-users may add a public comment to their ticket")
    func publicCommentAllowed() throws {
        let (next, events) = try TicketRules.update(ticket(), with: TicketPatch(),
                                                    comment: try reply("Any news?", by: People.requester),
                                                    by: People.requester)
        #expect(next == ticket())
        #expect(events == [.comment])
    }

    static let patches: [TicketPatch] = [
        patch { $0.subject = "Mine now" },
        patch { $0.status = .pending },
        patch { $0.priority = .some(.urgent) },
        patch { $0.assigneeID = .some(1) },
        patch { $0.addTags = ["vip"] },
        patch { $0.removeTags = ["vip"] },
        patch { $0.addCCIDs = [2] },
        patch { $0.followerIDs = [1] },
        patch { $0.type = .some(.task) },
    ]

    @Test("End-users may not change any field", arguments: patches)
    func patchRefused(p: TicketPatch) throws {
        let errors = try #require(refusal { () throws(FieldErrors) in
            try TicketRules.update(ticket(type: .task, tags: ["vip"]), with: p,
                                   comment: try? reply(by: People.requester), by: People.requester)
        })
        #expect(errors.details["base"] == [.init(error: "PermissionDenied",
                                                 description: "End users may only add public comments to their tickets")])
    }

    @Test("End-users may not add internal notes")
    func internalNoteRefused() throws {
        let errors = try #require(refusal { () throws(FieldErrors) in
            try TicketRules.update(ticket(), with: TicketPatch(), comment: try reply(by: People.requester, isPublic: false),
                                   by: People.requester)
        })
        #expect(errors.details == ["comment": [.init(error: "PermissionDenied",
                                                      description: "End users cannot add internal notes")]])
    }

    @Test("Agents may add internal notes")
    func agentsAddNotes() throws {
        let (_, events) = try TicketRules.update(ticket(), with: TicketPatch(),
                                                 comment: try reply(by: People.agent, isPublic: false), by: People.agent)
        #expect(events == [.comment])
    }
}

// MARK: - Create

@Suite("TicketRules.create")
struct TicketRulesCreateTests {
    private func fields(subject: String = "Printer on fire", type: TicketType? = nil, assignee: Int? = nil,
                        group: Int? = nil, tags: [String] = [], ccs: [Int] = [], followers: [Int] = [],
                        dueAt: Date? = nil) -> TicketSnapshot {
        TicketSnapshot(type: type, subject: subject, requesterID: 1, submitterID: 1, assigneeID: assignee,
                       groupID: group, tags: tags, ccIDs: ccs, followerIDs: followers, dueAt: dueAt)
    }

    @Test("A plain new ticket records Comment, then Create for subject, status and requester")
    func minimal() throws {
        let (t, events) = try TicketRules.create(fields(), status: nil, comment: try reply("It smokes", by: People.requester),
                                                 by: People.requester)
        #expect(t.status == .new)
        #expect(t.subject == "Printer on fire")
        #expect(events == [
            .comment,
            .create(field: "subject", value: .string("Printer on fire")),
            .create(field: "status", value: .string("new")),
            .create(field: "requester_id", value: .int(1)),
        ])
    }

    @Test("Every field set on create has a Create event, in field order")
    func allFields() throws {
        var f = fields(subject: "  Paper jam  ", type: .task, assignee: 11, group: 6, tags: ["B a", "b"],
                       ccs: [2, 3, 2], followers: [10, 10], dueAt: due)
        f.priority = .high
        f.organizationID = 4
        f.externalID = "EXT-1"
        let (t, events) = try TicketRules.create(f, status: .pending, comment: try reply(by: People.agent), by: People.agent)
        #expect(t == TicketSnapshot(externalID: "EXT-1", type: .task, subject: "Paper jam", status: .pending,
                                    priority: .high, requesterID: 1, submitterID: 1, assigneeID: 11, groupID: 6,
                                    organizationID: 4, tags: ["b", "a"], ccIDs: [2, 3], followerIDs: [10], dueAt: due))
        #expect(events == [
            .comment,
            .create(field: "subject", value: .string("Paper jam")),
            .create(field: "status", value: .string("pending")),
            .create(field: "type", value: .string("task")),
            .create(field: "priority", value: .string("high")),
            .create(field: "requester_id", value: .int(1)),
            .create(field: "assignee_id", value: .int(11)),
            .create(field: "group_id", value: .int(6)),
            .create(field: "organization_id", value: .int(4)),
            .create(field: "external_id", value: .string("EXT-1")),
            .create(field: "due_at", value: .string("2026-03-15T12:00:00Z")),
            .create(field: "tags", value: .strings(["b", "a"])),
            .collaboratorChange(field: "collaborator_ids", ids: [2, 3], previous: []),
            .collaboratorChange(field: "follower_ids", ids: [10], previous: []),
        ])
        #expect(events.map(\.typeName) == ["Comment"] + Array(repeating: "Create", count: 11)
            + ["CollaboratorChange", "CollaboratorChange"])
    }

    @Test("A new ticket with an assignee starts open")
    func assignedStartsOpen() throws {
        let (t, events) = try TicketRules.create(fields(assignee: 10), status: nil, comment: try reply(by: People.agent),
                                                 by: People.agent)
        #expect(t.status == .open)
        #expect(events.contains(.create(field: "status", value: .string("open"))))
        let explicit = try TicketRules.create(fields(assignee: 10), status: .new, comment: try reply(by: People.agent),
                                              by: People.agent)
        #expect(explicit.0.status == .open)
    }

    @Test("A new ticket cannot be created closed")
    func cannotCreateClosed() throws {
        let errors = try #require(refusal { () throws(FieldErrors) in
            try TicketRules.create(fields(assignee: 10), status: .closed, comment: try reply(by: People.agent), by: People.agent)
        })
        #expect(errors.details == ["status": [.init(error: "InvalidValue", description: "Status: a new ticket cannot be closed")]])
    }

    @Test("Creating a solved ticket without assignee assigns the agent; an end-user cannot")
    func createSolved() throws {
        let (t, events) = try TicketRules.create(fields(), status: .solved, comment: try reply(by: People.agent),
                                                 by: People.agent)
        #expect(t.status == .solved)
        #expect(t.assigneeID == 10)
        #expect(events.contains(.create(field: "assignee_id", value: .int(10))))

        let errors = try #require(refusal { () throws(FieldErrors) in
            try TicketRules.create(fields(), status: .solved, comment: try reply(by: People.requester), by: People.requester)
        })
        #expect(errors.details == ["status": [.init(error: "PermissionDenied",
                                                     description: "End users cannot set the status of a new ticket")]])
    }

    @Test("due_at only for tasks on create")
    func dueAtOnCreate() throws {
        let errors = try #require(refusal { () throws(FieldErrors) in
            try TicketRules.create(fields(type: .incident, dueAt: due), status: nil, comment: try reply(by: People.agent),
                                   by: People.agent)
        })
        #expect(errors.details == ["due_at": [.init(error: "InvalidValue", description: "Due at: only tasks have a due date")]])
        let (t, _) = try TicketRules.create(fields(type: .task, dueAt: due), status: nil,
                                            comment: try reply(by: People.agent), by: People.agent)
        #expect(t.dueAt == due)
    }

    @Test("End-users cannot set assignee, group or followers, nor add an internal note")
    func endUserCreate() throws {
        let (t, events) = try TicketRules.create(fields(assignee: 10, group: 6, ccs: [2], followers: [10]), status: nil,
                                                 comment: try reply(by: People.requester), by: People.requester)
        #expect(t.assigneeID == nil)
        #expect(t.groupID == nil)
        #expect(t.followerIDs.isEmpty)
        #expect(t.ccIDs == [2])
        #expect(t.status == .new)
        #expect(events == [
            .comment,
            .create(field: "subject", value: .string("Printer on fire")),
            .create(field: "status", value: .string("new")),
            .create(field: "requester_id", value: .int(1)),
            .collaboratorChange(field: "collaborator_ids", ids: [2], previous: []),
        ])

        let errors = try #require(refusal { () throws(FieldErrors) in
            try TicketRules.create(fields(), status: nil, comment: try reply(by: People.requester, isPublic: false),
                                   by: People.requester)
        })
        #expect(errors.details == ["comment": [.init(error: "PermissionDenied",
                                                      description: "End users cannot add internal notes")]])
    }

    @Test("End-users open untagged new tickets: tags are dropped and a status is refused")
    func endUserCreateHasNoTagsOrStatus() throws {
        let (t, events) = try TicketRules.create(fields(tags: ["vip", "refund"]), status: nil,
                                                 comment: try reply(by: People.requester), by: People.requester)
        #expect(t.tags.isEmpty)
        #expect(!events.contains { if case .create(field: "tags", _) = $0 { true } else { false } })
        let errors = try #require(refusal { () throws(FieldErrors) in
            try TicketRules.create(fields(), status: .solved, comment: try reply(by: People.requester), by: People.requester)
        })
        #expect(errors.details["status"]?.first?.error == "PermissionDenied")
        // Staff keep both.
        let (staff, _) = try TicketRules.create(fields(tags: ["vip"]), status: .pending,
                                                comment: try reply(by: People.agent), by: People.agent)
        #expect(staff.tags == ["vip"])
        #expect(staff.status == .pending)
    }

    @Test("A missing subject is taken from the first line of the description", arguments: ["", "   "])
    func subjectFromFirstLine(subject: String) throws {
        let comment = try reply("My printer is on fire\nIt started this morning.\nPlease help", by: People.requester)
        let (t, events) = try TicketRules.create(fields(subject: subject), status: nil, comment: comment, by: People.requester)
        #expect(t.subject == "My printer is on fire")
        #expect(events.contains(.create(field: "subject", value: .string("My printer is on fire"))))
    }

    @Test("A subject taken from the description is at most 150 characters")
    func subjectFromLongLine() throws {
        let line = String(repeating: "x", count: 200)
        let (t, _) = try TicketRules.create(fields(subject: ""), status: nil, comment: try reply(line, by: People.requester),
                                            by: People.requester)
        #expect(t.subject == String(repeating: "x", count: 150))
    }

    @Test("A subject taken from a CRLF description (as email sends it) is its first line")
    func subjectFromCRLFDescription() throws {
        let comment = try reply("My printer is on fire\r\nIt started this morning.", by: People.requester)
        do {
            let (t, _) = try TicketRules.create(fields(subject: ""), status: nil, comment: comment, by: People.requester)
            #expect(t.subject == "My printer is on fire")
        }
    }

    @Test("A subject taken from the description has no surrounding whitespace")
    func subjectFromDescriptionIsTrimmed() throws {
        let comment = try reply("My printer is on fire   \nIt started this morning.", by: People.requester)
        do {
            let (t, _) = try TicketRules.create(fields(subject: ""), status: nil, comment: comment, by: People.requester)
            #expect(t.subject == "My printer is on fire")
        }
    }
}

// MARK: - FieldErrors

@Suite("FieldErrors")
struct FieldErrorsTests {
    @Test("Details are grouped per field in the order added; description is sorted by field")
    func shape() {
        var errors = FieldErrors()
        #expect(errors.isEmpty)
        errors.add("subject", error: "BlankValue", "Subject: cannot be blank")
        errors.add("status", error: "InvalidValue", "Status: bad")
        errors.add("subject", error: "TooLong", "Subject: too long")
        #expect(!errors.isEmpty)
        #expect(errors.details == [
            "subject": [.init(error: "BlankValue", description: "Subject: cannot be blank"),
                        .init(error: "TooLong", description: "Subject: too long")],
            "status": [.init(error: "InvalidValue", description: "Status: bad")],
        ])
        #expect(errors.description == "Status: bad; Subject: cannot be blank; Subject: too long")
    }

    @Test("Merging appends per field; throwIfAny throws only when there are errors")
    func mergeAndThrow() throws {
        var a = FieldErrors(field: "status", error: "InvalidValue", "one")
        a.merge(FieldErrors(field: "status", error: "InvalidValue", "two"))
        a.merge(FieldErrors(field: "base", error: "PermissionDenied", "three"))
        #expect(a.details["status"]?.map(\.description) == ["one", "two"])
        #expect(a.details["base"]?.map(\.error) == ["PermissionDenied"])
        #expect(throws: a) { try a.throwIfAny() }
        #expect(throws: Never.self) { try FieldErrors().throwIfAny() }
    }
}
