import CasebookCore
import Foundation
import SQLKit

/// Turns a request's `ticket` object into a `TicketPatch`, checking every referenced person and group exists.
struct TicketRequest {
    var patch: TicketPatch

    static func parse(_ reader: inout FieldReader, directory: Directory, actor: Actor, db: any SQLDatabase,
                      creating: Bool) async throws -> TicketRequest {
        var patch = TicketPatch()
        patch.externalID = reader.string("external_id")
        patch.type = reader.enumValue("type", TicketType.self)
        if let subject = reader.string("subject") { patch.subject = subject ?? "" }
        if let status = reader.enumValue("status", TicketStatus.self) {
            if let status { patch.status = status } else {
                reader.errors.add("status", error: "BlankValue", "Status: cannot be blank")
            }
        }
        patch.priority = reader.enumValue("priority", TicketPriority.self)
        patch.dueAt = reader.date("due_at")
        patch.tags = reader.strings("tags")
        patch.addTags = reader.strings("additional_tags") ?? []
        patch.removeTags = reader.strings("remove_tags") ?? []

        let users = UserStore(db: db)
        if let assignee = reader.int("assignee_id") {
            if let id = assignee {
                if let user = try await users.find(id: id), user.role.isStaff, user.active {
                    patch.assigneeID = .some(id)
                } else {
                    reader.errors.add("assignee_id", error: "InvalidValue", "Assignee: \(id) is not an active agent")
                }
            } else {
                patch.assigneeID = .some(nil)
            }
        }
        if let email = reader.string("assignee_email"), let email {
            if let user = try await users.find(email: email), user.role.isStaff {
                patch.assigneeID = .some(user.id)
            } else {
                reader.errors.add("assignee_email", error: "InvalidValue", "Assignee: no agent has the email \(email)")
            }
        }
        if let group = reader.int("group_id") {
            if let id = group, try await GroupStore(db: db).find(id: id) == nil {
                reader.errors.add("group_id", error: "InvalidValue", "Group: \(id) does not exist")
            } else {
                patch.groupID = .some(group)
            }
        }
        if let org = reader.int("organization_id") {
            if let id = org, try await OrganizationStore(db: db).find(id: id) == nil {
                reader.errors.add("organization_id", error: "InvalidValue", "Organization: \(id) does not exist")
            } else {
                patch.organizationID = .some(org)
            }
        }
        if !creating, let value = reader.object["requester_id"] ?? reader.object["requester"], !value.isNull {
            do throws(FieldErrors) {
                patch.requesterID = try await directory.resolve(value, field: "requester").id
            } catch {
                reader.errors.merge(error)
            }
        }
        // CCs: ids (`collaborator_ids`, `email_cc_ids`) or ids/emails/{name,email} (`collaborators`).
        var ccs: [Int]?
        if let ids = reader.ints("collaborator_ids") ?? reader.ints("email_cc_ids") {
            ccs = try await checkedUsers(ids, field: "collaborator_ids", reader: &reader, users: users)
        }
        if let list = reader.object["collaborators"]?.arrayValue {
            ccs = try await people(list, field: "collaborators", reader: &reader, directory: directory)
        }
        if let list = reader.object["additional_collaborators"]?.arrayValue {
            let extra = try await people(list, field: "additional_collaborators", reader: &reader, directory: directory)
            patch.addCCIDs = extra
        }
        patch.ccIDs = ccs
        if let ids = reader.ints("follower_ids") {
            let checked = try await checkedUsers(ids, field: "follower_ids", reader: &reader, users: users)
            for id in checked where try await users.find(id: id)?.role.isStaff != true {
                reader.errors.add("follower_ids", error: "InvalidValue", "Followers: user \(id) is not an agent")
            }
            patch.followerIDs = checked
        }
        if !reader.errors.isEmpty { throw APIError.invalid(reader.errors) }
        return TicketRequest(patch: patch)
    }

    private static func checkedUsers(_ ids: [Int], field: String, reader: inout FieldReader, users: UserStore)
        async throws -> [Int] {
        let found = Set(try await users.find(ids: ids).map(\.id))
        for id in ids where !found.contains(id) {
            reader.errors.add(field, error: "InvalidValue", "\(reader.label(field)): user \(id) does not exist")
        }
        return ids.filter(found.contains)
    }

    private static func people(_ list: [JSONValue], field: String, reader: inout FieldReader, directory: Directory)
        async throws -> [Int] {
        var ids: [Int] = []
        for item in list {
            do throws(FieldErrors) {
                ids.append(try await directory.resolve(item, field: field).id)
            } catch {
                reader.errors.merge(error)
            }
        }
        return ids
    }

    /// The `comment` object: `body` or `html_body`, `public` (default true), `author_id`, and for a call log `call`.
    static func comment(_ object: JSONObject, actor: Actor, db: any SQLDatabase) async throws -> CommentDraft {
        var reader = FieldReader(object)
        let body = reader.string("body") ?? nil
        let html = reader.string("html_body") ?? nil
        let isPublic = reader.bool("public") ?? true
        var authorID = actor.id
        if let author = reader.int("author_id"), let id = author, id != actor.id {
            guard actor.role.allows(.editTicketFields) else {
                throw APIError.forbidden("Only agents may write a comment on behalf of someone else")
            }
            guard try await UserStore(db: db).find(id: id) != nil else {
                throw APIError.invalid("author_id", "Author: user \(id) does not exist")
            }
            authorID = id
        }
        var call: CallLog?
        var summaryPending = false
        if let callObject = object["call"]?.objectValue {
            summaryPending = callObject["summary_pending"]?.boolValue == true
            var c = FieldReader(callObject)
            let direction = c.enumValue("direction", CallLog.Direction.self) ?? nil
            let duration = c.int("duration") ?? nil
            if direction == nil { c.errors.add("direction", error: "BlankValue", "Direction: inbound or outbound") }
            if duration == nil { c.errors.add("duration", error: "BlankValue", "Duration: seconds are required") }
            if !c.errors.isEmpty { throw APIError.invalid(c.errors) }
            call = CallLog(direction: direction!, from: (c.string("from") ?? nil) ?? "", to: (c.string("to") ?? nil) ?? "",
                           participants: c.strings("participants") ?? [], durationSeconds: duration!)
        }
        if !reader.errors.isEmpty { throw APIError.invalid(reader.errors) }
        do {
            return try CommentDraft(authorID: authorID, isPublic: isPublic, body: body, htmlBody: html, call: call,
                                    summaryPending: summaryPending)
        } catch {
            throw APIError.invalid(error)
        }
    }
}
