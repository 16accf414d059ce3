import Foundation

/// Email addresses as Casebook keeps them: trimmed and lowercased, checked for a plausible shape.
public enum EmailAddress {
    public static func normalize(_ raw: String) -> String? {
        let email = raw.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
              !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
              !email.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "," })
        else { return nil }
        return email
    }

    public static func domain(of email: String) -> String? {
        guard let at = email.lastIndex(of: "@") else { return nil }
        return String(email[email.index(after: at)...]).lowercased()
    }

    /// An organization's domain matches the address's domain or a parent of it (`mail.acme.example` joins `acme.example`).
    public static func matches(_ email: String, domain: String) -> Bool {
        guard let own = Self.domain(of: email) else { return false }
        let domain = domain.lowercased()
        return own == domain || own.hasSuffix("." + domain)
    }
}
