import Foundation

/// Renders a `StatusReport` as one self-contained, printable HTML file (`actionplan export --format html`).
///
/// The HTML is the report committees print, so it is written for paper first:
/// A4 portrait, inline CSS only (no scripts, no fonts or images fetched), a page
/// break before each major section, table headers repeated on every page, rows
/// never split across pages, ratings as coloured cells that also carry their
/// letter (a black-and-white print still reads), and a running footer with the
/// plan's title and "Page N of M" drawn by CSS `@page` margin boxes (Chromium 131
/// and later print them; docs/export.md says what other browsers do). Every piece
/// of text from the plan is HTML-escaped, and control characters are made
/// visible, so a hostile plan cannot inject markup or terminal sequences.
public enum HTMLReport {
    /// The report as the bytes of an HTML document (UTF-8).
    public static func render(_ report: StatusReport) -> [UInt8] {
        var h = HTMLBuffer(capacity: 4096 + report.plan.actionCount * 900)
        h.raw("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n")
        h.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        h.raw("<meta name=\"generator\" content=\"actionplan export\">\n<title>")
        h.text(ReportText.singleLine(report.title) + " — position as at " + ReportText.longDate(report.asOf))
        h.raw("</title>\n<style>\n")
        h.raw(stylesheet)
        h.raw(chartStylesheet)
        h.raw("@page {\n  @bottom-left { content: \"")
        h.raw(cssString(footerTitle(report.title)))
        h.raw("\"; }\n  @bottom-right { content: \"Position as at ")
        h.raw(cssString(ReportText.longDate(report.asOf)))
        h.raw(" \\2014  Page \" counter(page) \" of \" counter(pages); }\n}\n</style>\n</head>\n<body>\n")
        h.raw(SVGChart.patternDefinitions)
        let charts = ReportCharts(report)
        header(report, &h)
        key(report, &h)
        headline(report, &h)
        themes(report, &h)
        themeCharts(report, charts, &h)
        h.raw("</section>\n")
        movement(report, charts, &h)
        exceptions(report, &h)
        recommendations(report, &h)
        measures(report, charts, &h)
        fullPlan(report, &h)
        officers(report, &h)
        h.raw("</body>\n</html>\n")
        return h.bytes
    }

    // MARK: - Sections

    private static func header(_ r: StatusReport, _ h: inout HTMLBuffer) {
        h.raw("<header class=\"cover\">\n<p class=\"kicker\">Improvement plan status report</p>\n<h1>")
        h.text(ReportText.singleLine(r.title))
        h.raw("</h1>\n")
        if !r.organisation.isEmpty {
            h.raw("<p class=\"org\">")
            h.text(r.organisation)
            h.raw("</p>\n")
        }
        h.raw("<table class=\"facts\">\n<tbody>\n")
        let facts: [(String, String)] = [
            ("Version", r.version.isEmpty ? "—" : r.version),
            ("Period", r.period.isEmpty ? "—" : r.period),
            ("Position as at", ReportText.longDate(r.asOf)),
            ("Compared with", ReportText.comparison(r)),
            ("Produced", ReportText.longDate(r.produced)),
        ]
        for (k, v) in facts {
            h.raw("<tr><th scope=\"row\">")
            h.text(k)
            h.raw("</th><td>")
            h.text(v)
            h.raw("</td></tr>\n")
        }
        h.raw("</tbody>\n</table>\n</header>\n")
    }

    private static func key(_ r: StatusReport, _ h: inout HTMLBuffer) {
        h.raw("<section id=\"key\">\n<h2>1. Key to ratings</h2>\n")
        h.raw("<p class=\"note\">The plan’s own definitions, verbatim.</p>\n")
        h.raw("<table class=\"key\">\n<colgroup><col style=\"width:8%\"><col style=\"width:14%\"><col></colgroup>\n")
        h.raw("<thead><tr><th></th><th>Rating</th><th>Definition</th></tr></thead>\n<tbody>\n")
        for level in r.plan.ratingScale.levels {
            h.raw("<tr>")
            if r.plan.scale == nil { ratingCell(level.rating, &h) } else { levelCell(level, &h) }
            h.raw("<td>")
            h.text(level.name + (level.name == level.rating.name ? "" : " (counts as \(level.rating.name))"))
            h.raw("</td><td class=\"prose\">")
            h.text(level.definition)
            h.raw("</td></tr>\n")
        }
        h.raw("</tbody>\n</table>\n</section>\n")
    }

