/// A measure's value as written, read: `13.3`, `68%`, `-0.4%`, `7/ 50.0%` (a count and its percentage),
/// `9/20` (a count out of a total), `15.6 weeks`, `20 days`, `31.2 weeks*` (a footnote mark).
///
/// The one reader of values: observations, targets and `actionplan record` use it, and the number it gives
/// is what trends, changes and the rating against a target are computed from.
public struct MeasureValue: Hashable, Sendable {
    /// The figure compared: the percentage of `7/ 50.0%`, the fraction of `9/20`, else the number.
    public var number: Double
    /// The count of `7/ 50.0%` or `9/20`, else nil.
    public var count: Int?
    /// The total of `9/20`, else nil.
    public var total: Int?
    /// The unit the text shows (`%`, `days`, `weeks`, `/` for a count out of a total), else `.number`.
    public var unit: MeasureUnit

    /// Reads `text`, or nil when it is not a value (`Performance Matters Page 6`, `↓`).
    public init?(_ text: String) {
        // Most values are short ASCII with single spaces: skip the general white-space rule for them.
        let simple = text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F } && !text.contains("  ")
        var s = Substring(simple ? text : Whitespace.collapse(text))
        while s.first == " " { s.removeFirst() }
        while s.last == "*" || s.last == " " { s.removeLast() }
        if let slash = s.firstIndex(of: "/") {
            guard let count = Int(MeasureValue.trimmed(s[..<slash])) else { return nil }
            let right = MeasureValue.trimmed(s[s.index(after: slash)...])
            guard let rest = MeasureValue(String(right)) else { return nil }
            if rest.unit == .percent {
                self.init(number: rest.number, count: count, total: nil, unit: .percent)
            } else {
                guard let total = Int(right), total > 0 else { return nil }
                self.init(number: Double(count) / Double(total), count: count, total: total, unit: .ratio)
            }
            return
        }
        var unit = MeasureUnit.number
        for (suffix, u) in MeasureValue.suffixes where MeasureValue.hasSuffix(s, suffix) {
            s = MeasureValue.trimmed(s.dropLast(suffix.count))
            unit = u
            break
        }
        var negative = false
        if s.first == "+" {
            s.removeFirst()
        } else if s.first == "-" || s.first == "\u{2212}" {
            s.removeFirst()
            negative = true
        }
        guard !s.isEmpty, s.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E }), let n = Double(s),
            n.isFinite
        else { return nil }
        self.init(number: negative ? -n : n, count: nil, total: nil, unit: unit)
    }

    private static let suffixes: [(String, MeasureUnit)] = [
        ("%", .percent), ("days", .days), ("day", .days), ("weeks", .weeks), ("week", .weeks),
    ]

    /// Whether `s` ends with `suffix` ignoring ASCII case.
    private static func hasSuffix(_ s: Substring, _ suffix: String) -> Bool {
        let a = Array(s.utf8.suffix(suffix.utf8.count))
        return a.count == suffix.utf8.count && zip(a, suffix.utf8).allSatisfy { $0 | 0x20 == $1 | 0x20 }
    }

    /// `s` without spaces at either end.
    private static func trimmed(_ s: Substring) -> Substring {
        var s = s
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return s
    }

    /// A value from its parts.
    public init(number: Double, count: Int?, total: Int?, unit: MeasureUnit) {
        self.number = number
        self.count = count
        self.total = total
        self.unit = unit
    }

    /// `13.3`, `68%`, `15.6 weeks`: `number` (at most two decimals) with the unit's sign.
    public static func format(_ number: Double, unit: MeasureUnit) -> String {
        let n = plain(unit == .ratio ? number * 100 : number)
        switch unit {
        case .number: return n
        case .percent, .ratio: return n + "%"
        case .days: return n + " days"
        case .weeks: return n + " weeks"
        }
    }

    /// `13.3`, `-5`, `0.45`: at most two decimals, no trailing zeros, no `-0`.
    public static func plain(_ number: Double) -> String {
        let hundredths = (number * 100).rounded()
        guard abs(hundredths) < 1e15 else { return String(number) }
        let h = Int(hundredths)
        if h == 0 { return "0" }
        let whole = String(abs(h) / 100)
        var cents = abs(h) % 100
        var out = (h < 0 ? "-" : "") + whole
        if cents != 0 {
            var digits = cents < 10 ? "0\(cents)" : String(cents)
            if cents % 10 == 0 {
                cents /= 10
                digits = String(cents)
            }
            out += "." + digits
        }
        return out
    }
}
