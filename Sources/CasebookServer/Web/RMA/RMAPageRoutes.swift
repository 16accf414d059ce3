import CasebookCore
import Foundation
import Hummingbird
import SQLKit

/// The RMA pages: the list with a status filter; the approvals queue ("Awaiting my approval": the requests the
/// signed-in person's role may approve, each with a reason and Approve / Decline); and an RMA's own page with its
/// history, the decisions about it, and a form for each step `RMALifecycle` allows now. Every step is one
/// `RMAService` call in one transaction; a refusal is shown on the page it came from.
struct RMAPageRoutes: Sendable {
    let services: CasebookServices
    let renderer: PageRenderer
    var rmas: RMAService { RMAService(tickets: services.tickets, clock: services.config.clock) }

    struct ListPage: Sendable {
        struct Row: Sendable {
            var id: Int
            var assetID: Int
            var serial: String
            var kind: String
            var status: String
            var statusKey: String
            var value: String
            var ticketID: Int
            var due: String?
            var overdue: Bool
            var requestedBy: String
            var approver: String?
            /// The reason typed before a refused decision, so it is not lost.
            var reason: String
        }
        var chrome: Chrome
        var awaiting: Bool
        var statuses: [Option]
        var rows: [Row]
        var hasRows: Bool
        var total: Int
        var paging: Paging
    }

    struct DetailPage: Sendable {
        struct Event: Sendable { var when: String; var whenISO: String; var event: String; var status: String; var actor: String; var note: String }
        struct Decision: Sendable { var id: Int; var kind: String; var what: String; var rule: String; var reason: String; var by: String; var when: String }
        struct Obligation: Sendable { var text: String; var accepted: String?; var applies: String?; var appliesNow: Bool }
        var chrome: Chrome
        var id: Int
        var assetID: Int
        var serial: String
        var ticketID: Int
        var ticketSubject: String
        var kind: String
        var status: String
        var statusKey: String
        var value: String
        var warranty: String
        var requestedBy: String
        var waitsFor: String?
        var decided: String?
        var tracking: String?
        var shipped: String?
        var due: String?
        var overdue: Bool
        var received: String?
        var outcome: String?
        var inspectionNote: String?
        var obligation: Obligation?
        var events: [Event]
        var decisions: [Decision]
        var hasDecisions: Bool
        var canDecide: Bool
        var canShip: Bool
        var shipLabel: String
        var canReceive: Bool
        var canInspect: Bool
        var canClose: Bool
        var canCancel: Bool
        var canRecordAgreement: Bool
        var outcomes: [Option]
        var form: [String: String]
    }

    func register(on web: RouterGroup<CasebookContext>) {
        web.get("agent/rmas", use: list)
        web.get("agent/rmas/:id", use: show)
        web.post("agent/rmas/:id/approve", use: { try await decide($0, $1, approve: true) })
        web.post("agent/rmas/:id/decline", use: { try await decide($0, $1, approve: false) })
        web.post("agent/rmas/:id/ship", use: { request, context in
            try await act(context, "ship", keeping: ["tracking"]) { id, form, actor, db in
                try await rmas.ship(rmaID: id, tracking: form["tracking"] ?? "", actor: actor, db: db)
            }
        })
        web.post("agent/rmas/:id/receive", use: { request, context in
            try await act(context, "receive", keeping: ["receive_note"]) { id, form, actor, db in
                try await rmas.receive(rmaID: id, note: Self.trimmed(form["receive_note"]), actor: actor, db: db)
            }
        })
        web.post("agent/rmas/:id/inspect", use: { request, context in
            try await act(context, "inspect", keeping: ["outcome", "inspect_note"]) { id, form, actor, db in
                guard let outcome = InspectionOutcome(rawValue: form["outcome"] ?? "") else {
                    throw APIError.invalid("outcome", "Outcome: choose what the inspection found (\(InspectionOutcome.allCases.map(\.words).joined(separator: ", ")))")
                }
                return try await rmas.inspect(rmaID: id, outcome: outcome, note: Self.trimmed(form["inspect_note"]), actor: actor, db: db)
            }
        })
        web.post("agent/rmas/:id/close", use: { request, context in
            try await act(context, "close", keeping: ["close_note"]) { id, form, actor, db in
                try await rmas.close(rmaID: id, note: Self.trimmed(form["close_note"]), actor: actor, db: db)
            }
        })
        web.post("agent/rmas/:id/cancel", use: { request, context in
            try await act(context, "cancel", keeping: ["cancel_reason"]) { id, form, actor, db in
                try await rmas.cancel(rmaID: id, reason: form["cancel_reason"] ?? "", actor: actor, db: db)
            }
        })
        web.post("agent/rmas/:id/agreement", use: { request, context in
            try await act(context, "agreement", keeping: ["agreement_note"]) { id, form, actor, db in
                try await rmas.acceptObligation(rmaID: id, via: .verbal, note: form["agreement_note"] ?? "", actor: actor, db: db)
            }
        })
    }

