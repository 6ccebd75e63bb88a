import Foundation

/// Renders a `StatusReport` as GitHub-flavoured Markdown (`actionplan export --format markdown`).
///
/// The same sections as the HTML report, as Markdown tables, for wikis, pull
/// requests and e-mail. Plan text is escaped so it can neither break a table (a
/// `|` in an action) nor become markup: Markdown-active characters are
/// backslash-escaped, `<`, `>` and `&` become entities (so `<script>` stays
/// text), line breaks inside cells become `<br>`, and control characters are
/// made visible. Tables with a lead or group heading in the HTML become a
/// heading followed by a table here, since Markdown tables cannot span columns.
public enum MarkdownReport {
    /// The report as a Markdown document ending with a newline.
    public static func render(_ r: StatusReport) -> String {
        var out = ""
        out.reserveCapacity(4096 + r.plan.actionCount * 700)
        out += "# " + inline(ReportText.singleLine(r.title)) + "\n\n"
        out += "_Improvement plan status report_\n\n"
        out += "| | |\n| --- | --- |\n"
        for (k, v) in ReportText.facts(r) { out += "| **\(k)** | \(cell(v)) |\n" }

        out += "\n## 1. Key to ratings\n\nThe plan’s own definitions, verbatim.\n\n"
        out += "| Rating | Definition |\n| --- | --- |\n"
        for level in r.plan.ratingScale.levels {
            let counts = level.name == level.rating.name ? "" : " (counts as \(level.rating.name))"
            out += "| \(cell(level.letter + " " + level.name + counts)) | \(cell(level.definition)) |\n"
        }

        out += "\n## 2. Headline\n\n"
        let attention = ReportText.attention(r)
        if !attention.isEmpty { out += "**" + inline(attention) + "**\n\n" }
        out += ReportText.headline(r) + "\n\n"
        out += "| Measure | Actions | % of all actions |\n| --- | ---: | ---: |\n"
        for row in ReportText.headlineRows(r) {
            let label = row.rating.map { "\($0.letter) — \(row.label)" } ?? row.label
            out += "| \(label) | \(row.count) | \(row.percent.map { "\($0)%" } ?? "") |\n"
        }
        out += "\n" + ReportText.overdueNote + "\n"

        out += "\n## 3. Summary by theme\n\n"
        if let cmp = r.comparison {
            out += "Change against snapshot “\(inline(cmp.label))” (\(ReportText.longDate(cmp.date))): ▲ Up when more "
            out += "actions moved up (towards Blue) than down, ▼ Down when more moved down, = Same otherwise; then "
            out += "the change in each rating’s count.\n\n"
        } else {
            out += "No earlier snapshot, so no change is shown.\n\n"
        }
        table(ReportTables.themeColumns, r.themes + [r.total], &out)
        let charts = ReportCharts(r)
        out += "\n### How late the overdue actions are\n\n"
        table(ReportTables.latenessColumns, charts.lateness.buckets, &out)

        out += "\n## 4. Movement since the last report\n\n"
        if !charts.history.isEmpty {
            out += "### Ratings over the reporting cycles\n\n"
            table(ReportTables.historyColumns, charts.history, &out)
            out += "\n"
        }
        if let m = r.movement, let cmp = r.comparison {
            out += "Compared with snapshot “\(inline(cmp.label))”, position as at \(ReportText.longDate(cmp.date)).\n"
            for s in m.sections {
                out += "\n### \(s.title) (\(s.items.count))\n\n_\(s.rule)_\n\n"
                if s.items.isEmpty {
                    out += "None.\n"
                } else {
                    table(ReportTables.movementColumns(s.key), s.items, &out)
                }
            }
        } else {
            out += "No earlier snapshot yet, so no movement; freeze this position with "
            out += "`actionplan snapshot PLAN --label LABEL` for the next report.\n"
        }

        out += "\n## 5. Exceptions\n\n"
        out += ReportText.exceptionsSummary(r.exceptionCount) + "\n"
        for t in r.exceptions {
            out += "\n### Theme \(t.number): \(inline(ReportText.singleLine(t.title)))\n"
            for l in t.leads {
                out += "\n#### Lead: \(inline(ReportText.singleLine(l.lead)))\n\n"
                table(ReportTables.exceptionColumns, l.items, &out)
            }
        }

        impact(r, &out)

        out += "\n## 8. The full plan\n"
        let cols = ReportTables.planColumns(r)
        for t in r.plan.themes {
            out += "\n### Theme \(t.number): \(inline(ReportText.singleLine(t.title)))\n\n"
            if !t.leads.isEmpty {
                out += "**Theme leads:** \(inline(ReportText.singleLine(t.leads.joined(separator: ", "))))\n\n"
            }
            for b in t.narrative {
                out += "#### \(inline(ReportText.singleLine(b.heading)))\n\n"
                out += paragraphs(b.text)
            }
            for g in t.groups where !g.actions.isEmpty {
                if let title = g.title { out += "#### \(inline(ReportText.singleLine(title)))\n\n" }
                table(cols, g.actions, &out)
                out += "\n"
            }
        }

        out += "\n## Appendix: named officers\n\n"
        if r.plan.officers.isEmpty {
            out += "The plan names no officers.\n"
        } else {
            table(ReportTables.officerColumns, r.plan.officers, &out)
        }
        return out
    }

