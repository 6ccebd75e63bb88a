/// Why a delivery date has no deadline: the reasons are shown to users (`check`, import warnings, the
/// "not understood" of an edit), so each names what is wrong and what to write instead.
extension DeliveryDate {
    /// The reason when nothing more specific can be said.
    static let genericReason =
        "expected a month (March 2019), a day (31/03/2019, 2019-03-31, 31 March 2019), a quarter (Q1 2019/20), "
        + "a range (January to March 2019), Ongoing/Quarterly/Monthly/Annually, or TBC"

    /// Seasons, with the month each is taken to end in for the example of what to write instead.
    static let seasons: [String: (month: Int, nextYear: Bool)] = [
        "spring": (5, false), "summer": (8, false), "autumn": (11, false), "fall": (11, false),
        "winter": (2, true),
    ]

    /// `text`, which no rule reads, refused with the most specific reason: a season (`Spring 2019`), a
    /// month without a year (`March`), a year alone (`2019`), a financial year without a quarter
    /// (`2019/20`); else the generic reason. (`Q2 2019` is refused by ``financialQuarter(_:_:text:)``.)
    static func refusal(_ text: String) -> DeliveryDate {
        let words = text.lowercased().split(separator: " ").map(String.init)
        if let first = words.first, let season = seasons[first], words.count <= 3 {
            let y = words.dropFirst().lazy.compactMap { anyYear(String($0.prefix(4))) }.first ?? 2019
            let example = CalendarDay.monthNames[season.month - 1] + " \(season.nextYear ? y + 1 : y)"
            return .unrecognised(
                "\(text) is ambiguous: a season has no agreed last day; write the month it ends, e.g. \(example)")
        }
        guard words.count == 1 else { return .unrecognised(genericReason) }
        let w = words[0]
        if let m = monthNumber(w) {
            return .unrecognised("\(text) has no year: write it, e.g. \(CalendarDay.monthNames[m - 1]) 2019")
        }
        if let y = anyYear(w), w.count == 4 {
            return .unrecognised(
                "\(text) alone is ambiguous (a calendar or a financial year): write the month it ends, "
                    + "e.g. December \(y) or March \(y + 1)")
        }
        let fy = w.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if fy.count == 2, let y = year(fy[0]), allDigits(fy[1]), Int(fy[1]) == (y + 1) % 100 && fy[1].count == 2 {
            return .unrecognised(
                "\(text) is a whole financial year: write Q4 \(text) for its end (31 March \(y + 1)) or a month")
        }
        return .unrecognised(genericReason)
    }
}
