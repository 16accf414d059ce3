extension Migration {
    /// Skills every ticket in a group needs of its assignee (space-separated, normalized like tags), on top of the
    /// routing rule's.
    static let addGroupSkills = Migration(number: 19, name: "AddGroupSkills") { _ in
        ["ALTER TABLE groups ADD COLUMN skills TEXT NOT NULL DEFAULT ''"]
    }
}
