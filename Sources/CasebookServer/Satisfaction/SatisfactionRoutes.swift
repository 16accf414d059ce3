import CasebookCore
import Foundation
import Hummingbird
import SQLKit

/// Zendesk's satisfaction API: `/api/v2/satisfaction_ratings` (staff), `/api/v2/satisfaction_reasons`, and
/// `POST /api/v2/tickets/{id}/satisfaction_rating` (the requester); NPS answers (`/api/v2/nps_responses`, staff);
/// the satisfaction-and-loyalty settings (admins) and report (leads and above).
struct SatisfactionRoutes: Sendable {
    let services: CasebookServices
    var database: Database { services.database }
    var satisfaction: SatisfactionService { SatisfactionService(services: services) }

    func register(on api: RouterGroup<CasebookContext>) {
        api.get("satisfaction_ratings", use: list)
        api.get("satisfaction_ratings/:id", use: show)
        api.post("tickets/:id/satisfaction_rating", use: rate)
        api.get("satisfaction_reasons", use: reasons)
        api.get("satisfaction_reasons/:id", use: reason)
        api.get("nps_responses", use: npsResponses)
        api.get("satisfaction/settings", use: settings)
        api.put("satisfaction/settings", use: saveSettings)
        api.get("satisfaction/loyalty_report", use: report)
    }

