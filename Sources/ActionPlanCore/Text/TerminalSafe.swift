/// Makes text from a plan file safe to print on a terminal.
///
/// A plan may come from someone else. Action text, notes and names are shown,
/// never executed: control characters (C0, DEL, C1 — including ESC, which starts
/// the sequences that set window titles, colours or the OSC 52 clipboard) are
/// replaced by visible escapes such as `^[` or `\u{9B}`, so they cannot change
/// the terminal. Tabs and newlines become a single space where `singleLine`.
public enum TerminalSafe {
    /// `text` with every control character replaced by a visible escape.
    public static func escape(_ text: String, singleLine: Bool = true) -> String {
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }) { return text }
        if !text.unicodeScalars.contains(where: isControl) { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            guard isControl(s) else {
                out.append(s)
                continue
            }
            switch s.value {
            case 0x09: out.append(contentsOf: singleLine ? " ".unicodeScalars : "\t".unicodeScalars)
            case 0x0A: out.append(contentsOf: singleLine ? " ".unicodeScalars : "\n".unicodeScalars)
            case 0x0D: out.append(contentsOf: singleLine ? " ".unicodeScalars : "".unicodeScalars)
            case 0x00..<0x20: out.append(contentsOf: "^\(Character(Unicode.Scalar(s.value + 0x40)!))".unicodeScalars)
            case 0x7F: out.append(contentsOf: "^?".unicodeScalars)
            default: out.append(contentsOf: "\\u{\(String(s.value, radix: 16, uppercase: true))}".unicodeScalars)
            }
        }
        return String(out)
    }

    /// Whether `scalar` is a C0/C1 control character or DEL (or a bidi override,
    /// which can reorder what the reader sees).
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (v >= 0x7F && v < 0xA0) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }
}
