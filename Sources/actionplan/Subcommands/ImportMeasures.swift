import ActionPlanCore
import ActionPlanImport
import ActionPlanStore
import ArgumentParser

/// `actionplan import-measures`: read a data dashboard into a plan's measures.
struct ImportMeasures: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-measures",
        abstract: "Import a data dashboard (Plan ID | Measure | Previous Period | Latest Position | … | Target) "
            + "from text, CSV/TSV, Markdown, Word or Excel into a plan's measures, and save.",
        discussion: """
            A measure already in the plan (same title and plan IDs) gains the figures it lacks; others are added. \
            Every row of the source is accounted for in the report: used, repaired, or skipped and why.
            """)

    @Argument(help: "The dashboard: .docx, .xlsx, .csv, .tsv, .md or text.") var source: String
    @Option(help: "The plan file to add the measures to (JSON).") var into: String
    @Flag(name: .customLong("dry-run"), help: "Import and report, but write nothing.") var dryRun = false

    func run() throws {
        try reportingBadInput {
            let bytes = try PlanStore.readFile(source)
            var out = ""
            let apply = { (p: inout Plan) throws -> Void in
                let next = (p.measures.compactMap { Int($0.id.dropFirst()) }.max() ?? 0) + 1
                let (imported, report) = try MeasureImport.run(bytes, file: source, firstNumber: next)
                let (merged, newMeasures, newObservations) = MeasureImport.merge(imported, into: p.measures)
                p.measures = merged
                out = MeasureImportSummary.text(
                    imported, report, source: source, newMeasures: newMeasures, newObservations: newObservations)
            }
            if dryRun {
                var p = try PlanStore.load(into)
                try apply(&p)
                printOut(out + "Dry run: nothing written\n")
            } else {
                try PlanStore.update(into, options: saveOptions(), apply)
                printOut(out + "Saved \(TerminalSafe.escape(into))\n")
            }
        }
    }
}
