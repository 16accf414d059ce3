@preconcurrency import AsyncKit
import Foundation
import Logging
import NIOCore
import NIOPosix
import PostgresKit
import SQLiteKit

public enum SQLEngine: String, Sendable {
    case sqlite, postgres
}

/// Where the data lives: an embedded SQLite file (the default) or a PostgreSQL server.
public enum DatabaseLocation: Sendable, Equatable {
    case sqlite(path: String)
    case postgres(url: String)

    /// `DATABASE_URL=postgres://…` selects PostgreSQL; otherwise SQLite in the data directory.
    public static func from(environment: [String: String], dataDirectory: String) -> DatabaseLocation {
        if let url = environment["DATABASE_URL"], url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
            return .postgres(url: url)
        }
        return .sqlite(path: URL(fileURLWithPath: dataDirectory).appendingPathComponent("casebook.sqlite").path)
    }
}

/// One query layer over both engines. Reads run on any pooled connection; writes run in a transaction.
/// SQLite has a single writer, so writes queue in process rather than fight over the file lock.
public final class Database: Sendable {
    public let engine: SQLEngine
    private let backend: Backend
    let logger: Logger

    private enum Backend: Sendable {
        case sqlite(readers: ConnectionQueue<SQLiteConnection>, writer: SQLiteWriter, all: [SQLiteConnection])
        case postgres(EventLoopGroupConnectionPool<PostgresConnectionSource>)
    }

    /// `readers`: SQLite reader connections; `connectionsPerEventLoop`: the PostgreSQL pool's size per event loop.
    public static func open(_ location: DatabaseLocation, logger: Logger, readers: Int = 4,
                            connectionsPerEventLoop: Int = 8) async throws -> Database {
        switch location {
        case .sqlite(let path):
            try FileManager.default.createDirectory(
                atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path, withIntermediateDirectories: true)
            let writer = try InlineSQLiteConnection(path: path)
            let writerDB = InlineSQLiteDatabase(connection: writer, logger: logger,
                                                eventLoop: MultiThreadedEventLoopGroup.singleton.any())
            try await writerDB.raw("PRAGMA journal_mode = WAL").run()
            // The WAL is copied into the database by `SQLiteCheckpointer` on a connection of its own, off the one
            // writer (mail with attachments writes a lot: `bench email` spent a tenth of its time checkpointing in
            // the writer's commits). The writer checkpoints only if that fell far behind (~400 MB of WAL).
            try await writerDB.raw("PRAGMA wal_autocheckpoint = 100000").run()
            for pragma in Self.sqlitePragmas { try await writerDB.raw(SQLQueryString(pragma)).run() }
            var readerConnections: [SQLiteConnection] = []
            for _ in 0..<readers {
                let connection = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
                for pragma in Self.sqlitePragmas { try await connection.sql().raw(SQLQueryString(pragma)).run() }
                readerConnections.append(connection)
            }
            let checkpoints = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
            for pragma in Self.sqlitePragmas { try await checkpoints.sql().raw(SQLQueryString(pragma)).run() }
            return Database(engine: .sqlite, logger: logger, backend: .sqlite(
                readers: ConnectionQueue(readerConnections), writer: SQLiteWriter(connection: writer, logger: logger),
                all: readerConnections + [checkpoints]), checkpointer: SQLiteCheckpointer(connection: checkpoints, logger: logger))
        case .postgres(let url):
            let configuration = try SQLPostgresConfiguration(url: url)
            let pool = EventLoopGroupConnectionPool(
                source: PostgresConnectionSource(sqlConfiguration: configuration),
                maxConnectionsPerEventLoop: connectionsPerEventLoop, pruneInterval: nil, logger: logger,
                on: MultiThreadedEventLoopGroup.singleton)
            let database = Database(engine: .postgres, logger: logger, backend: .postgres(pool))
            // Fail at start, with the server's message, rather than on the first request.
            do {
                try await database.read { db in try await db.raw("SELECT 1 AS ok").run() }
            } catch {
                await database.shutdown()
                throw DatabaseUnavailable(location: "PostgreSQL at \(configuration.coreConfiguration.host ?? "?")", underlying: error)
            }
            return database
        }
    }

    /// Per-connection settings: foreign keys enforced, wait rather than fail on a lock, durable at checkpoints
    /// (WAL with synchronous=NORMAL), and a larger page cache with memory-mapped reads.
    static let sqlitePragmas = [
        "PRAGMA foreign_keys = ON", "PRAGMA busy_timeout = 5000", "PRAGMA synchronous = NORMAL",
        "PRAGMA cache_size = -65536", "PRAGMA mmap_size = 268435456", "PRAGMA temp_store = MEMORY",
    ]

    private let checkpointer: SQLiteCheckpointer?

    private init(engine: SQLEngine, logger: Logger, backend: Backend, checkpointer: SQLiteCheckpointer? = nil) {
        self.engine = engine
        self.logger = logger
        self.backend = backend
        self.checkpointer = checkpointer
    }

    /// Runs `body` on one connection, outside a transaction.
    public func read<R: Sendable>(_ body: (any SQLDatabase) async throws -> R) async throws -> R {
        switch backend {
        case .sqlite(let readers, _, _):
            let connection = await readers.take()
            do {
                let result = try await body(connection.sql())
                await readers.give(connection)
                return result
            } catch {
                await readers.give(connection)
                throw error
            }
        case .postgres(let pool):
            let connection = try await pool.requestConnection(logger: logger).get()
            defer { pool.releaseConnection(connection) }
            return try await body(connection.sql())
        }
    }

