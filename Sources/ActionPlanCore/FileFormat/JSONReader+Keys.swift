/// Reading field names: the same few dozen keys make up a plan file, so a short plain key is packed into two
/// words and found in the reader's cache rather than made into a `String` again, and duplicate keys are told
/// apart by their packed words.
extension JSONReader {
    /// Up to 15 plain ASCII bytes of a key and their count packed into two words; ``none`` for any other key.
    struct PackedKey: Equatable {
        var low: UInt64
        var high: UInt64
        /// No key packs to this: its count byte is 255.
        static let none = PackedKey(low: 0, high: UInt64.max)
    }

    /// Reads a field name (positioned at its opening quote): a short plain one from ``keyCache``, any other
    /// by ``readString()``.
    mutating func readKey() throws -> (String, PackedKey) {
        var low: UInt64 = 0
        var high: UInt64 = 0
        var n = 0
        var i = pos + 1
        while i < bytes.count, n < 16 {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") { break }
            if b == UInt8(ascii: "\\") || b < 0x20 || b >= 0x80 { n = 16 }
            if n < 8 { low |= UInt64(b) << (8 * UInt64(n)) } else if n < 15 { high |= UInt64(b) << (8 * UInt64(n - 8)) }
            n += 1
            i += 1
        }
        guard n < 16, i < bytes.count else { return (try readString(), .none) }
        let code = PackedKey(low: low, high: high | UInt64(n) << 56)
        let slot = Int(truncatingIfNeeded: ((low ^ high) &* 0x9E37_79B9_7F4A_7C15) >> 58)
        pos = i + 1
        if keyCache[slot].code == code { return (keyCache[slot].key, code) }
        let key = String(decoding: bytes[(i - n)..<i], as: UTF8.self)
        keyCache[slot] = (code, key)
        return (key, code)
    }
}
