import ActionPlanCore
import ActionPlanImport
import ActionPlanStore
import ArgumentParser

/// `actionplan measures`: the plan's measures of impact with their latest figures against target.
struct Measures: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the plan's measures: previous and latest figures, change, target, on or off target, trend.")

    @Argument(help: "The plan file (JSON).") var plan: String
    @OptionGroup var format: ListFormatOption

    func run() throws {
        try reportingBadInput {
            printOut(MeasureListing.render(try PlanStore.load(plan), format: format.format))
        }
    }
}

/// `actionplan record`: add one figure to a measure.
struct Record: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Record a measure's figure for a period (e.g. 13.3, 68%, 7/ 50.0%, 9/20, 20 days), and save.")

    @Argument(help: "The plan file (JSON).") var plan: String
    @Argument(help: "The measure's ID (M4, M4.2) or its exact title.") var measure: String
    @Argument(help: "The figure as written, e.g. 13.3, 68%, \"7/ 50.0%\", 9/20, \"20 days\".") var value: String
    @Option(help: "The period as written, e.g. Apr-18.") var period: String

    func run() throws {
        try reportingBadInput {
            let id = try PlanStore.update(plan, options: saveOptions()) { p in
                try p.record(measure: measure, value: value, period: period)
            }
            printOut(
                "\(TerminalSafe.escape(id)): \(TerminalSafe.escape(period)) = \(TerminalSafe.escape(value)); "
                    + "saved \(TerminalSafe.escape(plan))\n")
        }
    }
}

/// `actionplan set-measure`: the polarity, target or unit of a measure.
struct SetMeasure: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set-measure",
        abstract: "Set a measure's polarity (higher or lower is better), target or unit, and save.")

    @Argument(help: "The plan file (JSON).") var plan: String
    @Argument(help: "The measure's ID (M4, M4.2) or its exact title.") var measure: String
    @Option(help: "higher or lower (which is better).") var polarity: MeasurePolarity?
    @Option(help: "The target as written, e.g. 28.3, 53%, \"23 weeks\" (empty removes it).") var target: String?
    @Option(help: "number, percent, days, weeks or ratio.") var unit: MeasureUnit?

    func run() throws {
        try reportingBadInput {
            let id = try PlanStore.update(plan, options: saveOptions()) { p in
                try p.setMeasure(measure, polarity: polarity, target: target, unit: unit)
            }
            let status = try MeasureStatus(PlanStore.load(plan).measure(id)!)
            printOut(
                "\(TerminalSafe.escape(id)): \(status.targetStatus.rawValue); saved \(TerminalSafe.escape(plan))\n")
        }
    }
}

extension MeasurePolarity: ExpressibleByArgument {}
extension MeasureUnit: ExpressibleByArgument {}

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
