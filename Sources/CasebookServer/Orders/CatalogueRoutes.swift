import CasebookCore
import Foundation
import Hummingbird
import SQLKit

/// `/api/v2/products` and `/api/v2/variants`: the catalogue, with bundles and multipacks (a variant made of units of
/// other variants, `"bundle": {"components": [{"sku", "quantity"} | {"any_of": [...], "quantity"}]}`).
struct CatalogueRoutes: Sendable {
    let services: CasebookServices
    var database: Database { services.database }

    func register(on api: RouterGroup<CasebookContext>) {
        api.get("products", use: listProducts)
        api.post("products", use: createProduct)
        api.get("products/:id", use: showProduct)
        api.post("products/:id/variants", use: addVariant)
        api.get("variants", use: listVariants)
        api.get("variants/:sku", use: showVariant)
    }

    // MARK: Presenting

    static func present(_ p: ProductRecord) -> JSONValue {
        ["id": .int(p.id), "name": .string(p.name), "description": .string(p.description),
         "variants": .array(p.variants.map { present($0, bundle: p.bundles[$0.sku], stock: nil) }),
         "created_at": JSONValue(Timestamp.date(p.createdAt))]
    }

    static func present(_ bundle: ProductBundle) -> JSONValue {
        ["components": .array(bundle.components.map { component in
            switch component {
            case .units(let sku, let quantity): ["sku": .string(sku.rawValue), "quantity": .int(quantity)]
            case .anyOf(let skus, let quantity): ["any_of": .array(skus.sorted().map { .string($0.rawValue) }), "quantity": .int(quantity)]
            }
        })]
    }

    /// A variant; with `stock` (every SKU's levels), its stock by state, or for a bundle how many whole bundles the
    /// components' available stock makes.
    static func present(_ v: ProductVariant, bundle: ProductBundle?, stock: [SKU: [StockState: Int]]?) -> JSONValue {
        var object: JSONObject = [
            "sku": .string(v.sku.rawValue), "product_id": .int(v.productID), "name": .string(v.name),
            "options": .object(JSONObject(v.options.mapValues { .string($0) })), "price": .int(v.price.minor),
            "currency": .string(v.price.currency), "bundle": bundle.map(present) ?? .null,
        ]
        if let stock {
            if let bundle {
                object["buildable"] = .int(bundle.buildable(from: stock.mapValues { $0[.available] ?? 0 }))
            } else {
                var levels: JSONObject = [:]
                for state in StockState.allCases { levels[state.rawValue] = .int(stock[v.sku]?[state] ?? 0) }
                object["stock"] = .object(levels)
            }
        }
        return .object(object)
    }

    // MARK: Reading

