import ActionPlanCore
import ActionPlanPackage
import ActionPlanStore
import ArgumentParser
import Foundation

/// `actionplan export`: the committee status report (HTML, PDF, Markdown, XLSX, DOCX, JSON) or the actions
/// (CSV, ICS).
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a status report (html, pdf, markdown, xlsx, docx, json) or the actions (csv, ics) to a "
            + "file.",
        discussion: """
            The report compares the plan as at --as-of with the latest snapshot taken before that day, \
            or with --since LABEL. pdf prints the HTML report with the installed Chromium \
            ($ACTIONPLAN_CHROMIUM, else chromium, chromium-browser, google-chrome or google-chrome-stable \
            on PATH), without the browser's date and title header and footer. See docs/export.md for the \
            formats and the rules.
            """)

    /// The format names `--format` takes (and the shell completes): the core's, and pdf.
    static let formatNames = ExportFormat.allCases.map(\.rawValue) + ["pdf"]

    @Argument(help: "The plan file (JSON).") var plan: String
    @Option(
        help: "html, pdf, markdown, xlsx, docx, csv, ics or json (default: from the output file's extension).",
        completion: .list(Export.formatNames))
    var format: String?
    @Option(name: .shortAndLong, help: "The file to write ('-' for standard output).") var output: String
    @Option(help: "Compare with the snapshot with this label (default: the latest before --as-of).")
    var since: String?
    @Option(help: "The date printed as the day the report was produced, YYYY-MM-DD (default: today).")
    var produced: String?
    @OptionGroup var asOf: AsOfOption

    func run() throws {
        try reportingBadInput {
            let (fmt, pdf) = try chosenFormat()
            let browser = pdf ? try PDFPrinting.findBrowser() : nil
            let today = try asOf.day()
            let producedDay = try producedDay()
            if output != "-" && (PlanStore.isSameFile(output, plan) || output == plan) {
                throw PlanError(
                    .invalidValue,
                    path: "--output", message: "\(output) is the plan file itself; export never overwrites the plan")
            }
            let p = keptUntilExit(try PlanStore.load(plan))
            var bytes = try Exporter.bytes(p, format: fmt, asOf: today, produced: producedDay, since: since)
            if let browser { bytes = try PDFPrinting.print(html: bytes, with: browser) }
            if output == "-" {
                bytes.withUnsafeBytes { StandardStreams.out($0) }
                return
            }
            try PlanStore.writeAtomically(bytes, to: output)
            var msg = "Wrote \(TerminalSafe.escape(output)) (\(pdf ? "pdf" : fmt.rawValue), position as at \(today)"
            if fmt != .csv && fmt != .ics {
                let cmp = try StatusReport.comparisonSnapshot(p, asOf: today, since: since)?.label
                msg +=
                    cmp.map { ", compared with snapshot \"\(TerminalSafe.escape($0))\"" }
                    ?? ", no snapshot to compare with"
            }
            printOut(msg + ")\n")
        }
    }

    /// The format to render, and whether the rendered HTML is then printed to PDF.
    ///
    /// PDF is the CLI's own: the core renders bytes and never starts a browser, so `pdf` renders the
    /// HTML report and `PDFPrinting` prints it.
    private func chosenFormat() throws -> (ExportFormat, pdf: Bool) {
        let expected = "html, pdf, markdown, xlsx, docx, csv, ics or json"
        if let format {
            if format.lowercased() == "pdf" { return (.html, true) }
            guard let f = ExportFormat(name: format) else {
                throw PlanError(
                    .invalidValue,
                    path: "--format",
                    message: "\"\(format)\" is not an export format; expected \(expected)")
            }
            return (f, false)
        }
        if output.lowercased().hasSuffix(".pdf") { return (.html, true) }
        guard let f = ExportFormat.inferred(fromPath: output) else {
            throw PlanError(
                .invalidValue,
                path: "--format",
                message: "cannot tell the format from \"\(output)\"; give --format \(expected)")
        }
        return (f, false)
    }

    private func producedDay() throws -> CalendarDay {
        guard let produced else { return SystemDay.today() }
        guard let d = CalendarDay(iso: produced) else {
            throw PlanError(
                .invalidValue,
                path: "--produced", message: "\"\(produced)\" is not a date; expected YYYY-MM-DD, e.g. 2019-02-05")
        }
        return d
    }
}
