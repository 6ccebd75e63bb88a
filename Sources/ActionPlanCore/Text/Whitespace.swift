/// The one rule for white space in plan text that people type or paste: snapshot labels, dates as
/// written, cells of a source document.
public enum Whitespace {
    /// `s` with every run of white space (including no-break spaces and byte-order marks) as one space,
    /// and none at either end.
    public static func collapse(_ s: String) -> String {
        var out = ""
        var pendingSpace = false
        for ch in s {
            if ch.isWhitespace || ch == "\u{A0}" || ch == "\u{FEFF}" {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(ch)
            }
        }
        return out
    }

    /// `s` without white space other than line breaks at either end (as Foundation's
    /// `trimmingCharacters(in: .whitespaces)`, without its cost per character: a report trims every line).
    public static func trimmed(_ s: Substring) -> Substring {
        func blank(_ c: Character) -> Bool { c.isWhitespace && !c.isNewline }
        guard let first = s.firstIndex(where: { !blank($0) }) else { return s[s.endIndex...] }
        let last = s.lastIndex(where: { !blank($0) })!
        return s[first...last]
    }
}
