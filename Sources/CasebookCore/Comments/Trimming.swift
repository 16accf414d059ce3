extension String {
    /// Without leading and trailing whitespace and newlines (Unicode White_Space, as
    /// `CharacterSet.whitespacesAndNewlines`). Looks only at the ends: Foundation's `trimmingCharacters` copies the
    /// whole string through NSString on Linux, which costs milliseconds on a long mailed comment.
    public var trimmedWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
