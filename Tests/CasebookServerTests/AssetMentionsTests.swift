import Foundation
import Testing
@testable import CasebookServer

/// The serial-number candidates of a new ticket's text: the one-pass scanner gives what the plain Foundation
/// definition gives (split on everything but `CharacterSet.alphanumerics` and `-./_`, trim those marks, 5–64
/// characters with a digit, each once, at most 50), on hand-picked and on random text.
@Suite("Asset mentions")
struct AssetMentionsTests {
    static func reference(_ text: String) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-./_"))
        for raw in text.components(separatedBy: allowed.inverted) {
            let word = raw.trimmingCharacters(in: CharacterSet(charactersIn: "-./_"))
            guard (5...64).contains(word.count), word.contains(where: \.isNumber), seen.insert(word).inserted else { continue }
            out.append(word)
            if out.count == 50 { break }
        }
        return out
    }

    @Test func findsSerialsLikeTheFoundationDefinition() {
        let text = "Switch MS24-00417 drops ports; see /MS24-00417/ and ..SN_99812.. (Störung 12345ü), x1234, ０１２３４５ and ab-12"
        #expect(AssetMentions.candidates(text) == ["MS24-00417", "SN_99812", "12345ü", "x1234", "０１２３４５", "ab-12"], "\(AssetMentions.candidates(text))")
        #expect(AssetMentions.candidates(text) == Self.reference(text))
        let many = (0..<80).map { "SER\($0)X1" }.joined(separator: " ")
        #expect(AssetMentions.candidates(many).count == 50 && AssetMentions.candidates(many) == Self.reference(many))
    }

    @Test func agreesWithTheFoundationDefinitionOnRandomText() {
        let pieces = ["a", "Z", "7", "٣", "-", ".", "/", "_", " ", "\n", ",", "é", "e\u{301}", "ß", "日本", "🙂", "\u{200B}", "#", "Ⅻ", "½"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0..<120, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(AssetMentions.candidates(text) == Self.reference(text), "\(text.debugDescription)")
        }
    }
}
