import ActionPlanCore

/// Plan text made safe for the grid: every string from a plan passes through here before it is drawn.
///
/// A plan may come from someone else; escape sequences hidden in its text must
/// never reach the terminal (see ``TerminalSafe``).
enum SafeText {
    /// `text` on one line: control characters escaped, tabs and newlines as spaces.
    static func line(_ text: String) -> String { TerminalSafe.escape(text) }

    /// `text` keeping its line breaks (for wrapping): control characters escaped, tabs as spaces.
    static func block(_ text: String) -> String {
        let s = TerminalSafe.escape(text, singleLine: false)
        return s.contains("\t") ? s.replacingOccurrences(of: "\t", with: " ") : s
    }
}
