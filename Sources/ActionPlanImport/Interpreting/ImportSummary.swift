import ActionPlanCore
import Foundation

/// The import report as `actionplan import` prints it: what came in, how the columns and status words were
/// read, each repair, warning and skip with its place, and the accounting of every item.
public enum ImportSummary {
    /// The summary of importing `plan` from `source`; `showColumns` lists every column of every table
    /// (`--dry-run`), else only those not read by a listed header.
    public static func text(_ plan: Plan, _ report: ImportReport, source: String, showColumns: Bool) -> String {
        let e = { (s: String) in TerminalSafe.escape(s) }
        let counts = RatingCounts.of(plan.allActions, asOf: CalendarDay(ordinal: 0))
        var out = "Imported \"\(e(plan.title))\" from \(e(source))"
        if report.firstLine > 1 || report.lastLine > 0 { out += " (lines \(report.firstLine)–\(report.lastLine))" }
        out += ":\n"
        for n in report.sourceNotes { out += "  \(e(n))\n" }
        out += "  \(plan.themes.count) themes, \(counts.total) actions "
        out += "(\(plan.themes.map { String($0.actions.count) }.joined(separator: ", ")))\n"
        out += "  ratings: \(counts.blue) Blue, \(counts.green) Green, \(counts.amber) Amber, \(counts.red) Red, "
        out += "\(counts.unrated) unrated\n"
        if let scale = plan.scale {
            out +=
                "  own rating scale: "
                + scale.levels.map { "\(e($0.name)) (counts as \($0.rating.name))" }
                .joined(separator: ", ") + "\n"
        }
        out += "  \(plan.officers.count) named officers"
        if !plan.recommendations.isEmpty { out += ", \(plan.recommendations.count) recommendations" }
        if !plan.narrative.isEmpty { out += ", \(plan.narrative.count) sections of plan text" }
        out += "\n"
        let fieldNames = Set(plan.allActions.flatMap { $0.fields.map(\.name) })
        if !fieldNames.isEmpty {
            out +=
                "  kept as fields of each action: " + fieldNames.sorted().map { "\"\(e($0))\"" }.joined(separator: ", ")
                + "\n"
        }
        for t in report.tables {
            let shown = showColumns ? t.columns : t.columns.filter { $0.why != "header" && $0.why != "export" }
            if shown.isEmpty { continue }
            out += "Columns of the table at \(t.location):\n"
            for (i, c) in t.columns.enumerated() where showColumns || c.why != "header" && c.why != "export" {
                let name = c.header.isEmpty ? "column \(i + 1)" : "\"\(e(c.header))\""
                out += "  \(name) → \(c.role.rawValue)" + (c.why == "header" ? "" : " (\(e(c.why)))") + "\n"
            }
        }
        if !report.statusWords.isEmpty {
            out +=
                "Status words: "
                + report.statusWords.map { w in
                    "\"\(e(w.word))\" → \(w.rating?.name ?? "unrated") (\(w.count))"
                }.joined(separator: ", ") + "\n"
        }
        if !report.entries.isEmpty {
            out += "\(report.repairs.count) repairs, \(report.warnings.count) warnings, "
            out += "\(report.skips.reduce(0) { $0 + $1.count }) skipped:\n"
            for entry in report.entries { out += "  \(e(source)):\(e(entry.description))\n" }
        }
        let unit: String
        switch report.tables.first?.location {
        case let l? where l.line != nil: unit = "lines"
        case let l? where l.sheet != nil: unit = "rows"
        default: unit = report.firstLine > 0 && report.tables.first?.location.line != nil ? "lines" : "items"
        }
        out += "Accounted for: \(report.accounting(unit: unit))\n"
        return out
    }
}