    static func trimmed(_ text: String?) -> String { (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }

    // MARK: The list and the approvals queue

    @Sendable func list(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.useWorkspace)
        var notices: [String] = []
        let query = request.query
        if let id = query["approved"].flatMap(Int.init) { notices.append("RMA #\(id) approved; the decision is on the record and the requester was told.") }
        if let id = query["declined"].flatMap(Int.init) { notices.append("RMA #\(id) declined; the requester was told on the ticket.") }
        return try await listPage(query: query, actor: actor, context: context, notices: notices)
    }

    func listPage(query: QueryItems, actor: Actor, context: CasebookContext, errors: [String] = [], notices: [String] = [],
                  reasons: [Int: String] = [:], status: HTTPResponse.Status = .ok) async throws -> Response {
        let awaiting = query["awaiting"] == "me"
        let statusFilter = query["status"].flatMap(RMAStatus.init(rawValue:))
        var filter = RMAStore.Filter()
        if awaiting { filter.approvableBy = actor.role } else { filter.status = statusFilter }
        let pageNumber = Paging.requested(query["page"])
        let (records, total, serials, names) = try await services.database.read { [filter] db in
            let store = RMAStore(db: db)
            let records = try await store.list(filter, limit: Paging.perPage, offset: (pageNumber - 1) * Paging.perPage, afterID: nil)
            let assets = try await AssetStore(db: db).records(ids: records.map(\.assetID))
            let people = try await UserStore(db: db).find(ids: Array(Set(records.map(\.requestedByID))))
            return (records, try await store.count(filter), assets.mapValues(\.serial), Dictionary(people.map { ($0.id, $0.name) }, uniquingKeysWith: { $1 }))
        }
        var chrome = Chrome(title: awaiting ? "RMAs awaiting my approval" : "RMAs", context: context)
        chrome.errors = errors
        chrome.notices = notices
        let now = services.config.clock.now()
        let rows = records.map { r in
            ListPage.Row(id: r.id, assetID: r.assetID, serial: serials[r.assetID] ?? "#\(r.assetID)", kind: r.kind.words, status: r.status.words,
                         statusKey: r.status.rawValue, value: r.value.text, ticketID: r.ticketID, due: r.returnDueAt.map(RMAService.day),
                         overdue: r.overdue(now: now), requestedBy: names[r.requestedByID] ?? "#\(r.requestedByID)",
                         approver: r.status == .requested ? r.approverRole?.rawValue : nil, reason: reasons[r.id] ?? "")
        }
        let base = awaiting ? "/agent/rmas?awaiting=me" : "/agent/rmas?status=\(statusFilter?.rawValue ?? "")"
        let page = ListPage(
            chrome: chrome, awaiting: awaiting,
            statuses: [Option(value: "", label: "Any status", selected: statusFilter == nil)]
                + RMAStatus.allCases.map { Option(value: $0.rawValue, label: $0.words, selected: $0 == statusFilter) },
            rows: rows, hasRows: !rows.isEmpty, total: total,
            paging: Paging(page: pageNumber, total: total) { "\(base)&page=\($0)" })
        return renderer.page("rma-list", page, status: status)
    }

