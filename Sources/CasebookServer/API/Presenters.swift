import CasebookCore
import Foundation

/// The Zendesk shapes of Casebook's records. `base` is the scheme and host for `url` fields.
enum Present {
    static func time(_ millis: Int64) -> JSONValue { .string(isoString(Timestamp.date(millis))) }

    static func ticket(_ t: TicketRecord, base: String) -> JSONValue {
        let f = t.fields
        var o: JSONObject = [:]
        o["url"] = .string("\(base)/api/v2/tickets/\(t.id).json")
        o["id"] = .int(t.id)
        o["external_id"] = JSONValue(f.externalID)
        if let source = t.followupSourceID {
            o["via"] = ["channel": .string(t.via.rawValue), "source": ["from": ["ticket_id": .int(source)], "to": [:], "rel": "follow_up"]]
            o["via_followup_source_id"] = .int(source)
        } else {
            o["via"] = ["channel": .string(t.via.rawValue), "source": ["from": [:], "to": [:], "rel": nil]]
        }
        o["created_at"] = time(t.createdAt)
        o["updated_at"] = time(t.updatedAt)
        o["type"] = JSONValue(f.type?.rawValue)
        o["subject"] = .string(f.subject)
        o["raw_subject"] = .string(f.subject)
        o["description"] = .string(t.description)
        o["priority"] = JSONValue(f.priority?.rawValue)
        o["status"] = .string(f.status.rawValue)
        o["recipient"] = .null
        o["requester_id"] = .int(f.requesterID)
        o["submitter_id"] = .int(f.submitterID)
        o["assignee_id"] = JSONValue(f.assigneeID)
        o["organization_id"] = JSONValue(f.organizationID)
        o["group_id"] = JSONValue(f.groupID)
        o["collaborator_ids"] = JSONValue(f.ccIDs)
        o["follower_ids"] = JSONValue(f.followerIDs)
        o["email_cc_ids"] = JSONValue(f.ccIDs)
        o["forum_topic_id"] = .null
        o["problem_id"] = .null
        o["has_incidents"] = false
        o["is_public"] = true
        o["due_at"] = JSONValue(f.dueAt)
        o["tags"] = JSONValue(f.tags)
        o["custom_fields"] = []
        o["satisfaction_rating"] = .null
        o["sharing_agreement_ids"] = []
        o["allow_channelback"] = false
        o["allow_attachments"] = true
        return .object(o)
    }

    static func attachment(_ a: AttachmentStore.Record, base: String) -> JSONValue {
        [
            "id": .int(a.id), "file_name": .string(a.fileName), "content_type": .string(a.contentType),
            "content_url": .string(base + AttachmentRoutes.path(for: a)), "size": .int(a.size), "inline": .bool(a.isInline),
            "url": .string("\(base)/api/v2/attachments/\(a.id).json"), "mapped_content_url": .string(base + AttachmentRoutes.path(for: a)),
            "deleted": false, "malware_access_override": false, "malware_scan_result": "not_scanned", "thumbnails": [],
        ]
    }

    static func comment(_ c: CommentRecord) -> JSONValue { comment(c, base: "") }

    static func comment(_ c: CommentRecord, base: String) -> JSONValue {
        var o: JSONObject = [:]
        o["id"] = .int(c.id)
        o["type"] = c.call == nil ? "Comment" : "VoiceComment"
        o["author_id"] = .int(c.authorID)
        o["body"] = .string(c.body)
        o["html_body"] = .string(c.htmlBody)
        o["plain_body"] = .string(c.body)
        o["public"] = .bool(c.isPublic)
        o["attachments"] = .array(c.attachments.map { attachment($0, base: base) })
        o["audit_id"] = .int(c.auditID)
        o["via"] = ["channel": .string(c.via.rawValue), "source": ["from": [:], "to": [:], "rel": nil]]
        o["created_at"] = time(c.createdAt)
        if let call = c.call {
            o["data"] = [
                "direction": .string(call.direction.rawValue), "from": .string(call.from), "to": .string(call.to),
                "participants": JSONValue(call.participants), "call_duration": .int(call.durationSeconds),
                "summary": .string(c.body),
            ]
        }
        return .object(o)
    }

