import CasebookCore
import Foundation
import SQLKit

/// Users, organizations, groups and memberships: validation and writes, one transaction each.
struct PeopleService: Sendable {
    let database: Database

    // MARK: Users

    /// Creates a user, or with `upsert` updates the one with the same email or external_id.
    func saveUser(_ object: JSONObject, actor: Actor, existingID: Int? = nil, upsert: Bool = false) async throws -> (UserRecord, Bool) {
        try await database.write { db in
            let users = UserStore(db: db)
            var reader = FieldReader(object)
            let name = reader.string("name") ?? nil
            let emailRaw = reader.string("email") ?? nil
            let role = reader.enumValue("role", Role.self) ?? nil
            let phone = reader.string("phone")
            let orgID = reader.int("organization_id")
            let timeZone = reader.string("time_zone") ?? nil
            let externalID = reader.string("external_id")
            let notes = reader.string("notes") ?? nil
            let suspended = reader.bool("suspended")
            var email: String?
            if let emailRaw {
                email = EmailAddress.normalize(emailRaw)
                if email == nil { reader.errors.add("email", error: "InvalidValue", "Email: '\(emailRaw)' is not a valid address") }
            }
            if let orgID = orgID ?? nil, try await OrganizationStore(db: db).find(id: orgID) == nil {
                reader.errors.add("organization_id", error: "InvalidValue", "Organization: \(orgID) does not exist")
            }
            if !reader.errors.isEmpty { throw APIError.invalid(reader.errors) }

            var existing: UserRecord?
            if let existingID {
                guard let found = try await users.find(id: existingID) else { throw APIError.notFound() }
                existing = found
            } else if upsert {
                if let email { existing = try await users.find(email: email) }
                if existing == nil, let ext = externalID ?? nil { existing = try await users.find(externalID: ext) }
            }
            // Staff accounts, and any role change, are the admin's to make.
            let targetRole = role ?? existing?.role ?? .endUser
            let touchesStaff = targetRole.isStaff || existing?.role.isStaff == true
            if touchesStaff, !actor.role.allows(.manageStaff), existing?.id != actor.id || role != nil {
                throw APIError.forbidden("Only an admin may create or change agents and admins")
            }
            if !actor.role.allows(.manageEndUsers) {
                guard existing?.id == actor.id else { throw APIError.forbidden("You may only change your own profile") }
                // People edit their own name, phone and time zone; where they belong is for staff to say.
                let restricted = ["email", "role", "organization_id", "external_id", "notes", "suspended"]
                if let field = restricted.first(where: { object[$0] != nil }) {
                    throw APIError.forbidden("Only an agent may change \(field)")
                }
            }
            if let email, let other = try await users.find(email: email), other.id != existing?.id {
                throw APIError.invalid("email", "Email: \(email) is already being used by another user", error: "DuplicateValue")
            }
            if let ext = externalID ?? nil, let other = try await users.find(externalID: ext), other.id != existing?.id {
                throw APIError.invalid("external_id", "External id: \(ext) is already used", error: "DuplicateValue")
            }
            if var user = existing {
                if let name { user.name = name }
                if object["email"] != nil { user.email = email }
                if let role { user.role = role }
                if let phone { user.phone = phone }
                if let orgID { user.organizationID = orgID }
                if let timeZone { user.timeZone = timeZone }
                if let externalID { user.externalID = externalID }
                if let notes { user.notes = notes }
                if let suspended, actor.role.allows(.manageEndUsers) { user.active = !suspended }
                if user.name.trimmingCharacters(in: .whitespaces).isEmpty {
                    throw APIError.invalid("name", "Name: cannot be blank", error: "BlankValue")
                }
                try await users.update(user)
                return (try await users.find(id: user.id)!, false)
            }
            guard let name, !name.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw APIError.invalid("name", "Name: cannot be blank", error: "BlankValue")
            }
            var organizationID = orgID ?? nil
            if organizationID == nil, let email { organizationID = try await OrganizationStore(db: db).matching(email: email) }
            let id = try await users.insert(name: name, email: email, role: targetRole, phone: phone ?? nil,
                                            organizationID: organizationID, timeZone: timeZone ?? "UTC",
                                            externalID: externalID ?? nil, notes: notes ?? "")
            return (try await users.find(id: id)!, true)
        }
    }

    // MARK: Organizations

    func saveOrganization(_ object: JSONObject, existingID: Int? = nil, upsert: Bool = false) async throws -> (OrganizationRecord, Bool) {
        try await database.write { db in
            let store = OrganizationStore(db: db)
            var reader = FieldReader(object)
            let name = reader.string("name") ?? nil
            let externalID = reader.string("external_id")
            let details = reader.string("details") ?? nil
            let notes = reader.string("notes") ?? nil
            let shared = reader.bool("shared_tickets")
            let domains = reader.strings("domain_names").map { list in
                Array(NSOrderedSet(array: list.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty })) as! [String]
            }
            for domain in domains ?? [] where !domain.contains(".") || domain.contains("@") || domain.contains(" ") {
                reader.errors.add("domain_names", error: "InvalidValue", "Domain names: '\(domain)' is not a domain")
            }
            // Casebook's own field: the staff member told of every decision on the organization's tickets.
            let ownerValue = object["account_owner_id"]
            if let value = ownerValue, !value.isNull {
                let owner = try await value.intValue.asyncMap { try await UserStore(db: db).find(id: $0) } ?? nil
                if owner == nil || owner?.role.isStaff != true {
                    reader.errors.add("account_owner_id", error: "InvalidValue", "Account owner: not a staff member's id")
                }
            }
            if !reader.errors.isEmpty { throw APIError.invalid(reader.errors) }
            var existing: OrganizationRecord?
            if let existingID {
                guard let found = try await store.find(id: existingID) else { throw APIError.notFound() }
                existing = found
            } else if upsert {
                if let ext = externalID ?? nil { existing = try await store.find(externalID: ext) }
                if existing == nil, let name { existing = try await store.find(name: name) }
            }
            if let name, let other = try await store.find(name: name), other.id != existing?.id {
                throw APIError.invalid("name", "Name: \(name) has already been taken", error: "DuplicateValue")
            }
            for domain in domains ?? [] {
                if let owner = try await store.domainOwner(domain), owner != existing?.id {
                    throw APIError.invalid("domain_names", "Domain names: \(domain) belongs to organization \(owner)",
                                           error: "DuplicateValue")
                }
            }
            if var org = existing {
                if let name { org.name = name }
                if let externalID { org.externalID = externalID }
                if let details { org.details = details }
                if let notes { org.notes = notes }
                if let shared { org.sharedTickets = shared }
                if let domains { org.domains = domains }
                if let ownerValue { org.accountOwnerID = ownerValue.intValue }
                if org.name.trimmingCharacters(in: .whitespaces).isEmpty {
                    throw APIError.invalid("name", "Name: cannot be blank", error: "BlankValue")
                }
                try await store.update(org)
                return (try await store.find(id: org.id)!, false)
            }
            guard let name, !name.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw APIError.invalid("name", "Name: cannot be blank", error: "BlankValue")
            }
            let id = try await store.insert(name: name, externalID: externalID ?? nil, details: details ?? "",
                                            notes: notes ?? "", sharedTickets: shared ?? false, domains: domains ?? [])
            if let owner = ownerValue?.intValue {
                try await db.raw("UPDATE organizations SET account_owner_id = \(bind: owner) WHERE id = \(bind: id)").run()
            }
            // End-users already on file with a matching address join the new organization.
            for domain in domains ?? [] {
                try await db.raw("""
                    UPDATE users SET organization_id = \(bind: id)
                    WHERE organization_id IS NULL AND role = 'end-user'
                      AND (email LIKE \(bind: "%@" + likeEscaped(domain)) ESCAPE '\\'
                           OR email LIKE \(bind: "%." + likeEscaped(domain)) ESCAPE '\\')
                    """).run()
            }
            return (try await store.find(id: id)!, true)
        }
    }

    // MARK: Groups

    func saveGroup(_ object: JSONObject, existingID: Int? = nil) async throws -> (GroupRecord, Bool) {
        try await database.write { db in
            let store = GroupStore(db: db)
            var reader = FieldReader(object)
            let name = reader.string("name") ?? nil
            let description = reader.string("description") ?? nil
            if !reader.errors.isEmpty { throw APIError.invalid(reader.errors) }
            if let name, let other = try await store.find(name: name), other.id != existingID {
                throw APIError.invalid("name", "Name: \(name) has already been taken", error: "DuplicateValue")
            }
            if let existingID {
                guard var group = try await store.find(id: existingID) else { throw APIError.notFound() }
                if let name { group.name = name }
                if let description { group.description = description }
                if group.name.trimmingCharacters(in: .whitespaces).isEmpty {
                    throw APIError.invalid("name", "Name: cannot be blank", error: "BlankValue")
                }
                try await store.update(group)
                return (try await store.find(id: existingID)!, false)
            }
            guard let name, !name.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw APIError.invalid("name", "Name: cannot be blank", error: "BlankValue")
            }
            let id = try await store.insert(name: name, description: description ?? "")
            return (try await store.find(id: id)!, true)
        }
    }

    func addMembership(_ object: JSONObject) async throws -> MembershipRecord {
        try await database.write { db in
            var reader = FieldReader(object)
            guard let userID = reader.int("user_id") ?? nil, let groupID = reader.int("group_id") ?? nil else {
                throw APIError.invalid("user_id", "User id and group id are required", error: "BlankValue")
            }
            guard let user = try await UserStore(db: db).find(id: userID), user.role.isStaff else {
                throw APIError.invalid("user_id", "User: \(userID) is not an agent")
            }
            guard try await GroupStore(db: db).find(id: groupID) != nil else {
                throw APIError.invalid("group_id", "Group: \(groupID) does not exist")
            }
            let id = try await GroupStore(db: db).addMember(userID: userID, groupID: groupID,
                                                            isDefault: reader.bool("default") ?? false)
            return try await GroupStore(db: db).membership(id: id)!
        }
    }
}
