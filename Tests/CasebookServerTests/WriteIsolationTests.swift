import Foundation
import SQLKit
import Testing
@testable import CasebookServer

@Suite("Concurrent writes")
struct WriteIsolationTests {
    struct Refused: Error {}

    @Test("Concurrent writes commit or fail one by one, even when SQLite batches them into one commit",
          arguments: TestDatabase.all)
    func failuresStayIsolated(db: TestDatabase) async throws {
        try await db.withFreshDatabase { database in
            // act: 40 writers at once; every third one writes and then fails.
            let outcomes = await withTaskGroup(of: (Int, Bool).self) { group in
                for i in 0..<40 {
                    group.addTask {
                        do {
                            try await database.write { db in
                                _ = try await GroupStore(db: db).insert(name: "Group \(i)", description: "")
                                if i % 3 == 0 { throw Refused() }
                            }
                            return (i, true)
                        } catch {
                            return (i, false)
                        }
                    }
                }
                var all: [Int: Bool] = [:]
                for await (i, ok) in group { all[i] = ok }
                return all
            }
            // check
            let names = Set(try await database.read { db in
                try await db.raw("SELECT name FROM groups").all().map { try $0.decode(column: "name", as: String.self) }
            })
            for i in 0..<40 {
                #expect(outcomes[i] == (i % 3 != 0), "writer \(i)")
                #expect(names.contains("Group \(i)") == (i % 3 != 0), "group \(i)")
            }
            // A write that breaks a constraint fails alone too.
            await #expect(throws: (any Error).self) {
                try await database.write { db in _ = try await GroupStore(db: db).insert(name: "Group 1", description: "") }
            }
            #expect(try await database.write { db in try await GroupStore(db: db).insert(name: "Group 99", description: "") } > 0)
        }
    }
}
