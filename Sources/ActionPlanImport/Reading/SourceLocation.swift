/// Where an item is in its source, in the terms the source's own program shows.
///
/// A text-based source gives the line; a workbook the sheet and Excel's row
/// number; a Word document the table and row, or the paragraph. `ordinal` is the
/// item's index in `SourceDocument.items`, so locations sort in document order.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// 1-based line of a text-based source (csv/tsv/markdown/text; for a CSV record spanning lines, its first line).
    public var line: Int?
    /// xlsx: the sheet's name.
    public var sheet: String?
    /// xlsx: the 1-based row number as Excel shows it.
    public var row: Int?
    /// docx: the 1-based table number (with `row`, the 1-based row within it).
    public var table: Int?
    /// docx: the 1-based paragraph number, counting body paragraphs outside tables.
    public var paragraph: Int?
    /// Position in the document (for ordering): the item's index.
    public var ordinal: Int

    /// A location; give the fields that apply to the source's kind.
    public init(
        line: Int? = nil, sheet: String? = nil, row: Int? = nil, table: Int? = nil, paragraph: Int? = nil,
        ordinal: Int
    ) {
        self.line = line
        self.sheet = sheet
        self.row = row
        self.table = table
        self.paragraph = paragraph
        self.ordinal = ordinal
    }

    /// Line `line` of a text-based source.
    public static func line(_ line: Int, ordinal: Int) -> SourceLocation {
        SourceLocation(line: line, ordinal: ordinal)
    }

    /// "line 3037", "sheet Plan, row 7", "table 2, row 5", "paragraph 12" (or "item 4" when nothing else is known).
    public var description: String {
        if let line { return "line \(line)" }
        if let sheet {
            return row.map { "sheet \(sheet), row \($0)" } ?? "sheet \(sheet)"
        }
        if let table {
            return row.map { "table \(table), row \($0)" } ?? "table \(table)"
        }
        if let paragraph { return "paragraph \(paragraph)" }
        return "item \(ordinal + 1)"
    }

    /// Document order.
    public static func < (a: SourceLocation, b: SourceLocation) -> Bool { a.ordinal < b.ordinal }
}
