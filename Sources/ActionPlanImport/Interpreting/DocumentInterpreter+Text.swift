import ActionPlanCore
import Foundation

/// Lines and paragraphs: title, version, sections, recommendations, the RAG key, themes and their
/// narrative, appendices.
extension DocumentInterpreter {
    mutating func readText(_ raw: String, heading: Int?, at i: Int) {
        let trimmed = raw.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty {
            breakBefore = true
            return mark(i, .blank)
        }
        let key = SourceText.key(raw)
        inTable = false

        if mode == .officers {
            // The register's rows are table rows; text after them ends the plan.
            if assembler.plan.officers.isEmpty {
                narrate(trimmed, heading: nil, at: i)
            } else {
                mode = .after
                skip(i, "after the plan's named-officers register")
            }
            return
        }
        if PlanPatterns.isOfficersHeading(trimmed) {
            mode = .officers
            return mark(i, .used)
        }
        if mode == .appendix || key.hasPrefix("appendix") && mode == .themes {
            if key.hasPrefix("appendix") {
                mode = .appendix
                assembler.theme = nil
                narrate("", heading: trimmed, at: i)
            } else {
                narrate(trimmed, at: i)
            }
            return
        }
        if register != nil && readRecommendation(trimmed, at: i) { return }

        // Before the themes: the RAG key, recommendations, sections.
        if mode == .preamble || mode == .ragKey {
            if key.hasSuffix("rag key") || key.hasSuffix("brag key") || key == "rag rating key" {
                mode = .ragKey
                if let n = PlanPatterns.numberedItem(trimmed)?.number { lastSection = n }
                return narrate("", heading: trimmed, at: i)
            }
            if mode == .ragKey, trimmed.hasPrefix("-") || trimmed.hasPrefix("•") {
                ragLines.append((location(i), String(trimmed.dropFirst()).trimmingCharacters(in: .whitespaces)))
                return mark(i, .used)
            }
            if let source = PlanPatterns.recommendationsHeading(trimmed), PlanPatterns.numberedItem(trimmed) == nil {
                // A second line introducing the same list ("The 19 recommendations … are:") goes under the first.
                let intro = pendingRegisterSource != nil
                pendingRegisterSource = source
                return intro ? narrate(trimmed, at: i) : narrate("", heading: trimmed, at: i)
            }
            if let item = PlanPatterns.numberedItem(trimmed), item.number == 1, let source = pendingRegisterSource {
                registers += 1
                register = (source, 1, registers == 1 ? "" : PlanPatterns.initials(source) + " ")
                pendingRegisterSource = nil
                _ = readRecommendation(trimmed, at: i)
                return
            }
        }

        if let h = PlanPatterns.themeHeading(trimmed) { return themeHeading(h, inTable: false, at: i) }
        if let level = heading, level >= 1, !PlanPatterns.isNarrativeHeading(trimmed), tableFollows(i) {
            // A Word or Markdown heading over an action table, not spelled "Theme N": a theme of its own.
            themeHeading((assembler.nextThemeNumber, trimmed, nil), inTable: false, at: i)
            return
        }
        if heading != nil { lastHeading = SourceText.plainText(trimmed) }

        guard mode == .themes, let t = assembler.theme else {
            if i == titleIndex { return mark(i, .used) }
            if key.hasPrefix("version:") || key.hasPrefix("version ") && key.count < 60 { return mark(i, .used) }
            if heading != nil { return narrate("", heading: trimmed, at: i) }
            // A numbered section heading: next in the numbering, and a paragraph of its own (blank lines around
            // it), unlike the items of a numbered list.
            if PlanPatterns.isSectionHeading(trimmed), let n = PlanPatterns.numberedItem(trimmed)?.number,
                n == (lastSection ?? 0) + 1, i + 1 >= doc.items.count || isBlank(i + 1), i == 0 || isBlank(i - 1)
            {
                lastSection = n
                return narrate("", heading: trimmed, at: i)
            }
            return narrate(trimmed, at: i)
        }
        if PlanPatterns.isNarrativeHeading(trimmed) {
            return narrate("", heading: trimmed.replacingOccurrences(of: "*", with: ""), at: i)
        }
        if let names = PlanPatterns.leadLine(trimmed) {
            assembler.plan.themes[t].leads = names
            block = nil
            return mark(i, .used)
        }
        narrate(trimmed, at: i)
    }

    /// Reads a numbered recommendation of the register being read; false (register closed) when `text` does
    /// not continue its numbering.
    mutating func readRecommendation(_ text: String, at i: Int) -> Bool {
        guard let r = register, let item = PlanPatterns.numberedItem(text), item.number == r.next else {
            register = nil
            return false
        }
        assembler.plan.recommendations.append(
            Recommendation(id: r.prefix + String(item.number), source: r.source, text: SourceText.plainText(item.text)))
        register = (r.source, r.next + 1, r.prefix)
        mark(i, .used)
        return true
    }

    /// A theme heading, in text or as a table row: a new theme, a repeat of the current one (a page break or a
    /// heading printed twice), or a return to an earlier one.
    mutating func themeHeading(_ h: (number: Int, title: String, glued: String?), inTable: Bool, at i: Int) {
        if let t = assembler.theme, assembler.plan.themes[t].number == h.number, mode == .themes {
            if inTable {
                repair(i, "theme \(h.number) heading repeated inside its table (page break) skipped; not a group")
            } else {
                repair(i, "theme \(h.number) heading printed twice; second copy skipped")
            }
        } else {
            if assembler.plan.themes.contains(where: { $0.number == h.number }) {
                report.warn(
                    location(i),
                    "theme \(h.number) heading appears again after other themes; continuing theme \(h.number)")
            }
            assembler.enterTheme(number: h.number, title: SourceText.plainText(h.title))
            mode = .themes
            block = nil
            mark(i, .used)
        }
        if let glued = h.glued, !glued.isEmpty, let t = assembler.theme {
            repair(i, "narrative heading \"\(glued)\" was glued to the theme heading; split off")
            assembler.plan.themes[t].narrative.append(NarrativeBlock(heading: glued, text: ""))
            block = assembler.plan.themes[t].narrative.count - 1
        }
    }

    /// Whether an action table (one read with a header) starts after item `i` before the next heading.
    func tableFollows(_ i: Int) -> Bool {
        var j = i + 1
        while j < doc.items.count {
            switch doc.items[j].content {
            case .text(let t, let h):
                if h != nil || PlanPatterns.themeHeading(t) != nil { return false }
            case .row(_, let table):
                return tables[table]?.header != nil
            }
            j += 1
        }
        return false
    }
}
