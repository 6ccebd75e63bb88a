import ActionPlanCore
import Foundation

/// Table rows: headers, group rows, theme rows, action rows, and the officers register.
extension DocumentInterpreter {
    mutating func readRow(_ cells: [SourceCell], table: Int, at i: Int) throws {
        let texts = TableLayout.grid(cells).map { $0.text.trimmingCharacters(in: .whitespaces) }
        if texts.allSatisfy(\.isEmpty) {
            breakBefore = true
            return mark(i, .blank)
        }
        let onlyFirst = !texts[0].isEmpty && texts.dropFirst().allSatisfy(\.isEmpty)

        if let header = officerTables[table] {
            if i == header { return mark(i, .used) }
            return readOfficer(texts, at: i)
        }
        if mode == .officers { return readOfficer(texts, at: i) }
        if mode == .appendix {
            return narrate(texts.filter { !$0.isEmpty }.joined(separator: " – "), at: i)
        }
        if onlyFirst, let h = PlanPatterns.themeHeading(texts[0]) {
            return themeHeading(h, inTable: true, at: i)
        }
        try readTableRow(cells, texts: texts, table: table, onlyFirst: onlyFirst, at: i)
    }

    /// One row of a named-officers register: code, name, role.
    mutating func readOfficer(_ texts: [String], at i: Int) {
        guard texts.count >= 2, !texts[0].isEmpty else { return skip(i, "not an officer: expected code, name, role") }
        let o = Officer(
            code: texts[0], name: SourceText.plainText(texts[1]),
            role: texts.count > 2 ? SourceText.plainText(texts[2...].filter { !$0.isEmpty }.joined(separator: " ")) : ""
        )
        if let first = officerCodes[o.code] {
            let other = assembler.plan.officers.first { $0.code == o.code }?.name ?? ""
            repair(
                i,
                "officer code \(o.code) is listed twice (\(other), \(first); \(o.name)): both kept; leads written "
                    + "\(o.code) are ambiguous")
        } else {
            officerCodes[o.code] = location(i)
        }
        assembler.plan.officers.append(o)
        mark(i, .used)
    }

    /// A row of a table that is not an officers register: its header, title rows above it, a group row or an
    /// action.
    mutating func readTableRow(_ cells: [SourceCell], texts: [String], table: Int, onlyFirst: Bool, at i: Int) throws {
        guard let (layout, header) = tables[table] else {
            let why = notActionTables[table] ?? "no header row"
            return skip(i, "a row of a table that is not an action table (\(why)): \(quote(texts))")
        }
        if let message = headerLines[i] {
            inTable = true
            return repair(i, message)
        }
        if PlanPatterns.isRuleRow(texts) { return repair(i, "rule row (a line of dashes under the header) skipped") }
        if let header, i < header {
            if let last = lastLayout, !onlyFirst, TableLayout.grid(cells).count == last.columns.count {
                repair(i, "row above the table's header row: continues the table before it (page break)")
                return readData(texts, cells: cells, layout: last, at: i)
            }
            // Above the header, within the table: title rows of a spreadsheet.
            if onlyFirst || texts.filter({ !$0.isEmpty }).count == 1 {
                let text = texts.first { !$0.isEmpty }!
                if SourceText.key(text).hasPrefix("version:"), let colon = text.firstIndex(of: ":") {
                    assembler.plan.version = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                    return mark(i, .used)
                }
                if assembler.plan.title.isEmpty && titleIndex == nil {
                    assembler.plan.title = SourceText.plainText(text)
                    return mark(i, .used)
                }
                return narrate(text, at: i)
            }
            return skip(i, "above the table's header row: \(quote(texts))")
        }
        if header == i || layout.isRepeatedHeader(cells) {
            // What was found about the table's columns, said once the table is read as part of the plan.
            for w in tableWarnings.removeValue(forKey: i) ?? [] { report.warn(location(i), w) }
            recordColumns(layout, at: i)
            inTable = true
            rowAbove = []
            lastLayout = layout
            enterTableTheme(layout, at: i)
            if layout.groupInHeader {
                assembler.startGroup(SourceText.plainText(texts[0]))
                return mark(i, .used)
            }
            let theme = assembler.theme ?? -1
            if headerSeen.contains(theme) {
                breakBefore = true
                repair(i, "repeated table header row (page break) skipped")
            } else {
                headerSeen.insert(theme)
                mark(i, .used)
            }
            return
        }
        enterTableTheme(layout, at: i)
        if !inTable && header == nil {
            if layout.headerKeys.isEmpty {
                recordColumns(layout, at: i)
                report.warn(
                    location(i), "table without a header row: columns read by what they hold (see the column list)")
            } else {
                repair(i, "table row without a header row above it; read with the columns of the table before")
            }
        }
        inTable = true
        lastLayout = layout
        if header == nil, !layout.headerKeys.isEmpty, texts.count < layout.columns.count {
            report.warn(
                location(i),
                "the row has \(texts.count) cells where the table's header has \(layout.columns.count): read by "
                    + "position, so its cells may be under the wrong headers")
        }
        readData(texts, cells: cells, layout: layout, at: i)
    }

