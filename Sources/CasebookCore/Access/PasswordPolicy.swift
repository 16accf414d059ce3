import Foundation

/// Decides whether a password is good enough to set. It answers with every reason at once, in words the person
/// can act on, so the form can show them all instead of refusing one rule at a time.
public enum PasswordPolicy {
    public static let minimumLength = 10
    /// Long enough for any passphrase; the cap keeps a hostile request from making the hasher work on megabytes.
    public static let maximumLength = 200
    /// Ten characters of one or two keys (`aaaaaaaaaa`, `ababababab`) are guessed at once however long they are.
    public static let minimumDistinctCharacters = 5
    /// Email local parts and name words shorter than this are too likely to appear in a password by chance.
    static let minimumPersonalPartLength = 4

    /// Passwords attackers try first, lowercased. Shorter ones are already refused for length, so this list
    /// only holds those that reach the minimum.
    static let common: Set<String> = [
        "password12", "password123", "password1234", "password12345", "passw0rd123", "p@ssw0rd123", "p@ssword123",
        "password!!", "mypassword", "mypassword1", "qwertyuiop", "qwerty1234", "qwerty12345", "qwerty123456",
        "1234567890", "0987654321", "12345678910", "123456789a", "a123456789", "abc1234567", "abcd123456",
        "abcdefghij", "1q2w3e4r5t", "1qaz2wsx3edc", "qazwsxedc123", "asdfghjkl1", "zxcvbnm123", "123qweasdzxc",
        "letmein123", "letmeinplease", "welcome123", "welcome1234", "iloveyou12", "iloveyou123", "sunshine123",
        "princess123", "football123", "baseball123", "superman123", "starwars123", "dragon1234", "monkey1234",
        "master1234", "trustno1234", "changeme123", "admin12345", "admin123456", "administrator", "adminadmin",
        "helpdesk123", "support123", "casebook123", "casebook1234", "zendesk123",
    ]

    /// Human-readable reasons the password is refused; empty means acceptable.
    public static func problems(_ password: String, email: String?, name: String?) -> [String] {
        var problems: [String] = []
        // Characters, not bytes or scalars: "é" or an emoji is one thing the person typed.
        if password.count < minimumLength { problems.append("Use at least \(minimumLength) characters") }
        if password.count > maximumLength { problems.append("Use at most \(maximumLength) characters") }
        if Set(password).count < minimumDistinctCharacters {
            problems.append("Use at least \(minimumDistinctCharacters) different characters")
        }
        let lowered = password.lowercased()
        if common.contains(lowered) { problems.append("This password is too common") }
        if let local = email.flatMap(localPart(of:)), local.count >= minimumPersonalPartLength, lowered.contains(local) {
            problems.append("Do not use your email address in the password")
        }
        let nameWords = (name ?? "").lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        if nameWords.contains(where: { $0.count >= minimumPersonalPartLength && lowered.contains($0) }) {
            problems.append("Do not use your name in the password")
        }
        return problems
    }

    /// The part before the last `@`, lowercased: what someone guessing from the address would try first.
    static func localPart(of email: String) -> String? {
        let trimmed = email.lowercased().trimmingCharacters(in: .whitespacesAndNewlines)
        guard let at = trimmed.lastIndex(of: "@") else { return trimmed.isEmpty ? nil : trimmed }
        return String(trimmed[..<at])
    }
}

