/// The SASL mechanisms the client speaks (RFC 4954). PLAIN is preferred: one round trip.
public enum SMTPAuthMechanism: String, Sendable, CaseIterable {
    case plain = "PLAIN"
    case login = "LOGIN"

    /// The mechanism to use: the one the configuration forces, else PLAIN, else LOGIN, among those offered.
    static func choose(offered: Set<String>, forced: SMTPAuthMechanism?) -> SMTPAuthMechanism? {
        if let forced { return offered.contains(forced.rawValue) ? forced : nil }
        for mechanism in [SMTPAuthMechanism.plain, .login] where offered.contains(mechanism.rawValue) {
            return mechanism
        }
        return nil
    }

    /// PLAIN's initial response: base64 of NUL user NUL password (no authorization identity).
    static func plainInitialResponse(username: String, password: String) -> String {
        Base64.encode([0] + Array(username.utf8) + [0] + Array(password.utf8))
    }
}

/// Standard base64 with padding, enough for SASL (no Foundation needed).
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    static func encode(_ string: String) -> String { encode(Array(string.utf8)) }

    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index + 3 <= bytes.count {
            let n = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
            out.append(alphabet[Int(n >> 18 & 63)])
            out.append(alphabet[Int(n >> 12 & 63)])
            out.append(alphabet[Int(n >> 6 & 63)])
            out.append(alphabet[Int(n & 63)])
            index += 3
        }
        let rest = bytes.count - index
        if rest == 1 {
            let n = UInt32(bytes[index]) << 16
            out.append(alphabet[Int(n >> 18 & 63)])
            out.append(alphabet[Int(n >> 12 & 63)])
            out.append(contentsOf: Array("==".utf8))
        } else if rest == 2 {
            let n = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8
            out.append(alphabet[Int(n >> 18 & 63)])
            out.append(alphabet[Int(n >> 12 & 63)])
            out.append(alphabet[Int(n >> 6 & 63)])
            out.append(UInt8(ascii: "="))
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes standard base64 (padding optional); nil on any other character.
    static func decode(_ string: String) -> [UInt8]? {
        var values: [UInt8] = []
        for byte in string.utf8 {
            if byte == UInt8(ascii: "=") { break }
            guard let value = alphabet.firstIndex(of: byte) else { return nil }
            values.append(UInt8(value))
        }
        var out: [UInt8] = []
        var index = 0
        while index + 4 <= values.count {
            let n = UInt32(values[index]) << 18 | UInt32(values[index + 1]) << 12
                | UInt32(values[index + 2]) << 6 | UInt32(values[index + 3])
            out.append(UInt8(n >> 16 & 0xFF))
            out.append(UInt8(n >> 8 & 0xFF))
            out.append(UInt8(n & 0xFF))
            index += 4
        }
        let rest = values.count - index
        if rest == 1 { return nil }
        if rest >= 2 {
            var n = UInt32(values[index]) << 18 | UInt32(values[index + 1]) << 12
            if rest == 3 { n |= UInt32(values[index + 2]) << 6 }
            out.append(UInt8(n >> 16 & 0xFF))
            if rest == 3 { out.append(UInt8(n >> 8 & 0xFF)) }
        }
        return out
    }
}
