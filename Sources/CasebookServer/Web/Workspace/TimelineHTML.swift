/// The timeline's markup, written directly: a long case has hundreds of entries, and rendering them through
/// Mustache's dynamic lookups cost most of the ticket page's time. Every value is escaped here except the comment
/// HTML, which was sanitized when the comment was stored (the same rule as `{{{html}}}` in a template).
enum TimelineHTML {
    static func render(_ entries: [TimelineEntry]) -> String {
        var out = ""
        out.reserveCapacity(entries.count * 700)
        out += #"<ol id="timeline" aria-label="Conversation and history">"#
        for e in entries {
            out += #"<li class="timeline-entry "#
            out += escape(e.kindClass)
            out += #"" data-entry-id=""#
            out += String(e.id)
            out += #""><div class="entry-head"><span class="author">"#
            out += escape(e.author)
            out += "</span>"
            if e.isInternal { out += #" <span class="badge badge-internal">Internal note</span>"# }
            if e.isCall { out += #" <span class="badge badge-call">Call</span>"# }
            if e.isPublicReply { out += #" <span class="badge badge-public">Public reply</span>"# }
            out += #" <time datetime=""#
            out += escape(e.whenISO)
            out += #"">"#
            out += escape(e.when)
            out += "</time></div>"
            if let call = e.call {
                out += #"<p class="call-meta">"#
                out += escape("\(call.direction) call · \(call.from) → \(call.to) · \(call.duration)")
                out += "</p>"
            }
            if let html = e.html, !html.isEmpty {
                out += #"<div class="body">"#
                out += html
                out += "</div>"
            }
            if !e.files.isEmpty {
                out += #"<ul class="attachments" aria-label="Attachments">"#
                for file in e.files {
                    out += #"<li><a href=""#
                    out += escape(file.path)
                    out += #"">"#
                    out += escape(file.name)
                    out += "</a> <span class=\"size\">"
                    out += escape(file.size)
                    out += "</span></li>"
                }
                out += "</ul>"
            }
            if let original = e.originalPath {
                out += #"<p class="original"><a href=""#
                out += escape(original)
                out += #"">Original message</a></p>"#
            }
            if e.hasChanges {
                out += #"<ul class="changes">"#
                for change in e.changes {
                    out += "<li>"
                    out += escape(change)
                    out += "</li>"
                }
                out += "</ul>"
            }
            out += "</li>\n"
        }
        out += "</ol>"
        return out
    }

    /// Escapes text for HTML content and double-quoted attributes.
    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
            || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }
}
