import CasebookCore
import Foundation
import SQLKit

/// A unit in a customer's hands, as stored.
struct AssetRecord: Sendable, Equatable {
    var id: Int
    var serial: String
    var sku: String
    var productID: Int?
    var customerID: Int?
    var organizationID: Int?
    var site: String
    var purchasedAt: Int64?
    var orderID: Int?
    var firmware: String
    var status: AssetStatus
    var createdAt: Int64
    var updatedAt: Int64
}

/// A product's warranty terms and troubleshooting checklist.
struct WarrantyRecord: Sendable, Equatable {
    var productID: Int
    var terms: WarrantyTerms
    var checklist: [ChecklistStep]
    var updatedAt: Int64
}

/// One step's result on a ticket.
struct ChecklistResultRecord: Sendable, Equatable {
    var stepKey: String
    var result: StepResult
    var note: String
    var recordedByID: Int
    var recordedAt: Int64
}

/// SQL for assets, warranty terms, the assets a ticket is about, and the ticket's troubleshooting results.
struct AssetStore: Sendable {
    let db: any SQLDatabase

    func insert(_ a: AssetRecord) async throws -> Int {
        try await db.raw("""
            INSERT INTO assets (serial, sku, product_id, customer_id, organization_id, site, purchased_at, order_id, firmware, status,
                created_at, updated_at)
            VALUES (\(bind: a.serial), \(bind: a.sku), \(bind: a.productID), \(bind: a.customerID), \(bind: a.organizationID), \(bind: a.site),
                \(bind: a.purchasedAt), \(bind: a.orderID), \(bind: a.firmware), \(bind: a.status.rawValue), \(bind: a.createdAt), \(bind: a.updatedAt))
            RETURNING id
            """).first()!.decode(column: "id", as: Int.self)
    }

    func update(_ a: AssetRecord) async throws {
        try await db.raw("""
            UPDATE assets SET serial = \(bind: a.serial), sku = \(bind: a.sku), product_id = \(bind: a.productID),
                customer_id = \(bind: a.customerID), organization_id = \(bind: a.organizationID), site = \(bind: a.site),
                purchased_at = \(bind: a.purchasedAt), order_id = \(bind: a.orderID), firmware = \(bind: a.firmware),
                status = \(bind: a.status.rawValue), updated_at = \(bind: a.updatedAt)
            WHERE id = \(bind: a.id)
            """).run()
    }

    func setStatus(assetID: Int, _ status: AssetStatus, at: Int64) async throws {
        try await db.raw("UPDATE assets SET status = \(bind: status.rawValue), updated_at = \(bind: at) WHERE id = \(bind: assetID)").run()
    }

    func find(id: Int) async throws -> AssetRecord? {
        try await db.raw("SELECT * FROM assets WHERE id = \(bind: id)").first().map(Self.decode)
    }

    func find(serial: String) async throws -> AssetRecord? {
        try await db.raw("SELECT * FROM assets WHERE serial = \(bind: serial)").first().map(Self.decode)
    }

    /// Of these words, the ones that are known serial numbers (for linking a ticket by what it says).
    func find(serials: [String]) async throws -> [AssetRecord] {
        guard !serials.isEmpty else { return [] }
        return try await db.raw("SELECT * FROM assets WHERE serial IN (\(binds: serials)) ORDER BY id").all().map(Self.decode)
    }

    struct Filter: Sendable {
        var customerID: Int?
        var organizationID: Int?
        var serial: String?

        var sql: SQLFilter {
            var sql = SQLFilter()
            sql.equal("customer_id", customerID)
            sql.equal("organization_id", organizationID)
            sql.equal("serial", serial)
            return sql
        }
    }

    static let paged = FilteredList(from: "assets", decode: decode)

    func list(_ filter: Filter, limit: Int, offset: Int, afterID: Int?) async throws -> [AssetRecord] {
        try await Self.paged.page(db, filter.sql, limit: limit, offset: offset, afterID: afterID)
    }

    func count(_ filter: Filter) async throws -> Int { try await Self.paged.count(db, filter.sql) }

    static func decode(_ row: any SQLRow) throws -> AssetRecord {
        AssetRecord(
            id: try row.decode(column: "id", as: Int.self), serial: try row.decode(column: "serial", as: String.self),
            sku: try row.decode(column: "sku", as: String.self), productID: try row.decode(column: "product_id", as: Int?.self),
            customerID: try row.decode(column: "customer_id", as: Int?.self),
            organizationID: try row.decode(column: "organization_id", as: Int?.self), site: try row.decode(column: "site", as: String.self),
            purchasedAt: try row.decode(column: "purchased_at", as: Int64?.self), orderID: try row.decode(column: "order_id", as: Int?.self),
            firmware: try row.decode(column: "firmware", as: String.self),
            status: AssetStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .inService,
            createdAt: try row.decode(column: "created_at", as: Int64.self), updatedAt: try row.decode(column: "updated_at", as: Int64.self))
    }

    // MARK: Warranty terms

    func warranty(productID: Int) async throws -> WarrantyRecord? {
        try await db.raw("SELECT * FROM warranty_terms WHERE product_id = \(bind: productID)").first().map(Self.decodeWarranty)
    }

