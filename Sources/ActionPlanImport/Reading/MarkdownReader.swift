import Foundation

/// Reads Markdown: `#` headings, lines of text, and pipe tables.
///
/// - A line starting with one to six `#` and a space (after up to three spaces) is
///   a heading of that level; its text has the closing `#`s removed.
/// - A table is a run of lines holding `|`: one starting with `|`, or a header row
///   followed by a delimiter row (`|---|:---:|`). Its rows are `.row` items (one
///   table number per run) of the cells between unescaped pipes (`\|` is a pipe);
///   `<br>` in a cell is a line break. The delimiter row is layout, not content, and
///   is the one kind of line that gets no item: every other line has one, so the
///   lines without an item are exactly the delimiter rows.
/// - Every other line, blank ones and fenced code (```), is a `.text` item of the
///   line as written; list markers and emphasis are kept.
enum MarkdownReader {
    /// The items of `lines` (line `i + 1` is `lines[i]`).
    static func items(_ lines: [String]) -> [SourceItem] {
        var items: [SourceItem] = []
        var table = 0
        var inTable = false
        var inFence = false
        for (i, line) in lines.enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            let location = SourceLocation.line(i + 1, ordinal: items.count)
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { inFence.toggle() }
            let next = i + 1 < lines.count ? lines[i + 1] : ""
            let isRow =
                !inFence && trimmed.contains("|")
                && (inTable || trimmed.hasPrefix("|") || isDelimiterRow(next.trimmingCharacters(in: .whitespaces)))
            if isRow && inTable && isDelimiterRow(trimmed) { continue }
            if isRow {
                if !inTable { (table, inTable) = (table + 1, true) }
                items.append(
                    SourceItem(content: .row(PlainTextReader.cells(cells(trimmed)), table: table), location: location))
                continue
            }
            inTable = false
            let heading = inFence ? nil : self.heading(line)
            items.append(SourceItem(content: .text(heading?.text ?? line, heading: heading?.level), location: location))
        }
        return items
    }

    /// The level and text of an ATX heading (`## Title ##` → 2, "Title"), or nil when `line` is none.
    static func heading(_ line: String) -> (level: Int, text: String)? {
        let indent = line.prefix { $0 == " " }
        guard indent.count <= 3 else { return nil }
        let rest = line.dropFirst(indent.count)
        let marks = rest.prefix { $0 == "#" }
        guard (1...6).contains(marks.count) else { return nil }
        let after = rest.dropFirst(marks.count)
        guard after.isEmpty || after.first == " " || after.first == "\t" else { return nil }
        var text = after.trimmingCharacters(in: .whitespaces)
        let closing = text.reversed().prefix { $0 == "#" }.count
        if closing == text.count {
            text = ""
        } else if closing > 0, text.dropLast(closing).last == " " {
            text = text.dropLast(closing).trimmingCharacters(in: .whitespaces)
        }
        return (marks.count, text)
    }

    /// Whether `line` (trimmed) is a table's delimiter row: pipes, and cells of `-` with optional `:` at either end.
    static func isDelimiterRow(_ line: String) -> Bool {
        guard line.contains("-"), line.contains("|") else { return false }
        let cells = self.cells(line)
        return !cells.isEmpty
            && cells.allSatisfy { cell in
                let c = cell.trimmingCharacters(in: .whitespaces)
                let core = c.drop { $0 == ":" }.reversed().drop { $0 == ":" }
                return !core.isEmpty && core.allSatisfy { $0 == "-" } && c.filter({ $0 == ":" }).count <= 2
            }
    }

    /// The raw cells of a table row (trimmed): split at unescaped pipes, without the outer pipes.
    static func cells(_ row: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var escaped = false
        for ch in row {
            if escaped {
                current.append(ch == "|" ? "|" : "\\\(ch)")
                escaped = false
            } else if ch == "\\" {
                escaped = true
            } else if ch == "|" {
                cells.append(current)
                current = ""
            } else {
                current.append(ch)
            }
        }
        if escaped { current.append("\\") }
        cells.append(current)
        if row.hasPrefix("|") { cells.removeFirst() }
        if row.hasSuffix("|") && !row.hasSuffix("\\|") && !cells.isEmpty { cells.removeLast() }
        return cells
    }
}
