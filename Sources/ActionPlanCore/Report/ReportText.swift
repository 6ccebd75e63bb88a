import Foundation

/// Wording shared by the report's renderers, so HTML, Markdown and JSON say the same thing.
enum ReportText {
    /// `31 January 2019`.
    static func longDate(_ d: CalendarDay) -> String { "\(d.day) \(CalendarDay.monthNames[d.month - 1]) \(d.year)" }

    /// `Green`, or `Unrated`.
    static func ratingName(_ r: Rating?) -> String { r?.name ?? "Unrated" }

    /// `G Green` or `· Unrated`: the letter first so it reads without colour.
    static func ratingLabel(_ r: Rating?) -> String { r.map { "\($0.letter) \($0.name)" } ?? "· Unrated" }

    /// The comparison line of the header.
    static func comparison(_ r: StatusReport) -> String {
        guard let c = r.comparison else { return "No earlier snapshot: this report has nothing to compare with" }
        return "Snapshot “\(c.label)” (position as at \(longDate(c.date)))"
    }

    /// A theme row's label, e.g. `1. Systems Leadership`.
    static func themeLabel(_ row: StatusReport.ThemeRow) -> String {
        row.number.map { "\($0). \(row.title)" } ?? row.title
    }

    /// A change cell: `▲ Up (…)`, or `—` with no snapshot.
    static func change(_ c: StatusReport.Change?) -> String { c?.text ?? "— (no snapshot)" }

    /// The deadline as `31 Mar 2019`, or the date as written when it has none (`Ongoing`, `not set`).
    static func deadline(_ text: String, _ deadline: CalendarDay?) -> String {
        deadline?.humanDescription ?? (text.isEmpty ? "not set" : text)
    }

    /// The delivery date of `a` with its revision: `March 2019; revised: June 2019`.
    static func delivery(of a: Action) -> String {
        var s = a.deliveryDate.isEmpty ? "not set" : a.deliveryDate
        if let r = a.revisions.last { s += "; revised: \(r.date)" }
        return s
    }

    /// The headline's rows: label, number, per cent (nil when a per cent would not mean anything);
    /// `isTotal` marks the row of all actions.
    static func headlineRows(_ r: StatusReport) -> [(
        label: String, rating: Rating?, isRating: Bool, count: Int, percent: Int?, isTotal: Bool
    )] {
        let h = r.headline
        let c = h.counts
        return [
            ("Actions in total", nil, false, c.total, nil, true),
            ("Blue: completed", .blue, true, c.blue, h.percent(c.blue), false),
            ("Green: on track", .green, true, c.green, h.percent(c.green), false),
            ("Amber: unlikely to meet timescales", .amber, true, c.amber, h.percent(c.amber), false),
            ("Red: will not be delivered", .red, true, c.red, h.percent(c.red), false),
            ("Unrated", nil, true, c.unrated, h.percent(c.unrated), false),
            ("Overdue", nil, false, c.overdue, h.percent(c.overdue), false),
            ("On time (not overdue)", nil, false, h.onTime, h.percent(h.onTime), false),
            (
                "Up to one month late (1–31 days)", nil, false, h.upToOneMonthLate, h.percent(h.upToOneMonthLate),
                false
            ),
            (
                "More than one month late (32 days or more)", nil, false, h.moreThanOneMonthLate,
                h.percent(h.moreThanOneMonthLate), false
            ),
        ]
    }

    /// The header's facts as label and value, as the Markdown, Word and Excel reports list them:
    /// organisation, version, period, position as at, comparison, produced (`—` for what the plan lacks).
    static func facts(_ r: StatusReport) -> [(label: String, value: String)] {
        [
            ("Organisation", r.organisation.isEmpty ? "—" : r.organisation),
            ("Version", r.version.isEmpty ? "—" : r.version),
            ("Period", r.period.isEmpty ? "—" : r.period),
            ("Position as at", longDate(r.asOf)),
            ("Compared with", comparison(r)),
            ("Produced", longDate(r.produced)),
        ]
    }

