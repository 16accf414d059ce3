extension MailComposer {
    /// Random for boundaries: the system generator, or a seeded SplitMix64 for reproducible output in tests.
    struct BoundaryRandom {
        private var state: UInt64?
        private var system = SystemRandomNumberGenerator()

        init(seed: UInt64?) { state = seed }

        mutating func next() -> UInt64 {
            guard var z = state else { return system.next() }
            z &+= 0x9E37_79B9_7F4A_7C15
            state = z
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    enum MIMEBoundary {
        private static let alphabet = Array("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8)

        /// `=_cb_` and 24 random characters. `=_` cannot occur in quoted-printable or base64 output; 7bit text
        /// could hold anything, so the candidate is also checked against every part it will separate.
        static func make(notIn parts: [[UInt8]], random: inout BoundaryRandom) -> String {
            while true {
                var candidate = Array("=_cb_".utf8)
                for _ in 0..<24 { candidate.append(alphabet[Int(random.next() % UInt64(alphabet.count))]) }
                if !parts.contains(where: { occurs(candidate, in: $0) }) {
                    return String(decoding: candidate, as: UTF8.self)
                }
            }
        }

        static func occurs(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
            guard let first = needle.first, haystack.count >= needle.count else { return false }
            return haystack.withUnsafeBufferPointer { hay in
                needle.withUnsafeBufferPointer { pin in
                    var index = 0
                    let last = hay.count - pin.count
                    while index <= last {
                        if hay[index] == first {
                            var matched = 1
                            while matched < pin.count && hay[index + matched] == pin[matched] { matched += 1 }
                            if matched == pin.count { return true }
                        }
                        index += 1
                    }
                    return false
                }
            }
        }
    }
}
