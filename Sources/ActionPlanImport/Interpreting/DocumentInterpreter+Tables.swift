import ActionPlanCore
import Foundation

/// Before the walk: how each table of the document is read, or why it is not an action table.
///
/// A table's header row is looked for in its first rows (``TableLayout/header(_:overrides:)``, or a header
/// whose first cell titles a group, ``TableLayout/groupHeader(_:recurring:)``). The blocks of one table cut by
/// page breaks — each with its header repeated, or with none and as many columns as the block before (or
/// fewer, when only blank lines separate them) — are read with one layout, which is then corrected by what all their rows hold (``TableLayout/refined(by:)``).
/// A table without a header is read by what its cells hold when they show IDs, dates or statuses; a table
/// whose first row is a header naming no action or ID column is not an action table, and says so.
extension DocumentInterpreter {
    mutating func layOutTables() throws {
        var rowsByTable: [Int: [Int]] = [:]
        var order: [Int] = []
        var tails: [[String]: Int] = [:]
        for (i, item) in doc.items.enumerated() {
            guard case .row(let cells, let table) = item.content else { continue }
            if rowsByTable[table] == nil { order.append(table) }
            rowsByTable[table, default: []].append(i)
            if TableLayout.grid(cells).count >= 2 { tails[TableLayout.tailKeys(cells), default: 0] += 1 }
        }
        /// The first table of the layout each table is read with, and that layout's header keys.
        var family: [Int: Int] = [:]
        var families: [[String]: Int] = [:]
        var previous: Int?
        for table in order {
            let rows = rowsByTable[table]!
            let cells = rows.compactMap { i -> [SourceCell]? in
                if case .row(let c, _) = doc.items[i].content { return c }
                return nil
            }
            if let first = cells.first, Self.isOfficersHeader(first) {
                officerTables[table] = rows[0]  // a named-officers register of its own: Code | Name | Role
                continue
            }
            if case (var layout, let header)? = findHeader(rows, tails: tails) {
                layout.promoteNumberedGroups(
                    rows: rows.compactMap { i -> [SourceCell]? in
                        guard i > header, case .row(let c, _) = doc.items[i].content else { return nil }
                        return c
                    })
                var key = layout.groupInHeader ? Array(layout.headerKeys.dropFirst()) : layout.headerKeys
                while key.last == "" { key.removeLast() }  // a trailing empty column on one page only
                let first = families[key] ?? table
                families[key] = first
                family[table] = first
                tables[table] = (first == table ? layout : tables[first]!.layout, header)
                previous = table
                continue
            }
            let width = cells.map { TableLayout.grid($0).count }.max() ?? 0
            if let p = previous, let layout = tables[p]?.layout,
                layout.columns.count == width || width < layout.columns.count && onlyBlankBetween(rowsByTable[p]!, rows)
            {
                tables[table] = (layout, nil)
                family[table] = family[p]
            } else if doc.kind == .csv || doc.kind == .tsv {
                let first =
                    cells.first.map { TableLayout.grid($0).map { "\"\($0.text)\"" }.joined(separator: ", ") } ?? ""
                throw PlanError(
                    .invalidSource,
                    file: file, line: rows.first.flatMap { doc.items[$0].location.line },
                    message: "header row needs at least an ID column or an action column and one more (such as id, "
                        + "action, lead, due, rating); found \(first)")
            } else if followsOfficersHeading(rows[0]) {
                notActionTables[table] = "it is the named-officers register (code, name, role), which holds no actions"
            } else if let first = cells.first(where: { !$0.allSatisfy { $0.text.isEmpty } }),
                TableLayout.isHeaderShaped(first)
            {
                let header = TableLayout.grid(first).map(\.text).filter { !$0.isEmpty }.joined(separator: " | ")
                notActionTables[table] =
                    "its header \"\(header.count > 70 ? String(header.prefix(67)) + "…" : header)\" "
                    + "names no action or ID column; --column \"HEADER=ROLE\" reads it"
            } else if let guess = TableLayout.guessed(from: cells) {
                tables[table] = (guess, nil)
                family[table] = table
                previous = table
            } else {
                notActionTables[table] = "no header row, and its cells hold no IDs, dates or statuses"
            }
        }
        readHeaderSecondLines(family)
        refineByContent(family)
        guard
            tables.values.contains(where: { $0.header != nil })
                || tables.values.contains(where: { !$0.layout.headerKeys.isEmpty || $0.layout.column(.action) != nil })
        else {
            let why =
                order.compactMap { t in
                    notActionTables[t].map {
                        "; the table at \(doc.items[rowsByTable[t]![0]].location) is not one: \($0)"
                    }
                }.first ?? ""
            throw PlanError(
                .invalidSource,
                file: file,
                message: "no action table found; expected a table with a header row such as "
                    + "\"ID | Actions | Lead | Date of Delivery | RAG\" (in pasted text, cells separated by tabs)" + why
            )
        }
    }

