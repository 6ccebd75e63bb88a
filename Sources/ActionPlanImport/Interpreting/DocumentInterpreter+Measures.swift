import ActionPlanCore
import Foundation

/// The rows of a table of measures (a dashboard: `Plan ID | Measure | Previous Period | Latest Position | … |
/// Rating`), where a measure's row is followed by rows with no ID that break it down.
///
/// A row with an ID is a measure, read as an action (its other cells — often the periods, `Feb-18`, `Mar-18`
/// — kept as fields). A row with no ID below it is its breakdown, kept on the measure:
/// - with a label (`Duty and Assessment`): one field named by the label, holding each value named by the
///   measure row's cell above it, or the header where that is empty (`Feb-18: 18.3; Mar-18: 13.3; Change: -5`);
/// - with no label: the measure's own values, one field each, and its rating column as the measure's status;
/// - with a label and no values (`Performance Matters Page 15`): a field named by the measure column's header;
/// - the same as the breakdown row above, word for word (a page reference printed for each row it stands
///   for): kept once.
extension DocumentInterpreter {
    /// Reads `texts` as a breakdown when it is one (true); records a measure's row for the breakdowns below it.
    mutating func readBreakdown(_ texts: [String], layout: TableLayout, at i: Int) -> Bool {
        guard let idColumn = layout.column(.id), let measureColumn = layout.column(.action) else { return false }
        if idColumn < texts.count && !texts[idColumn].isEmpty {
            measureRow = texts
            lastBreakdown = nil
            return false
        }
        guard let above = measureRow, var action = assembler.lastAdded else { return false }
        if texts == lastBreakdown {
            repair(i, "repeats the breakdown row above word for word: kept once")
            return true
        }
        lastBreakdown = texts
        let label = measureColumn < texts.count ? SourceText.plainText(texts[measureColumn]) : ""
        let values = layout.columns.indices.compactMap { c -> (name: String, value: String, role: ColumnRole)? in
            guard c != idColumn, c != measureColumn, c < texts.count, !texts[c].isEmpty else { return nil }
            let name = SourceText.plainText(c < above.count && !above[c].isEmpty ? above[c] : layout.columns[c].header)
            return (name.isEmpty ? "Column \(c + 1)" : name, SourceText.plainText(texts[c]), layout.columns[c].role)
        }
        if label.isEmpty {
            for v in values {
                if v.role == .status {
                    rate(&action, status: v.value, exported: false, at: i)
                } else {
                    action.fields.append(ActionField(name: v.name, value: v.value))
                }
            }
        } else if values.isEmpty {
            let name = layout.columns[measureColumn].header
            action.fields.append(ActionField(name: name.isEmpty ? "Column \(measureColumn + 1)" : name, value: label))
        } else {
            action.fields.append(
                ActionField(name: label, value: values.map { "\($0.name): \($0.value)" }.joined(separator: "; ")))
        }
        assembler.lastAdded = action
        mark(i, .used)
        return true
    }
}
