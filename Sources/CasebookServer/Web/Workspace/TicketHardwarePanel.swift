import CasebookCore
import Foundation
import Hummingbird
import Mustache
import SQLKit

/// The ticket's hardware side panel: the units it is about (warranty and history), the troubleshooting checklist of
/// the first unit's product with what it allows, the RMAs opened on the ticket, and the forms that link a unit,
/// record troubleshooting and open an RMA.
struct TicketHardwarePanel: Sendable {
    struct Link: Sendable {
        var href: String
        var label: String
        var status: String
    }
    struct Asset: Sendable {
        var id: Int
        var serial: String
        var sku: String
        var site: String
        var firmware: String
        var status: String
        /// `in_warranty`, `expired` or `unknown` (`WarrantyStatus.key`).
        var warrantyKey: String
        var warranty: String
        /// "until 1 June 2028", "since 1 June 2024", or why nobody knows.
        var expires: String
        var expiresISO: String?
        var coverage: String?
        var caveats: [String]
        var hasCaveats: Bool
        var tickets: [Link]
        var rmas: [Link]
        var hasHistory: Bool
    }
    struct Step: Sendable {
        var index: Int
        var key: String
        var title: String
        var requiredFor: String?
        var result: String
        var resultKey: String
        var recorded: String?
        var choices: [Option]
        var note: String
    }
    struct Verdict: Sendable {
        var kind: String
        var allowed: Bool
        var missing: String
    }
    struct RMA: Sendable {
        var id: Int
        var kind: String
        var status: String
        var statusKey: String
        var value: String
        var serial: String
        var dueBy: String?
        var waitsFor: String?
    }
    /// The "Open an RMA" form: its choices, and what was typed when it comes back refused.
    struct RMAForm: Sendable {
        var kinds: [Option] = []
        var assets: [Option] = []
        var value = ""
        var obligation = ""
        var overrideReason = ""
    }

    var assets: [Asset] = []
    var hasAssets: Bool { !assets.isEmpty }
    /// The serial typed into the link form.
    var serial = ""
    /// The unit whose product's checklist applies (the ticket's first).
    var checklistSerial = ""
    var steps: [Step] = []
    var hasChecklist: Bool { !steps.isEmpty }
    var verdicts: [Verdict] = []
    var rmas: [RMA] = []
    var hasRMAs: Bool { !rmas.isEmpty }
    var rmaForm = RMAForm()

    static let stepChoices = [("", "–"), (StepResult.done.rawValue, "Done"), (StepResult.notPossible.rawValue, "Not possible"),
                              (StepResult.failed.rawValue, "Failed")]

