import ActionPlanCore

/// Reads CSV and TSV files with `DelimitedTable` (RFC 4180: quoted fields may hold separators, doubled quotes
/// and line breaks; an unbalanced quote is an error naming the line where it began).
///
/// Every record is a `.row` of table 1, located at its first line; a blank line is
/// a `.text` item of the line, so every line that starts a record is accounted for
/// (the further lines of a quoted field that spans lines belong to its record).
/// A `.tsv`/`.tab` file is tab-separated. A `.csv` file may be separated by commas,
/// by semicolons (as Excel writes CSV where the decimal mark is a comma) or by tabs:
/// each is tried, and the one giving the same number of fields (more than one) on
/// most of the first 50 records wins, commas on a tie. When none fits, the file is
/// read with commas, and a quote the comma reading finds unbalanced is an error.
enum DelimitedReader {
    /// The candidates tried for a CSV file, in order of preference.
    static let separators: [Unicode.Scalar] = [",", ";", "\t"]

    /// The items of `lines` separated by `separator` (found as above when nil), and a note naming a separator
    /// other than the comma a CSV file was expected to use.
    static func items(_ lines: [String], separator: Unicode.Scalar?, file: String) throws -> ([SourceItem], SourceNote?)
    {
        let candidates = separator.map { [$0] } ?? separators
        let parses = candidates.map { candidate in
            Result { try DelimitedTable(lines: lines, separator: candidate, file: file, keepingBlankLines: true) }
        }
        var found: (table: DelimitedTable, separator: Unicode.Scalar, score: Int)?
        for (candidate, parse) in zip(candidates, parses) {
            guard let table = try? parse.get() else { continue }
            let s = separator == nil ? score(table) : 0
            if found == nil || s > found!.score { found = (table, candidate, s) }
        }
        // When no separator fits, the first (the comma) reads it, or its error is the one to report.
        guard let best = found, best.score > 0 || best.separator == candidates[0] else {
            _ = try parses[0].get()
            preconditionFailure("the first reading failed, so get() threw")
        }
        let items = best.table.records.enumerated().map { i, record in
            let location = SourceLocation.line(record.line, ordinal: i)
            if record.fields.count == 1 && record.fields[0].allSatisfy({ $0 == " " || $0 == "\t" }) {
                return SourceItem(content: .text(record.fields[0], heading: nil), location: location)
            }
            let cells = zip(PlainTextReader.cells(record.fields), record.fields).map { cell, field in
                SourceCell(text: cell.text, span: cell.span, continuesAbove: cell.continuesAbove, raw: field)
            }
            return SourceItem(content: .row(cells, table: 1), location: location)
        }
        let names: [Unicode.Scalar: String] = [";": "semicolons", "\t": "tabs"]
        let note =
            separator == nil ? names[best.separator].map { SourceNote(message: "fields are separated by \($0)") } : nil
        return (items, note)
    }

    /// How well a separator fits: how many of the first 50 non-blank records have the most common field
    /// count, when that count is more than one (0 otherwise).
    static func score(_ table: DelimitedTable) -> Int {
        var counts: [Int: Int] = [:]
        for record in table.records.lazy.filter({ $0.fields.count > 1 || !$0.fields[0].isEmpty }).prefix(50) {
            counts[record.fields.count, default: 0] += 1
        }
        guard let (fields, n) = counts.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }), fields > 1 else {
            return 0
        }
        return n
    }
}
