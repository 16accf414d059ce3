import CasebookCore
import Foundation
import Hummingbird
import SQLKit

/// The RMA approval rules for the admins: per kind, tiers of value and the role that approves up to it; who approves
/// anything out of warranty; who may override an incomplete troubleshooting checklist. The form is turned into the
/// API's `rma_policy` object and saved through the same checks as `PUT /api/v2/rma_policy`.
struct AdminRMAPolicyRoutes: Sendable {
    let services: CasebookServices
    let renderer: PageRenderer
    var rmas: RMAService { RMAService(tickets: services.tickets, clock: services.config.clock) }

    struct PolicyPage: Sendable {
        struct Kind: Sendable { var key: String; var label: String; var tiers: String; var meaning: [String] }
        var chrome: Chrome
        var kinds: [Kind]
        var outOfWarranty: [Option]
        var overrideRoles: [Option]
        var outOfWarrantyMeaning: String
        var overrideMeaning: String
    }

    func register(on web: RouterGroup<CasebookContext>) {
        web.get("admin/rma-policy", use: show)
        web.post("admin/rma-policy", use: save)
    }

    @Sendable func show(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.managePolicies)
        let (rules, role) = try await services.database.read { db in try await rmas.rules(db: db) }
        var notices: [String] = []
        if request.uri.queryParameters.get("saved") != nil { notices.append("RMA approval rules saved.") }
        return page(context, rules: rules, overrideRole: role, notices: notices)
    }

    /// The form posts `tiers_<kind>` per RMA kind (one tier a line, `up_to role`, `any` for no limit),
    /// `out_of_warranty` and `checklist_override_role`.
    @Sendable func save(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.managePolicies)
        let form = context.form ?? QueryItems(nil)
        var tiers = JSONObject()
        for kind in RMAKind.allCases {
            tiers[kind.rawValue] = .array(WarrantyPageRoutes.lines(form["tiers_\(kind.rawValue)"] ?? "").map(Self.tier))
        }
        var body: JSONObject = ["tiers": .object(tiers)]
        if let role = form["out_of_warranty"] { body["out_of_warranty"] = .string(role) }
        if let role = form["checklist_override_role"] { body["checklist_override_role"] = .string(role) }
        do {
            _ = try await RMARoutes.savePolicy(body, services: services)
            return seeOther("/admin/rma-policy?saved=1")
        } catch let error as APIError where error.status == .unprocessableContent {
            // What was typed stays in the form; the words below it describe the rules still in force.
            let (rules, role) = try await services.database.read { db in try await rmas.rules(db: db) }
            var typed: [String: String] = [:]
            for kind in RMAKind.allCases { typed[kind.rawValue] = form["tiers_\(kind.rawValue)"] ?? "" }
            return page(context, rules: rules, overrideRole: role, errors: error.messages, typed: typed,
                        typedOutOfWarranty: form["out_of_warranty"], typedOverride: form["checklist_override_role"], status: .unprocessableContent)
        }
    }

    /// One `up_to role` line as the API's tier object. Whatever does not read as a number or `any` goes to the API's
    /// checks as it was typed, so they refuse it in their own words.
    static func tier(_ line: String) -> JSONValue {
        let words = line.split(whereSeparator: \.isWhitespace).map(String.init)
        let limit = words.first ?? ""
        let upTo: JSONValue = limit.lowercased() == "any" ? .null : Int(limit).map { JSONValue.int($0) } ?? JSONValue.string(limit)
        return ["up_to": upTo, "role": .string(words.dropFirst().joined(separator: " "))]
    }

    func page(_ context: CasebookContext, rules: RMAApprovalRules, overrideRole: Role, errors: [String] = [], notices: [String] = [],
              typed: [String: String]? = nil, typedOutOfWarranty: String? = nil, typedOverride: String? = nil,
              status: HTTPResponse.Status = .ok) -> Response {
        var chrome = Chrome(title: "RMA policy", context: context)
        chrome.errors = errors
        chrome.notices = notices
        let staff = Role.allCases.filter(\.isStaff)
        let out = typedOutOfWarranty ?? rules.outOfWarranty.rawValue, override = typedOverride ?? overrideRole.rawValue
        let page = PolicyPage(
            chrome: chrome,
            kinds: RMAKind.allCases.map { kind in
                let list = rules.tiers[kind] ?? []
                return .init(key: kind.rawValue, label: kind.words.capitalizedFirst,
                             tiers: typed?[kind.rawValue] ?? list.map { "\($0.upToMinor.map(String.init) ?? "any") \($0.role.rawValue)" }.joined(separator: "\n"),
                             meaning: Self.meaning(list))
            },
            outOfWarranty: staff.map { Option(value: $0.rawValue, label: $0.rawValue, selected: $0.rawValue == out) },
            overrideRoles: staff.map { Option(value: $0.rawValue, label: $0.rawValue, selected: $0.rawValue == override) },
            outOfWarrantyMeaning: "Out of warranty, whatever its value, an RMA needs \(Self.article(rules.outOfWarranty)) or above.",
            overrideMeaning: "\(Self.article(overrideRole).capitalizedFirst) or above may override an incomplete troubleshooting checklist, giving a reason.")
        return renderer.page("admin-rma-policy", page, status: status)
    }

    /// A kind's tiers in words. The least senior role whose tier covers the value approves; no tier, only an admin.
    static func meaning(_ tiers: [RMAApprovalRules.Tier]) -> [String] {
        guard !tiers.isEmpty else { return ["No tier: only an admin approves."] }
        let sorted = tiers.sorted { ($0.upToMinor ?? .max) < ($1.upToMinor ?? .max) }
        var lines = sorted.map { t in
            (t.upToMinor.map { "Up to \(amount($0))" } ?? "Any value") + ": \(article(t.role)) or above approves."
        }
        if !tiers.contains(where: { $0.upToMinor == nil }), let top = sorted.last?.upToMinor {
            lines.append("Above \(amount(top)): only an admin approves.")
        }
        return lines
    }

    /// Minor units as the amount people read (25000 is 250.00), in the RMA's own currency.
    static func amount(_ minor: Int) -> String { String(format: "%ld.%02ld", minor / 100, minor % 100) }

    static func article(_ role: Role) -> String { role == .agent || role == .admin ? "an \(role.rawValue)" : "a \(role.rawValue)" }
}
