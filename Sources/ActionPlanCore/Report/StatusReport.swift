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
public struct StatusReport: Sendable {
    /// The snapshot a report is compared with.
    public struct Comparison: Hashable, Sendable {
        /// The snapshot's label.
        public var label: String
        /// The day it was taken as of.
        public var date: CalendarDay
    }

    /// The plan's title.
    public var title: String
    /// The organisation that owns the plan.
    public var organisation: String
    /// The plan's version line.
    public var version: String
    /// The period the plan covers.
    public var period: String
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

    // MARK: - Parts

    /// The headline numbers of the whole plan.
    public struct Headline: Hashable, Sendable {
        /// Actions by rating, unrated and overdue.
        public var counts: RatingCounts
        /// Actions that are not overdue (including Blue ones and ones with no deadline).
        ///
        /// All actions less the overdue ones: an overdue action is always at least one day late.
        public var onTime: Int { counts.total - counts.overdue }
        /// Actions 1–31 days late.
        public var upToOneMonthLate: Int
        /// Actions 32 or more days late.
        public var moreThanOneMonthLate: Int

        /// `n` as a whole per cent of all actions, rounded to nearest with halves up (0 for an empty plan).
        public func percent(_ n: Int) -> Int { StatusReport.percent(n, of: counts.total) }
    }

    /// One row of the summary by theme (or the total row).
    public struct ThemeRow: Hashable, Sendable {
        /// The theme's number; nil for the total row.
        public var number: Int?
        /// The theme's title, or `All themes`.
        public var title: String
        /// Counts by rating and overdue on the report's day.
        public var counts: RatingCounts
        /// The change against the comparison snapshot; nil without one.
        public var change: Change?
    }

    /// Which way a theme moved since the snapshot.
    public enum Direction: String, Hashable, Sendable {
        /// More actions moved up (towards Blue) than down.
        case up
        /// More actions moved down than up.
        case down
        /// As many moved up as down (often none).
        case same

        /// `▲`, `▼` or `=`.
        public var symbol: String {
            switch self {
            case .up: return "▲"
            case .down: return "▼"
            case .same: return "="
            }
        }

        /// `Up`, `Down` or `Same`, printed beside the symbol so the report reads in black and white.
        public var word: String {
            switch self {
            case .up: return "Up"
            case .down: return "Down"
            case .same: return "Same"
            }
        }
    }

    /// A theme's change against the snapshot: direction, moves and the change in each rating's count.
    public struct Change: Hashable, Sendable {
        /// Up, down or same, from `movedUp` and `movedDown`.
        public var direction: Direction { movedUp > movedDown ? .up : movedDown > movedUp ? .down : .same }
        /// Actions whose rating improved (including newly Blue).
        public var movedUp: Int
        /// Actions whose rating worsened.
        public var movedDown: Int
        /// Change in the Blue count.
        public var blue: Int
        /// Change in the Green count.
        public var green: Int
        /// Change in the Amber count.
        public var amber: Int
        /// Change in the Red count.
        public var red: Int
        /// Change in the unrated count.
        public var unrated: Int

        /// The change from counts `then` (in the snapshot) to counts `now`, with the actions moved up and down.
        init(now: RatingCounts, then: RatingCounts, movedUp: Int, movedDown: Int) {
            self.movedUp = movedUp
            self.movedDown = movedDown
            blue = now.blue - then.blue
            green = now.green - then.green
            amber = now.amber - then.amber
            red = now.red - then.red
            unrated = now.unrated - then.unrated
        }

        /// The count changes that are not zero as letters, e.g. `B+1 A−1`, or `no change in counts`.
        public var countsText: String {
            let parts = [("B", blue), ("G", green), ("A", amber), ("R", red), ("·", unrated)].filter { $0.1 != 0 }
            if parts.isEmpty { return "no change in counts" }
            return parts.map { $0.0 + ($0.1 > 0 ? "+\($0.1)" : "−\(-$0.1)") }.joined(separator: " ")
        }

