/// Reads the body of a Word document (`word/document.xml`) into items.
///
/// - Body paragraphs (outside tables) are `.text` items, numbered from 1, empty
///   ones too. Their text is that of the runs (`w:t`), with tabs as spaces and line
///   breaks (`w:br`, `w:cr`) as "\n", cleaned by `CellText`. The heading level
///   comes from the paragraph style (`DocxStyles`), or else the paragraph's own
///   outline level. A list paragraph (numbering of its own or from its style)
///   starts with "• ": the numbers Word computes for numbered lists are not in the
///   document, so they are not read.
/// - Each top-level table (`w:tbl`) gets the next table number; each row (`w:tr`)
///   is a `.row` of its cells (`w:tc`), each cell's paragraphs joined with "\n".
///   `w:gridSpan` gives the span, `w:vMerge` without `restart` marks a cell that
///   continues the one above (its text is then empty), `w:gridBefore` an empty
///   leading cell of that span. A table inside a cell becomes lines of that cell's
///   text, one per nested row, its cells joined with " | ".
/// - Deleted text (`w:del`, `w:moveFrom`) and field codes (`w:instrText`) are left
///   out; inserted text (`w:ins`) and field results are read. Drawings, pictures,
///   text boxes and equations are skipped, and counted in a note with footnotes,
///   endnotes and comments (their text lives in other parts, not read).
final class DocxReader: XMLPartHandler {
    /// One open table: the top-level one makes rows; a nested one makes lines of the enclosing cell.
    private struct Table {
        /// The completed rows of a nested table, as lines.
        var lines: [String] = []
        /// The cells of the open row.
        var cells: [SourceCell] = []
        /// The paragraphs of the open cell.
        var paragraphs: [String] = []
        /// The open cell's span and whether it continues the cell above.
        var span = 1, continues = false
    }

    /// The items read so far.
    private(set) var items: [SourceItem] = []
    /// How many of each kind of thing were not read, for the note.
    private var ignored: [String: (count: Int, many: String)] = [:]
    /// The document's paragraph styles.
    private let styles: DocxStyles
    /// The open tables, outermost first.
    private var tables: [Table] = []
    /// The numbers of the current top-level table, of its current row, and of the last body paragraph.
    private var tableNumber = 0, rowNumber = 0, paragraphNumber = 0
    /// The open paragraph's text; nil outside paragraphs.
    private var paragraph: String?
    /// The open paragraph's style id, its own outline level, and its own numbering (true: a list item).
    private var style: String?, outline: Int?, numbered: Bool?
    /// Nesting inside a skipped element (0 when reading) and inside `w:t`.
    private var skipping = 0, inText = 0
    /// The names of the open elements.
    private var stack: [String] = []

    /// Elements whose content is not read.
    private static let skipped: Set<String> = [
        "del", "moveFrom", "instrText", "delInstrText", "drawing", "pict", "object", "Fallback", "oMath", "oMathPara",
        "pPrChange", "rPrChange", "tblPrChange", "trPrChange", "tcPrChange", "sectPrChange", "numberingChange",
    ]
    /// Elements counted in the note, by what the note calls one and several of them.
    private static let counted: [String: (one: String, many: String)] = [
        "drawing": ("drawing (picture, chart or text box)", "drawings (pictures, charts or text boxes)"),
        "pict": ("drawing (picture, chart or text box)", "drawings (pictures, charts or text boxes)"),
        "object": ("embedded object", "embedded objects"), "oMath": ("equation", "equations"),
        "footnoteReference": ("footnote", "footnotes"), "endnoteReference": ("endnote", "endnotes"),
        "commentReference": ("comment", "comments"),
    ]

    /// A reader using `styles` for headings and lists.
    init(styles: DocxStyles) { self.styles = styles }

    /// The note listing what was not read ("2 drawings (pictures, charts or text boxes), 1 footnote not read"),
    /// if anything.
    var note: SourceNote? {
        guard !ignored.isEmpty else { return nil }
        let parts = ignored.sorted { $0.key < $1.key }.map { one, n in "\(n.count) \(n.count == 1 ? one : n.many)" }
        return SourceNote(message: parts.joined(separator: ", ") + " not read")
    }

