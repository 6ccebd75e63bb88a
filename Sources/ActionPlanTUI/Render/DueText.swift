import ActionPlanCore

/// Short, fixed-width texts for delivery dates and lateness in the plan pane.
///
/// The full date as written and the deadline are in the detail pane; the list
/// only needs to show at a glance when something is due and how late it is.
enum DueText {
    /// The width of ``short(_:)``.
    static let width = 9

    /// The current delivery date in at most 9 columns: `Mar 2019`, `31/03/19`, `Q1 19/20`, `Ongoing`, `TBC`;
    /// `*` is appended when the date was revised.
    static func short(_ action: Action) -> String {
        let text = action.revisions.last?.date ?? action.deliveryDate
        var s: String
        switch action.currentDelivery {
        case .month(let y, let m): s = "\(CalendarDay.monthAbbreviations[m - 1]) \(y)"
        case .day(let d): s = two(d.day) + "/" + two(d.month) + "/" + two(d.year % 100)
        case .quarter(let q, let y): s = "Q\(q) \(two(y % 100))/\(two((y + 1) % 100))"
        case .recurring(let word): s = word
        case .notSet: s = "TBC"
        case .unrecognised: s = "?" + SafeText.line(text)
        }
        if !action.revisions.isEmpty { s = DisplayWidth.truncate(s, to: width - 1) + "*" }
        return DisplayWidth.truncate(s, to: width)
    }

    /// `!92d` for an action 92 days overdue on `today`, or nil.
    static func overdue(_ action: Action, asOf today: CalendarDay) -> String? {
        action.daysOverdue(asOf: today).map { "!\($0)d" }
    }

    /// `in 5d` for an action due in 5 days after `today` (`today` when due that day), or nil when it has no
    /// deadline or the deadline has passed.
    static func dueIn(_ action: Action, asOf today: CalendarDay) -> String? {
        guard let deadline = action.deadline else { return nil }
        let days = deadline.ordinal - today.ordinal
        guard days >= 0 else { return nil }
        return days == 0 ? "today" : "in \(days)d"
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
