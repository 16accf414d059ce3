import Testing
@testable import CasebookCore

@Suite("Conduct policy")
struct ConductPolicyTests {
    @Test("an outcome needs a label and one of the actions")
    func outcomeNeedsLabelAndAction() {
        #expect(throws: FieldErrors.self) { try ConductOutcomeDraft(label: "  ", action: .exclusion, description: "").validate() }
        #expect(throws: FieldErrors.self) { try ConductOutcomeDraft(label: "Keep away", action: nil, description: "").validate() }
        #expect(throws: FieldErrors.self) {
            try ConductOutcomeDraft(label: String(repeating: "x", count: 101), action: .warningSent, description: "").validate()
        }
        #expect(throws: Never.self) { try ConductOutcomeDraft(label: " Keep away ", action: .exclusion, description: "").validate() }
        #expect(ConductOutcomeDraft(label: " Keep away ", action: .exclusion, description: " d ").label == "Keep away")
    }

    @Test("without evidence the note says what happened")
    func evidenceOrNote() {
        do throws(FieldErrors) {
            try ConductFlag.validate(kind: .threat, hasEvidence: false, note: " ", hasOutcome: true)
            Issue.record("a flag without evidence or note was accepted")
        } catch {
            #expect(error.details.keys.sorted() == ["comment_id"])
        }
        #expect(throws: Never.self) { try ConductFlag.validate(kind: .insult, hasEvidence: false, note: "He swore at me on the phone", hasOutcome: true) }
        #expect(throws: Never.self) { try ConductFlag.validate(kind: .harassment, hasEvidence: true, note: "", hasOutcome: true) }
    }

    @Test("every missing part is named at once")
    func everyProblemNamed() {
        do throws(FieldErrors) {
            try ConductFlag.validate(kind: nil, hasEvidence: false, note: "", hasOutcome: false)
        } catch {
            #expect(error.details.keys.sorted() == ["comment_id", "kind", "outcome_id"])
        }
    }

    @Test("the group's leads hear of it; with none, every lead; never the flagger")
    func audience() {
        #expect(ConductAudience.leads(groupLeads: [7, 8, 7], allLeads: [7, 8, 9], flaggedBy: 1) == [7, 8])
        #expect(ConductAudience.leads(groupLeads: [], allLeads: [7, 9], flaggedBy: 1) == [7, 9])
        #expect(ConductAudience.leads(groupLeads: [7], allLeads: [7, 9], flaggedBy: 7) == [9], "a lead who flags tells the other leads")
    }

    @Test("the flagger, the assignee or a lead may hand the ticket over")
    func handover() {
        #expect(ConductHandover.allowed(actor: Actor(id: 3, role: .agent), flaggedByID: 3, assigneeID: 4))
        #expect(ConductHandover.allowed(actor: Actor(id: 4, role: .agent), flaggedByID: 3, assigneeID: 4))
        #expect(!ConductHandover.allowed(actor: Actor(id: 5, role: .agent), flaggedByID: 3, assigneeID: 4))
        #expect(ConductHandover.allowed(actor: Actor(id: 5, role: .lead), flaggedByID: 3, assigneeID: 4))
        #expect(!ConductHandover.allowed(actor: Actor(id: 3, role: .endUser), flaggedByID: 3, assigneeID: 3))
    }
}
