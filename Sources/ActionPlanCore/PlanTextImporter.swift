import Foundation

/// Imports an improvement plan from text copied out of a council's plan document.
///
/// It reads what such documents actually hold: theme headings spelled `Theme 1:`,
/// `Priority 2:` or `Priority 6.`, narrative blocks, `Lead:` lines, tab-separated
/// action tables whose header row repeats after every page break, group rows,
/// theme rows repeated inside tables, ID cells that carry references to the
/// previous plan, HTML fragments, and a named-officers appendix. It finds the plan
/// inside a whole committee pack. Each repair is written to the report with its line.
struct PlanTextImporter {
    private let lines: [String]
    private let file: String
    private var report = ImportReport()
    private var plan = Plan(title: "")
    private var rows: [PendingRow] = []

    /// An action row read before the officers register (which comes last) is known.
    private struct PendingRow {
        var line: Int
        var theme: Int
        var group: Int
        var action: Action
        var leadCell: String
    }

    init(source: SourceText, file: String) {
        lines = source.lines
        self.file = file
    }

    // MARK: - Patterns

    static func isTableHeader(_ cells: [String]) -> Bool {
        guard cells.count >= 2 else { return false }
        let k = cells.map { SourceText.key($0) }
        return (k[0] == "id" || k[0] == "ref" || k[0] == "ref.") && k.dropFirst().contains { $0.hasPrefix("action") }
    }

    /// `Theme 1: Title`, `Priority 6. Title`, `Improvement theme 2: Title` → (number, title, glued rest).
    static func themeHeading(_ raw: String) -> (number: Int, title: String, glued: String?)? {
        let line = raw.trimmingCharacters(in: .whitespaces)
        let lower = line.lowercased()
        var rest: Substring
        if lower.hasPrefix("theme ") {
            rest = line.dropFirst(6)
        } else if lower.hasPrefix("priority ") {
            rest = line.dropFirst(9)
        } else if lower.hasPrefix("improvement theme ") {
            rest = line.dropFirst(18)
        } else {
            return nil
        }
        let digits = rest.prefix(while: \.isNumber)
        guard !digits.isEmpty, digits.count <= 2, let n = Int(digits) else { return nil }
        rest = rest.dropFirst(digits.count)
        guard let sep = rest.first, sep == ":" || sep == "." || sep == " " || sep == "-" || sep == "–" else {
            return nil
        }
        rest = rest.dropFirst()
        var title = rest.trimmingCharacters(in: .whitespaces)
        var glued: String?
        if let star = title.range(of: "**") {
            glued = String(title[star.lowerBound...]).replacingOccurrences(of: "*", with: "")
                .trimmingCharacters(in: .whitespaces)
            title = String(title[..<star.lowerBound]).trimmingCharacters(in: .whitespaces)
        } else if let q = title.range(of: "What do we need to fix?", options: .caseInsensitive),
            q.lowerBound > title.startIndex
        {
            glued = String(title[q.lowerBound...])
            title = String(title[..<q.lowerBound]).trimmingCharacters(in: .whitespaces)
        }
        guard !title.isEmpty else { return nil }
        return (n, title, glued)
    }

    static func isNarrativeHeading(_ line: String) -> Bool {
        let k = SourceText.key(line)
        guard k.hasPrefix("what ") else { return false }
        return ["fix", "change", "see"].contains { k.hasSuffix($0 + "?") || k.hasSuffix($0) } && k.count < 40
    }

    /// Splits an ID cell into the action's ID and its cross-references.
    static func splitIDCell(_ cell: String) -> (id: String, refs: [String]) {
        let tokens = cell.split(whereSeparator: { $0 == " " || $0 == "," || $0 == ";" }).map(String.init)
        guard let first = tokens.first else { return ("", []) }
        let refs = tokens.dropFirst().map { t -> String in
            var t = t
            while t.hasPrefix("("), t.hasSuffix(")"), balancedAfterStrip(t) { t = String(t.dropFirst().dropLast()) }
            return t
        }.filter { !$0.isEmpty }
        return (first, refs)
    }

