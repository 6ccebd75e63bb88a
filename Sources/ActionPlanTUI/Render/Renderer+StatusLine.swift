import ActionPlanCore
import ActionPlanStore

/// The status bar along the top: file, unsaved marker, counts, overdue, view, sort, as-of day, position.
///
/// Parts are dropped from the least important end when the terminal is narrow;
/// the file name and the unsaved marker always stay.
extension Renderer {
    /// The parts of the status bar, most important first.
    ///
    /// The view and sort are shown only when they are not the default (all
    /// actions in plan order), and then before the as-of day, so a narrowed
    /// list is never mistaken for the whole plan.
    static func statusParts(_ state: AppState) -> [String] {
        let name = PlanStore.fileName(of: state.filePath)
        let c = state.derived.planCounts
        var counts = "B\(c.blue) G\(c.green) A\(c.amber) R\(c.red)"
        if c.unrated > 0 { counts += " ·\(c.unrated)" }
        var parts = [SafeText.line(name) + (state.isModified ? " [unsaved]" : ""), counts, "\(c.overdue) overdue"]
        if state.view.mode != .all || state.view.sort != .plan {
            parts.append("view: " + state.view.mode.label + ", by " + state.view.sort.label)
        }
        parts.append("as of " + state.asOf.humanDescription)
        if let search = state.view.search, !search.isEmpty {
            var part = "/" + SafeText.line(search.query)
            if let matches = state.derived.matches {
                part += ": \(matches.count) match" + (matches.count == 1 ? "" : "es")
            }
            parts.append(part)
        }
        return parts
    }

    static func drawStatusLine(_ state: AppState, _ grid: inout Grid) {
        grid.fill(row: 0, style: UIStyle.statusBar)
        var parts = statusParts(state)
        let separator = " │ "
        while parts.count > 1, DisplayWidth.of(" " + parts.joined(separator: separator)) > grid.width {
            parts.removeLast()
        }
        grid.put(" " + parts.joined(separator: separator), x: 0, y: 0, style: UIStyle.statusBar, maxWidth: grid.width)
    }
}
