/// Tags are lowercase words without spaces. A string with spaces holds several tags, as in Zendesk.
public enum Tags {
    public static func normalize<S: Sequence<String>>(_ raw: S) -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        for item in raw {
            for word in item.split(whereSeparator: { $0.isWhitespace || $0 == "," }) {
                let tag = word.lowercased()
                if seen.insert(tag).inserted { result.append(tag) }
            }
        }
        return result
    }

    public static func normalize(_ raw: String) -> [String] { normalize([raw]) }
}