        /// `▲ Up (2 up, 1 down; B+1 A−1)`: symbol, word and detail, readable without colour.
        public var text: String {
            "\(direction.symbol) \(direction.word) (\(movedUp) up, \(movedDown) down; \(countsText))"
        }
    }

    /// One action in a movement list.
    public struct MovementItem: Hashable, Sendable {
        /// The action's ID.
        public var id: String
        /// Its theme's number (nil for a removed action).
        public var themeNumber: Int?
        /// Its text (empty for a removed action: the snapshot keeps no text).
        public var text: String
        /// Its leads' names.
        public var leadNames: [String]
        /// Its rating in the snapshot (nil when unrated or new).
        public var before: Rating?
        /// Its rating now (nil when unrated or removed).
        public var after: Rating?
        /// Its deadline in the snapshot.
        public var deadlineBefore: CalendarDay?
        /// Its deadline now.
        public var deadlineAfter: CalendarDay?
        /// When it changed: the rating change, completion, revision or last update (nil if never).
        public var date: CalendarDay?
        /// For a newly Blue action completed after its deadline: how many days late.
        public var daysLate: Int?
        /// The note explaining it (the rating change's note, the revision's reason, or the latest note).
        public var note: String
    }

    /// One kind of movement, with its title and the rule that puts an action in it.
    public struct MovementSection: Hashable, Sendable {
        /// A stable key for JSON, e.g. `ratingUp`.
        public var key: String
        /// The heading, e.g. `Rating moved up`.
        public var title: String
        /// The rule, in one sentence, for the reader.
        public var rule: String
        /// The actions, in plan order.
        public var items: [MovementItem]
    }

    /// What moved between the comparison snapshot and the report's day.
    public struct Movement: Hashable, Sendable {
        /// Actions in the plan now that the snapshot does not have.
        public var added: [MovementItem] = []
        /// Actions in the snapshot that the plan no longer has.
        public var removed: [MovementItem] = []
        /// Actions Blue now that were not Blue in the snapshot; `daysLate` set when delivered after the deadline.
        public var completed: [MovementItem] = []
        /// Ratings that improved (Red → Amber → Green), not counting newly Blue.
        public var ratingUp: [MovementItem] = []
        /// Ratings that worsened (towards Red, or Blue reopened).
        public var ratingDown: [MovementItem] = []
        /// Ratings set for the first time or cleared.
        public var ratingSetOrCleared: [MovementItem] = []
        /// Actions whose deadline differs from the snapshot's.
        public var deadlinesRevised: [MovementItem] = []
        /// Actions not Blue with no rating change, note or date revision since the snapshot.
        public var notUpdated: [MovementItem] = []

        /// The movement lists in report order, each with its title and rule.
        public var sections: [MovementSection] {
            [
                MovementSection(
                    key: "new", title: "New actions", rule: "In the plan now but not in the snapshot.", items: added),
                MovementSection(
                    key: "removed", title: "Removed actions", rule: "In the snapshot but no longer in the plan.",
                    items: removed),
                MovementSection(
                    key: "completed", title: "Newly Blue (completed)",
                    rule: "Blue now, not Blue in the snapshot; marked late when completed after the deadline.",
                    items: completed),
                MovementSection(
                    key: "ratingUp", title: "Rating moved up",
                    rule: "Rating improved (Red → Amber → Green); newly Blue actions are listed above.", items: ratingUp
                ),
                MovementSection(
                    key: "ratingDown", title: "Rating moved down",
                    rule: "Rating worsened (towards Red, or no longer Blue).", items: ratingDown),
                MovementSection(
                    key: "ratingSetOrCleared", title: "Rating set or cleared",
                    rule: "Rated for the first time, or the rating was removed.", items: ratingSetOrCleared),
                MovementSection(
                    key: "deadlinesRevised", title: "Deadlines revised",
                    rule: "The deadline in force differs from the snapshot's.", items: deadlinesRevised),
                MovementSection(
                    key: "notUpdated", title: "Not updated since the last report",
                    rule: "Not Blue, and no rating change, progress note or date revision since the snapshot.",
                    items: notUpdated),
            ]
        }
    }

