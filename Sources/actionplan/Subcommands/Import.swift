import ActionPlanCore
import ActionPlanImport
import ActionPlanStore
import ArgumentParser

/// `actionplan import`: read a council's plan — Word, Excel, CSV/TSV, Markdown or pasted text — into a plan file.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a plan from a Word (.docx) or Excel (.xlsx) file, CSV/TSV, Markdown, or text copied "
            + "from a plan document.",
        discussion: """
            Columns are read by their headers' meaning (docs/import.md lists the words for each role); a column \
            that names no role is kept as a field of each action. Every line, paragraph and row of the source is \
            accounted for in the report: used, repaired, or skipped and why.
            """)

    @Argument(help: "The source: .docx, .xlsx, .csv, .tsv, .md or text.") var source: String
    @Option(name: .shortAndLong, help: "The plan file to write (JSON).") var output: String?
    @Option(help: "Use this title instead of the document's.") var title: String?
    @Option(
        name: .customLong("column"),
        help: ArgumentHelp(
            "Read a column as a role whatever its header: \"HEADER=ROLE\" or \"3=ROLE\" (roles: id, theme, "
                + "theme-title, group, action, lead, due, revised, status, refs, field, skip). Repeatable."))
    var columns: [String] = []
    @Flag(name: .customLong("dry-run"), help: "Import and report how each column was read, but write nothing.")
    var dryRun = false
    @Flag(help: "Refuse the import (exit 2, nothing written) if anything of the source would be left out.")
    var strict = false
    @Flag(help: "Overwrite the output file if it exists (it is kept as a backup).") var force = false
    @OptionGroup var asOf: AsOfOption

    func validate() throws {
        if output == nil && !dryRun {
            throw ValidationError("Missing expected argument '--output <output>' (or use --dry-run)")
        }
    }

    func run() throws {
        try reportingBadInput {
            if let output, !dryRun, !force, PlanStore.exists(output) {
                throw PlanError(
                    .alreadyExists,
                    file: output, message: "already exists; import never overwrites a plan (use --force to replace it)")
            }
            let options = PlanImport.Options(
                title: title, columns: try columns.map { try ColumnOverride(argument: $0) }, strict: strict,
                today: try asOf.day())
            let (plan, report) = try PlanImport.run(try PlanStore.readFile(source), file: source, options: options)
            var out = ImportSummary.text(plan, report, source: source, showColumns: dryRun)
            if let output, !dryRun {
                // Under the plan's lock; --force keeps the replaced plan as backup 1 (see restore).
                try PlanStore.replace(
                    output, with: PlanCodec.encode(plan), mustNotExist: !force, options: saveOptions())
                out += "Wrote \(TerminalSafe.escape(output))\n"
            } else {
                out += "Dry run: nothing written\n"
            }
            printOut(out)
        }
    }
}
