/// Validation errors per field, in the shape of Zendesk's 422 `RecordInvalid` details.
public struct FieldErrors: Error, Sendable, Equatable, CustomStringConvertible {
    public struct Detail: Sendable, Equatable {
        public var error: String
        public var description: String
        public init(error: String, description: String) {
            self.error = error
            self.description = description
        }
    }

    public private(set) var details: [String: [Detail]] = [:]

    public init() {}
    public init(field: String, error: String, _ description: String) {
        add(field, error: error, description)
    }

    public var isEmpty: Bool { details.isEmpty }

    public mutating func add(_ field: String, error: String, _ description: String) {
        details[field, default: []].append(Detail(error: error, description: description))
    }

    public mutating func merge(_ other: FieldErrors) {
        for (field, list) in other.details { details[field, default: []].append(contentsOf: list) }
    }

    public func throwIfAny() throws(FieldErrors) { if !isEmpty { throw self } }

    public var description: String {
        details.keys.sorted().flatMap { details[$0]!.map(\.description) }.joined(separator: "; ")
    }
}