    private static func headline(_ r: StatusReport, _ h: inout HTMLBuffer) {
        h.raw("<section id=\"headline\">\n<h2>2. Headline</h2>\n")
        let attention = ReportText.attention(r)
        if !attention.isEmpty {
            h.raw("<p class=\"attention\"><strong>")
            h.text(attention)
            h.raw("</strong></p>\n")
        }
        h.raw("<p class=\"lede\">")
        h.text(ReportText.headline(r))
        h.raw("</p>\n<table class=\"headline\">\n")
        h.raw("<colgroup><col style=\"width:8%\"><col><col style=\"width:14%\"><col style=\"width:16%\"></colgroup>\n")
        h.raw(
            "<thead><tr><th></th><th>Measure</th><th class=\"num\">Actions</th><th class=\"num\">% of all actions</th>")
        h.raw("</tr></thead>\n<tbody>\n")
        for row in ReportText.headlineRows(r) {
            h.raw(row.isTotal ? "<tr class=\"total\">" : "<tr>")
            if row.isRating { ratingCell(row.rating, &h) } else { h.raw("<td></td>") }
            h.raw("<td>")
            h.text(row.label)
            h.raw("</td><td class=\"num\">\(row.count)</td><td class=\"num\">")
            h.raw(row.percent.map { "\($0)%" } ?? "")
            h.raw("</td></tr>\n")
        }
        h.raw("</tbody>\n</table>\n")
        h.raw("<p class=\"note\">")
        h.text(ReportText.overdueNote)
        h.raw("</p>\n</section>\n")
    }

    private static func themes(_ r: StatusReport, _ h: inout HTMLBuffer) {
        h.raw("<section id=\"themes\" class=\"newpage\">\n<h2>3. Summary by theme</h2>\n")
        if let c = r.comparison {
            h.raw("<p class=\"note\">Change against snapshot “")
            h.text(c.label)
            h.raw("” (\(ReportText.longDate(c.date))): ▲ Up when more actions moved up (towards Blue) than down, ")
            h.raw("▼ Down when more moved down, = Same otherwise; then the change in each rating’s count.</p>\n")
        } else {
            h.raw("<p class=\"note\">No earlier snapshot, so no change is shown.</p>\n")
        }
        table(ReportTables.themeColumns, class: "themes", &h) { h in
            for t in r.themes { row(ReportTables.themeColumns, t, &h, rowClass: changeClass(t.change)) }
            row(ReportTables.themeColumns, r.total, &h, rowClass: "total")
        }
    }

    private static func changeClass(_ c: StatusReport.Change?) -> String? {
        guard let c else { return nil }
        return "chg-" + c.direction.rawValue
    }

    private static func movement(_ r: StatusReport, _ charts: ReportCharts, _ h: inout HTMLBuffer) {
        h.raw("<section id=\"movement\">\n<h2>4. Movement since the last report</h2>\n")
        guard let m = r.movement, let c = r.comparison else {
            h.raw("<p class=\"none\">No earlier snapshot yet, so no movement; freeze this position with ")
            h.raw("<code>actionplan snapshot PLAN --label LABEL</code> for the next report.</p>\n")
            historyChart(charts, &h)
            h.raw("</section>\n")
            return
        }
        historyChart(charts, &h)
        h.raw("<p class=\"lede\">Compared with snapshot “")
        h.text(c.label)
        h.raw("”, position as at \(ReportText.longDate(c.date)).</p>\n")
        for s in m.sections {
            h.raw("<div class=\"mv\">\n<div class=\"keep\">\n<h3>")
            h.text("\(s.title) (\(s.items.count))")
            h.raw("</h3>\n<p class=\"note\">")
            h.text(s.rule)
            h.raw("</p>\n")
            if s.items.isEmpty {
                h.raw("<p class=\"none\">None.</p>\n</div>\n</div>\n")
                continue
            }
            h.raw("</div>\n")
            let cols = ReportTables.movementColumns(s.key)
            table(cols, class: "movement", &h) { h in
                for i in s.items { row(cols, i, &h, rowClass: i.daysLate != nil ? "late" : nil) }
            }
            h.raw("</div>\n")
        }
        h.raw("</section>\n")
    }