    /// The headline sentence: `57 actions: 1 Blue, 50 Green, … 2 more than one month late.`
    static func headline(_ r: StatusReport) -> String {
        let h = r.headline
        let c = h.counts
        return "\(c.total) actions: \(c.blue) Blue, \(c.green) Green, \(c.amber) Amber, \(c.red) Red, "
            + "\(c.unrated) unrated. \(c.overdue) overdue as at \(longDate(r.asOf)): \(h.upToOneMonthLate) up to "
            + "one month late, \(h.moreThanOneMonthLate) more than one month late."
    }

    /// What a committee must notice, in words (``StatusReport/attention``) as one paragraph, or empty.
    static func attention(_ r: StatusReport) -> String { r.attention.joined(separator: " ") }

    /// `22 of the 24 recommendations have no live action (1, 3, …).` or `All 24 recommendations have a live action.`
    static func coverageSummary(_ coverage: [RecommendationCoverage]) -> String {
        let open = coverage.filter(\.isUncovered)
        if open.isEmpty { return "All \(coverage.count) recommendations have a live action." }
        return "\(open.count) of the \(coverage.count) recommendations have no live action ("
            + open.map(\.recommendation.id).joined(separator: ", ") + ")."
    }

    /// The note under the headline table: what overdue means and how per cents are rounded.
    static let overdueNote =
        "Overdue: a deadline before the report’s day and not Blue. Late by more than 31 days counts as more than "
        + "one month. Percentages are rounded to the nearest whole number and may not add up to 100."

    /// The sentence opening the exceptions, for `count` exceptions.
    static func exceptionsSummary(_ count: Int) -> String {
        count == 0
            ? "No action is Red, Amber or overdue."
            : "\(count) action\(count == 1 ? " is" : "s are") Red, Amber or overdue (including Green but overdue), "
                + "by theme and then by lead."
    }

    /// A part of a theme's narrative: a paragraph, or a run of the plan's own bullet lines.
    enum NarrativePart: Hashable {
        /// One line of text.
        case paragraph(String)
        /// Consecutive bullet lines, without their `- ` or `• ` markers.
        case list([String])
    }

    /// Narrative `text` as paragraphs and bullet lists: every non-blank line trimmed, a line starting
    /// `- ` or `• ` is a bullet, and consecutive bullets make one list.
    static func narrative(_ text: String) -> [NarrativePart] {
        var parts: [NarrativePart] = []
        var bullets: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let t = String(Whitespace.trimmed(line))
            if t.isEmpty { continue }
            if t.hasPrefix("- ") || t.hasPrefix("• ") {
                bullets.append(String(t.dropFirst(2)))
                continue
            }
            if !bullets.isEmpty { parts.append(.list(bullets)) }
            bullets = []
            parts.append(.paragraph(t))
        }
        if !bullets.isEmpty { parts.append(.list(bullets)) }
        return parts
    }

    /// The rating move of a movement item: `A → G`.
    static func move(_ i: StatusReport.MovementItem) -> String { "\(i.before.badgeLetter) → \(i.after.badgeLetter)" }

    /// `+30 days` / `−14 days` between two deadlines, or the change in words when one is missing.
    static func shift(_ i: StatusReport.MovementItem) -> String {
        switch (i.deadlineBefore, i.deadlineAfter) {
        case (let b?, let a?):
            let n = b.days(until: a)
            return n >= 0 ? "+\(n) days" : "−\(-n) days"
        case (nil, _?): return "deadline set"
        case (_?, nil): return "no deadline now"
        case (nil, nil): return ""
        }
    }

    /// Completion wording for a newly Blue item: `LATE by 12 days`, `on time`, or `completion date not recorded`.
    static func completion(_ i: StatusReport.MovementItem) -> String {
        if let late = i.daysLate { return "LATE by \(late) day\(late == 1 ? "" : "s")" }
        if i.date == nil { return "completion date not recorded" }
        return "on time"
    }

    /// A terminal-safe version of plan text that keeps its lines: control characters made visible,
    /// line breaks and tabs kept, carriage returns dropped (`singleLine(_:)` puts it on one line).
    static func clean(_ s: String) -> String { TerminalSafe.escape(s, singleLine: false) }

    /// A terminal-safe version of plan text on one line: control characters made visible, and line breaks,
    /// carriage returns and tabs as spaces.
    static func singleLine(_ s: String) -> String { TerminalSafe.escape(s, singleLine: true) }
}
