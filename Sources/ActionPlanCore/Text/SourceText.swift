import Foundation

/// Lines of a source document, cleaned of conversion artefacts, with their 1-based numbers.
///
/// Copies of council documents arrive with Windows line endings, a byte-order
/// mark, no-break spaces and HTML fragments; this is the one place that undoes
/// those, so the parsers see plain lines. Public for ActionPlanImport's readers,
/// which decode more encodings and then clean the text here by the same rules.
public struct SourceText: Sendable {
    /// The cleaned lines; `lines[i]` is line `i + 1` of the source.
    public let lines: [String]

    /// The error for a NUL byte on `line` of what should be text: a binary file (or one in an encoding not recognised).
    public static func nulByteError(file: String, line: Int) -> PlanError {
        PlanError(
            .invalidSource, file: file, line: line, message: "contains a NUL byte; expected a text, CSV or TSV file")
    }

    /// Splits `text` into cleaned lines: CR LF, CR and LF end lines; no-break spaces become spaces; byte-order
    /// marks and zero-width spaces are dropped.
    public init(text: String) {
        var out: [String] = []
        var current = ""
        var lastWasCR = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\r":
                out.append(current)
                current = ""
                lastWasCR = true
                continue
            case "\n":
                if !lastWasCR { out.append(current) }
                current = ""
            case "\u{A0}", "\u{2007}", "\u{202F}": current.unicodeScalars.append(" ")
            case "\u{FEFF}", "\u{200B}": break
            default: current.unicodeScalars.append(scalar)
            }
            lastWasCR = false
        }
        if !current.isEmpty { out.append(current) }
        lines = out
    }

    /// A line reduced for matching headings: lower case, straight quotes, no `*`, single spaces.
    public static func key(_ line: String) -> String {
        var s = ""
        var space = false
        for ch in line.lowercased() {
            switch ch {
            case "*", "_": continue
            case "\u{2018}", "\u{2019}", "\u{201B}", "\u{2032}": s.append("'")
            case "\u{201C}", "\u{201D}", "\u{2033}": s.append("\"")
            case "\u{2013}", "\u{2014}": s.append("-")
            case " ", "\t":
                space = !s.isEmpty
                continue
            default:
                if space { s.append(" ") }
                space = false
                s.append(ch)
            }
        }
        return s
    }

    /// Whether `chars` from `start` hold a tag's name (letters and digits) ended by white space, `/` or `>`:
    /// `<b>`, `<ul style=…>`, `<br/>`, but not the link of `<https://example.org>`, which is text.
    private static func isTagName(_ chars: [Character], _ start: Int) -> Bool {
        guard start < chars.count, chars[start].isLetter else { return false }
        var j = start
        while j < chars.count, chars[j].isLetter || chars[j].isNumber { j += 1 }
        return j < chars.count && (chars[j].isWhitespace || chars[j] == "/" || chars[j] == ">")
    }

    /// `html` with tags removed, common entities decoded and white space collapsed.
    public static func plainText(_ html: String) -> String {
        if isPlain(html) { return html }
        var s = ""
        var inTag = false
        var chars = Array(html)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "<", i + 1 < chars.count, chars[i + 1] == "/" || chars[i + 1] == "!" || isTagName(chars, i + 1) {
                inTag = true
            } else if inTag && c == ">" {
                inTag = false
            } else if !inTag {
                s.append(c)
            }
            i += 1
        }
        chars = []
        for (entity, value) in [
            ("&nbsp;", " "), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&apos;", "'"),
            ("&ndash;", "–"), ("&mdash;", "—"), ("&rsquo;", "’"), ("&lsquo;", "‘"), ("&amp;", "&"),
        ] where s.contains(entity) {
            s = s.replacingOccurrences(of: entity, with: value)
        }
        return Whitespace.collapse(s)
    }

    /// Whether `text` has no tags, entities, control characters, or spaces to collapse (the common case).
    private static func isPlain(_ text: String) -> Bool {
        var previousSpace = true
        for b in text.utf8 {
            switch b {
            case UInt8(ascii: "<"), UInt8(ascii: "&"), 0..<0x20, 0x7F, 0xC2, 0xE2, 0xE3, 0xEF: return false
            case UInt8(ascii: " "):
                if previousSpace { return false }
                previousSpace = true
            default: previousSpace = false
            }
        }
        return !previousSpace || text.isEmpty
    }

    /// The cells of a tab-separated line, each trimmed.
    static func cells(_ line: String) -> [String] {
        line.split(separator: "\t", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
    }
}
