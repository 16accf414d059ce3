import CasebookCore
import Foundation
import SQLKit

struct ProductRecord: Sendable {
    var id: Int
    var name: String
    var description: String
    var variants: [ProductVariant]
    /// The variants that are bundles, by SKU.
    var bundles: [SKU: ProductBundle]
    var createdAt: Int64
}

/// Products and their variants.
struct CatalogueStore: Sendable {
    let db: any SQLDatabase

    static func decodeVariant(_ row: any SQLRow) throws -> ProductVariant {
        let options = (try? JSONValue.parse(Array(try row.decode(column: "options", as: String.self).utf8)))?.objectValue
        return ProductVariant(sku: SKU(try row.decode(column: "sku", as: String.self)), productID: try row.decode(column: "product_id", as: Int.self),
                              name: try row.decode(column: "name", as: String.self),
                              options: Dictionary(uniqueKeysWithValues: (options?.pairs ?? []).compactMap { k, v in v.stringValue.map { (k, $0) } }),
                              price: Money(minor: try row.decode(column: "price_minor", as: Int.self), currency: try row.decode(column: "currency", as: String.self)))
    }

    func insertProduct(name: String, description: String, now: Int64) async throws -> Int {
        try await db.raw("""
            INSERT INTO products (name, description, created_at, updated_at) VALUES (\(bind: name), \(bind: description), \(bind: now), \(bind: now))
            RETURNING id
            """).first()!.decode(column: "id", as: Int.self)
    }

    func insert(_ v: ProductVariant, now: Int64) async throws {
        try await db.raw("""
            INSERT INTO variants (product_id, sku, name, options, price_minor, currency, created_at, updated_at)
            VALUES (\(bind: v.productID), \(bind: v.sku.rawValue), \(bind: v.name), \(bind: JSONValue.object(JSONObject(v.options.mapValues { .string($0) })).text),
                    \(bind: v.price.minor), \(bind: v.price.currency), \(bind: now), \(bind: now))
            """).run()
    }

    func variant(sku: SKU) async throws -> ProductVariant? {
        try await db.raw("SELECT * FROM variants WHERE sku = \(bind: sku.rawValue)").first().map(Self.decodeVariant)
    }

    func product(id: Int) async throws -> ProductRecord? {
        guard let row = try await db.raw("SELECT * FROM products WHERE id = \(bind: id)").first() else { return nil }
        let variants = try await db.raw("SELECT * FROM variants WHERE product_id = \(bind: id) ORDER BY sku").all().map(Self.decodeVariant)
        let bundles = try await self.bundles(skus: variants.map(\.sku))
        return ProductRecord(id: id, name: try row.decode(column: "name", as: String.self), description: try row.decode(column: "description", as: String.self),
                             variants: variants, bundles: bundles, createdAt: try row.decode(column: "created_at", as: Int64.self))
    }

    func products() async throws -> [ProductRecord] {
        let variants = try await db.raw("SELECT * FROM variants ORDER BY sku").all().map(Self.decodeVariant)
        let byProduct = Dictionary(grouping: variants, by: \.productID)
        let bundles = try await self.bundles()
        return try await db.raw("SELECT * FROM products ORDER BY id").all().map { row in
            let id = try row.decode(column: "id", as: Int.self)
            let variants = byProduct[id] ?? []
            return ProductRecord(id: id, name: try row.decode(column: "name", as: String.self),
                                 description: try row.decode(column: "description", as: String.self),
                                 variants: variants, bundles: bundles.filter { bundle in variants.contains { $0.sku == bundle.key } },
                                 createdAt: try row.decode(column: "created_at", as: Int64.self))
        }
    }

    /// Every product's SKUs ("any variant of the product" substitutes).
    func variantsByProduct() async throws -> [Int: [SKU]] {
        var result: [Int: [SKU]] = [:]
        for row in try await db.raw("SELECT product_id, sku FROM variants ORDER BY sku").all() {
            result[try row.decode(column: "product_id", as: Int.self), default: []].append(SKU(try row.decode(column: "sku", as: String.self)))
        }
        return result
    }

    // MARK: Bundles

    /// Writes a bundle's components (its variant is inserted first).
    func insert(_ bundle: ProductBundle) async throws {
        for (position, component) in bundle.components.enumerated() {
            let anyOf: Bool, skus: [SKU]
            switch component {
            case .units(let sku, _): (anyOf, skus) = (false, [sku])
            case .anyOf(let choices, _): (anyOf, skus) = (true, choices.sorted())
            }
            try await db.raw("""
                INSERT INTO bundle_components (bundle_sku, position, quantity, any_of, skus)
                VALUES (\(bind: bundle.sku.rawValue), \(bind: position), \(bind: component.quantity), \(bind: anyOf),
                        \(bind: skus.map(\.rawValue).joined(separator: " ")))
                """).run()
        }
    }

    /// Bundles by SKU: those among `skus`, or every bundle when nil (a catalogue has few).
    func bundles(skus: [SKU]? = nil) async throws -> [SKU: ProductBundle] {
        if let skus, skus.isEmpty { return [:] }
        let filter: SQLQueryString = skus.map { "WHERE bundle_sku IN (\(binds: $0.map(\.rawValue)))" } ?? ""
        var components: [SKU: [BundleComponent]] = [:]
        for row in try await db.raw("SELECT * FROM bundle_components \(filter) ORDER BY bundle_sku, position").all() {
            let sku = SKU(try row.decode(column: "bundle_sku", as: String.self))
            let quantity = try row.decode(column: "quantity", as: Int.self)
            let skus = try row.decode(column: "skus", as: String.self).split(separator: " ").map { SKU(String($0)) }
            components[sku, default: []].append(try row.decode(column: "any_of", as: Bool.self) || skus.count != 1
                ? .anyOf(Set(skus), quantity: quantity) : .units(skus[0], quantity: quantity))
        }
        return components.reduce(into: [:]) { $0[$1.key] = ProductBundle(sku: $1.key, components: $1.value) }
    }

    func bundle(sku: SKU) async throws -> ProductBundle? {
        try await bundles(skus: [sku])[sku]
    }
}
