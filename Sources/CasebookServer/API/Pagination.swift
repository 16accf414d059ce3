import Foundation
import Hummingbird
import HummingbirdCore
import SQLKit

/// Zendesk's two ways to page: offset (`page`, `per_page`) and cursor (`page[size]`, `page[after]`).
enum Pagination: Equatable {
    case offset(page: Int, perPage: Int)
    case cursor(size: Int, after: Int?, before: Int?)

    static let maxPerPage = 100

    init(_ request: Request, defaultSize: Int = 100) throws {
        let query = request.query
        if let size = query["page[size]"] ?? (query["page[after]"] != nil || query["page[before]"] != nil ? "\(defaultSize)" : nil) {
            guard let n = Int(String(size)), n > 0 else { throw APIError.badRequest("page[size] must be a positive number") }
            self = .cursor(size: min(n, Self.maxPerPage),
                           after: try query["page[after]"].map { try Self.decodeCursor(String($0)) },
                           before: try query["page[before]"].map { try Self.decodeCursor(String($0)) })
            return
        }
        var page = 1
        if let raw = query["page"] {
            guard let n = Int(String(raw)), n > 0 else { throw APIError.badRequest("page must be a positive number") }
            page = n
        }
        var perPage = defaultSize
        if let raw = query["per_page"] {
            guard let n = Int(String(raw)), n > 0 else { throw APIError.badRequest("per_page must be a positive number") }
            perPage = min(n, Self.maxPerPage)
        }
        self = .offset(page: page, perPage: perPage)
    }

    /// Cursors are opaque to clients; inside they are the last id seen.
    static func encodeCursor(_ id: Int) -> String {
        Data("id:\(id)".utf8).base64EncodedString().replacingOccurrences(of: "=", with: "")
    }

    static func decodeCursor(_ text: String) throws -> Int {
        var padded = text
        while padded.count % 4 != 0 { padded += "=" }
        guard let data = Data(base64Encoded: padded), let s = String(data: data, encoding: .utf8),
              s.hasPrefix("id:"), let id = Int(s.dropFirst(3)) else {
            throw APIError.badRequest("The cursor '\(text)' is not valid")
        }
        return id
    }
}

/// Builds the pagination part of a list response.
struct PageLinks {
    let request: Request
    let path: String

    /// URL of the same request with some query items replaced.
    func url(replacing items: [String: String?]) -> String {
        var query: [(String, String)] = []
        for (key, value) in request.query.pairs where items[String(key)] == nil {
            query.append((String(key), String(value)))
        }
        for (key, value) in items { if let value = value { query.append((key, value)) } }
        query.sort { $0.0 < $1.0 }
        let qs = query.map { "\(percentEncode($0.0))=\(percentEncode($0.1))" }.joined(separator: "&")
        return "\(request.baseURL)\(path)" + (qs.isEmpty ? "" : "?\(qs)")
    }

    func offset(into object: inout JSONObject, page: Int, perPage: Int, count: Int) {
        let hasNext = page * perPage < count
        object["next_page"] = hasNext ? .string(url(replacing: ["page": "\(page + 1)", "per_page": "\(perPage)"])) : .null
        object["previous_page"] = page > 1 ? .string(url(replacing: ["page": "\(page - 1)", "per_page": "\(perPage)"])) : .null
        object["count"] = .int(count)
    }

    func cursor(into object: inout JSONObject, size: Int, firstID: Int?, lastID: Int?, hasMore: Bool, hasPrevious: Bool) {
        let after = lastID.map(Pagination.encodeCursor)
        let before = firstID.map(Pagination.encodeCursor)
        object["meta"] = ["has_more": .bool(hasMore), "after_cursor": JSONValue(after), "before_cursor": JSONValue(before)]
        object["links"] = [
            "next": hasMore && after != nil
                ? .string(url(replacing: ["page[size]": "\(size)", "page[after]": after, "page[before]": nil])) : .null,
            "prev": hasPrevious && before != nil
                ? .string(url(replacing: ["page[size]": "\(size)", "page[before]": before, "page[after]": nil])) : .null,
        ]
    }
}

func percentEncode(_ s: String) -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
}

/// One page of an id-ordered list in Zendesk's offset or cursor shape. `fetch` reads `limit` items from `offset`, or
/// after the id `afterID`, and returns them with their ids and the total count (the count only matters for offset).
enum PagedList {
    typealias Fetch = @Sendable (any SQLDatabase, _ limit: Int, _ offset: Int, _ afterID: Int?) async throws -> ([(Int, JSONValue)], Int)

    static func respond(_ request: Request, _ pagination: Pagination, key: String, path: String, database: Database,
                        fetch: Fetch) async throws -> Response {
        let links = PageLinks(request: request, path: path)
        switch pagination {
        case .offset(let page, let perPage):
            let (items, count) = try await database.read { db in try await fetch(db, perPage, (page - 1) * perPage, nil) }
            var body: JSONObject = [key: .array(items.map(\.1))]
            links.offset(into: &body, page: page, perPage: perPage, count: count)
            return JSONResponse(.object(body))
        case .cursor(let size, let after, _):
            let (items, _) = try await database.read { db in try await fetch(db, size + 1, 0, after) }
            var body: JSONObject = [key: .array(items.prefix(size).map(\.1))]
            links.cursor(into: &body, size: size, firstID: items.first?.0, lastID: items.prefix(size).last?.0,
                         hasMore: items.count > size, hasPrevious: after != nil)
            return JSONResponse(.object(body))
        }
    }
}
