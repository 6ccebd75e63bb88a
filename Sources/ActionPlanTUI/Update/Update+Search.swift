import ActionPlanCore

/// Finding actions: `/` opens the search prompt (submitted in Update+SearchPrompts), n and N step through
/// the matches, unfolding what hides them.
extension Update {
    /// /, n, N while browsing.
    static func find(_ command: Command, _ s: inout AppState) {
        switch command {
        case .search: s.mode = .prompt(Prompt(.search))
        case .nextMatch: stepMatch(forward: true, &s)
        case .previousMatch: stepMatch(forward: false, &s)
        default: break
        }
    }

    /// Selects the action at view index `index`, unfolding its theme and group if needed.
    static func reveal(viewIndex index: Int, _ s: inout AppState) {
        guard s.derived.visible.actions.indices.contains(index) else { return }
        let path = s.derived.visible.actions[index]
        if s.derived.visible.row(ofViewIndex: index) == nil {
            s.view.foldedThemes.remove(path.theme)
            s.view.foldedGroups.remove(GroupKey(theme: path.theme, group: path.group))
            s.rebuild(anchor: .action(s.plan[path].id, at: path))
        }
        if let row = s.derived.visible.row(of: path) { select(row, &s) }
        s.view.focus = .plan
    }

    /// Goes to the next (or previous) match after the selection, wrapping at the end.
    static func stepMatch(forward: Bool, _ s: inout AppState) {
        guard let search = s.view.search else {
            s.message = StatusMessage("No search yet: press / to search")
            return
        }
        let matches = s.derived.matches ?? s.refreshMatches()
        guard !matches.isEmpty else {
            s.message = StatusMessage("No match for \"\(search.query)\" in this view", isError: true)
            return
        }
        let rows = s.derived.visible.rows
        let row = rows.indices.contains(s.view.selectedRow) ? rows[s.view.selectedRow] : nil
        let here = row?.viewIndex ?? -1
        let onAction: Bool
        if case .action? = row?.item { onAction = true } else { onAction = false }
        var k: Int
        var wrapped = false
        if forward {
            k = matches.firstIndex { onAction ? $0 > here : $0 >= here } ?? -1
            if k < 0 {
                k = 0
                wrapped = true
            }
        } else {
            k = matches.lastIndex { $0 < here } ?? -1
            if k < 0 {
                k = matches.count - 1
                wrapped = true
            }
        }
        reveal(viewIndex: matches[k], &s)
        let note = wrapped ? (forward ? " (wrapped to the top)" : " (wrapped to the bottom)") : ""
        s.message = StatusMessage("Match \(k + 1) of \(matches.count) for \"\(search.query)\"" + note)
    }
}
