import Foundation

/// Turns an `OutgoingMail` into RFC 5322 / MIME bytes: CRLF line ends, no line over 998 octets (header fields
/// folded at 78 where their tokens allow), UTF-8 text bodies in quoted-printable (or 7bit when plain short ASCII),
/// attachments in base64.
///
/// Layout: text only → text/plain; text + HTML → multipart/alternative; inline files (contentID + isInline) with
/// HTML → multipart/related around the HTML; other files → multipart/mixed around all of that.
///
/// Addresses are written as given. An address with non-ASCII characters is written raw (UTF-8), which only an
/// SMTPUTF8 server accepts; display names and the subject are always ASCII (RFC 2047 encoded words).
public enum MailComposer {
    /// - Parameter boundarySeed: makes MIME boundaries reproducible (tests); nil draws them from the system random
    ///   generator.
    public static func render(_ mail: OutgoingMail, boundarySeed: UInt64? = nil) -> [UInt8] {
        var random = BoundaryRandom(seed: boundarySeed)
        var out: [UInt8] = []
        out.reserveCapacity(2048 + mail.text.utf8.count * 2 + (mail.html?.utf8.count ?? 0) * 2
                            + mail.attachments.reduce(0) { $0 + $1.data.count * 138 / 100 + 512 })
        out += HeaderFields.mime("Date", rfc5322Date(mail.date))
        out += HeaderFields.addressList("From", [mail.from]) ?? HeaderFields.mime("From", "<>")
        if let field = HeaderFields.addressList("Reply-To", mail.replyTo) { out += field }
        if let field = HeaderFields.addressList("To", mail.to) { out += field }
        if let field = HeaderFields.addressList("Cc", mail.cc) { out += field }
        out += HeaderFields.unstructured("Subject", mail.subject)
        if let id = HeaderFields.cleanID(mail.messageID) { out += HeaderFields.messageIDs("Message-ID", [id]) }
        if let parent = mail.inReplyTo.flatMap(HeaderFields.cleanID) {
            out += HeaderFields.messageIDs("In-Reply-To", [parent])
        }
        let references = trimmedReferences(mail.references.compactMap(HeaderFields.cleanID))
        if !references.isEmpty { out += HeaderFields.messageIDs("References", references) }
        for field in mail.extraHeaders {
            guard let name = validExtraName(field.name) else { continue }
            out += HeaderFields.unstructured(name, field.value)
        }
        out += HeaderFields.mime("MIME-Version", "1.0")
        let body = bodyPart(mail, random: &random)
        out += body.headers
        out += [13, 10]
        out += body.body
        return out
    }

    /// A new Message-ID (without brackets): base-36 milliseconds, 16 random base-36 characters, `@domain`.
    public static func newMessageID(domain: String) -> String {
        var random = SystemRandomNumberGenerator()
        let alphabet = Array("0123456789abcdefghijklmnopqrstuvwxyz")
        let unique = String((0..<16).map { _ in alphabet[Int(random.next() % 36)] })
        let millis = UInt64(max(0, Date().timeIntervalSince1970 * 1000))
        let host = String(domain.lowercased().unicodeScalars.filter {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "." || $0 == "-"
        }.map(Character.init))
        return "\(String(millis, radix: 36)).\(unique)@\(host.isEmpty ? "casebook.invalid" : host)"
    }

    // MARK: - Header details

    /// Long threads keep the first message and the 49 latest: enough for any reader to thread, and the field stays
    /// a few lines.
    static func trimmedReferences(_ ids: [String]) -> [String] {
        guard ids.count > 50 else { return ids }
        return [ids[0]] + ids.suffix(49)
    }

    /// Fields the composer writes itself; an extra header with one of these names is dropped.
    private static let reservedNames: Set<String> = [
        "date", "from", "sender", "reply-to", "to", "cc", "bcc", "subject", "message-id", "in-reply-to",
        "references", "mime-version", "content-type", "content-transfer-encoding", "content-disposition",
        "content-id", "return-path",
    ]

