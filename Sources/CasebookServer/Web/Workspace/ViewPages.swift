import CasebookCore
import Foundation
import Hummingbird
import SQLKit

/// A link in the views navigation, with the number of tickets in the view.
struct ViewLink: Sendable {
    var key: String
    var title: String
    var count: Int
    var current: Bool
}

/// The workspace's lists: views (queues) with live counts, and the search page.
struct WorkspaceRoutes: Sendable {
    let database: Database
    let tickets: TicketService
    let renderer: PageRenderer
    let live: LiveEvents
    let counts = ViewCountCache()

    struct ListPage: Sendable {
        var chrome: Chrome
        var views: [ViewLink]
        var key: String
        var title: String
        var query: String
        var hasQuery: Bool
        var total: Int
        var sorts: [Option]
        var rows: [TicketRow]
        var page: Int
        var pages: Int
        var prevHref: String?
        var nextHref: String?
    }

    func register(on web: RouterGroup<CasebookContext>) {
        web.get("agent") { _, context in
            _ = try context.require(.useWorkspace)
            return seeOther("/agent/views/mine")
        }
        web.get("agent/views/:key", use: view)
        web.get("agent/search", use: search)
        web.get("agent/counts", use: counts)
    }

    /// Every view of the workspace with its count for this agent (from the cache while no ticket has changed).
    func navigation(current: String?, actor: Actor, db: any SQLDatabase) async throws -> ([ViewLink], [ViewDefinition]) {
        let definitions = try await ViewStore(db: db).definitions()
        let generation = await live.generation
        var links: [ViewLink] = []
        for definition in definitions {
            let key = "\(actor.id)|\(actor.role.rawValue)|\(definition.key)|\(definition.query)"
            var count = await counts.count(for: key, generation: generation)
            if count == nil {
                var fresh = 0
                if let query = try? SearchQuery.parse(definition.query),
                   let condition = try await TicketQuery.condition(query, actor: actor, tickets: tickets, db: db) {
                    fresh = try await TicketQuery.count(condition, db: db)
                }
                await counts.store(fresh, for: key, generation: generation)
                count = fresh
            }
            links.append(ViewLink(key: definition.key, title: definition.title, count: count!, current: definition.key == current))
        }
        return (links, definitions)
    }

    @Sendable func view(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.useWorkspace)
        let key = context.parameters.get("key") ?? ""
        let pageNumber = Paging.requested(request.query["page"])
        let requestedSort = request.query["sort"].flatMap(ViewSort.init(rawValue:))
        var chrome = Chrome(title: "Views", context: context)
        chrome.live = "view"
        let model = try await database.read { db -> ListPage in
            let (links, definitions) = try await navigation(current: key, actor: actor, db: db)
            guard let definition = definitions.first(where: { $0.key == key }) else { throw WebError(.notFound, "There is no view called \(key).") }
            let sort = requestedSort ?? definition.sort
            var total = 0
            var records: [TicketRecord] = []
            do {
                let query = try SearchQuery.parse(definition.query)
                if let condition = try await TicketQuery.condition(query, actor: actor, tickets: tickets, db: db) {
                    total = links.first { $0.key == key }?.count ?? 0
                    records = try await TicketQuery.page(condition, order: TicketQuery.order(sort), limit: Paging.perPage,
                                                         offset: (pageNumber - 1) * Paging.perPage, db: db)
                }
            } catch let error as SearchQueryError {
                chrome.errors.append("This view's query does not parse: \(error.message)")
            }
            let names = try await NameBook.forTickets(records, db: db)
            let paging = Paging(page: pageNumber, total: total) { "/agent/views/\(key)?sort=\(sort.rawValue)&page=\($0)" }
            chrome.title = definition.title
            return ListPage(chrome: chrome, views: links, key: key, title: definition.title, query: definition.query,
                            hasQuery: true, total: total,
                            sorts: ViewSort.allCases.map { Option(value: $0.rawValue, label: $0.label, selected: $0 == sort) },
                            rows: names.rows(records, breaches: try await SLAStore(db: db).breachTimes(records.map(\.id)),
                                             now: tickets.sla?.clock.now() ?? Timestamp.now), page: paging.page, pages: paging.pages,
                            prevHref: paging.prevHref, nextHref: paging.nextHref)
        }
        return renderer.page("view", model)
    }

    @Sendable func search(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.useWorkspace)
        let text = (request.query["q"] ?? "").trimmingCharacters(in: .whitespaces)
        let pageNumber = Paging.requested(request.query["page"])
        var chrome = Chrome(title: text.isEmpty ? "Search" : "Search: \(text)", context: context)
        chrome.query = text
        let model = try await database.read { db -> ListPage in
            let (links, _) = try await navigation(current: nil, actor: actor, db: db)
            var total = 0
            var records: [TicketRecord] = []
            if !text.isEmpty {
                do {
                    let query = try SearchQuery.parse(text)
                    if let condition = try await TicketQuery.condition(query, actor: actor, tickets: tickets, db: db) {
                        total = try await TicketQuery.count(condition, db: db)
                        records = try await TicketQuery.page(condition, order: TicketQuery.order(.updated), limit: Paging.perPage,
                                                             offset: (pageNumber - 1) * Paging.perPage, db: db)
                    }
                } catch let error as SearchQueryError {
                    chrome.errors.append(error.message)
                }
            }
            let names = try await NameBook.forTickets(records, db: db)
            let paging = Paging(page: pageNumber, total: total) { "/agent/search?q=\(percentEncoded(text))&page=\($0)" }
            return ListPage(chrome: chrome, views: links, key: "", title: "Search", query: text, hasQuery: !text.isEmpty,
                            total: total, sorts: [], rows: names.rows(records, breaches: try await SLAStore(db: db).breachTimes(records.map(\.id)),
                                                                      now: tickets.sla?.clock.now() ?? Timestamp.now), page: paging.page, pages: paging.pages,
                            prevHref: paging.prevHref, nextHref: paging.nextHref)
        }
        return renderer.page("search", model, status: model.chrome.errors.isEmpty ? .ok : .badRequest)
    }

    /// The counts alone, for the live navigation (`{"mine": 3, ...}`).
    @Sendable func counts(_ request: Request, context: CasebookContext) async throws -> Response {
        let actor = try context.require(.useWorkspace)
        let links = try await database.read { db in try await navigation(current: nil, actor: actor, db: db).0 }
        var object = JSONObject()
        for link in links { object[link.key] = .int(link.count) }
        return JSONResponse(.object(object))
    }
}
