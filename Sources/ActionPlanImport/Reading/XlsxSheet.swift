import ActionPlanCore
import Foundation

/// One worksheet (`xl/worksheets/sheetN.xml`): its filled rows, and its merged ranges.
///
/// Cells are placed by their reference (`r="C7"`), or after the previous cell
/// when a writer leaves it out; rows likewise. A cell's text is its shared string
/// (`t="s"`), inline string (`t="inlineStr"`), formula string (`t="str"`), error
/// (`t="e"`), boolean (`t="b"`: TRUE/FALSE), ISO date (`t="d"`) or number, the
/// last shown by its style's number format (`XlsxValues`). Formulas themselves
/// are not read, only their cached results. Only rows with a non-empty cell are
/// kept; `layout` places their cells on the grid with the merges applied.
final class XlsxSheet: XMLPartHandler {
    /// A filled row: Excel's row number and its non-empty cells by 1-based column.
    struct Row {
        /// The row number as Excel shows it.
        let number: Int
        /// The non-empty cells: column and text.
        var cells: [(column: Int, text: String)] = []
    }

    /// A merged range, first and last row and column (1-based, inclusive).
    struct Merge {
        /// The range's corners.
        let top: Int, left: Int, bottom: Int, right: Int
    }

    /// The filled rows, in the order of the part.
    private(set) var rows: [Row] = []
    /// The merged ranges (at most `XlsxReader.maxCells`).
    private(set) var merges: [Merge] = []
    /// Cells that referred to a shared string that does not exist (read as empty), and the row of the first.
    private(set) var missingStrings = 0, firstMissingRow = 0
    /// Whether the sheet held more cells than `budget` allowed.
    private(set) var tooLarge = false

    /// The workbook's shared strings, the number format kind of each cell style, and the date system.
    private let shared: [String], styles: [XlsxValues.Kind], date1904: Bool
    /// How many more filled cells may be kept.
    private var budget: Int
    /// The open row.
    private var row: Row?
    /// The last row and column numbers placed.
    private var lastRow = 0, lastColumn = 0
    /// The open cell: its column, type and style.
    private var cell: (column: Int, type: String, style: Int)?
    /// The open cell's stored value (`v`), and whether inside it.
    private var value = "", inValue = false
    /// The reader of the open cell's inline string (`is`).
    private var inline = XlsxRichText(element: "is")
    /// The open cell's inline string, once read.
    private var inlineText: String?

    /// A sheet reader with the workbook's `shared` strings, style `styles`, date system and cell `budget`.
    init(shared: [String], styles: [XlsxValues.Kind], date1904: Bool, budget: Int) {
        (self.shared, self.styles, self.date1904, self.budget) = (shared, styles, date1904, budget)
    }

    /// An element starts.
    func start(_ name: String, _ attributes: [String: String]) {
        switch name {
        case "row":
            lastRow = attributes["r"].flatMap { Int($0) }.map { min(max($0, 1), 1 << 20) } ?? lastRow + 1
            (row, lastColumn) = (Row(number: lastRow), 0)
        case "c" where row != nil:
            lastColumn = attributes["r"].flatMap(Self.column) ?? min(lastColumn + 1, 1 << 14)
            cell = (lastColumn, attributes["t"] ?? "n", attributes["s"].flatMap { Int($0) } ?? 0)
            (value, inlineText) = ("", nil)
        case "v" where cell != nil: inValue = true
        case "mergeCell":
            let corners = (attributes["ref"] ?? "").split(separator: ":").map(String.init)
            guard merges.count < XlsxReader.maxCells, let a = corners.first, let b = corners.last,
                let (c1, r1) = Self.reference(a), let (c2, r2) = Self.reference(b)
            else { return }
            merges.append(Merge(top: min(r1, r2), left: min(c1, c2), bottom: max(r1, r2), right: max(c1, c2)))
        default: break
        }
        if cell != nil { inline.start(name) }
    }

    /// An element ends.
    func end(_ name: String) {
        if cell != nil, let text = inline.end(name) { inlineText = text }
        switch name {
        case "v": inValue = false
        case "c":
            if let c = cell {
                let text = CellText.clean(shown(c))
                if !text.isEmpty && budget > 0 {
                    row?.cells.append((c.column, text))
                    budget -= 1
                } else if !text.isEmpty {
                    tooLarge = true
                }
            }
            cell = nil
        case "row":
            if let r = row, !r.cells.isEmpty { rows.append(r) }
            row = nil
        default: break
        }
    }

    /// Character data: the stored value, or the inline string.
    func characters(_ text: String) {
        if inValue { value += text }
        if cell != nil { inline.characters(text) }
    }

