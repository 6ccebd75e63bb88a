import Foundation

/// Imports a plan from a source document: text copied from a plan, or a CSV/TSV table.
///
/// The format is chosen by the file name (`.csv`, `.tsv`) and otherwise by the
/// content: a first line that is a tab-separated header with ID and action
/// columns is a TSV table; anything else is read as plan text.
public enum PlanImporter {
    /// The source's format.
    public enum Format: String, Sendable {
        /// Plain text copied from a plan document.
        case text
        /// Comma-separated values with a header row.
        case csv
        /// Tab-separated values with a header row.
        case tsv
    }

    /// Imports `bytes`; `file` names the source in errors and decides the format by its extension.
    public static func importBytes(_ bytes: [UInt8], file: String, title: String? = nil) throws -> (Plan, ImportReport)
    {
        if bytes.isEmpty { throw PlanError(file: file, message: "is empty; expected plan text, CSV or TSV") }
        let source = try SourceText(bytes: bytes, file: file)
        let format = detect(file: file, lines: source.lines)
        var result: (Plan, ImportReport)
        switch format {
        case .csv: result = try PlanTableImporter.run(lines: source.lines, separator: ",", file: file, title: title)
        case .tsv: result = try PlanTableImporter.run(lines: source.lines, separator: "\t", file: file, title: title)
        case .text:
            var importer = PlanTextImporter(source: source, file: file)
            result = try importer.run(title: title)
        }
        try PlanCodec.validateIDs(result.0, file: file)
        return result
    }

    /// The format of a source named `file` whose lines are `lines`.
    public static func detect(file: String, lines: [String]) -> Format {
        let lower = file.lowercased()
        if lower.hasSuffix(".csv") { return .csv }
        if lower.hasSuffix(".tsv") || lower.hasSuffix(".tab") { return .tsv }
        if let first = lines.first(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            let tabCells = SourceText.cells(first)
            if tabCells.count >= 2, tabCells.contains(where: { PlanTableImporter.column(for: $0) == .id }),
                tabCells.contains(where: { PlanTableImporter.column(for: $0) == .action })
            {
                // A plan document's own table header also looks like this; a TSV has no theme headings.
                if !lines.contains(where: { PlanTextImporter.themeHeading($0) != nil && !$0.contains("\t") }) {
                    return .tsv
                }
            }
            let commaCells = first.split(separator: ",").map {
                String($0).trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\"")))
            }
            if commaCells.contains(where: { PlanTableImporter.column(for: $0) == .id }),
                commaCells.contains(where: { PlanTableImporter.column(for: $0) == .action })
            {
                return .csv
            }
        }
        return .text
    }
}