    static func load(ticketID: Int, now: Int64, names: NameBook, db: any SQLDatabase) async throws -> TicketHardwarePanel {
        var panel = TicketHardwarePanel()
        let store = AssetStore(db: db)
        let rmaStore = RMAStore(db: db)
        let linked = try await store.assets(ticketID: ticketID)
        for asset in linked {
            let warranty = try await asset.productID.asyncMap { try await store.warranty(productID: $0) } ?? nil
            var tickets: [Link] = []
            for id in try await store.tickets(assetID: asset.id) where id != ticketID && tickets.count < 10 {
                guard let other = try await TicketStore(db: db).load(id: id) else { continue }
                tickets.append(Link(href: "/agent/tickets/\(id)", label: "#\(id) \(other.fields.subject)", status: other.fields.status.rawValue))
            }
            let rmas = try await rmaStore.list(.init(assetID: asset.id), limit: 20, offset: 0, afterID: nil).map { r in
                Link(href: "/agent/rmas/\(r.id)", label: "RMA #\(r.id) \(r.kind.words)", status: r.status.words)
            }
            panel.assets.append(Self.asset(asset, warranty: warranty, now: now, tickets: tickets, rmas: rmas))
        }

        let checklist = try await HardwareAssetRoutes.ticketChecklist(ticketID: ticketID, db: db)
        panel.checklistSerial = checklist.asset?.serial ?? ""
        panel.steps = checklist.steps.enumerated().map { index, step in
            let recorded = checklist.results[step.key]
            let kinds = RMAKind.allCases.filter(step.requiredFor.contains).map(\.words)
            return Step(index: index, key: step.key, title: step.title, requiredFor: kinds.isEmpty ? nil : kinds.joined(separator: ", "),
                        result: recorded.map { Self.words($0.result) + ($0.note.isEmpty ? "" : ": \($0.note)") } ?? "not recorded",
                        resultKey: recorded?.result.rawValue ?? "none",
                        recorded: recorded.map { "\(names.users[$0.recordedByID]?.name ?? "#\($0.recordedByID)"), \(PageTime.text($0.recordedAt))" },
                        choices: Self.stepChoices.map { Option(value: $0.0, label: $0.1, selected: $0.0.isEmpty) }, note: "")
        }
        if !checklist.steps.isEmpty {
            panel.verdicts = RMAKind.allCases.map { kind in
                switch checklist.verdict(kind) {
                case .allowed: Verdict(kind: kind.words.capitalizedFirst, allowed: true, missing: "")
                case .incomplete(let missing):
                    Verdict(kind: kind.words.capitalizedFirst, allowed: false, missing: missing.map(\.title).joined(separator: ", "))
                }
            }
        }

        let serials = Dictionary(linked.map { ($0.id, $0.serial) }, uniquingKeysWith: { a, _ in a })
        panel.rmas = try await rmaStore.list(.init(ticketID: ticketID), limit: 100, offset: 0, afterID: nil).map { r in
            RMA(id: r.id, kind: r.kind.words.capitalizedFirst, status: r.status.words, statusKey: r.status.rawValue, value: r.value.text,
                serial: serials[r.assetID] ?? "asset #\(r.assetID)",
                dueBy: r.status == .unitDue ? r.returnDueAt.map(RMAService.day) : nil,
                waitsFor: r.status == .requested ? r.approverRole.map { "waits for a \($0.rawValue)'s approval" } : nil)
        }
        panel.rmaForm = RMAForm(
            kinds: RMAKind.allCases.map { Option(value: $0.rawValue, label: $0.words.capitalizedFirst, selected: false) },
            assets: linked.map { Option(value: String($0.id), label: $0.sku.isEmpty ? $0.serial : "\($0.serial) (\($0.sku))", selected: false) })
        return panel
    }

    static func asset(_ a: AssetRecord, warranty: WarrantyRecord?, now: Int64, tickets: [Link], rmas: [Link]) -> Asset {
        let status = WarrantyStatus.of(purchasedAt: a.purchasedAt, terms: warranty?.terms, now: now)
        let (label, expires): (String, String)
        switch status {
        case .inWarranty(let at): (label, expires) = ("In warranty", "until \(RMAService.day(at))")
        case .expired(let at): (label, expires) = ("Out of warranty", "since \(RMAService.day(at))")
        case .unknown:
            label = "Warranty unknown"
            expires = a.productID == nil ? "(no product on record)" : warranty == nil ? "(no warranty terms for the product)" : "(no purchase date)"
        }
        let caveats = warranty?.terms.caveats ?? []
        return Asset(id: a.id, serial: a.serial, sku: a.sku.isEmpty ? "–" : a.sku, site: a.site.isEmpty ? "–" : a.site,
                     firmware: a.firmware.isEmpty ? "–" : a.firmware, status: a.status.rawValue.replacingOccurrences(of: "_", with: " "),
                     warrantyKey: status.key, warranty: label, expires: expires, expiresISO: status.expiresAt.map(PageTime.iso),
                     coverage: warranty.flatMap { $0.terms.coverage.isEmpty ? nil : "\($0.terms.months) months, \($0.terms.coverage)" },
                     caveats: caveats, hasCaveats: !caveats.isEmpty, tickets: tickets, rmas: rmas, hasHistory: !tickets.isEmpty || !rmas.isEmpty)
    }

    static func words(_ result: StepResult) -> String { result.rawValue.replacingOccurrences(of: "_", with: " ") }

    /// The checklist form as posted: one `step`, `result` and `note` per row, in order.
    struct ChecklistDraft: Sendable {
        var rows: [(key: String, result: String, note: String)]

        init(_ form: QueryItems) {
            let keys = form.all("step"), results = form.all("result"), notes = form.all("note")
            rows = keys.indices.map { i in (keys[i], i < results.count ? results[i] : "", i < notes.count ? notes[i] : "") }
        }

        /// The rows someone filled in (a note without a result is refused by `HardwareAssetRoutes.readResults`).
        var items: [JSONValue] {
            rows.filter { !$0.result.isEmpty || !$0.note.trimmingCharacters(in: .whitespaces).isEmpty }.map { row in
                ["key": .string(row.key), "result": row.result.isEmpty ? .null : .string(row.result), "note": .string(row.note)]
            }
        }
    }

    mutating func keep(_ draft: ChecklistDraft) {
        for row in draft.rows {
            guard let i = steps.firstIndex(where: { $0.key == row.key }) else { continue }
            steps[i].choices = Self.stepChoices.map { Option(value: $0.0, label: $0.1, selected: $0.0 == row.result) }
            steps[i].note = row.note
        }
    }

    mutating func keep(rma form: QueryItems) {
        rmaForm.kinds = rmaForm.kinds.map { var o = $0; o.selected = o.value == form["kind"]; return o }
        rmaForm.assets = rmaForm.assets.map { var o = $0; o.selected = o.value == form["asset"]; return o }
        rmaForm.value = form["value"] ?? ""
        rmaForm.obligation = form["obligation"] ?? ""
        rmaForm.overrideReason = form["override_reason"] ?? ""
    }
}

// Mustache sees only stored properties through reflection; the panel answers its lookups directly so the computed
// flags work too.
extension TicketHardwarePanel: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "assets": assets
        case "hasAssets": hasAssets
        case "serial": serial
        case "checklistSerial": checklistSerial
        case "steps": steps
        case "hasChecklist": hasChecklist
        case "verdicts": verdicts
        case "rmas": rmas
        case "hasRMAs": hasRMAs
        case "rmaForm": rmaForm
        default: nil
        }
    }
}

