/// Renders a `PlanSummary` as a table, TSV or JSON (`actionplan summary`).
public enum SummaryReport {
    /// The summary of `plan` on `today` in `format`.
    public static func render(_ plan: Plan, asOf today: CalendarDay, format: ActionListing.Format) -> String {
        let s = PlanSummary(plan, asOf: today)
        let rows: [(String, String, RatingCounts)] =
            s.themes.map { (String($0.number), $0.title, $0.counts) } + [("total", "All themes", s.total)]
        switch format {
        case .tsv: return tsv(rows)
        case .json: return json(s, asOf: today)
        case .table: return table(rows, s, asOf: today)
        }
    }

    /// The rows as TSV under the contract header
    /// (`theme title total blue green amber red unrated overdue percent_complete`).
    private static func tsv(_ rows: [(String, String, RatingCounts)]) -> String {
        var out = "theme\ttitle\ttotal\tblue\tgreen\tamber\tred\tunrated\toverdue\tpercent_complete\n"
        for (n, title, c) in rows {
            out +=
                [
                    n, ActionListing.tsvCell(title), "\(c.total)", "\(c.blue)", "\(c.green)", "\(c.amber)",
                    "\(c.red)",
                    "\(c.unrated)", "\(c.overdue)", "\(c.percentComplete)",
                ].joined(separator: "\t") + "\n"
        }
        return out
    }

    /// The summary as a JSON object: `asOf`, `themes` and `total`, counts by `RatingCounts.writeJSON`.
    private static func json(_ s: PlanSummary, asOf today: CalendarDay) -> String {
        var w = JSONWriter()
        w.object { w in
            w.field("asOf", today.description)
            w.key("themes")
            w.array(s.themes) { w, t in
                w.object { w in
                    w.field("theme", t.number)
                    w.field("title", t.title)
                    t.counts.writeJSON(&w)
                }
            }
            w.key("total")
            w.object { w in s.total.writeJSON(&w) }
        }
        w.finish()
        return String(decoding: w.bytes, as: UTF8.self)
    }

    /// The rows as a table for people, with a closing line of totals.
    private static func table(
        _ rows: [(String, String, RatingCounts)], _ s: PlanSummary, asOf today: CalendarDay
    ) -> String {
        var out = DisplayWidth.pad("THEME", to: 40) + "   B   G   A   R   ·  LATE  DONE\n"
        for (n, title, c) in rows {
            let label = n == "total" ? "Total" : n + ". " + TerminalSafe.escape(title)
            out += DisplayWidth.pad(label, to: 40)
            for (i, v) in [c.blue, c.green, c.amber, c.red, c.unrated, c.overdue].enumerated() {
                out += DisplayWidth.pad(String(v), to: i == 5 ? 6 : 4, alignRight: true)
            }
            out += DisplayWidth.pad("\(c.percentComplete)%", to: 6, alignRight: true) + "\n"
        }
        out += "As of \(today): \(s.total.total) actions, \(s.total.overdue) overdue.\n"
        return out
    }
}
