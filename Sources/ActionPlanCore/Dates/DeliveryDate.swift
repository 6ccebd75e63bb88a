/// What a plan's "Date of Delivery" cell means, parsed by the deadline rules.
///
/// The text as written is always kept beside this value (a council writes
/// `Sept 2018`, `Jan-19`, `September / October 2018`, `Quarterly` or `TBC`);
/// this is only its interpretation, and the deadline is always the END of what
/// is named. The rules are exact because reports and tests depend on them; each
/// is listed with an example in docs/file-format.md, § Deadline rules:
/// - `parseBasic` (this file): the rules of the first release, unchanged —
///   `Month YYYY`, `D Month YYYY`, `D/M/YYYY`, `YYYY-MM-DD`, `Qn YYYY/YY`, the
///   recurring words and the not-set words;
/// - `parseSingle` (`DeliveryDate+Forms.swift`): two-digit years, `.` and `-`
///   between numbers, `31-Mar-19`;
/// - `parsePrefixed`: `By …`, `End of …`, `w/c …`;
/// - `parseRange` (`DeliveryDate+Ranges.swift`): `January to March 2019` and the like;
/// - `refusal` (`DeliveryDate+Refusals.swift`): why anything else has no deadline.
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
        if let quick = monthYearFastPath(raw) ?? numericDayFastPath(raw) { return quick }
        let text = isNormalASCII(raw) ? raw : normalise(raw)
        return interpret(text, prefixes: true, ranges: true)
    }

    /// Whether the rules give `raw` a deadline that the first release's did not (`Jan-19`): a file that an
    /// older build wrote holds `null` as its deadline, which is accepted on reading (docs/file-format.md).
    static func isNewlyRead(_ raw: String) -> Bool {
        parse(raw).isDated && parseBasic(normalise(raw))?.isDated != true
    }

    /// `text` (normalised) by the basic rules, then the other written forms, optionally
    /// `By …`/`w/c …` prefixes and ranges, else the most specific refusal.
    static func interpret(_ text: String, prefixes: Bool, ranges: Bool) -> DeliveryDate {
        if let d = parseBasic(text) ?? parseSingle(text) { return d }
        if prefixes, let d = parsePrefixed(text) { return d }
        if ranges, let d = parseRange(text) { return d }
        return refusal(text)
    }

    /// Words meaning "no date yet" (lower case).
    static let notSetWords: Set<String> = ["", "tbc", "tba", "tbd", "-", "n/a"]

    /// Words meaning continuous or recurring work (lower case); the first release knew the first seven.
    static let recurringWords: Set<String> = [
        "ongoing", "quarterly", "monthly", "annually", "weekly", "bi-monthly", "biannually",
        "fortnightly", "termly", "six-monthly", "half-yearly", "bi-annually", "yearly", "daily", "continuous",
    ]

    /// The rules of the first release, exactly as they were (the sample plan's deadlines depend on
    /// them), except that `Q2 2019` now says why it is refused and more words are recurring; nil where
    /// they found nothing to say, so that the later rules may try.
    static func parseBasic(_ text: String) -> DeliveryDate? {
        let lower = text.lowercased()
        if notSetWords.contains(lower) { return .notSet }
        if recurringWords.contains(lower) { return .recurring(text.prefix(1).uppercased() + lower.dropFirst()) }
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
            return financialQuarter(q, words[1], text: text)
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
        return nil
    }

    /// Quarter `q` of the financial year written `fy` (`2019/20`, `2019/2020`), or why not:
    /// a bare year (`Q2 2019`) is refused as ambiguous between a calendar and a financial quarter.
    static func financialQuarter(_ q: Int, _ fy: String, text: String) -> DeliveryDate {
        let parts = fy.split(separator: "/").map(String.init)
        if parts.count == 1, let y = year(parts[0]) {
            return .unrecognised(
                "\(text) is ambiguous: write Q\(q) \(y)/\(twoDigits((y + 1) % 100)) for the financial year or a month")
        }
        guard parts.count == 2, let y = year(parts[0]) else {
            return .unrecognised("expected a financial year like 2019/20 after Q\(q)")
        }
        let second = Int(parts[1]) ?? -1
        guard second == (y + 1) % 100 && parts[1].count == 2 || second == y + 1 else {
            return .unrecognised("\(fy) is not a financial year (expected \(y)/\(String((y + 1) % 100)))")
        }
        return .quarter(q, startYear: y)
    }
}
