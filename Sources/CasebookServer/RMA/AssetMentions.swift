import CasebookCore
import Foundation
import SQLKit

/// Links a new ticket to the assets whose serial numbers it mentions ("MS24-00417 drops all ports"): words of 5 to
/// 64 letters, digits, dashes, dots or slashes with at least one digit are looked up in one query.
enum AssetMentions {
    static func candidates(_ text: String) -> [String] {
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

    static func link(ticketID: Int, subject: String, body: String, at: Int64, db: any SQLDatabase) async throws {
        let words = candidates(subject + "\n" + String(body.prefix(4_000)))
        guard !words.isEmpty else { return }
        let store = AssetStore(db: db)
        for asset in try await store.find(serials: words) {
            try await store.link(ticketID: ticketID, assetID: asset.id, by: "mention", at: at)
        }
    }
}