    /// Makes a theme current for a table's rows when none is: the table's theme column decides, else an
    /// implicit theme.
    mutating func enterTableTheme(_ layout: TableLayout, at i: Int) {
        guard assembler.theme == nil else { return }
        if layout.column(.theme) != nil || layout.column(.themeTitle) != nil {
            mode = .themes
        } else {
            startImplicitTheme(at: i)
        }
    }

    /// A data row: a group row, a row of an action log, a measure's breakdown, or an action.
    mutating func readData(_ texts: [String], cells: [SourceCell], layout: TableLayout, at i: Int) {
        defer { breakBefore = false }
        let onlyFirst = !texts[0].isEmpty && texts.dropFirst().allSatisfy(\.isEmpty)
        // In a timeline every row is a task, scheduled or not.
        if layout.timeline.isEmpty && (onlyFirst || cells.count == 1 && cells[0].span >= max(2, texts.count)) {
            assembler.startGroup(SourceText.plainText(texts[0]))
            logItem = nil
            return mark(i, .used)
        }
        if layout.actionLog { return readLogRow(texts, cells: TableLayout.grid(cells), layout: layout, at: i) }
        if layout.isMeasureTable, readBreakdown(texts, layout: layout, at: i) { return }
        readAction(texts, cells: TableLayout.grid(cells), layout: layout, at: i)
    }

    /// Records how a table's columns are read, once for each distinct header.
    mutating func recordColumns(_ layout: TableLayout, at i: Int) {
        let columns = ImportReport.TableColumns(location: location(i), columns: layout.columns)
        if !report.tables.contains(where: { $0.columns.map(\.header) == columns.columns.map(\.header) }) {
            report.tables.append(columns)
        }
    }

    /// Quotes a row's cells for a message.
    func quote(_ texts: [String]) -> String {
        let s = texts.filter { !$0.isEmpty }.joined(separator: " | ")
        return "\"" + (s.count > 80 ? String(s.prefix(77)) + "…" : s) + "\""
    }

    /// Puts actions met before any theme heading into a theme of their own, titled by the nearest heading.
    mutating func startImplicitTheme(at i: Int) {
        let title = lastHeading ?? (assembler.plan.title.isEmpty ? "Actions" : assembler.plan.title)
        let t = assembler.implicitTheme(title: title)
        mode = .themes
        block = nil
        if [.text, .markdown, .docx].contains(doc.kind) {
            report.warn(
                location(i),
                "actions before any theme heading put in theme \(assembler.plan.themes[t].number) "
                    + "\"\(assembler.plan.themes[t].title)\"")
        }
    }

    /// Reads one action row of a table laid out as `layout`; `text`, `id` and `lead` replace what its cells
    /// say (an action log's row, cut at its marker or its bullets).
    mutating func readAction(
        _ raw: [String], cells: [SourceCell], layout: TableLayout, at i: Int,
        text given: String? = nil, id givenID: String? = nil, lead givenLead: String? = nil
    ) {
        var texts = raw
        for (c, cell) in cells.enumerated() where cell.continuesAbove && c < rowAbove.count && c < texts.count {
            texts[c] = rowAbove[c]  // merged from the row above (a lead or date spanning several rows)
        }
        rowAbove = texts
        let raws = cells.map { $0.raw ?? $0.text }
        func cell(_ role: ColumnRole) -> String {
            guard let c = layout.column(role), c < texts.count else { return "" }
            return layout.exported ? CSVExport.unneutralise(raws[c]) : SourceText.plainText(texts[c])
        }
        if layout.column(.theme) != nil || layout.column(.themeTitle) != nil {
            rowTheme(cell(.theme), title: cell(.themeTitle))
        }
        if layout.column(.group) != nil {
            let g = cell(.group)
            assembler.useGroup(g.isEmpty ? nil : g)
        }
        var (id, refs) = layout.exported ? (cell(.id), []) : PlanPatterns.splitIDCell(cell(.id))
        if let givenID { (id, refs) = (givenID, []) }
        let refsCell = cell(.refs)
        refs += refsCell.split(whereSeparator: { $0 == " " || !layout.exported && ($0 == "," || $0 == ";") }).map(
            String.init)
        let text = given ?? cell(.action)
        if id.isEmpty && text.isEmpty {
            return skip(i, "row with neither an ID nor action text: \(quote(texts))")
        }
        if id.isEmpty {
            id = generatedID(at: i, hasIDColumn: layout.column(.id) != nil)
        }
        if text.isEmpty { report.warn(location(i), "action \(id) has no text") }
        var due = cell(.due)
        let marked = layout.timeline.filter { $0 < texts.count && !texts[$0].isEmpty }
        if let last = marked.last { due = layout.columns[last].header }
        let date = layout.exported ? due : DeliveryDate.normalise(due)
        if case .unrecognised(let why) = DeliveryDate.parse(date) {
            report.warn(
                location(i), "action \(id): date of delivery \"\(date)\" kept as written with no deadline (\(why))")
        }
        var action = Action(id: id, crossReferences: refs, text: text, deliveryDate: date)
        let revised = DeliveryDate.normalise(cell(.revised))
        if !revised.isEmpty {
            let header = layout.column(.revised).map { layout.columns[$0].header } ?? "revised date"
            action.revisions = [
                DateRevision(
                    date: revised, on: options.today, by: "import", reason: "revised date in the source (\(header))")
            ]
        }
        rate(&action, status: cell(.status), exported: layout.exported, at: i)
        if layout.column(.status) == nil, !layout.exported,
            let s = StatusWords.trailingStatus(text)
                ?? marked.map({
                    texts[$0]
                }).first(where: { StatusWords.rating(for: $0) != nil })
        {
            rate(&action, status: s, exported: false, at: i)
        }
        for (c, col) in layout.columns.enumerated() where c < texts.count && col.role == .field && !texts[c].isEmpty {
            let value = layout.exported ? CSVExport.unneutralise(raws[c]) : SourceText.plainText(texts[c])
            if layout.exported && col.header == "status" {
                action.status = value
            } else {
                action.fields.append(
                    ActionField(name: col.header.isEmpty ? "Column \(c + 1)" : col.header, value: value))
            }
        }
        let leadCell = givenLead ?? cell(.lead)
        let split =
            layout.exported
            ? leadCell.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            : nil
        if leadCell.isEmpty && layout.column(.lead) != nil { report.warn(location(i), "action \(id) has no lead") }
        assembler.add(action, leadCell: leadCell, splitLeads: split, at: location(i))
        mark(i, .used)
    }