    /// The form posts `reason`; `from=detail` when it came from the RMA's own page, so a refusal is shown there.
    func decide(_ request: Request, _ context: CasebookContext, approve: Bool) async throws -> Response {
        let actor = try context.require(.useWorkspace)
        let id = try context.parameters.id()
        let form = context.form ?? QueryItems(nil)
        let fromDetail = form["from"] == "detail"
        do {
            _ = try await services.database.write { db in
                try await rmas.decide(rmaID: id, approve: approve, reason: form["reason"] ?? "", actor: actor, db: db)
            }
        } catch let error as APIError where error.status == .unprocessableContent || error.status == .forbidden {
            let status: HTTPResponse.Status = error.status == .forbidden ? .forbidden : .unprocessableContent
            if fromDetail {
                return try await detailPage(id: id, actor: actor, context: context, errors: error.messages, form: ["reason": form["reason"] ?? ""],
                                            status: status)
            }
            return try await listPage(query: QueryItems(pairs: [("awaiting", "me")]), actor: actor, context: context, errors: error.messages,
                                      reasons: [id: form["reason"] ?? ""], status: status)
        }
        let flag = approve ? "approved" : "declined"
        return seeOther(fromDetail ? "/agent/rmas/\(id)?done=\(flag)" : "/agent/rmas?awaiting=me&\(flag)=\(id)")
    }

    // MARK: One RMA

