/// The workbook's impact sheets: the recommendations' coverage and the measures, from the same rows the
/// report's sections 6 and 7 print, with figures as numbers a spreadsheet can sum and chart.
extension ReportWorkbook {
    /// Each recommendation with the report's coverage columns (linked actions with rating and lateness,
    /// Covered NO in bold when no live action answers it), then how many actions are linked and overdue.
    static func recommendations(_ r: StatusReport) -> Sheet {
        let coverage = r.coverage
        var sheet = Sheet.table("Recommendations", ReportTables.recommendationColumns, coverage)
        sheet.columns += ["Linked actions", "Overdue actions"]
        for (i, c) in coverage.enumerated() {
            sheet.rows[i] += [.number(c.actions.count), .number(c.actions.count { $0.daysOverdue != nil })]
        }
        return sheet
    }

    /// Every measure and sub-measure (sub-measures' titles indented with `– `, as in the report) with its
    /// unit, plan IDs, previous and latest figures and their periods, change, target, status against the
    /// target (coloured as the rating it reads as, with its words) and trend.
    static func measures(_ r: StatusReport) -> Sheet {
        let rows = ReportTables.measureRows(r).map { row -> [SheetCell] in
            let m = row.measure
            let s = row.status
            let note = s.figures.isEmpty && !m.note.isEmpty ? " (\(m.note))" : ""
            let target = s.targetStatus
            return [
                .text(m.id), .text(String(repeating: "– ", count: row.depth) + m.title + note),
                .text(s.unit.rawValue), .text(m.planIDs.joined(separator: " ")),
                .text(s.previous?.observation.period ?? ""),
                figure(s.previous?.value.number, s.show(s.previous?.value)),
                .text(s.latest?.observation.period ?? ""), figure(s.latest?.value.number, s.show(s.latest?.value)),
                figure(s.change, s.changeText),
                figure(m.target.flatMap { Double($0) }, m.target ?? ""),
                target.rating.map { .rating($0, label: target.rawValue) }
                    ?? .text(target == .unknown ? "" : target.rawValue),
                .text(MeasureListing.trend(s)),
            ]
        }
        return Sheet(
            name: "Measures",
            columns: [
                "ID", "Measure", "Unit", "Plan IDs", "Previous period", "Previous", "Latest period", "Latest",
                "Change", "Target", "Against target", "Trend",
            ], rows: rows)
    }

    /// `n` as a number when `shown` is just its plain figure (`13.3`, `+1.8`); `shown` as text otherwise
    /// (`68%`, `7/ 50.0%`, a target in words).
    private static func figure(_ n: Double?, _ shown: String) -> SheetCell {
        guard let n, n.isFinite, abs(n) < 1e12 else { return .text(shown) }
        let plain = MeasureValue.plain(n)
        return shown == plain || shown == "+" + plain ? .figure(n) : .text(shown)
    }
}
