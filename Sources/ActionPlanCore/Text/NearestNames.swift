/// The names nearest to a word someone mistyped: a subcommand (`overdeu` → `overdue`), a lead code
/// (`ZZ` → the plan's codes), so a message can say what was probably meant.
///
/// Nearness is the optimal-string-alignment distance (insertions, deletions, substitutions and swaps of
/// two neighbouring characters each count one), compared without regard to case.
public enum NearestNames {
    /// The edit distance between `a` and `b`, ignoring case: `overdeu`/`overdue` 1, `lst`/`list` 1,
    /// `ZZ`/`BJ` 2.
    public static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.lowercased())
        let y = Array(b.lowercased())
        if x.isEmpty || y.isEmpty { return max(x.count, y.count) }
        // Three rows of the dynamic-programming table: two back (for swaps), one back, this one.
        var twoBack = [Int](repeating: 0, count: y.count + 1)
        var oneBack = Array(0...y.count)
        var row = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            row[0] = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                row[j] = min(oneBack[j] + 1, row[j - 1] + 1, oneBack[j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    row[j] = min(row[j], twoBack[j - 2] + 1)
                }
            }
            (twoBack, oneBack, row) = (oneBack, row, twoBack)
        }
        return oneBack[y.count]
    }

    /// The names of `candidates` nearest to `word`, at most `limit`, nearest first and in the candidates'
    /// order among equals; names further than `maxDistance` (when given) are left out, and so is `word`
    /// itself.
    public static func nearest(
        to word: String, among candidates: [String], limit: Int = 5, maxDistance: Int? = nil
    ) -> [String] {
        var seen: Set<String> = []
        let scored = candidates.enumerated().compactMap { (i, name) -> (Int, Int, String)? in
            guard seen.insert(name).inserted, name != word else { return nil }
            let d = distance(word, name)
            if let maxDistance, d > maxDistance { return nil }
            return (d, i, name)
        }
        return scored.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.prefix(limit).map(\.2)
    }

    /// The one name `word` is most likely a slip for, or nil: the nearest candidate within one edit for
    /// words of up to four characters and two edits for longer ones (`overdeu` → `overdue`, `lsit` →
    /// `list`), when no other candidate is as near.
    public static func likelySlip(for word: String, among candidates: [String]) -> String? {
        let allowed = word.count <= 4 ? 1 : 2
        let best = nearest(to: word, among: candidates, limit: 2, maxDistance: allowed)
        guard let first = best.first else { return nil }
        if best.count == 2, distance(word, best[1]) == distance(word, first) { return nil }
        return first
    }
}