    /// Why an action is an exception.
    public enum ExceptionReason: String, Hashable, Sendable {
        /// Rated Red.
        case red
        /// Rated Amber.
        case amber
        /// Overdue and not rated Green (unrated, Amber or Red).
        case overdue
        /// Rated Green although it is overdue: the rating should have moved.
        case greenButOverdue

        /// `Red`, `Amber`, `Overdue`, `Green but overdue`.
        public var label: String {
            switch self {
            case .red: return "Red"
            case .amber: return "Amber"
            case .overdue: return "Overdue"
            case .greenButOverdue: return "Green but overdue"
            }
        }
    }

    /// One exception: an action that is Red, Amber or overdue.
    public struct ExceptionItem: Hashable, Sendable {
        /// The action's ID.
        public var id: String
        /// Its text.
        public var text: String
        /// Its leads' names (in the action's order).
        public var leadNames: [String]
        /// Its rating.
        public var rating: Rating?
        /// Why it is an exception.
        public var reasons: [ExceptionReason]
        /// The date of delivery as first written.
        public var originalDelivery: String
        /// Its deadline.
        public var originalDeadline: CalendarDay?
        /// The latest revised date as written, or nil when never revised.
        public var revisedDelivery: String?
        /// The revised date's deadline.
        public var revisedDeadline: CalendarDay?
        /// Days late, or nil when not overdue.
        public var daysLate: Int?
        /// The latest rating note or progress note, or nil.
        public var latestNote: String?
        /// The latest note's day.
        public var latestNoteDate: CalendarDay?
        /// The status as written (`At risk`), or empty.
        public var status: String = ""
        /// The action's named fields of its own (`Success measure`…).
        public var fields: [ActionField] = []
    }

    /// The exceptions of one lead (or set of joint leads) within a theme.
    public struct ExceptionLead: Hashable, Sendable {
        /// The leads' names joined by `, `, or `No lead named`.
        public var lead: String
        /// The actions, in plan order.
        public var items: [ExceptionItem]
    }

