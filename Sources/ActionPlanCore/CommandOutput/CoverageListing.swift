/// Lists how the plan covers each recommendation as a table, TSV or JSON (`actionplan coverage`).
public enum CoverageListing {
    /// Every recommendation of `plan` with its linked actions, their ratings and overdue state on `today`.
    public static func render(_ plan: Plan, asOf today: CalendarDay, format: ActionListing.Format) -> String {
        let rows = RecommendationCoverage.of(plan, asOf: today)
        switch format {
        case .tsv:
            var out = "id\tsource\tcovered\tactions\trecommendation\n"
            for c in rows {
                out +=
                    [
                        c.recommendation.id, c.recommendation.source, c.isUncovered ? "no" : "yes", c.actionsText,
                        c.recommendation.text,
                    ].map(ActionListing.tsvCell).joined(separator: "\t") + "\n"
            }
            return out
        case .json:
            var w = JSONWriter()
            w.array(rows) { w, c in
                w.object { w in
                    w.field("id", c.recommendation.id)
                    w.field("source", c.recommendation.source)
                    w.field("text", c.recommendation.text)
                    w.field("covered", !c.isUncovered)
                    w.key("actions")
                    w.array(c.actions) { w, l in
                        w.object { w in
                            w.field("id", l.action.id)
                            w.field("rating", l.action.rating?.rawValue)
                            w.field("daysOverdue", l.daysOverdue)
                        }
                    }
                    w.key("missingActions")
                    w.inlineStrings(c.missing)
                }
            }
            w.finish()
            return String(decoding: w.bytes, as: UTF8.self)
        case .table:
            if rows.isEmpty { return "(no recommendations in this plan's register)\n" }
            let uncovered = rows.filter(\.isUncovered).count
            var out = DisplayWidth.pad("REC", to: 9) + DisplayWidth.pad("SOURCE", to: 12) + "ACTIONS\n"
            for c in rows {
                out += DisplayWidth.pad(TerminalSafe.escape(c.recommendation.id), to: 9)
                out += DisplayWidth.pad(
                    DisplayWidth.truncate(TerminalSafe.escape(c.recommendation.source), to: 11), to: 12)
                out += (c.isUncovered ? "!! " : "") + TerminalSafe.escape(c.actionsText) + "\n"
            }
            out += "\(rows.count - uncovered) of \(rows.count) recommendations have a live action"
            out += uncovered == 0 ? "\n" : "; \(uncovered) have none (!!)\n"
            return out
        }
    }
}
