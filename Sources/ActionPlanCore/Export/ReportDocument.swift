/// The committee report as a Word document (`actionplan export --format docx`), for pasting into a
/// committee report template: the Markdown report's sections, as Word headings and tables.
///
/// Where the HTML has a lead or group row spanning a table, the document has a heading followed by a
/// table, as the Markdown does.
public enum ReportDocument {
    /// The document of `r`.
    public static func make(_ r: StatusReport) -> WordDocument {
        typealias B = WordDocument.Block
        var b: [B] = [.title(ReportText.singleLine(r.title))]
        b.append(
            .table(
                WordTable(
                    columns: ["", "Improvement plan status report"], widths: [25, nil], numeric: [false, false],
                    rows: ReportText.facts(r).map { [.strong($0.label), .text($0.value)] })))

        b += [.heading(level: 1, "1. Key to ratings"), .paragraph("The plan’s own definitions, verbatim.")]
        let levels = r.plan.ratingScale.levels.map { level -> [SheetCell] in
            let counts = level.name == level.rating.name ? "" : " (counts as \(level.rating.name))"
            return [.rating(level.rating, label: level.letter + " " + level.name + counts), .text(level.definition)]
        }
        b.append(
            .table(
                WordTable(
                    columns: ["Rating", "Definition"], widths: [20, nil], numeric: [false, false], rows: levels)))

        b.append(.heading(level: 1, "2. Headline"))
        let attention = ReportText.attention(r)
        if !attention.isEmpty { b.append(.paragraph(attention, bold: true)) }
        b.append(.paragraph(ReportText.headline(r)))
        let headline = ReportText.headlineRows(r).map { row -> [SheetCell] in
            let label: SheetCell =
                row.rating.map { .rating($0, label: "\($0.letter) — \(row.label)") } ?? .text(row.label)
            return [label, .number(row.count), .text(row.percent.map { "\($0)%" } ?? "")]
        }
        b.append(
            .table(
                WordTable(
                    columns: ["Measure", "Actions", "% of all actions"], widths: [nil, 15, 20],
                    numeric: [false, true, true], rows: headline)))
        b.append(.paragraph(ReportText.overdueNote))

        b.append(.heading(level: 1, "3. Summary by theme"))
        if let cmp = r.comparison {
            b.append(
                .paragraph(
                    "Change against snapshot “\(cmp.label)” (\(ReportText.longDate(cmp.date))): ▲ Up when more "
                        + "actions moved up (towards Blue) than down, ▼ Down when more moved down, = Same otherwise; "
                        + "then the change in each rating’s count."))
        } else {
            b.append(.paragraph("No earlier snapshot, so no change is shown."))
        }
        b.append(.table(.of(ReportTables.themeColumns, r.themes + [r.total])))
        let charts = ReportCharts(r)
        b.append(.heading(level: 2, "How late the overdue actions are"))
        b.append(.table(.of(ReportTables.latenessColumns, charts.lateness.buckets)))

        b += movement(r, charts) + exceptions(r) + recommendations(r) + measures(r) + fullPlan(r)
        b.append(.heading(level: 1, "Appendix: named officers"))
        b.append(
            r.plan.officers.isEmpty
                ? .paragraph("The plan names no officers.") : .table(.of(ReportTables.officerColumns, r.plan.officers)))
        return WordDocument(blocks: b)
    }

    /// Section 4, with the ratings at each snapshot (the numbers of the HTML's chart) when there are any.
    private static func movement(_ r: StatusReport, _ charts: ReportCharts) -> [WordDocument.Block] {
        var b: [WordDocument.Block] = [.heading(level: 1, "4. Movement since the last report")]
        if !charts.history.isEmpty {
            b.append(.heading(level: 2, "Ratings over the reporting cycles"))
            b.append(.table(.of(ReportTables.historyColumns, charts.history)))
        }
        guard let m = r.movement, let cmp = r.comparison else {
            b.append(
                .paragraph(
                    "No earlier snapshot yet, so no movement; freeze this position with "
                        + "'actionplan snapshot PLAN --label LABEL' for the next report."))
            return b
        }
        b.append(.paragraph("Compared with snapshot “\(cmp.label)”, position as at \(ReportText.longDate(cmp.date))."))
        for s in m.sections {
            b += [.heading(level: 2, "\(s.title) (\(s.items.count))"), .paragraph(s.rule, italic: true)]
            b.append(s.items.isEmpty ? .paragraph("None.") : .table(.of(ReportTables.movementColumns(s.key), s.items)))
        }
        return b
    }

    private static func exceptions(_ r: StatusReport) -> [WordDocument.Block] {
        var b: [WordDocument.Block] = [
            .heading(level: 1, "5. Exceptions"), .paragraph(ReportText.exceptionsSummary(r.exceptionCount)),
        ]
        for t in r.exceptions {
            b.append(.heading(level: 2, "Theme \(t.number): \(ReportText.singleLine(t.title))"))
            for l in t.leads {
                b.append(.heading(level: 3, "Lead: \(ReportText.singleLine(l.lead))"))
                b.append(.table(.of(ReportTables.exceptionColumns, l.items)))
            }
        }
        return b
    }

    /// Section 6: each recommendation with the actions that answer it; NO in bold when none does.
    private static func recommendations(_ r: StatusReport) -> [WordDocument.Block] {
        let coverage = r.coverage
        guard !coverage.isEmpty else {
            return [.heading(level: 1, "6. Recommendations"), .paragraph("The plan has no recommendations register.")]
        }
        return [
            .heading(level: 1, "6. Recommendations"), .paragraph(ReportText.coverageSummary(coverage)),
            .table(.of(ReportTables.recommendationColumns, coverage)),
        ]
    }

    /// Section 7: the measures table (the trend charts' latest and previous figures, target and status).
    private static func measures(_ r: StatusReport) -> [WordDocument.Block] {
        guard !r.plan.measures.isEmpty else {
            return [.heading(level: 1, "7. Measures of impact"), .paragraph("The plan has no measures yet.")]
        }
        return [
            .heading(level: 1, "7. Measures of impact"),
            .table(.of(ReportTables.measureColumns, ReportTables.measureRows(r))),
        ]
    }

    private static func fullPlan(_ r: StatusReport) -> [WordDocument.Block] {
        var b: [WordDocument.Block] = [.heading(level: 1, "8. The full plan")]
        let cols = ReportTables.planColumns(r)
        for t in r.plan.themes {
            b.append(.heading(level: 2, "Theme \(t.number): \(ReportText.singleLine(t.title))"))
            if !t.leads.isEmpty { b.append(.paragraph("Theme leads: " + t.leads.joined(separator: ", "))) }
            for n in t.narrative {
                b.append(.heading(level: 3, ReportText.singleLine(n.heading)))
                for part in ReportText.narrative(n.text) {
                    switch part {
                    case .paragraph(let text): b.append(.paragraph(text))
                    case .list(let items): b += items.map { .bullet($0) }
                    }
                }
            }
            for g in t.groups where !g.actions.isEmpty {
                if let title = g.title { b.append(.heading(level: 3, ReportText.singleLine(title))) }
                b.append(.table(.of(cols, g.actions)))
            }
        }
        return b
    }
}
