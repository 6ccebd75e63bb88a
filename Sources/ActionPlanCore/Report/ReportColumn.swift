/// One cell of a report table, before a renderer formats it.
enum ReportCell {
    /// Short text.
    case text(String)
    /// Long text whose line breaks are kept (action text, notes).
    case prose(String)
    /// An action's text followed by its named fields (and its status as written, when it says more).
    case proseWithFields(String, [ActionField])
    /// A rating: a coloured cell with its letter in HTML, the letter and name elsewhere.
    case rating(Rating?)
    /// A level of the plan's own scale (`Y Yellow`), coloured as the rating it counts as.
    case level(RatingScale.Level?)
    /// A number or figure, right-aligned.
    case number(String)
    /// A whole per cent of a count (`49` for 49 % of the actions), right-aligned; a number in a workbook.
    case percent(Int)
    /// Text that must stand out (LATE).
    case strong(String)

    /// The cell as plain text (Markdown, and tests).
    var plain: String {
        switch self {
        case .text(let s), .prose(let s), .number(let s), .strong(let s): return s
        case .proseWithFields(let s, let fields):
            return ([s] + fields.map { "\($0.name): \($0.value)" }).joined(separator: "\n")
        case .percent(let n): return "\(n)%"
        case .rating(let r): return ReportText.ratingLabel(r)
        case .level(let l): return l.map { "\($0.letter) \($0.name)" } ?? "· Unrated"
        }
    }
}

/// A column of a report table: heading, width (per cent of the table, nil for the rest) and cell.
struct ReportColumn<Row>: Sendable {
    var title: String
    var width: Int?
    var cell: @Sendable (Row) -> ReportCell
    /// Whether every cell is a `.number` or `.percent` (right-aligned in Markdown); set by `number(_:width:_:)`
    /// and `percent(_:width:_:)`.
    private(set) var numeric = false

    /// A column whose cells `cell` makes.
    init(title: String, width: Int?, cell: @escaping @Sendable (Row) -> ReportCell) {
        self.title = title
        self.width = width
        self.cell = cell
    }

    /// A column of numbers: every cell is `.number(value(row))`, and the column is `numeric`.
    static func number(_ title: String, width: Int?, _ value: @escaping @Sendable (Row) -> String) -> ReportColumn {
        var c = ReportColumn(title: title, width: width) { .number(value($0)) }
        c.numeric = true
        return c
    }

    /// A column of whole per cents: every cell is `.percent(value(row))`, and the column is `numeric`.
    static func percent(_ title: String, width: Int?, _ value: @escaping @Sendable (Row) -> Int) -> ReportColumn {
        var c = ReportColumn(title: title, width: width) { .percent(value($0)) }
        c.numeric = true
        return c
    }
}
