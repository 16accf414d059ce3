import Foundation

/// A call log: a comment whose channel is voice. The summary is the comment body.
public struct CallLog: Sendable, Equatable, Codable {
    public enum Direction: String, Sendable, Codable, CaseIterable { case inbound, outbound }
    public var direction: Direction
    public var from: String
    public var to: String
    public var participants: [String]
    public var durationSeconds: Int

    public init(direction: Direction, from: String, to: String, participants: [String] = [], durationSeconds: Int) {
        self.direction = direction
        self.from = from
        self.to = to
        self.participants = participants
        self.durationSeconds = durationSeconds
    }
}

/// A comment about to be added to a ticket: a public reply, an internal note, or a call log.
public struct CommentDraft: Sendable, Equatable {
    public var authorID: Int
    public var isPublic: Bool
    /// Plain text body (for a call, its summary).
    public var body: String
    /// Sanitized HTML body.
    public var htmlBody: String
    public var call: CallLog?

    /// Builds a comment from the plain and/or HTML body a client sent; HTML is sanitized before it is kept.
    /// `summaryPending`: a call logged by a phone system before anyone wrote its summary; it may be blank, and the
    /// ticket then owes its case notes (`CaseNotes`).
    public init(authorID: Int, isPublic: Bool, body: String?, htmlBody: String?, call: CallLog? = nil,
                summaryPending: Bool = false) throws(FieldErrors) {
        let plain = body?.trimmedWhitespace ?? ""
        let html = htmlBody.map(HTMLSanitizer.sanitize) ?? ""
        let blank = plain.isEmpty && HTMLSanitizer.plainText(fromHTML: html).trimmedWhitespace.isEmpty
        if blank, call != nil, summaryPending {
            self.authorID = authorID
            self.isPublic = false
            self.body = ""
            self.htmlBody = ""
            self.call = call
            return
        }
        if blank {
            throw FieldErrors(field: call == nil ? "comment" : "summary", error: "BlankValue",
                              call == nil ? "Comment: cannot be blank" : "Summary: a call log needs a summary")
        }
        if let call, call.durationSeconds < 0 {
            throw FieldErrors(field: "duration", error: "InvalidValue", "Duration: must not be negative")
        }
        self.authorID = authorID
        self.isPublic = isPublic
        self.body = plain.isEmpty ? HTMLSanitizer.plainText(fromHTML: html) : plain
        self.htmlBody = html.isEmpty ? HTMLSanitizer.html(fromPlainText: plain) : html
        self.call = call
    }

    public var via: ViaChannel? { call == nil ? nil : .voice }

    /// A call whose summary nobody has written yet.
    public var isUnsummarisedCall: Bool { call != nil && body.isEmpty }
    /// An agent's internal note (not a call log): what case notes are made of.
    public var isInternalNote: Bool { !isPublic && call == nil }
}
