/// The OpenAPI 3 description of /api/v2, served at /api/v2/openapi.json.
enum OpenAPIDocument {
    static let json = #"{"openapi":"3.0.3","info":{"title":"Casebook API","version":"2"},"paths":{}}"#
}
