import Foundation
@testable import CasebookMail

/// Helpers for the Parse… tests (namespaced: the test target is shared with other suites).
enum ParseKit {
/// Builds raw message bytes from a Swift string literal: "\n" line ends become `lineEnd`.
static func mail(_ text: String, lineEnd: String = "\r\n") -> [UInt8] {
    Array(text.replacingOccurrences(of: "\n", with: lineEnd).utf8)
}

/// Parses or fails the test with the error.
static func parsed(_ text: String, lineEnd: String = "\r\n", limits: MailLimits = .default) throws -> ParsedMessage {
    try MIMEParser.parse(mail(text, lineEnd: lineEnd), limits: limits)
}

/// The error `MIMEParser.parse` throws for `raw`, or nil.
static func parseError(_ raw: [UInt8], limits: MailLimits = .default) -> MailParseError? {
    do {
        _ = try MIMEParser.parse(raw, limits: limits)
        return nil
    } catch {
        return error
    }
}

static func base64Lines(_ bytes: [UInt8], width: Int = 76) -> String {
    let encoded = Data(bytes).base64EncodedString()
    var lines: [String] = []
    var rest = Substring(encoded)
    while !rest.isEmpty {
        lines.append(String(rest.prefix(width)))
        rest = rest.dropFirst(width)
    }
    return lines.joined(separator: "\n")
}
}
