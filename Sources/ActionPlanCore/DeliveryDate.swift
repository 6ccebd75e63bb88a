/// What a plan's "Date of Delivery" cell means, parsed by the deadline rules.
///
/// The text as written is always kept beside this value (a council writes
/// `Sept 2018`, `Quarterly` or `TBC`); this is only its interpretation. The rules
/// are exact because reports and tests depend on them:
/// - a month (`March 2019`, `Mar 2019`, `Sept 2018`, any case) → its last day;
/// - a day (`31/03/2019`, `1/3/2019` day-first, `2019-03-31`, `31 March 2019`);
/// - a UK financial-year quarter (`Q1 2019/20` = April–June 2019 … `Q4` = Jan–Mar 2020) → its last day;
/// - `Ongoing`, `Quarterly`, `Monthly`, `Annually` → recurring: no deadline, never overdue;
/// - empty, `TBC`, `TBA` → not set yet;
/// - anything else → unrecognised, with the reason.
public enum DeliveryDate: Hashable, Sendable {
    /// An exact day.
    case day(CalendarDay)
    /// A whole month; the deadline is its last day.
    case month(year: Int, month: Int)
    /// A UK financial-year quarter (1–4) of the year starting in April of `startYear`.
    case quarter(Int, startYear: Int)
    /// Continuous or recurring work (`Ongoing`, `Quarterly` …): no single deadline.
    case recurring(String)
    /// No date yet (empty, `TBC`, `TBA`).
    case notSet
    /// Text the rules do not recognise, with why.
    case unrecognised(String)

    /// The deadline: the last day the action may be delivered on, or nil.
    public var deadline: CalendarDay? {
        switch self {
        case .day(let d): return d
        case .month(let y, let m): return CalendarDay.lastDay(ofMonth: m, year: y)
        case .quarter(let q, let y):
            switch q {
            case 1: return CalendarDay(year: y, month: 6, day: 30)
            case 2: return CalendarDay(year: y, month: 9, day: 30)
            case 3: return CalendarDay(year: y, month: 12, day: 31)
            default: return CalendarDay(year: y + 1, month: 3, day: 31)
            }
        case .recurring, .notSet, .unrecognised: return nil
        }
    }

    /// Whether this is a date the rules understood (a day, month or quarter).
    public var isDated: Bool { deadline != nil }

    /// Parses `text` by the deadline rules. Never fails: see the cases.
    public static func parse(_ raw: String) -> DeliveryDate {
        if let quick = monthYearFastPath(raw) { return quick }
        let text = isNormalASCII(raw) ? raw : normalise(raw)
        let lower = text.lowercased()
        switch lower {
        case "", "tbc", "tba", "tbd", "-", "n/a": return .notSet
        case "ongoing", "quarterly", "monthly", "annually", "weekly", "bi-monthly", "biannually":
            return .recurring(text.prefix(1).uppercased() + lower.dropFirst())
        default: break
        }
        let words = lower.split(separator: " ").map(String.init)
        // Month YYYY
        if words.count == 2, let m = monthNumber(words[0]), let y = year(words[1]) {
            return .month(year: y, month: m)
        }
        // D Month YYYY (with optional st/nd/rd/th)
        if words.count == 3, let d = dayNumber(words[0]), let m = monthNumber(words[1]), let y = year(words[2]) {
            guard let day = CalendarDay(year: y, month: m, day: d) else {
                return .unrecognised("\(text) is not a day of the calendar")
            }
            return .day(day)
        }
        // Qn YYYY/YY
        if words.count == 2, words[0].count == 2, words[0].hasPrefix("q"),
            let q = Int(words[0].dropFirst()), (1...4).contains(q)
        {
            let parts = words[1].split(separator: "/").map(String.init)
            guard parts.count == 2, let y = year(parts[0]) else {
                return .unrecognised("expected a financial year like 2019/20 after Q\(q)")
            }
            let second = Int(parts[1]) ?? -1
            guard second == (y + 1) % 100 && parts[1].count == 2 || second == y + 1 else {
                return .unrecognised("\(words[1]) is not a financial year (expected \(y)/\(String((y + 1) % 100)))")
            }
            return .quarter(q, startYear: y)
        }
        if words.count == 1 {
            let w = words[0]
            // YYYY-MM-DD
            if w.count == 10, w.utf8.filter({ $0 == UInt8(ascii: "-") }).count == 2 {
                let p = w.split(separator: "-").map(String.init)
                if p.count == 3, p[0].count == 4, let y = Int(p[0]), let m = Int(p[1]), let d = Int(p[2]) {
                    guard let day = CalendarDay(year: y, month: m, day: d) else {
                        return .unrecognised("\(text) is not a day of the calendar")
                    }
                    return .day(day)
                }
            }
            // D/M/YYYY (UK, day first)
            let p = w.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            if p.count == 3, (1...2).contains(p[0].count), (1...2).contains(p[1].count), p[2].count == 4,
                let d = Int(p[0]), let m = Int(p[1]), let y = Int(p[2])
            {
                guard let day = CalendarDay(year: y, month: m, day: d) else {
                    return .unrecognised("\(text) is not a day of the calendar (dates are day/month/year)")
                }
                return .day(day)
            }
        }
        return .unrecognised(
            "expected a month (March 2019), a day (31/03/2019, 2019-03-31, 31 March 2019), "
                + "a quarter (Q1 2019/20), Ongoing/Quarterly/Monthly/Annually, or TBC")
    }

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

    /// Collapses white space (including no-break spaces) and trims.
    public static func normalise(_ s: String) -> String {
        var out = ""
        var pendingSpace = false
        for ch in s {
            if ch.isWhitespace || ch == "\u{A0}" || ch == "\u{FEFF}" {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(ch)
            }
        }
        return out
    }

    static func monthNumber(_ w: String) -> Int? {
        let w = w.hasSuffix(".") ? String(w.dropLast()) : w
        if w == "sept" { return 9 }
        for (i, name) in CalendarDay.monthNames.enumerated() {
            let n = name.lowercased()
            if w == n || w == String(n.prefix(3)) { return i + 1 }
        }
        return nil
    }

    static func year(_ w: String) -> Int? {
        guard w.count == 4, let y = Int(w), y >= 1000 else { return nil }
        return y
    }

    static func dayNumber(_ w: String) -> Int? {
        var w = Substring(w)
        for suffix in ["st", "nd", "rd", "th"] where w.hasSuffix(suffix) {
            w = w.dropLast(2)
            break
        }
        guard (1...2).contains(w.count), let d = Int(w) else { return nil }
        return d
    }
}
