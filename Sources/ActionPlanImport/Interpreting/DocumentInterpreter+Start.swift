import ActionPlanCore
import Foundation

/// Before the walk: where the plan starts (each table's layout is `DocumentInterpreter+Tables`); after it: the
/// RAG key, the status words, the leads, and the accounting.
extension DocumentInterpreter {
    /// Whether `cells` head a named-officers register: a code (or initials) column and a name column.
    static func isOfficersHeader(_ cells: [SourceCell]) -> Bool {
        let keys = Set(cells.map { ColumnRole.key($0.text) })
        return !keys.isDisjoint(with: ["code", "initials", "abbreviation", "leadcode"])
            && !keys.isDisjoint(with: ["name", "fullname", "officer", "officername"])
    }

    /// The index of the first item of the plan: its title, found above the first table of the plan's main
    /// action table (the one with the most rows) — the line above `Version:`, or the document's title
    /// heading, or a short line naming a plan — never a theme heading; else the first item.
    mutating func findStart() throws -> Int {
        var rowCount: [Int: Int] = [:]
        for item in doc.items {
            if case .row(_, let t) = item.content, tables[t]?.header != nil || tables[t] != nil {
                rowCount[t, default: 0] += 1
            }
        }
        let withHeader = tables.filter { $0.value.header != nil }
        // Tables continuing the main table's layout count with it.
        var byKeys: [[String]: Int] = [:]
        for (t, n) in rowCount {
            if let keys = tables[t]?.layout.headerKeys, !keys.isEmpty { byKeys[keys, default: 0] += n }
        }
        let mainKeys = byKeys.max { ($0.value, $1.key.count) < ($1.value, $0.key.count) }?.key
        let firstMain =
            withHeader.filter { $0.value.layout.headerKeys == mainKeys }.compactMap { $0.value.header }.min()
            ?? doc.items.indices.first { if case .row = doc.items[$0].content { return true } else { return false } }
            ?? 0
        var title: Int?
        // 1. The line above "Version:".
        if let v = (0..<firstMain).reversed().first(where: { i in
            guard case .text(let t, _) = doc.items[i].content else { return false }
            let k = SourceText.key(t)
            return k.hasPrefix("version:") || k.hasPrefix("version ") && k.count < 60
        }) {
            title = (0..<v).reversed().first { i in
                guard case .text(let t, _) = doc.items[i].content else { return false }
                return !t.trimmingCharacters(in: .whitespaces).isEmpty && PlanPatterns.themeHeading(t) == nil
            }
            if let v2 = title, case .text(let t, _) = doc.items[v].content {
                assembler.plan.version = String(t[t.index(after: t.firstIndex(of: ":") ?? t.startIndex)...])
                    .trimmingCharacters(in: .whitespaces)
                _ = v2
            }
        }
        // 2. A title or top heading of a Word or Markdown document.
        if title == nil {
            title = (0..<firstMain).first { i in
                guard case .text(let t, let h) = doc.items[i].content, let h, h <= 1 else { return false }
                return PlanPatterns.themeHeading(t) == nil && !t.trimmingCharacters(in: .whitespaces).isEmpty
            }
        }
        // 3. A short line naming a plan, above the first theme heading.
        if title == nil {
            let firstTheme =
                (0..<firstMain).first { i in
                    if case .text(let t, _) = doc.items[i].content { return PlanPatterns.themeHeading(t) != nil }
                    return false
                } ?? firstMain
            title = (0..<firstTheme).reversed().first { i in
                guard case .text(let t, _) = doc.items[i].content else { return false }
                let k = SourceText.key(t)
                return k.contains("plan") && k.count < 160 && !k.hasPrefix("-") && PlanPatterns.themeHeading(t) == nil
                    && PlanPatterns.recommendationsHeading(t) == nil
            }
        }
        guard let title, case .text(let text, _) = doc.items[title].content else {
            assembler.plan.title = options.title ?? ""
            return 0
        }
        titleIndex = title
        assembler.plan.title = SourceText.plainText(text.trimmingCharacters(in: .whitespaces))
        parseTitle(assembler.plan.title)
        return title
    }