    private static func balancedAfterStrip(_ t: String) -> Bool {
        var depth = 0
        for (i, c) in t.dropFirst().dropLast().enumerated() {
            _ = i
            if c == "(" { depth += 1 }
            if c == ")" {
                depth -= 1
                if depth < 0 { return false }
            }
        }
        return depth == 0
    }

    // MARK: - Finding the plan

    /// The index of the plan's title line, or 0: the line above `Version:` before the first action table.
    private func planStart() -> Int? {
        guard let firstTable = lines.firstIndex(where: { Self.isTableHeader(SourceText.cells($0)) }) else { return nil }
        var versionLine: Int?
        var i = firstTable
        while i > 0 {
            i -= 1
            let k = SourceText.key(lines[i])
            if k.hasPrefix("version:") || k.hasPrefix("version ") && k.count < 60 {
                versionLine = i
                break
            }
        }
        if let v = versionLine {
            var t = v
            while t > 0 {
                t -= 1
                let k = SourceText.key(lines[t])
                if !k.isEmpty && !lines[t].contains("\t") { return t }
            }
            return v
        }
        // No version line: the last short line mentioning a plan above the first theme heading.
        let firstTheme =
            lines[..<firstTable].lastIndex { Self.themeHeading($0) != nil && !$0.contains("\t") } ?? firstTable
        var j = firstTheme
        while j > 0 {
            j -= 1
            let k = SourceText.key(lines[j])
            if k.contains("plan"), k.count < 160, !lines[j].contains("\t"), !k.hasPrefix("-") { return j }
        }
        return 0
    }

    // MARK: - Import

