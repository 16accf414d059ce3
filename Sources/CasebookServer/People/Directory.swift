import CasebookCore
import Foundation
import SQLKit

/// Finds people the API names by id, email or `{name, email}`, creating end-users the way Zendesk does.
struct Directory: Sendable {
    let db: any SQLDatabase
    var users: UserStore { UserStore(db: db) }
    var organizations: OrganizationStore { OrganizationStore(db: db) }

    /// An existing user by email, or a new end-user placed in the organization that owns the email's domain.
    func findOrCreateEndUser(email rawEmail: String, name: String?) async throws(FieldErrors) -> UserRecord {
        guard let email = EmailAddress.normalize(rawEmail) else {
            throw FieldErrors(field: "email", error: "InvalidValue", "Email: '\(rawEmail)' is not a valid address")
        }
        do {
            if let user = try await users.find(email: email) { return user }
            let orgID = try await organizations.matching(email: email)
            let display = name?.trimmingCharacters(in: .whitespaces).nonEmpty ?? String(email.split(separator: "@")[0])
            let id = try await users.insert(name: display, email: email, role: .endUser, phone: nil, organizationID: orgID,
                                            timeZone: "UTC", externalID: nil, notes: "")
            return try await users.find(id: id)!
        } catch let error as FieldErrors {
            throw error
        } catch {
            throw FieldErrors(field: "email", error: "InvalidValue", "Email: could not be saved (\(error))")
        }
    }

    /// A reference to a person in a request: an id, an email, or `{name, email}` / `{id}`.
    func resolve(_ value: JSONValue, field: String) async throws(FieldErrors) -> UserRecord {
        if let id = value.intValue {
            if let user = try? await users.find(id: id) { return user }
            throw FieldErrors(field: field, error: "InvalidValue", "\(field): user \(id) does not exist")
        }
        if let email = value.stringValue { return try await findOrCreateEndUser(email: email, name: nil) }
        if let object = value.objectValue {
            if let id = object["id"]?.intValue { return try await resolve(.int(id), field: field) }
            if let email = object["email"]?.stringValue {
                return try await findOrCreateEndUser(email: email, name: object["name"]?.stringValue)
            }
        }
        throw FieldErrors(field: field, error: "InvalidValue", "\(field): give an id, an email or {\"name\", \"email\"}")
    }
}

extension String {
    var nonEmpty: String? { isEmpty ? nil : self }
}