    /// The header row among a table's first rows, and its layout.
    private func findHeader(_ rows: [Int], tails: [[String]: Int]) -> (TableLayout, Int)? {
        for i in rows.prefix(12) {
            guard case .row(let cells, _) = doc.items[i].content else { continue }
            if let l = TableLayout.header(cells, overrides: options.columns) { return (l, i) }
            if options.columns.isEmpty,
                let l = TableLayout.groupHeader(cells, recurring: tails[TableLayout.tailKeys(cells), default: 0] >= 2)
            {
                return (l, i)
            }
        }
        return nil
    }

    /// Whether only blank lines come between the table of rows `a` and the table of rows `b` (a page break cut
    /// one table in two: the block after it continues the table, even with fewer cells in its rows).
    private func onlyBlankBetween(_ a: [Int], _ b: [Int]) -> Bool {
        guard let end = a.last, let start = b.first, end < start else { return false }
        return (end + 1..<start).allSatisfy { j in
            if case .text(let t, _) = doc.items[j].content { return t.trimmingCharacters(in: .whitespaces).isEmpty }
            return false
        }
    }

    /// Whether the text before item `i` (past blank lines) is a named-officers heading.
    private func followsOfficersHeading(_ i: Int) -> Bool {
        for j in stride(from: i - 1, through: 0, by: -1) {
            guard case .text(let t, _) = doc.items[j].content else { return false }
            if t.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            return PlanPatterns.isOfficersHeading(t)
        }
        return false
    }

    /// A header continued on the next row (past a rule row or a page break): its labels join the header's.
    private mutating func readHeaderSecondLines(_ family: [Int: Int]) {
        for first in Set(family.values) {
            guard let header = tables[first]?.header else { continue }
            var j = header + 1
            while j < doc.items.count {
                switch doc.items[j].content {
                case .text(let t, _) where t.trimmingCharacters(in: .whitespaces).isEmpty:
                    j += 1
                    continue
                case .row(let cells, let table) where family[table] == first:
                    let texts = TableLayout.grid(cells).map { $0.text.trimmingCharacters(in: .whitespaces) }
                    if PlanPatterns.isRuleRow(texts) {
                        j += 1
                        continue
                    }
                    if let layout = tables[first]?.layout.continued(by: cells) {
                        let labels = texts.filter { !$0.isEmpty }.joined(separator: " | ")
                        headerLines[j] = "the header row continues on this line (\"\(labels)\"): read as part of it"
                        for (t, f) in family where f == first { tables[t]!.layout = layout }
                    }
                default: break
                }
                break
            }
        }
    }

    /// Corrects each layout by what all the data rows read with it hold.
    private mutating func refineByContent(_ family: [Int: Int]) {
        var rows: [Int: [[String]]] = [:]
        for (i, item) in doc.items.enumerated() {
            guard case .row(let cells, let table) = item.content, let f = family[table],
                let (layout, header) = tables[table]
            else { continue }
            let texts = TableLayout.grid(cells).map { $0.text.trimmingCharacters(in: .whitespaces) }
            let onlyFirst = texts.first?.isEmpty == false && texts.dropFirst().allSatisfy(\.isEmpty)
            if i == header || header.map({ i < $0 }) == true || layout.isRepeatedHeader(cells) || headerLines[i] != nil
                || onlyFirst || PlanPatterns.isRuleRow(texts)
            {
                continue
            }
            rows[f, default: []].append(texts)
        }
        for (f, data) in rows {
            let refined = tables[f]!.layout.refined(by: data)
            for (t, g) in family where g == f { tables[t]!.layout = refined }
            if let s = refined.column(.status), !data.contains(where: { s < $0.count && !$0[s].isEmpty }),
                let header = tables[f]!.header
            {
                tableWarnings[header, default: []].append(
                    "the \"\(refined.columns[s].header)\" column is empty in every row (a colour fill lost in the "
                        + "copy?): its actions are left unrated")
            }
        }
    }
}
