import Foundation
import Logging
import NIOCore
import NIOPosix
import SQLKit
import SQLiteKit
import VaporCSQLite

/// The SQLite writer connection. SQLite has one writer at a time, so Casebook keeps one connection for writes and
/// runs its statements inline on the calling task instead of hopping to a thread pool and back for each one: a
/// ticket create is eight short statements, and the hops, not SQLite, were what bounded the write rate.
/// Prepared statements are cached per SQL text.
final class InlineSQLiteConnection: @unchecked Sendable {
    // @unchecked Sendable: `handle` and `cache` are only touched by the one task that holds this connection,
    // which `Database` hands out through a `ConnectionQueue` of size one; the queue's actor orders the hand-overs.
    private let handle: OpaquePointer
    private var cache: [String: OpaquePointer] = [:]
    private static let cacheLimit = 128

    struct Failure: Error, CustomStringConvertible {
        var code: Int32
        var message: String
        var sql: String
        var description: String { "SQLite error \(code): \(message) (in: \(sql.prefix(200)))" }
    }

    init(path: String) throws {
        sqlite_nio_sqlite3_initialize()
        var handle: OpaquePointer?
        let flags = SQLITE_OPEN_CREATE | SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_EXRESCODE
        let result = sqlite_nio_sqlite3_open_v2(path, &handle, flags, nil)
        guard result == SQLITE_OK, let handle else {
            if let handle { sqlite_nio_sqlite3_close(handle) }
            throw Failure(code: result, message: "cannot open the database", sql: path)
        }
        self.handle = handle
    }

    deinit {
        for statement in cache.values { sqlite_nio_sqlite3_finalize(statement) }
        sqlite_nio_sqlite3_close(handle)
    }

    private var errorMessage: String { String(cString: sqlite_nio_sqlite3_errmsg(handle)) }

    private func prepared(_ sql: String) throws -> OpaquePointer {
        if let statement = cache[sql] { return statement }
        var statement: OpaquePointer?
        let result = sqlite_nio_sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard result == SQLITE_OK, let statement else { throw Failure(code: result, message: errorMessage, sql: sql) }
        if cache.count >= Self.cacheLimit {
            for old in cache.values { sqlite_nio_sqlite3_finalize(old) }
            cache.removeAll()
        }
        cache[sql] = statement
        return statement
    }

    /// Runs one statement with its bound values, calling `onRow` for each result row.
    func execute(_ sql: String, _ binds: [SQLiteData], onRow: (InlineSQLiteRow) -> Void) throws {
        let statement = try prepared(sql)
        defer {
            sqlite_nio_sqlite3_reset(statement)
            sqlite_nio_sqlite3_clear_bindings(statement)
        }
        for (index, value) in binds.enumerated() {
            let i = Int32(index + 1)
            let result: Int32
            switch value {
            case .integer(let v): result = sqlite_nio_sqlite3_bind_int64(statement, i, Int64(v))
            case .float(let v): result = sqlite_nio_sqlite3_bind_double(statement, i, v)
            case .text(let v):
                result = sqlite_nio_sqlite3_bind_text64(statement, i, v, UInt64(v.utf8.count), SQLITE_TRANSIENT_INLINE,
                                                        UInt8(SQLITE_UTF8))
            case .blob(let v):
                result = v.withUnsafeReadableBytes {
                    sqlite_nio_sqlite3_bind_blob64(statement, i, $0.baseAddress, UInt64($0.count), SQLITE_TRANSIENT_INLINE)
                }
            case .null: result = sqlite_nio_sqlite3_bind_null(statement, i)
            }
            guard result == SQLITE_OK else { throw Failure(code: result, message: errorMessage, sql: sql) }
        }
        var columns: [String]?
        while true {
            let step = sqlite_nio_sqlite3_step(statement)
            if step == SQLITE_DONE { return }
            guard step == SQLITE_ROW else { throw Failure(code: step, message: errorMessage, sql: sql) }
            let count = sqlite_nio_sqlite3_column_count(statement)
            if columns == nil {
                columns = (0..<count).map { String(cString: sqlite_nio_sqlite3_column_name(statement, $0)) }
            }
            var values: [SQLiteData] = []
            values.reserveCapacity(Int(count))
            for c in 0..<count {
                switch sqlite_nio_sqlite3_column_type(statement, c) {
                case SQLITE_INTEGER: values.append(.integer(Int(sqlite_nio_sqlite3_column_int64(statement, c))))
                case SQLITE_FLOAT: values.append(.float(sqlite_nio_sqlite3_column_double(statement, c)))
                case SQLITE_TEXT:
                    values.append(.text(sqlite_nio_sqlite3_column_text(statement, c).map { String(cString: $0) } ?? ""))
                case SQLITE_BLOB:
                    let length = Int(sqlite_nio_sqlite3_column_bytes(statement, c))
                    var buffer = ByteBufferAllocator().buffer(capacity: length)
                    if let bytes = sqlite_nio_sqlite3_column_blob(statement, c) {
                        buffer.writeBytes(UnsafeRawBufferPointer(start: bytes, count: length))
                    }
                    values.append(.blob(buffer))
                default: values.append(.null)
                }
            }
            onRow(InlineSQLiteRow(columns: columns!, values: values))
        }
    }
}

