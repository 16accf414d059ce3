import CasebookCore
import Foundation

/// Reads typed fields out of a request object, collecting per-field errors in Zendesk's shape.
/// Each accessor returns `nil` when the key is absent and `.some(nil)` when it is `null`.
struct FieldReader {
    let object: JSONObject
    var errors = FieldErrors()

    init(_ object: JSONObject) { self.object = object }

    func has(_ key: String) -> Bool { object[key] != nil }

    mutating func string(_ key: String) -> String?? {
        guard let value = object[key] else { return nil }
        switch value {
        case .null: return .some(nil)
        case .string(let s): return .some(s)
        case .int(let i): return .some(String(i))
        default:
            errors.add(key, error: "InvalidValue", "\(label(key)): must be a string")
            return nil
        }
    }

    mutating func int(_ key: String) -> Int?? {
        guard let value = object[key] else { return nil }
        if value.isNull { return .some(nil) }
        guard let i = value.intValue else {
            errors.add(key, error: "InvalidValue", "\(label(key)): must be a number")
            return nil
        }
        return .some(i)
    }

    mutating func bool(_ key: String) -> Bool? {
        guard let value = object[key], !value.isNull else { return nil }
        if let b = value.boolValue { return b }
        if let s = value.stringValue, ["true", "false"].contains(s) { return s == "true" }
        errors.add(key, error: "InvalidValue", "\(label(key)): must be true or false")
        return nil
    }

    mutating func enumValue<T: RawRepresentable & CaseIterable>(_ key: String, _ type: T.Type) -> T?? where T.RawValue == String {
        guard let raw = string(key) else { return nil }
        guard let raw else { return .some(nil) }
        if let value = T(rawValue: raw.lowercased()) { return .some(value) }
        let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
        errors.add(key, error: "InvalidValue", "\(label(key)): '\(raw)' is not one of \(allowed)")
        return nil
    }

    mutating func date(_ key: String) -> Date?? {
        guard let raw = string(key) else { return nil }
        guard let raw else { return .some(nil) }
        if let date = parseISODate(raw) { return .some(date) }
        errors.add(key, error: "InvalidValue", "\(label(key)): '\(raw)' is not an ISO 8601 time")
        return nil
    }

    mutating func strings(_ key: String) -> [String]? {
        guard let value = object[key] else { return nil }
        switch value {
        case .null: return []
        case .string(let s): return [s]
        case .array(let items):
            let strings = items.compactMap(\.stringValue)
            if strings.count == items.count { return strings }
        default: break
        }
        errors.add(key, error: "InvalidValue", "\(label(key)): must be a list of strings")
        return nil
    }

    mutating func ints(_ key: String) -> [Int]? {
        guard let value = object[key] else { return nil }
        if value.isNull { return [] }
        if let items = value.arrayValue {
            let ints = items.compactMap(\.intValue)
            if ints.count == items.count { return ints }
        }
        errors.add(key, error: "InvalidValue", "\(label(key)): must be a list of ids")
        return nil
    }

    func label(_ key: String) -> String {
        let words = key.replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}
