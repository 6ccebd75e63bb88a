/// Terminal display width of text: how many columns a string occupies.
///
/// Plans hold accented names, CJK text and emoji. Tables and the terminal UI line
/// columns up by display width, not by bytes or by `Character` count, so every
/// place that pads or truncates text goes through this one function.
public enum DisplayWidth {
    /// The number of terminal columns `scalar` occupies: 0 for combining marks and
    /// zero-width characters, 2 for East Asian wide/fullwidth and emoji, else 1.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if v < 0x300 { return 1 }
        if isZeroWidth(v) { return 0 }
        if isWide(v) { return 2 }
        return 1
    }

    /// The number of terminal columns a grapheme cluster occupies (at most 2).
    ///
    /// A cluster takes the width of its widest scalar, except that a text-style
    /// symbol followed by VS16 (U+FE0F) becomes emoji presentation (width 2).
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        if scalars.count == 1, let first = scalars.first { return of(first) }
        var width = 0
        for s in scalars {
            if s.value == 0xFE0F {
                width = 2
                continue
            }
            width = max(width, of(s))
        }
        return min(width, 2)
    }

    /// The number of terminal columns `text` occupies.
    public static func of(_ text: Substring) -> Int {
        var total = 0
        for c in text {
            if c.isASCII, let a = c.asciiValue {
                total += a >= 0x20 && a != 0x7F ? 1 : 0
            } else {
                total += of(c)
            }
        }
        return total
    }

    /// The number of terminal columns `text` occupies.
    public static func of(_ text: String) -> Int {
        if let n = printableASCIICount(text) { return n }
        return of(text[...])
    }

    /// The length of `text` when it is all printable ASCII (one column each), else nil.
    @inline(__always)
    static func printableASCIICount(_ text: String) -> Int? {
        var text = text
        return text.withUTF8 { isPrintableASCII($0) ? $0.count : nil }
    }

    /// Whether every byte of `u` is printable ASCII (0x20–0x7E), looked at eight bytes at a time: a word has a
    /// byte of 0x80 or more when a high bit is set, one below 0x20 when subtracting 0x20 from each byte borrows
    /// into a clear high bit, and a DEL when the word xor 0x7F has a zero byte (exact for "any such byte").
    static func isPrintableASCII(_ u: UnsafeBufferPointer<UInt8>) -> Bool {
        let high: UInt64 = 0x8080_8080_8080_8080
        let raw = UnsafeRawBufferPointer(u)
        var i = 0
        while i + 8 <= u.count {
            let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            let below20 = (w &- 0x2020_2020_2020_2020) & ~w & high
            let x = w ^ 0x7F7F_7F7F_7F7F_7F7F
            let del = (x &- 0x0101_0101_0101_0101) & ~x & high
            if (w & high) | below20 | del != 0 { return false }
            i += 8
        }
        while i < u.count {
            guard u[i] >= 0x20 && u[i] < 0x7F else { return false }
            i += 1
        }
        return true
    }

    /// `text` cut to at most `width` columns, ending in `…` when it was cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if let n = printableASCIICount(text) {
            return n <= width ? text : String(text.utf8.prefix(width - 1))! + "…"
        }
        if of(text) <= width { return text }
        var out = ""
        var used = 0
        for c in text {
            let w = of(c)
            if used + w > width - 1 { break }
            out.append(c)
            used += w
        }
        return out + "…"
    }

    /// `text` truncated or padded with spaces to exactly `width` columns.
    public static func pad(_ text: String, to width: Int, alignRight: Bool = false) -> String {
        let cut = truncate(text, to: width)
        let gap = max(0, width - of(cut))
        let spaces = String(repeating: " ", count: gap)
        return alignRight ? spaces + cut : cut + spaces
    }

    /// Lines of at most `width` columns, broken at spaces where possible.
    ///
    /// Words longer than a line are split by column. Existing newlines are kept; runs of spaces
    /// collapse to one. Each character is measured once, so the time taken grows in proportion to
    /// the text's length even when it has no space at all (100,000 CJK characters in one word).
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let linesBefore = lines.count
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                let wordWidth = of(word)
                if !line.isEmpty && lineWidth + 1 + wordWidth <= width {
                    line += " "
                    line += word
                    lineWidth += 1 + wordWidth
                    continue
                }
                if !line.isEmpty { lines.append(line) }
                (line, lineWidth) = cut(word, wordWidth: wordWidth, to: width, into: &lines)
            }
            // An empty paragraph is an empty line; a paragraph whose last word was all cut into lines adds none.
            if !line.isEmpty || lines.count == linesBefore { lines.append(line) }
        }
        return lines
    }

    /// Cuts lines of `width` columns from the front of `word` (`wordWidth` columns wide) into `lines`
    /// while what is left is wider than `width`, and returns what is left with its width.
    ///
    /// One pass over the word: each character is measured once and the rest is never copied or
    /// measured again (doing that for every line made wrapping quadratic in the word's length).
    private static func cut(
        _ word: Substring, wordWidth: Int, to width: Int, into lines: inout [String]
    ) -> (rest: String, width: Int) {
        var restWidth = wordWidth
        var start = word.startIndex
        while restWidth > width {
            var end = start
            var used = 0
            while end < word.endIndex {
                let w = of(word[end])
                if used + w > width { break }
                used += w
                word.formIndex(after: &end)
            }
            if end == start {
                // A character wider than the whole line: it gets a line of its own.
                used = of(word[start])
                word.formIndex(after: &end)
            }
            lines.append(String(word[start..<end]))
            restWidth -= used
            start = end
        }
        return (String(word[start...]), restWidth)
    }

    private static func isZeroWidth(_ v: UInt32) -> Bool {
        switch v {
        case 0x300...0x36F, 0x483...0x489, 0x591...0x5BD, 0x610...0x61A, 0x64B...0x65F,
            0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0xFE00...0xFE0F,
            0xFE20...0xFE2F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF,
            0xFEFF, 0xE0100...0xE01EF, 0x1F3FB...0x1F3FF:
            return true
        default:
            return false
        }
    }

    private static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
            0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1,
            0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA,
            0x26F2...0x26F3, 0x26F5, 0x26FA, 0x26FD, 0x2705, 0x270A...0x270B, 0x2728, 0x274C,
            0x274E, 0x2753...0x2755, 0x2757, 0x2795...0x2797, 0x27B0, 0x27BF, 0x2B1B...0x2B1C,
            0x2B50, 0x2B55, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19,
            0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4,
            0x17000...0x18AFF, 0x1B000...0x1B2FF, 0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A,
            0x1F200...0x1F251, 0x1F300...0x1F64F, 0x1F680...0x1F6FF, 0x1F7E0...0x1F7EB,
            0x1F90C...0x1F9FF, 0x1FA70...0x1FAFF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
