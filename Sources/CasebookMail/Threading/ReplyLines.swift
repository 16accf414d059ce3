/// A text body split into lines (CRLF, LF or CR), with what the stripper asks of every line computed once. Works
/// on the UTF-8 bytes; Substrings are made only for the few lines that need a closer look.
struct ReplyLines {
    let text: String
    let bytes: [UInt8]
    /// Each line without its terminator.
    let ranges: [Range<Int>]
    /// Each line without surrounding whitespace (ASCII whitespace and U+00A0).
    let content: [Range<Int>]
    /// First non-space character is `>`.
    let isQuoted: [Bool]
    let isBlank: [Bool]

    var count: Int { ranges.count }

    init(_ text: String) {
        self.text = text
        let bytes = Array(text.utf8)
        self.bytes = bytes
        var ranges: [Range<Int>] = []
        var content: [Range<Int>] = []
        var quoted: [Bool] = []
        var blank: [Bool] = []
        bytes.withUnsafeBufferPointer { buffer in
            var lineStart = 0
            var index = 0
            func add(_ end: Int) {
                ranges.append(lineStart..<end)
                let trimmed = Self.trim(buffer, lineStart..<end)
                content.append(trimmed)
                quoted.append(!trimmed.isEmpty && buffer[trimmed.lowerBound] == UInt8(ascii: ">"))
                blank.append(trimmed.isEmpty)
            }
            while index < buffer.count {
                let byte = buffer[index]
                if byte == 10 || byte == 13 {
                    add(index)
                    index += byte == 13 && index + 1 < buffer.count && buffer[index + 1] == 10 ? 2 : 1
                    lineStart = index
                } else {
                    index += 1
                }
            }
            if lineStart < buffer.count { add(buffer.count) }
        }
        self.ranges = ranges
        self.content = content
        isQuoted = quoted
        isBlank = blank
    }

    /// The line (without terminator).
    subscript(_ index: Int) -> Substring { substring(ranges[index]) }

    /// The line without surrounding whitespace.
    func trimmed(_ index: Int) -> Substring { substring(content[index]) }

    /// The trimmed line's bytes.
    func contentBytes(_ index: Int) -> ArraySlice<UInt8> { bytes[content[index]] }

    private func substring(_ range: Range<Int>) -> Substring {
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
        let end = utf8.index(start, offsetBy: range.count)
        return text[start..<end]
    }

    /// The end of `range` once trailing blank lines are left out.
    func trimBlank(_ range: Range<Int>) -> Int {
        var end = range.upperBound
        while end > range.lowerBound && isBlank[end - 1] { end -= 1 }
        return end
    }

    /// Lines `range` joined with LF.
    func joined(_ range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        var out: [UInt8] = []
        out.reserveCapacity(ranges[range.upperBound - 1].upperBound - ranges[range.lowerBound].lowerBound)
        for index in range {
            if index > range.lowerBound { out.append(10) }
            out.append(contentsOf: bytes[ranges[index]])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The first line holding Casebook's marker (quoted or not, with or without the `##-` decoration an
    /// HTML-to-text conversion may drop).
    func markerLine() -> Int? {
        guard let offset = Self.find(Self.markerCore, in: bytes) else { return nil }
        var low = 0, high = ranges.count - 1
        while low < high {  // the last line starting at or before offset
            let middle = (low + high + 1) / 2
            if ranges[middle].lowerBound <= offset { low = middle } else { high = middle - 1 }
        }
        return low
    }

    private static let markerCore = Array("reply above this line".utf8)

    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        return haystack.withUnsafeBufferPointer { hay in
            var index = 0
            let last = hay.count - needle.count
            while index <= last {
                if hay[index] == first {
                    var matched = 1
                    while matched < needle.count && hay[index + matched] == needle[matched] { matched += 1 }
                    if matched == needle.count { return index }
                }
                index += 1
            }
            return nil
        }
    }

    /// Byte-level trim of space, tab, VT, FF and U+00A0 (C2 A0); the bounds stay on scalar boundaries.
    static func trim(_ buffer: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        var start = range.lowerBound, end = range.upperBound
        while start < end {
            let byte = buffer[start]
            if byte == 0x20 || byte == 0x09 || byte == 0x0B || byte == 0x0C {
                start += 1
            } else if byte == 0xC2 && start + 1 < end && buffer[start + 1] == 0xA0 {
                start += 2
            } else {
                break
            }
        }
        while end > start {
            let byte = buffer[end - 1]
            if byte == 0x20 || byte == 0x09 || byte == 0x0B || byte == 0x0C {
                end -= 1
            } else if byte == 0xA0 && end - 2 >= start && buffer[end - 2] == 0xC2 {
                end -= 2
            } else {
                break
            }
        }
        return start..<end
    }

    /// `trim` for a Substring (attribution text joined from several lines).
    static func trim(_ text: Substring) -> Substring {
        var result = text
        while let first = result.first, first == " " || first == "\t" || first == "\u{00A0}" { result = result.dropFirst() }
        while let last = result.last, last == " " || last == "\t" || last == "\u{00A0}" { result = result.dropLast() }
        return result
    }
}
