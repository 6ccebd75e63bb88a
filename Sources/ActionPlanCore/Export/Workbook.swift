/// A workbook as sheets of rows: the generic shape `XLSXWriter` writes, built for the report by
/// `ReportWorkbook` (one sheet per section). A new sheet is one more `Sheet(name:columns:rows:)`, or
/// `Sheet.table` over a list of `ReportColumn`s.
public struct Workbook: Sendable {
    /// The sheets, in tab order.
    public var sheets: [Sheet]

    /// A workbook.
    public init(sheets: [Sheet]) { self.sheets = sheets }
}

/// One sheet: a frozen header row of column titles, then rows of cells.
public struct Sheet: Sendable {
    /// The tab's name (cut to Excel's 31 characters, without `[ ] : * ? / \` when written).
    public var name: String
    /// The column titles (the frozen header row).
    public var columns: [String]
    /// The rows under the header.
    public var rows: [[SheetCell]]

    /// A sheet.
    public init(name: String, columns: [String], rows: [[SheetCell]]) {
        self.name = name
        self.columns = columns
        self.rows = rows
    }

    /// A sheet of `rows` laid out by report `columns` (the tables the HTML and Markdown print), with
    /// `leading` columns in front whose cells, row by row, are `leadingCells` (the theme and lead that
    /// head a group of rows in the HTML).
    static func table<Row>(
        _ name: String, _ columns: [ReportColumn<Row>], _ rows: [Row], leading: [String] = [],
        leadingCells: [[SheetCell]] = []
    ) -> Sheet {
        Sheet(
            name: name, columns: leading + columns.map(\.title),
            rows: rows.enumerated().map { i, row in
                (i < leadingCells.count ? leadingCells[i] : []) + columns.map { SheetCell($0.cell(row)) }
            })
    }
}

/// One cell of a sheet.
public enum SheetCell: Hashable, Sendable {
    /// Text, always written as a string (never a formula, whatever it starts with).
    case text(String)
    /// A whole number.
    case number(Int)
    /// A figure that may have decimals (a measure's value, change or target), written as a number and
    /// shown as `MeasureValue.plain` prints it.
    case figure(Double)
    /// A whole per cent (`49` for 49 %), written as the number it stands for (0.49) in the `0%` format, so it
    /// sorts, sums and charts as a number.
    case percent(Int)
    /// A rating: the letter and name (`G Green`, `· Unrated`) on the rating's colour.
    case rating(Rating?, label: String)
    /// Text in bold (a total row's label, LATE).
    case strong(String)

    /// The cell a report cell becomes: numbers that are whole numbers, and per cents, as numbers, ratings and
    /// levels coloured with their letter, everything else as text (a figure as the report shows it: `+5%`).
    init(_ cell: ReportCell) {
        switch cell {
        case .number(let s): self = Int(s).map(SheetCell.number) ?? .text(s)
        case .percent(let n): self = .percent(n)
        case .rating(let r): self = .rating(r, label: cell.plain)
        case .level(let l): self = .rating(l?.rating, label: cell.plain)
        case .strong(let s): self = .strong(s)
        default: self = .text(cell.plain)
        }
    }

    /// The text the cell shows.
    var shown: String {
        switch self {
        case .text(let s), .strong(let s), .rating(_, let s): return s
        case .number(let n): return String(n)
        case .percent(let n): return "\(n)%"
        case .figure(let f): return MeasureValue.plain(f)
        }
    }
}