    private static func exceptions(_ r: StatusReport, _ h: inout HTMLBuffer) {
        h.raw("<section id=\"exceptions\" class=\"newpage\">\n<h2>5. Exceptions</h2>\n<p class=\"lede\">")
        h.text(ReportText.exceptionsSummary(r.exceptionCount))
        h.raw("</p>\n")
        let cols = ReportTables.exceptionColumns
        for t in r.exceptions {
            h.raw("<div class=\"exc\">\n<h3>")
            h.text("Theme \(t.number): \(ReportText.singleLine(t.title))")
            h.raw("</h3>\n")
            table(cols, class: "exceptions", &h) { h in
                for l in t.leads {
                    h.raw("<tr class=\"lead\"><th colspan=\"\(cols.count)\">Lead: ")
                    h.text(l.lead)
                    h.raw("</th></tr>\n")
                    for i in l.items { row(cols, i, &h, rowClass: nil) }
                }
            }
            h.raw("</div>\n")
        }
        h.raw("</section>\n")
    }

    private static func fullPlan(_ r: StatusReport, _ h: inout HTMLBuffer) {
        h.raw("<section id=\"plan\" class=\"newpage\">\n<h2>8. The full plan</h2>\n")
        let cols = ReportTables.planColumns(r)
        for (i, t) in r.plan.themes.enumerated() {
            h.raw(i == 0 ? "<div class=\"theme\">\n<h3>" : "<div class=\"theme newpage\">\n<h3>")
            h.text("Theme \(t.number): \(ReportText.singleLine(t.title))")
            h.raw("</h3>\n")
            if !t.leads.isEmpty {
                h.raw("<p class=\"leads\"><strong>Theme leads:</strong> ")
                h.text(t.leads.joined(separator: ", "))
                h.raw("</p>\n")
            }
            for b in t.narrative {
                h.raw("<div class=\"narrative\">\n<h4>")
                h.text(ReportText.singleLine(b.heading))
                h.raw("</h4>\n")
                narrative(b.text, &h)
                h.raw("</div>\n")
            }
            table(cols, class: "plan", &h) { h in
                for g in t.groups {
                    if let title = g.title {
                        h.raw("<tr class=\"group\"><th colspan=\"\(cols.count)\">")
                        h.text(title)
                        h.raw("</th></tr>\n")
                    }
                    for a in g.actions { row(cols, a, &h, rowClass: nil) }
                }
            }
            h.raw("</div>\n")
        }
        h.raw("</section>\n")
    }

    private static func narrative(_ text: String, _ h: inout HTMLBuffer) {
        for part in ReportText.narrative(text) {
            switch part {
            case .paragraph(let t):
                h.raw("<p>")
                h.text(t)
                h.raw("</p>\n")
            case .list(let items):
                h.raw("<ul>\n")
                for t in items {
                    h.raw("<li>")
                    h.text(t)
                    h.raw("</li>\n")
                }
                h.raw("</ul>\n")
            }
        }
    }

    private static func officers(_ r: StatusReport, _ h: inout HTMLBuffer) {
        h.raw("<section id=\"officers\" class=\"newpage\">\n<h2>Appendix: named officers</h2>\n")
        if r.plan.officers.isEmpty {
            h.raw("<p class=\"none\">The plan names no officers.</p>\n</section>\n")
            return
        }
        let cols = ReportTables.officerColumns
        table(cols, class: "officers", &h) { h in
            for o in r.plan.officers { row(cols, o, &h, rowClass: nil) }
        }
        h.raw("</section>\n")
    }
}
