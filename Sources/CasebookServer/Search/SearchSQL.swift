import CasebookCore
import Foundation
import SQLKit

/// Turns a parsed search query into SQL conditions over tickets (`t`) or users (`u`).
struct SearchSQL {
    let query: SearchQuery
    let actor: Actor

    /// Ticket conditions; `nil` when a term can never match a ticket (e.g. `role:`).
    func ticketCondition() -> SQLQueryString? {
        var parts: [SQLQueryString] = []
        for term in query.terms {
            guard let condition = ticketTerm(term.condition) else {
                if term.negated { continue } else { return nil }
            }
            parts.append(term.negated ? "NOT COALESCE((\(condition)), FALSE)" : "(\(condition))")
        }
        return joined(parts)
    }

    func userCondition() -> SQLQueryString? {
        var parts: [SQLQueryString] = []
        for term in query.terms {
            guard let condition = userTerm(term.condition) else {
                if term.negated { continue } else { return nil }
            }
            parts.append(term.negated ? "NOT COALESCE((\(condition)), FALSE)" : "(\(condition))")
        }
        return joined(parts)
    }

    /// Organizations and groups match on free words in their name only.
    func nameCondition(column: String) -> SQLQueryString? {
        var parts: [SQLQueryString] = []
        for term in query.terms {
            guard case .text(let text) = term.condition else {
                if term.negated { continue } else { return nil }
            }
            let condition: SQLQueryString = "LOWER(\(unsafeRaw: column)) LIKE \(bind: pattern(text)) ESCAPE '\\'"
            parts.append(term.negated ? "NOT (\(condition))" : "(\(condition))")
        }
        return joined(parts)
    }

    private func joined(_ parts: [SQLQueryString]) -> SQLQueryString {
        guard var result = parts.first else { return "1 = 1" }
        for part in parts.dropFirst() {
            result.appendLiteral(" AND ")
            result.appendInterpolation(part)
        }
        return result
    }

    private func pattern(_ text: String) -> String { "%" + likeEscaped(text.lowercased()) + "%" }

    private func ticketTerm(_ condition: SearchQuery.Condition) -> SQLQueryString? {
        switch condition {
        case .text(let text):
            let p = pattern(text)
            // End-users must not find tickets by words that appear only in internal notes.
            let visible: SQLQueryString = actor.role.allows(.viewInternalNotes) ? "" : " AND public = \(bind: true)"
            var sql: SQLQueryString = """
                LOWER(t.subject) LIKE \(bind: p) ESCAPE '\\' OR LOWER(t.description) LIKE \(bind: p) ESCAPE '\\'
                OR t.id IN (SELECT ticket_id FROM comments WHERE LOWER(body) LIKE \(bind: p) ESCAPE '\\'\(visible))
                """
            if let id = Int(text) { sql.appendInterpolation(" OR t.id = \(bind: id)" as SQLQueryString) }
            return sql
        case .status(let set):
            return set.isEmpty ? "1 = 0" : "t.status IN (\(binds: set.map(\.rawValue).sorted()))"
        case .priority(let set):
            return set.isEmpty ? "1 = 0" : "t.priority IN (\(binds: set.map(\.rawValue).sorted()))"
        case .ticketType(let set):
            return set.isEmpty ? "1 = 0" : "t.type IN (\(binds: set.map(\.rawValue).sorted()))"
        case .person(let field, let ref):
            let column = "t.\(field.rawValue)_id"
            return person(column, ref)
        case .group(let ref):
            return named("t.group_id", ref, table: "groups")
        case .organization(let ref):
            return named("t.organization_id", ref, table: "organizations")
        case .tag(let tag):
            return "t.id IN (SELECT ticket_id FROM ticket_tags WHERE tag = \(bind: tag))"
        case .field(let field, let text):
            switch field {
            case .subject: return "LOWER(t.subject) LIKE \(bind: pattern(text)) ESCAPE '\\'"
            case .description: return "LOWER(t.description) LIKE \(bind: pattern(text)) ESCAPE '\\'"
            case .email, .name: return nil
            }
        case .date(let field, let range):
            let column: String
            switch field {
            case .created: column = "t.created_at"
            case .updated: column = "t.updated_at"
            case .solved: column = "t.solved_at"
            case .dueDate: column = "t.due_at"
            }
            return dateRange(column, range)
        case .role:
            return nil
        case .via(let channel):
            return "t.via_channel = \(bind: channel)"
        }
    }

    private func userTerm(_ condition: SearchQuery.Condition) -> SQLQueryString? {
        switch condition {
        case .text(let text):
            let p = pattern(text)
            return "LOWER(u.name) LIKE \(bind: p) ESCAPE '\\' OR u.email LIKE \(bind: p) ESCAPE '\\' OR u.phone LIKE \(bind: p) ESCAPE '\\'"
        case .field(.email, let text): return "u.email LIKE \(bind: pattern(text)) ESCAPE '\\'"
        case .field(.name, let text): return "LOWER(u.name) LIKE \(bind: pattern(text)) ESCAPE '\\'"
        case .role(let role):
            return role == "agent" ? "u.role IN ('agent', 'lead', 'manager')" : "u.role = \(bind: role)"
        case .organization(let ref): return named("u.organization_id", ref, table: "organizations")
        case .date(.created, let range): return dateRange("u.created_at", range)
        case .date(.updated, let range): return dateRange("u.updated_at", range)
        default: return nil
        }
    }

    private func person(_ column: String, _ ref: SearchQuery.PersonRef) -> SQLQueryString {
        switch ref {
        case .me: return "\(unsafeRaw: column) = \(bind: actor.id)"
        case .none: return "\(unsafeRaw: column) IS NULL"
        case .id(let id): return "\(unsafeRaw: column) = \(bind: id)"
        case .email(let email): return "\(unsafeRaw: column) IN (SELECT id FROM users WHERE email = \(bind: email.lowercased()))"
        case .name(let name):
            return "\(unsafeRaw: column) IN (SELECT id FROM users WHERE LOWER(name) LIKE \(bind: pattern(name)) ESCAPE '\\')"
        }
    }

    private func named(_ column: String, _ ref: SearchQuery.NamedRef, table: String) -> SQLQueryString {
        switch ref {
        case .none: return "\(unsafeRaw: column) IS NULL"
        case .id(let id): return "\(unsafeRaw: column) = \(bind: id)"
        case .name(let name):
            return "\(unsafeRaw: column) IN (SELECT id FROM \(unsafeRaw: table) WHERE name_key = \(bind: name.lowercased()))"
        }
    }

    private func dateRange(_ column: String, _ range: SearchQuery.DateRange) -> SQLQueryString {
        var sql: SQLQueryString = "\(unsafeRaw: column) IS NOT NULL"
        if let from = range.from { sql.appendInterpolation(" AND \(unsafeRaw: column) >= \(bind: Timestamp.millis(from))" as SQLQueryString) }
        if let to = range.to { sql.appendInterpolation(" AND \(unsafeRaw: column) < \(bind: Timestamp.millis(to))" as SQLQueryString) }
        return sql
    }
}
