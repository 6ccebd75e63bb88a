import Foundation

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
        var s = Whitespace.collapse(text).replacingOccurrences(of: "\u{2212}", with: "-")
        while s.hasSuffix("*") { s.removeLast() }
        s = s.trimmingCharacters(in: .whitespaces)
        if let slash = s.firstIndex(of: "/") {
            let left = s[..<slash].trimmingCharacters(in: .whitespaces)
            let right = s[s.index(after: slash)...].trimmingCharacters(in: .whitespaces)
            guard let count = Int(left), let rest = MeasureValue(right) else { return nil }
            if rest.unit == .percent {
                self = MeasureValue(number: rest.number, count: count, total: nil, unit: .percent)
            } else {
                guard let total = Int(right), total > 0 else { return nil }
                self = MeasureValue(number: Double(count) / Double(total), count: count, total: total, unit: .ratio)
            }
            return
        }
        var unit = MeasureUnit.number
        for (suffix, u) in [("%", MeasureUnit.percent), ("days", .days), ("day", .days), ("weeks", .weeks)]
        where s.lowercased().hasSuffix(suffix) {
            s = String(s.dropLast(suffix.count)).trimmingCharacters(in: .whitespaces)
            unit = u
            break
        }
        if s.hasPrefix("+") { s.removeFirst() }
        guard !s.isEmpty, s.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }),
            let n = Double(s), n.isFinite
        else { return nil }
        self.init(number: n, count: nil, total: nil, unit: unit)
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
        let rounded = (number * 100).rounded() / 100
        if rounded == 0 { return "0" }
        if rounded == rounded.rounded() && abs(rounded) < 1e15 { return String(Int(rounded)) }
        var s = String(format: "%.2f", rounded)
        while s.hasSuffix("0") { s.removeLast() }
        return s
    }
}