    /// An element starts.
    func start(_ name: String, _ attributes: [String: String]) {
        let parent = stack.last
        stack.append(name)
        if skipping == 0, let kind = Self.counted[name] { ignored[kind.one, default: (0, kind.many)].count += 1 }
        if skipping > 0 || Self.skipped.contains(name) {
            skipping += 1
            return
        }
        let value = attributes["val"]
        switch name {
        case "p" where paragraph == nil: (paragraph, style, outline, numbered) = ("", nil, nil, nil)
        case "pStyle" where parent == "pPr": style = value
        case "outlineLvl" where parent == "pPr": outline = value.flatMap { Int($0) }
        case "numId" where parent == "numPr": numbered = value != nil && value != "0"
        case "t" where paragraph != nil: inText += 1
        case "tab" where parent == "r", "noBreakHyphen" where parent == "r":
            paragraph? += name == "tab" ? " " : "-"
        case "br" where parent == "r", "cr" where parent == "r":
            if name == "cr" || (attributes["type"] ?? "textWrapping") == "textWrapping" {
                paragraph? += "\n"
            }
        case "tbl":
            tables.append(Table())
            if tables.count == 1 { (tableNumber, rowNumber) = (tableNumber + 1, 0) }
        case "tr" where !tables.isEmpty: tables[tables.count - 1].cells = []
        case "gridBefore" where parent == "trPr" && !tables.isEmpty:
            tables[tables.count - 1].cells.append(SourceCell(text: "", span: Self.count(value)))
        case "tc" where !tables.isEmpty:
            tables[tables.count - 1].paragraphs = []
            (tables[tables.count - 1].span, tables[tables.count - 1].continues) = (1, false)
        case "gridSpan" where parent == "tcPr" && !tables.isEmpty: tables[tables.count - 1].span = Self.count(value)
        case "vMerge" where parent == "tcPr" && !tables.isEmpty: tables[tables.count - 1].continues = value != "restart"
        default: break
        }
    }

    /// An element ends.
    func end(_ name: String) {
        _ = stack.popLast()
        if skipping > 0 {
            skipping -= 1
            return
        }
        switch name {
        case "t": inText = max(0, inText - 1)
        case "p": endParagraph()
        case "tc" where !tables.isEmpty:
            let t = tables[tables.count - 1]
            let text = t.continues ? "" : CellText.clean(t.paragraphs.joined(separator: "\n"))
            tables[tables.count - 1].cells.append(SourceCell(text: text, span: t.span, continuesAbove: t.continues))
        case "tr" where tables.count == 1:
            rowNumber += 1
            let location = SourceLocation(row: rowNumber, table: tableNumber, ordinal: items.count)
            items.append(SourceItem(content: .row(tables[0].cells, table: tableNumber), location: location))
        case "tr" where tables.count > 1:
            let cells = tables[tables.count - 1].cells.map(\.text).filter { !$0.isEmpty }
            tables[tables.count - 1].lines.append(cells.joined(separator: " | "))
        case "tbl" where !tables.isEmpty:
            let nested = tables.removeLast()
            if !tables.isEmpty { tables[tables.count - 1].paragraphs += nested.lines }
        default: break
        }
    }

    /// Character data: part of the paragraph when inside `w:t`.
    func characters(_ text: String) {
        if skipping == 0 && inText > 0 { paragraph? += text }
    }

    /// The open paragraph is complete: a body item, or a paragraph of the open cell.
    private func endParagraph() {
        guard let raw = paragraph else { return }
        paragraph = nil
        var text = CellText.clean(raw)
        if !text.isEmpty && (numbered ?? style.map(styles.isList) ?? false) { text = "• " + text }
        if !tables.isEmpty {
            tables[tables.count - 1].paragraphs.append(text)
            return
        }
        paragraphNumber += 1
        let outlineLevel = outline.flatMap { (0..<9).contains($0) ? $0 + 1 : nil }
        let heading = style.flatMap(styles.headingLevel) ?? outlineLevel
        let location = SourceLocation(paragraph: paragraphNumber, ordinal: items.count)
        items.append(SourceItem(content: .text(text, heading: heading), location: location))
    }

    /// A span or count attribute: a whole number from 1 to 1,000 (1 when missing or not a number).
    private static func count(_ value: String?) -> Int { min(1000, max(1, value.flatMap { Int($0) } ?? 1)) }
}