    static func audit(_ a: AuditRecord, comments: [Int: CommentRecord], base: String = "") -> JSONValue {
        var o: JSONObject = [:]
        o["id"] = .int(a.id)
        o["ticket_id"] = .int(a.ticketID)
        o["author_id"] = .int(a.authorID)
        o["created_at"] = time(a.createdAt)
        o["via"] = ["channel": .string(a.via.rawValue), "source": ["from": [:], "to": [:], "rel": nil]]
        o["metadata"] = [:]
        o["events"] = .array(a.events.map { e in
            if e.type == "Comment", let id = e.commentID, let c = comments[id], case .object(var co) = comment(c, base: base) {
                co["id"] = .int(e.id)
                co["comment_id"] = .int(id)
                return .object(co)
            }
            var eo: JSONObject = ["id": .int(e.id), "type": .string(e.type)]
            if e.type == "SatisfactionRating", case .object(let rating)? = e.value.flatMap({ try? JSONValue.parse(Array($0.utf8)) }) {
                for (key, value) in rating.pairs { eo[key] = value }
                eo["previous_score"] = e.previousValue.flatMap { try? JSONValue.parse(Array($0.utf8)) } ?? .null
                return .object(eo)
            }
            if let f = e.fieldName { eo["field_name"] = .string(f) }
            eo["value"] = e.value.flatMap { try? JSONValue.parse(Array($0.utf8)) } ?? .null
            if e.type != "Create" {
                eo["previous_value"] = e.previousValue.flatMap { try? JSONValue.parse(Array($0.utf8)) } ?? .null
            }
            return .object(eo)
        })
        return .object(o)
    }

    static func user(_ u: UserRecord, base: String) -> JSONValue {
        var o: JSONObject = [:]
        o["id"] = .int(u.id)
        o["url"] = .string("\(base)/api/v2/users/\(u.id).json")
        o["name"] = .string(u.name)
        o["email"] = JSONValue(u.email)
        o["created_at"] = time(u.createdAt)
        o["updated_at"] = time(u.updatedAt)
        o["time_zone"] = .string(u.timeZone)
        o["iana_time_zone"] = .string(u.timeZone)
        o["phone"] = JSONValue(u.phone)
        o["organization_id"] = JSONValue(u.organizationID)
        o["role"] = .string(u.role == .lead || u.role == .manager ? "agent" : u.role.rawValue)
        o["custom_role_id"] = .null
        o["casebook_role"] = .string(u.role.rawValue)
        o["verified"] = true
        o["external_id"] = JSONValue(u.externalID)
        o["tags"] = []
        o["active"] = .bool(u.active)
        o["suspended"] = .bool(!u.active)
        o["notes"] = .string(u.notes)
        o["details"] = ""
        o["shared"] = false
        o["moderator"] = .bool(u.role.isStaff)
        o["user_fields"] = [:]
        return .object(o)
    }

    static func organization(_ r: OrganizationRecord, base: String) -> JSONValue {
        [
            "id": .int(r.id), "url": .string("\(base)/api/v2/organizations/\(r.id).json"), "name": .string(r.name),
            "external_id": JSONValue(r.externalID), "domain_names": JSONValue(r.domains), "details": .string(r.details),
            "notes": .string(r.notes), "shared_tickets": .bool(r.sharedTickets), "shared_comments": .bool(r.sharedTickets),
            "account_owner_id": JSONValue(r.accountOwnerID),
            "group_id": nil, "tags": [], "organization_fields": [:],
            "created_at": time(r.createdAt), "updated_at": time(r.updatedAt),
        ]
    }

    static func group(_ g: GroupRecord, base: String) -> JSONValue {
        [
            "id": .int(g.id), "url": .string("\(base)/api/v2/groups/\(g.id).json"), "name": .string(g.name),
            "description": .string(g.description), "default": false, "deleted": false, "is_public": true,
            "created_at": time(g.createdAt), "updated_at": time(g.updatedAt),
        ]
    }

    static func membership(_ m: MembershipRecord, base: String) -> JSONValue {
        [
            "id": .int(m.id), "url": .string("\(base)/api/v2/group_memberships/\(m.id).json"),
            "user_id": .int(m.userID), "group_id": .int(m.groupID), "default": .bool(m.isDefault),
            "created_at": time(m.createdAt), "updated_at": time(m.createdAt),
        ]
    }
}
