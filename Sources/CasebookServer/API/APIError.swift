import CasebookCore
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// An error in Zendesk's shape: `{"error": "...", "description": "...", "details": {...}}`.
public struct APIError: Error, HTTPResponseError, Sendable {
    public var status: HTTPResponse.Status
    public var error: String
    public var description: String
    public var details: FieldErrors?
    public var headers: HTTPFields = [:]

    public init(_ status: HTTPResponse.Status, _ error: String, _ description: String, details: FieldErrors? = nil) {
        self.status = status
        self.error = error
        self.description = description
        self.details = details
    }

    public static func notFound(_ what: String = "Not found") -> APIError { .init(.notFound, "RecordNotFound", what) }
    public static let unauthorized = APIError(.unauthorized, "Couldn't authenticate you", "Authentication required: send `email/token:TOKEN` basic credentials or a Bearer token")
    public static func forbidden(_ why: String) -> APIError { .init(.forbidden, "Forbidden", why) }
    public static func badRequest(_ why: String) -> APIError { .init(.badRequest, "InvalidJSON", why) }
    public static func invalid(_ details: FieldErrors) -> APIError {
        .init(.unprocessableContent, "RecordInvalid", "Record validation errors", details: details)
    }
    public static func invalid(_ field: String, _ description: String, error: String = "InvalidValue") -> APIError {
        invalid(FieldErrors(field: field, error: error, description))
    }

    var body: JSONValue {
        var object: JSONObject = ["error": .string(error), "description": .string(description)]
        if let details {
            var d = JSONObject()
            for field in details.details.keys.sorted() {
                d[field] = .array(details.details[field]!.map {
                    ["description": .string($0.description), "error": .string($0.error)]
                })
            }
            object["details"] = .object(d)
        }
        return .object(object)
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = JSONResponse(body, status: status)
        for field in headers { response.headers.append(field) }
        return response
    }
}

/// A JSON response from a `JSONValue`.
func JSONResponse(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
    Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
             body: .init(byteBuffer: ByteBuffer(string: value.text)))
}
