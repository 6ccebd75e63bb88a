/// Lists a plan's snapshots as a table, TSV or JSON (`actionplan snapshots`).
public enum SnapshotListing {
    /// One snapshot's line.
    private struct Row {
        var label: String
        var date: CalendarDay
        var counts: RatingCounts
        /// B, G, A, R and unrated, in column order.
        var byRating: [Int] { [counts.blue, counts.green, counts.amber, counts.red, counts.unrated] }
    }

    /// The snapshots of `plan`, oldest first, with their counts by rating, in `format`.
    public static func render(_ plan: Plan, format: ActionListing.Format) -> String {
        let rows = plan.snapshots.map { s in
            Row(label: s.label, date: s.date, counts: RatingCounts.of(ratings: s.actions.lazy.map(\.rating)))
        }
        switch format {
        case .tsv: return tsv(rows)
        case .json: return json(rows)
        case .table: return table(rows)
        }
    }

    /// The rows as TSV under the contract header (`label date actions blue green amber red unrated`).
    private static func tsv(_ rows: [Row]) -> String {
        var out = "label\tdate\tactions\tblue\tgreen\tamber\tred\tunrated\n"
        for r in rows {
            out +=
                ([ActionListing.tsvCell(r.label), r.date.description, String(r.counts.total)]
                + r.byRating.map(String.init))
                .joined(separator: "\t") + "\n"
        }
        return out
    }

    /// The rows as a JSON array: `label`, `date` and counts by `RatingCounts.writeJSON` (ratings only).
    private static func json(_ rows: [Row]) -> String {
        var w = JSONWriter()
        w.array(rows) { w, r in
            w.object { w in
                w.field("label", r.label)
                w.field("date", r.date.description)
                r.counts.writeJSON(&w, onADay: false)
            }
        }
        w.finish()
        return String(decoding: w.bytes, as: UTF8.self)
    }

    /// The rows as a table for people, or how to take a first snapshot.
    private static func table(_ rows: [Row]) -> String {
        if rows.isEmpty {
            return "(no snapshots: take one with `actionplan snapshot PLAN --label \"November 2018 committee\"`)\n"
        }
        var out =
            DisplayWidth.pad("DATE", to: 11) + DisplayWidth.pad("LABEL", to: 36)
            + "ACTIONS   B   G   A   R   ·\n"
        for r in rows {
            out += DisplayWidth.pad(r.date.description, to: 11)
            out += DisplayWidth.pad(TerminalSafe.escape(r.label), to: 35) + " "
            out += DisplayWidth.pad(String(r.counts.total), to: 7, alignRight: true)
            for v in r.byRating { out += DisplayWidth.pad(String(v), to: 4, alignRight: true) }
            out += "\n"
        }
        return out
    }
}
