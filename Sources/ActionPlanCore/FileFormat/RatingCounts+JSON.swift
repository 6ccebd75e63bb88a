/// The one JSON spelling of counts by rating, used by every JSON output that prints counts: `summary`,
/// `snapshots`, and the export's headline, themes and total (docs/json.md).
extension RatingCounts {
    /// The counts of `blue`, `green`, `amber`, `red` and `unrated` actions and, for counts on a day,
    /// `overdue` ones, with their JSON keys, in the order every output writes them.
    func jsonCounts(onADay: Bool) -> [(key: StaticString, count: Int)] {
        let byRating: [(key: StaticString, count: Int)] = [
            ("blue", blue), ("green", green), ("amber", amber), ("red", red), ("unrated", unrated),
        ]
        return onADay ? byRating + [("overdue", overdue)] : byRating
    }

    /// Writes the counts as fields of the object being written: `total`, the `jsonCounts`, then for counts
    /// on a day any `extra` counts and `percentComplete`.
    ///
    /// A snapshot's counts (`onADay: false`) stop at `unrated`: a snapshot records ratings, not lateness.
    /// `count` writes each count after `total` — a plain number unless the caller says otherwise (the
    /// export's headline writes `{count, percent}`).
    func writeJSON(
        _ w: inout JSONWriter, onADay: Bool = true, extra: [(key: StaticString, count: Int)] = [],
        count: (inout JSONWriter, StaticString, Int) -> Void = { w, key, n in w.field(key, n) }
    ) {
        w.field("total", total)
        for (key, n) in jsonCounts(onADay: onADay) + (onADay ? extra : []) { count(&w, key, n) }
        if onADay { w.field("percentComplete", percentComplete) }
    }
}
