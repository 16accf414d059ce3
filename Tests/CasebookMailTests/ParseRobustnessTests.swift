import Foundation
import Testing
@testable import CasebookMail

/// Malformed input in bulk: a deterministic, in-process cousin of the libFuzzer target (Fuzz/), so that every
/// test run (debug build: every unsafe-buffer access bounds-checked) pushes a few thousand broken messages
/// through the parser. Inputs that libFuzzer found crashing go in `regressions` below.
@Suite("MIMEParser on malformed input")
struct ParseRobustnessTests {
    /// SplitMix64: a small seeded generator, so failures reproduce.
    struct Random: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func seeds() throws -> [[UInt8]] {
        var seeds: [[UInt8]] = []
        for file in CorpusTests.corpusFiles() {
            seeds.append(try [UInt8](Data(contentsOf: CorpusTests.fixtures.appendingPathComponent(file))))
        }
        return seeds
    }

    static let tokens: [[UInt8]] = [
        "\r\n", "\n", "\r", "--", "--BOUNDARY", "--BOUNDARY--", "\r\n\r\n", "Content-Type: multipart/mixed; boundary=X\r\n",
        "--X\r\n", "--X--\r\n", "Content-Type: message/rfc822\r\n", "Content-Transfer-Encoding: base64\r\n",
        "Content-Transfer-Encoding: quoted-printable\r\n", "=?utf-8?q?", "?=", "=?", "=\r\n", "=", "\"", "(", ")",
        "<", ">", ";", ":", ",", "@", "\0", "\u{FF}", "*0*=utf-8''%", "filename*=", "charset=", " \t", "From x\r\n",
        "Content-Type: multipart/digest; boundary=D\r\n\r\n--D\r\n\r\n",
    ].map { Array($0.utf8) }

