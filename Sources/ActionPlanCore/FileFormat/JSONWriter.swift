/// Writes pretty-printed JSON with a fixed key order, two-space indentation and a trailing newline.
///
/// Deterministic output is the point: the same plan always gives the same bytes,
/// so a plan kept in git diffs line by line. Keys are written in the order the
/// caller writes them (the schema's order, documented in docs/file-format.md).
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    private var depth = 0
    private var first: [Bool] = []

    init(capacity: Int = 1 << 16) { bytes.reserveCapacity(capacity) }

    /// A writer for one value nested `depth` levels deep in a document (an action is 6 deep in a plan file).
    init(capacity: Int, depth: Int) {
        self.init(capacity: capacity)
        self.depth = depth
    }

    /// Writes already-encoded JSON bytes as they are (a value the caller knows is written exactly so).
    mutating func raw(bytes value: ArraySlice<UInt8>) { bytes.append(contentsOf: value) }

    private mutating func newlineIndent() {
        bytes.append(0x0A)
        bytes.append(contentsOf: repeatElement(0x20, count: 2 * depth))
    }

    private mutating func separator() {
        guard !first.isEmpty else { return }
        if first[first.count - 1] {
            first[first.count - 1] = false
        } else {
            bytes.append(UInt8(ascii: ","))
        }
        newlineIndent()
    }

    /// Writes an object whose fields `body` writes.
    mutating func object(_ body: (inout JSONWriter) -> Void) {
        bytes.append(UInt8(ascii: "{"))
        depth += 1
        first.append(true)
        body(&self)
        let empty = first.removeLast()
        depth -= 1
        if !empty { newlineIndent() }
        bytes.append(UInt8(ascii: "}"))
    }

    /// Writes an array, one element a line, each written by `body`.
    mutating func array<S: Sequence>(_ items: S, _ body: (inout JSONWriter, S.Element) -> Void) {
        bytes.append(UInt8(ascii: "["))
        depth += 1
        first.append(true)
        for item in items {
            separator()
            body(&self, item)
        }
        let empty = first.removeLast()
        depth -= 1
        if !empty { newlineIndent() }
        bytes.append(UInt8(ascii: "]"))
    }

    /// Writes an array of strings on one line (`["BJ", "TMcE"]`).
    mutating func inlineStrings(_ items: [String]) {
        bytes.append(UInt8(ascii: "["))
        for (i, s) in items.enumerated() {
            if i > 0 {
                bytes.append(UInt8(ascii: ","))
                bytes.append(0x20)
            }
            string(s)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// Starts a field of the current object; the caller then writes its value.
    mutating func key(_ name: StaticString) {
        separator()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        bytes.append(0x20)
    }

    /// Starts a field whose name is only known at run time (escaped like any string).
    mutating func key(named name: String) {
        separator()
        string(name)
        bytes.append(contentsOf: [UInt8(ascii: ":"), 0x20])
    }

    /// A string field.
    mutating func field(_ name: StaticString, _ value: String) {
        key(name)
        string(value)
    }

    /// An optional string field (null when nil).
    mutating func field(_ name: StaticString, _ value: String?) {
        key(name)
        if let value { string(value) } else { null() }
    }

    /// A whole-number field.
    mutating func field(_ name: StaticString, _ value: Int) {
        key(name)
        bytes.append(contentsOf: Array(String(value).utf8))
    }

    /// Writes already-encoded JSON such as a number.
    mutating func raw(_ text: String) { bytes.append(contentsOf: Array(text.utf8)) }

    /// An optional whole-number field (null when nil).
    mutating func field(_ name: StaticString, _ value: Int?) {
        key(name)
        if let value { raw(String(value)) } else { null() }
    }

    /// A true/false field.
    mutating func field(_ name: StaticString, _ value: Bool) {
        key(name)
        raw(value ? "true" : "false")
    }

    /// Writes `null`.
    mutating func null() {
        for b in [UInt8(ascii: "n"), UInt8(ascii: "u"), UInt8(ascii: "l"), UInt8(ascii: "l")] { bytes.append(b) }
    }

    /// Writes a string with JSON escapes: `"`, `\` and line breaks as usual, and every character that could
    /// drive a terminal or reorder text on screen — C0 controls, DEL, C1 controls (U+0080–U+009F), bidi
    /// overrides and isolates (`TerminalSafe.isControl`) — as `\uXXXX`, so printing the JSON on a terminal
    /// is safe and a JSON reader still gets the text exactly. Other text is written as UTF-8.
    mutating func string(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { u in
            // Plain bytes are copied in runs; only the bytes below decide anything.
            var run = 0
            var i = 0
            while i < u.count {
                let b = u[i]
                if b >= 0x20 && b != 0x22 && b != 0x5C && b != 0x7F && b != 0xC2 && b != 0xE2 {
                    i += 1
                    continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: u[run..<i]))
                var length = 1
                switch b {
                case UInt8(ascii: "\""): escape(0x22)
                case UInt8(ascii: "\\"): escape(0x5C)
                case 0x0A: escape(UInt8(ascii: "n"))
                case 0x0D: escape(UInt8(ascii: "r"))
                case 0x09: escape(UInt8(ascii: "t"))
                case 0xC2, 0xE2:
                    // The lead bytes of C1 controls (C2 80–9F) and of bidi overrides and isolates (E2 80 AA–AE,
                    // E2 81 A6–A9); Swift strings are valid UTF-8, so the whole sequence is there.
                    length = b == 0xC2 ? 2 : 3
                    var value = UInt32(b & (b == 0xC2 ? 0x1F : 0x0F))
                    for k in 1..<length { value = value << 6 | UInt32(u[i + k] & 0x3F) }
                    if let scalar = Unicode.Scalar(value), TerminalSafe.isControl(scalar) {
                        unicodeEscape(value)
                    } else {
                        length = 1
                        bytes.append(b)
                    }
                default: unicodeEscape(UInt32(b))  // the other C0 controls and DEL
                }
                i += length
                run = i
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: u[run..<u.count]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Writes a backslash and `b`.
    private mutating func escape(_ b: UInt8) {
        bytes.append(0x5C)
        bytes.append(b)
    }

    /// Writes `\u` and `value` (at most U+FFFF) as four lowercase hex digits, e.g. `\u001b`.
    private mutating func unicodeEscape(_ value: UInt32) {
        bytes.append(contentsOf: [0x5C, UInt8(ascii: "u")])
        for shift: UInt32 in [12, 8, 4, 0] { bytes.append(JSONWriter.hexDigits[Int((value >> shift) & 0xF)]) }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Ends the document with a newline.
    mutating func finish() { bytes.append(0x0A) }
}
