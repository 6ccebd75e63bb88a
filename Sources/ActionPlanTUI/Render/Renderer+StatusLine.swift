import ActionPlanCore
import ActionPlanStore

/// The status bar along the top: file, unsaved marker, view and filter, counts, overdue, as-of day, search,
/// and at the right the position in the list (`12/28`).
///
/// Parts are dropped from the least important end when the terminal is narrow;
/// the file name, the unsaved marker, the view (shortened if it must be) and
/// the position always stay, so a narrowed list is never mistaken for the whole plan.
extension Renderer {
    /// The parts of the status bar, most important first, and how many of them must never be dropped.
    ///
    /// The view and sort are shown only when they are not the default (all
    /// actions in plan order), and then right after the file name, followed by
    /// `5 of 57 shown`; the whole plan's counts come after.
    static func statusParts(_ state: AppState) -> (parts: [String], kept: Int) {
        let name = PlanStore.fileName(of: state.filePath)
        let c = state.derived.planCounts
        var counts = "B\(c.blue) G\(c.green) A\(c.amber) R\(c.red)"
        if c.unrated > 0 { counts += " ·\(c.unrated)" }
        var parts = [SafeText.line(name) + (state.isModified ? " [unsaved]" : "")]
        var kept = 1
        if state.view.mode != .all || state.view.sort != .plan {
            parts.append(state.view.mode.label + ", by " + state.view.sort.label)
            kept += 1
            if state.view.mode != .all {
                parts.append("\(state.derived.visible.actions.count) of \(c.total) shown")
                kept += 1
            }
        }
        if !state.view.marked.isEmpty {
            parts.append("\(state.view.marked.count) marked")
            kept += 1
        }
        if let search = state.view.search, !search.isEmpty {
            parts.append(searchPart(state, search))
        }
        parts += [counts, "\(c.overdue) overdue", "as of " + state.asOf.humanDescription]
        return (parts, kept)
    }

    /// `/query: match 2/7` when the selected action is a match, else `/query: 7 matches`.
    static func searchPart(_ state: AppState, _ search: TextSearch) -> String {
        var part = "/" + SafeText.line(search.query)
        guard let matches = state.derived.matches else { return part }
        let rows = state.derived.visible.rows
        if rows.indices.contains(state.view.selectedRow), case .action = rows[state.view.selectedRow].item,
            let k = matches.firstIndex(of: rows[state.view.selectedRow].viewIndex)
        {
            part += ": match \(k + 1)/\(matches.count)"
        } else {
            part += ": \(matches.count) match" + (matches.count == 1 ? "" : "es")
        }
        return part
    }

    /// Where the selection is among the view's actions: `12/28`, or `-/28` on a heading.
    static func positionText(_ state: AppState) -> String {
        let rows = state.derived.visible.rows
        let total = state.derived.visible.actions.count
        guard rows.indices.contains(state.view.selectedRow) else { return "0/\(total)" }
        let row = rows[state.view.selectedRow]
        if case .action = row.item { return "\(row.viewIndex + 1)/\(total)" }
        return "-/\(total)"
    }

    static func drawStatusLine(_ state: AppState, _ grid: inout Grid) {
        grid.fill(row: 0, style: UIStyle.statusBar)
        var (parts, kept) = statusParts(state)
        let position = positionText(state) + " "
        let room = max(1, grid.width - DisplayWidth.of(position) - 1)
        let separator = " │ "
        while parts.count > max(1, kept), DisplayWidth.of(" " + parts.joined(separator: separator)) > room {
            parts.removeLast()
        }
        let text = DisplayWidth.truncate(" " + parts.joined(separator: separator), to: room)
        grid.put(text, x: 0, y: 0, style: UIStyle.statusBar, maxWidth: grid.width)
        if grid.width - DisplayWidth.of(position) > DisplayWidth.of(text) {
            grid.put(position, x: grid.width - DisplayWidth.of(position), y: 0, style: UIStyle.statusBar)
        }
    }
}
