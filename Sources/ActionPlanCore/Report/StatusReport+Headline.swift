/// The headline and the summary by theme: counts, lateness and the change against the snapshot.
extension StatusReport {
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

    /// Fills the headline, the theme rows and the total row from the plan's counts on the report's day.
    mutating func computeHeadlineAndThemes() {
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
}
