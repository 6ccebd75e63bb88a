/// A pull parser over UTF-8 JSON bytes that decodes straight into model values.
///
/// Why not `JSONDecoder`: it builds an intermediate tree and takes over a second
/// for a 100,000-action plan, and its errors name neither line nor column.
/// This reader walks the bytes once, reports the line, column and JSON path of
/// the first problem, rejects duplicate keys, invalid UTF-8 and non-JSON, and
/// never recurses on untrusted structure (the caller decides the shape).
struct JSONReader {
    /// The document; valid only inside the `withUnsafeBufferPointer` call that made the reader.
    let bytes: UnsafeBufferPointer<UInt8>
    /// The offset of the next byte to read (moved only by the reader and its extensions).
    var pos = 0
    let file: String
    /// Where the reader is, for errors: pushed and popped only by the `readObject` and `readArray` methods.
    var path: [PathComponent] = []
    /// The keys of the objects being read, innermost last: one buffer for every object, so checking for a
    /// duplicate key allocates nothing.
    private var keys: [String] = []
    /// ``keys`` packed (``PackedKey``), side by side with them.
    private var keyCodes: [PackedKey] = []
    /// Keys read recently, by a hash of their packed bytes: the same few dozen keys make up a plan file, and
    /// finding one here is much cheaper than making its `String` again (`JSONReader+Keys.swift`).
    var keyCache = [(code: PackedKey, key: String)](repeating: (.none, ""), count: 64)
    /// Whether ``readText()`` keeps the text it reads; false while reading a plan's outline, where the text of logs
    /// is checked as strictly but not kept (see `PlanOutline`).
    var keepsText = true
    /// When not nil, the byte range of each action read is appended, in plan order (for `PlanOutline` and
    /// the spliced save, which re-read or replace one action's bytes).
    var actionRanges: [Range<Int>]?

    /// One step of a JSON path.
    enum PathComponent {
        case key(String)
        case index(Int)
    }

    init(bytes: UnsafeBufferPointer<UInt8>, file: String) {
        self.bytes = bytes
        self.file = file
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { pos = 3 }
    }

    // MARK: - Structure