    /// The exceptions of one theme, by lead.
    public struct ExceptionTheme: Hashable, Sendable {
        /// The theme's number.
        public var number: Int
        /// The theme's title.
        public var title: String
        /// Lead groups in alphabetical order of the lead.
        public var leads: [ExceptionLead]
    }

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
            title: now.title, organisation: now.organisation, version: now.version, period: now.period,
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
                path: "--since",
                message: "no snapshot labelled \"\(since)\" in this plan; "
                    + (known.isEmpty
                        ? "it has no snapshots yet (take one with `actionplan snapshot`)" : "it has \(known)"))
        }
        if s.date > asOf {
            throw PlanError(
                path: "--since",
                message: "snapshot \"\(s.label)\" was taken as of \(s.date), after the report's date \(asOf); "
                    + "a report compares with an earlier position")
        }
        return s
    }

    /// Whole per cent of `n` in `total`, rounded to nearest with halves up (0 when `total` is 0).
    public static func percent(_ n: Int, of total: Int) -> Int { total == 0 ? 0 : (n * 200 + total) / (2 * total) }

    /// How late an overdue action is, by the report's month rule.
    public enum Lateness: String, Hashable, Sendable {
        /// Not overdue.
        case onTime
        /// 1–31 days late.
        case upToOneMonth
        /// 32 or more days late.
        case moreThanOneMonth

        /// The bucket for `daysOverdue` (nil = not overdue). A month is 31 days, the longest month,
        /// so an action due at the end of a month is "up to one month late" throughout the next month.
        public static func of(daysOverdue: Int?) -> Lateness {
            guard let d = daysOverdue, d > 0 else { return .onTime }
            return d <= 31 ? .upToOneMonth : .moreThanOneMonth
        }
    }

    private mutating func computeHeadlineAndThemes() {
        let summary = PlanSummary(plan, asOf: asOf)
        themes = summary.themes.map { ThemeRow(number: $0.number, title: $0.title, counts: $0.counts, change: nil) }
        total.counts = summary.total
        headline.counts = summary.total
        for t in plan.themes {
            for g in t.groups {
                for a in g.actions {
                    switch Lateness.of(daysOverdue: a.daysOverdue(asOf: asOf)) {
                    case .onTime: break
                    case .upToOneMonth: headline.upToOneMonthLate += 1
                    case .moreThanOneMonth: headline.moreThanOneMonthLate += 1
                    }
                }
            }
        }
    }

    /// The leads' names of `action`, resolved against the officers register.
    public func leadNames(of action: Action) -> [String] {
        action.leads.map { leadNameByCode[$0] ?? plan.resolve(lead: $0).displayName }
    }

    private func item(_ a: Action, theme: Int?, entry: SnapshotEntry?) -> MovementItem {
        MovementItem(
            id: a.id, themeNumber: theme, text: a.text, leadNames: leadNames(of: a), before: entry?.rating,
            after: a.rating, deadlineBefore: entry?.deadline, deadlineAfter: a.deadline, date: nil, daysLate: nil,
            note: a.latestNote?.text ?? "")
    }

    /// Fills `movement`, and each theme's and the total's change, against `snapshot` in one pass over the plan.
    private mutating func computeMovement(_ snapshot: Snapshot) {
        var m = Movement()
        var entries: [String: SnapshotEntry] = [:]
        entries.reserveCapacity(snapshot.actions.count)
        for e in snapshot.actions where entries[e.id] == nil { entries[e.id] = e }
        var present = Set<String>()
        present.reserveCapacity(entries.count)
        var totalUp = 0
        var totalDown = 0
        for (ti, t) in plan.themes.enumerated() {
            var up = 0
            var down = 0
            var then = RatingCounts()
            for a in t.actions {
                present.insert(a.id)
                guard let e = entries[a.id] else {
                    var i = item(a, theme: t.number, entry: nil)
                    i.date = a.lastUpdated
                    m.added.append(i)
                    continue
                }
                then.add(rating: e.rating)
                if a.rating != e.rating {
                    var i = item(a, theme: t.number, entry: e)
                    if let h = a.history.last {
                        i.date = h.date
                        i.note = h.note
                    }
                    if a.rating == .blue {
                        let done = a.history.last(where: { $0.to == .blue })?.date
                        i.date = done
                        if let done, let d = a.deadline, done > d { i.daysLate = d.days(until: done) }
                        m.completed.append(i)
                        up += 1
                    } else if let before = e.rating, let after = a.rating {
                        if after.severity < before.severity {
                            m.ratingUp.append(i)
                            up += 1
                        } else {
                            m.ratingDown.append(i)
                            down += 1
                        }
                    } else {
                        m.ratingSetOrCleared.append(i)
                    }
                }
                if a.deadline != e.deadline {
                    var i = item(a, theme: t.number, entry: e)
                    if let r = a.revisions.last {
                        i.date = r.on
                        i.note = r.reason
                    }
                    m.deadlinesRevised.append(i)
                }
                if a.rating != .blue && a.updateCount <= e.updates {
                    var i = item(a, theme: t.number, entry: e)
                    i.date = a.lastUpdated
                    m.notUpdated.append(i)
                }
            }
            themes[ti].change = Change(now: themes[ti].counts, then: then, movedUp: up, movedDown: down)
            totalUp += up
            totalDown += down
        }
        for e in snapshot.actions where !present.contains(e.id) {
            present.insert(e.id)
            m.removed.append(
                MovementItem(
                    id: e.id, themeNumber: nil, text: "", leadNames: [], before: e.rating, after: nil,
                    deadlineBefore: e.deadline, deadlineAfter: nil, date: nil, daysLate: nil, note: e.latestNote))
        }
        let then = RatingCounts.of(ratings: snapshot.actions.lazy.map(\.rating))
        total.change = Change(now: total.counts, then: then, movedUp: totalUp, movedDown: totalDown)
        movement = m
    }

    private mutating func computeExceptions() {
        for t in plan.themes {
            var byLead: [String: [ExceptionItem]] = [:]
            for a in t.actions {
                let late = a.daysOverdue(asOf: asOf)
                var reasons: [ExceptionReason] = []
                if a.rating == .red { reasons.append(.red) }
                if a.rating == .amber { reasons.append(.amber) }
                if late != nil { reasons.append(a.rating == .green ? .greenButOverdue : .overdue) }
                if reasons.isEmpty { continue }
                let names = leadNames(of: a)
                let revised = a.revisions.last
                let item = ExceptionItem(
                    id: a.id, text: a.text, leadNames: names, rating: a.rating, reasons: reasons,
                    originalDelivery: a.deliveryDate, originalDeadline: a.originalDelivery.deadline,
                    revisedDelivery: revised?.date,
                    revisedDeadline: revised != nil ? a.deadline : nil,
                    daysLate: late, latestNote: a.latestNote?.text, latestNoteDate: a.latestNote?.date,
                    status: a.status, fields: a.fields)
                byLead[names.isEmpty ? "No lead named" : names.joined(separator: ", "), default: []].append(item)
            }
            if byLead.isEmpty { continue }
            let leads = byLead.keys.sorted { ($0.lowercased(), $0) < ($1.lowercased(), $1) }
                .map { ExceptionLead(lead: $0, items: byLead[$0]!) }
            exceptions.append(ExceptionTheme(number: t.number, title: t.title, leads: leads))
        }
    }

    /// How many exceptions there are in all.
    public var exceptionCount: Int { exceptions.reduce(0) { $0 + $1.leads.reduce(0) { $0 + $1.items.count } } }
}

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

    /// The headline sentence: `57 actions: 1 Blue, 50 Green, … 2 more than one month late.`
    static func headline(_ r: StatusReport) -> String {
        let h = r.headline
        let c = h.counts
        return "\(c.total) actions: \(c.blue) Blue, \(c.green) Green, \(c.amber) Amber, \(c.red) Red, "
            + "\(c.unrated) unrated. \(c.overdue) overdue as at \(longDate(r.asOf)): \(h.upToOneMonthLate) up to "
            + "one month late, \(h.moreThanOneMonthLate) more than one month late."
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
            let t = line.trimmingCharacters(in: .whitespaces)
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

/// One cell of a report table, before a renderer formats it.
enum ReportCell {
    /// Short text.
    case text(String)
    /// Long text whose line breaks are kept (action text, notes).
    case prose(String)
    /// An action's text followed by its named fields (and its status as written, when it says more).
    case proseWithFields(String, [ActionField])
    /// A rating: a coloured cell with its letter in HTML, the letter and name elsewhere.
    case rating(Rating?)
    /// A level of the plan's own scale (`Y Yellow`), coloured as the rating it counts as.
    case level(RatingScale.Level?)
    /// A number or figure, right-aligned.
    case number(String)
    /// Text that must stand out (LATE).
    case strong(String)

    /// The cell as plain text (Markdown, and tests).
    var plain: String {
        switch self {
        case .text(let s), .prose(let s), .number(let s), .strong(let s): return s
        case .proseWithFields(let s, let fields):
            return ([s] + fields.map { "\($0.name): \($0.value)" }).joined(separator: "\n")
        case .rating(let r): return ReportText.ratingLabel(r)
        case .level(let l): return l.map { "\($0.letter) \($0.name)" } ?? "· Unrated"
        }
    }
}

/// A column of a report table: heading, width (per cent of the table, nil for the rest) and cell.
struct ReportColumn<Row>: Sendable {
    var title: String
    var width: Int?
    var cell: @Sendable (Row) -> ReportCell
    /// Whether every cell is a `.number` (right-aligned in Markdown); set by `number(_:width:_:)`.
    private(set) var numeric = false

    /// A column whose cells `cell` makes.
    init(title: String, width: Int?, cell: @escaping @Sendable (Row) -> ReportCell) {
        self.title = title
        self.width = width
        self.cell = cell
    }

    /// A column of numbers: every cell is `.number(value(row))`, and the column is `numeric`.
    static func number(_ title: String, width: Int?, _ value: @escaping @Sendable (Row) -> String) -> ReportColumn {
        var c = ReportColumn(title: title, width: width) { .number(value($0)) }
        c.numeric = true
        return c
    }
}

/// The report's tables, shared by the HTML and Markdown renderers so both print the same columns.
enum ReportTables {
    typealias Item = StatusReport.MovementItem

    static func day(_ d: CalendarDay?) -> ReportCell { .text(d?.humanDescription ?? "—") }

    /// The summary by theme: theme, B, G, A, R, unrated, overdue, per cent complete, change.
    static let themeColumns: [ReportColumn<StatusReport.ThemeRow>] = [
        ReportColumn(title: "Theme", width: nil) { .text(ReportText.themeLabel($0)) },
        .number("B", width: 5) { String($0.counts.blue) },
        .number("G", width: 5) { String($0.counts.green) },
        .number("A", width: 5) { String($0.counts.amber) },
        .number("R", width: 5) { String($0.counts.red) },
        .number("Unrated", width: 9) { String($0.counts.unrated) },
        .number("Overdue", width: 9) { String($0.counts.overdue) },
        .number("% complete", width: 10) { "\($0.counts.percentComplete)%" },
        ReportColumn(title: "Change since snapshot", width: 25) { .text(ReportText.change($0.change)) },
    ]

    private static let idColumn = ReportColumn<Item>(title: "ID", width: 9) { .text($0.id) }
    private static let actionColumn = ReportColumn<Item>(title: "Action", width: nil) { .prose($0.text) }
    private static let leadsColumn = ReportColumn<Item>(title: "Leads", width: 15) {
        .text($0.leadNames.isEmpty ? "—" : $0.leadNames.joined(separator: ", "))
    }

    /// The columns of movement list `key` (see `StatusReport.Movement.sections`).
    static func movementColumns(_ key: String) -> [ReportColumn<Item>] {
        switch key {
        case "new":
            return [
                idColumn, actionColumn, leadsColumn,
                ReportColumn(title: "Rating", width: 7) { .rating($0.after) },
                ReportColumn(title: "Deadline", width: 12) { day($0.deadlineAfter) },
            ]
        case "removed":
            return [
                idColumn,
                ReportColumn(title: "Rating then", width: 8) { .rating($0.before) },
                ReportColumn(title: "Deadline then", width: 14) { day($0.deadlineBefore) },
                ReportColumn(title: "Latest note then", width: nil) { .prose($0.note.isEmpty ? "—" : $0.note) },
            ]
        case "completed":
            return [
                idColumn, actionColumn, leadsColumn,
                ReportColumn(title: "Completed", width: 12) { day($0.date) },
                ReportColumn(title: "Deadline", width: 12) { day($0.deadlineAfter) },
                ReportColumn(title: "Timeliness", width: 12) {
                    $0.daysLate != nil ? .strong(ReportText.completion($0)) : .text(ReportText.completion($0))
                },
            ]
        case "deadlinesRevised":
            return [
                idColumn, actionColumn, leadsColumn,
                ReportColumn(title: "Deadline then", width: 11) { day($0.deadlineBefore) },
                ReportColumn(title: "Deadline now", width: 11) { day($0.deadlineAfter) },
                .number("Shift", width: 11) { ReportText.shift($0) },
                ReportColumn(title: "Reason", width: 17) { .prose($0.note.isEmpty ? "—" : $0.note) },
            ]
        case "notUpdated":
            return [
                idColumn, actionColumn, leadsColumn,
                ReportColumn(title: "Rating", width: 7) { .rating($0.after) },
                ReportColumn(title: "Deadline", width: 12) { day($0.deadlineAfter) },
                ReportColumn(title: "Last updated", width: 12) { .text($0.date?.humanDescription ?? "never") },
            ]
        default:  // ratingUp, ratingDown, ratingSetOrCleared
            return [
                idColumn, actionColumn, leadsColumn,
                ReportColumn(title: "Then", width: 7) { .rating($0.before) },
                ReportColumn(title: "Now", width: 7) { .rating($0.after) },
                ReportColumn(title: "Changed", width: 11) { day($0.date) },
                ReportColumn(title: "Note", width: 20) { .prose($0.note.isEmpty ? "—" : $0.note) },
            ]
        }
    }

    /// The exceptions table (the lead is the heading of each group of rows).
    static let exceptionColumns: [ReportColumn<StatusReport.ExceptionItem>] = [
        ReportColumn(title: "ID", width: 7) { .text($0.id) },
        ReportColumn(title: "Action", width: nil) { .prose($0.text) },
        ReportColumn(title: "Rating", width: 7) { .rating($0.rating) },
        ReportColumn(title: "Why", width: 10) { .text($0.reasons.map(\.label).joined(separator: ", ")) },
        ReportColumn(title: "Original deadline", width: 10) {
            .text(ReportText.deadline($0.originalDelivery, $0.originalDeadline))
        },
        ReportColumn(title: "Revised deadline", width: 10) { item in
            .text(item.revisedDelivery.map { ReportText.deadline($0, item.revisedDeadline) } ?? "—")
        },
        .number("Days late", width: 7) { $0.daysLate.map(String.init) ?? "—" },
        ReportColumn(title: "Latest note", width: 20) { item in
            .prose(item.latestNote.map { (item.latestNoteDate.map { "\($0.humanDescription): " } ?? "") + $0 } ?? "—")
        },
    ]

    /// The full plan's action table; lead names come from `report`.
    static func planColumns(_ report: StatusReport) -> [ReportColumn<Action>] {
        [
            ReportColumn(title: "ID", width: 8) { .text($0.id) },
            ReportColumn(title: "Cross-refs", width: 10) {
                .text($0.crossReferences.isEmpty ? "—" : $0.crossReferences.joined(separator: ", "))
            },
            ReportColumn(title: "Action", width: nil) { a in
                let level = report.plan.level(of: a)
                var extra = a.fields
                if !a.status.isEmpty && a.status.lowercased() != (level?.name.lowercased() ?? "") {
                    extra.insert(ActionField(name: "Status as written", value: a.status), at: 0)
                }
                return extra.isEmpty ? .prose(a.text) : .proseWithFields(a.text, extra)
            },
            ReportColumn(title: "Leads", width: 16) {
                let n = report.leadNames(of: $0)
                return .text(n.isEmpty ? "—" : n.joined(separator: ", "))
            },
            ReportColumn(title: "Delivery date", width: 12) { .text(ReportText.delivery(of: $0)) },
            ReportColumn(title: "Rating", width: 7) {
                report.plan.scale == nil ? .rating($0.rating) : .level(report.plan.level(of: $0))
            },
        ]
    }

    /// The officers appendix.
    static let officerColumns: [ReportColumn<Officer>] = [
        ReportColumn(title: "Code", width: 12) { .text($0.code) },
        ReportColumn(title: "Name", width: 30) { .text($0.name) },
        ReportColumn(title: "Role", width: nil) { .text($0.role) },
    ]
}
