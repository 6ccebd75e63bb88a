import ActionPlanCore

/// How a workbook cell's stored value is shown: numbers as numbers, and numbers formatted as dates as ISO dates.
///
/// Excel stores a date as a number of days (a serial) and shows it as a date
/// because of the cell's number format. Formats 14–17, 22, 27–36 and 50–58 are
/// built-in date formats, 18–21 and 45–47 built-in times; a custom format is a
/// date when, outside quoted text, escapes and colour or locale brackets, it has
/// `d`, `y` or `m` (and `h` or `s` make `m` minutes, and add a time), and a time
/// when it has only `h`, `m` and `s`. Other number formats (percentages,
/// currency, decimals) are not applied: the number is shown as stored.
enum XlsxValues {
    /// What a number format shows.
    enum Kind: Sendable {
        /// The number itself.
        case number
        /// A date: `2019-03-31`.
        case date
        /// A date and a time: `2019-03-31 14:30` (the date alone at midnight).
        case dateTime
        /// A time of day: `14:30`, `14:30:15`.
        case time
    }

    /// What number format `id`, with `code` when it is a custom one, shows.
    static func kind(formatID id: Int, code: String?) -> Kind {
        switch id {
        case 14...17, 27...36, 50...58: return .date
        case 22: return .dateTime
        case 18...21, 45...47: return .time
        default: break
        }
        guard let code else { return .number }
        var letters = Set<Character>()
        var quoted = false
        var escaped = false
        var bracket: String?
        for ch in code.lowercased() {
            if escaped {
                escaped = false
            } else if quoted {
                quoted = ch != "\""
            } else if var b = bracket {
                if ch == "]" {
                    // Elapsed time, [h]:mm: a time letter, not a colour or locale.
                    if !b.isEmpty && b.allSatisfy({ "hms".contains($0) }) { letters.insert(b.first!) }
                    bracket = nil
                } else {
                    b.append(ch)
                    bracket = b
                }
            } else if ch == "\\" || ch == "_" || ch == "*" {
                escaped = true
            } else if ch == "\"" {
                quoted = true
            } else if ch == "[" {
                bracket = ""
            } else if ch == ";" {
                break  // the first section (positive numbers) decides
            } else {
                letters.insert(ch)
            }
        }
        let time = letters.contains("h") || letters.contains("s")
        if letters.contains("d") || letters.contains("y") || (letters.contains("m") && !time) {
            return time ? .dateTime : .date
        }
        return time ? .time : .number
    }

    /// The stored value `v` of a number cell shown as `kind`, with serials counted from 1904 when `date1904`.
    static func show(_ v: String, as kind: Kind, date1904: Bool) -> String {
        guard let x = Double(v), x.isFinite else { return v }
        let days = x.rounded(.down)
        let day = Int(exactly: days) ?? -1
        var seconds = Int(((x - days) * 86_400).rounded())
        var clockDay = day  // 23:59:59.6 shows as 00:00 of the next day; a date alone is never rounded up
        if seconds >= 86_400 { (clockDay, seconds) = (day + 1, seconds - 86_400) }
        let clock =
            String(format2: seconds / 3600) + ":" + String(format2: seconds / 60 % 60)
            + (seconds % 60 == 0 ? "" : ":" + String(format2: seconds % 60))
        switch kind {
        case .number: return number(x)
        case .time: return clock
        case .date:
            return date(serial: day, date1904: date1904) ?? number(x)
        case .dateTime:
            guard let date = date(serial: clockDay, date1904: date1904) else { return number(x) }
            return seconds != 0 ? date + " " + clock : date
        }
    }

    /// The ISO date of day `serial` (Excel's 1900 system, with its 29 February 1900, or the 1904 system);
    /// nil outside 1900 (1904)–9999.
    static func date(serial: Int, date1904: Bool) -> String? {
        guard serial >= (date1904 ? 0 : 1), serial <= 2_958_465 else { return nil }
        if date1904 { return CalendarDay(year: 1904, month: 1, day: 1)!.adding(days: serial).description }
        if serial == 60 { return "1900-02-29" }  // Excel counts 1900 as a leap year (Lotus 1-2-3's error)
        return CalendarDay(year: 1899, month: 12, day: serial < 60 ? 31 : 30)!.adding(days: serial).description
    }

    /// A number as Excel's "General" shows it, near enough: whole numbers without ".0", others in their
    /// shortest exact form (`3.5`, `0.1`, `1e-05`), as Python's `repr` writes floats too.
    static func number(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
        return "\(x)"
    }
}

/// Two-digit numbers for times.
extension String {
    /// `n` with at least two digits.
    fileprivate init(format2 n: Int) { self = n < 10 && n >= 0 ? "0\(n)" : "\(n)" }
}