    /// PostgreSQL only: runs `body` on a pooled connection through PostgresNIO's own query interface, for bulk reads
    /// decoded by position (SQLKit decodes each cell by column name, which costs several times more). Nil on SQLite.
    func withPostgresConnection<R: Sendable>(_ body: (PostgresConnection) async throws -> R) async throws -> R? {
        guard case .postgres(let pool) = backend else { return nil }
        let connection = try await pool.requestConnection(logger: logger).get()
        defer { pool.releaseConnection(connection) }
        return try await body(connection)
    }

    /// SQLite only: runs `body` on a reading connection through SQLiteNIO's own query interface, for bulk reads that
    /// take each value straight from SQLite's row (SQLKit's decoding goes through `Decodable`). Nil on PostgreSQL.
    func withSQLiteReader<R: Sendable>(_ body: (SQLiteConnection) async throws -> R) async throws -> R? {
        guard case .sqlite(let readers, _, _) = backend else { return nil }
        let connection = await readers.take()
        do {
            let result = try await body(connection)
            await readers.give(connection)
            return result
        } catch {
            await readers.give(connection)
            throw error
        }
    }

    /// Runs `body` in one transaction: everything it writes is committed together or not at all. On SQLite,
    /// concurrent writes share a commit (each in its own savepoint); see `SQLiteWriter`.
    public func write<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        switch backend {
        case .sqlite(_, let writer, _):
            return try await writer.submit(body)
        case .postgres(let pool):
            let connection = try await pool.requestConnection(logger: logger).get()
            defer { pool.releaseConnection(connection) }
            return try await Self.transaction(connection.sql(), begin: "BEGIN", body)
        }
    }

    private static func transaction<R>(_ db: any SQLDatabase, begin: String,
                                       _ body: (any SQLDatabase) async throws -> R) async throws -> R {
        try await db.raw(SQLQueryString(begin)).run()
        do {
            let result = try await body(db)
            try await db.raw("COMMIT").run()
            return result
        } catch {
            try? await db.raw("ROLLBACK").run()
            throw error
        }
    }

    /// Keeps SQLite's planner statistics current on a live desk, as PostgreSQL's autovacuum does there. `PRAGMA
    /// optimize` (SQLite's advice for long-lived connections, with 0x10000 to look at every table, not only those this
    /// connection queried) analyses the tables never analysed or whose size changed a lot since, each on a sample SQLite
    /// bounds itself, so it stays quick at a million tickets; when nothing changed much it does nothing.
    /// Returns the statements it ran, e.g. `ANALYZE "main"."tickets"` (none on PostgreSQL).
    @discardableResult
    public func optimize() async throws -> [String] {
        guard engine == .sqlite else { return [] }
        return try await write { db in
            // 0x10003 only lists the ANALYZE statements 0x10002 is about to run.
            let planned = try await db.raw("PRAGMA optimize = 0x10003").all().map { row in
                try row.allColumns.first.map { try row.decode(column: $0, as: String.self) } ?? ""
            }
            if !planned.isEmpty { try await db.raw("PRAGMA optimize = 0x10002").run() }
            return planned
        }
    }

    /// Updates the planner's statistics (and PostgreSQL's visibility map, which index-only counts rely on).
    public func refreshStatistics() async throws {
        try await read { db in
            try await db.raw(engine == .postgres ? "VACUUM ANALYZE" : "ANALYZE").run()
        }
    }

    public func shutdown() async {
        await checkpointer?.stop()
        switch backend {
        case .sqlite(_, _, let all):
            for connection in all { try? await connection.close() }
        case .postgres(let pool):
            try? await pool.shutdownAsync()
        }
    }
}

/// The database could not be reached at start.
public struct DatabaseUnavailable: Error, CustomStringConvertible {
    public var location: String
    public var underlying: any Error
    public var description: String { "Cannot connect to \(location): \(String(reflecting: underlying))" }
}

/// Hands out a fixed set of connections one caller at a time; callers wait in order.
actor ConnectionQueue<Connection: Sendable> {
    private var idle: [Connection]
    private var waiting: [CheckedContinuation<Connection, Never>] = []

    init(_ connections: [Connection]) { idle = connections }

    func take() async -> Connection {
        if let connection = idle.popLast() { return connection }
        return await withCheckedContinuation { waiting.append($0) }
    }

    func give(_ connection: Connection) {
        if waiting.isEmpty { idle.append(connection) } else { waiting.removeFirst().resume(returning: connection) }
    }
}

/// Copies SQLite's write-ahead log into the database file every `interval`, on a connection of its own, so the one
/// writer never spends its commits on it. A passive checkpoint waits for nobody: it copies what no reader still
/// needs, and the writer starts the log over once all of it was copied.
final class SQLiteCheckpointer: Sendable {
    static let interval: Duration = .milliseconds(250)
    private let task: Task<Void, Never>

    init(connection: SQLiteConnection, logger: Logger) {
        task = Task.detached(priority: .utility) {
            while !Task.isCancelled {
                try? await Task.sleep(for: Self.interval)
                if Task.isCancelled { break }
                do {
                    try await connection.sql().raw("PRAGMA wal_checkpoint(PASSIVE)").run()
                } catch is CancellationError {
                    break  // the database is closing: its last connection checkpoints on close
                } catch {
                    logger.warning("WAL checkpoint failed", metadata: ["error": "\(error)"])
                }
            }
        }
    }

    func stop() async {
        task.cancel()
        await task.value
    }
}