// The hardware panel's forms: each posts here, redirects back to the ticket, or shows the page again with the
// refusal and what was typed.
extension TicketPageRoutes {
    /// The configured clock: the SLA service is built with it, and these routes are handed no config of their own.
    var clock: AppClock { tickets.sla?.clock ?? .system }

    static func showsOnPage(_ error: APIError) -> Bool {
        let shown: [HTTPResponse.Status] = [.unprocessableContent, .badRequest, .forbidden]
        return shown.contains(error.status)
    }

    func refused(_ loaded: Loaded, _ error: APIError, context: CasebookContext, actor: Actor) async -> Response {
        var form = TicketForm()
        form.fields = loaded.current
        return await render(loaded, context: context, actor: actor, form: form, was: loaded.current, seenAudit: loaded.latestAudit,
                            errors: error.messages, status: error.status == .forbidden ? .forbidden : .unprocessableContent)
    }

    /// "Link an asset by serial".
    @Sendable func linkAsset(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.editTicketFields)
        let id = try context.parameters.id()
        let serial = (context.form?["serial"] ?? "").trimmingCharacters(in: .whitespaces)
        do {
            if serial.isEmpty { throw APIError.invalid("serial", "Serial: type the serial number of the unit", error: "BlankValue") }
            _ = try await database.write { db in
                try await HardwareAssetRoutes.link(assetID: nil, serial: serial, ticketID: id, actor: actor, tickets: tickets, at: clock.now(), db: db)
            }
            return seeOther("/agent/tickets/\(id)?linked=1")
        } catch let error as APIError where Self.showsOnPage(error) {
            var loaded = try await load(id, actor: actor)
            loaded.panel.hardware.serial = serial
            return await refused(loaded, error, context: context, actor: actor)
        }
    }

    /// The troubleshooting checklist's results ("not possible" needs the note saying why).
    @Sendable func recordChecklist(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.editTicketFields)
        let id = try context.parameters.id()
        let draft = TicketHardwarePanel.ChecklistDraft(context.form ?? QueryItems(nil))
        do {
            let results = try HardwareAssetRoutes.readResults(draft.items, actor: actor, now: clock.now())
            try await database.write { db in
                try await HardwareAssetRoutes.record(results, ticketID: id, actor: actor, tickets: tickets, db: db)
            }
            return seeOther("/agent/tickets/\(id)?checklist=1")
        } catch let error as APIError where Self.showsOnPage(error) {
            var loaded = try await load(id, actor: actor)
            loaded.panel.hardware.keep(draft)
            return await refused(loaded, error, context: context, actor: actor)
        }
    }

    /// "Open an RMA": the value as the agent writes it (249.00) in the unit's currency; the checklist policy, its
    /// override and the approval limits are `RMAService`'s.
    @Sendable func openRMA(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.editTicketFields)
        let id = try context.parameters.id()
        let form = context.form ?? QueryItems(nil)
        do {
            let rma = try await database.write { db -> RMARecord in
                _ = try await tickets.visibleTicket(id, to: actor, db: db)
                let input = try await Self.rmaInput(form, ticketID: id, db: db)
                return try await RMAService(tickets: tickets, clock: clock).create(input, actor: actor, db: db)
            }
            return seeOther("/agent/tickets/\(id)?rma=\(rma.id)")
        } catch let error as APIError where Self.showsOnPage(error) {
            var loaded = try await load(id, actor: actor)
            loaded.panel.hardware.keep(rma: form)
            return await refused(loaded, error, context: context, actor: actor)
        }
    }

    static func rmaInput(_ form: QueryItems, ticketID: Int, db: any SQLDatabase) async throws -> RMAInput {
        var errors = FieldErrors()
        let kind = RMAKind(rawValue: form["kind"] ?? "")
        if kind == nil { errors.add("kind", error: "InvalidValue", "Kind: choose what the RMA is for") }
        let asset = try await AssetStore(db: db).assets(ticketID: ticketID).first { String($0.id) == form["asset"] }
        if asset == nil { errors.add("asset_id", error: "InvalidValue", "Unit: choose one of the units linked to this ticket") }
        let variant = try await asset.asyncMap { try await CatalogueStore(db: db).variant(sku: SKU($0.sku)) } ?? nil
        let currency = variant?.price.currency ?? "USD"
        let value = OrderDetailRoutes.minorUnits(form["value"] ?? "", currency: currency)
        if value == nil {
            errors.add("value", error: "InvalidValue", "Value: the unit's value in \(currency), such as 249.00, not \"\(form["value"] ?? "")\"")
        }
        if !errors.isEmpty { throw APIError.invalid(errors) }
        return RMAInput(ticketID: ticketID, assetID: asset!.id, kind: kind!, valueMinor: value!, currency: currency,
                        obligation: form["obligation"] ?? "", overrideReason: form["override_reason"] ?? "")
    }
}
