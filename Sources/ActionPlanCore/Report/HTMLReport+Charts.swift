/// The HTML report's charts and impact sections: the ratings of each theme and the lateness of overdue actions
/// under the summary by theme, the ratings over the snapshots with the movement, the recommendations' coverage
/// and the measures with a trend line each. Every chart is followed by (or follows) a table of its numbers.
extension HTMLReport {
    /// The charts under the summary by theme (its table holds the bars' numbers).
    static func themeCharts(_ r: StatusReport, _ charts: ReportCharts, _ h: inout HTMLBuffer) {
        h.raw("<figure class=\"chart\">\n")
        SVGChart.stackedBars(
            charts.themes,
            label: "Ratings of each theme's actions as shares of the theme (B Blue, G Green, A Amber, R Red), "
                + "with how many are overdue: "
                + charts.themes.map {
                    "\($0.label) \($0.counts.blue) B, \($0.counts.green) G, \($0.counts.amber) A, "
                        + "\($0.counts.red) R, \($0.counts.overdue) overdue"
                }.joined(separator: "; "),
            &h)
        h.raw("<figcaption>Each theme’s actions by rating (100% = the theme); ⚑ overdue actions. ")
        h.raw("The numbers are in the table above.</figcaption>\n</figure>\n")
        let buckets = charts.lateness.buckets
        h.raw("<div class=\"keep\">\n<h3>How late the overdue actions are</h3>\n<figure class=\"chart\">\n")
        SVGChart.countBars(
            buckets,
            label: "Overdue actions by lateness: " + buckets.map { "\($0.label) \($0.count)" }.joined(separator: ", "),
            &h)
        h.raw("</figure>\n")
        table(ReportTables.latenessColumns, class: "small", &h) { h in
            for b in buckets { row(ReportTables.latenessColumns, b, &h, rowClass: nil) }
        }
        h.raw("</div>\n")
    }

    /// The ratings at each snapshot and now, when the plan has snapshots.
    static func historyChart(_ charts: ReportCharts, _ h: inout HTMLBuffer) {
        guard !charts.history.isEmpty else { return }
        h.raw("<div class=\"keep\">\n<h3>Ratings over the reporting cycles</h3>\n<figure class=\"chart\">\n")
        SVGChart.stackedBars(
            charts.history,
            label: "Ratings at each snapshot and now: "
                + charts.history.map {
                    "\($0.label) \($0.counts.blue) B, \($0.counts.green) G, \($0.counts.amber) A, "
                        + "\($0.counts.red) R"
                }.joined(separator: "; "),
            &h)
        h.raw("</figure>\n")
        table(ReportTables.historyColumns, class: "small", &h) { h in
            for b in charts.history { row(ReportTables.historyColumns, b, &h, rowClass: nil) }
        }
        h.raw("</div>\n")
    }

    /// Section 6: each recommendation with the actions that answer it.
    static func recommendations(_ r: StatusReport, _ h: inout HTMLBuffer) {
        h.raw("<section id=\"recommendations\" class=\"newpage\">\n<h2>6. Recommendations</h2>\n")
        let coverage = r.coverage
        if coverage.isEmpty {
            h.raw("<p class=\"none\">The plan has no recommendations register.</p>\n</section>\n")
            return
        }
        h.raw("<p class=\"lede\">")
        h.text(ReportText.coverageSummary(coverage))
        h.raw("</p>\n")
        let cols = ReportTables.recommendationColumns
        table(cols, class: "recs", &h) { h in
            for c in coverage { row(cols, c, &h, rowClass: c.isUncovered ? "late" : nil) }
        }
        h.raw("</section>\n")
    }

    /// Section 7: the measures, a trend line for each with two figures or more, and their table.
    static func measures(_ r: StatusReport, _ charts: ReportCharts, _ h: inout HTMLBuffer) {
        h.raw("<section id=\"measures\">\n<h2>7. Measures of impact</h2>\n")
        if r.plan.measures.isEmpty {
            h.raw("<p class=\"none\">The plan has no measures yet.</p>\n</section>\n")
            return
        }
        h.raw("<p class=\"note\">Ratings monitor delivery; these figures show impact. A dashed line is the ")
        h.raw("target; on target meets or beats it, near target misses it by no more than a tenth.</p>\n")
        if !charts.trends.isEmpty {
            h.raw("<div class=\"trends\">\n")
            for t in charts.trends {
                h.raw("<figure class=\"trend\">\n")
                SVGChart.trend(t, &h)
                h.raw("</figure>\n")
            }
            h.raw("</div>\n")
        }
        let cols = ReportTables.measureColumns
        table(cols, class: "measures", &h) { h in
            for m in ReportTables.measureRows(r) { row(cols, m, &h, rowClass: m.depth == 0 ? "mtop" : nil) }
        }
        h.raw("</section>\n")
    }

    /// The stylesheet's rules for charts.
    static let chartStylesheet = """
        svg.defs { position: absolute; }
        figure.chart { margin: 1mm 0 2mm; break-inside: avoid; }
        figure.chart svg { max-width: 100%; height: auto; }
        figcaption { font-size: 7.5pt; color: #333; }
        div.trends { display: flex; flex-wrap: wrap; gap: 1mm 3mm; margin-bottom: 2mm; }
        figure.trend { margin: 0; width: 58mm; break-inside: avoid; }
        figure.trend svg { width: 100%; height: auto; }
        table.small { width: 60%; }
        tr.mtop td { background: #f2f2f2; }

        """
}
