import ActionPlanCore
import Foundation

/// The rows of an action log: minutes kept as a table (`# | ITEM | ACTION`) whose item column holds both the
/// minutes' text and, on rows of their own, the actions arising (`ACTION: Bring the paper to the next
/// meeting`), with who owns each in the column headed `ACTION`.
///
/// - A row whose action cell starts with an action marker is an action: the text after the marker, owned by
///   the lead column's names. With no ID of its own, it takes the number of the item it arose from and its
///   place among that item's actions (`5.1`, `5.2`); after a group row and before the next numbered item it is
///   numbered by its line.
/// - A marker followed by bullets, with as many owners as bullets (`ACTIONS: • A • B` owned by `DG DM`), is one
///   action per bullet, each with its owner.
/// - Every other row is the minutes' text, kept word for word as the theme's narrative block `Minutes`; a row
///   with no item number that starts in lower case straight after a page break is the rest of the text above,
///   cut by the break, and is joined to it.
extension DocumentInterpreter {
    mutating func readLogRow(_ texts: [String], cells: [SourceCell], layout: TableLayout, at i: Int) {
        let actionCell = layout.column(.action).map { $0 < texts.count ? SourceText.plainText(texts[$0]) : "" } ?? ""
        let idCell = layout.column(.id).map { $0 < texts.count ? SourceText.plainText(texts[$0]) : "" } ?? ""
        guard let body = PlanPatterns.actionMarker(actionCell) else {
            if let n = PlanPatterns.itemNumber(idCell) {
                logItem = n
                logCount = 0
            }
            let text = texts.filter { !$0.isEmpty }.map(SourceText.plainText).joined(separator: " ")
            let continues = idCell.isEmpty && breakBefore && text.first?.isLowercase == true
            return minutes(text, continuing: continues, at: i)
        }
        func nextID() -> String? {
            if !idCell.isEmpty { return PlanPatterns.itemNumber(idCell) ?? idCell }
            guard let item = logItem else { return nil }
            logCount += 1
            return "\(item).\(logCount)"
        }
        let leadCell = layout.column(.lead).map { $0 < texts.count ? SourceText.plainText(texts[$0]) : "" } ?? ""
        let bullets = body.components(separatedBy: "•").map { $0.trimmingCharacters(in: .whitespaces) }
        let owners = Plan.splitLeads(leadCell, knownCodes: assembler.plan.officers.map(\.code))
        if bullets.count > 2, bullets[0].isEmpty, owners.count == bullets.count - 1 {
            repair(
                i,
                "one ACTIONS: row lists \(owners.count) actions with \(owners.count) owners, one per bullet: read as "
                    + "\(owners.count) actions")
            for (bullet, owner) in zip(bullets.dropFirst(), owners) {
                readAction(texts, cells: cells, layout: layout, at: i, text: bullet, id: nextID() ?? "", lead: owner)
            }
            return
        }
        readAction(texts, cells: cells, layout: layout, at: i, text: body, id: nextID() ?? "", lead: leadCell)
    }

    /// Keeps a row of minutes' text in the current theme's `Minutes` block: a line of its own, or joined to the
    /// line above when it is the rest of it after a page break.
    mutating func minutes(_ text: String, continuing: Bool, at i: Int) {
        guard let t = assembler.theme else { return narrate(text, at: i) }
        let heading = "Minutes"
        if let b = block, b < assembler.plan.themes[t].narrative.count,
            assembler.plan.themes[t].narrative[b].heading == heading
        {
            if continuing && !assembler.plan.themes[t].narrative[b].text.isEmpty {
                assembler.plan.themes[t].narrative[b].text += " " + text
                return repair(i, "text cut by a page break: joined to the minutes' line above")
            }
        } else {
            assembler.plan.themes[t].narrative.append(NarrativeBlock(heading: heading, text: ""))
            block = assembler.plan.themes[t].narrative.count - 1
        }
        let b = block!
        let old = assembler.plan.themes[t].narrative[b].text
        assembler.plan.themes[t].narrative[b].text = old.isEmpty ? text : old + "\n" + text
        mark(i, .used)
    }
}
