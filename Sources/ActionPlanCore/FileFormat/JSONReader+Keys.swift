/// Reading field names: the same few dozen keys make up a plan file, so a short plain key is packed into two
/// words and found in the reader's cache rather than made into a `String` again, and duplicate keys are told
/// apart by their packed words.
extension JSONReader {
    /// Up to 15 plain ASCII bytes of a key and their count packed into two words; ``none`` for any other key.
    struct PackedKey: Equatable, Sendable {
        var low: UInt64
        var high: UInt64
        /// No key packs to this: its count byte is 255.
        static let none = PackedKey(low: 0, high: UInt64.max)

        /// The packed bytes of the name in `bytes` from `start` to the next `"`, and that quote's offset; ``none``
        /// (and any offset) for a name of more than 15 bytes, one with escapes or control or non-ASCII bytes, or
        /// one not closed.
        @inline(__always)
        static func pack(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (PackedKey, Int) {
            var low: UInt64 = 0
            var high: UInt64 = 0
            var n = 0
            var i = start
            while i < bytes.count, n < 16 {
                let b = bytes[i]
                if b == UInt8(ascii: "\"") { break }
                if b == UInt8(ascii: "\\") || b < 0x20 || b >= 0x80 { n = 16 }
                if n < 8 {
                    low |= UInt64(b) << (8 * UInt64(n))
                } else if n < 15 {
                    high |= UInt64(b) << (8 * UInt64(n - 8))
                }
                n += 1
                i += 1
            }
            guard n < 16, i < bytes.count else { return (.none, i) }
            return (PackedKey(low: low, high: high | UInt64(n) << 56), i)
        }
    }

    /// The fields an object of a known shape may hold: the cases of an enum whose raw values are their names
    /// (`enum Field: String, CaseIterable { case date, by, text }`), with their packed names, so that
    /// ``readObject(_:_:)`` tells a field by comparing two words, not strings, and a duplicate by a bit.
    struct Fields<Field: CaseIterable & RawRepresentable<String> & Sendable>: Sendable {
        let cases: [Field]
        let names: [String]
        let codes: [PackedKey]
        /// The names as an unknown field's error lists them: `date, by, text`.
        let list: String

        init() {
            cases = Array(Field.allCases)
            names = cases.map(\.rawValue)
            precondition(names.count <= 64)
            codes = names.map { name in
                let quoted = Array(name.utf8) + [UInt8(ascii: "\"")]
                return quoted.withUnsafeBufferPointer { PackedKey.pack($0, from: 0).0 }
            }
            precondition(!codes.contains(.none), "field names are plain and at most 15 bytes")
            list = names.joined(separator: ", ")
        }
    }

    /// Reads an object whose fields are among `fields`, calling `body` with each while positioned at its value.
    /// As ``readObject(_:)``, with the same errors: an unknown field, a duplicate one, a missing `:` or `,`.
    mutating func readObject<Field>(_ fields: Fields<Field>, _ body: (inout JSONReader, Field) throws -> Void) throws {
        skipWhitespace()
        guard pos < bytes.count, bytes[pos] == UInt8(ascii: "{") else { throw expected("an object") }
        pos += 1
        skipWhitespace()
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "}") {
            pos += 1
            return
        }
        var seen: UInt64 = 0
        while true {
            skipWhitespace()
            let keyStart = pos
            guard pos < bytes.count, bytes[pos] == UInt8(ascii: "\"") else { throw expected("a field name in quotes") }
            let (code, end) = PackedKey.pack(bytes, from: pos + 1)
            let key: String
            let index: Int?
            if code != .none, let known = fields.codes.firstIndex(of: code) {
                (key, index) = (fields.names[known], known)
                pos = end + 1
            } else {
                key = try readKey().0  // escaped, long or unknown: its text decides
                index = fields.names.firstIndex(of: key)
            }
            if let index, seen & (1 << UInt64(index)) != 0 { throw error("duplicate field \"\(key)\"", at: keyStart) }
            skipWhitespace()
            guard pos < bytes.count, bytes[pos] == UInt8(ascii: ":") else {
                throw expected("':' after field name \"\(key)\"")
            }
            pos += 1
            path.append(.key(key))
            guard let index else { throw unknownField(key, expected: fields.list) }
            seen |= 1 << UInt64(index)
            try body(&self, fields.cases[index])
            path.removeLast()
            skipWhitespace()
            guard pos < bytes.count else { throw expected("',' or '}'") }
            if bytes[pos] == UInt8(ascii: ",") {
                pos += 1
                continue
            }
            if bytes[pos] == UInt8(ascii: "}") {
                pos += 1
                return
            }
            throw expected("',' or '}'")
        }
    }

    /// Reads a field name (positioned at its opening quote): a short plain one from ``keyCache``, any other
    /// by ``readString()``.
    mutating func readKey() throws -> (String, PackedKey) {
        let (code, i) = PackedKey.pack(bytes, from: pos + 1)
        guard code != .none else { return (try readString(), .none) }
        let low = code.low
        let high = code.high
        let n = Int(high >> 56)
        let slot = Int(truncatingIfNeeded: ((low ^ high) &* 0x9E37_79B9_7F4A_7C15) >> 58)
        pos = i + 1
        if keyCache[slot].code == code { return (keyCache[slot].key, code) }
        let key = String(decoding: bytes[(i - n)..<i], as: UTF8.self)
        keyCache[slot] = (code, key)
        return (key, code)
    }
}
