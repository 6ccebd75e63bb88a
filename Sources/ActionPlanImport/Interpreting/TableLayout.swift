import ActionPlanCore
import Foundation

/// How one action table's columns are read: which grid column holds which role, found from its header row.
///
/// Columns are read by meaning, never silently by position: each header is matched against the
/// synonyms of ``ColumnRole`` (or a `--column` override), and anything that names no role is kept as a
/// field of the plan's own. A table without a header row is read by what its cells hold (IDs, dates,
/// status words, long text), and the report says which column was taken as what.
struct TableLayout {
    /// Each grid column (0-based): its header as written and its role.
    var columns: [(header: String, role: ColumnRole, why: String)]
    /// The header row's cells, reduced for matching (to recognise it when a page break repeats it).
    var headerKeys: [String]
    /// True when the table is the CSV `actionplan export` writes (read literally; see `CSVExport`).
    var exported = false
    /// True when the header's first cell is a group's title over the actions below it (`Provide support that
    /// … | Responsible | How we will monitor the priority`): each row repeating the rest of the header starts
    /// a group.
    var groupInHeader = false
    /// True when the action column holds `ACTION:` lines among other text (minutes with their actions
    /// arising): only those rows are actions; the others are the minutes' text (`DocumentInterpreter+ActionLog`).
    var actionLog = false
    /// The month columns of a timeline (a Gantt chart's header `| Jan 2018 | Feb 2018 | …`): the last month
    /// marked in a row is its date of delivery.
    var timeline: [Int] = []

    /// Whether the action column holds measures (``ColumnRole/measureHeaders``): rows with no ID under a measure
    /// are its breakdown (`DocumentInterpreter+Measures`).
    var isMeasureTable: Bool {
        column(.id) != nil && column(.action).map { ColumnRole.isMeasure(columns[$0].header) } == true
    }

    /// The grid column holding `role`, if any.
    func column(_ role: ColumnRole) -> Int? { columns.firstIndex { $0.role == role } }

    /// The cells of a row placed on the grid: a cell spanning several columns gives its text to the first.
    static func grid(_ cells: [SourceCell]) -> [SourceCell] {
        var out: [SourceCell] = []
        for c in cells {
            out.append(c)
            if c.span > 1 { out += Array(repeating: SourceCell(text: "", span: 1), count: c.span - 1) }
        }
        return out
    }

    /// The layout whose header is `cells`, or nil when they are not an action table's header (a cell of more
    /// than 120 characters is text, not a header): at least two columns read as roles, one of them the action,
    /// the ID or a group (taken as the action), or a column named (or given by `--column`) as the action, not
    /// only `Description`, beside others kept as fields; or a timeline of months.
    static func header(_ cells: [SourceCell], overrides: [ColumnOverride]) -> TableLayout? {
        let g = grid(cells).map { $0.text.trimmingCharacters(in: .whitespaces) }
        guard g.filter({ !$0.isEmpty }).count >= 2, g.allSatisfy({ $0.count <= 120 }) else { return nil }
        if overrides.isEmpty, let timeline = timeline(g) { return timeline }
        var columns: [(String, ColumnRole, String)] = []
        var taken: Set<ColumnRole> = []
        let namedAction = g.contains { ColumnRole.named($0) == .action && !ColumnRole.isFallbackAction($0) }
        for (i, h) in g.enumerated() {
            if let o = overrides.first(where: { $0.matches(header: h, number: i + 1) }) {
                columns.append((h, o.role, "--column"))
                if o.role != .field && o.role != .skip { taken.insert(o.role) }
                continue
            }
            if namedAction && ColumnRole.isFallbackAction(h) {
                columns.append((h, .field, "describes the action named in another column, kept as a field"))
            } else if let r = ColumnRole.named(h), !taken.contains(r) {
                columns.append((h, r, "header"))
                taken.insert(r)
            } else if let r = ColumnRole.named(h) {
                columns.append((h, .field, "a second \(r.rawValue) column, kept as a field"))
            } else {
                columns.append((h, .field, h.isEmpty ? "no header" : "not a known header, kept as a field"))
            }
        }
        let roles = columns.filter { $0.1 != .field && $0.1 != .skip }.map(\.1)
        let byRoles = roles.count >= 2 && (roles.contains(.action) || roles.contains(.id) || roles.contains(.group))
        let givenAction = columns.contains { $0.1 == .action && $0.2 == "--column" }
        guard byRoles || (namedAction || givenAction) && roles.contains(.action) else { return nil }
        var layout = TableLayout(
            columns: columns, headerKeys: g.map(ColumnRole.key),
            exported: g == CSVExport.header
                || (g.count > CSVExport.header.count && Array(g.prefix(CSVExport.header.count)) == CSVExport.header))
        if layout.exported { layout.readAsExported(g) }
        layout.chooseAction()
        return layout
    }

