extension Migration {
    /// What each ticket is about (`ContactTerms.encoded`: its subject's significant words and the order and serial
    /// numbers it names), worked out once when it is opened, so repeat-contact detection on a new ticket reads a
    /// short line per earlier ticket instead of their subjects and bodies. Older tickets keep NULL and are read the
    /// long way.
    static let addTicketContactTerms = Migration(number: 18, name: "AddTicketContactTerms") { _ in
        ["ALTER TABLE tickets ADD COLUMN contact_terms TEXT"]
    }
}