    static func mutate(_ input: [UInt8], _ random: inout Random) -> [UInt8] {
        var data = input
        for _ in 0..<Int.random(in: 1...6, using: &random) {
            let position = data.isEmpty ? 0 : Int.random(in: 0...data.count, using: &random)
            switch Int.random(in: 0..<8, using: &random) {
            case 0 where !data.isEmpty: // flip a byte
                let i = Int.random(in: 0..<data.count, using: &random)
                data[i] = UInt8.random(in: 0...255, using: &random)
            case 1: // insert a token
                data.insert(contentsOf: tokens.randomElement(using: &random)!, at: position)
            case 2 where !data.isEmpty: // delete a range
                let end = min(data.count, position + Int.random(in: 1...64, using: &random))
                data.removeSubrange(min(position, data.count)..<end)
            case 3: // truncate
                data = Array(data.prefix(position))
            case 4 where !data.isEmpty: // duplicate a range
                let end = min(data.count, position + Int.random(in: 1...256, using: &random))
                let start = min(position, data.count)
                data.insert(contentsOf: data[start..<end], at: start)
            case 5: // CRLF ↔ LF
                data = Array(String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n").utf8)
            case 6: // repeat a token many times
                let token = tokens.randomElement(using: &random)!
                for _ in 0..<Int.random(in: 10...400, using: &random) { data.insert(contentsOf: token, at: position) }
            default: // splice another message in
                break
            }
        }
        return data
    }

    static let small = MailLimits(maxBytes: 1 << 20, maxDepth: 4, maxParts: 16, maxHeaderBytes: 2_048,
                                  maxHeaderFields: 64)

    /// What must hold for any input.
    static func check(_ input: [UInt8]) {
        for limits in [MailLimits.default, small] {
            do {
                let message = try MIMEParser.parse(input, limits: limits)
                let attached = message.attachments.reduce(0) { $0 + $1.data.count }
                #expect(attached <= input.count)
                #expect(message.warnings.count <= Warnings.cap + 1)
                for attachment in message.attachments {
                    #expect(!attachment.filename.isEmpty)
                    #expect(!attachment.filename.contains("/"))
                    #expect(!attachment.filename.unicodeScalars.contains { $0.value < 0x20 })
                }
            } catch {
                #expect(!error.description.isEmpty)
            }
        }
        let headers = MIMEParser.headers(of: input)
        #expect(headers.fields.count <= input.count)
        let text = String(decoding: input.prefix(4_096), as: UTF8.self)
        _ = AddressList.parse(text)
        _ = EncodedWords.decode(text)
        _ = MessageIDs.parse(text)
        _ = MailDate.parse(text)
    }

    @Test("1,500 mutated corpus messages: no crash, bounded output")
    func mutatedCorpus() throws {
        let seeds = try Self.seeds()
        var random = Random(state: 20_250_701)
        for _ in 0..<1_500 {
            var input = seeds.randomElement(using: &random)!
            input = Self.mutate(input, &random)
            if Bool.random(using: &random) { input += seeds.randomElement(using: &random)!.prefix(2_000) }
            Self.check(input)
        }
    }

    @Test("Random bytes")
    func randomBytes() {
        var random = Random(state: 7)
        for _ in 0..<500 {
            let length = Int.random(in: 0...2_000, using: &random)
            Self.check((0..<length).map { _ in UInt8.random(in: 0...255, using: &random) })
        }
    }

    /// Inputs found by libFuzzer (scripts/fuzz-mail) that once crashed, hung or blew up; hex or text.
    static let regressions: [String] = [
    ]

    @Test("libFuzzer regressions")
    func fuzzRegressions() {
        for input in Self.regressions { Self.check(Array(input.utf8)) }
    }

    @Test("Pathological shapes stay fast")
    func pathological() throws {
        let clock = ContinuousClock()
        var cases: [[UInt8]] = []
        // 1. 20 nested multiparts (the depth limit), then 200,000 lines starting with "--".
        var deep = ""
        for level in 0..<20 { deep += "Content-Type: multipart/mixed; boundary=b\(level)\n\n--b\(level)\n" }
        deep += "\n" + String(repeating: "--b19-not-quite\n--x\n", count: 100_000)
        cases.append(Array(deep.utf8))
        // 2. A multipart with 400 parts, each with 2,000 header lines.
        cases.append(Array(("Content-Type: multipart/mixed; boundary=p\n\n" + String(repeating: "--p\n"
            + String(repeating: "X-H: v\n", count: 2_000) + "\nx\n", count: 400) + "--p--\n").utf8))
        // 3. A 2 MB header block of continuation lines (refused), and one field of 900 KB of encoded words.
        cases.append(Array(("Subject: x\n" + String(repeating: " =?utf-8?q?a?=\n", count: 150_000) + "\nbody").utf8))
        cases.append(Array(("Subject:" + String(repeating: " =?utf-8?q?x", count: 75_000) + "\n\nbody").utf8))
        // 4. 1 MB of "=" in quoted-printable and of garbage in base64, 5 MB of CR.
        cases.append(Array(("Content-Transfer-Encoding: quoted-printable\n\n" + String(repeating: "=", count: 1 << 20)).utf8))
        cases.append(Array(("Content-Type: image/png\nContent-Transfer-Encoding: base64\n\n"
            + String(repeating: "!=A", count: 400_000)).utf8))
        cases.append(ParseKit.mail("Subject: s\n\n") + [UInt8](repeating: 0x0D, count: 5 << 20))
        // 5. Address and parameter lists of 100,000 entries.
        cases.append(Array(("To: " + String(repeating: "a@b, ", count: 100_000) + "\n\nx").utf8))
        cases.append(Array(("Content-Type: text/plain" + String(repeating: "; p*1*=%41", count: 50_000) + "\n\nx").utf8))
        for input in cases {
            let elapsed = clock.measure { _ = try? MIMEParser.parse(input) }
            #expect(elapsed < .seconds(20), "\(input.count) bytes took \(elapsed)")
        }
    }
}