    @Sendable func listProducts(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.useWorkspace)
        let list = try await database.read { db in try await CatalogueStore(db: db).products() }
        return JSONResponse(["products": .array(list.map(Self.present)), "count": .int(list.count)])
    }

    @Sendable func showProduct(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.useWorkspace)
        let id = try context.parameters.id()
        guard let p = try await database.read({ db in try await CatalogueStore(db: db).product(id: id) }) else { throw APIError.notFound() }
        return JSONResponse(["product": Self.present(p)])
    }

    /// Every variant with its stock (`?sku=A,B` for some), bundles with the number of whole bundles in stock.
    @Sendable func listVariants(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.useWorkspace)
        let wanted = request.uri.queryParameters.get("sku").map { Set($0.split(separator: ",").map { SKU(String($0)) }) }
        let (products, stock) = try await database.read { db in
            (try await CatalogueStore(db: db).products(), try await StockStore(db: db).levels())
        }
        let variants = products.flatMap { p in p.variants.map { ($0, p.bundles[$0.sku]) } }
            .filter { wanted?.contains($0.0.sku) ?? true }
            .sorted { $0.0.sku < $1.0.sku }
        return JSONResponse(["variants": .array(variants.map { Self.present($0.0, bundle: $0.1, stock: stock) }), "count": .int(variants.count)])
    }

    @Sendable func showVariant(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.useWorkspace)
        let sku = SKU(context.parameters.get("sku") ?? "")
        let found = try await database.read { db -> (ProductVariant, ProductBundle?, [SKU: [StockState: Int]])? in
            let catalogue = CatalogueStore(db: db)
            guard let variant = try await catalogue.variant(sku: sku) else { return nil }
            return (variant, try await catalogue.bundle(sku: sku), try await StockStore(db: db).levels())
        }
        guard let (variant, bundle, stock) = found else { throw APIError.notFound("No variant \(sku)") }
        return JSONResponse(["variant": Self.present(variant, bundle: bundle, stock: stock)])
    }

    // MARK: Writing

    /// A variant as asked for, checked on its own; components are checked against the catalogue when it is written.
    struct NewVariant: Sendable {
        var sku: SKU
        var name: String?
        var options: [String: String]
        var price: Int
        var bundle: ProductBundle?
    }

    static func parseVariant(_ v: JSONValue, label: String, errors: inout FieldErrors) -> NewVariant {
        let sku = SKU(v["sku"]?.stringValue?.trimmingCharacters(in: .whitespaces) ?? "")
        if sku.rawValue.isEmpty || sku.rawValue.contains(" ") { errors.add("variants", error: "InvalidValue", "\(label): sku is a code without spaces") }
        let price = v["price"]?.intValue ?? -1
        if price < 0 { errors.add("variants", error: "InvalidValue", "\(label): price in minor units (cents), 0 or more") }
        let options = v["options"]?.objectValue?.pairs.compactMap { k, value in value.stringValue.map { (k, $0) } } ?? []
        var bundle: ProductBundle?
        if let spec = v["bundle"], !spec.isNull {
            var components: [BundleComponent] = []
            for (i, c) in (spec["components"]?.arrayValue ?? []).enumerated() {
                let quantity = c["quantity"]?.intValue ?? 1
                if let one = c["sku"]?.stringValue {
                    components.append(.units(SKU(one), quantity: quantity))
                } else if let list = c["any_of"]?.arrayValue {
                    components.append(.anyOf(Set(list.compactMap { $0.stringValue.map { SKU($0) } }), quantity: quantity))
                } else {
                    errors.add("variants", error: "InvalidValue", "\(label): bundle component \(i + 1) needs a sku or an any_of list")
                }
            }
            let candidate = ProductBundle(sku: sku, components: components)
            do throws(FieldErrors) { try candidate.validate() } catch { errors.merge(error) }
            bundle = candidate
        }
        return NewVariant(sku: sku, name: v["name"]?.stringValue, options: Dictionary(options, uniquingKeysWith: { a, _ in a }),
                          price: price, bundle: bundle)
    }

    /// Writes the variants of a product in the caller's transaction: every SKU new, every bundle component an
    /// existing (or just written) variant that is not itself a bundle.
    static func write(_ variants: [NewVariant], productID: Int, productName: String, currency: String, now: Int64, db: any SQLDatabase) async throws {
        let store = CatalogueStore(db: db)
        for v in variants where try await store.variant(sku: v.sku) != nil {
            throw APIError.invalid("variants", "Variants: sku \(v.sku) exists already", error: "DuplicateValue")
        }
        for v in variants {
            try await store.insert(ProductVariant(sku: v.sku, productID: productID, name: v.name ?? productName, options: v.options,
                                                  price: Money(minor: v.price, currency: currency)), now: now)
        }
        let existingBundles = try await store.bundles()
        for v in variants {
            guard let bundle = v.bundle else { continue }
            for component in bundle.components {
                for sku in component.choices.sorted() {
                    if existingBundles[sku] != nil || variants.contains(where: { $0.sku == sku && $0.bundle != nil }) {
                        throw APIError.invalid("variants", "Bundle \(v.sku): \(sku) is a bundle itself; list its components instead")
                    }
                    if try await store.variant(sku: sku) == nil {
                        throw APIError.invalid("variants", "Bundle \(v.sku): no variant \(sku) in the catalogue")
                    }
                }
            }
            try await store.insert(bundle)
        }
    }

    @Sendable func createProduct(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.manageInventory)
        let body = try await request.envelope("product", context: context)
        let name = body["name"]?.stringValue?.trimmingCharacters(in: .whitespaces) ?? ""
        var errors = FieldErrors()
        if name.isEmpty { errors.add("name", error: "BlankValue", "Name: cannot be blank") }
        let items = body["variants"]?.arrayValue ?? []
        if items.isEmpty { errors.add("variants", error: "BlankValue", "Variants: a product needs at least one variant (a SKU)") }
        let variants = items.enumerated().map { i, v in Self.parseVariant(v, label: "Variant \(i + 1)", errors: &errors) }
        var seen = Set<SKU>()
        for (i, v) in variants.enumerated() where !seen.insert(v.sku).inserted {
            errors.add("variants", error: "DuplicateValue", "Variant \(i + 1): sku \(v.sku) appears twice")
        }
        let currency = (body["currency"]?.stringValue ?? "EUR").uppercased()
        if currency.count != 3 { errors.add("currency", error: "InvalidValue", "Currency: a three-letter code such as EUR") }
        if !errors.isEmpty { throw APIError.invalid(errors) }
        let now = services.config.clock.now()
        let product = try await database.write { db -> ProductRecord in
            let store = CatalogueStore(db: db)
            let id = try await store.insertProduct(name: name, description: body["description"]?.stringValue ?? "", now: now)
            try await Self.write(variants, productID: id, productName: name, currency: currency, now: now, db: db)
            return try await store.product(id: id)!
        }
        return JSONResponse(["product": Self.present(product)], status: .created)
    }

    /// `POST /api/v2/products/{id}/variants` with `{"variant": {...}}`: a new variant (or bundle) of an existing
    /// product, in the product's currency.
    @Sendable func addVariant(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.manageInventory)
        let id = try context.parameters.id()
        let body = try await request.envelope("variant", context: context)
        var errors = FieldErrors()
        let variant = Self.parseVariant(.object(body), label: "Variant", errors: &errors)
        if !errors.isEmpty { throw APIError.invalid(errors) }
        let now = services.config.clock.now()
        let product = try await database.write { db -> ProductRecord in
            let store = CatalogueStore(db: db)
            guard let product = try await store.product(id: id) else { throw APIError.notFound("No product \(id)") }
            let currency = product.variants.first?.price.currency ?? "EUR"
            try await Self.write([variant], productID: id, productName: product.name, currency: currency, now: now, db: db)
            return try await store.product(id: id)!
        }
        return JSONResponse(["variant": Self.present(product.variants.first { $0.sku == variant.sku }!, bundle: product.bundles[variant.sku], stock: nil)],
                            status: .created)
    }
}
