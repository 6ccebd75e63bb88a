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
}
