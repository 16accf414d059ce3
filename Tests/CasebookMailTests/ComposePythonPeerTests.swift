import ChildProcess
import Foundation
import Testing

@testable import CasebookMail

/// Python's `email` package as an independent reader of what `MailComposer` writes.
enum PythonMailPeer {
    struct Address: Decodable, Equatable {
        var name: String
        var address: String
    }

    struct Attachment: Decodable {
        var filename: String?
        var contentType: String
        var size: Int
        var sha256: String
        var disposition: String?
        var contentID: String?
    }

    struct Result: Decodable {
        var subject: String?
        var from: [Address]
        var to: [Address]
        var cc: [Address]
        var replyTo: [Address]
        var text: String?
        var html: String?
        var attachments: [Attachment]
        var defects: [String]
        var messageID: String?
        var inReplyTo: String?
        var references: String?
        var date: Double?
        var contentType: String
        var headers: [String: String]
        var structure: [String]
        /// From/To/Cc decoded the RFC 2047 way (`decode_header`, which drops whitespace between encoded words).
        var legacy: [String: String]
    }

    static let isAvailable: Bool = FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")
        || FileManager.default.isExecutableFile(atPath: "/usr/local/bin/python3")

    private static let script = #"""
import sys, json, hashlib, email
from email import policy
data = sys.stdin.buffer.read()
msg = email.message_from_bytes(data, policy=policy.default)
def addrs(name):
    h = msg[name]
    if h is None:
        return []
    return [{"name": a.display_name, "address": a.addr_spec} for a in h.addresses]
def content(part):
    if part is None:
        return None
    return part.get_content().replace("\r\n", "\n")
text = msg.get_body(preferencelist=("plain",))
html = msg.get_body(preferencelist=("html",))
atts = []
structure = []
defects = []
for part in msg.walk():
    structure.append(part.get_content_type())
    defects += [type(d).__name__ for d in part.defects]
    for k, v in part.items():
        defects += [k + ": " + type(d).__name__ for d in getattr(v, "defects", ())]
    if part.is_multipart() or part is text or part is html:
        continue
    payload = part.get_payload(decode=True)
    atts.append({"filename": part.get_filename(), "contentType": part.get_content_type(), "size": len(payload),
                 "sha256": hashlib.sha256(payload).hexdigest(), "disposition": part.get_content_disposition(),
                 "contentID": part.get("Content-ID")})
from email.header import decode_header, make_header
legacy_msg = email.message_from_bytes(data)
legacy = {}
for name in ("from", "to", "cc"):
    v = legacy_msg.get(name)
    if v is not None:
        legacy[name] = str(make_header(decode_header(v)))
def s(name):
    v = msg[name]
    return None if v is None else str(v)
print(json.dumps({
    "subject": s("subject"), "from": addrs("from"), "to": addrs("to"), "cc": addrs("cc"), "replyTo": addrs("reply-to"),
    "text": content(text), "html": content(html), "attachments": atts, "defects": defects,
    "messageID": s("message-id"), "inReplyTo": s("in-reply-to"), "references": s("references"),
    "date": msg["date"].datetime.timestamp() if msg["date"] is not None else None,
    "contentType": msg.get_content_type(), "headers": {k: str(v) for k, v in msg.items()}, "structure": structure, "legacy": legacy}))
"""#

    static func read(_ raw: [UInt8]) throws -> Result {
        let input = Pipe(), output = Pipe(), errors = Pipe()
        let process = try ChildProcess(["python3", "-c", script], stdin: input.fileHandleForReading.fileDescriptor,
                                       stdout: output.fileHandleForWriting.fileDescriptor, stderr: errors.fileHandleForWriting.fileDescriptor)
        try input.fileHandleForReading.close()
        try output.fileHandleForWriting.close()
        try errors.fileHandleForWriting.close()
        // Python reads all of stdin before writing, so writing first and reading after cannot deadlock.
        input.fileHandleForWriting.write(Data(raw))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.wait()
        guard process.terminationStatus == 0 else {
            throw PeerError(message: "python3 exited \(process.terminationStatus): \(errorText)")
        }
        return try JSONDecoder().decode(Result.self, from: data)
    }

    struct PeerError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }
}

/// Line discipline every composed message must keep: CRLF only, lines ≤ 998 octets, ASCII headers (unless an
/// address is non-ASCII), header lines ≤ 78 where `headerLimit` says so.
func checkWireFormat(_ raw: [UInt8], headerLimit: Int? = 78, asciiHeaders: Bool = true,
                     sourceLocation: SourceLocation = #_sourceLocation) {
    var lineStart = 0
    var inHeader = true
    var index = 0
    while index < raw.count {
        let byte = raw[index]
        if byte == 13 {
            #expect(index + 1 < raw.count && raw[index + 1] == 10, "bare CR at \(index)", sourceLocation: sourceLocation)
            let length = index - lineStart
            #expect(length <= 998, "line of \(length) octets", sourceLocation: sourceLocation)
            if inHeader {
                if length == 0 {
                    inHeader = false
                } else if let headerLimit {
                    let line = String(decoding: raw[lineStart..<index], as: UTF8.self)
                    #expect(length <= headerLimit, "header line of \(length): \(line)", sourceLocation: sourceLocation)
                }
            }
            index += 2
            lineStart = index
            continue
        }
        #expect(byte != 10, "bare LF at \(index)", sourceLocation: sourceLocation)
        if inHeader && asciiHeaders { #expect(byte < 0x80, "non-ASCII header byte", sourceLocation: sourceLocation) }
        index += 1
    }
    #expect(lineStart == raw.count, "message does not end with CRLF", sourceLocation: sourceLocation)
}

/// SHA-256 (FIPS 180-4), to compare attachment bytes with Python's `hashlib` without a crypto dependency.
func sha256Hex(_ message: [UInt8]) -> String {
    let k: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]
    var h: [UInt32] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]
    var data = message
    data.append(0x80)
    while data.count % 64 != 56 { data.append(0) }
    let bits = UInt64(message.count) * 8
    for shift in stride(from: 56, through: 0, by: -8) { data.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
    func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }
    var w = [UInt32](repeating: 0, count: 64)
    for chunk in stride(from: 0, to: data.count, by: 64) {
        for i in 0..<16 {
            w[i] = UInt32(data[chunk + 4 * i]) << 24 | UInt32(data[chunk + 4 * i + 1]) << 16
                | UInt32(data[chunk + 4 * i + 2]) << 8 | UInt32(data[chunk + 4 * i + 3])
        }
        for i in 16..<64 {
            let s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3)
            let s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10)
            w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
        }
        var (a, b, c, d, e, f, g, hh) = (h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7])
        for i in 0..<64 {
            let t1 = hh &+ (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) &+ ((e & f) ^ (~e & g)) &+ k[i] &+ w[i]
            let t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) &+ ((a & b) ^ (a & c) ^ (b & c))
            (hh, g, f, e, d, c, b, a) = (g, f, e, d &+ t1, c, b, a, t1 &+ t2)
        }
        h[0] &+= a; h[1] &+= b; h[2] &+= c; h[3] &+= d; h[4] &+= e; h[5] &+= f; h[6] &+= g; h[7] &+= hh
    }
    return h.map { word in
        let hex = String(word, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }.joined()
}

@Suite struct ComposePythonPeerTests {
    @Test func sha256MatchesKnownVectors() {
        #expect(sha256Hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(sha256Hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
