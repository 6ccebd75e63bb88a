import ActionPlanCore
import Foundation

/// Imports a plan from a council's own document: Word, Excel, CSV/TSV, Markdown or text pasted from a
/// document (docs/import.md).
///
/// The bytes are read into one stream of paragraphs and table rows (`SourceReader`), which
/// ``DocumentInterpreter`` turns into a plan, accounting for every item in the ``ImportReport``.
public enum PlanImport {
    /// How to import.
    public struct Options: Sendable {
        /// The plan's title instead of the document's.
        public var title: String?
        /// How to read columns whatever their headers say (`--column`).
        public var columns: [ColumnOverride]
        /// Refuse the import when anything of the source would be left out (`--strict`).
        public var strict: Bool
        /// The day revised dates found in the source are recorded as made on.
        public var today: CalendarDay

        /// Options.
        public init(
            title: String? = nil, columns: [ColumnOverride] = [], strict: Bool = false,
            today: CalendarDay = CalendarDay(year: 2000, month: 1, day: 1)!
        ) {
            self.title = title
            self.columns = columns
            self.strict = strict
            self.today = today
        }
    }

    /// Imports `bytes` of the file named `file` (its name decides CSV/TSV/Markdown when the content does not).
    public static func run(_ bytes: [UInt8], file: String, options: Options = Options()) throws -> (Plan, ImportReport)
    {
        if bytes.isEmpty {
            throw PlanError(.invalidSource, file: file, message: "is empty; expected a plan document, a table or text")
        }
        let doc = try SourceReader.read(bytes, file: file)
        var interpreter = DocumentInterpreter(doc: doc, file: file, options: options)
        let (plan, report) = try interpreter.run()
        try PlanCodec.validateIDs(plan, file: file)
        if options.strict && report.skipped > 0 {
            let first = report.skips.prefix(3).map { "\($0.location): \($0.message)" }.joined(separator: "; ")
            throw PlanError(
                .invalidSource,
                file: file,
                message:
                    "--strict: \(report.skipped) item(s) of the source would be left out (\(first)); nothing written")
        }
        return (plan, report)
    }

    /// `plan` for `plan.csv`, `/a/b/x.tsv`.
    static func baseName(_ file: String) -> String {
        let name = file.split(separator: "/").last.map(String.init) ?? file
        guard let dot = name.lastIndex(of: "."), dot > name.startIndex else { return name }
        return String(name[..<dot])
    }
}

/// Keeps the report readable: entries in source order, and a run of consecutive items skipped for the same
/// reason said once (`lines 1–2923: skipped: before the plan's title`).
enum ImportReportMerging {
    static func sortedAndMerged(_ entries: [ImportReport.Entry]) -> [ImportReport.Entry] {
        let sorted = entries.enumerated().sorted { ($0.element.location, $0.offset) < ($1.element.location, $1.offset) }
            .map(\.element)
        var out: [ImportReport.Entry] = []
        for e in sorted {
            if e.kind == .skipped, let last = out.last, last.kind == .skipped, last.message == e.message {
                out[out.count - 1].runEnd = e.location
                out[out.count - 1].count += 1
                continue
            }
            out.append(e)
        }
        return out
    }
}
