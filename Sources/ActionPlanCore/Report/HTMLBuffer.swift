/// A growing UTF-8 buffer for HTML: raw markup, and text escaped for element content and attributes.
struct HTMLBuffer {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    /// Appends markup as is (only for text this code wrote, never plan text).
    mutating func raw(_ s: String) { bytes.append(contentsOf: s.utf8) }

    /// Appends `s` escaped: `& < > " '` as entities, control characters made visible first.
    mutating func text(_ s: String) {
        let clean = ReportText.clean(s)
        for b in clean.utf8 {
            switch b {
            case UInt8(ascii: "&"): bytes.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])  // &amp;
            case UInt8(ascii: "<"): bytes.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])  // &lt;
            case UInt8(ascii: ">"): bytes.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])  // &gt;
            case UInt8(ascii: "\""): bytes.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B])  // &quot;
            case UInt8(ascii: "'"): bytes.append(contentsOf: [0x26, 0x23, 0x33, 0x39, 0x3B])  // &#39;
            default: bytes.append(b)
            }
        }
    }
}
