import CasebookCore
import Ink

/// An article's Markdown as the HTML readers see: Ink renders it, then Casebook's allow-list sanitizer (the one
/// comments go through) drops scripts, event handlers, `javascript:` links and anything else not on its list —
/// Markdown allows raw HTML, so the rendered text is never trusted as it comes out of the parser.
enum ArticleHTML {
    static func render(_ markdown: String) -> String {
        HTMLSanitizer.sanitize(MarkdownParser().html(from: markdown))
    }

    /// The rendered article as plain text, for snippets and the composer's "insert text".
    static func plainText(_ markdown: String) -> String {
        HTMLSanitizer.plainText(fromHTML: render(markdown))
    }
}