    /// The organisation and period of a title such as `X Improvement Action Plan September 2018-September 2019`.
    mutating func parseTitle(_ title: String) {
        let words = title.split(separator: " ").map(String.init)
        guard let planIndex = words.lastIndex(where: { $0.lowercased() == "plan" }) else { return }
        let tail = words[(planIndex + 1)...].joined(separator: " ")
        let parts = tail.components(separatedBy: CharacterSet(charactersIn: "-–—")).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        if parts.count == 2, parts.allSatisfy({ DeliveryDate.parse($0).isDated }) {
            assembler.plan.period = parts[0] + " – " + parts[1]
        }
        if let imp = words.firstIndex(where: { $0.lowercased() == "improvement" }), imp > 0 {
            assembler.plan.organisation = words[..<imp].joined(separator: " ")
        }
    }

    /// Everything that needs the whole document: the RAG key, the rating scale, the leads, the title, and the
    /// accounting of every item.
    mutating func finish() throws -> (Plan, ImportReport) {
        if assembler.plan.themes.isEmpty || assembler.plan.allActions.isEmpty {
            throw PlanError(
                .invalidSource,
                file: file,
                message: assembler.plan.themes.isEmpty
                    ? "no theme headings or action rows found (expected lines such as \"Theme 1: …\" and a table of actions)"
                    : "has a header row but no actions")
        }
        applyRAGKey()
        applyScale()
        assembler.finish(&report)
        if let t = options.title, !t.isEmpty { assembler.plan.title = t }
        if assembler.plan.title.isEmpty { assembler.plan.title = PlanImport.baseName(file) }
        report.statusWords = statusOrder.map { w in
            let s = statuses[StatusWords.key(w)]!
            return (w, s.rating, s.count)
        }
        report.sourceNotes = ([doc.encoding.map { "read as \($0) text" }].compactMap { $0 }) + doc.notes.map(\.message)
        for i in outcome.indices where outcome[i] == nil {
            skip(i, "not read (please report this as a bug)")
        }
        for o in outcome {
            switch o {
            case .used?: report.used += 1
            case .repaired?: report.repaired += 1
            case .skipped?: report.skipped += 1
            case .blank?, nil: report.blank += 1
            }
        }
        report.entries = ImportReportMerging.sortedAndMerged(report.entries)
        return (assembler.plan, report)
    }

    /// The RAG key's four bullet lines (Blue, Green, Amber, Red in that order unless named).
    mutating func applyRAGKey() {
        guard !ragLines.isEmpty else {
            if [.text, .markdown, .docx].contains(doc.kind), let first = doc.items.first {
                report.warn(first.location, "no RAG key found; the standard Blue/Green/Amber/Red definitions are used")
            }
            return
        }
        var key = RAGKey.standard
        var byOrder: [Rating] = [.blue, .green, .amber, .red]
        for (_, text) in ragLines.prefix(4) {
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
        }
        if ragLines.count != 4 {
            report.warn(
                ragLines[0].0, "the RAG key has \(ragLines.count) definitions, expected 4 (Blue, Green, Amber, Red)")
        }
        assembler.plan.ragKey = key
    }

    /// A rating scale of the plan's own when its statuses use colours outside BRAG (`Yellow`); each action's
    /// status then names its level.
    mutating func applyScale() {
        guard let scale = StatusWords.scale(for: statusOrder) else { return }
        assembler.plan.scale = scale
        for t in assembler.plan.themes.indices {
            for g in assembler.plan.themes[t].groups.indices {
                for a in assembler.plan.themes[t].groups[g].actions.indices {
                    let action = assembler.plan.themes[t].groups[g].actions[a]
                    if let l = scale.level(named: action.status)
                        ?? scale.levels.first(where: { $0.rating == action.rating }),
                        action.rating != nil, action.status.isEmpty || scale.level(named: action.status) != nil
                    {
                        assembler.plan.themes[t].groups[g].actions[a].status = l.name
                    }
                }
            }
        }
    }
}
