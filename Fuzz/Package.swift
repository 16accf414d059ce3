// swift-tools-version:6.1
// libFuzzer target for Casebook's MIME parser. Build and run with scripts/fuzz-mail (from the repository root),
// or by hand:
//   cd Fuzz && swift build -c release -Xswiftc -sanitize=fuzzer --product MailParserFuzz
//   .build/release/MailParserFuzz -max_total_time=60 -rss_limit_mb=2048 CORPUS_DIR ../Tests/CasebookMailTests/Fixtures/cpython
// About main(): libFuzzer's runtime brings its own main(), and SwiftPM links every executable with
// `--defsym main=MailParserFuzz_main`. So the target is compiled with -parse-as-library (no Swift-generated
// entry point, hence an unsafe flag, allowed because this package is only ever the root) and defines
// MailParserFuzz_main itself, handing over to libFuzzer's LLVMFuzzerRunDriver (see MailParserFuzz.swift).
// Only CasebookMail (no dependencies) is compiled; the root package's other dependencies are resolved, never built.
import PackageDescription

let package = Package(
    name: "CasebookFuzz",
    dependencies: [
        .package(name: "casebook", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "MailParserFuzz",
            dependencies: [.product(name: "CasebookMail", package: "casebook")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ],
    swiftLanguageModes: [.v6]
)
