/// Reads text pasted from a document: every line an item, so the interpreter can account for each by its number.
///
/// A line holding a tab is a table row of its tab-separated cells (text copied
/// from a Word or web table pastes that way); consecutive such lines are one
/// table, and any other line, a blank one too, ends it. Every other line, blank
/// ones included, is a `.text` item holding the line as `SourceText` cleaned it
/// (not trimmed); headings are not recognised in plain text (`heading` is nil).
enum PlainTextReader {
    /// The items of `lines` (line `i + 1` is `lines[i]`).
    static func items(_ lines: [String]) -> [SourceItem] {
        var items: [SourceItem] = []
        items.reserveCapacity(lines.count)
        var table = 0
        var inTable = false
        for (i, line) in lines.enumerated() {
            let location = SourceLocation.line(i + 1, ordinal: i)
            if line.contains("\t") {
                if !inTable { (table, inTable) = (table + 1, true) }
                let cells = cells(line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init))
                items.append(SourceItem(content: .row(cells, table: table), location: location))
            } else {
                inTable = false
                items.append(SourceItem(content: .text(line, heading: nil), location: location))
            }
        }
        return items
    }

    /// The fields of a row of a text-based source as cells, each cleaned (`CellText.fromMarkup`).
    static func cells(_ fields: [String]) -> [SourceCell] {
        fields.map { SourceCell(text: CellText.fromMarkup($0)) }
    }
}