    /// The exported CSV's own columns: read as it writes them; deadline, days late and latest note are derived.
    private mutating func readAsExported(_ g: [String]) {
        for (i, name) in CSVExport.header.enumerated() {
            let role: ColumnRole
            switch name {
            case "theme": role = .theme
            case "group": role = .group
            case "id": role = .id
            case "cross_refs": role = .refs
            case "action": role = .action
            case "leads": role = .lead
            case "delivery_date": role = .due
            case "rating": role = .status
            default: role = .skip
            }
            columns[i] = (name, role, role == .skip ? "derived by actionplan, not imported" : "export")
        }
        if g.count > CSVExport.header.count, g[CSVExport.header.count] == "status" {
            columns[CSVExport.header.count] = ("status", .field, "status as written")
        }
    }

    /// A timeline's header: a first cell that is not a month, then at least three months (`Jan 2018`, `Sept
    /// 2018`) and nothing else.
    private static func timeline(_ g: [String]) -> TableLayout? {
        func isMonth(_ s: String) -> Bool { s.count <= 20 && DeliveryDate.parse(s).isDated }
        let months = g.indices.dropFirst().filter { isMonth(g[$0]) }
        guard months.count >= 3, !isMonth(g[0]),
            g.indices.dropFirst().allSatisfy({ months.contains($0) || g[$0].isEmpty })
        else { return nil }
        var columns = g.map { ($0, ColumnRole.field, "a month of the timeline, kept as a field") }
        columns[0] = (g[0], .action, "the column beside a timeline of months, read as the action")
        for i in g.indices.dropFirst() where !months.contains(i) { columns[i].2 = "no header" }
        var layout = TableLayout(columns: columns, headerKeys: g.map(ColumnRole.key))
        layout.timeline = months
        return layout
    }

    /// The layout of a header whose first cell is a group's title (a sentence, not a header word) and whose
    /// other cells name a lead, date or status column, when that rest of the header recurs in the document
    /// (`recurring`: it heads each group); nil otherwise.
    static func groupHeader(_ cells: [SourceCell], recurring: Bool) -> TableLayout? {
        let g = grid(cells).map { $0.text.trimmingCharacters(in: .whitespaces) }
        guard recurring, g.count >= 2, ColumnRole.named(g[0]) == nil, g[0].split(separator: " ").count >= 3 else {
            return nil
        }
        let tail = g.dropFirst().map { h in (h, ColumnRole.named(h)) }
        guard tail.contains(where: { [.lead, .due, .status].contains($0.1) }),
            !tail.contains(where: { $0.1 == .action || $0.1 == .id })
        else { return nil }
        var taken: Set<ColumnRole> = []
        var columns = [
            (g[0], ColumnRole.action, "the header's first cell titles a group; the column below it is the action")
        ]
        for (h, r) in tail {
            if let r, !taken.contains(r) {
                columns.append((h, r, "header"))
                taken.insert(r)
            } else {
                columns.append((h, .field, h.isEmpty ? "no header" : "not a known header, kept as a field"))
            }
        }
        var layout = TableLayout(columns: columns, headerKeys: g.map(ColumnRole.key))
        layout.groupInHeader = true
        return layout
    }

    /// The keys of a row after its first cell, to tell the rest of a group header where it recurs.
    static func tailKeys(_ cells: [SourceCell]) -> [String] { grid(cells).dropFirst().map { ColumnRole.key($0.text) } }

