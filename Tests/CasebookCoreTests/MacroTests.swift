import Foundation
import Testing
@testable import CasebookCore

@Suite("MacroActions")
struct MacroActionsTests {
    @Test("A macro that does one thing is valid", arguments: [
        MacroActions(comment: "Thanks {{ticket.requester.first_name}}!"),
        MacroActions(comment: "Checked the logs", commentPublic: false),
        MacroActions(status: "pending"),
        MacroActions(priority: "urgent"),
        MacroActions(type: "incident"),
        MacroActions(groupID: 12),
        MacroActions(addTags: ["vip"]),
        MacroActions(removeTags: ["vip"]),
    ])
    func valid(actions: MacroActions) {
        #expect(actions.problems() == [])
    }

    @Test("Every status a macro may set, and every priority and type, is accepted")
    func allKnownNames() {
        for status in ["open", "pending", "hold", "solved"] { #expect(MacroActions(status: status).problems() == []) }
        for priority in TicketPriority.allCases { #expect(MacroActions(priority: priority.rawValue).problems() == []) }
        for type in TicketType.allCases { #expect(MacroActions(type: type.rawValue).problems() == []) }
    }

    @Test("An empty macro is refused, and blank text or tags do not count")
    func empty() {
        let refusal = ["A macro must add a comment, set a field or change tags"]
        #expect(MacroActions().problems() == refusal)
        #expect(MacroActions(comment: "  \n ", commentPublic: false).problems() == refusal)
        #expect(MacroActions(addTags: ["", " "], removeTags: [","]).problems() == refusal)
    }

    @Test("Unknown names are refused, naming the value and the choices")
    func unknownNames() {
        #expect(MacroActions(status: "done").problems() == ["Unknown status 'done' (use open, pending, hold, solved)"])
        #expect(MacroActions(status: "Solved").problems() == ["Unknown status 'Solved' (use open, pending, hold, solved)"])
        #expect(MacroActions(priority: "critical").problems()
            == ["Unknown priority 'critical' (use low, normal, high, urgent)"])
        #expect(MacroActions(type: "bug").problems() == ["Unknown type 'bug' (use question, incident, problem, task)"])
        #expect(MacroActions(type: "").problems() == ["Unknown type '' (use question, incident, problem, task)"])
    }

    @Test("A macro cannot make a ticket new or close it", arguments: ["new", "closed"])
    func unsettableStatus(status: String) {
        #expect(MacroActions(status: status).problems() == ["A macro cannot set the status to \(status)"])
    }

    @Test("A group id must be positive", arguments: [0, -3])
    func badGroup(id: Int) {
        #expect(MacroActions(groupID: id).problems() == ["Unknown group \(id)"])
    }

    @Test("A tag may not be both added and removed")
    func contradictoryTags() {
        #expect(MacroActions(addTags: ["VIP", "refund"], removeTags: ["vip"]).problems()
            == ["Tag 'vip' is both added and removed"])
    }

    @Test("All problems are listed together")
    func several() {
        #expect(MacroActions(status: "x", priority: "y", type: "z").problems().count == 3)
    }

    @Test("Tags: added at the end, removed, lowercased, without duplicates, order kept")
    func tags() {
        let actions = MacroActions(addTags: ["Refund", "vip", "billing"], removeTags: ["Urgent-Call"])
        #expect(actions.tags(applyingTo: ["vip", "urgent-call", "printer"]) == ["vip", "printer", "refund", "billing"])
        #expect(MacroActions(addTags: ["a b", "c,d"]).tags(applyingTo: []) == ["a", "b", "c", "d"])
        #expect(MacroActions(removeTags: ["gone"]).tags(applyingTo: ["Kept", "kept", "GONE"]) == ["kept"])
        #expect(MacroActions().tags(applyingTo: []) == [])
    }

    @Test("Removing wins over adding, as in a ticket update")
    func removeWins() {
        #expect(MacroActions(addTags: ["vip"], removeTags: ["VIP"]).tags(applyingTo: ["a"]) == ["a"])
    }

    @Test("Round-trips through JSON")
    func roundTrip() throws {
        let actions = MacroActions(comment: "Hi {{ticket.requester.first_name}}", commentPublic: false, status: "solved",
                                   priority: "high", type: "task", groupID: 4, addTags: ["a"], removeTags: ["b"])
        let decoded = try JSONDecoder().decode(MacroActions.self, from: JSONEncoder().encode(actions))
        #expect(decoded == actions)
    }

    @Test("Missing keys take the defaults")
    func decodesPartial() throws {
        let decoded = try JSONDecoder().decode(MacroActions.self, from: Data(#"{"status":"pending"}"#.utf8))
        #expect(decoded == MacroActions(status: "pending"))
        #expect(decoded.commentPublic)
        #expect(try JSONDecoder().decode(MacroActions.self, from: Data("{}".utf8)) == MacroActions())
    }
}

@Suite("Placeholders")
struct PlaceholdersTests {
    static let values = [
        "ticket.id": "42", "ticket.requester.first_name": "Rex", "current_user.name": "Ann Agent",
    ]

    func render(_ template: String) -> String { Placeholders.render(template, values: Self.values) }

    @Test("Replaces placeholders, with or without spaces inside the braces")
    func replaces() {
        #expect(render("Hi {{ticket.requester.first_name}}, about #{{ ticket.id }}.") == "Hi Rex, about #42.")
        #expect(render("{{\tticket.id  }}{{ticket.id}}") == "4242")
        #expect(render("— {{current_user.name}}") == "— Ann Agent")
    }

    @Test("A known name without a value becomes empty")
    func knownWithoutValue() {
        #expect(render("Group: [{{ticket.group.name}}]") == "Group: []")
    }

    @Test("An unknown name is left exactly as written", arguments: [
        "{{ticket.colour}}", "{{ ticket.colour }}", "{{Ticket.ID}}", "{{ticket.requester.phone}}",
    ])
    func unknownKept(placeholder: String) {
        #expect(render("x \(placeholder) y") == "x \(placeholder) y")
    }

    @Test("A value given for a name outside the list is still used")
    func extraValue() {
        #expect(Placeholders.render("{{ticket.brand}}", values: ["ticket.brand": "Acme"]) == "Acme")
    }

    @Test("Text that is not a placeholder is untouched", arguments: [
        "", "no braces", "{{", "}}", "{{ticket.id", "ticket.id}}", "{ticket.id}", "{{}}", "{{ }}",
        #"{{"json": 1}}"#, "{{ ticket id }}", "a {{ b", "🐈 {{", "{{🐈}}",
    ])
    func untouched(text: String) {
        #expect(render(text) == text)
    }

    @Test("Odd braces around a placeholder: the innermost pair is the placeholder")
    func oddBraces() {
        #expect(render("{{{ticket.id}}}") == "{42}")
        #expect(render("{{ {{ticket.id}}") == "{{ 42")
        #expect(render("{{not valid}} {{ticket.id}}") == "{{not valid}} 42")
        #expect(render("#{{ticket.id}} and {{ unclosed") == "#42 and {{ unclosed")
    }

    @Test("Values are not rendered again")
    func noReinjection() {
        let values = ["ticket.requester.name": "{{current_user.email}}", "current_user.email": "ann@desk.example"]
        #expect(Placeholders.render("{{ticket.requester.name}}", values: values) == "{{current_user.email}}")
    }

    @Test("Every supported name renders its value")
    func everySupported() {
        #expect(Placeholders.supported.count == 13)
        #expect(Set(Placeholders.supported).count == Placeholders.supported.count)
        for name in Placeholders.supported {
            #expect(Placeholders.render("<{{\(name)}}>", values: [name: "v"]) == "<v>")
            #expect(Placeholders.isName(name))
        }
    }

    @Test("First name", arguments: [
        ("Rex Trantor", "Rex"), ("  Rex  ", "Rex"), ("", ""), ("   ", ""), ("Rex", "Rex"),
        ("Jean-Luc Picard", "Jean-Luc"), ("Ann\tMarie Agent", "Ann"),
    ])
    func firstName(full: String, first: String) {
        #expect(Placeholders.firstName(of: full) == first)
    }
}
