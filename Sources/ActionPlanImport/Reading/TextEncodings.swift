import ActionPlanCore

/// Recognising and decoding UTF-16 text: Excel's "Unicode Text" and files saved as "Unicode" by Windows programs.
enum UTF16Guess {
    /// The byte order of UTF-16 text.
    enum Order {
        /// Little-endian: the low byte first (what Windows writes).
        case little
        /// Big-endian: the high byte first.
        case big

        /// "UTF-16 LE" or "UTF-16 BE".
        var name: String { self == .little ? "UTF-16 LE" : "UTF-16 BE" }
    }

    /// The order a UTF-16 byte-order mark at the start of `bytes` gives, or nil when there is none.
    static func byteOrderMark(_ bytes: [UInt8]) -> Order? {
        if bytes.starts(with: [0xFF, 0xFE]) { return .little }
        if bytes.starts(with: [0xFE, 0xFF]) { return .big }
        return nil
    }

    /// The order of UTF-16 text without a byte-order mark, told by its zero bytes, or nil when `bytes` do
    /// not look like UTF-16.
    ///
    /// Mostly-Latin text in UTF-16 has a zero high byte in most code units: at odd offsets (LE) or even
    /// ones (BE). Over the first 4 KB, at least half the code units must have a zero byte on one side,
    /// at most one in eight on the other, and none may be zero on both (U+0000 is not text).
    static func byPattern(_ bytes: [UInt8]) -> Order? {
        guard bytes.count >= 4, bytes.count % 2 == 0 else { return nil }
        let units = min(bytes.count, 4096) / 2
        var zeroHigh = (le: 0, be: 0)
        for u in 0..<units {
            let (a, b) = (bytes[2 * u], bytes[2 * u + 1])
            if a == 0 && b == 0 { return nil }
            if b == 0 { zeroHigh.le += 1 }
            if a == 0 { zeroHigh.be += 1 }
        }
        if zeroHigh.le * 2 >= units && zeroHigh.be * 8 <= units { return .little }
        if zeroHigh.be * 2 >= units && zeroHigh.le * 8 <= units { return .big }
        return nil
    }

    /// `bytes` (after any byte-order mark) decoded as UTF-16 in `order`; an odd byte at the end or a lone
    /// surrogate is an error naming its line.
    static func decode(_ bytes: ArraySlice<UInt8>, _ order: Order, file: String) throws -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var i = bytes.startIndex
        while i + 1 < bytes.endIndex {
            let (a, b) = (UInt16(bytes[i]), UInt16(bytes[i + 1]))
            units.append(order == .little ? a | b << 8 : a << 8 | b)
            i += 2
        }
        var text = String.UnicodeScalarView()
        var parser = Unicode.UTF16.ForwardParser()
        var iterator = units.makeIterator()
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): text.append(Unicode.UTF16.decode(encoded))
            case .emptyInput:
                if bytes.count % 2 != 0 {
                    throw invalid(String(text), file: file, order, "it ends in the middle of a character")
                }
                return String(text)
            case .error: throw invalid(String(text), file: file, order, "a character is broken (a lone surrogate)")
            }
        }
    }

    /// The error for UTF-16 that does not decode, after `decoded` decoded.
    private static func invalid(_ decoded: String, file: String, _ order: Order, _ why: String) -> PlanError {
        PlanError(
            .invalidSource,
            file: file, line: SourceText(text: decoded + "x").lines.count,
            message: "is not valid \(order.name) text: \(why); save it again as UTF-8 or as Unicode Text")
    }
}

/// Windows-1252 ("ANSI" on English Windows): what a text file is when it is not valid UTF-8.
///
/// Every byte is a character: 0x00–0x7F are ASCII, 0xA0–0xFF are Latin-1, and
/// 0x80–0x9F hold the typographic characters (€ ’ “ ” – — …) that make up most of
/// the difference. The five bytes Windows leaves undefined (0x81, 0x8D, 0x8F,
/// 0x90, 0x9D) become the C1 control characters of the same number, as Windows
/// itself decodes them, so no byte is lost.
enum Windows1252 {
    /// The characters of bytes 0x80–0x9F.
    static let high: [Unicode.Scalar] = [
        "\u{20AC}", "\u{0081}", "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
        "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", "\u{008D}", "\u{017D}", "\u{008F}",
        "\u{0090}", "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
        "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", "\u{009D}", "\u{017E}", "\u{0178}",
    ]

    /// The character of byte `b`.
    static func scalar(_ b: UInt8) -> Unicode.Scalar {
        (0x80...0x9F).contains(b) ? high[Int(b) - 0x80] : Unicode.Scalar(b)
    }

    /// `bytes` decoded as Windows-1252.
    static func decode(_ bytes: [UInt8]) -> String {
        var text = String.UnicodeScalarView()
        for b in bytes { text.append(scalar(b)) }
        return String(text)
    }
}