    private static func validExtraName(_ name: String) -> String? {
        guard !name.isEmpty, name.utf8.count <= 76,
              name.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: ":") }),
              !reservedNames.contains(name.lowercased()) else { return nil }
        return name
    }

    // MARK: - Body

    /// A MIME entity: its header fields (CRLF-terminated) and body (ending in CRLF).
    struct Part {
        var headers: [UInt8]
        var body: [UInt8]
        var bytes: [UInt8] { headers + [13, 10] + body }
    }

    static func bodyPart(_ mail: OutgoingMail, random: inout BoundaryRandom) -> Part {
        let html = mail.html.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
        var related: [MailAttachment] = []
        var others: [MailAttachment] = []
        for file in mail.attachments {
            if html != nil, file.isInline, file.contentID.flatMap(HeaderFields.cleanID) != nil {
                related.append(file)
            } else {
                others.append(file)
            }
        }
        var body = textPart(mail.text, subtype: "plain")
        if let html {
            var htmlPart = textPart(html, subtype: "html")
            if !related.isEmpty {
                htmlPart = multipart("related", parameters: ["type=\"text/html\""],
                                     children: [htmlPart] + related.map { attachmentPart($0, inline: true) },
                                     random: &random)
            }
            body = multipart("alternative", children: [body, htmlPart], random: &random)
        }
        if !others.isEmpty {
            body = multipart("mixed", children: [body] + others.map { attachmentPart($0, inline: false) },
                             random: &random)
        }
        return body
    }

    /// text/`subtype` in UTF-8. Line ends become CRLF and the text always ends with one.
    static func textPart(_ text: String, subtype: String) -> Part {
        let lines = normalizedLines(text)
        var body: [UInt8] = []
        var isSevenBit = true
        var lineLength = 0
        for byte in lines {
            if byte == 10 {
                lineLength = 0
            } else {
                lineLength += 1
                if byte >= 0x7F || (byte < 0x20 && byte != 0x09) || lineLength > 78 {
                    isSevenBit = false
                    break
                }
            }
        }
        if isSevenBit {
            body.reserveCapacity(lines.count + lines.count / 20)
            for byte in lines {
                if byte == 10 { body.append(13) }
                body.append(byte)
            }
        } else {
            QuotedPrintable.encode(lines, into: &body)
        }
        var headers = HeaderFields.mime("Content-Type", "text/\(subtype)", ["charset=utf-8"])
        headers += HeaderFields.mime("Content-Transfer-Encoding", isSevenBit ? "7bit" : "quoted-printable")
        return Part(headers: headers, body: body)
    }

    /// UTF-8 with LF line ends (CRLF and lone CR converted), ending in LF.
    static func normalizedLines(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 1)
        var previousCR = false
        for byte in text.utf8 {
            if byte == 13 {
                out.append(10)
                previousCR = true
                continue
            }
            if byte == 10 && previousCR {
                previousCR = false
                continue
            }
            previousCR = false
            out.append(byte)
        }
        if out.last != 10 { out.append(10) }
        return out
    }

    static func attachmentPart(_ file: MailAttachment, inline: Bool) -> Part {
        let name = AttachmentParameters.cleanFilename(file.filename)
        var headers = HeaderFields.mime("Content-Type", AttachmentParameters.safeContentType(file.contentType),
                                        AttachmentParameters.parameters("name", name))
        headers += HeaderFields.mime("Content-Transfer-Encoding", "base64")
        headers += HeaderFields.mime("Content-Disposition", inline ? "inline" : "attachment",
                                     AttachmentParameters.parameters("filename", name))
        if let id = file.contentID.flatMap(HeaderFields.cleanID) {
            headers += HeaderFields.messageIDs("Content-ID", [id])
        }
        var body: [UInt8] = []
        Base64Lines.encode(file.data, into: &body)
        return Part(headers: headers, body: body)
    }

    static func multipart(_ subtype: String, parameters: [String] = [], children: [Part],
                          random: inout BoundaryRandom) -> Part {
        let rendered = children.map(\.bytes)
        let boundary = MIMEBoundary.make(notIn: rendered, random: &random)
        let delimiter = Array("--\(boundary)".utf8)
        var body: [UInt8] = []
        body.reserveCapacity(rendered.reduce(0) { $0 + $1.count + delimiter.count + 6 } + delimiter.count + 4)
        for child in rendered {
            body += delimiter
            body += [13, 10]
            body += child
            // The CRLF before a delimiter belongs to the delimiter: this one keeps the child's own last line end.
            body += [13, 10]
        }
        body += delimiter
        body += Array("--\r\n".utf8)
        let headers = HeaderFields.mime("Content-Type", "multipart/\(subtype)",
                                        parameters + ["boundary=\"\(boundary)\""])
        return Part(headers: headers, body: body)
    }
}