    /// Sections 6 and 7: the recommendations' coverage and the measures, as the HTML prints them (the trend
    /// charts' latest and previous figures are in the measures table).
    private static func impact(_ r: StatusReport, _ out: inout String) {
        out += "\n## 6. Recommendations\n\n"
        let coverage = r.coverage
        if coverage.isEmpty {
            out += "The plan has no recommendations register.\n"
        } else {
            out += ReportText.coverageSummary(coverage) + "\n\n"
            table(ReportTables.recommendationColumns, coverage, &out)
        }
        out += "\n## 7. Measures of impact\n\n"
        if r.plan.measures.isEmpty {
            out += "The plan has no measures yet.\n"
        } else {
            table(ReportTables.measureColumns, ReportTables.measureRows(r), &out)
        }
    }

    private static func table<Row>(_ cols: [ReportColumn<Row>], _ rows: [Row], _ out: inout String) {
        out += "|"
        for c in cols { out += " " + cell(c.title) + " |" }
        out += "\n|"
        for c in cols { out += c.numeric ? " ---: |" : " --- |" }
        out += "\n"
        for row in rows {
            out += "|"
            for c in cols {
                let v = c.cell(row)
                switch v {
                case .strong(let s): out += " **" + cell(s) + "** |"
                default: out += " " + cell(v.plain) + " |"
                }
            }
            out += "\n"
        }
    }

    /// Plan text as the content of a table cell: escaped inline, line breaks as `<br>`, never empty.
    static func cell(_ s: String) -> String {
        let t = inline(s, lineBreak: "<br>")
        return t.isEmpty ? " " : t
    }

    /// Plan text escaped for inline Markdown: Markdown-active characters backslash-escaped,
    /// `& < >` as entities, control characters visible; a line break becomes `lineBreak`.
    static func inline(_ s: String, lineBreak: String = "\n") -> String {
        let clean = ReportText.clean(s)
        var out = String.UnicodeScalarView()
        for u in clean.unicodeScalars {
            switch u {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\n": out.append(contentsOf: lineBreak.unicodeScalars)
            case "\r": break
            case "\\", "`", "*", "_", "[", "]", "|", "~", "!", "$", "#", "{", "}", "^":
                out.append("\\")
                out.append(u)
            default: out.append(u)
            }
        }
        return String(out)
    }

    /// Narrative text as paragraphs and bullet lists; a line that would start a block (`-`, `+`, `=`, `1.`)
    /// is escaped unless it is one of the plan's own bullets (`- ` or `• `), which becomes a list item.
    static func paragraphs(_ text: String) -> String {
        var out = ""
        for part in ReportText.narrative(text) {
            switch part {
            case .paragraph(let t): out += escapeBlockStart(inline(t)) + "\n\n"
            case .list(let items):
                for t in items { out += "- " + inline(t) + "\n" }
                out += "\n"
            }
        }
        return out
    }

    /// `line` with a leading `-`, `+`, `=` or `1.`/`1)` escaped so it stays a paragraph.
    static func escapeBlockStart(_ line: String) -> String {
        guard let first = line.first else { return line }
        if first == "-" || first == "+" || first == "=" { return "\\" + line }
        let digits = line.prefix(while: \.isNumber)
        if !digits.isEmpty, digits.count <= 9 {
            let rest = line.dropFirst(digits.count)
            if let c = rest.first, c == "." || c == ")" { return digits + "\\" + rest }
        }
        return line
    }
}
