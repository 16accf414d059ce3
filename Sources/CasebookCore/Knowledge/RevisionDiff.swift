import Foundation

/// A line diff between two versions of an article's text, from the standard library's `CollectionDifference`.
public struct RevisionDiff: Sendable, Equatable {
    public enum Kind: String, Sendable { case same, added, removed }

    public struct Line: Sendable, Equatable {
        public var kind: Kind
        public var text: String
        public init(_ kind: Kind, _ text: String) {
            self.kind = kind
            self.text = text
        }
    }

    public var lines: [Line]

    public var added: Int { lines.filter { $0.kind == .added }.count }
    public var removed: Int { lines.filter { $0.kind == .removed }.count }

    /// Old lines that were removed come before the new lines that replace them, as in a unified diff.
    public init(old: String, new: String) {
        let a = Self.split(old), b = Self.split(new)
        let diff = b.difference(from: a)
        var removedOffsets = Set<Int>(), insertedOffsets = Set<Int>()
        for change in diff {
            switch change {
            case .remove(let offset, _, _): removedOffsets.insert(offset)
            case .insert(let offset, _, _): insertedOffsets.insert(offset)
            }
        }
        // Walk both sides: unchanged lines advance together; removals (old side) are emitted before insertions.
        var out: [Line] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, removedOffsets.contains(i) {
                out.append(Line(.removed, a[i])); i += 1
            } else if j < b.count, insertedOffsets.contains(j) {
                out.append(Line(.added, b[j])); j += 1
            } else if i < a.count, j < b.count {
                out.append(Line(.same, b[j])); i += 1; j += 1
            } else if i < a.count {
                out.append(Line(.removed, a[i])); i += 1
            } else {
                out.append(Line(.added, b[j])); j += 1
            }
        }
        lines = out
    }

    static func split(_ text: String) -> [String] {
        if text.isEmpty { return [] }
        return text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// Escaped HTML: one `<div>` per line, `+`/`-` marked and classed for colour, `<ins>`/`<del>` for screen readers.
    public var html: String {
        var out = "<div class=\"diff\">"
        for line in lines {
            let text = HTMLSanitizer.escape(line.text)
            switch line.kind {
            case .same: out += "<div class=\"diff-same\">  \(text)</div>"
            case .added: out += "<div class=\"diff-added\"><ins>+ \(text)</ins></div>"
            case .removed: out += "<div class=\"diff-removed\"><del>- \(text)</del></div>"
            }
        }
        return out + "</div>"
    }
}
