import CasebookCore
import Foundation
import SQLKit

/// A stock receipt as pages and the API show it: its lines (inspected counts once inspected) and supplier claims.
struct ReceiptRecord: Sendable {
    struct Line: Sendable {
        var sku: String
        var expected: Int
        var received: Int
        var good: Int?
        var defective: Int?
        var defectReason: String
    }
    struct Claim: Sendable { var kind: String; var sku: String; var quantity: Int; var reason: String }
    var id: Int
    var supplier: String
    var reference: String
    var status: String
    var createdByID: Int
    var createdAt: Int64
    var inspectedAt: Int64?
    /// For a delivery announced before it arrives (status `expected`): when the supplier said it would.
    var expectedAt: Int64?
    var lines: [Line]
    var claims: [Claim]
}

/// SQL for `stock_receipts`, their lines and supplier claims.
struct ReceiptStore: Sendable {
    let db: any SQLDatabase

    func insertClaims(_ claims: [SupplierClaim], receiptID: Int, now: Int64) async throws {
        for claim in claims {
            try await db.raw("""
                INSERT INTO supplier_claims (receipt_id, kind, sku, quantity, reason, created_at)
                VALUES (\(bind: receiptID), \(bind: claim.kind.rawValue), \(bind: claim.sku.rawValue), \(bind: claim.quantity),
                        \(bind: claim.reason), \(bind: now))
                """).run()
        }
    }

    func find(id: Int) async throws -> ReceiptRecord? {
        try await list(where: "id = \(bind: id)", limit: 1).first
    }

    /// Newest first; `status` expected (announced), received (awaiting inspection) or inspected.
    func list(status: String? = nil, limit: Int = 100) async throws -> [ReceiptRecord] {
        try await list(where: status.map { "status = \(bind: $0)" } ?? "1 = 1", limit: limit)
    }

    private func list(where condition: SQLQueryString, limit: Int) async throws -> [ReceiptRecord] {
        let rows = try await db.raw("SELECT * FROM stock_receipts WHERE \(condition) ORDER BY id DESC LIMIT \(bind: limit)").all()
        guard !rows.isEmpty else { return [] }
        let ids = try rows.map { try $0.decode(column: "id", as: Int.self) }
        var lines: [Int: [ReceiptRecord.Line]] = [:]
        for l in try await db.raw("SELECT * FROM stock_receipt_lines WHERE receipt_id IN (\(binds: ids)) ORDER BY receipt_id, sku").all() {
            lines[try l.decode(column: "receipt_id", as: Int.self), default: []].append(ReceiptRecord.Line(
                sku: try l.decode(column: "sku", as: String.self), expected: try l.decode(column: "expected", as: Int.self),
                received: try l.decode(column: "received", as: Int.self), good: try l.decode(column: "good", as: Int?.self),
                defective: try l.decode(column: "defective", as: Int?.self), defectReason: try l.decode(column: "defect_reason", as: String.self)))
        }
        var claims: [Int: [ReceiptRecord.Claim]] = [:]
        for c in try await db.raw("SELECT * FROM supplier_claims WHERE receipt_id IN (\(binds: ids)) ORDER BY id").all() {
            claims[try c.decode(column: "receipt_id", as: Int.self), default: []].append(ReceiptRecord.Claim(
                kind: try c.decode(column: "kind", as: String.self), sku: try c.decode(column: "sku", as: String.self),
                quantity: try c.decode(column: "quantity", as: Int.self), reason: try c.decode(column: "reason", as: String.self)))
        }
        return try rows.map { r in
            let id = try r.decode(column: "id", as: Int.self)
            return ReceiptRecord(id: id, supplier: try r.decode(column: "supplier", as: String.self),
                                 reference: try r.decode(column: "reference", as: String.self), status: try r.decode(column: "status", as: String.self),
                                 createdByID: try r.decode(column: "created_by_id", as: Int.self), createdAt: try r.decode(column: "created_at", as: Int64.self),
                                 inspectedAt: try r.decode(column: "inspected_at", as: Int64?.self),
                                 expectedAt: try r.decode(column: "expected_at", as: Int64?.self), lines: lines[id] ?? [], claims: claims[id] ?? [])
        }
    }
}
