/// The committee report as a workbook (`actionplan export --format xlsx`): one sheet per section, each a
/// flat table with a header row, laid out by the same `ReportTables` columns the HTML and Markdown print.
///
/// Sheets: Report (the header's facts), Headline (each count with its per cent), Summary by theme,
/// Exceptions (with the theme and lead that head each group in the HTML as columns), Full plan (with theme
/// and group columns), Measures (figures as numbers, status coloured), Recommendations (coverage: linked
/// actions, their ratings and lateness, NO when none is live), Officers. A new section is one more entry in
/// `make`.
public enum ReportWorkbook {
    /// The workbook of `r`.
    public static func make(_ r: StatusReport) -> Workbook {
        Workbook(sheets: [
            facts(r), headline(r),
            Sheet.table("Summary by theme", ReportTables.themeColumns, r.themes + [r.total]),
            exceptions(r),
            fullPlan(r),
            measures(r), recommendations(r),
            Sheet.table("Officers", ReportTables.officerColumns, r.plan.officers),
        ])
    }

    /// The header's facts: plan, organisation, version, period, position as at, comparison, produced.
    private static func facts(_ r: StatusReport) -> Sheet {
        let facts = [("Plan", ReportText.singleLine(r.title))] + ReportText.facts(r).map { ($0.label, $0.value) }
        return Sheet(
            name: "Report", columns: ["", "Improvement plan status report"],
            rows: facts.map { [.strong($0.0), .text($0.1)] })
    }

    /// Each headline measure with its count and per cent of all actions.
    private static func headline(_ r: StatusReport) -> Sheet {
        var rows: [[SheetCell]] = []
        for row in ReportText.headlineRows(r) {
            let label: SheetCell =
                row.rating.map { .rating($0, label: "\($0.letter) — \(row.label)") } ?? .strong(row.label)
            rows.append([label, .number(row.count), row.percent.map { .percent($0) } ?? .text("")])
        }
        return Sheet(name: "Headline", columns: ["Measure", "Actions", "% of all actions"], rows: rows)
    }

    /// Every exception, with its theme and lead as the first two columns.
    private static func exceptions(_ r: StatusReport) -> Sheet {
        let rows = r.exceptions.flatMap { t in
            t.leads.flatMap { l in l.items.map { (theme: "\(t.number). \(t.title)", lead: l.lead, item: $0) } }
        }
        return Sheet.table(
            "Exceptions", ReportTables.exceptionColumns, rows.map(\.item), leading: ["Theme", "Lead"],
            leadingCells: rows.map { [.text($0.theme), .text($0.lead)] })
    }

    /// Every action of the plan on the report's day, with its theme and group as the first two columns.
    private static func fullPlan(_ r: StatusReport) -> Sheet {
        let rows = r.plan.themes.flatMap { t in
            t.groups.flatMap { g in
                g.actions.map { (theme: "\(t.number). \(t.title)", group: g.title ?? "", action: $0) }
            }
        }
        return Sheet.table(
            "Full plan", ReportTables.planColumns(r), rows.map(\.action), leading: ["Theme", "Group"],
            leadingCells: rows.map { [.text($0.theme), .text($0.group)] })
    }
}
