import Foundation

/// Parses raw RFC 5322 / MIME messages into `ParsedMessage`.
///
/// The MIME structure is found exactly the way Python's `email` package (`BytesFeedParser`, policy.default)
/// finds it, because that is the behaviour the corpus tests hold it to and the one most mail software has been
/// tested against:
/// - Lines end at LF, with or without CR before it (a lone CR is an ordinary byte; Python also breaks lines
///   there).
/// - A header block ends at the first blank line, or at the first line that is neither a header
///   (`name:` with a name of printable ASCII other than `:`), a continuation (starting with space or tab), nor
///   an mbox `From ` line — that line then starts the body. Folded values are unfolded by removing the line
///   breaks (the leading whitespace of continuation lines stays).
/// - A multipart part ends at a line that is `--boundary` (or `--boundary--`), trailing spaces and tabs allowed,
///   of its own multipart or of any enclosing one (RFC 2046 §5.1.2): an inner part never swallows an outer
///   boundary, whatever its own boundary is. The line break before a boundary line belongs to the boundary.
///   Several boundary lines in a row open one part, not empty ones. A multipart whose first boundary never
///   comes (wrong or missing boundary parameter) is a single part holding its text; one whose closing boundary
///   never comes ends where its data ends.
/// - Parts without Content-Type are text/plain, or message/rfc822 inside multipart/digest; a Content-Type that
///   is not `type/subtype` means text/plain (RFC 2045 §5.2).
/// - message/* parts (rfc822, delivery-status, …) are never walked into: they are leaves, kept as attachments.
///
/// Body selection follows Python's `EmailMessage.get_body(preferencelist=('plain',))` (and `('html',)`):
/// depth first, skipping any part with `Content-Disposition: attachment`; text/* parts are candidates;
/// multiparts are walked into, except that of a multipart/related only the root (the part named by its
/// `start` parameter, else the first) is.
///
/// Attachments: every leaf part (message/* included) other than the chosen text and HTML bodies that has a
/// filename, or `Content-Disposition: attachment`, or a type other than text/plain and text/html — in
/// document order, over the whole tree. That is Python's `iter_attachments()` made recursive (Python looks at
/// one level and never inside multipart/alternative or multipart/related, so inline images of an HTML body
/// and attachments nested in sub-multiparts would be lost) and without the unnamed text/plain or text/html
/// alternatives of the body (which are not files). A top-level message that is not text (a bare PDF, a
/// forwarded message/rfc822) is an attachment too; Python's `iter_attachments()` yields nothing for it.
///
/// Deliberate differences from Python's `email` (policy.default), all on malformed or legacy input; the
/// corpus tests (CorpusTests) hold everything else to Python's results:
/// - A lone CR is not a line break (Python reads with universal newlines). Text bodies come back with LF line
///   ends; attachment bytes are kept as sent (Python turns CR LF into LF in 7bit/8bit parts).
/// - Raw 8-bit header bytes are read as UTF-8, bytes that are not valid UTF-8 as Windows-1252 (Python: U+FFFD).
/// - Charsets (see `Charsets`): Latin-1 read as Windows-1252; 8-bit text labelled US-ASCII (or unlabelled)
///   read as UTF-8/Windows-1252 instead of U+FFFD; an unknown charset falls back to UTF-8/Windows-1252 with a
///   warning (Python's `get_content()` raises LookupError).
/// - Encoded words: adjacent ones in the same charset are decoded together, and in display names the space
///   between adjacent encoded words is dropped as RFC 2047 says (Python keeps it there).
/// - Parameters (see `MIMEHeaderValue`): an RFC 2231 form beats a plain duplicate; unquoted file names may
///   contain spaces; comments in Content-Type are ignored.
/// - Quoted-printable: `=` followed only by spaces before the line break is a soft break.
/// - message/* parts with a base64 or quoted-printable transfer encoding are decoded (Python parses the
///   encoded text as if it were the message).
/// - Attachments as described above; file names lose directory parts and control characters.
/// - Empty input, whitespace only, or binary data without any header is refused (`notAMessage`).
/// - Address lists drop entries that have neither a name nor an address (Python yields empty addresses for
///   unparseable entries and for a bare `<>`).
/// - Dates: `+hh:mm` offsets are understood (Python ignores them and takes UTC).
public enum MIMEParser {
    /// Parses `raw`. Throws only for inputs over `limits` and for inputs that are not messages at all;
    /// everything else — malformed structure, bad encodings, unknown charsets — is parsed best-effort and
    /// noted in `ParsedMessage.warnings`.
    public static func parse(_ raw: [UInt8], limits: MailLimits = .default) throws(MailParseError) -> ParsedMessage {
        if raw.count > limits.maxBytes { throw .tooLarge(bytes: raw.count, limit: limits.maxBytes) }
        let result: Result<ParsedMessage, MailParseError> = raw.withUnsafeBufferPointer { buffer in
            var engine = Engine(buffer: buffer, limits: limits)
            do throws(MailParseError) {
                return .success(try engine.run())
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// The top-level header block only — cheap (stops at the first blank line), never throws. Blocks longer
    /// than 1 MiB are cut there.
    public static func headers(of raw: [UInt8]) -> MailHeaders {
        raw.withUnsafeBufferPointer { buffer in
            var engine = Engine(buffer: buffer, limits: .default)
            let block = engine.readHeaderBlock(enforceLimits: false)
            return MailHeaders(block.fields)
        }
    }
}

/// One MIME part found by the parser.
struct MIMEPart {
    var fields: [MailHeaders.Field]
    /// Lowercased `type/subtype` (Python's `get_content_type()`).
    var mediaType: String
    var contentType: MIMEHeaderValue?
    /// Lowercased disposition type ("attachment", "inline", …), nil without the header.
    var disposition: String?
    var dispositionValue: MIMEHeaderValue?
    /// Lowercased Content-Transfer-Encoding, "" without the header.
    var transferEncoding: String
    /// The raw Content-ID value, trimmed.
    var contentIDRaw: String?
    /// The body: raw bytes `bodyStart..<bodyEnd` of the input.
    var bodyStart: Int
    var bodyEnd: Int
    /// Raw bytes that come before the body proper (only for a header block ended by an mbox `From ` line).
    var bodyPrefix: Range<Int>? = nil
    var children: [Int] = []
    /// A multipart whose parts were found.
    var isContainer = false
    /// A multipart whose first boundary was never found (or that has no boundary): a leaf holding its text.
    var failedMultipart = false
    /// IMAP-style part number ("" for the message itself, "1", "1.2", …).
    var path: String

    var mainType: Substring { mediaType.split(separator: "/", maxSplits: 1).first ?? "text" }
    var subType: Substring {
        let pieces = mediaType.split(separator: "/", maxSplits: 1)
        return pieces.count == 2 ? pieces[1] : "plain"
    }

    /// Disposition `filename`, else Content-Type `name` (RFC 2231 / RFC 2047 decoded, trimmed); nil if empty.
    var filename: String? {
        for candidate in [dispositionValue?.parameter("filename"), contentType?.parameter("name")] {
            if let c = candidate {
                let trimmed = ASCII.trim(c)
                if !trimmed.isEmpty { return trimmed }
            }
        }
        return nil
    }

    var contentID: String? {
        guard let raw = contentIDRaw else { return nil }
        let s = Engine.normalizedCID(raw)
        return s.isEmpty ? nil : s
    }


    var label: String {
        path.isEmpty ? "the message body (\(mediaType))" : "part \(path) (\(mediaType))"
    }
}

struct Engine {
    let buf: UnsafeBufferPointer<UInt8>
    let base: UnsafePointer<UInt8>
    let n: Int
    let limits: MailLimits
    var pos = 0
    /// `--boundary` of every enclosing multipart whose parts are being read, outermost first.
    var boundaryStack: [[UInt8]] = []
    var parts: [MIMEPart] = []
    var warnings = Warnings()
    nonisolated(unsafe) static let emptyPointer = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)

    init(buffer: UnsafeBufferPointer<UInt8>, limits: MailLimits) {
        buf = buffer
        n = buffer.count
        self.limits = limits
        if let b = buffer.baseAddress {
            base = b
        } else {
            base = UnsafePointer(Engine.emptyPointer)
        }
    }

    // MARK: Lines

    /// The line starting at `p`: where its content ends (before CR LF / LF) and where the next line starts.
    @inline(__always)
    func line(at p: Int) -> (end: Int, next: Int) {
        guard p < n else { return (n, n) }
        if let hit = memchr(base + p, 0x0A, n - p) {
            let lf = UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - base
            let end = lf > p && buf[lf - 1] == 0x0D ? lf - 1 : lf
            return (end, lf + 1)
        }
        return (n, n)
    }

    /// Whether `start..<end` is `delimiter` (`--boundary`), optionally followed by `--`, then only spaces/tabs.
    @inline(__always)
    func matches(_ start: Int, _ end: Int, _ delimiter: [UInt8]) -> (match: Bool, isClose: Bool) {
        let count = delimiter.count
        guard end - start >= count else { return (false, false) }
        let same = delimiter.withUnsafeBufferPointer { memcmp(base + start, $0.baseAddress!, count) == 0 }
        guard same else { return (false, false) }
        var q = start + count
        var isClose = false
        if end - q >= 2, buf[q] == 0x2D, buf[q + 1] == 0x2D {
            isClose = true
            q += 2
        }
        while q < end, buf[q] == 0x20 || buf[q] == 0x09 || buf[q] == 0x0D { q += 1 }
        return q == end ? (true, isClose) : (false, false)
    }

    /// Whether the line at `p` is the end of the data, or a boundary line of an enclosing multipart.
    @inline(__always)
    func atFalseEOF(_ p: Int) -> Bool {
        if p >= n { return true }
        if boundaryStack.isEmpty { return false }
        guard p + 1 < n, buf[p] == 0x2D, buf[p + 1] == 0x2D else { return false }
        let end = line(at: p).end
        for delimiter in boundaryStack.reversed() where matches(p, end, delimiter).match { return true }
        return false
    }

    /// Advances `pos` to the next false EOF.
    mutating func skipToFalseEOF() {
        if boundaryStack.isEmpty {
            pos = n
            return
        }
        while !atFalseEOF(pos) {
            // Only lines starting with "--" can end the part: jump from line start to line start.
            pos = line(at: pos).next
        }
    }

    // MARK: Headers

    struct HeaderBlock {
        var fields: [MailHeaders.Field] = []
        var sawSeparator = false
        /// Where the body starts when an mbox `From ` line ended the block (Python pushes it back as body).
        var bodyStartOverride: Int? = nil
        var tooLarge: Int? = nil
        var tooManyFields = false
    }

    @inline(__always)
    func isHeaderLine(_ start: Int, _ end: Int) -> Bool {
        let c = buf[start]
        if c == 0x20 || c == 0x09 { return true }
        if isFromLine(start, end) { return true }
        var q = start
        while q < end {
            let d = buf[q]
            if d == 0x3A { return true }
            if d < 0x21 || d > 0x7E { return false }
            q += 1
        }
        return false
    }

    @inline(__always)
    func isFromLine(_ start: Int, _ end: Int) -> Bool {
        end - start >= 5 && buf[start] == 0x46 && buf[start + 1] == 0x72 && buf[start + 2] == 0x6F
            && buf[start + 3] == 0x6D && buf[start + 4] == 0x20
    }

    /// Reads a header block at `pos` (Python's feedparser rules). With `enforceLimits`, stops at the first
    /// limit exceeded and says which; without, stops there silently.
    mutating func readHeaderBlock(enforceLimits: Bool) -> HeaderBlock {
        var block = HeaderBlock()
        var lines: [(Int, Int)] = []
        var total = 0
        while !atFalseEOF(pos) {
            let (end, next) = line(at: pos)
            if end == pos { // blank line: the separator
                pos = next
                block.sawSeparator = true
                break
            }
            guard isHeaderLine(pos, end) else { break }
            total += next - pos
            if total > limits.maxHeaderBytes {
                if enforceLimits { block.tooLarge = total; return block }
                break
            }
            lines.append((pos, end))
            pos = next
        }
        var name: (Int, Int)? = nil
        var value: [UInt8] = []
        func finish(_ block: inout HeaderBlock) {
            guard let (s, e) = name else { return }
            let fieldName = String(decoding: UnsafeBufferPointer(rebasing: buf[s..<e]), as: UTF8.self)
            block.fields.append(MailHeaders.Field(name: fieldName, value: HeaderText.decode(value)))
            name = nil
            value.removeAll(keepingCapacity: true)
        }
        func appendValue(_ s: Int, _ e: Int) {
            for q in s..<e where buf[q] != 0x0D { value.append(buf[q]) }
        }
        for (index, (start, end)) in lines.enumerated() {
            let c = buf[start]
            if c == 0x20 || c == 0x09 {
                if name != nil { appendValue(start, end) }
                continue
            }
            finish(&block)
            if isFromLine(start, end) {
                if index == 0 { continue } // mbox envelope line
                if index == lines.count - 1 {
                    block.bodyStartOverride = start
                    break
                }
                continue
            }
            var colon = start
            while colon < end, buf[colon] != 0x3A { colon += 1 }
            if colon == start || colon == end { continue } // no name
            if block.fields.count >= limits.maxHeaderFields {
                if enforceLimits { block.tooManyFields = true; return block }
                break
            }
            name = (start, colon)
            var v = colon + 1
            while v < end, buf[v] == 0x20 || buf[v] == 0x09 { v += 1 }
            appendValue(v, end)
        }
        finish(&block)
        return block
    }

    // MARK: Structure

    mutating func run() throws(MailParseError) -> ParsedMessage {
        var firstContent = 0
        while firstContent < n, buf[firstContent] == 0x20 || buf[firstContent] == 0x09 || buf[firstContent] == 0x0D
            || buf[firstContent] == 0x0A { firstContent += 1 }
        if firstContent == n {
            throw .notAMessage(reason: n == 0 ? "the input is empty" : "the input is only whitespace")
        }
        let root = try parsePart(depth: 0, defaultType: "text/plain", path: "")
        if parts[root].fields.isEmpty, memchr(base, 0, min(n, 1024)) != nil {
            throw .notAMessage(reason: "the input has no header and contains binary data")
        }
        if !parts[root].fields.isEmpty, !headerSeparatorSeen {
            warnings.add("No blank line between the header and the body.")
        }
        return assemble(root: root)
    }

    var headerSeparatorSeen = true

    mutating func parsePart(depth: Int, defaultType: String, path: String) throws(MailParseError) -> Int {
        if parts.count >= limits.maxParts { throw .tooManyParts(limit: limits.maxParts) }
        if depth > limits.maxDepth { throw .tooDeep(limit: limits.maxDepth) }
        let block = readHeaderBlock(enforceLimits: true)
        if let size = block.tooLarge { throw .headerTooLarge(bytes: size, limit: limits.maxHeaderBytes) }
        if block.tooManyFields { throw .tooManyHeaderFields(limit: limits.maxHeaderFields) }
        if path.isEmpty, !block.sawSeparator, pos < n { headerSeparatorSeen = false }
        var bodyPrefix: Range<Int>? = nil
        if let start = block.bodyStartOverride {
            // Python pushes a trailing mbox "From " header line back as the first body line; the blank line
            // after it, already consumed, is not part of the body.
            if block.sawSeparator {
                bodyPrefix = start..<line(at: start).next
            } else {
                pos = start
            }
        }

        var part = MIMEPart(fields: block.fields, mediaType: defaultType, contentType: nil, disposition: nil,
                            dispositionValue: nil, transferEncoding: "", contentIDRaw: nil, bodyStart: pos,
                            bodyEnd: pos, path: path)
        var seenType = false, seenDisposition = false, seenEncoding = false, seenID = false
        for field in block.fields where field.name.utf8.count >= 10 && field.name.utf8.count <= 25 {
            switch ASCII.lowercased(field.name) {
            case "content-type" where !seenType:
                seenType = true
                let ct = MIMEHeaderValue.parse(field.value)
                part.contentType = ct
                part.mediaType = ct.mediaType ?? "text/plain"
            case "content-disposition" where !seenDisposition:
                seenDisposition = true
                let cd = MIMEHeaderValue.parse(field.value)
                part.dispositionValue = cd
                // The first token, lowercased ("attachment filename=x" without the ';' is still an attachment);
                // an empty value is no disposition.
                part.disposition = cd.value.split(whereSeparator: { $0 == " " || $0 == "\t" }).first
                    .map { ASCII.lowercased(String($0)) }
            case "content-transfer-encoding" where !seenEncoding:
                seenEncoding = true
                part.transferEncoding = ASCII.lowercased(ASCII.trim(field.value))
            case "content-id" where !seenID:
                seenID = true
                part.contentIDRaw = ASCII.trim(field.value)
            default:
                break
            }
        }
        let index = parts.count
        parts.append(part)

        parts[index].bodyPrefix = bodyPrefix // for a multipart, the first line of its preamble
        if part.mediaType.hasPrefix("multipart/") {
            // Python: get_boundary() strips trailing whitespace (RFC 2046 boundaries may not end in one).
            let boundary = part.contentType?.parameter("boundary")
                .map { String($0.reversed().drop { $0 == " " || $0 == "\t" }.reversed()) }
            if let boundary, !boundary.isEmpty {
                try parseMultipart(index, boundary: boundary, depth: depth)
                return index
            }
            warnings.add("\(parts[index].label.capitalizedFirst) has no boundary parameter; kept as one part.")
            parts[index].failedMultipart = true
        }
        parts[index].bodyStart = pos
        skipToFalseEOF()
        parts[index].bodyEnd = pos
        return index
    }

    mutating func parseMultipart(_ index: Int, boundary: String, depth: Int) throws(MailParseError) {
        let delimiter: [UInt8] = [0x2D, 0x2D] + Array(boundary.utf8)
        let childType = parts[index].mediaType == "multipart/digest" ? "message/rfc822" : "text/plain"
        let preambleStart = pos
        var preambleEnd = pos
        var capturingPreamble = true
        var closeSeen = false
        while !atFalseEOF(pos) {
            let (end, next) = line(at: pos)
            let (match, isClose) = matches(pos, end, delimiter)
            guard match else {
                pos = next // preamble (or epilogue-like junk)
                continue
            }
            if isClose {
                if capturingPreamble { preambleEnd = pos }
                pos = next
                closeSeen = true
                break
            }
            if capturingPreamble {
                preambleEnd = pos
                capturingPreamble = false
            }
            pos = next
            // Several boundary lines in a row open a single part.
            while !atFalseEOF(pos) {
                let (e2, n2) = line(at: pos)
                guard matches(pos, e2, delimiter).match else { break }
                pos = n2
            }
            boundaryStack.append(delimiter)
            let childPath = parts[index].path.isEmpty
                ? "\(parts[index].children.count + 1)" : "\(parts[index].path).\(parts[index].children.count + 1)"
            let child: Int
            do throws(MailParseError) {
                child = try parsePart(depth: depth + 1, defaultType: childType, path: childPath)
            } catch {
                boundaryStack.removeLast()
                throw error
            }
            boundaryStack.removeLast()
            stripFinalNewline(child)
            parts[index].children.append(child)
        }
        if capturingPreamble {
            parts[index].failedMultipart = true
            parts[index].bodyStart = preambleStart
            parts[index].bodyEnd = closeSeen ? preambleEnd : pos
            if closeSeen { skipToFalseEOF() } // Python discards what follows
            warnings.add("\(parts[index].label.capitalizedFirst): its boundary never occurs; kept as one part.")
            return
        }
        parts[index].isContainer = true
        parts[index].bodyStart = preambleStart
        if !closeSeen {
            parts[index].bodyEnd = pos
            warnings.add("\(parts[index].label.capitalizedFirst) has no closing boundary (truncated message?).")
            return
        }
        skipToFalseEOF() // epilogue
        parts[index].bodyEnd = pos
    }

    /// RFC 2046: the line break before a boundary line belongs to the boundary.
    mutating func stripFinalNewline(_ child: Int) {
        let p = parts[child]
        guard !p.isContainer, !p.failedMultipart else { return }
        if p.bodyEnd == p.bodyStart, let prefix = p.bodyPrefix, !prefix.isEmpty {
            var end = prefix.upperBound
            if buf[end - 1] == 0x0A {
                end -= 1
                if end > prefix.lowerBound, buf[end - 1] == 0x0D { end -= 1 }
            }
            parts[child].bodyPrefix = prefix.lowerBound..<end
            return
        }
        guard p.bodyEnd > p.bodyStart else { return }
        var end = p.bodyEnd
        if buf[end - 1] == 0x0A {
            end -= 1
            if end > p.bodyStart, buf[end - 1] == 0x0D { end -= 1 }
        } else if buf[end - 1] == 0x0D {
            end -= 1
        }
        parts[child].bodyEnd = end
    }

    // MARK: Result

    func findBody(_ index: Int, subtype: Substring) -> Int? {
        let p = parts[index]
        if p.disposition == "attachment" { return nil }
        if p.mainType == "text" { return p.subType == subtype ? index : nil }
        guard p.mainType == "multipart", p.isContainer else { return nil }
        if p.subType != "related" {
            for child in p.children {
                if let found = findBody(child, subtype: subtype) { return found }
            }
            return nil
        }
        var candidate: Int? = nil
        if let start = p.contentType?.parameter("start"), !start.isEmpty {
            let wanted = Self.normalizedCID(start)
            candidate = p.children.first { parts[$0].contentIDRaw.map(Self.normalizedCID) == wanted }
        }
        if candidate == nil { candidate = p.children.first }
        return candidate.flatMap { findBody($0, subtype: subtype) }
    }

    static func normalizedCID(_ s: String) -> String {
        var t = Substring(ASCII.trim(s))
        if t.hasPrefix("<") { t.removeFirst() }
        if t.hasSuffix(">") { t.removeLast() }
        return ASCII.trim(String(t))
    }

    /// The part's body with its transfer encoding undone.
    mutating func decodedBody(_ index: Int) -> [UInt8] {
        let p = parts[index]
        if let prefix = p.bodyPrefix {
            let joined = Array(buf[prefix]) + Array(buf[p.bodyStart..<max(p.bodyStart, p.bodyEnd)])
            return joined.withUnsafeBufferPointer { decodeTransfer(index, $0) }
        }
        return decodeTransfer(index, UnsafeBufferPointer(rebasing: buf[p.bodyStart..<max(p.bodyStart, p.bodyEnd)]))
    }

    mutating func decodeTransfer(_ index: Int, _ raw: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let p = parts[index]
        switch p.transferEncoding {
        case "", "7bit", "8bit", "binary", "7-bit", "8-bit":
            return Array(raw)
        case "base64":
            let r = TransferEncodings.decodeBase64(raw)
            if r.repaired { warnings.add("\(p.label.capitalizedFirst): malformed base64, decoded leniently.") }
            return r.bytes
        case "quoted-printable":
            let r = TransferEncodings.decodeQuotedPrintable(raw)
            if r.repaired {
                warnings.add("\(p.label.capitalizedFirst): malformed quoted-printable, decoded leniently.")
            }
            return r.bytes
        case "x-uuencode", "uuencode", "uue", "x-uue":
            if let r = TransferEncodings.decodeUU(raw) { return r.bytes }
            warnings.add("\(p.label.capitalizedFirst): uuencoded data without a begin line; kept as it is.")
            return Array(raw)
        default:
            warnings.add("\(p.label.capitalizedFirst): unknown Content-Transfer-Encoding "
                + "\"\(p.transferEncoding)\"; kept as it is.")
            return Array(raw)
        }
    }

    mutating func decodedText(_ index: Int) -> String {
        var bytes = decodedBody(index)
        let declared = parts[index].contentType?.parameter("charset")
        let charset = declared ?? "us-ascii"
        // CR LF → LF on the bytes, before decoding, in every charset where CR and LF are single ASCII bytes that
        // never occur inside a multi-byte character (all but UTF-16 and UTF-32).
        let wide: Bool
        switch Charsets.kind(of: charset) {
        case .utf16, .utf32: wide = true
        default: wide = false
        }
        if !wide { Self.removeCRBeforeLF(&bytes) }
        let decoded = bytes.withUnsafeBufferPointer { Charsets.decodeDetailed($0, charset: charset) }
        let label = parts[index].label.capitalizedFirst
        let name = declared.map { "\"\(Charsets.displayName($0))\"" } ?? "(none given)"
        switch decoded.outcome {
        case .exact:
            break
        case .replacedInvalidBytes:
            warnings.add("\(label): bytes invalid in charset \(name) were replaced with U+FFFD.")
        case let .unknownCharset(fallback):
            warnings.add("\(label): unknown charset \(name); decoded as \(fallback).")
        case let .eightBitInASCII(fallback):
            warnings.add("\(label): 8-bit text in charset \(declared == nil ? "us-ascii (none given)" : name); "
                + "decoded as \(fallback).")
        }
        return wide ? Self.unixNewlines(decoded.text) : decoded.text
    }

    /// Removes every CR that is directly followed by LF, in place.
    static func removeCRBeforeLF(_ bytes: inout [UInt8]) {
        let newCount = bytes.withUnsafeMutableBufferPointer { buffer -> Int in
            guard let base = buffer.baseAddress else { return 0 }
            let n = buffer.count
            func nextCR(_ from: Int) -> Int {
                guard from < n, let hit = memchr(base + from, 0x0D, n - from) else { return n }
                return hit.assumingMemoryBound(to: UInt8.self) - base
            }
            var read = nextCR(0)
            var write = read
            while read < n {
                // base[read] is a CR.
                if read + 1 < n, base[read + 1] == 0x0A {
                    read += 1 // drop it; the LF is copied with what follows
                } else {
                    base[write] = 0x0D
                    write += 1
                    read += 1
                }
                let cr = nextCR(read)
                let length = cr - read
                if length > 0 {
                    if write != read { memmove(base + write, base + read, length) }
                    write += length
                }
                read = cr
            }
            return write
        }
        bytes.removeLast(bytes.count - newCount)
    }

    /// CR LF → LF (a lone CR is left alone).
    static func unixNewlines(_ s: String) -> String {
        guard s.utf8.contains(0x0D) else { return s }
        var out = [UInt8]()
        out.reserveCapacity(s.utf8.count)
        var pendingCR = false
        for c in s.utf8 {
            if pendingCR {
                if c != 0x0A { out.append(0x0D) }
                pendingCR = false
            }
            if c == 0x0D {
                pendingCR = true
            } else {
                out.append(c)
            }
        }
        if pendingCR { out.append(0x0D) }
        return String(decoding: out, as: UTF8.self)
    }

    mutating func collectAttachments(_ index: Int, bodies: Set<Int>, into out: inout [MailAttachment]) {
        let p = parts[index]
        if p.isContainer {
            for child in p.children { collectAttachments(child, bodies: bodies, into: &out) }
            return
        }
        if bodies.contains(index) { return }
        let filename = p.filename
        if filename == nil, p.disposition != "attachment", p.mediaType == "text/plain" || p.mediaType == "text/html" {
            return
        }
        let data = decodedBody(index)
        let name: String
        if let filename, let safe = AttachmentNaming.sanitize(filename) {
            name = safe
        } else {
            var subject = ""
            if p.mainType == "message" {
                let inner = MIMEParser.headers(of: data)
                subject = inner["subject"].map(EncodedWords.decode) ?? ""
            }
            name = AttachmentNaming.fallback(contentType: p.mediaType, index: out.count + 1, subject: subject)
        }
        let cid = p.contentID
        let inline = p.disposition == "inline" || (p.disposition == nil && cid != nil)
        out.append(MailAttachment(filename: name, contentType: p.mediaType, data: data, contentID: cid,
                                  isInline: inline))
    }

    mutating func assemble(root: Int) -> ParsedMessage {
        let top = parts[root]
        let headers = MailHeaders(top.fields)
        // First field of each name that matters (as Python's msg[name]), in one pass, ASCII case-insensitively.
        var first: [String: String] = [:]
        let wanted: Set<String> = ["from", "to", "cc", "reply-to", "subject", "date", "message-id", "in-reply-to",
                                   "references"]
        for field in top.fields where field.name.utf8.count <= 11 {
            let name = ASCII.lowercased(field.name)
            if wanted.contains(name), first[name] == nil { first[name] = field.value }
        }
        let textIndex = findBody(root, subtype: "plain")
        let htmlIndex = findBody(root, subtype: "html")
        var message = ParsedMessage(headers: headers)
        message.contentType = top.mediaType
        message.from = first["from"].map(AddressList.parse) ?? []
        // The first field only, as Python does (RFC 5322 allows one of each).
        message.to = first["to"].map(AddressList.parse) ?? []
        message.cc = first["cc"].map(AddressList.parse) ?? []
        message.replyTo = first["reply-to"].map(AddressList.parse) ?? []
        message.subject = first["subject"].map(EncodedWords.decode) ?? ""
        message.date = first["date"].flatMap(MailDate.parse)
        message.messageID = first["message-id"].flatMap { MessageIDs.parse($0).first }
        message.inReplyTo = first["in-reply-to"].map(MessageIDs.parse) ?? []
        message.references = first["references"].map(MessageIDs.parse) ?? []
        if let textIndex { message.textBody = decodedText(textIndex) }
        if let htmlIndex { message.htmlBody = decodedText(htmlIndex) }
        var attachments: [MailAttachment] = []
        collectAttachments(root, bodies: Set([textIndex, htmlIndex].compactMap { $0 }), into: &attachments)
        message.attachments = attachments
        message.warnings = warnings.list
        return message
    }
}

/// Warnings, deduplicated, at most 50 (then one line saying how many more).
struct Warnings {
    private(set) var list: [String] = []
    private var seen = Set<String>()
    private var dropped = 0
    static let cap = 50

    mutating func add(_ warning: String) {
        guard seen.insert(warning).inserted else { return }
        if list.count < Self.cap {
            list.append(warning)
        } else {
            dropped += 1
            let summary = "… and \(dropped) more warning\(dropped == 1 ? "" : "s")."
            if list.count == Self.cap { list.append(summary) } else { list[Self.cap] = summary }
        }
    }
}

fileprivate extension String {
    var capitalizedFirst: String {
        guard let f = first else { return self }
        return f.uppercased() + dropFirst()
    }
}

/// File names for attachments.
enum AttachmentNaming {
    /// A file name safe to show and store: control characters removed, directory parts dropped
    /// (`../../x.pdf` → `x.pdf`, `C:\tmp\x.pdf` → `x.pdf`), trimmed; nil when nothing usable is left.
    static func sanitize(_ name: String) -> String? {
        var s = String(String.UnicodeScalarView(name.unicodeScalars.filter {
            !($0.value < 0x20 || (0x7F...0x9F).contains($0.value))
        }))
        if let slash = s.lastIndex(where: { $0 == "/" || $0 == "\\" }) { s = String(s[s.index(after: slash)...]) }
        s = s.trimmingCharacters(in: .whitespaces)
        if s.isEmpty || s == "." || s == ".." { return nil }
        return s
    }

    static let extensions: [String: String] = [
        "message/rfc822": "eml", "message/global": "eml", "message/delivery-status": "txt",
        "message/disposition-notification": "txt", "text/plain": "txt", "text/html": "html",
        "text/calendar": "ics", "text/csv": "csv", "text/vcard": "vcf", "text/x-vcard": "vcf",
        "text/rfc822-headers": "txt", "text/xml": "xml", "text/enriched": "txt", "text/richtext": "txt",
        "image/png": "png", "image/jpeg": "jpg", "image/jpg": "jpg", "image/pjpeg": "jpg", "image/gif": "gif",
        "image/webp": "webp", "image/bmp": "bmp", "image/tiff": "tif", "image/svg+xml": "svg",
        "image/heic": "heic", "application/pdf": "pdf", "application/zip": "zip", "application/json": "json",
        "application/xml": "xml", "application/pgp-signature": "asc", "application/pkcs7-signature": "p7s",
        "application/x-pkcs7-signature": "p7s", "application/ics": "ics", "application/msword": "doc",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
        "application/vnd.ms-excel": "xls",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
        "audio/mpeg": "mp3", "audio/wav": "wav", "video/mp4": "mp4",
    ]

    /// For a part without a file name: an attached message is named after its subject (`<subject>.eml`,
    /// `message.eml` without one), anything else `attachment-N.ext` (N its 1-based position among the
    /// message's attachments, the extension from its type, `bin` when unknown).
    static func fallback(contentType: String, index: Int, subject: String) -> String {
        if contentType == "message/rfc822" || contentType == "message/global" {
            var cleaned = String(String.UnicodeScalarView(subject.unicodeScalars.map { s -> Unicode.Scalar in
                switch s.value {
                case 0..<0x20, 0x7F...0x9F: return " "
                case 0x2F, 0x5C, 0x3A, 0x2A, 0x3F, 0x22, 0x3C, 0x3E, 0x7C: return "_" // / \ : * ? " < > |
                default: return s
                }
            }))
            cleaned = cleaned.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
            if cleaned.count > 100 { cleaned = ASCII.trim(String(cleaned.prefix(100))) }
            if cleaned.hasPrefix(".") { cleaned = "_" + cleaned.dropFirst() }
            return (cleaned.isEmpty ? "message" : cleaned) + ".eml"
        }
        return "attachment-\(index).\(extensions[contentType] ?? "bin")"
    }
}

/// Small ASCII string helpers, cheaper than Foundation's for header names and values.
enum ASCII {
    @inline(__always) static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0D || c == 0x0A }

    /// Without leading and trailing spaces, tabs, CR and LF.
    static func trim(_ s: String) -> String {
        let u = s.utf8
        guard let f = u.first, let l = u.last, isSpace(f) || isSpace(l) else { return s }
        var lo = u.startIndex, hi = u.endIndex
        while lo < hi, isSpace(u[lo]) { lo = u.index(after: lo) }
        while hi > lo, isSpace(u[u.index(before: hi)]) { hi = u.index(before: hi) }
        return String(s[lo..<hi])
    }

    /// ASCII letters lowercased (other characters as they are).
    static func lowercased(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) else { return s }
        return String(decoding: s.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
}
