import CasebookCore
import Foundation
import SQLKit

/// The demo's routing and SLA setup, matching the stories: office hours in Berlin, SLA policies that escalate to
/// the leads, groups that hand out tickets by load, agents' skills, and the exclusion the newcomer's story ends
/// with (Nigel Ashcroft's tickets never go to Owen Pryce). Loading twice changes nothing.
enum DemoRouting {
    static func load(into database: Database) async throws {
        let now = Timestamp.now
        try await database.write { db in
            let store = SLAStore(db: db)
            guard try await store.schedules().isEmpty, try await store.policies().isEmpty else { return }
            let hours = try await store.insertSchedule(name: "Brightbeam support hours", calendar: BusinessCalendar(
                timeZone: "Europe/Berlin", intervals: BusinessCalendar.WeeklyInterval.on(1...5, from: 8 * 60, to: 18 * 60),
                holidays: [.init(name: "Christmas", startDate: "2026-12-24", endDate: "2026-12-26"),
                           .init(name: "New Year's Day", startDate: "2027-01-01", endDate: "2027-01-01")]), now: now)
            let groups = try await RoutingStore(db: db).groupRouting()
            func group(_ name: String) -> Int? { groups.first { $0.name == name }?.id }
            var urgent = SLAEscalationActions()
            urgent.leadMinutes = 15
            urgent.notifyLeads = true
            urgent.addTags = ["sla_breach"]
            _ = try await store.insertPolicy(PolicyRecord(
                policy: SLAPolicy(id: 0, title: "Urgent and high", position: 1,
                                  filter: SLAFilter(all: [], any: [.init(field: "priority", operator: "is", value: "urgent"),
                                                                   .init(field: "priority", operator: "is", value: "high")]),
                                  targets: [.init(metric: .firstReplyTime, priority: .urgent, targetMinutes: 60, businessHours: false),
                                            .init(metric: .nextReplyTime, priority: .urgent, targetMinutes: 120, businessHours: false),
                                            .init(metric: .periodicUpdateTime, priority: .urgent, targetMinutes: 240, businessHours: false),
                                            .init(metric: .fullResolutionTime, priority: .urgent, targetMinutes: 1_440, businessHours: false),
                                            .init(metric: .firstReplyTime, priority: .high, targetMinutes: 240, businessHours: true),
                                            .init(metric: .nextReplyTime, priority: .high, targetMinutes: 480, businessHours: true),
                                            .init(metric: .fullResolutionTime, priority: .high, targetMinutes: 2_400, businessHours: true)],
                                  pauseOn: [.pending], calendarID: hours),
                description: "Urgent cases around the clock; high priority in office hours.", escalation: urgent,
                createdAt: now, updatedAt: now), now: now)
            _ = try await store.insertPolicy(PolicyRecord(
                policy: SLAPolicy(id: 0, title: "Everything else", position: 2, filter: SLAFilter(),
                                  targets: [.init(metric: .firstReplyTime, priority: .normal, targetMinutes: 480, businessHours: true),
                                            .init(metric: .requesterWaitTime, priority: .normal, targetMinutes: 4_800, businessHours: true),
                                            .init(metric: .firstReplyTime, priority: .low, targetMinutes: 960, businessHours: true)],
                                  pauseOn: [.pending, .hold], calendarID: hours),
                description: "Normal and low priority, in office hours.", escalation: SLAEscalationActions(), createdAt: now, updatedAt: now),
                now: now)
            let routing = RoutingStore(db: db)
            for (name, mode) in [("Orders & Fulfilment", RoutingMode.leastLoaded), ("Hardware Support", .leastLoaded),
                                 ("Customer Care", .roundRobin), ("Workflows & Database", .manual)] {
                if let id = group(name) { try await routing.setGroupRouting(groupID: id, mode: mode, scheduleID: .some(hours)) }
            }
            let users = UserStore(db: db)
            for (email, skills) in [("linda.marsh@brightbeam.example", ["hardware", "network"]),
                                    ("greg.tillman@brightbeam.example", ["hardware", "network", "returns"]),
                                    ("ines.duarte@brightbeam.example", ["database", "workflows"]),
                                    ("riley.quinn@brightbeam.example", ["billing", "returns"]),
                                    ("owen.pryce@brightbeam.example", ["language:de"])] {
                if let user = try await users.find(email: email) {
                    try await routing.setSkills(userID: user.id, skills)
                    try await routing.setCapacity(userID: user.id, 25)
                }
            }
            if let hardware = group("Hardware Support") {
                _ = try await routing.insert(RoutingRule(
                    id: 0, position: 1, title: "Network hardware", conditions: [.init(field: "subject", operator: "contains_words", value: "switch router firewall")],
                    actions: RoutingActions(groupID: hardware, skills: ["network"]), active: true), now: now)
            }
            if let orders = group("Orders & Fulfilment") {
                _ = try await routing.insert(RoutingRule(
                    id: 0, position: 2, title: "Orders and deliveries", conditions: [.init(field: "subject", operator: "contains_words", value: "order backorder delivery shipped refund")],
                    actions: RoutingActions(groupID: orders), active: true), now: now)
            }
            if let nigel = try await users.find(email: "nigel.ashcroft@harborlogistics.example"),
               let owen = try await users.find(email: "owen.pryce@brightbeam.example"),
               let rickey = try await users.find(email: "rickey.dalton@brightbeam.example") {
                _ = try await routing.insert(ExclusionRule(id: 0, agentID: owen.id, requesterID: nigel.id, organizationID: nil,
                                                           reason: "Abused Owen on two calls; written channel only, handled by a senior",
                                                           createdByID: rickey.id, createdAt: now), ticketID: nil)
            }
        }
        let sla = SLAService()
        try await sla.backfill(database: database)
        try await sla.reevaluateAll(database: database)
    }
}
