/// The written forms of one day or month beyond the basic rules, and the prefixes `By`, `End of` and `w/c`.
///
/// A two-digit year always means 20YY (`Jan-19` is January 2019). Numbers are
/// always day first (`31/03/19`, `31.03.2019`, `31-03-2019`), except that a
/// four-digit first number is a year (`2019.03.31`). Examples of every form are
/// in docs/file-format.md, § Deadline rules.
extension DeliveryDate {
    /// One day or month in a form the basic rules do not read (`Jan-19`, `Jan 19`, `January-2019`,
    /// `4 March 19`, `31-Mar-19`, `31/03/19`, `31.03.2019`, `31-03-2019`, `2019/03/31`), or nil.
    static func parseSingle(_ text: String) -> DeliveryDate? {
        let words = text.lowercased().split(separator: " ").map(String.init)
        // Month YY (and Month YYYY, already read by the basic rules)
        if words.count == 2, let m = monthNumber(words[0]), let y = anyYear(words[1]) {
            return .month(year: y, month: m)
        }
        // D Month YY
        if words.count == 3, let d = dayNumber(words[0]), let m = monthNumber(words[1]), let y = anyYear(words[2]) {
            return day(y, m, d, text: text, dayFirst: false)
        }
        guard words.count == 1 else { return nil }
        let w = words[0]
        // Month-YY, Month-YYYY, D-Month-YY, D-Month-YYYY
        let named = w.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        if named.count == 2, let m = monthNumber(named[0]), let y = anyYear(named[1]) {
            return .month(year: y, month: m)
        }
        if named.count == 3, let d = dayNumber(named[0]), let m = monthNumber(named[1]), let y = anyYear(named[2]) {
            return day(y, m, d, text: text, dayFirst: false)
        }
        return numericDay(w, text: text)
    }

    /// Three numbers joined by `/`, `.` or `-`: `D M YY`/`D M YYYY` (UK order), or `YYYY M D`.
    static func numericDay(_ w: String, text: String) -> DeliveryDate? {
        for separator in ["/", ".", "-"] as [Character] {
            let p = w.split(separator: separator, omittingEmptySubsequences: false)
            guard p.count == 3, p.allSatisfy({ allDigits($0) && $0.count <= 4 }) else { continue }
            let n = p.map { Int($0)! }
            if p[0].count == 4, (1...2).contains(p[1].count), (1...2).contains(p[2].count), n[0] >= 1000 {
                return day(n[0], n[1], n[2], text: text, dayFirst: false)
            }
            if (1...2).contains(p[0].count), (1...2).contains(p[1].count), let y = anyYear(String(p[2])) {
                return day(y, n[1], n[0], text: text, dayFirst: true)
            }
        }
        return nil
    }

    /// The day, or why it is not one (naming the day-first order when the text was numbers).
    static func day(_ y: Int, _ m: Int, _ d: Int, text: String, dayFirst: Bool) -> DeliveryDate {
        guard let day = CalendarDay(year: y, month: m, day: d) else {
            return .unrecognised(
                "\(text) is not a day of the calendar" + (dayFirst ? " (dates are day/month/year)" : ""))
        }
        return .day(day)
    }

    /// Words that begin a week (`w/c 4 March 2019`): the deadline is the week's last day, 6 days on.
    static let weekCommencing: [[String]] = [
        ["w/c"], ["wc"], ["w.c."], ["w/b"], ["week", "commencing"], ["week", "beginning"], ["week", "starting"],
    ]

    /// The reason given when `w/c` is not followed by a day.
    static let weekNeedsADay = "w/c needs the day the week starts, e.g. w/c 4 March 2019"

    /// `By …`, `End of …`, `By the end of …`, `End-March 2019` (the date that follows, whose deadline is
    /// already its end) and `w/c D` (the week's last day), or nil when `text` has no such prefix.
    static func parsePrefixed(_ text: String) -> DeliveryDate? {
        var words = text.split(separator: " ").map(String.init)
        let lower = words.map { $0.lowercased() }
        if let week = weekCommencing.first(where: { lower.starts(with: $0) }) {
            let rest = words.dropFirst(week.count).joined(separator: " ")
            switch interpret(rest, prefixes: false, ranges: false) {
            case .day(let d):
                let end = d.adding(days: 6)
                return end.year <= 9999 ? .day(end) : .unrecognised("\(text) ends after the year 9999")
            case .unrecognised(let why) where why != genericReason: return .unrecognised(why)
            default: return .unrecognised(weekNeedsADay)
            }
        }
        var i = 0
        let by = lower.first == "by"
        if by { i += 1 }
        let the = i < lower.count && lower[i] == "the"
        if the { i += 1 }
        var end = i < lower.count && lower[i] == "end"
        if end {
            i += 1
            if i < lower.count && lower[i] == "of" { i += 1 }
        } else if i < lower.count, lower[i].hasPrefix("end-"), lower[i].count > 4 {
            words[i] = String(words[i].dropFirst(4))
            end = true
        }
        guard by || end, !the || end, i < words.count else { return nil }
        let date = interpret(words[i...].joined(separator: " "), prefixes: false, ranges: true)
        switch date {
        case .day, .month, .quarter, .unrecognised: return date
        case .recurring, .notSet:
            return .unrecognised("expected a date after \"\(words[..<i].joined(separator: " "))\", e.g. By March 2019")
        }
    }
}
