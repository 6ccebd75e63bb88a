/// Reading the entries of an action's logs — most of a plan kept for years — without the general object reader,
/// when they are written as `PlanCodec.encode` writes them: the fields in its order, every one present, text in
/// plain ASCII without escapes. What is read is what the general reading (`PlanCodec.readRatingChange`,
/// `readNote`) reads from the same bytes, to the same position; anything else — another order, a missing or
/// unknown field, an escape, a character beyond ASCII, any error — gives nil having moved nothing, and the general
/// reading then reads it and names what is wrong (`PlainLogTests` compare the two on random and broken entries).
extension JSONReader {
    /// A history entry: `date`, `from`, `to`, `status` (when any), `by`, `note`.
    mutating func readPlainHistoryEntry() -> RatingChange? {
        let start = pos
        var from: Rating?
        var to: Rating?
        var status = ""
        guard opens(), field("date"), let date = readISODay(), next(), field("from"), plainRating(&from), next(),
            field("to"), plainRating(&to), next()
        else {
            pos = start
            return nil
        }
        if startsField("status") {
            guard field("status"), let s = plainText(keeping: true), next() else {
                pos = start
                return nil
            }
            status = s
        }
        guard field("by"), let by = plainText(keeping: keepsText), next(), field("note"),
            let note = plainText(keeping: keepsText), closes()
        else {
            pos = start
            return nil
        }
        return RatingChange(date: date, from: from, to: to, by: by, note: note, status: status)
    }

    /// A progress note: `date`, `by`, `text`.
    mutating func readPlainNote() -> ProgressNote? {
        let start = pos
        guard opens(), field("date"), let date = readISODay(), next(), field("by"),
            let by = plainText(keeping: keepsText), next(), field("text"), let text = plainText(keeping: keepsText),
            closes()
        else {
            pos = start
            return nil
        }
        return ProgressNote(date: date, by: by, text: text)
    }

    /// Consumes white space and `byte`, or nothing useful (the caller starts again from where it began).
    private mutating func takes(_ byte: UInt8) -> Bool {
        skipWhitespace()
        guard pos < bytes.count, bytes[pos] == byte else { return false }
        pos += 1
        return true
    }

    private mutating func opens() -> Bool { takes(UInt8(ascii: "{")) }
    private mutating func next() -> Bool { takes(UInt8(ascii: ",")) }
    private mutating func closes() -> Bool { takes(UInt8(ascii: "}")) }

    /// Whether the next field is `name` (white space skipped, nothing else consumed).
    private mutating func startsField(_ name: StaticString) -> Bool {
        skipWhitespace()
        let n = name.utf8CodeUnitCount
        guard bytes.count - pos >= n + 2, bytes[pos] == UInt8(ascii: "\""), bytes[pos + n + 1] == UInt8(ascii: "\"")
        else { return false }
        let start = name.utf8Start
        for k in 0..<n where bytes[pos + 1 + k] != start[k] { return false }
        return true
    }

    /// Consumes the field name `name` in quotes and its colon.
    private mutating func field(_ name: StaticString) -> Bool {
        guard startsField(name) else { return false }
        pos += name.utf8CodeUnitCount + 2
        return takes(UInt8(ascii: ":"))
    }

    /// A rating's plain name in quotes, or `null`, into `rating`.
    private mutating func plainRating(_ rating: inout Rating?) -> Bool {
        if readNull() {
            rating = nil
            return true
        }
        guard let r = readPlainRating() else { return false }
        rating = r
        return true
    }

    /// A string of printable ASCII without escapes — kept, or "" as ``readText()`` gives when text is not kept.
    private mutating func plainText(keeping: Bool) -> String? {
        skipWhitespace()
        guard pos < bytes.count, bytes[pos] == UInt8(ascii: "\"") else { return nil }
        var i = pos + 1
        // Eight bytes at a time up to the word holding the closing quote (or anything else the loop below looks
        // at: a backslash, a control character, a byte beyond ASCII), then byte by byte.
        let raw = UnsafeRawPointer(bytes.baseAddress!)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        while bytes.count - i >= 8 {
            let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            let quote = w ^ (0x22 &* ones)
            let backslash = w ^ (0x5C &* ones)
            let special =
                ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((w &- 0x20 &* ones) & ~w) | w
            if special & high != 0 { break }
            i += 8
        }
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                let text = keeping ? String(decoding: bytes[(pos + 1)..<i], as: UTF8.self) : ""
                pos = i + 1
                return text
            }
            if b == UInt8(ascii: "\\") || b < 0x20 || b >= 0x7F { return nil }
            i += 1
        }
        return nil
    }
}
