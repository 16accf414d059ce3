import ChildProcess
import Foundation
import Testing
@testable import CasebookMail

/// Every message under Fixtures/cpython (CPython's own email test corpus) and Fixtures/extra (ours) must parse
/// without error, and every field must equal what Python's `email` package (policy.default) extracts, as
/// printed by Fixtures/expected.py (run with `python3`, or `$CASEBOOK_PYTHON`).
///
/// Normalizations (representation only, applied to Python's side):
/// - Bodies: CR LF → LF. MIMEParser returns bodies with LF line ends; Python does too for 7bit/8bit/QP parts
///   (it reads with universal newlines) but keeps CR LF that came out of base64.
/// - Attachment file names go through `AttachmentNaming.sanitize` (control characters and directory parts
///   removed — a safety measure of ours); unnamed parts are compared against `AttachmentNaming.fallback`
///   computed from Python's own view of the part (type, position, and the attached message's subject).
/// - Dates: Python gives a naive datetime for `-0000` and unknown zones; expected.py takes it as UTC, as
///   MIMEParser does (RFC 5322 §4.3).
/// - message/* attachments: Python keeps no bytes for them (it parses them into objects); expected.py
///   serialises the part back with Python's generator (no refolding), which for these messages reproduces the
///   source lines, and that is compared with our raw bytes.
@Suite("Corpus compared with Python's email package")
struct CorpusTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let corpusDirectories = ["cpython", "extra"]

    /// Messages not compared with Python, with the reason. Keep this empty unless Python is clearly wrong and
    /// matching it is impossible.
    static let exclusions: [String: String] = [:]

    /// Attachment bytes not compared (the rest of the attachment is), "file#n" → why.
    static let attachmentDataExclusions: [String: String] = [
        "cpython/msg_42.txt#1":
            "The attached message ends with `--BBB--`, the close delimiter of its multipart that has no part at "
            + "all; Python's feedparser drops lines after a close delimiter met before any part, so its "
            + "re-serialisation (94 bytes) lacks that line. Our data is the attached message's bytes as sent "
            + "(102 bytes); Python keeps no bytes to compare with.",
    ]

    /// Fields for which Python itself raises on a given file (expected.py prints `{"python_error": …}`):
    /// "file:field" → why. They are not compared; anything else that raises in Python fails the test.
    static let pythonErrors: [String: String] = [
        "extra/unknown-charset.eml:text":
            "Python's get_content() raises LookupError for an unknown charset; MIMEParser falls back to UTF-8 "
            + "and warns (checked in ParseCharsetTests).",
    ]

    static func corpusFiles() -> [String] {
        var files: [String] = []
        for dir in corpusDirectories {
            let url = fixtures.appendingPathComponent(dir)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            for name in names.sorted() where !name.hasPrefix(".") && name != "LICENSE" && name != "README.md" {
                files.append("\(dir)/\(name)")
            }
        }
        return files
    }

    @Test("The corpus is there")
    func corpusPresent() {
        let files = Self.corpusFiles()
        #expect(files.filter { $0.hasPrefix("cpython/") }.count >= 48)
        #expect(files.filter { $0.hasPrefix("extra/") }.count >= 8)
    }

    @Test("Every corpus message parses without error")
    func everyMessageParses() throws {
        for file in Self.corpusFiles() {
            let raw = try [UInt8](Data(contentsOf: Self.fixtures.appendingPathComponent(file)))
            do {
                _ = try MIMEParser.parse(raw)
            } catch {
                Issue.record("\(file): \(error)")
            }
        }
    }

    @Test("Fields equal Python's", arguments: corpusFiles())
    func matchesPython(file: String) throws {
        if let reason = Self.exclusions[file] {
            print("excluded \(file): \(reason)")
            return
        }
        let expectedAll = try PythonExpectations.shared.get()
        let expected = try #require(expectedAll[file], "expected.py printed nothing for \(file)")
        let raw = try [UInt8](Data(contentsOf: Self.fixtures.appendingPathComponent(file)))
        let parsed = try MIMEParser.parse(raw)

        func check<T>(_ field: String, _ value: PyField<T>?, _ body: (T) -> Void) {
            guard let value else {
                Issue.record("\(file): expected.py has no \(field)")
                return
            }
            switch value {
            case let .value(v):
                body(v)
            case let .error(message):
                if Self.pythonErrors["\(file):\(field)"] == nil {
                    Issue.record("\(file): Python raised on \(field) (\(message)); list it in pythonErrors with a reason")
                }
            }
        }

        if let failure = expected.pythonError {
            Issue.record("\(file): Python failed on the whole message: \(failure)")
            return
        }
        check("from", expected.from) { #expect(Self.pairs(parsed.from) == Self.pairs($0), "\(file): from") }
        check("to", expected.to) { #expect(Self.pairs(parsed.to) == Self.pairs($0), "\(file): to") }
        check("cc", expected.cc) { #expect(Self.pairs(parsed.cc) == Self.pairs($0), "\(file): cc") }
        check("reply_to", expected.replyTo) { #expect(Self.pairs(parsed.replyTo) == Self.pairs($0), "\(file): reply-to") }
        check("subject", expected.subject) { #expect(parsed.subject == $0, "\(file): subject") }
        check("date", expected.date) { epoch in
            #expect(parsed.date.map { Int($0.timeIntervalSince1970) } == epoch, "\(file): date")
        }
        check("message_id", expected.messageID) { #expect(parsed.messageID == $0, "\(file): message-id") }
        check("in_reply_to", expected.inReplyTo) { #expect(parsed.inReplyTo == $0, "\(file): in-reply-to") }
        check("references", expected.references) { #expect(parsed.references == $0, "\(file): references") }
        check("content_type", expected.contentType) { #expect(parsed.contentType == $0, "\(file): content type") }
        check("text", expected.text) { text in
            let want = text.map(Self.lf)
            #expect(parsed.textBody == want, "\(file): text body\(Self.difference(parsed.textBody, want))")
        }
        check("html", expected.html) { html in
            let want = html.map(Self.lf)
            #expect(parsed.htmlBody == want, "\(file): html body\(Self.difference(parsed.htmlBody, want))")
        }
        check("attachments", expected.attachments) { attachments in
            let counts = "\(parsed.attachments.map(\.contentType)) vs Python \(attachments.map(\.contentType))"
            #expect(parsed.attachments.count == attachments.count, "\(file): attachments \(counts)")
            for (i, (ours, theirs)) in zip(parsed.attachments, attachments).enumerated() {
                let at = "\(file): attachment \(i + 1)"
                #expect(ours.contentType == theirs.contentType, "\(at): type")
                if Self.attachmentDataExclusions["\(file)#\(i + 1)"] == nil {
                    #expect(ours.data.count == theirs.size, "\(at): size")
                    #expect(CRC32.checksum(ours.data) == theirs.crc32, "\(at): crc32")
                }
                #expect(ours.contentID == theirs.contentID, "\(at): content-id")
                let inline = theirs.disposition == "inline" || (theirs.disposition == nil && theirs.contentID != nil)
                #expect(ours.isInline == inline, "\(at): inline")
                let subject: String
                switch theirs.subject {
                case let .value(s)?: subject = s
                case .error?, nil: subject = ""
                }
                let name = theirs.filename.flatMap(AttachmentNaming.sanitize)
                    ?? AttachmentNaming.fallback(contentType: theirs.contentType, index: i + 1, subject: subject)
                #expect(ours.filename == name, "\(at): filename")
            }
        }
    }

    struct Pair: Equatable, CustomStringConvertible {
        var name: String?
        var address: String
        var description: String { "\(name.map { "\"\($0)\" " } ?? "")<\(address)>" }
    }

    static func pairs(_ list: [MailAddress]) -> [Pair] { list.map { Pair(name: $0.name, address: $0.address) } }
    static func pairs(_ list: [PythonAddress]) -> [Pair] { list.map { Pair(name: $0.name, address: $0.address) } }

    static func lf(_ s: String) -> String { s.replacingOccurrences(of: "\r\n", with: "\n") }

    static func difference(_ a: String?, _ b: String?) -> String {
        guard let a, let b else { return " (\(a == nil ? "nil" : "text") vs \(b == nil ? "nil" : "text"))" }
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        var i = 0
        while i < x.count, i < y.count, x[i] == y[i] { i += 1 }
        func around(_ s: [Unicode.Scalar]) -> String {
            String(String.UnicodeScalarView(s[max(0, i - 20)..<min(s.count, i + 20)])).debugDescription
        }
        return " (first difference at scalar \(i): ours \(around(x)), Python \(around(y)))"
    }
}

// MARK: - What expected.py prints

enum PyField<T: Decodable & Sendable>: Decodable, Sendable {
    case value(T)
    case error(String)

    private struct Marker: Decodable { var python_error: String }

    init(from decoder: Decoder) throws {
        if let marker = try? Marker(from: decoder) {
            self = .error(marker.python_error)
        } else {
            self = .value(try T(from: decoder))
        }
    }
}

struct PythonAddress: Decodable, Sendable {
    var name: String?
    var address: String
}

struct PythonAttachment: Decodable, Sendable {
    var filename: String?
    var contentType: String
    var size: Int
    var crc32: UInt32
    var contentID: String?
    var disposition: String?
    var subject: PyField<String>?

    enum CodingKeys: String, CodingKey {
        case filename, size, crc32, disposition, subject
        case contentType = "content_type"
        case contentID = "content_id"
    }
}

struct PythonMessage: Decodable, Sendable {
    var file: String
    var pythonError: String?
    var from: PyField<[PythonAddress]>?
    var to: PyField<[PythonAddress]>?
    var cc: PyField<[PythonAddress]>?
    var replyTo: PyField<[PythonAddress]>?
    var subject: PyField<String>?
    var date: PyField<Int?>?
    var messageID: PyField<String?>?
    var inReplyTo: PyField<[String]>?
    var references: PyField<[String]>?
    var text: PyField<String?>?
    var html: PyField<String?>?
    var contentType: PyField<String>?
    var attachments: PyField<[PythonAttachment]>?

    enum CodingKeys: String, CodingKey {
        case file, from, to, cc, subject, date, text, html, attachments, references
        case replyTo = "reply_to"
        case pythonError = "python_error"
        case messageID = "message_id"
        case inReplyTo = "in_reply_to"
        case contentType = "content_type"
    }

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        file = try c.decode(String.self, forKey: .file)
        pythonError = try c.decodeIfPresent(String.self, forKey: .pythonError)
        from = try c.decodeIfPresent(PyField<[PythonAddress]>.self, forKey: .from)
        to = try c.decodeIfPresent(PyField<[PythonAddress]>.self, forKey: .to)
        cc = try c.decodeIfPresent(PyField<[PythonAddress]>.self, forKey: .cc)
        replyTo = try c.decodeIfPresent(PyField<[PythonAddress]>.self, forKey: .replyTo)
        subject = try c.decodeIfPresent(PyField<String>.self, forKey: .subject)
        // A JSON null must reach PyField<T?> as .value(nil), which decodeIfPresent would turn into a missing key.
        date = c.contains(.date) ? try c.decode(PyField<Int?>.self, forKey: .date) : nil
        messageID = c.contains(.messageID) ? try c.decode(PyField<String?>.self, forKey: .messageID) : nil
        inReplyTo = try c.decodeIfPresent(PyField<[String]>.self, forKey: .inReplyTo)
        references = try c.decodeIfPresent(PyField<[String]>.self, forKey: .references)
        text = c.contains(.text) ? try c.decode(PyField<String?>.self, forKey: .text) : nil
        html = c.contains(.html) ? try c.decode(PyField<String?>.self, forKey: .html) : nil
        contentType = try c.decodeIfPresent(PyField<String>.self, forKey: .contentType)
        attachments = try c.decodeIfPresent(PyField<[PythonAttachment]>.self, forKey: .attachments)
    }
}

/// Runs expected.py once per test process.
final class PythonExpectations: Sendable {
    static let shared = PythonExpectations()
    private let result: Result<[String: PythonMessage], PythonRunError>

    struct PythonRunError: Error, CustomStringConvertible {
        var description: String
    }

    private init() {
        result = Self.run()
    }

    func get() throws -> [String: PythonMessage] { try result.get() }

    private static func run() -> Result<[String: PythonMessage], PythonRunError> {
        let python = ProcessInfo.processInfo.environment["CASEBOOK_PYTHON"] ?? "python3"
        let script = CorpusTests.fixtures.appendingPathComponent("expected.py").path
        let dirs = CorpusTests.corpusDirectories.map { CorpusTests.fixtures.appendingPathComponent($0).path }
        let stdout = Pipe(), stderr = Pipe()
        let process: ChildProcess
        do {
            process = try ChildProcess([python, script] + dirs, environment: ["PYTHONIOENCODING": "utf-8", "PYTHONDONTWRITEBYTECODE": "1"],
                                       stdout: stdout.fileHandleForWriting.fileDescriptor, stderr: stderr.fileHandleForWriting.fileDescriptor)
        } catch {
            return .failure(PythonRunError(description: "cannot run \(python) (set CASEBOOK_PYTHON): \(error)"))
        }
        try? stdout.fileHandleForWriting.close()
        try? stderr.fileHandleForWriting.close()
        // Read before waiting: the output is larger than a pipe buffer. (Errors are small: read after.)
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.wait()
        guard process.terminationStatus == 0 else {
            return .failure(PythonRunError(description: "\(python) expected.py exited with "
                + "\(process.terminationStatus): \(String(decoding: err, as: UTF8.self))"))
        }
        do {
            let list = try JSONDecoder().decode([PythonMessage].self, from: out)
            return .success(Dictionary(list.map { ($0.file, $0) }, uniquingKeysWith: { a, _ in a }))
        } catch {
            return .failure(PythonRunError(description: "cannot read expected.py's output: \(error)"))
        }
    }
}

enum CRC32 {
    static let table: [UInt32] = (0..<256).map { i -> UInt32 in
        var c = UInt32(i)
        for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func checksum(_ data: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for b in data { crc = table[Int((crc ^ UInt32(b)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }
}
