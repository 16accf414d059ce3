import Testing
@testable import CasebookServer

@Suite("JSON parsing and writing")
struct JSONParserTests {
    @Test func parsesEveryKindOfValue() throws {
        let value = try JSONValue.parse(Array(#" {"a": 1, "b": -2.5e1, "c": [true, false, null], "d": {"e": "x"}, "f": 0} "#.utf8))
        #expect(value["a"] == .int(1))
        #expect(value["b"] == .double(-25))
        #expect(value["c"] == [true, false, nil])
        #expect(value["d"]?["e"] == "x")
        #expect(value["f"] == .int(0))
        #expect(value.objectValue?.keys == ["a", "b", "c", "d", "f"])   // order kept
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        let value = try JSONValue.parse(Array(#"["a\"b\\c\/d\n\t", "\u00e9\u20ac", "\ud83d\ude00"]"#.utf8))
        #expect(value == ["a\"b\\c/d\n\t", "é€", "😀"])
    }

    @Test("refuses what RFC 8259 refuses", arguments: [
        "", "{", "[1,]", "{\"a\":1,}", "01", "1.", "-", "+1", "'x'", "\"\\x\"", "\"\\ud83d\"", "\"a\u{01}b\"",
        "nul", "[1] 2", "{\"a\" 1}", "{1: 2}", "\"unterminated",
    ])
    func refusesInvalidJSON(text: String) {
        #expect(throws: (any Error).self) { try JSONValue.parse(Array(text.utf8)) }
    }

    @Test func limitsNesting() {
        let deep = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
        #expect(throws: (any Error).self) { try JSONValue.parse(Array(deep.utf8)) }
        let fine = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect((try? JSONValue.parse(Array(fine.utf8))) != nil)
    }

    @Test func writingThenParsingGivesTheSameValue() throws {
        let value: JSONValue = ["s": "<script>\"quoted\"\n\u{2028}é😀", "n": -7, "d": .double(1.5), "a": [nil, true], "o": ["k": "v"]]
        let text = value.text
        #expect(!text.contains("<"))   // safe to embed in HTML
        #expect(try JSONValue.parse(Array(text.utf8)) == value)
    }
}
