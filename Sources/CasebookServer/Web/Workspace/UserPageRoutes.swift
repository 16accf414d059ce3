import CasebookCore
import Foundation
import Hummingbird
import SQLKit

/// A person's page in the workspace: who they are, their recent tickets, and the exclusion rules that concern them
/// (for a customer: the agents who never get their tickets; for an agent: the customers they never get). Leads and
/// above add and remove exclusion rules here as on the ticket page.
struct UserPageRoutes: Sendable {
    let services: CasebookServices
    let renderer: PageRenderer

    struct UserPage: Sendable {
        struct TicketRow: Sendable { var id: Int; var subject: String; var status: String; var updated: String }
        struct Rule: Sendable { var id: Int; var text: String }
        var chrome: Chrome
        var userID: Int
        var name: String
        var email: String
        var role: String
        var organization: String?
        var notes: String
        var isCustomer: Bool
        var tickets: [TicketRow]
        var hasTickets: Bool
        var rules: [Rule]
        var hasRules: Bool
        var canManageExclusions: Bool
        var agentOptions: [Option]
        var hasOrganization: Bool
        var reason: String
        /// A customer's conduct records and "contact only by email" mark (nil for staff).
        var conduct: ConductSection?
        /// Decisions on the record about this customer (nil for staff).
        var decisions: DecisionSection?
    }

    func register(on web: RouterGroup<CasebookContext>) {
        web.get("agent/users/:id", use: show)
        web.post("agent/users/:id/exclusions", use: addExclusion)
        web.post("agent/users/:id/exclusions/:rule/delete", use: deleteExclusion)
    }

    @Sendable func show(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.viewPeople)
        return try await page(try context.parameters.id(), actor: actor, context: context)
    }

    func page(_ id: Int, actor: Actor, context: CasebookContext, errors: [String] = [], reason: String = "",
              status: HTTPResponse.Status = .ok) async throws -> Response {
        guard actor.role.allows(.useWorkspace) else { throw WebError(.forbidden, "The workspace is for staff.") }
        let page = try await services.database.read { db -> UserPage in
            let users = UserStore(db: db)
            guard let user = try await users.find(id: id) else { throw WebError(.notFound, "That person does not exist.") }
            let organization = try await user.organizationID.asyncMap { try await OrganizationStore(db: db).find(id: $0)?.name } ?? nil
            let customer = !user.role.isStaff
            let condition: SQLQueryString = customer ? "t.requester_id = \(bind: id) AND t.deleted_at IS NULL"
                : "t.assignee_id = \(bind: id) AND t.deleted_at IS NULL"
            let tickets = try await TicketQuery.page(condition, order: TicketQuery.order(.updated), limit: 20, offset: 0, db: db)
            let store = RoutingStore(db: db)
            let rules = customer ? try await store.exclusions(requesterID: id, organizationID: user.organizationID)
                : try await store.exclusions().filter { $0.agentID == id }
            let agents = try await users.activeStaff()
            var names = Dictionary(uniqueKeysWithValues: agents.map { ($0.id, $0.name) })
            let mentioned = Set(rules.flatMap { [$0.agentID, $0.createdByID] + ($0.requesterID.map { [$0] } ?? []) })
            for other in try await users.find(ids: Array(mentioned.subtracting(names.keys))) { names[other.id] = other.name }
            var orgNames: [Int: String] = [:]
            for org in Set(rules.compactMap(\.organizationID)) { orgNames[org] = try await OrganizationStore(db: db).find(id: org)?.name }
            var chrome = Chrome(title: user.name, context: context)
            chrome.errors = errors
            return UserPage(
                chrome: chrome, userID: user.id, name: user.name, email: user.email ?? "", role: user.role.rawValue,
                organization: organization, notes: user.notes, isCustomer: customer,
                tickets: tickets.map { .init(id: $0.id, subject: $0.fields.subject, status: $0.fields.status.rawValue,
                                             updated: PageTime.text($0.updatedAt)) },
                hasTickets: !tickets.isEmpty,
                rules: rules.map { rule in
                    let whose = rule.organizationID.map { "everyone at \(orgNames[$0] ?? "organization #\($0)")" }
                        ?? names[rule.requesterID ?? 0] ?? "#\(rule.requesterID ?? 0)"
                    return .init(id: rule.id, text: "Never assign \(whose)'s tickets to \(names[rule.agentID] ?? "#\(rule.agentID)"): "
                        + "\(rule.reason) — \(names[rule.createdByID] ?? "#\(rule.createdByID)"), \(PageTime.text(rule.createdAt))")
                },
                hasRules: !rules.isEmpty,
                canManageExclusions: customer && actor.role.allows(.manageExclusions),
                agentOptions: agents.map { Option(value: String($0.id), label: $0.name, selected: false) },
                hasOrganization: user.organizationID != nil, reason: reason,
                conduct: customer ? try await ConductSection.load(customerID: id, db: db) : nil,
                decisions: customer ? try await DecisionSection.load(customerID: id, db: db) : nil)
        }
        return renderer.page("user", page, status: status)
    }

    @Sendable func addExclusion(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.manageExclusions)
        let id = try context.parameters.id()
        let form = context.form ?? QueryItems(nil)
        guard let user = try await services.database.read({ db in try await UserStore(db: db).find(id: id) }) else {
            throw WebError(.notFound, "That person does not exist.")
        }
        guard !user.role.isStaff else {
            return try await page(id, actor: actor, context: context, errors: ["Exclusion rules keep an agent away from a customer; \(user.name) is staff"],
                                  status: .unprocessableContent)
        }
        let byOrganization = form["scope"] == "organization"
        if byOrganization, user.organizationID == nil {
            return try await page(id, actor: actor, context: context, errors: ["\(user.name) has no organization; exclude the person instead"],
                                  reason: form["reason"] ?? "", status: .unprocessableContent)
        }
        do {
            _ = try await Exclusions.create(services: services, agentID: Int(form["agent_id"] ?? ""),
                                            requesterID: byOrganization ? nil : id,
                                            organizationID: byOrganization ? user.organizationID : nil,
                                            reason: form["reason"] ?? "", ticketID: nil, actor: actor)
        } catch let error as APIError where error.status == .unprocessableContent {
            return try await page(id, actor: actor, context: context, errors: error.messages, reason: form["reason"] ?? "",
                                  status: .unprocessableContent)
        }
        return seeOther("/agent/users/\(id)?updated=1")
    }

    @Sendable func deleteExclusion(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.manageExclusions)
        let id = try context.parameters.id()
        guard let ruleID = context.parameters.get("rule", as: Int.self) else { throw WebError(.notFound, "No such rule.") }
        do {
            try await Exclusions.delete(services: services, id: ruleID, actor: actor)
        } catch let error as APIError where error.status == .notFound {
            throw WebError(.notFound, "That exclusion rule does not exist any more.")
        }
        return seeOther("/agent/users/\(id)?updated=1")
    }
}
