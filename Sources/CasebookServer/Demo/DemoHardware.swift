import CasebookCore
import Foundation
import SQLKit

/// The demo's hardware, matching the network switch story: the EdgeSwitch's warranty with its troubleshooting caveat
/// and checklist, Marcus Bell's switch at the Brookfield Family Clinic linked to his ticket, the troubleshooting that
/// could not be finished 2.5 hours from the site, and the advance replacement the lead approved over the checklist —
/// a decision on the record — which came back with the fault confirmed. Keystone's account owner is Dana Whitfield.
/// Loading twice adds nothing.
enum DemoHardware {
    static func load(into database: Database) async throws {
        let setup = try await database.read { db -> (product: Int, ticket: Int, customer: UserRecord, lead: UserRecord, linda: UserRecord, dana: UserRecord)? in
            guard try await db.raw("SELECT COUNT(*) AS n FROM assets").first()?.decode(column: "n", as: Int.self) == 0,
                  let product = try await CatalogueStore(db: db).variant(sku: SKU("ES-24P"))?.productID,
                  let ticket = try await db.raw("SELECT id FROM tickets WHERE external_id = 'demo-network-switch-1'").first()?.decode(column: "id", as: Int.self),
                  let customer = try await UserStore(db: db).find(email: "marcus.bell@keystonenet.example"),
                  let lead = try await UserStore(db: db).find(email: "morgan.avery@brightbeam.example"),
                  let linda = try await UserStore(db: db).find(email: "linda.marsh@brightbeam.example"),
                  let dana = try await UserStore(db: db).find(email: "dana.whitfield@brightbeam.example") else { return nil }
            return (product, ticket, customer, lead, linda, dana)
        }
        guard let setup else { return }
        let clock = ManualClock(Timestamp.now - 8 * 86_400_000)
        let rmas = RMAService(tickets: TicketService(database: database), clock: clock.clock)
        let now = clock.now
        try await database.write { db in
            let assets = AssetStore(db: db)
            try await assets.save(WarrantyRecord(
                productID: setup.product,
                terms: WarrantyTerms(months: 36, coverage: "Parts and labour; advance replacement for business customers",
                                     caveats: ["Replacement requires completed troubleshooting"], returnDays: 10),
                checklist: [
                    ChecklistStep(key: "firmware", title: "Upgrade to the current firmware (4.2.1)", requiredFor: [.advanceReplacement, .replacement]),
                    ChecklistStep(key: "factory_reset", title: "Factory reset and restore the saved config", requiredFor: [.advanceReplacement]),
                    ChecklistStep(key: "show_tech", title: "Collect show-tech from the unit", requiredFor: [.advanceReplacement, .repair]),
                ], updatedAt: now))
            if let org = setup.customer.organizationID {
                try await db.raw("UPDATE organizations SET account_owner_id = \(bind: setup.dana.id) WHERE id = \(bind: org)").run()
            }
            let purchased = now - 400 * 86_400_000
            let asset = try await assets.insert(AssetRecord(
                id: 0, serial: "ES24P-7731-0418", sku: "ES-24P", productID: setup.product, customerID: setup.customer.id,
                organizationID: setup.customer.organizationID, site: "Brookfield Family Clinic, comms room", purchasedAt: purchased,
                orderID: nil, firmware: "4.2.1", status: .inService, createdAt: now, updatedAt: now))
            _ = try await assets.insert(AssetRecord(
                id: 0, serial: "ES24P-7731-0522", sku: "ES-24P", productID: setup.product, customerID: setup.customer.id,
                organizationID: setup.customer.organizationID, site: "Keystone office lab", purchasedAt: purchased, orderID: nil,
                firmware: "4.1.9", status: .inService, createdAt: now, updatedAt: now))
            try await assets.link(ticketID: setup.ticket, assetID: asset, by: "mention", at: now)
            for (key, result, note) in [("firmware", StepResult.done, "upgraded to 4.2.1 with the customer; ports 13-24 still drop"),
                                        ("factory_reset", .notPossible, "no remote access and the customer is 2.5 hours from the site"),
                                        ("show_tech", .notPossible, "needs console access on site")] {
                try await assets.record(ticketID: setup.ticket, ChecklistResultRecord(stepKey: key, result: result, note: note,
                                                                                      recordedByID: setup.linda.id, recordedAt: now))
            }
            let lead = Actor(id: setup.lead.id, role: setup.lead.role)
            var rma = try await rmas.create(RMAInput(
                ticketID: setup.ticket, assetID: asset, kind: .advanceReplacement, valueMinor: 34900, currency: "USD", obligation: "",
                overrideReason: "Customer is 2.5 hours from the site with no spare and no remote access; firmware was already upgraded and "
                    + "the port pattern matches a hardware fault. He agreed to ship the original back if the fault lies elsewhere."), actor: lead, db: db)
            rma = try await rmas.acceptObligation(rmaID: rma.id, via: .verbal, note: "Agreed on the phone with Linda Marsh, read back to him",
                                                  actor: Actor(id: setup.linda.id, role: setup.linda.role), db: db)
            rma = try await rmas.ship(rmaID: rma.id, tracking: "1Z999AA10123456784", actor: lead, db: db)
            rma = try await rmas.receive(rmaID: rma.id, note: "original unit back with the prepaid label", actor: lead, db: db)
            rma = try await rmas.inspect(rmaID: rma.id, outcome: .faultConfirmed, note: "bench test: ports 13-24 drop on 4.2.1", actor: lead, db: db)
            _ = try await rmas.close(rmaID: rma.id, note: "fault confirmed; the replacement stays with the customer", actor: lead, db: db)
        }
    }
}