    mutating func skipWhitespace() {
        // Counted in a local (the reader's `pos` is written back once, not at every byte), and the indentation
        // after a line break eight spaces at a time: a plan file is a fifth white space, mostly indentation.
        var i = pos
        let n = bytes.count
        while i < n {
            switch bytes[i] {
            case 0x0A:
                i += 1
                let raw = UnsafeRawPointer(bytes.baseAddress!)
                while n - i >= 8 && raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) == 0x2020_2020_2020_2020 {
                    i += 8
                }
            case 0x20, 0x0D, 0x09: i += 1
            default:
                pos = i
                return
            }
        }
        pos = i
    }

    private mutating func consume(_ byte: UInt8) -> Bool {
        skipWhitespace()
        if pos < bytes.count && bytes[pos] == byte {
            pos += 1
            return true
        }
        return false
    }

    /// Reads an object, calling `body` with each key while positioned at its value.
    mutating func readObject(_ body: (inout JSONReader, String) throws -> Void) throws {
        skipWhitespace()
        guard consume(UInt8(ascii: "{")) else { throw expected("an object") }
        if consume(UInt8(ascii: "}")) { return }
        let first = keys.count
        defer {
            keys.removeSubrange(first...)
            keyCodes.removeSubrange(first...)
        }
        var allPacked = true
        while true {
            skipWhitespace()
            let keyStart = pos
            guard pos < bytes.count, bytes[pos] == UInt8(ascii: "\"") else { throw expected("a field name in quotes") }
            let (key, code) = try readKey()
            allPacked = allPacked && code != .none
            let duplicate = allPacked ? keyCodes[first...].contains(code) : keys[first...].contains(key)
            if duplicate { throw error("duplicate field \"\(key)\"", at: keyStart) }
            keys.append(key)
            keyCodes.append(code)
            guard consume(UInt8(ascii: ":")) else { throw expected("':' after field name \"\(key)\"") }
            path.append(.key(key))
            try body(&self, key)
            path.removeLast()
            if consume(UInt8(ascii: ",")) { continue }
            if consume(UInt8(ascii: "}")) { return }
            throw expected("',' or '}'")
        }
    }

    /// Reads an array, calling `body` with each element's index while positioned at it.
    mutating func readArray(_ body: (inout JSONReader, Int) throws -> Void) throws {
        skipWhitespace()
        guard consume(UInt8(ascii: "[")) else { throw expected("an array") }
        if consume(UInt8(ascii: "]")) { return }
        var i = 0
        while true {
            path.append(.index(i))
            try body(&self, i)
            path.removeLast()
            i += 1
            if consume(UInt8(ascii: ",")) { continue }
            if consume(UInt8(ascii: "]")) { return }
            throw expected("',' or ']'")
        }
    }

    /// Reads an array of strings.
    mutating func readStringArray() throws -> [String] {
        var out: [String] = []
        try readArray { r, _ in out.append(try r.readString()) }
        return out
    }

    /// Consumes `null` if it is next and says so.
    mutating func readNull() -> Bool {
        skipWhitespace()
        if bytes.count - pos >= 4, bytes[pos] == UInt8(ascii: "n"), bytes[pos + 1] == UInt8(ascii: "u"),
            bytes[pos + 2] == UInt8(ascii: "l"), bytes[pos + 3] == UInt8(ascii: "l")
        {
            pos += 4
            return true
        }
        return false
    }

    /// Reads a string or null.
    mutating func readOptionalString() throws -> String? {
        if readNull() { return nil }
        return try readString()
    }

    /// Reads a whole number.
    mutating func readInt() throws -> Int {
        skipWhitespace()
        let start = pos
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "-") { pos += 1 }
        var value = 0
        var digits = 0
        while pos < bytes.count, bytes[pos] >= UInt8(ascii: "0"), bytes[pos] <= UInt8(ascii: "9") {
            if digits > 15 { throw error("number too large", at: start) }
            value = value * 10 + Int(bytes[pos] - UInt8(ascii: "0"))
            digits += 1
            pos += 1
        }
        if digits == 0 {
            pos = start
            throw expected("a whole number")
        }
        if pos < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[pos]) {
            throw error("expected a whole number, found a fraction or exponent", at: start)
        }
        return bytes[start] == UInt8(ascii: "-") ? -value : value
    }

    /// Reads a string, decoding escapes and rejecting invalid UTF-8 and raw control characters.
    mutating func readString() throws -> String {
        skipWhitespace()
        guard pos < bytes.count, bytes[pos] == UInt8(ascii: "\"") else { throw expected("a string") }
        pos += 1
        let start = pos
        // Fast path: no escapes.
        var i = pos
        var ascii = true
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                let s: String
                if ascii {
                    s = String(decoding: bytes[start..<i], as: UTF8.self)
                } else {
                    guard let v = String(validating: bytes[start..<i], as: UTF8.self) else {
                        throw error("invalid UTF-8 in string", at: firstInvalidUTF8(start, i))
                    }
                    s = v
                }
                pos = i + 1
                return s
            }
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 {
                throw error("control character 0x\(String(b, radix: 16)) must be escaped in a string", at: i)
            }
            if b >= 0x80 { ascii = false }
            i += 1
        }
        if i >= bytes.count { throw error("unterminated string", at: start - 1) }
        // Slow path with escapes.
        var buf: [UInt8] = Array(bytes[start..<i])
        pos = i
        while pos < bytes.count {
            let b = bytes[pos]
            if b == UInt8(ascii: "\"") {
                pos += 1
                guard let v = String(validating: buf, as: UTF8.self) else {
                    throw error("invalid UTF-8 in string", at: start)
                }
                return v
            }
            if b < 0x20 { throw error("control character 0x\(String(b, radix: 16)) must be escaped in a string") }
            if b != UInt8(ascii: "\\") {
                buf.append(b)
                pos += 1
                continue
            }
            pos += 1
            guard pos < bytes.count else { break }
            let e = bytes[pos]
            pos += 1
            switch e {
            case UInt8(ascii: "\""): buf.append(0x22)
            case UInt8(ascii: "\\"): buf.append(0x5C)
            case UInt8(ascii: "/"): buf.append(0x2F)
            case UInt8(ascii: "b"): buf.append(0x08)
            case UInt8(ascii: "f"): buf.append(0x0C)
            case UInt8(ascii: "n"): buf.append(0x0A)
            case UInt8(ascii: "r"): buf.append(0x0D)
            case UInt8(ascii: "t"): buf.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try readHex4()
                if (0xD800..<0xDC00).contains(scalar) {
                    guard bytes.count - pos >= 6, bytes[pos] == UInt8(ascii: "\\"), bytes[pos + 1] == UInt8(ascii: "u")
                    else { throw error("unpaired UTF-16 surrogate in \\u escape") }
                    pos += 2
                    let low = try readHex4()
                    guard (0xDC00..<0xE000).contains(low) else {
                        throw error("unpaired UTF-16 surrogate in \\u escape")
                    }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00..<0xE000).contains(scalar) {
                    throw error("unpaired UTF-16 surrogate in \\u escape")
                }
                guard let u = Unicode.Scalar(scalar) else { throw error("invalid \\u escape") }
                buf.append(contentsOf: Array(String(Character(u)).utf8))
            default:
                throw error("invalid escape \\\(Character(Unicode.Scalar(e))) in string", at: pos - 2)
            }
        }
        throw error("unterminated string", at: start - 1)
    }

    private mutating func readHex4() throws -> UInt32 {
        guard bytes.count - pos >= 4 else { throw error("expected 4 hex digits after \\u") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[pos]
            let d: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(b - UInt8(ascii: "A") + 10)
            default: throw error("expected 4 hex digits after \\u")
            }
            v = v * 16 + d
            pos += 1
        }
        return v
    }

    private func firstInvalidUTF8(_ from: Int, _ to: Int) -> Int {
        var i = from
        while i < to {
            let b = bytes[i]
            let n: Int
            if b < 0x80 {
                n = 1
            } else if b & 0xE0 == 0xC0 {
                n = 2
            } else if b & 0xF0 == 0xE0 {
                n = 3
            } else if b & 0xF8 == 0xF0 {
                n = 4
            } else {
                return i
            }
            if i + n > to || String(validating: bytes[i..<(i + n)], as: UTF8.self) == nil { return i }
            i += n
        }
        return from
    }

    /// Fails unless only white space remains.
    mutating func expectEnd() throws {
        skipWhitespace()
        if pos < bytes.count { throw error("unexpected \(describeNext()) after the end of the JSON document") }
    }
}
