import CasebookCore
import Foundation
import SQLKit

/// Deliveries a supplier announced before they arrive: what is expected of each SKU and when. They move no stock;
/// they tell waiting customers when to expect their units (delay notices) until the delivery arrives.
extension OrderService {
    func announce(supplier: String, reference: String, expectedAt: Int64, lines: [(sku: SKU, expected: Int)], actor: Actor) async throws -> Int {
        let now = clock.now()
        var errors = FieldErrors()
        if supplier.trimmingCharacters(in: .whitespaces).isEmpty { errors.add("supplier", error: "BlankValue", "Supplier: cannot be blank") }
        if lines.isEmpty { errors.add("lines", error: "BlankValue", "Lines: an announced delivery needs at least one line {sku, expected}") }
        if lines.contains(where: { $0.expected <= 0 }) { errors.add("lines", error: "InvalidValue", "Lines: expected quantities above zero") }
        if Set(lines.map(\.sku)).count != lines.count { errors.add("lines", error: "InvalidValue", "Lines: each SKU once") }
        if !errors.isEmpty { throw APIError.invalid(errors) }
        return try await database.write { db in
            try await Self.checkSKUs(lines.map(\.sku), db: db)
            let receiptID = try await db.raw("""
                INSERT INTO stock_receipts (supplier, reference, status, created_by_id, created_at, expected_at)
                VALUES (\(bind: supplier), \(bind: reference), 'expected', \(bind: actor.id), \(bind: now), \(bind: expectedAt)) RETURNING id
                """).first()!.decode(column: "id", as: Int.self)
            for line in lines {
                try await db.raw("""
                    INSERT INTO stock_receipt_lines (receipt_id, sku, expected, received)
                    VALUES (\(bind: receiptID), \(bind: line.sku.rawValue), \(bind: line.expected), 0)
                    """).run()
            }
            return receiptID
        }
    }

    /// An announced delivery arrives: the counts received per SKU (a SKU not announced is refused), inspected at once
    /// with `inspections` or left in quarantine for `inspect`. One transaction; a delivery arrives once.
    func arrive(receiptID: Int, received: [SKU: Int], inspections: [Inspection]?, actor: Actor) async throws -> [SupplierClaim] {
        let now = clock.now()
        return try await database.write { db in
            guard let receipt = try await ReceiptStore(db: db).find(id: receiptID) else { throw APIError.notFound("No stock receipt \(receiptID)") }
            guard receipt.status == "expected" else {
                throw APIError.invalid("status", "Receipt #\(receiptID) has arrived already", error: "InvalidValue")
            }
            let announced = Set(receipt.lines.map { SKU($0.sku) })
            if let stranger = received.keys.first(where: { !announced.contains($0) }) {
                throw APIError.invalid("lines", "Lines: \(stranger) was not announced on receipt #\(receiptID)")
            }
            let lines = receipt.lines.map { ReceiptLine(sku: SKU($0.sku), expected: $0.expected, received: received[SKU($0.sku)] ?? 0) }
            let claims = try await Self.bookArrival(receiptID: receiptID, lines: lines, inspections: inspections, actor: actor, now: now, db: db)
            try await db.raw("""
                UPDATE stock_receipts SET status = \(bind: inspections == nil ? "received" : "inspected"),
                    inspected_at = \(bind: inspections == nil ? nil : now) WHERE id = \(bind: receiptID)
                """).run()
            return claims
        }
    }

    /// Stock on its way for a SKU: deliveries announced (on their date) and deliveries awaiting inspection (now).
    static func incoming(sku: SKU, now: Int64, db: any SQLDatabase) async throws -> [IncomingStock] {
        try await db.raw("""
            SELECT r.status, r.expected_at, l.expected, l.received FROM stock_receipts r JOIN stock_receipt_lines l ON l.receipt_id = r.id
            WHERE l.sku = \(bind: sku.rawValue) AND r.status IN ('expected', 'received')
            """).all().map { row in
            if try row.decode(column: "status", as: String.self) == "expected" {
                return IncomingStock(at: max(try row.decode(column: "expected_at", as: Int64?.self) ?? now, now),
                                     units: try row.decode(column: "expected", as: Int.self))
            }
            return IncomingStock(at: now, units: try row.decode(column: "received", as: Int.self))
        }
    }
}
