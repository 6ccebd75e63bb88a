/// The numbers the report's charts draw, computed once from a ``StatusReport`` (each chart also prints them in
/// a table, so the chart is never the only place a number is).
public struct ReportCharts: Sendable {
    /// One 100% bar: a label and its actions by rating, with how many are overdue.
    public struct Bar: Hashable, Sendable {
        /// `Theme 3`, `November 2018 committee`, `Now`.
        public var label: String
        /// Counts by rating (Blue, Green, Amber, Red, unrated) and overdue.
        public var counts: RatingCounts
    }

    /// How late the overdue actions are.
    public struct Lateness: Hashable, Sendable {
        /// 1–31 days late.
        public var upToOneMonth = 0
        /// 32–92 days late.
        public var oneToThreeMonths = 0
        /// 93 days or more late.
        public var overThreeMonths = 0

        /// The three buckets with their labels, in order.
        public var buckets: [(label: String, count: Int)] {
            [
                ("Up to 1 month (1–31 days)", upToOneMonth), ("1–3 months (32–92 days)", oneToThreeMonths),
                ("Over 3 months (93 days or more)", overThreeMonths),
            ]
        }
    }

    /// One measure's figures for a trend line.
    public struct Trend: Sendable {
        /// The measure's ID and title (a sub-measure's with its parent's title).
        public var id: String
        /// The title shown.
        public var title: String
        /// The measure's status: figures, target, rating against it.
        public var status: MeasureStatus
    }

    /// A bar per theme.
    public var themes: [Bar]
    /// The lateness of overdue actions.
    public var lateness: Lateness
    /// A bar per snapshot, oldest first, then the position now; empty when the plan has no snapshots.
    public var history: [Bar]
    /// A trend per measure or sub-measure with two figures or more, in plan order.
    public var trends: [Trend]

    /// The charts of `r`.
    public init(_ r: StatusReport) {
        themes = r.themes.map { Bar(label: "Theme \($0.number.map(String.init) ?? "")", counts: $0.counts) }
        var late = Lateness()
        for a in r.plan.allActions {
            guard let d = a.daysOverdue(asOf: r.asOf) else { continue }
            if d <= 31 {
                late.upToOneMonth += 1
            } else if d <= 92 {
                late.oneToThreeMonths += 1
            } else {
                late.overThreeMonths += 1
            }
        }
        lateness = late
        history =
            r.plan.snapshots.isEmpty
            ? []
            : r.plan.snapshots.filter { $0.date <= r.asOf }.map { s in
                Bar(label: s.label, counts: RatingCounts.of(ratings: s.actions.lazy.map(\.rating)))
            } + [Bar(label: "Now", counts: r.total.counts)]
        var trends: [Trend] = []
        for m in r.plan.measures {
            for (x, depth) in m.flattened {
                let s = MeasureStatus(x)
                guard s.figures.count >= 2 else { continue }
                trends.append(Trend(id: x.id, title: depth == 0 ? x.title : "\(m.title): \(x.title)", status: s))
            }
        }
        self.trends = trends
    }
}

extension StatusReport {
    /// The sentences a committee must notice, worst first: overdue actions still rated Green (`25 of the 28
    /// overdue actions are rated Green`), Red actions and the most overdue one; empty when nothing stands out.
    public var attention: [String] {
        var out: [String] = []
        let overdue = plan.allActions.compactMap { a in a.daysOverdue(asOf: asOf).map { (a, $0) } }
        let green = overdue.filter { $0.0.rating == .green }.count
        if green > 0 {
            let of = overdue.count == green ? "All \(green)" : "\(green) of the \(overdue.count)"
            out.append(
                "\(of) overdue action\(overdue.count == 1 ? " is" : "s are") rated Green: "
                    + "\(green == 1 ? "its rating" : "their ratings") should have moved or their dates been revised.")
        } else if !overdue.isEmpty {
            out.append("\(overdue.count) action\(overdue.count == 1 ? " is" : "s are") overdue.")
        }
        let red = headline.counts.red
        if red > 0 { out.append("\(red) action\(red == 1 ? " is" : "s are") rated Red: not to be delivered in time.") }
        if let worst = overdue.max(by: { ($0.1, $1.0.id) < ($1.1, $0.0.id) }) {
            out.append("The most overdue is \(worst.0.id), \(worst.1) days late.")
        }
        return out
    }
}
