import ArgumentParser
import CasebookCore
import CasebookServer
import Foundation
import Logging

@main
struct CasebookCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "casebook",
        abstract: "Casebook, the support desk: tickets, people and a Zendesk-compatible API.",
        subcommands: [Serve.self, Migrate.self, Demo.self, UserCommand.self, Mailgate.self, Bench.self])
}

/// Options every command that opens the database shares.
struct DataOptions: ParsableArguments {
    @Option(help: "Folder for the embedded SQLite database (ignored when DATABASE_URL=postgres://… is set).")
    var dataDir: String = "./casebook-data"

    func config(host: String = "127.0.0.1", port: Int = 8080) -> AppConfig {
        AppConfig(host: host, port: port, dataDirectory: dataDir)
    }
}

func makeLogger(_ level: Logger.Level = .info) -> Logger {
    var logger = Logger(label: "casebook")
    logger.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? level
    return logger
}

/// Opens the database (migrating it), runs `body`, and always closes it.
func withDatabase<R>(_ config: AppConfig, logger: Logger, _ body: (Database) async throws -> R) async throws -> R {
    let database = try await Server.open(config, logger: logger)
    do {
        let result = try await body(database)
        await database.shutdown()
        return result
    } catch {
        await database.shutdown()
        throw error
    }
}

func printFirstAdmin(_ credentials: Accounts.Credentials?) {
    guard let credentials else { return }
    say("""
        Casebook created the first admin. These are shown once; keep them safe.
        Admin email: \(credentials.email)
        Admin password: \(credentials.password ?? "")
        API token: \(credentials.token)
        """)
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the Casebook server.")
    @Option(help: "Address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on.") var port = 8080
    @OptionGroup var data: DataOptions
    @Flag(help: "Load the demo stories (idempotent).") var demo = false

    func run() async throws {
        let logger = makeLogger()
        let config = data.config(host: host, port: port)
        let database = try await Server.open(config, logger: logger)
        do {
            printFirstAdmin(try await Accounts.ensureFirstAdmin(database: database))
            if demo {
                sayDemo(try await DemoLoader.load(into: database))
            }
            say("Casebook listening on http://\(host):\(port) (\(database.engine.rawValue))")
            try await Server.run(config, database: database, logger: logger)
        } catch {
            await database.shutdown()
            throw error
        }
        await database.shutdown()
    }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Bring the database schema up to date.")
    @OptionGroup var data: DataOptions

    func run() async throws {
        let logger = makeLogger(.warning)
        let config = data.config()
        let database = try await Database.open(config.database, logger: logger)
        do {
            let applied = try await Migrator(database: database).migrate()
            say(applied.isEmpty ? "The schema is up to date." : "Applied: " + applied.joined(separator: ", "))
        } catch {
            await database.shutdown()
            throw error
        }
        await database.shutdown()
    }
}

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Load the demo stories into the database (idempotent).")
    @OptionGroup var data: DataOptions

    func run() async throws {
        try await withDatabase(data.config(), logger: makeLogger(.warning)) { database in
            printFirstAdmin(try await Accounts.ensureFirstAdmin(database: database))
            sayDemo(try await DemoLoader.load(into: database))
        }
    }
}

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "user", abstract: "Manage people.",
                                                    subcommands: [Create.self, Token.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a user and print an API token for it.")
        @Option var email: String
        @Option var name: String
        @Option(help: "end-user, agent, lead, manager or admin") var role: String = "agent"
        @OptionGroup var data: DataOptions

        func validate() throws {
            guard Role(rawValue: role) != nil else {
                throw ValidationError("--role must be one of: \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }

        func run() async throws {
            try await withDatabase(data.config(), logger: makeLogger(.warning)) { database in
                do {
                    let credentials = try await Accounts.create(database: database, email: email, name: name,
                                                                role: Role(rawValue: role)!)
                    say("Created \(role) \(name) <\(credentials.email)> (id \(credentials.userID))")
                    if let password = credentials.password { say("Password: \(password)") }
                    say("API token: \(credentials.token)")
                } catch let failure as Accounts.Failure {
                    throw CLIError(failure.description)
                }
            }
        }
    }

    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Issue a new API token for a user.")
        @Option var email: String
        @OptionGroup var data: DataOptions

        func run() async throws {
            try await withDatabase(data.config(), logger: makeLogger(.warning)) { database in
                do {
                    say("API token: \(try await Accounts.issueToken(database: database, email: email, description: "casebook user token"))")
                } catch let failure as Accounts.Failure {
                    throw CLIError(failure.description)
                }
            }
        }
    }
}

/// Writes a line to standard output at once (an MTA, a test harness or a pipe reads it before we exit).
func say(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}

/// A failure to report in one line (no usage text): the command was right, the situation was not.
struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// What `--demo` added, and how to sign in as the demo people.
func sayDemo(_ summary: DemoLoader.Summary) {
    say("Demo data: \(summary.tickets) tickets, \(summary.users) users, \(summary.organizations) organizations, \(summary.groups) groups added")
    if let password = summary.password {
        say("Demo people sign in with the password \(password) — e.g. morgan.avery@brightbeam.example (lead),")
        say("  jamie.cole@brightbeam.example (agent) in the workspace, gordon.blake@northwind.example in the portal.")
    }
}