    /// A theme named in a row's theme column: `2`, `Theme 2: Title`, `2. Title` (as the exported CSV writes
    /// it), or a title.
    mutating func rowTheme(_ cell: String, title: String) {
        var number: Int?
        var themeTitle = title
        let digits = cell.prefix(while: { $0.isASCII && $0.isNumber })
        if let h = PlanPatterns.themeHeading(cell) {
            number = h.number
            if themeTitle.isEmpty { themeTitle = h.title }
        } else if let v = Int(digits), digits.count <= 6 {
            number = v
            let rest = cell.dropFirst(digits.count).drop(while: { $0 == "." || $0 == ":" || $0 == " " || $0 == "-" })
            if themeTitle.isEmpty && !rest.isEmpty { themeTitle = String(rest) }
        } else if !cell.isEmpty {
            if let t = assembler.plan.themes.firstIndex(where: { $0.title == cell }) {
                assembler.theme = t
                return
            }
            themeTitle = cell
        }
        if let number {
            assembler.enterTheme(number: number, title: themeTitle.isEmpty ? "Theme \(number)" : themeTitle)
        } else if cell.isEmpty && assembler.theme != nil {
            return
        } else {
            let n = assembler.nextThemeNumber
            assembler.enterTheme(number: n, title: themeTitle.isEmpty ? "Theme \(n)" : themeTitle)
        }
    }

    /// The ID of a row that has none: by its place (`L12`, `R7`, `T2.5`), or by its theme when the table has
    /// no ID column at all (`3.4`), said in the report.
    mutating func generatedID(at i: Int, hasIDColumn: Bool) -> String {
        let loc = location(i)
        let id: String
        if !hasIDColumn, let t = assembler.theme {
            let n = assembler.plan.themes[t].actions.count + 1
            id = "\(assembler.plan.themes[t].number).\(n)"
        } else if let line = loc.line {
            id = "L\(line)"
        } else if let row = loc.row, loc.sheet != nil {
            id = "R\(row)"
        } else if let table = loc.table, let row = loc.row {
            id = "T\(table).\(row)"
        } else {
            id = "I\(loc.ordinal + 1)"
        }
        report.warn(
            loc, hasIDColumn ? "action row without an ID; given ID \(id)" : "no ID column; action numbered \(id)")
        return id
    }

    /// Sets the rating of `action` from a status as written, keeping the words when they say more.
    mutating func rate(_ action: inout Action, status: String, exported: Bool, at i: Int) {
        let s = status.trimmingCharacters(in: .whitespaces)
        guard !s.isEmpty else { return }
        let rating = Rating(parsing: s) ?? StatusWords.rating(for: s)
        let k = StatusWords.key(s)
        if statuses[k] == nil { statusOrder.append(s) }
        statuses[k, default: (rating, 0)].count += 1
        action.rating = rating
        let plainName = rating.map { k == $0.letter.lowercased() || k == $0.rawValue } ?? false
        if !plainName { action.status = s }
        if rating == nil && !StatusWords.isUnratedWord(s) {
            report.warn(
                location(i), "action \(action.id): status \"\(s)\" is not a rating word; kept as written, left unrated")
        }
    }
}
