import Foundation
import Hummingbird
import HTTPTypes
import NIOCore

extension Request {
    /// The raw body, at most `limit` bytes; beyond that a Zendesk-shaped 413 saying `tooLarge`.
    func collectedBody(upTo limit: Int, tooLarge: String) async throws -> ByteBuffer {
        do {
            return try await body.collect(upTo: limit)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw APIError(.contentTooLarge, "RequestTooLarge", tooLarge)
        } catch is NIOTooManyBytesError {
            throw APIError(.contentTooLarge, "RequestTooLarge", tooLarge)
        }
    }

    /// The JSON body, or a Zendesk-shaped 400 (bad JSON) / 413 (too large).
    func json(context: CasebookContext) async throws -> JSONValue {
        let buffer = try await collectedBody(upTo: context.maxUploadSize,
                                             tooLarge: "The request body is larger than \(context.maxUploadSize) bytes")
        guard buffer.readableBytes > 0 else { throw APIError.badRequest("The request body is empty; JSON was expected") }
        do {
            return try JSONValue.parse(buffer.readableBytesView)
        } catch {
            throw APIError.badRequest("The request body is not valid JSON")
        }
    }

    /// The JSON body when there is one (`.null` for an empty body), for actions whose fields are all optional.
    func optionalJSON(context: CasebookContext) async throws -> JSONValue {
        let buffer = try await collectedBody(upTo: context.maxUploadSize,
                                             tooLarge: "The request body is larger than \(context.maxUploadSize) bytes")
        guard buffer.readableBytes > 0 else { return .null }
        do {
            return try JSONValue.parse(buffer.readableBytesView)
        } catch {
            throw APIError.badRequest("The request body is not valid JSON")
        }
    }

    /// The object under `key` of the JSON body (`{"ticket": {...}}`), or 400 naming what is missing.
    func envelope(_ key: String, context: CasebookContext) async throws -> JSONObject {
        let body = try await json(context: context)
        guard let object = body[key]?.objectValue else {
            throw APIError.badRequest("The request body needs a \"\(key)\" object, e.g. {\"\(key)\": {...}}")
        }
        return object
    }

    /// The scheme and host clients used to reach us, for `url` and `next_page` links.
    var baseURL: String {
        let host = head.authority ?? "localhost"
        let proto = headers[HTTPField.Name("X-Forwarded-Proto")!] ?? "http"
        return "\(proto)://\(host)"
    }
}

extension Parameters {
    func id(_ name: String = "id") throws -> Int {
        guard let raw = get(name), let id = Int(raw.hasSuffix(".json") ? String(raw.dropLast(5)) : raw), id > 0 else {
            throw APIError.notFound()
        }
        return id
    }
}

/// The query string, percent-decoded in keys and values (`page%5Bsize%5D` is `page[size]`); the first value wins.
struct QueryItems: Sendable {
    let pairs: [(String, String)]

    init(pairs: [(String, String)]) { self.pairs = pairs }

    init(_ raw: String?) {
        pairs = (raw ?? "").split(separator: "&").compactMap { item in
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String {
                let spaced = s.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            guard let key = parts.first, !key.isEmpty else { return nil }
            return (decode(key), parts.count > 1 ? decode(parts[1]) : "")
        }
    }

    subscript(key: String) -> String? { pairs.first { $0.0 == key }?.1 }

    /// Every value of a repeated key (checkboxes, multi-selects), in order.
    func all(_ key: String) -> [String] { pairs.filter { $0.0 == key }.map(\.1) }
}

extension Request {
    var query: QueryItems { QueryItems(uri.query) }
}
