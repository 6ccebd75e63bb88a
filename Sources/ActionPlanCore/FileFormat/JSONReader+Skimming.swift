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

    /// A rating written as its plain name in quotes (`"green"`), read without making a string; nil, having read
    /// nothing but white space, for anything else (the caller reads it as a string, with its errors).
    mutating func readPlainRating() -> Rating? {
        skipWhitespace()
        guard bytes.count - pos >= 5, bytes[pos] == UInt8(ascii: "\"") else { return nil }
        for (rating, name) in Self.ratingNames {
            guard bytes.count - pos >= name.count + 2, bytes[pos + name.count + 1] == UInt8(ascii: "\"") else {
                continue
            }
            if name.indices.allSatisfy({ bytes[pos + 1 + $0] == name[$0] }) {
                pos += name.count + 2
                return rating
            }
        }
        return nil
    }

    /// Each rating and the bytes of its name in a file.
    private static let ratingNames = Rating.allCases.map { ($0, Array($0.rawValue.utf8)) }

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

    /// The stored deadline and the rating of the action whose `{` is next, in bytes known to be
    /// `PlanCodec.encode`'s, without moving: there an action's fields are one a line, 14 spaces deep, in the
    /// writer's order, so its deadline is on the sixth line after the brace and its rating on the line after
    /// its revisions. Nil when they are not found as written there.
    func encodedDeadlineAndRating() -> (CalendarDay?, Rating?)? {
        let base = bytes.baseAddress!
        let end = bytes.count
        /// The offset just after the next line break at or after `i`.
        func nextLine(_ i: Int) -> Int? {
            guard i < end, let hit = memchr(base + i, 0x0A, end - i) else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
        }
        /// The offset of the value of field `key` when the line at `line` is that field, 14 spaces deep.
        func value(_ key: StaticString, at line: Int) -> Int? {
            let n = key.utf8CodeUnitCount
            guard line + 14 + n + 4 < end, base[line + 13] == 0x20, base[line + 14] == UInt8(ascii: "\""),
                memcmp(base + line + 15, key.utf8Start, n) == 0, base[line + 15 + n] == UInt8(ascii: "\"")
            else { return nil }
            return line + 15 + n + 3  // after `": `
        }
        var line = pos
        for _ in 0..<6 {
            guard let next = nextLine(line) else { return nil }
            line = next
        }
        guard let dv = value("deadline", at: line), let revisionsLine = nextLine(dv),
            let rv0 = value("revisions", at: revisionsLine)
        else { return nil }
        var deadline: CalendarDay?
        if base[dv] == UInt8(ascii: "\"") {
            guard dv + 11 < end, base[dv + 11] == UInt8(ascii: "\""),
                let day = CalendarDay.iso(bytes[(dv + 1)..<(dv + 11)])
            else { return nil }
            deadline = day
        } else if base[dv] != UInt8(ascii: "n") {
            return nil
        }
        var ratingLine: Int
        if base[rv0 + 1] == UInt8(ascii: "]") {
            guard let next = nextLine(rv0) else { return nil }
            ratingLine = next
        } else {
            // Revisions one a line: the rating follows the line closing them, 14 spaces deep.
            var i = rv0
            while true {
                guard let next = nextLine(i), next + 15 < end else { return nil }
                if base[next + 14] == UInt8(ascii: "]") && base[next + 13] == 0x20 {
                    i = next
                    break
                }
                i = next
            }
            guard let next = nextLine(i) else { return nil }
            ratingLine = next
        }
        guard let rv = value("rating", at: ratingLine) else { return nil }
        var rating: Rating?
        if base[rv] == UInt8(ascii: "\"") {
            var close = rv + 1
            while close < end, base[close] != UInt8(ascii: "\"") { close += 1 }
            guard let parsed = Rating(rawValue: String(decoding: bytes[(rv + 1)..<close], as: UTF8.self)) else {
                return nil
            }
            rating = parsed
        } else if base[rv] != UInt8(ascii: "n") {
            return nil
        }
        return (deadline, rating)
    }
}
