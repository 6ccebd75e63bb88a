/// A document as headings, paragraphs and tables: the generic shape `DOCXWriter` writes, built for the
/// report by `ReportDocument` (the Markdown report's sections). A new section is a few more blocks.
public struct WordDocument: Sendable {
    /// One block of the document, in reading order.
    public enum Block: Sendable {
        /// The document's title (Word's Title style).
        case title(String)
        /// A heading of `level` 1–4 (Word's Heading 1–4, so it shows in the navigation pane and a table of
        /// contents).
        case heading(level: Int, String)
        /// A paragraph, in italic or bold if asked; line breaks in the text are kept.
        case paragraph(String, italic: Bool = false, bold: Bool = false)
        /// A bulleted item.
        case bullet(String)
        /// A table: a header row repeated on every page, then rows of cells (ratings coloured with their
        /// letter, as in the workbook).
        case table(WordTable)
    }

    /// The blocks.
    public var blocks: [Block]

    /// A document.
    public init(blocks: [Block]) { self.blocks = blocks }
}

/// A table of a `WordDocument`.
public struct WordTable: Sendable {
    /// The column titles.
    public var columns: [String]
    /// Each column's share of the page's width in per cent, nil to share what the others leave.
    public var widths: [Int?]
    /// Which columns are numbers (right-aligned).
    public var numeric: [Bool]
    /// The rows.
    public var rows: [[SheetCell]]

    /// A table.
    public init(columns: [String], widths: [Int?], numeric: [Bool], rows: [[SheetCell]]) {
        self.columns = columns
        self.widths = widths
        self.numeric = numeric
        self.rows = rows
    }

    /// A table of `rows` laid out by report `columns` (the tables the HTML and Markdown print).
    static func of<Row>(_ columns: [ReportColumn<Row>], _ rows: [Row]) -> WordTable {
        WordTable(
            columns: columns.map(\.title), widths: columns.map(\.width), numeric: columns.map(\.numeric),
            rows: rows.map { row in columns.map { SheetCell($0.cell(row)) } })
    }
}
