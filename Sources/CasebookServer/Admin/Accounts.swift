import CasebookCore
import Foundation
import HummingbirdBcrypt
import Logging
import SQLKit

/// Creating people from the command line, and the first admin of an empty database.
public enum Accounts {
    public struct Credentials: Sendable {
        public var userID: Int
        public var email: String
        public var password: String?
        public var token: String
    }

    public enum Failure: Error, CustomStringConvertible {
        case invalid(String)
        public var description: String { switch self { case .invalid(let s): s } }
    }

    /// On an empty database (no admin yet), creates one and returns its credentials to print once.
    public static func ensureFirstAdmin(database: Database, email: String = "admin@casebook.local") async throws -> Credentials? {
        let password = APITokens.generatePassword()
        // bcrypt is slow on purpose; hash outside the write transaction.
        let hash = Bcrypt.hash(password, cost: 12)
        return try await database.write { db in
            let users = UserStore(db: db)
            guard try await users.count(role: .admin) == 0 else { return nil }
            let id = try await users.insert(name: "Administrator", email: email, role: .admin, phone: nil, organizationID: nil,
                                            timeZone: "UTC", externalID: nil, notes: "", passwordHash: hash)
            let token = APITokens.generate()
            try await users.insertToken(userID: id, hash: APITokens.hash(token), description: "first start")
            return Credentials(userID: id, email: email, password: password, token: token)
        }
    }

    /// Creates a user with an API token (and a password for staff), as `casebook user create` does.
    public static func create(database: Database, email rawEmail: String, name: String, role: Role,
                              password: String? = nil, bcryptCost: UInt8 = 12) async throws -> Credentials {
        guard let email = EmailAddress.normalize(rawEmail) else { throw Failure.invalid("'\(rawEmail)' is not a valid email address") }
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw Failure.invalid("the name cannot be blank") }
        let password = password ?? (role.isStaff ? APITokens.generatePassword() : nil)
        let hash = try await password.asyncMap { password in try await SignInService.offload { Bcrypt.hash(password, cost: bcryptCost) } }
        return try await database.write { db in
            let id = try await addPerson(db: db, email: email, name: name, role: role, passwordHash: hash)
            let token = APITokens.generate()
            try await UserStore(db: db).insertToken(userID: id, hash: APITokens.hash(token), description: "created by casebook user create")
            return Credentials(userID: id, email: email, password: password, token: token)
        }
    }

    /// Adds a person (in the organization their email domain belongs to), or refuses a taken email. The one way
    /// people are added from the command line and the admin pages.
    static func addPerson(db: any SQLDatabase, email: String, name: String, role: Role, passwordHash: String?) async throws -> Int {
        let users = UserStore(db: db)
        if try await users.find(email: email) != nil { throw Failure.invalid("a user with the email \(email) already exists") }
        let org = try await OrganizationStore(db: db).matching(email: email)
        return try await users.insert(name: name, email: email, role: role, phone: nil, organizationID: org,
                                      timeZone: "UTC", externalID: nil, notes: "", passwordHash: passwordHash)
    }

    /// A new API token for an existing user.
    public static func issueToken(database: Database, email: String, description: String) async throws -> String {
        try await database.write { db in
            guard let user = try await UserStore(db: db).find(email: email) else { throw Failure.invalid("no user has the email \(email)") }
            let token = APITokens.generate()
            try await UserStore(db: db).insertToken(userID: user.id, hash: APITokens.hash(token), description: description)
            return token
        }
    }
}
