/// Counts of actions by rating, overdue and complete, for one theme or the whole plan.
///
/// The numbers committees ask for first. `percentComplete` is Blue over all
/// actions, rounded down, so a plan is never reported 100 % complete early.
public struct RatingCounts: Hashable, Sendable {
    /// Actions in total.
    public var total = 0
    /// Blue actions.
    public var blue = 0
    /// Green actions.
    public var green = 0
    /// Amber actions.
    public var amber = 0
    /// Red actions.
    public var red = 0
    /// Unrated actions.
    public var unrated = 0
    /// Overdue actions on the day counted.
    public var overdue = 0

    /// Empty counts.
    public init() {}

    /// The count for `rating` (nil = unrated).
    public func count(_ rating: Rating?) -> Int {
        switch rating {
        case .blue?: return blue
        case .green?: return green
        case .amber?: return amber
        case .red?: return red
        case nil: return unrated
        }
    }

    /// Blue as a whole per cent of all actions (0 when there are none).
    public var percentComplete: Int { total == 0 ? 0 : blue * 100 / total }

    /// Adds one action rated `rating` (nil = unrated), leaving `overdue` alone.
    public mutating func add(rating: Rating?) {
        total += 1
        switch rating {
        case .blue?: blue += 1
        case .green?: green += 1
        case .amber?: amber += 1
        case .red?: red += 1
        case nil: unrated += 1
        }
    }

    /// Adds one action as of `today`.
    public mutating func add(_ a: Action, asOf today: CalendarDay) {
        add(rating: a.rating)
        if a.daysOverdue(asOf: today) != nil { overdue += 1 }
    }

    /// Adds every count of `other` to these.
    public mutating func add(_ other: RatingCounts) {
        total += other.total
        blue += other.blue
        green += other.green
        amber += other.amber
        red += other.red
        unrated += other.unrated
        overdue += other.overdue
    }

    /// Counts by rating of `ratings` (nil = unrated), one action each; `overdue` stays 0.
    public static func of<S: Sequence>(ratings: S) -> RatingCounts where S.Element == Rating? {
        var c = RatingCounts()
        for r in ratings { c.add(rating: r) }
        return c
    }

    /// Counts for `actions`.
    public static func of<S: Sequence>(_ actions: S, asOf today: CalendarDay) -> RatingCounts
    where S.Element == Action {
        var c = RatingCounts()
        for a in actions { c.add(a, asOf: today) }
        return c
    }
}

/// Per-theme and total counts of a plan on a day.
public struct PlanSummary: Hashable, Sendable {
    /// One theme's counts.
    public struct ThemeCounts: Hashable, Sendable {
        /// The theme's number.
        public var number: Int
        /// The theme's title.
        public var title: String
        /// Its counts.
        public var counts: RatingCounts
    }

    /// One row per theme, in order.
    public var themes: [ThemeCounts]
    /// The whole plan.
    public var total: RatingCounts

    /// Counts `plan` as of `today`.
    public init(_ plan: Plan, asOf today: CalendarDay) {
        themes = plan.themes.map { t in
            ThemeCounts(number: t.number, title: t.title, counts: RatingCounts.of(t.actions, asOf: today))
        }
        var total = RatingCounts()
        for t in themes { total.add(t.counts) }
        self.total = total
    }
}
