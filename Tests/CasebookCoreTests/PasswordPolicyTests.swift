import Testing
@testable import CasebookCore

@Suite("PasswordPolicy.problems")
struct PasswordPolicyTests {
    func problems(_ password: String, email: String? = nil, name: String? = nil) -> [String] {
        PasswordPolicy.problems(password, email: email, name: name)
    }

    @Test("A long, varied password with nothing personal in it is accepted", arguments: [
        "correct horse battery", "Tr0ub4dor&3x", "pink-units-in-crate-7", "ça-déménage-vite",
    ])
    func accepted(password: String) {
        #expect(problems(password, email: "rex@example.com", name: "Rex Trantor") == [])
    }

    @Test("Length is counted in characters: 9 is refused, 10 is accepted")
    func lengthBoundary() {
        #expect(problems("abcde1234") == ["Use at least 10 characters"])
        #expect(problems("abcde12345") == [])
        // "é" written as e + combining accent is one character, two scalars.
        let accented = String(repeating: "e\u{301}", count: 4) + "abcde"
        #expect(accented.count == 9)
        #expect(accented.unicodeScalars.count == 13)
        #expect(problems(accented) == ["Use at least 10 characters"])
        #expect(problems("🐈🐕🐇🐢🦜🐈🐕🐇🐢🦜") == [])
    }

    @Test("At most 200 characters")
    func maximum() {
        let base = "abcdefghij"
        #expect(problems(String(repeating: base, count: 20)) == [])
        #expect(problems(String(repeating: base, count: 20) + "k") == ["Use at most 200 characters"])
    }

    @Test("At least 5 different characters", arguments: ["aaaaaaaaaa", "ababababab", "abcdabcdabcd", "1111111111112"])
    func tooFewDistinct(password: String) {
        #expect(problems(password) == ["Use at least 5 different characters"])
    }

    @Test("Five different characters are enough")
    func fiveDistinct() {
        #expect(problems("abcdeabcde") == [])
    }

    @Test("Every problem is reported at once")
    func allAtOnce() {
        #expect(problems("") == ["Use at least 10 characters", "Use at least 5 different characters"])
        #expect(problems("aaaa") == ["Use at least 10 characters", "Use at least 5 different characters"])
    }

    @Test("Common passwords are refused, whatever their case", arguments: [
        "password123", "PASSWORD123", "Qwertyuiop", "1234567890", "letmein123", "casebook123", "LetMeIn123",
    ])
    func common(password: String) {
        #expect(problems(password) == ["This password is too common"])
    }

    @Test("The common list holds about fifty lowercase entries, none already refused for length")
    func commonList() {
        #expect(PasswordPolicy.common.count >= 50)
        #expect(PasswordPolicy.common.allSatisfy { $0 == $0.lowercased() && $0.count >= PasswordPolicy.minimumLength })
    }

    @Test("A common password with something added is no longer on the list")
    func commonIsExactMatch() {
        #expect(problems("password123 pink") == [])
    }

    @Test("The email's local part may not appear, case-insensitively")
    func emailLocalPart() {
        let refusal = ["Do not use your email address in the password"]
        #expect(problems("xx-JaneDoe-42", email: "janedoe@example.com") == refusal)
        #expect(problems("my janedoe@example.com pw", email: " JaneDoe@Example.com ") == refusal)
        #expect(problems("xx-example-42", email: "janedoe@example.com") == [])
    }

    @Test("A local part shorter than four characters is ignored; four is enough")
    func shortLocalPart() {
        #expect(problems("rex-is-great", email: "rex@example.com") == [])
        #expect(problems("rexy-is-great", email: "rexy@example.com") == ["Do not use your email address in the password"])
    }

    @Test("No email, or an empty one, refuses nothing")
    func noEmail() {
        #expect(problems("anything-goes-7", email: nil) == [])
        #expect(problems("anything-goes-7", email: "") == [])
        #expect(problems("anything-goes-7", email: "@example.com") == [])
    }

    @Test("No name word of four or more characters may appear, case-insensitively")
    func nameWords() {
        let refusal = ["Do not use your name in the password"]
        #expect(problems("i-am-TRANTOR-99", name: "Rex Trantor") == refusal)
        #expect(problems("rex-rex-rex-99", name: "Rex Trantor") == [])
        #expect(problems("luc-goes-to-mars", name: "Jean-Luc Picard") == [])
        #expect(problems("jean-goes-to-mars", name: "Jean-Luc Picard") == refusal)
        #expect(problems("brien-goes-home", name: "Pat O'Brien") == refusal)
        #expect(problems("trantor-and-rexy", name: "  Rexy   Trantor ") == refusal)
    }

    @Test("Email and name are reported separately, alongside other problems")
    func personalAndOther() {
        #expect(problems("janedoe", email: "janedoe@example.com", name: "Jane Doe") == [
            "Use at least 10 characters",
            "Do not use your email address in the password",
            "Do not use your name in the password",
        ])
    }
}