    func warranties() async throws -> [WarrantyRecord] {
        try await db.raw("SELECT * FROM warranty_terms ORDER BY product_id").all().map(Self.decodeWarranty)
    }

    func save(_ w: WarrantyRecord) async throws {
        let caveats = JSONValue(w.terms.caveats).text
        let checklist = Self.checklistJSON(w.checklist).text
        try await db.raw("""
            INSERT INTO warranty_terms (product_id, months, coverage, caveats, return_days, checklist, updated_at)
            VALUES (\(bind: w.productID), \(bind: w.terms.months), \(bind: w.terms.coverage), \(bind: caveats), \(bind: w.terms.returnDays),
                \(bind: checklist), \(bind: w.updatedAt))
            ON CONFLICT (product_id) DO UPDATE SET months = excluded.months, coverage = excluded.coverage, caveats = excluded.caveats,
                return_days = excluded.return_days, checklist = excluded.checklist, updated_at = excluded.updated_at
            """).run()
    }

    static func checklistJSON(_ steps: [ChecklistStep]) -> JSONValue {
        .array(steps.map { step in
            ["key": .string(step.key), "title": .string(step.title),
             "required_for": .array(RMAKind.allCases.filter(step.requiredFor.contains).map { .string($0.rawValue) })]
        })
    }

    static func checklist(from value: JSONValue?) -> [ChecklistStep] {
        (value?.arrayValue ?? []).map { item in
            ChecklistStep(key: item["key"]?.stringValue ?? "", title: item["title"]?.stringValue ?? "",
                          requiredFor: Set((item["required_for"]?.arrayValue ?? []).compactMap { $0.stringValue.flatMap(RMAKind.init(rawValue:)) }))
        }
    }

    static func decodeWarranty(_ row: any SQLRow) throws -> WarrantyRecord {
        let caveats = (try? JSONValue.parse(Array(try row.decode(column: "caveats", as: String.self).utf8)))?.arrayValue?.compactMap(\.stringValue) ?? []
        let checklist = checklist(from: try? JSONValue.parse(Array(try row.decode(column: "checklist", as: String.self).utf8)))
        return WarrantyRecord(
            productID: try row.decode(column: "product_id", as: Int.self),
            terms: WarrantyTerms(months: try row.decode(column: "months", as: Int.self), coverage: try row.decode(column: "coverage", as: String.self),
                                 caveats: caveats, returnDays: try row.decode(column: "return_days", as: Int.self)),
            checklist: checklist, updatedAt: try row.decode(column: "updated_at", as: Int64.self))
    }

    // MARK: Tickets about an asset

    func link(ticketID: Int, assetID: Int, by how: String, at: Int64) async throws {
        try await db.raw("""
            INSERT INTO ticket_assets (ticket_id, asset_id, linked_by, created_at) VALUES (\(bind: ticketID), \(bind: assetID), \(bind: how), \(bind: at))
            ON CONFLICT (ticket_id, asset_id) DO NOTHING
            """).run()
    }

    func unlink(ticketID: Int, assetID: Int) async throws {
        try await db.raw("DELETE FROM ticket_assets WHERE ticket_id = \(bind: ticketID) AND asset_id = \(bind: assetID)").run()
    }

    func assets(ticketID: Int) async throws -> [AssetRecord] {
        try await db.raw("""
            SELECT a.* FROM assets a JOIN ticket_assets t ON t.asset_id = a.id WHERE t.ticket_id = \(bind: ticketID) ORDER BY t.created_at, a.id
            """).all().map(Self.decode)
    }

    func tickets(assetID: Int) async throws -> [Int] {
        try await db.raw("SELECT ticket_id FROM ticket_assets WHERE asset_id = \(bind: assetID) ORDER BY ticket_id")
            .all().map { try $0.decode(column: "ticket_id", as: Int.self) }
    }

    // MARK: Troubleshooting results

    func results(ticketID: Int) async throws -> [ChecklistResultRecord] {
        try await db.raw("SELECT * FROM checklist_results WHERE ticket_id = \(bind: ticketID) ORDER BY recorded_at, step_key").all().map { row in
            ChecklistResultRecord(stepKey: try row.decode(column: "step_key", as: String.self),
                                  result: StepResult(rawValue: try row.decode(column: "result", as: String.self)) ?? .notPossible,
                                  note: try row.decode(column: "note", as: String.self),
                                  recordedByID: try row.decode(column: "recorded_by_id", as: Int.self),
                                  recordedAt: try row.decode(column: "recorded_at", as: Int64.self))
        }
    }

    func record(ticketID: Int, _ r: ChecklistResultRecord) async throws {
        try await db.raw("""
            INSERT INTO checklist_results (ticket_id, step_key, result, note, recorded_by_id, recorded_at)
            VALUES (\(bind: ticketID), \(bind: r.stepKey), \(bind: r.result.rawValue), \(bind: r.note), \(bind: r.recordedByID), \(bind: r.recordedAt))
            ON CONFLICT (ticket_id, step_key) DO UPDATE SET result = excluded.result, note = excluded.note,
                recorded_by_id = excluded.recorded_by_id, recorded_at = excluded.recorded_at
            """).run()
    }
}