    /// `?score=offered|good|bad|received`, `?start_time=`/`?end_time=` (Unix seconds, on when the survey was offered).
    @Sendable func list(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.useWorkspace)
        let q = request.uri.queryParameters
        var filter = SatisfactionStore.Filter()
        var errors = FieldErrors()
        if let raw = q.get("score") {
            switch raw {
            case "received": filter.scores = ["good", "bad"]
            case "offered", "good", "bad": filter.scores = [raw]
            default: errors.add("score", error: "InvalidValue", "Score: offered, good, bad or received")
            }
        }
        for (name, path) in [("start_time", \SatisfactionStore.Filter.startTime), ("end_time", \SatisfactionStore.Filter.endTime)] {
            guard let raw = q.get(name) else { continue }
            guard let seconds = Int64(raw), seconds >= 0 else {
                errors.add(name, error: "InvalidValue", "\(name): a Unix time in seconds")
                continue
            }
            filter[keyPath: path] = seconds * 1000
        }
        if !errors.isEmpty { throw APIError.invalid(errors) }
        let base = request.baseURL
        return try await PagedList.respond(request, try Pagination(request), key: "satisfaction_ratings", path: "/api/v2/satisfaction_ratings",
                                           database: database) { [filter] db, limit, offset, after in
            let store = SatisfactionStore(db: db)
            return (try await store.list(filter, limit: limit, offset: offset, afterID: after).map { ($0.id, SatisfactionService.present($0, base: base)) },
                    try await store.count(filter))
        }
    }

    @Sendable func show(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.useWorkspace)
        let id = try context.parameters.id()
        guard let rating = try await database.read({ db in try await SatisfactionStore(db: db).find(id: id) }) else {
            throw APIError.notFound("No satisfaction rating \(id)")
        }
        return JSONResponse(["satisfaction_rating": SatisfactionService.present(rating, base: request.baseURL)])
    }

    /// `{"satisfaction_rating": {"score": "good|bad", "comment": "...", "reason_code": 5}}`, by the ticket's requester.
    @Sendable func rate(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.requireActor()
        let ticketID = try context.parameters.id()
        let body = try await request.envelope("satisfaction_rating", context: context)
        var errors = FieldErrors()
        if let raw = body["comment"], raw != .null, raw.stringValue == nil { errors.add("comment", error: "InvalidValue", "Comment: text") }
        let reasonCode = body["reason_code"]?.intValue ?? body["reason_id"]?.intValue
        if let raw = body["reason_code"] ?? body["reason_id"], raw != .null, reasonCode == nil {
            errors.add("reason_code", error: "InvalidValue", "Reason: a reason code (see /api/v2/satisfaction_reasons)")
        }
        if !errors.isEmpty { throw APIError.invalid(errors) }
        let answer = SatisfactionService.Answer(score: body["score"]?.stringValue, comment: body["comment"]?.stringValue ?? "", reasonCode: reasonCode)
        let service = satisfaction, tickets = services.tickets
        let rating = try await database.write { db in try await service.rate(ticketID: ticketID, answer, actor: actor, tickets: tickets, db: db) }
        return JSONResponse(["satisfaction_rating": SatisfactionService.present(rating, base: request.baseURL)])
    }

    @Sendable func reasons(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.requireActor()
        let list = SatisfactionReason.all.map { SatisfactionService.present($0, base: request.baseURL) }
        return JSONResponse(["reasons": .array(list), "count": .int(list.count), "next_page": .null, "previous_page": .null])
    }

    @Sendable func reason(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.requireActor()
        guard let raw = context.parameters.get("id"), let code = Int(raw), let reason = SatisfactionReason.find(code: code) else {
            throw APIError.notFound("No satisfaction reason \(context.parameters.get("id") ?? "")")
        }
        return JSONResponse(["reason": SatisfactionService.present(reason, base: request.baseURL)])
    }

    /// Answered NPS questions, oldest first.
    @Sendable func npsResponses(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.useWorkspace)
        return try await PagedList.respond(request, try Pagination(request), key: "nps_responses", path: "/api/v2/nps_responses",
                                           database: database) { db, limit, offset, after in
            let store = SatisfactionStore(db: db)
            return (try await store.responses(limit: limit, offset: offset, afterID: after).map { ($0.id, SatisfactionService.present($0)) },
                    try await store.responseCount())
        }
    }

    // MARK: Settings

    @Sendable func settings(_ request: Request, context: CasebookContext) async throws -> Response {
        _ = try context.require(.useWorkspace)
        let settings = try await database.read { db in try await SatisfactionSettings.load(db: db) }
        return JSONResponse(["satisfaction_settings": settings.json])
    }

    /// `{"satisfaction_settings": {"bought_again_days": 90, "silence_days": 180, "nps_enabled": true}}` (admins).
    @Sendable func saveSettings(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.managePolicies)
        let body = try await request.envelope("satisfaction_settings", context: context)
        let now = services.config.clock.now()
        let saved = try await database.write { db in
            try await Self.save(body, actor: actor, now: now, db: db)
        }
        return JSONResponse(["satisfaction_settings": saved.json])
    }

    /// Applies the given fields over the current settings; names every bad field (422) and saves nothing then.
    static func save(_ body: JSONObject, actor: Actor, now: Int64, db: any SQLDatabase) async throws -> SatisfactionSettings {
        var settings = try await SatisfactionSettings.load(db: db)
        let before = settings.windows
        var errors = FieldErrors()
        for (name, path) in [("bought_again_days", \LoyaltyWindows.boughtAgainDays), ("silence_days", \LoyaltyWindows.silenceDays)] {
            guard let raw = body[name], raw != .null else { continue }
            guard let days = raw.intValue else {
                errors.add(name, error: "InvalidValue", "\(name): a whole number of days")
                continue
            }
            settings.windows[keyPath: path] = days
        }
        if let raw = body["nps_enabled"], raw != .null {
            if let on = raw.boolValue { settings.npsEnabled = on } else { errors.add("nps_enabled", error: "InvalidValue", "NPS: true or false") }
        }
        // The windows' own rules too, so one answer names every bad field.
        do throws(FieldErrors) { try settings.windows.validate() } catch {
            for (field, details) in error.details where errors.details[field] == nil {
                for detail in details { errors.add(field, error: detail.error, detail.description) }
            }
        }
        if !errors.isEmpty { throw APIError.invalid(errors) }
        try await PolicySettingsStore(db: db).save(SatisfactionSettings.key, settings.json, at: now)
        if settings.windows != before {
            // Every solved ticket's loyalty outcome is classified again with the new windows by the reports job.
            try await db.raw("UPDATE loyalty_facts SET due_at = 0").run()
        }
        return settings
    }

    // MARK: Report

    /// `?by=group|agent|ticket_type|contact_reason&start_time=&end_time=` (Unix seconds or ISO dates; the last 30 days
    /// by default) and optional filters `group_id`, `assignee_id`, `channel`, `priority`, `tags`, `organization_id`
    /// (comma-separated lists).
    @Sendable func report(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.requireActor()
        guard actor.role.rank >= Role.lead.rank else {
            throw APIError.forbidden("The satisfaction and loyalty report is for leads, managers and admins")
        }
        let q = request.uri.queryParameters
        let query = try Self.reportQuery({ q.get($0) }, now: services.config.clock.now())
        let (settings, rows) = try await database.read { db in
            let settings = try await SatisfactionSettings.load(db: db)
            let rows = try await SatisfactionLoyaltyReport(db: db).rows(from: query.from, to: query.to, by: query.dimension, filters: query.filters)
            return (settings, rows)
        }
        return JSONResponse([
            "by": .string(query.dimension.rawValue), "start_time": JSONValue(Timestamp.date(query.from)), "end_time": JSONValue(Timestamp.date(query.to)),
            "windows": settings.json, "rows": .array(rows.map(SatisfactionLoyaltyReport.present)), "count": .int(rows.count),
        ])
    }

    struct ReportQuery: Sendable {
        var dimension: SatisfactionLoyaltyReport.Dimension
        var from: Int64
        var to: Int64
        var filters: SatisfactionLoyaltyReport.Filters
    }

    /// Reads the report's parameters (the chart page passes its form the same way); names every bad one.
    static func reportQuery(_ get: (String) -> String?, now: Int64) throws -> ReportQuery {
        var errors = FieldErrors()
        let by = get("by") ?? "group"
        let dimension = SatisfactionLoyaltyReport.Dimension(rawValue: by)
        if dimension == nil {
            errors.add("by", error: "InvalidValue", "By: one of \(SatisfactionLoyaltyReport.Dimension.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        func time(_ name: String, endOfDay: Bool) -> Int64? {
            guard let raw = get(name)?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
            if let seconds = Int64(raw), seconds >= 0 { return seconds * 1000 }
            if raw.count == 10, let day = FollowUpRoutes.time(raw + "T00:00:00Z") { return endOfDay ? day + 86_400_000 - 1 : day }
            if let t = FollowUpRoutes.time(raw) { return t }
            errors.add(name, error: "InvalidValue", "\(name): a Unix time in seconds or a date such as 2026-03-01")
            return nil
        }
        let to = time("end_time", endOfDay: true) ?? now
        let from = time("start_time", endOfDay: false) ?? (to - 30 * 86_400_000)
        if from > to { errors.add("start_time", error: "InvalidValue", "start_time: before end_time") }
        func ints(_ name: String) -> [Int] {
            guard let raw = get(name), !raw.isEmpty else { return [] }
            let parts = raw.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            let numbers = parts.compactMap { Int($0) }
            if numbers.count != parts.count { errors.add(name, error: "InvalidValue", "\(name): comma-separated numbers") }
            return numbers
        }
        func words(_ name: String) -> [String] {
            (get(name) ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        let filters = SatisfactionLoyaltyReport.Filters(groupIDs: ints("group_id"), assigneeIDs: ints("assignee_id"), channels: words("channel"),
                                                        priorities: words("priority"), tags: words("tags"), organizationIDs: ints("organization_id"))
        if !errors.isEmpty { throw APIError.invalid(errors) }
        return ReportQuery(dimension: dimension!, from: from, to: to, filters: filters)
    }
}
