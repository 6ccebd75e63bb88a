import ActionPlanCore
import Foundation

/// What a table's cells hold, read to correct what its headers say (docs/import.md, "How the seed
/// documents' tables import").
///
/// Headers are read first; then, over every data row of the table (all its page-break blocks):
/// - a column holding `ACTION:` lines among other text is the action column of an action log (minutes with
///   their actions arising); the column headed as the action beside it, holding short names or initials,
///   is who owns each action (the lead); an unheaded column of item numbers (`1.`, `12.`) is the ID;
/// - a status column holding only numbers holds a score (a risk rating of 6), not a rating: a field;
/// - a date column holding no date, and figures in at least four cells of five (`28.3`, `53%`, `23 weeks`),
///   holds target values: a field.
extension TableLayout {
    /// The layout corrected by what `rows` (the plain text of each data row's grid cells) hold.
    func refined(by rows: [[String]]) -> TableLayout {
        guard !exported else { return self }
        var l = self
        func values(_ c: Int) -> [String] { rows.compactMap { c < $0.count && !$0[c].isEmpty ? $0[c] : nil } }
        let markers = columns.indices.map { c in values(c).filter { PlanPatterns.actionMarker($0) != nil }.count }
        if let m = markers.indices.max(by: { markers[$0] < markers[$1] }), markers[m] > 0 {
            l.actionLog = true
            if let a = column(.action), a != m {
                let short = values(a).allSatisfy { $0.count <= 40 && $0.split(separator: " ").count <= 6 }
                if short && column(.lead) == nil {
                    l.columns[a].role = .lead
                    l.columns[a].why =
                        "headed as the action, but holds short names beside the ACTION: lines: who owns each"
                } else {
                    l.columns[a].role = .field
                    l.columns[a].why =
                        "headed as the action, but the ACTION: lines are in another column: kept as a field"
                }
            }
            l.columns[m].role = .action
            l.columns[m].why = "holds the ACTION: lines, read as the action; its other rows are the minutes' text"
            if l.column(.id) == nil,
                let c = columns.indices.first(where: { c in
                    l.columns[c].role == .field && !values(c).isEmpty
                        && Double(values(c).filter { PlanPatterns.itemNumber($0) != nil }.count) >= 0.5
                            * Double(values(c).count)
                })
            {
                l.columns[c].role = .id
                l.columns[c].why = "item numbers (1., 2., …), read as the ID of each item's actions"
            }
        }
        if let s = l.column(.status), !values(s).isEmpty, values(s).allSatisfy(Self.isNumber) {
            l.columns[s].role = .field
            l.columns[s].why = "headed as a rating, but holds only numbers (a score): kept as a field"
        }
        if let d = l.column(.due), !values(d).isEmpty, !values(d).contains(where: { DeliveryDate.parse($0).isDated }),
            values(d).filter({ $0.contains(where: \.isNumber) }).count * 5 >= values(d).count * 4
        {
            l.columns[d].role = .field
            l.columns[d].why = "headed as a date, but holds figures and no date (target values): kept as a field"
        }
        return l
    }

    /// `6`, `12.5`, `-3`, `95%`.
    private static func isNumber(_ s: String) -> Bool {
        let t = s.trimmingCharacters(in: .whitespaces)
        return !t.isEmpty && t.contains(where: \.isNumber)
            && t.allSatisfy { $0.isNumber || $0 == "." || $0 == "," || $0 == "%" || $0 == "-" || $0 == "+" }
    }

    /// The header continued on the row below it (`RAG` over `Rating`; `Q2 18/19` over `Target | Result | DOT`):
    /// no ID or action text, and only short labels. Returns the layout with the two lines' labels joined (an
    /// empty header cell continues the one to its left, as a merged cell does), or nil when `cells` are not that.
    func continued(by cells: [SourceCell]) -> TableLayout? {
        let g = TableLayout.grid(cells).map { SourceText.plainText($0.text).trimmingCharacters(in: .whitespaces) }
        guard g.count <= columns.count, g.contains(where: { !$0.isEmpty }), !groupInHeader, timeline.isEmpty,
            [ColumnRole.id, .action].allSatisfy({ r in column(r).map { $0 >= g.count || g[$0].isEmpty } ?? true }),
            g.allSatisfy({ $0.count <= 30 && !$0.contains(where: \.isNumber) && StatusWords.rating(for: $0) == nil })
        else { return nil }
        var l = self
        for (c, label) in g.enumerated() where !label.isEmpty {
            let above = columns[...c].last { !$0.header.isEmpty }?.header ?? ""
            l.columns[c].header = above.isEmpty ? label : above + " " + label
            if columns[c].header.isEmpty { l.columns[c].why = "no header: named by the header's second line" }
        }
        return l
    }
}