    /// Imports the plan; `title` overrides the document's.
    mutating func run(title overrideTitle: String?) throws -> (Plan, ImportReport) {
        guard let start = planStart() else {
            throw PlanError(
                file: file,
                message: "no action table found; expected a tab-separated header row such as "
                    + "\"ID<tab>Actions<tab>Lead<tab>Date of Delivery<tab>RAG\" (for CSV/TSV files use a .csv or .tsv name)"
            )
        }
        report.firstLine = start + 1
        let titleLine = lines[start].trimmingCharacters(in: .whitespaces)
        plan.title = SourceText.plainText(titleLine)
        parseTitle(plan.title)

        enum Mode { case preamble, ragKey, themes, appendix, officers }
        var mode = Mode.preamble
        var inTable = false
        var theme: Int?  // index into plan.themes
        var headerSeen: Set<Int> = []
        var block: Int?  // index into current theme's narrative
        var ragLines: [(Int, String)] = []
        var officerRowsSeen = false
        var officerCodes: [String: Int] = [:]
        var end = start + 1

        var i = start + 1
        lineLoop: while i < lines.count {
            let n = i + 1
            let raw = lines[i]
            i += 1
            let trimmed = raw.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            let key = SourceText.key(raw)
            let isTab = raw.contains("\t")
            let cells = isTab ? SourceText.cells(raw) : []
            if mode == .themes && !key.hasPrefix("appendix") { end = n }

            if mode == .officers {
                if isTab, cells.count >= 2, !cells[0].isEmpty {
                    officerRowsSeen = true
                    let o = Officer(
                        code: cells[0], name: SourceText.plainText(cells[1]),
                        role: cells.count > 2
                            ? SourceText.plainText(cells[2...].filter { !$0.isEmpty }.joined(separator: " ")) : "")
                    if let firstLine = officerCodes[o.code] {
                        let other = plan.officers.first { $0.code == o.code }?.name ?? ""
                        report.repair(
                            n,
                            "officer code \(o.code) is listed twice (\(other), line \(firstLine); \(o.name)): both kept; "
                                + "leads written \(o.code) are ambiguous")
                    } else {
                        officerCodes[o.code] = n
                    }
                    plan.officers.append(o)
                    end = n
                    continue
                }
                if officerRowsSeen { break lineLoop }
                continue
            }
            if key.hasPrefix("appendix") && key.contains("named officers") || key == "named officers" {
                mode = .officers
                inTable = false
                continue
            }
            if mode == .appendix { continue }
            if key.hasPrefix("appendix") && !isTab && mode == .themes {
                mode = .appendix
                inTable = false
                continue
            }

            // RAG key: heading then four bullet lines (Blue, Green, Amber, Red).
            if mode == .preamble || mode == .ragKey {
                if !isTab, key.hasSuffix("rag key") || key.hasSuffix("brag key") || key == "rag rating key" {
                    mode = .ragKey
                    continue
                }
                if mode == .ragKey, trimmed.hasPrefix("-") || trimmed.hasPrefix("•") {
                    ragLines.append((n, String(trimmed.dropFirst()).trimmingCharacters(in: .whitespaces)))
                    continue
                }
            }

            // Table header rows.
            if isTab, Self.isTableHeader(cells) {
                if let t = theme {
                    if headerSeen.contains(t) {
                        report.repair(n, "repeated table header row (page break) skipped")
                    }
                    headerSeen.insert(t)
                } else {
                    report.repair(n, "table header row before the first theme heading skipped")
                }
                inTable = true
                continue
            }

            // Theme headings, in text or as a table row with empty cells.
            let onlyFirstCell = isTab && !cells[0].isEmpty && cells.dropFirst().allSatisfy(\.isEmpty)
            let headingText = isTab ? (onlyFirstCell ? cells[0] : nil) : trimmed
            if let h = headingText.flatMap(Self.themeHeading) {
                if let t = theme, plan.themes[t].number == h.number {
                    if isTab || inTable {
                        report.repair(
                            n, "theme \(h.number) heading repeated inside its table (page break) skipped; not a group")
                    } else {
                        report.repair(n, "theme \(h.number) heading printed twice; second copy skipped")
                    }
                } else if mode == .preamble || mode == .ragKey || mode == .themes {
                    if let existing = plan.themes.firstIndex(where: { $0.number == h.number }) {
                        report.warn(
                            n,
                            "theme \(h.number) heading appears again after other themes; continuing theme \(h.number)")
                        theme = existing
                    } else {
                        plan.themes.append(Theme(number: h.number, title: SourceText.plainText(h.title)))
                        theme = plan.themes.count - 1
                    }
                    mode = .themes
                    inTable = false
                    block = nil
                }
                if let glued = h.glued, let t = theme, !glued.isEmpty {
                    report.repair(n, "narrative heading \"\(glued)\" was glued to the theme heading; split off")
                    plan.themes[t].narrative.append(NarrativeBlock(heading: glued, text: ""))
                    block = plan.themes[t].narrative.count - 1
                }
                continue
            }
            guard mode == .themes, let t = theme else { continue }

            if isTab {
                if cells.allSatisfy(\.isEmpty) { continue }
                if onlyFirstCell {
                    let title = SourceText.plainText(cells[0])
                    plan.themes[t].groups.append(ActionGroup(title: title))
                    inTable = true
                    continue
                }
                if !inTable {
                    report.repair(
                        n, "table row without a header row above it; read as ID, Actions, Lead, Date of Delivery, RAG")
                    inTable = true
                    headerSeen.insert(t)
                }
                readActionRow(cells, line: n, theme: t)
                continue
            }

            // Plain text in a theme.
            inTable = false
            if Self.isNarrativeHeading(trimmed) {
                plan.themes[t].narrative.append(
                    NarrativeBlock(heading: trimmed.replacingOccurrences(of: "*", with: ""), text: ""))
                block = plan.themes[t].narrative.count - 1
                continue
            }
            if key.hasPrefix("lead:") || key.hasPrefix("leads:") {
                let names = trimmed[trimmed.index(after: trimmed.firstIndex(of: ":")!)...]
                plan.themes[t].leads = names.components(separatedBy: " and ")
                    .flatMap { $0.split(separator: ",") }
                    .flatMap { $0.components(separatedBy: " & ") }
                    .map { $0.trimmingCharacters(in: .whitespaces) }
                    .filter { !$0.isEmpty }
                block = nil
                continue
            }
            if let b = block {
                let text = SourceText.plainText(trimmed)
                let prefix = trimmed.hasPrefix("- ") && !text.hasPrefix("- ") ? "- " : ""
                var existing = plan.themes[t].narrative[b].text
                existing += (existing.isEmpty ? "" : "\n") + prefix + text
                plan.themes[t].narrative[b].text = existing
            } else {
                report.warn(n, "text outside a narrative block in theme \(plan.themes[t].number) kept as a note block")
                plan.themes[t].narrative.append(NarrativeBlock(heading: "", text: SourceText.plainText(trimmed)))
                block = plan.themes[t].narrative.count - 1
            }
        }
        report.lastLine = min(end, lines.count)

        if plan.themes.isEmpty {
            throw PlanError(
                file: file, line: start + 1,
                message: "no theme headings found (expected lines such as \"Theme 1: …\" or \"Priority 2: …\")")
        }
        applyRAGKey(ragLines)
        resolveLeads()
        if let overrideTitle, !overrideTitle.isEmpty { plan.title = overrideTitle }
        for ti in plan.themes.indices {
            plan.themes[ti].groups.removeAll { $0.title == nil && $0.actions.isEmpty }
        }
        report.entries = report.entries.enumerated()
            .sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }
            .map(\.element)
        return (plan, report)
    }

    private mutating func parseTitle(_ title: String) {
        // "X Improvement Action Plan September 2018-September 2019"
        let words = title.split(separator: " ").map(String.init)
        if let planIndex = words.lastIndex(where: { $0.lowercased() == "plan" }) {
            let tail = words[(planIndex + 1)...].joined(separator: " ")
            let parts = tail.components(separatedBy: CharacterSet(charactersIn: "-–—")).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            if parts.count == 2, parts.allSatisfy({ DeliveryDate.parse($0).isDated }) {
                plan.period = parts[0] + " – " + parts[1]
            }
            if let imp = words.firstIndex(where: { $0.lowercased() == "improvement" }), imp > 0 {
                plan.organisation = words[..<imp].joined(separator: " ")
            }
        }
        if let v = lines.first(where: { SourceText.key($0).hasPrefix("version:") }) {
            plan.version = v[v.index(after: v.firstIndex(of: ":")!)...].trimmingCharacters(in: .whitespaces)
        }
    }

    private mutating func applyRAGKey(_ ragLines: [(Int, String)]) {
        guard !ragLines.isEmpty else {
            report.warn(report.firstLine, "no RAG key found; the standard Blue/Green/Amber/Red definitions are used")
            return
        }
        var key = RAGKey.standard
        var byOrder: [Rating] = [.blue, .green, .amber, .red]
        for (line, text) in ragLines.prefix(4) {
            var rating = byOrder.first
            var definition = text
            for r in Rating.allCases where text.lowercased().hasPrefix(r.rawValue) {
                rating = r
                definition = String(text.dropFirst(r.rawValue.count)).trimmingCharacters(
                    in: CharacterSet(charactersIn: " :-–="))
            }
            guard let r = rating else { break }
            byOrder.removeAll { $0 == r }
            switch r {
            case .blue: key.blue = definition
            case .green: key.green = definition
            case .amber: key.amber = definition
            case .red: key.red = definition
            }
            _ = line
        }
        if ragLines.count != 4 {
            report.warn(
                ragLines[0].0, "the RAG key has \(ragLines.count) definitions, expected 4 (Blue, Green, Amber, Red)")
        }
        plan.ragKey = key
    }

    private mutating func readActionRow(_ cells: [String], line n: Int, theme t: Int) {
        var cells = cells
        while cells.count < 5 { cells.append("") }
        var (id, refs) = Self.splitIDCell(SourceText.plainText(cells[0]))
        if id.isEmpty {
            id = "L\(n)"
            report.warn(n, "action row without an ID; given ID \(id)")
        }
        let text = SourceText.plainText(cells[1])
        if text.isEmpty { report.warn(n, "action \(id) has no text") }
        let date = DeliveryDate.normalise(SourceText.plainText(cells[3]))
        if case .unrecognised(let why) = DeliveryDate.parse(date) {
            report.warn(n, "action \(id): date of delivery \"\(date)\" kept as written with no deadline (\(why))")
        }
        let ragCell = SourceText.plainText(cells[4])
        var rating: Rating?
        if !ragCell.isEmpty {
            rating = Rating(parsing: ragCell)
            if rating == nil { report.warn(n, "action \(id): rating \"\(ragCell)\" is not B, G, A or R; left unrated") }
        }
        if cells.count > 5, cells[5...].contains(where: { !$0.isEmpty }) {
            report.warn(n, "action \(id): cells after the RAG column ignored")
        }
        if plan.themes[t].groups.isEmpty { plan.themes[t].groups.append(ActionGroup(title: nil)) }
        let g = plan.themes[t].groups.count - 1
        let action = Action(id: id, crossReferences: refs, text: text, deliveryDate: date, rating: rating)
        rows.append(PendingRow(line: n, theme: t, group: g, action: action, leadCell: SourceText.plainText(cells[2])))
        plan.themes[t].groups[g].actions.append(action)
    }

    /// Splits and resolves lead cells now that the register is known; renames duplicate IDs.
    private mutating func resolveLeads() {
        let codes = plan.officers.map(\.code)
        let known = Set(codes)
        var ambiguous: Set<String> = []
        var counts: [String: Int] = [:]
        for c in codes { counts[c, default: 0] += 1 }
        for (c, k) in counts where k > 1 { ambiguous.insert(c) }
        var seenIDs: [String: Int] = [:]
        var positions: [Int: Int] = [:]  // rows index → position counter per (theme, group)
        var groupCursor: [String: Int] = [:]
        for (ri, row) in rows.enumerated() {
            let leads = Plan.splitLeads(row.leadCell, knownCodes: codes)
            let gk = "\(row.theme)/\(row.group)"
            let pos = groupCursor[gk, default: 0]
            groupCursor[gk] = pos + 1
            positions[ri] = pos
            var a = plan.themes[row.theme].groups[row.group].actions[pos]
            a.leads = leads
            if leads.isEmpty { report.warn(row.line, "action \(a.id) has no lead") }
            for l in leads where !known.contains(l) && !Plan.isGroupLead(l) {
                let near = codes.filter {
                    $0.lowercased().hasPrefix(l.lowercased()) || l.lowercased().hasPrefix($0.lowercased())
                }
                let hint = near.isEmpty ? "" : " (did the document mean \(near.joined(separator: " or "))?)"
                report.warn(
                    row.line, "action \(a.id): lead code \(l) is not in the named officers list; kept as written\(hint)"
                )
            }
            for l in leads where ambiguous.contains(l) {
                report.warn(row.line, "action \(a.id): lead code \(l) matches more than one named officer")
            }
            if let first = seenIDs[a.id] {
                let newID = a.id + "#\(row.line)"
                report.repair(row.line, "duplicate action ID \(a.id) (first at line \(first)) renamed \(newID)")
                a.id = newID
            } else {
                seenIDs[a.id] = row.line
            }
            plan.themes[row.theme].groups[row.group].actions[pos] = a
        }
    }
}
