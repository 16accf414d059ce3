import CasebookCore
import Foundation
import Hummingbird
import SQLKit

/// The customer's returns in the portal: where each stands in plain words, the tracking number, when the unit is due
/// back, and the obligation they are asked to accept ("I agree"). Only RMAs on the customer's own requests; never
/// the decisions behind them or the agents' notes.
struct PortalRMARoutes: Sendable {
    let services: CasebookServices
    let renderer: PageRenderer
    var rmas: RMAService { RMAService(tickets: services.tickets, clock: services.config.clock) }

    struct Page: Sendable {
        struct RMA: Sendable {
            var id: Int
            var requestID: Int
            var serial: String
            var kind: String
            var status: String
            var statusKey: String
            var tracking: String?
            var due: String?
            var obligation: String?
            /// Offer "I agree": an obligation not yet accepted on an RMA still running.
            var canAccept: Bool
            var accepted: String?
        }
        var chrome: Chrome
        var rmas: [RMA]
        var single: Bool
    }

    func register(on web: RouterGroup<CasebookContext>) {
        web.get("portal/rmas", use: list)
        web.get("portal/rmas/:id", use: show)
        web.post("portal/rmas/:id/accept", use: accept)
    }

    /// What a customer reads for each status: what happens next, in their terms.
    static func sentence(_ r: RMARecord) -> String {
        let unit = r.kind == .repair ? "repaired unit" : "replacement"
        switch r.status {
        case .requested: return "We have your request and are reviewing it."
        case .approved:
            return r.kind == .advanceReplacement ? "Approved: your replacement will ship soon." : "Approved: we will tell you how to send the unit to us."
        case .declined: return "We could not approve this return. Your request has the details."
        case .cancelled: return "This return was cancelled."
        case .replacementShipped: return "Your \(unit) is on its way."
        case .unitDue:
            let by = r.returnDueAt.map { " by \(RMAService.day($0))" } ?? ""
            return r.kind == .advanceReplacement ? "Your replacement has shipped. Please send the faulty unit back to us\(by)."
                : "Please send the unit to us\(by)."
        case .received: return "Your unit has arrived and is waiting for inspection."
        case .inspected: return "We have inspected your unit" + (r.outcome.map { ": \($0.words)." } ?? ".")
        case .closed: return "This return is complete."
        }
    }

    @Sendable func list(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.usePortal)
        let notices = request.query["accepted"] != nil ? ["Thank you: your agreement is recorded."] : []
        let records = try await services.database.read { db in
            try await RMAStore(db: db).list(.init(customerID: actor.id), limit: 100, offset: 0, afterID: nil)
        }
        return try await page(records.reversed(), single: false, context: context, notices: notices)
    }

    @Sendable func show(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.usePortal)
        let rma = try await own(try context.parameters.id(), actor: actor)
        let notices = request.query["accepted"] != nil ? ["Thank you: your agreement is recorded."] : []
        return try await page([rma], single: true, context: context, notices: notices)
    }

    func page(_ records: [RMARecord], single: Bool, context: CasebookContext, errors: [String] = [], notices: [String] = [],
              status: HTTPResponse.Status = .ok) async throws -> Response {
        let assets = try await services.database.read { db in try await AssetStore(db: db).records(ids: records.map(\.assetID)) }
        var chrome = Chrome(title: single ? "Return RMA #\(records.first?.id ?? 0)" : "Your returns", context: context)
        chrome.errors = errors
        chrome.notices = notices
        let rows = records.map { r in
            Page.RMA(id: r.id, requestID: r.ticketID, serial: assets[r.assetID]?.serial ?? "", kind: r.kind.words.capitalizedFirst,
                     status: Self.sentence(r), statusKey: r.status.rawValue, tracking: r.tracking.isEmpty ? nil : r.tracking,
                     due: r.status == .unitDue ? r.returnDueAt.map(RMAService.day) : nil,
                     obligation: r.obligation.isEmpty ? nil : r.obligation,
                     canAccept: !r.obligation.isEmpty && r.obligationAcceptedAt == nil && !r.status.isFinal,
                     accepted: r.obligationAcceptedAt.map { "You agreed on \(RMAService.day($0))." })
        }
        return renderer.page("portal-rmas", Page(chrome: chrome, rmas: rows, single: single), status: status)
    }

    /// The customer's own RMA; anyone else's is as absent as one that does not exist.
    func own(_ id: Int, actor: Actor) async throws -> RMARecord {
        let rma = try await services.database.read { db -> RMARecord? in
            guard let rma = try await RMAStore(db: db).find(id: id),
                  let ticket = try await TicketStore(db: db).load(id: rma.ticketID), ticket.fields.requesterID == actor.id else { return nil }
            return rma
        }
        guard let rma else { throw WebError(.notFound, "We could not find that return.") }
        return rma
    }

    @Sendable func accept(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.usePortal)
        let id = try context.parameters.id()
        _ = try await own(id, actor: actor)
        do {
            _ = try await services.database.write { db in
                try await rmas.acceptObligation(rmaID: id, via: .portal, note: "", actor: actor, db: db)
            }
        } catch let error as APIError where error.status == .unprocessableContent {
            return try await page([try await own(id, actor: actor)], single: true, context: context, errors: error.messages, status: .unprocessableContent)
        } catch let error as APIError where error.status == .forbidden || error.status == .notFound {
            throw WebError(.notFound, "We could not find that return.")
        }
        return seeOther("/portal/rmas/\(id)?accepted=1")
    }
}
