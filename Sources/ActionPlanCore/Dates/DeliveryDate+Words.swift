/// The words of delivery dates: white space, month names, days and years, shared by every deadline rule.
extension DeliveryDate {
    /// `Month YYYY` with a full English month name, the commonest form, parsed without allocating.
    static func monthYearFastPath(_ s: String) -> DeliveryDate? {
        var u = s.utf8.makeIterator()
        var word: UInt64 = 0
        var letters = 0
        var year = 0
        var digits = 0
        var sawSpace = false
        while let b = u.next() {
            if !sawSpace {
                if b == 0x20 {
                    sawSpace = true
                    continue
                }
                guard letters < 9, (b | 0x20) >= 0x61, (b | 0x20) <= 0x7A else { return nil }
                word = word << 8 | UInt64(b | 0x20)
                letters += 1
            } else {
                guard b >= 0x30, b <= 0x39, digits < 4 else { return nil }
                year = year * 10 + Int(b - 0x30)
                digits += 1
            }
        }
        guard sawSpace, digits == 4, year >= 1000, let month = monthKeys[word] else { return nil }
        return .month(year: year, month: month)
    }

    /// `D/M/YYYY` and `YYYY-MM-DD` naming a real day, read without allocating (as `parseBasic` reads them);
    /// nil for anything else, which the full rules then read.
    static func numericDayFastPath(_ s: String) -> DeliveryDate? {
        var parts = (0, 0, 0)
        var lengths = (0, 0, 0)
        var part = 0
        var separator: UInt8 = 0
        var digits = 0  // in the current part
        for b in s.utf8 {
            if b >= 0x30 && b <= 0x39 {
                guard digits < 4 else { return nil }
                digits += 1
                let v = Int(b &- 0x30)
                switch part {
                case 0: (parts.0, lengths.0) = (parts.0 * 10 + v, lengths.0 + 1)
                case 1: (parts.1, lengths.1) = (parts.1 * 10 + v, lengths.1 + 1)
                default: (parts.2, lengths.2) = (parts.2 * 10 + v, lengths.2 + 1)
                }
            } else if (b == UInt8(ascii: "/") || b == UInt8(ascii: "-")) && part < 2
                && (separator == 0 || separator == b)
            {
                separator = b
                part += 1
                digits = 0
            } else {
                return nil
            }
        }
        guard part == 2 else { return nil }
        if separator == UInt8(ascii: "/"), (1...2).contains(lengths.0), (1...2).contains(lengths.1), lengths.2 == 4,
            let day = CalendarDay(year: parts.2, month: parts.1, day: parts.0)
        {
            return .day(day)
        }
        if separator == UInt8(ascii: "-"), lengths.0 == 4, lengths.1 == 2, lengths.2 == 2,
            let day = CalendarDay(year: parts.0, month: parts.1, day: parts.2)
        {
            return .day(day)
        }
        return nil
    }

    /// Full month names packed into integers (as the fast path reads them), to their numbers.
    private static let monthKeys: [UInt64: Int] = {
        var keys: [UInt64: Int] = [:]
        for (i, name) in CalendarDay.monthNames.enumerated() {
            keys[name.lowercased().utf8.reduce(0) { $0 << 8 | UInt64($1) }] = i + 1
        }
        return keys
    }()

    /// Whether `s` is printable ASCII with single inner spaces only (the usual case; no normalising needed).
    static func isNormalASCII(_ s: String) -> Bool {
        var previousSpace = true
        for b in s.utf8 {
            if b == 0x20 {
                if previousSpace { return false }
                previousSpace = true
            } else if b < 0x21 || b > 0x7E {
                return false
            } else {
                previousSpace = false
            }
        }
        return !previousSpace || s.isEmpty
    }

    /// A date as written, in the form it is parsed and stored: white space collapsed and trimmed
    /// (`Whitespace.collapse`).
    public static func normalise(_ s: String) -> String { Whitespace.collapse(s) }

    /// The month a (lower-case) word names: a full name, its first three letters or `sept`, with an
    /// optional full stop; or nil.
    static func monthNumber(_ w: String) -> Int? {
        let w = w.hasSuffix(".") ? String(w.dropLast()) : w
        if w == "sept" { return 9 }
        for (i, name) in CalendarDay.monthNames.enumerated() {
            let n = name.lowercased()
            if w == n || w == String(n.prefix(3)) { return i + 1 }
        }
        return nil
    }

    /// A four-digit year (at least 1000), or nil.
    static func year(_ w: String) -> Int? {
        guard w.count == 4, let y = Int(w), y >= 1000 else { return nil }
        return y
    }

    /// A day of the month, one or two digits with an optional `st`/`nd`/`rd`/`th`, or nil.
    static func dayNumber(_ w: String) -> Int? {
        var w = Substring(w)
        for suffix in ["st", "nd", "rd", "th"] where w.hasSuffix(suffix) {
            w = w.dropLast(2)
            break
        }
        guard (1...2).contains(w.count), let d = Int(w) else { return nil }
        return d
    }

    /// A year written with two digits (`19`) as 20YY, or with four (`2019`, at least 1000).
    static func anyYear(_ w: String) -> Int? {
        if w.count == 2, allDigits(w), let yy = Int(w) { return 2000 + yy }
        return allDigits(w) ? year(w) : nil
    }

    /// Whether `w` is one or more ASCII digits (no sign, unlike `Int(_:)`).
    static func allDigits<S: StringProtocol>(_ w: S) -> Bool {
        !w.isEmpty && w.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// `n` with at least two digits (`20`, `00`).
    static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
