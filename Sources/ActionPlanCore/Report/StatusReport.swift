import Foundation

/// The content of a committee status report: every number and list the formats print, computed once.
///
/// Councils report progress on an improvement plan to committees every few
/// weeks. The HTML, Markdown and JSON renderers all print this one value, so the
/// formats can never disagree about a number. It holds the header, the plan's own
/// RAG key, the headline, the summary by theme with the change against a
/// snapshot, the movement since that snapshot, the exceptions, and the plan as it
/// stood on the report's day (for the full plan and the officers appendix).
///
/// The rules (docs/export.md states them for readers):
/// - overdue: the action has a deadline before the report's day and is not Blue;
///   days late = report day − deadline;
/// - on time: not overdue (this includes Blue actions and actions with no deadline);
///   up to one month late: 1–31 days late; more than one month late: 32 days or more;
/// - percentages are of all actions, rounded to the nearest whole number (halves up),
///   except per cent complete, which is rounded down so a plan is never reported complete early;
/// - the comparison snapshot is `--since LABEL`, else the latest snapshot taken
///   strictly before the report's day.
///
/// Each part is declared beside the code that computes it: `StatusReport+Headline.swift` (headline and
/// summary by theme), `StatusReport+Movement.swift`, `StatusReport+Exceptions.swift`. The renderers share
/// their wording (`ReportText`) and their tables (`ReportTables`, of `ReportColumn`s).
public struct StatusReport: Sendable {
    /// The snapshot a report is compared with.
    public struct Comparison: Hashable, Sendable {
        /// The snapshot's label.
        public var label: String
        /// The day it was taken as of.
        public var date: CalendarDay
    }

    /// The plan's title.
    public var title: String { plan.title }
    /// The organisation that owns the plan.
    public var organisation: String { plan.organisation }
    /// The plan's version line.
    public var version: String { plan.version }
    /// The period the plan covers.
    public var period: String { plan.period }
    /// The day the position is reported as at.
    public var asOf: CalendarDay
    /// The day the report was produced (given by the caller: the core never reads the clock).
    public var produced: CalendarDay
    /// The snapshot compared with, or nil when there is none.
    public var comparison: Comparison?
    /// The plan's own rating definitions, verbatim.
    public var ragKey: RAGKey
    /// The headline numbers.
    public var headline: Headline
    /// One row per theme, in plan order.
    public var themes: [ThemeRow]
    /// The whole plan as one row.
    public var total: ThemeRow
    /// What moved since the comparison snapshot; nil without one.
    public var movement: Movement?
    /// Red, Amber and overdue actions, grouped by theme then lead.
    public var exceptions: [ExceptionTheme]
    /// The plan as it stood at the end of `asOf` (see `Plan.position(asOf:)`).
    public var plan: Plan
    /// Lead code → display name, resolved once against the officers register.
    let leadNameByCode: [String: String]

    // MARK: - Building

    /// The report on `plan` as at `asOf`, produced on `produced`, compared with snapshot `since`
    /// (a label) or else the latest snapshot taken before `asOf`.
    ///
    /// Throws a `PlanError` naming `--since` when that label is unknown or the
    /// snapshot was taken after `asOf`.
    public static func make(
        _ plan: Plan, asOf: CalendarDay, produced: CalendarDay, since: String? = nil
    ) throws -> StatusReport {
        let snapshot = try comparisonSnapshot(plan, asOf: asOf, since: since)
        let now = plan.position(asOf: asOf)
        var names: [String: String] = [:]
        for a in now.allActions {
            for code in a.leads where names[code] == nil { names[code] = now.resolve(lead: code).displayName }
        }
        var report = StatusReport(
            asOf: asOf, produced: produced,
            comparison: snapshot.map { Comparison(label: $0.label, date: $0.date) }, ragKey: now.ragKey,
            headline: Headline(counts: RatingCounts(), upToOneMonthLate: 0, moreThanOneMonthLate: 0),
            themes: [], total: ThemeRow(number: nil, title: "All themes", counts: RatingCounts(), change: nil),
            movement: nil, exceptions: [], plan: now, leadNameByCode: names)
        report.computeHeadlineAndThemes()
        if let snapshot { report.computeMovement(snapshot) }
        report.computeExceptions()
        return report
    }

    /// The snapshot a report on `plan` as at `asOf` compares with: the one labelled `since`, else the latest
    /// taken strictly before `asOf`, or nil when there is none.
    ///
    /// Throws a `PlanError` naming `--since` when that label is unknown or the snapshot was taken after `asOf`.
    public static func comparisonSnapshot(_ plan: Plan, asOf: CalendarDay, since: String?) throws -> Snapshot? {
        guard let since else { return plan.latestSnapshot(before: asOf) }
        guard let s = plan.snapshot(labelled: since) else {
            let known = plan.snapshots.map { "\"\($0.label)\"" }.joined(separator: ", ")
            throw PlanError(
                .notFound,
                path: "--since",
                message: "no snapshot labelled \"\(since)\" in this plan; "
                    + (known.isEmpty
                        ? "it has no snapshots yet (take one with `actionplan snapshot`)" : "it has \(known)"))
        }
        if s.date > asOf {
            throw PlanError(
                .notFound,
                path: "--since",
                message: "snapshot \"\(s.label)\" was taken as of \(s.date), after the report's date \(asOf); "
                    + "a report compares with an earlier position")
        }
        return s
    }

    /// Whole per cent of `n` in `total`, rounded to nearest with halves up (0 when `total` is 0).
    public static func percent(_ n: Int, of total: Int) -> Int { total == 0 ? 0 : (n * 200 + total) / (2 * total) }

    /// The leads' names of `action`, resolved against the officers register.
    public func leadNames(of action: Action) -> [String] {
        action.leads.map { leadNameByCode[$0] ?? plan.resolve(lead: $0).displayName }
    }
}
