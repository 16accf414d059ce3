/// Content-Transfer-Encoding decoders. All are single-pass, never fail, and produce at most as many bytes as
/// they are given.
enum TransferEncodings {
    struct Result {
        var bytes: [UInt8]
        /// The input was not well-formed (bad characters, bad padding, dangling data); decoded leniently.
        var repaired: Bool
    }

    static let base64Table: [UInt8] = {
        var t = [UInt8](repeating: 0xFF, count: 256)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        for (i, c) in alphabet.enumerated() { t[Int(c)] = UInt8(i) }
        return t
    }()

    /// Base64 the way Python's `email` decodes bodies (`binascii.a2b_base64` in non-strict mode, after its own
    /// padding repair): characters outside the alphabet (line breaks, spaces, garbage) are skipped, missing
    /// padding is supplied, and a complete `=` pad group ends the data (what follows — typically a mailing-list
    /// footer appended to the part — is not decoded). When the data cannot be base64 at all (one character
    /// too many for any encoding: typically plain text mislabelled as base64), the input is returned with its
    /// line breaks removed, as Python does.
    static func decodeBase64(_ input: UnsafeBufferPointer<UInt8>) -> Result {
        var out = [UInt8]()
        out.reserveCapacity(input.count / 4 * 3 + 3)
        var repaired = false
        var quadPos = 0
        var leftover: UInt32 = 0
        var pads = 0
        base64Table.withUnsafeBufferPointer { table in
            loop: for c in input {
                if c == UInt8(ascii: "=") {
                    if quadPos >= 2 {
                        pads += 1
                        if quadPos + pads >= 4 { break loop }
                    } else {
                        repaired = true
                    }
                    continue
                }
                let v = table[Int(c)]
                if v == 0xFF {
                    if c != 0x0A, c != 0x0D { repaired = true }
                    continue
                }
                if pads > 0 { repaired = true }
                pads = 0
                switch quadPos {
                case 0:
                    leftover = UInt32(v)
                    quadPos = 1
                case 1:
                    out.append(UInt8(truncatingIfNeeded: (leftover << 2) | UInt32(v >> 4)))
                    leftover = UInt32(v & 0x0F)
                    quadPos = 2
                case 2:
                    out.append(UInt8(truncatingIfNeeded: (leftover << 4) | UInt32(v >> 2)))
                    leftover = UInt32(v & 0x03)
                    quadPos = 3
                default:
                    out.append(UInt8(truncatingIfNeeded: (leftover << 6) | UInt32(v)))
                    quadPos = 0
                }
            }
        }
        if quadPos != 0, quadPos + pads < 4 { repaired = true } // missing padding, or a dangling character
        if quadPos == 1 {
            return Result(bytes: input.filter { $0 != 0x0A && $0 != 0x0D }, repaired: true)
        }
        return Result(bytes: out, repaired: repaired)
    }

    @inline(__always)
    static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        default: return nil
        }
    }

    /// Quoted-printable as Python decodes it (`binascii.a2b_qp`): `=XX` (either case) is a byte, `=` before a
    /// line break is a soft break, `==` is `=`, any other `=` stays as it is, and a `=` ending the data is
    /// dropped. One leniency beyond Python: `=` followed only by spaces or tabs before the line break (what
    /// some encoders leave) is a soft break too. In `header` mode (RFC 2047 "Q"), `_` is a space.
    static func decodeQuotedPrintable(_ input: UnsafeBufferPointer<UInt8>, header: Bool = false) -> Result {
        var out = [UInt8]()
        out.reserveCapacity(input.count)
        var repaired = false
        let n = input.count
        var i = 0
        while i < n {
            let c = input[i]
            if c == UInt8(ascii: "=") {
                i += 1
                if i >= n { break }
                let d = input[i]
                if d == 0x0A || d == 0x0D {
                    // Soft line break: skip to after the LF.
                    while i < n, input[i] != 0x0A { i += 1 }
                    if i < n { i += 1 }
                    continue
                }
                if d == UInt8(ascii: "=") {
                    out.append(UInt8(ascii: "="))
                    i += 1
                    repaired = true
                    continue
                }
                if i + 1 < n, let h = hexValue(d), let l = hexValue(input[i + 1]) {
                    out.append(h << 4 | l)
                    i += 2
                    continue
                }
                if d == 0x20 || d == 0x09 {
                    var j = i
                    while j < n, input[j] == 0x20 || input[j] == 0x09 { j += 1 }
                    if j >= n || input[j] == 0x0A || input[j] == 0x0D {
                        while j < n, input[j] != 0x0A { j += 1 }
                        i = j < n ? j + 1 : j
                        repaired = true
                        continue
                    }
                }
                repaired = true
                out.append(UInt8(ascii: "="))
                continue
            }
            if header, c == UInt8(ascii: "_") {
                out.append(0x20)
            } else {
                out.append(c)
            }
            i += 1
        }
        return Result(bytes: out, repaired: repaired)
    }

    /// uuencode (`x-uuencode`, `uuencode`, `uue`, `x-uue`) as Python's `email` decodes it: from the
    /// `begin <octal mode> <name>` line to `end`. Without a begin line, nil (the caller keeps the bytes as they are).
    static func decodeUU(_ input: UnsafeBufferPointer<UInt8>) -> Result? {
        var lines: [Range<Int>] = []
        var start = 0
        for i in 0..<input.count where input[i] == 0x0A {
            var end = i
            if end > start, input[end - 1] == 0x0D { end -= 1 }
            lines.append(start..<end)
            start = i + 1
        }
        if start < input.count { lines.append(start..<input.count) }
        var index = 0
        var found = false
        while index < lines.count {
            let line = Array(input[lines[index]])
            index += 1
            if line.starts(with: Array("begin ".utf8)) {
                let rest = line.dropFirst(6)
                let mode = rest.prefix { $0 != 0x20 }
                if !mode.isEmpty, mode.allSatisfy({ (0x30...0x37).contains($0) }) {
                    found = true
                    break
                }
            }
        }
        guard found else { return nil }
        var out = [UInt8]()
        var repaired = false
        while index < lines.count {
            let line = Array(input[lines[index]])
            index += 1
            if line.isEmpty { repaired = true; break }
            let trimmed = line.filter { $0 != 0x20 && $0 != 0x09 && $0 != 0x0C }
            if trimmed == Array("end".utf8) { break }
            let count = Int((line[0] &- 0x20) & 0x3F)
            var decoded = [UInt8]()
            var j = 1
            while decoded.count < count {
                var quad = [UInt8](repeating: 0, count: 4)
                for k in 0..<4 {
                    quad[k] = j + k < line.count ? (line[j + k] &- 0x20) & 0x3F : 0
                }
                decoded.append(quad[0] << 2 | quad[1] >> 4)
                decoded.append(quad[1] << 4 | quad[2] >> 2)
                decoded.append(quad[2] << 6 | quad[3])
                j += 4
            }
            out.append(contentsOf: decoded.prefix(count))
        }
        return Result(bytes: out, repaired: repaired)
    }
}
