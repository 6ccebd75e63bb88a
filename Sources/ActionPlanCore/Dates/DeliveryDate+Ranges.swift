import Foundation

/// Ranges of months or days (`September / October 2018`, `Jan - Mar 2019`, `Dec 2018 - Feb 2019`,
/// `4-8 March 2019`): the deadline is the end of the range.
///
/// A range is START, a separator, END. END is one month or day in any form with
/// its year; START is one too, or the same without its year (`January to March
/// 2019`: January of END's year, or of the year before when its month comes
/// after END's: `Nov - Feb 2019` starts in November 2018), or a bare day number
/// when END is a day (`4-8 March 2019`). A range that ends before it starts is
/// refused. The value is END's, so a range of months reads as its last month.
extension DeliveryDate {
    /// Separators written as words of their own: `-`, `–`, `—`, `/`, `to`.
    static let rangeWords: Set<String> = ["-", "–", "—", "/", "to"]

    /// Separators that may also be written inside a word (`Sept-Oct`, `September/October`, `Jan–Mar`).
    static let rangeCharacters: Set<Character> = ["-", "–", "—", "/"]

    /// The longest text read as a range, in bytes: every cut is tried, so a long text would take a time
    /// that grows with the square of its length, and no date is this long.
    static let longestRange = 80

    /// The range `text` writes, or nil; a range whose END is refused for a reason of its own gives that
    /// reason when its START is a date (`January to March` → March has no year).
    static func parseRange(_ text: String) -> DeliveryDate? {
        guard text.utf8.count <= longestRange else { return nil }
        var reason: String?
        for (start, endText) in rangeSplits(text) {
            let end = interpret(endText, prefixes: false, ranges: false)
            switch end {
            case .day, .month:
                guard let last = end.deadline, let first = firstDay(start, endingBy: end) else { continue }
                return first <= last ? end : .unrecognised("\(text) ends before it starts")
            case .unrecognised(let why):
                if reason == nil, why != genericReason, firstDay(start, endingBy: .day(anyEnd)) != nil {
                    reason = why
                }
            case .quarter, .recurring, .notSet: continue
            }
        }
        return reason.map { .unrecognised($0) }
    }

    /// A day after which every START without a year is possible (the last day of a leap year), to ask
    /// whether a text is a START at all.
    static let anyEnd = CalendarDay(year: 2000, month: 12, day: 31)!

    /// Every way of cutting `text` at one separator into a START and an END, both non-empty, first to last.
    static func rangeSplits(_ text: String) -> [(String, String)] {
        let words = text.split(separator: " ").map(String.init)
        var out: [(String, String)] = []
        func add(_ before: [String], _ after: [String]) {
            let s = before.joined(separator: " ").trimmingCharacters(in: .whitespaces)
            let e = after.joined(separator: " ").trimmingCharacters(in: .whitespaces)
            if !s.isEmpty && !e.isEmpty { out.append((s, e)) }
        }
        for (i, w) in words.enumerated() {
            if rangeWords.contains(w.lowercased()) {
                add(Array(words[..<i]), Array(words[(i + 1)...]))
                continue
            }
            for k in w.indices where rangeCharacters.contains(w[k]) {
                add(words[..<i] + [String(w[..<k])], [String(w[w.index(after: k)...])] + words[(i + 1)...])
            }
        }
        return out
    }

    /// The first day of START `text` in a range ending with `end` (a day or month), or nil when `text`
    /// is not a start: a month or day with its year, or a month, `D Month` or (when `end` is a day) a
    /// day number without one.
    static func firstDay(_ text: String, endingBy end: DeliveryDate) -> CalendarDay? {
        switch interpret(text, prefixes: false, ranges: false) {
        case .day(let d): return d
        case .month(let y, let m): return CalendarDay(year: y, month: m, day: 1)
        default: break
        }
        let endDay: CalendarDay
        switch end {
        case .day(let d): endDay = d
        case .month(let y, let m): endDay = CalendarDay(year: y, month: m, day: 1)!
        default: return nil
        }
        let words = text.lowercased().split(separator: " ").map(String.init)
        let day = words.count == 2 ? dayNumber(words[0]) : words.count == 1 ? dayNumber(words[0]) : nil
        if words.count == 1, let d = day {
            guard case .day = end else { return nil }
            return CalendarDay(year: endDay.year, month: endDay.month, day: d)
        }
        guard let m = monthNumber(words[words.count - 1]), words.count == 1 || day != nil else { return nil }
        return CalendarDay(year: m <= endDay.month ? endDay.year : endDay.year - 1, month: m, day: day ?? 1)
    }
}
