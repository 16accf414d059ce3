extension MailComposer {
    /// Base64 (RFC 2045) in lines of 76 characters, each ended by CRLF.
    enum Base64Lines {
        private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

        static func encode(_ data: [UInt8], into out: inout [UInt8]) {
            let groups = (data.count + 2) / 3
            out.reserveCapacity(out.count + groups * 4 + (groups / 19 + 1) * 2)
            var column = 0
            var index = 0
            data.withUnsafeBufferPointer { bytes in
                while index < bytes.count {
                    let b0 = bytes[index]
                    let b1 = index + 1 < bytes.count ? bytes[index + 1] : 0
                    let b2 = index + 2 < bytes.count ? bytes[index + 2] : 0
                    out.append(alphabet[Int(b0 >> 2)])
                    out.append(alphabet[Int((b0 & 0x03) << 4 | b1 >> 4)])
                    out.append(index + 1 < bytes.count ? alphabet[Int((b1 & 0x0F) << 2 | b2 >> 6)] : UInt8(ascii: "="))
                    out.append(index + 2 < bytes.count ? alphabet[Int(b2 & 0x3F)] : UInt8(ascii: "="))
                    index += 3
                    column += 4
                    if column == 76 {
                        out.append(13)
                        out.append(10)
                        column = 0
                    }
                }
            }
            if column > 0 {
                out.append(13)
                out.append(10)
            }
        }

        /// Unbroken base64 (for B encoded words), no line breaks.
        static func encodeUnbroken(_ data: some Collection<UInt8>, into out: inout [UInt8]) {
            var iterator = data.makeIterator()
            while let b0 = iterator.next() {
                let b1 = iterator.next(), b2 = b1 == nil ? nil : iterator.next()
                out.append(alphabet[Int(b0 >> 2)])
                out.append(alphabet[Int((b0 & 0x03) << 4 | (b1 ?? 0) >> 4)])
                out.append(b1.map { alphabet[Int(($0 & 0x0F) << 2 | (b2 ?? 0) >> 6)] } ?? UInt8(ascii: "="))
                out.append(b2.map { alphabet[Int($0 & 0x3F)] } ?? UInt8(ascii: "="))
            }
        }
    }
}