private let SQLITE_TRANSIENT_INLINE = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// A result row of the inline connection.
struct InlineSQLiteRow: SQLRow {
    let columns: [String]
    let values: [SQLiteData]

    var allColumns: [String] { columns }
    func contains(column: String) -> Bool { columns.contains(column) }

    private func value(_ column: String) throws -> SQLiteData {
        guard let index = columns.firstIndex(of: column) else {
            throw DecodingError.keyNotFound(SQLiteColumnKey(column), .init(codingPath: [], debugDescription: "no column \(column)"))
        }
        return values[index]
    }

    func decodeNil(column: String) throws -> Bool { try value(column) == .null }

    func decode<D: Decodable>(column: String, as: D.Type) throws -> D {
        let data = try value(column)
        if let direct = D.self as? any SQLiteDirectValue.Type, let value = direct.init(sqliteValue: data) {
            return value as! D
        }
        return try SQLiteDataDecoder().decode(D.self, from: data)
    }
}

private struct SQLiteColumnKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ s: String) { stringValue = s }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// SQLKit's view of the inline connection.
struct InlineSQLiteDatabase: SQLDatabase {
    let connection: InlineSQLiteConnection
    let logger: Logger
    let eventLoop: any EventLoop
    var dialect: any SQLDialect { SQLiteDialect() }
    var queryLogLevel: Logger.Level? { .trace }

    private func run(_ query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) throws {
        let (sql, binds) = serialize(query)
        let encoder = SQLiteDataEncoder()
        let values = try binds.map { value in
            if let direct = value as? any SQLiteDirectValue { return direct.sqliteValue }
            return try encoder.encode(value)
        }
        try connection.execute(sql, values) { onRow($0) }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) -> EventLoopFuture<Void> {
        do {
            try run(query, onRow)
            return eventLoop.makeSucceededVoidFuture()
        } catch {
            return eventLoop.makeFailedFuture(error)
        }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) async throws {
        try run(query, onRow)
    }
}

/// Values the inline connection binds and reads without going through `Codable` (which costs more than the
/// SQLite statement for the small values a ticket write binds by the dozen).
protocol SQLiteDirectValue {
    var sqliteValue: SQLiteData { get }
    init?(sqliteValue: SQLiteData)
}

extension Int: SQLiteDirectValue {
    var sqliteValue: SQLiteData { .integer(self) }
    init?(sqliteValue: SQLiteData) {
        switch sqliteValue {
        case .integer(let v): self = v
        case .float(let v) where v == v.rounded(): self = Int(v)
        case .text(let s): guard let v = Int(s) else { return nil }; self = v
        default: return nil
        }
    }
}

extension Int64: SQLiteDirectValue {
    var sqliteValue: SQLiteData { .integer(Int(self)) }
    init?(sqliteValue: SQLiteData) {
        guard let v = Int(sqliteValue: sqliteValue) else { return nil }
        self = Int64(v)
    }
}

extension Int32: SQLiteDirectValue {
    var sqliteValue: SQLiteData { .integer(Int(self)) }
    init?(sqliteValue: SQLiteData) {
        guard let v = Int(sqliteValue: sqliteValue), let n = Int32(exactly: v) else { return nil }
        self = n
    }
}

extension String: SQLiteDirectValue {
    var sqliteValue: SQLiteData { .text(self) }
    init?(sqliteValue: SQLiteData) {
        switch sqliteValue {
        case .text(let s): self = s
        case .integer(let v): self = String(v)
        case .float(let v): self = String(v)
        default: return nil
        }
    }
}

extension Bool: SQLiteDirectValue {
    var sqliteValue: SQLiteData { .integer(self ? 1 : 0) }
    init?(sqliteValue: SQLiteData) {
        guard case .integer(let v) = sqliteValue else { return nil }
        self = v != 0
    }
}

extension Double: SQLiteDirectValue {
    var sqliteValue: SQLiteData { .float(self) }
    init?(sqliteValue: SQLiteData) {
        switch sqliteValue {
        case .float(let v): self = v
        case .integer(let v): self = Double(v)
        default: return nil
        }
    }
}

extension Optional: SQLiteDirectValue where Wrapped: SQLiteDirectValue {
    var sqliteValue: SQLiteData { self?.sqliteValue ?? .null }
    init?(sqliteValue: SQLiteData) {
        if sqliteValue == .null { self = .none; return }
        guard let v = Wrapped(sqliteValue: sqliteValue) else { return nil }
        self = .some(v)
    }
}