    /// The text the open cell shows.
    private func shown(_ c: (column: Int, type: String, style: Int)) -> String {
        switch c.type {
        case "s":
            guard let i = Int(value.trimmingCharacters(in: .whitespaces)), shared.indices.contains(i) else {
                if missingStrings == 0 { firstMissingRow = lastRow }
                missingStrings += 1
                return ""
            }
            return shared[i]
        case "inlineStr": return inlineText ?? value
        case "str", "e": return value
        case "b": return value == "1" ? "TRUE" : value == "0" ? "FALSE" : value
        case "d": return value.hasSuffix("T00:00:00") ? String(value.dropLast(9)) : value
        default:
            let kind = styles.indices.contains(c.style) ? styles[c.style] : .number
            return XlsxValues.show(value.trimmingCharacters(in: .whitespaces), as: kind, date1904: date1904)
        }
    }

    /// The kept rows as items of table `table` (the sheet's position) named `sheet`, the first at `ordinal`, with
    /// the merges applied: the first cell of a merged range spans its columns, and in the rows below it a
    /// cell continues it. Cells between filled ones are empty cells; cells a span covers are left out.
    /// Laying out more than `budget` cells (a hostile sheet's far-apart cells or merges) is an error.
    func layout(table: Int, sheet: String, ordinal: Int, budget: inout Int, file: String) throws -> [SourceItem] {
        func spend(_ n: Int) throws {
            budget -= n
            if budget < 0 {
                throw PlanError(
                    .invalidSource,
                    file: file,
                    message: "is too large: sheet '\(sheet)' lays out more than \(XlsxReader.maxCells) cells; "
                        + "expected a plan")
            }
        }
        var index: [Int: Int] = [:]
        for (i, r) in rows.enumerated() where index[r.number] == nil { index[r.number] = i }
        let numbers = index.keys.sorted()
        var starts = Array(repeating: [Int: (span: Int, continues: Bool)](), count: rows.count)
        for m in merges {
            if let i = index[m.top], starts[i][m.left] == nil { starts[i][m.left] = (m.right - m.left + 1, false) }
            var k = Self.firstIndex(in: numbers, notBelow: m.top + 1)
            while k < numbers.count && numbers[k] <= m.bottom {
                try spend(1)
                let i = index[numbers[k]]!
                if starts[i][m.left] == nil { starts[i][m.left] = (m.right - m.left + 1, true) }
                k += 1
            }
        }
        var items: [SourceItem] = []
        for (i, r) in rows.enumerated() {
            var texts: [Int: String] = [:]
            for c in r.cells where texts[c.column] == nil { texts[c.column] = c.text }
            let width = max(texts.keys.max() ?? 0, starts[i].keys.max() ?? 0)
            try spend(width)
            var cells: [SourceCell] = []
            var column = 1
            while column <= width {
                if let s = starts[i][column] {
                    cells.append(
                        SourceCell(
                            text: s.continues ? "" : texts[column] ?? "", span: s.span, continuesAbove: s.continues))
                    column += s.span
                } else {
                    cells.append(SourceCell(text: texts[column] ?? ""))
                    column += 1
                }
            }
            let location = SourceLocation(sheet: sheet, row: r.number, ordinal: ordinal + items.count)
            items.append(SourceItem(content: .row(cells, table: table), location: location))
        }
        return items
    }

    /// The index of the first of the ascending `numbers` that is at least `n` (`numbers.count` when none is).
    private static func firstIndex(in numbers: [Int], notBelow n: Int) -> Int {
        var (lo, hi) = (0, numbers.count)
        while lo < hi {
            let mid = (lo + hi) / 2
            if numbers[mid] < n { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// The 1-based column of a cell reference (`C7` → 3), or nil when it has no letters or is past XFD.
    static func column(_ reference: String) -> Int? { Self.reference(reference)?.column }

    /// The column and row of a cell reference (`C7` → (3, 7)); `$` signs are ignored.
    static func reference(_ reference: String) -> (column: Int, row: Int)? {
        var column = 0
        var row = 0
        var letters = 0
        var digits = 0
        for ch in reference.utf8 where ch != UInt8(ascii: "$") {
            switch ch {
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where digits == 0 && letters < 3:
                column = column * 26 + Int(ch - UInt8(ascii: "A")) + 1
                letters += 1
            case UInt8(ascii: "a")...UInt8(ascii: "z") where digits == 0 && letters < 3:
                column = column * 26 + Int(ch - UInt8(ascii: "a")) + 1
                letters += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9") where letters > 0 && digits < 7:
                row = row * 10 + Int(ch - UInt8(ascii: "0"))
                digits += 1
            default: return nil
            }
        }
        guard letters > 0, column <= 1 << 14, row <= 1 << 20 else { return nil }
        return (column, max(row, 1))
    }
}
