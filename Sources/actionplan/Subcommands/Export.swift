import ActionPlanCore
import ActionPlanStore
import ArgumentParser
import Foundation

/// `actionplan export`: the committee status report (HTML, Markdown, JSON) or the actions (CSV, ICS).
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export a status report (html, markdown, json) or the actions (csv, ics) to a file.",
        discussion: """
            The report compares the plan as at --as-of with the latest snapshot taken before that day, \
            or with --since LABEL. See docs/export.md for the formats and the rules.
            """)

    @Argument(help: "The plan file (JSON).") var plan: String
    @Option(help: "html, markdown, csv, ics or json (default: from the output file's extension).")
    var format: String?
    @Option(name: .shortAndLong, help: "The file to write ('-' for standard output).") var output: String
    @Option(help: "Compare with the snapshot with this label (default: the latest before --as-of).")
    var since: String?
    @Option(help: "The date printed as the day the report was produced, YYYY-MM-DD (default: today).")
    var produced: String?
    @OptionGroup var asOf: AsOfOption

    func run() throws {
        try reportingBadInput {
            let fmt = try chosenFormat()
            let today = try asOf.day()
            let producedDay = try producedDay()
            if output != "-" && (PlanStore.isSameFile(output, plan) || output == plan) {
                throw PlanError(
                    .invalidValue,
                    path: "--output", message: "\(output) is the plan file itself; export never overwrites the plan")
            }
            let p = try PlanStore.load(plan)
            let bytes = try Exporter.render(p, format: fmt, asOf: today, produced: producedDay, since: since)
            if output == "-" {
                FileHandle.standardOutput.write(Data(bytes))
                return
            }
            try PlanStore.writeAtomically(bytes, to: output)
            var msg = "Wrote \(TerminalSafe.escape(output)) (\(fmt.rawValue), position as at \(today)"
            if fmt == .html || fmt == .markdown || fmt == .json {
                let cmp = try StatusReport.comparisonSnapshot(p, asOf: today, since: since)?.label
                msg +=
                    cmp.map { ", compared with snapshot \"\(TerminalSafe.escape($0))\"" }
                    ?? ", no snapshot to compare with"
            }
            printOut(msg + ")\n")
        }
    }

    private func chosenFormat() throws -> ExportFormat {
        if let format {
            guard let f = ExportFormat(name: format) else {
                throw PlanError(
                    .invalidValue,
                    path: "--format",
                    message: "\"\(format)\" is not an export format; expected html, markdown, csv, ics or json")
            }
            return f
        }
        guard let f = ExportFormat.inferred(fromPath: output) else {
            throw PlanError(
                .invalidValue,
                path: "--format",
                message: "cannot tell the format from \"\(output)\"; give --format html, markdown, csv, ics or json")
        }
        return f
    }

    private func producedDay() throws -> CalendarDay {
        guard let produced else { return AsOfOption.today() }
        guard let d = CalendarDay(iso: produced) else {
            throw PlanError(
                .invalidValue,
                path: "--produced", message: "\"\(produced)\" is not a date; expected YYYY-MM-DD, e.g. 2019-02-05")
        }
        return d
    }
}
