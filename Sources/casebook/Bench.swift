import ArgumentParser

struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Measure Casebook and append the figures to BENCHMARKS.md.",
                                                    subcommands: [])
}
