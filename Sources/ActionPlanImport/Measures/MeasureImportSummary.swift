import ActionPlanCore

/// The report `actionplan import-measures` prints: what came in, each repair, warning and skip with its
/// place, and the accounting of every row, as the plan import's report (``ImportSummary``).
public enum MeasureImportSummary {
    /// The summary of importing `measures` from `source` (`newMeasures` and `newObservations` of them new to
    /// the plan).
    public static func text(
        _ measures: [Measure], _ report: ImportReport, source: String, newMeasures: Int, newObservations: Int
    ) -> String {
        let e = { (s: String) in TerminalSafe.escape(s) }
        let all = measures.flatMap(\.flattened).map(\.measure)
        let subs = all.count - measures.count
        let observations = all.reduce(0) { $0 + $1.observations.count }
        let targets = all.filter { $0.target != nil }.count
        let noted = all.filter { $0.observations.isEmpty && !$0.note.isEmpty }.count
        var out = "Imported \(measures.count) measures (\(subs) sub-measures) from \(e(source)):\n"
        for n in report.sourceNotes { out += "  \(e(n))\n" }
        out += "  \(observations) observations, \(targets) targets, \(noted) with no figures (kept with their note)\n"
        out += "  new to the plan: \(newMeasures) measures, \(newObservations) observations\n"
        if targets > 0 {
            out += "  polarity (higher or lower is better) is not in a dashboard: set it in the plan file to rate "
            out += "figures against targets\n"
        }
        if !report.entries.isEmpty {
            out += "\(report.repairs.count) repairs, \(report.warnings.count) warnings, "
            out += "\(report.skips.reduce(0) { $0 + $1.count }) skipped:\n"
            for entry in ImportReportMerging.sortedAndMerged(report.entries) {
                out += "  \(e(source)):\(e(entry.description))\n"
            }
        }
        out += "Accounted for: \(report.accounting(unit: "rows and lines"))\n"
        return out
    }
}
