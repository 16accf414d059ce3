import CasebookMail

/// libFuzzer entry point: every input goes through the whole parser and each public helper.
///
/// Besides "no crash, no hang, no runaway memory" (libFuzzer's own checks), it asserts what the parser
/// promises: an input is either refused with a `MailParseError` or parsed, and attachments never hold more
/// bytes than the input (the decoders only shrink data; parts do not overlap).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))

    // Small limits too, so the limit paths (depth, parts, header size) are reached with small inputs.
    let small = MailLimits(maxBytes: 1 << 20, maxDepth: 4, maxParts: 16, maxHeaderBytes: 2_048, maxHeaderFields: 64)
    for limits in [MailLimits.default, small] {
        do {
            let message = try MIMEParser.parse(bytes, limits: limits)
            let attached = message.attachments.reduce(0) { $0 + $1.data.count }
            precondition(attached <= size, "attachments hold \(attached) bytes from a \(size)-byte input")
            _ = message.warnings.count
        } catch {
            _ = error.description
        }
    }

    _ = MIMEParser.headers(of: bytes)
    let text = String(decoding: bytes, as: UTF8.self)
    _ = AddressList.parse(text)
    _ = EncodedWords.decode(text)
    _ = MessageIDs.parse(text)
    _ = MailDate.parse(text)
    // The first byte picks a charset for the rest.
    if let first = bytes.first {
        let charsets = ["utf-8", "us-ascii", "iso-8859-1", "iso-8859-5", "windows-1252", "koi8-r", "shift_jis",
                        "euc-jp", "iso-2022-jp", "gb2312", "big5", "euc-kr", "utf-16", "utf-32", "utf-7", "x-bogus"]
        _ = Charsets.decode(Array(bytes.dropFirst()), charset: charsets[Int(first) % charsets.count])
    }
    return 0
}

// MARK: - Entry point

/// libFuzzer's driver (in the runtime that `-sanitize=fuzzer` links).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

/// SwiftPM links an executable with `--defsym main=<Module>_main`, so the program starts here (not in
/// libFuzzer's own main, which the linker then ignores); hand over to libFuzzer's driver with the same
/// arguments.
@_cdecl("MailParserFuzz_main")
public func mailParserFuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var count = argc
    var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzz)
}
