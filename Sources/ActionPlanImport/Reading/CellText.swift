import ActionPlanCore

/// The text of a cell (or a Word paragraph) as `SourceCell.text` promises it, written once for every reader.
///
/// Lines are split where the source breaks them (LF, CR LF, CR, vertical tab,
/// U+2028/U+2029) and cleaned by `SourceText`'s rules (no-break spaces become
/// spaces, byte-order marks and zero-width spaces go); inside each line, runs of
/// white space (tabs included) become one space and the ends are trimmed; blank
/// lines at the start and end are dropped, blank lines between kept.
enum CellText {
    /// `raw` cleaned as above.
    static func clean(_ raw: String) -> String {
        if isClean(raw) { return raw }
        var text = raw
        for breaker in ["\u{0B}", "\u{2028}", "\u{2029}"] where text.contains(breaker) {
            text = text.replacingOccurrences(of: breaker, with: "\n")
        }
        var lines = SourceText(text: text).lines.map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        while lines.last?.isEmpty == true { lines.removeLast() }
        guard let first = lines.firstIndex(where: { !$0.isEmpty }) else { return "" }
        return lines[first...].joined(separator: "\n")
    }

    /// A field of a text-based source (CSV, TSV, Markdown, pasted text): `<br>` tags are line breaks,
    /// other HTML tags are removed and entities decoded (`SourceText.plainText`, line by line), then `clean`.
    static func fromMarkup(_ field: String) -> String {
        guard field.contains("<") || field.contains("&") else { return clean(field) }
        var text = field
        for tag in ["<br>", "<br/>", "<br />", "<BR>", "<BR/>", "<BR />", "<Br>"] where text.contains(tag) {
            text = text.replacingOccurrences(of: tag, with: "\n")
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            SourceText.plainText(String($0))
        }
        return clean(lines.joined(separator: "\n"))
    }

    /// Whether `text` needs no cleaning: printable ASCII, no space at either end, no two spaces together.
    private static func isClean(_ text: String) -> Bool {
        var previousSpace = true
        for b in text.utf8 {
            switch b {
            case 0x20:
                if previousSpace { return false }
                previousSpace = true
            case 0x21...0x7E: previousSpace = false
            default: return false
            }
        }
        return !previousSpace || text.isEmpty
    }
}
