import CasebookCore
import Testing

@Suite("Follow-up rules")
struct FollowUpRulesTests {
    static let minute: Int64 = 60_000
    static let due: Int64 = 1_000 * minute
    let schedule = FollowUpSchedule()

    @Test("nothing before the reminder time")
    func quietBeforeReminder() {
        #expect(schedule.next(status: .open, dueAt: Self.due, now: Self.due - 31 * Self.minute, sent: .init()).isEmpty)
    }

    @Test("a reminder 30 minutes before, once")
    func reminderBefore() {
        let now = Self.due - 29 * Self.minute
        #expect(schedule.next(status: .open, dueAt: Self.due, now: now, sent: .init()) == [.reminder])
        #expect(schedule.next(status: .open, dueAt: Self.due, now: now, sent: .init(remindedAt: now)).isEmpty)
    }

    @Test("a second notice at the due time")
    func atDue() {
        let sent = FollowUpSchedule.Sent(remindedAt: Self.due - 30 * Self.minute)
        #expect(schedule.next(status: .open, dueAt: Self.due, now: Self.due, sent: sent) == [.due])
        #expect(schedule.next(status: .open, dueAt: Self.due, now: Self.due + 14 * Self.minute,
                              sent: .init(remindedAt: 1, dueNotifiedAt: Self.due)).isEmpty, "inside the grace period")
    }

    @Test("escalation to the assigner once missed by the grace period, once")
    func escalation() {
        let sent = FollowUpSchedule.Sent(remindedAt: 1, dueNotifiedAt: Self.due)
        let now = Self.due + 15 * Self.minute
        #expect(schedule.next(status: .open, dueAt: Self.due, now: now, sent: sent) == [.escalation])
        var after = sent
        after.escalatedAt = now
        #expect(schedule.next(status: .open, dueAt: Self.due, now: now + 60 * Self.minute, sent: after).isEmpty)
        #expect(schedule.nextAt(status: .open, dueAt: Self.due, sent: after) == nil)
    }

    @Test("a job that ran late skips the stale reminder but still tells the owner and the assigner")
    func lateRun() {
        #expect(schedule.next(status: .open, dueAt: Self.due, now: Self.due + 20 * Self.minute, sent: .init()) == [.due, .escalation])
    }

    @Test("a closed follow-up sends nothing", arguments: [FollowUpStatus.done, .cancelled])
    func closedIsQuiet(status: FollowUpStatus) {
        #expect(schedule.next(status: status, dueAt: Self.due, now: Self.due + 100 * Self.minute, sent: .init()).isEmpty)
        #expect(schedule.nextAt(status: status, dueAt: Self.due, sent: .init()) == nil)
    }

    @Test("custom lead and grace times")
    func customTimes() {
        let s = FollowUpSchedule(remindBeforeMinutes: 10, graceMinutes: 5)
        #expect(s.next(status: .open, dueAt: Self.due, now: Self.due - 11 * Self.minute, sent: .init()).isEmpty)
        #expect(s.next(status: .open, dueAt: Self.due, now: Self.due - 10 * Self.minute, sent: .init()) == [.reminder])
        #expect(s.nextAt(status: .open, dueAt: Self.due, sent: .init(remindedAt: 1, dueNotifiedAt: 2)) == Self.due + 5 * Self.minute)
    }

    @Test("a new follow-up needs a title, a future due time and a staff owner")
    func validation() {
        #expect(throws: Never.self) { try FollowUpRules.validate(title: "call the customer back", dueAt: 2, now: 1, ownerRole: .agent) }
        func fields(_ body: () throws -> Void) -> Set<String> {
            do { try body(); return [] } catch let error as FieldErrors { return Set(error.details.keys) } catch { return ["?"] }
        }
        #expect(fields { try FollowUpRules.validate(title: "  ", dueAt: 2, now: 1, ownerRole: .agent) } == ["title"])
        #expect(fields { try FollowUpRules.validate(title: String(repeating: "x", count: 201), dueAt: 2, now: 1, ownerRole: .lead) } == ["title"])
        #expect(fields { try FollowUpRules.validate(title: "t", dueAt: 1, now: 1, ownerRole: .agent) } == ["due_at"])
        #expect(fields { try FollowUpRules.validate(title: "t", dueAt: nil, now: 1, ownerRole: .agent) } == ["due_at"])
        #expect(fields { try FollowUpRules.validate(title: "t", dueAt: 2, now: 1, ownerRole: .endUser) } == ["owner_id"])
        #expect(fields { try FollowUpRules.validate(title: "t", dueAt: 2, now: 1, ownerRole: nil) } == ["owner_id"])
        #expect(fields { try FollowUpRules.validate(title: "t", dueAt: 2, now: 1, ownerRole: .agent, ownerActive: false) } == ["owner_id"])
    }

    @Test("the owner, the assigner or a lead and above may close one")
    func whoMayClose() {
        #expect(FollowUpRules.mayClose(actor: Actor(id: 5, role: .agent), ownerID: 5, assignedByID: 9))
        #expect(FollowUpRules.mayClose(actor: Actor(id: 9, role: .agent), ownerID: 5, assignedByID: 9))
        #expect(FollowUpRules.mayClose(actor: Actor(id: 7, role: .lead), ownerID: 5, assignedByID: 9))
        #expect(!FollowUpRules.mayClose(actor: Actor(id: 7, role: .agent), ownerID: 5, assignedByID: 9))
    }

    @Test("a remote session's link comes from the configured template")
    func remoteLink() {
        #expect(RemoteSessionRules.link(template: "https://remote.example/join/{code}", code: "482-113") == "https://remote.example/join/482-113")
        #expect(RemoteSessionRules.link(template: "https://remote.example/join/{code}", code: "a b&c") == "https://remote.example/join/a%20b%26c")
        #expect(RemoteSessionRules.link(template: nil, code: "1") == nil)
    }

    @Test("a remote session needs its code and cannot end before it started")
    func remoteValidation() {
        #expect(throws: Never.self) { try RemoteSessionRules.validate(code: "1", startedAt: 1, endedAt: 1) }
        #expect(throws: FieldErrors.self) { try RemoteSessionRules.validate(code: "", startedAt: 1, endedAt: 2) }
        #expect(throws: FieldErrors.self) { try RemoteSessionRules.validate(code: "1", startedAt: 2, endedAt: 1) }
    }
}
