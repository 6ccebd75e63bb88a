/// The formats `actionplan export` writes.
///
/// HTML, Markdown, JSON, XLSX and DOCX carry the status report (`StatusReport`); CSV and
/// ICS carry one row or event per action. docs/export.md describes each. XLSX and DOCX are zip
/// packages: the core lays out their parts (`Exporter.parts`) and `ActionPlanPackage.ZipPackage` zips
/// them, since the core does not import ZIPFoundation.
public enum ExportFormat: String, CaseIterable, Sendable {
    /// The printable report: one self-contained HTML file.
    case html
    /// The report as GitHub-flavoured Markdown.
    case markdown
    /// One row per action, for spreadsheets; imports back with `actionplan import`.
    case csv
    /// One all-day calendar event per open deadline (RFC 5545).
    case ics
    /// The report's data for other tools.
    case json
    /// The report as an Excel workbook, one sheet per section.
    case xlsx
    /// The report as a Word document, for a committee report template.
    case docx

    /// Whether the export is a zip package of parts (`Exporter.parts`) rather than bytes (`Exporter.render`).
    public var isPackage: Bool { self == .xlsx || self == .docx }

    /// Parses a format name (`md` and `htm` are accepted too), in any case.
    public init?(name: String) {
        switch name.lowercased() {
        case "html", "htm": self = .html
        case "markdown", "md": self = .markdown
        case "csv": self = .csv
        case "ics", "ical", "icalendar": self = .ics
        case "json": self = .json
        case "xlsx": self = .xlsx
        case "docx": self = .docx
        default: return nil
        }
    }

    /// The format an output file's extension implies, or nil.
    public static func inferred(fromPath path: String) -> ExportFormat? {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        return ExportFormat(name: String(path[path.index(after: dot)...]))
    }
}

/// Produces the bytes of an export: the one entry point the CLI calls.
public enum Exporter {
    /// `plan` exported in `format` as at `asOf`, produced on `produced`, compared with snapshot `since`
    /// (or the latest before `asOf`).
    ///
    /// An unknown `since` label is an error naming `--since` for every format, so
    /// a script's mistake is reported even when the format (CSV, ICS) does not print a comparison.
    ///
    /// A package format (XLSX, DOCX) is an error here naming the format: its parts come from `parts`.
    public static func render(
        _ plan: Plan, format: ExportFormat, asOf: CalendarDay, produced: CalendarDay, since: String? = nil
    ) throws -> [UInt8] {
        switch format {
        case .xlsx, .docx:
            throw PlanError(
                .invalidValue, path: "format",
                message: "\(format.rawValue) is a zip package: it is written by 'actionplan export', "
                    + "not from here (use html, markdown, csv, ics or json)")
        case .csv, .ics:
            _ = try StatusReport.comparisonSnapshot(plan, asOf: asOf, since: since)
            return format == .csv ? CSVExport.render(plan, asOf: asOf) : ICSExport.render(plan, asOf: asOf)
        case .html, .markdown, .json:
            let report = try StatusReport.make(plan, asOf: asOf, produced: produced, since: since)
            switch format {
            case .html: return HTMLReport.render(report)
            case .markdown: return Array(MarkdownReport.render(report).utf8)
            default: return ReportJSON.render(report)
            }
        }
    }
}

extension Exporter {
    /// The parts of a package export (XLSX, DOCX) of `plan` as at `asOf`, produced on `produced`,
    /// compared with snapshot `since`; for any other format, an error naming it.
    public static func parts(
        _ plan: Plan, format: ExportFormat, asOf: CalendarDay, produced: CalendarDay, since: String? = nil
    ) throws -> [PackagePart] {
        let report = try StatusReport.make(plan, asOf: asOf, produced: produced, since: since)
        switch format {
        case .xlsx: return XLSXWriter.parts(ReportWorkbook.make(report))
        case .docx: return DOCXWriter.parts(ReportDocument.make(report))
        default:
            throw PlanError(.invalidValue, path: "format", message: "\(format.rawValue) is not a package format")
        }
    }
}
