import Foundation

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

    /// Skips the next value without reading it, in bytes known to be `PlanCodec.encode`'s (`EncodedPlan`),
    /// where no string holds a line break: a value that opens a multi-line array or object ends at the first
    /// line closing it at the indentation of the line it opened on; any other value ends with its line.
    mutating func skipEncodedValue() throws {
        skipWhitespace()
        guard pos + 1 < bytes.count else { throw expected("a value") }
        let open = bytes[pos]
        let close: UInt8 = open == UInt8(ascii: "[") ? UInt8(ascii: "]") : UInt8(ascii: "}")
        let base = bytes.baseAddress!
        guard open == UInt8(ascii: "[") || open == UInt8(ascii: "{"), bytes[pos + 1] == 0x0A else {
            guard let end = memchr(base + pos, 0x0A, bytes.count - pos) else { throw expected("a line break") }
            let lineEnd = base.distance(to: end.assumingMemoryBound(to: UInt8.self))
            pos = bytes[lineEnd - 1] == UInt8(ascii: ",") ? lineEnd - 1 : lineEnd
            return
        }
        var lineStart = pos
        while lineStart > 0 && bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
        var indent = 0
        while bytes[lineStart + indent] == 0x20 { indent += 1 }
        var i = pos + 2
        while i < bytes.count {
            guard let hit = memchr(base + i, Int32(close), bytes.count - i) else { break }
            i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if i > indent, bytes[i - indent - 1] == 0x0A,
                UnsafeBufferPointer(rebasing: bytes[(i - indent)..<i]).allSatisfy({ $0 == 0x20 })
            {
                pos = i + 1
                return
            }
            i += 1
        }
        throw error("unterminated \(open == UInt8(ascii: "[") ? "array" : "object")", at: pos)
    }
}
