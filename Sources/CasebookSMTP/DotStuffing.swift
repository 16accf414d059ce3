/// Turns a message into the bytes sent after DATA's 354 (RFC 5321 §4.5.2).
///
/// - Every line ending becomes CRLF: CRLF stays, a bare LF or a bare CR becomes CRLF (a bare CR or LF is not
///   allowed in SMTP data, and servers treat them inconsistently).
/// - A line that starts with "." gets one more "." (the server removes it again).
/// - The last line is ended with CRLF if it was not, and the terminating `.` CRLF is appended.
enum DotStuffing {
    static let terminator: [UInt8] = [UInt8(ascii: "."), 13, 10]

    /// The DATA bytes for `message`, terminator included.
    static func encode(_ message: [UInt8]) -> [UInt8] {
        let cr: UInt8 = 13
        let lf: UInt8 = 10
        let dot = UInt8(ascii: ".")
        var out: [UInt8] = []
        out.reserveCapacity(message.count + message.count / 64 + 8)
        var atLineStart = true
        var index = 0
        let count = message.count
        while index < count {
            let byte = message[index]
            switch byte {
            case cr:
                out.append(cr)
                out.append(lf)
                // CRLF is one line end, not two.
                if index + 1 < count, message[index + 1] == lf { index += 1 }
                atLineStart = true
            case lf:
                out.append(cr)
                out.append(lf)
                atLineStart = true
            default:
                if atLineStart && byte == dot { out.append(dot) }
                out.append(byte)
                atLineStart = false
            }
            index += 1
        }
        if !atLineStart { out.append(cr); out.append(lf) }
        out.append(contentsOf: terminator)
        return out
    }

    /// Undoes `encode` (the server's side): for tests and for symmetry.
    static func decode(_ data: [UInt8]) -> [UInt8] {
        var lines: [[UInt8]] = []
        var current: [UInt8] = []
        var index = 0
        while index < data.count {
            if data[index] == 13, index + 1 < data.count, data[index + 1] == 10 {
                lines.append(current)
                current = []
                index += 2
                continue
            }
            current.append(data[index])
            index += 1
        }
        var out: [UInt8] = []
        for line in lines {
            if line == [UInt8(ascii: ".")] { break }
            let body = line.first == UInt8(ascii: ".") ? Array(line.dropFirst()) : line
            out.append(contentsOf: body)
            out.append(contentsOf: [13, 10])
        }
        return out
    }

    /// True when any byte is outside 7-bit ASCII (so MAIL FROM should say BODY=8BITMIME).
    static func containsEightBit(_ bytes: [UInt8]) -> Bool {
        bytes.contains { $0 >= 0x80 }
    }
}
