/// The bytes of a list being printed (``ActionListing``'s table and TSV), with the one shortcut that makes
/// a list of 40,000 overdue actions print in milliseconds: a cell of printable ASCII — nearly every ID, lead,
/// date and action text — is copied, cut or padded by counting bytes; any other cell goes through
/// `TerminalSafe` and `DisplayWidth` as always, so both give the same text.
struct ListingBytes {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    /// The text written.
    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// Appends `text` as it is (text of the list's own making, not of the plan).
    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// The columns `text` takes once made safe for a terminal.
    static func width(of text: String) -> Int {
        DisplayWidth.printableASCIICount(text) ?? DisplayWidth.of(TerminalSafe.escape(text))
    }

    /// Appends plan text `text` made safe for a terminal, cut to `width` columns (ending in `…` when cut) and,
    /// when `pad`, padded with spaces to exactly `width`.
    mutating func cell(_ text: String, width: Int, pad: Bool = true) {
        guard width > 0, let n = DisplayWidth.printableASCIICount(text) else {
            let safe = TerminalSafe.escape(text)
            append(pad ? DisplayWidth.pad(safe, to: width) : DisplayWidth.truncate(safe, to: width))
            return
        }
        var text = text
        text.withUTF8 { u in
            if n <= width {
                bytes.append(contentsOf: u)
                if pad { bytes.append(contentsOf: repeatElement(0x20, count: width - n)) }
            } else {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: u[0..<(width - 1)]))
                bytes.append(contentsOf: [0xE2, 0x80, 0xA6])  // …
            }
        }
    }

    /// Appends plan text `text` as a TSV cell (``ActionListing/tsvCell(_:)``).
    mutating func tsvCell(_ text: String) {
        if DisplayWidth.printableASCIICount(text) != nil {
            var text = text
            text.withUTF8 { bytes.append(contentsOf: $0) }
        } else {
            append(ActionListing.tsvCell(text))
        }
    }
}
