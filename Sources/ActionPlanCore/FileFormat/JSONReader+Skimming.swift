/// Reading values without making what no one keeps: a day straight from its bytes, the text of a log checked
/// and dropped in a plan's outline, and the offsets that give each action's bytes.
extension JSONReader {
    /// Reads a string of ten plain bytes that is a day `YYYY-MM-DD`, without making a `String`; nil (nothing
    /// consumed) when the next value is anything else, which the caller then reads the slow way.
    mutating func readISODay() -> CalendarDay? {
        skipWhitespace()
        guard bytes.count - pos >= 12, bytes[pos] == UInt8(ascii: "\""), bytes[pos + 11] == UInt8(ascii: "\""),
            let day = CalendarDay.iso(bytes[(pos + 1)..<(pos + 11)])
        else { return nil }
        pos += 12
        return day
    }

    /// The byte offset of the next value (white space skipped).
    mutating func offsetOfNextValue() -> Int {
        skipWhitespace()
        return pos
    }

    /// The byte offset just after the last value read.
    var offset: Int { pos }

    /// Reads the text of a log (a note, a revision's reason): as ``readString()`` when ``keepsText``, else
    /// checked just as strictly and returned empty, without building a `String`.
    mutating func readText() throws -> String {
        if keepsText { return try readString() }
        skipWhitespace()
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "\"") {
            var i = pos + 1
            while i < bytes.count {
                let b = bytes[i]
                if b == UInt8(ascii: "\"") {
                    pos = i + 1
                    return ""
                }
                if b == UInt8(ascii: "\\") || b < 0x20 || b >= 0x80 { break }
                i += 1
            }
        }
        // Escapes, other scripts and every error: the one full reading.
        _ = try readString()
        return ""
    }
}