    /// Whether `cells` look like a header row (two or more short labels, none of them a date or a status word):
    /// a table headed so that names no action or ID column is not an action table, and is not read as data.
    static func isHeaderShaped(_ cells: [SourceCell]) -> Bool {
        let g = grid(cells).map { $0.text.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return g.count >= 2
            && g.allSatisfy { h in
                h.count <= 100 && !DeliveryDate.parse(h).isDated && StatusWords.rating(for: h) == nil
            }
    }

    /// When no column reads as the action, the field column with the longest header… no: the first kept
    /// field (or group) column, so every row still has text; said in the report.
    private mutating func chooseAction() {
        guard column(.action) == nil else { return }
        if let i = columns.firstIndex(where: { $0.role == .group || $0.role == .field }) {
            columns[i].role = .action
            columns[i].why = "no column is headed as the action; this one was taken (use --column to choose)"
        }
    }

    /// Reads a group column whose values are numbered (`1. Systems leadership`, `Priority 2: …`, `3`) as the
    /// theme instead: councils head the theme column `Priority` or `Area` as often as `Theme`.
    mutating func promoteNumberedGroups(rows: [[SourceCell]]) {
        guard column(.theme) == nil, let g = column(.group) else { return }
        let values = rows.compactMap { r -> String? in
            let cells = TableLayout.grid(r)
            let v = g < cells.count ? cells[g].text.trimmingCharacters(in: .whitespaces) : ""
            return v.isEmpty ? nil : v
        }
        guard !values.isEmpty else { return }
        let numbered = values.filter { v in
            PlanPatterns.themeHeading(v) != nil || v.first?.isNumber == true && v.count < 120
        }
        if Double(numbered.count) >= 0.8 * Double(values.count) {
            columns[g].role = .theme
            columns[g].why = "its values are numbered, so read as the theme"
        }
    }

    /// Whether `cells` repeat this layout's header row (a page break in a pasted document).
    func isRepeatedHeader(_ cells: [SourceCell]) -> Bool {
        if groupInHeader {
            return !headerKeys.isEmpty && TableLayout.tailKeys(cells) == Array(headerKeys.dropFirst())
        }
        let keys = TableLayout.grid(cells).map { ColumnRole.key($0.text) }
        let a = keys.filter { !$0.isEmpty }
        return !a.isEmpty && a == headerKeys.filter { !$0.isEmpty }
    }

    /// A layout guessed from the cells of a table with no header row: an ID-shaped first column, a column
    /// of dates, a column of status words, the longest text as the action, short text beside it as the lead.
    static func guessed(from rows: [[SourceCell]]) -> TableLayout? {
        let grids = rows.map { grid($0).map { $0.text.trimmingCharacters(in: .whitespaces) } }
        let width = grids.map(\.count).max() ?? 0
        guard width >= 2 else { return nil }
        func values(_ i: Int) -> [String] { grids.compactMap { i < $0.count && !$0[i].isEmpty ? $0[i] : nil } }
        var roles = Array(repeating: ColumnRole.field, count: width)
        var why = Array(repeating: "no header: kept as a field", count: width)
        func share(_ i: Int, _ test: (String) -> Bool) -> Double {
            let v = values(i)
            return v.isEmpty ? 0 : Double(v.filter(test).count) / Double(v.count)
        }
        if share(0, { $0.count <= 24 && $0.contains(where: \.isNumber) }) >= 0.6 {
            roles[0] = .id
            why[0] = "no header: short references, read as the ID"
        }
        for i in 0..<width where roles[i] == .field {
            if share(
                i,
                {
                    if case .recurring = DeliveryDate.parse($0) { return true }
                    return DeliveryDate.parse($0).isDated
                }) >= 0.6
            {
                roles[i] = .due
                why[i] = "no header: dates, read as the date of delivery"
                break
            }
        }
        for i in 0..<width where roles[i] == .field {
            if share(i, { StatusWords.rating(for: $0) != nil }) >= 0.6 {
                roles[i] = .status
                why[i] = "no header: status words, read as the rating"
                break
            }
        }
        let lengths = (0..<width).map { i in values(i).map(\.count).reduce(0, +) / max(1, values(i).count) }
        guard let text = (0..<width).filter({ roles[$0] == .field }).max(by: { lengths[$0] < lengths[$1] }) else {
            return nil
        }
        // Without an ID, a date or a status column there is nothing to tell a plan from any other table of text.
        guard roles.contains(where: { [.id, .due, .status].contains($0) }) else { return nil }
        roles[text] = .action
        why[text] = "no header: the longest text, read as the action"
        if let lead = (text + 1..<width).first(where: { roles[$0] == .field && lengths[$0] > 0 && lengths[$0] <= 40 }) {
            roles[lead] = .lead
            why[lead] = "no header: short text after the action, read as the lead"
        }
        return TableLayout(
            columns: (0..<width).map { ("column \($0 + 1)", roles[$0], why[$0]) }, headerKeys: [])
    }
}
