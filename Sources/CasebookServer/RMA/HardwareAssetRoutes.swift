import CasebookCore
import Foundation
import Hummingbird
import SQLKit

/// `/api/v2/assets`, `/warranties`, a ticket's assets and troubleshooting checklist, in the API's Zendesk-style
/// conventions.
struct HardwareAssetRoutes: Sendable {
    let services: CasebookServices
    var database: Database { services.database }

    func register(on api: RouterGroup<CasebookContext>) {
        api.get("assets", use: list)
        api.post("assets", use: create)
        api.get("assets/:id", use: show)
        api.put("assets/:id", use: update)
        api.post("imports/assets", use: importCSV)
        api.get("warranties", use: warranties)
        api.get("warranties/:id", use: warranty)
        api.put("warranties/:id", use: saveWarranty)
        api.get("tickets/:id/assets", use: ticketAssets)
        api.post("tickets/:id/assets", use: linkAsset)
        api.delete("tickets/:id/assets/:asset_id", use: unlinkAsset)
        api.get("tickets/:id/checklist", use: checklist)
        api.put("tickets/:id/checklist", use: recordChecklist)
    }

    // MARK: Assets

    @Sendable func list(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.useWorkspace)
        let q = request.uri.queryParameters
        func int(_ name: String) throws -> Int? {
            guard let raw = q.get(name) else { return nil }
            guard let n = Int(raw) else { throw APIError.badRequest("\(name) must be a number") }
            return n
        }
        let filter = AssetStore.Filter(customerID: try int("customer_id"), organizationID: try int("organization_id"), serial: q.get("serial"))
        let now = services.config.clock.now()
        return try await PagedList.respond(request, try Pagination(request), key: "assets", path: "/api/v2/assets", database: database) { db, limit, offset, after in
            let store = AssetStore(db: db)
            let assets = try await store.list(filter, limit: limit, offset: offset, afterID: after)
            let warranties = Dictionary(try await store.warranties().map { ($0.productID, $0) }, uniquingKeysWith: { $1 })
            return (assets.map { ($0.id, Self.present($0, warranty: $0.productID.flatMap { warranties[$0] }, now: now)) },
                    try await store.count(filter))
        }
    }

    @Sendable func show(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.useWorkspace)
        let id = try context.parameters.id()
        let now = services.config.clock.now()
        let body = try await database.read { db -> JSONValue in
            let store = AssetStore(db: db)
            guard let asset = try await store.find(id: id) else { throw APIError.notFound("No asset \(id)") }
            let warranty = try await asset.productID.asyncMap { try await store.warranty(productID: $0) } ?? nil
            var object = Self.present(asset, warranty: warranty, now: now).objectValue ?? [:]
            object["ticket_ids"] = JSONValue(try await store.tickets(assetID: id))
            object["rmas"] = .array(try await RMAStore(db: db).list(.init(assetID: id), limit: 100, offset: 0, afterID: nil).map { RMARoutes.present($0) })
            return .object(object)
        }
        return JSONResponse(["asset": body])
    }

    @Sendable func create(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.editTicketFields)
        let body = try await request.envelope("asset", context: context)
        let now = services.config.clock.now()
        let asset = try await database.write { db -> AssetRecord in
            var asset = try await Self.read(body, into: nil, now: now, db: db)
            asset.id = try await AssetStore(db: db).insert(asset)
            return asset
        }
        let warranty = try await database.read { db in try await asset.productID.asyncMap { try await AssetStore(db: db).warranty(productID: $0) } ?? nil }
        return JSONResponse(["asset": Self.present(asset, warranty: warranty, now: now)], status: .created)
    }

    @Sendable func update(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.editTicketFields)
        let id = try context.parameters.id()
        let body = try await request.envelope("asset", context: context)
        let now = services.config.clock.now()
        let (asset, warranty) = try await database.write { db -> (AssetRecord, WarrantyRecord?) in
            guard let current = try await AssetStore(db: db).find(id: id) else { throw APIError.notFound("No asset \(id)") }
            let asset = try await Self.read(body, into: current, now: now, db: db)
            try await AssetStore(db: db).update(asset)
            return (asset, try await asset.productID.asyncMap { try await AssetStore(db: db).warranty(productID: $0) } ?? nil)
        }
        return JSONResponse(["asset": Self.present(asset, warranty: warranty, now: now)])
    }

    /// Reads an `asset` object onto a new or existing asset, checking every reference; 422 naming each bad field.
    static func read(_ body: JSONObject, into current: AssetRecord?, now: Int64, db: any SQLDatabase) async throws -> AssetRecord {
        var errors = FieldErrors()
        var asset = current ?? AssetRecord(id: 0, serial: "", sku: "", productID: nil, customerID: nil, organizationID: nil, site: "",
                                           purchasedAt: nil, orderID: nil, firmware: "", status: .inService, createdAt: now, updatedAt: now)
        asset.updatedAt = now
        if let serial = body["serial"]?.stringValue { asset.serial = serial.trimmingCharacters(in: .whitespaces) }
        if asset.serial.isEmpty || asset.serial.count > 100 {
            errors.add("serial", error: "BlankValue", "Serial: required, at most 100 characters")
        } else if let other = try await AssetStore(db: db).find(serial: asset.serial), other.id != asset.id {
            errors.add("serial", error: "DuplicateValue", "Serial: \(asset.serial) is already asset #\(other.id)")
        }
        if let sku = body["sku"]?.stringValue {
            asset.sku = sku
            if !sku.isEmpty {
                if let variant = try await CatalogueStore(db: db).variant(sku: SKU(sku)) { asset.productID = variant.productID } else {
                    errors.add("sku", error: "InvalidValue", "SKU: no variant \(sku) in the catalogue")
                }
            }
        }
        if let value = body["product_id"] {
            asset.productID = value.intValue
            if let id = value.intValue, try await CatalogueStore(db: db).product(id: id) == nil {
                errors.add("product_id", error: "InvalidValue", "Product: no product \(id)")
            }
        }
        if let value = body["customer_id"] {
            asset.customerID = value.intValue
            if let id = value.intValue {
                if let user = try await UserStore(db: db).find(id: id) {
                    if body["organization_id"] == nil, asset.organizationID == nil { asset.organizationID = user.organizationID }
                } else {
                    errors.add("customer_id", error: "InvalidValue", "Customer: no user \(id)")
                }
            }
        }
        if let value = body["organization_id"] {
            asset.organizationID = value.intValue
            if let id = value.intValue, try await OrganizationStore(db: db).find(id: id) == nil {
                errors.add("organization_id", error: "InvalidValue", "Organization: no organization \(id)")
            }
        }
        if let value = body["order_id"] {
            asset.orderID = value.intValue
            if let id = value.intValue, try await db.raw("SELECT id FROM orders WHERE id = \(bind: id)").first() == nil {
                errors.add("order_id", error: "InvalidValue", "Order: no order \(id)")
            }
        }
        if let value = body["purchased_at"] {
            if value.isNull { asset.purchasedAt = nil } else if let text = value.stringValue, let date = parseISODate(text) ?? Self.day(text) {
                asset.purchasedAt = Int64(date.timeIntervalSince1970 * 1000)
            } else {
                errors.add("purchased_at", error: "InvalidValue", "Purchased at: a date such as 2025-03-14 or an ISO 8601 time")
            }
        }
        if let site = body["site"]?.stringValue { asset.site = site }
        if let firmware = body["firmware"]?.stringValue { asset.firmware = firmware }
        if let raw = body["status"]?.stringValue {
            if let status = AssetStatus(rawValue: raw) { asset.status = status } else {
                errors.add("status", error: "InvalidValue", "Status: one of \(AssetStatus.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        if !errors.isEmpty { throw APIError.invalid(errors) }
        return asset
    }

    static func day(_ text: String) -> Date? {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.date(from: text)
    }

    static func present(_ a: AssetRecord, warranty: WarrantyRecord?, now: Int64) -> JSONValue {
        let status = WarrantyStatus.of(purchasedAt: a.purchasedAt, terms: warranty?.terms, now: now)
        return [
            "id": .int(a.id), "serial": .string(a.serial), "sku": .string(a.sku), "product_id": JSONValue(a.productID),
            "customer_id": JSONValue(a.customerID), "organization_id": JSONValue(a.organizationID), "site": .string(a.site),
            "purchased_at": JSONValue(a.purchasedAt.map(Timestamp.date)), "order_id": JSONValue(a.orderID), "firmware": .string(a.firmware),
            "status": .string(a.status.rawValue),
            "warranty": [
                "status": .string(status.key), "expires_at": JSONValue(status.expiresAt.map(Timestamp.date)),
                "months": JSONValue(warranty?.terms.months), "coverage": JSONValue(warranty?.terms.coverage),
                "caveats": JSONValue(warranty?.terms.caveats ?? []),
            ],
            "created_at": JSONValue(Timestamp.date(a.createdAt)), "updated_at": JSONValue(Timestamp.date(a.updatedAt)),
        ]
    }

    // MARK: Import

    /// `POST /api/v2/imports/assets[?dry_run=true]`: a CSV with a header row (serial, sku, customer_email, organization,
    /// site, purchased_at, order_id, firmware, status). All or nothing: any bad row rejects the file with every problem
    /// listed by line.
    @Sendable func importCSV(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.manageInventory)
        let dryRun = ["true", "1"].contains(request.uri.queryParameters.get("dry_run") ?? "")
        let buffer = try await request.collectedBody(upTo: 32 << 20, tooLarge: "A file of at most 32 MB")
        let report = try await AssetImport(database: database, clock: services.config.clock)
            .run(String(decoding: buffer.readableBytesView, as: UTF8.self), dryRun: dryRun, progress: nil)
        if !report.rejected.isEmpty || report.fileError != nil {
            return JSONResponse(["error": "RecordInvalid",
                                 "description": .string(report.fileError ?? "\(report.rejected.count) rows rejected; nothing was imported"),
                                 "import": report.json], status: .unprocessableContent)
        }
        return JSONResponse(["import": report.json], status: dryRun ? .ok : .created)
    }

    // MARK: Warranties and checklists

    static func present(_ w: WarrantyRecord) -> JSONValue {
        [
            "product_id": .int(w.productID), "months": .int(w.terms.months), "coverage": .string(w.terms.coverage),
            "caveats": JSONValue(w.terms.caveats), "return_days": .int(w.terms.returnDays),
            "checklist": AssetStore.checklistJSON(w.checklist), "updated_at": JSONValue(Timestamp.date(w.updatedAt)),
        ]
    }

    @Sendable func warranties(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.useWorkspace)
        let list = try await database.read { db in try await AssetStore(db: db).warranties() }
        return JSONResponse(["warranties": .array(list.map(Self.present)), "count": .int(list.count)])
    }

    @Sendable func warranty(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.useWorkspace)
        let id = try context.parameters.id()
        guard let w = try await database.read({ db in try await AssetStore(db: db).warranty(productID: id) }) else {
            throw APIError.notFound("No warranty terms for product \(id)")
        }
        return JSONResponse(["warranty": Self.present(w)])
    }

    /// `PUT /api/v2/warranties/{product_id}`: the product's terms and troubleshooting checklist, replaced whole.
    @Sendable func saveWarranty(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.manageInventory)
        let id = try context.parameters.id()
        let body = try await request.envelope("warranty", context: context)
        let unknownKinds = (body["checklist"]?.arrayValue ?? []).flatMap { item in
            (item["required_for"]?.arrayValue ?? []).filter { $0.stringValue.flatMap(RMAKind.init(rawValue:)) == nil }.map(\.text)
        }
        let record = try await Self.saveWarranty(
            productID: id, months: body["months"]?.intValue, coverage: body["coverage"]?.stringValue ?? "",
            caveats: body["caveats"]?.arrayValue?.compactMap(\.stringValue) ?? [], returnDays: body["return_days"]?.intValue ?? 14,
            checklist: AssetStore.checklist(from: body["checklist"]), unknownKinds: unknownKinds, services: services)
        return JSONResponse(["warranty": Self.present(record)])
    }

    /// The one place a product's warranty terms and checklist are checked and saved, for the API and the warranties
    /// page alike. `unknownKinds` are the `required_for` entries the caller could not read as RMA kinds, spelled as
    /// JSON text (`"swap"`); `months` is nil when none was given. Throws 422 naming every bad field, 404 for no product.
    static func saveWarranty(productID id: Int, months: Int?, coverage: String, caveats: [String], returnDays: Int,
                             checklist steps: [ChecklistStep], unknownKinds: [String], services: CasebookServices) async throws -> WarrantyRecord {
        var errors = FieldErrors()
        guard let months else { throw APIError.invalid("months", "Months: a whole number", error: "BlankValue") }
        let terms = WarrantyTerms(months: months, coverage: coverage, caveats: caveats, returnDays: returnDays)
        do throws(FieldErrors) { try terms.validate() } catch { errors.merge(error) }
        for kind in unknownKinds {
            errors.add("checklist", error: "InvalidValue",
                       "Checklist: required_for lists RMA kinds (\(RMAKind.allCases.map(\.rawValue).joined(separator: ", "))), not \(kind)")
        }
        do throws(FieldErrors) { try ChecklistPolicy.validate(steps) } catch { errors.merge(error) }
        if !errors.isEmpty { throw APIError.invalid(errors) }
        let record = WarrantyRecord(productID: id, terms: terms, checklist: steps, updatedAt: services.config.clock.now())
        try await services.database.write { db in
            guard try await CatalogueStore(db: db).product(id: id) != nil else { throw APIError.notFound("No product \(id)") }
            try await AssetStore(db: db).save(record)
        }
        return record
    }

    // MARK: A ticket's assets and checklist

    @Sendable func ticketAssets(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.useWorkspace)
        let id = try context.parameters.id()
        let now = services.config.clock.now()
        let list = try await database.read { db -> [JSONValue] in
            _ = try await services.tickets.visibleTicket(id, to: actor, db: db)
            let store = AssetStore(db: db)
            var out: [JSONValue] = []
            for asset in try await store.assets(ticketID: id) {
                out.append(Self.present(asset, warranty: try await asset.productID.asyncMap { try await store.warranty(productID: $0) } ?? nil, now: now))
            }
            return out
        }
        return JSONResponse(["assets": .array(list), "count": .int(list.count)])
    }

    /// Links an asset to the ticket by `asset_id` or `serial` (an agent's pick).
    @Sendable func linkAsset(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.editTicketFields)
        let id = try context.parameters.id()
        let body = try await request.envelope("asset", context: context)
        let asset = try await database.write { db -> AssetRecord in
            try await Self.link(assetID: body["asset_id"]?.intValue ?? body["id"]?.intValue, serial: body["serial"]?.stringValue,
                                ticketID: id, actor: actor, tickets: services.tickets, at: services.config.clock.now(), db: db)
        }
        return JSONResponse(["asset": Self.present(asset, warranty: nil, now: services.config.clock.now())], status: .created)
    }

    /// An agent's link of an asset (by id, else by serial) to a ticket they can see, with a notice on its timeline. The
    /// API and the ticket page both link through here.
    static func link(assetID: Int?, serial: String?, ticketID: Int, actor: Actor, tickets: TicketService, at now: Int64,
                     db: any SQLDatabase) async throws -> AssetRecord {
        _ = try await tickets.visibleTicket(ticketID, to: actor, db: db)
        let store = AssetStore(db: db)
        let serial = serial?.trimmingCharacters(in: .whitespaces)
        let found: AssetRecord?
        if let assetID { found = try await store.find(id: assetID) }
        else if let serial, !serial.isEmpty { found = try await store.find(serial: serial) }
        else { throw APIError.invalid("asset_id", "Asset: give asset_id or serial", error: "BlankValue") }
        guard let asset = found else {
            throw APIError.invalid("asset_id", "Asset: no asset " + (assetID.map { "#\($0)" } ?? "with serial \(serial ?? "")"))
        }
        try await store.link(ticketID: ticketID, assetID: asset.id, by: "agent", at: now)
        _ = try await tickets.update(ticketID, [:], actor: actor, via: .web, db: db,
                                     notices: [.notice(kind: "asset", text: "Asset \(asset.serial) linked to this ticket")])
        return asset
    }

    @Sendable func unlinkAsset(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.editTicketFields)
        let id = try context.parameters.id()
        let assetID = try context.parameters.id("asset_id")
        try await database.write { db in
            _ = try await services.tickets.visibleTicket(id, to: actor, db: db)
            try await AssetStore(db: db).unlink(ticketID: id, assetID: assetID)
        }
        return Response(status: .noContent)
    }

    /// The troubleshooting checklist of the ticket's (first) asset's product, with the ticket's results.
    @Sendable func checklist(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.useWorkspace)
        let id = try context.parameters.id()
        let body = try await database.read { db in try await Self.checklistJSON(ticketID: id, actor: actor, services: services, db: db) }
        return JSONResponse(["checklist": body])
    }

    /// A ticket's troubleshooting as it stands: the checklist of its first asset's product and the results so far.
    struct TicketChecklist: Sendable {
        var asset: AssetRecord?
        var steps: [ChecklistStep]
        var results: [String: ChecklistResultRecord]

        /// What the checklist allows an RMA of this kind now (`ChecklistPolicy`).
        func verdict(_ kind: RMAKind) -> ChecklistPolicy.Verdict {
            ChecklistPolicy.check(kind: kind, steps: steps, results: results.mapValues(\.result))
        }
    }

    static func ticketChecklist(ticketID: Int, db: any SQLDatabase) async throws -> TicketChecklist {
        let store = AssetStore(db: db)
        let asset = try await store.assets(ticketID: ticketID).first
        let warranty = try await asset?.productID.asyncMap { try await store.warranty(productID: $0) } ?? nil
        let results = Dictionary(try await store.results(ticketID: ticketID).map { ($0.stepKey, $0) }, uniquingKeysWith: { $1 })
        return TicketChecklist(asset: asset, steps: warranty?.checklist ?? [], results: results)
    }

    static func checklistJSON(ticketID: Int, actor: Actor, services: CasebookServices, db: any SQLDatabase) async throws -> JSONValue {
        _ = try await services.tickets.visibleTicket(ticketID, to: actor, db: db)
        let checklist = try await ticketChecklist(ticketID: ticketID, db: db)
        let (asset, steps, results) = (checklist.asset, checklist.steps, checklist.results)
        var verdicts = JSONObject()
        for kind in RMAKind.allCases {
            switch checklist.verdict(kind) {
            case .allowed: verdicts[kind.rawValue] = ["complete": true, "missing": []]
            case .incomplete(let missing): verdicts[kind.rawValue] = ["complete": false, "missing": JSONValue(missing.map(\.key))]
            }
        }
        return [
            "ticket_id": .int(ticketID), "asset_id": JSONValue(asset?.id), "product_id": JSONValue(asset?.productID),
            "steps": .array(steps.map { step in
                let r = results[step.key]
                return [
                    "key": .string(step.key), "title": .string(step.title),
                    "required_for": .array(RMAKind.allCases.filter(step.requiredFor.contains).map { .string($0.rawValue) }),
                    "result": JSONValue(r?.result.rawValue), "note": .string(r?.note ?? ""), "recorded_by_id": JSONValue(r?.recordedByID),
                    "recorded_at": JSONValue(r.map { Timestamp.date($0.recordedAt) }),
                ]
            }),
            "rma_kinds": .object(verdicts),
        ]
    }

    /// `PUT /api/v2/tickets/{id}/checklist` with `{"checklist": {"results": [{"key", "result", "note"}]}}`: "not
    /// possible" needs the note saying why.
    @Sendable func recordChecklist(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.editTicketFields)
        let id = try context.parameters.id()
        let body = try await request.envelope("checklist", context: context)
        let results = try Self.readResults(body["results"]?.arrayValue ?? [], actor: actor, now: services.config.clock.now())
        let json = try await database.write { db -> JSONValue in
            try await Self.record(results, ticketID: id, actor: actor, tickets: services.tickets, db: db)
            return try await Self.checklistJSON(ticketID: id, actor: actor, services: services, db: db)
        }
        return JSONResponse(["checklist": json])
    }

    static func readResults(_ items: [JSONValue], actor: Actor, now: Int64) throws -> [ChecklistResultRecord] {
        var errors = FieldErrors()
        var results: [ChecklistResultRecord] = []
        if items.isEmpty { errors.add("results", error: "BlankValue", "Results: at least one {key, result, note}") }
        for item in items {
            let key = item["key"]?.stringValue ?? ""
            let note = (item["note"]?.stringValue ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard let result = item["result"]?.stringValue.flatMap(StepResult.init(rawValue:)) else {
                errors.add("results", error: "InvalidValue", "Results: \(key.isEmpty ? "a step" : key) needs a result: done, not_possible or failed")
                continue
            }
            if result == .notPossible, note.isEmpty {
                errors.add("results", error: "BlankValue", "Results: say why \(key) was not possible")
            }
            results.append(.init(stepKey: key, result: result, note: note, recordedByID: actor.id, recordedAt: now))
        }
        if !errors.isEmpty { throw APIError.invalid(errors) }
        return results
    }

    static func record(_ results: [ChecklistResultRecord], ticketID: Int, actor: Actor, tickets: TicketService,
                       db: any SQLDatabase) async throws {
        _ = try await tickets.visibleTicket(ticketID, to: actor, db: db)
        let store = AssetStore(db: db)
        let asset = try await store.assets(ticketID: ticketID).first
        let steps = try await asset?.productID.asyncMap { try await store.warranty(productID: $0)?.checklist } ?? nil
        guard let steps, !steps.isEmpty else {
            throw APIError.invalid("checklist", "Checklist: the ticket has no asset whose product has a troubleshooting checklist")
        }
        var lines: [String] = []
        for result in results {
            guard let step = steps.first(where: { $0.key == result.stepKey }) else {
                throw APIError.invalid("results", "Results: \(result.stepKey) is not a step of this product's checklist (\(steps.map(\.key).joined(separator: ", ")))")
            }
            try await store.record(ticketID: ticketID, result)
            lines.append("\(step.title): \(result.result.rawValue.replacingOccurrences(of: "_", with: " "))" + (result.note.isEmpty ? "" : " (\(result.note))"))
        }
        _ = try await tickets.update(ticketID, [:], actor: actor, via: .web, db: db,
                                     notices: [.notice(kind: "checklist", text: "Troubleshooting: " + lines.joined(separator: "; "))])
    }
}
