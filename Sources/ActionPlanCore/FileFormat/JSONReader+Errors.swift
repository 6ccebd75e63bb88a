/// The reader's errors: each names the line, the column and the JSON path of the problem, and what was found.
extension JSONReader {
    /// The JSON path of the current position, e.g. `$.themes[0].title`.
    var pathString: String {
        var s = "$"
        for c in path {
            switch c {
            case .key(let k): s += "." + k
            case .index(let i): s += "[\(i)]"
            }
        }
        return s
    }

    /// An error at byte offset `at` (default: the current position).
    func error(_ message: String, at offset: Int? = nil) -> PlanError {
        let end = min(offset ?? pos, bytes.count)
        var line = 1
        var col = 1
        var i = 0
        while i < end {
            let b = bytes[i]
            if b == 0x0A {
                line += 1
                col = 1
            } else if b & 0xC0 != 0x80 {
                col += 1
            }
            i += 1
        }
        return PlanError(.invalidPlan, file: file, line: line, column: col, path: pathString, message: message)
    }

    func describeNext() -> String {
        guard pos < bytes.count else { return "the end of the file" }
        switch bytes[pos] {
        case UInt8(ascii: "\""): return "a string"
        case UInt8(ascii: "{"): return "an object"
        case UInt8(ascii: "["): return "an array"
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return "a true/false value"
        case UInt8(ascii: "n"): return "null"
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return "a number"
        case let b where b < 0x20 || b >= 0x80: return "byte 0x" + String(b, radix: 16, uppercase: true)
        case let b: return "'\(Character(Unicode.Scalar(b)))'"
        }
    }

    /// An unknown field `key` at the current position (its path ends with it), listing the `expected` ones.
    func unknownField(_ key: String, expected: String) -> PlanError {
        error("unknown field \"\(key)\" (expected one of: \(expected))")
    }

    func expected(_ what: String) -> PlanError {
        error("expected \(what), found \(describeNext())")
    }
}