    @Sendable func show(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.useWorkspace)
        let done: [String: String] = [
            "approved": "Approved.", "declined": "Declined.",
            "ship": "Shipped; the tracking number is on the ticket.", "receive": "The customer's unit is recorded as received.",
            "inspect": "The inspection is recorded.", "close": "The RMA is closed.", "cancel": "The RMA is cancelled.",
            "agreement": "The customer's verbal agreement is on the record.",
        ]
        let notices = request.query["done"].flatMap { done[$0] }.map { [$0] } ?? []
        return try await detailPage(id: try context.parameters.id(), actor: actor, context: context, notices: notices)
    }

    func detailPage(id: Int, actor: Actor, context: CasebookContext, errors: [String] = [], notices: [String] = [],
                    form: [String: String] = [:], status: HTTPResponse.Status = .ok) async throws -> Response {
        let loaded = try await services.database.read { db -> (RMARecord, AssetRecord?, TicketRecord, [RMAEventRecord], [DecisionRecord], [Int: String])? in
            guard let rma = try await RMAStore(db: db).find(id: id) else { return nil }
            let ticket = try await services.tickets.visibleTicket(rma.ticketID, to: actor, db: db)
            let events = try await RMAStore(db: db).events(rmaID: id)
            // Decisions about this RMA: those on its ticket whose subject is this RMA.
            let decisions = try await DecisionStore(db: db).list(.init(ticketID: rma.ticketID), limit: 500, offset: 0, afterID: nil)
                .filter { $0.subjectType == "rma" && $0.subjectID == id }
            let ids = events.compactMap(\.actorID) + decisions.map(\.decidedByID) + [rma.requestedByID] + [rma.decidedByID].compactMap { $0 }
            let people = try await UserStore(db: db).find(ids: Array(Set(ids)))
            return (rma, try await AssetStore(db: db).find(id: rma.assetID), ticket, events, decisions,
                    Dictionary(people.map { ($0.id, $0.name) }, uniquingKeysWith: { $1 }))
        }
        guard let loaded else { throw WebError(.notFound, "No RMA \(id).") }
        let (rma, asset, ticket, events, decisions, names) = loaded
        func name(_ id: Int?) -> String { id.map { names[$0] ?? "#\($0)" } ?? "Casebook" }
        var chrome = Chrome(title: "RMA #\(id)", context: context)
        chrome.errors = errors
        chrome.notices = notices
        let allowed = Set(RMALifecycle.allowed(kind: rma.kind, from: rma.status, outcome: rma.outcome))
        let canEdit = actor.role.allows(.editTicketFields)
        let now = services.config.clock.now()
        let page = DetailPage(
            chrome: chrome, id: id, assetID: rma.assetID, serial: asset?.serial ?? "#\(rma.assetID)", ticketID: rma.ticketID,
            ticketSubject: ticket.fields.subject, kind: rma.kind.words, status: rma.status.words, statusKey: rma.status.rawValue,
            value: rma.value.text, warranty: rma.inWarranty ? "in warranty" : "not in warranty (or unknown) when requested",
            requestedBy: name(rma.requestedByID),
            waitsFor: rma.status == .requested ? rma.approverRole.map { "Waits for a \($0.rawValue)'s approval" } : nil,
            decided: rma.decidedAt.map { "\(rma.status == .declined ? "Declined" : "Approved") by \(name(rma.decidedByID)), \(PageTime.text($0))"
                + (rma.decisionReason.isEmpty ? "" : ": \(rma.decisionReason)") },
            tracking: rma.tracking.isEmpty ? nil : rma.tracking, shipped: rma.shippedAt.map(PageTime.text),
            due: rma.returnDueAt.map(RMAService.day), overdue: rma.overdue(now: now), received: rma.receivedAt.map(PageTime.text),
            outcome: rma.outcome?.words, inspectionNote: rma.inspectionNote.isEmpty ? nil : rma.inspectionNote,
            obligation: Self.obligation(rma),
            events: events.map { e in
                .init(when: PageTime.text(e.createdAt), whenISO: PageTime.iso(e.createdAt), event: e.event.replacingOccurrences(of: "_", with: " "),
                      status: e.status.words, actor: name(e.actorID), note: e.note)
            },
            decisions: decisions.map { d in
                .init(id: d.id, kind: d.kind.words, what: d.what, rule: d.rule, reason: d.reason, by: name(d.decidedByID), when: PageTime.text(d.createdAt))
            },
            hasDecisions: !decisions.isEmpty,
            canDecide: rma.status == .requested,
            canShip: canEdit && allowed.contains(.shipReplacement), shipLabel: rma.kind == .repair ? "Ship the repaired unit" : "Ship the replacement",
            canReceive: canEdit && allowed.contains(.receive), canInspect: canEdit && allowed.contains(.inspect),
            canClose: canEdit && allowed.contains(.close), canCancel: canEdit && allowed.contains(.cancel),
            canRecordAgreement: canEdit && !rma.obligation.isEmpty && rma.obligationAcceptedAt == nil && !rma.status.isFinal,
            outcomes: InspectionOutcome.allCases.map { Option(value: $0.rawValue, label: $0.words, selected: form["outcome"] == $0.rawValue) },
            form: form)
        return renderer.page("rma-detail", page, status: status)
    }

    static func obligation(_ rma: RMARecord) -> DetailPage.Obligation? {
        guard !rma.obligation.isEmpty else { return nil }
        let accepted: String? = switch rma.obligationAcceptedVia {
        case .portal?: "Accepted by the customer in the portal, \(rma.obligationAcceptedAt.map(PageTime.text) ?? "")"
        case .verbal?: "Agreed verbally, recorded \(rma.obligationAcceptedAt.map(PageTime.text) ?? ""): \(rma.obligationNote)"
        case nil: nil
        }
        let applies: String? = switch (rma.obligationApplies, rma.outcome) {
        case (true?, let outcome?): "The customer's obligation applies (inspection: \(outcome.words))."
        case (false?, _): "The obligation does not apply: the fault was confirmed."
        default: nil
        }
        return .init(text: rma.obligation, accepted: accepted, applies: applies, appliesNow: rma.obligationApplies == true)
    }

    /// A life-cycle step from the RMA's page: the service call in one transaction, then back to the page; a refusal
    /// (the life cycle, a blank field) is shown on the page with what was typed.
    func act(_ context: CasebookContext, _ action: String, keeping fields: [String],
             _ step: @escaping @Sendable (Int, QueryItems, Actor, any SQLDatabase) async throws -> RMARecord) async throws -> Response {
        let actor = try context.require(.editTicketFields)
        let id = try context.parameters.id()
        let form = context.form ?? QueryItems(nil)
        do {
            _ = try await services.database.write { db -> RMARecord in
                guard let current = try await RMAStore(db: db).find(id: id) else { throw WebError(.notFound, "No RMA \(id).") }
                _ = try await services.tickets.visibleTicket(current.ticketID, to: actor, db: db)
                return try await step(id, form, actor, db)
            }
        } catch let error as APIError where error.status == .unprocessableContent || error.status == .forbidden {
            let kept = fields.reduce(into: [String: String]()) { $0[$1] = form[$1] ?? "" }
            return try await detailPage(id: id, actor: actor, context: context, errors: error.messages, form: kept,
                                        status: error.status == .forbidden ? .forbidden : .unprocessableContent)
        }
        return seeOther("/agent/rmas/\(id)?done=\(action)")
    }
}
