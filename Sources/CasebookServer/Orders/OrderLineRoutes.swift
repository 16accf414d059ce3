import CasebookCore
import Foundation
import Hummingbird
import SQLKit

/// `POST /api/v2/orders/{id}/cancellation`, `POST /api/v2/orders/{id}/returns`, `POST /api/v2/shipments/{id}/delivery`:
/// order lines after they are placed. With `CASEBOOK_ALLOCATE_ON_STOCK`, stock they free is allocated at once.
struct OrderLineRoutes: Sendable {
    let services: CasebookServices
    var orders: OrderService { OrderService(tickets: services.tickets, clock: services.config.clock) }
    var changes: OrderLineChanges { OrderLineChanges(orders: orders) }

    func register(on api: RouterGroup<CasebookContext>) {
        api.post("orders/:id/cancellation", use: cancel)
        api.post("orders/:id/returns", use: recordReturn)
        api.post("shipments/:id/delivery", use: deliver)
    }

    /// The allocation run for stock that just became available, when the desk is configured to run it at once.
    static func allocateIfConfigured(_ skus: Set<SKU>, services: CasebookServices, actor: Actor) async throws -> JSONValue {
        guard services.config.allocateOnStock, !skus.isEmpty else { return .null }
        let orders = OrderService(tickets: services.tickets, clock: services.config.clock)
        return OrderRoutes.present(try await orders.allocate(skus: skus.sorted(), commit: true, actor: actor))
    }

    /// `{"cancellation": {"reason": "…", "line_ids": [...]}}` (every line not yet shipped when `line_ids` is absent).
    /// Staff.
    @Sendable func cancel(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.useWorkspace)
        let id = try context.parameters.id()
        let body = try await request.envelope("cancellation", context: context)
        var lineIDs: [Int]?
        if let list = body["line_ids"], !list.isNull {
            guard let ids = list.arrayValue?.compactMap(\.intValue), ids.count == list.arrayValue?.count, !ids.isEmpty else {
                throw APIError.invalid("line_ids", "Line ids: a list of the order's line ids")
            }
            lineIDs = ids
        }
        let freed = try await changes.cancel(orderID: id, lineIDs: lineIDs, reason: body["reason"]?.stringValue ?? "", actor: actor)
        let allocation = try await Self.allocateIfConfigured(freed, services: services, actor: actor)
        return JSONResponse(["order": try await OrderRoutes(services: services).order(id), "allocation": allocation])
    }

    /// `{"return": {"line_id", "quantity", "restock", "reason"}}`: units that came back, `restock` of them good enough
    /// to sell again. Lead and above (permission `manageInventory`).
    @Sendable func recordReturn(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.manageInventory)
        let id = try context.parameters.id()
        let body = try await request.envelope("return", context: context)
        guard let lineID = body["line_id"]?.intValue else { throw APIError.invalid("line_id", "Line: required", error: "BlankValue") }
        let quantity = body["quantity"]?.intValue ?? 1
        let (record, freed) = try await changes.recordReturn(orderID: id, lineID: lineID, quantity: quantity, restock: body["restock"]?.intValue ?? 0,
                                                            reason: body["reason"]?.stringValue ?? "", actor: actor)
        let allocation = try await Self.allocateIfConfigured(freed, services: services, actor: actor)
        return JSONResponse(["return": OrderLineChanges.present(record), "order": try await OrderRoutes(services: services).order(id),
                             "allocation": allocation], status: .created)
    }

    /// A shipment that reached the customer. Lead and above (permission `manageInventory`), like shipping it.
    @Sendable func deliver(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.manageInventory)
        let orderID = try await changes.deliver(shipmentID: try context.parameters.id(), actor: actor)
        return JSONResponse(["order": try await OrderRoutes(services: services).order(orderID)])
    }
}
